/**
 * Stands between a byte stream and a format reader. A read error (truncated gzip, I/O
 * error) ends the stream quietly for the reader and is kept here, so `readInputs` can drop
 * whatever the reader makes of the cut-off tail and report the error as one failure.
 *
 * @example
 * const guard = new StreamGuard(bytes);
 * for await (const item of source.read({ ...input, bytes: guard.stream }, settings)) {
 *   if (guard.failed) break;
 * }
 */
export class StreamGuard {
  failed = false;
  error: unknown = null;
  readonly stream: AsyncIterable<Uint8Array>;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.stream = this.wrap(source);
  }

  private async *wrap(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of source) yield chunk;
    } catch (err) {
      this.failed = true;
      this.error = err;
    }
  }
}
