import type { Expression, Quantity } from '../core/document.js';
import { loadAmountData, type AmountData } from './amounts-data.js';
import { AboutReader } from './amounts-about.js';
import { subunitOf, tidy, type AmountInput, type Draft } from './amounts-tokens.js';

export {
  AmountDataError,
  loadAmountData,
  parseAmountData,
  formatAmountProblem,
  AMOUNT_FILES,
  type AmountData,
} from './amounts-data.js';
export type { AmountInput } from './amounts-tokens.js';
export { attachCasualties } from './amounts-casualties.js';

/** A figure written in digits alone, no separator or scale ("45.3"). */
const PLAIN_FIGURE = /^\d+(?:\.\d+)?$/;
/** Four digits or more with no separator: a model or series more often than a count. */
const LABEL_FIGURE = /^\d{4,}$/;
/** A currency's ISO code ("USD"). */
const ISO_CODE = /^[A-Z]{3}$/;
/** A year written alone ("1987"). */
const YEAR = /^(?:1[89]|20)\d\d$/;
/** A letter: a figure written with a scale word ("4.5 mln"). */
const LETTER = /[a-z]/i;
/** The parts of speech inside a noun phrase before its head ("a previous crop"). */
const NOUN_PHRASE_POS = /^(?:DET|ADJ|NOUN)$/;
/** The digits of a figure as written ("47.9" of "47.9 mln"). */
const WRITTEN_FIGURE = /\d[\d,]*(?:\.\d+)?/;

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

/**
 * The quantities of one document, in text order. Only amounts in non-heading sentences;
 * bare numbers that count nothing (years, clock times, ordinals, "page 12", "one of the")
 * are left out. `text.slice(start, end)` is the number with its unit ("300,000 tonnes").
 */
export function extractQuantities(ctx: AmountContext, input: AmountInput): Quantity[] {
  // a story with no figure outside its headings has no amount: no reader is set up for it
  if (!input.expressions.some((x) => readable(x, input))) return [];
  return new Reader(ctx.data, input).run();
}

/** A number, money or percent expression with a value, in a sentence that is no heading. */
function readable(x: Expression, input: AmountInput): boolean {
  if (x.value === undefined) return false;
  if (x.type !== 'CARDINAL' && x.type !== 'MONEY' && x.type !== 'PERCENT') return false;
  const sentence = input.sentences[x.sentence];
  return sentence !== undefined && !sentence.heading;
}

/**
 * The reader of one document, in layers: tokens and phrases (amounts-tokens.ts), subjects and
 * headings (amounts-subject.ts), units (amounts-units.ts), `about` (amounts-about.ts); this
 * last one walks the sentences and builds the quantities.
 */
/** `T` with its fields writable, for an object built up before it is handed out. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** An entity of the sentence being read: its span and actor codes (see `actorsOf`). */
interface SentenceActor {
  readonly start: number;
  readonly end: number;
  readonly codes: readonly string[];
}

/** Parts of speech of the words of a noun phrase before its head. */
const NOUN_LIKE = /^(NOUN|PROPN|ADJ)$/;

/** What a figure is compared with: money, a percent, or a count or measure by its unit. */
function kindOf(d: Draft): string | null {
  if (d.unit === 'percent') return 'percent';
  if (d.money) return 'money';
  return d.unit;
}

const CHANGE_LABELS = new WeakMap<AmountData, ReadonlySet<string>>();
const WEAK_ABOUTS = new WeakMap<AmountData, ReadonlySet<string>>();

/** The labels of `changes.tsv` entries going up or down, once per loaded data. */
function changeLabelsOf(d: AmountData): ReadonlySet<string> {
  let set = CHANGE_LABELS.get(d);
  if (set === undefined) {
    const labels = new Set<string>();
    for (const pos of ['verb', 'noun', 'adverb'] as const)
      for (const c of d.changes[pos].values())
        if ((c.direction === 'up' || c.direction === 'down') && c.label !== null)
          labels.add(c.label);
    set = labels;
    CHANGE_LABELS.set(d, set);
  }
  return set;
}

/** Change labels and the level nouns of `changes.tsv` ("total", "figure"). */
function weakAboutsOf(d: AmountData): ReadonlySet<string> {
  let set = WEAK_ABOUTS.get(d);
  if (set === undefined) {
    const words = new Set(changeLabelsOf(d));
    for (const c of d.changes.noun.values()) if (c.direction === 'level') words.add(c.word);
    set = words;
    WEAK_ABOUTS.set(d, set);
  }
  return set;
}

const OBJECT_LABELS = new WeakMap<AmountData, ReadonlySet<string>>();

/**
 * The labels of `changes.tsv` verbs whose object is the amount ("sales", "deliveries",
 * "production"), with their singulars ("sale", "delivery"), once per loaded data.
 */
function objectLabelsOf(d: AmountData): ReadonlySet<string> {
  let set = OBJECT_LABELS.get(d);
  if (set === undefined) {
    const labels = new Set<string>();
    for (const c of d.changes.verb.values())
      if (c.direction === 'object' && c.label !== null && !c.label.includes(' ')) {
        labels.add(c.label);
        if (c.label.endsWith('ies')) labels.add(`${c.label.slice(0, -3)}y`);
        else if (c.label.endsWith('s')) labels.add(c.label.slice(0, -1));
      }
    set = labels;
    OBJECT_LABELS.set(d, set);
  }
  return set;
}

class Reader extends AboutReader {
  /** The scale a bare figure takes from the figure it is compared with (see `carriedScale`). */
  private carried = 1;
  /** The expression after the one being read, in its sentence (see `listedMoney`). */
  private next: Expression | null = null;
  /** The sentence's last count of things (see `pairedWith`). */
  private countDraft: Draft | null = null;
  /** The sentence's first token naming casualties, s1 when none; -1 until asked (`mayBeTabled`). */
  private casualtyStart = -1;
  /** Labels of changes up or down ("rise", "decline"): no `about` on their own. */
  private readonly changeLabels = changeLabelsOf(this.d);
  /** Those and level nouns ("total", "figure"): an `about` a compared figure may replace. */
  private readonly weak = weakAboutsOf(this.d);
  /** What an object verb moves ("sales", "deliveries"): a noun that may govern a count. */
  private readonly objectLabels = objectLabelsOf(this.d);
  /** The currency of the story's first money amount, once per document (see `storyMoney`). */
  private firstMoney: string | null | undefined = undefined;
  /** The currency of the story's latest money amount by what it counts (see `subjectMoney`). */
  private readonly moneyBySubject = new Map<string, string>();

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

  private sentence(s: number, exprs: readonly Expression[], out: Quantity[]): void {
    const drafts: Draft[] = [];
    let prev: Draft | null = null;
    let money: Draft | null = null;
    let tabled = false;
    this.subjectDraft = null;
    this.measureDraft = null;
    this.countDraft = null;
    this.casualtyStart = -1;
    // a sentence with a verb ending in a full stop is no line of figures (see the end of the
    // table below; "Balance sheet total 239.7 billion vs 227.3 billion." may be one)
    if (this.tableMoney !== null && this.norm(this.s1 - 1) === '.' && this.hasVerb())
      this.tableMoney = null;
    for (let i = 0; i < exprs.length; i++) {
      const x = exprs[i] as Expression;
      if (x.value === undefined) continue;
      if (x.type !== 'CARDINAL' && x.type !== 'MONEY' && x.type !== 'PERCENT') continue;
      const a = this.tokenAt(x.start);
      const b = this.tokenAt(x.end);
      if (a >= b || a < this.s0 || b > this.s1) continue;
      this.next = exprs[i + 1] ?? null;
      const draft = this.read(x, a, b, prev, money);
      if (draft === null) continue;
      this.noteDollars(draft);
      this.moneyOfAbout(draft);
      this.inheritAbout(draft, drafts);
      this.perUnitNeighbour(draft, prev);
      // "It reported pretax profits of 14.71 mln after 11.52 mln": the figure compared with a
      // sum of money of the story's currency is in it too
      if (draft.unit === null && draft.about !== null) this.moneyOfAbout(draft);
      if (draft.unit === null) this.subjectMoney(draft);
      else if (draft.money && ISO_CODE.test(draft.unit)) this.noteSubjectMoney(draft);
      drafts.push(draft);
      if (draft.tabled) tabled = true;
      prev = draft;
      if (draft.subject !== null) this.subjectDraft = draft;
      if (draft.unitEntry?.kind === 'measure') this.measureDraft = draft;
      if (this.countLike(draft)) this.countDraft = draft;
      if (draft.money) money = draft;
      out.push(this.finish(s, x, draft, exprs));
    }
    // "Reserves rose to 4.1 billion dlrs. Officials were pleased on Monday. This was 4.2 pct
    // up": a sentence with no amount does not forget the story's last one
    if (prev !== null) this.lastDraft = prev;
    // a line with figures of no table and no "vs" ("Final div deferred vs 11 cents" is one), or
    // a plain sentence, ends the table: its currency is not the next table's or the story's (see
    // `tableMoney`)
    if (prev !== null && !tabled && this.tableMoney !== null && !this.compares())
      this.tableMoney = null;
  }

