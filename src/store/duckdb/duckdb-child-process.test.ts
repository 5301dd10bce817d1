import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { StoreLockedError } from '../store-errors.js';
import { plainDocument } from '../test-documents.js';
import { compileStoreForChild, startChild } from './child-harness.js';
import { openDuckDbStore } from './duckdb-store.js';

let root = '';
let compiled = '';
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-duckdb-child-'));
  compiled = compileStoreForChild(path.join(root, 'compiled'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function scalar(file: string, sql: string): Promise<number> {
  const instance = await DuckDBInstance.create(file);
  try {
    const conn = await instance.connect();
    const value = (await conn.runAndReadAll(sql)).getRowsJS()[0]?.[0];
    conn.closeSync();
    return Number(value);
  } finally {
    instance.closeSync();
  }
}

const BATCH = 1000;
const BATCHES = 6;
const batch = (b: number) =>
  Array.from({ length: BATCH }, (_, i) => plainDocument(`w-${b * BATCH + i}`));

describe('DuckDbStore across processes', () => {
  it('keeps whole batches only when the writer is killed mid-batch, and a rerun completes without duplicates', async () => {
    const file = path.join(root, 'killed.duckdb');
    const child = startChild(
      compiled,
      `const store = await openDuckDbStore({ path: ${JSON.stringify(file)} });
       await store.migrate();
       for (let b = 0; b < ${BATCHES}; b++) {
         const docs = Array.from({ length: ${BATCH} }, (_, i) => plainDocument('w-' + (b * ${BATCH} + i)));
         process.stdout.write('begin ' + b + '\\n');
         await store.writeBatch(docs, []);
         process.stdout.write('committed ' + b + '\\n');
       }
       process.stdout.write('done\\n');`,
    );
    await child.waitFor(/^begin 3$/);
    child.process.kill('SIGKILL');
    expect((await child.exited()).signal).toBe('SIGKILL');

    const documents = await scalar(file, 'SELECT count(*) FROM documents');
    expect(documents % BATCH).toBe(0);
    expect(documents).toBeGreaterThanOrEqual(3 * BATCH);
    expect(documents).toBeLessThan(BATCHES * BATCH);
    expect(
      await scalar(
        file,
        `SELECT count(*) FROM documents d
         WHERE sentence_count <> (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id)`,
      ),
    ).toBe(0);
    expect(
      await scalar(
        file,
        'SELECT count(*) FROM sentences WHERE doc_id NOT IN (SELECT id FROM documents)',
      ),
    ).toBe(0);

    const store = await openDuckDbStore({ path: file });
    try {
      await store.migrate();
      let stored = 0;
      let skipped = 0;
      for (let b = 0; b < BATCHES; b++) {
        const r = await store.writeBatch(batch(b), []);
        stored += r.stored;
        skipped += r.skippedExisting;
      }
      expect({ stored, skipped }).toEqual({
        stored: BATCHES * BATCH - documents,
        skipped: documents,
      });
      const stats = await store.stats();
      expect(stats.documents).toBe(BATCHES * BATCH);
      expect(stats.sentences).toBe(BATCHES * BATCH * 9);
    } finally {
      await store.close();
    }
    expect(
      await scalar(file, 'SELECT count(*) - count(DISTINCT (doc_id, idx)) FROM sentences'),
    ).toBe(0);
  });

  it('says which process holds the file and how to proceed', async () => {
    const file = path.join(root, 'locked.duckdb');
    const child = startChild(
      compiled,
      `const store = await openDuckDbStore({ path: ${JSON.stringify(file)} });
       await store.migrate();
       process.stdout.write('ready\\n');
       setInterval(() => {}, 1000);`,
    );
    try {
      await child.waitFor(/^ready$/);
      const attempt = openDuckDbStore({ path: file });
      await expect(attempt).rejects.toBeInstanceOf(StoreLockedError);
      const error = (await attempt.catch((e: unknown) => e)) as StoreLockedError;
      expect(error.pid).toBe(child.process.pid);
      expect(error.message).toContain(`process ${child.process.pid}`);
      expect(error.message).toContain('--db');
      expect(error.message).toContain(file);
    } finally {
      child.process.kill('SIGKILL');
      await child.exited();
    }
    const store = await openDuckDbStore({ path: file });
    await store.close();
  });
});
