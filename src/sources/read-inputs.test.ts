import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawDocument, SourceItem } from '../core/document.js';
import { UsageError } from '../core/errors.js';
import { readInputs, type SourceOptions } from './read-inputs.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const BAD = join(FIXTURES, 'bad-inputs');
const FORMATS = join(FIXTURES, 'formats');

const temp = mkdtempSync(join(tmpdir(), 'entente-sources-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function collect(inputs: string[], options?: SourceOptions): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readInputs(inputs, options)) items.push(item);
  return items;
}

const name = (item: SourceItem): string =>
  item.provenance.file.slice(item.provenance.file.lastIndexOf('/') + 1);

describe('the bad-inputs fixture folder', () => {
  const expected: Record<string, RegExp> = {
    'bad-binary.txt': /^binary data \(NUL bytes\)/,
    'bad-empty.txt': /^empty document$/,
    'bad-huge-50mb.txt.gz': /^document is larger than the size limit \(10 MiB\)$/,
    'bad-impossible-date.jsonl':
      /^bad "date": impossible date 2024-02-30: February 2024 has 29 days$/,
    'bad-invalid-utf8.txt': /^invalid UTF-8/,
    'bad-malformed-line.jsonl': /^malformed JSON: /,
    'bad-not-xml.rss': /^not XML: /,
    'bad-truncated.jsonl.gz': /^truncated gzip data/,
    'bad-unreadable.txt': /^cannot read: broken symbolic link/,
  };

  it('yields exactly one one-line failure per bad file, and every good document', async () => {
    const started = performance.now();
    const items = await collect([BAD]);
    const failures = items.filter((i) => i.kind === 'failure');
    expect(Object.fromEntries(failures.map((f) => [name(f), f.reason]))).toEqual(
      Object.fromEntries(
        Object.entries(expected).map(([file, reason]) => [file, expect.stringMatching(reason)]),
      ),
    );
    expect(failures).toHaveLength(Object.keys(expected).length);
    for (const f of failures) expect(f.reason).not.toMatch(/[\r\n]/);

    const docs = items.filter((i): i is RawDocument => i.kind === 'raw');
    expect(
      docs.map(
        (d) =>
          `${name(d)}${d.provenance.line ? `:${d.provenance.line}` : ''}${d.provenance.record !== undefined ? `#${d.provenance.record}` : ''}`,
      ),
    ).toEqual([
      'bad-malformed-line.jsonl:1',
      'bad-malformed-line.jsonl:2',
      'bad-truncated.jsonl.gz:1',
      'bad-truncated.jsonl.gz:2',
      'bad-truncated.jsonl.gz:3',
      'bad-truncated.jsonl.gz:4',
      'bad-truncated.jsonl.gz:5',
      'good-plain-2024-04-22.txt',
      'good-records.json#0',
      'good-records.json#1',
      'good-seed.txt',
    ]);
    expect(docs.map((d) => d.date)).toEqual([
      '2024-05-02',
      '2024-05-03',
      '2024-05-01',
      '2024-05-02',
      '2024-05-03',
      '2024-05-04',
      '2024-05-05',
      '2024-04-22',
      '2024-04-25',
      '2024-04-26',
      '2024-04-09',
    ]);
    // The 50 MB document is refused after reading just past the limit, not after inflating it all.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('documents every file in its README with the failure it must produce', () => {
    const readme = readFileSync(join(BAD, 'README.md'), 'utf8');
    for (const file of readdirSync(BAD).filter((f) => f !== 'README.md'))
      expect(readme).toContain(`\`${file}\``);
  });
});

describe('paths', () => {
  it('turns a missing path into one failure and goes on to the next input', async () => {
    const missing = join(temp, 'no-such-file.txt');
    const items = await collect([missing, join(FORMATS, 'seed-style.txt')]);
    expect(items[0]).toEqual({
      kind: 'failure',
      provenance: { file: missing },
      reason: 'cannot read: no such file or directory',
    });
    expect(items[1]).toMatchObject({ kind: 'raw', date: '2024-04-16' });
  });

  it('walks directories depth first in sorted order, skipping dotfiles and non-input names', async () => {
    const root = join(temp, 'walk');
    mkdirSync(join(root, 'b-sub', '.hidden-dir'), { recursive: true });
    writeFileSync(join(root, 'c.txt'), 'date 2024-01-03 Third.');
    writeFileSync(join(root, 'a.txt'), 'date 2024-01-01 First.');
    writeFileSync(join(root, 'b-sub', 'inner.jsonl'), '{"id": "inner", "text": "Second."}\n');
    writeFileSync(join(root, 'b-sub', '.hidden-dir', 'x.txt'), 'date 2024-01-09 Hidden.');
    writeFileSync(join(root, '.dotfile.txt'), 'date 2024-01-09 Hidden.');
    writeFileSync(join(root, 'README.md'), '# notes about this corpus');
    writeFileSync(join(root, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
    writeFileSync(join(root, 'd-no-extension'), 'date 2024-01-04 Fourth.');
    symlinkSync(root, join(root, 'e-loop'));
    const items = await collect([root]);
    expect(items.map((i) => (i.kind === 'raw' ? i.text.slice(i.bodyStart) : i.reason))).toEqual([
      'First.',
      'Second.',
      'Third.',
      'Fourth.',
    ]);
    expect(items.map((i) => i.provenance.file)).toEqual([
      join(root, 'a.txt'),
      join(root, 'b-sub', 'inner.jsonl'),
      join(root, 'c.txt'),
      join(root, 'd-no-extension'),
    ]);
  });

  it('reads a .gz of every format exactly as the uncompressed file', async () => {
    const dir = join(temp, 'gz');
    mkdirSync(dir);
    for (const file of [
      'article.html',
      'world.rss',
      'world.atom',
      'records.json',
      'records.jsonl',
      'seed-style.txt',
      'talks-2024-06-03.txt',
      'crawl.warc',
    ]) {
      const plain = await collect([join(FORMATS, file)]);
      writeFileSync(join(dir, `${file}.gz`), gzipSync(readFileSync(join(FORMATS, file))));
      const zipped = await collect([join(dir, `${file}.gz`)]);
      expect(plain.length, file).toBeGreaterThan(0);
      const strip = (items: SourceItem[]) =>
        items.map((i) => ({ ...i, provenance: { ...i.provenance, file: '' } }));
      expect(strip(zipped), file).toEqual(strip(plain));
    }
  });

  it('fails a .gz that is not gzip, an empty file, UTF-16 text and an unnamed binary, once each', async () => {
    const files = {
      'fake.txt.gz': 'date 2024-01-01 Not compressed.',
      'empty.jsonl': '',
      'utf16.txt': Buffer.from('\ufeffdate 2024-01-01 Talks.', 'utf16le'),
      blob: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]),
      'notes.warc': 'not an archive, just notes\n',
    };
    const paths = Object.entries(files).map(([file, content]) => {
      writeFileSync(join(temp, file), content);
      return join(temp, file);
    });
    expect(
      (await collect(paths)).map((i) => i.kind === 'failure' && `${name(i)}: ${i.reason}`),
    ).toEqual([
      'fake.txt.gz: not gzip data, although the name ends in .gz',
      'empty.jsonl: empty document',
      'utf16.txt: UTF-16 text is not supported; convert it to UTF-8',
      'blob: binary data (NUL bytes), not text',
      'notes.warc: not a WARC file (it does not start with "WARC/1.")',
    ]);
  });
});

describe('file handles', () => {
  it.skipIf(!existsSync('/proc/self/fd'))(
    'are released for files rejected after peeking or read only in part',
    async () => {
      const dir = join(temp, 'handles');
      mkdirSync(dir);
      // Larger than one 256 KiB read, so the file is still open when it is rejected.
      const big = Buffer.alloc(300 * 1024, 0x61);
      const binary = Buffer.concat([Buffer.from([0, 1, 2, 3]), big]);
      for (let i = 0; i < 30; i++) {
        writeFileSync(join(dir, `bin-${i}.txt`), binary);
        writeFileSync(join(dir, `fake-${i}.txt.gz`), big);
        writeFileSync(join(dir, `zbin-${i}.txt.gz`), gzipSync(binary));
        writeFileSync(join(dir, `zbig-${i}.txt.gz`), gzipSync(big));
        writeFileSync(join(dir, `big-${i}.txt`), big);
      }
      const before = readdirSync('/proc/self/fd').length;
      const items = await collect([dir], { maxDocumentBytes: 1024 });
      expect(items.filter((i) => i.kind === 'failure')).toHaveLength(150);
      // Let destroyed streams finish closing their descriptors.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(readdirSync('/proc/self/fd').length).toBeLessThanOrEqual(before + 2);
    },
  );
});

describe('stdin', () => {
  it('reads "-" from the injected stream, sniffing the format', async () => {
    const stdin = Readable.from([
      Buffer.from('{"id": 1, "date": "2024-03-20", "text": "Talks "}\n'),
      Buffer.from('{"id": 2, "text": "resumed."}\n'),
    ]);
    const items = await collect(['-'], { stdin });
    expect(items).toMatchObject([
      { kind: 'raw', id: '1', date: '2024-03-20', provenance: { file: '-', line: 1 } },
      { kind: 'raw', id: '2', date: null, provenance: { file: '-', line: 2 } },
    ]);
  });

  it('recognises gzip and a seed-style header on stdin', async () => {
    const stdin = Readable.from([gzipSync(Buffer.from(' date 2024-03-20 Envoys met in Baku.'))]);
    const [doc] = await collect(['-'], { stdin, date: '2024-01-01' });
    expect(doc).toMatchObject({
      kind: 'raw',
      date: '2024-03-20',
      bodyStart: 17,
      provenance: { file: '-' },
    });
  });
});

describe('http(s) inputs', () => {
  const rss = readFileSync(join(FORMATS, 'world.rss'));

  function fakeFetch(routes: Record<string, () => Response>): {
    fetch: typeof fetch;
    requested: string[];
  } {
    const requested: string[] = [];
    const fn = (async (input: string | URL | Request) => {
      const url = String(input);
      requested.push(url);
      const route = routes[url];
      if (!route)
        throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND') });
      return route();
    }) as typeof fetch;
    return { fetch: fn, requested };
  }

  it('reads a feed URL through the injected fetch, with the URL as provenance', async () => {
    const url = 'https://meridianwire.example/world';
    const { fetch, requested } = fakeFetch({
      [url]: () => new Response(rss, { headers: { 'content-type': 'application/rss+xml' } }),
    });
    const items = await collect([url], { fetch });
    expect(requested).toEqual([url]);
    expect(items.map((i) => [i.kind, i.provenance.file, i.provenance.record])).toEqual([
      ['raw', url, 0],
      ['raw', url, 1],
    ]);
  });

  it('turns HTTP errors and network errors into one failure each and keeps going', async () => {
    const { fetch } = fakeFetch({
      'https://x.example/gone.rss': () =>
        new Response('not here', { status: 404, statusText: 'Not Found' }),
      'https://x.example/ok.rss': () => new Response(rss),
    });
    const items = await collect(
      ['https://x.example/gone.rss', 'https://nowhere.example/feed', 'https://x.example/ok.rss'],
      { fetch },
    );
    expect(items.map((i) => (i.kind === 'failure' ? i.reason : i.kind))).toEqual([
      'cannot fetch: HTTP 404 Not Found',
      'cannot fetch: fetch failed: getaddrinfo ENOTFOUND',
      'raw',
      'raw',
    ]);
  });
});

describe('options', () => {
  it('rejects a bad --date, an unknown field and a bad size limit before reading anything', () => {
    expect(() => readInputs(['x'], { date: '2024-02-30' })).toThrow(UsageError);
    expect(() => readInputs(['x'], { date: '2024-02-30' })).toThrow(
      '--date 2024-02-30: impossible date 2024-02-30: February 2024 has 29 days',
    );
    expect(() => readInputs(['x'], { fields: { body: 'x' } as never })).toThrow(
      /unknown field "body"/,
    );
    expect(() => readInputs(['x'], { fields: { text: ' ' } })).toThrow(
      /--field-text needs a field name/,
    );
    expect(() => readInputs(['x'], { maxDocumentBytes: 0 })).toThrow(UsageError);
  });
});
