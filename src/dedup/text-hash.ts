import { createHash } from 'node:crypto';

/**
 * Normalised text for exact-duplicate detection: Unicode-compatible, lower case,
 * every run of non-letters/digits collapsed to one space. Two copies of a story that
 * differ only in wrapping, spacing, punctuation or entity encoding hash the same.
 */
export function normaliseForHash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** 16 hex characters (64 bits) of SHA-256 over the normalised text. */
export function textHash(text: string): string {
  return createHash('sha256').update(normaliseForHash(text)).digest('hex').slice(0, 16);
}
