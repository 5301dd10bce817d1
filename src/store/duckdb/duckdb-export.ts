import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { UsageError } from '../../core/errors.js';
import { gkgHeader, gkgLine } from '../../gkg/gkg-row.js';
import type { ExportFormat } from '../store.js';
import { readDocumentPage } from './duckdb-reader.js';

/** Documents per page when building JSON Lines; bounds memory to a few MB. */
const JSONL_PAGE = 500;

/**
 * Write every document to `out`, replacing it atomically: the data goes to a temporary
 * file beside `out`, renamed over it only once complete, so a failed export never leaves
 * a truncated file where a good one was. Runs inside one read transaction on `conn` (a
 * connection of its own), so the export is a consistent snapshot while writes go on.
 *
 * - `jsonl`: one contract record per line (sentences and annotations nested), built by
 *   the same reader as `getDocument`, so both always agree.
 * - `csv`: one summary row per document, via DuckDB `COPY`.
 * - `parquet`: the documents table, via DuckDB `COPY`.
 * - `gkg`: GDELT GKG 2.1-style tab-separated rows (src/gkg/gkg-row.ts) under a header
 *   line of the column names, one row per document that is not a duplicate, built from
 *   the same records as `jsonl`.
 *
 * @example
 * const { rows } = await exportDuckDb(conn, 'parquet', 'out/documents.parquet');
 */
export async function exportDuckDb(
  conn: DuckDBConnection,
  format: ExportFormat,
  out: string,
): Promise<{ rows: number }> {
  const target = validateExportPath(out);
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`,
  );
  try {
    await conn.run('BEGIN TRANSACTION');
    let rows: number;
    try {
      rows =
        format === 'jsonl' || format === 'gkg'
          ? await writePages(conn, temp, format)
          : await copyTo(conn, format, temp);
    } finally {
      await conn.run('COMMIT');
    }
    fs.renameSync(temp, target);
    return { rows };
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * COPY cannot take its file name as a bound parameter, so the path is validated and
 * written as a SQL string literal with quotes doubled (DuckDB string literals have no
 * backslash escapes). Nothing else from the caller reaches the SQL text.
 */
export function sqlStringLiteral(value: string): string {
  if (value.includes('\0')) throw new UsageError('a NUL character cannot appear in a SQL string');
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Resolve `out` to an absolute file path whose directory exists, or throw a UsageError
 * saying what is wrong with it.
 */
export function validateExportPath(out: string): string {
  if (typeof out !== 'string' || out.trim().length === 0)
    throw new UsageError('export needs an output file path');
  // Control characters are legal in POSIX names but are almost always a quoting mistake.
  if ([...out].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f))
    throw new UsageError(`export path ${JSON.stringify(out)} contains control characters`);
  const target = path.resolve(out);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new UsageError(`cannot export to ${target}: directory ${dir} does not exist`);
  }
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    throw new UsageError(`cannot export to ${target}: it is a directory`);
  }
  return target;
}

async function copyTo(
  conn: DuckDBConnection,
  format: 'csv' | 'parquet',
  file: string,
): Promise<number> {
  const query =
    format === 'parquet'
      ? 'SELECT * FROM documents ORDER BY id'
      : `SELECT id, CAST(date AS VARCHAR) AS date, url, title, language, coded, duplicate_of, duplicate_kind,
           text_hash, source_file, source_line, source_record, source_member,
           sentence_count, entity_count, event_count, quantity_count, theme_count, tone_score,
           strftime(make_timestamp(epoch_us(ingested_at)), '%Y-%m-%dT%H:%M:%S.%gZ') AS ingested_at
         FROM documents ORDER BY id`;
  const options = format === 'parquet' ? '(FORMAT parquet)' : '(FORMAT csv, HEADER true)';
  const reader = await conn.runAndReadAll(
    `COPY (${query}) TO ${sqlStringLiteral(file)} ${options}`,
  );
  const count = reader.getRows()[0]?.[0];
  return Number(count ?? 0);
}

async function writePages(
  conn: DuckDBConnection,
  file: string,
  format: 'jsonl' | 'gkg',
): Promise<number> {
  let rows = 0;
  async function* pages(): AsyncGenerator<string> {
    if (format === 'gkg') yield `${gkgHeader()}\n`;
    // Ids are never empty (the writer refuses them), so '' sorts before every id.
    for (let page = await readDocumentPage(conn, '', JSONL_PAGE); page.length > 0;) {
      let chunk = '';
      for (const doc of page) {
        if (format === 'jsonl') chunk += `${JSON.stringify(doc)}\n`;
        else if (doc.duplicateOf === null) chunk += `${gkgLine(doc, rows + 1)}\n`;
        else continue;
        rows++;
      }
      yield chunk;
      page = await readDocumentPage(conn, page[page.length - 1]!.id, JSONL_PAGE);
    }
  }
  await pipeline(Readable.from(pages()), fs.createWriteStream(file, { encoding: 'utf8' }));
  return rows;
}
