import type { Expression, ExpressionType, TokenTable } from '../core/document.js';
import {
  Follows,
  Starts,
  type ExpressionLexicon,
  type FormToken,
  type Money,
  type Phrase,
  type PhraseIndex,
  type RelativeNode,
  type Slot,
} from './expression-lexicon.js';

export {
  compileExpressionLexicon,
  loadExpressionDictionaries,
  parseExpressionDictionaries,
  ExpressionDictionaryError,
  EXPRESSION_FILES,
  type ExpressionLexicon,
  type ExpressionDictionaries,
  type FormTokeniser,
} from './expression-lexicon.js';

/**
 * Number, money, percent, date, time and duration expressions of one document, found in
 * one left-to-right pass over its token table. Every expression is a run of whole tokens
 * inside one sentence; `text.slice(start, end)` gives its text back. Expressions do not
 * overlap and come in text order.
 *
 * Values have their scale applied ("$4 billion" → 4e9, "77%" → 77, "50 cents" → 0.5); a
 * range has `value` (low) and `valueHigh`. MONEY has its ISO 4217 code as `unit` when the
 * currency is known, PERCENT has `percent`, `percentage points` or `basis points`, DURATION
 * the unit of time. Words before a number that approximate it ("about", "nearly") are left
 * out of the span, so a later stage can read them from the previous token.
 *
 * @example
 * const text = 'Trade rose to about $4 billion.';
 * const a = analyse(nlp, text, cleanText(text, 0)); // a.expressions comes from here
 * recogniseExpressions(text, a.tokens, nlp.expressions);
 * // [{ type: 'MONEY', text: '$4 billion', start: 20, end: 30, sentence: 0, value: 4e9, unit: 'USD' }]
 */
export function recogniseExpressions(
  text: string,
  tokens: TokenTable,
  lexicon: ExpressionLexicon,
): Expression[] {
  return new Scanner(text, tokens, lexicon).run();
}

/** A match starting at the token being scanned; `end` is the exclusive token index. */
interface Match {
  readonly type: ExpressionType | 'SKIP';
  readonly end: number;
  readonly value?: number;
  readonly high?: number;
  readonly unit?: string;
}

const SKIP = 'SKIP' as const;
const RANGE_WORDS = Follows.range | Follows.betweenAnd;
/** Edges of the relative-date trie to follow: at the root only those the token can start. */
const ALL_EDGES = Starts.relative | Starts.number | Starts.weekday | Starts.month;
const SLOT_EDGES: Readonly<Record<Slot, number>> = {
  number: Starts.number,
  ordinal: Starts.number,
  year: Starts.number,
  unit: ALL_EDGES, // never first: the parser rejects a phrase starting with <unit>
  weekday: Starts.weekday,
  month: Starts.month,
};

type NumberShape =
  | 'int' // digits, maybe thousands separators, maybe a decimal part
  | 'words' // number words ("twenty-five", "a dozen")
  | 'article' // "a"/"an" standing for one, only before a unit
  | 'ordinal' // "3rd", "twenty-first"
  | 'range'; // "10-12" in one token

/** A number read at some token: value with scales applied, where it ends, what it looked like. */
interface NumberRead {
  readonly end: number;
  readonly value: number | undefined;
  readonly high: number | undefined;
  readonly shape: NumberShape;
  /** A scale word was applied ("4.5 mln"). */
  readonly scaled: boolean;
  /** What the scale words multiplied by (1 without), to carry it across "10 to 12 million". */
  readonly factor: number;
  /** One plain four-digit token 1000-2099 without separators: possibly a year. */
  readonly year: boolean;
  /** Plain digits 1-31 (or an ordinal "5th"), possibly a day of the month. */
  readonly day: boolean;
  /** Digits with no separator or decimal part, e.g. "1400", "0900", "3". */
  readonly plainDigits: string | null;
}

