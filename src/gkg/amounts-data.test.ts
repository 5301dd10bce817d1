import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AMOUNT_FILES,
  AmountDataError,
  defaultAmountDir,
  loadAmountData,
  parseAmountData,
  type AmountFile,
} from './amounts-data.js';

/** The shipped files, with one file's text replaced. */
function sourcesWith(file: AmountFile, text: string): Record<AmountFile, string> {
  const dir = defaultAmountDir();
  const out = {} as Record<AmountFile, string>;
  for (const f of AMOUNT_FILES) out[f] = readFileSync(path.join(dir, f), 'utf8');
  out[file] = text;
  return out;
}

function problemsOf(file: AmountFile, text: string): string[] {
  try {
    parseAmountData(sourcesWith(file, text));
  } catch (err) {
    expect(err).toBeInstanceOf(AmountDataError);
    return (err as AmountDataError).problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
  }
  return [];
}

describe('amount word lists (dictionaries/amounts)', () => {
  it('loads the shipped files with the units, changes and casualty words news needs', () => {
    const d = loadAmountData();
    expect(d.units.get('tonnes')?.[0]?.unit).toBe('tonnes');
    expect(d.units.get('barrels')?.[0]?.words).toEqual(['barrels', 'per', 'day']);
    expect(d.units.get('protesters')?.[0]?.kind).toBe('people');
    expect(d.changes.verb.get('grow')?.label).toBe('growth');
    expect(d.changes.verb.get('reach')?.direction).toBe('level');
    expect(d.casualties.get('kill')).toMatchObject({ about: 'killed', field: 'dead' });
    expect(d.qualifiersBefore.get('least')?.[0]).toMatchObject({
      bound: 'min',
      approximate: false,
    });
    expect(d.periods.get('last')?.[0]?.offset).toBe(-1);
  });

  it('reads the function words by kind and names a bad kind, case or duplicate by line', () => {
    const d = loadAmountData();
    expect(d.words['time-noun'].has('year')).toBe(true);
    expect(d.words.maturity.has('due')).toBe(true);
    expect(d.words['spend-verb'].has('spend')).toBe(true);
    expect(d.words['forecast-noun'].has('expectations')).toBe(true);
    expect(d.words['count-of'].has('volume')).toBe(true);
    const good = readFileSync(path.join(defaultAmountDir(), 'words.tsv'), 'utf8');
    expect(problemsOf('words.tsv', `${good}weekday\tmonday\ncompare\tVS\ncompare\tvs\n`)).toEqual([
      expect.stringMatching(/^words\.tsv:\d+: kind "weekday" must be one of time-noun, /),
      'words.tsv:' + (good.split('\n').length + 1) + ': "VS" must be lower case',
      'words.tsv:' +
        (good.split('\n').length + 2) +
        ': duplicate word "compare vs" (first on line ' +
        (good.split('\n').findIndex((l) => l === 'compare\tvs') + 1) +
        ')',
    ]);
  });

  it('reports a wrong header with file and line', () => {
    expect(problemsOf('units.tsv', '# comment\nform\tunit\tkind\n')).toEqual([
      'units.tsv:2: expected the header line "form\\tunit\\tkind\\tabout"',
    ]);
  });

  it('reports every bad row, each with its line', () => {
    const text = [
      'word\tpos\tdirection\tlabel',
      'rise\tverb\tup\trise',
      'fall\tverb\tsideways\tfall',
      'Grow\tverb\tup\tgrowth',
      'reach\tverb\tlevel\treach',
      'rise\tverb\tup\trise',
      'jump\tverb\tup',
    ].join('\n');
    expect(problemsOf('changes.tsv', text)).toEqual([
      'changes.tsv:3: direction "sideways" must be up, down, level, ignore, object, forecast or part',
      'changes.tsv:4: "Grow" must be lower case',
      'changes.tsv:5: a level word takes no label (write -)',
      'changes.tsv:6: duplicate word "verb:rise" (first on line 2)',
      'changes.tsv:7: expected 4 tab-separated columns, found 3',
    ]);
  });

  it('checks forecast verbs: a label, and only verbs', () => {
    const changes =
      'word\tpos\tdirection\tlabel\nforecast\tverb\tforecast\t-\noutlook\tnoun\tforecast\toutlook\n';
    expect(problemsOf('changes.tsv', changes)).toEqual([
      'changes.tsv:2: a forecast word needs a label',
      'changes.tsv:3: a forecast word must be a verb',
    ]);
  });

  it('checks object verbs and the cues of two-unit words', () => {
    const changes = 'word\tpos\tdirection\tlabel\npay\tverb\tobject\t-\ncost\tnoun\tobject\tcost\n';
    expect(problemsOf('changes.tsv', changes)).toEqual([
      'changes.tsv:2: a object word needs a label',
      'changes.tsv:3: an object word must be a verb',
    ]);
    const senses = [
      'form\tunit\tcue\twhere',
      'pounds\tlb\ta year\tafter',
      'pounds\tlb\tsugar\tparagraph',
      'pounds\t-\tsterling\tsentence',
      'pounds\tlb\ta year\tafter',
      'cfa francs\tXAF\tgabon\tsentence',
      'new cfa francs\tXAF\tgabon\tsentence',
    ].join('\n');
    expect(problemsOf('senses.tsv', senses)).toEqual([
      'senses.tsv:3: where "paragraph" must be after, sentence or document',
      'senses.tsv:4: a cue must name the unit it points to',
      'senses.tsv:5: duplicate cue "pounds a year after" (first on line 2)',
      'senses.tsv:7: form "new cfa francs" must be one or two words',
    ]);
    const d = loadAmountData();
    expect(d.senses.get('pounds')?.some((c) => c.unit === 'lb' && c.where === 'after')).toBe(true);
    // a two-word form: the qualifier "CFA" still names two currencies
    expect(d.senses.get('cfa francs')?.some((c) => c.unit === 'XAF')).toBe(true);
    expect(d.senses.get('pesos')?.some((c) => c.unit === 'PHP')).toBe(true);
    expect(d.changes.verb.get('pay')).toMatchObject({ direction: 'object', label: 'payment' });
  });

  it('checks part verbs and currency subunits', () => {
    const changes =
      'word\tpos\tdirection\tlabel\ninclude\tnoun\tpart\t-\ncomprise\tverb\tpart\tpart\n';
    expect(problemsOf('changes.tsv', changes)).toEqual([
      'changes.tsv:2: a part word must be a verb',
      'changes.tsv:3: a part word takes no label (write -)',
    ]);
    const good = readFileSync(path.join(defaultAmountDir(), 'units.tsv'), 'utf8');
    const lines = good.split('\n').length;
    expect(problemsOf('units.tsv', `${good}hk pennies\tHK cents\tsubunit\t-\n`)).toEqual([
      `units.tsv:${lines}: a subunit's unit must be a currency code (three capitals), not "HK cents"`,
    ]);
    const d = loadAmountData();
    expect(d.units.get('hk')?.find((u) => u.words[1] === 'cts')).toMatchObject({
      unit: 'HKD',
      kind: 'subunit',
    });
    expect(d.changes.verb.get('include')?.direction).toBe('part');
    expect(d.words.range.has('between')).toBe(true);
    expect(d.words.security.has('notes')).toBe(true);
    expect(d.words.direction.has('northwest')).toBe(true);
    expect(d.words['price-verb'].has('close')).toBe(true);
    expect(d.senses.get('francs')?.some((c) => c.unit === 'CHF' && c.where === 'document')).toBe(
      true,
    );
  });

  it('reads ticker listings apart from unit words and checks their code and form', () => {
    const d = loadAmountData();
    expect(d.listings.get('hk')).toBe('HKD');
    // a listing is no unit word: "5 hk" counts nothing
    expect(d.units.get('hk')?.some((u) => u.words.length === 1)).toBe(false);
    const good = readFileSync(path.join(defaultAmountDir(), 'units.tsv'), 'utf8');
    const n = good.split('\n').length;
    const bad = `${good}to\tcanadian\tlisting\t-\nhong kong\tHKD\tlisting\t-\nhk\tHKD\tlisting\t-\n`;
    expect(problemsOf('units.tsv', bad)).toEqual([
      `units.tsv:${n}: a listing's unit must be a currency code (three capitals), not "canadian"`,
      `units.tsv:${n + 1}: a listing's form must be one ticker suffix of letters ("hk"), not "hong kong"`,
      expect.stringMatching(new RegExp(`^units\\.tsv:${n + 2}: duplicate listing "listing hk"`)),
    ]);
  });

  it('rejects a qualifier that neither approximates nor bounds', () => {
    const text = 'phrase\twhere\tapproximate\tbound\nabout\tbefore\tno\t-\n';
    expect(problemsOf('qualifiers.tsv', text)).toEqual([
      'qualifiers.tsv:2: a qualifier must make the amount approximate or a bound',
    ]);
  });

  it('names the missing file when a folder lacks one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'entente-amounts-'));
    try {
      for (const f of AMOUNT_FILES.filter((f) => f !== 'periods.tsv'))
        writeFileSync(path.join(dir, f), readFileSync(path.join(defaultAmountDir(), f)));
      expect(() => loadAmountData(dir)).toThrow(
        `${path.join(dir, 'periods.tsv')}:1: file not found`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
