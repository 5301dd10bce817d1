import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { runStoreContract } from '../store.contract.js';
import { StoreLockedError, StoreSchemaError } from '../store-errors.js';
import { annotatedDocument, plainDocument } from '../test-documents.js';
import { openDuckDbStore } from './duckdb-store.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-duckdb-store-'));
let counter = 0;
const freshPath = (): string => path.join(root, `store-${++counter}.duckdb`);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

runStoreContract('DuckDbStore', () => openDuckDbStore({ path: freshPath(), threads: 1 }));

/** Read a closed store's file directly, bypassing the store's own queries. */
async function query(file: string, sql: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(file);
  try {
    const conn = await instance.connect();
    const rows = (await conn.runAndReadAll(sql)).getRowsJS();
    conn.closeSync();
    return rows;
  } finally {
    instance.closeSync();
  }
}

describe('DuckDbStore', () => {
  it('keeps documents across close and reopen', async () => {
    const file = freshPath();
    const first = await openDuckDbStore({ path: file });
    await first.migrate();
    await first.writeBatch([annotatedDocument('k-1')], []);
    await first.close();
    const second = await openDuckDbStore({ path: file });
    try {
      await second.migrate();
      expect((await second.getDocument('k-1'))?.events).toHaveLength(2);
    } finally {
      await second.close();
    }
  });

  it('writes events, quantities, entities and themes into their own tables', async () => {
    const file = freshPath();
    const store = await openDuckDbStore({ path: file });
    await store.migrate();
    await store.writeBatch([annotatedDocument('h-1')], []);
    await store.close();
    expect(
      await query(
        file,
        'SELECT cameo, source_code, target_code, location_name FROM events ORDER BY idx',
      ),
    ).toEqual([
      ['040', 'GHAGOV', 'NORGOV', 'Accra'],
      ['163', 'GHA', null, null],
    ]);
    expect(await query(file, 'SELECT unit, value FROM quantities ORDER BY idx')).toEqual([
      ['percent', 12],
      ['USD', 1.5e9],
    ]);
    expect(await query(file, 'SELECT kb_id FROM entities ORDER BY idx')).toEqual([
      ['Q117'],
      [null],
      ['Q20'],
    ]);
    expect(
      await query(file, 'SELECT theme, len(span_starts)::INTEGER FROM themes ORDER BY idx'),
    ).toEqual([
      ['ECON_TRADE', 1],
      ['SANCTIONS', 2],
      ['DIPLOMACY', 0],
    ]);
    expect(
      await query(file, 'SELECT sentence_count, event_count, quantity_count FROM documents'),
    ).toEqual([[4, 2, 2]]);
  });

  it('serialises concurrent batches so overlapping ids are stored once', async () => {
    const store = await openDuckDbStore({ path: freshPath() });
    try {
      await store.migrate();
      const a = Array.from({ length: 300 }, (_, i) => plainDocument(`c-${i}`));
      const b = Array.from({ length: 300 }, (_, i) => plainDocument(`c-${i + 150}`));
      const [ra, rb] = await Promise.all([store.writeBatch(a, []), store.writeBatch(b, [])]);
      expect(ra.stored + rb.stored).toBe(450);
      expect(ra.skippedExisting + rb.skippedExisting).toBe(150);
      expect((await store.stats()).sentences).toBe(450 * 9);
    } finally {
      await store.close();
    }
  });

  it('refuses a second open of the same file in this process until the first closes', async () => {
    const file = freshPath();
    const store = await openDuckDbStore({ path: file });
    const second = openDuckDbStore({
      path: path.join(path.dirname(file), '.', path.basename(file)),
    });
    await expect(second).rejects.toBeInstanceOf(StoreLockedError);
    await expect(second).rejects.toThrow(`process ${process.pid}`);
    await store.close();
    const again = await openDuckDbStore({ path: file });
    await again.close();
  });

  it('refuses to write before migrating, naming the fix', async () => {
    const store = await openDuckDbStore({ path: freshPath() });
    try {
      await expect(store.writeBatch([plainDocument('m-1')], [])).rejects.toThrow(StoreSchemaError);
      await expect(store.writeBatch([plainDocument('m-1')], [])).rejects.toThrow(
        /run migrate first/,
      );
    } finally {
      await store.close();
    }
  });

  it('explains a file that is not a database instead of crashing', async () => {
    const file = freshPath();
    fs.writeFileSync(file, 'this is a text file, not a database\n'.repeat(200));
    await expect(openDuckDbStore({ path: file })).rejects.toThrow(
      new RegExp(`open failed on ${file.replaceAll('.', '\\.')}`),
    );
  });
});
