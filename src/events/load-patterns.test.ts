import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { winkLemmatizer } from '../../scripts/events-check.js';
import { loadCameoTable } from './cameo-table.js';
import {
  coverage,
  inflections,
  lemmaWarnings,
  loadPatterns,
  validatePatterns,
  type CompiledPatterns,
} from './load-patterns.js';
import { EventDataError, formatProblem, type WordElement } from './patterns-schema.js';

const table = loadCameoTable();

describe('the event patterns in dictionaries/events', () => {
  const validation = validatePatterns();
  const compiled = loadPatterns();

  it('load with no errors and no warnings', () => {
    expect(validation.errors.map(formatProblem)).toEqual([]);
    expect(validation.warnings.map(formatProblem)).toEqual([]);
  });

  it('cover all 20 roots and at least 200 distinct CAMEO codes', () => {
    const cov = coverage(compiled);
    expect(cov.rootsCovered).toBe(20);
    expect(cov.codes.length).toBeGreaterThanOrEqual(200);
    expect(cov.patterns).toBeGreaterThan(500);
    for (const code of [
      '036',
      '040',
      '041',
      '042',
      '043',
      '044',
      '045',
      '046',
      '051',
      '057',
      '061',
      '062',
      '064',
      '070',
      '071',
      '072',
      '073',
      '074',
      '075',
      '081',
      '0861',
      '111',
      '112',
      '1121',
      '113',
      '114',
      '115',
      '138',
      '141',
      '145',
      '161',
      '163',
      '166',
      '172',
      '173',
      '174',
      '175',
      '181',
      '182',
      '183',
      '186',
      '190',
      '193',
      '194',
      '195',
      '196',
      '202',
    ]) {
      expect(cov.codes, code).toContain(code);
    }
  });

  it('use only codes of codes.tsv, each in the root of its file', () => {
    for (const p of compiled.patterns) {
      expect(table.has(p.code), p.id).toBe(true);
      expect(path.basename(p.file).slice(0, 2), p.id).toBe(p.root);
      for (const code of Object.values(p.frames))
        expect(table.has(code!), `${p.id} ${code}`).toBe(true);
    }
  });

  it('carry a PLOVER type for every code outside the comment roots', () => {
    for (const p of compiled.patterns) {
      if (p.root === '01' || p.root === '02') expect(p.plover, p.id).toBeNull();
      else expect(p.plover?.type, p.id).toMatch(/^[A-Z]+$/);
    }
  });

  it("apply a file's @frames defaults unless the pattern overrides or switches them off", () => {
    const byId = new Map(compiled.patterns.map((p) => [p.id, p]));
    expect(byId.get('040.meet.v2')!.frames).toMatchObject({
      intent: '036',
      appeal: '026',
      reject: '125',
    });
    expect(byId.get('060.cooperate.v1')!.frames.intent).toBe('030');
    expect(byId.get('163.impose-sanctions.v1')!.frames).toMatchObject({
      threaten: '1312',
      appeal: '113',
    });
    expect(byId.get('111.condemn.v1')!.frames).toEqual({});
  });

  it('are all in the lemma form wink-nlp gives', () => {
    expect(lemmaWarnings(compiled, winkLemmatizer()).map(formatProblem)).toEqual([]);
  });

  it('are loaded once and frozen', () => {
    expect(loadPatterns()).toBe(compiled);
    expect(Object.isFrozen(compiled.patterns[0])).toBe(true);
    expect(Object.isFrozen(compiled.patterns[0]!.elements)).toBe(true);
  });
});

/**
 * Own sentences run through wink-nlp as the pipeline runs it: each token reaches the patterns
 * through its lemma and lower-cased form, and its offsets slice the text back.
 */
