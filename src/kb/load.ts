import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EntenteError } from '../core/errors.js';
import {
  COMPILED_KB_FORMAT,
  compileKb,
  dayNumber,
  lookupSurface,
  type CompiledCode,
  type CompiledEntry,
  type CompiledKb,
  type KbFileDigest,
  type NameRef,
} from './compile.js';
import { applyOverlays, resolveKbDir } from './overlay.js';
import {
  digestKbDir,
  KbValidationError,
  validateKb,
  type KbError,
  type KbSource,
} from './validate.js';

/**
 * A loaded, frozen knowledge base: the compiled structure plus the two questions the
 * resolver asks of it.
 *
 * @example
 * const kb = await loadKb();
 * for (const [i] of kb.lookup('Raeisi')) console.log(kb.codeOn(kb.compiled.entries[i]!, '2024-03-20')); // IRNGOV
 */
export interface Kb {
  readonly compiled: CompiledKb;
  /** `compiled` when read from a fresh kb.compiled.json, `sources` when validated and compiled on load. */
  readonly origin: 'compiled' | 'sources';
  /** Warnings from validation when compiled on load (empty when read from the compiled file). */
  readonly warnings: readonly KbError[];
  /** Index hits for a surface form, honouring case rules. */
  lookup(text: string): readonly NameRef[];
  /** The CAMEO code an entry stands for on a date; see `codeOn`. */
  codeOn(entry: CompiledEntry, date: string | number): string | null;
  /** Overlay files merged over the built-in base, in the order applied (absent or empty: none). */
  readonly overlays?: readonly string[];
  /** The overlay lines that added or changed the entry with this id (empty for none). */
  readonly overlayOrigin?: (id: string) => readonly KbSource[];
}

/**
 * Options of `loadKb`.
 *
 * @example
 * await loadKb(undefined, { overlayDir: null }); // the built-in base alone
 */
export interface LoadKbOptions {
  /** The built-in source directory (default: `kb/` beside the compiled file). */
  readonly sourceDir?: string;
  /**
   * Directory of overlay files merged over the base (dictionaries/README.md, "Overlays").
   * `null`: none. Absent: `resolveKbDir()` ($ENTENTE_KB_DIR, else ~/.entente/kb) when
   * `compiledPath` is absent too; an explicitly given base is used without overlays.
   */
  readonly overlayDir?: string | null;
}

/**
 * Where the knowledge base lives by default.
 *
 * @example
 * const { sourceDir, compiledPath } = defaultKbPaths(); // .../dictionaries/kb, .../dictionaries/kb.compiled.json
 */
export interface KbPaths {
  readonly sourceDir: string;
  readonly compiledPath: string;
}

/**
 * The repository's `dictionaries/` folder, found by walking up from this module so the same
 * code works from `src/` under vitest and from `dist/src/` after a build; the working
 * directory is the fallback for an installed copy without sources.
 */
export function defaultKbPaths(): KbPaths {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'dictionaries', 'kb'))) break;
    const up = path.dirname(dir);
    if (up === dir) {
      dir = process.cwd();
      break;
    }
    dir = up;
  }
  return {
    sourceDir: path.join(dir, 'dictionaries', 'kb'),
    compiledPath: path.join(dir, 'dictionaries', 'kb.compiled.json'),
  };
}

/** A document date (`2024-03-19`, `20240319` or the number 20240319) as a day number. */
export function toDay(date: string | number): number {
  if (typeof date === 'number') {
    if (Number.isInteger(date) && date >= 10000101 && date <= 99991231) return date;
  } else if (/^\d{8}$/.test(date)) {
    return toDay(Number(date));
  } else {
    try {
      return dayNumber(date, 'start');
    } catch {
      // fall through to the typed error below
    }
  }
  throw new EntenteError(`entente: invalid date "${String(date)}" (expected YYYY-MM-DD)`);
}

function holds(c: CompiledCode, day: number): boolean {
  return (c.from === null || c.from <= day) && (c.until === null || day <= c.until);
}

// Heads of state or government outrank a person's other offices held the same day: a
// president who is also party chairman is coded as the president.
const HEAD_TITLE =
  /\b(president|prime minister|premier|chancellor|king|queen|emir|amir|sultan|supreme leader|head of state|head of government|chairman|chairwoman|general secretary|secretary general|grand duke|prince|emperor|taoiseach|state counsellor)\b/i;
const NOT_HEAD = /\b(vice|deputy|crown|former|first lady|lady)\b|vice-/i;

function isHead(c: CompiledCode): boolean {
  return (
    c.code.endsWith('GOV') &&
    c.title !== null &&
    HEAD_TITLE.test(c.title) &&
    !NOT_HEAD.test(c.title)
  );
}

/** Among codes holding the same day: heads first, then the most recent start, then file order. */
function pick(codes: readonly CompiledCode[]): CompiledCode {
  return codes
    .map((c, i) => ({ c, i }))
    .sort(
      (a, b) =>
        Number(isHead(b.c)) - Number(isHead(a.c)) ||
        (b.c.from ?? -Infinity) - (a.c.from ?? -Infinity) ||
        a.i - b.i,
    )[0]!.c;
}

