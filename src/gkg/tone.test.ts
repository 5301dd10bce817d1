import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanText } from '../clean/clean-text.js';
import { analyse, createNlp, type Nlp } from '../nlp/analyse.js';
import { createThemeContext, type ThemeContext, type ThemeInput } from './themes.js';
import { computeTone, toneHits, toneOfSentences, type ToneDetail } from './tone.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const seedPath = resolve(repoRoot, '../shared/seed/000_0975571770d3a3b0.txt');
const haveSeed = existsSync(seedPath);

let nlp: Nlp;
let ctx: ThemeContext;
beforeAll(() => {
  nlp = createNlp();
  ctx = createThemeContext();
});

function doc(text: string, bodyStart = 0): ThemeInput {
  const a = analyse(nlp, text, cleanText(text, bodyStart));
  return { text, sentences: a.sentences, tokens: a.tokens };
}

const tone = (text: string): ToneDetail => computeTone(ctx, doc(text));
const hits = (text: string): string[] =>
  toneHits(ctx, doc(text)).map((h) => `${h.text}:${h.score}${h.negated ? '(negated)' : ''}`);

describe('computeTone: the seven numbers', () => {
  it('counts words, positive and negative words as GDELT does', () => {
    // Words: The talks failed but the leaders praised the progress (9); "2023" and "," are not words.
    const t = tone('The talks failed, but the leaders praised the progress in 2023.');
    expect(t.wordCount).toBe(10);
    expect(hits('The talks failed, but the leaders praised the progress in 2023.')).toEqual([
      'failed:-2',
      'praised:3',
      'progress:2',
    ]);
    expect(t.positive).toBe(20);
    expect(t.negative).toBe(10);
    expect(t.score).toBe(10);
    expect(t.polarity).toBe(30);
  });

  it('keeps score = positive - negative and polarity = positive + negative', () => {
    const t = tone(
      'Rebels killed six soldiers. The army vowed revenge and praised the brave dead.',
    );
    expect(t.score).toBeCloseTo(t.positive - t.negative, 2);
    expect(t.polarity).toBeCloseTo(t.positive + t.negative, 2);
    expect(t.score).toBeLessThan(0);
  });

  it('measures activity as the share of verbs', () => {
    // Verbs: met, signed (2 of 8 words); "had" is an auxiliary.
    const t = tone('The ministers met and had signed the accord.');
    expect(t.wordCount).toBe(8);
    expect(t.activityDensity).toBe(25);
  });

  it('measures self reference with first-person pronouns, never the country US', () => {
    const we = tone('We said our position is clear.');
    expect(we.wordCount).toBe(6);
    expect(we.selfReferenceDensity).toBeCloseTo(33.333, 2);
    expect(tone('The US said its position is clear.').selfReferenceDensity).toBe(0);
  });

  it('is all zeros for an empty text', () => {
    expect(tone('')).toEqual({
      score: 0,
      positive: 0,
      negative: 0,
      polarity: 0,
      activityDensity: 0,
      selfReferenceDensity: 0,
      wordCount: 0,
    });
  });
});

describe('computeTone: negation', () => {
  it('flips a word after not, never, no, without, nor, hardly and n’t', () => {
    expect(tone('The ministry welcomed the proposal.').score).toBeGreaterThan(0);
    expect(tone('The ministry did not welcome the proposal.').score).toBeLessThan(0);
    expect(hits('The ministry did not welcome the proposal.')).toEqual(['welcome:-2(negated)']);
    expect(hits("Officials didn't welcome the plan.")).toEqual(['welcome:-2(negated)']);
    expect(hits('The deal was never good for farmers.')).toEqual(['good:-3(negated)']);
    expect(hits('They left without agreement.')).toEqual(['agreement:-1(negated)']);
    expect(hits('Negotiators were hardly happy.')).toEqual(['happy:-3(negated)']);
  });

  it('flips only within three tokens and within the clause', () => {
    expect(hits('No one in the room was happy.')).toEqual(['happy:3']);
    expect(hits('They did not, in the end, welcome it.')).toEqual(['welcome:2']);
  });

  it('does not read "not only" as a denial', () => {
    expect(hits('The call not only praised the deal but also celebrated it.')).toEqual([
      'praised:3',
      'celebrated:3',
    ]);
  });
});

