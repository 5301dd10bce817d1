/**
 * Domestic targets (dictionaries/events/domestic-targets.tsv): acts that CAMEO codes as
 * aimed at the actor's own country when the sentence names no target. A protest with no
 * stated addressee is against the country's government ("Thousands of Nigerians
 * protested"); a curfew or an easing of restrictions imposed by a government falls on the
 * country's population ("Turkish authorities imposed a curfew").
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { dictionariesDir, displayPath } from './cameo-table.js';
import { EventDataError, type EventDataProblem } from './patterns-schema.js';

/** One rule: events whose code starts with `prefix`, from a source with one of `sectors`. */
export interface DomesticRule {
  readonly prefix: string;
  /** Sectors the source must carry (any 3-letter group after its country); null: any source. */
  readonly sectors: ReadonlySet<string> | null;
  /** Sector of the implied target; null for the country itself. */
  readonly target: string | null;
  readonly line: number;
}

export interface DomesticTargets {
  readonly rules: readonly DomesticRule[];
}

export const DOMESTIC_FILE = 'domestic-targets.tsv';
const HEADER = 'code\tsource\ttarget';
const CODE = /^\d{2,4}$/;
const SECTOR = /^[A-Z]{3}$/;

/** Parses the text of a domestic-targets file; `file` names it in problems. */
export function parseDomesticTargets(
  text: string,
  file: string,
): { domestic: DomesticTargets | null; problems: EventDataProblem[] } {
  const problems: EventDataProblem[] = [];
  const err = (line: number, message: string) =>
    problems.push({ file, line, message, severity: 'error' });
  const rules: DomesticRule[] = [];
  const seen = new Map<string, number>();
  let header = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    if (!header) {
      header = true;
      if (raw !== HEADER) err(line, `expected the header "code<TAB>source<TAB>target"`);
      return;
    }
    const cols = raw.split('\t');
    if (cols.length !== 3) {
      err(line, `expected 3 tab-separated columns, found ${cols.length}`);
      return;
    }
    const [prefix, source, target] = cols as [string, string, string];
    if (!CODE.test(prefix)) err(line, `code "${prefix}" is not a CAMEO code or root (2-4 digits)`);
    let sectors: Set<string> | null = null;
    if (source !== '*') {
      sectors = new Set(source.split('|'));
      for (const s of sectors) {
        if (!SECTOR.test(s)) err(line, `source sector "${s}" is not 3 capital letters (or *)`);
      }
    }
    if (target !== '-' && !SECTOR.test(target)) {
      err(line, `target "${target}" is not a 3-letter sector or -`);
    }
    const prev = seen.get(prefix);
    if (prev !== undefined) err(line, `code ${prefix} is already given on line ${prev}`);
    else seen.set(prefix, line);
    rules.push({ prefix, sectors, target: target === '-' ? null : target, line });
  });
  if (!header) err(0, 'the file is empty');
  if (problems.length > 0) return { domestic: null, problems };
  // Longest prefix first, so "1724" overrides "17".
  rules.sort((a, b) => b.prefix.length - a.prefix.length || a.line - b.line);
  return { domestic: Object.freeze({ rules }), problems };
}

/** Loads the domestic targets from `dir` (default `dictionaries/events`); throws `EventDataError`. */
export function loadDomesticTargets(
  dir: string = path.join(dictionariesDir(), 'events'),
): DomesticTargets {
  const full = path.join(dir, DOMESTIC_FILE);
  const file = displayPath(full);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (cause) {
    throw new EventDataError('the domestic targets', [
      { file, line: 0, message: `cannot read: ${(cause as Error).message}`, severity: 'error' },
    ]);
  }
  const { domestic, problems } = parseDomesticTargets(text, file);
  if (domestic === null) throw new EventDataError('the domestic targets', problems);
  return domestic;
}

/**
 * The implied target code for an event `code` whose source is `source` (a coded actor of
 * `country`), or null when no rule applies or the source has no country.
 */
export function domesticTarget(
  d: DomesticTargets,
  code: string,
  source: string,
  country: string | null,
): { code: string; rule: DomesticRule } | null {
  if (country === null || !source.startsWith(country)) return null;
  const sectors: string[] = [];
  for (let k = country.length; k + 3 <= source.length; k += 3) sectors.push(source.slice(k, k + 3));
  for (const rule of d.rules) {
    if (!code.startsWith(rule.prefix)) continue;
    if (rule.sectors !== null && !sectors.some((s) => rule.sectors!.has(s))) return null;
    const target = `${country}${rule.target ?? ''}`;
    return target === source ? null : { code: target, rule };
  }
  return null;
}
