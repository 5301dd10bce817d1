import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawDocument, SourceItem } from '../core/document.js';
import { jsonlSource } from './jsonl-source.js';
import { readInputs, resolveSettings, type SourceOptions } from './read-inputs.js';

const REUTERS = join(
  fileURLToPath(new URL('../../', import.meta.url)),
  '..',
  'shared',
  'corpus',
  'reuters21578.jsonl.gz',
);

/** Yields `text` as UTF-8 in chunks of `size` bytes, splitting multi-byte characters too. */
async function* chunks(text: string | Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(
  text: string | Uint8Array,
  options: SourceOptions = {},
  chunkSize = 1 << 16,
): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  const input = { file: 'wire.jsonl', name: 'wire.jsonl', bytes: chunks(text, chunkSize) };
  for await (const item of jsonlSource.read(input, resolveSettings(options))) items.push(item);
  return items;
}

const docs = (items: SourceItem[]): RawDocument[] =>
  items.filter((i): i is RawDocument => i.kind === 'raw');

describe('JSON Lines', () => {
  it('reads each record with its 1-based line, numeric ids as strings and dates normalised', async () => {
    const items = await read(
      [
        JSON.stringify({
          id: 17,
          date: '1987-02-26T15:01:01',
          title: 'GRAIN TALKS',
          text: 'Ministers met.',
          url: 'https://w.example/17',
        }),
        '',
        JSON.stringify({
          id: 'b-2',
          date: 'Tue, 19 Mar 2024 08:00:00 GMT',
          text: 'Envoys arrived.',
        }),
      ].join('\n'),
    );
    expect(items).toEqual([
      {
        kind: 'raw',
        id: '17',
        date: '1987-02-26',
        url: 'https://w.example/17',
        title: 'GRAIN TALKS',
        byline: null,
        text: 'Ministers met.',
        bodyStart: 0,
        provenance: { file: 'wire.jsonl', line: 1 },
        warnings: [],
      },
      {
        kind: 'raw',
        id: 'b-2',
        date: '2024-03-19',
        url: null,
        title: null,
        byline: null,
        text: 'Envoys arrived.',
        bodyStart: 0,
        provenance: { file: 'wire.jsonl', line: 3 },
        warnings: [],
      },
    ]);
  });

  it('gives the same records whatever the chunking, with multi-byte characters split across chunks', async () => {
    const text = [
      JSON.stringify({
        id: 1,
        date: '2024-05-01',
        text: 'Zelensky met Erdo\u011fan in \u0130stanbul \u2014 talks on grain.',
      }),
      JSON.stringify({
        id: 2,
        date: '2024-05-02',
        text: 'Caf\u00e9 diplomacy in Qu\u00e9bec. \ud83c\uddfa\ud83c\udde6',
      }),
    ].join('\r\n');
    const whole = await read(text);
    expect(docs(whole).map((d) => d.text)).toEqual([
      'Zelensky met Erdo\u011fan in \u0130stanbul \u2014 talks on grain.',
      'Caf\u00e9 diplomacy in Qu\u00e9bec. \ud83c\uddfa\ud83c\udde6',
    ]);
    for (const size of [1, 2, 3, 7]) expect(await read(text, {}, size)).toEqual(whole);
  });

  it('fails only the malformed line and keeps reading', async () => {
    const items = await read(
      '{"id": 1, "text": "First."}\n{"id": 2, "text": "Sec\n{"id": 3, "text": "Third."}\n',
    );
    expect(items.map((i) => (i.kind === 'raw' ? i.id : `fail@${i.provenance.line}`))).toEqual([
      '1',
      'fail@2',
      '3',
    ]);
    expect(items[1]).toMatchObject({ reason: expect.stringMatching(/^malformed JSON: /) });
  });

  it('fails a record with an impossible date and names the field', async () => {
    const [item] = await read('{"text": "Council met.", "published": "2024-02-30"}', {
      fields: { date: 'published' },
    });
    expect(item).toEqual({
      kind: 'failure',
      provenance: { file: 'wire.jsonl', line: 1 },
      reason: 'bad "published": impossible date 2024-02-30: February 2024 has 29 days',
    });
  });

  it('remaps field names, including a dotted path into a nested object', async () => {
    const line = JSON.stringify({
      doc_id: 'x9',
      meta: { published: '2024-03-20' },
      link: 'https://w.example/x9',
      headline: 'Talks',
      body: 'Talks resumed.',
    });
    const [doc] = docs(
      await read(line, {
        fields: {
          id: 'doc_id',
          date: 'meta.published',
          url: 'link',
          title: 'headline',
          text: 'body',
        },
      }),
    );
    expect(doc).toMatchObject({
      id: 'x9',
      date: '2024-03-20',
      url: 'https://w.example/x9',
      title: 'Talks',
      text: 'Talks resumed.',
    });
  });

  it('extracts text, title and date from an html field when there is no text', async () => {
    const html =
      '<html><head><title>Envoys meet</title><meta name="date" content="2024-07-04"></head><body><p>Envoys met in Bern &amp; Geneva.</p><p>Talks go on.</p></body></html>';
    const [doc] = docs(await read(JSON.stringify({ id: 3, html })));
    expect(doc).toMatchObject({
      text: 'Envoys met in Bern & Geneva.\n\nTalks go on.',
      title: 'Envoys meet',
      date: '2024-07-04',
    });
  });

  it('warns when a record has no date, and uses --date when given', async () => {
    const [doc] = docs(await read('{"text": "Talks."}'));
    expect(doc).toMatchObject({ date: null, warnings: ['no date found'] });
    const [dated] = docs(await read('{"text": "Talks."}', { date: '2024-01-09' }));
    expect(dated).toMatchObject({ date: '2024-01-09', warnings: [] });
  });

  it('fails records that are not objects, have no text, or have empty text', async () => {
    const items = await read('[1, 2]\n{"title": "No body"}\n{"text": "  \\n "}\n');
    expect(items.map((i) => (i.kind === 'failure' ? i.reason : 'doc'))).toEqual([
      'record is an array, not a JSON object',
      'record has no string "text" or "html" field',
      'empty document',
    ]);
  });

  it('fails a record over the size limit without stopping', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(5000) });
    const items = await read(
      `${big}\n{"text": "Small."}\n${'{"text": "' + 'y'.repeat(100_000)}\n{"text": "Last."}`,
      { maxDocumentBytes: 1000 },
    );
    expect(
      items.map((i) => (i.kind === 'failure' ? `${i.provenance.line}: ${i.reason}` : 'doc')),
    ).toEqual([
      '1: document is larger than the size limit (1000 bytes)',
      'doc',
      // Far over the limit: skipped to its end unparsed, never buffered whole.
      '3: document is larger than the size limit (1000 bytes)',
      'doc',
    ]);
  });

  it('fails a line of invalid UTF-8 alone', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"text": "caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}\n{"text": "ok"}\n'),
    ]);
    const items = await read(bytes);
    expect(items[0]).toMatchObject({
      kind: 'failure',
      provenance: { line: 1 },
      reason: expect.stringMatching(/^invalid UTF-8/),
    });
    expect(items[1]).toMatchObject({ kind: 'raw', text: 'ok' });
  });

  it.skipIf(!existsSync(REUTERS))(
    'streams the gzipped Reuters corpus: 19,043 dated documents, no failures',
    async () => {
      let docs = 0;
      let undated = 0;
      let lastLine = 0;
      for await (const item of readInputs([REUTERS])) {
        if (item.kind === 'failure')
          throw new Error(`line ${item.provenance.line}: ${item.reason}`);
        docs++;
        if (item.date === null) undated++;
        else expect(item.date).toMatch(/^1987-\d\d-\d\d$/);
        lastLine = item.provenance.line ?? 0;
      }
      expect({ docs, undated, lastLine }).toEqual({ docs: 19_043, undated: 1, lastLine: 19_043 });
    },
  );
  if (!existsSync(REUTERS))
    console.warn(`skipping the Reuters streaming test: ${REUTERS} is absent`);
});
