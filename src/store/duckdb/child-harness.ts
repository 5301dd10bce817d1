import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as TypeScript from 'typescript';

/**
 * Test support for running the store in another process (file locks and crashes are
 * per process, so they cannot be tested in one). Node 20 cannot run TypeScript, so the
 * store's sources are transpiled, file by file, into a throwaway directory whose
 * `node_modules` links to the project's.
 *
 * @example
 * const child = startChild(compileStoreForChild(tmp), `const s = await openDuckDbStore({ path: ${JSON.stringify(file)} });`);
 * await child.waitFor(/ready/);
 */

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const COMPILED = ['src/store', 'src/core'];
/** Single files outside those folders that the store imports (the GKG export's row builder). */
const COMPILED_FILES = ['src/gkg/gkg-row.ts'];

/** Transpile the store (and what it imports) into `dir`; returns `dir`. */
export function compileStoreForChild(dir: string): string {
  const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;
  const sources: Array<[folder: string, entry: string]> = COMPILED_FILES.map((f) => [
    path.dirname(f),
    path.basename(f),
  ]);
  for (const folder of COMPILED) {
    for (const entry of fs.readdirSync(path.join(PROJECT_ROOT, folder), {
      recursive: true,
      encoding: 'utf8',
    })) {
      sources.push([folder, entry]);
    }
  }
  for (const [folder, entry] of sources) {
    if (!entry.endsWith('.ts') || entry.endsWith('.test.ts') || entry.endsWith('.contract.ts'))
      continue;
    const source = fs.readFileSync(path.join(PROJECT_ROOT, folder, entry), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
    });
    const out = path.join(dir, folder, entry.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, outputText);
  }
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  const modules = path.join(dir, 'node_modules');
  if (!fs.existsSync(modules))
    fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), modules, 'dir');
  return dir;
}

/**
 * A running child process whose stdout lines can be awaited.
 *
 * @example
 * await child.waitFor(/^ready$/);
 * child.process.kill('SIGKILL');
 * await child.exited();
 */
export interface Child {
  readonly process: ChildProcess;
  /** Resolves with the first stdout line (past or future) matching `pattern`; rejects if the child exits first. */
  waitFor(pattern: RegExp): Promise<string>;
  /** Resolves when the child has exited, with its exit code or signal. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Run `body` as an ES module in a child process, with `openDuckDbStore` and
 * `plainDocument` imported from the compiled store in `compiledDir`.
 */
export function startChild(compiledDir: string, body: string): Child {
  const script = path.join(
    compiledDir,
    `child-${process.pid}-${Math.random().toString(36).slice(2)}.mjs`,
  );
  fs.writeFileSync(
    script,
    `import { openDuckDbStore } from './src/store/duckdb/duckdb-store.js';\n` +
      `import { plainDocument } from './src/store/test-documents.js';\n${body}\n`,
  );
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (data: string) => {
    pending += data;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.splice(0)) {
        if (w.pattern.test(line)) w.resolve(line);
        else waiters.push(w);
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (data: string) => {
    stderr += data;
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    process: child,
    waitFor: (pattern) => {
      const seen = lines.find((l) => pattern.test(l));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exit.then(({ code, signal }) =>
          reject(
            new Error(
              `child exited (${code ?? signal}) before printing ${pattern}; stderr: ${stderr}`,
            ),
          ),
        );
      });
    },
    exited: () => exit,
  };
}
