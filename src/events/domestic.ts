/**
 * Domestic targets (dictionaries/events/domestic-targets.tsv): acts that CAMEO codes as
 * aimed at the actor's own country when the sentence names no target. A protest with no
 * stated addressee is against the country's government ("Thousands of Nigerians
 * protested"); a curfew or an easing of restrictions imposed by a government falls on the
 * country's population ("Turkish authorities imposed a curfew").
 */
import { loadCodeTable, parseCodeTable, SECTOR, type CodeRule } from './code-table.js';
import type { EventDataProblem } from './patterns-schema.js';

/** One rule: events whose code starts with `prefix`, from a source with one of `sectors`. */
export interface DomesticRule extends CodeRule {
  /** Sectors the source must carry (any 3-letter group after its country); null: any source. */
  readonly sectors: ReadonlySet<string> | null;
  /** Sector of the implied target; null for the country itself. */
  readonly target: string | null;
}

export interface DomesticTargets {
  readonly rules: readonly DomesticRule[];
}

export const DOMESTIC_FILE = 'domestic-targets.tsv';

/** Parses the text of a domestic-targets file; `file` names it in problems. */
export function parseDomesticTargets(
  text: string,
  file: string,
): { domestic: DomesticTargets | null; problems: EventDataProblem[] } {
  const { rules, problems } = parseCodeTable<DomesticRule>(
    text,
    file,
    ['code', 'source', 'target'],
    ([source, target], err) => {
      let sectors: Set<string> | null = null;
      if (source !== '*') {
        sectors = new Set(source!.split('|'));
        for (const s of sectors) {
          if (!SECTOR.test(s)) err(`source sector "${s}" is not 3 capital letters (or *)`);
        }
      }
      if (target !== '-' && !SECTOR.test(target!)) {
        err(`target "${target}" is not a 3-letter sector or -`);
      }
      return { sectors, target: target === '-' ? null : target! };
    },
  );
  return { domestic: rules === null ? null : Object.freeze({ rules }), problems };
}

/** Loads the domestic targets from `dir` (default `dictionaries/events`); throws `EventDataError`. */
export function loadDomesticTargets(dir?: string): DomesticTargets {
  return loadCodeTable(
    DOMESTIC_FILE,
    'the domestic targets',
    (text, file) => {
      const { domestic, problems } = parseDomesticTargets(text, file);
      return { rules: domestic, problems };
    },
    dir,
  );
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
