/**
 * Validates the knowledge-base sources and writes the compiled file the resolver loads.
 *
 *   node dist/scripts/kb-build.js [--check] [--source DIR] [--out FILE]
 *
 * Prints every problem as `file:line: message` on stderr (warnings too, marked), one
 * summary line on stdout, and exits 1 when there is any error (nothing is written then).
 * `--check` validates without writing.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultGazetteerPath, writeGazetteer } from '../src/gkg/gazetteer.js';
import { defaultPlacesDir, loadPlaceData, PlaceDataError } from '../src/gkg/places-data.js';
import { compileKb } from '../src/kb/compile.js';
import { defaultKbPaths } from '../src/kb/load.js';
import { formatKbError, validateKb } from '../src/kb/validate.js';

/**
 * Where the script writes; injectable so tests can run it without touching the process.
 *
 * @example
 * const code = await runKbBuild(['--check'], { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
 */
export interface KbBuildIo {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = 'usage: kb-build [--check] [--source DIR] [--out FILE]\n';

/** Runs the build with command-line `args`; returns the process exit code. */
export async function runKbBuild(args: readonly string[], io: KbBuildIo): Promise<number> {
  const defaults = defaultKbPaths();
  let sourceDir = defaults.sourceDir;
  let outFile = defaults.compiledPath;
  let check = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--check') check = true;
    else if ((arg === '--source' || arg === '--out') && args[i + 1] !== undefined) {
      const value = path.resolve(args[++i]!);
      if (arg === '--source') sourceDir = value;
      else outFile = value;
    } else if (arg === '--help' || arg === '-h') {
      io.out(USAGE);
      return 0;
    } else {
      io.err(`entente: kb-build: unknown argument "${arg}"\n${USAGE}`);
      return 2;
    }
  }
  let result;
  try {
    result = await validateKb(sourceDir);
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return 1;
  }
  for (const w of result.warnings) io.err(`${formatKbError(w)}\n`);
  for (const e of result.errors) io.err(`${formatKbError(e)}\n`);
  const counts = `${result.entries.length} entries from ${result.files.length} files, ${result.errors.length} errors, ${result.warnings.length} warnings`;
  if (result.errors.length > 0) {
    io.out(`kb: ${counts}; nothing written\n`);
    return 1;
  }
  // The built-in base also checks the place data and (below) writes the gazetteer index.
  const builtIn = sourceDir === defaults.sourceDir;
  if (builtIn) {
    try {
      loadPlaceData();
    } catch (e) {
      if (!(e instanceof PlaceDataError)) throw e;
      const dir = path.relative(process.cwd(), defaultPlacesDir());
      for (const p of e.problems) io.err(`${path.join(dir, p.file)}:${p.line}: ${p.message}\n`);
      io.out(`places: ${e.problems.length} errors; nothing written\n`);
      return 1;
    }
  }
  if (check) {
    io.out(`kb: ${counts}\n`);
    return 0;
  }
  const compiled = compileKb(result.entries, result.files);
  await mkdir(path.dirname(outFile), { recursive: true });
  // Write then rename, so a loader never reads a half-written file.
  const tmp = `${outFile}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(compiled)}\n`);
  await rename(tmp, outFile);
  const rel = path.relative(process.cwd(), outFile);
  io.out(`kb: ${counts}; wrote ${rel.startsWith('..') || path.isAbsolute(rel) ? outFile : rel}\n`);
  if (builtIn && outFile === defaults.compiledPath) {
    const g = await writeGazetteer();
    io.out(
      `gazetteer: ${g.rows} places; wrote ${path.relative(process.cwd(), defaultGazetteerPath())}\n`,
    );
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runKbBuild(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`entente: kb-build: ${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