describe('finding patterns from wink-nlp tokens', () => {
  const wink = winkNLP(model, ['sbd', 'pos']);
  const its = wink.its;
  const compiled = loadPatterns();

  interface Token {
    start: number;
    end: number;
    lemma: string;
    normal: string;
    pos: string;
  }

  function tokens(text: string): Token[] {
    const doc = wink.readDoc(text);
    const values = doc.tokens().out(its.value) as string[];
    const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
    const normals = doc.tokens().out(its.normal) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const out: Token[] = [];
    let cursor = 0;
    values.forEach((v, i) => {
      const start = text.indexOf(v, cursor);
      cursor = start + v.length;
      out.push({ start, end: cursor, lemma: lemmas[i]!, normal: normals[i]!, pos: pos[i]! });
    });
    return out;
  }

  function hitsAt(text: string, word: string): { ids: string[]; via: string[]; token: Token } {
    const token = tokens(text).find((t) => text.slice(t.start, t.end) === word);
    if (!token) throw new Error(`no token "${word}" in "${text}"`);
    const hits = compiled.triggers(token.lemma, token.normal, token.pos);
    return { ids: hits.map((h) => h.pattern.id), via: hits.map((h) => h.via), token };
  }

  it.each([
    [
      "Tehran's foreign minister held talks with his Turkish counterpart on Sunday.",
      'held',
      '040.hold-talks.v1',
    ],
    ['The two leaders spoke by phone late on Tuesday.', 'spoke', '041.speak-by-phone.v1'],
    ['Kazakhstan hosted the Afghan delegation in Astana.', 'hosted', '043.host.v1'],
    [
      'Beijing imposed sanctions on three American defence firms.',
      'imposed',
      '163.impose-sanctions.v1',
    ],
    ['Lagos and Accra signed a maritime agreement last week.', 'signed', '057.sign-agreement.v2'],
    [
      'Police arrested dozens of students outside the university.',
      'arrested',
      '173.arrest-people.v1',
    ],
    ['She apologised to the families of the victims.', 'apologised', '055.apologize.v1'],
    ['The army shelled rebel positions near the river.', 'shelled', '194.shell.v1'],
    ['Ministers condemned the raid on the consulate.', 'condemned', '111.condemn.v1'],
    ['Canberra expelled two diplomats from the embassy.', 'expelled', '161.expel-diplomats.v2'],
    ['The rebels abducted two aid workers near the border.', 'abducted', '181.abduct.v1'],
    [
      'Sanctions against the regime were tightened in May.',
      'Sanctions',
      '163.sanctions-against.v1',
    ],
    ['Hanoi pledged aid to the flood-hit province.', 'pledged', '033.pledge-aid.v1'],
    ['The envoy urged Caracas to free the detained reporters.', 'urged', '0253.urge-release.v1'],
  ])('"%s" reaches a pattern at "%s"', (text, word, id) => {
    const { ids, token } = hitsAt(text, word);
    expect(ids).toContain(id);
    expect(text.slice(token.start, token.end)).toBe(word);
  });

  it('reaches a pattern through the word-form table when wink leaves a verb unlemmatised', () => {
    const { ids, via, token } = hitsAt(
      'The rebels abducted two aid workers near the border.',
      'abducted',
    );
    expect(token.lemma).toBe('abducted');
    expect(via[ids.indexOf('181.abduct.v1')]).toBe('form');
  });

  it('does not let a real noun reach a verb pattern through its -ing form', () => {
    const text = 'The meeting ended without a statement.';
    const { ids, token } = hitsAt(text, 'meeting');
    expect(token.pos).toBe('NOUN');
    expect(ids.filter((id) => id.startsWith('040.meet'))).toEqual([]);
    expect(
      hitsAt('Sanctions against the regime were tightened in May.', 'Sanctions').ids,
    ).not.toContain('163.sanction.v1');
  });

  it('lets the words after the trigger match the following tokens', () => {
    const text = "Tehran's foreign minister held talks with his Turkish counterpart on Sunday.";
    const toks = tokens(text);
    const p = compiled.patterns.find((x) => x.id === '040.hold-talks.v1')!;
    const noun = p.elements[2] as WordElement;
    const talks = toks.find((t) => text.slice(t.start, t.end) === 'talks')!;
    expect(compiled.matchesWord(noun, talks.lemma, talks.normal)).toBe(true);
    const sunday = toks.find((t) => text.slice(t.start, t.end) === 'Sunday')!;
    expect(compiled.matchesWord(noun, sunday.lemma, sunday.normal)).toBe(false);
  });

  it('returns the most specific patterns first', () => {
    const hits = compiled.triggers('hold', 'held');
    expect(hits.length).toBeGreaterThan(5);
    const spec = hits.map((h) => h.pattern.specificity);
    expect(spec).toEqual([...spec].sort((a, b) => b - a));
  });

  it('finds nothing for a word no pattern uses', () => {
    expect(compiled.triggers('banana', 'bananas')).toEqual([]);
  });

  it('finds frames around an event', () => {
    const ids = compiled.frameTriggers('agree', 'agreed').map((f) => f.id);
    expect(ids).toContain('intent.agree');
    expect(compiled.frameTriggers('not', "n't").map((f) => f.kind)).toContain('negate');
  });
});

