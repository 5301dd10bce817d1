import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WARCRecord, WARCSerializer } from 'warcio';
import { describe, expect, it } from 'vitest';
import type { RawDocument, SourceItem } from '../core/document.js';
import { readInputs, resolveSettings, type SourceOptions } from './read-inputs.js';
import { warcSource } from './warc-source.js';

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

const FORMATS = fileURLToPath(new URL('../../test/fixtures/formats/', import.meta.url));

async function readAll(inputs: string[]): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readInputs(inputs)) items.push(item);
  return items;
}

async function warcOf(
  pages: { url: string; date: string; html: string; type?: string }[],
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (const p of pages) {
    const record = WARCRecord.create(
      {
        url: p.url,
        date: p.date,
        type: 'response',
        statusline: 'HTTP/1.1 200 OK',
        httpHeaders: { 'Content-Type': p.type ?? 'text/html' },
      },
      [new TextEncoder().encode(p.html)],
    );
    parts.push(await WARCSerializer.serialize(record));
  }
  return Buffer.concat(parts);
}

async function readWarc(bytes: Uint8Array, options: SourceOptions = {}): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  const input = { file: 'c.warc', name: 'c.warc', bytes: once(bytes) };
  for await (const item of warcSource.read(input, resolveSettings(options))) items.push(item);
  return items;
}

describe('WARC', () => {
  it.each(['crawl.warc', 'crawl.warc.gz'])(
    'reads only the successful HTML responses of %s',
    async (name) => {
      const file = join(FORMATS, name);
      const docs = (await readAll([file])) as RawDocument[];
      expect(docs.map((d) => [d.kind, d.url, d.date, d.title, d.provenance])).toEqual([
        [
          'raw',
          'https://dniesterdaily.example/news/energy-pact',
          '2024-08-14',
          'Moldova and Romania sign energy pact',
          { file, record: 2, member: 'https://dniesterdaily.example/news/energy-pact' },
        ],
        [
          'raw',
          'https://caucasusnotes.example/armenia-envoy',
          '2024-08-16',
          'Armenian envoy visits Tbilisi',
          { file, record: 5, member: 'https://caucasusnotes.example/armenia-envoy' },
        ],
      ]);
      expect(docs[0]!.text).toBe(
        "Moldova and Romania signed an agreement in Chisinau on Wednesday to build a second high-voltage power line between the two countries, reducing Moldova's reliance on a single supplier.\n\nThe European Union will cover half of the estimated cost of 270 million euros, the Moldovan energy ministry said.",
      );
      // The page's own date wins over the capture date; without one, the capture date stands in.
      expect(docs[0]!.warnings).toEqual([]);
      expect(docs[1]!.warnings).toEqual(['the page states no publish date; used the capture date']);
    },
  );

  it('fails an oversized page and goes on to the next record', async () => {
    const bytes = await warcOf([
      {
        url: 'https://x.example/big',
        date: '2024-01-01T00:00:00Z',
        html: `<p>${'Talks continued. '.repeat(200)}</p>`,
      },
      {
        url: 'https://x.example/small',
        date: '2024-01-02T00:00:00Z',
        html: '<p>Envoys met briefly.</p>',
      },
    ]);
    const items = await readWarc(bytes, { maxDocumentBytes: 1024 });
    expect(
      items.map((i) => (i.kind === 'raw' ? i.url : `${i.provenance.member}: ${i.reason}`)),
    ).toEqual([
      'https://x.example/big: document is larger than the size limit (1 KiB)',
      'https://x.example/small',
    ]);
  });

  it('skips XHTML-typed and non-HTML payloads correctly', async () => {
    const bytes = await warcOf([
      {
        url: 'https://x.example/data.json',
        date: '2024-01-01T00:00:00Z',
        html: '{"a": 1}',
        type: 'application/json',
      },
      {
        url: 'https://x.example/page',
        date: '2024-01-03T00:00:00Z',
        html: '<html><body><p>Delegates arrived.</p></body></html>',
        type: 'application/xhtml+xml',
      },
    ]);
    expect((await readWarc(bytes)).map((i) => i.kind === 'raw' && i.text)).toEqual([
      'Delegates arrived.',
    ]);
  });
});
