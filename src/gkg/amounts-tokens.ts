import type { Entity, Expression, Sentence, TokenTable } from '../core/document.js';
import type { AmountData, CasualtyEntry, ChangeEntry, UnitEntry } from './amounts-data.js';
import { firstTokenAtOrAfter } from '../nlp/token-table.js';

/*
 * The token layer of the amounts reader (src/gkg/amounts.ts): one document's tokens by
 * sentence, the date and number expressions over them, and the noun-phrase helpers every
 * other layer reads with (amounts-subject.ts, amounts-units.ts, amounts-about.ts).
 */

/** What amounts are read from: the analysed document and its resolved actors. */
export interface AmountInput {
  readonly text: string;
  /** Publication date YYYY-MM-DD ("last year" is read against it), or null. */
  readonly date: string | null;
  readonly sentences: readonly Sentence[];
  readonly tokens: TokenTable;
  readonly expressions: readonly Expression[];
  readonly entities: readonly Entity[];
}

export const NP_POS = new Set(['NOUN', 'PROPN', 'ADJ']);
export const SKIP_BEFORE_VERB = new Set(['AUX', 'ADV', 'PART']);
export const MAX_WALK = 8;
export const MAX_NP = 5;

/** 0.01 for a money amount written in a subunit ("7.6 cents" is 0.076 USD), else 1. */
export function subunitOf(x: Expression): number {
  const m = /\d[\d,]*(?:\.\d+)?/.exec(x.text);
  const written = m === null ? NaN : Number(m[0].replace(/,/g, ''));
  if (!(written > 0) || x.value === undefined) return 1;
  const ratio = x.value / written;
  return ratio < 0.5 ? 10 ** Math.round(Math.log10(ratio)) : 1;
}

/** 12 significant digits: "5.2 cents" is 0.052, not 0.052000000000000005. */
export function tidy(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(12));
}

/*
 * Per-token arrays of the document being read (sentence bounds, date and number tokens) are
 * views on these buffers, grown as needed: a reader lives for one synchronous
 * `extractQuantities` call, so one document's arrays never outlive the next one's.
 */
let INTS = new Int32Array(256);
let BYTES = new Uint8Array(4096);
function scratchInts(size: number): Int32Array {
  if (INTS.length < size) INTS = new Int32Array(Math.max(size, 2 * INTS.length));
  return INTS;
}
function scratchBytes(size: number): Uint8Array {
  if (BYTES.length < size) BYTES = new Uint8Array(Math.max(size, 2 * BYTES.length));
  return BYTES;
}

/** What `qualifierBefore` returns when no qualifier ends before the amount (never mutated). */
const NO_QUALIFIER: [null, number] = [null, 0];

/** People nouns of units.tsv ("protesters"), once per loaded data (immutable, so cached). */
const CROWD_NOUNS = new WeakMap<AmountData, ReadonlySet<string>>();
function crowdNounsOf(d: AmountData): ReadonlySet<string> {
  let crowd = CROWD_NOUNS.get(d);
  if (crowd === undefined) {
    const set = new Set<string>();
    for (const list of d.units.values())
      for (const u of list) if (u.kind === 'people' && u.about !== null) set.add(u.about);
    crowd = set;
    CROWD_NOUNS.set(d, crowd);
  }
  return crowd;
}

export interface Draft {
  a: number; // first token of the number
  b: number; // token after the number (before any unit word)
  e: number; // token after the amount (unit words included)
  unit: string | null;
  unitEntry: UnitEntry | null;
  about: string | null;
  /** A currency amount (or a bare scaled number read as one). */
  money: boolean;
  /** Token range that gave `about`, for the actors' scope. */
  lo: number;
  hi: number;
  /** The subject noun phrase found for a verb of change, reused by "..., up 5%". */
  subject: string | null;
  casualty: CasualtyEntry | null;
  /** The recogniser's expression ("7.6 cents": its subunit is read only when compared). */
  readonly expr: Expression;
  /** Multiplies the recogniser's value: a bare figure compared to cents is in cents. */
  factor: number;
  /** On a line of figures: `about` is the line's heading ("Net 28.4 mln vs 15.2 mln"). */
  tabled: boolean;
}

