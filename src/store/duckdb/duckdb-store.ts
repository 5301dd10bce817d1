import * as path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DocumentRecord, Failure } from '../../core/document.js';
import { EntenteError, UsageError } from '../../core/errors.js';
import { decodeSignature } from '../signature-codec.js';
import type {
  DedupEntry,
  DocumentSummary,
  EventRow,
  ExportFormat,
  FailureRow,
  ListDocumentsQuery,
  ListEventsQuery,
  Store,
  StoreStats,
  StoredDocument,
  WriteResult,
} from '../store.js';
import { StoreError, StoreLockedError } from '../store-errors.js';
import { exportDuckDb } from './duckdb-export.js';
import { lockedErrorFrom } from './duckdb-lock.js';
import {
  SUMMARY_COLUMNS,
  provenanceFromRow,
  readDocument,
  summaryFromRow,
} from './duckdb-reader.js';
import { storedIds, writeDuckDbBatch } from './duckdb-writer.js';
import { applyMigrations } from './migrations.js';
import { bytesOrNull, int, num, text, textOrNull } from './row-values.js';
import { SerialQueue } from './serial-queue.js';

/** Where `entente` keeps its database when no `--db` is given (relative to the working directory). */
export const DEFAULT_DB_PATH = './entente.duckdb';

const MAX_LIST_LIMIT = 10_000;

/**
 * Options for `openDuckDbStore`.
 *
 * @example
 * await openDuckDbStore({ path: '/data/news.duckdb', threads: 2 });
 */
export interface DuckDbStoreOptions {
  /** Database file, created when missing; `:memory:` for a throwaway store. Default `./entente.duckdb`. */
  readonly path?: string;
  /** DuckDB worker threads; default one per core. */
  readonly threads?: number;
}

/**
 * DuckDB opens a file once per process without locking against itself, and two
 * instances on one file in one process corrupt it; refuse that as DuckDB refuses
 * another process.
 */
const openInThisProcess = new Set<string>();

/**
 * Open (creating if needed) a DuckDB store. Throws StoreLockedError when another process
 * (or another open store in this one) holds the file.
 *
 * @example
 * const store = await openDuckDbStore({ path: 'entente.duckdb' });
 * await store.migrate();
 */
export async function openDuckDbStore(options: DuckDbStoreOptions = {}): Promise<DuckDbStore> {
  const location = options.path ?? DEFAULT_DB_PATH;
  const key = location === ':memory:' ? null : path.resolve(location);
  if (key !== null && openInThisProcess.has(key)) {
    throw new StoreLockedError({ location, pid: process.pid, program: 'this process' });
  }
  if (key !== null) openInThisProcess.add(key);
  try {
    const config: Record<string, string> = {
      // DuckDB checkpoints (folds the WAL into the file) every 16 MB by default; each
      // checkpoint recompresses the tables' last row groups, which made up a third of
      // ingest time. A larger threshold checkpoints a 20k-document corpus once, on close;
      // the cost is a longer WAL replay after a crash.
      checkpoint_threshold: '256MB',
      ...(options.threads === undefined ? {} : { threads: String(options.threads) }),
    };
    const instance = await DuckDBInstance.create(location, config).catch((error: unknown) => {
      throw lockedErrorFrom(error, location) ?? storeError('open', location, error);
    });
    const writer = await instance.connect();
    const reader = await instance.connect();
    return new DuckDbStore(location, key, instance, writer, reader);
  } catch (error) {
    if (key !== null) openInThisProcess.delete(key);
    throw error;
  }
}

/**
 * The default store: one DuckDB file, one writer connection (batches serialised, each
 * one transaction) and one reader connection, so reads see committed data and never
 * wait behind a batch. Use `openDuckDbStore` to create one.
 *
 * @example
 * const store = await openDuckDbStore({ path: 'entente.duckdb' });
 * const { stored } = await store.writeBatch(docs, []);
 */
export class DuckDbStore implements Store {
  private readonly writes = new SerialQueue();
  private readonly reads = new SerialQueue();
  /** Connections lent to streams and exports; closed with the store. */
  private readonly extra = new Set<DuckDBConnection>();
  private closed = false;

  constructor(
    /** The path as given, for messages. */
    readonly location: string,
    private readonly key: string | null,
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly reader: DuckDBConnection,
  ) {}

  migrate(): Promise<void> {
    return this.op('migrate', this.writes, async () => {
      await applyMigrations(this.writer, this.location);
    });
  }

  existing(ids: readonly string[]): Promise<Map<string, string>> {
    return this.op('existing', this.reads, () => storedIds(this.reader, ids));
  }

