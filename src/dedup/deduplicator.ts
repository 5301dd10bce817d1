import { SIGNATURE_SIZE, estimateJaccard } from './minhash.js';

/**
 * Near-duplicate threshold: estimated Jaccard similarity of 4-word shingle sets.
 * 0.8 catches re-sent and lightly corrected wire copies while keeping follow-up stories
 * that share a paragraph or two apart. Documented in the README.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

/** LSH banding: 16 bands of 4 rows puts the candidate curve's midpoint near J = 0.5. */
const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;

export interface DuplicateVerdict {
  readonly duplicateOf: string;
  readonly kind: 'exact' | 'near';
  /** Estimated Jaccard similarity (1 for exact duplicates). */
  readonly similarity: number;
}

/**
 * Remembers every document seen (or already stored) and says whether a new one repeats
 * an earlier one. The first copy is the original; later copies point at it.
 *
 * ```ts
 * const dedup = new Deduplicator();
 * dedup.check('a', hashA, sigA); // null: first of its kind, now remembered
 * dedup.check('b', hashA, sigB); // { duplicateOf: 'a', kind: 'exact', similarity: 1 }
 * ```
 */
export class Deduplicator {
  private readonly byHash = new Map<string, string>();
  private readonly signatures = new Map<string, Uint32Array>();
  /** One map per band; keys are small integers, which V8 hashes far faster than doubles. */
  private readonly buckets: Map<number, string[]>[] = Array.from(
    { length: BANDS },
    () => new Map(),
  );

  get size(): number {
    return this.byHash.size;
  }

  /**
   * Checks a document against everything remembered, then remembers it if it is an
   * original. Duplicates are not remembered, so chains always point at the first copy.
   */
  check(id: string, textHash: string, signature: Uint32Array | null): DuplicateVerdict | null {
    const exact = this.byHash.get(textHash);
    if (exact !== undefined && exact !== id)
      return { duplicateOf: exact, kind: 'exact', similarity: 1 };
    if (signature) {
      const near = this.nearest(id, signature);
      if (near) return near;
    }
    this.remember(id, textHash, signature);
    return null;
  }

  /** Adds an already-stored original without checking it (used when reopening a store). */
  remember(id: string, textHash: string, signature: Uint32Array | null): void {
    if (!this.byHash.has(textHash)) this.byHash.set(textHash, id);
    if (!signature || this.signatures.has(id)) return;
    this.signatures.set(id, signature);
    for (let b = 0; b < BANDS; b++) {
      const key = bandKey(signature, b);
      const band = this.buckets[b]!;
      const bucket = band.get(key);
      if (bucket) bucket.push(id);
      else band.set(key, [id]);
    }
  }

  private nearest(id: string, signature: Uint32Array): DuplicateVerdict | null {
    let best: DuplicateVerdict | null = null;
    const tried = new Set<string>();
    for (let b = 0; b < BANDS; b++) {
      const bucket = this.buckets[b]!.get(bandKey(signature, b));
      if (!bucket) continue;
      for (const other of bucket) {
        if (other === id || tried.has(other)) continue;
        tried.add(other);
        const similarity = estimateJaccard(signature, this.signatures.get(other)!);
        if (similarity < NEAR_DUPLICATE_THRESHOLD) continue;
        // Prefer the most similar; on ties, the earliest remembered (buckets keep insertion order).
        if (!best || similarity > best.similarity)
          best = { duplicateOf: other, kind: 'near', similarity };
      }
    }
    return best;
  }
}

/**
 * The band's rows hashed to 30 bits (a V8 small integer). A collision only puts an
 * unrelated document in the bucket, and every candidate's signature is compared anyway.
 */
function bandKey(signature: Uint32Array, band: number): number {
  let h = 0x811c9dc5;
  for (let r = 0; r < ROWS; r++) {
    h = Math.imul(h ^ signature[band * ROWS + r]!, 0x01000193);
  }
  return h & 0x3fffffff;
}
