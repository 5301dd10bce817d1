import { basename } from 'node:path';
import type { SourceItem } from '../core/document.js';
import { decodeUtf8 } from './decode-text.js';
import { parseDate } from './parse-date.js';
import { readCapped } from './read-capped.js';
import type { Source, SourceInput, SourceSettings } from './source.js';
import { failure, rawDocument, tooLargeReason } from './source-items.js';

// Seed-style header: optional leading whitespace, `date YYYY-MM-DD`, then whitespace that
// belongs to the header (the article may start on the same line).
const DATE_HEADER = /^\s*date[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|$)\s*/;
const DATE_IN_NAME = /(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)/;

/**
 * Seed-style and plain text files: one document per file whose `text` is the whole content.
 * A `date YYYY-MM-DD` header fixes the date and `bodyStart`; otherwise the date comes from
 * `--date`, then a YYYY-MM-DD in the file name.
 *
 * @example
 * for await (const item of textSource.read({ file: 'a.txt', name: 'a.txt', bytes }, settings)) {}
 */
export const textSource: Source = {
  format: 'text',
  read: readText,
};

async function* readText(input: SourceInput, settings: SourceSettings): AsyncGenerator<SourceItem> {
  const provenance = { file: input.file };
  const read = await readCapped(input.bytes, settings.maxDocumentBytes);
  if (read.kind === 'too-large') {
    yield failure(provenance, tooLargeReason(settings.maxDocumentBytes));
    return;
  }
  const decoded = decodeUtf8(read.bytes);
  if ('error' in decoded) {
    yield failure(provenance, decoded.error);
    return;
  }
  yield textDocument(decoded.text, input, settings);
}

/**
 * Builds the document for text already decoded; exported for callers that hold text in
 * memory (a `--text` argument, an API body).
 *
 * @example
 * textDocument(' date 2024-03-20 Talks resumed.', { file: '-', name: '-', bytes: [] }, settings).kind; // 'raw'
 */
export function textDocument(
  text: string,
  input: Pick<SourceInput, 'file' | 'name'>,
  settings: SourceSettings,
): SourceItem {
  const provenance = { file: input.file };
  if (text.trim() === '') return failure(provenance, 'empty document');

  const header = DATE_HEADER.exec(text);
  if (header) {
    const parsed = parseDate(header[1]!);
    if ('error' in parsed) return failure(provenance, `bad date header: ${parsed.error}`);
    const bodyStart = header[0].length;
    if (bodyStart === text.length)
      return failure(provenance, 'empty document: nothing after the date header');
    const warnings =
      settings.date !== null && settings.date !== parsed.date
        ? [`--date ${settings.date} ignored: the file's date header says ${parsed.date}`]
        : [];
    return rawDocument({ provenance, text, date: parsed.date, bodyStart, warnings });
  }

  if (settings.date !== null) return rawDocument({ provenance, text, date: settings.date });

  const warnings: string[] = [];
  const base = basename(input.name);
  const inName = DATE_IN_NAME.exec(base);
  if (inName) {
    const parsed = parseDate(inName[1]!);
    if ('date' in parsed) return rawDocument({ provenance, text, date: parsed.date });
    warnings.push(`ignored date in file name: ${parsed.error}`);
  }
  warnings.push('no date found');
  return rawDocument({ provenance, text, date: null, warnings });
}
