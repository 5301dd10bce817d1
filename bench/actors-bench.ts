/**
 * Actor-resolution benchmark: `npm run build && node dist/bench/actors-bench.js`.
 *
 * 1. Loads the knowledge base from a compiled file (written to a temporary directory from
 *    the current sources, so a stale `dictionaries/kb.compiled.json` cannot skew it) and
 *    times `loadKb` with its source-digest check, then `createActorContext` (KB, lexicon and
 *    indexes).
 * 2. Runs cleanText + analyse once per Reuters-21578 story (untimed), then times
 *    `resolveActors` over all of them, `--runs` times (default 3), and reports the median.
 *
 * Prints one JSON object. Options: --corpus FILE, --runs N, --limit N (stories).
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import {
  createActorContext,
  resolveActors,
  type ActorContext,
} from '../src/actors/resolve-actors.js';
import { cleanText } from '../src/clean/clean-text.js';
import type { Sentence, TokenTable } from '../src/core/document.js';
import { compileKb } from '../src/kb/compile.js';
import { defaultKbPaths, loadKb } from '../src/kb/load.js';
import { validateKb } from '../src/kb/validate.js';
import { analyse, createNlp } from '../src/nlp/analyse.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const DEFAULT_CORPUS = resolve(REPO, '..', 'shared', 'corpus', 'reuters21578.jsonl.gz');

interface Story {
  readonly text: string;
  readonly date: string | null;
  readonly sentences: readonly Sentence[];
  readonly tokens: TokenTable;
}

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

async function readStories(corpus: string, limit: number): Promise<Story[]> {
  const nlp = createNlp();
  const stories: Story[] = [];
  const lines = createInterface({
    input: createReadStream(corpus).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (stories.length >= limit) break;
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { text?: unknown; date?: unknown };
    if (typeof rec.text !== 'string' || !rec.text.trim()) continue;
    const text = rec.text;
    const date = typeof rec.date === 'string' ? rec.date.slice(0, 10) : null;
    const a = analyse(nlp, text, cleanText(text, 0));
    // Drop what the resolver never reads, so 19,000 stories fit in memory comfortably.
    const tokens: TokenTable = { ...a.tokens, normal: [] };
    stories.push({ text, date, sentences: a.sentences, tokens });
  }
  return stories;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const corpus = resolve(option(args, '--corpus') ?? DEFAULT_CORPUS);
  const runs = Number(option(args, '--runs') ?? 3);
  const limit = Number(option(args, '--limit') ?? Infinity);

  const { sourceDir } = defaultKbPaths();
  const dir = mkdtempSync(join(tmpdir(), 'entente-actors-bench-'));
  const compiledPath = join(dir, 'kb.compiled.json');
  const loadMs: number[] = [];
  const contextMs: number[] = [];
  let ctx: ActorContext | null = null;
  try {
    const validation = await validateKb(sourceDir);
    writeFileSync(compiledPath, JSON.stringify(compileKb(validation.entries, validation.files)));
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const kb = await loadKb(compiledPath, { sourceDir });
      loadMs.push(performance.now() - t0);
      if (kb.origin !== 'compiled') throw new Error('bench: the compiled file was not used');
    }
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      ctx = await createActorContext({ kbPath: compiledPath, kbSourceDir: sourceDir });
      contextMs.push(performance.now() - t0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (ctx === null) throw new Error('bench: no actor context');
  const actors = ctx;

  if (!existsSync(corpus)) {
    process.stdout.write(
      `${JSON.stringify({ skipped: `corpus not found at ${corpus} (pass --corpus FILE)`, loadKbMs: round(median(loadMs)) })}\n`,
    );
    return;
  }
  const t0 = performance.now();
  const stories = await readStories(corpus, limit);
  const nlpSeconds = (performance.now() - t0) / 1000;
  let bytes = 0;
  for (const s of stories) bytes += Buffer.byteLength(s.text);

  const seconds: number[] = [];
  let entities = 0;
  let coded = 0;
  for (let r = 0; r < runs; r++) {
    entities = 0;
    coded = 0;
    const start = performance.now();
    for (const s of stories) {
      const found = resolveActors(actors, s);
      entities += found.length;
      for (const e of found) if (e.code !== null) coded++;
    }
    seconds.push((performance.now() - start) / 1000);
  }
  const s = median(seconds);
  process.stdout.write(
    `${JSON.stringify(
      {
        corpus,
        stories: stories.length,
        megabytes: round(bytes / 1e6, 2),
        untimedNlpSeconds: round(nlpSeconds),
        runs,
        resolve: {
          medianSeconds: round(s, 2),
          megabytesPerSecond: round(bytes / 1e6 / s, 2),
          storiesPerSecond: Math.round(stories.length / s),
          entities,
          withCode: coded,
        },
        loadKbMs: {
          median: round(median(loadMs)),
          first: round(loadMs[0]!),
          all: loadMs.map((x) => round(x)),
        },
        createActorContextMs: {
          median: round(median(contextMs)),
          all: contextMs.map((x) => round(x)),
        },
        note: 'single process on a shared machine: figures are noisy',
      },
      null,
      2,
    )}\n`,
  );
}

await main();
