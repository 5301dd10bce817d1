import type { RawDocument } from '../core/document.js';
import type { Context } from './context.js';
import { identify, type Identity } from './identify.js';
import { processDocuments, type ProcessItem, type ProcessedDocument } from './process-document.js';

export type { ProcessItem } from './process-document.js';

/**
 * Where the CPU work of ingest runs. The ingest loop only reads, deduplicates and writes;
 * it hands whole batches to a processor, which may run them on this thread
 * ({@link inThread}) or spread them over worker threads (`PipelinePool`). Results come
 * back in input order either way, so both give the same store.
 */
export interface DocumentProcessor {
  /** Languages whose documents are coded (for the summary's skipped count). */
  readonly codedLanguages: ReadonlySet<string>;
  /** Id, text hash and MinHash signature of each document, in order. */
  identify(raws: readonly RawDocument[]): Promise<Identity[]>;
  /** The full pipeline for each item, in order. */
  process(items: readonly ProcessItem[]): Promise<ProcessedDocument[]>;
  /** Releases threads; a no-op on this thread. */
  close(): Promise<void>;
}

/** Runs the pipeline on the calling thread with an already loaded context. */
export function inThread(context: Context): DocumentProcessor {
  return {
    codedLanguages: context.codedLanguages,
    identify: (raws) => Promise.resolve(raws.map(identify)),
    process: (items) => Promise.resolve(processDocuments(items, context)),
    close: () => Promise.resolve(),
  };
}
