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
import { loadCodeTable, parseCodeTable, SECTOR, type CodeRule } from './code-table.js';
import type { EventDataProblem } from './patterns-schema.js';

/** One rule: agentless passive events whose code starts with `prefix` come from `sector`. */
export interface DomesticSourceRule extends CodeRule {
  /** Sector of the implied source; null for the country itself. */
  readonly sector: string | null;
}

export interface DomesticSources {
  readonly rules: readonly DomesticSourceRule[];
}

export const DOMESTIC_SOURCES_FILE = 'domestic-sources.tsv';

/** Parses the text of a domestic-sources file; `file` names it in problems. */
export function parseDomesticSources(
  text: string,
  file: string,
): { sources: DomesticSources | null; problems: EventDataProblem[] } {
  const { rules, problems } = parseCodeTable<DomesticSourceRule>(
    text,
    file,
    ['code', 'source'],
    ([sector], err) => {
      if (sector !== '-' && !SECTOR.test(sector!)) {
        err(`source "${sector}" is not a 3-letter sector or -`);
      }
      return { sector: sector === '-' ? null : sector! };
    },
  );
  return { sources: rules === null ? null : Object.freeze({ rules }), problems };
}

/** Loads the domestic sources from `dir` (default `dictionaries/events`); throws `EventDataError`. */
export function loadDomesticSources(dir?: string): DomesticSources {
  return loadCodeTable(
    DOMESTIC_SOURCES_FILE,
    'the domestic sources',
    (text, file) => {
      const { sources, problems } = parseDomesticSources(text, file);
      return { rules: sources, problems };
    },
    dir,
  );
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