  /**
   * "Exports were 20.5 billion dlrs in May ... They were 19.8 billion in April": a bare scaled
   * figure (no unit word, no noun it counts after it, off a line of figures) takes the currency
   * of the story's latest money amount that counts the same thing.
   */
  private subjectMoney(draft: Draft): void {
    const x = draft.expr;
    if (draft.about === null || draft.tabled || x.type !== 'CARDINAL' || draft.e !== draft.b)
      return;
    if ((x.value ?? 0) < 1000 || !LETTER.test(x.text) || this.countsNounAt(draft.b)) return;
    const unit =
      this.moneyBySubject.get(draft.about) ??
      (draft.subject === null ? undefined : this.moneyBySubject.get(draft.subject));
    if (unit === undefined) return;
    draft.unit = unit;
    draft.money = true;
  }

  /** Notes the currency of a money amount under what it counts (see `subjectMoney`). */
  private noteSubjectMoney(draft: Draft): void {
    if (draft.tabled || draft.unit === null) return;
    if (draft.about !== null) this.moneyBySubject.set(draft.about, draft.unit);
    if (draft.subject !== null) this.moneyBySubject.set(draft.subject, draft.unit);
  }

  /** The currency (ISO code) of the first money amount the story writes, or null. */
  private storyMoney(): string | null {
    if (this.firstMoney === undefined) {
      this.firstMoney = null;
      for (const x of this.input.expressions)
        if (x.type === 'MONEY' && x.unit !== undefined && ISO_CODE.test(x.unit)) {
          this.firstMoney = x.unit;
          break;
        }
    }
    return this.firstMoney;
  }

  /** The sentence holds a word comparing figures ("vs"). */
  private compares(): boolean {
    for (let k = this.s0; k < this.s1; k++) if (this.d.words.compare.has(this.norm(k))) return true;
    return false;
  }

  /** The sentence has a verb or an auxiliary. */
  private hasVerb(): boolean {
    for (let k = this.s0; k < this.s1; k++) {
      const p = this.pos(k);
      if (p === 'VERB' || p === 'AUX') return true;
    }
    return false;
  }

  /**
   * "pretax profits of 12.26 mln" in a story of sterling: a bare figure whose `about` is a sum
   * of money (see `unitOfAbout`) is in the story's currency, set on the draft so that the
   * figures after it in the sentence are compared with money ("after 10.36 mln previously").
   */
  private moneyOfAbout(draft: Draft): void {
    if (draft.unit !== null || draft.about === null || draft.expr.type !== 'CARDINAL') return;
    const unit = this.unitOfAbout(draft.about);
    if (unit === null || !ISO_CODE.test(unit)) return;
    draft.unit = unit;
    draft.money = true;
  }

  /**
   * "a surplus of 212 mln dlrs after 187 mln in March and 41 mln a year earlier": a figure
   * written as a later term of a comparison or list, left without `about` or with a bare word of
   * change before it ("after declines of three pct": "decline"), counts what the latest earlier
   * figure of its kind does (see `peerOf`); a bare change word keeps its own direction ("index
   * decline"). A figure whose `about` is a phrase of a figure of another kind between them
   * ("2.41 billion baht, or 8.3 pct of all trading, up from 512 mln baht") takes its peer's.
   * In a list of names after one verb of change each name moved ("Avonmore fell a penny,
   * Kestrel 6p": "kestrel fall"); "in four tranches each of 150 mln crowns" counts the tranches.
   */
  private inheritAbout(draft: Draft, drafts: readonly Draft[]): void {
    if (draft.casualty !== null || draft.tabled) return;
    const own = draft.about;
    const a = draft.a - this.qualifierBefore(draft.a)[1];
    // (or the `about` of the figure before, taken over the list's link: "and the all resources
    // 3.0 points" after "the all industrials index gained 13.3 points")
    const before = drafts.length > 0 ? (drafts[drafts.length - 1] as Draft).about : null;
    if ((own === null || own === before) && this.listedMover(draft, a, drafts)) return;
    // a change word written before the figure ("after a decline of"), not a noun it modifies
    // ("512,000 dlrs gain on bond sales")
    // ("declines to 52.4 pct from 57.9 pct": the verb's label on a level compared is no change)
    const change =
      own !== null && this.changeLabels.has(own) && draft.lo < draft.a && !this.fromBefore(a)
        ? own
        : null;
    // ("from 1,383,000 short tons": a compared figure's `about` that is only its unit, also a
    // count's: "to 1,015,800 shares ... from 1,083,800 shares" is the stake)
    const weak =
      own === null ||
      change !== null ||
      (this.weak.has(own) && draft.lo < draft.a) ||
      (own === draft.unit &&
        (this.comparing(a) ||
          // ... or listed after one: "8,000 head of dairy cattle to Peru and 5,000 head"
          (a - 1 > this.s0 && this.d.words['list-link'].has(this.norm(a - 1)))));
    const borrowed = !weak && this.borrowedAbout(draft, drafts, a);
    if (weak || borrowed) {
      const peer = this.peerOf(draft, drafts, a, borrowed);
      if (peer !== null) {
        if (change !== null) {
          // "after a decline of 7.2 billion dlrs" after "profits fell": the profits' decline
          const base = this.changedBase(peer, change);
          if (base === null) return;
          // (no subject: a figure listed after it shares this change, not the bare subject)
          draft.about = `${base} ${change}`;
        } else if (a - 1 > this.s0 && this.pos(a - 1) === 'VERB' && this.lemma(a - 1) === 'make') {
          // "Final dividend 2.65p making 4.1p": the total of what the figure before counts
          const about = peer.about as string;
          draft.about = `total ${about.slice(about.lastIndexOf(' ') + 1)}`;
        } else {
          draft.about = peer.about;
          draft.subject = peer.subject;
        }
        draft.lo = Math.min(draft.lo, peer.lo);
        return;
      }
    }
    if (own !== null) {
      if (this.changeLabels.has(own)) this.changeSubject(draft, a, own);
      else if (this.weak.has(own) && draft.lo < draft.a) this.levelNounSubject(draft);
      return;
    }
    // "cut its stake to 500,000 shares from 900,000 shares or 7.3 pct": a figure restating the
    // one right before it in another measure counts what that one does
    const last = drafts.length > 0 ? (drafts[drafts.length - 1] as Draft) : null;
    if (
      last !== null &&
      last.about !== null &&
      // ... what it counts, not only its unit ("2.3 mln shares or 98 pct" says no more)
      last.about !== last.unit &&
      kindOf(last) !== kindOf(draft) &&
      a - last.e >= 1 &&
      a - last.e <= 2 &&
      this.norm(a - 1) === 'or' &&
      (a - last.e === 1 || this.norm(last.e) === ',')
    ) {
      draft.about = last.about;
      draft.subject = last.subject;
      return;
    }
    // "four tranches each of 150 mln crowns": the plural noun before "each"
    if (
      a - 3 >= this.s0 &&
      this.norm(a - 1) === 'of' &&
      this.norm(a - 2) === 'each' &&
      this.pos(a - 3) === 'NOUN' &&
      this.norm(a - 3) !== this.lemma(a - 3)
    ) {
      draft.about = this.phrase(a - 3, a - 2);
      draft.lo = Math.min(draft.lo, a - 3);
      return;
    }
    this.clauseChange(draft, a);
  }

