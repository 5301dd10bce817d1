/**
 * `npm run bench:stages`: where the time of one document goes, stage by stage.
 *
 * Runs the coding pipeline on one thread over Reuters-21578 (or `--corpus F.gz`), calling
 * each stage exactly as `processDocument` does and measuring the CPU time it takes alone
 * (CPU, not wall time, so a busy machine disturbs the figures less). `--docs N` limits the
 * stories, `--runs N` repeats the pass and reports the median per stage. This is where to
 * look before optimising; `npm run bench` measures the whole ingest against a baseline.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveActorsWithNotes } from '../src/actors/resolve-actors.js';
import { cleanText } from '../src/clean/clean-text.js';
import { detectLanguage } from '../src/clean/language.js';
import { codeEvents } from '../src/events/coder.js';
import { attachCasualties, extractQuantities } from '../src/gkg/amounts.js';
import { locateEvents } from '../src/gkg/places-location.js';
import { findPlaces, focusCountries } from '../src/gkg/places.js';
import { findQuotations } from '../src/gkg/quotations.js';
import { assignThemes } from '../src/gkg/themes.js';
import { computeTone } from '../src/gkg/tone.js';
import { analyse } from '../src/nlp/analyse.js';
import { createContext } from '../src/pipeline/context.js';
import { median, readTexts } from './reuters-corpus.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const DEFAULT_CORPUS = resolve(REPO, '..', 'shared', 'corpus', 'reuters21578.jsonl.gz');

const STAGES = [
  'clean+language',
  'nlp',
  'actors',
  'events',
  'amounts',
  'places',
  'themes',
  'tone',
  'quotations',
] as const;
type Stage = (typeof STAGES)[number];

function option(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const corpusArg = args.indexOf('--corpus');
  const corpus = corpusArg >= 0 ? resolve(args[corpusArg + 1]!) : DEFAULT_CORPUS;
  if (!existsSync(corpus)) {
    console.error(`stages bench: corpus not found: ${corpus}`);
    process.exit(2);
  }
  const texts = (await readTexts(corpus)).slice(0, option(args, '--docs', 4000));
  const runs = option(args, '--runs', 3);
  const ctx = await createContext({ coding: true, knowledge: true });
  const seconds = new Map<Stage, number[]>(STAGES.map((s) => [s, []]));
  for (let run = 0; run < runs; run++) {
    const spent = new Map<Stage, number>(STAGES.map((s) => [s, 0]));
    const timed = <T>(stage: Stage, f: () => T): T => {
      const t0 = process.cpuUsage();
      const out = f();
      const d = process.cpuUsage(t0);
      spent.set(stage, spent.get(stage)! + (d.user + d.system) / 1000);
      return out;
    };
    for (const text of texts) {
      const blocks = timed('clean+language', () => cleanText(text, 0));
      timed('clean+language', () => detectLanguage(text, blocks));
      const { sentences, expressions, tokens } = timed('nlp', () =>
        analyse(ctx.nlp, text, blocks, { lemmas: true }),
      );
      const input = { text, date: '1987-03-01', sentences, tokens };
      const { entities } = timed('actors', () => resolveActorsWithNotes(ctx.actors, input));
      const coding = timed('events', () =>
        codeEvents(ctx.events, { ...input, entities, expressions }),
      );
      const quantities = timed('amounts', () => {
        const qs = extractQuantities(ctx.amounts, { ...input, expressions, entities });
        attachCasualties(coding, qs, text);
        return qs;
      });
      timed('places', () => {
        const places = findPlaces(ctx.places, { ...input, entities });
        locateEvents(coding, places, { text, sentences, words: ctx.places.data });
        focusCountries(ctx.places, places, entities);
      });
      timed('themes', () => assignThemes(ctx.themes, input));
      timed('tone', () => computeTone(ctx.themes, input));
      timed('quotations', () => findQuotations(ctx.quotations, { ...input, entities }));
      void quantities;
    }
    for (const s of STAGES) seconds.get(s)!.push(spent.get(s)! / 1000);
  }
  const rows = STAGES.map((s) => ({ stage: s, medianSeconds: median(seconds.get(s)!) }));
  const before = rows.slice(0, 4).reduce((a, r) => a + r.medianSeconds, 0);
  const knowledge = rows.slice(4).reduce((a, r) => a + r.medianSeconds, 0);
  console.log(`stages bench: ${texts.length} documents, ${runs} runs, one thread, CPU seconds`);
  for (const r of rows) {
    console.log(`  ${r.stage.padEnd(16)} ${r.medianSeconds.toFixed(3).padStart(8)} s`);
  }
  console.log(
    `  clean..events ${before.toFixed(2)} s, knowledge layer ${knowledge.toFixed(2)} s ` +
      `(+${((knowledge / before) * 100).toFixed(1)}%)`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
