import { describe, expect, it } from 'vitest';
import { cleanText } from '../clean/clean-text.js';
import { analyse, createNlp, type Analysis } from './analyse.js';

const nlp = createNlp();

function run(text: string, bodyStart = 0): Analysis {
  return analyse(nlp, text, cleanText(text, bodyStart));
}

function tokenTexts(text: string, a: Analysis): string[] {
  return Array.from(a.tokens.starts, (s, i) => text.slice(s, a.tokens.ends[i]));
}

describe('createNlp', () => {
  it('loads once and hands out the same frozen instance', () => {
    expect(createNlp()).toBe(nlp);
    expect(Object.isFrozen(nlp)).toBe(true);
    // wink's `ner` pipe is replaced by entente's own recogniser (expressions.ts).
    expect(nlp.pipes).toEqual(['sbd', 'pos']);
    expect(Object.isFrozen(nlp.expressions)).toBe(true);
  });
});

describe('analyse', () => {
  it('joins a Reuters hard wrap into one sentence and splits at the indented paragraph', () => {
    const text =
      'Grain exporters said shipments to the Gulf would rise\n' +
      'sharply next month after the new contracts are signed.\n' +
      '    Prices were steady in early trade.\n' +
      ' Reuter\n';
    const a = run(text);
    expect(a.sentences.map((s) => s.text)).toEqual([
      'Grain exporters said shipments to the Gulf would rise\nsharply next month after the new contracts are signed.',
      'Prices were steady in early trade.',
    ]);
    expect(a.sentences.every((s) => !s.heading)).toBe(true);
    expect(tokenTexts(text, a)).not.toContain('Reuter');
  });

  it('keeps a heading as one sentence and gives boilerplate no sentence or token', () => {
    const text =
      'Ceasefire Holds in the North\n\nAdvertisement\n\n' +
      'The truce held for a third day. Aid convoys crossed at two points.';
    const a = run(text);
    expect(a.sentences.map((s) => [s.text, s.heading])).toEqual([
      ['Ceasefire Holds in the North', true],
      ['The truce held for a third day.', false],
      ['Aid convoys crossed at two points.', false],
    ]);
    expect(tokenTexts(text, a)).not.toContain('Advertisement');
    expect(Array.from(a.tokens.sentence.slice(0, 5))).toEqual([0, 0, 0, 0, 0]);
  });

  it('never lets a sentence run from one paragraph into the next', () => {
    const text = 'Delegates arrived from 40 countries\n\nthe meeting opened at noon';
    const a = run(text);
    expect(a.sentences.map((s) => s.text)).toEqual([
      'Delegates arrived from 40 countries',
      'the meeting opened at noon',
    ]);
  });

  it('reports numbers, money, percentages and dates with exact spans and sentence index', () => {
    const text =
      'Exports rose 12.5% in May. The ministry expects $3.2 billion of orders by March 2025.';
    const a = run(text);
    const found = a.expressions.map((e) => [e.type, e.text, e.sentence]);
    expect(found).toContainEqual(['PERCENT', '12.5%', 0]);
    expect(found).toContainEqual(['MONEY', '$3.2 billion', 1]);
    expect(found.some(([type, t]) => type === 'DATE' && String(t).includes('March 2025'))).toBe(
      true,
    );
    for (const e of a.expressions) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('fills the token table: lower-case normal forms, POS and contractions split in place', () => {
    const text = "Officials can't confirm the Report.";
    const a = run(text);
    expect(tokenTexts(text, a)).toEqual([
      'Officials',
      'ca',
      "n't",
      'confirm',
      'the',
      'Report',
      '.',
    ]);
    expect(a.tokens.normal).toEqual(['officials', 'can', 'not', 'confirm', 'the', 'report', '.']);
    expect(a.tokens.pos[3]).toBe('VERB');
    expect(a.tokens.pos[4]).toBe('DET');
    expect(a.tokens.pos[6]).toBe('PUNCT');
  });

  it('keeps exact original offsets when the text contains HTML character references', () => {
    const text =
      'AT&amp;T&#8217;s board met on Monday.&nbsp;Shares rose 4&#37; to &#36;31.\n\nR&amp;D Spending Review\n\nCosts fell.';
    const a = run(text);
    expect(a.sentences.map((s) => s.text)).toEqual([
      'AT&amp;T&#8217;s board met on Monday.',
      'Shares rose 4&#37; to &#36;31.',
      'R&amp;D Spending Review',
      'Costs fell.',
    ]);
    expect(a.sentences[2]?.heading).toBe(true);
    const tokens = tokenTexts(text, a);
    expect(tokens).toContain('AT&amp;T');
    expect(tokens).toContain('&#8217;s');
    expect(tokens).toContain('Monday');
    const percent = a.expressions.find((e) => e.type === 'PERCENT');
    expect(percent?.text).toBe('4&#37;');
    for (const s of a.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('returns an empty analysis for a text with no paragraphs', () => {
    const a = run('Advertisement\n\nShare this\n');
    expect(a.sentences).toEqual([]);
    expect(a.tokens.starts.length).toBe(0);
    expect(a.expressions).toEqual([]);
  });

  it('ignores everything before bodyStart', () => {
    const text = ' date 2024-06-01 Budget Talks Resume. The finance committee met again.';
    const a = run(text, text.indexOf('Budget'));
    expect(a.sentences[0]?.text).toBe('Budget Talks Resume.');
    expect(a.tokens.starts[0]).toBe(text.indexOf('Budget'));
    expect(tokenTexts(text, a)).not.toContain('date');
  });
});