  /**
   * "Crude output fell to an average of 1.1 mln bpd": a level noun ("average", "total") after
   * a verb of change and its preposition, or a verb of level ("reached a total of"), is the
   * level of the verb's subject ("crude output"), its change after "by" or none ("rose by an
   * average of 4 pct", "have grown an average of": "... rise", "... growth").
   */
  private levelNounSubject(draft: Draft): void {
    let k = draft.lo - 1;
    if (k > this.s0 && this.pos(k) === 'DET') k--;
    // ... or right after a verb of level: "exports reached a total of"
    const linked = this.d.words['link-prep'].has(this.norm(k));
    if (k - 1 <= this.s0 || !(linked || this.pos(k) === 'VERB')) return;
    const v = linked ? k - 1 : k;
    const c = this.change(v);
    if (c === null || this.pos(v) !== 'VERB') return;
    if (c.direction !== 'up' && c.direction !== 'down' && c.direction !== 'level') return;
    const np = this.subjectOf(v);
    if (np === null || this.pos(np[1] - 1) === 'PRON') return;
    const subject = this.subjectText(np);
    // (a change "by" it or straight after the verb: "have grown an average of 200 pct")
    const by =
      (!linked || this.norm(k) === 'by') && (c.direction === 'up' || c.direction === 'down');
    draft.about = by && c.label !== null ? `${subject} ${c.label}` : subject;
    draft.subject = subject;
    draft.lo = Math.min(draft.lo, np[0]);
  }

  /**
   * "The index reached a record 512.3 last week, up 41.2 pct from end-May": a change adverb
   * after a comma with no figure before it to share a subject with is a change of the subject
   * of the clause before the comma ("index rise").
   */
  private clauseChange(draft: Draft, a: number): void {
    const k = a - 1;
    if (k - 1 <= this.s0 || this.norm(k - 1) !== ',') return;
    const c = this.d.changes.adverb.get(this.norm(k));
    if (c === undefined || (c.direction !== 'up' && c.direction !== 'down') || c.label === null)
      return;
    for (let v = k - 2; v > this.s0 && k - v < 16; v--) {
      const p = this.pos(v);
      if (this.norm(v) === ',' || this.norm(v) === ';') return;
      if (p !== 'VERB' && p !== 'AUX') continue;
      // ... a clause that states a figure or a date before the comma ("reached a record 512.3
      // last week"), not a noun set off by it ("told reporters factory output, down")
      let stated = false;
      for (let i = v + 1; i < k - 1 && !stated; i++)
        stated = this.numTok[i] === 1 || this.dateTok[i] === 1;
      const np = stated ? this.subjectOf(v) : null;
      if (np === null || this.pos(np[1] - 1) === 'PRON') return;
      draft.about = `${this.subjectText(np)} ${c.label}`;
      draft.subject = this.subjectText(np);
      draft.lo = Math.min(draft.lo, np[0]);
      return;
    }
  }

  /**
   * "Chinese nearby May rises to 85,000 yen": a bare change word with no figure to share a
   * subject with names the noun phrase right before its verb, its date words included ("the new
   * deposit for azuki spot May rises" → "new deposit for azuki spot may rise").
   */
  private changeSubject(draft: Draft, a: number, change: string): void {
    let v = a - 1;
    while (v > this.s0 && a - v <= 4 && this.change(v)?.label !== change) v--;
    if (v <= this.s0 || this.change(v)?.label !== change) return;
    // ... a verb, or its form the tagger read as a noun right before "to"/"by" the figure
    const verb =
      this.pos(v) === 'VERB' ||
      (this.pos(v) === 'NOUN' && v + 1 < a && /^(to|by)$/.test(this.norm(v + 1)));
    if (!verb) return;
    let lo = v;
    let hops = 0;
    while (lo - 1 >= this.s0 && v - lo < 8) {
      const k = lo - 1;
      const p = this.pos(k);
      if (this.numTok[k] === 1) break;
      if (NOUN_LIKE.test(p) || (this.dateTok[k] === 1 && p !== 'ADP' && p !== 'DET')) lo = k;
      // ... over one preposition between nouns ("deposit for azuki")
      else if (p === 'ADP' && hops === 0 && k - 1 >= this.s0 && this.pos(k - 1) === 'NOUN') {
        hops++;
        lo = k;
      } else break;
    }
    if (lo < v && this.pos(lo) === 'ADP') lo++;
    if (lo >= v || !/^(NOUN|PROPN)$/.test(this.pos(v - 1))) return;
    draft.about = `${this.phrase(lo, v)} ${change}`;
    draft.lo = Math.min(draft.lo, lo);
  }

  /**
   * What changed in `peer`, for a change word of a figure compared with it: its subject, or its
   * `about` less a change label ("discontinued operations gain" → "discontinued operations");
   * a subject whose head is itself a change ("currency losses") gives the words before it;
   * null when its head is a sum of money and the change one too ("profits": "a loss" stays
   * "loss").
   */
  private changedBase(peer: Draft, change: string): string | null {
    let base = peer.subject;
    if (base === null && peer.about !== null) {
      const sp = peer.about.lastIndexOf(' ');
      if (sp > 0 && this.changeLabels.has(peer.about.slice(sp + 1))) base = peer.about.slice(0, sp);
    }
    if (base === null) return null;
    const sp = base.lastIndexOf(' ');
    const head = base.slice(sp + 1);
    const single = head.endsWith('es') ? head.slice(0, -2) : head.replace(/s$/, '');
    const c = this.d.changes.noun.get(head) ?? this.d.changes.noun.get(single);
    if (c !== undefined && (c.direction === 'up' || c.direction === 'down'))
      return sp > 0 ? base.slice(0, sp) : null;
    // ... but "sales fell 3.5 pct, showing a decline of 10 pct": a change that is no sum of
    // money itself is the sales' own
    return this.d.moneyNouns.has(head) && this.d.moneyNouns.has(change) ? null : base;
  }

  /**
   * "Avonmore fell a penny at 412, Kestrel 6p at 1,210, Tarrant 9p", "Paris is down 18 pct,
   * Milan 12 pct": in a list of names and figures after one change, a name right before the
   * figure moved the way the first did ("kestrel fall", "milan fall"): the verb of change the
   * list opens with, its subject a name, or the change of the latest figure of the kind.
   */
  private listedMover(draft: Draft, a: number, drafts: readonly Draft[]): boolean {
    let n0 = a;
    while (n0 - 1 > this.s0 && a - n0 < 4 && this.pos(n0 - 1) === 'PROPN') n0--;
    // ... or common nouns after a determiner: "and the all energy 2.0 points"
    if (n0 === a && a - 1 > this.s0 && this.pos(a - 1) === 'NOUN' && this.dateTok[a - 1] === 0) {
      while (
        n0 - 1 > this.s0 &&
        a - n0 < 3 &&
        NOUN_LIKE.test(this.pos(n0 - 1)) &&
        this.numTok[n0 - 1] === 0 &&
        this.dateTok[n0 - 1] === 0
      )
        n0--;
      if (this.pos(n0 - 1) !== 'DET') return false;
    }
    if (n0 === a || n0 - 1 <= this.s0) return false;
    let sep = n0 - 1;
    // "and the Merinos 3.10 dlrs", "and the all energy"
    while (this.pos(sep) === 'DET' && sep - 1 > this.s0 && n0 - sep < 3) sep--;
    const w0 = this.norm(sep);
    if (!this.d.words['list-link'].has(w0)) return false;
    const name = this.phrase(n0, a);
    let label: string | null = null;
    const kind = kindOf(draft);
    const peer = drafts.length > 0 ? (drafts[drafts.length - 1] as Draft) : null;
    if (peer !== null && kindOf(peer) === kind && peer.subject !== null && peer.about !== null) {
      // "Paris is down 18 pct, Milan 12 pct": the change of the figure before
      const sp = peer.about.lastIndexOf(' ');
      const last = peer.about.slice(sp + 1);
      if (sp > 0 && peer.about.slice(0, sp) === peer.subject && this.changeLabels.has(last))
        label = last;
    }
    for (let k = sep - 1; label === null && k > this.s0 && sep - k < 30; k--) {
      const w = this.norm(k);
      if (w === ';' || w === ':') return false;
      const p = this.pos(k);
      if (p !== 'VERB' && p !== 'AUX') continue;
      const c = this.change(k);
      // the verb's own subject is a name or noun ("Avonmore fell", "prices fell"), over its
      // auxiliaries ("the all industrials index had gained 13.3 points")
      let sk = k - 1;
      while (sk > this.s0 && k - sk <= 3 && /^(AUX|ADV|PART)$/.test(this.pos(sk))) sk--;
      if (
        c === null ||
        (c.direction !== 'up' && c.direction !== 'down') ||
        c.label === null ||
        !/^(PROPN|NOUN)$/.test(this.pos(sk))
      )
        return false;
      label = c.label;
    }
    if (label === null) return false;
    draft.about = `${name} ${label}`;
    draft.subject = name;
    draft.lo = Math.min(draft.lo, n0);
    return true;
  }

