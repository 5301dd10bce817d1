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
  return new Reader(ctx.data, input).run();
}

/**
 * The reader of one document, in layers: tokens and phrases (amounts-tokens.ts), subjects and
 * headings (amounts-subject.ts), units (amounts-units.ts), `about` (amounts-about.ts); this
 * last one walks the sentences and builds the quantities.
 */
class Reader extends AboutReader {
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
    this.subjectDraft = null;
    this.measureDraft = null;
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
      if (draft.subject !== null) this.subjectDraft = draft;
      if (draft.unitEntry?.kind === 'measure') this.measureDraft = draft;
      if (draft.money) money = draft;
      out.push(this.finish(s, x, draft, exprs));
    }
    this.lastDraft = prev;
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
    if (x.type === 'CARDINAL') {
      if (this.isLabelNumber(a)) return null;
      const unit = this.unitAfter(x, b);
      if (unit !== null) {
        draft.unitEntry = unit[0];
        draft.unit = unit[0].unit;
        draft.e = unit[1];
        // "15 HK cts" is 0.15 HKD, as "15 cts" is 0.15 USD
        if (unit[0].kind === 'subunit') draft.factor = 0.01;
      } else if (this.comparedUnit(x, draft, b)) {
        // "33.0 mln vs 32.3 mln shares": the unit written once, after the second figure
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
    // ... or written after a bare number ("a 3 billion franc bid", from units.tsv)
    if (draft.unit !== null && b - 1 >= a) {
      const sense = this.senseOf(this.norm(draft.e - 1), draft.unit, a, draft.e);
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
    // ... also over an amount between: "was 1,073 billion kilowatt hours, up 3.2 pct from 1,039
    // billion"
    const measured = prev?.unitEntry?.kind === 'measure' ? prev : this.measureDraft;
    if (scaled && draft.unit === null && paired && !counts && measured !== null) {
      draft.unit = measured.unit;
      draft.unitEntry = measured.unitEntry;
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
    // "cut the crop to 1.79 mln bags", "starts rose to 1.85 mln units": a counted noun after
    // "to" is the level of the verb's subject or object, when the syntax finds one
    if (
      draft.about !== null &&
      draft.about === draft.unit &&
      draft.unit !== 'people' &&
      draft.casualty === null &&
      (this.levelTo(a) || this.pairedFrom(a, prev) || this.afterBe(a))
    ) {
      const counted = draft.about;
      draft.about = null;
      this.aboutOf(draft, prev);
      if (draft.subject === null) draft.about = counted;
    }
    if (draft.about === null)
      this.aboutOf(draft, prev ?? (this.pronounComparison(a) ? this.lastDraft : null));
    this.perUnitAbout(draft);
    if (draft.tabled) {
      // "Shr 12 cts vs 10 cts / Net 28.4 mln vs 15.2 mln": a table's figures without a unit
      // are in the currency an earlier line of it was written in (never a count: "Avg shrs")
      if (draft.unit !== null && /^[A-Z]{3}$/.test(draft.unit)) this.tableMoney = draft.unit;
      else if (
        draft.unit === null &&
        this.tableMoney !== null &&
        draft.about !== null &&
        this.unitOfAbout(draft.about) === null
      ) {
        draft.unit = this.tableMoney;
        draft.money = true;
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
    return draft;
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
