import type {
  Entity,
  EventRecord,
  Expression,
  Quantity,
  Sentence,
  TokenTable,
} from '../core/document.js';
import {
  loadAmountData,
  type AmountData,
  type CasualtyEntry,
  type ChangeEntry,
  type UnitEntry,
} from './amounts-data.js';

export {
  AmountDataError,
  loadAmountData,
  parseAmountData,
  formatAmountProblem,
  AMOUNT_FILES,
  type AmountData,
} from './amounts-data.js';

/**
 * Amounts of one document: every money, percent and counted number with its unit, range,
 * approximation, the year it refers to, what it counts (`about`) and the actors its sentence
 * ties to it. Built on the NLP stage's expressions (src/nlp/expressions.ts) and the word lists
 * in `dictionaries/amounts/`.
 *
 * @example
 * const ctx = createAmountContext();
 * const text = 'Bilateral trade rose to about $4 billion in 2023.';
 * const a = analyse(createNlp(), text, cleanText(text, 0));
 * extractQuantities(ctx, { text, date: '2024-03-20', ...a, entities: [] });
 * // [{ text: '$4 billion', value: 4e9, unit: 'USD', about: 'bilateral trade', year: 2023,
 * //    approximate: true, ... }]
 */
export interface AmountContext {
  readonly data: AmountData;
}

/** Loads and validates `dictionaries/amounts/` (or `dir`); throws AmountDataError (`file:line`). */
export function createAmountContext(options: { readonly dir?: string } = {}): AmountContext {
  return Object.freeze({ data: loadAmountData(options.dir) });
}

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

const NP_POS = new Set(['NOUN', 'PROPN', 'ADJ']);
const SKIP_BEFORE_VERB = new Set(['AUX', 'ADV', 'PART']);
const MAX_WALK = 8;
const MAX_NP = 5;

/** 0.01 for a money amount written in a subunit ("7.6 cents" is 0.076 USD), else 1. */
function subunitOf(x: Expression): number {
  const m = /\d[\d,]*(?:\.\d+)?/.exec(x.text);
  const written = m === null ? NaN : Number(m[0].replace(/,/g, ''));
  if (!(written > 0) || x.value === undefined) return 1;
  const ratio = x.value / written;
  return ratio < 0.5 ? 10 ** Math.round(Math.log10(ratio)) : 1;
}

/** 12 significant digits: "5.2 cents" is 0.052, not 0.052000000000000005. */
function tidy(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(12));
}

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

interface Draft {
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
}

/**
 * The quantities of one document, in text order. Only amounts in non-heading sentences;
 * bare numbers that count nothing (years, clock times, ordinals, "page 12", "one of the")
 * are left out. `text.slice(start, end)` is the number with its unit ("300,000 tonnes").
 */
export function extractQuantities(ctx: AmountContext, input: AmountInput): Quantity[] {
  return new Reader(ctx.data, input).run();
}

class Reader {
  private readonly t: TokenTable;
  private readonly n: number;
  /** First token of each sentence, and one past its last. */
  private readonly first: Int32Array;
  private readonly last: Int32Array;
  private readonly docYear: number | null;
  /** `about` labels that are themselves people nouns ("protesters"), from units.tsv. */
  private readonly crowdNouns: ReadonlySet<string>;
  /** 1 for tokens inside a date, time or duration expression ("in January", "yesterday"). */
  private readonly dateTok: Uint8Array;
  /** 1 for tokens inside a money, percent or number expression ("400 mln stg"). */
  private readonly numTok: Uint8Array;
  private s0 = 0;
  private s1 = 0;
  /**
   * The dollar currency other than USD the document last wrote money in ("HK dlrs", "C$"):
   * a later "cents" amount is in its cents. Reset by an amount written in U.S. dollars.
   */
  private dollars: string | null = null;
  /** The last amount of the previous sentence with a sentence: "That compared with 9 pct". */
  private lastDraft: Draft | null = null;

  constructor(
    private readonly d: AmountData,
    private readonly input: AmountInput,
  ) {
    this.t = input.tokens;
    this.n = this.t.starts.length;
    const m = input.sentences.length;
    this.first = new Int32Array(m).fill(-1);
    this.last = new Int32Array(m).fill(-1);
    for (let i = 0; i < this.n; i++) {
      const s = this.t.sentence[i] as number;
      if (this.first[s] === -1) this.first[s] = i;
      this.last[s] = i + 1;
    }
    const y = input.date === null ? NaN : Number(input.date.slice(0, 4));
    this.docYear = Number.isFinite(y) ? y : null;
    this.crowdNouns = crowdNounsOf(d);
    this.dateTok = new Uint8Array(this.n);
    this.numTok = new Uint8Array(this.n);
    for (const x of input.expressions) {
      const from = this.tokenAt(x.start);
      const to = this.tokenAt(x.end);
      if (x.type === 'DATE' || x.type === 'TIME' || x.type === 'DURATION')
        this.dateTok.fill(1, from, to);
      else if (x.type === 'MONEY' || x.type === 'CARDINAL' || x.type === 'PERCENT')
        this.numTok.fill(1, from, to);
    }
  }

  run(): Quantity[] {
    const out: Quantity[] = [];
    const { expressions, sentences } = this.input;
    let k = 0;
    while (k < expressions.length) {
      const s = (expressions[k] as Expression).sentence;
      let k2 = k;
      while (k2 < expressions.length && (expressions[k2] as Expression).sentence === s) k2++;
      const sentence = sentences[s];
      if (sentence !== undefined && !sentence.heading && (this.first[s] as number) >= 0) {
        this.s0 = this.first[s] as number;
        this.s1 = this.last[s] as number;
        this.sentence(s, expressions.slice(k, k2), out);
      }
      k = k2;
    }
    return out;
  }

  // ---- token helpers -------------------------------------------------------------------

  private norm(i: number): string {
    return this.t.normal[i] as string;
  }

  private lemma(i: number): string {
    return this.t.lemma[i] as string;
  }

  private pos(i: number): string {
    return this.t.pos[i] as string;
  }

