/**
 * Domestic sources (dictionaries/events/domestic-sources.tsv): acts of the state that CAMEO
 * codes even when a passive sentence names no agent. "Five activists were arrested in
 * Minsk" is an arrest by Belarus's police (`BLRCOP → BLROPP`); "the party was banned" a ban
 * by its government. The implied source is the country where the act happened, else the
 * target's own country, with the rule's sector.
 *
 * @example
 * const d = loadDomesticSources();
 * domesticSource(d, '173', 'BLR')?.code; // 'BLRCOP'
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { dictionariesDir, displayPath } from './cameo-table.js';
import { EventDataError, type EventDataProblem } from './patterns-schema.js';

/** One rule: agentless passive events whose code starts with `prefix` come from `sector`. */
export interface DomesticSourceRule {
  readonly prefix: string;
  /** Sector of the implied source; null for the country itself. */
  readonly sector: string | null;
  readonly line: number;
}

export interface DomesticSources {
  readonly rules: readonly DomesticSourceRule[];
}

export const DOMESTIC_SOURCES_FILE = 'domestic-sources.tsv';
const HEADER = 'code\tsource';
const CODE = /^\d{2,4}$/;
const SECTOR = /^[A-Z]{3}$/;

/** Parses the text of a domestic-sources file; `file` names it in problems. */
export function parseDomesticSources(
  text: string,
  file: string,
): { sources: DomesticSources | null; problems: EventDataProblem[] } {
  const problems: EventDataProblem[] = [];
  const err = (line: number, message: string) =>
    problems.push({ file, line, message, severity: 'error' });
  const rules: DomesticSourceRule[] = [];
  const seen = new Map<string, number>();
  let header = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    if (!header) {
      header = true;
      if (raw !== HEADER) err(line, `expected the header "code<TAB>source"`);
      return;
    }
    const cols = raw.split('\t');
    if (cols.length !== 2) {
      err(line, `expected 2 tab-separated columns, found ${cols.length}`);
      return;
    }
    const [prefix, sector] = cols as [string, string];
    if (!CODE.test(prefix)) err(line, `code "${prefix}" is not a CAMEO code or root (2-4 digits)`);
    if (sector !== '-' && !SECTOR.test(sector)) {
      err(line, `source "${sector}" is not a 3-letter sector or -`);
    }
    const prev = seen.get(prefix);
    if (prev !== undefined) err(line, `code ${prefix} is already given on line ${prev}`);
    else seen.set(prefix, line);
    rules.push({ prefix, sector: sector === '-' ? null : sector, line });
  });
  if (!header) err(0, 'the file is empty');
  if (problems.length > 0) return { sources: null, problems };
  // Longest prefix first, so "1724" overrides "17".
  rules.sort((a, b) => b.prefix.length - a.prefix.length || a.line - b.line);
  return { sources: Object.freeze({ rules }), problems };
}

/** Loads the domestic sources from `dir` (default `dictionaries/events`); throws `EventDataError`. */
export function loadDomesticSources(
  dir: string = path.join(dictionariesDir(), 'events'),
): DomesticSources {
  const full = path.join(dir, DOMESTIC_SOURCES_FILE);
  const file = displayPath(full);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (cause) {
    throw new EventDataError('the domestic sources', [
      { file, line: 0, message: `cannot read: ${(cause as Error).message}`, severity: 'error' },
    ]);
  }
  const { sources, problems } = parseDomesticSources(text, file);
  if (sources === null) throw new EventDataError('the domestic sources', problems);
  return sources;
}

/**
 * The implied source code of an agentless event `code` that happened in (or befell an actor
 * of) `country`, or null when no rule covers the code.
 */
export function domesticSource(
  d: DomesticSources,
  code: string,
  country: string,
): { code: string; rule: DomesticSourceRule } | null {
  for (const rule of d.rules) {
    if (code.startsWith(rule.prefix)) return { code: `${country}${rule.sector ?? ''}`, rule };
  }
  return null;
}
