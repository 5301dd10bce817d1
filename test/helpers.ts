import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(REPO, 'bin', 'entente');
/** ../shared beside the checkout: present in CI and for developers, absent for users. */
export const SHARED = resolve(REPO, '..', 'shared');
export const HAS_SHARED = existsSync(join(SHARED, 'seed'));
export const SEED = join(SHARED, 'seed', '000_0975571770d3a3b0.txt');

if (!HAS_SHARED) {
  console.warn(`entente tests: ${SHARED} is absent; tests that read ../shared are skipped`);
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (what users run), never throwing on a non-zero exit. */
export function run(
  args: readonly string[],
  options: { cwd?: string; input?: string } = {},
): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: options.cwd ?? REPO,
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1' },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolvePromise({ code, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

export function tempDir(prefix = 'entente-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function jsonLines<T = Record<string, unknown>>(s: string): T[] {
  return s
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}
