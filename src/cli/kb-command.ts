import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { EntenteError, UsageError } from '../core/errors.js';
import {
  compileKb,
  surfaceForm,
  surfaceKey,
  type CompiledEntry,
  type NameKind,
} from '../kb/compile.js';
import { importPetrarch } from '../kb/import-petrarch.js';
import { defaultKbPaths, explainCodeOn, formatPeriod, loadKb, toDay, type Kb } from '../kb/load.js';
import {
  displayPath,
  knownRoots,
  mergeOverlays,
  readOverlays,
  resolveKbDir,
} from '../kb/overlay.js';
import { formatKbError, validateKb, type KbError, type KbSource } from '../kb/validate.js';
import {
  readRefreshQuery,
  readStateIndex,
  refreshWikidata,
  WIKIDATA_ENDPOINT,
} from '../kb/wikidata.js';

/**
 * `entente kb import|refresh|lookup|check`: the knowledge base seen and extended from the
 * command line. Each subcommand is an exported function taking its options and a `KbDeps`
 * (output streams, `fetch`, which base), so tests run them without a process.
 */

/**
 * Where a command writes. The CLI passes process.stdout/stderr.
 *
 * @example
 * let out = ''; const io: KbIo = { out: (s) => (out += s), err: () => {} };
 */
export interface KbIo {
  out(text: string): void;
  err(text: string): void;
}

/**
 * What the kb commands depend on, all optional: the default is the real thing.
 *
 * @example
 * await runKbRefresh({}, { fetch: () => Promise.reject(new Error('offline')), io });
 */
export interface KbDeps {
  readonly io?: KbIo;
  readonly fetch?: typeof fetch;
  /** The built-in base (default: dictionaries/kb.compiled.json and dictionaries/kb). */
  readonly compiledPath?: string;
  readonly sourceDir?: string;
  /** Environment for `ENTENTE_KB_DIR` (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Today, for `kb lookup` without `--date`. */
  readonly now?: () => Date;
  /** The SPARQL query of `kb refresh` (default: dictionaries/wikidata/refresh.rq). */
  readonly query?: string;
  /** Receives a command's exit status when it does not throw (default: process.exitCode). */
  readonly setExitCode?: (code: number) => void;
}

const processIo: KbIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

function paths(deps: KbDeps): { compiledPath: string | undefined; sourceDir: string } {
  return {
    compiledPath: deps.compiledPath,
    sourceDir:
      deps.sourceDir ??
      (deps.compiledPath
        ? path.join(path.dirname(path.resolve(deps.compiledPath)), 'kb')
        : defaultKbPaths().sourceDir),
  };
}

function overlayDir(kbDir: string | undefined, deps: KbDeps): string {
  return resolveKbDir({ kbDir, ...(deps.env ? { env: deps.env } : {}) });
}

async function loadBase(deps: KbDeps): Promise<Kb> {
  const { compiledPath, sourceDir } = paths(deps);
  return loadKb(compiledPath, { sourceDir, overlayDir: null });
}

/** `1 entry`, `27,028 entries`. */
const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

// ---------------------------------------------------------------------------------------
// kb import

/**
 * `entente kb import <files...> [--kb-dir DIR] [--name NAME] [--frozen YYYY-MM-DD]`:
 * converts TABARI/PETRARCH dictionaries into `<dir>/imported-<name>.jsonl`. Prints a
 * summary on stdout and every skipped line as `file:line: reason` on stderr; returns 0.
 */
