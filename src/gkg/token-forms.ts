import type { TokenTable } from '../core/document.js';

/**
 * Per-token word forms the knowledge stages compare dictionary words with, built without
 * allocating a string for the common token whose text, lower-cased, is its wink normal form.
 */

const APOSTROPHE = 0x2019; // ’, compared as '

/**
 * The forms of each analysed document, computed by the first stage that asks and shared by
 * the others (themes, places, quotations). Keyed weakly by the token table, so they live
 * exactly as long as the document's analysis.
 */
const lowerOf = new WeakMap<TokenTable, readonly string[]>();

/**
 * Each token's own text lower-cased, with typographic apostrophes made plain. Where that
 * equals wink's normal form (most tokens) the normal string itself is reused, so the array
 * costs no new strings; the others ("colour" → normal "color") get their own.
 *
 * @example
 * tokenLower('The Colour', tokens); // ['the', 'colour'] while tokens.normal is ['the', 'color']
 */
export function tokenLower(text: string, tokens: TokenTable): readonly string[] {
  let out = lowerOf.get(tokens);
  if (out === undefined) lowerOf.set(tokens, (out = computeLower(text, tokens)));
  return out;
}

function computeLower(text: string, tokens: TokenTable): string[] {
  const n = tokens.normal.length;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const normal = tokens.normal[i] as string;
    const start = tokens.starts[i] as number;
    const end = tokens.ends[i] as number;
    out[i] = sameLower(text, start, end, normal)
      ? normal
      : plainApostrophes(text.slice(start, end)).toLowerCase();
  }
  return out;
}

/** The token's own text, typographic apostrophes made plain (for words written with capitals). */
export function tokenSurface(text: string, tokens: TokenTable, i: number): string {
  return plainApostrophes(text.slice(tokens.starts[i], tokens.ends[i]));
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
