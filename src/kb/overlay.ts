import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import * as path from 'node:path';
import {
  COMPILED_KB_FORMAT,
  compileKb,
  dayNumber,
  isKbDate,
  surfaceKey,
  type CompiledCode,
  type CompiledEntry,
  type CompiledKb,
  type NameRef,
} from './compile.js';
import { EntenteError } from '../core/errors.js';
import { kbEntry, type KbEntry } from './schema.js';
import { CAMEO_REGIONS, NON_STATE_ROOTS, type KbError, type KbSource } from './validate.js';

/**
 * User knowledge layered over the built-in base (documented in dictionaries/README.md,
 * "Overlays"). An overlay directory holds JSON Lines files in the dictionaries/kb format:
 * `imported-<name>.jsonl` (written by `entente kb import`), `wikidata.jsonl` (written by
 * `entente kb refresh`) and any other `*.jsonl` a user writes by hand. They are merged
 * over the compiled base when the knowledge base is loaded; the base files never change.
 */

/** Environment variable naming the overlay directory. */
export const KB_DIR_ENV = 'ENTENTE_KB_DIR';

/**
 * The overlay directory: `--kb-dir` when given, else `$ENTENTE_KB_DIR`, else
 * `~/.entente/kb`. A relative path is resolved against the working directory.
 *
 * @example
 * resolveKbDir({ kbDir: './my-kb' }); // '/home/me/project/my-kb'
 * resolveKbDir({ env: {}, home: '/home/me' }); // '/home/me/.entente/kb'
 */
export function resolveKbDir(
  options: {
    kbDir?: string | undefined;
    env?: Readonly<Record<string, string | undefined>>;
    home?: string;
  } = {},
): string {
  if (options.kbDir !== undefined && options.kbDir !== '') return path.resolve(options.kbDir);
  const fromEnv = (options.env ?? process.env)[KB_DIR_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return path.resolve(fromEnv);
  return path.join(options.home ?? homedir(), '.entente', 'kb');
}

/** Rank of an overlay file name: imports first, then Wikidata, then hand-written files. */
function overlayRank(name: string): number {
  if (name.startsWith('imported-')) return 0;
  if (name === 'wikidata.jsonl') return 1;
  return 2;
}

/**
 * The overlay files of `dir` in the order they are applied (a later file wins over an
 * earlier one): `imported-*.jsonl` sorted by name, then `wikidata.jsonl`, then every other
 * `*.jsonl` sorted by name. Only the directory itself is read, not sub-directories; names
 * starting with a dot (temporary files) are ignored. A missing directory has no overlays.
 */
export async function listOverlayFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isFile() && d.name.endsWith('.jsonl') && !d.name.startsWith('.'))
    .map((d) => d.name);
  names.sort((a, b) => overlayRank(a) - overlayRank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return names.map((n) => path.join(dir, n));
}

/**
 * Writes an overlay file atomically: the lines go to a temporary file in the same
 * directory (named with a leading dot, so loaders ignore it), which is then renamed over
 * `<dir>/<name>`. A reader sees the old file or the new one, never half of one. Returns
 * the path written.
 */
