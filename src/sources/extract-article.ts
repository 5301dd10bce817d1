import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { blockText, ensureBody, type DomNode } from './html-to-text.js';
import { parseDate } from './parse-date.js';

/**
 * What an HTML page yields: its article text (paragraphs separated by blank lines) and
 * the metadata found in its head.
 *
 * @example
 * const article = extractArticle(html);
 * console.log(article.date, article.title, article.text.split('\n\n').length);
 */
export interface ExtractedArticle {
  readonly text: string;
  readonly title: string | null;
  readonly byline: string | null;
  /** Validated YYYY-MM-DD publish date from the page, or null. */
  readonly date: string | null;
  /** Canonical URL the page declares, or null. */
  readonly url: string | null;
  readonly warnings: readonly string[];
}

interface ElementLike extends DomNode {
  getAttribute(name: string): string | null;
}

interface DocumentLike {
  readonly title: string;
  readonly body: DomNode | null;
  querySelector(selector: string): ElementLike | null;
  querySelectorAll(selector: string): ArrayLike<ElementLike>;
}

// Most specific first: Open Graph article times are what publishers set deliberately;
// generic `date` metas and <time> elements are more often page-furniture dates.
const META_DATE_KEYS = [
  'article:published_time',
  'og:published_time',
  'article.published',
  'datepublished',
];
const LATE_META_DATE_KEYS = [
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.issued',
  'sailthru.date',
];

/**
 * Runs Readability over linkedom and reads the page's own metadata. Readability mutates
 * the DOM, so metadata is read first. When Readability finds no article (very short
 * pages), the whole body's text is used and a warning says so.
 *
 * @example
 * extractArticle('<html><head><meta property="article:published_time" content="2024-05-02T09:00:00Z"></head><body><p>Talks resumed.</p></body></html>').date; // '2024-05-02'
 */
export function extractArticle(html: string): ExtractedArticle {
  const { document } = parseHTML(ensureBody(html)) as unknown as { document: DocumentLike };
  const warnings: string[] = [];
  const metas = readMetas(document);
  const date = pageDate(document, metas, warnings);
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    metas.get('og:url') ??
    null;
  const documentTitle = clean(document.title);

  let text = '';
  let readabilityTitle: string | null = null;
  let byline: string | null = null;
  try {
    const article = new Readability<DomNode>(document as never, {
      serializer: (node) => node as unknown as DomNode,
    }).parse();
    if (article?.content) text = blockText(article.content);
    readabilityTitle = clean(article?.title);
    byline = clean(article?.byline);
  } catch (err) {
    warnings.push(
      `readability failed (${err instanceof Error ? err.message : String(err)}); used the whole page`,
    );
  }
  if (text.trim() === '' && document.body) {
    text = blockText(document.body);
    if (text !== '' && warnings.length === 0)
      warnings.push('no article found by readability; used the whole page text');
  }
  return {
    text,
    title: clean(metas.get('og:title')) ?? readabilityTitle ?? documentTitle,
    byline: byline ?? clean(metas.get('author')),
    date,
    url: clean(url),
    warnings,
  };
}

function readMetas(document: DocumentLike): Map<string, string> {
  const metas = new Map<string, string>();
  const nodes = document.querySelectorAll('meta');
  for (let i = 0; i < nodes.length; i++) {
    const meta = nodes[i]!;
    const key =
      meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop');
    const content = meta.getAttribute('content');
    // The first occurrence wins: later duplicates are usually related-article widgets.
    if (key && content && !metas.has(key.toLowerCase())) metas.set(key.toLowerCase(), content);
  }
  return metas;
}

function pageDate(
  document: DocumentLike,
  metas: Map<string, string>,
  warnings: string[],
): string | null {
  const candidates: string[] = [];
  for (const key of META_DATE_KEYS) {
    const v = metas.get(key);
    if (v) candidates.push(v);
  }
  candidates.push(...jsonLdDates(document));
  for (const key of LATE_META_DATE_KEYS) {
    const v = metas.get(key);
    if (v) candidates.push(v);
  }
  const time =
    document.querySelector('article time[datetime]') ??
    document.querySelector('time[pubdate]') ??
    document.querySelector('time[datetime]');
  const datetime = time?.getAttribute('datetime');
  if (datetime) candidates.push(datetime);

  for (const candidate of candidates) {
    const parsed = parseDate(candidate);
    if ('date' in parsed) return parsed.date;
    warnings.push(`ignored page date: ${parsed.error}`);
  }
  return null;
}

function jsonLdDates(document: DocumentLike): string[] {
  const found: string[] = [];
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i]!.textContent ?? '');
    } catch {
      // Broken JSON-LD is common on real pages and never worth failing the page for.
      continue;
    }
    collectDatePublished(data, found, 0);
  }
  return found;
}

function collectDatePublished(value: unknown, found: string[], depth: number): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) collectDatePublished(v, found, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record['datePublished'] === 'string') found.push(record['datePublished']);
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage'])
    collectDatePublished(record[key], found, depth + 1);
}

function clean(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}
