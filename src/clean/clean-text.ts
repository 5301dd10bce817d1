import { EntenteError } from '../core/errors.js';
import { defaultBoilerplate, type BoilerplatePatterns } from './boilerplate.js';
import { isHeadingLine } from './heading-line.js';

export type BlockKind = 'paragraph' | 'heading' | 'boilerplate';

/**
 * A span of the original text with its role. `start`/`end` are trimmed: the block never
 * starts or ends with whitespace. A paragraph may cross hard-wrapped line breaks.
 *
 * @example
 * const blocks = cleanText('Budget Talks\n\nTalks resume on Monday.\n\nAdvertisement', 0);
 * blocks.map((b) => b.kind); // ['heading', 'paragraph', 'boilerplate']
 */
export interface Block {
  readonly start: number;
  readonly end: number;
  readonly kind: BlockKind;
  /** For boilerplate: the dictionary label that matched (e.g. 'advertisement'). */
  readonly reason?: string;
}

/**
 * @example
 * cleanText(text, 0, { boilerplate: parseBoilerplate(myRules, 'my-rules.txt') });
 */
export interface CleanOptions {
  /** Defaults to the shipped dictionaries/boilerplate.txt. */
  readonly boilerplate?: BoilerplatePatterns;
}

/**
 * Split text[bodyStart..] into blocks: paragraphs (hard-wrapped lines joined), headings,
 * boilerplate. Blocks come in text order and never overlap; whitespace between them belongs
 * to no block. The text itself is never changed.
 */