/** Tokens of one document and the phrases around an amount; state of one `extractQuantities` run. */
export class TokenReader {
  protected readonly t: TokenTable;
  protected readonly n: number;
  /** First token of each sentence, and one past its last. */
  protected readonly first: Int32Array;
  protected readonly last: Int32Array;
  protected readonly docYear: number | null;
  /** `about` labels that are themselves people nouns ("protesters"), from units.tsv. */
  protected readonly crowdNouns: ReadonlySet<string>;
  /** 1 for tokens inside a date, time or duration expression ("in January", "yesterday"). */
  protected readonly dateTok: Uint8Array;
  /** 1 for tokens inside a money, percent or number expression ("400 mln stg"). */
  protected readonly numTok: Uint8Array;
  /**
   * 1 for a participle read as a verb that modifies the noun after it, 2 for a plural noun read
   * as a verb (see `findModifiers`); `pos` gives them as ADJ and NOUN.
   */
  protected readonly modifierTok: Uint8Array;
  protected s0 = 0;
  protected s1 = 0;
  /**
   * The dollar currency other than USD the document last wrote money in ("HK dlrs", "C$"), or
   * that of its first listed company ("<CKGH.HK>"): a later "cents" or plain "dlrs" amount is
   * in that currency. Reset by an amount written in U.S. dollars.
   */
  protected dollars: string | null = null;
  /** The currency (ISO code) of the document's last money amount, or null before any. */
  protected docMoney: string | null = null;
  /** The amount read last (before its quantity is finished, see `noteDollars`), or null. */
  protected noted: Draft | null = null;
  /** The last amount of the previous sentence with a sentence: "That compared with 9 pct". */
  protected lastDraft: Draft | null = null;
  /** Document cues of senses.tsv already looked for, by their words (immutable data). */
  protected readonly documentCues = new Map<readonly string[], boolean>();
  /** The sentence's last amount in a unit of measure ("1,073 billion kilowatt hours"). */
  protected measureDraft: Draft | null = null;
  /** The sentence's last amount with a subject found for it ("the rate climbed 4.4 pct"). */
  protected subjectDraft: Draft | null = null;
  /** The currency the document's last line of figures was written in ("Shr 12 cts vs ..."). */
  protected tableMoney: string | null = null;

  constructor(
    protected readonly d: AmountData,
    protected readonly input: AmountInput,
  ) {
    this.t = input.tokens;
    this.n = this.t.starts.length;
    const m = input.sentences.length;
    // views on buffers kept between documents: no typed array is allocated per document
    const ints = scratchInts(2 * m);
    this.first = ints.subarray(0, m).fill(-1);
    this.last = ints.subarray(m, 2 * m).fill(-1);
    for (let i = 0; i < this.n; i++) {
      const s = this.t.sentence[i] as number;
      if (this.first[s] === -1) this.first[s] = i;
      this.last[s] = i + 1;
    }
    const y = input.date === null ? NaN : Number(input.date.slice(0, 4));
    this.docYear = Number.isFinite(y) ? y : null;
    this.crowdNouns = crowdNounsOf(d);
    this.dollars = this.listedDollars();
    const bytes = scratchBytes(3 * this.n).fill(0, 0, 3 * this.n);
    this.dateTok = bytes.subarray(0, this.n);
    this.numTok = bytes.subarray(this.n, 2 * this.n);
    this.modifierTok = bytes.subarray(2 * this.n, 3 * this.n);
    for (const x of input.expressions) {
      const from = this.tokenAt(x.start);
      const to = this.tokenAt(x.end);
      if (x.type === 'DATE' || x.type === 'TIME' || x.type === 'DURATION')
        this.dateTok.fill(1, from, to);
      else if (x.type === 'MONEY' || x.type === 'CARDINAL' || x.type === 'PERCENT')
        this.numTok.fill(1, from, to);
    }
    this.findModifiers();
  }

  /**
   * Marks participles the tagger read as verbs that modify the noun after them, as an adjective
   * does: between a determiner or possessive and a noun ("its posted prices", "the revised
   * figures"), or opening a line of figures ("Working profit 487.5 mln vs 559.6 mln"); and
   * plurals read as verbs right before an auxiliary ("Multi-family permits were up").
   */
  private findModifiers(): void {
    const { pos, normal, sentence } = this.t;
    const possessive = this.d.words.possessive;
    for (let i = 0; i + 1 < this.n; i++) {
      if (pos[i] !== 'VERB') continue;
      const w = normal[i] as string;
      // "Multi-family permits were up": a plural read as a verb right before an auxiliary of
      // its own sentence is the subject's noun
      if (pos[i + 1] === 'AUX' && w.endsWith('s') && sentence[i + 1] === sentence[i]) {
        this.modifierTok[i] = 2;
        continue;
      }
      if (pos[i + 1] !== 'NOUN') continue;
      if (i === 0 || sentence[i - 1] !== sentence[i]) {
        if (w.endsWith('ing') && i + 2 < this.n && this.numTok[i + 2] === 1)
          this.modifierTok[i] = 1;
        continue;
      }
      if (!w.endsWith('ed') || sentence[i - 1] !== sentence[i + 1]) continue;
      if (pos[i - 1] === 'DET' || possessive.has(normal[i - 1] as string)) this.modifierTok[i] = 1;
    }
  }