  /**
   * `draft`'s `about` is a phrase of a figure of another kind before it ("8.3 pct of all
   * trading, ..., up from 512 mln baht" is not about "trading"), and a word of
   * comparison is right before it (`a`: its first token before any qualifier).
   */
  private borrowedAbout(draft: Draft, drafts: readonly Draft[], a: number): boolean {
    if (draft.lo >= draft.a || !this.comparing(a)) return false;
    const kind = kindOf(draft);
    // (the few figures before it: the phrase is right after one of them)
    for (let i = drafts.length - 1; i >= 0 && drafts.length - i <= 4; i--) {
      const q = drafts[i] as Draft;
      if (kindOf(q) !== kind && q.a <= draft.lo && draft.lo < q.hi) return true;
    }
    return false;
  }

  /**
   * A word of comparison before token a over a determiner, adverbs or a participle qualifying
   * the figure ("against a provisionally estimated 31 mln", "from a revised 5.1 billion").
   */
  private comparedOver(a: number): boolean {
    for (let k = a - 1; k >= this.s0 && a - k <= 4; k--) {
      const w = this.norm(k);
      if (this.d.words.comparison.has(w) || this.d.words.compare.has(w)) return k < a - 1;
      const p = this.pos(k);
      if (!(p === 'DET' || p === 'ADV' || p === 'ADJ' || (p === 'VERB' && w.endsWith('ed'))))
        return false;
    }
    return false;
  }

  /** "from" right before token a, over a determiner ("from a high of" is not). */
  private fromBefore(a: number): boolean {
    let k = a - 1;
    if (k > this.s0 && this.pos(k) === 'DET') k--;
    return k >= this.s0 && this.norm(k) === 'from';
  }

  /** "from", "after", "vs", "against", "than", "compared with" right before token a. */
  private comparing(a: number): boolean {
    for (let k = a - 1; k >= this.s0 && a - k <= 2; k--) {
      const w = this.norm(k);
      if (this.d.words.comparison.has(w) || this.d.words.compare.has(w)) return true;
      if (w !== 'with' && w !== 'to' && this.pos(k) !== 'DET') return false;
    }
    return false;
  }

  /**
   * The figure `draft` is compared with or listed after: the latest earlier one of its sentence
   * of the same kind (money, percent, a count or measure of the same unit) and, for money, of a
   * size within a factor of 1,000, when that one has an `about` of its own and the words between
   * them hold a connector ("after", "from", "vs", "compared with", "than", "and", "or", a comma)
   * and no verb of a clause of their own; else null. Over a figure of another kind between them
   * ("3.0 mln Alpha shares at 45 cents, 2.5 mln Beta shares at 31 cents": a new item of a
   * list) only with a word of comparison right before it; never the base of a ratio ("35 pct
   * of 86 billion rupees").
   */
  private peerOf(
    draft: Draft,
    drafts: readonly Draft[],
    a: number,
    compared: boolean,
  ): Draft | null {
    const kind = kindOf(draft);
    if (kind === null) return null;
    const v = draft.expr.value ?? 0;
    let crossed = false;
    for (let i = drafts.length - 1; i >= 0; i--) {
      const p = drafts[i] as Draft;
      if (kindOf(p) !== kind) {
        // "35 pct of 86 billion rupees": the whole the percent is of
        if (i === drafts.length - 1 && p.e === a - 1 && this.norm(a - 1) === 'of') return null;
        crossed = true;
        continue;
      }
      const w = p.expr.value ?? 0;
      if (kind === 'money' && !(w > 0 && v / w >= 0.001 && v / w <= 1000)) continue;
      // ... an `about` that says more than its unit ("14.2 mln short tons": "tons")
      if (p.about === null || p.about === p.unit || (this.weak.has(p.about) && p.lo < p.a))
        return null;
      if (crossed && !compared && !this.comparing(a)) return null;
      return this.connected(p.e, a) ? p : null;
    }
    return null;
  }

