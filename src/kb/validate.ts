import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { EntenteError } from '../core/errors.js';
import { dayNumber, isKbDate, surfaceForms, surfaceKey, type KbFileDigest } from './compile.js';
import { kbEntry, type KbEntry } from './schema.js';

/**
 * One problem found in the knowledge-base sources, tied to the line that causes it.
 *
 * @example
 * for (const e of result.errors) console.error(formatKbError(e)); // people/iran.jsonl:4: roles.0.code: ...
 */
export interface KbError {
  /** Path as the user would type it (relative to the working directory when inside it). */
  readonly file: string;
  /** 1-based line number. */
  readonly line: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/**
 * Where an entry was read from.
 *
 * @example
 * const { file, line } = result.sources[i]!; // the line of result.entries[i]
 */
export interface KbSource {
  readonly file: string;
  readonly line: number;
}

/**
 * What `validateKb` returns: the entries that parsed (with schema defaults applied), where
 * each came from, and everything wrong. Entries are usable only when `errors` is empty.
 *
 * @example
 * const { entries, errors, files } = await validateKb('dictionaries/kb');
 * if (errors.length === 0) writeCompiled(compileKb(entries, files));
 */
export interface KbValidation {
  readonly entries: KbEntry[];
  readonly sources: KbSource[];
  readonly errors: KbError[];
  /** Legitimate ambiguities and likely typos that do not block a build. */
  readonly warnings: KbError[];
  readonly files: KbFileDigest[];
}

/** Raised by loaders when the sources do not validate; carries every error. */
export class KbValidationError extends EntenteError {
  readonly errors: readonly KbError[];

