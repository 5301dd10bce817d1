/**
 * A fixed random sample of amounts from the Reuters-21578 stories, for reading by hand, and a
 * rough figure of what the amounts stage costs.
 *
 *   npm run build && node dist/bench/amounts-sample.js [corpus.jsonl.gz] [--docs 400] [--sample 50] [--seed 7] [--no-timing]
 *
 * `--docs` stories are drawn with a seeded generator and run through the whole pipeline
 * (createContext, processDocument); `--sample` of their quantities are drawn with the same
 * generator and printed with their sentence, value, unit, bounds, year, actors and `about`.
 * Then `extractQuantities` alone is timed over the same stories (analysis not counted) and
 * printed as ms per MB of article text (left out with `--no-timing`, for grading only while
 * someone else measures speed). The machine is shared: timings are noisy.
 */
import { createReadStream, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { cleanText } from '../src/clean/clean-text.js';
import type { Quantity, RawDocument } from '../src/core/document.js';
import { extractQuantities } from '../src/gkg/amounts.js';
import { analyse } from '../src/nlp/analyse.js';
import { createContext } from '../src/pipeline/context.js';
import { identify } from '../src/pipeline/identify.js';
import { processDocument, type ProcessedDocument } from '../src/pipeline/process-document.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = [resolve(HERE, '..'), resolve(HERE, '..', '..')].find((d) =>
  existsSync(resolve(d, 'package.json')),
);

/** mulberry32: a small seeded generator, so the sample is the same on every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function option(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args.splice(at, 2)[1]) : fallback;
}

interface CorpusRecord {
  id?: unknown;
  date?: unknown;
  title?: unknown;
  text?: unknown;
}

async function readRecords(corpus: string): Promise<RawDocument[]> {
  const out: RawDocument[] = [];
  const lines = createInterface({
    input: createReadStream(corpus).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    const rec = JSON.parse(text) as CorpusRecord;
    if (typeof rec.text !== 'string' || !rec.text.trim()) continue;
    out.push({
      kind: 'raw',
      id: rec.id === undefined ? null : String(rec.id),
      date: typeof rec.date === 'string' ? rec.date.slice(0, 10) : null,
      url: null,
      title: typeof rec.title === 'string' ? rec.title : null,
      text: rec.text,
      bodyStart: 0,
      provenance: { file: corpus, line },
      warnings: [],
    });
  }
  return out;
}

function sentenceOf(doc: ProcessedDocument, q: Quantity): string {
  const s = doc.sentences[q.sentence ?? -1];
  return (s?.text ?? '').replace(/\s+/g, ' ');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const docCount = option(args, '--docs', 400);
  const sampleSize = option(args, '--sample', 50);
  const seed = option(args, '--seed', 7);
  const timingAt = args.indexOf('--no-timing');
  const timing = timingAt < 0;
  if (!timing) args.splice(timingAt, 1);
  const corpus =
    args[0] ?? resolve(REPO ?? process.cwd(), '..', 'shared', 'corpus', 'reuters21578.jsonl.gz');
  if (!existsSync(corpus)) {
    console.error(
      `amounts-sample: ${corpus} not found (pass a .jsonl.gz of {"text": ...} records)`,
    );
    process.exitCode = 2;
    return;
  }
  const records = await readRecords(corpus);
  const random = generator(seed);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(docCount, records.length))
    chosen.add(Math.floor(random() * records.length));
  const docs = [...chosen].sort((a, b) => a - b).map((i) => records[i] as RawDocument);

  const ctx = await createContext();
  const tPipeline = performance.now();
  const processed = docs.map((raw) => processDocument(raw, identify(raw), null, ctx));
  const pipelineMs = performance.now() - tPipeline;
  const found: Array<{ doc: ProcessedDocument; q: Quantity }> = [];
  for (const doc of processed) for (const q of doc.quantities) found.push({ doc, q });
  console.log(`${docs.length} stories, ${found.length} quantities`);

  const picked = new Set<number>();
  while (picked.size < Math.min(sampleSize, found.length))
    picked.add(Math.floor(random() * found.length));
  let n = 0;
  for (const i of [...picked].sort((a, b) => a - b)) {
    const { doc, q } = found[i] as { doc: ProcessedDocument; q: Quantity };
    n++;
    const flags = [
      q.approximate ? 'approx' : '',
      q.bound ? `bound=${q.bound}` : '',
      q.valueHigh !== undefined ? `high=${q.valueHigh}` : '',
      q.year ? `year=${q.year}` : '',
      q.actors && q.actors.length > 0 ? `actors=${q.actors.join(',')}` : '',
    ]
      .filter((f) => f !== '')
      .join(' ');
    console.log(`\n#${n} doc ${doc.id} ${doc.date ?? ''}`);
    console.log(`  sentence: ${sentenceOf(doc, q)}`);
    console.log(
      `  text: "${q.text}"  value: ${q.value}  unit: ${q.unit}  about: ${q.about}  ${flags}`,
    );
  }

  if (!timing) return;
  // The stage alone: analysis and actors are redone untimed, extractQuantities is timed.
  const inputs = processed
    .filter((d) => d.coded)
    .map((d) => {
      const a = analyse(ctx.nlp, d.text, cleanText(d.text, 0));
      return { text: d.text, date: d.date, ...a, entities: d.entities };
    });
  const mb = inputs.reduce((s, d) => s + Buffer.byteLength(d.text, 'utf8'), 0) / 1e6;
  const t0 = performance.now();
  let count = 0;
  for (const input of inputs) count += extractQuantities(ctx.amounts, input).length;
  const ms = performance.now() - t0;
  const allMb = processed.reduce((s, d) => s + Buffer.byteLength(d.text, 'utf8'), 0) / 1e6;
  console.log(
    `\nextractQuantities: ${count} quantities in ${ms.toFixed(1)} ms over ${mb.toFixed(2)} MB` +
      ` = ${(ms / mb).toFixed(1)} ms/MB; whole pipeline (first run, warm-up included):` +
      ` ${(pipelineMs / allMb).toFixed(1)} ms/MB (noisy: shared machine)`,
  );
}

await main();
