import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Provenance, SourceItem } from '../core/document.js';
import { charsetOf, decodeWithCharset, sniffCharset } from './decode-text.js';
import { htmlFragmentToText } from './html-to-text.js';
import { parseDate } from './parse-date.js';
import { readCapped } from './read-capped.js';
import type { Source, SourceInput, SourceSettings } from './source.js';
import { failure, formatBytes, rawDocument, tooLargeReason } from './source-items.js';

/**
 * A feed is parsed whole (fast-xml-parser has no streaming mode), so the file is capped at
 * this many times the per-document limit: 40 MiB by default, far above real feeds.
 */
export const FEED_SIZE_FACTOR = 4;

// Body fields are kept as raw markup so CDATA, escaped HTML and inline XHTML can each be
// decoded the right way; the parser would otherwise turn XHTML content into objects.
const BODY_FIELDS = ['content:encoded', 'content', 'description', 'summary'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  htmlEntities: true,
  parseTagValue: false,
  trimValues: true,
  stopNodes: BODY_FIELDS.map((f) => `*.${f}`),
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per item or entry, with provenance
 * `record` (0-based item index) and `member` (the item's link).
 *
 * @example
 * for await (const item of feedSource.read({ file: 'world.rss', name: 'world.rss', bytes }, settings)) {}
 */
export const feedSource: Source = {
  format: 'feed',
  read: readFeed,
};

type XmlNode = Record<string, unknown>;

async function* readFeed(input: SourceInput, settings: SourceSettings): AsyncGenerator<SourceItem> {
  const provenance = { file: input.file };
  const limit = FEED_SIZE_FACTOR * settings.maxDocumentBytes;
  const read = await readCapped(input.bytes, limit);
  if (read.kind === 'too-large') {
    yield failure(
      provenance,
      `feed is larger than the size limit for feeds (${formatBytes(limit)})`,
    );
    return;
  }
  const decoded = decodeWithCharset(
    read.bytes,
    charsetOf(input.contentType) ?? sniffCharset(read.bytes),
  );
  if ('error' in decoded) {
    yield failure(provenance, decoded.error);
    return;
  }
  const valid = XMLValidator.validate(decoded.text);
  if (valid !== true) {
    yield failure(
      provenance,
      `not XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`,
    );
    return;
  }
  let root: XmlNode;
  try {
    root = parser.parse(decoded.text) as XmlNode;
  } catch (err) {
    yield failure(provenance, `not XML: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const items = feedItems(root);
  if (items === null) {
    const names = Object.keys(root).filter((k) => !k.startsWith('?'));
    yield failure(
      provenance,
      `XML but not an RSS or Atom feed (root element <${names[0] ?? '?'}>)`,
    );
    return;
  }
  for (let i = 0; i < items.length; i++) yield itemToDocument(items[i]!, i, input.file, settings);
}

function feedItems(root: XmlNode): XmlNode[] | null {
  const rss = asNode(root['rss']);
  if (rss) return nodes(asNode(rss['channel'])?.['item']);
  const atom = asNode(root['feed']);
  if (atom) return nodes(atom['entry']);
  const rdf = asNode(root['rdf:RDF']);
  if (rdf) return nodes(rdf['item']);
  return null;
}

function itemToDocument(
  item: XmlNode,
  index: number,
  file: string,
  settings: SourceSettings,
): SourceItem {
  const url = linkOf(item['link']);
  const provenance: Provenance = url
    ? { file, record: index, member: url }
    : { file, record: index };
  const text = bodyText(item);
  if (text.trim() === '')
    return failure(provenance, 'empty document: the item has no description or content');
  if (Buffer.byteLength(text, 'utf8') > settings.maxDocumentBytes) {
    return failure(provenance, tooLargeReason(settings.maxDocumentBytes));
  }
  const warnings: string[] = [];
  let date: string | null = null;
  for (const key of ['pubDate', 'dc:date', 'published', 'issued', 'updated', 'modified']) {
    const raw = textOf(item[key]);
    if (raw === null) continue;
    const parsed = parseDate(raw);
    if ('date' in parsed) {
      date = parsed.date;
      break;
    }
    // Feeds are third-party data: a bad date costs the date, not the item.
    warnings.push(`ignored <${key}>: ${parsed.error}`);
  }
  date ??= settings.date;
  if (date === null) warnings.push('no date found');
  return rawDocument({
    provenance,
    text,
    id: textOf(item['guid']) ?? textOf(item['id']) ?? textOf(item['@_rdf:about']),
    date,
    url,
    title: titleOf(item['title']),
    byline:
      textOf(item['author']) ??
      textOf(asNode(item['author'])?.['name']) ??
      textOf(item['dc:creator']),
    warnings,
  });
}

function bodyText(item: XmlNode): string {
  for (const key of BODY_FIELDS) {
    const value = item[key];
    if (value === undefined) continue;
    const node = asNode(value);
    const raw = node ? String(node['#text'] ?? '') : String(value);
    const type = node ? String(node['@_type'] ?? '').toLowerCase() : '';
    const text = rawBodyToText(raw, type);
    if (text.trim() !== '') return text;
  }
  return '';
}

/**
 * Raw element content to text. Atom `xhtml` content is markup as-is; `text` is plain text
 * with XML escapes; everything else (RSS descriptions, Atom `html`) is HTML, either in
 * CDATA or XML-escaped.
 */
function rawBodyToText(raw: string, type: string): string {
  if (type === 'xhtml' || type === 'application/xhtml+xml') return htmlFragmentToText(raw);
  const unescaped = unescapeXml(raw);
  if (type === 'text' || type === 'text/plain') return unescaped.trim();
  return htmlFragmentToText(unescaped);
}

/** Unwraps CDATA sections verbatim and decodes XML escapes everywhere else. */
function unescapeXml(raw: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = raw.indexOf('<![CDATA[', at);
    if (open === -1) break;
    const close = raw.indexOf(']]>', open + 9);
    out += decodeXmlEntities(raw.slice(at, open));
    out += raw.slice(open + 9, close === -1 ? raw.length : close);
    at = close === -1 ? raw.length : close + 3;
  }
  return out + decodeXmlEntities(raw.slice(at));
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

// Unknown named entities (`&nbsp;`) are left for the HTML parser, which knows them all.
function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function linkOf(value: unknown): string | null {
  const links = Array.isArray(value) ? value : value === undefined ? [] : [value];
  let fallback: string | null = null;
  for (const link of links) {
    const node = asNode(link);
    if (!node) {
      // RSS: the link is the element's text.
      const text = textOf(link);
      if (text) return text;
      continue;
    }
    const href = textOf(node['@_href']) ?? textOf(node['#text']);
    if (!href) continue;
    const rel = textOf(node['@_rel']) ?? 'alternate';
    if (rel === 'alternate') return href;
    fallback ??= href;
  }
  return fallback;
}

function titleOf(value: unknown): string | null {
  const node = asNode(value);
  const text = textOf(value);
  if (text === null) return null;
  const type = node ? String(node['@_type'] ?? '').toLowerCase() : '';
  const plain = type === 'html' || type === 'xhtml' ? htmlFragmentToText(text) : text;
  const t = plain.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  const node = asNode(value);
  return node ? textOf(node['#text']) : null;
}

function asNode(value: unknown): XmlNode | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as XmlNode)
    : null;
}

function nodes(value: unknown): XmlNode[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => asNode(v) ?? { '#text': v });
}
