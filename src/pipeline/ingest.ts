import type { Failure, RawDocument } from '../core/document.js';
import { Deduplicator } from '../dedup/deduplicator.js';
import { readInputs, type SourceOptions } from '../sources/read-inputs.js';
import type { Store } from '../store/store.js';
import type { Context } from './context.js';
import { disambiguateId, type Identity } from './identify.js';
import type { ProcessedDocument } from './process-document.js';
import { inThread, type DocumentProcessor, type ProcessItem } from './processor.js';
import { formatProvenance } from './provenance.js';

export interface IngestSummary {
  /** Documents read from the inputs (good records; failures are counted apart). */
  read: number;
  /** Documents newly written to the store. */
  stored: number;
  /** Newly stored documents that repeat an earlier one (stored, not coded). */
  duplicates: number;
  exactDuplicates: number;
  nearDuplicates: number;
  /** Documents already in the store from an earlier run: nothing written. */
  alreadyStored: number;
  /** Newly stored documents not coded because of their language, by ISO 639-3 code. */
  skipped: number;
  skippedByLanguage: Record<string, number>;
  failed: { source: string; reason: string }[];
  bytes: number;
  elapsedSeconds: number;
  documentsPerSecond: number;
  megabytesPerSecond: number;
}

export type IngestOptions = {
  readonly store: Store;
  readonly source?: SourceOptions;
  /** Documents per transaction. */
  readonly batchSize?: number;
  /** Called after every batch with the running summary (for progress bars). */
  readonly onProgress?: (summary: Readonly<IngestSummary>) => void;
} & (
  | {
      /** Process on this thread with this context. */
      readonly context: Context;
      readonly processor?: undefined;
    }
  | {
      /** Process elsewhere, e.g. a `PipelinePool` of worker threads (the caller closes it). */
      readonly processor: DocumentProcessor;
      readonly context?: undefined;
    }
);

export const DEFAULT_BATCH_SIZE = 1000;

/**
 * Reads, processes and stores every input. Each batch is one transaction; the next batch
 * is processed while the previous one is written. Bad records become failure rows and the
 * run goes on. Re-running on the same inputs stores nothing new.
 */
export async function ingest(
  inputs: readonly string[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const { store } = options;
  const processor = options.processor ?? inThread(options.context);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const started = performance.now();
  const summary: IngestSummary = {
    read: 0,
    stored: 0,
    duplicates: 0,
    exactDuplicates: 0,
    nearDuplicates: 0,
    alreadyStored: 0,
    skipped: 0,
    skippedByLanguage: {},
    failed: [],
    bytes: 0,
    elapsedSeconds: 0,
    documentsPerSecond: 0,
    megabytesPerSecond: 0,
  };

  const dedup = new Deduplicator();
  for await (const e of store.dedupEntries()) dedup.remember(e.id, e.textHash, e.signature);

  // Ids written (or seen as stored) in this run, with their text hash.
  const seen = new Map<string, string>();
  let raws: RawDocument[] = [];
  let failures: Failure[] = [];
  let writing: Promise<void> = Promise.resolve();

  const finishStats = () => {
    const elapsed = (performance.now() - started) / 1000;
    summary.elapsedSeconds = round(elapsed, 3);
    summary.documentsPerSecond = round(summary.read / Math.max(elapsed, 1e-9), 1);
    summary.megabytesPerSecond = round(summary.bytes / 1e6 / Math.max(elapsed, 1e-9), 2);
  };

  const flush = async () => {
    const batch = raws;
    const batchFailures = failures;
    raws = [];
    failures = [];
    const identities = await processor.identify(batch);
    const stored = await store.existing(identities.map((i) => i.id));
    const items: ProcessItem[] = [];
    for (let i = 0; i < batch.length; i++) {
      let identity: Identity = identities[i]!;
      const priorHash = seen.get(identity.id) ?? stored.get(identity.id);
      if (priorHash === identity.textHash) {
        summary.alreadyStored++;
        continue;
      }
      if (priorHash !== undefined) {
        // Same record id, different text: keep both rather than lose the new one.
        identity = { ...identity, id: disambiguateId(identity.id, identity.textHash) };
        const again =
          seen.get(identity.id) ?? (await store.existing([identity.id])).get(identity.id);
        if (again !== undefined) {
          summary.alreadyStored++;
          continue;
        }
      }
      seen.set(identity.id, identity.textHash);
      // Dedup runs here, in input order, so the first copy is always the original.
      const duplicate = dedup.check(identity.id, identity.textHash, identity.signature);
      items.push({ raw: batch[i]!, identity, duplicate });
    }
    // Processing runs while the next batch is read and deduplicated; writes stay in
    // batch order, one transaction each.
    const processing = processor.process(items);
    const previous = writing;
    writing = (async () => {
      const docs = await processing;
      count(items, docs);
      await previous;
      const r = await store.writeBatch(docs, batchFailures);
      summary.stored += r.stored;
      finishStats();
      options.onProgress?.(summary);
    })();
    // Surfaced by the next `await writing`; without this a failed batch that settles
    // while the next one is read would crash the process as unhandled.
    writing.catch(() => undefined);
    // Back-pressure: at most two batches in flight.
    await previous;
  };

  const count = (items: readonly ProcessItem[], docs: readonly ProcessedDocument[]) => {
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      const duplicate = items[i]!.duplicate;
      if (duplicate) {
        summary.duplicates++;
        if (duplicate.kind === 'exact') summary.exactDuplicates++;
        else summary.nearDuplicates++;
      } else if (!processor.codedLanguages.has(doc.language)) {
        summary.skipped++;
        summary.skippedByLanguage[doc.language] =
          (summary.skippedByLanguage[doc.language] ?? 0) + 1;
      }
    }
  };

  for await (const item of readInputs(inputs, options.source)) {
    if (item.kind === 'failure') {
      failures.push(item);
      summary.failed.push({ source: formatProvenance(item.provenance), reason: item.reason });
      continue;
    }
    summary.read++;
    summary.bytes += Buffer.byteLength(item.text, 'utf8');
    raws.push(item);
    if (raws.length >= batchSize) await flush();
  }
  if (raws.length > 0 || failures.length > 0) await flush();
  await writing;
  finishStats();
  return summary;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
