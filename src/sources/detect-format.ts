/**
 * Picks the reader for an input: the file name's extension first (it states the user's
 * intent, so a `.rss` file that is not XML fails as a feed instead of becoming a text
 * document), then the Content-Type of a URL, then the first bytes.
 */

/** The formats entente reads. `text` covers both seed-style (`date YYYY-MM-DD` header) and plain text. */
export type SourceFormat = 'text' | 'jsonl' | 'json-array' | 'html' | 'feed' | 'warc';

const BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  txt: 'text',
  text: 'text',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  jsonlines: 'jsonl',
  // The JSON splitter also reads a `.json` holding one pretty-printed object or several.
  json: 'json-array',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  xml: 'feed',
  rss: 'feed',
  atom: 'feed',
  warc: 'warc',
};

/** Extensions a directory walk picks up; other files in a directory are not inputs (READMEs, images). */
export const INPUT_EXTENSIONS: ReadonlySet<string> = new Set(Object.keys(BY_EXTENSION));

/**
 * The lower-cased extension of a file name or URL path, without `.gz` handling.
 *
 * @example
 * extensionOf('news/2024-03-20.TXT'); // 'txt'
 * extensionOf('https://x.example/feed.rss?page=2'); // 'rss'
 */
export function extensionOf(name: string): string {
  let path = name;
  if (/^https?:\/\//i.test(name)) {
    try {
      path = new URL(name).pathname;
    } catch {
      // An unparsable URL has no usable extension; sniffing decides.
      return '';
    }
  }
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** The format a file name implies, or null when the name says nothing. */
export function formatFromName(name: string): SourceFormat | null {
  return BY_EXTENSION[extensionOf(name)] ?? null;
}

/** The format an HTTP Content-Type implies, or null (JSON is left to sniffing: array or lines). */
export function formatFromContentType(contentType: string | null | undefined): SourceFormat | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/rss+xml' || type === 'application/atom+xml') return 'feed';
  if (type === 'application/xml' || type === 'text/xml' || type === 'application/rdf+xml')
    return 'feed';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/warc') return 'warc';
  if (type === 'application/x-ndjson' || type === 'application/jsonl') return 'jsonl';
  if (type === 'text/plain') return 'text';
  return null;
}

/**
 * The format the first bytes of a (decompressed) input suggest. Anything unrecognised is text.
 *
 * @example
 * sniffFormat(new TextEncoder().encode(' date 2024-03-20 Talks resumed')); // 'text'
 * sniffFormat(new TextEncoder().encode('<?xml version="1.0"?><feed xmlns=')); // 'feed'
 */
export function sniffFormat(head: Uint8Array): SourceFormat {
  const start = skipBomAndSpace(head);
  // latin1 keeps byte offsets; only ASCII markers are compared.
  const text = Buffer.from(head.buffer, head.byteOffset + start, head.byteLength - start)
    .toString('latin1')
    .slice(0, 4096);
  if (text.startsWith('WARC/1.')) return 'warc';
  if (/^date[ \t]+\d{4}-\d{2}-\d{2}(?:\s|$)/.test(text)) return 'text';
  if (text.startsWith('[')) return 'json-array';
  if (text.startsWith('{')) return 'jsonl';
  if (!text.startsWith('<')) return 'text';
  const lower = text.toLowerCase();
  if (/^<(?:rss|feed|rdf:rdf)[\s>]/.test(lower)) return 'feed';
  if (lower.startsWith('<?xml')) {
    // XHTML pages also open with an XML declaration; the first real element decides.
    const root = /<(?!\?|!)([a-z][\w:-]*)/.exec(lower.slice(5));
    return root?.[1] === 'html' ? 'html' : 'feed';
  }
  return 'html';
}

/** The format of an input: extension, then Content-Type, then sniffing the first bytes. */
export function detectFormat(
  name: string,
  head: Uint8Array,
  contentType?: string | null,
): SourceFormat {
  return formatFromName(name) ?? formatFromContentType(contentType) ?? sniffFormat(head);
}

function skipBomAndSpace(bytes: Uint8Array): number {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) break;
    i++;
  }
  return i;
}
