import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { EntenteError } from '../core/errors.js';
import { LEVELS, type FileScore } from './score.js';

/**
 * Recorded accuracy per gold file. CI fails when any F1 (or the no-event accuracy) falls
 * more than `TOLERANCE` below its recorded figure; raise the figures as accuracy improves
 * (`entente eval ... --write-baseline eval/baseline.json`).
 */
export const TOLERANCE = 0.02;

const figures = z.object({
  countryRoot: z.number(),
  full: z.number(),
  countryPlover: z.number(),
  noEventAccuracy: z.number().nullable(),
});
const baselineFile = z.record(z.string(), figures);
export type Baseline = z.infer<typeof baselineFile>;

export function readBaseline(path: string): Baseline {
  try {
    return baselineFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (err) {
    throw new EntenteError(`baseline ${path}: ${(err as Error).message.split('\n')[0]}`);
  }
}

export function writeBaseline(path: string, scores: readonly FileScore[]): void {
  const out: Baseline = {};
  for (const s of scores) {
    out[basename(s.file)] = {
      countryRoot: s.levels.countryRoot.f1,
      full: s.levels.full.f1,
      countryPlover: s.levels.countryPlover.f1,
      noEventAccuracy: s.noEventAccuracy,
    };
  }
  writeFileSync(path, `${JSON.stringify(out, null, 2)}\n`);
}

/** One line per figure that fell more than the tolerance below the baseline. */
export function regressions(baseline: Baseline, scores: readonly FileScore[]): string[] {
  const out: string[] = [];
  for (const s of scores) {
    const b = baseline[basename(s.file)];
    if (!b) continue;
    for (const level of LEVELS) {
      const now = s.levels[level].f1;
      if (now < b[level] - TOLERANCE)
        out.push(`${basename(s.file)} ${level} F1 ${now} < baseline ${b[level]} - ${TOLERANCE}`);
    }
    if (
      b.noEventAccuracy !== null &&
      s.noEventAccuracy !== null &&
      s.noEventAccuracy < b.noEventAccuracy - TOLERANCE
    ) {
      out.push(
        `${basename(s.file)} no-event accuracy ${s.noEventAccuracy} < baseline ${b.noEventAccuracy} - ${TOLERANCE}`,
      );
    }
  }
  return out;
}