  constructor(errors: readonly KbError[]) {
    const first = errors[0];
    super(
      `entente: the knowledge base has ${errors.length} error${errors.length === 1 ? '' : 's'}` +
        (first ? `; first: ${formatKbError(first)}` : ''),
    );
    this.name = 'KbValidationError';
    this.errors = errors;
  }
}

/** `file:line: message`, with `warning: ` before the message of a warning. */
export function formatKbError(e: KbError): string {
  return `${e.file}:${e.line}: ${e.severity === 'warning' ? 'warning: ' : ''}${e.message}`;
}

const codeList = (codes: string): readonly string[] => codes.trim().split(/\s+/);

/** CAMEO 1.1b3 region codes, valid as a code root and in a state's `regions`. */
export const CAMEO_REGIONS: readonly string[] = codeList(`
  AFR ASA BLK CAS CAU CEU CFR CRB EAF EEU EIN EUR LAM MDT MEA
  NAF NMR PGS SAF SAM SAS SCN SEA WAF WST`);

/** Roots that are not states or regions: international, non-governmental, militant, business, unidentified. */
export const NON_STATE_ROOTS: readonly string[] = ['IGO', 'NGO', 'IMG', 'MNC', 'UIS'];

/**
 * CAMEO sector and religion groups. A group after a state or region root that is neither one
 * of these nor a sub-code some state or organisation defines (PRI in USAPRI, HMS in
 * PSEREBHMS) is reported as a likely typo.
 */
export const CAMEO_SECTORS: readonly string[] = codeList(`
  AGR BUS COP CRM CVL DEV EDU ELI ENV GOV HLH HRI IGO INS JUD
  LAB LEG MED MIL MNC MOD NGO OPP PTY RAD REB REF REL SEP SPY
  UAF UNR BUD CHR CTH HIN JEW MUS ORT PRO SHI SIK SUN KID PPL`);

/** The `*.jsonl` files under `dir`, recursively, as sorted `/`-separated relative paths. */
async function listJsonl(dir: string): Promise<string[]> {
  let info;
  try {
    info = await stat(dir);
  } catch (cause) {
    throw new EntenteError(`entente: knowledge-base directory not found: ${dir}`, { cause });
  }
  if (!info.isDirectory()) throw new EntenteError(`entente: not a directory: ${dir}`);
  const names = await readdir(dir, { recursive: true });
  return names
    .map((n) => n.split(path.sep).join('/'))
    .filter((n) => n.endsWith('.jsonl'))
    .sort();
}

function displayPath(absolute: string): string {
  const rel = path.relative(process.cwd(), absolute);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Digests of the source files, for checking whether a compiled KB is still fresh. */
export async function digestKbDir(dir: string): Promise<KbFileDigest[]> {
  const files = await listJsonl(dir);
  return Promise.all(
    files.map(async (p) => ({ path: p, sha1: sha1(await readFile(path.join(dir, p), 'utf8')) })),
  );
}

interface Located {
  readonly entry: KbEntry;
  readonly src: KbSource;
}

type Report = (src: KbSource, message: string, severity?: 'error' | 'warning') => void;

/** Inclusive existence interval used to decide whether two entries can be confused. */
function lifespan(entry: KbEntry): [number, number] {
  const lo = -Infinity;
  const hi = Infinity;
  const start = (d: string | null | undefined): number => (d ? dayNumber(d, 'start') : lo);
  const end = (d: string | null | undefined): number => (d ? dayNumber(d, 'end') : hi);
  switch (entry.type) {
    case 'COUNTRY':
    case 'TERRITORY':
    case 'HISTORIC_STATE':
      return [start(entry.from), end(entry.until)];
    case 'PERSON':
      return [start(entry.born), end(entry.died)];
    case 'IGO':
    case 'NGO':
    case 'GROUP':
    case 'PARTY':
    case 'MNC':
    case 'MEDIA':
      return [
        Math.min(...entry.codes.map((c) => start(c.from))),
        Math.max(...entry.codes.map((c) => end(c.until))),
      ];
    default:
      return [lo, hi];
  }
}

/** Two inclusive intervals that share at most one day are a handover, not an overlap. */
function overlaps(a: [number, number], b: [number, number]): boolean {
  return Math.max(a[0], b[0]) < Math.min(a[1], b[1]);
}

function family(entry: KbEntry): string {
  switch (entry.type) {
    case 'COUNTRY':
    case 'TERRITORY':
    case 'HISTORIC_STATE':
      return 'state';
    case 'IGO':
    case 'NGO':
    case 'GROUP':
    case 'PARTY':
    case 'MNC':
    case 'MEDIA':
      return 'organisation';
    default:
      return entry.type.toLowerCase();
  }
}

/** What the resolver would code an entry as, for telling duplicates from homonyms. */
function signature(entry: KbEntry): string {
  switch (entry.type) {
    case 'COUNTRY':
    case 'TERRITORY':
    case 'HISTORIC_STATE':
    case 'ALIAS':
      return entry.code;
    case 'REGION':
      return entry.code ?? '';
    case 'PERSON':
      return entry.country ?? '';
    case 'ROLE':
      return entry.sector;
    default:
      return entry.codes.map((c) => c.code).join(',');
  }
}

function checkDates(item: Located, report: Report): void {
  const { entry, src } = item;
  const bad = (field: string, value: string | null | undefined): boolean => {
    if (value === null || value === undefined || isKbDate(value)) return false;
    report(src, `${field}: "${value}" is not a calendar date`);
    return true;
  };
  const order = (
    fromField: string,
    from: string | null | undefined,
    untilField: string,
    until: string | null | undefined,
  ): void => {
    if (bad(fromField, from) || bad(untilField, until) || !from || !until) return;
    if (dayNumber(until, 'end') < dayNumber(from, 'start')) {
      report(src, `${untilField} ${until} is before ${fromField} ${from}`);
    }
  };
  if (entry.type === 'COUNTRY' || entry.type === 'TERRITORY' || entry.type === 'HISTORIC_STATE') {
    order('from', entry.from, 'until', entry.until);
    if (entry.type === 'HISTORIC_STATE' && !entry.until)
      report(src, 'until: a HISTORIC_STATE needs the date it ended');
  }
  if ('codes' in entry) {
    entry.codes.forEach((c, i) => order(`codes.${i}.from`, c.from, `codes.${i}.until`, c.until));
  }
  if (entry.type === 'PERSON') {
    order('born', entry.born, 'died', entry.died);
    const born = entry.born && isKbDate(entry.born) ? dayNumber(entry.born, 'start') : null;
    const died = entry.died && isKbDate(entry.died) ? dayNumber(entry.died, 'end') : null;
    entry.roles.forEach((r, i) => {
      order(`roles.${i}.from`, r.from, `roles.${i}.until`, r.until);
      if (born !== null && r.until && isKbDate(r.until) && dayNumber(r.until, 'end') < born) {
        report(src, `roles.${i}.until ${r.until} is before born ${entry.born}`);
      }
      if (died !== null && r.from && isKbDate(r.from) && dayNumber(r.from, 'start') > died) {
        report(src, `roles.${i}.from ${r.from} is after died ${entry.died}`);
      }
      if (died !== null && !r.until) {
        report(
          src,
          `roles.${i}.until is open but the person died ${entry.died}; give the last day in office`,
          'warning',
        );
      }
      if (!r.from && !r.until)
        report(
          src,
          `roles.${i}: role ${r.code} has no dates, so it would hold for the whole life`,
          'warning',
        );
    });
  }
}

interface CodeRules {
  readonly roots: ReadonlySet<string>;
  readonly regions: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
}

function codeRules(items: readonly Located[]): CodeRules {
  const regions = new Set(CAMEO_REGIONS);
  const roots = new Set([...NON_STATE_ROOTS, ...CAMEO_REGIONS]);
  const stateRoots = new Set<string>();
  const groups = new Set(CAMEO_SECTORS);
  for (const { entry } of items) {
    if (entry.type === 'REGION' && entry.code) {
      regions.add(entry.code);
      roots.add(entry.code.slice(0, 3));
    }
    if (entry.type === 'COUNTRY' || entry.type === 'TERRITORY' || entry.type === 'HISTORIC_STATE') {
      roots.add(entry.code.slice(0, 3));
      stateRoots.add(entry.code.slice(0, 3));
      for (let i = 3; i < entry.code.length; i += 3) groups.add(entry.code.slice(i, i + 3));
    }
  }
  // Organisations may define their own trailing group (HMS in PSEREBHMS); the entries
  // that use that code afterwards, a leader's role say, are then not flagged.
  for (const { entry } of items) {
    if (!('codes' in entry)) continue;
    for (const c of entry.codes) {
      if (!stateRoots.has(c.code.slice(0, 3))) continue;
      for (let i = 3; i < c.code.length; i += 3) groups.add(c.code.slice(i, i + 3));
    }
  }
  return { roots, regions, groups };
}

function checkCodes(item: Located, rules: CodeRules, report: Report): void {
  const { entry, src } = item;
  const check = (field: string, code: string | null | undefined): void => {
    if (!code) return;
    const root = code.slice(0, 3);
    if (!rules.roots.has(root)) {
      report(
        src,
        `${field}: unknown root "${root}" in "${code}" (not a state, region or ${NON_STATE_ROOTS.join('/')} code)`,
      );
      return;
    }
    if (NON_STATE_ROOTS.includes(root)) return;
    for (let i = 3; i < code.length; i += 3) {
      const group = code.slice(i, i + 3);
      if (!rules.groups.has(group))
        report(
          src,
          `${field}: "${group}" in "${code}" is not a CAMEO sector or a known sub-code`,
          'warning',
        );
    }
  };
  switch (entry.type) {
    case 'COUNTRY':
    case 'TERRITORY':
    case 'HISTORIC_STATE':
      entry.regions.forEach((r, i) => {
        if (!rules.regions.has(r))
          report(src, `regions.${i}: "${r}" is not a CAMEO region code or a REGION entry's code`);
      });
      break;
    case 'REGION':
      if (entry.code && entry.code.length !== 3)
        report(src, `code: a region code is one 3-letter group, got "${entry.code}"`);
      break;
    case 'ALIAS':
      check('code', entry.code);
      break;
    case 'PERSON':
      check('country', entry.country);
      entry.roles.forEach((r, i) => check(`roles.${i}.code`, r.code));
      break;
    case 'ROLE':
      break;
    default:
      check('country', entry.country);
      entry.codes.forEach((c, i) => check(`codes.${i}.code`, c.code));
  }
}

/**
 * Surface forms shared by different entries of one family. Two canonical names with the
 * same code are a duplicate (error); anything else is an ambiguity the resolver settles by
 * date and context (warning). Entries whose lifespans only touch are successors, not rivals.
 */
function checkCollisions(items: readonly Located[], report: Report): void {
  const seen = new Map<string, Array<{ item: number; kind: string }>>();
  items.forEach(({ entry, src }, i) => {
    const own = new Set<string>();
    const exact = new Set<string>();
    for (const { form, kind } of surfaceForms(entry)) {
      // Variants that differ only in accents or case fold to one key and are fine (the
      // index needs the capitalised ones for case-sensitive matching); the very same
      // string twice is a slip worth a warning.
      if (exact.has(form)) report(src, `"${form}" is listed twice in this entry`, 'warning');
      exact.add(form);
      const key = `${family(entry)}\u0000${surfaceKey(form)}`;
      if (own.has(key)) continue;
      own.add(key);
      const list = seen.get(key) ?? [];
      list.push({ item: i, kind });
      seen.set(key, list);
    }
  });
  for (const [key, list] of seen) {
    if (list.length < 2) continue;
    const form = key.slice(key.indexOf('\u0000') + 1);
    for (let b = 1; b < list.length; b++) {
      for (let a = 0; a < b; a++) {
        const first = items[list[a]!.item]!;
        const later = items[list[b]!.item]!;
        if (!overlaps(lifespan(first.entry), lifespan(later.entry))) continue;
        const where = `${first.entry.id} (${first.src.file}:${first.src.line})`;
        const fam = family(later.entry);
        if (fam === 'role') {
          report(later.src, `term "${form}" is already mapped by ${where}`);
        } else if (
          list[a]!.kind === 'name' &&
          list[b]!.kind === 'name' &&
          signature(first.entry) === signature(later.entry)
        ) {
          report(later.src, `duplicate entry: same name "${form}" and code as ${where}`);
        } else {
          report(
            later.src,
            `"${form}" also names ${where}; the resolver must tell them apart by context`,
            'warning',
          );
        }
      }
    }
  }
}

/**
 * Reads and checks every `*.jsonl` under `dir` (recursively, in sorted path order): JSON
 * syntax, the zod schema, calendar dates, inverted ranges, duplicate ids, code roots and
 * sectors, and surface forms shared between entries. Never throws for bad content, only
 * when `dir` itself is missing.
 */
export async function validateKb(dir: string): Promise<KbValidation> {
  const errors: KbError[] = [];
  const warnings: KbError[] = [];
  const report: Report = (src, message, severity = 'error') => {
    (severity === 'error' ? errors : warnings).push({
      file: src.file,
      line: src.line,
      message,
      severity,
    });
  };
  const items: Located[] = [];
  const files: KbFileDigest[] = [];
  for (const rel of await listJsonl(dir)) {
    const absolute = path.join(dir, rel);
    let text = await readFile(absolute, 'utf8');
    files.push({ path: rel, sha1: sha1(text) });
    const file = displayPath(absolute);
    if (text.startsWith('\uFEFF')) {
      report(
        { file, line: 1 },
        'byte-order mark at the start of the file (save as UTF-8 without BOM)',
      );
      text = text.slice(1);
    }
    const lines = text === '' ? [] : text.split('\n');
    // A final newline ends the last entry; it does not start an empty one.
    if (lines[lines.length - 1] === '') lines.pop();
    lines.forEach((raw, i) => {
      const src = { file, line: i + 1 };
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() === '') return report(src, 'blank line (JSON Lines allows none)');
      if (line.trimStart().startsWith('#'))
        return report(src, 'comment line (JSON Lines allows none; use a "note" field)');
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        return report(src, `invalid JSON: ${(e as Error).message}`);
      }
      const parsed = kbEntry.safeParse(value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          report(src, `${issue.path.length ? issue.path.join('.') : '(entry)'}: ${issue.message}`);
        }
        return;
      }
      items.push({ entry: parsed.data, src });
    });
  }
  const firstById = new Map<string, KbSource>();
  for (const { entry, src } of items) {
    const first = firstById.get(entry.id);
    if (first)
      report(src, `duplicate id ${entry.id} (first defined at ${first.file}:${first.line})`);
    else firstById.set(entry.id, src);
  }
  const rules = codeRules(items);
  const dated: Located[] = [];
  for (const item of items) {
    const before = errors.length;
    checkDates(item, report);
    checkCodes(item, rules, report);
    if (errors.length === before) dated.push(item);
  }
  // Only entries with sound dates take part: lifespans are computed from them.
  checkCollisions(dated, report);
  const byLine = (x: KbError, y: KbError): number =>
    x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line;
  errors.sort(byLine);
  warnings.sort(byLine);
  return {
    entries: items.map((x) => x.entry),
    sources: items.map((x) => x.src),
    errors,
    warnings,
    files,
  };
}
