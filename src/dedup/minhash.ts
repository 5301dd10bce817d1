/**
 * MinHash signatures over word shingles, for near-duplicate detection.
 *
 * Parameters (documented in the README, "Deduplication"):
 * - shingles: 4 consecutive lower-cased words (letters and digits; numbers are kept so
 *   templated reports that differ only in their figures stay distinct);
 * - 64 hash functions, each a seeded 32-bit mix of the shingle's FNV-1a hash;
 * - documents with fewer than `MIN_SHINGLES` shingles get no signature: too short to
 *   call near-duplicates safely (exact dedup still applies to them).
 */
export const SHINGLE_WORDS = 4;
export const SIGNATURE_SIZE = 64;
export const MIN_SHINGLES = 8;

const WORD = /[\p{L}\p{N}]+/gu;

// Fixed seeds: signatures are stored in the database, so they must never change.
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE);
  let x = 0x9e3779b9;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6a09e667 + i) >>> 0;
    seeds[i] = x;
  }
  return seeds;
})();

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: a cheap, well-mixed permutation of 32-bit values. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes of the distinct word shingles of `text`. */
export function shingleHashes(text: string): Uint32Array {
  const words = text.toLowerCase().match(WORD) ?? [];
  if (words.length < SHINGLE_WORDS) return new Uint32Array(0);
  const seen = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    seen.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  }
  return Uint32Array.from(seen);
}

/** The MinHash signature of `text`, or null when it has too few shingles. */
export function minhashSignature(text: string): Uint32Array | null {
  const shingles = shingleHashes(text);
  if (shingles.length < MIN_SHINGLES) return null;
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s]!;
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix(x ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}
