import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, SHARED, jsonLines, run, tempDir } from './helpers.js';

const CORPUS = join(SHARED, 'corpus', 'reuters21578.jsonl.gz');

describe.skipIf(!HAS_SHARED)('ingest the Reuters-21578 corpus', () => {
  it(
    'stores every story once, marks duplicates, and stores nothing new on a second run',
    { timeout: 300_000 },
    async () => {
      const db = join(tempDir(), 'reuters.duckdb');
      const first = await run(['ingest', CORPUS, '--db', db, '--json']);
      expect(first.code).toBe(0);
      const s1 = JSON.parse(first.stdout) as Record<string, number> & { failed: unknown[] };
      expect(s1.read).toBe(19043);
      expect(s1.stored).toBe(19043);
      expect(s1.failed).toEqual([]);
      // The corpus holds a few hundred repeated stories (re-sent and corrected wires).
      expect(s1.duplicates).toBeGreaterThan(100);
      expect(s1.duplicates).toBeLessThan(1500);
      expect(s1.exactDuplicates).toBeGreaterThan(0);
      expect(s1.nearDuplicates).toBeGreaterThan(0);

      const second = await run(['ingest', CORPUS, '--db', db, '--json']);
      expect(second.code).toBe(0);
      const s2 = JSON.parse(second.stdout) as Record<string, number>;
      expect(s2.stored).toBe(0);
      expect(s2.alreadyStored).toBe(19043);

      const stats = JSON.parse((await run(['stats', '--db', db, '--json'])).stdout) as Record<
        string,
        number
      >;
      expect(stats.documents).toBe(19043);
      const dups = jsonLines<{ id: string; duplicateOf: string }>(
        (await run(['documents', '--db', db, '--json', '--duplicates', 'only', '--limit', '5000']))
          .stdout,
      );
      expect(dups).toHaveLength(s1.duplicates!);
      // A duplicate always points at an earlier story, never at itself.
      for (const d of dups) expect(d.duplicateOf).not.toBe(d.id);
    },
  );
});
