import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntenteError } from '../core/errors.js';
import {
  checkRuleCoverage,
  defaultDictionariesDir,
  namePattern,
  parsePattern,
  parseTaxonomy,
  parseThemeRules,
  parseToneOverrides,
  parseToneWords,
  readData,
  readIgoNames,
  ThemeDataError,
  type Taxonomy,
} from './load-themes.js';
import { createThemeContext } from './themes.js';

const HEADER = 'id\tparent\tlabel\tgkg\tdescription';
const row = (...cols: string[]): string => cols.join('\t');

/** The messages of the ThemeDataError `fn` throws, as `file:line: message` lines. */
function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ThemeDataError);
    expect(err).toBeInstanceOf(EntenteError);
    return (err as ThemeDataError).message.split('\n');
  }
  throw new Error('expected a ThemeDataError');
}

const SMALL_TAXONOMY = [
  HEADER,
  row('SECURITY', '', 'Security', '', 'Threats to a state.'),
  row('MILITARY', 'SECURITY', 'Military', 'MILITARY', 'Armed forces.'),
  row('MISSILES', 'MILITARY', 'Missiles', '', 'Rockets used as weapons.'),
  row('TRADE', '', 'Trade', '', 'Goods crossing borders.'),
].join('\n');

function smallTaxonomy(): Taxonomy {
  return parseTaxonomy(SMALL_TAXONOMY, 'tax.tsv');
}

describe('parseTaxonomy', () => {
  it('reads themes with their ancestors, label, GKG name and line', () => {
    const t = smallTaxonomy();
    expect([...t.keys()]).toEqual(['SECURITY', 'MILITARY', 'MISSILES', 'TRADE']);
    expect(t.get('MISSILES')).toMatchObject({
      parent: 'MILITARY',
      label: 'Missiles',
      gkg: null,
      ancestors: ['MILITARY', 'SECURITY'],
      line: 4,
    });
    expect(t.get('MILITARY')?.gkg).toBe('MILITARY');
  });

  it('skips comments and blank lines but keeps real line numbers', () => {
    const src = `# comment\n\n${HEADER}\n# another\n${row('A', '', 'A', '', 'a')}\n`;
    expect(parseTaxonomy(src, 'f.tsv').get('A')?.line).toBe(5);
  });

  it('reports every problem of the file with file:line', () => {
    const src = [
      HEADER,
      row('TRADE', '', 'Trade', '', 'x'),
      row('TRADE', '', 'Trade again', '', 'x'),
      row('lower_case', '', 'Bad', '', 'x'),
      row('ORPHAN', 'NOWHERE', 'Orphan', '', 'x'),
      row('NOLABEL', '', '', '', 'x'),
      row('BADGKG', '', 'B', 'econ trade', 'x'),
      'TOO\tFEW',
    ].join('\n');
    expect(problems(() => parseTaxonomy(src, 't.tsv'))).toEqual([
      't.tsv:3: duplicate theme id TRADE (first on line 2)',
      't.tsv:4: theme id "lower_case" must be upper case letters, digits and _',
      't.tsv:6: theme NOLABEL has no label',
      't.tsv:7: gkg name "econ trade" must be upper case letters, digits and _',
      't.tsv:8: expected 5 tab-separated columns, found 2',
      't.tsv:5: theme ORPHAN: unknown parent NOWHERE',
    ]);
  });

  it('rejects a missing header and a parent loop', () => {
    expect(problems(() => parseTaxonomy(row('A', '', 'A', '', 'a'), 'h.tsv'))[0]).toMatch(
      /^h\.tsv:1: expected the header line/,
    );
    const loop = [HEADER, row('A', 'B', 'A', '', 'a'), row('B', 'A', 'B', '', 'b')].join('\n');
    expect(problems(() => parseTaxonomy(loop, 'l.tsv'))[0]).toMatch(
      /^l\.tsv:2: theme A: parent chain loops/,
    );
  });
});

describe('parsePattern', () => {
  it('reads alternatives, prefixes, wildcards, parts of speech and case', () => {
    const items = parsePattern('air|naval strike* * on@ADP WHO');
    expect(typeof items).not.toBe('string');
    if (typeof items === 'string') return;
    expect(items).toHaveLength(5);
    expect(items[0]!.alts.map((a) => a.word)).toEqual(['air', 'naval']);
    expect(items[1]!.alts[0]).toEqual({ word: 'strike', prefix: true, caseSensitive: false });
    expect(items[2]!.any).toBe(true);
    expect(items[3]!.pos).toEqual(['ADP']);
    expect(items[4]!.alts[0]!.caseSensitive).toBe(true);
  });

  it.each([
    ['* strike', 'a pattern cannot start with "*"'],
    ['visit *', 'a pattern cannot end with "*" unless it names a part of speech ("*@PROPN")'],
    ['st*', 'prefix "st*" is shorter than 3 characters'],
    ['str*ke', '"*" may only end a word ("str*ke")'],
    ['war@VRB', 'unknown part of speech "VRB"'],
    ['war||peace', 'empty alternative in "war||peace"'],
  ])('rejects %j', (pattern, message) => {
    const result = parsePattern(pattern);
    expect(typeof result).toBe('string');
    expect(result as string).toContain(message);
  });

  it('accepts a trailing wildcard restricted to a part of speech', () => {
    expect(typeof parsePattern('visited *@PROPN')).not.toBe('string');
  });
});

