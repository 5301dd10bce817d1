/**
 * MinHash signatures over word shingles, for near-duplicate detection.
 *
 * Parameters (documented in the README, "Deduplication"):
 * - shingles: 4 consecutive lower-cased words (letters and digits; numbers are kept so
 *   templated reports that differ only in their figures stay distinct);
 * - 64 hash functions, each a multiply-add permutation of the shingle's mixed FNV-1a hash;
 * - documents with fewer than `MIN_SHINGLES` shingles (counting repeats) get no signature: too short to
 *   call near-duplicates safely (exact dedup still applies to them).
 */
export const SHINGLE_WORDS = 4;
export const SIGNATURE_SIZE = 64;
export const MIN_SHINGLES = 8;

const WORD = /[\p{L}\p{N}]+/gu;

// Fixed multipliers and offsets: signatures are stored in the database, so they must never
// change. Hash i of a shingle hash x is (A[i] * x + B[i]) mod 2^32 with A[i] odd, a
// permutation of 32-bit values; x itself is already well mixed, so one multiply-add per
// hash function is enough and keeps signing cheap on the ingest hot path.
const A = new Uint32Array(SIGNATURE_SIZE);
const B = new Uint32Array(SIGNATURE_SIZE);
{
  let x = 0x9e3779b9;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    x = mix(x + 0x6a09e667 + i);
    A[i] = (x | 1) >>> 0;
    x = mix(x ^ 0x85ebca6b);
    B[i] = x;
  }
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

/** FNV-1a of each word, lower-cased on the fly (ASCII fast path; other letters via toLowerCase). */
function wordHashes(text: string): number[] {
  const hashes: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const w = m[0];
    let h = 0x811c9dc5;
    for (let i = 0; i < w.length; i++) {
      let c = w.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      else if (c > 127) c = w[i]!.toLowerCase().charCodeAt(0);
      h = Math.imul(h ^ c, 0x01000193);
    }
    hashes.push(h >>> 0);
  }
  return hashes;
}

/**
 * Hashes of the word shingles of `text`, in order (repeats kept: a minimum does not care).
 * A shingle's hash combines its words' hashes, so no shingle string is ever built.
 */
export function shingleHashes(text: string): Uint32Array {
  const words = wordHashes(text);
  const n = words.length - SHINGLE_WORDS + 1;
  if (n <= 0) return new Uint32Array(0);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < SHINGLE_WORDS; k++) h = Math.imul(h ^ words[i + k]!, 0x01000193);
    out[i] = mix(h);
  }
  return out;
}

/** The MinHash signature of `text`, or null when it has too few shingles. */
export function minhashSignature(text: string): Uint32Array | null {
  const shingles = shingleHashes(text);
  if (shingles.length < MIN_SHINGLES) return null;
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    const a = A[i]!;
    const b = B[i]!;
    let min = 0xffffffff;
    for (let s = 0; s < shingles.length; s++) {
      const h = (Math.imul(a, shingles[s]!) + b) >>> 0;
      if (h < min) min = h;
    }
    sig[i] = min;
  }
  return sig;
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}
