import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { UsageError } from '../../core/errors.js';
import { plainDocument } from '../test-documents.js';
import { sqlStringLiteral, validateExportPath } from './duckdb-export.js';
import { openDuckDbStore } from './duckdb-store.js';
import type { DuckDbStore } from './duckdb-store.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-duckdb-export-'));
let store: DuckDbStore;
const docs = Array.from({ length: 1200 }, (_, i) =>
  plainDocument(`e-${String(i).padStart(4, '0')}`),
);
docs[0] = { ...docs[0]!, title: 'Ministers meet, "again", in Oslo' };

beforeAll(async () => {
  store = await openDuckDbStore({ path: path.join(root, 'export.duckdb') });
  await store.migrate();
  await store.writeBatch(docs, []);
});
afterAll(async () => {
  await store.close();
  fs.rmSync(root, { recursive: true, force: true });
});

async function read(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const conn = await instance.connect();
    const rows = (await conn.runAndReadAll(sql)).getRowObjectsJS();
    conn.closeSync();
    return rows;
  } finally {
    instance.closeSync();
  }
}

describe('DuckDB export', () => {
  it('writes the documents table to Parquet that DuckDB reads back unchanged', async () => {
    const out = path.join(root, 'docs.parquet');
    expect(await store.export('parquet', out)).toEqual({ rows: docs.length });
    const rows = await read(
      `SELECT id, text, sentence_count FROM read_parquet(${sqlStringLiteral(out)}) ORDER BY id`,
    );
    expect(rows).toHaveLength(docs.length);
    expect(rows[0]).toEqual({ id: docs[0]!.id, text: docs[0]!.text, sentence_count: 9 });
  });

  it('writes CSV with quoted titles and UTC ISO ingestion times', async () => {
    const out = path.join(root, 'docs.csv');
    await store.export('csv', out);
    const rows = await read(
      `SELECT id, title, ingested_at::VARCHAR AS ingested_at FROM read_csv(${sqlStringLiteral(out)}, all_varchar = true) ORDER BY id LIMIT 1`,
    );
    expect(rows[0]!['title']).toBe('Ministers meet, "again", in Oslo');
    expect(rows[0]!['ingested_at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('pages JSON Lines past a page boundary and replaces an existing file instead of appending', async () => {
    const out = path.join(root, 'docs.jsonl');
    fs.writeFileSync(out, 'stale line\n'.repeat(5000));
    await store.export('jsonl', out);
    await store.export('jsonl', out);
    const ids = fs
      .readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(docs.map((d) => d.id));
    expect(fs.readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('rejects a directory or a path with control characters', async () => {
    await expect(store.export('csv', root)).rejects.toBeInstanceOf(UsageError);
    expect(() => validateExportPath(path.join(root, 'a\nb.csv'))).toThrow(UsageError);
    expect(() => validateExportPath('  ')).toThrow(UsageError);
  });
});

describe('sqlStringLiteral', () => {
  it('doubles single quotes and leaves backslashes alone', () => {
    expect(sqlStringLiteral("/tmp/o'brien's \\dir/x.csv")).toBe("'/tmp/o''brien''s \\dir/x.csv'");
  });

  it('refuses NUL characters', () => {
    expect(() => sqlStringLiteral('a\0b')).toThrow(UsageError);
  });
});
