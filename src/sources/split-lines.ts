/** One line of a line-oriented input, without its `\n` (a trailing `\r` is kept for the decoder to trim). */
export type LinePiece =
  | { readonly kind: 'line'; readonly line: number; readonly bytes: Uint8Array }
  | { readonly kind: 'too-long'; readonly line: number };

/**
 * Splits a byte stream on `\n` (never part of a multi-byte UTF-8 character, so splitting
 * before decoding is safe and lets one bad line fail alone). A line longer than
 * `maxLineBytes` is skipped to its end without being buffered.
 *
 * @example
 * for await (const piece of splitLines(input.bytes, 1 << 20)) {
 *   if (piece.kind === 'line') handle(piece.line, piece.bytes);
 * }
 */
export async function* splitLines(
  stream: AsyncIterable<Uint8Array>,
  maxLineBytes: number,
): AsyncGenerator<LinePiece> {
  let parts: Uint8Array[] = [];
  let partsSize = 0;
  let oversized = false;
  let line = 1;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    for (;;) {
      const nl = buf.indexOf(10, from);
      if (nl === -1) break;
      if (oversized || partsSize + (nl - from) > maxLineBytes) {
        yield { kind: 'too-long', line };
      } else if (partsSize === 0) {
        yield { kind: 'line', line, bytes: buf.subarray(from, nl) };
      } else {
        parts.push(buf.subarray(from, nl));
        yield { kind: 'line', line, bytes: Buffer.concat(parts) };
      }
      parts = [];
      partsSize = 0;
      oversized = false;
      line++;
      from = nl + 1;
    }
    if (from < buf.byteLength && !oversized) {
      const rest = buf.subarray(from);
      if (partsSize + rest.byteLength > maxLineBytes) {
        oversized = true;
        parts = [];
        partsSize = 0;
      } else {
        // Copy: some streams reuse their chunk buffers after we ask for the next one.
        parts.push(Buffer.from(rest));
        partsSize += rest.byteLength;
      }
    }
  }
  if (oversized) yield { kind: 'too-long', line };
  else if (partsSize > 0) yield { kind: 'line', line, bytes: Buffer.concat(parts) };
}
