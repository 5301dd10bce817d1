import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Entity } from '../../core/document.js';
import type { StoredDocument } from '../store.js';
import { StoreError } from '../store-errors.js';
import { annotatedDocument, plainDocument } from '../test-documents.js';
import { openDuckDbStore } from './duckdb-store.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-duckdb-tx-'));
let counter = 0;
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const TABLES = [
  'documents',
  'sentences',
  'expressions',
  'entities',
  'events',
  'quantities',
  'themes',
  'failures',
];

/** Row count of every table, read from the file itself after the store is closed. */
async function tableCounts(file: string): Promise<Record<string, number>> {
  const instance = await DuckDBInstance.create(file);
  try {
    const conn = await instance.connect();
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      counts[table] = Number(
        (await conn.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRowsJS()[0]?.[0],
      );
    }
    conn.closeSync();
    return counts;
  } finally {
    instance.closeSync();
  }
}

const empty = Object.fromEntries(TABLES.map((t) => [t, 0]));

/** Write `bad` into a fresh store (expecting failure), then `good`; return the file's counts. */
async function failThenWrite(
  bad: readonly StoredDocument[],
  good: readonly StoredDocument[],
): Promise<Record<string, number>> {
  const file = path.join(root, `tx-${++counter}.duckdb`);
  const store = await openDuckDbStore({ path: file });
  try {
    await store.migrate();
    await expect(
      store.writeBatch(bad, [
        { kind: 'failure', provenance: { file: 'in.jsonl', line: 2 }, reason: 'bad JSON' },
      ]),
    ).rejects.toBeInstanceOf(StoreError);
    if (good.length > 0) await store.writeBatch(good, []);
  } finally {
    await store.close();
  }
  return tableCounts(file);
}

describe('DuckDB batch transactions', () => {
  it('leaves every table empty when an error is thrown between tables', async () => {
    const doc = annotatedDocument('tx-1');
    // Documents, sentences and expressions are appended before the entity rows are built;
    // the getter throws while they are.
    const exploding = Object.defineProperty({ ...doc.entities[0]! }, 'kbId', {
      get: () => {
        throw new Error('knowledge base went away');
      },
    }) as Entity;
    const bad: StoredDocument = { ...doc, entities: [exploding, ...doc.entities.slice(1)] };
    expect(await failThenWrite([plainDocument('tx-0'), bad], [])).toEqual(empty);
  });

  it('leaves every table empty when the database refuses a row in a later table', async () => {
    const doc = annotatedDocument('tx-2');
    // NOT NULL on events.cameo: refused when the events appender flushes, after documents,
    // sentences, expressions and entities have taken their rows.
    const bad: StoredDocument = {
      ...doc,
      events: [{ ...doc.events[0]!, cameo: null as unknown as string }],
    };
    expect(await failThenWrite([plainDocument('tx-3'), bad], [])).toEqual(empty);
  });

  it('writes the next batch cleanly after a failed one, with no rows left over from it', async () => {
    const doc = annotatedDocument('tx-4');
    const bad: StoredDocument = {
      ...doc,
      events: [{ ...doc.events[0]!, cameo: null as unknown as string }],
    };
    const good = [annotatedDocument('tx-5'), plainDocument('tx-6')];
    expect(await failThenWrite([plainDocument('tx-7'), bad], good)).toEqual({
      documents: 2,
      sentences: 4 + 9,
      expressions: 3,
      entities: 3,
      events: 2,
      quantities: 2,
      themes: 3,
      failures: 0,
    });
  });
});
