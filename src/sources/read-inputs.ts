import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { SourceItem } from '../core/document.js';
import { UsageError } from '../core/errors.js';
import { detectFormat, sniffFormat, type SourceFormat } from './detect-format.js';
import { feedSource } from './feed-source.js';
import { gunzip, isGzip, readErrorReason } from './gunzip.js';
import { htmlSource } from './html-source.js';
import { jsonArraySource } from './json-array-source.js';
import { jsonlSource } from './jsonl-source.js';
import { looksBinary } from './looks-binary.js';
import { parseDate } from './parse-date.js';
import { peekBytes, toBytes } from './peek-bytes.js';
import type { FieldMap, Source, SourceInput, SourceSettings } from './source.js';
import { failure } from './source-items.js';
import { StreamGuard } from './stream-guard.js';
import { textSource } from './text-source.js';
import { unreadableReason } from './unreadable-reason.js';
import { walkDirectory } from './walk-directory.js';
import { warcSource } from './warc-source.js';

export type { FieldMap } from './source.js';

/**
 * How inputs are read. Every field is optional.
 *
 * @example
 * readInputs(['news.jsonl.gz'], { fields: { text: 'body' }, maxDocumentBytes: 1 << 20 });
 */
export interface SourceOptions {
  /** --date: publication date for inputs that carry none (plain .txt; also records, pages and items without a date). */
  readonly date?: string | null;
  /** --field-id etc.: remap JSON field names; defaults id,date,url,title,text,html */
  readonly fields?: Partial<FieldMap>;
  /** Documents larger than this many bytes (UTF-8) are failures. Default 10 MiB. */
  readonly maxDocumentBytes?: number;
  /** Injected for tests; defaults to global fetch. Used for http(s) feed URLs. */
  readonly fetch?: typeof fetch;
  /** Injected for tests: stdin stream for input `-`. */
  readonly stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_FIELDS: Readonly<FieldMap> = Object.freeze({
  id: 'id',
  date: 'date',
  url: 'url',
  title: 'title',
  text: 'text',
  html: 'html',
});

export const DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Bytes looked at to tell the format and catch binary data. */
const SNIFF_BYTES = 8192;
const FETCH_TIMEOUT_MS = 60_000;

const SOURCES: Readonly<Record<SourceFormat, Source>> = {
  text: textSource,
  jsonl: jsonlSource,
  'json-array': jsonArraySource,
  html: htmlSource,
  feed: feedSource,
  warc: warcSource,
};

/**
 * Reads files, directories (recursively, sorted, dotfiles skipped), `.gz` files, `-`
 * (stdin) and http(s) URLs, in the order given, as one stream of documents and failures.
 * Each bad input or record is exactly one `Failure` and reading goes on; the iterator
 * itself never throws. Options are checked at once: a bad `date`, field map or size limit
 * throws `UsageError` before anything is read.
 *
 * @example
 * for await (const item of readInputs(['corpus/', 'extra.jsonl.gz'], { date: '2024-03-20' })) {
 *   if (item.kind === 'failure') console.error(item.provenance.file, item.reason);
 * }
 */
export function readInputs(
  inputs: readonly string[],
  options: SourceOptions = {},
): AsyncIterable<SourceItem> {
  const settings = resolveSettings(options);
  return readAll([...inputs], settings, options);
}

/** Validates options into the settings every `Source` receives. */
export function resolveSettings(options: SourceOptions): SourceSettings {
  let date: string | null = null;
  if (options.date !== undefined && options.date !== null && options.date !== '') {
    const parsed = parseDate(options.date);
    if ('error' in parsed) throw new UsageError(`--date ${options.date}: ${parsed.error}`);
    date = parsed.date;
  }
  const fields: FieldMap = { ...DEFAULT_FIELDS };
  for (const [key, value] of Object.entries(options.fields ?? {})) {
    if (!Object.hasOwn(DEFAULT_FIELDS, key)) {
      throw new UsageError(
        `unknown field "${key}" (expected one of ${Object.keys(DEFAULT_FIELDS).join(', ')})`,
      );
    }
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.trim() === '')
      throw new UsageError(`--field-${key} needs a field name`);
    fields[key as keyof FieldMap] = value;
  }
  const max = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  if (!Number.isSafeInteger(max) || max <= 0) {
    throw new UsageError(
      `maximum document size must be a positive whole number of bytes, got ${max}`,
    );
  }
  return Object.freeze({ date, fields: Object.freeze(fields), maxDocumentBytes: max });
}

async function* readAll(
  inputs: string[],
  settings: SourceSettings,
  options: SourceOptions,
): AsyncGenerator<SourceItem> {
  for (const input of inputs) {
    if (input === '-') {
      // process.stdin is only touched when asked for: creating it keeps the process alive.
      yield* readStream(
        { file: '-', name: '-', bytes: nodeChunks(options.stdin ?? process.stdin) },
        settings,
      );
    } else if (/^https?:\/\//i.test(input)) {
      yield* readUrl(input, settings, options.fetch ?? globalThis.fetch);
    } else {
      yield* readPath(input, settings);
    }
  }
}

