/**
 * Validates the event-coding data (dictionaries/cameo and dictionaries/events) and prints
 * its coverage: patterns, frames, CAMEO codes covered per root, roots covered.
 *
 *   node dist/scripts/events-check.js [--dir DIR] [--cameo DIR] [--no-lemmas] [--quiet]
 *
 * Every problem is printed as `file:line: message` on stderr (warnings marked). Exits 1
 * when there is any error, 2 on a usage error. Unless `--no-lemmas`, every pattern word is
 * also run through wink-nlp: a word that is not in the lemma form wink gives is reported
 * as a warning, since the matcher would never see it.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { defaultCameoDir, loadCameoTable } from '../src/events/cameo-table.js';
import {
  compilePatterns,
  coverage,
  defaultEventsDir,
  lemmaWarnings,
  validatePatterns,
} from '../src/events/load-patterns.js';
import {
  EventDataError,
  formatProblem,
  type EventDataProblem,
} from '../src/events/patterns-schema.js';

/**
 * Where the script writes; injectable so tests can run it without touching the process.
 *
 * @example
 * const code = await runEventsCheck(['--no-lemmas'], { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
 */
export interface EventsCheckIo {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = 'usage: events-check [--dir DIR] [--cameo DIR] [--no-lemmas] [--quiet]\n';

/**
 * Lemmas wink-nlp gives a lone word in a verb and a noun context ("they will WORD it",
 * "the WORD of it"), so a noun lemma that only reads as a verb (and the reverse) passes.
 */
export function winkLemmatizer(): (word: string) => string[] {
  // Its own small instance (no ner): the check needs lemmas only, not the pipeline's setup.
  const wink = winkNLP(model, ['sbd', 'pos']);
  const its = wink.its;
  return (word) => {
    const lemmas = new Set<string>();
    for (const [sentence, at] of [
      [`they will ${word} it`, 2],
      [`the ${word} of it`, 1],
      [word, 0],
    ] as const) {
      // wink's typings give `its.lemma` the addon-taking signature; it is an ordinary its function.
      const out = wink
        .readDoc(sentence)
        .tokens()
        .out(its.lemma as unknown as typeof its.pos);
      const lemma = out[at];
      if (lemma !== undefined) lemmas.add(String(lemma));
    }
    return [...lemmas];
  };
}

/** Runs the check with command-line `args`; returns the process exit code. */
export async function runEventsCheck(args: readonly string[], io: EventsCheckIo): Promise<number> {
  let dir = defaultEventsDir();
  let cameoDir = defaultCameoDir();
  let lemmas = true;
  let quiet = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if ((arg === '--dir' || arg === '--cameo') && args[i + 1] !== undefined) {
      const value = path.resolve(args[++i]!);
      if (arg === '--dir') dir = value;
      else cameoDir = value;
    } else if (arg === '--no-lemmas') lemmas = false;
    else if (arg === '--quiet') quiet = true;
    else if (arg === '--help' || arg === '-h') {
      io.out(USAGE);
      return 0;
    } else {
      io.err(`entente: events-check: unknown argument "${arg}"\n${USAGE}`);
      return 2;
    }
  }
  const print = (p: EventDataProblem): void => io.err(`${formatProblem(p)}\n`);
  let table;
  try {
    table = loadCameoTable(cameoDir);
  } catch (e) {
    if (e instanceof EventDataError) e.problems.forEach(print);
    else io.err(`${(e as Error).message}\n`);
    io.out('events: the CAMEO table has errors; patterns not checked\n');
    return 1;
  }
  let validation;
  try {
    validation = validatePatterns(dir, { table });
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return 1;
  }
  validation.warnings.forEach(print);
  validation.errors.forEach(print);
  if (validation.errors.length > 0) {
    io.out(
      `events: ${validation.errors.length} errors, ${validation.warnings.length} warnings in ${validation.files.length} files\n`,
    );
    return 1;
  }
  const compiled = compilePatterns(validation, table);
  const extra = lemmas ? lemmaWarnings(compiled, winkLemmatizer()) : [];
  extra.forEach(print);
  const cov = coverage(compiled);
  if (!quiet) {
    for (const r of cov.roots) {
      const via = r.viaFrames.length > 0 ? `; through frames ${r.viaFrames.join(' ')}` : '';
      io.out(
        `${r.root} ${r.name}: ${r.patterns} patterns, ${r.codes.length}/${r.total} codes ${r.codes.join(' ')}${via}\n`,
      );
    }
  }
  const reachable = cov.codes.length + cov.viaFrames.length;
  const eventCodes = table.codes.filter((c) => c.code.length > 2).length;
  io.out(
    `events: ${cov.patterns} patterns and ${cov.frames} frames in ${validation.files.length} files; ` +
      `${cov.codes.length} of ${eventCodes} CAMEO codes coded directly (${reachable} with frames), ` +
      `${cov.rootsCovered}/20 roots; 0 errors, ${validation.warnings.length + extra.length} warnings\n`,
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runEventsCheck(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`entente: events-check: ${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
