import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

/** Whether bytes start with the gzip magic number. */
export function isGzip(head: Uint8Array): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * Streams a gzip (including multi-member files such as record-compressed WARCs) through
 * zlib. Errors, a truncated file's "unexpected end of file" among them, surface when the
 * returned stream is iterated; stopping early closes the source too.
 *
 * @example
 * for await (const chunk of gunzip(createReadStream('news.jsonl.gz'))) process(chunk);
 */
export function gunzip(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const inflate = createGunzip({ chunkSize: 64 * 1024 });
  // The error reaches the consumer through `inflate`; the promise only must not go unhandled.
  pipeline(Readable.from(source, { objectMode: false }), inflate).catch(() => undefined);
  return inflate;
}

/** A one-line description of a gzip or read error for a `Failure`. */
export function readErrorReason(err: unknown, gzipped: boolean): string {
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (gzipped && code === 'Z_BUF_ERROR') return 'truncated gzip data (unexpected end of file)';
  if (gzipped && typeof code === 'string' && code.startsWith('Z_'))
    return `corrupt gzip data: ${message}`;
  return `cannot read: ${message}`;
}
