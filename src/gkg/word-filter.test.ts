import { describe, expect, it } from 'vitest';
import { WordFilter, wordHash } from './word-filter.js';

describe('wordHash', () => {
  it('is a deterministic 32-bit integer that tells different words apart', () => {
    expect(wordHash('oil')).toBe(wordHash('oil'));
    expect(wordHash('oil')).not.toBe(wordHash('oils'));
    expect(wordHash('')).not.toBe(wordHash('a'));
    expect(Number.isInteger(wordHash('tariff'))).toBe(true);
    expect(Math.abs(wordHash('tariff'))).toBeLessThan(2 ** 31 + 1);
  });
});

describe('WordFilter', () => {
  const words = Array.from({ length: 3000 }, (_, i) => `word${i}`);
  const filter = WordFilter.of(words);

  it('never rules out a word of its set', () => {
    for (const w of words) expect(filter.mayHave(wordHash(w))).toBe(true);
  });

  it('rules out almost every other word', () => {
    let maybe = 0;
    for (let i = 0; i < 10_000; i++) if (filter.mayHave(wordHash(`other${i}`))) maybe++;
    // about 1 bit in 32 is set: around 300 false "maybe"s in 10,000, never most of them
    expect(maybe).toBeLessThan(800);
  });

  it('works over hashes computed elsewhere', () => {
    const f = WordFilter.ofHashes([7, 1 << 20, -5]);
    expect(f.mayHave(7)).toBe(true);
    expect(f.mayHave(1 << 20)).toBe(true);
    expect(f.mayHave(-5)).toBe(true);
  });

  it('an empty set rules out everything', () => {
    const f = WordFilter.of([]);
    expect(f.mayHave(wordHash('anything'))).toBe(false);
  });
});
