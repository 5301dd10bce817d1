/** A whole input read into memory, or the news that it exceeded the limit. */
export type CappedRead =
  { readonly kind: 'bytes'; readonly bytes: Uint8Array } | { readonly kind: 'too-large' };

/**
 * Reads a stream whole for formats that need the entire document (text, HTML, feeds),
 * stopping as soon as it passes `limit` so a 50 MB input never sits in memory.
 *
 * @example
 * const read = await readCapped(input.bytes, settings.maxDocumentBytes);
 * if (read.kind === 'too-large') return failure(provenance, tooLargeReason(limit));
 */
export async function readCapped(
  stream: AsyncIterable<Uint8Array>,
  limit: number,
): Promise<CappedRead> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    // Leaving the loop closes the iterator, which destroys the underlying file or gunzip stream.
    if (size > limit) return { kind: 'too-large' };
    chunks.push(chunk);
  }
  return { kind: 'bytes', bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) };
}
