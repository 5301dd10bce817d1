/**
 * Small tab-separated tables keyed by a CAMEO code or root in their first column
 * (dictionaries/events/domestic-targets.tsv, domestic-sources.tsv): the header, column
 * count, code syntax and duplicates are checked here; each table checks its own cells.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { dictionariesDir, displayPath } from './cameo-table.js';
import { EventDataError, type EventDataProblem } from './patterns-schema.js';

/** What every rule of such a table has: the code prefix it covers and its line. */
export interface CodeRule {
  readonly prefix: string;
  readonly line: number;
}

const CODE = /^\d{2,4}$/;
export const SECTOR = /^[A-Z]{3}$/;

/**
 * Parses `text` (named `file` in problems). `header` lists the columns, the code first;
 * `cells` turns the other columns of a row into the rest of its rule, reporting bad cells
 * with `err`. Rules come back longest prefix first, so "1724" overrides "17"; null when
 * anything was wrong.
 */
export function parseCodeTable<R extends CodeRule>(
  text: string,
  file: string,
  header: readonly string[],
  cells: (rest: readonly string[], err: (message: string) => void) => Omit<R, keyof CodeRule>,
): { rules: R[] | null; problems: EventDataProblem[] } {
  const problems: EventDataProblem[] = [];
  const err = (line: number, message: string) =>
    problems.push({ file, line, message, severity: 'error' });
  const rules: R[] = [];
  const seen = new Map<string, number>();
  let headerSeen = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    if (!headerSeen) {
      headerSeen = true;
      if (raw !== header.join('\t')) err(line, `expected the header "${header.join('<TAB>')}"`);
      return;
    }
    const cols = raw.split('\t');
    if (cols.length !== header.length) {
      err(line, `expected ${header.length} tab-separated columns, found ${cols.length}`);
      return;
    }
    const [prefix, ...rest] = cols as [string, ...string[]];
    if (!CODE.test(prefix)) err(line, `code "${prefix}" is not a CAMEO code or root (2-4 digits)`);
    const rule = cells(rest, (message) => err(line, message));
    const prev = seen.get(prefix);
    if (prev !== undefined) err(line, `code ${prefix} is already given on line ${prev}`);
    else seen.set(prefix, line);
    rules.push({ ...rule, prefix, line } as R);
  });
  if (!headerSeen) err(0, 'the file is empty');
  if (problems.length > 0) return { rules: null, problems };
  rules.sort((a, b) => b.prefix.length - a.prefix.length || a.line - b.line);
  return { rules, problems };
}

/**
 * Reads `name` from `dir` (default `dictionaries/events`) and parses it with `parse`;
 * throws `EventDataError` naming `what` when it cannot be read or is wrong.
 */
export function loadCodeTable<T>(
  name: string,
  what: string,
  parse: (text: string, file: string) => { rules: T | null; problems: EventDataProblem[] },
  dir: string = path.join(dictionariesDir(), 'events'),
): T {
  const full = path.join(dir, name);
  const file = displayPath(full);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (cause) {
    throw new EventDataError(what, [
      { file, line: 0, message: `cannot read: ${(cause as Error).message}`, severity: 'error' },
    ]);
  }
  const { rules, problems } = parse(text, file);
  if (rules === null) throw new EventDataError(what, problems);
  return rules;
}
