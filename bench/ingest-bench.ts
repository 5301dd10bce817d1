/**
 * `npm run bench`: ingests the Reuters-21578 corpus and compares the pipeline with bare
 * wink-nlp on the same texts.
 *
 * Each measurement runs in its own child process so that peak memory (maxRSS) belongs to
 * one job. Runs alternate (wink, pipeline, wink, pipeline, ...) so machine noise hits both
 * sides alike; the report gives medians and the ratio of medians measured in this run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const DEFAULT_CORPUS = resolve(REPO, '..', 'shared', 'corpus', 'reuters21578.jsonl.gz');

interface Result {
  job: 'wink' | 'pipeline';
  documents: number;
  tokens: number;
  bytes: number;
  seconds: number;
  maxRssMB: number;
}

async function readTexts(corpus: string): Promise<string[]> {
  const texts: string[] = [];
  const lines = createInterface({
    input: createReadStream(corpus).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { text?: unknown };
    if (typeof rec.text === 'string' && rec.text.trim()) texts.push(rec.text);
  }
  return texts;
}

/** Bare wink-nlp: sentences, tokens and part of speech, nothing else. Texts are loaded before timing. */
async function runWink(corpus: string): Promise<Result> {
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  const texts = await readTexts(corpus);
  let tokens = 0;
  let bytes = 0;
  const t0 = performance.now();
  for (const text of texts) {
    const doc = nlp.readDoc(text);
    doc.sentences().out(its.span);
    const values = doc.tokens().out(its.value);
    doc.tokens().out(its.pos);
    doc.tokens().out(its.precedingSpaces);
    tokens += values.length;
    bytes += Buffer.byteLength(text);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { job: 'wink', documents: texts.length, tokens, bytes, seconds, maxRssMB: maxRss() };
}

/** The whole ingest: read .gz, parse, clean, dedup, NLP, write to a fresh DuckDB file. */
async function runPipeline(corpus: string): Promise<Result> {
  const { ingest } = await import('../src/pipeline/ingest.js');
  const { createContext } = await import('../src/pipeline/context.js');
  const { openStore } = await import('../src/cli/open-store.js');
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-'));
  try {
    const store = await openStore(join(dir, 'bench.duckdb'));
    const context = createContext();
    const t0 = performance.now();
    const summary = await ingest([corpus], { store, context });
    const seconds = (performance.now() - t0) / 1000;
    await store.close();
    return {
      job: 'pipeline',
      documents: summary.read,
      tokens: 0,
      bytes: summary.bytes,
      seconds,
      maxRssMB: maxRss(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function maxRss(): number {
  // resourceUsage().maxRSS is in kilobytes.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const worker = args[args.indexOf('--worker') + 1];
  const corpusArg = args.indexOf('--corpus');
  const corpus = corpusArg >= 0 ? resolve(args[corpusArg + 1]!) : DEFAULT_CORPUS;
  if (args.includes('--worker')) {
    const result = worker === 'wink' ? await runWink(corpus) : await runPipeline(corpus);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  if (!existsSync(corpus)) {
    process.stdout.write(`bench: skipped, corpus not found at ${corpus} (pass --corpus FILE)\n`);
    return;
  }
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 3;
  const results: Result[] = [];
  for (let i = 0; i < runs; i++) {
    for (const job of ['wink', 'pipeline'] as const) {
      const out = execFileSync(
        process.execPath,
        [fileURLToPath(import.meta.url), '--worker', job, '--corpus', corpus],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        },
      );
      const r = JSON.parse(out.trim().split('\n').pop()!) as Result;
      results.push(r);
      process.stderr.write(
        `run ${i + 1}/${runs} ${job}: ${r.documents} docs in ${r.seconds.toFixed(2)} s, peak ${r.maxRssMB} MB\n`,
      );
    }
  }
  const wink = results.filter((r) => r.job === 'wink');
  const pipe = results.filter((r) => r.job === 'pipeline');
  const winkDps = median(wink.map((r) => r.documents / r.seconds));
  const pipeDps = median(pipe.map((r) => r.documents / r.seconds));
  const report = {
    corpus,
    runs,
    documents: pipe[0]!.documents,
    megabytes: Math.round((pipe[0]!.bytes / 1e6) * 10) / 10,
    pipeline: {
      documentsPerSecond: Math.round(pipeDps),
      megabytesPerSecond:
        Math.round(median(pipe.map((r) => r.bytes / 1e6 / r.seconds)) * 100) / 100,
      medianSeconds: Math.round(median(pipe.map((r) => r.seconds)) * 100) / 100,
      peakMemoryMB: Math.max(...pipe.map((r) => r.maxRssMB)),
    },
    bareWink: {
      documentsPerSecond: Math.round(winkDps),
      tokensPerSecond: Math.round(median(wink.map((r) => r.tokens / r.seconds))),
      medianSeconds: Math.round(median(wink.map((r) => r.seconds)) * 100) / 100,
      peakMemoryMB: Math.max(...wink.map((r) => r.maxRssMB)),
    },
    pipelineVsBareWink: Math.round((pipeDps / winkDps) * 1000) / 1000,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

await main();
