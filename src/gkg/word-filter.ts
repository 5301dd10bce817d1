/**
 * A quick "certainly not in the dictionary" test for the knowledge stages' per-token look-ups.
 *
 * Themes, tone and places look every token up in a map of a few thousand words, and most
 * tokens are in none of them. A `Map.get` that misses still walks the map's entries and
 * reads the keys it meets, which are scattered over the heap and cold after the other
 * stages ran; on news text that cost more than the rest of those stages. The filter is one
 * small bit set, indexed by a hash of the word that `tokenWords` computes once per token and
 * shares between stages: a clear bit settles the token without touching the map. A set bit
 * only says "maybe" (two words may share a bit), so the map is still asked then.
 */

/** Where `wordHash` starts, for a caller hashing characters as it reads them (token-forms.ts). */
export const WORD_HASH_SEED = 0x811c9dc5 | 0;

/** One character's step of `wordHash` (FNV-1a, 32 bits). */
export function wordHashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** FNV-1a over the UTF-16 units of `w`, as a signed 32-bit integer. */
export function wordHash(w: string): number {
  let h = WORD_HASH_SEED;
  for (let i = 0; i < w.length; i++) h = wordHashStep(h, w.charCodeAt(i));
  return h;
}

/**
 * A bit set over word hashes, sized so that about one bit in 32 is set: a word not in the
 * set passes (a false "maybe") about 3% of the time.
 *
 * @example
 * const f = WordFilter.of(['oil', 'gas']);
 * f.mayHave(wordHash('oil')); // true
 * f.mayHave(wordHash('the')); // false, almost certainly
 */
export class WordFilter {
  private constructor(
    private readonly bits: Uint32Array,
    private readonly mask: number,
  ) {}

  static of(words: Iterable<string>): WordFilter {
    const hashes: number[] = [];
    for (const w of words) hashes.push(wordHash(w));
    return WordFilter.ofHashes(hashes);
  }

  /** A filter over hashes computed elsewhere (any 32-bit integers). */
  static ofHashes(hashes: readonly number[]): WordFilter {
    let size = 1 << 12;
    while (size < hashes.length * 32 && size < 1 << 24) size <<= 1;
    const filter = new WordFilter(new Uint32Array(size >>> 5), size - 1);
    for (const h of hashes) {
      const bit = filter.bitOf(h);
      filter.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
    return filter;
  }

  /** False when no word of the set has this hash; true when one may. */
  mayHave(hash: number): boolean {
    const bit = this.bitOf(hash);
    return (this.bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  private bitOf(hash: number): number {
    return (hash ^ (hash >>> 16)) & this.mask;
  }
}
