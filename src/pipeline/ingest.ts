import type { Failure, RawDocument } from '../core/document.js';
import { Deduplicator } from '../dedup/deduplicator.js';
import { readInputs, type SourceOptions } from '../sources/read-inputs.js';
import type { Store } from '../store/store.js';
import type { Context } from './context.js';
import { disambiguateId, identify, type Identity } from './identify.js';
import { processDocument, type ProcessedDocument } from './process-document.js';
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

export interface IngestOptions {
  readonly store: Store;
  readonly context: Context;
  readonly source?: SourceOptions;
  /** Documents per transaction. */
  readonly batchSize?: number;
  /** Called after every batch with the running summary (for progress bars). */
  readonly onProgress?: (summary: Readonly<IngestSummary>) => void;
}

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
  const { store, context } = options;
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
    const identities = batch.map(identify);
    const stored = await store.existing(identities.map((i) => i.id));
    const docs: ProcessedDocument[] = [];
    for (let i = 0; i < batch.length; i++) {
      const raw = batch[i]!;
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
      const verdict = dedup.check(identity.id, identity.textHash, identity.signature);
      const doc = processDocument(raw, identity, verdict, context);
      if (verdict) {
        summary.duplicates++;
        if (verdict.kind === 'exact') summary.exactDuplicates++;
        else summary.nearDuplicates++;
      } else if (!context.codedLanguages.has(doc.language)) {
        summary.skipped++;
        summary.skippedByLanguage[doc.language] =
          (summary.skippedByLanguage[doc.language] ?? 0) + 1;
      }
      docs.push(doc);
    }
    // Overlap: wait for the previous write only now, after this batch's CPU work.
    await writing;
    writing = store.writeBatch(docs, batchFailures).then((r) => {
      summary.stored += r.stored;
      finishStats();
      options.onProgress?.(summary);
    });
    // Surfaced by the next `await writing`; without this a failed write that settles
    // while the next batch is processed would crash the process as unhandled.
    writing.catch(() => undefined);
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
