import { describe, expect, it } from 'vitest';
import { cleanText } from '../clean/clean-text.js';
import { analyse, createNlp } from './analyse.js';
import { firstTokenAtOrAfter } from './token-table.js';

describe('firstTokenAtOrAfter', () => {
  const text = 'Iran and Russia signed a deal.';
  const { tokens } = analyse(createNlp(), text, cleanText(text, 0));

  it('finds the token starting at an offset, or the next one inside a word', () => {
    expect(firstTokenAtOrAfter(tokens, 0)).toBe(0);
    expect(firstTokenAtOrAfter(tokens, text.indexOf('Russia'))).toBe(2);
    expect(firstTokenAtOrAfter(tokens, text.indexOf('Russia') + 2)).toBe(3);
  });

  it('gives the token count past the last token', () => {
    expect(firstTokenAtOrAfter(tokens, text.length)).toBe(tokens.starts.length);
  });
});
