import type { SourceItem } from '../core/document.js';
import { jsonBytesToItem } from './json-record.js';
import type { Source, SourceInput, SourceSettings } from './source.js';
import { failure, tooLargeReason } from './source-items.js';
import { splitLines } from './split-lines.js';

/**
 * JSON Lines: one record per line, streamed, so multi-gigabyte files never sit in memory.
 * Each bad line is one failure at its 1-based line; blank lines are not records.
 *
 * @example
 * for await (const item of jsonlSource.read({ file: 'news.jsonl', name: 'news.jsonl', bytes }, settings)) {}
 */
export const jsonlSource: Source = {
  format: 'jsonl',
  read: readJsonl,
};

async function* readJsonl(
  input: SourceInput,
  settings: SourceSettings,
): AsyncGenerator<SourceItem> {
  // JSON escaping can double a text's size (`\n`, `\"`), so lines get twice the document
  // limit before they are skipped unparsed; the text itself is held to the exact limit.
  const maxLineBytes = 2 * settings.maxDocumentBytes + 64 * 1024;
  for await (const piece of splitLines(input.bytes, maxLineBytes)) {
    const provenance = { file: input.file, line: piece.line };
    if (piece.kind === 'too-long') {
      yield failure(provenance, tooLargeReason(settings.maxDocumentBytes));
      continue;
    }
    if (isBlank(piece.bytes)) continue;
    yield jsonBytesToItem(piece.bytes, provenance, settings);
  }
}

function isBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) return false;
  }
  return true;
}