describe('regular inflections', () => {
  it.each([
    ['visit', ['visits', 'visited', 'visiting']],
    ['agree', ['agrees', 'agreed', 'agreeing']],
    ['rally', ['rallies', 'rallied', 'rallying']],
    ['abduct', ['abducts', 'abducted', 'abducting']],
    ['commit', ['commits', 'committed', 'committing']],
    ['criticize', ['criticise', 'criticised', 'criticising', 'criticized']],
    ['crisis', ['crisises']],
    ['mobilization', ['mobilisation']],
  ])('%s gives %j', (lemma, forms) => {
    const got = inflections(lemma);
    for (const f of forms) expect(got).toContain(f);
    expect(got).not.toContain(lemma);
  });
});

describe('validating a directory of patterns', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  function fixture(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'entente-events-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  }

  function errors(files: Record<string, string>): string[] {
    return validatePatterns(fixture(files), { table }).errors.map(formatProblem);
  }

  const ok = '042.visit.v1 verb $S visit $T\n';

  it('accepts a small valid directory and compiles it', () => {
    const dir = fixture({
      '04-consult.txt': `@frames intent=036\n${ok}`,
      'frames.txt': 'intent.agree intent $S agree to @EVENT\n',
    });
    const compiled: CompiledPatterns = loadPatterns(dir, { table });
    expect(compiled.patterns.map((p) => p.id)).toEqual(['042.visit.v1']);
    expect(compiled.patterns[0]!.frames).toEqual({ intent: '036' });
    expect(compiled.triggers('visit', 'visited').map((h) => h.pattern.id)).toEqual([
      '042.visit.v1',
    ]);
    expect(compiled.forms.get('visited')).toEqual(['visit']);
  });

  it.each([
    [
      'an unknown CAMEO code',
      { '04-consult.txt': `${ok}049.x.v1 verb $S meet $T\n` },
      /04-consult\.txt:2: unknown CAMEO code 049 in pattern 049\.x\.v1$/,
    ],
    [
      'a code outside the file root',
      { '04-consult.txt': `${ok}051.x.v1 verb $S praise $T\n` },
      /04-consult\.txt:2: pattern 051\.x\.v1: code 051 is not in root 04, the root of this file$/,
    ],
    [
      'a two-digit root as a code',
      { '04-consult.txt': '04.x.v1 verb $S meet $T\n' },
      /04-consult\.txt:1: bad pattern id "04\.x\.v1"/,
    ],
    [
      'bad syntax',
      { '04-consult.txt': `${ok}040.x.v1 verb $S meet (with $T\n` },
      /04-consult\.txt:2: unbalanced parenthesis/,
    ],
    [
      'a pattern without trigger',
      { '04-consult.txt': `${ok}040.x.v1 noun $S with? $T\n` },
      /04-consult\.txt:2: pattern has no trigger word/,
    ],
    [
      'a pattern without a required actor slot',
      { '04-consult.txt': `${ok}040.x.v1 noun ^talk (with $T)?\n` },
      /04-consult\.txt:2: pattern 040\.x\.v1: no required actor slot/,
    ],
    [
      'a duplicate id across files',
      { '04-consult.txt': ok, '05-cooperate.txt': '042.visit.v1 verb $S praise $T\n' },
      /05-cooperate\.txt:1: pattern 042\.visit\.v1: code 042 is not in root 05/,
    ],
    [
      'a duplicate id in one file',
      { '04-consult.txt': `${ok}042.visit.v1 verb $S tour $T\n` },
      /04-consult\.txt:2: duplicate id 042\.visit\.v1 \(first at .*04-consult\.txt:1\)/,
    ],
    [
      'the same pattern twice',
      { '04-consult.txt': `${ok}042.visit.v2 verb $S visit $T\n` },
      /04-consult\.txt:2: pattern 042\.visit\.v2 repeats 042\.visit\.v1/,
    ],
    [
      'a frame code in the wrong root',
      { '04-consult.txt': '042.visit.v1 verb $S visit $T ; intent=106\n' },
      /04-consult\.txt:1: intent=106: intent codes are in root 03 or 13/,
    ],
    [
      'an unknown frame code in @frames',
      { '04-consult.txt': `@frames appeal=0299\n${ok}` },
      /04-consult\.txt:1: appeal=0299: unknown CAMEO code 0299/,
    ],
    [
      'an unknown PLOVER type',
      { '04-consult.txt': '042.visit.v1 verb $S visit $T ; plover=TRAVEL\n' },
      /unknown PLOVER type TRAVEL/,
    ],
    [
      'a not= word the pattern needs',
      { '04-consult.txt': '042.visit.v1 verb $S visit $T ; not=visit\n' },
      /not=visit blocks a word of the pattern itself/,
    ],
    [
      'a badly named file',
      { 'consult.txt': ok },
      /consult\.txt:0: unexpected file: pattern files are named NN-name\.txt/,
    ],
    [
      'a root that does not exist',
      { '21-extra.txt': ok },
      /21-extra\.txt:0: "21" is not a CAMEO root/,
    ],
    [
      'two files for one root',
      { '04-consult.txt': ok, '04-more.txt': '040.meet.v1 verb $S meet $T\n' },
      /04-more\.txt:0: a second file for root 04/,
    ],
    [
      'an unknown code in a frame',
      { '04-consult.txt': ok, 'frames.txt': 'negate.deny negate $S deny @EVENT ; code=999\n' },
      /frames\.txt:1: frame negate\.deny: unknown CAMEO code 999/,
    ],
    [
      'a duplicate frame id',
      {
        '04-consult.txt': ok,
        'frames.txt':
          'intent.agree intent $S agree to @EVENT\nintent.agree intent $S pledge to @EVENT\n',
      },
      /frames\.txt:2: duplicate id intent\.agree/,
    ],
    [
      'a malformed word-forms row',
      { '04-consult.txt': ok, 'word-forms.tsv': 'lemma\tforms\nhold\n' },
      /word-forms\.tsv:2: expected 2 tab-separated fields/,
    ],
  ])('reports %s as file:line', (_what, files, message) => {
    const found = errors(files as Record<string, string>);
    expect(
      found.some((e) => message.test(e)),
      found.join('\n'),
    ).toBe(true);
  });

  it('keeps valid patterns out of a broken file and refuses to compile it', () => {
    const dir = fixture({ '04-consult.txt': `${ok}049.x.v1 verb $S meet $T\n` });
    const v = validatePatterns(dir, { table });
    expect(v.patterns.map((p) => p.id)).toEqual(['042.visit.v1']);
    expect(() => loadPatterns(dir, { table })).toThrow(EventDataError);
    try {
      loadPatterns(dir, { table });
    } catch (e) {
      expect((e as EventDataError).problems).toHaveLength(1);
      expect((e as Error).message).toMatch(
        /^entente: the event pattern data has 1 error; first: .*04-consult\.txt:2:/,
      );
    }
  });

  it('warns about regular forms listed in word-forms.tsv', () => {
    const dir = fixture({
      '04-consult.txt': ok,
      'word-forms.tsv': 'lemma\tforms\nvisit\tvisited\n',
    });
    const v = validatePatterns(dir, { table });
    expect(v.errors).toEqual([]);
    expect(v.warnings.map(formatProblem)).toEqual([
      expect.stringMatching(/word-forms\.tsv:2: warning: "visited" is a regular form of "visit"/),
    ]);
  });

  it('fails on a missing directory with a typed error', () => {
    expect(() => validatePatterns(path.join(tmpdir(), 'no-such-entente-dir'), { table })).toThrow(
      /event pattern directory not found/,
    );
  });
});
