import { describe, expect, it } from 'vitest';
import { decodeEntities } from './html-entities.js';

describe('decodeEntities', () => {
  it('returns null when there is nothing to decode', () => {
    expect(decodeEntities('plain text', 0)).toBeNull();
    expect(decodeEntities('Tom & Jerry &unknownname; &;', 0)).toBeNull();
  });

  it('decodes named, decimal, hex and Windows-1252 references', () => {
    const d = decodeEntities('AT&amp;T&#8217;s &#x201C;deal&#x201d;&nbsp;&#146;&eacute;', 0);
    expect(d?.text).toBe('AT&T’s “deal” ’é');
  });

  it('maps every decoded unit back to the original and spans round-trip', () => {
    const original = 'xx Caf&eacute; &amp; Bar &#128512; end';
    const offset = 3;
    const piece = original.slice(offset);
    const d = decodeEntities(piece, offset);
    expect(d).not.toBeNull();
    if (d === null) return;
    expect(d.map.length).toBe(d.text.length + 1);
    expect(d.map[d.text.length]).toBe(original.length);
    const span = (word: string): string => {
      const s = d.text.indexOf(word);
      return original.slice(d.map[s], d.map[s + word.length]);
    };
    expect(span('Café')).toBe('Caf&eacute;');
    expect(span('&')).toBe('&amp;');
    expect(span('Bar')).toBe('Bar');
    expect(span('😀')).toBe('&#128512;');
    expect(span('end')).toBe('end');
    for (let i = 1; i < d.map.length; i++)
      expect(d.map[i]).toBeGreaterThanOrEqual(d.map[i - 1] ?? 0);
  });
});
