/**
 * The CAMEO 1.1b3 event-code table and the CAMEO → PLOVER 2021 crosswalk, read from
 * `dictionaries/cameo/codes.tsv` and `dictionaries/cameo/plover.tsv` (format in
 * dictionaries/README.md, "CAMEO codes and the PLOVER crosswalk").
 *
 * @example
 * const cameo = loadCameoTable();
 * cameo.goldstein('042'); // 1.9
 * cameo.quadClass('190'); // 4
 * cameo.plover('041'); // { type: 'CONSULT', mode: 'phone', context: null }
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EntenteError } from '../core/errors.js';
import { EventDataError, type EventDataProblem } from './patterns-schema.js';

/** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export type QuadClass = 1 | 2 | 3 | 4;

export interface CameoCode {
  /** `04` (a root), `042`, `0871`. */
  readonly code: string;
  /** The two-digit root, `04`. */
  readonly root: string;
  /** entente's short name. */
  readonly name: string;
  readonly goldstein: number;
  readonly quadClass: QuadClass;
  /** The code one level up (`087` for `0871`, `08` for `087`), null for a root. */
  readonly parent: string | null;
}

export interface PloverMapping {
  readonly type: string;
  readonly mode: string | null;
  readonly context: string | null;
}

/** Where a crosswalk row comes from: PLOVER's own table, the parent code, or no category. */
export type PloverBasis = 'crosswalk' | 'parent' | 'dropped';

/** The PLOVER 2021 event types. */
export const PLOVER_TYPES: readonly string[] = Object.freeze([
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
]);

/** A code that is not in the table. */
export class UnknownCameoCodeError extends EntenteError {
  readonly code: string;

  constructor(code: string) {
    super(`entente: unknown CAMEO event code "${code}"`);
    this.name = 'UnknownCameoCodeError';
    this.code = code;
  }
}

/**
 * The loaded, frozen table. `get` answers undefined for an unknown code; the accessors
 * throw `UnknownCameoCodeError`, since a coder asking for the Goldstein value of a code
 * the table lacks has a bug.
 */
export interface CameoTable {
  /** Every code in file order, roots included. */
  readonly codes: readonly CameoCode[];
  has(code: string): boolean;
  get(code: string): CameoCode | undefined;
  root(code: string): string;
  name(code: string): string;
  goldstein(code: string): number;
  quadClass(code: string): QuadClass;
  /** PLOVER type, mode and context; null where PLOVER has no category (roots 01 and 02). */
  plover(code: string): PloverMapping | null;
  ploverBasis(code: string): PloverBasis;
}

export interface CameoFiles {
  readonly codes: string;
  readonly plover: string;
}

/**
 * The repository's `dictionaries/` folder, found by walking up from this module so the same
 * code works from `src/` under vitest and from `dist/src/` after a build; the working
 * directory is the fallback for an installed copy without sources.
 */
export function dictionariesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'dictionaries', 'cameo', 'codes.tsv'))) {
      return path.join(dir, 'dictionaries');
    }
    const up = path.dirname(dir);
    if (up === dir) return path.join(process.cwd(), 'dictionaries');
    dir = up;
  }
}

/** `dictionaries/cameo`, where codes.tsv and plover.tsv live. */
export function defaultCameoDir(): string {
  return path.join(dictionariesDir(), 'cameo');
}

/** A path as the user would type it: relative to the working directory when inside it. */
export function displayPath(absolute: string): string {
  const rel = path.relative(process.cwd(), absolute);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
}

const CODES_HEADER = 'code\troot\tname\tgoldstein\tquad';
const PLOVER_HEADER = 'code\ttype\tmode\tcontext\tbasis';
const CODE = /^\d{2,4}$/;
const LOWER_FIELD = /^[a-z][a-z0-9_-]*(;[a-z][a-z0-9_-]*)*$/;

interface Row {
  line: number;
  fields: string[];
}

