/**
 * A worker thread of the pipeline pool (src/pipeline/pipeline-pool.ts). It loads its own
 * context once, from the options in `workerData`, then answers `identify` and `process`
 * requests in the order they come. Library code: it never prints; errors travel back as
 * messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EntenteError } from '../core/errors.js';
import { createContext, type Context, type ContextOptions } from './context.js';
import { identify } from './identify.js';
import { processDocuments } from './process-document.js';
import type { WorkerReply, WorkerRequest } from './pipeline-pool.js';

const port = parentPort;
if (port === null) throw new Error('pipeline-worker.js must run as a worker thread');

let context: Context;
try {
  context = await createContext(workerData as ContextOptions);
  port.postMessage({ kind: 'ready' } satisfies WorkerReply);
} catch (error) {
  // The pool terminates a worker that could not start.
  port.postMessage({ kind: 'failed', id: -1, message: messageOf(error) } satisfies WorkerReply);
}

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply =
      request.kind === 'identify'
        ? { kind: 'identified', id: request.id, identities: request.raws.map(identify) }
        : {
            kind: 'processed',
            id: request.id,
            documents: processDocuments(request.items, context),
          };
  } catch (error) {
    reply = { kind: 'failed', id: request.id, message: messageOf(error) };
  }
  port.postMessage(reply);
});

/** entente's own errors are meant for users: their message; anything else: its stack. */
function messageOf(error: unknown): string {
  if (error instanceof EntenteError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