export function cleanText(
  text: string,
  bodyStart: number,
  options: CleanOptions = {},
): readonly Block[] {
  if (!Number.isInteger(bodyStart) || bodyStart < 0 || bodyStart > text.length) {
    throw new EntenteError(`bodyStart ${bodyStart} is outside the text (length ${text.length})`);
  }
  const patterns = options.boilerplate ?? defaultBoilerplate();
  const out = new BlockCollector(text, patterns);
  const len = text.length;
  let pos = bodyStart;
  for (;;) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? len : nl;
    let cs = pos;
    while (cs < lineEnd && isSpace(text.charCodeAt(cs))) cs++;
    if (cs === lineEnd) {
      out.flush();
    } else {
      let ce = lineEnd;
      while (ce > cs && isSpace(text.charCodeAt(ce - 1))) ce--;
      out.addLine(cs, ce, cs - pos);
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  out.flush();
  return out.finish();
}

// Hard-wrapped news text wraps near 70 columns; a longer line is a paragraph of its own.
const WRAP_MAX = 100;

type Candidate = 0 | 1;

/** Accumulates the lines of one blank-line-separated block, then emits its blocks. */
class BlockCollector {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly kinds: BlockKind[] = [];
  private readonly reasons: (string | undefined)[] = [];
  private readonly candidates: Candidate[] = [];
  // Lines of the block being read: content start, content end, indentation width.
  private readonly ls: number[] = [];
  private readonly le: number[] = [];
  private readonly li: number[] = [];

  constructor(
    private readonly text: string,
    private readonly patterns: BoilerplatePatterns,
  ) {}

  addLine(cs: number, ce: number, indent: number): void {
    this.ls.push(cs);
    this.le.push(ce);
    this.li.push(indent);
  }

  flush(): void {
    const n = this.ls.length;
    if (n === 0) return;
    const { text, ls, le, li } = this;
    if (n === 1) {
      const cs = ls[0] as number;
      const ce = le[0] as number;
      const line = text.slice(cs, ce);
      const reason = this.patterns.match(line);
      if (reason !== null) this.push(cs, ce, 'boilerplate', reason, 0);
      else this.push(cs, ce, 'paragraph', undefined, isHeadingLine(line) ? 1 : 0);
      this.clearLines();
      return;
    }
    let minIndent = Infinity;
    let wrapped = true;
    for (let i = 0; i < n; i++) {
      minIndent = Math.min(minIndent, li[i] as number);
      if (i < n - 1 && (le[i] as number) - (ls[i] as number) > WRAP_MAX) wrapped = false;
    }
    let paraStart = -1;
    let paraEnd = -1;
    let afterBoilerplate = false;
    for (let i = 0; i < n; i++) {
      const cs = ls[i] as number;
      const ce = le[i] as number;
      const prevEndsSentence =
        i > 0 && endsSentence(text, ls[i - 1] as number, le[i - 1] as number);
      const hardBreak =
        i === 0 ||
        !wrapped ||
        afterBoilerplate ||
        ((li[i] as number) > minIndent && (prevEndsSentence || startsParagraph(text, cs)));
      if (hardBreak || prevEndsSentence) {
        const reason = this.patterns.match(text.slice(cs, ce));
        if (reason !== null) {
          if (paraStart >= 0) this.push(paraStart, paraEnd, 'paragraph', undefined, 0);
          paraStart = -1;
          this.push(cs, ce, 'boilerplate', reason, 0);
          afterBoilerplate = true;
          continue;
        }
      }
      afterBoilerplate = false;
      if (hardBreak && paraStart >= 0) {
        this.push(paraStart, paraEnd, 'paragraph', undefined, 0);
        paraStart = -1;
      }
      if (paraStart < 0) paraStart = cs;
      paraEnd = ce;
    }
    if (paraStart >= 0) this.push(paraStart, paraEnd, 'paragraph', undefined, 0);
    this.clearLines();
  }

  /**
   * Decides headings: a candidate line is a heading when the next block that is not
   * boilerplate is prose or another heading, so a lone Title Case line at the end of an
   * article, or a run of them with no prose after, stays a paragraph.
   */
  finish(): Block[] {
    const n = this.starts.length;
    const kinds = this.kinds;
    // What follows block i, skipping boilerplate: 2 = prose or heading, 1 = other, 0 = nothing.
    let next = 0;
    for (let i = n - 1; i >= 0; i--) {
      if (kinds[i] === 'boilerplate') continue;
      if (this.candidates[i] === 1) {
        if (next === 2) kinds[i] = 'heading';
        next = kinds[i] === 'heading' ? 2 : 1;
      } else {
        next = 2;
      }
    }
    const blocks: Block[] = new Array<Block>(n);
    for (let i = 0; i < n; i++) {
      const reason = this.reasons[i];
      const start = this.starts[i] as number;
      const end = this.ends[i] as number;
      const kind = kinds[i] as BlockKind;
      blocks[i] = reason === undefined ? { start, end, kind } : { start, end, kind, reason };
    }
    return blocks;
  }

  private push(
    start: number,
    end: number,
    kind: BlockKind,
    reason: string | undefined,
    candidate: Candidate,
  ): void {
    this.starts.push(start);
    this.ends.push(end);
    this.kinds.push(kind);
    this.reasons.push(reason);
    this.candidates.push(candidate);
  }

  private clearLines(): void {
    this.ls.length = 0;
    this.le.length = 0;
    this.li.length = 0;
  }
}

/** Same set as the `\s` regex class, tested on a char code without a regex. */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

// Closing quotes and brackets that may follow the final punctuation of a sentence.
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '…']);

function endsSentence(text: string, cs: number, ce: number): boolean {
  let i = ce - 1;
  while (i > cs && CLOSERS.has(text.charAt(i))) i--;
  return SENTENCE_END.has(text.charAt(i));
}

// An indented line opens a paragraph when it begins like one; a lower-case start after a
// line that does not end a sentence is a hanging continuation.
const PARAGRAPH_OPENER = /^[\p{Lu}\p{N}"'“‘«([•*\-–—]/u;

function startsParagraph(text: string, cs: number): boolean {
  return PARAGRAPH_OPENER.test(text.charAt(cs));
}