export async function runKbImport(
  files: readonly string[],
  options: { kbDir?: string; name?: string; frozen?: string },
  deps: KbDeps = {},
): Promise<number> {
  const io = deps.io ?? processIo;
  const dir = overlayDir(options.kbDir, deps);
  const base = await loadBase(deps);
  const summary = await importPetrarch(files, {
    kbDir: dir,
    roots: knownRoots(base.compiled),
    name: options.name,
    frozen: options.frozen,
  });
  for (const p of summary.skipped) io.err(`${formatKbError(p)}\n`);
  for (const n of summary.notes) io.err(`${formatKbError(n)}\n`);
  // Loading once merges the new file with the base and the other overlays (and caches it),
  // so a problem between overlays shows now rather than at the next extraction.
  const { compiledPath, sourceDir } = paths(deps);
  const merged = await loadKb(compiledPath, { sourceDir, overlayDir: dir });
  const types = Object.entries(summary.byType)
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `${n.toLocaleString('en-US')} ${t}`)
    .join(', ');
  io.out(
    [
      `kb import: wrote ${displayPath(summary.file)}`,
      ...summary.inputs.map(
        (i) =>
          `  ${i.file}: ${plural(i.items, i.kind === 'agents' ? 'agent' : 'actor')} (${i.kind} dictionary)`,
      ),
      `  ${plural(summary.entries, 'entry', 'entries')} (${types}) with ${plural(summary.names, 'name')}`,
      `  ${plural(summary.skipped.length, 'line')} skipped, ${plural(summary.notes.length, 'note')} (listed on stderr)`,
      `  knowledge base now: ${plural(merged.compiled.entries.length, 'entry', 'entries')} from the built-in base and ${plural(merged.overlays?.length ?? 0, 'overlay file')}`,
    ].join('\n') + '\n',
  );
  return 0;
}

// ---------------------------------------------------------------------------------------
// kb refresh

/**
 * `entente kb refresh [--kb-dir DIR] [--endpoint URL] [--timeout MS]`: rewrites
 * `<dir>/wikidata.jsonl` from Wikidata. Throws `EntenteError` (exit 1, nothing written)
 * when the endpoint cannot be reached or answers badly.
 */
