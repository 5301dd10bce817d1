import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../clean/clean-text.js';
import { detectLanguage } from '../clean/language.js';
import { analyse, createNlp } from './analyse.js';

// shared/ sits beside the repository (../shared from the repo root), never inside it.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const seedPath = resolve(repoRoot, '../shared/seed/000_0975571770d3a3b0.txt');
const haveSeed = existsSync(seedPath);

describe.skipIf(!haveSeed)(
  `seed article ${haveSeed ? '' : '(SKIPPED: ../shared/seed absent)'}`,
  () => {
    const text = haveSeed ? readFileSync(seedPath, 'utf8') : '';
    const header = /^\s*date \d{4}-\d{2}-\d{2}\s+/.exec(text);
    const bodyStart = header === null ? 0 : header[0].length;
    const blocks = cleanText(text, bodyStart);
    const a = analyse(createNlp(), text, blocks);

    it('finds exactly the three section headings', () => {
      expect(a.sentences.filter((s) => s.heading).map((s) => s.text)).toEqual([
        'Strategic Alignment on Palestine and Regional Interests',
        'Economic Cooperation and Joint Ventures',
        'Deepening Diplomatic and Trade Relations',
      ]);
    });

    it('drops the ad slots and the date header', () => {
      const ads = blocks.filter((b) => b.kind === 'boilerplate');
      expect(ads.map((b) => text.slice(b.start, b.end))).toEqual(['Advertisment', 'Advertisment']);
      expect(a.sentences.some((s) => s.text.includes('Advertisment'))).toBe(false);
      expect(a.sentences[0]?.text.startsWith('Amidst')).toBe(true);
      expect(detectLanguage(text, blocks)).toBe('eng');
    });

    it('every sentence, token and expression slices back from the original text', () => {
      expect(a.sentences.length).toBeGreaterThan(10);
      for (const s of a.sentences) {
        expect(text.slice(s.start, s.end)).toBe(s.text);
        expect(s.text).toBe(s.text.trim());
      }
      for (const e of a.expressions) expect(text.slice(e.start, e.end)).toBe(e.text);
    });

    it('reports the trade growth percentage and the trade value', () => {
      const found = a.expressions.map((e) => `${e.type} ${e.text}`);
      expect(found).toContain('PERCENT 77%');
      expect(found).toContain('MONEY $4 billion');
    });

    it('gives the amounts their values and units, and finds the year and the weekday', () => {
      const find = (type: string, t: string) =>
        a.expressions.find((e) => e.type === type && e.text === t);
      expect(find('PERCENT', '77%')).toMatchObject({ value: 77, unit: 'percent' });
      expect(find('MONEY', '$4 billion')).toMatchObject({ value: 4e9, unit: 'USD' });
      // "about" stays outside the span, readable as the token before it.
      const money = find('MONEY', '$4 billion')!;
      expect(text.slice(money.start - 6, money.start)).toBe('about ');
      expect(find('DATE', '2023')).toBeDefined();
      expect(find('DATE', 'Tuesday')).toBeDefined();
      for (const e of a.expressions) {
        expect(text.slice(e.start, e.end)).toBe(e.text);
        const s = a.sentences[e.sentence]!;
        expect(e.start >= s.start && e.end <= s.end).toBe(true);
      }
    });
  },
);
