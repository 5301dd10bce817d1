import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEventsCheck } from '../../scripts/events-check.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runEventsCheck(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('events-check', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('passes on the repository data and prints coverage per root', async () => {
    const { code, out, err } = await run(['--no-lemmas']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^04 Consult: \d+ patterns, 7\/7 codes 040 041 042 043 044 045 046$/m);
    const summary =
      /events: (\d+) patterns and (\d+) frames in \d+ files; (\d+) of (\d+) CAMEO codes coded directly .* (\d+)\/20 roots; 0 errors/.exec(
        out,
      );
    expect(summary).not.toBeNull();
    expect(Number(summary![3])).toBeGreaterThanOrEqual(200);
    expect(Number(summary![5])).toBe(20);
  });

  it('exits 1 and prints file:line for every error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'entente-events-check-'));
    dirs.push(dir);
    writeFileSync(
      path.join(dir, '19-fight.txt'),
      '190.attack.v1 verb $S attack $T\n190.attack.v1 verb $S strike $T\n049.x.v1 verb $S meet $T\n',
    );
    const { code, out, err } = await run(['--dir', dir, '--no-lemmas']);
    expect(code).toBe(1);
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/19-fight\.txt:2: duplicate id 190\.attack\.v1/);
    expect(lines[1]).toMatch(/19-fight\.txt:3: unknown CAMEO code 049/);
    expect(out).toMatch(/^events: 2 errors, 0 warnings in 1 files$/m);
  });

  it('rejects unknown arguments as a usage error', async () => {
    const { code, err } = await run(['--fast']);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown argument "--fast"/);
  });
});
