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
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultWorkerCount } from '../src/pipeline/pipeline-pool.js';
import { median, readTexts } from './reuters-corpus.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const DEFAULT_CORPUS = resolve(REPO, '..', 'shared', 'corpus', 'reuters21578.jsonl.gz');

/**
 * - `wink`: bare wink-nlp, the baseline.
 * - `foundation`: `ingest --no-code` with the default worker pool.
 * - `foundation-1`: the same on the main thread only (what one core does).
 * - `events`: ingest with actors and events, without the knowledge layer.
 * - `coding`: the whole pipeline (events plus amounts, themes, tone, places, quotations).
 */
type Job = 'wink' | 'foundation' | 'foundation-1' | 'events' | 'coding';
type PipelineJob = Exclude<Job, 'wink'>;

interface Result {
  job: Job;
  documents: number;
  tokens: number;
  bytes: number;
  seconds: number;
  /** CPU time of the whole process (every thread: workers, GC, DuckDB), user + system. */
  cpuSeconds: number;
  maxRssMB: number;
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
  const c0 = process.cpuUsage();
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
  const cpuSeconds = cpuSince(c0);
  return {
    job: 'wink',
    documents: texts.length,
    tokens,
    bytes,
    seconds,
    cpuSeconds,
    maxRssMB: maxRss(),
  };
}

/**
 * The whole ingest into a fresh DuckDB file: read .gz, parse, clean, language, dedup, NLP
 * and write (`foundation`, i.e. `ingest --no-code`), plus actors and events (`coding`).
 */
async function runPipeline(corpus: string, job: PipelineJob): Promise<Result> {
  const { ingest } = await import('../src/pipeline/ingest.js');
  const { createContext } = await import('../src/pipeline/context.js');
  const { PipelinePool, defaultWorkerCount } = await import('../src/pipeline/pipeline-pool.js');
  const { inThread } = await import('../src/pipeline/processor.js');
  const { openStore } = await import('../src/cli/open-store.js');
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-'));
  try {
    const store = await openStore(join(dir, 'bench.duckdb'));
    const options = {
      coding: job === 'events' || job === 'coding',
      knowledge: job === 'coding',
    };
    // Models and data load before timing starts, as for bare wink.
    const processor =
      job === 'foundation-1'
        ? inThread(await createContext(options))
        : await PipelinePool.start(defaultWorkerCount(), options);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const summary = await ingest([corpus], { store, processor });
    const seconds = (performance.now() - t0) / 1000;
    const cpuSeconds = cpuSince(c0);
    await processor.close();
    await store.close();
    return {
      job,
      documents: summary.read,
      tokens: 0,
      bytes: summary.bytes,
      seconds,
      cpuSeconds,
      maxRssMB: maxRss(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU seconds (user + system, all threads of the process) since `from`. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
}

function maxRss(): number {
  // resourceUsage().maxRSS is in kilobytes.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function summarise(rs: readonly Result[]) {
  return {
    documentsPerSecond: Math.round(median(rs.map((r) => r.documents / r.seconds))),
    megabytesPerSecond: Math.round(median(rs.map((r) => r.bytes / 1e6 / r.seconds)) * 100) / 100,
    medianSeconds: Math.round(median(rs.map((r) => r.seconds)) * 100) / 100,
    medianCpuSeconds: Math.round(median(rs.map((r) => r.cpuSeconds)) * 100) / 100,
    peakMemoryMB: Math.max(...rs.map((r) => r.maxRssMB)),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const corpusArg = args.indexOf('--corpus');
  const corpus = corpusArg >= 0 ? resolve(args[corpusArg + 1]!) : DEFAULT_CORPUS;
  if (args.includes('--worker')) {
    const worker = args[args.indexOf('--worker') + 1] as Job;
    const result = worker === 'wink' ? await runWink(corpus) : await runPipeline(corpus, worker);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  if (!existsSync(corpus)) {
    process.stdout.write(`bench: skipped, corpus not found at ${corpus} (pass --corpus FILE)\n`);
    return;
  }
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 3;
  // `--no-coding` leaves out the slow coding jobs when only the foundation is measured;
  // `--coding-only` measures the knowledge layer's cost (events vs coding) alone.
  const jobs: Job[] = args.includes('--no-coding')
    ? ['wink', 'foundation', 'foundation-1']
    : args.includes('--coding-only')
      ? ['wink', 'events', 'coding']
      : ['wink', 'foundation', 'foundation-1', 'events', 'coding'];
  const results: Result[] = [];
  for (let i = 0; i < runs; i++) {
    for (const job of jobs) {
      const out = execFileSync(
        process.execPath,
        [fileURLToPath(import.meta.url), '--worker', job, '--corpus', corpus],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      );
      const r = JSON.parse(out.trim().split('\n').pop()!) as Result;
      results.push(r);
      process.stderr.write(
        `run ${i + 1}/${runs} ${job}: ${r.documents} docs in ${r.seconds.toFixed(2)} s (${r.cpuSeconds.toFixed(1)} s CPU), peak ${r.maxRssMB} MB\n`,
      );
    }
  }
  const of = (job: Job) => results.filter((r) => r.job === job);
  const bare = summarise(of('wink'));
  const first = results.find((r) => r.job !== 'wink')!;
  const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;
  const versusWink = (job: Job) => {
    const s = summarise(of(job));
    return { ...s, vsBareWink: ratio(s.documentsPerSecond, bare.documentsPerSecond) };
  };
  const report: Record<string, unknown> = {
    corpus,
    runs,
    workers: defaultWorkerCount(),
    documents: first.documents,
    megabytes: Math.round((first.bytes / 1e6) * 10) / 10,
    bareWink: {
      ...bare,
      tokensPerSecond: Math.round(median(of('wink').map((r) => r.tokens / r.seconds))),
    },
  };
  if (jobs.includes('foundation')) {
    /** ingest --no-code: read, clean, language, dedup, NLP, store; worker pool. */
    report['foundation'] = versusWink('foundation');
    /** The same on the main thread only. */
    report['foundationMainThread'] = versusWink('foundation-1');
  }
  if (jobs.includes('coding')) {
    const events = summarise(of('events'));
    const coding = summarise(of('coding'));
    /** ingest with actors and events, no knowledge layer. */
    report['events'] = versusWink('events');
    /** Everything: actors, events, amounts, themes, tone, places, quotations. */
    report['coding'] = versusWink('coding');
    /** Extra time the knowledge layer adds to the event coder's end-to-end time. */
    report['knowledgeLayerOverhead'] = ratio(
      coding.medianSeconds - events.medianSeconds,
      events.medianSeconds,
    );
    /**
     * The same in CPU time of all threads: the work the layer adds, less sensitive than
     * wall time to what else the machine runs.
     */
    report['knowledgeLayerCpuOverhead'] = ratio(
      coding.medianCpuSeconds - events.medianCpuSeconds,
      events.medianCpuSeconds,
    );
    /** Each run's events and coding jobs ran back to back: the overhead per pair, then the median. */
    const pairs = of('events').map((e, i) => {
      const c = of('coding')[i]!;
      return (c.seconds - e.seconds) / e.seconds;
    });
    report['knowledgeLayerOverheadPerRun'] = pairs.map((p) => ratio(p, 1));
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

await main();
