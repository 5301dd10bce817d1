import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DocumentRecord } from '../../core/document.js';
import { MIGRATIONS } from '../schema.js';
import { knowledgeDocument, withoutSignature } from '../test-documents.js';
import { openDuckDbStore } from './duckdb-store.js';
import { applyMigrations } from './migrations.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-duckdb-upgrade-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const TEXT = 'Kenya and Uganda signed a border deal.';

/** A database as schema version 1 wrote it, with one coded document in it. */
async function versionOneDatabase(file: string): Promise<void> {
  const instance = await DuckDBInstance.create(file);
  const conn = await instance.connect();
  try {
    await applyMigrations(
      conn,
      file,
      MIGRATIONS.filter((m) => m.version === 1),
    );
    await conn.run(
      `INSERT INTO documents VALUES ('old-1', DATE '2020-01-02', NULL, 'Border deal', 'eng', true,
        NULL, NULL, 'hash-old', '${TEXT}', 'old.txt', 3, NULL, NULL, ['legacy note'], NULL,
        1.5, 2.0, 0.5, 2.5, 1, 0, 1, 0, 0, 1, current_timestamp)`,
    );
    await conn.run(
      `INSERT INTO sentences VALUES ('old-1', 0, 0, ${TEXT.length}, false, '${TEXT}')`,
    );
    await conn.run(
      `INSERT INTO entities VALUES ('old-1', 0, 0, 5, 'Kenya', 'COUNTRY', 'KEN', 'KEN', NULL, 'Kenya', 'Q114')`,
    );
    await conn.run(`INSERT INTO themes VALUES ('old-1', 0, 'TRADE', [26], [37])`);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe('upgrading a schema 1 database', () => {
  it('migrates in place, keeps old documents as they were and stores knowledge-layer ones', async () => {
    const file = path.join(root, 'v1.duckdb');
    await versionOneDatabase(file);
    const store = await openDuckDbStore({ path: file, threads: 1 });
    try {
      await store.migrate();
      const old = await store.getDocument('old-1');
      const expected: DocumentRecord = {
        id: 'old-1',
        date: '2020-01-02',
        url: null,
        title: 'Border deal',
        language: 'eng',
        coded: true,
        duplicateOf: null,
        duplicateKind: null,
        textHash: 'hash-old',
        text: TEXT,
        provenance: { file: 'old.txt', line: 3 },
        warnings: ['legacy note'],
        sentences: [{ index: 0, start: 0, end: TEXT.length, text: TEXT, heading: false }],
        expressions: [],
        entities: [
          {
            start: 0,
            end: 5,
            text: 'Kenya',
            type: 'COUNTRY',
            code: 'KEN',
            country: 'KEN',
            sector: null,
            name: 'Kenya',
            kbId: 'Q114',
          },
        ],
        events: [],
        quantities: [],
        themes: [{ theme: 'TRADE', spans: [{ start: 26, end: 37 }] }],
        tone: { score: 1.5, positive: 2, negative: 0.5, polarity: 2.5 },
      };
      expect(old).toEqual(expected);

      const doc = knowledgeDocument('new-1');
      expect(await store.writeBatch([doc], [])).toMatchObject({ stored: 1 });
      expect(await store.getDocument('new-1')).toEqual(withoutSignature(doc));
      expect((await store.stats()).documents).toBe(2);
    } finally {
      await store.close();
    }
  });
});
