import type { Block } from '../clean/clean-text.js';
import { decodeEntities, type DecodedText } from '../clean/html-entities.js';

/**
 * The string wink reads for one document, and how its offsets lead back to the original.
 * Paragraph and heading blocks appear with hard-wrap newlines turned into spaces; the gaps
 * between blocks (blank lines, boilerplate) become whitespace that contains a blank line, so
 * wink's sentence splitter also sees the break. Without HTML character references the view
 * has the original's length from `base` on and `map` is null: view offset v is original
 * offset base + v, and building it costs a few slices.
 *
 * @example
 * const tv = buildView(text, blocks);
 * const original = tv.map === null ? tv.base + v : tv.map[v];
 */
export interface TextView {
  readonly view: string;
  /** Original offset of view offset 0. */
  readonly base: number;
  /** View offset → original offset, length view.length + 1; null when identity + base. */
  readonly map: Int32Array | null;
  /** The paragraph and heading blocks shown, in text order. */
  readonly blocks: readonly Block[];
}

/** Builds the NLP view of `text` restricted to its paragraph and heading blocks. */
export function buildView(text: string, blocks: readonly Block[]): TextView {
  const shown: Block[] = [];
  for (const b of blocks) if (b.kind !== 'boilerplate') shown.push(b);
  const first = shown[0];
  if (first === undefined) return { view: '', base: 0, map: null, blocks: shown };
  const base = first.start;
  let view = '';
  let cursor = base;
  let nextAmp = text.indexOf('&', base);
  // Stays null unless a block really decodes something, so plain text never builds a map.
  let decodedAt: DecodedBlock[] | null = null;
  for (const b of shown) {
    const gap = b.start - cursor;
    if (gap > 0) view += gap === 1 ? '\n' : '\n\n' + spaces(gap - 2);
    let piece = text.slice(b.start, b.end);
    if (nextAmp >= 0 && nextAmp < b.end) {
      const d = decodeEntities(piece, b.start);
      if (d !== null) {
        (decodedAt ??= []).push({ viewStart: view.length, d });
        piece = d.text;
      }
      nextAmp = text.indexOf('&', b.end);
    }
    view += LINE_BREAKS.test(piece) ? piece.replace(LINE_BREAKS_G, ' ') : piece;
    cursor = b.end;
  }
  return {
    view,
    base,
    map: decodedAt === null ? null : buildMap(view.length, base, decodedAt),
    blocks: shown,
  };
}

interface DecodedBlock {
  readonly viewStart: number;
  readonly d: DecodedText;
}

const LINE_BREAKS = /[\n\r\v\f\u2028\u2029]/;
const LINE_BREAKS_G = /[\n\r\v\f\u2028\u2029]/g;

function buildMap(viewLength: number, base: number, decoded: readonly DecodedBlock[]): Int32Array {
  const map = new Int32Array(viewLength + 1);
  let v = 0;
  let o = base;
  for (const { viewStart, d } of decoded) {
    // Undecoded stretch before this block: one view unit per original unit.
    while (v < viewStart) map[v++] = o++;
    map.set(d.map.subarray(0, d.text.length), v);
    v += d.text.length;
    o = d.map[d.text.length] as number;
  }
  while (v <= viewLength) map[v++] = o++;
  return map;
}

const SPACES: string[] = [];
function spaces(n: number): string {
  if (n > 64) return ' '.repeat(n);
  return (SPACES[n] ??= ' '.repeat(n));
}
