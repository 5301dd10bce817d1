import { describe, expect, it } from 'vitest';
import { detectFormat, extensionOf, sniffFormat } from './detect-format.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it.each([
    ['a.txt', 'text'],
    ['a.TXT', 'text'],
    ['news.jsonl', 'jsonl'],
    ['news.ndjson', 'jsonl'],
    ['page.htm', 'html'],
    ['feed.xml', 'feed'],
    ['feed.atom', 'feed'],
    ['crawl.warc', 'warc'],
  ])('trusts the extension of %s', (name, format) => {
    // Content that would sniff as something else: the name states the user's intent.
    expect(detectFormat(name, bytes('{"x": 1}'))).toBe(format);
  });

  it('reads every .json file with the JSON splitter, arrays and bare objects alike', () => {
    expect(detectFormat('a.json', bytes('  [{"id": 1}]'))).toBe('json-array');
    expect(detectFormat('a.json', bytes('{\n  "id": 1\n}'))).toBe('json-array');
  });

  it('uses the Content-Type of a URL when its path has no extension', () => {
    expect(
      detectFormat(
        'https://x.example/world',
        bytes('<?xml version="1.0"?><rss>'),
        'application/rss+xml; charset=utf-8',
      ),
    ).toBe('feed');
    expect(detectFormat('https://x.example/world', bytes('<!doctype html>'), 'text/html')).toBe(
      'html',
    );
  });
});

describe('sniffFormat', () => {
  it.each([
    [' date 2024-03-20 Talks resumed', 'text'],
    ['\ufeffdate 2024-03-20\nTalks', 'text'],
    ['WARC/1.0\r\nWARC-Type: warcinfo', 'warc'],
    ['\n [ {"id": 1} ]', 'json-array'],
    ['{"id": 1}', 'jsonl'],
    ['<rss version="2.0">', 'feed'],
    ['<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', 'feed'],
    ['<?xml version="1.0"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml">', 'html'],
    ['<!DOCTYPE html><html>', 'html'],
    ['<html lang="en">', 'html'],
    ['Ministers met in Vienna on Monday.', 'text'],
    ['dated 2024-03-20 is not a header', 'text'],
  ])('sniffs %j as %s', (head, format) => {
    expect(sniffFormat(bytes(head))).toBe(format);
  });
});

describe('extensionOf', () => {
  it('reads URL paths without the query', () => {
    expect(extensionOf('https://x.example/feeds/world.rss?page=2')).toBe('rss');
    expect(extensionOf('https://x.example/feeds/')).toBe('');
    expect(extensionOf('dir.v2/README')).toBe('');
    expect(extensionOf('.hidden')).toBe('');
  });
});