describe('parseThemeRules', () => {
  it('reads positive, negative and sentence-wide negative rules with their origin', () => {
    const rules = parseThemeRules(
      [
        '# missiles',
        'MISSILES: missile|missiles',
        'MILITARY,TRADE: arms deal',
        'not MISSILES: missile defence',
        'not TRADE in sentence: quarterback',
        'not * in sentence: lorem',
      ].join('\n'),
      'r.txt',
      smallTaxonomy(),
    );
    expect(rules.map((r) => [r.themes.join(','), r.negative, r.scope, r.origin])).toEqual([
      ['MISSILES', false, 'overlap', 'r.txt:2'],
      ['MILITARY,TRADE', false, 'overlap', 'r.txt:3'],
      ['MISSILES', true, 'overlap', 'r.txt:4'],
      ['TRADE', true, 'sentence', 'r.txt:5'],
      ['*', true, 'sentence', 'r.txt:6'],
    ]);
  });

  it('reports unknown themes, bad patterns, misplaced scopes and repeats by line', () => {
    const src = [
      'MISSILE: missile',
      'MISSILES missile',
      'MISSILES in sentence: missile',
      'MISSILES: * missile',
      '*: anything',
      'MISSILES: missile',
      'MISSILES:   missile',
    ].join('\n');
    expect(problems(() => parseThemeRules(src, 'r.txt', smallTaxonomy()))).toEqual([
      'r.txt:1: unknown theme MISSILE',
      'r.txt:2: expected "THEME: pattern" (or "not THEME: pattern")',
      'r.txt:3: "in sentence" is only for negative rules ("not THEME in sentence: ...")',
      'r.txt:4: a pattern cannot start with "*"',
      'r.txt:5: "*" (every theme) is only for negative rules, alone',
      'r.txt:7: repeats the rule on line 6',
    ]);
  });
});

describe('checkRuleCoverage', () => {
  it('names, at its taxonomy line, a theme that no rule can assign', () => {
    const tax = smallTaxonomy();
    const rules = parseThemeRules('MISSILES: missile', 'r.txt', tax);
    // MISSILES covers MILITARY and SECURITY through its ancestors; TRADE has nothing.
    expect(problems(() => checkRuleCoverage(tax, rules, 'tax.tsv'))).toEqual([
      'tax.tsv:5: theme TRADE has no positive rule, and none of its sub-themes has one',
    ]);
    const negativeOnly = parseThemeRules('MISSILES: missile\nnot TRADE: x', 'r.txt', tax);
    expect(() => checkRuleCoverage(tax, negativeOnly, 'tax.tsv')).toThrow(/TRADE/);
  });
});

describe('organisation names', () => {
  it('turns a name into one case-sensitive item per piece, abbreviations kept whole', () => {
    expect(namePattern('U.N. Security Council').map((i) => i.alts[0]!.word)).toEqual([
      'U.N.',
      'Security',
      'Council',
    ]);
    expect(namePattern("UN children's agency").map((i) => i.alts[0]!.word)).toEqual([
      'UN',
      'children',
      "'s",
      'agency',
    ]);
    expect(namePattern('blue helmets')[0]!.alts[0]!.caseSensitive).toBe(false);
  });

  it('reads IGO names and aliases with their file:line, and reports bad JSON lines', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'entente-gkg-'));
    const file = path.join(dir, 'orgs.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ type: 'IGO', name: 'Andean Pact', aliases: ['AP'] }),
        JSON.stringify({ type: 'NGO', name: 'Some Charity' }),
      ].join('\n'),
    );
    expect(readIgoNames(file)).toEqual([
      { form: 'Andean Pact', origin: `${file}:1` },
      { form: 'AP', origin: `${file}:1` },
    ]);
    writeFileSync(file, `${JSON.stringify({ type: 'IGO', name: 'X' })}\n{not json\n`);
    expect(problems(() => readIgoNames(file))[0]).toMatch(new RegExp(`^${file}:2: invalid JSON`));
  });

  it('reports a missing file as file:1', () => {
    expect(problems(() => readData('/nonexistent/entente/rules.txt'))).toEqual([
      '/nonexistent/entente/rules.txt:1: file not found',
    ]);
  });
});