  /** Tokens [i, j) link two figures: a connector, no verb of a clause, at most 24 of them. */
  private connected(i: number, j: number): boolean {
    if (j - i > 24 || j <= i) return false;
    let link = false;
    for (let k = i; k < j; k++) {
      // ("in the week ended May 2": a date's words are no clause)
      if (this.dateTok[k] === 1) continue;
      const w = this.norm(k);
      const p = this.pos(k);
      // (a clause of its own: "if more than 40 pct is drawn"; "since August" is a period)
      // ... but a conjunction joining two phrases is none ("a decline of 10 pct against March
      // but a rise of 4 pct against February": a verb after it still is)
      if (this.d.words['clause-break'].has(w)) {
        if (p !== 'CCONJ') return false;
        link = true;
        continue;
      }
      if (p === 'SCONJ' && !(k + 1 < j && this.dateTok[k + 1] === 1)) return false;
      if (p === 'VERB' || p === 'AUX') {
        // ... a participle that qualifies the figure or a date is none ("from a revised 5.1
        // billion", "in the week ended May 2")
        const participle = p === 'VERB' && w.endsWith('ed') && !this.d.words.comparison.has(w);
        if (participle && (j - k <= 2 || this.dateTok[k + 1] === 1)) continue;
        // ... nor one after a comma that hangs on the clause before ("fell 3.5 pct in May,
        // showing a decline of 10 pct"): it has that clause's subject
        if (p === 'VERB' && w.endsWith('ing') && k > i && this.norm(k - 1) === ',') continue;
        // ... "making" right before it adds the figures up ("Div 4.25p making 6.75p")
        if (p === 'VERB' && j - k === 1 && k === i && this.lemma(k) === 'make') {
          link = true;
          continue;
        }
        if (!this.d.words.comparison.has(w)) return false;
        link = true;
      } else if (
        this.d.words['list-link'].has(w) ||
        this.d.words.comparison.has(w) ||
        this.d.words.compare.has(w)
      )
        link = true;
    }
    return link;
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
      tabled: false,
    };
    // "44.80 Ecus per 100 kilos": the quantity a rate is per is no amount of its own
    if (a - 2 >= this.s0 && this.numTok[a - 2] === 1 && this.norm(a - 1) === 'per') return null;
    this.carried = x.type === 'CARDINAL' ? this.carriedScale(x, a, prev) : 1;
    let label = false;
    if (x.type === 'MONEY' && this.countsNoun(x, draft)) {
      // "two Canadian dollar issues": a count of the noun, not money
    } else if (x.type === 'CARDINAL') {
      if (this.isLabelNumber(a)) return null;
      const unit = this.unitAfter(x, b);
      if (unit !== null) {
        const kind = unit[0].kind;
        // "the May 1 Workers' Day rally": a unit word that opens a name counts nothing
        if (
          (kind === 'people' || kind === 'count') &&
          this.unitInName(unit[1] - unit[0].words.length, unit[1])
        )
          return null;
        // "agreed on one point": a number word under ten with a measure, after a preposition
        // that links no figure ("rose by two points" does), is no quantity
        if (kind === 'measure' && this.idiomMeasure(x, a, unit[1])) return null;
        draft.unitEntry = unit[0];
        draft.unit = unit[0].unit;
        draft.e = unit[1];
        // "15 HK cts" is 0.15 HKD, as "15 cts" is 0.15 USD
        if (unit[0].kind === 'subunit') draft.factor = 0.01;
      } else if (this.listedMoney(x, draft, b)) {
        // "losses of 13.1 mln and 1.9 mln dlrs": the currency written once, after the last
      } else if (this.comparedUnit(x, draft, b)) {
        // "33.0 mln vs 32.3 mln shares": the unit written once, after the second figure
      } else if (this.demonymAt(b)) {
        // "2.5 mln Americans"
        draft.unit = 'people';
        draft.e = b + 1;
        draft.about = this.norm(b);
      } else if (this.countable(x)) {
        // "150 branches", "2.1 million tourists": a plural noun says what is counted
        // (a figure of four bare digits before a compound is a label: "1100 series grades")
        let k = this.pluralNounAt(b, !LABEL_FIGURE.test(x.text));
        // ... not a verb the tagger read as a noun: "a ratio of 1.21 means that orders ..."
        if (k >= 0 && k + 1 < this.s1 && this.norm(k + 1) === 'that' && this.pos(k + 1) === 'DET')
          k = -1;
        // ... not on a line of figures run together: "loans 2.92 billion vs 2.45 billion
        // deposits 4.78 billion" (the noun labels the next figure)
        label = k >= 0 && k + 1 < this.s1 && this.numTok[k + 1] === 1 && this.comparedTo(a, prev);
        if (k >= 0 && !label) {
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
    // ... or written after a bare number ("a 3 billion franc bid", from units.tsv)
    // ... or a qualified form still shared ("12 billion CFA francs": West or Central African)
    if (draft.unit !== null && b - 1 >= a) {
      const pair = draft.e - 2 >= a ? `${this.norm(draft.e - 2)} ${this.norm(draft.e - 1)}` : '';
      const form = this.d.senses.has(pair) ? pair : this.norm(draft.e - 1);
      const sense = this.senseOf(form, draft.unit, a, draft.e);
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
    const scaled =
      x.type === 'CARDINAL' &&
      ((/[a-z]/i.test(x.text) && (x.value ?? 0) >= 1000) || this.carried > 1);
    const counts =
      !label &&
      b < this.s1 &&
      /^(NOUN|PROPN|ADJ)$/.test(this.pos(b)) &&
      this.dateTok[b] === 0 &&
      !this.d.words.compare.has(this.norm(b)) &&
      // ... not a verb form the tagger read as a noun ("Div 9p vs 6 making 14p")
      !this.norm(b).endsWith('ing') &&
      // ... nor a noun naming a sum of money ("down from the 1.12 billion profit") or a level
      // ("the 7.26 billion figure")
      !this.moneyNounAt(b) &&
      this.change(b)?.direction !== 'level';
    if (scaled && draft.unit === null && money !== null && !counts) draft.unit = money.unit;
    // "rises to 85,000 yen from 72,000": a bare figure compared right after money, of its size
    if (draft.unit === null && !counts && !label) {
      const factor = this.comparedMoney(x, a, prev);
      if (factor > 0) {
        draft.unit = (prev as Draft).unit;
        draft.factor = factor;
      }
    }
    // "fell to 1.1 mln tonnes from 1.2 mln": the pair shares its measure
    // ... and on along a list: "used 65.3 mln lbs, vs 71.8 mln and 84.6 mln"
    const paired =
      a - 1 >= this.s0 &&
      (/^(from|to|vs|against)$/.test(this.norm(a - 1)) ||
        // ... "against a provisionally estimated 31 mln"
        this.comparedOver(a) ||
        // ... "projected at 15 mln tonnes, up one mln from last month": a change of it
        this.upDownAt(a - 1 - this.qualifierBefore(a)[1], a) ||
        (this.norm(a - 1) === 'and' &&
          prev !== null &&
          prev.e === a - 1 &&
          prev.e === prev.b &&
          this.measureDraft !== null &&
          prev.unit === this.measureDraft.unit));
    // ... also over an amount between: "was 1,073 billion kilowatt hours, up 3.2 pct from 1,039
    // billion"
    // ... and its count: "sold 729.4 mln baskets, down from 737.3 mln"
    // ... the latest of them of the same order of size ("1.4 mln bags of 60 kilos ... to 2.05
    // mln" is bags)
    const measured = this.pairedWith(x, prev);
    if (
      scaled &&
      draft.unit === null &&
      (paired || this.comparedNoun(a, measured)) &&
      !counts &&
      measured !== null
    ) {
      draft.unit = measured.unit;
      draft.unitEntry = measured.unitEntry;
    }
    draft.money =
      (x.type === 'MONEY' && draft.money) ||
      // "12 mln HK dlrs": a currency of units.tsv
      (draft.unitEntry !== null && /^[A-Z]{3}$/.test(draft.unitEntry.unit)) ||
      (draft.unit !== null && money !== null && draft.unit === money.unit);
    // "700 creditor banks", "300,000 shares of ITT Corp": a counted noun says what it counts
    // (not a figure whose count is written with another: "to 33 mln shares from the proposed
    // 30 mln")
    // ... and a plural noun read as the count's unit: "200,000 bags of coffee"
    const plural = draft.unitEntry === null && draft.about !== null && draft.about === draft.unit;
    if ((plural || (draft.about === null && draft.unitEntry?.kind === 'count')) && draft.e > b) {
      if (!plural) draft.about = this.countedPhrase(b, draft.e);
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
    // A bare number with no unit and no scale is kept only on a line of figures or compared
    // with one before it (see the end): the others are dropped before the search for their
    // subject, the costliest step. The checks are those that can give it a unit or a line.
    if (x.type === 'CARDINAL' && draft.unit === null && !scaled && !this.mayBeTabled(a, prev))
      return null;
    // "cut the crop to 1.79 mln bags", "starts rose to 1.85 mln units": a counted noun after
    // "to" is the level of the verb's subject or object, when the syntax finds one
    if (
      draft.about !== null &&
      draft.about === draft.unit &&
      // ("unemployment, which reached 2.66 mln people": people only after a verb of level)
      (draft.unit !== 'people' || this.afterLevelVerb(a)) &&
      draft.casualty === null &&
      (this.levelTo(a) ||
        this.pairedFrom(a, prev) ||
        this.afterBe(a) ||
        this.afterLevelVerb(a) ||
        this.levelComplement(a))
    ) {
      const counted = draft.about;
      draft.about = null;
      this.aboutOf(draft, prev);
      if (draft.subject === null) draft.about = counted;
    }
    // "sales of 41,200 units", "deliveries of 14 vessels": the noun governing the count (its
    // `about` only the counted noun) is what is counted
    if (
      draft.about !== null &&
      draft.unit !== 'people' &&
      draft.casualty === null &&
      (draft.about === draft.unit ||
        (draft.unitEntry?.kind === 'count' &&
          draft.e > b &&
          draft.about === this.countedPhrase(b, draft.e)))
    ) {
      const np = this.governedOf(a);
      if (np !== null) draft.about = this.subjectText(np);
    }
    if (draft.about === null)
      this.aboutOf(draft, prev ?? (this.pronounComparison(a) ? this.lastDraft : null));
    // "loans 2.92 billion vs 2.45 billion deposits 4.78 billion": the noun labelling the next
    // figure is not what this one counts (the figure it is compared with says)
    if (
      label &&
      prev !== null &&
      prev.about !== null &&
      draft.about !== null &&
      draft.about === this.norm(b) &&
      draft.about !== prev.about
    ) {
      draft.about = prev.about;
      draft.tabled = prev.tabled;
    }
    // "Net loss 1.2 mln vs loss 900,000": a label after "vs" that ends the line's heading is
    // the heading's measure, not a new one
    if (
      draft.tabled &&
      prev !== null &&
      prev.tabled &&
      draft.about !== null &&
      prev.about !== null &&
      prev.about.endsWith(` ${draft.about}`) &&
      this.labelBetween(a) !== null
    )
      draft.about = prev.about;
    // "Shr 15 HK cts vs 12": a bare figure compared with one in a currency's cents is in cents
    if (
      prev !== null &&
      prev.unitEntry?.kind === 'subunit' &&
      x.type === 'CARDINAL' &&
      draft.unitEntry === null &&
      draft.unit === prev.unit &&
      draft.factor === 1 &&
      !/[a-z]/i.test(x.text) &&
      this.comparedTo(a, prev)
    )
      draft.factor = prev.factor;
    this.perUnitAbout(draft);
    this.holderShare(draft);
    this.listedPerUnit(draft, prev);
    if (draft.tabled) {
      // "Shr 12 cts vs 10 cts / Net 28.4 mln vs 15.2 mln": a table's figures without a unit
      // are in the currency an earlier line of it was written in (never a count: "Avg shrs")
      const named =
        draft.unit === null && draft.about !== null ? this.unitOfAbout(draft.about) : null;
      if (draft.unit !== null && /^[A-Z]{3}$/.test(draft.unit)) this.tableMoney = draft.unit;
      // ... a line whose heading names its unit is in it ("Tonnes milled 3.74 mln vs 3.72 mln")
      else if (named !== null && !/^[A-Z]{3}$/.test(named) && this.d.units.has(named))
        draft.unit = named;
      else if (draft.unit === null && draft.about !== null && named === null) {
        // ... else, on a compared line of a table heading the story before any currency is
        // written ("Net 2,213 vs 16,288 / Revs ... / Shr two cts vs three cts"), the story's
        // first money
        const unit = this.tableMoney ?? (this.compares() ? this.storyMoney() : null);
        if (unit !== null) {
          draft.unit = unit;
          draft.money = true;
        }
      }
    }
    if (x.type === 'CARDINAL' && draft.unit === null) {
      // A bare number is a quantity only with a scale ("4.5 mln") or on a line of figures.
      const tabled =
        draft.about !== null && (this.labelFor(a, false) !== null || this.comparedTo(a, prev));
      if (!scaled && !tabled) return null;
    }
    if (draft.about === null && draft.unitEntry !== null) draft.about = draft.unitEntry.about;
    if (draft.about === null && draft.unitEntry !== null && draft.unitEntry.kind === 'count')
      draft.about = draft.unit;
    this.compoundMeasure(draft);
    return draft;
  }

  /**
   * "flew 987.7 mln revenue passenger miles": a measure written as the head of a compound of
   * nouns counts the compound, not the bare unit ("revenue passenger miles", not "miles").
   */
  private compoundMeasure(draft: Draft): void {
    if (draft.about === null || draft.e - draft.b < 2) return;
    // (the recogniser may have read the unit itself: "300 mln seat miles")
    const entry =
      draft.unitEntry ??
      this.d.units.get(this.norm(draft.e - 1))?.find((u) => u.words.length === 1) ??
      null;
    if (entry?.kind !== 'measure' || entry.unit !== draft.unit) return;
    if (draft.about !== draft.unit && draft.about !== this.norm(draft.e - 1)) return;
    for (let k = draft.b; k < draft.e - 1; k++)
      if (this.pos(k) !== 'NOUN' || this.numTok[k] === 1) return;
    draft.about = this.countedPhrase(draft.b, draft.e);
    // (still a measure a bare figure compared with it takes: "from 854.0 mln")
    draft.unitEntry = entry;
  }

  /**
   * Whether a bare figure at token a may still be kept: it heads or continues a line of
   * figures, has a label of its own after "vs", is compared with the figure before it (or,
   * after a pronoun of comparison, the story's last one), or a word of casualties before it
   * may make it a count of people ("the death toll rose to 2,300").
   */
  private mayBeTabled(a: number, prev: Draft | null): boolean {
    const peer = prev ?? (this.pronounComparison(a) ? this.lastDraft : null);
    if (this.casualtyStart < 0) {
      let k = this.s0;
      while (k < this.s1 && this.casualtyAt(k) === null) k++;
      this.casualtyStart = k;
    }
    if (this.casualtyStart < a) return true;
    return (
      this.labelFor(a) !== null ||
      this.labelFor(a, false) !== null ||
      this.comparedTo(a, prev) ||
      (peer !== null && (peer !== prev ? this.comparedTo(a, peer) : false)) ||
      (peer !== null && this.labelBetween(a) !== null)
    );
  }

  /**
   * "U.K 47.9 mln vs 45.3", "fell to 61.3 mln from 58.2": a bare figure written right after a
   * scaled one it is compared with, and of its size, is in the same scale (the factor, else 1).
   */
  private carriedScale(x: Expression, a: number, prev: Draft | null): number {
    const v = x.value;
    if (prev === null || v === undefined || v >= 1000 || !PLAIN_FIGURE.test(x.text)) return 1;
    if (prev.expr.type !== 'CARDINAL' && prev.expr.type !== 'MONEY') return 1;
    if (!this.comparedRun(prev.e, a)) return 1;
    const m = WRITTEN_FIGURE.exec(prev.expr.text);
    const written = m === null ? NaN : Number(m[0].replace(/,/g, ''));
    const pv = prev.expr.value;
    if (!(written > 0) || pv === undefined || m === null || m.index !== 0) return 1;
    const factor = 10 ** Math.round(Math.log10(pv / written));
    if (factor < 1000 || Math.abs(pv / written / factor - 1) > 1e-6) return 1;
    const ratio = v / written;
    return ratio >= 0.1 && ratio <= 10 ? factor : 1;
  }

  /**
   * "rises to 85,000 yen from 72,000", "at 3,150 dlrs vs 3,020": a bare figure of a whole
   * number of units written right after money it is compared with ("from", "vs", "against",
   * "compared with"), within a factor of 10 of it: the factor its value takes (0.01 for a
   * figure compared with pence or cents, "Div 9p vs 6"; 1), or 0 when it is none.
   */
  private comparedMoney(x: Expression, a: number, prev: Draft | null): number {
    const v = x.value;
    if (x.type !== 'CARDINAL' || prev === null || v === undefined || !(v > 0)) return 0;
    if (!prev.money || prev.expr.type !== 'MONEY' || /[a-z]/i.test(x.text)) return 0;
    if (!this.comparedRun(prev.e, a)) return 0;
    const w = prev.expr.value ?? 0;
    if (!(w > 0)) return 0;
    // "Div 9p vs 6": a bare figure compared with pence or cents is in them, when of their size
    const sub = subunitOf(prev.expr);
    if (sub < 1 && (v * sub) / w >= 0.1 && (v * sub) / w <= 10) return sub;
    return v / w >= 0.1 && v / w <= 10 ? 1 : 0;
  }

  /**
   * The measure of x at token a is an idiom: a number word under ten ("one point") right after
   * a preposition that is no `link-prep` of words.tsv ("agreed on one point"), unless "of"
   * follows it.
   */
  private idiomMeasure(x: Expression, a: number, e: number): boolean {
    if ((x.value ?? 10) >= 10 || a <= this.s0 || this.pos(a - 1) !== 'ADP') return false;
    // ... "on two acres of land" measures land
    if (e < this.s1 && this.norm(e) === 'of') return false;
    // ... "under two tonnes", "as much as five points" are bounds (qualifiers.tsv)
    const c = x.text.charCodeAt(0);
    if ((c >= 48 && c <= 57) || this.d.words['link-prep'].has(this.norm(a - 1))) return false;
    return this.qualifierBefore(a)[1] === 0;
  }

  /**
   * "cumulative roastings now total 3,845,000 bags": a count right after a finite `level` verb
   * (one the tagger read as an adjective too, after a noun or adverb, not after "the").
   */
  private afterLevelVerb(a: number): boolean {
    const k = a - 1 - this.qualifierBefore(a)[1];
    if (k - 1 <= this.s0) return false;
    // (not a participle hanging on a phrase: "six ships totalling 329,000 tons")
    if (this.pos(k) === 'VERB')
      return !this.norm(k).endsWith('ing') && this.change(k)?.direction === 'level';
    return (
      this.pos(k) === 'ADJ' &&
      /^(NOUN|ADV)$/.test(this.pos(k - 1)) &&
      this.d.changes.verb.get(this.norm(k))?.direction === 'level'
    );
  }

  /**
   * A count that is the level of its clause's subject, written with more between it and its
   * verb than `levelTo`/`afterBe` read: "rose to a seasonally adjusted 1.18 mln units" (an
   * article and its modifiers after "to"), "limits will be 15,000 contracts" (a modal or
   * auxiliary before "be", after a noun).
   */
  private levelComplement(a: number): boolean {
    let k = a - 1 - this.qualifierBefore(a)[1];
    if (k - 1 <= this.s0) return false;
    if (this.pos(k) === 'AUX' && this.lemma(k) === 'be') {
      let j = k - 1;
      while (j > this.s0 && k - j <= 3 && (this.pos(j) === 'AUX' || this.pos(j) === 'ADV')) j--;
      return j < k - 1 && /^(NOUN|PROPN)$/.test(this.pos(j));
    }
    const from = k;
    while (
      k > this.s0 &&
      from - k < 3 &&
      (this.pos(k) === 'ADV' ||
        this.pos(k) === 'ADJ' ||
        (this.pos(k) === 'VERB' && this.norm(k).endsWith('ed')))
    )
      k--;
    if (k === from || this.pos(k) !== 'DET') return false;
    return k - 1 > this.s0 && this.norm(k - 1) === 'to';
  }

  /**
   * "sales of 41,200 units", "deliveries of 1,250 vehicles": the noun phrase whose "of" a count
   * follows, when its head is what an object verb of changes.tsv moves (`objectLabels`: not
   * "a network of 1,200 dealers", nor "a total of", a level noun seen through), or null.
   */
  private governedOf(a: number): [number, number] | null {
    const k = a - 1 - this.qualifierBefore(a)[1];
    if (
      k - 1 < this.s0 ||
      this.norm(k) !== 'of' ||
      // (a capital at the sentence's start may be tagged as a name: "Deliveries of ...")
      !(this.pos(k - 1) === 'NOUN' || (k - 1 === this.s0 && this.pos(k - 1) === 'PROPN')) ||
      !(
        this.objectLabels.has(this.norm(k - 1)) ||
        this.objectLabels.has(this.lemma(k - 1)) ||
        this.d.words['count-of'].has(this.norm(k - 1))
      ) ||
      this.numTok[k - 1] !== 0 ||
      this.dateTok[k - 1] !== 0 ||
      this.change(k - 1)?.direction === 'level'
    )
      return null;
    return this.npLeft(k);
  }

  /**
   * "gains of 13.1 mln, 1.9 mln dlrs respectively", "1.2 mln and 800,000 dlrs": a bare figure
   * (scaled or of four digits or more) listed right before money takes its currency, before a
   * count or measure its unit; true when it did. A plain "dlrs" in a story of another dollar is that dollar (see `dollars`).
   */
  private listedMoney(x: Expression, draft: Draft, b: number): boolean {
    const y = this.next;
    if (y === null || (x.value ?? 0) < 1000) return false;
    const ya = this.tokenAt(y.start);
    if (ya - b < 1 || ya - b > 2) return false;
    for (let k = b; k < ya; k++) {
      const w = this.norm(k);
      if (w !== ',' && w !== 'and' && w !== 'or') return false;
    }
    if (y.type === 'CARDINAL') {
      // "sold 1.2 mln and 800,000 shares": a count or measure after the last
      return this.takeCountUnit(draft, y, this.tokenAt(y.end));
    }
    if (y.type !== 'MONEY' || y.unit === undefined) return false;
    let unit = y.unit;
    if (unit === 'USD' && this.dollars !== null && !/\$|U\.?S\.?/.test(y.text)) unit = this.dollars;
    draft.unit = unit;
    draft.money = true;
    return true;
  }

  /**
   * "put the crop at 26 mln bags compared with a previous crop of 11.2 mln": the figure is
   * the "of" phrase of the noun the measured figure counts, after a word of comparison.
   */
  private comparedNoun(a: number, measured: Draft | null): boolean {
    if (measured === null || measured.about === null || a - 3 < this.s0) return false;
    if (this.norm(a - 1) !== 'of' || this.pos(a - 2) !== 'NOUN') return false;
    const head = this.norm(a - 2);
    // (of the noun the measured figure counts, or of any when it names only its unit)
    const about = measured.about;
    if (!(about === head || about.endsWith(` ${head}`) || about === measured.unit)) return false;
    for (let k = a - 3; k >= this.s0 && a - k <= 6; k--) {
      const w = this.norm(k);
      if (this.d.words.comparison.has(w) || this.d.words.compare.has(w)) return true;
      if (this.d.words['compare-link'].has(w) && k > this.s0 && this.norm(k - 1) === 'compared')
        return true;
      if (!NOUN_PHRASE_POS.test(this.pos(k))) return false;
    }
    return false;
  }

  /**
   * The amount whose measure or count a bare figure paired with it takes: the one before it,
   * the sentence's last measure, its last count, the first of them within a factor of 100 of
   * the figure ("from 1.2 mln"); null when none is.
   */
  private pairedWith(x: Expression, prev: Draft | null): Draft | null {
    const v = x.value ?? 0;
    const near = (d: Draft | null): boolean => {
      const w = d?.expr.value ?? 0;
      return d !== null && w > 0 && v / w >= 0.01 && v / w <= 100;
    };
    if (prev !== null && (prev.unitEntry?.kind === 'measure' || this.countLike(prev)) && near(prev))
      return prev;
    const m = this.measureDraft;
    const c = this.countDraft;
    if (near(m) && near(c)) return (m as Draft).a > (c as Draft).a ? m : c;
    return near(m) ? m : near(c) ? c : null;
  }

  /** A count of things ("729.4 mln baskets", "12 banks"): not money, a percent or a measure. */
  private countLike(d: Draft): boolean {
    if (d.unit === null || d.money || d.expr.type !== 'CARDINAL' || d.casualty !== null)
      return false;
    return d.unitEntry === null ? d.about === d.unit : d.unitEntry.kind === 'count';
  }

  /**
   * "two Canadian dollar issues", "five dollar bills": a small whole number before a singular
   * currency word and a plural noun counts the noun (true, and `draft` says so); "a 75 mln dlr
   * bond" and "$5 notes" stay money.
   */
  private countsNoun(x: Expression, draft: Draft): boolean {
    const { a, b } = draft;
    const v = x.value;
    if (v === undefined || !Number.isInteger(v) || v < 1 || v >= 100) return false;
    if (!/^[0-9a-z]/i.test(x.text) || b - a < 2 || x.unit === undefined) return false;
    if (a - 1 >= this.s0 && this.pos(a - 1) === 'DET' && /^an?$/.test(this.norm(a - 1)))
      return false;
    // the currency word is singular: "dollar", "dlr", not "dollars"
    const cur = this.norm(b - 1);
    if (this.pos(b - 1) !== 'NOUN' || cur.endsWith('s') || !/^[a-z]+$/.test(cur)) return false;
    const k = this.pluralNounAt(b);
    if (k < 0) return false;
    const known = this.matchForm(this.d.units, k);
    draft.unit =
      known !== null && known[0].kind === 'count' ? known[0].unit : this.phrase(k, k + 1);
    draft.e = k + 1;
    draft.about = this.phrase(b, k + 1);
    draft.money = false;
    return true;
  }

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
    // Built field by field, in the contract's order: conditional object spreads showed up
    // in the stage's profile.
    const q: Mutable<Quantity> = {
      text: this.input.text.slice(start, end),
      start,
      end,
      value: tidy((x.value as number) * d.factor * this.carried),
      unit,
      about: d.about,
    };
    if (year !== null) q.year = year;
    if (x.valueHigh !== undefined) q.valueHigh = tidy(x.valueHigh * d.factor * this.carried);
    q.approximate = approximate;
    q.bound = bound;
    q.sentence = s;
    q.actors = actors;
    if (unit === 'people' && casualtyField !== null) q.eventField = casualtyField;
    return q;
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
      // "8.50 pct November 2002 stock": a date naming a security is its maturity
      if (xb < this.s1 && this.d.words.security.has(this.norm(xb))) continue;
      // "notes of 1995": a year after "of" and a security is its maturity too
      if (
        by - 1 >= this.s0 &&
        this.norm(by) === 'of' &&
        this.d.words.security.has(this.norm(by - 1))
      )
        continue;
      // after the amount counts a little more than before it: "$4 billion in 2023"
      const distance = xa >= d.e ? xa - d.e : d.a - xb + 2;
      if (distance < 0 || distance > 8 || distance >= bestDistance) continue;
      // "from 410,000 bpd in 1985 to 455,000 bpd", "1.2 mln in January and 1.3 mln in
      // February, 1986": a date next to another amount of the same kind is that one's
      if (this.dateOfOther(d, xa, xb, exprs)) continue;
      // "a 500 mln surplus compared with last year's 1.2 billion deficit": a possessive date
      // after the amount is the next figure's
      if (xa >= d.e && this.possessiveDate(x, xb, exprs)) continue;
      const y = this.yearFrom(x, xa, xb);
      if (y === null) continue;
      best = y;
      bestDistance = distance;
    }
    return best ?? this.subjectYear(d, exprs);
  }

  /**
   * The date [.., xb) ends in a possessive ("last year's") with an amount right after it (over
   * a determiner or adjectives): it dates that amount.
   */
  private possessiveDate(x: Expression, xb: number, exprs: readonly Expression[]): boolean {
    let k = xb;
    if (k < this.s1 && this.norm(k) === "'s") k++;
    else if (!x.text.endsWith("'s")) return false;
    while (k < this.s1 && k - xb < 3 && /^(DET|ADJ)$/.test(this.pos(k))) k++;
    if (k >= this.s1 || this.numTok[k] !== 1) return false;
    for (const y of exprs)
      if (y.type !== 'DATE' && y.value !== undefined && this.tokenAt(y.start) === k) return true;
    return false;
  }

  /**
   * "The 1987 current account is expected to show a 500 mln ringgit surplus": a year written
   * as the first modifier of the sentence's subject dates the amounts after it that have no
   * date of their own nearer (null when the sentence opens with none).
   */
  private subjectYear(d: Draft, exprs: readonly Expression[]): number | null {
    for (const x of exprs) {
      if (x.type !== 'DATE') continue;
      const xa = this.tokenAt(x.start);
      if (xa > this.s0 + 1) return null;
      if (xa === this.s0 + 1 && this.pos(this.s0) !== 'DET') return null;
      const xb = this.tokenAt(x.end);
      if (xb !== xa + 1 || xb >= d.a || !YEAR.test(x.text) || !NOUN_LIKE.test(this.pos(xb)))
        return null;
      // ... not a figure it is compared with ("... from 1.1 trillion") or one of another clause
      // ("A 1984 study put the grade at 0.008 ounces, while ... up to 0.027 ounces")
      for (let k = xb; k < d.a; k++) {
        const w = this.norm(k);
        if (
          this.d.words.comparison.has(w) ||
          this.d.words.compare.has(w) ||
          this.d.words['clause-break'].has(w)
        )
          return null;
      }
      return Number(x.text);
    }
    return null;
  }

  /**
   * The date at tokens [xa, xb) belongs to another amount of the kind of `d` (both percents or
   * both not): one between `d` and a date after it, or one the date right follows before `d`.
   */
  private dateOfOther(d: Draft, xa: number, xb: number, exprs: readonly Expression[]): boolean {
    const percent = d.expr.type === 'PERCENT';
    const after = xa >= d.e;
    for (const y of exprs) {
      if (y === d.expr || y.value === undefined || (y.type === 'PERCENT') !== percent) continue;
      if (y.type !== 'CARDINAL' && y.type !== 'MONEY' && y.type !== 'PERCENT') continue;
      const ya = this.tokenAt(y.start);
      // ... when the two are contrasted ("from", "to", "vs", "against", "compared with"), not
      // listed ("revenues of 40 mln and losses of 3 mln in 1986" is all 1986)
      // ... or the amount has its own date ("3.1 mln in October and 2.9 mln in May 1985")
      // ("from 6.1 pct to 4.8 pct next year": the change, both ends, is next year's)
      if (after) {
        if (ya >= d.e && ya < xa && (this.contrastIn(d.e, ya) || this.dateIn(d.e, ya))) return true;
        continue;
      }
      // "410,000 bpd in 1985": over the other amount's unit word and a preposition; "to",
      // "from" or "after" mark a figure of another time ("6.1 pct last year compared with a 7.4
      // pct rise" shares its year)
      let yb = this.tokenAt(y.end);
      while (yb < xa && xa - yb <= 2 && /^(NOUN|ADP)$/.test(this.pos(yb))) yb++;
      if (yb === xa && yb <= d.a && this.toIn(xb, d.a)) return true;
    }
    return false;
  }

  /** A word contrasting an amount with a later one in tokens [i, j): "from", "vs", "after". */
  private contrastIn(i: number, j: number): boolean {
    for (let k = i; k < j && k - i < 8; k++) {
      const w = this.norm(k);
      if (
        this.d.words.compare.has(w) ||
        w === 'from' ||
        w === 'compared' ||
        w === 'after' ||
        w === 'instead'
      )
        return true;
    }
    return false;
  }

  /**
   * "to", "from" or "after" in tokens [i, j) (at most eight of them): "from 410,000 bpd in 1985
   * to 455,000 bpd", "39 pct in 1987 from 41 pct".
   */
  private toIn(i: number, j: number): boolean {
    for (let k = i; k < j && k - i < 8; k++) {
      const w = this.norm(k);
      if (w === 'to' || w === 'from' || w === 'after') return true;
    }
    return false;
  }

  /** A date or period word in tokens [i, j). */
  private dateIn(i: number, j: number): boolean {
    for (let k = i; k < j; k++) if (this.dateTok[k] === 1) return true;
    return false;
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

  /** The entities inside the current sentence, with their actor codes, in the input's order. */
  private sentenceActors(): readonly SentenceActor[] {
    if (this.actorsS0 !== this.s0) {
      this.actorsS0 = this.s0;
      const sStart = this.t.starts[this.s0] as number;
      const sEnd = this.t.ends[this.s1 - 1] as number;
      const list: SentenceActor[] = [];
      for (const ent of this.input.entities) {
        if (ent.start < sStart || ent.end > sEnd) continue;
        const codes = ent.members ?? (ent.code === null ? [] : [ent.code]);
        list.push({ start: ent.start, end: ent.end, codes });
      }
      this.actors = list;
    }
    return this.actors;
  }

  /** The sentence (its first token) whose entities `actors` holds, -1 before any. */
  private actorsS0 = -1;
  private actors: readonly SentenceActor[] = [];

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
    for (const ent of this.sentenceActors()) {
      const codes = ent.codes;
      for (const c of codes) {
        if (!sentence.includes(c)) sentence.push(c);
        if (ent.start >= startOff && ent.end <= endOff && !local.includes(c)) local.push(c);
      }
    }
    return local.length > 0 ? local : sentence;
  }
}
