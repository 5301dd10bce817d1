import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, REPO, SHARED, jsonLines, run, tempDir } from './helpers.js';

const GOLD = ['plover_gsr.jsonl', 'petr2_gsr.jsonl'].map((f) => join(SHARED, 'eval', 'gold', f));

describe.skipIf(!HAS_SHARED)('entente eval on the gold files', () => {
  it(
    'stays within 0.02 of the recorded baseline at every level',
    { timeout: 120_000 },
    async () => {
      const r = await run([
        'eval',
        ...GOLD,
        '--json',
        '--worst',
        '20',
        '--baseline',
        join(REPO, 'eval', 'baseline.json'),
      ]);
      expect(r.stderr).not.toMatch(/regression/);
      expect(r.code).toBe(0);
      const scores = jsonLines<{
        file: string;
        levels: Record<string, { f1: number }>;
        worst: unknown[];
      }>(r.stdout);
      expect(scores.map((s) => s.file)).toEqual(GOLD);
      for (const s of scores)
        expect(Object.keys(s.levels)).toEqual(['countryRoot', 'full', 'countryPlover']);
    },
  );
});

describe('entente eval', () => {
  it('reports a bad gold line with file and line, and scores the rest', async () => {
    const dir = tempDir();
    const file = join(dir, 'gold.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({
          id: 'a',
          date: '2024-05-02',
          text: 'Rain fell over the valley all night.',
          noevents: true,
          events: [],
        }),
        '{"id": "b", "date": ',
        JSON.stringify({
          id: 'c',
          date: '2024-05-03',
          text: 'The river rose by a metre.',
          noevents: true,
          events: [],
        }),
      ].join('\n'),
    );
    const r = await run(['eval', file, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/gold\.jsonl:2: malformed JSON/);
    const [score] = jsonLines<{ sentences: number; noEventAccuracy: number }>(r.stdout);
    expect(score!.sentences).toBe(2);
    expect(score!.noEventAccuracy).toBe(1);
  });

  it('fails when a figure falls more than 0.02 below the baseline', async () => {
    const dir = tempDir();
    const file = join(dir, 'g.jsonl');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'a',
        date: '2024-05-02',
        text: 'Rain fell.',
        noevents: true,
        events: [],
      }),
    );
    const baseline = join(dir, 'baseline.json');
    writeFileSync(
      baseline,
      JSON.stringify({
        'g.jsonl': { countryRoot: 0.5, full: 0, countryPlover: 0, noEventAccuracy: 1 },
      }),
    );
    const r = await run(['eval', file, '--baseline', baseline]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/regression: g\.jsonl countryRoot F1 0 < baseline 0\.5/);
  });
});
