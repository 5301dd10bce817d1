import type { TokenTable } from '../core/document.js';
import { WORD_HASH_SEED, wordHash, wordHashStep } from './word-filter.js';

/**
 * Per-token word forms the knowledge stages compare dictionary words with, built without
 * allocating a string for the common token whose text, lower-cased, is its wink normal form.
 */

const APOSTROPHE = 0x2019; // ’, compared as '

/** A document's per-token word forms and their hashes (`wordHash`, for a `WordFilter`). */
export interface TokenWords {
  /** `tokenLower`. */
  readonly lower: readonly string[];
  readonly lowerHash: Int32Array;
  /** Hash of each token's wink normal form (`tokens.normal`). */
  readonly normalHash: Int32Array;
}

/**
 * The forms of each analysed document, computed by the first stage that asks and shared by
 * the others (themes, tone, places, quotations). Keyed weakly by the token table, so they
 * live exactly as long as the document's analysis.
 */
const wordsOf = new WeakMap<TokenTable, TokenWords>();

/** The document's `TokenWords`, computed once per token table. */
export function tokenWords(text: string, tokens: TokenTable): TokenWords {
  let out = wordsOf.get(tokens);
  if (out === undefined) wordsOf.set(tokens, (out = computeWords(text, tokens)));
  return out;
}

/**
 * Each token's own text lower-cased, with typographic apostrophes made plain. Where that
 * equals wink's normal form (most tokens) the normal string itself is reused, so the array
 * costs no new strings; the others ("colour" → normal "color") get their own.
 *
 * @example
 * tokenLower('The Colour', tokens); // ['the', 'colour'] while tokens.normal is ['the', 'color']
 */
export function tokenLower(text: string, tokens: TokenTable): readonly string[] {
  return tokenWords(text, tokens).lower;
}

function computeWords(text: string, tokens: TokenTable): TokenWords {
  const n = tokens.normal.length;
  const lower = new Array<string>(n);
  const lowerHash = new Int32Array(n);
  const normalHash = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const normal = tokens.normal[i] as string;
    const start = tokens.starts[i] as number;
    const end = tokens.ends[i] as number;
    // The common token, an ASCII word whose text lower-cased is its normal form, is hashed
    // while it is compared: one pass over its characters instead of two.
    if (sameLowerHashed(text, start, end, normal)) {
      const h = hashed;
      normalHash[i] = h;
      lower[i] = normal;
      lowerHash[i] = h;
      continue;
    }
    const hn = wordHash(normal);
    normalHash[i] = hn;
    if (sameLower(text, start, end, normal)) {
      lower[i] = normal;
      lowerHash[i] = hn;
    } else {
      const own = plainApostrophes(text.slice(start, end)).toLowerCase();
      lower[i] = own;
      lowerHash[i] = wordHash(own);
    }
  }
  return { lower, lowerHash, normalHash };
}

/** The token's own text, typographic apostrophes made plain (for words written with capitals). */
export function tokenSurface(text: string, tokens: TokenTable, i: number): string {
  return plainApostrophes(text.slice(tokens.starts[i], tokens.ends[i]));
}

/** `wordHash` of the word `sameLowerHashed` last accepted (a number, not boxed in a result). */
let hashed = 0;

/**
 * True when `text[start, end)` is ASCII (’ aside) and, lower-cased with ’ as ', exactly
 * `word`; `hashed` is then `wordHash(word)`. False sends the caller to the general path.
 */
function sameLowerHashed(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  let h = WORD_HASH_SEED;
  for (let i = start, k = 0; i < end; i++, k++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c === APOSTROPHE) c = 39;
    else if (c >= 128) return false;
    if (c !== word.charCodeAt(k)) return false;
    // wordHash's steps, over the same characters as `word`
    h = wordHashStep(h, c);
  }
  hashed = h;
  return true;
}

/** True when `text[start, end)` lower-cased (ASCII letters, ’ as ') is exactly `word`. */
function sameLower(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = start, k = 0; i < end; i++, k++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c === APOSTROPHE) c = 39;
    else if (c >= 128) return plainApostrophes(text.slice(start, end)).toLowerCase() === word;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

function plainApostrophes(s: string): string {
  return s.includes('’') ? s.replace(/’/g, "'") : s;
}
