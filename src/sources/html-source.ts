import type { Provenance, SourceItem } from '../core/document.js';
import { charsetOf, decodeWithCharset, sniffCharset } from './decode-text.js';
import { extractArticle } from './extract-article.js';
import { readCapped } from './read-capped.js';
import type { Source, SourceInput, SourceSettings } from './source.js';
import { failure, rawDocument, tooLargeReason } from './source-items.js';

/**
 * HTML pages: the article text Readability finds, with paragraphs separated by blank
 * lines, and title, byline, canonical URL and publish date from the page's metadata.
 *
 * @example
 * for await (const item of htmlSource.read({ file: 'page.html', name: 'page.html', bytes }, settings)) {}
 */
export const htmlSource: Source = {
  format: 'html',
  read: readHtml,
};

async function* readHtml(input: SourceInput, settings: SourceSettings): AsyncGenerator<SourceItem> {
  const provenance = { file: input.file };
  const read = await readCapped(input.bytes, settings.maxDocumentBytes);
  if (read.kind === 'too-large') {
    yield failure(provenance, tooLargeReason(settings.maxDocumentBytes));
    return;
  }
  yield htmlBytesToItem(read.bytes, input.contentType ?? null, provenance, settings, null);
}

/**
 * One HTML payload to a document; shared with the WARC reader, whose capture URL is the
 * document's URL (where it was actually found) and whose capture date stands in when the
 * page states no publish date.
 *
 * @example
 * htmlBytesToItem(payload, 'text/html; charset=utf-8', { file: 'crawl.warc', record: 3 }, settings, { url, date });
 */
export function htmlBytesToItem(
  bytes: Uint8Array,
  contentType: string | null,
  provenance: Provenance,
  settings: SourceSettings,
  capture: { readonly url: string | null; readonly date: string | null } | null,
): SourceItem {
  const decoded = decodeWithCharset(bytes, charsetOf(contentType) ?? sniffCharset(bytes));
  if ('error' in decoded) return failure(provenance, decoded.error);
  if (decoded.text.trim() === '') return failure(provenance, 'empty document');
  const article = extractArticle(decoded.text);
  if (article.text.trim() === '')
    return failure(provenance, 'empty document: the page has no visible text');
  const warnings = [...article.warnings];
  const date = article.date ?? capture?.date ?? settings.date;
  if (date === null) warnings.push('no date found');
  else if (article.date === null && capture?.date)
    warnings.push('the page states no publish date; used the capture date');
  return rawDocument({
    provenance,
    text: article.text,
    url: capture?.url ?? article.url,
    title: article.title,
    byline: article.byline,
    date,
    warnings,
  });
}
