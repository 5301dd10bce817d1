import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runKbBuild } from '../../scripts/kb-build.js';
import { loadKb } from './load.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function kbRoot(statesJsonl: string): Promise<{ source: string; out: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'entente-kbbuild-'));
  dirs.push(root);
  const source = path.join(root, 'kb');
  await mkdir(source);
  await writeFile(path.join(source, 'states.jsonl'), statesJsonl);
  return { source, out: path.join(root, 'kb.compiled.json') };
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runKbBuild(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const iran = JSON.stringify({
  id: 'entente:state:iran',
  type: 'COUNTRY',
  name: 'Iran',
  code: 'IRN',
  capital: 'Tehran',
  seats: ['Tehran'],
});

describe('kb-build script', () => {
  it('writes the compiled file that loadKb then reads as fresh', async () => {
    const { source, out } = await kbRoot(`${iran}\n`);
    const r = await run(['--source', source, '--out', out]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^kb: 1 entries from 1 files, 0 errors, 0 warnings; wrote /);
    const kb = await loadKb(out);
    expect(kb.origin).toBe('compiled');
    expect(kb.lookup('Tehran')).toHaveLength(1);
  });

  it('prints file:line errors, writes nothing and exits 1 when a source is bad', async () => {
    const { source, out } = await kbRoot(
      `${iran}\n{"id": "entente:state:x", "type": "COUNTRY", "name": "X", "code": "X1", "capital": null}\n`,
    );
    const r = await run(['--source', source, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/states\.jsonl:2: code: CAMEO actor code: groups of 3 capitals\n/);
    expect(r.out).toMatch(/1 errors, 0 warnings; nothing written/);
    expect(existsSync(out)).toBe(false);
  });

  it('only validates with --check', async () => {
    const { source, out } = await kbRoot(`${iran}\n`);
    const r = await run(['--check', '--source', source, '--out', out]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on an unknown argument and 1 on a missing source directory', async () => {
    expect((await run(['--fast'])).code).toBe(2);
    const missing = await run(['--source', path.join(tmpdir(), 'entente-no-such-kb'), '--check']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/knowledge-base directory not found/);
  });
});
