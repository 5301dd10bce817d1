import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawDocument, SourceItem } from '../core/document.js';
import { feedSource } from './feed-source.js';
import { readInputs, resolveSettings } from './read-inputs.js';

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

const FORMATS = fileURLToPath(new URL('../../test/fixtures/formats/', import.meta.url));

async function readAll(inputs: string[]): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readInputs(inputs)) items.push(item);
  return items;
}

async function readFeed(xml: string): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  const input = { file: 'f.xml', name: 'f.xml', bytes: once(Buffer.from(xml)) };
  for await (const item of feedSource.read(input, resolveSettings({}))) items.push(item);
  return items;
}

describe('RSS 2.0', () => {
  it('yields one document per item with guid, link, date, and content:encoded as paragraphs', async () => {
    const file = join(FORMATS, 'world.rss');
    const [first, second, ...rest] = (await readAll([file])) as RawDocument[];
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      kind: 'raw',
      id: 'mw-2024-0621-001',
      date: '2024-06-21',
      url: 'https://meridianwire.example/world/eu-sanctions-package',
      title: 'EU agrees fourteenth sanctions package',
      text: 'European Union ambassadors agreed on Thursday a new package of sanctions targeting liquefied natural gas shipments & the vessels that carry them.\n\nThe measures still need formal approval by foreign ministers, who meet in Luxembourg on Monday.',
      provenance: {
        file,
        record: 0,
        member: 'https://meridianwire.example/world/eu-sanctions-package',
      },
    });
    // An XML-escaped HTML description, dated by dc:date.
    expect(second).toMatchObject({
      date: '2024-06-20',
      text: 'Foreign ministers of Chile and Argentina opened talks in Santiago on Wednesday on a disputed stretch of the Southern Patagonian Ice Field.\n\nBoth sides said the meeting was "constructive".',
      provenance: { record: 1 },
    });
  });

  it('keeps a bad pubDate as a warning, not a failure, and fails an item with no body', async () => {
    const items = await readFeed(`<rss version="2.0"><channel>
      <item><title>A</title><pubDate>Mon, 30 Feb 2024 10:00:00 GMT</pubDate><description>Talks resumed.</description></item>
      <item><title>B</title><link>https://x.example/b</link></item>
    </channel></rss>`);
    expect(items[0]).toMatchObject({
      kind: 'raw',
      date: null,
      warnings: [
        'ignored <pubDate>: impossible date 2024-02-30: February 2024 has 29 days',
        'no date found',
      ],
    });
    expect(items[1]).toMatchObject({
      kind: 'failure',
      provenance: { record: 1, member: 'https://x.example/b' },
      reason: expect.stringMatching(/^empty document/),
    });
  });
});

describe('Atom', () => {
  it('reads xhtml, html and text content, the alternate link and published before updated', async () => {
    const docs = (await readAll([join(FORMATS, 'world.atom')])) as RawDocument[];
    expect(docs.map((d) => [d.id, d.date, d.url, d.title, d.byline])).toEqual([
      [
        'tag:balticdesk.example,2024:551',
        '2024-07-01',
        'https://balticdesk.example/2024/07/defence-talks',
        'Estonia & Latvia hold joint defence talks',
        'Liis Tamm',
      ],
      [
        'tag:balticdesk.example,2024:552',
        '2024-07-02',
        'https://balticdesk.example/2024/07/ambassador-recalled',
        'Lithuania recalls ambassador for consultations',
        null,
      ],
    ]);
    expect(docs[0]!.text).toBe(
      'The defence ministers of Estonia and Latvia met in Valga on Monday to coordinate air-defence purchases.\n\nThey agreed to a joint tender for radar systems worth \u20ac120 million.',
    );
    expect(docs[1]!.text).toBe(
      'Lithuania recalled its ambassador for consultations on Tuesday after a dispute over transit rules & border checks.',
    );
  });

  it('does not read tags into type="text" content', async () => {
    const [doc] = await readFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><updated>2024-01-02T00:00:00Z</updated><content type="text">Vote on &lt;b&gt; rule delayed</content></entry></feed>',
    );
    expect(doc).toMatchObject({ text: 'Vote on <b> rule delayed' });
  });
});

describe('feeds that are not feeds', () => {
  it('fails a .rss file that is not XML, once', async () => {
    const items = await readFeed('{"error": "moved"}');
    expect(items).toEqual([
      {
        kind: 'failure',
        provenance: { file: 'f.xml' },
        reason: expect.stringMatching(/^not XML: /),
      },
    ]);
  });

  it('fails well-formed XML that is neither RSS nor Atom', async () => {
    expect(await readFeed('<?xml version="1.0"?><catalog><book>Ledger</book></catalog>')).toEqual([
      {
        kind: 'failure',
        provenance: { file: 'f.xml' },
        reason: 'XML but not an RSS or Atom feed (root element <catalog>)',
      },
    ]);
  });
});