export async function writeOverlayFile(
  dir: string,
  name: string,
  lines: readonly string[],
): Promise<string> {
  const target = path.join(dir, name);
  const tmp = path.join(dir, `.${name}.${process.pid}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, lines.length === 0 ? '' : `${lines.join('\n')}\n`);
    await rename(tmp, target);
  } catch (cause) {
    await rm(tmp, { force: true });
    const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw new EntenteError(`cannot write ${displayPath(target)} (${reason})`, { cause });
  }
  return target;
}

/**
 * One validated overlay entry and the line it came from.
 *
 * @example
 * for (const { entry, src } of read.items) console.log(`${src.file}:${src.line}: ${entry.id}`);
 */
export interface OverlayItem {
  readonly entry: KbEntry;
  readonly src: KbSource;
}

/**
 * What `readOverlays` found. Items are usable only when `errors` is empty.
 *
 * @example
 * const read = await readOverlays(resolveKbDir(), knownRoots(base));
 * if (read.errors.length > 0) throw new KbValidationError(read.errors);
 */
export interface OverlayRead {
  readonly items: OverlayItem[];
  readonly errors: KbError[];
  readonly warnings: KbError[];
  /** The files read, in the order applied. */
  readonly files: string[];
}

/** A path as a user would type it: relative when under the working directory, else with `~`. */
export function displayPath(absolute: string): string {
  const rel = path.relative(process.cwd(), absolute);
  if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel;
  const home = homedir();
  if (home !== '' && absolute.startsWith(home + path.sep)) return `~${absolute.slice(home.length)}`;
  return absolute;
}

const STATE_TYPES: ReadonlySet<string> = new Set(['COUNTRY', 'TERRITORY', 'HISTORIC_STATE']);
const ORG_TYPES: ReadonlySet<string> = new Set(['IGO', 'NGO', 'GROUP', 'PARTY', 'MNC', 'MEDIA']);

/**
 * Code roots a knowledge base accepts: its states' and regions' codes, the CAMEO regions
 * and the non-state roots (IGO, NGO, IMG, MNC, UIS).
 *
 * @example
 * knownRoots(kb.compiled).has('RUS'); // true
 */
export function knownRoots(kb: CompiledKb): Set<string> {
  const roots = new Set<string>([...CAMEO_REGIONS, ...NON_STATE_ROOTS]);
  for (const e of kb.entries) {
    if ((STATE_TYPES.has(e.type) || e.type === 'REGION') && e.code !== null) {
      roots.add(e.code.slice(0, 3));
    }
  }
  return roots;
}

/** Every code an entry carries, with the field it sits in (for error messages). */
function entryCodes(entry: KbEntry): Array<{ field: string; code: string }> {
  const out: Array<{ field: string; code: string }> = [];
  switch (entry.type) {
    case 'COUNTRY':
    case 'TERRITORY':
    case 'HISTORIC_STATE':
    case 'ALIAS':
      out.push({ field: 'code', code: entry.code });
      break;
    case 'REGION':
      if (entry.code) out.push({ field: 'code', code: entry.code });
      break;
    case 'ROLE':
      break;
    case 'PERSON':
      if (entry.country) out.push({ field: 'country', code: entry.country });
      entry.roles.forEach((r, i) => out.push({ field: `roles.${i}.code`, code: r.code }));
      break;
    default:
      if (entry.country) out.push({ field: 'country', code: entry.country });
      entry.codes.forEach((c, i) => out.push({ field: `codes.${i}.code`, code: c.code }));
  }
  return out;
}

/** Calendar and order problems of an entry's dates, as `field: message` strings. */
function dateProblems(entry: KbEntry): string[] {
  const problems: string[] = [];
  const pair = (
    fromField: string,
    from: string | null | undefined,
    untilField: string,
    until: string | null | undefined,
  ): void => {
    let ok = true;
    for (const [field, value] of [
      [fromField, from],
      [untilField, until],
    ] as const) {
      if (value && !isKbDate(value)) {
        problems.push(`${field}: "${value}" is not a calendar date`);
        ok = false;
      }
    }
    if (ok && from && until && dayNumber(until, 'end') < dayNumber(from, 'start')) {
      problems.push(`${untilField} ${until} is before ${fromField} ${from}`);
    }
  };
  switch (entry.type) {
    case 'COUNTRY':
    case 'TERRITORY':
    case 'HISTORIC_STATE':
      pair('from', entry.from, 'until', entry.until);
      if (entry.type === 'HISTORIC_STATE' && !entry.until)
        problems.push('until: a HISTORIC_STATE needs the date it ended');
      break;
    case 'PERSON':
      pair('born', entry.born, 'died', entry.died);
      entry.roles.forEach((r, i) => pair(`roles.${i}.from`, r.from, `roles.${i}.until`, r.until));
      break;
    case 'IGO':
    case 'NGO':
    case 'GROUP':
    case 'PARTY':
    case 'MNC':
    case 'MEDIA':
      entry.codes.forEach((c, i) => pair(`codes.${i}.from`, c.from, `codes.${i}.until`, c.until));
      break;
    default:
      break;
  }
  return problems;
}

/**
 * Checks one overlay line the way the built-in files are checked where a line can be
 * judged alone: JSON syntax, the schema, calendar dates and their order, and code roots
 * (against `roots`, plus states the overlays themselves define). Returns the entry or
 * the problems.
 */
export function checkOverlayLine(
  line: string,
  roots: ReadonlySet<string>,
): { entry: KbEntry } | { problems: string[] } {
  if (line.trim() === '') return { problems: ['blank line (JSON Lines allows none)'] };
  if (line.trimStart().startsWith('#'))
    return { problems: ['comment line (JSON Lines allows none; use a "note" field)'] };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { problems: [`invalid JSON: ${(e as Error).message}`] };
  }
  const parsed = kbEntry.safeParse(value);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map(
        (issue) => `${issue.path.length ? issue.path.join('.') : '(entry)'}: ${issue.message}`,
      ),
    };
  }
  const entry = parsed.data;
  const problems = dateProblems(entry);
  const ownRoot = STATE_TYPES.has(entry.type) ? entryCodes(entry)[0]!.code.slice(0, 3) : null;
  for (const { field, code } of entryCodes(entry)) {
    const root = code.slice(0, 3);
    if (!roots.has(root) && root !== ownRoot) {
      problems.push(
        `${field}: unknown root "${root}" in "${code}" (not a state, region or ${NON_STATE_ROOTS.join('/')} code)`,
      );
    }
  }
  return problems.length > 0 ? { problems } : { entry };
}

/**
 * Reads and checks the overlay files of `dir` (see `listOverlayFiles` for which and in
 * what order). Never throws for bad content; every problem is reported as `file:line`.
 * `roots` are the code roots of the base (`knownRoots`); states defined in overlays add
 * theirs.
 */
export async function readOverlays(dir: string, roots: ReadonlySet<string>): Promise<OverlayRead> {
  const files = await listOverlayFiles(dir);
  const items: OverlayItem[] = [];
  const errors: KbError[] = [];
  const warnings: KbError[] = [];
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  // States an overlay defines are valid roots for every overlay, whatever the file order.
  const allRoots = new Set(roots);
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (!/"(COUNTRY|TERRITORY|HISTORIC_STATE)"/.test(line)) continue;
      try {
        const v = JSON.parse(line) as { type?: unknown; code?: unknown };
        if (
          typeof v.type === 'string' &&
          STATE_TYPES.has(v.type) &&
          typeof v.code === 'string' &&
          /^[A-Z]{3}/.test(v.code)
        )
          allRoots.add(v.code.slice(0, 3));
      } catch {
        // reported below, line by line
      }
    }
  }
  files.forEach((absolute, f) => {
    const file = displayPath(absolute);
    let text = texts[f]!;
    if (text.startsWith('\uFEFF')) {
      errors.push({
        file,
        line: 1,
        message: 'byte-order mark at the start of the file (save as UTF-8 without BOM)',
        severity: 'error',
      });
      text = text.slice(1);
    }
    const lines = text === '' ? [] : text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const seen = new Map<string, number>();
    lines.forEach((raw, i) => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const result = checkOverlayLine(line, allRoots);
      if ('problems' in result) {
        for (const message of result.problems)
          errors.push({ file, line: i + 1, message, severity: 'error' });
        return;
      }
      const first = seen.get(result.entry.id);
      if (first !== undefined) {
        warnings.push({
          file,
          line: i + 1,
          message: `id ${result.entry.id} is already defined at line ${first} of this file; this line is merged into it`,
          severity: 'warning',
        });
      } else seen.set(result.entry.id, i + 1);
      items.push({ entry: result.entry, src: { file, line: i + 1 } });
    });
  });
  return { items, errors, warnings, files };
}

// ---------------------------------------------------------------------------------------
// Merging

/** Day numbers (20240319) and ISO dates, for clipping intervals. */
function dayToUtc(day: number): number {
  return Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, day % 100);
}

/** `day` moved by `n` calendar days, as a day number. */
export function addDays(day: number, n: number): number {
  const d = new Date(dayToUtc(day) + n * 86_400_000);
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** A day number as YYYY-MM-DD. */
export function formatDay(day: number): string {
  const s = String(day).padStart(8, '0');
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

const isUndated = (c: CompiledCode): boolean => c.from === null && c.until === null;

/**
 * The overlay's codes over the base's, "user wins" (dictionaries/README.md, "Overlays"):
 * every overlay code is kept; a dated base code survives only on the days no dated overlay
 * code covers (it is clipped, possibly into two pieces); an undated base code (a fallback,
 * such as a party's PTY) survives unless the overlay brings an undated code of its own.
 *
 * @example
 * mergeCodes(
 *   [{ code: 'RUSGOV', from: 20000507, until: 20080507, title: 'President' }],
 *   [{ code: 'RUSMIL', from: 20050101, until: 20051231, title: null }],
 * ); // RUSGOV ..20041231, RUSMIL 2005, RUSGOV 20060101..
 */
export function mergeCodes(
  base: readonly CompiledCode[],
  overlay: readonly CompiledCode[],
): CompiledCode[] {
  const covers = overlay
    .filter((c) => !isUndated(c))
    .map((c) => [c.from ?? -Infinity, c.until ?? Infinity] as const)
    .sort((a, b) => a[0] - b[0]);
  const overlayHasFallback = overlay.some(isUndated);
  const kept: CompiledCode[] = [];
  for (const c of base) {
    if (isUndated(c)) {
      if (!overlayHasFallback) kept.push(c);
      continue;
    }
    let pieces: Array<[number, number]> = [[c.from ?? -Infinity, c.until ?? Infinity]];
    for (const [lo, hi] of covers) {
      const next: Array<[number, number]> = [];
      for (const [a, b] of pieces) {
        if (hi < a || lo > b) {
          next.push([a, b]);
          continue;
        }
        if (a < lo) next.push([a, addDays(lo, -1)]);
        if (hi < b) next.push([addDays(hi, 1), b]);
      }
      pieces = next;
    }
    for (const [a, b] of pieces) {
      kept.push({
        code: c.code,
        from: a === -Infinity ? null : a,
        until: b === Infinity ? null : b,
        title: c.title,
      });
    }
  }
  const all = [...overlay, ...kept];
  // Stable by start, undated fallbacks first: the order `codeOn` breaks ties with.
  return all
    .map((c, i) => ({ c, i }))
    .sort((x, y) => (x.c.from ?? -Infinity) - (y.c.from ?? -Infinity) || x.i - y.i)
    .map((x) => x.c);
}

/** Entry kinds that can stand for the same actor, for matching overlay entries by name. */
function family(type: string): string {
  if (STATE_TYPES.has(type)) return 'state';
  if (ORG_TYPES.has(type)) return 'organisation';
  return type;
}

/** A canonical name as matched across layers: folded, without a leading article. */
function nameKey(type: string, name: string): string {
  return `${family(type)}\u0000${surfaceKey(name).replace(/^the /, '')}`;
}

/** The codes an entry can stand for on some date (for matching an ALIAS by code). */
function codesOf(e: CompiledEntry): string[] {
  return e.code !== null ? [e.code, ...e.codes.map((c) => c.code)] : e.codes.map((c) => c.code);
}

const QID = /^Q\d+$/;

/**
 * How an overlay entry was applied, for `kb lookup` and reports.
 * `added`: a new entry; `id`/`wikidata`/`name`/`alias`: merged into the entry with the same
 * id, Wikidata QID, canonical name, or whose name or alias is its name; `extended`: an ALIAS
 * whose name and code an existing entry already has, which only gains its surface forms.
 */
export type OverlayMatch = 'added' | 'id' | 'wikidata' | 'name' | 'alias' | 'extended';

/**
 * The merged knowledge base and where its overlay facts came from.
 *
 * @example
 * const merged = mergeOverlays(base, read.items);
 * merged.origins['entente:person:vladimir-putin']; // [{ file: '~/.entente/kb/imported-x.jsonl', line: 9 }]
 */
export interface OverlayMerge {
  readonly compiled: CompiledKb;
  /** Entry id -> the overlay lines that added or changed it, in the order applied. */
  readonly origins: Readonly<Record<string, readonly KbSource[]>>;
  readonly warnings: KbError[];
  readonly counts: Readonly<Record<OverlayMatch, number>>;
}

/**
 * Merges validated overlay entries over a compiled base, in order, each one winning over
 * what came before it (the base and earlier overlays). The rule, documented in
 * dictionaries/README.md ("Overlays"):
 *
 * 1. An overlay entry is matched to an existing one by id, then Wikidata QID, then
 *    canonical name within the same kind of entry (states, organisations, people, aliases,
 *    regions), then by being a name or alias of exactly one entry of that kind. A name
 *    shared by several entries is not guessed at: the overlay entry is added beside them,
 *    with a warning.
 * 2. A matched entry keeps its id; the overlay's type, name, code, country, sector and
 *    existence dates replace its own; born/died/Wikidata are replaced where the overlay
 *    gives them; codes and roles are merged by `mergeCodes`; surface forms are united.
 * 3. An ALIAS whose name is a name or alias of an entry that already stands for the same
 *    code only adds its surface forms to that entry ("Kabul" listed under AFG extends
 *    Afghanistan and stays a seat).
 * 4. A surface form an entry already had keeps its kind (a seat stays a seat); it only
 *    becomes matchable in any case if the overlay lists it in lower case.
 * 5. A role term moves to the overlay's role when that role has another sector; a term
 *    already mapped to the same sector stays where it is.
 */
export function mergeOverlays(base: CompiledKb, items: readonly OverlayItem[]): OverlayMerge {
  const local = compileKb(items.map((i) => i.entry));
  const formsOf: Array<Array<[string, NameRef]>> = items.map(() => []);
  for (const key in local.names) {
    for (const ref of local.names[key]!) formsOf[ref[0]]!.push([key, ref]);
  }

  const entries: CompiledEntry[] = [...base.entries];
  const names = Object.assign(
    Object.create(null) as Record<string, readonly NameRef[]>,
    base.names,
  ) as Record<string, readonly NameRef[]>;
  const byId = new Map<string, number>();
  const byQid = new Map<string, number>();
  const byName = new Map<string, number[]>();
  const register = (i: number): void => {
    const e = entries[i]!;
    if (!byId.has(e.id)) byId.set(e.id, i);
    const qid = e.wikidata ?? (QID.test(e.id) ? e.id : null);
    if (qid !== null && !byQid.has(qid)) byQid.set(qid, i);
    if (e.type === 'ROLE') return;
    const key = nameKey(e.type, e.name);
    const list = byName.get(key);
    if (list === undefined) byName.set(key, [i]);
    else if (!list.includes(i)) list.push(i);
  };
  for (let i = 0; i < entries.length; i++) register(i);

  const origins = Object.create(null) as Record<string, KbSource[]>;
  const warnings: KbError[] = [];
  const counts: Record<OverlayMatch, number> = {
    added: 0,
    id: 0,
    wikidata: 0,
    name: 0,
    alias: 0,
    extended: 0,
  };

  /** Entries a surface form names (as name or alias), filtered. */
  const namedBy = (text: string, keep: (e: CompiledEntry) => boolean): number[] => {
    const refs = Object.hasOwn(names, surfaceKey(text)) ? names[surfaceKey(text)]! : [];
    const out: number[] = [];
    for (const [i, kind] of refs) {
      if ((kind === 'name' || kind === 'alias') && keep(entries[i]!) && !out.includes(i))
        out.push(i);
    }
    return out;
  };

  const findTarget = (
    e: CompiledEntry,
    src: KbSource,
  ): { index: number; how: OverlayMatch } | null => {
    const id = byId.get(e.id);
    if (id !== undefined) return { index: id, how: 'id' };
    const qid = e.wikidata ?? (QID.test(e.id) ? e.id : null);
    const byWd = qid === null ? undefined : byQid.get(qid);
    if (byWd !== undefined) return { index: byWd, how: 'wikidata' };
    if (e.type === 'ROLE') return null;
    const fam = family(e.type);
    const sameName = byName.get(nameKey(e.type, e.name)) ?? [];
    if (sameName.length === 1) return { index: sameName[0]!, how: 'name' };
    const ambiguous = (list: readonly number[]): null => {
      warnings.push({
        file: src.file,
        line: src.line,
        message: `"${e.name}" names ${list.length} entries (${list
          .slice(0, 3)
          .map((i) => entries[i]!.id)
          .join(', ')}); added as a separate entry instead of guessing which one it updates`,
        severity: 'warning',
      });
      return null;
    };
    if (sameName.length > 1) return ambiguous(sameName);
    const viaAlias = namedBy(e.name, (t) => family(t.type) === fam);
    if (viaAlias.length === 1) return { index: viaAlias[0]!, how: 'alias' };
    if (viaAlias.length > 1) return ambiguous(viaAlias);
    if (e.type === 'ALIAS' && e.code !== null) {
      const code = e.code;
      const same = namedBy(e.name, (t) => family(t.type) !== fam && codesOf(t).includes(code));
      if (same.length === 1) return { index: same[0]!, how: 'extended' };
    }
    return null;
  };

  const addForms = (index: number, forms: ReadonlyArray<[string, NameRef]>): void => {
    const entry = entries[index]!;
    for (const [key, ref] of forms) {
      let refs = Object.hasOwn(names, key) ? [...names[key]!] : [];
      if (entry.type === 'ROLE') {
        const same = refs.some(
          ([i]) =>
            i !== index && entries[i]!.type === 'ROLE' && entries[i]!.sector === entry.sector,
        );
        if (same) continue;
        refs = refs.filter(([i]) => i === index || entries[i]!.type !== 'ROLE');
      }
      const at = refs.findIndex(([i]) => i === index);
      if (at === -1) refs.push([index, ref[1], ref[2]]);
      else {
        const prev = refs[at]!;
        refs[at] = [index, prev[1], prev[2] === null || ref[2] === null ? null : prev[2]];
      }
      names[key] = refs;
    }
  };

  items.forEach((item, k) => {
    const e = local.entries[k]!;
    const target = findTarget(e, item.src);
    let index: number;
    if (target === null) {
      index = entries.push(e) - 1;
      counts.added++;
    } else {
      index = target.index;
      counts[target.how]++;
      if (target.how !== 'extended') {
        const t = entries[index]!;
        const byKey = nameKey(t.type, t.name);
        entries[index] = {
          id: t.id,
          type: e.type,
          name: e.name,
          code: e.code ?? t.code,
          country: e.country ?? t.country,
          sector: e.type === 'ROLE' ? e.sector : t.sector,
          office: e.type === 'ROLE' ? e.office : t.office,
          from: STATE_TYPES.has(e.type) ? e.from : t.from,
          until: STATE_TYPES.has(e.type) ? e.until : t.until,
          born: e.born ?? t.born,
          died: e.died ?? t.died,
          codes: mergeCodes(t.codes, e.codes),
          regions: e.regions.length > 0 ? e.regions : t.regions,
          wikidata: e.wikidata ?? t.wikidata,
        };
        if (nameKey(e.type, e.name) !== byKey) {
          const list = byName.get(byKey);
          if (list)
            byName.set(
              byKey,
              list.filter((i) => i !== index),
            );
        }
      }
    }
    register(index);
    addForms(index, formsOf[k]!);
    const id = entries[index]!.id;
    (origins[id] ??= []).push(item.src);
  });

  return {
    compiled: { ...base, entries, names },
    origins,
    warnings,
    counts,
  };
}

// ---------------------------------------------------------------------------------------
// Applying overlays at load time, with a cache

/** Bump when the merge rule or the cache shape changes: old caches are then ignored. */
const MERGE_CACHE_FORMAT = 'entente-kb-overlay-cache/1';

/**
 * Overlays smaller than this (bytes, all files together) are merged on every load, which
 * takes a few milliseconds; reading a cached copy of the whole merged base would be slower.
 */
export const OVERLAY_CACHE_MIN_BYTES = 1_000_000;

/** Where the merged result is cached, inside the overlay directory (never read as an overlay). */
export function overlayCachePath(dir: string): string {
  return path.join(dir, '.cache', 'merged.json');
}

/**
 * The base merged with the overlays of a directory, or the overlay problems that stop it.
 * `originOf(id)` gives the overlay lines that added or changed an entry.
 *
 * @example
 * const applied = await applyOverlays(base, baseKey, resolveKbDir());
 * if (applied && 'errors' in applied) throw new KbValidationError(applied.errors);
 */
export type AppliedOverlays =
  | {
      readonly compiled: CompiledKb;
      readonly files: readonly string[];
      readonly warnings: readonly KbError[];
      readonly originOf: (id: string) => readonly KbSource[];
      readonly cached: boolean;
    }
  | { readonly errors: readonly KbError[]; readonly files: readonly string[] };

interface CacheFile {
  readonly format: string;
  readonly key: string;
  readonly compiled: CompiledKb;
  /** Overlay files (display paths) and `[id, file index, line]` per contribution. */
  readonly originFiles: readonly string[];
  readonly origins: ReadonlyArray<readonly [string, number, number]>;
  readonly warnings: readonly KbError[];
}

function originIndex(
  files: readonly string[],
  refs: ReadonlyArray<readonly [string, number, number]>,
): (id: string) => readonly KbSource[] {
  const byId = new Map<string, KbSource[]>();
  for (const [id, f, line] of refs) {
    const list = byId.get(id);
    const src = { file: files[f]!, line };
    if (list) list.push(src);
    else byId.set(id, [src]);
  }
  return (id) => byId.get(id) ?? [];
}

/**
 * Merges the overlay files of `dir` over `base` (see `mergeOverlays`), or returns null when
 * the directory has none. Merging a large import (the Phoenix dictionaries: ~27,000
 * entries) takes seconds, so from `OVERLAY_CACHE_MIN_BYTES` of overlays on the result is
 * cached in `<dir>/.cache/merged.json`, keyed by
 * `baseKey` (an identity of the base, e.g. a digest of its file) and the name, size and
 * modification time of every overlay file; any change to either recomputes it. A cache
 * that cannot be written (read-only directory) is skipped silently: it only costs time.
 */
export async function applyOverlays(
  base: CompiledKb,
  baseKey: string,
  dir: string,
  options: { cacheMinBytes?: number } = {},
): Promise<AppliedOverlays | null> {
  const files = await listOverlayFiles(dir);
  if (files.length === 0) return null;
  const stats = await Promise.all(files.map((f) => stat(f)));
  const key = createHash('sha1')
    .update(
      JSON.stringify([
        MERGE_CACHE_FORMAT,
        COMPILED_KB_FORMAT,
        baseKey,
        files.map((f, i) => [path.basename(f), stats[i]!.size, stats[i]!.mtimeMs]),
      ]),
    )
    .digest('hex');
  const cachePath = overlayCachePath(dir);
  const shown = files.map(displayPath);
  const useCache =
    stats.reduce((n, s) => n + s.size, 0) >= (options.cacheMinBytes ?? OVERLAY_CACHE_MIN_BYTES);
  const cached = useCache ? await readCache(cachePath, key) : null;
  if (cached !== null) {
    return {
      compiled: cached.compiled,
      files: shown,
      warnings: cached.warnings,
      originOf: originIndex(cached.originFiles, cached.origins),
      cached: true,
    };
  }
  const read = await readOverlays(dir, knownRoots(base));
  if (read.errors.length > 0) return { errors: read.errors, files: shown };
  const merged = mergeOverlays(base, read.items);
  const originFiles: string[] = [];
  const origins: Array<[string, number, number]> = [];
  for (const [id, srcs] of Object.entries(merged.origins)) {
    for (const src of srcs) {
      let f = originFiles.indexOf(src.file);
      if (f === -1) f = originFiles.push(src.file) - 1;
      origins.push([id, f, src.line]);
    }
  }
  const warnings = [...read.warnings, ...merged.warnings];
  if (useCache) {
    const cache: CacheFile = {
      format: MERGE_CACHE_FORMAT,
      key,
      compiled: merged.compiled,
      originFiles,
      origins,
      warnings,
    };
    try {
      await writeOverlayFile(path.dirname(cachePath), path.basename(cachePath), [
        JSON.stringify(cache),
      ]);
    } catch {
      // A cache is an optimisation; failing to write it changes no answer.
    }
  }
  return {
    compiled: merged.compiled,
    files: shown,
    warnings,
    originOf: originIndex(originFiles, origins),
    cached: false,
  };
}

async function readCache(file: string, key: string): Promise<CacheFile | null> {
  let value: CacheFile;
  try {
    value = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (value.format !== MERGE_CACHE_FORMAT || value.key !== key) return null;
  if (value.compiled?.format !== COMPILED_KB_FORMAT) return null;
  const names = Object.assign(
    Object.create(null) as Record<string, readonly NameRef[]>,
    value.compiled.names,
  );
  return { ...value, compiled: { ...value.compiled, names } };
}
