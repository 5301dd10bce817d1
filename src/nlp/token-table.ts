import type { TokenTable } from '../core/document.js';

/**
 * The first token starting at or after character `offset` (tokens are in text order), or
 * the token count when none does: a binary search over `tokens.starts`.
 *
 * @example
 * const first = firstTokenAtOrAfter(tokens, sentence.start);
 */
export function firstTokenAtOrAfter(tokens: TokenTable, offset: number): number {
  let lo = 0;
  let hi = tokens.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens.starts[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