/** Data rows of a TSV file: comments and blank lines skipped, header checked. */
function rows(text: string, file: string, header: string, problems: EventDataProblem[]): Row[] {
  const out: Row[] = [];
  let sawHeader = false;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    if (!sawHeader) {
      sawHeader = true;
      if (raw !== header) {
        problems.push({
          file,
          line: n + 1,
          message: `expected the header line "${header.replaceAll('\t', '<TAB>')}"`,
          severity: 'error',
        });
      }
      continue;
    }
    out.push({ line: n + 1, fields: raw.split('\t') });
  }
  if (!sawHeader) {
    problems.push({ file, line: 0, message: 'empty file (no header)', severity: 'error' });
  }
  return out;
}

/**
 * Validates and builds the table from the two files' text. `table` is null when there is
 * any error; every problem is reported, not just the first.
 */
export function parseCameoTable(
  codesText: string,
  ploverText: string,
  files: CameoFiles = { codes: 'codes.tsv', plover: 'plover.tsv' },
): { table: CameoTable | null; problems: EventDataProblem[] } {
  const problems: EventDataProblem[] = [];
  const err = (file: string, line: number, message: string): void => {
    problems.push({ file, line, message, severity: 'error' });
  };
  const byCode = new Map<string, CameoCode>();
  for (const { line, fields } of rows(codesText, files.codes, CODES_HEADER, problems)) {
    if (fields.length !== 5) {
      err(files.codes, line, `expected 5 tab-separated fields, found ${fields.length}`);
      continue;
    }
    const [code, root, name, goldsteinText, quadText] = fields as [
      string,
      string,
      string,
      string,
      string,
    ];
    if (!CODE.test(code)) {
      err(files.codes, line, `bad code "${code}" (2 to 4 digits)`);
      continue;
    }
    if (root !== code.slice(0, 2)) {
      err(files.codes, line, `root "${root}" is not the first two digits of ${code}`);
      continue;
    }
    if (name.trim() === '' || name !== name.trim()) {
      err(files.codes, line, `code ${code}: the name is empty or has surrounding spaces`);
      continue;
    }
    const goldstein = Number(goldsteinText);
    if (!/^-?\d+(\.\d+)?$/.test(goldsteinText) || goldstein < -10 || goldstein > 10) {
      err(
        files.codes,
        line,
        `code ${code}: Goldstein value "${goldsteinText}" is not a number from -10 to 10`,
      );
      continue;
    }
    if (!/^[1-4]$/.test(quadText)) {
      err(files.codes, line, `code ${code}: quad class "${quadText}" is not 1, 2, 3 or 4`);
      continue;
    }
    if (byCode.has(code)) {
      err(files.codes, line, `duplicate code ${code}`);
      continue;
    }
    const parent = code.length === 2 ? null : code.slice(0, code.length === 3 ? 2 : 3);
    if (parent !== null && !byCode.has(parent)) {
      err(files.codes, line, `code ${code} comes before (or without) its parent ${parent}`);
      continue;
    }
    byCode.set(code, {
      code,
      root,
      name,
      goldstein,
      quadClass: Number(quadText) as QuadClass,
      parent,
    });
  }

  const plover = new Map<
    string,
    { mapping: PloverMapping | null; basis: PloverBasis; line: number }
  >();
  for (const { line, fields } of rows(ploverText, files.plover, PLOVER_HEADER, problems)) {
    if (fields.length !== 5) {
      err(files.plover, line, `expected 5 tab-separated fields, found ${fields.length}`);
      continue;
    }
    const [code, type, mode, context, basis] = fields as [string, string, string, string, string];
    if (!byCode.has(code)) {
      err(files.plover, line, `unknown CAMEO code ${code} (not in ${files.codes})`);
      continue;
    }
    if (plover.has(code)) {
      err(files.plover, line, `duplicate code ${code}`);
      continue;
    }
    if (basis !== 'crosswalk' && basis !== 'parent' && basis !== 'dropped') {
      err(files.plover, line, `code ${code}: basis "${basis}" is not crosswalk, parent or dropped`);
      continue;
    }
    if (basis === 'dropped') {
      if (type !== '-' || mode !== '-' || context !== '-') {
        err(files.plover, line, `code ${code}: a dropped code has "-" for type, mode and context`);
        continue;
      }
      plover.set(code, { mapping: null, basis, line });
      continue;
    }
    if (!PLOVER_TYPES.includes(type)) {
      err(files.plover, line, `code ${code}: unknown PLOVER type "${type}"`);
      continue;
    }
    const bad = [mode, context].find((f) => f !== '-' && !LOWER_FIELD.test(f));
    if (bad !== undefined) {
      err(
        files.plover,
        line,
        `code ${code}: "${bad}" is not "-" or lower-case words joined by ";"`,
      );
      continue;
    }
    plover.set(code, {
      mapping: {
        type,
        mode: mode === '-' ? null : mode,
        context: context === '-' ? null : context,
      },
      basis,
      line,
    });
  }
  for (const [code, row] of plover) {
    if (row.basis !== 'parent') continue;
    const parent = byCode.get(code)?.parent;
    const up = parent ? plover.get(parent) : undefined;
    if (!up?.mapping || JSON.stringify(up.mapping) !== JSON.stringify(row.mapping)) {
      err(
        files.plover,
        row.line,
        `code ${code}: basis "parent" but the row differs from its parent ${parent ?? '(none)'}`,
      );
    }
  }
  for (const code of byCode.keys()) {
    if (!plover.has(code)) err(files.plover, 0, `no crosswalk row for CAMEO code ${code}`);
  }
  if (problems.length > 0) return { table: null, problems };
  return { table: makeTable([...byCode.values()], plover), problems };
}

