import type { Provenance, SourceItem } from '../core/document.js';
import { jsonBytesToItem } from './json-record.js';
import type { Source, SourceInput, SourceSettings } from './source.js';
import { failure, tooLargeReason } from './source-items.js';
import { splitJsonValues } from './split-json-values.js';

/**
 * `.json` files: a JSON array of records, streamed element by element (provenance
 * `record`, 0-based), or, when the file does not start with `[`, one or more top-level
 * objects such as a single pretty-printed record (provenance `line` of the value and `record`).
 *
 * @example
 * for await (const item of jsonArraySource.read({ file: 'news.json', name: 'news.json', bytes }, settings)) {}
 */
export const jsonArraySource: Source = {
  format: 'json-array',
  read: readJsonArray,
};

async function* readJsonArray(
  input: SourceInput,
  settings: SourceSettings,
): AsyncGenerator<SourceItem> {
  const maxValueBytes = 2 * settings.maxDocumentBytes + 64 * 1024;
  for await (const piece of splitJsonValues(input.bytes, maxValueBytes)) {
    const provenance: Provenance = piece.array
      ? { file: input.file, record: piece.index }
      : { file: input.file, line: piece.line, record: piece.index };
    if (piece.kind === 'broken') {
      yield failure(provenance, `malformed JSON: ${piece.reason}`);
      return;
    }
    if (piece.kind === 'too-large') {
      yield failure(provenance, tooLargeReason(settings.maxDocumentBytes));
      continue;
    }
    yield jsonBytesToItem(piece.bytes, provenance, settings);
  }
}
