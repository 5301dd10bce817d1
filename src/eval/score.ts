import type { GoldEvent, GoldSentence, PredictedEvent } from './gold.js';

/**
 * Scoring as `../shared/eval/README.md` defines it. Per sentence, predicted events are
 * matched one to one with gold events at each level; counts are summed over the file.
 */

export type Level = 'countryRoot' | 'full' | 'countryPlover';

export const LEVELS: readonly Level[] = ['countryRoot', 'full', 'countryPlover'];

/** What each level compares. */
export const LEVEL_DESCRIPTIONS: Readonly<Record<Level, string>> = {
  countryRoot: '(source country, target country, CAMEO root)',
  full: '(full source code, full target code, full CAMEO code)',
  countryPlover: '(source country, target country, PLOVER type)',
};

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface LevelScore extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface SentenceResult {
  readonly id: string;
  readonly text: string;
  readonly gold: readonly GoldEvent[];
  readonly predicted: readonly PredictedEvent[];
  readonly errors: number;
}

export interface FileScore {
  readonly file: string;
  readonly sentences: number;
  readonly goldEvents: number;
  readonly predictedEvents: number;
  readonly levels: Readonly<Record<Level, LevelScore>>;
  /** Share of `noevents` sentences with no predicted event (null when the file has none). */
  readonly noEventAccuracy: number | null;
  readonly noEventSentences: number;
  /** gold root → predicted root → count; `--` is "no event". */
  readonly rootConfusion: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly worst: readonly SentenceResult[];
}

const country = (code: string) => code.slice(0, 3);
const root = (code: string) => code.slice(0, 2);

/** Whether predicted event `p` matches gold event `g` at `level`. */
export function matches(level: Level, g: GoldEvent, p: PredictedEvent): boolean {
  // Where gold leaves the target empty, any predicted target matches on that side.
  const targetOk = (a: string, b: string) => g.target === '' || a === b;
  switch (level) {
    case 'countryRoot':
      return (
        g.code !== undefined &&
        country(g.source) === country(p.source) &&
        targetOk(country(g.target), country(p.target)) &&
        root(g.code) === root(p.code)
      );
    case 'full':
      return (
        g.code !== undefined &&
        g.source === p.source &&
        targetOk(g.target, p.target) &&
        g.code === p.code
      );
    case 'countryPlover':
      return (
        g.plover !== undefined &&
        p.plover !== null &&
        country(g.source) === country(p.source) &&
        targetOk(country(g.target), country(p.target)) &&
        g.plover === p.plover
      );
  }
}

/** Gold events that take part in a level: CAMEO levels need a code, PLOVER needs a type. */
function scoredAt(level: Level, g: GoldEvent): boolean {
  return level === 'countryPlover' ? g.plover !== undefined : g.code !== undefined;
}

/**
 * One-to-one matching by augmenting paths (gold and predicted lists are tiny, so this is
 * cheap), which beats greedy matching when one prediction could serve two gold events.
 */
export function countMatches(
  level: Level,
  gold: readonly GoldEvent[],
  predicted: readonly PredictedEvent[],
): Counts {
  const golds = gold.filter((g) => scoredAt(level, g));
  // A sentence whose gold carries only PLOVER types is scored at the PLOVER level only.
  const sentenceScored =
    level === 'countryPlover' || gold.length === 0 || gold.some((g) => g.code !== undefined);
  if (!sentenceScored) return { tp: 0, fp: 0, fn: 0 };
  const owner = new Array<number>(predicted.length).fill(-1);
  const tryAssign = (gi: number, seen: boolean[]): boolean => {
    for (let pi = 0; pi < predicted.length; pi++) {
      if (seen[pi] || !matches(level, golds[gi]!, predicted[pi]!)) continue;
      seen[pi] = true;
      if (owner[pi] === -1 || tryAssign(owner[pi]!, seen)) {
        owner[pi] = gi;
        return true;
      }
    }
    return false;
  };
  let tp = 0;
  for (let gi = 0; gi < golds.length; gi++) {
    if (tryAssign(gi, new Array<boolean>(predicted.length).fill(false))) tp++;
  }
  return { tp, fp: predicted.length - tp, fn: golds.length - tp };
}

export function toScore(c: Counts): LevelScore {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision: round(precision), recall: round(recall), f1: round(f1) };
}

export function scoreFile(
  file: string,
  results: readonly { gold: GoldSentence; predicted: readonly PredictedEvent[] }[],
  worstCount = 20,
): FileScore {
  const totals: Record<Level, Counts> = {
    countryRoot: { tp: 0, fp: 0, fn: 0 },
    full: { tp: 0, fp: 0, fn: 0 },
    countryPlover: { tp: 0, fp: 0, fn: 0 },
  };
  const confusion: Record<string, Record<string, number>> = {};
  const bump = (g: string, p: string) => {
    const row = (confusion[g] ??= {});
    row[p] = (row[p] ?? 0) + 1;
  };
  let noEventSentences = 0;
  let noEventCorrect = 0;
  let goldEvents = 0;
  let predictedEvents = 0;
  const sentenceResults: SentenceResult[] = [];

  for (const { gold, predicted } of results) {
    goldEvents += gold.events.length;
    predictedEvents += predicted.length;
    for (const level of LEVELS) {
      const c = countMatches(level, gold.events, predicted);
      totals[level].tp += c.tp;
      totals[level].fp += c.fp;
      totals[level].fn += c.fn;
    }
    if (gold.noevents) {
      noEventSentences++;
      if (predicted.length === 0) noEventCorrect++;
    }
    // Root confusion: pair each gold event with a prediction for the same countries.
    const used = new Set<number>();
    for (const g of gold.events) {
      if (g.code === undefined) continue;
      const i = predicted.findIndex(
        (p, k) =>
          !used.has(k) &&
          country(p.source) === country(g.source) &&
          (g.target === '' || country(p.target) === country(g.target)),
      );
      if (i >= 0) {
        used.add(i);
        bump(root(g.code), root(predicted[i]!.code));
      } else bump(root(g.code), '--');
    }
    predicted.forEach((p, k) => {
      if (!used.has(k)) bump('--', root(p.code));
    });
    const c = countMatches('countryRoot', gold.events, predicted);
    sentenceResults.push({
      id: gold.id,
      text: gold.text,
      gold: gold.events,
      predicted,
      errors: c.fp + c.fn,
    });
  }

  const worst = sentenceResults
    .filter((s) => s.errors > 0)
    .sort((a, b) => b.errors - a.errors || a.id.localeCompare(b.id))
    .slice(0, worstCount);
  return {
    file,
    sentences: results.length,
    goldEvents,
    predictedEvents,
    levels: {
      countryRoot: toScore(totals.countryRoot),
      full: toScore(totals.full),
      countryPlover: toScore(totals.countryPlover),
    },
    noEventAccuracy: noEventSentences === 0 ? null : round(noEventCorrect / noEventSentences),
    noEventSentences,
    rootConfusion: confusion,
    worst,
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
