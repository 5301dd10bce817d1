import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../../test/helpers.js';
import {
  loadCameoTable,
  parseCameoTable,
  PLOVER_TYPES,
  UnknownCameoCodeError,
} from './cameo-table.js';
import { formatProblem } from './patterns-schema.js';

const CAMEO_REF = path.join(SHARED, 'eval', 'cameo', 'cameo_codes.json');
const PLOVER_REF = path.join(SHARED, 'eval', 'cameo', 'cameo2plover-2021.txt');
const HAS_REF = existsSync(CAMEO_REF) && existsSync(PLOVER_REF);
if (!HAS_REF) {
  console.warn(
    `entente tests: ${path.dirname(CAMEO_REF)} is absent; CAMEO reference checks are skipped`,
  );
}

const CODES_HEAD = 'code\troot\tname\tgoldstein\tquad\n';
const PLOVER_HEAD = 'code\ttype\tmode\tcontext\tbasis\n';

describe('the CAMEO table in dictionaries/cameo', () => {
  const table = loadCameoTable();

  it('holds the 20 roots and every event code under them', () => {
    const roots = table.codes.filter((c) => c.code.length === 2).map((c) => c.code);
    expect(roots).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
    const eventCodes = table.codes.filter((c) => c.code.length > 2);
    expect(eventCodes.length).toBeGreaterThan(280);
    expect(eventCodes.filter((c) => c.code.length === 4).length).toBeGreaterThan(100);
    for (const c of eventCodes) expect(table.has(c.parent!)).toBe(true);
  });

  it('answers the questions a coder asks about a code', () => {
    expect(table.root('0871')).toBe('08');
    expect(table.get('0871')?.parent).toBe('087');
    expect(table.goldstein('190')).toBe(-10);
    expect(table.quadClass('057')).toBe(1);
    expect(table.quadClass('173')).toBe(4);
    expect(table.name('042')).toBe('Visit');
    expect(table.plover('041')).toEqual({ type: 'CONSULT', mode: 'phone', context: null });
    expect(table.plover('1121')).toEqual({
      type: 'ACCUSE',
      mode: 'allege',
      context: 'crime;corruption',
    });
  });

  it('says no for codes that do not exist instead of guessing', () => {
    expect(table.get('049')).toBeUndefined();
    expect(table.has('21')).toBe(false);
    expect(() => table.goldstein('049')).toThrow(UnknownCameoCodeError);
    expect(() => table.root('abc')).toThrow(/unknown CAMEO event code "abc"/);
  });

  it('gives every code a PLOVER type, except the comment roots PLOVER dropped', () => {
    for (const c of table.codes) {
      const p = table.plover(c.code);
      if (c.root === '01' || c.root === '02') {
        expect(p, c.code).toBeNull();
        expect(table.ploverBasis(c.code)).toBe('dropped');
      } else {
        expect(PLOVER_TYPES, c.code).toContain(p?.type);
      }
    }
  });

  it('is frozen and loaded once', () => {
    expect(loadCameoTable()).toBe(table);
    expect(Object.isFrozen(table.codes[0])).toBe(true);
    expect(Object.isFrozen(table.plover('042'))).toBe(true);
  });
});

