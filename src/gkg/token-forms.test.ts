import { describe, expect, it } from 'vitest';
import { cleanText } from '../clean/clean-text.js';
import { analyse, createNlp } from '../nlp/analyse.js';
import { tokenLower, tokenSurface, tokenWords } from './token-forms.js';
import { wordHash } from './word-filter.js';

const nlp = createNlp();
const read = (text: string) => analyse(nlp, text, cleanText(text, 0)).tokens;

describe('tokenLower', () => {
  it('gives each token its own text lower-cased, not the American normal form', () => {
    const text = 'The Colour of Defence Spending in the U.K. rose.';
    const tokens = read(text);
    const lower = tokenLower(text, tokens);
    expect(lower).toHaveLength(tokens.normal.length);
    expect(lower).toContain('colour');
    expect(lower).toContain('defence');
    expect(lower).toContain('u.k.');
    expect(tokens.normal).toContain('color');
    for (let i = 0; i < lower.length; i++) {
      expect(lower[i]).toBe(text.slice(tokens.starts[i], tokens.ends[i]).toLowerCase());
    }
  });

  it('makes typographic apostrophes plain and folds non-ASCII case', () => {
    const text = 'Iran’s ÉLITE units met in Zürich.';
    const tokens = read(text);
    const lower = tokenLower(text, tokens);
    expect(lower).toContain("'s");
    expect(lower).toContain('élite');
    expect(lower).toContain('zürich');
  });

  it('is computed once per analysed document and shared', () => {
    const text = 'Oil prices fell.';
    const tokens = read(text);
    expect(tokenLower(text, tokens)).toBe(tokenLower(text, tokens));
  });
});

describe('tokenWords', () => {
  it("hashes each token's lower-case and normal forms for the word filters", () => {
    const text = 'The Colour of Iran’s Oil';
    const tokens = read(text);
    const words = tokenWords(text, tokens);
    expect(words.lower).toBe(tokenLower(text, tokens));
    for (let i = 0; i < tokens.normal.length; i++) {
      expect(words.lowerHash[i]).toBe(wordHash(words.lower[i]!));
      expect(words.normalHash[i]).toBe(wordHash(tokens.normal[i]!));
    }
  });
});

describe('tokenSurface', () => {
  it('is the exact token text with plain apostrophes', () => {
    const text = 'Russia’s WHO delegate';
    const tokens = read(text);
    const surfaces = tokens.normal.map((_, i) => tokenSurface(text, tokens, i));
    expect(surfaces).toContain('WHO');
    expect(surfaces).toContain("'s");
  });
});