/**
 * The CAMEO code `entry` stands for on `date`, or null when it stands for none:
 * - a person: the role held that day (heads of state or government first, then the most
 *   recent start); with no role, `<country>ELI` if born by then and not yet dead; null
 *   after death (the mention still resolves to the person, who has no current role);
 * - an organisation: its code valid that day (the most recently started), else null;
 * - a state: its code inside its existence interval, else null (the Soviet Union in 2024);
 * - an alias or region: its code; a role noun: null (it carries a sector, not a code).
 */
export function codeOn(entry: CompiledEntry, date: string | number): string | null {
  const day = toDay(date);
  switch (entry.type) {
    case 'PERSON': {
      if (entry.died !== null && day > entry.died) return null;
      const active = entry.codes.filter((c) => holds(c, day));
      if (active.length > 0) return pick(active).code;
      if (entry.born !== null && day < entry.born) return null;
      return entry.country === null ? null : `${entry.country.slice(0, 3)}ELI`;
    }
    case 'COUNTRY':
    case 'TERRITORY':
    case 'HISTORIC_STATE':
      return (entry.from === null || entry.from <= day) &&
        (entry.until === null || day <= entry.until)
        ? entry.code
        : null;
    case 'ALIAS':
    case 'REGION':
      return entry.code;
    case 'ROLE':
      return null;
    default: {
      const active = entry.codes.filter((c) => holds(c, day));
      if (active.length === 0) return null;
      // Undated fallbacks (a party's PTY) lose to any dated code that holds that day.
      return active.reduce((best, c) =>
        (c.from ?? -Infinity) > (best.from ?? -Infinity) ? c : best,
      ).code;
    }
  }
}

/**
 * `codeOn` with its reasons, for `entente kb lookup`: the same answer, the code or role
 * that decided it, the codes holding that day and a sentence saying why.
 *
 * @example
 * explainCodeOn(raisi, '2022-05-01').reason;
 * // "role 'President' 2021-08-03..2024-05-19 covers 2022-05-01 → IRNGOV"
 */
export interface CodeExplanation {
  readonly code: string | null;
  readonly chosen: CompiledCode | null;
  readonly active: readonly CompiledCode[];
  readonly reason: string;
}