describe.skipIf(!HAS_REF)('the CAMEO table against the CAMEO reference in ../shared', () => {
  const table = loadCameoTable();
  const reference = JSON.parse(readFileSync(CAMEO_REF, 'utf8')) as Array<{
    code: string;
    goldstein: number;
    quad_class: number;
  }>;
  const byCode = new Map(reference.map((r) => [r.code, r]));

  it.each(['041', '042', '051', '057', '111', '112', '163', '173', '190'])(
    'code %s has the reference Goldstein value and quad class',
    (code) => {
      const ref = byCode.get(code)!;
      expect(table.goldstein(code)).toBe(ref.goldstein);
      expect(table.quadClass(code)).toBe(ref.quad_class);
    },
  );

  it('has exactly the reference codes, each with its facts', () => {
    expect(table.codes.map((c) => c.code).sort()).toEqual([...byCode.keys()].sort());
    const wrong = table.codes.filter((c) => {
      const ref = byCode.get(c.code)!;
      return ref.goldstein !== c.goldstein || ref.quad_class !== c.quadClass;
    });
    expect(wrong.map((c) => c.code)).toEqual([]);
  });

  it('agrees with every line of the PLOVER 2021 conversion table', () => {
    const lines = readFileSync(PLOVER_REF, 'utf8').split('\n');
    const seen = new Set<string>();
    let compared = 0;
    for (const line of lines) {
      const m = /^(\d{3,4}):\s*([^#]*)/.exec(line);
      if (!m || seen.has(m[1]!) || !table.has(m[1]!)) continue;
      seen.add(m[1]!);
      const [type = '', mode = '', context = ''] = m[2]!.split(',').map((s) => s.trim());
      const contexts = context
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
        .join(';');
      expect(table.plover(m[1]!), m[1]).toEqual({
        type,
        mode: mode === '' ? null : mode,
        context: contexts === '' ? null : contexts,
      });
      compared++;
    }
    expect(compared).toBeGreaterThan(250);
  });
});

describe('parseCameoTable validation', () => {
  const codes = `${CODES_HEAD}04\t04\tConsult\t1.0\t1\n040\t04\tConsult, unspecified\t1.0\t1\n`;
  const plover = `${PLOVER_HEAD}04\tCONSULT\t-\t-\tcrosswalk\n040\tCONSULT\t-\t-\tcrosswalk\n`;

  it('builds a table from well-formed files', () => {
    const { table, problems } = parseCameoTable(codes, plover);
    expect(problems).toEqual([]);
    expect(table?.goldstein('040')).toBe(1);
  });

  it.each([
    [
      'a Goldstein value out of range',
      `${codes}041\t04\tPhone\t11\t1\n`,
      'codes.tsv:4: code 041: Goldstein value "11" is not a number from -10 to 10',
    ],
    [
      'a bad quad class',
      `${codes}041\t04\tPhone\t1.0\t5\n`,
      'codes.tsv:4: code 041: quad class "5" is not 1, 2, 3 or 4',
    ],
    ['a duplicate code', `${codes}040\t04\tAgain\t1.0\t1\n`, 'codes.tsv:4: duplicate code 040'],
    [
      'a code without its parent',
      `${codes}0591\t05\tOrphan\t1.0\t1\n`,
      'codes.tsv:4: code 0591 comes before (or without) its parent 059',
    ],
    [
      'a root that does not match the code',
      `${codes}041\t05\tPhone\t1.0\t1\n`,
      'codes.tsv:4: root "05" is not the first two digits of 041',
    ],
    [
      'a short row',
      `${codes}041\t04\tPhone\n`,
      'codes.tsv:4: expected 5 tab-separated fields, found 3',
    ],
    ['a missing header', codes.slice(CODES_HEAD.length), 'codes.tsv:1: expected the header line'],
  ])('reports %s in codes.tsv', (_what, codesText, message) => {
    const { table, problems } = parseCameoTable(codesText, plover);
    expect(table).toBeNull();
    expect(problems.map(formatProblem).join('\n')).toContain(message);
  });

  it.each([
    [
      'an unknown PLOVER type',
      plover.replace('040\tCONSULT', '040\tCHAT'),
      'plover.tsv:3: code 040: unknown PLOVER type "CHAT"',
    ],
    [
      'a code missing from the crosswalk',
      `${PLOVER_HEAD}04\tCONSULT\t-\t-\tcrosswalk\n`,
      'plover.tsv:0: no crosswalk row for CAMEO code 040',
    ],
    [
      'a code unknown to codes.tsv',
      `${plover}049\tCONSULT\t-\t-\tcrosswalk\n`,
      'plover.tsv:4: unknown CAMEO code 049',
    ],
    [
      'a dropped row with a type',
      plover.replace('040\tCONSULT\t-\t-\tcrosswalk', '040\tCONSULT\t-\t-\tdropped'),
      'plover.tsv:3: code 040: a dropped code has "-"',
    ],
    [
      'a parent row that differs from its parent',
      plover.replace('040\tCONSULT\t-\t-\tcrosswalk', '040\tCONSULT\tphone\t-\tparent'),
      'plover.tsv:3: code 040: basis "parent" but the row differs from its parent 04',
    ],
    [
      'a malformed context',
      plover.replace('040\tCONSULT\t-\t-', '040\tCONSULT\t-\tBad Context'),
      'plover.tsv:3: code 040: "Bad Context" is not',
    ],
  ])('reports %s in plover.tsv', (_what, ploverText, message) => {
    const { table, problems } = parseCameoTable(codes, ploverText);
    expect(table).toBeNull();
    expect(problems.map(formatProblem).join('\n')).toContain(message);
  });
});
