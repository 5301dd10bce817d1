/**
 * MinHash signatures are stored as bytes (BLOB in DuckDB, BYTEA in PostgreSQL) rather
 * than an unsigned-integer array: PostgreSQL has no unsigned type, and one byte string
 * per document is far cheaper to append than 128 list items. The byte order is fixed to
 * little-endian so a database file moves between machines unchanged.
 *
 * @example
 * const bytes = encodeSignature(new Uint32Array([1, 2, 3]));
 * decodeSignature(bytes); // Uint32Array [1, 2, 3]
 */
export function encodeSignature(signature: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(signature.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < signature.length; i++) view.setUint32(i * 4, signature[i]!, true);
  return bytes;
}

/** Inverse of `encodeSignature`; throws a RangeError when the length is not a multiple of 4. */
export function decodeSignature(bytes: Uint8Array): Uint32Array {
  if (bytes.length % 4 !== 0)
    throw new RangeError(`signature has ${bytes.length} bytes, not a multiple of 4`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < signature.length; i++) signature[i] = view.getUint32(i * 4, true);
  return signature;
}
