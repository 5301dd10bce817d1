import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawDocument } from '../core/document.js';
import { EntenteError } from '../core/errors.js';
import { CODED_LANGUAGES, type ContextOptions } from './context.js';
import type { Identity } from './identify.js';
import type { ProcessedDocument } from './process-document.js';
import type { DocumentProcessor, ProcessItem } from './processor.js';

export type WorkerRequest =
  | { readonly kind: 'identify'; readonly id: number; readonly raws: readonly RawDocument[] }
  | { readonly kind: 'process'; readonly id: number; readonly items: readonly ProcessItem[] };

export type WorkerReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'identified'; readonly id: number; readonly identities: Identity[] }
  | { readonly kind: 'processed'; readonly id: number; readonly documents: ProcessedDocument[] }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

export class WorkerPoolError extends EntenteError {}

/** Default worker count: one per core, at most 4 (each holds its own NLP model and data). */
export function defaultWorkerCount(): number {
  return Math.min(4, Math.max(1, availableParallelism()));
}

/** Documents per message: small enough to balance the threads, large enough to amortise. */
const PROCESS_CHUNK = 16;
const IDENTIFY_CHUNK = 64;
/** Messages queued ahead per worker, so a worker never waits for the main thread. */
const IN_FLIGHT = 2;

interface Task {
  readonly request: WorkerRequest;
  readonly resolve: (reply: WorkerReply) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Task>;
  /** Processing chunks bound to this worker, in order. */
  readonly queue: Task[];
}

/**
 * The pipeline spread over worker threads. Each worker loads its own context (NLP model,
 * knowledge base, patterns), so the main thread only reads, deduplicates and writes.
 * Batches are cut into small chunks and results are put back in input order.
 *
 * Processing chunks go to the workers in turn (chunk i to worker i mod n), never to
 * whichever is idle: wink-nlp's tokeniser consults a word cache that grows with every
 * document it reads, so a worker's output depends on what it read before. A fixed
 * assignment makes a run reproducible for the same input and worker count. Identify
 * chunks (hashing only) go to the least busy worker, ahead of processing.
 *
 * ```ts
 * const pool = await PipelinePool.start(2, { coding: true });
 * try { await ingest(inputs, { store, processor: pool }); } finally { await pool.close(); }
 * ```
 */
export class PipelinePool implements DocumentProcessor {
  readonly codedLanguages: ReadonlySet<string>;
  private readonly slots: Slot[];
  /** Identify chunks, for any worker. */
  private readonly queue: Task[] = [];
  private nextId = 0;
  /** The worker the next processing chunk goes to. */
  private turn = 0;
  private closed = false;

  private constructor(slots: Slot[], codedLanguages: ReadonlySet<string>) {
    this.slots = slots;
    this.codedLanguages = codedLanguages;
  }

  /** Starts `size` workers and resolves once every one has loaded its context. */
  static async start(size: number, options: ContextOptions = {}): Promise<PipelinePool> {
    const script = workerScript();
    const workers = Array.from(
      { length: Math.max(1, size) },
      () => new Worker(script, { workerData: options }),
    );
    try {
      await Promise.all(workers.map(ready));
    } catch (error) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw error;
    }
    const pool = new PipelinePool(
      workers.map((worker) => ({ worker, pending: new Map(), queue: [] })),
      new Set(options.codedLanguages ?? CODED_LANGUAGES),
    );
    for (const slot of pool.slots) pool.listen(slot);
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Goes ahead of queued processing, so the next batch is deduplicated while this one runs. */
  async identify(raws: readonly RawDocument[]): Promise<Identity[]> {
    const replies = await Promise.all(
      chunks(raws, IDENTIFY_CHUNK).map((part) =>
        this.submit((id) => ({ kind: 'identify', id, raws: part })),
      ),
    );
    return replies.flatMap((r) => (r.kind === 'identified' ? r.identities : []));
  }

  async process(items: readonly ProcessItem[]): Promise<ProcessedDocument[]> {
    const replies = await Promise.all(
      chunks(items, PROCESS_CHUNK).map((part) => {
        const slot = this.slots[this.turn]!;
        this.turn = (this.turn + 1) % this.slots.length;
        return this.submit((id) => ({ kind: 'process', id, items: part }), slot);
      }),
    );
    return replies.flatMap((r) => (r.kind === 'processed' ? r.documents : []));
  }

  async close(): Promise<void> {
    await this.fail(new WorkerPoolError('the worker pool was closed'));
  }

  /** Queues a request for `slot`, or for any worker when no slot is given. */
  private submit(make: (id: number) => WorkerRequest, slot?: Slot): Promise<WorkerReply> {
    if (this.closed) return Promise.reject(new WorkerPoolError('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      const task = { request: make(this.nextId++), resolve, reject };
      (slot?.queue ?? this.queue).push(task);
      this.dispatch();
    });
  }

  /** Tops every worker up to IN_FLIGHT messages: shared identify chunks first. */
  private dispatch(): void {
    for (;;) {
      let best: Slot | null = null;
      for (const s of this.slots)
        if (s.pending.size < IN_FLIGHT && (best === null || s.pending.size < best.pending.size))
          best = s;
      if (best === null || this.queue.length === 0) break;
      this.send(best, this.queue.shift()!);
    }
    for (const s of this.slots)
      while (s.pending.size < IN_FLIGHT && s.queue.length > 0) this.send(s, s.queue.shift()!);
  }

  private send(slot: Slot, task: Task): void {
    slot.pending.set(task.request.id, task);
    slot.worker.postMessage(task.request);
  }

  private listen(slot: Slot): void {
    slot.worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'ready') return;
      const task = slot.pending.get(reply.id);
      if (task === undefined) return;
      slot.pending.delete(reply.id);
      if (reply.kind === 'failed') task.reject(new WorkerPoolError(reply.message));
      else task.resolve(reply);
      this.dispatch();
    });
    // A lost worker breaks the pool: its chunks would never come back.
    slot.worker.on('error', (e) => {
      void this.fail(new WorkerPoolError(`a pipeline worker failed: ${e.message}`));
    });
    slot.worker.on('exit', (code) => {
      if (!this.closed)
        void this.fail(new WorkerPoolError(`a pipeline worker exited with code ${code}`));
    });
  }

  /** Rejects everything queued or in flight and stops the workers. */
  private async fail(error: Error): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(error);
    for (const slot of this.slots) {
      for (const task of [...slot.pending.values(), ...slot.queue.splice(0)]) task.reject(error);
      slot.pending.clear();
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

function ready(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: WorkerReply) => {
      worker.off('error', onError);
      if (reply.kind === 'ready') resolve();
      else if (reply.kind === 'failed')
        reject(new WorkerPoolError(`a pipeline worker could not start: ${reply.message}`));
    };
    const onError = (e: Error) => {
      worker.off('message', onMessage);
      reject(new WorkerPoolError(`a pipeline worker could not start: ${e.message}`));
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
  });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The compiled worker beside this module; when running from the TypeScript sources
 * (vitest), the build of it under dist/ (`npm test` builds first).
 */
function workerScript(): URL {
  const beside = new URL('./pipeline-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const built = new URL('../../dist/src/pipeline/pipeline-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new WorkerPoolError(
    `no compiled pipeline worker at ${fileURLToPath(beside)}: run \`npm run build\``,
  );
}