describe('tone data', () => {
  it('reads overrides, part-of-speech overrides and removals', () => {
    const o = parseToneOverrides('# c\ncondemn\t-2\nlike@VERB\t2\nlike\t0\n', 'o.tsv');
    expect([...o]).toEqual([
      ['condemn', -2],
      ['like@VERB', 2],
      ['like', 0],
    ]);
  });

  it('reports bad override lines by line', () => {
    const src = [
      'Condemn\t-2',
      'laud\t+9',
      'two words\t1',
      'x@VRB\t1',
      'laud\t3',
      'laud\t2',
      'one',
    ].join('\n');
    expect(problems(() => parseToneOverrides(src, 'o.tsv'))).toEqual([
      'o.tsv:1: "Condemn" must be lower case',
      'o.tsv:2: score "+9" must be an integer from -5 to 5',
      'o.tsv:3: "two words" is not a single word (optionally word@POS)',
      'o.tsv:4: unknown part of speech "VRB"',
      'o.tsv:6: "laud" is already scored on line 5',
      'o.tsv:7: expected "word<TAB>score", found 1 column',
    ]);
  });

  it('reads the word classes and reports unknown classes and empty classes', () => {
    const w = parseToneWords('negator\tnot\nbreaker\tonly\nself\twe\n', 'w.tsv');
    expect([...w.negators]).toEqual(['not']);
    expect([...w.breakers]).toEqual(['only']);
    expect([...w.self]).toEqual(['we']);
    expect(problems(() => parseToneWords('negator\tnot\nsefl\twe\n', 'w.tsv'))).toEqual([
      'w.tsv:2: unknown class "sefl" (use negator, breaker, self)',
      'w.tsv:1: no self words',
    ]);
  });
});

describe('the shipped data', () => {
  const dir = path.join(defaultDictionariesDir(), 'themes');

  it('validates and loads: 60 to 120 themes, each reachable, GKG names well formed', () => {
    const ctx = createThemeContext();
    expect(ctx.taxonomy.size).toBeGreaterThanOrEqual(60);
    expect(ctx.taxonomy.size).toBeLessThanOrEqual(120);
    for (const id of [
      'TRADE',
      'TARIFFS',
      'SANCTIONS',
      'ENERGY_OIL',
      'ENERGY_GAS',
      'ENERGY_NUCLEAR',
    ]) {
      expect(ctx.taxonomy.has(id)).toBe(true);
    }
    for (const id of [
      'TRANSPORT_RAIL',
      'TRANSPORT_INFRASTRUCTURE',
      'MINING',
      'MILITARY',
      'WEAPONS',
    ]) {
      expect(ctx.taxonomy.has(id)).toBe(true);
    }
    for (const id of ['MISSILES', 'NUCLEAR_WEAPONS', 'TERRORISM', 'ARMED_CONFLICT', 'ELECTIONS']) {
      expect(ctx.taxonomy.has(id)).toBe(true);
    }
    for (const id of [
      'PROTEST',
      'HUMAN_RIGHTS',
      'HUMANITARIAN_AID',
      'REFUGEES',
      'HEALTH',
      'CLIMATE',
    ]) {
      expect(ctx.taxonomy.has(id)).toBe(true);
    }
    for (const id of ['CYBER', 'DIPLOMACY', 'INTERNATIONAL_ORGANISATIONS']) {
      expect(ctx.taxonomy.has(id)).toBe(true);
    }
    // Organisation names from the knowledge base are rules too.
    const brics = ctx.rules.find((r) => r.pattern === 'BRICS');
    expect(brics?.themes).toEqual(['INTERNATIONAL_ORGANISATIONS']);
    expect(brics?.origin).toMatch(/organisations\.jsonl:\d+$/);
    expect(Object.isFrozen(ctx)).toBe(true);
  });

  it('names the file and line of a broken shipped-format file', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'entente-themes-'));
    mkdirSync(copy, { recursive: true });
    for (const f of ['taxonomy.tsv', 'tone-overrides.tsv', 'tone-words.tsv']) {
      writeFileSync(path.join(copy, f), readFileSync(path.join(dir, f), 'utf8'));
    }
    const rules = readFileSync(path.join(dir, 'rules.txt'), 'utf8').split('\n');
    rules.push('TRADE: tariff@NONSENSE');
    writeFileSync(path.join(copy, 'rules.txt'), rules.join('\n'));
    const msgs = problems(() => createThemeContext({ dir: copy, organisationsFile: null }));
    expect(msgs).toEqual([
      `${path.join(copy, 'rules.txt')}:${rules.length}: unknown part of speech "NONSENSE" in "tariff@NONSENSE" (use ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X)`,
    ]);
  });
});
