import type { Sentence, TokenTable } from '../core/document.js';
import { surfaceForm } from '../kb/compile.js';

/**
 * The resolver's own word split of a document. wink's tokens are right for part of speech
 * but split names unpredictably ("Erdoğan" becomes three tokens, "Kremlin's" stays one), so
 * names are matched over words cut by one fixed rule, applied alike to the text and to every
 * knowledge-base form:
 * - a word is a run of letters, marks and digits; an apostrophe inside it stays ("N'Djamena",
 *   "d'Ivoire") except a final possessive `'s`, which is a word of its own;
 * - periods stay in abbreviations ("U.S.", "D.C.", "St.", initials "J.") and between digits;
 * - every other character (dash, comma, quote, bracket) is a one-character word.
 * A word's `key` is its surface folded as the knowledge base folds names (accents, quotes,
 * dashes), lower-cased and without periods, so "U.S.", "US" and "us" share the key "us";
 * case-sensitive forms are checked afterwards with `exactKey`.
 *
 * @example
 * const w = scanText('Iran’s U.S.-backed rivals', new Set(['st']));
 * w.key; // ['iran', "'s", 'us', '-', 'backed', 'rivals']
 */
export interface Words {
  /** Number of words. */
  readonly n: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly key: readonly string[];
  /** `WORD`, `CAP`, `UPPER`, `DASH`, `POSS`, `NUM` bits. */
  readonly flags: Uint8Array;
  /** wink part of speech of the token the word starts in ('' outside any token). */
  readonly pos: readonly string[];
  /** Index of the sentence (in the document's `sentences`) each word belongs to. */
  readonly sentence: Int32Array;
}

/** A run of letters or digits (not punctuation). */
export const WORD = 1;
/** First letter is upper case. */
export const CAP = 2;
/** Two or more letters, all upper case. */
export const UPPER = 4;
/** A dash or hyphen. */
export const DASH = 8;
/** A possessive `'s` (or `’s`). */
export const POSS = 16;
/** Starts with a digit. */
export const NUM = 32;

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LETTER = /\p{L}/u;

function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // Surrogate halves (letters outside the BMP) count as word characters.
  if (c >= 0xd800 && c <= 0xdfff) return true;
  return WORD_CHAR.test(text[i]!);
}

function isLetterCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(text[i]!);
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpaceCode(c: number): boolean {
  return (
    c <= 32 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff ||
    c === 0x85 ||
    c === 0xad
  );
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2bc;
}