function isoDay(day: number): string {
  const s = String(day).padStart(8, '0');
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** `2021-08-03..2024-05-19`, `2012-05-07..`, `..1996-09-27`, or `undated`. */
export function formatPeriod(c: { from: number | null; until: number | null }): string {
  if (c.from === null && c.until === null) return 'undated';
  return `${c.from === null ? '' : isoDay(c.from)}..${c.until === null ? '' : isoDay(c.until)}`;
}

function describeCode(c: CompiledCode, what: string): string {
  const label = c.title !== null ? `'${c.title}'` : c.code;
  return c.from === null && c.until === null
    ? `undated ${what} ${label}`
    : `${what} ${label} ${formatPeriod(c)}`;
}

/** Explains `codeOn(entry, date)`; `explainCodeOn(e, d).code === codeOn(e, d)` always. */
export function explainCodeOn(entry: CompiledEntry, date: string | number): CodeExplanation {
  const day = toDay(date);
  const d = isoDay(day);
  const code = codeOn(entry, day);
  const none = (reason: string): CodeExplanation => ({ code, chosen: null, active: [], reason });
  switch (entry.type) {
    case 'PERSON': {
      const active = entry.codes.filter((c) => holds(c, day));
      if (entry.died !== null && day > entry.died) {
        return {
          code,
          chosen: null,
          active: [],
          reason: `${active.length > 0 ? 'a role is recorded' : 'no role'} on ${d}; died ${isoDay(entry.died)} → no current code`,
        };
      }
      if (active.length > 0) {
        const chosen = pick(active);
        const others = active.length - 1;
        return {
          code,
          chosen,
          active,
          reason:
            `${describeCode(chosen, 'role')} covers ${d} → ${chosen.code}` +
            (others > 0
              ? `; chosen over ${others} other role${others === 1 ? '' : 's'} held that day (heads of state or government first, then the most recent start)`
              : ''),
        };
      }
      if (entry.born !== null && day < entry.born)
        return none(`not born yet on ${d} (born ${isoDay(entry.born)}) → no code`);
      if (entry.country === null) return none(`no role on ${d} and no country → no code`);
      const ended =
        entry.codes.length > 0 && entry.codes.every((c) => c.until !== null && c.until < day);
      const future =
        entry.codes.length > 0 && entry.codes.every((c) => c.from !== null && c.from > day);
      const why =
        entry.codes.length === 0
          ? `no role recorded → ${code} (a person without an office is coded as an elite)`
          : ended
            ? `no role on ${d}; roles ended → ${code}`
            : future
              ? `no role yet on ${d} → ${code}`
              : `no role on ${d} (between roles) → ${code}`;
      return none(why);
    }
    case 'COUNTRY':
    case 'TERRITORY':
    case 'HISTORIC_STATE':
      return none(
        code !== null
          ? `exists on ${d}${entry.from !== null || entry.until !== null ? ` (${formatPeriod(entry)})` : ''} → ${code}`
          : `does not exist on ${d} (${formatPeriod(entry)}) → no code`,
      );
    case 'ALIAS':
      return none(`alias for ${code}`);
    case 'REGION':
      return none(code !== null ? `region code ${code}` : 'region without a CAMEO code → no code');
    case 'ROLE':
      return none(
        `role noun: sector ${entry.sector ?? '?'}${entry.office ? ', names a single office holder' : ''}; no code of its own`,
      );
    default: {
      const active = entry.codes.filter((c) => holds(c, day));
      if (active.length === 0) return none(`no code holds on ${d} → no code`);
      const chosen = active.reduce((best, c) =>
        (c.from ?? -Infinity) > (best.from ?? -Infinity) ? c : best,
      );
      return {
        code,
        chosen,
        active,
        reason:
          `${describeCode(chosen, 'code')} covers ${d} → ${chosen.code}` +
          (active.length > 1 ? '; the most recently started code wins' : ''),
      };
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function makeKb(
  compiled: CompiledKb,
  origin: Kb['origin'],
  warnings: readonly KbError[],
  overlay: {
    files: readonly string[];
    originOf: (id: string) => readonly KbSource[];
  } = { files: [], originOf: () => [] },
): Kb {
  const frozen = deepFreeze(compiled);
  return Object.freeze({
    compiled: frozen,
    origin,
    warnings: Object.freeze([...warnings]),
    lookup: (text: string) => lookupSurface(frozen, text),
    codeOn,
    overlays: Object.freeze([...overlay.files]),
    overlayOrigin: overlay.originOf,
  });
}

function sameSources(a: readonly KbFileDigest[], b: readonly KbFileDigest[]): boolean {
  return a.length === b.length && a.every((x, i) => x.path === b[i]!.path && x.sha1 === b[i]!.sha1);
}

async function readCompiled(file: string): Promise<{ kb: CompiledKb; sha1: string } | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A half-written or hand-edited compiled file is rebuilt from sources, not trusted.
    return null;
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as { format?: unknown }).format !== COMPILED_KB_FORMAT
  )
    return null;
  const kb = value as CompiledKb;
  // JSON.parse gives an ordinary object; lookups must not see Object.prototype keys.
  const names: Record<string, readonly NameRef[]> = Object.assign(
    Object.create(null) as Record<string, readonly NameRef[]>,
    kb.names,
  );
  return { kb: { ...kb, names }, sha1: createHash('sha1').update(text).digest('hex') };
}

/**
 * Loads the knowledge base: the compiled file when it exists and its recorded source
 * digests match the files in the source directory (`<compiled dir>/kb` unless given),
 * otherwise the sources, validated and compiled in memory. A compiled file with no
 * source directory beside it is used as is. Overlay files (`options.overlayDir`) are then
 * merged over it, user entries winning (dictionaries/README.md, "Overlays"). Throws
 * `KbValidationError` when the sources or overlays have errors and `EntenteError` when
 * neither a compiled file nor sources exist.
 */
export async function loadKb(compiledPath?: string, options: LoadKbOptions = {}): Promise<Kb> {
  const defaults = defaultKbPaths();
  const compiledFile = compiledPath ? path.resolve(compiledPath) : defaults.compiledPath;
  const sourceDir =
    options.sourceDir ??
    (compiledPath ? path.join(path.dirname(compiledFile), 'kb') : defaults.sourceDir);
  const overlayDir =
    options.overlayDir === undefined ? (compiledPath ? null : resolveKbDir()) : options.overlayDir;
  const base = await loadBase(compiledFile, sourceDir);
  if (overlayDir === null) return makeKb(base.compiled, base.origin, base.warnings);
  const applied = await applyOverlays(base.compiled, base.key, overlayDir);
  if (applied === null) return makeKb(base.compiled, base.origin, base.warnings);
  if ('errors' in applied) throw new KbValidationError(applied.errors);
  return makeKb(applied.compiled, base.origin, [...base.warnings, ...applied.warnings], applied);
}

async function loadBase(
  compiledFile: string,
  sourceDir: string,
): Promise<{
  compiled: CompiledKb;
  origin: Kb['origin'];
  warnings: readonly KbError[];
  /** Identity of this base, for caching what is derived from it. */
  key: string;
}> {
  const compiled = await readCompiled(compiledFile);
  const haveSources = existsSync(sourceDir);
  if (
    compiled &&
    (!haveSources || sameSources(compiled.kb.sources, await digestKbDir(sourceDir)))
  ) {
    return { compiled: compiled.kb, origin: 'compiled', warnings: [], key: compiled.sha1 };
  }
  if (!haveSources) {
    throw new EntenteError(
      `entente: no knowledge base: neither ${compiledFile} nor ${sourceDir} exists`,
    );
  }
  const result = await validateKb(sourceDir);
  if (result.errors.length > 0) throw new KbValidationError(result.errors);
  return {
    compiled: compileKb(result.entries, result.files),
    origin: 'sources',
    warnings: result.warnings,
    key: createHash('sha1').update(JSON.stringify(result.files)).digest('hex'),
  };
}
