import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawDocument } from '../src/core/document.js';
import { createContext } from '../src/pipeline/context.js';
import { PipelinePool, WorkerPoolError } from '../src/pipeline/pipeline-pool.js';
import { inThread, type ProcessItem } from '../src/pipeline/processor.js';
import { readInputs } from '../src/sources/read-inputs.js';
import { REPO, run, tempDir } from './helpers.js';

const EXAMPLES = join(REPO, 'examples');

async function examples(): Promise<RawDocument[]> {
  const raws: RawDocument[] = [];
  for await (const item of readInputs([EXAMPLES])) if (item.kind === 'raw') raws.push(item);
  return raws;
}

describe('the worker pool', () => {
  let pool: PipelinePool | undefined;
  beforeAll(async () => {
    pool = await PipelinePool.start(2, { coding: true });
  }, 60_000);
  afterAll(async () => {
    await pool?.close();
  });

  it('gives the same documents, in the same order, as the main thread', async () => {
    const raws = await examples();
    expect(raws.length).toBeGreaterThan(5);
    const here = inThread(await createContext({ coding: true }));
    const ids = await pool!.identify(raws);
    expect(ids).toEqual(await here.identify(raws));
    const items: ProcessItem[] = raws.map((raw, i) => ({
      raw,
      identity: ids[i]!,
      duplicate: null,
    }));
    const there = await pool!.process(items);
    expect(there.map((d) => d.id)).toEqual(raws.map((_, i) => ids[i]!.id));
    // The workers run the build (dist/); this thread runs the sources. Their foundation
    // must agree; whole documents are compared build-to-build by the CLI test below.
    const mine = await here.process(items);
    expect(there.map((d) => [d.language, d.sentences, d.textHash])).toEqual(
      mine.map((d) => [d.language, d.sentences, d.textHash]),
    );
    expect(there.some((d) => d.events.length > 0)).toBe(true);
  }, 60_000);

  it('refuses work once closed', async () => {
    const other = await PipelinePool.start(1, { coding: false });
    await other.close();
    await expect(other.identify(await examples())).rejects.toBeInstanceOf(WorkerPoolError);
  }, 60_000);
});

describe('PipelinePool.start', () => {
  it('fails in one clear error when a worker cannot load its context', async () => {
    const error = await PipelinePool.start(1, { kbPath: '/nonexistent/kb.compiled.json' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkerPoolError);
    expect((error as Error).message).toMatch(/could not start.*nonexistent/s);
  }, 60_000);
});

describe('ingest --workers', () => {
  it('stores the same rows with two workers as with none', async () => {
    const dir = tempDir();
    try {
      const dumps: string[] = [];
      for (const workers of ['2', '0']) {
        const db = join(dir, `w${workers}.duckdb`);
        const out = join(dir, `w${workers}.jsonl`);
        const ingest = await run(['ingest', EXAMPLES, '--db', db, '--json', '--workers', workers]);
        expect(ingest.code).toBe(0);
        expect(JSON.parse(ingest.stdout)).toMatchObject({ read: 11, stored: 11, duplicates: 1 });
        expect((await run(['export', '--db', db, '--format', 'jsonl', '--out', out])).code).toBe(0);
        const events = await run(['events', '--db', db, '--format', 'jsonl']);
        dumps.push(readFileSync(out, 'utf8') + events.stdout);
      }
      expect(dumps[0]!.length).toBeGreaterThan(1000);
      expect(dumps[0]).toBe(dumps[1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