export async function runKbRefresh(
  options: { kbDir?: string; endpoint?: string; timeout?: number },
  deps: KbDeps = {},
): Promise<number> {
  const io = deps.io ?? processIo;
  const endpoint = options.endpoint ?? WIKIDATA_ENDPOINT;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new UsageError(`kb refresh: --endpoint must be an http(s) URL, got "${endpoint}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`kb refresh: --endpoint must be an http(s) URL, got "${endpoint}"`);
  const dir = overlayDir(options.kbDir, deps);
  const { sourceDir } = paths(deps);
  const base = await loadBase(deps);
  const query = deps.query ?? (await readRefreshQuery(path.dirname(defaultKbPaths().sourceDir)));
  const summary = await refreshWikidata({
    kbDir: dir,
    query,
    states: await readStateIndex(base.compiled, existsSync(sourceDir) ? sourceDir : null),
    roots: knownRoots(base.compiled),
    endpoint,
    timeoutMs: options.timeout,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const skipped = summary.skipped.reduce((n, s) => n + s.count, 0);
  io.out(
    [
      `kb refresh: wrote ${displayPath(summary.file)}: ${plural(summary.people, 'person', 'people')} with ${plural(summary.roles, 'role')} from ${plural(summary.rows, 'row')} of ${endpoint}`,
      ...(skipped > 0
        ? [
            `  ${plural(skipped, 'row')} not used:`,
            ...summary.skipped
              .slice(0, 10)
              .map((s) => `    ${s.count.toLocaleString('en-US')}  ${s.reason}`),
          ]
        : []),
    ].join('\n') + '\n',
  );
  return 0;
}

// ---------------------------------------------------------------------------------------
// kb lookup

/**
 * One dated code of an entry as `kb lookup --json` shows it.
 *
 * @example
 * const c: LookupCode = { code: 'IRNGOV', from: '2021-08-03', until: '2024-05-19', title: 'President', applies: true };
 */
export interface LookupCode {
  readonly code: string;
  readonly from: string | null;
  readonly until: string | null;
  readonly title: string | null;
  readonly applies: boolean;
}

/**
 * One entry a looked-up name can mean, with its code on the date and why.
 *
 * @example
 * for (const m of result.matches) console.log(m.kbId, m.code, m.reason);
 */
export interface LookupMatch {
  readonly kbId: string;
  readonly name: string;
  readonly type: string;
  /** How the name relates to the entry: its name, an alias, a seat, a demonym, a role term. */
  readonly matchedAs: NameKind;
  /** False when the entry lists the form only with other capitals ("US" for "us"). */
  readonly caseMatches: boolean;
  /** The form as the entry lists it, when it must match case-sensitively. */
  readonly form: string | null;
  readonly code: string | null;
  readonly reason: string;
  readonly country: string | null;
  readonly sector: string | null;
  readonly born: string | null;
  readonly died: string | null;
  readonly wikidata: string | null;
  readonly codes: readonly LookupCode[];
  readonly origins: ReadonlyArray<KbSource & { readonly layer: 'built-in' | 'overlay' }>;
}

/**
 * What `kb lookup` found for a name on a date.
 *
 * @example
 * const r = await lookupName(kb, 'Raisi', '2022-05-01', locate);
 */
export interface LookupResult {
  readonly query: string;
  readonly date: string;
  readonly matches: readonly LookupMatch[];
}

const iso = (day: number | null): string | null => {
  if (day === null) return null;
  const s = String(day).padStart(8, '0');
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
};

/**
 * Finds the built-in file and line of entries by id, reading the source files once.
 * Returns an empty map when the sources are absent (a compiled base alone).
 */
export async function locateBuiltIn(
  sourceDir: string,
  ids: readonly string[],
): Promise<Map<string, KbSource>> {
  const found = new Map<string, KbSource>();
  if (ids.length === 0 || !existsSync(sourceDir)) return found;
  const files = (await readdir(sourceDir, { recursive: true }))
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const wanted = new Set(ids);
  for (const f of files) {
    const text = await readFile(path.join(sourceDir, f), 'utf8');
    if (![...wanted].some((id) => text.includes(`"${id}"`))) continue;
    text.split('\n').forEach((line, i) => {
      for (const id of wanted) {
        if (!line.includes(`"${id}"`)) continue;
        try {
          if ((JSON.parse(line) as { id?: unknown }).id === id) {
            found.set(id, { file: displayPath(path.join(sourceDir, f)), line: i + 1 });
            wanted.delete(id);
          }
        } catch {
          // a broken line is `kb check`'s business
        }
      }
    });
    if (wanted.size === 0) break;
  }
  return found;
}

/**
 * Everything the knowledge base knows under `name` (a name, alias, seat, demonym or role
 * term, compared as the index compares them: accents, quotes, dashes and case folded; a
 * leading "the" ignored), each entry with its code on `date` and the reason.
 */
export async function lookupName(
  kb: Kb,
  name: string,
  date: string,
  sourceDir: string,
): Promise<LookupResult> {
  const day = toDay(date);
  let key = surfaceKey(name);
  if (!Object.hasOwn(kb.compiled.names, key) && key.startsWith('the ')) key = key.slice(4);
  const refs = Object.hasOwn(kb.compiled.names, key) ? kb.compiled.names[key]! : [];
  const form = surfaceForm(name).replace(/^the /i, '');
  const located = await locateBuiltIn(
    sourceDir,
    refs.map(([i]) => kb.compiled.entries[i]!.id),
  );
  const matches = refs.map(([i, kind, exact]): LookupMatch => {
    const e: CompiledEntry = kb.compiled.entries[i]!;
    const why = explainCodeOn(e, day);
    const seat = kind === 'seat' && why.code !== null;
    const origins: Array<KbSource & { layer: 'built-in' | 'overlay' }> = [];
    const builtIn = located.get(e.id);
    if (builtIn) origins.push({ ...builtIn, layer: 'built-in' });
    for (const o of kb.overlayOrigin?.(e.id) ?? []) origins.push({ ...o, layer: 'overlay' });
    return {
      kbId: e.id,
      name: e.name,
      type: e.type,
      matchedAs: kind,
      caseMatches: exact === null || exact === form,
      form: exact,
      code: seat ? `${why.code}GOV` : why.code,
      reason: seat
        ? `${why.reason}; a seat stands for the government → ${why.code}GOV`
        : why.reason,
      country: e.country,
      sector: e.sector,
      born: iso(e.born),
      died: iso(e.died),
      wikidata: e.wikidata,
      codes: e.codes.map((c) => ({
        code: c.code,
        from: iso(c.from),
        until: iso(c.until),
        title: c.title,
        applies: why.chosen === c,
      })),
      origins,
    };
  });
  return { query: name, date: iso(day)!, matches };
}

/** `kb lookup` as text: one block per entry. */
export function formatLookup(result: LookupResult): string {
  const out: string[] = [
    `"${result.query}" on ${result.date}: ${plural(result.matches.length, 'entry', 'entries')}`,
  ];
  result.matches.forEach((m, n) => {
    out.push('');
    out.push(
      `${n + 1}. ${m.name}  ${m.type}  ${m.kbId}${m.wikidata && m.wikidata !== m.kbId ? ` (${m.wikidata})` : ''}`,
    );
    out.push(
      `   matched as ${m.matchedAs}${m.form !== null ? ` "${m.form}" (case-sensitive${m.caseMatches ? '' : '; this spelling does not match'})` : ''}`,
    );
    const facts = [
      m.country !== null ? `country ${m.country}` : null,
      m.sector !== null ? `sector ${m.sector}` : null,
      m.born !== null ? `born ${m.born}` : null,
      m.died !== null ? `died ${m.died}` : null,
    ].filter((x) => x !== null);
    if (facts.length > 0) out.push(`   ${facts.join('; ')}`);
    if (m.codes.length > 0) {
      out.push(`   ${m.type === 'PERSON' ? 'roles' : 'codes'}:`);
      const width = Math.max(...m.codes.map((c) => c.code.length));
      for (const c of m.codes) {
        const period = formatPeriod({
          from: c.from === null ? null : toDay(c.from),
          until: c.until === null ? null : toDay(c.until),
        });
        out.push(
          `     ${c.code.padEnd(width)}  ${period.padEnd(22)}${c.title !== null ? `  ${c.title}` : ''}${c.applies ? '   <- applies' : ''}`,
        );
      }
    }
    out.push(`   on ${result.date}: ${m.code ?? 'no code'} (${m.reason})`);
    out.push(
      `   from: ${
        m.origins.length > 0
          ? m.origins.map((o) => `${o.file}:${o.line} (${o.layer})`).join('; ')
          : 'the compiled built-in base'
      }`,
    );
  });
  return out.map((l) => l.trimEnd()).join('\n') + '\n';
}

function checkDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new UsageError(`kb lookup: --date must be YYYY-MM-DD, got "${value}"`);
  try {
    toDay(value);
  } catch {
    throw new UsageError(`kb lookup: --date is not a calendar date: "${value}"`);
  }
  return value;
}

/**
 * `entente kb lookup <name> [--date YYYY-MM-DD] [--json] [--kb-dir DIR]`: prints what the
 * base (with overlays) knows under a name. Throws `EntenteError` when nothing matches.
 */
export async function runKbLookup(
  name: string,
  options: { date?: string; json?: boolean; kbDir?: string },
  deps: KbDeps = {},
): Promise<number> {
  const io = deps.io ?? processIo;
  const date = options.date
    ? checkDate(options.date)
    : (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
  const { compiledPath, sourceDir } = paths(deps);
  const kb = await loadKb(compiledPath, { sourceDir, overlayDir: overlayDir(options.kbDir, deps) });
  const result = await lookupName(kb, name, date, sourceDir);
  if (result.matches.length === 0 && !options.json)
    throw new EntenteError(`kb lookup: nothing in the knowledge base is called "${name}"`);
  io.out(options.json ? `${JSON.stringify(result)}\n` : formatLookup(result));
  return result.matches.length > 0 ? 0 : 1;
}

// ---------------------------------------------------------------------------------------
// kb check

/**
 * `entente kb check [--kb-dir DIR]`: validates the built-in sources and the overlay files
 * and prints every problem as `file:line: message` (warnings marked), then a summary.
 * Returns 1 when there is an error, else 0.
 */
export async function runKbCheck(options: { kbDir?: string }, deps: KbDeps = {}): Promise<number> {
  const io = deps.io ?? processIo;
  const { compiledPath, sourceDir } = paths(deps);
  const dir = overlayDir(options.kbDir, deps);
  const lines: string[] = [];
  const problems: KbError[] = [];
  let baseSummary: string;
  let base;
  if (existsSync(sourceDir)) {
    const result = await validateKb(sourceDir);
    problems.push(...result.errors, ...result.warnings);
    base = compileKb(result.entries, result.files);
    baseSummary = `built-in ${displayPath(sourceDir)}: ${plural(result.entries.length, 'entry', 'entries')} in ${plural(result.files.length, 'file')}, ${plural(result.errors.length, 'error')}, ${plural(result.warnings.length, 'warning')}`;
  } else {
    base = (await loadKb(compiledPath, { sourceDir, overlayDir: null })).compiled;
    baseSummary = `built-in: compiled file only (no sources to validate), ${plural(base.entries.length, 'entry', 'entries')}`;
  }
  const read = await readOverlays(dir, knownRoots(base));
  problems.push(...read.errors, ...read.warnings);
  let overlaySummary: string;
  if (read.files.length === 0) {
    overlaySummary = `overlays ${displayPath(dir)}: none`;
  } else {
    const merged = read.errors.length === 0 ? mergeOverlays(base, read.items) : null;
    if (merged) problems.push(...merged.warnings);
    const warnings = read.warnings.length + (merged?.warnings.length ?? 0);
    overlaySummary = `overlays ${displayPath(dir)}: ${plural(read.items.length, 'valid entry', 'valid entries')} in ${plural(read.files.length, 'file')}, ${plural(read.errors.length, 'error')}, ${plural(warnings, 'warning')}`;
    if (merged) {
      const c = merged.counts;
      overlaySummary += `; ${c.added} added, ${c.id + c.wikidata + c.name + c.alias} merged into existing entries, ${c.extended} extending one`;
    }
  }
  for (const p of problems) lines.push(formatKbError(p));
  lines.push(`kb check: ${baseSummary}`, `kb check: ${overlaySummary}`);
  io.out(lines.join('\n') + '\n');
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

// ---------------------------------------------------------------------------------------
// Registration

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError(`expected a positive integer, got "${value}"`);
  return n;
}

/**
 * Adds `kb import|refresh|lookup|check` to the CLI. Call it from `buildProgram` after
 * `exitOverride()`; errors are thrown for main's handler, other exit statuses are set with
 * `deps.setExitCode` (default: `process.exitCode`).
 *
 * @example
 * const program = new Command('entente').exitOverride();
 * registerKbCommands(program);
 */
export function registerKbCommands(program: Command, deps: KbDeps = {}): void {
  const setExit =
    deps.setExitCode ??
    ((code: number) => {
      process.exitCode = code;
    });
  const kbDirOption = [
    '--kb-dir <dir>',
    'overlay directory (default: $ENTENTE_KB_DIR, else ~/.entente/kb)',
  ] as const;
  const kb = program
    .command('kb')
    .description('inspect and extend the actor knowledge base (built-in data plus your overlays)');

  kb.command('import')
    .description('convert TABARI/PETRARCH actor or agent dictionaries into an overlay file')
    .argument('<files...>', 'dictionary files (e.g. Phoenix.Countries.actors.txt)')
    .option(...kbDirOption)
    .option('--name <name>', 'writes imported-<name>.jsonl (default: from the first file name)')
    .option(
      '--frozen <YYYY-MM-DD>',
      'end open-ended [CODE >date] restrictions on this date (when the dictionary stopped being maintained)',
    )
    .action(async (files: string[], opts: { kbDir?: string; name?: string; frozen?: string }) => {
      setExit(await runKbImport(files, opts, deps));
    });

  kb.command('refresh')
    .description("rebuild the people and offices overlay from Wikidata's SPARQL endpoint")
    .option(...kbDirOption)
    .option('--endpoint <url>', 'SPARQL endpoint', WIKIDATA_ENDPOINT)
    .option('--timeout <ms>', 'give up after this many milliseconds', positiveInt)
    .action(async (opts: { kbDir?: string; endpoint?: string; timeout?: number }) => {
      setExit(await runKbRefresh(opts, deps));
    });

  kb.command('lookup')
    .description('show what the knowledge base knows under a name, and its code on a date')
    .argument('<name>', 'a name, alias, capital, demonym or role noun')
    .option('--date <YYYY-MM-DD>', 'the date to resolve codes on (default: today)')
    .option('--json', 'one JSON object on stdout')
    .option(...kbDirOption)
    .action(async (name: string, opts: { date?: string; json?: boolean; kbDir?: string }) => {
      setExit(await runKbLookup(name, opts, deps));
    });

  kb.command('check')
    .description('validate the built-in knowledge base and the overlay files')
    .option(...kbDirOption)
    .action(async (opts: { kbDir?: string }) => {
      setExit(await runKbCheck(opts, deps));
    });
}
