/** Decoded text, or a one-line reason the bytes are not text in the expected encoding. */
export type DecodedText = { readonly text: string } | { readonly error: string };

// `fatal` makes a bad byte an error instead of a silent U+FFFD that would poison offsets
// and entity matching downstream. One instance is safe to share: each call is complete.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Strict UTF-8 decoding (a leading BOM is dropped, as every editor does).
 *
 * @example
 * decodeUtf8(new Uint8Array([0x68, 0xff])); // { error: 'invalid UTF-8 ...' }
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { error: `invalid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})` };
  }
}

/**
 * Decodes with a declared charset (HTTP header, `<meta charset>`, XML declaration); UTF-8
 * and undeclared input is decoded strictly, other labels leniently because legacy pages
 * routinely contain stray bytes. An unknown label falls back to strict UTF-8.
 *
 * @example
 * decodeWithCharset(bytes, 'windows-1252');
 */
export function decodeWithCharset(bytes: Uint8Array, charset: string | null): DecodedText {
  const label = charset?.trim().toLowerCase() ?? '';
  if (label === '' || label === 'utf-8' || label === 'utf8') return decodeUtf8(bytes);
  try {
    return { text: new TextDecoder(label).decode(bytes) };
  } catch {
    // Only the constructor throws (RangeError for a label Node does not know).
    return decodeUtf8(bytes);
  }
}

/**
 * The charset an HTML or XML document declares in its first kilobyte, or null.
 *
 * @example
 * sniffCharset(Buffer.from('<meta charset="iso-8859-1">')); // 'iso-8859-1'
 */
export function sniffCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, 1024),
  ).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1] ?? null;
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta?.[1] ?? null;
}

/** The `charset` parameter of a Content-Type header, or null. */
export function charsetOf(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '');
  return m?.[1] ?? null;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b < 0xe0
          ? 1
          : b >= 0xe0 && b < 0xf0
            ? 2
            : b >= 0xf0 && b < 0xf5
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}
