import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EntenteError } from '../core/errors.js';
import { formatKbError, validateKb } from './validate.js';

const dirs: string[] = [];

/** A temp KB directory with the given files; values are arrays of lines (objects are JSON-encoded). */
async function kbDir(files: Record<string, Array<string | object>>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'entente-kb-'));
  dirs.push(dir);
  for (const [name, lines] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    const text =
      lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const iran = {
  id: 'entente:state:iran',
  type: 'COUNTRY',
  name: 'Iran',
  code: 'IRN',
  capital: 'Tehran',
  seats: ['Tehran'],
  demonyms: ['Iranian', 'Iranians'],
};
const russia = {
  id: 'entente:state:russia',
  type: 'COUNTRY',
  name: 'Russia',
  code: 'RUS',
  capital: 'Moscow',
  seats: ['Moscow', 'Kremlin'],
  from: '1991-12-26',
};
const soviet = {
  id: 'entente:state:soviet-union',
  type: 'HISTORIC_STATE',
  name: 'Soviet Union',
  code: 'USR',
  capital: 'Moscow',
  seats: ['Moscow', 'Kremlin'],
  from: '1922-12-30',
  until: '1991-12-26',
};

/** Errors as `basename:line: message`, so assertions do not depend on the temp path. */
function short(
  errors: readonly { file: string; line: number; message: string; severity: 'error' | 'warning' }[],
): string[] {
  return errors.map((e) => formatKbError({ ...e, file: path.basename(e.file) }));
}

describe('validateKb', () => {
  it('accepts a small well-formed knowledge base and applies schema defaults', async () => {
    const dir = await kbDir({ 'states.jsonl': [iran, russia, soviet] });
    const result = await validateKb(dir);
    expect(result.errors).toEqual([]);
    expect(result.entries.map((e) => e.id)).toEqual([iran.id, russia.id, soviet.id]);
    expect(result.sources.map((s) => s.line)).toEqual([1, 2, 3]);
    const first = result.entries[0]!;
    expect(first.type === 'COUNTRY' && first.aliases).toEqual([]);
  });

  it('reports the file and line of a malformed JSON line and keeps the good ones', async () => {
    const dir = await kbDir({
      'states.jsonl': [iran, '{"id": "entente:state:iraq", "type": ', russia],
    });
    const result = await validateKb(dir);
    expect(short(result.errors)).toEqual([
      expect.stringMatching(/^states\.jsonl:2: invalid JSON: /),
    ]);
    expect(result.entries.map((e) => e.id)).toEqual([iran.id, russia.id]);
  });

  it('reports a bad CAMEO code with its field path', async () => {
    const dir = await kbDir({ 'states.jsonl': [iran, { ...russia, code: 'Rus' }] });
    expect(short((await validateKb(dir)).errors)).toEqual([
      'states.jsonl:2: code: CAMEO actor code: groups of 3 capitals',
    ]);
  });

  it('reports a role code whose root is not a known state, region or IGO code', async () => {
    const person = {
      id: 'entente:person:x',
      type: 'PERSON',
      name: 'X Y',
      country: 'IRN',
      roles: [
        { code: 'IRNGOV', from: '2001' },
        { code: 'XYZGOV', from: '2005' },
      ],
    };
    const dir = await kbDir({ 'states.jsonl': [iran], 'people/x.jsonl': [person] });
    expect(short((await validateKb(dir)).errors)).toEqual([
      'x.jsonl:1: roles.1.code: unknown root "XYZ" in "XYZGOV" (not a state, region or IGO/NGO/IMG/MNC/UIS code)',
    ]);
  });

  it('warns about an unknown sector after a known root, which is usually a typo', async () => {
    const alias = {
      id: 'entente:alias:tehran-regime',
      type: 'ALIAS',
      name: 'Tehran regime',
      code: 'IRNGVO',
    };
    const result = await validateKb(await kbDir({ 'a.jsonl': [iran, alias] }));
    expect(result.errors).toEqual([]);
    expect(short(result.warnings)).toEqual([
      'a.jsonl:2: warning: code: "GVO" in "IRNGVO" is not a CAMEO sector or a known sub-code',
    ]);
  });

  it('reports an inverted date range on a state and on a person role', async () => {
    const person = {
      id: 'entente:person:y',
      type: 'PERSON',
      name: 'Y Z',
      country: 'IRN',
      roles: [
        { code: 'IRNGOV', title: 'President', from: '2021-08-03', until: '2021-08' },
        { code: 'IRNJUD', from: '2019-03-07', until: '2019-03-06' },
      ],
    };
    const dir = await kbDir({
      'a.jsonl': [iran, { ...soviet, from: '1991', until: '1922-12-30' }, person],
    });
    expect(short((await validateKb(dir)).errors)).toEqual([
      'a.jsonl:2: until 1922-12-30 is before from 1991',
      'a.jsonl:3: roles.1.until 2019-03-06 is before roles.1.from 2019-03-07',
    ]);
  });

  it('rejects dates that match the pattern but are not on the calendar', async () => {
    const dir = await kbDir({
      'a.jsonl': [
        { ...russia, from: '1991-02-30' },
        { ...iran, from: '1979-13' },
      ],
    });
    expect(short((await validateKb(dir)).errors)).toEqual([
      'a.jsonl:1: from: "1991-02-30" is not a calendar date',
      'a.jsonl:2: from: "1979-13" is not a calendar date',
    ]);
  });

  it('reports a duplicate id in another file, pointing at the first definition', async () => {
    const dir = await kbDir({ 'a.jsonl': [iran], 'people/b.jsonl': [{ ...russia, id: iran.id }] });
    const errors = (await validateKb(dir)).errors;
    expect(short(errors)).toEqual([
      expect.stringMatching(
        /^b\.jsonl:1: duplicate id entente:state:iran \(first defined at .*a\.jsonl:1\)$/,
      ),
    ]);
  });

  it('rejects blank lines and comment lines, which JSON Lines does not allow', async () => {
    const dir = await kbDir({ 'a.jsonl': [iran, '', '# Russia follows', russia] });
    expect(short((await validateKb(dir)).errors)).toEqual([
      'a.jsonl:2: blank line (JSON Lines allows none)',
      'a.jsonl:3: comment line (JSON Lines allows none; use a "note" field)',
    ]);
  });

  it('accepts an empty file but not a byte-order mark, which editors add invisibly', async () => {
    const dir = await kbDir({ 'a.jsonl': [iran] });
    await writeFile(path.join(dir, 'empty.jsonl'), '');
    await writeFile(path.join(dir, 'bom.jsonl'), `\uFEFF${JSON.stringify(russia)}\n`);
    const result = await validateKb(dir);
    expect(short(result.errors)).toEqual([
      'bom.jsonl:1: byte-order mark at the start of the file (save as UTF-8 without BOM)',
    ]);
    expect(result.entries.map((e) => e.id)).toEqual([iran.id, russia.id]);
  });

  it('needs an end date on a historic state', async () => {
    const open: Record<string, unknown> = { ...soviet };
    delete open.until;
    expect(short((await validateKb(await kbDir({ 'a.jsonl': [open] }))).errors)).toEqual([
      'a.jsonl:1: until: a HISTORIC_STATE needs the date it ended',
    ]);
  });

  it('reports a person whose role ends after their death only as a hint when open, and as an error when it starts after', async () => {
    const person = {
      id: 'entente:person:z',
      type: 'PERSON',
      name: 'Z',
      country: 'IRN',
      died: '2024-05-19',
      roles: [
        { code: 'IRNGOV', from: '2021-08-03' },
        { code: 'IRNELI', from: '2025-01-01', until: '2025-02-01' },
      ],
    };
    const result = await validateKb(await kbDir({ 'a.jsonl': [iran, person] }));
    expect(short(result.errors)).toEqual([
      'a.jsonl:2: roles.1.from 2025-01-01 is after died 2024-05-19',
    ]);
    expect(short(result.warnings)).toEqual([
      'a.jsonl:2: warning: roles.0.until is open but the person died 2024-05-19; give the last day in office',
    ]);
  });

  it('warns when two states share a surface form in the same period, but not across a handover', async () => {
    const congo = {
      id: 'entente:state:congo',
      type: 'COUNTRY',
      name: 'Republic of the Congo',
      code: 'COG',
      capital: 'Brazzaville',
      aliases: ['Congo'],
    };
    const drc = {
      id: 'entente:state:drc',
      type: 'COUNTRY',
      name: 'Democratic Republic of the Congo',
      code: 'COD',
      capital: 'Kinshasa',
      aliases: ['DRC', 'Congo'],
    };
    const result = await validateKb(await kbDir({ 'a.jsonl': [congo, drc, russia, soviet] }));
    expect(result.errors).toEqual([]);
    // Moscow and the Kremlin pass from the Soviet Union to Russia on 1991-12-26: no warning.
    expect(short(result.warnings)).toEqual([
      expect.stringMatching(/^a\.jsonl:2: warning: "congo" also names entente:state:congo /),
    ]);
  });

  it('warns when the Soviet Union and Russia would both hold Moscow for more than the handover day', async () => {
    const result = await validateKb(
      await kbDir({ 'a.jsonl': [{ ...russia, from: '1991-12-01' }, soviet] }),
    );
    expect(short(result.warnings).filter((w) => w.includes('"moscow"'))).toHaveLength(1);
  });

  it('treats the same canonical name with the same code as a duplicate entry', async () => {
    const again = { ...iran, id: 'entente:state:iran-2', seats: [], demonyms: [] };
    expect(short((await validateKb(await kbDir({ 'a.jsonl': [iran, again] }))).errors)).toEqual([
      expect.stringMatching(
        /^a\.jsonl:2: duplicate entry: same name "iran" and code as entente:state:iran /,
      ),
    ]);
  });

  it('rejects a role term mapped by two role entries', async () => {
    const a = { id: 'entente:role:army', type: 'ROLE', terms: ['army', 'troops'], sector: 'MIL' };
    const b = {
      id: 'entente:role:police',
      type: 'ROLE',
      terms: ['police', 'troops'],
      sector: 'COP',
    };
    expect(short((await validateKb(await kbDir({ 'roles.jsonl': [a, b] }))).errors)).toEqual([
      expect.stringMatching(
        /^roles\.jsonl:2: term "troops" is already mapped by entente:role:army /,
      ),
    ]);
  });

  it('reads *.jsonl files recursively in sorted path order and ignores other files', async () => {
    const dir = await kbDir({
      'z.jsonl': [iran],
      'people/a.jsonl': [russia],
      'a.jsonl': [soviet],
      'notes.txt': ['not json'],
    });
    const result = await validateKb(dir);
    expect(result.errors).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual(['a.jsonl', 'people/a.jsonl', 'z.jsonl']);
    expect(result.entries.map((e) => e.id)).toEqual([soviet.id, russia.id, iran.id]);
  });

  it('throws a typed error when the directory does not exist', async () => {
    await expect(validateKb(path.join(tmpdir(), 'entente-no-such-kb-dir'))).rejects.toBeInstanceOf(
      EntenteError,
    );
  });
});