function isDash(c: number): boolean {
  return c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** A word's surface folded like knowledge-base names, case kept, periods dropped. */
export function exactKey(surface: string): string {
  const folded = isAscii(surface) ? surface : surfaceForm(surface);
  return folded.includes('.') ? folded.replace(/\./g, '') : folded;
}

/** A word's match key: `exactKey` lower-cased. */
export function wordKey(surface: string): string {
  for (let i = 0; i < surface.length; i++) {
    const c = surface.charCodeAt(i);
    if (c > 127 || c === 46) return exactKey(surface).toLowerCase();
  }
  return surface.toLowerCase();
}

/** Receives the words of a scan. */
interface Sink {
  push(s: number, e: number, sentence: number, possessive: boolean): void;
}

/** Collects only the word keys of a form (no flags, no typed arrays): cheap for 10,000 forms. */
class KeySink implements Sink {
  readonly keys: string[] = [];
  readonly exact: string[] = [];

  constructor(private readonly text: string) {}

  push(s: number, e: number, _sentence: number, possessive: boolean): void {
    const surface = this.text.slice(s, e);
    const exact = possessive
      ? "'s"
      : isDash(surface.charCodeAt(0))
        ? '-'
        : isWordCode(surface, 0)
          ? exactKey(surface)
          : surface;
    this.exact.push(exact);
    this.keys.push(possessive ? exact : exact.toLowerCase());
  }
}

/**
 * The word keys of a standalone string (a knowledge-base form, a lexicon term), lower-cased
 * (`keys`) and case-kept (`exact`), cut exactly as `scanDocument` cuts text.
 *
 * @example
 * formKeys('U.S. State Department', new Set()).exact; // ['US', 'State', 'Department']
 */
export function formKeys(
  form: string,
  abbreviations: ReadonlySet<string>,
): { keys: string[]; exact: string[] } {
  const sink = new KeySink(form);
  scanRange(form, 0, form.length, 0, abbreviations, sink);
  return { keys: sink.keys, exact: sink.exact };
}

/** Growable columns for one scan. */
class WordSink implements Sink {
  start: number[] = [];
  end: number[] = [];
  key: string[] = [];
  flags: number[] = [];
  sentence: number[] = [];

  constructor(private readonly text: string) {}

  push(s: number, e: number, sentence: number, possessive: boolean): void {
    const text = this.text;
    const c = text.charCodeAt(s);
    let f = 0;
    let key: string;
    if (possessive) {
      f = POSS;
      key = "'s";
    } else if (isWordCode(text, s)) {
      f = WORD;
      const surface = text.slice(s, e);
      if (isDigitCode(c)) f |= NUM;
      else if (c >= 65 && c <= 90) f |= CAP | upperFlag(surface);
      else if (c > 127) {
        const first = String.fromCodePoint(text.codePointAt(s)!);
        if (first !== first.toLowerCase()) f |= CAP | upperFlag(surface);
      }
      key = wordKey(surface);
    } else if (isDash(c)) {
      f = DASH;
      key = '-';
    } else {
      key = text.slice(s, e);
    }
    this.start.push(s);
    this.end.push(e);
    this.key.push(key);
    this.flags.push(f);
    this.sentence.push(sentence);
  }
}

/** `UPPER` when a capitalised word has two or more letters, all upper case ("NATO", "U.S."). */
function upperFlag(surface: string): number {
  let letters = 0;
  for (let k = 0; k < surface.length; k++) {
    const ch = surface[k]!;
    if (ch === '.' || ch === "'" || ch === '\u2019') continue;
    if (ch === ch.toLowerCase()) return 0;
    letters++;
  }
  return letters >= 2 ? UPPER : 0;
}

/**
 * Cuts `text[from, to)` into words (see `Words`), appending to `sink`. `abbreviations` are
 * lower-case words written with a final period ("st", "gen", "mr").
 */
function scanRange(
  text: string,
  from: number,
  to: number,
  sentence: number,
  abbreviations: ReadonlySet<string>,
  sink: Sink,
): void {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    if (isWordCode(text, i)) {
      let j = i + 1;
      let segment = i;
      let innerPeriod = false;
      for (;;) {
        while (j < to && isWordCode(text, j)) j++;
        if (j + 1 >= to) break;
        const d = text.charCodeAt(j);
        if (isApostrophe(d) && isWordCode(text, j + 1)) {
          const s = text.charCodeAt(j + 1);
          const possessive = (s === 115 || s === 83) && (j + 2 >= to || !isWordCode(text, j + 2));
          if (possessive) break;
          j += 2;
          continue;
        }
        if (d === 46 && isLetterCode(text, j + 1) && j - segment <= 2) {
          // U.S, D.C, E.U: short letter groups joined by periods.
          innerPeriod = true;
          j += 1;
          segment = j;
          continue;
        }
        if (
          (d === 46 || d === 44) &&
          isDigitCode(text.charCodeAt(j - 1)) &&
          isDigitCode(text.charCodeAt(j + 1))
        ) {
          j += 1;
          continue;
        }
        break;
      }
      if (j < to && text.charCodeAt(j) === 46) {
        const single = j - segment === 1 && isLetterCode(text, segment);
        if (innerPeriod || single || abbreviations.has(text.slice(i, j).toLowerCase())) j++;
      }
      sink.push(i, j, sentence, false);
      i = j;
      continue;
    }
    if (isApostrophe(c) && i + 1 < to) {
      const s = text.charCodeAt(i + 1);
      const attached = i > from && isWordCode(text, i - 1);
      if (attached && (s === 115 || s === 83) && (i + 2 >= to || !isWordCode(text, i + 2))) {
        sink.push(i, i + 2, sentence, true);
        i += 2;
        continue;
      }
    }
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < to ? 2 : 1;
    sink.push(i, i + width, sentence, false);
    i += width;
  }
}

/** Words of a standalone string (a knowledge-base form or a lexicon term). */
export function scanText(text: string, abbreviations: ReadonlySet<string>): Words {
  const sink = new WordSink(text);
  scanRange(text, 0, text.length, 0, abbreviations, sink);
  return finish(sink, null);
}

/**
 * Words of a document's non-heading sentences, in text order, each with the part of speech
 * of the wink token it starts in.
 */
export function scanDocument(
  text: string,
  sentences: readonly Sentence[],
  tokens: TokenTable,
  abbreviations: ReadonlySet<string>,
): Words {
  const sink = new WordSink(text);
  for (const s of sentences) {
    if (s.heading) continue;
    scanRange(text, s.start, s.end, s.index, abbreviations, sink);
  }
  return finish(sink, tokens);
}

function finish(sink: WordSink, tokens: TokenTable | null): Words {
  const n = sink.start.length;
  const start = Int32Array.from(sink.start);
  const end = Int32Array.from(sink.end);
  const pos: string[] = new Array<string>(n).fill('');
  if (tokens !== null) {
    // Both sequences are in text order: one forward walk pairs each word with its token.
    let t = 0;
    const count = tokens.starts.length;
    for (let w = 0; w < n; w++) {
      const s = start[w]!;
      while (t < count && tokens.ends[t]! <= s) t++;
      if (t < count && tokens.starts[t]! <= s) pos[w] = tokens.pos[t]!;
    }
  }
  return {
    n,
    start,
    end,
    key: sink.key,
    flags: Uint8Array.from(sink.flags),
    pos,
    sentence: Int32Array.from(sink.sentence),
  };
}
