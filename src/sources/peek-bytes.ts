/**
 * The first bytes of a stream plus a stream that still yields everything from the start.
 *
 * @example
 * const peeked: PeekedStream = await peekBytes(bytes, 8192);
 * const format = sniffFormat(peeked.head);
 */
export interface PeekedStream {
  readonly head: Uint8Array;
  readonly stream: AsyncIterable<Uint8Array>;
  /** True when `head` is the whole input (or all that could be read before an error). */
  readonly ended: boolean;
  /** The read error met while peeking, or null; `stream` throws it again after the head. */
  readonly error: unknown;
  /** Releases the source (file handle, decompressor) when `stream` will not be read. */
  close(): Promise<void>;
}

/**
 * Reads at least `n` bytes (fewer at the end of input) so the format can be sniffed,
 * without losing them. A read error is not thrown here: the returned stream replays the
 * head and then throws it, so the caller reports it in the same place as any other.
 *
 * @example
 * const { head, stream } = await peekBytes(createReadStream(path), 8192);
 */
export async function peekBytes(
  source: AsyncIterable<Uint8Array>,
  n: number,
): Promise<PeekedStream> {
  const iterator = source[Symbol.asyncIterator]();
  const buffered: Uint8Array[] = [];
  let size = 0;
  let done = false;
  let error: unknown = null;
  try {
    while (size < n) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      const chunk = toBytes(next.value);
      buffered.push(chunk);
      size += chunk.byteLength;
    }
  } catch (err) {
    error = err;
    done = true;
  }
  const head = buffered.length === 1 ? buffered[0]! : Buffer.concat(buffered);
  async function* replay(): AsyncGenerator<Uint8Array> {
    let finished = false;
    try {
      if (head.byteLength > 0) yield head;
      if (error !== null) throw error;
      if (done) {
        finished = true;
        return;
      }
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        yield toBytes(next.value);
      }
      finished = true;
    } finally {
      // Stopping early (size limit) must release the file handle or decompressor.
      if (!finished && error === null) await iterator.return?.();
    }
  }
  const close = async (): Promise<void> => {
    if (!done) await iterator.return?.();
  };
  return { head, stream: replay(), ended: done, error, close };
}

/** Node streams may yield strings when an encoding was set; the readers want bytes. */
export function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new TypeError(`expected bytes from the input stream, got ${typeof chunk}`);
}
