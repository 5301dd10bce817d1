import { WARCParser } from 'warcio';
import type { Provenance, SourceItem } from '../core/document.js';
import { htmlBytesToItem } from './html-source.js';
import { parseDate } from './parse-date.js';
import type { Source, SourceInput, SourceSettings } from './source.js';
import { failure, tooLargeReason } from './source-items.js';

// Room for the HTTP status line and headers inside a record's Content-Length, so a page
// just under the document limit is not refused before its payload is even measured.
const HTTP_HEADER_ALLOWANCE = 64 * 1024;

/**
 * WARC archives (plain or per-record gzip): one document per `response` record that holds
 * a successful HTML page. Requests, metadata, images and redirects are skipped; they are
 * not articles. Provenance `record` is the record's 0-based index among all records and
 * `member` its target URI.
 *
 * @example
 * for await (const item of warcSource.read({ file: 'crawl.warc.gz', name: 'crawl.warc', bytes }, settings)) {}
 */
export const warcSource: Source = {
  format: 'warc',
  read: readWarc,
};

async function* readWarc(input: SourceInput, settings: SourceSettings): AsyncGenerator<SourceItem> {
  let index = -1;
  for await (const record of new WARCParser(input.bytes)) {
    index++;
    if (record.warcType !== 'response') continue;
    const contentType = record.httpHeaders?.headers.get('content-type') ?? '';
    if (!/\b(?:text\/html|application\/xhtml\+xml)\b/i.test(contentType)) continue;
    const status = Number(record.httpHeaders?.statusCode ?? 0);
    if (status < 200 || status >= 300) continue;

    const url = record.warcTargetURI ?? null;
    const provenance: Provenance = url
      ? { file: input.file, record: index, member: url }
      : { file: input.file, record: index };
    // Unread content is skipped by the parser when the loop moves on.
    if (record.warcContentLength > settings.maxDocumentBytes + HTTP_HEADER_ALLOWANCE) {
      yield failure(provenance, tooLargeReason(settings.maxDocumentBytes));
      continue;
    }
    let payload: Uint8Array;
    try {
      // `true`: the content with chunked transfer and gzip/deflate encodings undone.
      payload = await record.readFully(true);
    } catch (err) {
      yield failure(
        provenance,
        `unreadable WARC payload: ${err instanceof Error ? err.message : String(err)}`,
      );
      continue;
    }
    if (payload.byteLength > settings.maxDocumentBytes) {
      yield failure(provenance, tooLargeReason(settings.maxDocumentBytes));
      continue;
    }
    const warcDate = record.warcDate ? parseDate(record.warcDate) : null;
    const captureDate = warcDate && 'date' in warcDate ? warcDate.date : null;
    yield htmlBytesToItem(payload, contentType, provenance, settings, { url, date: captureDate });
  }
}
