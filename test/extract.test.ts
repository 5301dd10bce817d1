import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, SEED, SHARED, jsonLines, run } from './helpers.js';
import { join } from 'node:path';

interface Doc {
  id: string;
  date: string | null;
  text: string;
  language: string;
  duplicateOf: string | null;
  sentences: { index: number; start: number; end: number; text: string; heading: boolean }[];
  expressions: { type: string; text: string; start: number; end: number }[];
}

describe.skipIf(!HAS_SHARED)('extract on the seed article', () => {
  it('prints one dated document with headings marked, boilerplate dropped and exact offsets', async () => {
    const r = await run(['extract', SEED]);
    expect(r.code).toBe(0);
    const docs = jsonLines<Doc>(r.stdout);
    expect(docs).toHaveLength(1);
    const doc = docs[0]!;
    expect(doc.date).toBe('2024-03-20');
    expect(doc.text).toBe(readFileSync(SEED, 'utf8'));
    expect(doc.sentences.some((s) => s.text.includes('Advertisment'))).toBe(false);
    const expected = JSON.parse(readFileSync(join(SHARED, 'seed', 'expected.json'), 'utf8')) as {
      headings: string[];
    };
    expect(doc.sentences.filter((s) => s.heading).map((s) => s.text)).toEqual(expected.headings);
    for (const s of doc.sentences) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
    expect(doc.sentences.filter((s) => !s.heading).length).toBeGreaterThanOrEqual(12);
    // The date header is metadata, never a sentence.
    expect(doc.sentences[0]!.text.startsWith('Amidst')).toBe(true);
    const money = doc.expressions.find((e) => e.type === 'MONEY');
    expect(money && doc.text.slice(money.start, money.end)).toContain('$4 billion');
  });
});

describe('extract --text', () => {
  it('handles a quick sentence with a date', async () => {
    const r = await run([
      'extract',
      '--text',
      'Kenya and Uganda signed a border agreement on Monday.',
      '--date',
      '2025-01-15',
    ]);
    expect(r.code).toBe(0);
    const [doc] = jsonLines<Doc>(r.stdout);
    expect(doc!.date).toBe('2025-01-15');
    expect(doc!.sentences.map((s) => s.text)).toEqual([
      'Kenya and Uganda signed a border agreement on Monday.',
    ]);
  });

  it('rejects an impossible --date with a one-line usage error', async () => {
    const r = await run(['extract', '--text', 'Talks resumed.', '--date', '2024-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/2024-02-30/);
    expect(r.stdout).toBe('');
  });

  it('marks the second copy of a story in one run as a duplicate of the first', async () => {
    const r = await run(['extract', join('examples', 'jsonl', 'wire.jsonl')]);
    expect(r.code).toBe(0);
    const docs = jsonLines<Doc>(r.stdout);
    expect(docs.map((d) => d.id)).toEqual(['wire-001', 'wire-002', 'wire-003', 'wire-004']);
    expect(docs[2]!.duplicateOf).toBe('wire-001');
    expect(docs[3]!.language).toBe('fra');
  });
});