const ORDINAL_DIGITS = /^(\d+)(?:st|nd|rd|th)$/;
const CLOCK = /^([01]?\d|2[0-4]):([0-5]\d)(?::[0-5]\d)?$/;
const CLOCK_MERIDIEM = /^(1[0-2]|0?\d)(?:[:.]([0-5]\d))?(?:[ap]\.?m\.?)$/;
const ISO_DATE = /^(?:1\d|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const SLASH_DATE = /^(?:0?[1-9]|[12]\d|3[01])\/(?:0?[1-9]|[12]\d|3[01])\/(?:\d\d|(?:19|20)\d\d)$/;
const SEASON = /^((?:19|20)\d\d)[/\-–](\d\d|(?:19|20)\d\d)$/;
const DECADE = /^(?:1[0-9]|20)\d0s$/;
const RANGE =
  /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[-–](\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$/;
const MIXED_FRACTION = /^(\d+)-(\d+)\/(\d+)$/;
const FRACTION = /^(\d+)\/(\d+)$/;
const PHONE = /^(?:\d{3}-\d{4}|\d{2,5}-\d{2,5}-\d{2,5}(?:-\d{1,5})?)$/;
const DIGIT_GROUP = /^[\d-]+$/;
// Characters a thousands group may be separated by: space, no-break space, thin spaces.
const GROUP_SPACES = new Set([' ', '\u00a0', '\u2009', '\u202f']);

function longer(a: Match | null, b: Match | null): Match | null {
  return b !== null && (a === null || b.end > a.end) ? b : a;
}

/** Digits, '.' and ',' only: an ordinary numeral, the common case, checked without a regex. */
function onlyNumeral(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (!(isDigit(c) || c === 46 || c === 44)) return false;
  }
  return true;
}

/** A '-' right after a possible date prefix ("mid-March": prefixes of 3 to 5 letters). */
function hyphenAt(w: string, shortest: number, longest: number): boolean {
  const last = Math.min(longest, w.length - 2);
  for (let k = shortest; k <= last; k++) if (w.charCodeAt(k) === 45) return true;
  return false;
}

/** A token with the possessive clitic attached: "year's", "Tuesday’s". */
function possessive(w: string): boolean {
  const n = w.length;
  if (n < 3 || w.charCodeAt(n - 1) !== 115) return false;
  const c = w.charCodeAt(n - 2);
  return c === 39 || c === 8217;
}

function allDigits(w: string): boolean {
  if (w.length === 0) return false;
  for (let k = 0; k < w.length; k++) if (!isDigit(w.charCodeAt(k))) return false;
  return true;
}

/** An ASCII capital letter. */
function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Parses "155,221", "1.2", "2,500.75"; NaN for anything else ("1,2", "1.2.3"). One pass
 * over the characters: this runs for most numbers in a corpus, regexes showed in profiles.
 */
function parseNumeral(s: string): number {
  const n = s.length;
  let k = 0;
  let whole = 0; // the integer part, exact while it has at most 15 digits
  let lead = 0; // digits before the first comma
  let group = -1; // digits since the last comma, -1 before any comma
  for (; k < n; k++) {
    const c = s.charCodeAt(k);
    if (isDigit(c)) {
      whole = whole * 10 + (c - 48);
      if (group < 0) lead++;
      else group++;
    } else if (c === 44 /* , */) {
      if (group < 0 ? lead === 0 || lead > 3 : group !== 3) return NaN;
      group = 0;
    } else break;
  }
  if (lead === 0 || (group >= 0 && group !== 3)) return NaN;
  if (k === n && k <= 15) return whole;
  if (k < n) {
    if (s.charCodeAt(k) !== 46 /* . */ || k === n - 1) return NaN;
    for (let m = k + 1; m < n; m++) if (!isDigit(s.charCodeAt(m))) return NaN;
  }
  return Number(group < 0 ? s : s.replace(/,/g, ''));
}

/**
 * Multiplies, snapping the binary noise of decimals ("1.15 bn" is 1150000000, not ...0.0000002).
 * Cheap on purpose: toPrecision() showed up in profiles.
 */
function times(a: number, b: number): number {
  const r = a * b;
  const whole = Math.round(r);
  return Math.abs(r - whole) <= Math.abs(r) * 1e-12 ? whole : r;
}

class Scanner {
  private readonly n: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly norm: readonly string[];
  private readonly pos: readonly string[];
  private readonly sentenceOf: Int32Array;
  /** Sentence of the token being matched: no match runs past it. */
  private s = -1;
  /** The token a match is being tried from. */
  private start = -1;
  /** The last number read and its token (see number()). */
  private memoAt = -1;
  private memo: NumberRead | null = null;
  /** The last `Follows` lookup and its token (see fol()). */
  private folAt = -1;
  private folBits = 0;

  constructor(
    private readonly text: string,
    tokens: TokenTable,
    private readonly lex: ExpressionLexicon,
  ) {
    this.n = tokens.starts.length;
    this.starts = tokens.starts;
    this.ends = tokens.ends;
    this.norm = tokens.normal;
    this.pos = tokens.pos;
    this.sentenceOf = tokens.sentence;
  }

  run(): Expression[] {
    const out: Expression[] = [];
    const { n, norm, lex, pos } = this;
    const starts = lex.starts;
    for (let i = 0; i < n;) {
      // No expression starts at a preposition, conjunction, particle or punctuation mark.
      // Asking the tag first spares reading the token string: the tag strings are a
      // handful and stay in cache, the token strings do not (measured: a fifth less time).
      const tag = pos[i] as string;
      if (
        tag === 'ADP' ||
        tag === 'PUNCT' ||
        tag === 'CCONJ' ||
        tag === 'PART' ||
        tag === 'SCONJ'
      ) {
        i++;
        continue;
      }
      const w = norm[i] as string;
      const c = w.charCodeAt(0);
      let m: Match | null = null;
      // Most tokens stop at one Map lookup; sentence bounds are read only for candidates.
      if (isDigit(c)) {
        this.s = this.sentenceOf[i] as number;
        this.start = i;
        m = this.bareNumber(i, w) ?? this.at(i, Starts.number);
      } else {
        let flags = starts.get(w);
        // "Tuesday's", "year's": wink sometimes keeps the clitic on the word (see nm()).
        if (flags === undefined && possessive(w)) flags = starts.get(w.slice(0, -2));
        if (flags !== undefined) {
          this.s = this.sentenceOf[i] as number;
          this.start = i;
          m = this.at(i, flags);
        } else if (c === 43 /* + */ && isDigit(w.charCodeAt(1))) {
          this.s = this.sentenceOf[i] as number;
          this.start = i;
          m = this.phoneRun(i);
        } else if (hyphenAt(w, lex.shortestPrefix, lex.longestPrefix)) {
          this.s = this.sentenceOf[i] as number;
          this.start = i;
          m = this.hyphenatedDate(i);
        }
      }
      if (m === null) {
        i++;
        continue;
      }
      if (m.type !== SKIP) out.push(this.expression(i, m));
      i = m.end;
    }
    return out;
  }

  private expression(i: number, m: Match): Expression {
    const start = this.starts[i] as number;
    const end = this.sentenceStop(m.end - 1, m.type);
    const x: {
      type: ExpressionType;
      text: string;
      start: number;
      end: number;
      sentence: number;
      value?: number;
      valueHigh?: number;
      unit?: string;
    } = {
      type: m.type as ExpressionType,
      text: this.text.slice(start, end),
      start,
      end,
      sentence: this.sentenceOf[i] as number,
    };
    if (m.value !== undefined && Number.isFinite(m.value)) x.value = m.value;
    if (m.high !== undefined && Number.isFinite(m.high)) x.valueHigh = m.high;
    if (m.unit !== undefined) x.unit = m.unit;
    return x;
  }

  // ----- token helpers -------------------------------------------------------------------

  /**
   * Token j exists, is in the sentence being scanned, and does not follow a possessive
   * inside the match: "year's" can end an expression, never continue it.
   */
  private ok(j: number): boolean {
    return (
      j < this.n &&
      this.sentenceOf[j] === this.s &&
      (j <= this.start || !possessive(this.norm[j - 1] as string))
    );
  }

  /**
   * The normal form of token j with a possessive clitic cut off. wink splits "year's" into
   * "year" + "'s" until its cache has seen the whole word in some context, and from then on
   * keeps it as one token, so the same text tokenises differently early and late in a run.
   */
  private nm(j: number): string {
    const w = this.norm[j] as string;
    return possessive(w) ? w.slice(0, -2) : w;
  }

  /**
   * Where an expression ending at token j ends: "20 pct." closing its sentence is "20 pct",
   * the one full stop being the sentence's as much as the abbreviation's. A time keeps it
   * ("5 p.m."), as does any token with another stop inside ("U.S.").
   */
  private sentenceStop(j: number, type: Match['type']): number {
    const end = this.tokenEnd(j);
    if (type === 'TIME' || type === 'DATE' || this.text.charCodeAt(end - 1) !== 46) return end;
    if (j + 1 < this.n && this.sentenceOf[j + 1] === this.sentenceOf[j]) return end;
    const start = this.starts[j] as number;
    const inner = this.text.indexOf('.', start);
    return inner === end - 1 && end - 1 > start ? end - 1 : end;
  }

  /** Where token j ends, without a possessive clitic: "year's" ends after "year". */
  private tokenEnd(j: number): number {
    const end = this.ends[j] as number;
    if (!possessive(this.norm[j] as string)) return end;
    const c = this.text.charCodeAt(end - 2);
    if (c === 39 || c === 8217) return end - 2;
    // An encoded apostrophe ("&#8217;s"): cut from its '&'.
    const amp = this.text.lastIndexOf('&', end - 1);
    return amp > (this.starts[j] as number) ? amp : end - 2;
  }

  private word(j: number): string {
    return this.ok(j) ? this.nm(j) : '';
  }

  /** The token before j in the same sentence, or ''. */
  private before(j: number): string {
    return j > 0 && this.sentenceOf[j - 1] === this.s ? (this.norm[j - 1] as string) : '';
  }

  /** No character between tokens a and a + 1. */
  private touching(a: number): boolean {
    return this.ends[a] === this.starts[a + 1];
  }

  private exactAt(j: number, exact: string): boolean {
    const s = this.starts[j] as number;
    return this.tokenEnd(j) - s === exact.length && this.text.startsWith(exact, s);
  }

  private tokenIs(j: number, t: FormToken): boolean {
    return this.nm(j) === t.normal && (t.exact === null || this.exactAt(j, t.exact));
  }

  /** The longest phrase of `index` starting at token j, within the sentence. */
  private phrase<T>(index: PhraseIndex<T>, j: number): Phrase<T> | null {
    if (!this.ok(j)) return null;
    const list = index.get(this.nm(j));
    if (list === undefined) return null;
    outer: for (const p of list) {
      const len = p.tokens.length;
      if (!this.ok(j + len - 1)) continue;
      for (let k = 0; k < len; k++)
        if (!this.tokenIs(j + k, p.tokens[k] as FormToken)) continue outer;
      return p;
    }
    return null;
  }

  /**
   * `Follows` flags of token j (0 outside the sentence): which word lists it may begin.
   * Reading after a number asks this once instead of each list in turn.
   */
  private fol(j: number): number {
    if (j !== this.folAt) {
      this.folAt = j;
      this.folBits = this.ok(j) ? (this.lex.follows.get(this.nm(j)) ?? 0) : 0;
    }
    return this.folBits;
  }

  /** Token j starts with a digit (and is in the sentence). */
  private digitAt(j: number): boolean {
    return this.ok(j) && isDigit((this.norm[j] as string).charCodeAt(0));
  }

  /** Token j is exactly three digits: a thousands group. */
  private isGroup(j: number): boolean {
    const w = this.word(j);
    return w.length === 3 && allDigits(w);
  }

  private has(role: keyof ExpressionLexicon['connectors'], j: number): boolean {
    return this.ok(j) && this.lex.connectors[role].has(this.nm(j));
  }

  // ----- what may start at token i -------------------------------------------------------

  /** The longest match at i; on a tie the reading tried first wins (relative dates first). */
  private at(i: number, flags: number): Match | null {
    const lex = this.lex;
    // "a"/"an" count only before a scale or a unit of time: settle the common case at once.
    if (flags === Starts.number && lex.articles.has(this.nm(i))) {
      if ((this.fol(i + 1) & (Follows.scale | Follows.duration)) === 0) return null;
    }
    let best: Match | null = null;
    if (flags & ALL_EDGES) {
      const end = this.relative(lex.relative, i, flags);
      if (end > i) best = { type: 'DATE', end };
    }
    if (flags & Starts.number) best = longer(best, this.dayFirstDate(i));
    if (flags & Starts.weekday) best = longer(best, this.weekdayDate(i));
    if (flags & Starts.month) best = longer(best, this.monthDate(i));
    if (flags & Starts.prefix) best = longer(best, this.prefixedDate(i));
    if (flags & Starts.time) {
      const t = this.phrase(this.lex.timeWords, i);
      if (t !== null) best = longer(best, { type: 'TIME', end: i + t.tokens.length });
    }
    if (flags & (Starts.number | Starts.currency)) best = longer(best, this.quantity(i));
    return best;
  }

  /**
   * The common case in one step: a plain numeral ("1,500", "2.5", "1987") with nothing after
   * it that could extend it (no scale, unit, currency, range word, month, digits). Returns
   * exactly what the full reading would, or null to take the full reading.
   */
  private bareNumber(i: number, w: string): Match | null {
    if (!onlyNumeral(w) || this.fol(i + 1) !== 0 || this.digitAt(i + 1)) return null;
    // Leading zeros ("0800") and "(212)" may be phone numbers: full reading.
    if (w.charCodeAt(0) === 48 && w.length > 1 && w.charCodeAt(1) !== 46) return null;
    if (this.before(i) === '(') return null;
    const value = parseNumeral(w);
    if (Number.isNaN(value)) return { type: SKIP, end: i + 1 };
    if (w.length === 4 && value >= 1900 && value <= 2099 && allDigits(w)) {
      return { type: 'DATE', end: i + 1 };
    }
    return { type: 'CARDINAL', end: i + 1, value };
  }

  // ----- numbers -------------------------------------------------------------------------

  /**
   * Reads a number at token j: digits ("155,221", "1 200", "35-1/2", "10-12") or number
   * words ("twenty-five", "one hundred and twenty", "a dozen"), then any scale words
   * ("4.5 mln", "$4-billion"). Returns null where no number starts.
   */
  private number(j: number, articleAlone: boolean): NumberRead | null {
    if (!this.ok(j)) return null;
    // Relative-date patterns, dates and amounts all read the number at the same token.
    if (j !== this.memoAt) {
      this.memoAt = j;
      this.memo = this.readNumber(j);
    }
    const m = this.memo;
    return m !== null && m.shape === 'article' && !articleAlone ? null : m;
  }

  private readNumber(j: number): NumberRead | null {
    const w = this.nm(j);
    if (isDigit(w.charCodeAt(0))) return this.digits(j, w);
    const lex = this.lex;
    if (lex.cardinals.has(w) || lex.ordinals.has(w) || lex.articles.has(w)) return this.words(j);
    return null;
  }

  private digits(j: number, w: string): NumberRead | null {
    let value: number;
    let high: number | undefined;
    let shape: NumberShape = 'int';
    let end = j + 1;
    let plain: string | null = null;
    if (allDigits(w)) {
      value = Number(w);
      plain = w;
      // "1 200 000": thousands groups separated by single spaces; "2,000" when the
      // tokeniser split it after a currency ("Rs.2,000" reads "Rs." "2" "," "000").
      if (
        w.length <= 3 &&
        w.charCodeAt(0) !== 48 &&
        (this.digitAt(end) || this.fol(end) & Follows.comma)
      ) {
        for (;;) {
          const gap = this.ends[end - 1] as number;
          if (this.isGroup(end) && (this.starts[end] as number) - gap === 1) {
            if (!GROUP_SPACES.has(this.text[gap] as string)) break;
            end++;
          } else if (
            this.word(end) === ',' &&
            this.touching(end - 1) &&
            this.touching(end) &&
            this.isGroup(end + 1)
          ) {
            end += 2;
          } else break;
          value = value * 1000 + Number(this.nm(end - 1));
          plain = null;
        }
      }
      // "3 1/2"
      const f = this.digitAt(end) ? FRACTION.exec(this.nm(end)) : null;
      if (f !== null && Number(f[1]) < Number(f[2])) {
        value += Number(f[1]) / Number(f[2]);
        plain = null;
        end++;
      }
    } else if (!Number.isNaN((value = parseNumeral(w)))) {
      // "1.2", "155,221"
    } else {
      let m = ORDINAL_DIGITS.exec(w);
      if (m !== null) {
        const v = Number(m[1]);
        return this.read(end, v, undefined, 'ordinal', 1, v >= 1 && v <= 31, null);
      }
      m = RANGE.exec(w);
      if (m !== null) {
        value = parseNumeral(m[1] as string);
        const h = parseNumeral(m[2] as string);
        // "52-48" is a score or a ratio, not a range: no value.
        if (h > value) high = h;
        else value = NaN;
        shape = 'range';
      } else if ((m = MIXED_FRACTION.exec(w)) !== null) {
        value = Number(m[1]) + Number(m[2]) / Number(m[3]);
      } else if ((m = FRACTION.exec(w)) !== null && Number(m[1]) < Number(m[2])) {
        value = Number(m[1]) / Number(m[2]);
      } else {
        return null;
      }
    }
    return this.scales(j, end, value, high, shape, plain);
  }

  private words(j: number): NumberRead | null {
    const lex = this.lex;
    let total = 0;
    let group = 0;
    let k = j;
    let last: 'none' | 'article' | 'cardinal' | 'scale' | 'and' = 'none';
    let lastCardinal = 0;
    let lastScale = 1;
    for (;;) {
      const w = this.word(k);
      if (w === '') break;
      const card = lex.cardinals.get(w);
      const scale = lex.scales.get(w);
      if (k === j && lex.articles.has(w)) {
        group = lex.articles.get(w) as number;
        last = 'article';
        k++;
      } else if (card !== undefined && last !== 'article' && last !== 'scale') {
        // "twenty five" / "twenty-five", never "five five"
        if (last === 'cardinal' && !(lastCardinal >= 20 && lastCardinal % 10 === 0 && card < 10))
          break;
        group += card;
        lastCardinal = card;
        last = 'cardinal';
        k++;
      } else if (scale !== undefined && last !== 'none') {
        if (scale < 1000) group = times(group === 0 ? 1 : group, scale);
        else {
          total += times(group === 0 ? 1 : group, scale);
          group = 0;
        }
        lastScale = scale;
        last = 'scale';
        k++;
      } else if (last === 'scale' && card !== undefined) {
        // "two thousand five hundred"
        group += card;
        lastCardinal = card;
        last = 'cardinal';
        k++;
      } else if (
        last === 'scale' &&
        lex.connectors.and.has(w) &&
        lex.cardinals.has(this.word(k + 1))
      ) {
        // "one hundred and twenty": the next cardinal continues the group
        last = 'and';
        k++;
      } else if (last === 'and' && card !== undefined) {
        group += card;
        lastCardinal = card;
        last = 'cardinal';
        k++;
      } else if (
        last === 'cardinal' &&
        lastCardinal >= 20 &&
        lastCardinal % 10 === 0 &&
        lex.connectors.hyphen.has(w) &&
        this.touching(k - 1) &&
        this.touching(k)
      ) {
        const next = this.word(k + 1);
        const unit = lex.cardinals.get(next);
        const ord = lex.ordinals.get(next);
        if (unit !== undefined && unit < 10) {
          group += unit;
          lastCardinal = unit;
          k += 2;
        } else if (ord !== undefined && ord < 10) {
          // "twenty-first"
          const v = total + group + ord;
          return this.read(k + 2, v, undefined, 'ordinal', 1, v <= 31, null);
        } else break;
      } else if (k === j && lex.ordinals.has(w)) {
        const v = lex.ordinals.get(w) as number;
        return this.read(k + 1, v, undefined, 'ordinal', 1, v <= 31, null);
      } else break;
    }
    if (last === 'none') return null;
    if (last === 'article') {
      return this.read(k, 1, undefined, 'article', 1, false, null);
    }
    return this.read(
      k,
      total + group,
      undefined,
      'words',
      last === 'scale' ? lastScale : 1,
      false,
      null,
    );
  }

  /** Applies scale words after digits: "4.5 mln", "1.2 trillion", "$4-billion", "10-12 bn". */
  private scales(
    j: number,
    end: number,
    value: number,
    high: number | undefined,
    shape: NumberShape,
    plain: string | null,
  ): NumberRead {
    const lex = this.lex;
    let k = end;
    let factor = 1;
    for (;;) {
      if ((this.fol(k) & (Follows.scale | Follows.hyphen)) === 0) break;
      let s = lex.scales.get(this.word(k));
      let step = 1;
      if (
        s === undefined &&
        lex.connectors.hyphen.has(this.word(k)) &&
        this.touching(k - 1) &&
        this.ok(k + 1) &&
        this.touching(k)
      ) {
        s = lex.scales.get(this.word(k + 1));
        step = 2;
      }
      if (s === undefined) break;
      value = times(value, s);
      if (high !== undefined) high = times(high, s);
      factor = times(factor, s);
      k += step;
    }
    const bare = factor === 1 ? plain : null;
    const year = bare !== null && bare.length === 4 && value >= 1000 && value <= 2099;
    const day = bare !== null && bare.length <= 2 && value >= 1 && value <= 31;
    return this.read(k, value, high, shape, factor, day, bare, year);
  }

  private read(
    end: number,
    value: number | undefined,
    high: number | undefined,
    shape: NumberShape,
    factor: number,
    day: boolean,
    plainDigits: string | null,
    year = false,
  ): NumberRead {
    return { end, value, high, shape, scaled: factor !== 1, factor, year, day, plainDigits };
  }

  // ----- amounts: CARDINAL, ORDINAL, MONEY, PERCENT, DURATION, TIME, year DATE ----------

  private quantity(i: number): Match | null {
    const lex = this.lex;
    const w = this.nm(i);
    if (isDigit(w.charCodeAt(0))) {
      const special = this.specialDigits(i, w);
      if (special !== null) return special;
    }
    let j = i;
    const before = isDigit(w.charCodeAt(0)) ? null : this.phrase(lex.currencyBefore, i);
    if (before !== null) j = i + before.tokens.length;
    const num = this.number(j, before === null);
    if (num === null) return null;
    if (num.shape === 'ordinal') {
      return before === null ? { type: 'ORDINAL', end: num.end, value: num.value } : null;
    }
    let { value, high } = num;
    let end = num.end;
    let scaled = num.scaled;

    // A range: "10 to 12", "10 - 12 million", "between 10 and 12", "$2 billion to $3 billion".
    if ((num.shape === 'int' || num.shape === 'words') && this.fol(end) & RANGE_WORDS) {
      const r = this.range(i, end, before?.data ?? null, num);
      if (r !== null) {
        end = r.end;
        value = r.value;
        high = r.high;
        scaled ||= r.scaled;
      }
    }

    // "$5m", "£2b": a scale letter against the digits, only in money.
    let attached = 0;
    if (!scaled && end > j && this.fol(end) & Follows.attachedScale && this.touching(end - 1)) {
      const s = lex.attachedScales.get(this.nm(end));
      if (s !== undefined && (before !== null || this.moneyAfter(end + 1) !== null)) attached = s;
    }
    if (attached !== 0) {
      value = value === undefined ? undefined : times(value, attached);
      high = high === undefined ? undefined : times(high, attached);
      scaled = true;
      end++;
    }

    if (before !== null) {
      if (num.shape === 'article') return null;
      return this.money(end, value, high, before.data);
    }
    // One lookup says which of the word lists the next token can begin.
    const next = this.fol(end);
    const after = next & Follows.currencyAfter ? this.moneyAfter(end) : null;
    if (after !== null) {
      if (num.shape === 'article') return null;
      return this.money(end + after.tokens.length, value, high, after.data);
    }
    // "50-cent shares", "a 10-dlr fee": a one-word currency joined by a hyphen (not "a
    // 2,000-pound bomb": a currency that is also a weight stays out)
    if (next & Follows.hyphen && num.shape !== 'article') {
      const joined = this.hyphenMoney(end);
      if (joined !== null) return this.money(end + 2, value, high, joined.data);
    }
    const pct = next & Follows.percent ? this.phrase(lex.percent, end) : null;
    if (pct !== null && num.shape !== 'article') {
      return { type: 'PERCENT', end: end + pct.tokens.length, value, high, unit: pct.data };
    }

    if (next & (Follows.meridiem | Follows.zone | Follows.time)) {
      const time = this.clockAfterNumber(end, num);
      if (time !== null) return time;
    }

    if (next & (Follows.duration | Follows.hyphen)) {
      const duration = this.duration(i, end, num);
      if (duration !== null) {
        return { type: 'DURATION', end: duration.end, value, high, unit: duration.unit };
      }
    }
    if (num.shape === 'article') return null;

    // A bare 1900-2099 is a year unless a count noun follows ("2023 tonnes").
    if (num.year && high === undefined && (next & Follows.countNoun) === 0) {
      if (value !== undefined && value >= 1900) return { type: 'DATE', end };
    }
    return { type: 'CARDINAL', end, value, high };
  }

  /** Single digit tokens that are not plain amounts: dates, times, phone numbers. */
  private specialDigits(i: number, w: string): Match | null {
    if (onlyNumeral(w)) {
      // "(212) 555-1234"
      if (this.before(i) === '(' && this.word(i + 1) === ')' && PHONE.test(this.word(i + 2))) {
        return this.phoneRun(i);
      }
      // "0800 123 456": a leading zero followed by more digit groups is a phone number
      if (w.length > 2 && w.charCodeAt(0) === 48 && allDigits(w) && allDigits(this.word(i + 1))) {
        return this.phoneRun(i);
      }
      return null;
    }
    if (ISO_DATE.test(w) || SLASH_DATE.test(w) || DECADE.test(w))
      return { type: 'DATE', end: i + 1 };
    const season = SEASON.exec(w);
    if (season !== null) {
      const a = season[1] as string;
      const b = season[2] as string;
      const second = b.length === 2 ? Number(a.slice(0, 2) + b) : Number(b);
      if (second > Number(a) && second - Number(a) < 100) return { type: 'DATE', end: i + 1 };
    }
    if (PHONE.test(w)) return this.phoneRun(i);
    if (CLOCK.test(w)) {
      const mer = this.phrase(this.lex.meridiems, i + 1);
      return {
        type: 'TIME',
        end: this.zoneAfter(mer === null ? i + 1 : i + 1 + mer.tokens.length),
      };
    }
    if (CLOCK_MERIDIEM.test(w)) return { type: 'TIME', end: this.zoneAfter(i + 1) };
    return null;
  }

  /** Skips a phone number: digit groups, hyphens and brackets a space apart at most. */
  private phoneRun(i: number): Match {
    let k = i + 1;
    while (this.ok(k) && (this.starts[k] as number) - (this.ends[k - 1] as number) <= 1) {
      const w = this.nm(k);
      if (!(DIGIT_GROUP.test(w) || w === '(' || w === ')')) break;
      k++;
    }
    return { type: SKIP, end: k };
  }

  private range(
    i: number,
    end: number,
    money: Money | null,
    low: NumberRead,
  ): { end: number; value: number | undefined; high: number; scaled: boolean } | null {
    const lex = this.lex;
    const w = this.word(end);
    const prev = this.before(i);
    let joins = lex.connectors.range.has(w) && !lex.connectors['change-from'].has(prev);
    if (!joins && lex.connectors['between-and'].has(w)) joins = lex.connectors.between.has(prev);
    const either = !joins && lex.connectors.either.has(w);
    if (!joins && !either) return null;
    let k = end + 1;
    if (money !== null) {
      const again = this.phrase(lex.currencyBefore, k);
      if (again !== null && again.data === money) k += again.tokens.length;
    }
    const hi = this.number(k, false);
    if (hi === null || (hi.shape !== 'int' && hi.shape !== 'words') || hi.value === undefined) {
      return null;
    }
    if (low.year && hi.year) return null; // "1990 to 1995": two years, not a count
    // "from 323,000 bpd in 1985 to 342,000 bpd": a year, then a figure written with a
    // separator, decimals or a scale; a count range keeps one style ("1500 to 2000")
    if (low.year && hi.plainDigits === null) return null;
    let lo = low.value;
    if (lo === undefined) return null;
    // "10 to 12 million": the scale of the high end applies to the low end too.
    if (hi.scaled && !low.scaled) lo = times(lo, hi.factor);
    if (!(hi.value > lo)) return null;
    // "five or six", "700 or 800 mln": two guesses of one figure, written alike and close;
    // not "3 or 30", nor "5 or six"
    if (either && (hi.shape !== low.shape || hi.value > 3 * lo)) return null;
    return { end: hi.end, value: lo, high: hi.value, scaled: hi.scaled || low.scaled };
  }

  private money(end: number, value: number | undefined, high: number | undefined, m: Money): Match {
    const d = m.divisor;
    return {
      type: 'MONEY',
      end,
      value: value === undefined || d === 1 ? value : value / d,
      high: high === undefined || d === 1 ? high : high / d,
      unit: m.code ?? undefined,
    };
  }

  /** "-cent" at j: a hyphen against both neighbours, then a one-word currency. */
  private hyphenMoney(j: number): Phrase<Money> | null {
    if (
      !this.lex.connectors.hyphen.has(this.word(j)) ||
      !this.ok(j + 1) ||
      !this.touching(j - 1) ||
      !this.touching(j) ||
      (this.fol(j + 1) & Follows.currencyAfter) === 0
    )
      return null;
    const p = this.moneyAfter(j + 1);
    return p !== null && p.tokens.length === 1 && !p.data.notBeforeOf && !p.data.attached
      ? p
      : null;
  }

  private moneyAfter(j: number): Phrase<Money> | null {
    const p = this.phrase(this.lex.currencyAfter, j);
    if (p === null || (p.data.attached && !this.touching(j - 1))) return null;
    const next = j + p.tokens.length;
    if (p.data.notBeforeOf && this.lex.connectors.of.has(this.word(next))) return null;
    // "13 Euro-MTN programs": a currency word hyphened to a name modifies it (not "50 mln
    // euro-denominated notes", still 50 mln euros)
    if (
      this.lex.connectors.hyphen.has(this.word(next)) &&
      this.touching(next - 1) &&
      this.touching(next) &&
      this.ok(next + 1) &&
      isUpper(this.text.charCodeAt(this.starts[next + 1] as number))
    )
      return null;
    // "500 ₽100": a symbol against the next number belongs to that number.
    if (isDigit(this.word(next).charCodeAt(0)) && this.touching(next - 1)) return null;
    return p;
  }

  /** "3 p.m.", "10.30 am", "1400 GMT", "12 noon": a TIME ending after the number. */
  private clockAfterNumber(end: number, num: NumberRead): Match | null {
    const lex = this.lex;
    if (num.shape !== 'int' || num.value === undefined) return null;
    const v = num.value;
    const hourLike =
      v >= 0 &&
      v <= 12 &&
      (num.plainDigits !== null || /^\d{1,2}\.[0-5]\d$/.test(this.nm(end - 1)));
    if (hourLike) {
      const mer = this.phrase(lex.meridiems, end);
      if (mer !== null) return { type: 'TIME', end: this.zoneAfter(end + mer.tokens.length) };
      const word = this.phrase(lex.timeWords, end);
      if (word !== null && v === 12) return { type: 'TIME', end: end + word.tokens.length };
    }
    const d = num.plainDigits;
    if (d !== null && d.length === 4 && Number(d.slice(0, 2)) < 24 && Number(d.slice(2)) < 60) {
      const zone = this.phrase(lex.zones, end);
      if (zone !== null) return { type: 'TIME', end: end + zone.tokens.length };
    }
    return null;
  }

  private zoneAfter(j: number): number {
    const zone = this.phrase(this.lex.zones, j);
    return zone === null ? j : j + zone.tokens.length;
  }

  /** "three years", "a decade", "six-month": a number and a unit of time. */
  private duration(i: number, end: number, num: NumberRead): Match | null {
    const lex = this.lex;
    let k = end;
    if (
      lex.connectors.hyphen.has(this.word(k)) &&
      this.touching(k - 1) &&
      this.ok(k + 1) &&
      this.touching(k)
    ) {
      k++;
    }
    const unit = this.phrase(lex.durations, k);
    if (unit === null || (k !== end && unit.tokens.length !== 1)) return null;
    const after = k + unit.tokens.length;
    // "a year-on-year rise", "two year-ago quarters": the unit is part of another word.
    if (k === end && this.has('hyphen', after) && this.touching(after - 1)) return null;
    if (num.shape === 'article') {
      // "barrels a day", "$5 billion a year" are rates, not durations.
      const p = i > 0 && this.sentenceOf[i - 1] === this.s ? (this.pos[i - 1] as string) : '';
      if (p === 'NOUN' || p === 'PROPN' || p === 'NUM' || p === 'SYM') return null;
      if (this.lex.scales.has(this.before(i))) return null;
    }
    return { type: 'DURATION', end: after, unit: unit.data };
  }

  // ----- dates ---------------------------------------------------------------------------

  /** Is token j a day of the month: "5", "05", "5th", "fifth", "5-7"? Returns its end or -1. */
  private dayAt(j: number): number {
    if (!this.ok(j)) return -1;
    const w = this.nm(j);
    if (isDigit(w.charCodeAt(0))) {
      if (w.length > 5) return -1;
      let m = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(w);
      if (m !== null) {
        const v = Number(m[1]);
        return v >= 1 && v <= 31 ? j + 1 : -1;
      }
      m = /^(\d{1,2})[-–](\d{1,2})$/.exec(w);
      if (m !== null && Number(m[1]) >= 1 && Number(m[2]) <= 31 && Number(m[1]) < Number(m[2])) {
        return j + 1;
      }
      return -1;
    }
    const v = this.lex.ordinals.get(w);
    return v !== undefined && v <= 31 ? j + 1 : -1;
  }

  /** A plain four-digit year 1000-2099 at j that is not a count ("March 2024", not "2024 tonnes"). */
  private yearAt(j: number): boolean {
    const w = this.word(j);
    if (w.length !== 4 || !allDigits(w)) return false;
    const v = Number(w);
    if (v < 1000 || v > 2099) return false;
    return (this.fol(j + 1) & (Follows.countNoun | Follows.scale)) === 0;
  }

  /** After a month (and day): ", 2024" or " 2024". Returns the new end. */
  private yearAfter(j: number): number {
    if (this.yearAt(j)) return j + 1;
    if (this.has('comma', j) && this.yearAt(j + 1)) return j + 2;
    return j;
  }

  /** A day that is not a count: the token after it is no unit, scale or currency. */
  private dayStandsAlone(k: number): boolean {
    const f = this.fol(k);
    if (f & (Follows.scale | Follows.countNoun)) return false;
    return !(
      (f & Follows.percent && this.phrase(this.lex.percent, k) !== null) ||
      (f & Follows.currencyAfter && this.moneyAfter(k) !== null) ||
      (f & Follows.duration && this.phrase(this.lex.durations, k) !== null)
    );
  }

  /** "March", "March 5", "March 5, 2024", "March 2024", "Jan. 5", "March 5-7". */
  private monthDate(i: number): Match | null {
    const m = this.phrase(this.lex.months, i);
    if (m === null) return null;
    let j = i + m.tokens.length;
    let withNumber = false;
    const dayEnd = this.dayAt(j);
    if (dayEnd > 0 && this.dayStandsAlone(dayEnd)) {
      j = dayEnd;
      withNumber = true;
    }
    const y = this.yearAfter(j);
    if (y > j) withNumber = true;
    j = y;
    if (!withNumber && !this.monthAlone(i, m.data.guard)) return null;
    return { type: 'DATE', end: j };
  }

  private monthAlone(i: number, guard: 'none' | 'needs-number' | 'needs-lead'): boolean {
    if (guard === 'needs-number') return false;
    const prev = this.before(i);
    if (guard === 'needs-lead') return this.lex.leads.has(prev);
    // "Ms June", "Theresa May": a name, not a month.
    return !(prev !== '' && this.pos[i - 1] === 'PROPN' && !this.lex.leads.has(prev));
  }

  /** "5 March", "5th March 2024", "the 3rd of May", "5-7 March". */
  private dayFirstDate(i: number): Match | null {
    // Cheap test first: a day is followed by a month or "of".
    if ((this.fol(i + 1) & (Follows.month | Follows.of)) === 0) return null;
    const d = this.dayAt(i);
    if (d < 0) return null;
    let j = d;
    if (this.has('of', j) && !allDigits(this.nm(i))) j++;
    const m = this.phrase(this.lex.months, j);
    if (m === null) return null;
    return { type: 'DATE', end: this.yearAfter(j + m.tokens.length) };
  }

  /** "Tuesday", "Tuesday, March 5", "Tuesday 5 March". */
  private weekdayDate(i: number): Match | null {
    const wd = this.phrase(this.lex.weekdays, i);
    if (wd === null) return null;
    const j = i + wd.tokens.length;
    const k = this.has('comma', j) ? j + 1 : j;
    const follow = this.monthDate(k) ?? this.dayFirstDate(k);
    // Only a month with a day or year continues the weekday ("Tuesday, March 5").
    if (follow !== null && follow.end - k > 1) return { type: 'DATE', end: follow.end };
    return { type: 'DATE', end: j };
  }

  /** "end-March", "mid-1987" written as three tokens ("end", "-", "March"). */
  private prefixedDate(i: number): Match | null {
    const h = i + 1;
    if (!this.has('hyphen', h) || !this.touching(i) || !this.ok(h + 1) || !this.touching(h))
      return null;
    const k = h + 1;
    if (this.yearAt(k)) return { type: 'DATE', end: k + 1 };
    const m = this.phrase(this.lex.months, k);
    if (m === null) return null;
    return { type: 'DATE', end: this.yearAfter(k + m.tokens.length) };
  }

  /** "mid-March", "mid-1987" as one token. */
  private hyphenatedDate(i: number): Match | null {
    const w = this.nm(i);
    const cut = w.indexOf('-');
    if (!this.lex.prefixes.has(w.slice(0, cut))) return null;
    const rest = w.slice(cut + 1);
    if (/^(?:1\d|20)\d\d$/.test(rest) || DECADE.test(rest)) return { type: 'DATE', end: i + 1 };
    const month = this.lex.monthWords.get(rest);
    if (month === undefined) return null;
    const at = (this.starts[i] as number) + cut + 1;
    if (month.exact !== null && !this.text.startsWith(month.exact, at)) return null;
    return { type: 'DATE', end: this.yearAfter(i + 1) };
  }

  // ----- relative dates ------------------------------------------------------------------

  /** The longest relative-date phrase from `node` at token k, as its end token, or -1. */
  private relative(node: RelativeNode, k: number, edges = ALL_EDGES): number {
    let best = node.end ? k : -1;
    if (!this.ok(k)) return best;
    const words =
      edges & Starts.relative && node.words.size > 0 ? node.words.get(this.nm(k)) : undefined;
    if (words !== undefined) {
      for (const e of words) {
        if (this.tokenIs(k, e.token)) best = Math.max(best, this.relative(e.node, k + 1));
      }
    }
    for (const { slot, node: next } of node.slots) {
      if ((edges & SLOT_EDGES[slot]) === 0) continue;
      const end = this.slotEnd(slot, k);
      if (end > k) best = Math.max(best, this.relative(next, end));
    }
    return best;
  }

  /** Where a placeholder's match starting at k ends, or -1. */
  private slotEnd(slot: Slot, k: number): number {
    switch (slot) {
      case 'number': {
        const num = this.number(k, true);
        const ok =
          num !== null &&
          num.value !== undefined &&
          num.shape !== 'ordinal' &&
          num.shape !== 'range';
        return ok ? num.end : -1;
      }
      case 'ordinal': {
        const num = this.number(k, false);
        return num !== null && num.shape === 'ordinal' ? num.end : -1;
      }
      case 'year':
        return this.yearAt(k) ? k + 1 : -1;
      case 'unit':
        return this.fol(k) & Follows.duration ? this.phraseEnd(this.lex.durations, k) : -1;
      case 'weekday':
        return this.phraseEnd(this.lex.weekdays, k);
      case 'month':
        return this.phraseEnd(this.lex.months, k);
    }
  }

  private phraseEnd<T>(index: PhraseIndex<T>, k: number): number {
    const p = this.phrase(index, k);
    return p === null ? -1 : k + p.tokens.length;
  }
}