  /** First token starting at or after `offset`. */
  private tokenAt(offset: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.t.starts[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** True when a line break separates token i-1 from token i. */
  private lineBreakBefore(i: number): boolean {
    if (i <= 0) return true;
    const gap = this.input.text.slice(this.t.ends[i - 1] as number, this.t.starts[i] as number);
    return gap.includes('\n');
  }

  /** Normalised phrase of tokens [lo, hi): lower case, acronyms kept, hyphens closed up. */
  private phrase(lo: number, hi: number): string {
    const parts: string[] = [];
    for (let i = lo; i < hi; i++) {
      const raw = this.input.text.slice(this.t.starts[i] as number, this.t.ends[i] as number);
      // the article's own spelling ("fertiliser"), lower case, acronyms kept ("GDP")
      const w =
        raw.length > 1 && raw === raw.toUpperCase() && /[A-Z]/.test(raw) ? raw : raw.toLowerCase();
      if (w === '-' || (i > lo && this.norm(i - 1) === '-')) parts.push(parts.pop() + w);
      else parts.push(w);
    }
    return parts.join(' ');
  }

  /** Longest form of `map` whose words start at token i (lower-cased text); [entry, end]. */
  private matchForm<T extends { readonly words: readonly string[] }>(
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

  private change(i: number): ChangeEntry | null {
    const p = this.pos(i);
    const kind = p === 'VERB' ? 'verb' : p === 'NOUN' || p === 'PROPN' ? 'noun' : null;
    if (kind === 'verb') {
      const c = this.d.changes.get(`verb:${this.lemma(i)}`);
      if (c !== undefined) return c;
      // the lemmatiser leaves some past forms alone ("priced"): try the plain stems
      const w = this.norm(i);
      if (!w.endsWith('ed')) return null;
      return (
        this.d.changes.get(`verb:${w.slice(0, -1)}`) ??
        this.d.changes.get(`verb:${w.slice(0, -2)}`) ??
        null
      );
    }
    if (kind === 'noun') {
      const c =
        this.d.changes.get(`noun:${this.norm(i)}`) ?? this.d.changes.get(`noun:${this.lemma(i)}`);
      if (c !== undefined) return c;
    }
    return this.d.changes.get(`adverb:${this.norm(i)}`) ?? null;
  }

  private casualtyAt(i: number): CasualtyEntry | null {
    return this.d.casualties.get(this.lemma(i)) ?? this.d.casualties.get(this.norm(i)) ?? null;
  }

  /** Noun phrase ending at token `end - 1`, read leftwards: [lo, end), or null. */
  private npLeft(end: number): [number, number] | null {
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
    while (lo - 1 >= this.s0 && end - lo < MAX_NP) {
      const p = this.pos(lo - 1);
      const w = this.norm(lo - 1);
      // "discontinued operations": a participle inside the phrase, never its head
      // ... but "January showed marketings": after a noun it is the finite verb of a clause
      const participle =
        p === 'VERB' &&
        lo < end &&
        (w.endsWith('ed') || w.endsWith('ing')) &&
        !(lo - 2 >= this.s0 && /^(NOUN|PROPN|PRON)$/.test(this.pos(lo - 2)));
      // "a 400 mln stg issue": an amount's scale and currency words are not the noun's
      if (this.numTok[lo - 1] === 1) break;
      if (NP_POS.has(p) || participle || (w === '-' && lo - 1 > this.s0 && lo < end)) lo--;
      else break;
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
    }
    if (lo >= end) return null;
    // "The fine could reach": a noun the tagger read as an adjective, after a determiner
    // ... and "balance sheet total": an adjective after a noun ends no phrase in English
    const adjHead = this.pos(end - 1) === 'ADJ' && !(end - 2 >= lo && this.pos(end - 2) === 'NOUN');
    return !adjHead || (end - lo === 1 && lo > this.s0 && this.pos(lo - 1) === 'DET')
      ? [lo, end]
      : null;
  }

  /** Noun phrase starting at token `start` (after any determiner), read rightwards. */
  private npRight(start: number): [number, number] | null {
    let lo = start;
    while (lo < this.s1 && (this.pos(lo) === 'DET' || this.pos(lo) === 'PRON')) lo++;
    let hi = lo;
    while (hi < this.s1 && hi - lo < MAX_NP) {
      const p = this.pos(hi);
      if (this.d.words.compare.has(this.norm(hi)) || this.dateTok[hi] === 1) break;
      // "60% of the country's electricity": the possessed noun is the head
      if (this.norm(hi) === "'s" && hi > lo && hi + 1 < this.s1) {
        lo = hi + 1;
        hi = lo;
        continue;
      }
      // "sinking fund debentures": a participle before a noun
      if (p === 'VERB' && hi + 1 < this.s1 && this.pos(hi + 1) === 'NOUN' && hi - lo < MAX_NP - 1) {
        hi++;
        continue;
      }
      // "same-rated nine-year securities": any word joined by a hyphen
      const joined =
        this.norm(hi) === '-' ? hi > lo : this.hyphenNext(hi) || this.hyphenPrev(hi, lo);
      if (NP_POS.has(p) || joined) hi++;
      else break;
    }
    while (hi > lo && (this.pos(hi - 1) === 'ADJ' || this.norm(hi - 1) === '-')) hi--;
    return hi > lo ? [lo, hi] : null;
  }

  private hyphenNext(i: number): boolean {
    return i + 2 < this.s1 && this.norm(i + 1) === '-' && this.ends(i) === this.startOf(i + 1);
  }

  private hyphenPrev(i: number, lo: number): boolean {
    return i - 1 > lo && this.norm(i - 1) === '-' && this.startOf(i) === this.ends(i - 1);
  }

  private ends(i: number): number {
    return this.t.ends[i] as number;
  }

  private startOf(i: number): number {
    return this.t.starts[i] as number;
  }

  /**
   * The subject of the verb at token v: the noun phrase before it, auxiliaries and adverbs
   * skipped ("is expected to rise" skips "is expected to"; ", which ...," is stepped over); a
   * trailing prepositional phrase ("trade between Iran and Russia") dropped and "the value of
   * exports" kept whole.
   */
  private subjectOf(v: number): [number, number] | null {
    let k = v;
    for (let guard = 0; guard < 8 && k - 1 >= this.s0; guard++) {
      const p = this.pos(k - 1);
      const w = this.norm(k - 1);
      if (this.d.words['relative-pronoun'].has(w) && k - 2 >= this.s0 && this.norm(k - 2) === ',') {
        // "the rate, which has stood at 8 pct": the noun before the relative clause
        k -= 2;
        break;
      } else if (
        (SKIP_BEFORE_VERB.has(p) && w !== "'s") ||
        (this.d.words['relative-pronoun'].has(w) && k === v)
      )
        k--;
      else if (this.dateTok[k - 1] === 1 || this.yearAt(k - 1)) {
        // "Exports in 2021 totalled", "revenues for fiscal 1987 to fall": over the date
        while (k - 1 >= this.s0 && (this.dateTok[k - 1] === 1 || this.yearAt(k - 1))) k--;
        if (k - 1 >= this.s0 && this.norm(k - 1) === 'fiscal') k--;
        if (k - 1 >= this.s0 && this.pos(k - 1) === 'ADP') k--;
      } else if ((p === 'VERB' || p === 'ADJ') && k < v && this.norm(k) === 'to') k--;
      else if (w === ',') {
        // "the index, which comprises oil and gas, was down": back over the relative clause
        let c = k - 2;
        while (
          c > this.s0 &&
          k - c < 16 &&
          !(this.d.words['relative-pronoun'].has(this.norm(c)) && this.norm(c - 1) === ',')
        )
          c--;
        if (
          c > this.s0 &&
          this.d.words['relative-pronoun'].has(this.norm(c)) &&
          this.norm(c - 1) === ','
        )
          k = c - 1;
        else {
          // "transfers during the quarter, covering aid and pensions, were down"
          let q = k - 2;
          while (q > this.s0 && k - q < 14 && this.norm(q) !== ',' && this.pos(q) !== 'AUX') q--;
          if (q > this.s0 && this.norm(q) === ',') k = q;
          else {
            // "Import growth, forecast in December at 4.5 pct": a participle set off by a comma
            if (k === v && this.pos(v) === 'VERB') k--;
            break;
          }
        }
      } else break;
    }
    let np = this.npLeft(k);
    for (let guard = 0; np !== null && guard < 3; guard++) {
      let before = np[0] - 1;
      // "exports of the company", "expenditures in these fields"
      while (
        before > this.s0 &&
        np[0] - before < 3 &&
        (this.pos(before) === 'DET' ||
          this.pos(before) === 'NUM' ||
          this.d.words.possessive.has(this.norm(before)))
      )
        before--;
      if (before < this.s0) break;
      // "turnover in Degussa's pharmaceuticals sector": the possessor belongs to the phrase
      if (this.norm(before) === "'s" && before - 1 >= this.s0 && this.pos(before - 1) === 'PROPN') {
        let p0 = before - 1;
        while (p0 - 1 >= this.s0 && this.pos(p0 - 1) === 'PROPN') p0--;
        const w0 = p0 - 1 >= this.s0 ? this.norm(p0 - 1) : '';
        if (this.d.words['phrase-prep'].has(w0)) {
          np = [p0, np[1]];
          continue;
        }
      }
      const w = this.norm(before);
      const allProper = this.allProper(np);
      if (w === 'and' && allProper) {
        const prev = this.npLeft(before);
        if (prev === null || !this.allProper(prev)) break;
        np = prev;
        continue;
      }
      if (this.d.words['phrase-prep'].has(w) && this.pos(before) === 'ADP') {
        const prev = this.npLeft(before);
        if (prev === null) break;
        np = prev;
        continue;
      }
      if (w === 'of' && !allProper) {
        const prev = this.npLeft(before);
        if (prev !== null && !this.allProper(prev)) np = [prev[0], np[1]];
        break;
      }
      if (w === 'of' && allProper) {
        const prev = this.npLeft(before);
        if (prev !== null) np = prev;
        break;
      }
      break;
    }
    return np;
  }

  private allProper(np: [number, number]): boolean {
    for (let i = np[0]; i < np[1]; i++) if (this.pos(i) !== 'PROPN') return false;
    return true;
  }

  // ---- one sentence ----------------------------------------------------------------------

  private sentence(s: number, exprs: readonly Expression[], out: Quantity[]): void {
    const drafts: Draft[] = [];
    let prev: Draft | null = null;
    let money: Draft | null = null;
    for (const x of exprs) {
      if (x.value === undefined) continue;
      if (x.type !== 'CARDINAL' && x.type !== 'MONEY' && x.type !== 'PERCENT') continue;
      const a = this.tokenAt(x.start);
      const b = this.tokenAt(x.end);
      if (a >= b || a < this.s0 || b > this.s1) continue;
      const draft = this.read(x, a, b, prev, money);
      if (draft === null) continue;
      this.noteDollars(draft);
      drafts.push(draft);
      prev = draft;
      if (draft.money) money = draft;
      out.push(this.finish(s, x, draft, exprs));
    }
    this.lastDraft = prev;
  }

  /** "That compared with 9.4 pct": a sentence opening with a pronoun compared with the amount at a. */
  private pronounComparison(a: number): boolean {
    let k = a - 1 - this.qualifierBefore(a)[1];
    while (k > this.s0 && a - k < 4 && /^(DET|ADJ)$/.test(this.pos(k))) k--;
    if (k - 2 < this.s0 || this.norm(k) !== 'with' || this.lemma(k - 1) !== 'compare') return false;
    let o = k - 2;
    while (o > this.s0 && this.pos(o) === 'AUX') o--;
    return o === this.s0 && /^(PRON|DET)$/.test(this.pos(o));
  }

  /** Keeps `dollars` up to date after the amount of `d` (see its comment). */
  private noteDollars(d: Draft): void {
    if (d.unit === null || !/^[A-Z]{3}$/.test(d.unit)) return;
    const written = this.input.text.slice(
      this.startOf(Math.max(this.s0, d.a - 1)),
      this.ends(d.e - 1),
    );
    if (d.unit === 'USD') {
      if (/\bU\.?S\.?\b|US\$/.test(written)) this.dollars = null;
    } else if (/dlr|dollar|\$/i.test(written)) this.dollars = d.unit;
  }

  /** Unit and subject of the amount at tokens [a, b), or null when it counts nothing. */
  private read(
    x: Expression,
    a: number,
    b: number,
    prev: Draft | null,
    money: Draft | null,
  ): Draft | null {
    const draft: Draft = {
      a,
      b,
      e: b,
      // "52.58 billion pesos": a currency word several currencies share is kept as written
      unit:
        x.type === 'CARDINAL'
          ? null
          : (x.unit ?? (x.type === 'MONEY' ? this.phrase(b - 1, b) : null)),
      unitEntry: null,
      about: null,
      lo: a,
      hi: b,
      subject: null,
      casualty: null,
      money: x.type === 'MONEY',
      expr: x,
      factor: 1,
    };
    if (x.type === 'CARDINAL') {
      if (this.isLabelNumber(a)) return null;
      const unit = this.unitAfter(x, b);
      if (unit !== null) {
        draft.unitEntry = unit[0];
        draft.unit = unit[0].unit;
        draft.e = unit[1];
      } else if (this.demonymAt(b)) {
        // "2.5 mln Americans"
        draft.unit = 'people';
        draft.e = b + 1;
        draft.about = this.norm(b);
      } else if (this.countable(x)) {
        // "150 branches", "2.1 million tourists": a plural noun says what is counted
        const k = this.pluralNounAt(b);
        if (k >= 0) {
          draft.unit = this.phrase(k, k + 1);
          draft.e = k + 1;
          draft.about = draft.unit;
        }
      }
    }
    // "15 cents a share" in a story of Hong Kong dollars: that currency's cents
    if (
      draft.unit === 'USD' &&
      this.dollars !== null &&
      x.type === 'MONEY' &&
      subunitOf(x) === 0.01 &&
      !/\$|U\.?S\.?/.test(x.text)
    )
      draft.unit = this.dollars;
    // "585 mln pounds a year of phenol": a unit word naming two units, decided by its cues
    if (draft.unit !== null && b - 1 >= a) {
      const sense = this.senseOf(this.norm(b - 1), draft.unit, a, b);
      if (sense !== draft.unit) {
        draft.unit = sense;
        draft.money = /^[A-Z]{3}$/.test(sense);
      }
    }
    // Casualty words around a people count, or around a bare number ("12 were killed").
    if (x.type === 'CARDINAL' && (draft.unitEntry === null || draft.unitEntry.kind === 'people')) {
      const c = this.casualtyAround(a, draft.e);
      if (c !== null) {
        draft.casualty = c;
        draft.unit = 'people';
        // "5,000 demonstrators marched": the crowd's own noun says it better than the verb
        const own = draft.unitEntry?.about ?? null;
        draft.about =
          own !== null && c.field === 'size' && this.crowdNouns.has(c.about) ? own : c.about;
      } else if (draft.unitEntry !== null) {
        draft.about = draft.unitEntry.about ?? 'people';
      }
    }
    // "from 1.23 billion", "13.62 billion in February": a bare scaled number after money
    // in the same sentence is in that money's currency, unless it counts a noun after it
    // ("14 mln class B shares")
    const scaled = x.type === 'CARDINAL' && /[a-z]/i.test(x.text) && (x.value ?? 0) >= 1000;
    const counts =
      b < this.s1 &&
      /^(NOUN|PROPN|ADJ)$/.test(this.pos(b)) &&
      this.dateTok[b] === 0 &&
      !this.d.words.compare.has(this.norm(b));
    if (scaled && draft.unit === null && money !== null && !counts) draft.unit = money.unit;
    // "fell to 1.1 mln tonnes from 1.2 mln": the pair shares its measure
    const paired = a - 1 >= this.s0 && /^(from|to|vs|against)$/.test(this.norm(a - 1));
    if (scaled && draft.unit === null && paired && !counts && prev?.unitEntry?.kind === 'measure') {
      draft.unit = prev.unit;
      draft.unitEntry = prev.unitEntry;
    }
    draft.money =
      (x.type === 'MONEY' && draft.money) ||
      // "12 mln HK dlrs": a currency of units.tsv
      (draft.unitEntry !== null && /^[A-Z]{3}$/.test(draft.unitEntry.unit)) ||
      (draft.unit !== null && money !== null && draft.unit === money.unit);
    // "700 creditor banks", "300,000 shares of ITT Corp": a counted noun says what it counts
    if (draft.about === null && draft.unitEntry?.kind === 'count') {
      draft.about = this.countedPhrase(b, draft.e);
      const of =
        draft.e + 1 < this.s1 && this.norm(draft.e) === 'of' ? this.npRight(draft.e + 1) : null;
      if (
        of !== null &&
        !this.d.words['time-noun'].has(this.norm(of[1] - 1)) &&
        this.dateTok[of[0]] === 0
      ) {
        draft.about = `${draft.about} of ${this.phrase(...of)}`;
        draft.hi = of[1];
      }
    }
    if (draft.about === null)
      this.aboutOf(draft, prev ?? (this.pronounComparison(a) ? this.lastDraft : null));
    if (x.type === 'CARDINAL' && draft.unit === null) {
      // A bare number is a quantity only with a scale ("4.5 mln") or on a line of figures.
      const tabled =
        draft.about !== null && (this.labelFor(a) !== null || this.comparedTo(a, prev));
      if (!scaled && !tabled) return null;
    }
    if (draft.about === null && draft.unitEntry !== null) draft.about = draft.unitEntry.about;
    if (draft.about === null && draft.unitEntry !== null && draft.unitEntry.kind === 'count')
      draft.about = draft.unit;
    return draft;
  }

  /**
   * The unit a word naming two units stands for here ("pounds": GBP or lb), from the cues of
   * senses.tsv: 2 for a cue right after the amount [a, e), 1 for each cue in the
   * sentence and for each in the document; `current` (the recogniser's) wins ties.
   */
  private senseOf(form: string, current: string, a: number, e: number): string {
    const cues = this.d.senses.get(form);
    if (cues === undefined) return current;
    const score = new Map<string, number>([[current, 0.5]]);
    const add = (unit: string, n: number): void => void score.set(unit, (score.get(unit) ?? 0) + n);
    for (const cue of cues) {
      if (cue.where === 'after') {
        if (this.wordsAt(cue.words, e)) add(cue.unit, 2);
        continue;
      }
      const [lo, hi] = cue.where === 'sentence' ? [this.s0, this.s1] : [0, this.n];
      for (let i = lo; i < hi; i++) {
        if (i >= a && i < e) continue; // the amount's own words
        if (this.wordsAt(cue.words, i, hi)) {
          add(cue.unit, 1);
          break;
        }
      }
    }
    let best = current;
    for (const [unit, n] of score) if (n > (score.get(best) ?? 0)) best = unit;
    return best;
  }

  /** The lower-cased words `w` start at token i (and end by `hi`). */
  private wordsAt(w: readonly string[], i: number, hi: number = this.s1): boolean {
    if (i + w.length > hi) return false;
    for (let k = 0; k < w.length; k++) if (this.norm(i + k) !== w[k]) return false;
    return true;
  }

  /** Index of a plural noun at b (after at most one adjective), or -1. */
  private pluralNounAt(b: number): number {
    let k = b;
    if (k < this.s1 && this.pos(k) === 'ADJ') k++;
    if (k >= this.s1 || this.pos(k) !== 'NOUN' || this.dateTok[k] === 1) return -1;
    const w = this.norm(k);
    if (
      this.d.words['time-noun'].has(w) ||
      w === this.lemma(k) ||
      !w.endsWith('s') ||
      this.d.words.compare.has(w)
    )
      return -1;
    return k;
  }

  /** A people noun written as a demonym the actor stage found ("Americans", "Palestinians"). */
  private demonymAt(b: number): boolean {
    if (b >= this.s1 || this.pos(b) !== 'PROPN' || !this.norm(b).endsWith('s')) return false;
    // "50 mln Swiss franc notes": a demonym before a noun is an adjective
    if (b + 1 < this.s1 && (this.pos(b + 1) === 'NOUN' || this.pos(b + 1) === 'PROPN'))
      return false;
    const off = this.startOf(b);
    for (const ent of this.input.entities) {
      if (ent.start === off) return ent.how === 'demonym' || ent.how === 'demonym+role';
      if (ent.start > off) break;
    }
    return false;
  }

  /** "Resolution 242", "page 12", "Flight 17": a capitalised noun right before names it. */
  private isLabelNumber(a: number): boolean {
    if (a <= this.s0) return false;
    const p = this.pos(a - 1);
    const w = this.norm(a - 1);
    return (
      (p === 'PROPN' && this.labelFor(a) === null) || w === 'page' || w === 'no.' || w === 'number'
    );
  }

  /** A unit word after the number: measures right after it, people and things after ≤ 2 adjectives. */
  private unitAfter(x: Expression, b: number): [UnitEntry, number] | null {
    let j = b;
    if (j < this.s1 && this.norm(j) === '-') j++;
    // a company name ("Carter Hawley Hale Stores Inc <CHH>") counts as one word
    let named = 0;
    for (let skipped = 0; j < this.s1 && skipped - named <= 2 && skipped < 9; skipped++, j++) {
      const m = this.matchForm(this.d.units, j);
      if (m !== null) {
        const [entry] = m;
        if (entry.kind === 'measure' && skipped > 0) return null;
        if (entry.kind === 'count' && !this.countable(x)) return null;
        return m;
      }
      const p = this.pos(j);
      // "30 unarmed civilians", "60 government troops", "3 million vaccine doses"
      if (!(p === 'ADJ' || p === 'NOUN' || this.norm(j) === 'more')) {
        // "33 mln San Miguel shares": a name, with its ticker in angle brackets
        const name = this.nameRun(j, skipped === 0);
        if (name === 0) break;
        named += name;
        skipped += name - 1;
        j += name - 1;
      }
    }
    return null;
  }

  /** The words of a count's noun [b, e), hyphens and "<TICKER>" left out ("creditor banks"). */
  private countedPhrase(b: number, e: number): string {
    const parts: string[] = [];
    for (let k = b; k < e; k++) {
      if (this.norm(k) === '<' && k + 2 < e && this.norm(k + 2) === '>') k += 2;
      else if (this.norm(k) !== '-') parts.push(this.phrase(k, k + 1));
    }
    return parts.join(' ');
  }

  /** Length of a run of proper nouns (and "<TICKER>") at j, at most 7; 0 unless `first` or after a noun. */
  private nameRun(j: number, first: boolean): number {
    if (!first && j - 1 >= this.s0 && !/^(NOUN|PROPN|ADJ)$/.test(this.pos(j - 1))) return 0;
    let k = j;
    while (k < this.s1 && k - j < 7) {
      if (this.pos(k) === 'PROPN') k++;
      else if (this.norm(k) === '<' && k + 2 < this.s1 && this.norm(k + 2) === '>') k += 3;
      else break;
    }
    return k > j && this.pos(j) === 'PROPN' ? k - j : 0;
  }

  /** "two nations" is a phrase; "5 companies", "12 tanks" or "two million shares" are counts. */
  private countable(x: Expression): boolean {
    return /\d/.test(x.text) || (x.value ?? 0) >= 10;
  }

  /** A casualty word right after the count ("were killed", "killed", "dead") or a verb before it. */
  private casualtyAround(a: number, e: number): CasualtyEntry | null {
    for (let j = e, seen = 0; j < this.s1 && seen < 4; j++, seen++) {
      const p = this.pos(j);
      if (p === 'VERB' || p === 'ADJ' || p === 'NOUN') {
        const c = this.casualtyAt(j);
        if (c !== null) return c;
        if (p === 'VERB' && seen > 0) break;
        if (p === 'NOUN' && this.norm(j) !== 'people') break;
        continue;
      }
      if (p !== 'AUX' && p !== 'ADV' && p !== 'PART' && this.norm(j) !== 'have') break;
    }
    // "killed 12", "killing at least 12 people", "left 12 dead" handled above
    let j = a - 1 - this.qualifierBefore(a)[1];
    if (j >= this.s0 && this.pos(j) === 'DET') j--;
    // "laying off 5,500 people": over the particle of a phrasal verb
    if (j > this.s0 && this.d.words.particle.has(this.norm(j)) && this.pos(j - 1) === 'VERB') j--;
    // ... but not "held 12 talks": then the noun after it is what is counted
    if (j >= this.s0 && this.pos(j) === 'VERB' && (e >= this.s1 || this.pos(e) !== 'NOUN'))
      return this.casualtyAt(j);
    return null;
  }

  /** The qualifier ending right before token a, and how many tokens it has. */
  private qualifierBefore(
    a: number,
  ): [{ approximate: boolean; bound: 'min' | 'max' | null } | null, number] {
    const k = a - 1;
    if (k < this.s0) return [null, 0];
    const list = this.d.qualifiersBefore.get(this.norm(k));
    if (list === undefined) return [null, 0];
    for (const q of list) {
      const len = q.words.length;
      const from = a - len;
      if (from < this.s0) continue;
      let ok = true;
      for (let i = 0; i < len && ok; i++) ok = this.norm(from + i) === q.words[i];
      if (ok) return [q, len];
    }
    return [null, 0];
  }

  /**
   * What a line of figures measures: "Shr", "Net", "Oper shr profit" heading the line (the
   * longest label of labels.tsv ending right before the amount), or the heading words
   * themselves when the line compares figures ("Deposits 817.7 mln vs 705.7 mln").
   */
  private labelFor(a: number): string | null {
    let lo = a;
    const compared = this.comparisonFollows(a);
    let anyWord = false;
    while (lo - 1 >= this.s0 && a - lo < 6 && !this.lineBreakBefore(lo)) {
      const p = this.pos(lo - 1);
      const participle = p === 'VERB' && this.norm(lo - 1).endsWith('ed');
      // "Loans to clients 2,448.0 billion lire vs ...": a preposition inside the heading
      const inner =
        (p === 'ADP' || p === 'CCONJ') &&
        lo < a &&
        lo - 2 >= this.s0 &&
        NP_POS.has(this.pos(lo - 2));
      // "Attrib to outside shareholders 123.7 mln vs 52.3 mln": any word of a compared line
      // (wire text is hard-wrapped, so such a heading must open its sentence)
      const word = compared && p !== 'NUM' && p !== 'PUNCT' && this.numTok[lo - 1] === 0;
      if (!(NP_POS.has(p) || participle || inner || word)) break;
      if (!(NP_POS.has(p) || participle || inner)) anyWord = true;
      lo--;
    }
    if (lo === a || !this.lineBreakBefore(lo) || (anyWord && lo !== this.s0)) return null;
    // ... and never ends with a preposition ("credit of 194,000 dlrs vs ...")
    if (anyWord && /^(ADP|DET)$/.test(this.pos(a - 1))) return null;
    // a line of figures: compared ("vs") or ending with the amount
    if (!compared && !this.lineEndsAfterAmount(a)) return null;
    // "Oper net loss 7,001,000": the longest label that ends at the amount, else the first
    for (let p = lo; p < a; p++) {
      const m = this.matchForm(this.d.labels, p);
      if (m !== null && m[1] === a) return m[0].about;
    }
    // "Shr primary 43 cts", "Avg shrs diluted 32.4 mln": a known label starting the line
    const first = this.matchForm(this.d.labels, lo);
    if (first !== null) return first[0].about;
    if (this.comparisonFollows(a)) return this.phrase(lo, a);
    return null;
  }

  /** The line (or sentence) ends within a few tokens after token a: "Net 5,871,258". */
  private lineEndsAfterAmount(a: number): boolean {
    for (let j = a + 1; j < a + 5; j++) {
      if (j >= this.s1 || this.lineBreakBefore(j)) return true;
      if (this.pos(j) === 'VERB' || this.pos(j) === 'ADP') return false;
    }
    return false;
  }

  /** "12.5 mln vs 10.1 mln": a comparison word within the next few tokens. */
  private comparisonFollows(a: number): boolean {
    for (let j = a + 1; j < this.s1 && j < a + 5; j++)
      if (this.d.words.compare.has(this.norm(j))) return true;
    return false;
  }

  /** "vs profit 11 cts": the label of labels.tsv between "vs" and the amount at a, if any. */
  private labelBetween(a: number): string | null {
    for (let k = a - 1; k > this.s0 && a - k <= 3; k--) {
      if (this.d.words.compare.has(this.norm(k - 1))) {
        // the word as written: "vs loss 316,000 dlrs" after a gain is a loss, not net loss
        const m = this.matchForm(this.d.labels, k);
        return m !== null && m[1] === a ? this.phrase(k, a) : null;
      }
    }
    return null;
  }

  /** "... vs 4.4 mln": the amount repeats the previous one's subject. */
  private comparedTo(a: number, prev: Draft | null): boolean {
    if (prev === null || a - 1 < this.s0) return false;
    // "against a revised 45.85 billion"
    let k = a - 1;
    while (
      k > this.s0 &&
      a - k < 3 &&
      (this.pos(k) === 'DET' || this.pos(k) === 'ADJ' || this.pos(k) === 'VERB')
    )
      k--;
    const w = this.norm(k);
    return (
      this.d.words.compare.has(w) ||
      ((w === 'with' || w === 'to') && k - 1 >= this.s0 && this.norm(k - 1) === 'compared')
    );
  }

  /** Sets draft.about (and its token range) from the syntax around the amount. */
  private aboutOf(draft: Draft, prev: Draft | null): void {
    const { a, e } = draft;
    const set = (about: string | null, lo: number, hi: number): void => {
      draft.about = about;
      draft.lo = Math.min(draft.lo, lo);
      draft.hi = Math.max(draft.hi, hi);
    };
    const inherit = (p: Draft, suffix: string | null): void => {
      draft.subject = p.subject;
      const base = p.subject ?? p.about;
      set(suffix === null || base === null ? base : `${base} ${suffix}`, p.lo, p.hi);
    };
    // Lines of figures: "Shr 1.25 dlrs vs 1.10 dlrs".
    const label = this.labelFor(a);
    if (label !== null) return set(label, a, e);
    // "50 pct stock, 35 pct bonds ... versus 40 pct bonds": in a list each amount has its noun
    const own = this.modifiedNoun(this.perUnitEnd(e));
    if (own !== null && a - 1 >= this.s0) {
      const w = this.norm(a - 1);
      const after = own[1] < this.s1 ? this.norm(own[1]) : '.';
      const listed = w === ',' || w === 'and' || w === 'or' || this.d.words.compare.has(w);
      if (listed || (w === 'of' && (after === ',' || after === 'and')))
        return set(this.phrase(...own), own[0], own[1]);
    }
    // "Shr loss 18 cts vs profit 11 cts": a label of its own after "vs"
    const ownLabel = prev === null ? null : this.labelBetween(a);
    if (ownLabel !== null && prev !== null) {
      if (draft.unit === null) draft.unit = prev.unit;
      return set(ownLabel, a, e);
    }
    if (this.comparedTo(a, prev) && prev !== null) {
      // "7.00 mln tonnes, vs 6.60 mln last month": the same unit too
      if (draft.unit === null) {
        draft.unit = prev.unit;
        // "7.6 cents vs 3.0": the bare figure is in cents too
        if (!/[a-z]/i.test(this.input.text.slice(this.startOf(a), this.ends(draft.b - 1))))
          draft.factor = prev.money && prev.expr.type === 'MONEY' ? subunitOf(prev.expr) : 1;
      }
      // "prices rose 0.8 pct, compared with 9.4 pct": the same measure (a rise), not its subject
      draft.subject = prev.subject;
      return set(prev.about ?? prev.subject, prev.lo, prev.hi);
    }
    // "the signing of a 50 mln dlr floating rate note": after "a" or a possessive the amount
    // qualifies the noun that follows it, whatever governs the phrase
    let lead = a - 1 - this.qualifierBefore(a)[1];
    // "its three-year 345 mln dlr capital program", "a new 10 mln dlr plant"
    for (let k = 0; k < 4 && lead > this.s0; k++) {
      const p = this.pos(lead);
      if (this.dateTok[lead] === 1 || p === 'ADJ' || this.norm(lead) === '-') lead--;
      else break;
    }
    if (lead >= this.s0 && (draft.money || draft.unit === 'percent')) {
      const w = this.norm(lead);
      // ... and "an issue of two pct Treasury stock": a rate of the named security
      const own =
        w === 'a' ||
        w === 'an' ||
        this.d.words.possessive.has(w) ||
        w === "'s" ||
        (w === 'of' && draft.unit === 'percent');
      const np = own ? this.modifiedNoun(this.perUnitEnd(e)) : null;
      if (np !== null && this.change(np[1] - 1) === null)
        return set(this.subjectText(np), np[0], np[1]);
    }
    // "1.2 mln shares, or 12 pct, of the company": the same holding restated in another unit
    if (
      prev !== null &&
      lead - 1 > this.s0 &&
      this.norm(lead) === 'or' &&
      this.norm(lead - 1) === ',' &&
      a - prev.e <= 3 &&
      (prev.subject ?? prev.about) !== null
    ) {
      let k = e;
      if (k < this.s1 && this.norm(k) === ',') k++;
      const of = k + 1 < this.s1 && this.norm(k) === 'of' ? this.npRight(k + 1) : null;
      if (of === null) return inherit(prev, null);
      const base = (prev.subject ?? prev.about) as string;
      return set(`${base} of ${this.phrase(...of)}`, prev.lo, of[1]);
    }
    // "liquefied natural gas (21 pct)"
    if (a - 1 > this.s0 && this.norm(a - 1) === '(') {
      const np = this.npLeft(a - 1);
      if (np !== null) return set(this.subjectText(np), np[0], e);
    }
    // "20 mln dlrs worth of convertible bonds"
    if (e + 2 < this.s1 && this.norm(e) === 'worth' && this.norm(e + 1) === 'of') {
      const np = this.npRight(e + 2);
      if (np !== null) return set(this.phrase(...np), np[0], np[1]);
    }
    // "300,000 tonnes of wheat", "$4 billion of trade", "40% of voters", "585 mln pounds a
    // year of phenol" (a rate of production between the amount and its "of").
    const rate =
      e + 2 < this.s1 &&
      (this.norm(e) === 'a' || this.norm(e) === 'per') &&
      this.d.words['time-noun'].has(this.norm(e + 1)) &&
      this.norm(e + 2) === 'of'
        ? e + 2
        : e;
    // "borrowings of 1.95 billion dlrs, of which 1.40 billion correspond to loans": a share of
    // the previous amount
    const which = a - 1 - this.qualifierBefore(a)[1];
    if (
      prev !== null &&
      which - 1 >= this.s0 &&
      this.norm(which) === 'which' &&
      this.norm(which - 1) === 'of' &&
      (prev.subject ?? prev.about) !== null
    )
      return inherit(prev, null);
    // "sell it for 313 mln dlrs, 70 pct of which": a share of the previous amount
    if (
      prev !== null &&
      e + 1 < this.s1 &&
      this.norm(e) === 'of' &&
      this.d.words['relative-pronoun'].has(this.norm(e + 1)) &&
      (prev.subject ?? prev.about) !== null
    )
      return inherit(prev, null);
    if (rate < this.s1 && this.norm(rate) === 'of') {
      // "5,700 tons of lead on ...": a one-word noun the tagger read as a verb
      const lone =
        rate + 2 < this.s1 &&
        this.pos(rate + 1) === 'VERB' &&
        /^(ADP|PUNCT|CCONJ)$/.test(this.pos(rate + 2))
          ? ([rate + 1, rate + 2] as [number, number])
          : null;
      // "55 mln dlrs of nine pct junior debentures": over the rate to the securities
      let from = rate + 1;
      while (from < this.s1 && from - rate < 5 && this.numTok[from] === 1) from++;
      const np = this.npRight(from) ?? lone;
      if (np !== null && !this.d.words['time-noun'].has(this.norm(np[1] - 1)))
        return set(this.phrase(...np), np[0], np[1]);
    }
    // "their demand for 100 pct pay rises": a change noun the amount modifies
    const changed = e < this.s1 && this.change(e) === null ? this.modifiedNoun(e) : null;
    if (changed !== null && changed[1] - changed[0] > 1) {
      const c = this.change(changed[1] - 1);
      if (c !== null && c.label !== null && c.pos === 'noun')
        return set(this.phrase(...changed), changed[0], changed[1]);
    }
    // "a 77% growth in goods trade", "a 5% rise in prices".
    if (e < this.s1) {
      const c = this.pos(e) === 'NOUN' ? this.change(e) : null;
      if (c !== null && c.label !== null) {
        const pp = this.ppAfter(e + 1);
        if (pp !== null) return set(`${this.phrase(...pp)} ${c.label}`, e, pp[1]);
        if (prev !== null && (prev.subject ?? prev.about) !== null && this.appositive(a))
          return inherit(prev, c.label);
        return set(c.label, e, e + 1);
      }
    }
    // Walk left to what governs the amount: a preposition, then a verb or a noun of change.
    const [, qlen] = this.qualifierBefore(a);
    let j = a - 1 - qlen;
    // "from the initial 75 mln", "repaid a record 5.97 billion dlrs"
    // "by a seasonally adjusted 1.4 pct"
    for (let k = 0; k < 3 && j > this.s0 && this.norm(j) !== 'worth'; k++) {
      const p = this.pos(j);
      const participle =
        p === 'VERB' &&
        this.norm(j).endsWith('ed') &&
        (this.pos(j - 1) === 'ADV' || this.pos(j - 1) === 'DET');
      // "soared to a record 31.05 billion": a level noun between the article and the number
      const level =
        p === 'NOUN' && this.change(j)?.direction === 'level' && this.pos(j - 1) === 'DET';
      if (p === 'DET' || p === 'ADJ' || (p === 'ADV' && k > 0) || participle || level) j--;
      else if (p === 'ADV' && k === 0 && (this.pos(j - 1) === 'DET' || this.pos(j - 1) === 'ADJ'))
        j--;
      else break;
    }
    let prep: string | null = null;
    if (j >= this.s0 && this.d.words['link-prep'].has(this.norm(j))) {
      prep = this.norm(j);
      j--;
    }
    // "-- total enrollment 10,572,402 acres": a noun phrase opening the sentence
    if (prep === null && j >= this.s0 && this.pos(j) === 'NOUN' && this.verbForm(j) === null) {
      const np = this.npLeft(j + 1);
      // ... or listed after a comma: "gave the Tories 38 pct, the Alliance 21 pct"
      const open = np === null ? -1 : np[0] - (this.pos(np[0] - 1) === 'DET' ? 2 : 1);
      if (np !== null && (np[0] === this.s0 || open < this.s0 || this.pos(open) === 'PUNCT'))
        return set(this.subjectText(np), np[0], e);
      // "canneries with sales over 1.24 mln intis": a noun bounded by a qualifier
      if (
        np !== null &&
        qlen > 0 &&
        !this.d.words['time-noun'].has(this.norm(j)) &&
        this.change(j) === null
      )
        return set(this.subjectText(np), np[0], e);
    }
    // "14.3 mln dlrs, or 2.38 dlrs a share", "7.75 dlrs this year and 9.50 dlrs in 1988"
    if (
      prep === null &&
      prev !== null &&
      j >= this.s0 &&
      (this.norm(j) === 'and' || this.norm(j) === 'or') &&
      prev.unit === draft.unit &&
      a - prev.e <= 8
    )
      return inherit(prev, null);
    if (prep === 'of') {
      // "a loss for the fourth quarter ended January 3 of 31.9 mln dlrs"
      while (j > this.s0 && this.dateTok[j] === 1) j--;
      if (j > this.s0 && this.pos(j) === 'VERB' && this.d.words['time-noun'].has(this.norm(j - 1)))
        j--;
    }
    for (;;) {
      const p = j >= this.s0 ? this.pos(j) : '';
      const joined = j > this.s0 && this.hyphenPrev(j, this.s0); // "a write-down of"
      if (prep !== 'of' || !(p === 'NOUN' || p === 'PROPN' || p === 'ADJ' || joined)) break;
      // "a loss of $5 million", "growth of 5% in exports", "sales of 4 billion"
      const c = this.change(j);
      if (c !== null && c.pos === 'noun' && c.direction === 'level') {
        // "a total of", "an average of": see through to what governs them
        j--;
        while (j >= this.s0 && this.pos(j) === 'DET') j--;
        prep = null;
        if (j >= this.s0 && this.d.words['link-prep'].has(this.norm(j))) {
          prep = this.norm(j);
          j--;
        }
        continue;
      }
      if (c !== null && c.label !== null && c.pos === 'noun') {
        const pp = this.ppAfter(e);
        if (pp !== null) return set(`${this.phrase(...pp)} ${c.label}`, j, pp[1]);
        const before = this.ppAfter(j + 1);
        if (before !== null && before[1] <= a)
          return set(`${this.phrase(...before)} ${c.label}`, j, e);
        // "turnover totalled 66 billion marks, a real decline of four pct": the amount before
        if (prev !== null && (prev.subject ?? prev.about) !== null && this.appositive(j))
          return inherit(prev, c.label);
        return set(c.label, j, e);
      }
      if (this.d.words['time-noun'].has(this.norm(j))) {
        // "a loss for the period of about 175 mln dlrs": what the period is of
        let k = j - 1;
        while (k >= this.s0 && (this.pos(k) === 'DET' || this.pos(k) === 'ADJ')) k--;
        if (k > this.s0 && (this.norm(k) === 'for' || this.norm(k) === 'in')) {
          j = k - 1;
          continue;
        }
      }
      // "loss from discontinued operations of", "stakes in companies of at least five pct"
      let np = this.npLeft(j + 1);
      if (np !== null && p !== 'ADJ') {
        let before = np[0] - 1;
        if (before > this.s0 && this.pos(before) === 'DET') before--;
        const w = before >= this.s0 ? this.norm(before) : '';
        // ... "a net cost to the economy of 3.6 billion dlrs": the cost, not the economy
        const outer = w === 'in' || w === 'from' || w === 'to' ? this.npLeft(before) : null;
        if (outer !== null && !this.allProper(outer)) np = outer;
      }
      if (np !== null) {
        const label = this.matchForm(this.d.labels, np[0]);
        const text = label !== null && label[1] === np[1] ? label[0].about : this.phrase(...np);
        return set(text, np[0], e);
      }
      break;
    }
    // "its entire 14.8 pct stake", "the 700-800 mln dlr range": a modifier of the noun after it
    if (
      prep === null &&
      j >= this.s0 &&
      (this.pos(j) === 'DET' || this.d.words.possessive.has(this.norm(j)))
    ) {
      const np = this.modifiedNoun(this.perUnitEnd(e));
      if (np !== null) return set(this.phrase(...np), np[0], np[1]);
    }
    // "Ghana was there at 1,460 stg a tonne": a money amount per unit after "at" is a price
    const perAt = this.perUnitEnd(e);
    if (
      prep === 'at' &&
      draft.money &&
      perAt > e &&
      !this.d.words['time-noun'].has(this.norm(perAt - 1))
    ) {
      // ... but "the estimate remains unchanged at 4.50 dlrs a share": a level verb's subject
      let v = j;
      while (v > this.s0 && j - v < 3 && /^(ADJ|ADV)$/.test(this.pos(v))) v--;
      const level = this.pos(v) === 'VERB' ? this.change(v) : null;
      const subj = level?.direction === 'level' ? this.subjectOf(v) : null;
      if (subj !== null && this.pos(subj[1] - 1) !== 'PRON') {
        draft.subject = this.subjectText(subj);
        return set(draft.subject, subj[0], perAt);
      }
      return set(`price per ${this.phrase(perAt - 1, perAt)}`, a, perAt);
    }
    // "raised its stake to 12 pct", "other assets to 2.02 billion rand", "inflation at 5%"
    if (
      (prep === 'to' || prep === 'at' || prep === 'from') &&
      j >= this.s0 &&
      this.pos(j) === 'NOUN' &&
      !this.d.words['time-noun'].has(this.norm(j)) &&
      this.change(j) === null &&
      (prev === null || j >= prev.e)
    ) {
      const near = this.npLeft(j + 1);
      let before = near === null ? -1 : near[0] - 1;
      // "fall by as much as one full point to 9-1/2 pct": over the number and its qualifier
      while (before > this.s0 && /^(NUM|ADJ)$/.test(this.pos(before))) before--;
      while (before > this.s0 && this.qualifierBefore(before + 1)[1] > 0)
        before -= this.qualifierBefore(before + 1)[1];
      // "fell by nearly half to 4.2 billion" is not about "half"
      let np = near !== null && this.norm(before) !== 'by' ? this.subjectOf(j + 1) : null;
      // "the rise in bilateral trade to $4 billion": the level of what rose
      const headChange = np === null ? null : this.change(np[1] - 1);
      if (
        np !== null &&
        headChange !== null &&
        headChange.pos === 'noun' &&
        headChange.label !== null
      )
        np = near;
      if (np !== null) {
        draft.subject = this.subjectText(np);
        return set(draft.subject, np[0], e);
      }
    }
    // "the deal, worth about 1.3 billion dlrs"
    if (prep === null && j >= this.s0 && this.norm(j) === 'worth') {
      let k = j;
      while (k - 1 >= this.s0 && (this.pos(k - 1) === 'AUX' || this.norm(k - 1) === ',')) k--;
      const np = this.npLeft(k);
      if (np !== null) return set(this.subjectText(np), np[0], e);
    }
    let verb: number | null = null;
    let objectLabel: string | null = null;
    // "were acquired from X, for 27 mln dlrs", "bought the unit for $5 million": what the
    // money paid for is the verb's object, or its subject when the verb is passive
    if (prep === null && draft.money && j > this.s0 && this.norm(j) === 'for') {
      // ... or the noun right before "for": "the purchase of 3.5 mln shares for 177.9 mln dlrs"
      const np = this.boughtThing(j) ?? this.npLeft(j);
      if (
        np !== null &&
        !this.d.words['time-noun'].has(this.norm(np[1] - 1)) &&
        this.dateTok[np[1] - 1] === 0
      )
        return set(this.subjectText(np), np[0], e);
    }
    for (let k = j, walked = 0; k >= this.s0 && walked < MAX_WALK; k--, walked++) {
      const p = this.pos(k);
      const w = this.norm(k);
      // "fell sharply, to 40 mln dlrs": the comma only sets off the amount
      if (w === ',' && prep !== null && k === j) continue;
      if (p === 'PUNCT' && w !== '-' && w !== '%') {
        if (w === ',' && prev !== null && this.upDownAt(k + 1, a)) {
          // "..., up 12 pct from last year": the previous amount's subject changed
          return inherit(prev, this.change(k + 1)?.label ?? null);
        }
        break;
      }
      // "balance sheet total rose five pct": a verb of change the tagger read as a noun
      const asVerb =
        p === 'NOUN' && k === j && k > this.s0 && NP_POS.has(this.pos(k - 1))
          ? this.verbForm(k)
          : null;
      if (
        p === 'VERB' ||
        p === 'AUX' ||
        asVerb !== null ||
        ((w === 'up' || w === 'down') && k === j)
      ) {
        let c =
          asVerb ??
          (p === 'AUX' ? (this.d.changes.get(`verb:${this.lemma(k)}`) ?? null) : this.change(k));
        if (c !== null && c.direction === 'forecast') {
          // "forecast the harvest at 20 mln tonnes", "profits were 8 mln dlrs and it forecasts
          // 10 mln for 1988": a forecast of the verb's object or of the previous amount's
          // subject; the verb's own subject is the forecaster
          const label = c.label ?? 'forecast';
          // "losses are estimated at 3 billion": the passive's subject is what is forecast
          let aux = k - 1;
          while (aux > this.s0 && this.pos(aux) === 'ADV') aux--; // "is officially projected"
          if (aux >= this.s0 && this.pos(aux) === 'AUX' && this.lemma(aux) === 'be') {
            const subj = this.subjectOf(k);
            if (subj !== null && this.pos(subj[1] - 1) !== 'PRON') {
              draft.subject = this.subjectText(subj);
              return set(draft.subject, subj[0], e);
            }
          }
          // "projects second quarter earnings at": over the period to the object
          let o = k + 1;
          while (o <= j && o - k < 5 && this.dateTok[o] === 1) o++;
          const object = o <= j ? this.npRight(o) : null;
          if (object !== null && this.onlyPhrase(object[1], j + 1)) {
            draft.subject = this.subjectText(object);
            return set(`${draft.subject} ${label}`, object[0], e);
          }
          if (prev !== null && (prev.subject ?? prev.about) !== null) return inherit(prev, label);
          return set(label, k, e);
        }
        if (c !== null && c.direction === 'object') {
          // "paid 150 mln dlrs": what was paid for is said around the amount, else "payment"
          verb = k;
          objectLabel = c.label;
          break;
        }
        // "edged down to 0.9 pct": a verb with an adverb of change after it
        if (c === null && p === 'VERB' && k + 1 <= j)
          c = this.d.changes.get(`adverb:${this.norm(k + 1)}`) ?? null;
        if (c === null || c.direction === 'ignore') {
          // Another verb ("repaid 5.97 billion dlrs"): what it did is the best subject left
          if (p === 'VERB' && c === null) verb = k;
          break;
        }
        // "raised rates by 0.5 points", "cut its forecast to 2%": the object changed
        const object = k + 1 <= j && c.direction !== 'level' ? this.npRight(k + 1) : null;
        const subj =
          object !== null && this.onlyPhrase(object[1], j + 1) ? object : this.subjectOf(k);
        // "the dollar is poised to resume its decline, and will lose a further 13 pct"
        const shared = subj === null && prev === null ? this.sharedSubject(k) : null;
        if (shared !== null) {
          const text = this.subjectText(shared);
          draft.subject = text;
          const level = c.label === null || prep === 'to' || prep === 'at' || prep === 'from';
          return set(level ? text : `${text} ${c.label}`, shared[0], e);
        }
        if (subj === null) {
          if (prev !== null && (prev.subject !== null || prev.about !== null)) {
            // "..., up 12 pct", "after rising to 13.62 billion": the previous amount's subject
            const level = c.label === null || prep === 'to' || prep === 'at' || prep === 'from';
            return inherit(prev, level ? null : c.label);
          }
          break;
        }
        const subject = this.subjectText(subj);
        draft.subject = subject;
        const toll = this.casualtyOfSubject(subj);
        if (toll !== null) {
          // "the death toll rose to 35", "casualties reached 40"
          draft.casualty = toll;
          draft.unit ??= 'people';
          return set(toll.about, subj[0], e);
        }
        if (c.label === null || prep === 'to' || prep === 'at' || prep === 'from')
          return set(subject, subj[0], e);
        return set(`${subject} ${c.label}`, subj[0], e);
      }
      if (p === 'NOUN') {
        const c = this.change(k);
        if (c !== null && c.label !== null && c.pos === 'noun') {
          // "the rise in bilateral trade to about $4 billion"
          const pp = this.ppAfter(k + 1);
          if (pp !== null && pp[1] <= a) {
            const x = this.phrase(...pp);
            draft.subject = x;
            return set(prep === 'to' || prep === 'at' ? x : `${x} ${c.label}`, k, e);
          }
          return set(c.label, k, e);
        }
      }
    }
    // "to 12.21 billion rand ... from 13.62 billion": the pair shares its subject
    if ((prep === 'from' || prep === 'to') && prev !== null && prev.subject !== null)
      return inherit(prev, null);
    // "a $4 billion deal", "a 550 mln dlr private placement": the noun the amount modifies.
    const modified = this.modifiedNoun(e);
    if (modified !== null) return set(this.phrase(...modified), modified[0], modified[1]);
    // "paid $5 million for the stake"
    if (e + 1 < this.s1 && this.norm(e) === 'for') {
      const np = this.npRight(e + 1);
      if (np !== null && !this.d.words['time-noun'].has(this.norm(np[1] - 1)))
        return set(this.phrase(...np), np[0], np[1]);
    }
    // "affecting 1.8 billion dlrs in debt", "$2 million in cash": money in a bare common noun
    if (draft.money && e + 1 < this.s1 && this.norm(e) === 'in' && this.pos(e + 1) !== 'DET') {
      const np = this.npRight(e + 1);
      if (
        np !== null &&
        np[0] === e + 1 &&
        this.pos(np[1] - 1) === 'NOUN' &&
        !this.d.words['time-noun'].has(this.norm(np[1] - 1)) &&
        this.dateTok[np[0]] === 0
      )
        return set(this.phrase(...np), np[0], np[1]);
    }
    if (verb !== null && draft.unitEntry === null) {
      // "paid 150 mln dlrs to buy the exploration assets": the purpose names it
      const purpose = this.purposeAfter(e);
      if (purpose !== null) return set(this.subjectText(purpose), purpose[0], purpose[1]);
    }
    // "redeem the stock at 102.24 dlrs a share": a money amount per unit is a price
    const per = this.perUnitEnd(e);
    if (draft.money && per > e && !this.d.words['time-noun'].has(this.norm(per - 1)))
      return set(`price per ${this.phrase(per - 1, per)}`, a, per);
    // "the mine produced 10,600 ounces": a measure says how much, the verb says of what
    if (verb !== null && objectLabel !== null && draft.unitEntry?.kind === 'measure')
      return set(objectLabel, verb, e);
    if (verb !== null && draft.unitEntry === null) {
      if (objectLabel !== null) return set(objectLabel, verb, e);
      // "wiped 30 pct off the value of crops": what the amount was taken off or out of
      const off = this.offPhrase(e);
      if (off !== null) return set(this.phrase(...off), off[0], off[1]);
      // "the spot price goes above 17 dlrs": a verb with a preposition, not an object, after
      // it says nothing of what is counted; its common-noun subject does
      const intransitive =
        verb + 1 < a && this.pos(verb + 1) === 'ADP' && this.norm(verb + 1) !== 'about';
      const subj = intransitive ? this.subjectOf(verb) : null;
      if (
        subj !== null &&
        this.pos(subj[1] - 1) === 'NOUN' &&
        !this.allProper(subj) &&
        this.casualtyOfSubject(subj) === null
      )
        return set(this.subjectText(subj), subj[0], e);
      return set(this.norm(verb), verb, e);
    }
    // "a center of 430,000 square feet on 121 acres", "a plant on 40 hectares": a measure
    // after a preposition measures the noun (or the amount) the preposition follows
    const at = a - 1 - qlen;
    if (
      draft.unitEntry?.kind === 'measure' &&
      at > this.s0 &&
      this.pos(at) === 'ADP' &&
      !this.d.words['link-prep'].has(this.norm(at))
    ) {
      if (prev !== null && prev.e === at && (prev.subject ?? prev.about) !== null)
        return inherit(prev, null);
      const np = this.npLeft(at);
      // ... never the unit words of the amount before ("square feet")
      const own =
        np !== null &&
        ((prev !== null && np[1] > prev.a && np[0] < prev.e) ||
          (np[0] > this.s0 && this.numTok[np[0] - 1] === 1));
      if (
        np !== null &&
        !own &&
        !this.d.words['time-noun'].has(this.norm(np[1] - 1)) &&
        this.dateTok[np[1] - 1] === 0
      )
        return set(this.subjectText(np), np[0], e);
    }
  }

  /**
   * The subject a verb at v shares with an earlier verb it is coordinated with ("X is poised
   * to resume its decline, and will lose 13 pct"): after "and"/"but" (auxiliaries skipped),
   * the subject of the nearest finite verb before it.
   */
  private sharedSubject(v: number): [number, number] | null {
    let k = v - 1;
    while (k > this.s0 && (this.pos(k) === 'AUX' || this.pos(k) === 'ADV')) k--;
    if (k <= this.s0 || !(this.norm(k) === 'and' || this.norm(k) === 'but')) return null;
    for (let i = k - 1, walked = 0; i > this.s0 && walked < 16; i--, walked++) {
      if (this.norm(i) === ';' || this.pos(i) === 'SCONJ') return null;
      const p = this.pos(i);
      const before = this.pos(i - 1);
      if ((p === 'VERB' || p === 'AUX') && /^(NOUN|PROPN)$/.test(before)) {
        const np = this.subjectOf(i);
        return np !== null && this.pos(np[1] - 1) !== 'PRON' ? np : null;
      }
    }
    return null;
  }

  /** A year written as a number ("1987"). */
  private yearAt(i: number): boolean {
    return this.pos(i) === 'NUM' && /^(1[89]|20)\d\d$/.test(this.norm(i));
  }

  /** Token i opens a phrase set off by a comma: ", a real decline", ", a 68 pct increase". */
  private appositive(i: number): boolean {
    let k = i - 1;
    while (k > this.s0 && i - k < 4 && /^(DET|ADJ|ADV)$/.test(this.pos(k))) k--;
    return k >= this.s0 && this.norm(k) === ',';
  }

  /** The verb form of a token the tagger read as a noun ("rose"), from changes.tsv. */
  private verbForm(k: number): ChangeEntry | null {
    if (this.change(k) !== null) return null;
    const c =
      this.d.changes.get(`verb:${this.norm(k)}`) ?? this.d.changes.get(`verb:${this.lemma(k)}`);
    return c !== undefined && c.direction !== 'ignore' ? c : null;
  }

  /**
   * For "... for N dlrs" at token f: the thing paid for. Walks left to the clause's verb (over
   * one comma-delimited apposition and its "from X" phrase); its subject when it is passive
   * ("the building was acquired ... for"), else its object ("bought the unit for").
   */
  private boughtThing(f: number): [number, number] | null {
    let k = f - 1;
    for (let walked = 0; k > this.s0 && walked < 16; k--, walked++) {
      const p = this.pos(k);
      if (p === 'VERB') break;
      if (p === 'AUX' || p === 'SCONJ' || this.norm(k) === ';') return null;
    }
    if (k <= this.s0 || this.pos(k) !== 'VERB') return null;
    // "were acquired", "was sold": a participle after a form of "be"
    const passive =
      (this.pos(k - 1) === 'AUX' && this.lemma(k - 1) === 'be') || this.norm(k - 1) === 'been';
    if (passive) {
      const np = this.subjectOf(k);
      return np !== null && this.pos(np[1] - 1) !== 'PRON' ? np : null;
    }
    const c = this.change(k);
    if (c !== null && c.direction !== 'object') return null;
    // "sold 89,000 shares of the bank for": over the count to what it counts
    let o = k + 1;
    while (o < f && o - k < 5 && this.numTok[o] === 1) o++;
    const np = this.npRight(o);
    return np !== null && np[1] <= f && np[1] > np[0] ? np : null;
  }

  /** "off the value of crops", "out of reserves" after token e: that phrase, its "of" kept. */
  private offPhrase(e: number): [number, number] | null {
    let k = e;
    if (k < this.s1 && (this.norm(k) === 'off' || this.norm(k) === 'out')) k++;
    else return null;
    if (k < this.s1 && (this.norm(k) === 'of' || this.norm(k) === 'from')) k++;
    const np = this.npRight(k);
    if (
      np === null ||
      this.d.words['time-noun'].has(this.norm(np[1] - 1)) ||
      this.dateTok[np[0]] === 1
    )
      return null;
    const of = this.ppAfter(np[1]);
    return of !== null && this.norm(np[1]) === 'of' ? [np[0], of[1]] : np;
  }

  /** "to buy virtually all the assets" after token e: the purpose's object. */
  private purposeAfter(e: number): [number, number] | null {
    let k = e;
    while (k < this.s1 && k - e < 4 && (this.dateTok[k] === 1 || this.pos(k) === 'ADV')) k++;
    if (k + 1 >= this.s1 || this.norm(k) !== 'to') return null;
    k++;
    // "to separately acquire"
    if (this.pos(k) === 'ADV' && k + 1 < this.s1) k++;
    if (this.pos(k) !== 'VERB') return null;
    k++;
    while (k < this.s1 && (this.pos(k) === 'ADV' || this.pos(k) === 'DET')) k++;
    const np = this.npRight(k);
    return np !== null && !this.d.words['time-noun'].has(this.norm(np[1] - 1)) ? np : null;
  }

  /** Tokens [from, to) are nouns, adjectives, determiners and prepositions only ("against earnings"). */
  private onlyPhrase(from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const p = this.pos(i);
      if (!(NP_POS.has(p) || p === 'DET' || p === 'ADP')) return false;
    }
    return true;
  }

  /** After "18 dlrs a barrel" / "per share": where the amount's phrase goes on. */
  private perUnitEnd(e: number): number {
    if (
      e + 1 < this.s1 &&
      (this.norm(e) === 'a' || this.norm(e) === 'per') &&
      this.pos(e + 1) === 'NOUN'
    )
      return e + 2;
    return e;
  }

  /** The noun phrase an amount modifies ("a $4 billion deal"), time nouns excepted. */
  private modifiedNoun(e: number): [number, number] | null {
    if (e >= this.s1) return null;
    // "a 1.4 billion dlr five-year contract": over the duration that qualifies the noun
    if (this.dateTok[e] === 1) {
      let k = e;
      while (k < this.s1 && k - e < 4 && this.dateTok[k] === 1) k++;
      if (k < this.s1 && k > e && this.dateTok[k - 1] === 1 && this.pos(k) === 'NOUN') e = k;
    }
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
    return np !== null && !this.d.words['time-noun'].has(this.norm(np[1] - 1)) ? np : null;
  }

  /** Token k is "up"/"down"/"higher"/"lower" right before the amount at a. */
  private upDownAt(k: number, a: number): boolean {
    if (k >= a) return false;
    const c = this.d.changes.get(`adverb:${this.norm(k)}`);
    return c !== undefined && k + 1 + this.qualifierBefore(a)[1] === a;
  }

  /** "in goods trade", "of exports": the noun phrase after "in"/"of" at token i. */
  private ppAfter(i: number): [number, number] | null {
    if (i >= this.s1) return null;
    const w = this.norm(i);
    if (w !== 'in' && w !== 'of') return null;
    const np = this.npRight(i + 1);
    if (
      np === null ||
      this.d.words['time-noun'].has(this.norm(np[1] - 1)) ||
      this.dateTok[np[0]] === 1
    )
      return null;
    return np;
  }

  private subjectText(np: [number, number]): string {
    const label = this.matchForm(this.d.labels, np[0]);
    if (label !== null && label[1] === np[1]) return label[0].about;
    return this.phrase(...np);
  }

  /** A subject that counts people: "the death toll", "casualties", "the number of dead". */
  private casualtyOfSubject(np: [number, number]): CasualtyEntry | null {
    const head = np[1] - 1;
    if (this.norm(head) === 'toll' && head > np[0]) return this.casualtyAt(head - 1);
    const p = this.pos(head);
    return p === 'NOUN' || p === 'ADJ' ? this.casualtyAt(head) : null;
  }

  // ---- finishing -------------------------------------------------------------------------

  private finish(s: number, x: Expression, d: Draft, exprs: readonly Expression[]): Quantity {
    const start = x.start;
    const end = d.e > d.b ? (this.t.ends[d.e - 1] as number) : x.end;
    const [qb] = this.qualifierBefore(d.a);
    const qa =
      this.matchForm(this.d.qualifiersAfter, d.b) ?? this.matchForm(this.d.qualifiersAfter, d.e);
    const approximate = (qb?.approximate ?? false) || (qa?.[0].approximate ?? false);
    const bound = qb?.bound ?? qa?.[0].bound ?? null;
    const actors = this.actorsOf(d);
    const year = this.yearOf(d, exprs);
    let unit = d.unit;
    // "increase authorized common shares to 50 mln": the subject names the unit
    if (unit === null && d.about !== null) unit = this.unitOfAbout(d.about);
    const casualtyField =
      d.casualty?.field ?? (d.unitEntry?.kind === 'people' ? this.fieldOfAbout(d.about) : null);
    const q: Quantity = {
      text: this.input.text.slice(start, end),
      start,
      end,
      value: tidy((x.value as number) * d.factor),
      unit,
      about: d.about,
      ...(year === null ? {} : { year }),
      ...(x.valueHigh === undefined ? {} : { valueHigh: tidy(x.valueHigh * d.factor) }),
      approximate,
      bound,
      sentence: s,
      actors,
      ...(unit === 'people' && casualtyField !== null ? { eventField: casualtyField } : {}),
    };
    return q;
  }

  /** The unit a subject's last word names ("common shares" → shares), from units.tsv. */
  private unitOfAbout(about: string): string | null {
    // "earnings per share" is money per share, not a count of shares
    if (about.includes(' per ')) return null;
    const last = about.slice(about.lastIndexOf(' ') + 1);
    const entry = this.d.units.get(last)?.find((u) => u.words.length === 1);
    return entry !== undefined && entry.kind !== 'measure' ? entry.unit : null;
  }

  /** "protesters" fill an event's size, "dead" its dead (from casualties.tsv). */
  private fieldOfAbout(about: string | null): 'dead' | 'injured' | 'size' | null {
    if (about === null) return null;
    for (const c of this.d.casualties.values()) if (c.about === about) return c.field;
    return null;
  }

  /** The year an amount refers to: a year or relative year in a date expression near it. */
  private yearOf(d: Draft, exprs: readonly Expression[]): number | null {
    let best: number | null = null;
    let bestDistance = Infinity;
    for (const x of exprs) {
      if (x.type !== 'DATE') continue;
      const xa = this.tokenAt(x.start);
      const xb = this.tokenAt(x.end);
      // "debentures due 2011": a maturity, not the year the amount refers to
      const by = xa - 1 >= this.s0 && this.norm(xa - 1) === 'in' ? xa - 2 : xa - 1;
      if (by >= this.s0 && this.d.words.maturity.has(this.norm(by))) continue;
      // after the amount counts a little more than before it: "$4 billion in 2023"
      const distance = xa >= d.e ? xa - d.e : d.a - xb + 2;
      if (distance < 0 || distance > 8 || distance >= bestDistance) continue;
      const y = this.yearFrom(x, xa, xb);
      if (y === null) continue;
      best = y;
      bestDistance = distance;
    }
    return best;
  }

  private yearFrom(x: Expression, xa: number, xb: number): number | null {
    const m = /(?:^|[^\d])((?:1[89]|20)\d\d)(?![\d])/.exec(x.text);
    if (m !== null) return Number(m[1]);
    if (this.docYear === null) return null;
    for (let i = xa; i < xb; i++) {
      const p = this.matchForm(this.d.periods, i);
      if (p !== null && p[1] <= xb) return this.docYear + p[0].offset;
    }
    // "last year" may be split from its expression ("a year earlier")
    const p = this.matchForm(this.d.periods, xa);
    return p === null ? null : this.docYear + p[0].offset;
  }

  /**
   * Codes of the actors tied to the amount: those in the phrase around it (its subject, the
   * amount, "between X and Y" after it), else every coded actor of its sentence.
   */
  private actorsOf(d: Draft): string[] {
    let lo = Math.min(d.lo, d.a);
    let hi = Math.max(d.hi, d.e);
    // "Iran's exports": the possessor before the subject
    if (lo - 1 > this.s0 && this.norm(lo - 1) === "'s") {
      lo--;
      while (lo - 1 >= this.s0 && this.pos(lo - 1) === 'PROPN') lo--;
    }
    for (let k = 0; hi < this.s1 && k < 10; k++, hi++) {
      const p = this.pos(hi);
      if (p === 'VERB' || p === 'AUX' || p === 'SCONJ' || (p === 'PUNCT' && this.norm(hi) !== '-'))
        break;
    }
    const startOff = this.t.starts[lo] as number;
    const endOff = this.t.ends[hi - 1] as number;
    const local: string[] = [];
    const sentence: string[] = [];
    const sStart = this.t.starts[this.s0] as number;
    const sEnd = this.t.ends[this.s1 - 1] as number;
    for (const ent of this.input.entities) {
      if (ent.start < sStart || ent.end > sEnd) continue;
      const codes = ent.members ?? (ent.code === null ? [] : [ent.code]);
      for (const c of codes) {
        if (!sentence.includes(c)) sentence.push(c);
        if (ent.start >= startOff && ent.end <= endOff && !local.includes(c)) local.push(c);
      }
    }
    return local.length > 0 ? local : sentence;
  }
}

/** CAMEO roots an event of each people count most likely describes (violence; protest, arrest). */
const FIELD_ROOTS: Readonly<Record<'dead' | 'injured' | 'size', readonly string[]>> = {
  dead: ['18', '19', '20', '17', '15'],
  injured: ['18', '19', '20', '17', '15'],
  size: ['14', '17', '18'],
};

/** Characters that end a clause between a count and an event's evidence. */
const CLAUSE_BREAK =
  /[;:.!?]|,\s*(?:but|while|whereas|although|and)\b|\b(?:but|while|whereas|after|before|when)\b/;

/**
 * Events with the people counts of their sentence: `dead` (killed, dead), `injured`
 * (injured, wounded) and `size` (protesters, people arrested, detained, displaced). Each count
 * goes to one event of its sentence: among those whose root fits the count (violence for the
 * dead and injured, protest and arrest for a crowd) if any, else among all, the one whose
 * evidence is nearest, an event in another clause (when `text` is given) only when no event
 * shares the count's clause. An event that draws two counts of a kind keeps the nearer one.
 * Returns new event objects; other events are returned as they are.
 *
 * @example
 * attachCasualties(events, quantities, text)[0]?.dead; // 12 for "Troops killed 12 people ..."
 */
export function attachCasualties(
  events: readonly EventRecord[],
  quantities: readonly Quantity[],
  text?: string,
): EventRecord[] {
  type Field = 'dead' | 'injured' | 'size';
  const best = new Map<number, Map<Field, { value: number; distance: number }>>();
  for (const q of quantities) {
    if (q.eventField === undefined || q.sentence === undefined) continue;
    const field = q.eventField;
    const roots = FIELD_ROOTS[field];
    const same: number[] = [];
    events.forEach((ev, i) => {
      if (ev.sentence === q.sentence) same.push(i);
    });
    if (same.length === 0) continue;
    const fitting = same.filter((i) => roots.includes((events[i] as EventRecord).root));
    const pool = fitting.length > 0 ? fitting : same;
    let pick = -1;
    let pickDistance = Infinity;
    for (const i of pool) {
      const ev = events[i] as EventRecord;
      const lo = Math.min(ev.evidence.end, q.end);
      const hi = Math.max(ev.evidence.start, q.start);
      let distance = Math.max(0, hi - lo);
      // a count in another clause than the event: only when nothing is closer in its own
      if (text !== undefined && hi > lo && CLAUSE_BREAK.test(text.slice(lo, hi))) distance += 1e6;
      if (distance < pickDistance) {
        pick = i;
        pickDistance = distance;
      }
    }
    const fields = best.get(pick) ?? new Map<Field, { value: number; distance: number }>();
    const had = fields.get(field);
    if (had === undefined || pickDistance < had.distance)
      fields.set(field, { value: q.value, distance: pickDistance });
    best.set(pick, fields);
  }
  return events.map((ev, i) => {
    const fields = best.get(i);
    if (fields === undefined) return ev;
    const add: { dead?: number; injured?: number; size?: number } = {};
    for (const [f, v] of fields) add[f] = v.value;
    return { ...ev, ...add };
  });
}