async function* readPath(path: string, settings: SourceSettings): AsyncGenerator<SourceItem> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (err) {
    yield failure({ file: path }, await unreadableReason(path, err));
    return;
  }
  if (!isDirectory) {
    yield* readFile(path, settings);
    return;
  }
  for await (const entry of walkDirectory(path)) {
    if (typeof entry === 'string') yield* readFile(entry, settings);
    else yield entry;
  }
}

function readFile(path: string, settings: SourceSettings): AsyncGenerator<SourceItem> {
  return readStream(
    { file: path, name: path, bytes: createReadStream(path, { highWaterMark: 256 * 1024 }) },
    settings,
  );
}

async function* readUrl(
  url: string,
  settings: SourceSettings,
  fetchFn: typeof fetch,
): AsyncGenerator<SourceItem> {
  const provenance = { file: url };
  let response: Response;
  try {
    response = await fetchFn(url, {
      headers: {
        accept:
          'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
      },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (err) {
    yield failure(provenance, `cannot fetch: ${describeFetchError(err)}`);
    return;
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    yield failure(
      provenance,
      `cannot fetch: HTTP ${response.status} ${response.statusText}`.trim(),
    );
    return;
  }
  if (response.body === null) {
    yield failure(provenance, 'empty document');
    return;
  }
  yield* readStream(
    {
      file: url,
      name: url,
      bytes: webChunks(response.body),
      contentType: response.headers.get('content-type'),
    },
    settings,
  );
}

/** Decompresses, checks and sniffs one opened input, then hands it to its format's `Source`. */
async function* readStream(
  opened: SourceInput,
  settings: SourceSettings,
): AsyncGenerator<SourceItem> {
  const provenance = { file: opened.file };
  let peeked = await peekBytes(opened.bytes, SNIFF_BYTES);
  let name = opened.name;
  const gzipped = isGzip(peeked.head);
  if (gzipped) {
    name = name.replace(/\.gz$/i, '');
    peeked = await peekBytes(gunzip(peeked.stream), SNIFF_BYTES);
  } else if (/\.gz$/i.test(name) && peeked.head.byteLength > 0) {
    await peeked.close();
    yield failure(provenance, 'not gzip data, although the name ends in .gz');
    return;
  }
  if (peeked.ended && isBlank(peeked.head)) {
    // Nothing readable at all: an error explains it better than "empty" does.
    const reason =
      peeked.error === null
        ? 'empty document'
        : await errorReason(opened.file, peeked.error, gzipped);
    yield failure(provenance, reason);
    return;
  }
  const format = detectFormat(name, peeked.head, opened.contentType);
  if (format === 'warc' && sniffFormat(peeked.head) !== 'warc') {
    // warcio reads anything else as zero records; silence would hide a wrong file.
    await peeked.close();
    yield failure(provenance, 'not a WARC file (it does not start with "WARC/1.")');
    return;
  }
  // WARC files legitimately hold binary payloads (images); each record is checked instead.
  const binary = format === 'warc' ? null : looksBinary(peeked.head);
  if (binary !== null) {
    await peeked.close();
    yield failure(provenance, binary);
    return;
  }

  const guard = new StreamGuard(peeked.stream);
  try {
    for await (const item of SOURCES[format].read(
      { ...opened, name, bytes: guard.stream },
      settings,
    )) {
      // What a reader makes of a cut-off tail is noise; the read error below says what happened.
      if (guard.failed) break;
      yield item;
    }
  } catch (err) {
    if (!guard.failed) {
      yield failure(
        provenance,
        `cannot read as ${format}: ${err instanceof Error ? err.message : String(err)}`,
      );
      return;
    }
  }
  if (guard.failed) yield failure(provenance, await errorReason(opened.file, guard.error, gzipped));
}

async function errorReason(file: string, err: unknown, gzipped: boolean): Promise<string> {
  const code = (err as { code?: unknown } | null)?.code;
  if (
    typeof code === 'string' &&
    !code.startsWith('Z_') &&
    file !== '-' &&
    !/^https?:/i.test(file)
  ) {
    return unreadableReason(file, err);
  }
  return readErrorReason(err, gzipped);
}

const BOM = [0xef, 0xbb, 0xbf];

function isBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const bom = i < 3 && b === BOM[i];
    if (!bom && b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  return true;
}

async function* nodeChunks(stream: NodeJS.ReadableStream): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) yield toBytes(chunk);
}

async function* webChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield value;
    }
    finished = true;
  } finally {
    // Stopping early (size limit) must tell the server we are done.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function describeFetchError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.name === 'TimeoutError') return `no response within ${FETCH_TIMEOUT_MS / 1000} s`;
  // undici wraps the useful part (ECONNREFUSED, ENOTFOUND) in `cause`.
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err.message}${cause}`;
}