  async *dedupEntries(): AsyncIterable<DedupEntry> {
    // A streaming result dies when its connection runs another statement, so it gets a
    // connection of its own rather than the shared reader.
    const conn = await this.op('dedupEntries', null, () => this.borrow());
    try {
      const result = await this.op('dedupEntries', null, () =>
        conn.stream('SELECT id, text_hash, signature FROM documents ORDER BY id'),
      );
      const chunks = result.yieldRowObjectJs()[Symbol.asyncIterator]();
      for (;;) {
        const next = await this.op('dedupEntries', null, () => chunks.next());
        if (next.done === true) return;
        for (const row of next.value) {
          const bytes = bytesOrNull(row, 'signature');
          yield {
            id: text(row, 'id'),
            textHash: text(row, 'text_hash'),
            signature: bytes === null ? null : decodeSignature(bytes),
          };
        }
      }
    } finally {
      this.giveBack(conn);
    }
  }

  writeBatch(docs: readonly StoredDocument[], failures: readonly Failure[]): Promise<WriteResult> {
    return this.op('writeBatch', this.writes, () =>
      writeDuckDbBatch(this.writer, docs, failures, this.location),
    );
  }

  async listDocuments(query: ListDocumentsQuery): Promise<DocumentSummary[]> {
    const limit = checkCount('limit', query.limit ?? 50, MAX_LIST_LIMIT);
    const offset = checkCount('offset', query.offset ?? 0, Number.MAX_SAFE_INTEGER);
    const where: string[] = [];
    const values: (string | number)[] = [];
    if (query.language !== undefined) {
      values.push(query.language);
      where.push(`language = $${values.length}`);
    }
    const duplicates = query.duplicates ?? 'include';
    if (duplicates === 'exclude') where.push('duplicate_of IS NULL');
    else if (duplicates === 'only') where.push('duplicate_of IS NOT NULL');
    else if (duplicates !== 'include')
      throw new UsageError(
        `duplicates must be include, exclude or only, not ${String(duplicates)}`,
      );
    values.push(limit, offset);
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM documents
      ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
      ORDER BY date DESC NULLS LAST, id
      LIMIT $${values.length - 1} OFFSET $${values.length}`;
    return this.op('listDocuments', this.reads, async () =>
      (await this.reader.runAndReadAll(sql, values)).getRowObjectsJS().map(summaryFromRow),
    );
  }

  getDocument(id: string): Promise<DocumentRecord | null> {
    return this.op('getDocument', this.reads, () => readDocument(this.reader, id));
  }

  stats(): Promise<StoreStats> {
    return this.op('stats', this.reads, async () => {
      const totals = (
        await this.reader.runAndReadAll(`SELECT
          count(*) AS documents,
          count(*) FILTER (WHERE coded) AS coded,
          count(*) FILTER (WHERE duplicate_kind = 'exact') AS exact,
          count(*) FILTER (WHERE duplicate_kind = 'near') AS near,
          CAST(min(date) AS VARCHAR) AS first,
          CAST(max(date) AS VARCHAR) AS last,
          (SELECT count(*) FROM sentences) AS sentences,
          (SELECT count(*) FROM entities) AS entities,
          (SELECT count(*) FROM events) AS events,
          (SELECT count(*) FROM quantities) AS quantities,
          (SELECT count(*) FROM themes) AS themes,
          (SELECT count(*) FROM places) AS places,
          (SELECT count(*) FROM quotations) AS quotations,
          (SELECT count(*) FROM failures) AS failures
        FROM documents`)
      ).getRowObjectsJS()[0]!;
      const languages: Record<string, number> = {};
      const byLanguage = await this.reader.runAndReadAll(
        'SELECT language, count(*) AS n FROM documents GROUP BY language ORDER BY n DESC, language',
      );
      for (const row of byLanguage.getRowObjectsJS())
        languages[text(row, 'language')] = int(row, 'n');
      return {
        documents: int(totals, 'documents'),
        coded: int(totals, 'coded'),
        duplicates: { exact: int(totals, 'exact'), near: int(totals, 'near') },
        languages,
        sentences: int(totals, 'sentences'),
        entities: int(totals, 'entities'),
        events: int(totals, 'events'),
        quantities: int(totals, 'quantities'),
        themes: int(totals, 'themes'),
        places: int(totals, 'places'),
        quotations: int(totals, 'quotations'),
        failures: int(totals, 'failures'),
        dates: { first: textOrNull(totals, 'first'), last: textOrNull(totals, 'last') },
      };
    });
  }

  async listEvents(query: ListEventsQuery): Promise<EventRow[]> {
    const limit = checkCount('limit', query.limit ?? 100, MAX_LIST_LIMIT);
    const offset = checkCount('offset', query.offset ?? 0, Number.MAX_SAFE_INTEGER);
    const where: string[] = [];
    const values: (string | number)[] = [];
    const add = (clause: (n: string) => string, value: string): void => {
      values.push(value);
      where.push(clause(`$${values.length}`));
    };
    if (query.source !== undefined) add((n) => `starts_with(e.source_code, ${n})`, query.source);
    if (query.target !== undefined) add((n) => `starts_with(e.target_code, ${n})`, query.target);
    if (query.root !== undefined) {
      if (!/^\d{2}$/.test(query.root))
        throw new UsageError(`root must be two digits, not "${query.root}"`);
      add((n) => `e.root = ${n}`, query.root);
    }
    for (const [name, value, op] of [
      ['from', query.from, '>='],
      ['to', query.to, '<='],
    ] as const) {
      if (value === undefined) continue;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        throw new UsageError(`${name} must be a date YYYY-MM-DD, not "${value}"`);
      }
      add((n) => `e.event_date ${op} ${n}`, value);
    }
    values.push(limit, offset);
    const sql = `SELECT e.doc_id, e.idx, e.event_date, e.source_code, e.source_text, e.target_code,
        e.target_text, e.cameo, e.root, e.quad_class, e.goldstein, e.plover_type, e.modality,
        e.confidence, e.rule, e.evidence_start, e.evidence_end,
        left(d.text, e.evidence_end) AS head
      FROM events e JOIN documents d ON d.id = e.doc_id
      ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
      ORDER BY e.event_date DESC NULLS LAST, e.doc_id, e.idx
      LIMIT $${values.length - 1} OFFSET $${values.length}`;
    return this.op('listEvents', this.reads, async () =>
      (await this.reader.runAndReadAll(sql, values)).getRowObjectsJS().map((row) => ({
        docId: text(row, 'doc_id'),
        index: int(row, 'idx'),
        date: textOrNull(row, 'event_date'),
        source: textOrNull(row, 'source_code'),
        sourceText: textOrNull(row, 'source_text'),
        target: textOrNull(row, 'target_code'),
        targetText: textOrNull(row, 'target_text'),
        cameo: text(row, 'cameo'),
        root: text(row, 'root'),
        quadClass: int(row, 'quad_class'),
        goldstein: num(row, 'goldstein'),
        plover: textOrNull(row, 'plover_type'),
        modality: text(row, 'modality'),
        confidence: num(row, 'confidence'),
        rule: text(row, 'rule'),
        // Offsets count UTF-16 units and SQL counts code points (one or two units each), so
        // the first `end` code points hold the evidence; it is sliced here, by offset.
        evidence: text(row, 'head').slice(int(row, 'evidence_start'), int(row, 'evidence_end')),
      })),
    );
  }

  async listFailures(query: { readonly limit?: number }): Promise<FailureRow[]> {
    const limit = checkCount('limit', query.limit ?? 100, MAX_LIST_LIMIT);
    return this.op('listFailures', this.reads, async () => {
      const reader = await this.reader.runAndReadAll(
        `SELECT id, source_file, source_line, source_record, source_member, reason, epoch_ms(failed_at) AS failed_ms
         FROM failures ORDER BY id DESC LIMIT $1`,
        [limit],
      );
      return reader.getRowObjectsJS().map((row) => ({
        id: int(row, 'id'),
        provenance: provenanceFromRow(row),
        reason: text(row, 'reason'),
        failedAt: new Date(int(row, 'failed_ms')).toISOString(),
      }));
    });
  }

  async export(format: ExportFormat, out: string): Promise<{ rows: number }> {
    if (format !== 'jsonl' && format !== 'csv' && format !== 'parquet' && format !== 'gkg') {
      throw new UsageError(
        `export format must be jsonl, csv, parquet or gkg, not ${String(format)}`,
      );
    }
    const conn = await this.op('export', null, () => this.borrow());
    try {
      return await this.op('export', null, () => exportDuckDb(conn, format, out));
    } finally {
      this.giveBack(conn);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Let queued work finish: closing under a running batch would abort it.
    await Promise.allSettled([this.writes.run(async () => {}), this.reads.run(async () => {})]);
    for (const conn of this.extra) conn.closeSync();
    this.extra.clear();
    this.writer.closeSync();
    this.reader.closeSync();
    this.instance.closeSync();
    if (this.key !== null) openInThisProcess.delete(this.key);
  }

  private async borrow(): Promise<DuckDBConnection> {
    const conn = await this.instance.connect();
    this.extra.add(conn);
    return conn;
  }

  private giveBack(conn: DuckDBConnection): void {
    if (this.extra.delete(conn)) conn.closeSync();
  }

  /**
   * Run `task` (through `queue` when given), turning driver errors into StoreErrors that
   * name the operation and the database; entente's own typed errors pass through.
   */
  private async op<T>(
    operation: string,
    queue: SerialQueue | null,
    task: () => Promise<T>,
  ): Promise<T> {
    if (this.closed)
      throw new StoreError(`${operation}: store ${this.location} is closed`, {
        operation,
        location: this.location,
      });
    try {
      return await (queue === null ? task() : queue.run(task));
    } catch (error) {
      if (error instanceof EntenteError) throw error;
      throw storeError(operation, this.location, error);
    }
  }
}

function storeError(operation: string, location: string, cause: unknown): StoreError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new StoreError(`${operation} failed on ${location}: ${message}`, {
    operation,
    location,
    cause,
  });
}

function checkCount(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new UsageError(`${name} must be a whole number from 0 to ${max}, not ${value}`);
  }
  return value;
}
