import type { Failure, RawDocument } from '../core/document.js';
import { Deduplicator } from '../dedup/deduplicator.js';
import { readInputs, type SourceOptions } from '../sources/read-inputs.js';
import type { Context } from './context.js';
import { identify } from './identify.js';
import { processDocument, type ProcessedDocument } from './process-document.js';

export type ExtractItem =
  { readonly kind: 'document'; readonly document: ProcessedDocument } | Failure;

/**
 * Processes inputs without a database: one result per input record, duplicates included
 * (marked with `duplicateOf` against earlier records of the same run).
 */
export async function* extract(
  inputs: readonly string[] | AsyncIterable<RawDocument | Failure>,
  context: Context,
  source?: SourceOptions,
): AsyncGenerator<ExtractItem> {
  const dedup = new Deduplicator();
  const items = isInputList(inputs) ? readInputs(inputs, source) : inputs;
  for await (const item of items) {
    if (item.kind === 'failure') {
      yield item;
      continue;
    }
    const identity = identify(item);
    const verdict = dedup.check(identity.id, identity.textHash, identity.signature);
    yield { kind: 'document', document: processDocument(item, identity, verdict, context) };
  }
}

function isInputList(x: readonly string[] | AsyncIterable<unknown>): x is readonly string[] {
  return Array.isArray(x);
}

/** The document as `extract` prints it: the output contract, without store-only fields. */
export function toOutput(doc: ProcessedDocument): Record<string, unknown> {
  const { signature: _signature, textHash: _textHash, ...rest } = doc;
  return rest;
}
