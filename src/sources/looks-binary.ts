/** How much of an input is inspected, and the share of control bytes that marks it binary. */
const WINDOW = 8192;
const MAX_CONTROL_SHARE = 0.1;

/**
 * Why the first bytes of an input are not text, or null when they look like text.
 * UTF-16 is named separately because "binary" would mislead someone holding a text file.
 *
 * @example
 * looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00])); // 'binary data (NUL bytes)'
 */
export function looksBinary(head: Uint8Array): string | null {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return 'UTF-16 text is not supported; convert it to UTF-8';
  }
  const n = Math.min(head.byteLength, WINDOW);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) return 'binary data (NUL bytes), not text';
    // Tab, LF, VT, FF, CR and ESC occur in real text files; other C0 bytes and DEL do not.
    if (
      (b < 0x20 &&
        b !== 0x09 &&
        b !== 0x0a &&
        b !== 0x0b &&
        b !== 0x0c &&
        b !== 0x0d &&
        b !== 0x1b) ||
      b === 0x7f
    ) {
      control++;
    }
  }
  if (n > 0 && control / n > MAX_CONTROL_SHARE) {
    return `binary data (${Math.round((100 * control) / n)}% control bytes), not text`;
  }
  return null;
}