describe('computeTone: the political news lexicon', () => {
  it('scores words AFINN lacks, from tone-overrides.tsv', () => {
    expect(hits('Both sides pledged cooperation and partnership.')).toEqual([
      'pledged:1',
      'cooperation:2',
      'partnership:2',
    ]);
    expect(hits('The council condemned the aggression.')).toEqual([
      'condemned:-2',
      'aggression:-3',
    ]);
    expect(hits('Putin lauded the agreement.')).toEqual(['lauded:3', 'agreement:1']);
  });

  it('takes neutral market terms out of the lexicon', () => {
    expect(hits('Shares of the top exporter rose as interest rates fell.')).toEqual([]);
  });

  it('scores "like" only as a verb', () => {
    expect(hits('Groups like the SCO met.')).toEqual([]);
    expect(hits('They would like to see peace.')).toEqual(['like:2', 'peace:2']);
  });

  it('does not score names, except a capitalised first word', () => {
    expect(hits('The envoy met Joy Bassett in Geneva.')).toEqual([]);
    expect(hits('Welcome news came from Geneva.')).toEqual(['Welcome:2']);
  });
});

describe('ranges and sentences', () => {
  const text =
    'Security Forces Hit by Attacks\n\nGunmen killed three guards on Monday. Officials praised the swift response.\n';

  it('gives one tone per sentence, headings included, and leaves headings out of the document', () => {
    const d = doc(text);
    expect(d.sentences.map((s) => s.heading)).toEqual([true, false, false]);
    const per = toneOfSentences(ctx, d);
    expect(per).toHaveLength(3);
    expect(per[1]!.score).toBeLessThan(0);
    expect(per[2]!.score).toBeGreaterThan(0);
    const whole = computeTone(ctx, d);
    expect(whole.wordCount).toBe(per[1]!.wordCount + per[2]!.wordCount);
  });

  it('measures a character range, such as an event’s sentence', () => {
    const d = doc(text);
    const s = d.sentences[2]!;
    expect(computeTone(ctx, d, { start: s.start, end: s.end })).toEqual(toneOfSentences(ctx, d)[2]);
    const hit = toneHits(ctx, d, { start: s.start, end: s.end });
    expect(hit.map((h) => text.slice(h.start, h.end))).toEqual(hit.map((h) => h.text));
  });
});

describe.skipIf(!haveSeed)(
  `seed article ${haveSeed ? '' : '(SKIPPED: ../shared/seed absent)'}`,
  () => {
    it('is positive overall, and negative in the sentence about criminal attacks', () => {
      const text = readFileSync(seedPath, 'utf8');
      const header = /^\s*date \d{4}-\d{2}-\d{2}\s+/.exec(text);
      const d = doc(text, header === null ? 0 : header[0].length);
      const t = computeTone(ctx, d);
      expect(t.score).toBeGreaterThan(2);
      expect(t.wordCount).toBeGreaterThan(300);
      const i = d.sentences.findIndex((s) => s.text.includes('criminal attacks'));
      expect(i).toBeGreaterThan(0);
      const s = toneOfSentences(ctx, d)[i]!;
      expect(s.score).toBeLessThan(0);
      const words = toneHits(ctx, d, d.sentences[i]!).map((h) => h.text);
      expect(words).toContain('criminal');
      // "not only celebrated Putin's re-election" is praise, not its denial.
      const celebrated = toneHits(ctx, d).find((h) => h.text === 'celebrated');
      expect(celebrated?.score).toBeGreaterThan(0);
    });
  },
);
