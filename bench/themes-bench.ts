/**
 * Throughput of the knowledge stages alone: themes and tone over the Reuters-21578 stories.
 *
 *   npm run build && node dist/src/gkg/bench-themes.js [corpus.jsonl.gz] [--runs 3]
 *
 * Every story is cleaned and analysed first (timed once, for scale only); then `assignThemes`, `computeTone`
 * and `toneOfSentences` are timed over all of them, `--runs` times, and the medians are
 * printed as milliseconds per MB of article text (UTF-8) and documents per second. The
 * machine is shared, so single runs are noisy: compare medians from the same session.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanText } from '../src/clean/clean-text.js';
import { analyse, createNlp } from '../src/nlp/analyse.js';
import { assignThemes, createThemeContext, type ThemeInput } from '../src/gkg/themes.js';
import { computeTone, toneOfSentences } from '../src/gkg/tone.js';
import { median, readTexts } from './reuters-corpus.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = [resolve(HERE, '..', '..'), resolve(HERE, '..', '..', '..')].find((d) =>
  existsSync(resolve(d, 'package.json')),
);

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
  const corpus =
    args[0] ?? resolve(REPO ?? process.cwd(), '..', 'shared', 'corpus', 'reuters21578.jsonl.gz');
  if (!existsSync(corpus)) {
    console.error(`bench-themes: ${corpus} not found (pass a .jsonl.gz of {"text": ...} records)`);
    process.exitCode = 2;
    return;
  }
  const texts = await readTexts(corpus);
  const nlp = createNlp();
  const tLoad = performance.now();
  const ctx = createThemeContext();
  const loadMs = performance.now() - tLoad;
  // Cleaning and analysis are not part of the measure; their time is shown for scale.
  const tAnalyse = performance.now();
  const docs: ThemeInput[] = texts.map((text) => {
    const a = analyse(nlp, text, cleanText(text, 0));
    return { text, sentences: a.sentences, tokens: a.tokens };
  });
  const analyseMs = performance.now() - tAnalyse;
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0) / 1e6;
  const tokens = docs.reduce((n, d) => n + d.tokens.normal.length, 0);

  const themeMs: number[] = [];
  const toneMs: number[] = [];
  let themeCount = 0;
  for (let r = 0; r < runs; r++) {
    themeCount = 0;
    themeMs.push(
      time(() => {
        for (const d of docs) themeCount += assignThemes(ctx, d).length;
      }),
    );
    toneMs.push(
      time(() => {
        for (const d of docs) {
          computeTone(ctx, d);
          toneOfSentences(ctx, d);
        }
      }),
    );
  }
  const th = median(themeMs);
  const to = median(toneMs);
  const report = {
    documents: docs.length,
    megabytes: Number(mb.toFixed(2)),
    tokens,
    rules: ctx.rules.length,
    contextLoadMs: Number(loadMs.toFixed(1)),
    cleanAndAnalyseMsPerMB: Number((analyseMs / mb).toFixed(1)),
    runs,
    themes: { ms: Math.round(th), msPerMB: Number((th / mb).toFixed(1)), assigned: themeCount },
    tone: { ms: Math.round(to), msPerMB: Number((to / mb).toFixed(1)) },
    total: {
      msPerMB: Number(((th + to) / mb).toFixed(1)),
      documentsPerSecond: Math.round(docs.length / ((th + to) / 1000)),
    },
  };
  console.log(JSON.stringify(report, null, 2));
}

await main();
