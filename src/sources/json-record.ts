import type { Provenance, SourceItem } from '../core/document.js';
import { decodeUtf8 } from './decode-text.js';
import { extractArticle } from './extract-article.js';
import { parseDate } from './parse-date.js';
import type { FieldMap, SourceSettings } from './source.js';
import { failure, rawDocument, tooLargeReason } from './source-items.js';

/**
 * Decodes one JSON value's bytes (a JSON Lines line, a JSON array element) and turns it
 * into a document, or one failure for invalid UTF-8, malformed JSON or a bad record.
 */
export function jsonBytesToItem(
  bytes: Uint8Array,
  provenance: Provenance,
  settings: SourceSettings,
): SourceItem {
  const decoded = decodeUtf8(bytes);
  if ('error' in decoded) return failure(provenance, decoded.error);
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch (err) {
    return failure(
      provenance,
      `malformed JSON: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return jsonRecordToItem(value, provenance, settings);
}

/**
 * Turns one parsed JSON record into a document or a failure, using the (remappable) field
 * names. A date that is present but unreadable or impossible fails the record: a wrong
 * date silently becoming "no date" would code the events against the wrong day.
 *
 * @example
 * jsonRecordToItem({ id: 7, date: '1987-02-26T15:01:01', text: 'Talks resumed.' }, { file: 'a.jsonl', line: 1 }, settings);
 */
export function jsonRecordToItem(
  value: unknown,
  provenance: Provenance,
  settings: SourceSettings,
): SourceItem {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return failure(provenance, `record is ${describe(value)}, not a JSON object`);
  }
  const record = value as Record<string, unknown>;
  const { fields } = settings;
  const warnings: string[] = [];

  const rawText = field(record, fields.text);
  const rawHtml = field(record, fields.html);
  let text: string;
  let fromHtml: ReturnType<typeof extractArticle> | null = null;
  if (typeof rawText === 'string') {
    text = rawText;
  } else if (typeof rawHtml === 'string') {
    if (Buffer.byteLength(rawHtml, 'utf8') > settings.maxDocumentBytes) {
      return failure(provenance, tooLargeReason(settings.maxDocumentBytes));
    }
    fromHtml = extractArticle(rawHtml);
    text = fromHtml.text;
    warnings.push(...fromHtml.warnings);
  } else {
    return failure(provenance, `record has no string "${fields.text}" or "${fields.html}" field`);
  }
  if (text.trim() === '') return failure(provenance, 'empty document');
  if (Buffer.byteLength(text, 'utf8') > settings.maxDocumentBytes) {
    return failure(provenance, tooLargeReason(settings.maxDocumentBytes));
  }

  let date: string | null = null;
  const rawDate = field(record, fields.date);
  if (typeof rawDate === 'string' || typeof rawDate === 'number') {
    const parsed = parseDate(String(rawDate));
    if ('error' in parsed) return failure(provenance, `bad "${fields.date}": ${parsed.error}`);
    date = parsed.date;
  } else if (rawDate !== undefined && rawDate !== null) {
    return failure(provenance, `bad "${fields.date}": expected a string, got ${describe(rawDate)}`);
  } else {
    date = fromHtml?.date ?? settings.date;
    if (date === null) warnings.push('no date found');
  }

  return rawDocument({
    provenance,
    text,
    id: idOf(field(record, fields.id)),
    date,
    url: stringOf(field(record, fields.url)) ?? fromHtml?.url ?? null,
    title: stringOf(field(record, fields.title)) ?? fromHtml?.title ?? null,
    byline: fromHtml?.byline ?? null,
    warnings,
  });
}

/** A field by exact name, else by dotted path (`meta.published`) into nested objects. */
function field(record: Record<string, unknown>, name: FieldMap[keyof FieldMap]): unknown {
  if (Object.hasOwn(record, name)) return record[name];
  if (!name.includes('.')) return undefined;
  let current: unknown = record;
  for (const part of name.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part))
      return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function idOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return stringOf(value);
}

function stringOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return t === '' ? null : t;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
