import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawDocument, SourceItem } from '../core/document.js';
import { extractArticle } from './extract-article.js';
import { htmlSource } from './html-source.js';
import { readInputs, resolveSettings } from './read-inputs.js';

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

const FORMATS = fileURLToPath(new URL('../../test/fixtures/formats/', import.meta.url));

async function readHtml(
  html: string | Uint8Array,
  contentType: string | null = null,
): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  const bytes = typeof html === 'string' ? Buffer.from(html, 'utf8') : html;
  const input = { file: 'page.html', name: 'page.html', bytes: once(bytes), contentType };
  for await (const item of htmlSource.read(input, resolveSettings({}))) items.push(item);
  return items;
}

const page = (
  head: string,
  body = '<p>Envoys met in Oslo on Monday to discuss a ceasefire.</p>',
): string =>
  `<!doctype html><html><head>${head}</head><body><article>${body}</article></body></html>`;

describe('HTML pages', () => {
  it('reads the article, not the page furniture, with paragraphs separated by blank lines', async () => {
    const items: SourceItem[] = [];
    for await (const item of readInputs([join(FORMATS, 'article.html')])) items.push(item);
    expect(items).toHaveLength(1);
    const doc = items[0] as RawDocument;
    expect(doc).toMatchObject({
      kind: 'raw',
      date: '2024-06-11',
      title: 'Kenya and Ethiopia sign water-sharing accord',
      byline: 'Amina Wekesa',
      url: 'https://hornledger.example/politics/2024/06/kenya-ethiopia-water-accord',
      warnings: [],
    });
    const paragraphs = doc.text.split('\n\n');
    expect(paragraphs).toContain('Regional reaction');
    expect(paragraphs).toContain(
      'The African Union welcomed the deal and offered to host the commission\u2019s first meeting. Officials in Nairobi said the accord would be presented to parliament within thirty days.',
    );
    // Entities decoded; navigation, cookie banner, related links and footer gone.
    expect(doc.text).toContain('"a step in the right direction"');
    expect(doc.text).not.toMatch(
      /&[a-z#0-9]+;|Accept|Related stories|Fuel prices|All rights reserved|Subscribe/,
    );
    expect(doc.text).not.toMatch(/\n{3,}/);
  });

  it.each([
    [
      'og:published_time',
      '<meta property="og:published_time" content="2024-02-03T10:00:00Z">',
      '2024-02-03',
    ],
    ['a date meta', '<meta name="date" content="2024-02-04">', '2024-02-04'],
    ['a pubdate meta', '<meta name="pubdate" content="20240205">', '2024-02-05'],
    ['a Dublin Core date, any case', '<meta name="DC.date" content="2024-02-06">', '2024-02-06'],
    [
      'JSON-LD in a @graph',
      '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-02-07T09:00:00+01:00"}]}</script>',
      '2024-02-07',
    ],
  ])('takes the publish date from %s', async (_what, head, date) => {
    const [doc] = await readHtml(page(head));
    expect(doc).toMatchObject({ kind: 'raw', date });
  });

  it('takes the date from a <time datetime> in the article', async () => {
    const [doc] = await readHtml(
      page(
        '<title>t</title>',
        '<p>Envoys met in Oslo on Monday to discuss a ceasefire.</p><time datetime="2024-02-08T12:00">8 Feb</time>',
      ),
    );
    expect(doc).toMatchObject({ date: '2024-02-08' });
  });

  it('prefers article:published_time over generic dates, and skips an unreadable one with a warning', async () => {
    const article = extractArticle(
      page(
        '<meta name="date" content="2020-01-01"><meta property="article:published_time" content="2024-02-31"><meta name="dc.date" content="2024-02-09">',
      ),
    );
    expect(article.date).toBe('2020-01-01');
    expect(article.warnings).toEqual([
      'ignored page date: impossible date 2024-02-31: February 2024 has 29 days',
    ]);
    expect(
      extractArticle(
        page(
          '<meta name="date" content="2020-01-01"><meta property="article:published_time" content="2024-02-10">',
        ),
      ).date,
    ).toBe('2024-02-10');
  });

  it('warns "no date found" when the page states none', async () => {
    const [doc] = await readHtml(page('<title>Untitled</title>'));
    expect(doc).toMatchObject({ kind: 'raw', date: null, warnings: ['no date found'] });
  });

  it('keeps line breaks inside a paragraph and reads fragments without <html> or <body>', async () => {
    const [doc] = await readHtml(
      '<title>Notice</title><p>Embassy closed<br>until Monday</p><p>Consular services &amp; visas resume Tuesday.</p>',
    );
    expect(doc).toMatchObject({
      kind: 'raw',
      title: 'Notice',
      text: 'Embassy closed\nuntil Monday\n\nConsular services & visas resume Tuesday.',
    });
  });

  it('decodes a page that declares a legacy charset', async () => {
    const bytes = Buffer.from(
      '<html><head><meta charset="iso-8859-1"></head><body><p>Le ministre fran\u00e7ais est arriv\u00e9 \u00e0 Alger.</p></body></html>',
      'latin1',
    );
    const [doc] = await readHtml(bytes);
    expect(doc).toMatchObject({
      kind: 'raw',
      text: 'Le ministre fran\u00e7ais est arriv\u00e9 \u00e0 Alger.',
    });
  });

  it('fails a page with no visible text', async () => {
    const [item] = await readHtml(
      '<html><head><title>Blank</title><script>var x = 1;</script></head><body>  </body></html>',
    );
    expect(item).toMatchObject({
      kind: 'failure',
      reason: expect.stringMatching(/^empty document/),
    });
  });
});
