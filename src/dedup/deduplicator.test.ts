import { describe, expect, it } from 'vitest';
import { Deduplicator } from './deduplicator.js';
import { minhashSignature, estimateJaccard } from './minhash.js';
import { textHash } from './text-hash.js';

const STORY = `The foreign ministers of Chile and Peru met in Lima on Thursday to discuss a maritime
border dispute that has strained relations between the two neighbours for more than a decade.
Officials said the talks focused on fishing rights, port access and a joint commission that
would monitor the agreed line. Both governments described the meeting as constructive and said
technical teams would meet again next month in Santiago to draft a final text.`;

function add(d: Deduplicator, id: string, text: string) {
  return d.check(id, textHash(text), minhashSignature(text));
}

describe('exact duplicates', () => {
  it('ignores wrapping, spacing, case and punctuation differences', () => {
    const a = 'Talks resumed in Geneva on Monday.\nBoth sides said progress was made.';
    const b = 'TALKS RESUMED IN GENEVA ON MONDAY -- both sides said progress was made!';
    expect(textHash(a)).toBe(textHash(b));
    expect(textHash(a)).not.toBe(textHash('Talks collapsed in Geneva on Monday.'));
  });

  it('points every later copy at the first one', () => {
    const d = new Deduplicator();
    expect(add(d, 'one', STORY)).toBeNull();
    expect(add(d, 'two', STORY)).toEqual({ duplicateOf: 'one', kind: 'exact', similarity: 1 });
    expect(add(d, 'three', STORY.replace(/\n/g, ' '))).toMatchObject({
      duplicateOf: 'one',
      kind: 'exact',
    });
  });
});

describe('near duplicates', () => {
  it('flags a lightly corrected copy of an earlier story', () => {
    const d = new Deduplicator();
    add(d, 'orig', STORY);
    // A wire correction: one word changed (true Jaccard of the shingle sets is about 0.9).
    const corrected = STORY.replace('Thursday', 'Friday');
    const verdict = add(d, 'fix', corrected);
    expect(verdict).toMatchObject({ duplicateOf: 'orig', kind: 'near' });
    expect(verdict!.similarity).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps a different story on the same subject apart', () => {
    const d = new Deduplicator();
    add(d, 'orig', STORY);
    const followUp = `Peru's president said on Saturday that the maritime agreement with Chile
would be put to Congress before the end of the year, after opposition lawmakers demanded a vote.
Fishermen's unions in the southern ports staged protests against the deal, which they said would
cut their catch, and the government promised compensation for affected communities.`;
    expect(add(d, 'follow', followUp)).toBeNull();
  });

  it('keeps templated reports that differ only in their figures apart', () => {
    const d = new Deduplicator();
    const report = (a: number, b: number, c: number) =>
      `Shr ${a} cts vs ${b} cts. Net ${c} mln dlrs vs ${b + 3} mln. Revs ${c * 10} mln vs ${a * 9} mln. ` +
      `Nine months shr ${a + 5} cts vs ${b + 7} cts. Net ${c + 11} mln vs ${c + 2} mln.`;
    expect(add(d, 'r1', report(12, 15, 40))).toBeNull();
    expect(add(d, 'r2', report(31, 22, 75))).toBeNull();
  });

  it('gives no signature to texts too short to compare', () => {
    expect(minhashSignature('Rain in Oslo.')).toBeNull();
  });

  it('estimates similarity close to the true Jaccard index', () => {
    const a = minhashSignature(STORY)!;
    expect(estimateJaccard(a, a)).toBe(1);
    const words = STORY.split(/\s+/);
    const half = minhashSignature(words.slice(0, Math.floor(words.length / 2)).join(' '))!;
    // The first half holds about half of the shingles: J is close to 0.5.
    expect(estimateJaccard(a, half)).toBeGreaterThan(0.3);
    expect(estimateJaccard(a, half)).toBeLessThan(0.7);
  });
});
