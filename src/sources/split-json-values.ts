/** One top-level value of a JSON array (or of a file of concatenated JSON values). */
export type JsonPiece = {
  readonly index: number;
  readonly line: number;
  /** True when the input is a JSON array, false for a sequence of top-level values. */
  readonly array: boolean;
} & (
  | { readonly kind: 'value'; readonly bytes: Uint8Array }
  | { readonly kind: 'too-large' }
  /** The structure broke (unterminated value, text after `]`): nothing more can be read. */
  | { readonly kind: 'broken'; readonly reason: string }
);

const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isOpen = (b: number): boolean => b === 0x7b || b === 0x5b; // { [
const isClose = (b: number): boolean => b === 0x7d || b === 0x5d; // } ]
const COMMA = 0x2c;
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Splits a JSON array into its elements without parsing the whole file, so a large array
 * streams like JSON Lines. It only tracks strings and nesting depth; each element is then
 * parsed on its own, so a malformed element fails alone. When the input does not start
 * with `[`, it is read as a sequence of objects (a pretty-printed object, or several).
 *
 * @example
 * for await (const piece of splitJsonValues(bytes, 1 << 20)) {
 *   if (piece.kind === 'value') JSON.parse(Buffer.from(piece.bytes).toString());
 * }
 */
export async function* splitJsonValues(
  stream: AsyncIterable<Uint8Array>,
  maxValueBytes: number,
): AsyncGenerator<JsonPiece> {
  let mode: 'start' | 'array' | 'sequence' | 'closed' = 'start';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let index = 0;
  // The value being collected: its pieces, size, starting line, and whether it overflowed.
  let inValue = false;
  let valueLine = 0;
  let parts: Uint8Array[] = [];
  let size = 0;
  let oversized = false;
  let bomSkipped = 0;
  let isArray = false;

  const finish = (): JsonPiece => {
    const piece: JsonPiece = oversized
      ? { kind: 'too-large', index, line: valueLine, array: isArray }
      : {
          kind: 'value',
          index,
          line: valueLine,
          array: isArray,
          bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts),
        };
    inValue = false;
    parts = [];
    size = 0;
    oversized = false;
    index++;
    return piece;
  };

  // Jumps to the closing quote with indexOf (strings are most of the bytes); a quote is
  // escaped when an odd run of backslashes precedes it. Returns the index of the closing
  // quote, or the chunk's last index when the string goes on into the next chunk.
  // Newlines inside strings are not counted: valid JSON has none there.
  const skipString = (buf: Buffer, start: number): number => {
    let i = start;
    if (escaped) {
      escaped = false;
      i++;
    }
    for (;;) {
      const q = i < buf.length ? buf.indexOf(QUOTE, i) : -1;
      const runEnd = q === -1 ? buf.length : q;
      let run = 0;
      for (let j = runEnd - 1; j >= i && buf[j] === BACKSLASH; j--) run++;
      if (q === -1) {
        escaped = run % 2 === 1;
        return buf.length - 1;
      }
      if (run % 2 === 0) {
        inString = false;
        return q;
      }
      i = q + 1;
    }
  };

  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = -1; // Start in this chunk of the value being collected, or -1.
    if (inValue) from = 0;
    const keep = (end: number): void => {
      if (from < 0) return;
      const len = end - from;
      if (!oversized && size + len > maxValueBytes) {
        oversized = true;
        parts = [];
      }
      // A view, not a copy: file and gunzip streams hand out a fresh buffer per chunk.
      if (!oversized) parts.push(buf.subarray(from, end));
      size += len;
    };

    for (let i = 0; i < buf.length; i++) {
      if (inString) {
        i = skipString(buf, i);
        continue;
      }
      const b = buf[i]!;
      if (b === 0x0a) line++;
      if (mode === 'start') {
        if (bomSkipped < 3 && b === BOM[bomSkipped]) {
          bomSkipped++;
          continue;
        }
        if (isSpace(b)) continue;
        if (b === 0x5b) {
          mode = 'array';
          isArray = true;
          continue;
        }
        mode = 'sequence';
      }
      if (mode === 'closed') {
        if (!isSpace(b)) {
          yield {
            kind: 'broken',
            index,
            line,
            array: isArray,
            reason: 'unexpected data after the end of the JSON array',
          };
          return;
        }
        continue;
      }
      if (!inValue) {
        if (isSpace(b)) continue;
        if (mode === 'array' && b === 0x5d && depth === 0) {
          mode = 'closed';
          continue;
        }
        if (mode === 'array' && b === COMMA) {
          yield {
            kind: 'broken',
            index,
            line,
            array: isArray,
            reason: `missing value before "," (record ${index})`,
          };
          return;
        }
        if (mode === 'sequence' && !isOpen(b)) {
          // Only objects (or arrays) can be told apart without separators; anything else
          // means this is not JSON at all, and one failure says so better than many.
          const shown = b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `byte 0x${b.toString(16)}`;
          yield {
            kind: 'broken',
            index,
            line,
            array: isArray,
            reason: `expected "[" or "{" but found "${shown}" at line ${line}`,
          };
          return;
        }
        inValue = true;
        valueLine = line;
        from = i;
      }
      if (b === QUOTE) inString = true;
      else if (isOpen(b)) depth++;
      else if (isClose(b)) {
        if (depth === 0) {
          // `]` closing the array right after a scalar element.
          if (mode === 'array' && b === 0x5d) {
            keep(i);
            from = -1;
            yield finish();
            mode = 'closed';
            continue;
          }
          yield {
            kind: 'broken',
            index,
            line,
            array: isArray,
            reason: `unbalanced "${String.fromCharCode(b)}"`,
          };
          return;
        }
        depth--;
        if (depth === 0 && mode === 'sequence') {
          keep(i + 1);
          from = -1;
          yield finish();
          continue;
        }
      } else if (b === COMMA && depth === 0 && mode === 'array') {
        keep(i);
        from = -1;
        yield finish();
        continue;
      }
    }
    if (inValue) keep(buf.length);
  }

  if (mode === 'array' && inValue && depth === 0 && !inString) {
    yield finish();
    yield {
      kind: 'broken',
      index,
      line,
      array: isArray,
      reason: 'the JSON array is not closed with "]"',
    };
  } else if (inValue && (depth > 0 || inString)) {
    yield {
      kind: 'broken',
      index,
      line,
      array: isArray,
      reason: `unexpected end of input inside record ${index}`,
    };
  } else if (mode === 'array') {
    yield {
      kind: 'broken',
      index,
      line,
      array: isArray,
      reason: 'the JSON array is not closed with "]"',
    };
  }
}
