import { describe, expect, it } from 'vitest';
import { cleanText } from '../clean/clean-text.js';
import { analyse, createNlp } from '../nlp/analyse.js';
import { PhraseTable } from './phrase-table.js';
import {
  CAP,
  DASH,
  formKeys,
  NUM,
  POSS,
  scanDocument,
  scanText,
  UPPER,
  WORD,
  type Words,
} from './words.js';

const ABBREVIATIONS = new Set(['st', 'gen', 'mr', 'corp']);

function surfaces(text: string, w: Words): string[] {
  return Array.from({ length: w.n }, (_, i) => text.slice(w.start[i], w.end[i]));
}

describe('scanText', () => {
  it('cuts words that slice back from the text, in order and without overlap', () => {
    const text =
      'In Tehran\u2019s view, the U.S.-led talks in Washington, D.C. failed.\n  Gen. Ali said.';
    const w = scanText(text, ABBREVIATIONS);
    let previousEnd = 0;
    for (let i = 0; i < w.n; i++) {
      expect(w.start[i]!).toBeGreaterThanOrEqual(previousEnd);
      expect(w.end[i]!).toBeGreaterThan(w.start[i]!);
      expect(text.slice(previousEnd, w.start[i]).trim()).toBe('');
      previousEnd = w.end[i]!;
    }
    expect(surfaces(text, w)).toEqual([
      'In',
      'Tehran',
      '\u2019s',
      'view',
      ',',
      'the',
      'U.S.',
      '-',
      'led',
      'talks',
      'in',
      'Washington',
      ',',
      'D.C.',
      'failed',
      '.',
      'Gen.',
      'Ali',
      'said',
      '.',
    ]);
  });

  it('splits possessives off, keeps inner apostrophes, folds accents and quotes in keys', () => {
    const text =
      "Iran's and Russia\u2019s envoys met in N'Djamena and C\u00f4te d\u2019Ivoire; Erdo\u011fan's aides";
    const w = scanText(text, ABBREVIATIONS);
    expect(w.key).toEqual([
      'iran',
      "'s",
      'and',
      'russia',
      "'s",
      'envoys',
      'met',
      'in',
      "n'djamena",
      'and',
      'cote',
      "d'ivoire",
      ';',
      'erdogan',
      "'s",
      'aides',
    ]);
    expect(w.flags[1]! & POSS).toBeTruthy();
    expect(w.flags[4]! & POSS).toBeTruthy();
  });

  it('gives U.S., US and us one key, and leaves the sentence period alone', () => {
    const w = scanText('The U.S. and US told us. Iran.', ABBREVIATIONS);
    expect(w.key).toEqual(['the', 'us', 'and', 'us', 'told', 'us', '.', 'iran', '.']);
  });

  it('keeps abbreviations and initials with their period', () => {
    const text = 'St. Petersburg hosted Donald J. Trump and Acme Corp. on Monday.';
    expect(surfaces(text, scanText(text, ABBREVIATIONS))).toEqual([
      'St.',
      'Petersburg',
      'hosted',
      'Donald',
      'J.',
      'Trump',
      'and',
      'Acme',
      'Corp.',
      'on',
      'Monday',
      '.',
    ]);
  });

  it('marks capitals, acronyms, numbers and dashes', () => {
    const w = scanText('NATO troops - 1,200 of them \u2013 left Kabul', ABBREVIATIONS);
    expect(w.flags[0]! & (WORD | CAP | UPPER)).toBe(WORD | CAP | UPPER);
    expect(w.flags[1]! & CAP).toBe(0);
    expect(w.flags[2]! & DASH).toBeTruthy();
    expect(w.flags[3]! & NUM).toBeTruthy();
    expect(w.key[3]).toBe('1,200');
    expect(w.key[6]).toBe('-');
    expect(w.flags[8]! & (CAP | UPPER)).toBe(CAP);
  });

  it('cuts knowledge-base forms exactly as it cuts text (formKeys)', () => {
    for (const form of [
      "People's Liberation Army",
      'Washington, D.C.',
      'Guinea-Bissau',
      'U.S. State Department',
    ]) {
      const a = formKeys(form, ABBREVIATIONS);
      const b = scanText(form, ABBREVIATIONS);
      expect(a.keys).toEqual([...b.key]);
      expect(a.exact.map((k) => k.toLowerCase())).toEqual(a.keys);
    }
    expect(formKeys('U.S. State Department', ABBREVIATIONS).exact).toEqual([
      'US',
      'State',
      'Department',
    ]);
  });
});

describe('scanDocument', () => {
  it('skips headings, tags each word with the part of speech of its token', () => {
    const text = 'Talks in Moscow\n\nIran said Russia\u2019s troops left.';
    const a = analyse(createNlp(), text, cleanText(text, 0));
    expect(a.sentences.map((s) => s.heading)).toEqual([true, false]);
    const w = scanDocument(text, a.sentences, a.tokens, ABBREVIATIONS);
    expect(surfaces(text, w)).toEqual(['Iran', 'said', 'Russia', '\u2019s', 'troops', 'left', '.']);
    expect(w.pos[0]).toBe('PROPN');
    expect(w.pos[1]).toBe('VERB');
    expect([...w.sentence]).toEqual(Array(7).fill(1));
  });
});

describe('PhraseTable', () => {
  it('finds the longest phrase first and every phrase that matches', () => {
    const t = new PhraseTable<string>();
    t.add(['united'], 'a');
    t.add(['united', 'states'], 'b');
    t.add(['united', 'arab', 'emirates'], 'c');
    const w = scanText('the United States and the United Arab Emirates', ABBREVIATIONS);
    expect(t.longest(w, 1, w.n)?.value).toBe('b');
    expect(t.longest(w, 5, w.n)?.value).toBe('c');
    expect(t.longest(w, 5, 7)?.value).toBe('a');
    expect(t.matchAll(w, 1, w.n, []).map((p) => p.value)).toEqual(['b', 'a']);
    expect(t.longest(w, 0, w.n)).toBeNull();
    expect(t.size).toBe(3);
    expect(t.startsWith('united')).toBe(true);
  });
});