  /** The local dollar of the first ticker with a listing of units.tsv ("<CKGH.HK>"), or null. */
  private listedDollars(): string | null {
    const { listings } = this.d;
    if (listings.size === 0) return null;
    const normal = this.t.normal;
    const text = this.input.text;
    // from each "<" of the text (a few per story), not a comparison per token
    for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
      const i = this.tokenAt(at);
      if (i + 4 >= this.n || this.t.starts[i] !== at) continue;
      if (normal[i + 2] !== '.' || normal[i + 4] !== '>') continue;
      const unit = listings.get(normal[i + 3] as string);
      if (unit !== undefined) return unit;
    }
    return null;
  }

  /** The phrase [lo, hi) ends in a period word ("the year", "the first quarter"). */
  protected endsInPeriod(np: readonly [number, number]): boolean {
    return this.d.words['time-noun'].has(this.norm(np[1] - 1));
  }

  /** "to", "at", "from" (words.tsv `level-prep`): the amount after it is a level, not a change. */
  protected levelPrep(w: string | null): boolean {
    return w !== null && this.d.words['level-prep'].has(w);
  }

  /**
   * Tokens [i, j), one or two of them, only join a figure to a bare one compared with it
   * ("vs", "from", "compared with": words.tsv `compare` and `compare-link`).
   */
  protected comparedRun(i: number, j: number): boolean {
    if (j - i < 1 || j - i > 2) return false;
    for (let k = i; k < j; k++) {
      const w = this.norm(k);
      if (!this.d.words.compare.has(w) && !this.d.words['compare-link'].has(w)) return false;
    }
    return true;
  }

  /** The phrase names a period or starts with a date: a time, never what is counted. */
  protected periodPhrase(np: readonly [number, number]): boolean {
    return this.endsInPeriod(np) || this.dateTok[np[0]] === 1;
  }

  protected norm(i: number): string {
    return this.t.normal[i] as string;
  }

  protected lemma(i: number): string {
    return this.t.lemma[i] as string;
  }

  protected pos(i: number): string {
    const m = this.modifierTok[i];
    return m === 0 ? (this.t.pos[i] as string) : m === 1 ? 'ADJ' : 'NOUN';
  }

  /** First token starting at or after `offset`. */
  protected tokenAt(offset: number): number {
    return firstTokenAtOrAfter(this.t, offset);
  }

  /** True when a line break separates token i-1 from token i. */
  protected lineBreakBefore(i: number): boolean {
    if (i <= 0) return true;
    const text = this.input.text;
    const to = this.t.starts[i] as number;
    for (let c = this.t.ends[i - 1] as number; c < to; c++)
      if (text.charCodeAt(c) === 10) return true;
    return false;
  }

  /** Normalised phrase of tokens [lo, hi): lower case, acronyms kept, hyphens closed up. */
  protected phrase(lo: number, hi: number): string {
    const parts: string[] = [];
    for (let i = lo; i < hi; i++) {
      const raw = this.input.text.slice(this.t.starts[i] as number, this.t.ends[i] as number);
      // the article's own spelling ("fertiliser"), lower case, acronyms kept ("GDP")
      const w =
        raw.length > 1 && raw === raw.toUpperCase() && /[A-Z]/.test(raw) ? raw : raw.toLowerCase();
      // "shareholders' equity": the apostrophe of a plural possessive stays on its word
      const glued = w === "'" && i > lo && this.startOf(i) === this.ends(i - 1);
      // ... and a hyphen joins only the words it touches ("medium- and long-term")
      const touching = i > lo && this.startOf(i) === this.ends(i - 1);
      if (((w === '-' || this.norm(i - 1) === '-') && touching) || glued)
        parts.push(parts.pop() + w);
      else parts.push(w);
    }
    return parts.join(' ');
  }

  /** Longest form of `map` whose words start at token i (lower-cased text); [entry, end]. */
  protected matchForm<T extends { readonly words: readonly string[] }>(
    map: ReadonlyMap<string, readonly T[]>,
    i: number,
  ): [T, number] | null {
    if (i >= this.s1) return null;
    const list = map.get(this.norm(i));
    if (list === undefined) return null;
    for (const entry of list) {
      const w = entry.words;
      if (i + w.length > this.s1) continue;
      let ok = true;
      for (let k = 1; k < w.length && ok; k++) ok = this.norm(i + k) === w[k];
      if (ok) return [entry, i + w.length];
    }
    return null;
  }

  protected change(i: number): ChangeEntry | null {
    const p = this.pos(i);
    const kind = p === 'VERB' ? 'verb' : p === 'NOUN' || p === 'PROPN' ? 'noun' : null;
    if (kind === 'verb') {
      const c = this.d.changes.verb.get(this.lemma(i));
      if (c !== undefined) return c;
      // the lemmatiser leaves some past forms alone ("priced"): try the plain stems
      const w = this.norm(i);
      if (!w.endsWith('ed')) return null;
      return (
        this.d.changes.verb.get(w.slice(0, -1)) ?? this.d.changes.verb.get(w.slice(0, -2)) ?? null
      );
    }
    if (kind === 'noun') {
      const c = this.d.changes.noun.get(this.norm(i)) ?? this.d.changes.noun.get(this.lemma(i));
      if (c !== undefined) return c;
    }
    return this.d.changes.adverb.get(this.norm(i)) ?? null;
  }

  protected casualtyAt(i: number): CasualtyEntry | null {
    return this.d.casualties.get(this.lemma(i)) ?? this.d.casualties.get(this.norm(i)) ?? null;
  }

  /** Noun phrase ending at token `end - 1`, read leftwards: [lo, end), or null. */
  protected npLeft(end: number): [number, number] | null {
    // "... Corp last year was worth": a time phrase is not part of the subject
    while (
      end - 2 >= this.s0 &&
      this.d.words['time-noun'].has(this.norm(end - 1)) &&
      this.d.words.relative.has(this.norm(end - 2))
    )
      end -= 2;
    let lo = end;
    // "a write-down of": a hyphenated word ends the phrase whatever its parts' tags
    if (
      end - 3 >= this.s0 &&
      this.norm(end - 2) === '-' &&
      this.startOf(end - 1) === this.ends(end - 2) &&
      this.startOf(end - 2) === this.ends(end - 3) &&
      !NP_POS.has(this.pos(end - 1))
    )
      lo = end - 3;
    let hyphens = 0; // hyphens and the words they join count as one word
    while (lo - 1 >= this.s0 && end - lo - hyphens < MAX_NP) {
      const p = this.pos(lo - 1);
      const w = this.norm(lo - 1);
      // "discontinued operations": a participle inside the phrase, never its head
      // ... but "January showed marketings": after a noun it is the finite verb of a clause
      // ... nor "causing Moulinex stock to drop", "causing stocks to fall": a gerund before a
      // name or noun and an infinitive is a verb taking an object
      const participle =
        p === 'VERB' &&
        lo < end &&
        (w.endsWith('ed') ||
          (w.endsWith('ing') &&
            !(
              end + 1 < this.s1 &&
              this.norm(end) === 'to' &&
              (this.pos(lo) === 'PROPN' || this.pos(end + 1) === 'VERB')
            ))) &&
        !(lo - 2 >= this.s0 && /^(NOUN|PROPN|PRON)$/.test(this.pos(lo - 2)));
      // "a 400 mln stg issue": an amount's scale and currency words are not the noun's
      // ... but "three-month bills" keeps the number its hyphen joins to the noun
      // ... and "nine month revenues" its time noun before the head
      const counted =
        p === 'NUM' &&
        lo < end &&
        ((this.norm(lo) === '-' && this.startOf(lo) === this.ends(lo - 1)) ||
          (lo + 1 < end && this.d.words['time-noun'].has(this.norm(lo))));
      if (this.numTok[lo - 1] === 1 && !counted) break;
      // "its year-to-date load factor": any word joined by hyphens
      // ... on either side: "after-tax income" (a word glued to the hyphen after it)
      const joined =
        (lo - 2 >= this.s0 &&
          this.norm(lo - 2) === '-' &&
          this.startOf(lo - 1) === this.ends(lo - 2)) ||
        (lo < end &&
          this.norm(lo) === '-' &&
          this.startOf(lo) === this.ends(lo - 1) &&
          lo + 1 < end &&
          this.startOf(lo + 1) === this.ends(lo) &&
          this.numTok[lo - 1] === 0);
      if (
        NP_POS.has(p) ||
        participle ||
        joined ||
        counted ||
        (w === '-' && lo - 1 > this.s0 && lo < end)
      ) {
        if (w === '-') hyphens += 2;
        lo--;
      } else break;
    }
    while (lo < end && (this.pos(lo) === 'ADJ' || this.norm(lo) === '-') && end - lo > 1) {
      // keep adjectives ("bilateral trade"), but never a phrase that starts with a hyphen
      if (this.norm(lo) === '-') lo++;
      else break;
    }
    // "personal sector lending": a gerund heading a noun phrase
    if (
      lo === end &&
      end - 1 > this.s0 &&
      this.pos(end - 1) === 'VERB' &&
      this.norm(end - 1).endsWith('ing')
    ) {
      const p = this.pos(end - 2);
      if (p === 'NOUN' || p === 'ADJ') {
        const np = this.npLeft(end - 1);
        if (np !== null) return [np[0], end];
      }
      // ... "management and underwriting": a gerund joined to a noun
      if (p === 'CCONJ' && end - 3 >= this.s0 && this.pos(end - 3) === 'NOUN') {
        const np = this.npLeft(end - 2);
        if (np !== null) return [np[0], end];
      }
      // ... "the cost of living": a gerund after "of" and a noun completes that noun
      if (
        this.norm(end - 2) === 'of' &&
        end - 4 >= this.s0 &&
        (this.pos(end - 3) === 'NOUN' ||
          // ("the standard of living": a noun the tagger read as an adjective, after "the")
          (this.pos(end - 3) === 'ADJ' && this.pos(end - 4) === 'DET')) &&
        this.numTok[end - 3] === 0
      ) {
        const np = this.npLeft(end - 2);
        if (np !== null) return [np[0], end];
      }
    }
    if (lo >= end) return null;
    // "The fine could reach": a noun the tagger read as an adjective, after a determiner
    // ... and "balance sheet total": an adjective after a noun ends no phrase in English
    // ... nor "Shares outstanding" opening a sentence (a capital the tagger read as a name)
    const nounBefore =
      end - 2 >= lo &&
      (this.pos(end - 2) === 'NOUN' || (end - 2 === this.s0 && this.pos(end - 2) === 'PROPN'));
    // ... nor "the Dow Jones industrial average plunged": a level noun of changes.tsv the tagger
    // read as an adjective, right before the verb
    const levelHead =
      end < this.s1 &&
      end - 2 >= this.s0 &&
      /^(ADJ|PROPN)$/.test(this.pos(end - 2)) &&
      this.d.changes.noun.get(this.norm(end - 1))?.direction === 'level' &&
      (this.pos(end) === 'VERB' || this.verbForm(end) !== null);
    const adjHead = this.pos(end - 1) === 'ADJ' && !nounBefore && !levelHead;
    return !adjHead || (end - lo === 1 && lo > this.s0 && this.pos(lo - 1) === 'DET')
      ? [lo, end]
      : null;
  }

  /** Noun phrase starting at token `start` (after any determiner), read rightwards. */
  protected npRight(start: number): [number, number] | null {
    let lo = start;
    while (lo < this.s1 && (this.pos(lo) === 'DET' || this.pos(lo) === 'PRON')) lo++;
    let hi = lo;
    let joins = 0; // "and" between two nouns, and the noun after it, do not count
    while (hi < this.s1 && hi - lo - joins < MAX_NP) {
      const p = this.pos(hi);
      if (this.d.words.compare.has(this.norm(hi)) || this.dateTok[hi] === 1) break;
      // "management and underwriting fee", "goods and services tax": nouns joined by "and"
      if (
        this.norm(hi) === 'and' &&
        hi > lo &&
        this.pos(hi - 1) === 'NOUN' &&
        hi + 2 < this.s1 &&
        this.pos(hi + 1) === 'NOUN' &&
        this.numTok[hi + 1] === 0 &&
        (this.pos(hi + 2) === 'NOUN' || this.pos(hi + 2) === 'VERB')
      ) {
        hi++;
        joins += 2;
        continue;
      }
      // "medium- and long-term debt": a hyphen left hanging before "and"
      if (
        (this.norm(hi) === 'and' || this.norm(hi) === 'or') &&
        hi > lo &&
        this.norm(hi - 1) === '-' &&
        hi + 1 < this.s1
      ) {
        hi++;
        joins += 2;
        continue;
      }
      // "60% of the country's electricity": the possessed noun is the head
      if (this.norm(hi) === "'s" && hi > lo && hi + 1 < this.s1) {
        lo = hi + 1;
        hi = lo;
        continue;
      }
      // "common shareholders' equity": a plural possessive stays in the phrase
      if (
        this.norm(hi) === "'" &&
        hi > lo &&
        hi + 1 < this.s1 &&
        this.startOf(hi) === this.ends(hi - 1) &&
        NP_POS.has(this.pos(hi + 1))
      ) {
        hi++;
        continue;
      }
      // "sinking fund debentures": a participle before a noun
      // ... or an adjective: "suggested retail prices"
      const before =
        hi + 1 < this.s1 &&
        (this.pos(hi + 1) === 'NOUN' ||
          (this.pos(hi + 1) === 'ADJ' && this.norm(hi).endsWith('ed')));
      if (p === 'VERB' && before && hi - lo - joins < MAX_NP - 1) {
        hi++;
        continue;
      }
      // "same-rated nine-year securities": any word joined by a hyphen
      const joined =
        this.norm(hi) === '-' ? hi > lo : this.hyphenNext(hi) || this.hyphenPrev(hi, lo);
      // ... a hyphened word counts once: "B-rated convertible subordinated debt"
      if (
        joined &&
        this.norm(hi) === '-' &&
        hi + 1 < this.s1 &&
        this.startOf(hi) === this.ends(hi - 1) &&
        this.startOf(hi + 1) === this.ends(hi)
      )
        joins += 2;
      if (NP_POS.has(p) || joined) hi++;
      else break;
    }
    while (hi > lo && (this.pos(hi - 1) === 'ADJ' || this.norm(hi - 1) === '-')) hi--;
    return hi > lo ? [lo, hi] : null;
  }

  protected hyphenNext(i: number): boolean {
    return i + 2 < this.s1 && this.norm(i + 1) === '-' && this.ends(i) === this.startOf(i + 1);
  }

  protected hyphenPrev(i: number, lo: number): boolean {
    return i - 1 > lo && this.norm(i - 1) === '-' && this.startOf(i) === this.ends(i - 1);
  }

  protected ends(i: number): number {
    return this.t.ends[i] as number;
  }

  protected startOf(i: number): number {
    return this.t.starts[i] as number;
  }

  protected allProper(np: [number, number]): boolean {
    for (let i = np[0]; i < np[1]; i++) if (this.pos(i) !== 'PROPN') return false;
    return true;
  }

  /** The lower-cased words `w` start at token i (and end by `hi`). */
  protected wordsAt(w: readonly string[], i: number, hi: number = this.s1): boolean {
    if (i + w.length > hi) return false;
    for (let k = 0; k < w.length; k++) if (this.norm(i + k) !== w[k]) return false;
    return true;
  }

  /** The qualifier ending right before token a, and how many tokens it has. */
  protected qualifierBefore(
    a: number,
  ): [{ approximate: boolean; bound: 'min' | 'max' | null } | null, number] {
    // the rules ask about the same amount many times: the last answer is kept (callers only read it)
    if (a !== this.qualifierAt || this.s0 !== this.qualifierS0) {
      this.qualifierAt = a;
      this.qualifierS0 = this.s0;
      this.qualifier = this.findQualifierBefore(a);
    }
    return this.qualifier;
  }

  private qualifierAt = -1;
  private qualifierS0 = -1;
  private qualifier: [{ approximate: boolean; bound: 'min' | 'max' | null } | null, number] =
    NO_QUALIFIER;

  private findQualifierBefore(
    a: number,
  ): [{ approximate: boolean; bound: 'min' | 'max' | null } | null, number] {
    const k = a - 1;
    if (k < this.s0) return NO_QUALIFIER;
    const list = this.d.qualifiersBefore.get(this.norm(k));
    if (list === undefined) return NO_QUALIFIER;
    for (const q of list) {
      const len = q.words.length;
      const from = a - len;
      if (from < this.s0) continue;
      let ok = true;
      for (let i = 0; i < len && ok; i++) ok = this.norm(from + i) === q.words[i];
      if (ok) return [q, len];
    }
    return NO_QUALIFIER;
  }

  /** A year written as a number ("1987"). */
  protected yearAt(i: number): boolean {
    return this.pos(i) === 'NUM' && /^(1[89]|20)\d\d$/.test(this.norm(i));
  }

  /** Tokens [from, to) are nouns, adjectives, determiners and prepositions only ("against earnings"). */
  protected onlyPhrase(from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const p = this.pos(i);
      const owner = this.d.words.possessive.has(this.norm(i));
      if (!(NP_POS.has(p) || p === 'DET' || p === 'ADP' || owner)) return false;
    }
    return true;
  }

  /** After "18 dlrs a barrel" / "per share": where the amount's phrase goes on. */
  protected perUnitEnd(e: number): number {
    if (e + 1 >= this.s1) return e;
    const w = this.norm(e);
    if (!(w === 'a' || w === 'an' || w === 'per')) return e;
    // "per UCCEL share": over the name of whose unit it is
    let k = e + 1;
    while (k + 1 < this.s1 && k - e <= 2 && this.pos(k) === 'PROPN') k++;
    // ("2.3 mln dlrs an extension of a service contract": "an" opening a phrase of its own)
    if (w === 'an' && k + 1 < this.s1 && this.norm(k + 1) === 'of') return e;
    return this.pos(k) === 'NOUN' ? k + 1 : e;
  }

  /** The noun phrase an amount modifies ("a $4 billion deal"), time nouns excepted. */
  protected modifiedNoun(e: number): [number, number] | null {
    if (e >= this.s1) return null;
    // "a 1.4 billion dlr five-year contract": over the duration that qualifies the noun
    e = this.pastTimeWords(e);
    // "a 50 mln dlr floating rate note": a participle before a noun
    // ... or "100 pct pay rises": a noun the tagger read as a verb, before a change noun
    const participle =
      this.pos(e) === 'VERB' &&
      e + 1 < this.s1 &&
      this.pos(e + 1) === 'NOUN' &&
      (/(ing|ed)$/.test(this.norm(e)) || this.change(e + 1)?.pos === 'noun');
    // "a 15 billion dlr U.S. trade deficit": a name before the noun
    const named =
      this.pos(e) === 'PROPN' && e + 1 < this.s1 && /^(NOUN|PROPN)$/.test(this.pos(e + 1));
    // "a 50 mln Swiss franc five-year convertible bond": a hyphenated number-word
    const compound = this.pos(e) === 'NUM' && this.hyphenNext(e);
    if (!(this.pos(e) === 'NOUN' || this.pos(e) === 'ADJ' || participle || named || compound))
      return null;
    if (
      this.d.words['time-noun'].has(this.norm(e)) ||
      this.d.words.compare.has(this.norm(e)) ||
      this.dateTok[e] === 1
    )
      return null;
    const np = this.npRight(e);
    return np !== null && !this.endsInPeriod(np) ? np : null;
  }

  /**
   * After the amount at e, over the time words that qualify a noun ("a 1.4 pct year-on-year
   * December rise", "a five-year contract"): that noun's token, else e.
   */
  protected pastTimeWords(e: number): number {
    let k = e;
    for (let guard = 0; guard < 4 && k < this.s1; guard++) {
      if (this.dateTok[k] === 1) {
        k++;
        continue;
      }
      let end = k;
      while (end - k < 6 && this.hyphenNext(end)) end += 2;
      const time = this.d.words['time-noun'];
      // ... "an eight year revolving credit": a number and a time noun, unhyphenated
      if (
        end === k &&
        this.pos(k) === 'NUM' &&
        k + 2 < this.s1 &&
        time.has(this.norm(k + 1)) &&
        NP_POS.has(this.pos(k + 2))
      ) {
        k += 2;
        continue;
      }
      if (end > k && (time.has(this.norm(k)) || time.has(this.norm(end)))) {
        k = end + 1;
        continue;
      }
      break;
    }
    // ... "a 15-year convertible bond": an adjective before the noun
    // ... or a participle: "an eight year revolving credit"
    const head =
      k < this.s1 &&
      (this.pos(k) === 'NOUN' ||
        ((this.pos(k) === 'ADJ' || (this.pos(k) === 'VERB' && /(ing|ed)$/.test(this.norm(k)))) &&
          k + 1 < this.s1 &&
          (this.pos(k + 1) === 'NOUN' || this.hyphenNext(k))));
    return k > e && head ? k : e;
  }

  /** "in goods trade", "of exports": the noun phrase after "in"/"of" at token i. */
  protected ppAfter(i: number): [number, number] | null {
    if (i >= this.s1) return null;
    const w = this.norm(i);
    if (w !== 'in' && w !== 'of') return null;
    // "an increase of 3 mln tonnes in 1986/87 Soviet grain imports": over the period
    let from = i + 1;
    while (from < this.s1 && from - i < 4 && this.dateTok[from] === 1) from++;
    const np = this.npRight(from);
    if (np === null || this.periodPhrase(np)) return null;
    return np;
  }

  /** "in debt", "in cash" right after the amount at e: a bare common noun phrase, or null. */
  protected inBareNoun(at: number): [number, number] | null {
    // "10 mln dlrs per year in deficiency payment savings"
    const per = this.perUnitEnd(at);
    const e = per > at && this.d.words['time-noun'].has(this.norm(per - 1)) ? per : at;
    if (e + 1 >= this.s1 || this.norm(e) !== 'in' || this.pos(e + 1) === 'DET') return null;
    const np = this.npRight(e + 1);
    return np !== null &&
      np[0] === e + 1 &&
      this.pos(np[1] - 1) === 'NOUN' &&
      !this.endsInPeriod(np) &&
      this.dateTok[np[0]] === 0
      ? np
      : null;
  }

  protected subjectText(np: [number, number]): string {
    const label = this.matchForm(this.d.labels, np[0]);
    // ("pretax gain": a label before a noun only modifies it)
    const modifier = np[1] < this.s1 && this.pos(np[1]) === 'NOUN';
    if (label !== null && label[1] === np[1] && !modifier) return label[0].about;
    return this.phrase(...np);
  }

  /** A subject that counts people: "the death toll", "casualties", "the number of dead". */
  protected casualtyOfSubject(np: [number, number]): CasualtyEntry | null {
    const head = np[1] - 1;
    if (this.norm(head) === 'toll' && head > np[0]) return this.casualtyAt(head - 1);
    const p = this.pos(head);
    return p === 'NOUN' || p === 'ADJ' ? this.casualtyAt(head) : null;
  }

  /** The verb form of a token the tagger read as a noun ("rose"), from changes.tsv. */
  protected verbForm(k: number): ChangeEntry | null {
    if (this.change(k) !== null) return null;
    const c = this.d.changes.verb.get(this.norm(k)) ?? this.d.changes.verb.get(this.lemma(k));
    return c !== undefined && c.direction !== 'ignore' ? c : null;
  }

  /** A verb of changes.tsv the tagger read as an adjective after an adverb or noun ("currently total"). */
  protected adjectiveVerb(k: number): boolean {
    return (
      k > this.s0 &&
      /^(ADV|NOUN|PROPN)$/.test(this.pos(k - 1)) &&
      this.d.changes.verb.get(this.norm(k)) !== undefined
    );
  }

  /** Token i opens a phrase set off by a comma: ", a real decline", ", a 68 pct increase". */
  protected appositive(i: number): boolean {
    let k = i - 1;
    while (k > this.s0 && i - k < 4 && /^(DET|ADJ|ADV)$/.test(this.pos(k))) k--;
    return k >= this.s0 && this.norm(k) === ',';
  }

  /**
   * The amount at a is a level after "to" ("cut the crop to 1.79 mln bags"), after a rate's
   * "of" ("rose to an annual rate of 1.62 mln units", words.tsv kind rate-noun) or after a
   * finite verb of level ("totalled 651,253 units").
   */
  protected levelTo(a: number): boolean {
    const k = a - 1 - this.qualifierBefore(a)[1];
    if (k <= this.s0) return false;
    const w = this.norm(k);
    if (w === 'to' || (w === 'of' && this.d.words['rate-noun'].has(this.norm(k - 1)))) return true;
    // "car production totalled 651,253 units": right after a finite verb of level (changes.tsv;
    // not a participle: "systems representing 5,000 subscribers")
    return this.pos(k) === 'VERB' && !w.endsWith('ing') && this.change(k)?.direction === 'level';
  }

  /**
   * "fell from 7.5 pct of GDP", "was 3 pct of GDP": the amount at a hangs on a linking
   * preposition or a verb whose subject is what the ratio measures.
   */
  protected onlyBase(a: number): boolean {
    let k = a - 1 - this.qualifierBefore(a)[1];
    // "rose to a record 10.9 pct of the workforce": over the article and its modifier
    const pk = this.pos(k);
    if (k - 1 > this.s0 && (pk === 'ADJ' || pk === 'NOUN') && this.pos(k - 1) === 'DET') k -= 2;
    else if (k > this.s0 && this.pos(k) === 'DET') k--;
    if (k <= this.s0) return false;
    if (this.d.words['link-prep'].has(this.norm(k)) || this.pos(k) === 'AUX') return true;
    // a verb of change or level ("reached 12 pct of the workforce"), not one whose object the
    // share is ("employed 30 pct of its workforce")
    if (this.pos(k) !== 'VERB') return false;
    const c = this.change(k);
    return c !== null && c.direction !== 'object';
  }

  /** Token k is "up"/"down"/"higher"/"lower" right before the amount at a. */
  protected upDownAt(k: number, a: number): boolean {
    if (k >= a) return false;
    const c = this.d.changes.adverb.get(this.norm(k));
    return c !== undefined && k + 1 + this.qualifierBefore(a)[1] === a;
  }
}
