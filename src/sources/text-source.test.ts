import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawDocument, SourceItem } from '../core/document.js';
import { readInputs, resolveSettings } from './read-inputs.js';
import { textSource } from './text-source.js';

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = join(REPO, '..', 'shared');
const SEED = join(SHARED, 'seed', '000_0975571770d3a3b0.txt');
const FORMATS = join(REPO, 'test', 'fixtures', 'formats');

async function readText(
  text: string,
  name = 'story.txt',
  date: string | null = null,
): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  const input = { file: name, name, bytes: once(Buffer.from(text, 'utf8')) };
  for await (const item of textSource.read(input, resolveSettings({ date }))) items.push(item);
  return items;
}

function only(items: SourceItem[]): RawDocument {
  expect(items).toHaveLength(1);
  const item = items[0]!;
  if (item.kind !== 'raw') throw new Error(`expected a document, got failure: ${item.reason}`);
  return item;
}

describe('seed-style text', () => {
  it('keeps the whole file as text and starts the body after the date and its whitespace', async () => {
    const text =
      '  date 2024-04-16   Ministers met in Quito on Monday.\n\nThey agreed to meet again.\n';
    const doc = only(await readText(text));
    expect(doc.text).toBe(text);
    expect(doc.date).toBe('2024-04-16');
    expect(doc.text.slice(doc.bodyStart)).toBe(
      'Ministers met in Quito on Monday.\n\nThey agreed to meet again.\n',
    );
    expect(doc.text.slice(0, doc.bodyStart)).toBe('  date 2024-04-16   ');
    expect(doc.warnings).toEqual([]);
  });

  it('allows the article to start on the next line', async () => {
    const doc = only(await readText('date 2024-04-16\nMinisters met.'));
    expect(doc.text.slice(doc.bodyStart)).toBe('Ministers met.');
  });

  it('fails a header with an impossible date rather than guessing', async () => {
    const [item] = await readText('date 2024-02-30 Ministers met.');
    expect(item).toMatchObject({
      kind: 'failure',
      reason: expect.stringMatching(/impossible date 2024-02-30/),
    });
  });

  it('fails a file that is only a header', async () => {
    const [item] = await readText('date 2024-04-16   \n');
    expect(item).toMatchObject({
      kind: 'failure',
      reason: expect.stringMatching(/empty document/),
    });
  });

  it('notes when --date disagrees with the header, and keeps the header', async () => {
    const doc = only(await readText('date 2024-04-16 Talks.', 'a.txt', '2024-01-01'));
    expect(doc.date).toBe('2024-04-16');
    expect(doc.warnings[0]).toMatch(/--date 2024-01-01 ignored/);
  });

  it.skipIf(!existsSync(SEED))(
    'reads the shared seed article as one document dated 2024-03-20',
    async () => {
      const items: SourceItem[] = [];
      for await (const item of readInputs([SEED])) items.push(item);
      const doc = only(items);
      expect(doc.date).toBe('2024-03-20');
      expect(doc.text).toBe(readFileSync(SEED, 'utf8'));
      expect(doc.text.slice(doc.bodyStart).startsWith('Amidst')).toBe(true);
      expect(doc.provenance).toEqual({ file: SEED });
    },
  );
  if (!existsSync(SEED)) console.warn(`skipping the seed-article test: ${SEED} is absent`);
});

describe('plain text', () => {
  it('takes --date first', async () => {
    const doc = only(
      await readText('Talks resumed in Doha.', 'notes-2023-01-05.txt', '2024-06-03'),
    );
    expect(doc).toMatchObject({ date: '2024-06-03', bodyStart: 0, warnings: [] });
  });

  it('falls back to a YYYY-MM-DD in the file name', async () => {
    const items: SourceItem[] = [];
    for await (const item of readInputs([join(FORMATS, 'talks-2024-06-03.txt')])) items.push(item);
    const doc = only(items);
    expect(doc.date).toBe('2024-06-03');
    expect(doc.text).toBe(readFileSync(join(FORMATS, 'talks-2024-06-03.txt'), 'utf8'));
  });

  it('warns "no date found" and leaves the date null when nothing gives one', async () => {
    const doc = only(await readText('Talks resumed in Doha.', 'notes.txt'));
    expect(doc.date).toBeNull();
    expect(doc.warnings).toEqual(['no date found']);
  });

  it('ignores an impossible date in a file name, with a warning', async () => {
    const doc = only(await readText('Talks resumed.', 'wire-2024-02-30.txt'));
    expect(doc.date).toBeNull();
    expect(doc.warnings).toEqual([
      'ignored date in file name: impossible date 2024-02-30: February 2024 has 29 days',
      'no date found',
    ]);
  });

  it('drops a UTF-8 byte order mark but keeps every other character', async () => {
    const doc = only(await readText('\ufeffdate 2024-04-16 Caf\u00e9 talks \u2014 day two.'));
    expect(doc.text).toBe('date 2024-04-16 Caf\u00e9 talks \u2014 day two.');
    expect(doc.text.slice(doc.bodyStart)).toBe('Caf\u00e9 talks \u2014 day two.');
  });
});
