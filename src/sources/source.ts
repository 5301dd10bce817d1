import type { SourceItem } from '../core/document.js';
import type { SourceFormat } from './detect-format.js';

/**
 * JSON field names for a record's parts (`--field-id` etc. remap them). A name with dots
 * that is not itself a key is followed as a path into nested objects.
 *
 * @example
 * const fields: FieldMap = { id: 'doc_id', date: 'meta.published', url: 'link', title: 'headline', text: 'body', html: 'html' };
 */
export interface FieldMap {
  id: string;
  date: string;
  url: string;
  title: string;
  text: string;
  html: string;
}

/**
 * Options after validation, shared by every `Source`.
 *
 * @example
 * const settings: SourceSettings = { date: null, fields: DEFAULT_FIELDS, maxDocumentBytes: 10 * 1024 * 1024 };
 */
export interface SourceSettings {
  /** Validated YYYY-MM-DD date for plain text inputs that carry none. */
  readonly date: string | null;
  readonly fields: Readonly<FieldMap>;
  readonly maxDocumentBytes: number;
}

/**
 * One opened input, already decompressed, handed to the `Source` for its format.
 *
 * @example
 * const input: SourceInput = { file: 'news/2024-03-20.txt.gz', name: 'news/2024-03-20.txt', bytes };
 */
export interface SourceInput {
  /** What provenance calls the input: the path as given or found, `-`, or the URL. */
  readonly file: string;
  /** The name whose extension and embedded date count: `file` without `.gz`. */
  readonly name: string;
  readonly bytes: AsyncIterable<Uint8Array>;
  /** The HTTP Content-Type of a URL input; absent for files. */
  readonly contentType?: string | null;
}

/**
 * Reads one format. A source yields a `Failure` for each bad record and goes on; it throws
 * only when the byte stream itself fails, and `readInputs` turns that into one `Failure`.
 *
 * @example
 * for await (const item of jsonlSource.read(input, settings)) {
 *   if (item.kind === 'raw') console.log(item.provenance.line, item.title);
 * }
 */
export interface Source {
  readonly format: SourceFormat;
  read(input: SourceInput, settings: SourceSettings): AsyncIterable<SourceItem>;
}
