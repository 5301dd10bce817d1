import type { DocumentRecord, Failure, Provenance } from '../core/document.js';

/**
 * A document as the pipeline hands it to a store: the output contract plus the MinHash
 * signature the near-duplicate index is rebuilt from at start-up.
 *
 * @example
 * const doc: StoredDocument = { ...record, signature: minhash(record.text) };
 */
export type StoredDocument = DocumentRecord & { readonly signature: Uint32Array | null };

/**
 * What the dedup index needs to be rebuilt when a run starts.
 *
 * @example
 * for await (const e of store.dedupEntries()) index.add(e.id, e.textHash, e.signature);
 */
export interface DedupEntry {
  readonly id: string;
  readonly textHash: string;
  readonly signature: Uint32Array | null;
}

/**
 * Outcome of one `writeBatch`.
 *
 * @example
 * const r = await store.writeBatch(docs, failures);
 * log(`${r.stored} new, ${r.skippedExisting} already stored`);
 */
export interface WriteResult {
  /** Documents written by this call. */
  readonly stored: number;
  /** Documents whose id was already stored (or repeated inside the batch); not written again. */
  readonly skippedExisting: number;
  /** Failures newly recorded; one already stored for the same place and reason is not repeated. */
  readonly failuresRecorded: number;
}

/**
 * Filter and page for `listDocuments`. Results are ordered newest publication date first
 * (undated last), then by id, so pages are stable.
 *
 * @example
 * await store.listDocuments({ limit: 20, offset: 40, language: 'eng', duplicates: 'exclude' });
 */
export interface ListDocumentsQuery {
  /** Default 50; at most 10,000. */
  readonly limit?: number;
  readonly offset?: number;
  /** ISO 639-3 code, e.g. `eng`. */
  readonly language?: string;
  /** Default `include`. */
  readonly duplicates?: 'include' | 'exclude' | 'only';
}

/**
 * One line of a document listing: no text and no annotations, only what a list shows.
 *
 * @example
 * for (const d of await store.listDocuments({})) print(`${d.date} ${d.title} (${d.eventCount} events)`);
 */
export interface DocumentSummary {
  readonly id: string;
  readonly date: string | null;
  readonly url: string | null;
  readonly title: string | null;
  readonly language: string;
  readonly coded: boolean;
  readonly duplicateOf: string | null;
  readonly duplicateKind: 'exact' | 'near' | null;
  readonly textHash: string;
  readonly sentenceCount: number;
  readonly entityCount: number;
  readonly eventCount: number;
  readonly quantityCount: number;
  readonly themeCount: number;
  /** ISO 8601 timestamp of the batch that stored it. */
  readonly ingestedAt: string;
}

/**
 * Counts over the whole store, for `entente stats` and the API's status page.
 *
 * @example
 * const s = await store.stats();
 * print(`${s.documents} documents, ${s.events} events, ${s.dates.first} to ${s.dates.last}`);
 */
export interface StoreStats {
  readonly documents: number;
  readonly coded: number;
  readonly duplicates: { readonly exact: number; readonly near: number };
  /** Documents per language code, most frequent first. */
  readonly languages: Readonly<Record<string, number>>;
  readonly sentences: number;
  readonly entities: number;
  readonly events: number;
  readonly quantities: number;
  readonly themes: number;
  readonly places: number;
  readonly quotations: number;
  readonly failures: number;
  /** Earliest and latest publication dates (YYYY-MM-DD); null when no document is dated. */
  readonly dates: { readonly first: string | null; readonly last: string | null };
}

/**
 * A recorded input failure.
 *
 * @example
 * for (const f of await store.listFailures({ limit: 10 })) print(`${f.provenance.file}:${f.provenance.line} ${f.reason}`);
 */
export interface FailureRow {
  readonly id: number;
  readonly provenance: Provenance;
  readonly reason: string;
  /** ISO 8601 timestamp of the batch that recorded it. */
  readonly failedAt: string;
}

/**
 * `jsonl`: one full document per line in the contract shape (sentences and annotations
 * nested). `csv`: one summary row per document. `parquet`: the documents table.
 */
export type ExportFormat = 'jsonl' | 'csv' | 'parquet' | 'gkg';

/**
 * Where processed documents live. One implementation per database (`duckdb/`, later
 * `postgres/`); every implementation passes `runStoreContract` in `store.contract.ts`.
 *
 * @example
 * const store = await openDuckDbStore({ path: './entente.duckdb' });
 * try {
 *   await store.migrate();
 *   const known = await store.existing(batch.map((d) => d.id));
 *   const result = await store.writeBatch(batch.filter((d) => !known.has(d.id)), failures);
 *   const doc = await store.getDocument(batch[0].id);
 * } finally {
 *   await store.close();
 * }
 */
/**
 * Filters for `Store.listEvents`; every field is optional. Actor codes match as prefixes
 * (`IRN` matches `IRNGOV`), `root` is a two-digit CAMEO root, `from`/`to` bound the event
 * date (YYYY-MM-DD, inclusive).
 *
 * @example
 * await store.listEvents({ source: 'IRN', target: 'RUS', root: '04', from: '2024-01-01' });
 */
export interface ListEventsQuery {
  readonly source?: string;
  readonly target?: string;
  readonly root?: string;
  readonly from?: string;
  readonly to?: string;
  /** Default 100, at most 10,000. */
  readonly limit?: number;
  readonly offset?: number;
}

/** One stored event with the document it came from and its evidence text. */
export interface EventRow {
  readonly docId: string;
  readonly index: number;
  readonly date: string | null;
  readonly source: string | null;
  readonly sourceText: string | null;
  readonly target: string | null;
  readonly targetText: string | null;
  readonly cameo: string;
  readonly root: string;
  readonly quadClass: number;
  readonly goldstein: number;
  readonly plover: string | null;
  readonly modality: string;
  readonly confidence: number;
  readonly rule: string;
  readonly evidence: string;
}

export interface Store {
  /** Apply pending versioned migrations (recorded in `schema_migrations`). Idempotent. */
  migrate(): Promise<void>;
  /** Map from id to text hash for those of `ids` already stored (re-ingest detection). */
  existing(ids: readonly string[]): Promise<Map<string, string>>;
  /** Every stored document's id, text hash and MinHash signature, in id order. */
  dedupEntries(): AsyncIterable<DedupEntry>;
  /**
   * Write documents (with all their sentences and annotations) and failures in one
   * transaction: all of it is stored or none of it. A document whose id is already stored,
   * or repeats an earlier id in the batch, is skipped and counted, never duplicated.
   */
  writeBatch(docs: readonly StoredDocument[], failures: readonly Failure[]): Promise<WriteResult>;
  listDocuments(query: ListDocumentsQuery): Promise<DocumentSummary[]>;
  /** The full contract record as it was written, or null when no document has this id. */
  getDocument(id: string): Promise<DocumentRecord | null>;
  stats(): Promise<StoreStats>;
  /** Events matching `query`, by date (newest first), document and index. */
  listEvents(query: ListEventsQuery): Promise<EventRow[]>;
  /** Most recently recorded first. Default limit 100. */
  listFailures(query: { readonly limit?: number }): Promise<FailureRow[]>;
  /** Write every stored document to `out` (a file path), replacing it. */
  export(format: ExportFormat, out: string): Promise<{ rows: number }>;
  /** Release the database (and its file lock). The store is unusable afterwards. */
  close(): Promise<void>;
}
