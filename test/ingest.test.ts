import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, jsonLines, run, tempDir } from './helpers.js';

interface Summary {
  read: number;
  stored: number;
  duplicates: number;
  exactDuplicates: number;
  nearDuplicates: number;
  alreadyStored: number;
  skipped: number;
  skippedByLanguage: Record<string, number>;
  failed: { source: string; reason: string }[];
  documentsPerSecond: number;
}

const EXAMPLES = join(REPO, 'examples');

describe('ingest the example corpus', () => {
  let db: string;
  let first: Summary;

  beforeAll(async () => {
    db = join(tempDir(), 'examples.duckdb');
    const r = await run(['ingest', EXAMPLES, '--db', db, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    first = JSON.parse(r.stdout) as Summary;
  });

  it('stores every example document once and reports a JSON summary', () => {
    expect(first.read).toBeGreaterThanOrEqual(11);
    expect(first.stored).toBe(first.read);
    expect(first.failed).toEqual([]);
    expect(first.nearDuplicates).toBe(1);
    expect(first.skippedByLanguage).toEqual({ fra: 1 });
  });

  it('stores nothing new when the same inputs are ingested again', async () => {
    const r = await run(['ingest', EXAMPLES, '--db', db, '--json']);
    expect(r.code).toBe(0);
    const again = JSON.parse(r.stdout) as Summary;
    expect(again.stored).toBe(0);
    expect(again.alreadyStored).toBe(first.read);
    const stats = await run(['stats', '--db', db, '--json']);
    expect(JSON.parse(stats.stdout)).toMatchObject({ documents: first.read });
  });

  it('lists documents, with the near duplicate pointing at its original', async () => {
    const r = await run(['documents', '--db', db, '--json', '--limit', '100']);
    expect(r.code).toBe(0);
    const rows = jsonLines<{ id: string; duplicateOf: string | null }>(r.stdout);
    expect(rows).toHaveLength(first.read);
    expect(rows.find((d) => d.id === 'wire-003')?.duplicateOf).toBe('wire-001');
    const only = jsonLines(
      (await run(['documents', '--db', db, '--json', '--duplicates', 'only'])).stdout,
    );
    expect(only.map((d) => d.id)).toEqual(['wire-003']);
  });

  it('exports jsonl, csv and parquet', async () => {
    const out = tempDir();
    for (const format of ['jsonl', 'csv', 'parquet']) {
      const file = join(out, `docs.${format}`);
      const r = await run(['export', '--db', db, '--format', format, '--out', file]);
      expect(r.code).toBe(0);
      expect(statSync(file).size).toBeGreaterThan(100);
    }
    const docs = jsonLines<{
      text: string;
      sentences: { start: number; end: number; text: string }[];
    }>(readFileSync(join(out, 'docs.jsonl'), 'utf8'));
    expect(docs).toHaveLength(first.read);
    for (const d of docs)
      for (const s of d.sentences) expect(d.text.slice(s.start, s.end)).toBe(s.text);
    const csvLines = readFileSync(join(out, 'docs.csv'), 'utf8').trim().split('\n');
    expect(csvLines.length).toBeGreaterThan(first.read); // header + rows (texts may hold newlines)
    expect(readFileSync(join(out, 'docs.parquet')).subarray(0, 4).toString()).toBe('PAR1');
  });
});

describe('bad input', () => {
  const FIXTURES = join(REPO, 'test', 'fixtures', 'bad-inputs');

  it('gives exactly one failure per bad file and stores every good document', async () => {
    const db = join(tempDir(), 'bad.duckdb');
    const r = await run(['ingest', FIXTURES, '--db', db, '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout) as Summary;
    const bad = readdirSync(FIXTURES).filter((f) => f.startsWith('bad-'));
    expect(bad.length).toBeGreaterThanOrEqual(9);
    for (const f of bad) {
      const hits = summary.failed.filter((x) => x.source.includes(f));
      expect(hits, `failures for ${f}`).toHaveLength(1);
      expect(hits[0]!.reason).not.toMatch(/\n/);
    }
    expect(summary.failed).toHaveLength(bad.length);
    expect(summary.stored).toBe(summary.read);
    expect(summary.stored).toBeGreaterThanOrEqual(3);
    const failures = jsonLines(
      (await run(['failures', '--db', db, '--json', '--limit', '100'])).stdout,
    );
    expect(failures).toHaveLength(bad.length);

    // A rerun stores nothing new and records no failure twice.
    const again = JSON.parse(
      (await run(['ingest', FIXTURES, '--db', db, '--json'])).stdout,
    ) as Summary;
    expect(again.stored).toBe(0);
    expect(again.failed).toHaveLength(bad.length);
    const after = jsonLines(
      (await run(['failures', '--db', db, '--json', '--limit', '100'])).stdout,
    );
    expect(after).toHaveLength(bad.length);
  });

  it('exits non-zero with --strict, and when nothing could be stored', async () => {
    const db = join(tempDir(), 'strict.duckdb');
    const strict = await run(['ingest', FIXTURES, '--db', db, '--strict', '--quiet']);
    expect(strict.code).not.toBe(0);
    const none = await run([
      'ingest',
      join(FIXTURES, 'does-not-exist.txt'),
      '--db',
      join(tempDir(), 'n.duckdb'),
      '--quiet',
    ]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/does-not-exist\.txt/);
  });
});

describe('npm start', () => {
  it('ingests the examples and prints what was stored', async () => {
    const cwd = tempDir();
    const r = await run(['demo', '--db', join(cwd, 'demo.duckdb')], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/stored\s+\d+/);
    expect(r.stdout).toContain('wire-001');
    expect(existsSync(join(cwd, 'demo.duckdb'))).toBe(true);
  });
});