function makeTable(
  codes: CameoCode[],
  plover: Map<string, { mapping: PloverMapping | null; basis: PloverBasis }>,
): CameoTable {
  const frozen = Object.freeze(codes.map((c) => Object.freeze(c)));
  const index = new Map(frozen.map((c) => [c.code, c]));
  for (const row of plover.values()) if (row.mapping) Object.freeze(row.mapping);
  const must = (code: string): CameoCode => {
    const c = index.get(code);
    if (!c) throw new UnknownCameoCodeError(code);
    return c;
  };
  return Object.freeze({
    codes: frozen,
    has: (code: string) => index.has(code),
    get: (code: string) => index.get(code),
    root: (code: string) => must(code).root,
    name: (code: string) => must(code).name,
    goldstein: (code: string) => must(code).goldstein,
    quadClass: (code: string) => must(code).quadClass,
    plover: (code: string) => {
      must(code);
      return plover.get(code)!.mapping;
    },
    ploverBasis: (code: string) => {
      must(code);
      return plover.get(code)!.basis;
    },
  });
}

const cache = new Map<string, CameoTable>();

/**
 * Loads `codes.tsv` and `plover.tsv` from `dir` (default `dictionaries/cameo`). The tables
 * are immutable, so each directory is read once per process. Throws `EventDataError` with
 * every problem when the files do not validate, `EntenteError` when they cannot be read.
 */
export function loadCameoTable(dir: string = defaultCameoDir()): CameoTable {
  const key = path.resolve(dir);
  const hit = cache.get(key);
  if (hit) return hit;
  const codesPath = path.join(key, 'codes.tsv');
  const ploverPath = path.join(key, 'plover.tsv');
  let codesText: string;
  let ploverText: string;
  try {
    codesText = readFileSync(codesPath, 'utf8');
    ploverText = readFileSync(ploverPath, 'utf8');
  } catch (cause) {
    throw new EntenteError(`entente: cannot read the CAMEO tables in ${displayPath(key)}`, {
      cause,
    });
  }
  const { table, problems } = parseCameoTable(codesText, ploverText, {
    codes: displayPath(codesPath),
    plover: displayPath(ploverPath),
  });
  if (!table) throw new EventDataError('the CAMEO table', problems);
  cache.set(key, table);
  return table;
}
