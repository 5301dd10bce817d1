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

/** Nouns of time: "for the year", "a 5% year-on-year" never say what is counted. */
const TIME_NOUNS = new Set([
  'year',
  'years',
  'quarter',
  'quarters',
  'month',
  'months',
  'week',
  'weeks',
  'day',
  'days',
  'period',
  'time',
  'times',
  'hour',
  'hours',
]);
/** Words after which a number names a thing rather than counts it. */
const COMPARE = new Set(['vs', 'vs.', 'versus', 'against']);
const NP_POS = new Set(['NOUN', 'PROPN', 'ADJ']);
const SKIP_BEFORE_VERB = new Set(['AUX', 'ADV', 'PART']);
/** Prepositions that tie an amount to the word before it. */
const LINK_PREPS = new Set(['by', 'to', 'at', 'of', 'from', 'around']);
const PP_DROP = new Set([
  'from',
  'in',
  'between',
  'with',
  'at',
  'on',
  'for',
  'among',
  'across',
  'to',
  'into',
  'during',
  'by',
]);
const MAX_WALK = 8;
const RELATIVE = new Set(['last', 'this', 'next', 'previous', 'same', 'a']);
const RELATIVE_PRONOUNS = new Set(['which', 'who', 'that']);
const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);
const MAX_NP = 5;

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
  private s0 = 0;
  private s1 = 0;

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
    const crowd = new Set<string>();
    for (const list of d.units.values())
      for (const u of list) if (u.kind === 'people' && u.about !== null) crowd.add(u.about);
    this.crowdNouns = crowd;
    this.dateTok = new Uint8Array(this.n);
    for (const x of input.expressions) {
      if (x.type !== 'DATE' && x.type !== 'TIME' && x.type !== 'DURATION') continue;
      this.dateTok.fill(1, this.tokenAt(x.start), this.tokenAt(x.end));
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
      TIME_NOUNS.has(this.norm(end - 1)) &&
      RELATIVE.has(this.norm(end - 2))
    )
      end -= 2;
    let lo = end;
    while (lo - 1 >= this.s0 && end - lo < MAX_NP) {
      const p = this.pos(lo - 1);
      const w = this.norm(lo - 1);
      // "discontinued operations": a participle inside the phrase, never its head
      const participle = p === 'VERB' && lo < end && (w.endsWith('ed') || w.endsWith('ing'));
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
    const adjHead = this.pos(end - 1) === 'ADJ';
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
      if (COMPARE.has(this.norm(hi)) || this.dateTok[hi] === 1) break;
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
      if ((SKIP_BEFORE_VERB.has(p) && w !== "'s") || (RELATIVE_PRONOUNS.has(w) && k === v)) k--;
      else if (this.dateTok[k - 1] === 1) {
        // "Exports in 2021 totalled": step over the date and its preposition
        while (k - 1 >= this.s0 && this.dateTok[k - 1] === 1) k--;
        if (k - 1 >= this.s0 && this.pos(k - 1) === 'ADP') k--;
      } else if (p === 'VERB' && k < v && this.norm(k) === 'to') k--;
      else if (w === ',') {
        // "the index, which comprises oil and gas, was down": back over the relative clause
        let c = k - 2;
        while (
          c > this.s0 &&
          k - c < 16 &&
          !(RELATIVE_PRONOUNS.has(this.norm(c)) && this.norm(c - 1) === ',')
        )
          c--;
        if (c > this.s0 && RELATIVE_PRONOUNS.has(this.norm(c)) && this.norm(c - 1) === ',')
          k = c - 1;
        else {
          // "transfers during the quarter, covering aid and pensions, were down"
          let q = k - 2;
          while (q > this.s0 && k - q < 14 && this.norm(q) !== ',' && this.pos(q) !== 'AUX') q--;
          if (q > this.s0 && this.norm(q) === ',') k = q;
          else break;
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
          POSSESSIVES.has(this.norm(before)))
      )
        before--;
      if (before < this.s0) break;
      const w = this.norm(before);
      const allProper = this.allProper(np);
      if (w === 'and' && allProper) {
        const prev = this.npLeft(before);
        if (prev === null || !this.allProper(prev)) break;
        np = prev;
        continue;
      }
      if (PP_DROP.has(w) && this.pos(before) === 'ADP') {
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
    for (const x of exprs) {
      if (x.value === undefined) continue;
      if (x.type !== 'CARDINAL' && x.type !== 'MONEY' && x.type !== 'PERCENT') continue;
      const a = this.tokenAt(x.start);
      const b = this.tokenAt(x.end);
      if (a >= b || a < this.s0 || b > this.s1) continue;
      const draft = this.read(x, a, b, prev);
      if (draft === null) continue;
      drafts.push(draft);
      prev = draft;
      out.push(this.finish(s, x, draft, exprs));
    }
  }

  /** Unit and subject of the amount at tokens [a, b), or null when it counts nothing. */
  private read(x: Expression, a: number, b: number, prev: Draft | null): Draft | null {
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
    // in the same sentence is in that money's currency
    const scaled = x.type === 'CARDINAL' && /[a-z]/i.test(x.text) && (x.value ?? 0) >= 1000;
    if (scaled && draft.unit === null && prev !== null && prev.money) draft.unit = prev.unit;
    draft.money =
      x.type === 'MONEY' ||
      (draft.unit !== null && prev?.money === true && draft.unit === prev.unit);
    if (draft.about === null) this.aboutOf(draft, prev);
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

  /** Index of a plural noun at b (after at most one adjective), or -1. */
  private pluralNounAt(b: number): number {
    let k = b;
    if (k < this.s1 && this.pos(k) === 'ADJ') k++;
    if (k >= this.s1 || this.pos(k) !== 'NOUN' || this.dateTok[k] === 1) return -1;
    const w = this.norm(k);
    if (TIME_NOUNS.has(w) || w === this.lemma(k) || !w.endsWith('s') || COMPARE.has(w)) return -1;
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
    for (let skipped = 0; j < this.s1 && skipped <= 2; skipped++, j++) {
      const m = this.matchForm(this.d.units, j);
      if (m !== null) {
        const [entry] = m;
        if (entry.kind === 'measure' && skipped > 0) return null;
        if (entry.kind === 'count' && !this.countable(x)) return null;
        return m;
      }
      const p = this.pos(j);
      // "30 unarmed civilians", "60 government troops", "3 million vaccine doses"
      if (!(
        p === 'ADJ' ||
        p === 'NOUN' ||
        (p === 'PROPN' && skipped === 0) ||
        this.norm(j) === 'more'
      ))
        break;
    }
    return null;
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
    while (lo - 1 >= this.s0 && a - lo < 4 && !this.lineBreakBefore(lo)) {
      const p = this.pos(lo - 1);
      const participle = p === 'VERB' && this.norm(lo - 1).endsWith('ed');
      if (!(NP_POS.has(p) || participle)) break;
      lo--;
    }
    if (lo === a || !this.lineBreakBefore(lo)) return null;
    // a line of figures: compared ("vs") or ending with the amount
    if (!this.comparisonFollows(a) && !this.lineEndsAfterAmount(a)) return null;
    for (let p = lo; p < a; p++) {
      const m = this.matchForm(this.d.labels, p);
      // "Shr primary 43 cts", "Avg shrs diluted 32.4 mln": a known label starting the line
      if (m !== null && (m[1] === a || p === lo)) return m[0].about;
    }
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
    for (let j = a + 1; j < this.s1 && j < a + 5; j++) if (COMPARE.has(this.norm(j))) return true;
    return false;
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
      COMPARE.has(w) ||
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
      const listed = w === ',' || w === 'and' || w === 'or' || COMPARE.has(w);
      if (listed || (w === 'of' && (after === ',' || after === 'and')))
        return set(this.phrase(...own), own[0], own[1]);
    }
    if (this.comparedTo(a, prev) && prev !== null) {
      // "7.00 mln tonnes, vs 6.60 mln last month": the same unit too
      if (draft.unit === null) draft.unit = prev.unit;
      return inherit(prev, null);
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
    // "300,000 tonnes of wheat", "$4 billion of trade", "40% of voters".
    if (e < this.s1 && this.norm(e) === 'of') {
      const np = this.npRight(e + 1);
      if (np !== null && !TIME_NOUNS.has(this.norm(np[1] - 1)))
        return set(this.phrase(...np), np[0], np[1]);
    }
    // "a 77% growth in goods trade", "a 5% rise in prices".
    if (e < this.s1) {
      const c = this.pos(e) === 'NOUN' ? this.change(e) : null;
      if (c !== null && c.label !== null) {
        const pp = this.ppAfter(e + 1);
        if (pp !== null) return set(`${this.phrase(...pp)} ${c.label}`, e, pp[1]);
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
    if (j >= this.s0 && LINK_PREPS.has(this.norm(j))) {
      prep = this.norm(j);
      j--;
    }
    // "-- total enrollment 10,572,402 acres": a noun phrase opening the sentence
    if (prep === null && j >= this.s0 && this.pos(j) === 'NOUN') {
      const np = this.npLeft(j + 1);
      // ... or listed after a comma: "gave the Tories 38 pct, the Alliance 21 pct"
      const open = np === null ? -1 : np[0] - (this.pos(np[0] - 1) === 'DET' ? 2 : 1);
      if (np !== null && (np[0] === this.s0 || open < this.s0 || this.pos(open) === 'PUNCT'))
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
      if (j > this.s0 && this.pos(j) === 'VERB' && TIME_NOUNS.has(this.norm(j - 1))) j--;
    }
    for (;;) {
      const p = j >= this.s0 ? this.pos(j) : '';
      if (prep !== 'of' || !(p === 'NOUN' || p === 'PROPN' || p === 'ADJ')) break;
      // "a loss of $5 million", "growth of 5% in exports", "sales of 4 billion"
      const c = this.change(j);
      if (c !== null && c.pos === 'noun' && c.direction === 'level') {
        // "a total of", "an average of": see through to what governs them
        j--;
        while (j >= this.s0 && this.pos(j) === 'DET') j--;
        prep = null;
        if (j >= this.s0 && LINK_PREPS.has(this.norm(j))) {
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
        return set(c.label, j, e);
      }
      if (TIME_NOUNS.has(this.norm(j))) {
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
        const outer = w === 'in' || w === 'from' ? this.npLeft(before) : null;
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
    if (prep === null && j >= this.s0 && (this.pos(j) === 'DET' || POSSESSIVES.has(this.norm(j)))) {
      const np = this.modifiedNoun(this.perUnitEnd(e));
      if (np !== null) return set(this.phrase(...np), np[0], np[1]);
    }
    // "raised its stake to 12 pct", "other assets to 2.02 billion rand", "inflation at 5%"
    if (
      (prep === 'to' || prep === 'at' || prep === 'from') &&
      j >= this.s0 &&
      this.pos(j) === 'NOUN' &&
      !TIME_NOUNS.has(this.norm(j)) &&
      this.change(j) === null &&
      (prev === null || j >= prev.e)
    ) {
      const near = this.npLeft(j + 1);
      let before = near === null ? -1 : near[0] - 1;
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
      if (p === 'VERB' || p === 'AUX' || ((w === 'up' || w === 'down') && k === j)) {
        let c =
          p === 'AUX' ? (this.d.changes.get(`verb:${this.lemma(k)}`) ?? null) : this.change(k);
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
      if (np !== null && !TIME_NOUNS.has(this.norm(np[1] - 1)))
        return set(this.phrase(...np), np[0], np[1]);
    }
    if (verb !== null && draft.unitEntry === null) return set(this.norm(verb), verb, e);
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
    if (e >= this.s1 || !(this.pos(e) === 'NOUN' || this.pos(e) === 'ADJ')) return null;
    if (TIME_NOUNS.has(this.norm(e)) || COMPARE.has(this.norm(e)) || this.dateTok[e] === 1)
      return null;
    const np = this.npRight(e);
    return np !== null && !TIME_NOUNS.has(this.norm(np[1] - 1)) ? np : null;
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
    if (np === null || TIME_NOUNS.has(this.norm(np[1] - 1)) || this.dateTok[np[0]] === 1)
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
      value: x.value as number,
      unit,
      about: d.about,
      ...(year === null ? {} : { year }),
      ...(x.valueHigh === undefined ? {} : { valueHigh: x.valueHigh }),
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

/**
 * Events with the people counts of their sentence: `dead` (killed, dead), `injured`
 * (injured, wounded) and `size` (protesters, people arrested, detained, displaced). Returns
 * new event objects; events of sentences without such counts are returned as they are.
 *
 * @example
 * attachCasualties(events, quantities)[0]?.dead; // 12 for "Troops killed 12 people ..."
 */
export function attachCasualties(
  events: readonly EventRecord[],
  quantities: readonly Quantity[],
): EventRecord[] {
  const bySentence = new Map<number, Quantity[]>();
  for (const q of quantities) {
    if (q.eventField === undefined || q.sentence === undefined) continue;
    const list = bySentence.get(q.sentence) ?? [];
    list.push(q);
    bySentence.set(q.sentence, list);
  }
  return events.map((ev) => {
    const qs = bySentence.get(ev.sentence);
    if (qs === undefined) return ev;
    const fields: { dead?: number; injured?: number; size?: number } = {};
    for (const q of qs) {
      const f = q.eventField as 'dead' | 'injured' | 'size';
      // the first count of each kind in the sentence: later ones are usually comparisons
      if (fields[f] === undefined) fields[f] = q.value;
    }
    return { ...ev, ...fields };
  });
}
