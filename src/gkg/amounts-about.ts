import type { ChangeEntry } from './amounts-data.js';
import type { Draft } from './amounts-tokens.js';
import { MAX_WALK, NP_POS, subunitOf } from './amounts-tokens.js';
import { UnitReader } from './amounts-units.js';

/*
 * What an amount counts (`about`), from the syntax around it: the rules of aboutOf, in order
 * (dictionaries/README.md, "Amounts").
 */

/** The label of changes.tsv for "pay", and what a percentage paid is. */
const PAID = 'payment';
const COUPON = 'coupon';
/** What a percentage money changed hands at is, below par ("bills bought at 9-3/4 pct"). */
const RATE = 'rate';
/** What money "at" a count's rate is ("15,000 bpd at 15.79 dlrs"). */
const PRICE = 'price';
/** The labels of changes.tsv for "own" and "hold": a percentage owned or held is a stake. */
const STAKE = 'stake';
const HOLDINGS = 'holdings';
/** The label of changes.tsv for "cost": money a thing costs is its cost. */
const COST = 'cost';
/** What a noun of expectation names (words.tsv forecast-noun): "profit estimate". */
const ESTIMATE = 'estimate';
/** What a measure before a compass direction is ("60 miles east of Denver"). */
const DISTANCE = 'distance';
/** A range names no thing measured: "in the range of 1.2 to 5.2 billion dlrs". */
const RANGE = 'range';
/** A percentage written out ("6.5 pct", "6.5%", "6.5 percent"). */
const PERCENT_WORD = /%|\bpct\b|\bper ?cent\b/i;
/** What may stand right before a clause's subject: a comma, "that", a verb ("said"). */
const CLAUSE_OPENER_POS = /^(?:PUNCT|SCONJ|VERB)$/;
/** A possessive word ("analysts'", "the bank's"). */
const OWNER_WORD = /'s?$/;

export class AboutReader extends UnitReader {
  /** The document's last amount on a line of figures ("Qtly div 32 cts vs 30 cts"), or null. */
  protected lastTable: Draft | null = null;

  /**
   * "60 mln stg in band one", "210 mln stg of band two bank bills": a noun a number follows
   * names a class of what is counted (a band, a tranche, a series), not the thing itself. Of
   * such a class, the amount counts the noun phrase after the number ("band two bank bills");
   * in one, what the list's previous amount of its unit counts, else the noun phrase a
   * participle before the amount hangs on ("bank bills comprising 60 mln stg in band one"),
   * else the label of the verb whose object the amount is ("bought 60 mln stg in band one" →
   * "purchase").
   */
  private classNoun(draft: Draft, prev: Draft | null): void {
    const { about, e } = draft;
    if (about === null || e + 2 >= this.s1 || this.numTok[e + 2] !== 1) return;
    const w = this.norm(e);
    if ((w !== 'in' && w !== 'of') || this.pos(e + 1) !== 'NOUN' || this.norm(e + 1) !== about)
      return;
    // ("in band two at 9-3/4 pct": the number ends the phrase, it counts nothing itself)
    const after = e + 3 < this.s1 ? this.pos(e + 3) : 'PUNCT';
    if (w === 'of') {
      const np = after === 'NOUN' ? this.npRight(e + 3) : null;
      if (np !== null && np[0] === e + 3 && this.pos(np[1] - 1) === 'NOUN') {
        draft.about = this.phrase(e + 1, np[1]);
        draft.hi = Math.max(draft.hi, np[1]);
      }
      return;
    }
    if (after !== 'ADP' && after !== 'PUNCT' && after !== 'CCONJ') return;
    if (prev !== null && prev.unit === draft.unit && prev.about !== null && prev.about !== about) {
      draft.subject = prev.subject;
      draft.about = prev.about;
      return;
    }
    let v = draft.a - 1;
    while (v > this.s0 && draft.a - v <= 24 && this.pos(v) !== 'VERB' && this.norm(v) !== ';') v--;
    if (v <= this.s0 || this.pos(v) !== 'VERB') return;
    if (this.norm(v).endsWith('ing')) {
      let k = v;
      while (k - 1 > this.s0 && this.pos(k - 1) === 'ADV') k--;
      const np = this.npLeft(k);
      if (np !== null && this.pos(np[1] - 1) === 'NOUN' && !this.allProper(np))
        draft.about = this.phrase(...np);
      return;
    }
    const c = this.change(v);
    if (
      c !== null &&
      c.direction === 'object' &&
      c.label !== null &&
      this.onlyAdverbs(v + 1, draft.a)
    )
      draft.about = c.label;
  }

  /**
   * "will lend Kenya 45 mln dlrs for road building", "granted Morocco 150 mln dlrs to finance a
   * dam": money after a verb of giving (words.tsv `double-object`) and the one who gets it is
   * what the verb names (changes.tsv `object` label: "loan", "grant"), not the purpose after it
   * (money paid or a cost keeps what it pays for or its subject's cost, and money "in" a bare
   * noun that noun: "owes banks 450 mln dlrs in interest payments").
   */
  private givenMoney(draft: Draft): void {
    if (!draft.money || draft.about === null) return;
    const k = draft.a - 1 - this.qualifierBefore(draft.a)[1];
    if (k - 1 <= this.s0 || !(this.pos(k) === 'NOUN' || this.pos(k) === 'PROPN')) return;
    const np = this.npLeft(k + 1);
    if (np === null || np[0] - 1 <= this.s0) return;
    const v = np[0] - 1;
    if (this.pos(v) !== 'VERB' || !this.d.words['double-object'].has(this.lemma(v))) return;
    const c = this.change(v);
    if (c === null || c.direction !== 'object' || c.label === null) return;
    if (c.label === PAID || c.label === COST || draft.about.endsWith(c.label)) return;
    // ("owes banks 450 mln dlrs in interest payments": the bare noun names the money)
    if (this.inBareNoun(draft.e) !== null) return;
    draft.about = c.label;
  }

  /**
   * "bankers' balances above target will add 35 mln stg": a noun after a word that bounds a
   * figure (qualifiers.tsv, one word: "above", "below", "over", "under") is what the phrase
   * before it is measured against, not what is counted; that phrase is.
   */
  private boundReference(draft: Draft): void {
    const { about, subject } = draft;
    if (about === null) return;
    // (the subject of a change too: "sales above target rose 5 pct" → "sales rise")
    const cut = about.indexOf(' ');
    const changed = cut > 0 && this.d.changes.noun.has(about.slice(cut + 1));
    const word =
      subject !== null && about.startsWith(`${subject} `)
        ? subject
        : changed
          ? about.slice(0, cut)
          : about;
    if (word.includes(' ')) return;
    for (let k = draft.a - 1; k - 2 >= this.s0 && draft.a - k <= 30; k--) {
      if (this.pos(k) !== 'NOUN' || this.norm(k) !== word) continue;
      const q = this.d.qualifiersBefore.get(this.norm(k - 1));
      const bound = q?.some((x) => x.words.length === 1 && x.bound !== null && !x.approximate);
      if (bound !== true || this.pos(k - 2) !== 'NOUN') return;
      const np = this.npLeft(k - 1);
      if (np === null) return;
      // ("bankers' balances": with its owner)
      const plural = np[0] - 2 >= this.s0 && this.norm(np[0] - 1) === "'";
      const owner = plural ? this.npLeft(np[0] - 1) : this.possessorBefore(np[0]);
      const text = this.subjectText(owner !== null ? [owner[0], np[1]] : np);
      if (word === about) draft.about = text;
      else {
        draft.subject = text;
        draft.about = `${text}${about.slice(word.length)}`;
      }
      return;
    }
  }

  /**
   * "The remainder of 40 mln dlrs will be paid in cash": money in the "of" phrase of a plain
   * noun opening the clause (not a noun of change, a label or one naming money) is what the
   * clause's `object` verb of changes.tsv, in the passive, names ("payment").
   */
  private passiveObject(draft: Draft): void {
    const { about, a, e } = draft;
    if (about === null || !draft.money || about.includes(' ')) return;
    let k = a - 1 - this.qualifierBefore(a)[1];
    if (k > this.s0 && this.pos(k) === 'DET') k--;
    if (k - 2 < this.s0 || this.norm(k) !== 'of' || this.pos(k - 1) !== 'NOUN') return;
    if (this.norm(k - 1) !== about || this.pos(k - 2) !== 'DET') return;
    // ("said the remainder of": after a comma, "that" or a verb that opens the clause)
    if (k - 2 > this.s0 && !CLAUSE_OPENER_POS.test(this.pos(k - 3))) return;
    if (this.change(k - 1) !== null || this.d.moneyNouns.has(about)) return;
    if (this.matchForm(this.d.labels, k - 1) !== null) return;
    let v = e;
    while (v < this.s1 && v - e < 3 && this.pos(v) === 'AUX') v++;
    if (v === e || v >= this.s1 || this.pos(v) !== 'VERB') return;
    const c = this.change(v);
    if (c !== null && c.direction === 'object' && c.label !== null) draft.about = c.label;
  }

  /** A bare figure that is a part of the previous amount ("of which") is in its unit. */
  private shareUnit(draft: Draft, prev: Draft): void {
    draft.unit = prev.unit;
    draft.unitEntry = prev.unitEntry;
    draft.money = prev.money;
    draft.factor = prev.unitEntry?.kind === 'subunit' ? prev.factor : draft.factor;
  }

  /**
   * "approved two loans to Ghana totalling 90 mln dlrs": a name after "to" or "for" that is all
   * the subject found is who gets what is counted; the common noun before it is what the amount
   * counts ("loans"; "the eurobond launched yesterday for the Republic of Austria" → the
   * eurobond), not a noun of change ("a rise in sales to Japan").
   */
  private recipientNoun(draft: Draft): void {
    const about = draft.about;
    if (about === null) return;
    const last = about.slice(about.lastIndexOf(' ') + 1).toLowerCase();
    for (let v = draft.a - 1; v > this.s0 + 1 && draft.a - v <= 12; v--) {
      if (this.pos(v) !== 'PROPN') continue;
      let lo = v;
      while (lo - 1 > this.s0 && v - lo < 4 && this.pos(lo - 1) === 'PROPN') lo--;
      if (this.norm(v) !== last || this.phrase(lo, v + 1) !== about) {
        v = lo;
        continue;
      }
      // ("for the Republic of Austria": over its article)
      const at = lo - 1 > this.s0 && this.pos(lo - 1) === 'DET' ? lo - 1 : lo;
      const w = this.norm(at - 1);
      if ((w !== 'to' && w !== 'for') || at - 2 < this.s0) return;
      // ("the eurobond launched yesterday for": over a participle and its time word)
      let h = at - 2;
      while (
        h > this.s0 &&
        at - h <= 4 &&
        (this.d.words['time-noun'].has(this.norm(h)) ||
          this.pos(h) === 'ADV' ||
          (this.pos(h) === 'VERB' && this.norm(h).endsWith('ed')))
      )
        h--;
      if (this.pos(h) !== 'NOUN') return;
      const np = this.npLeft(h + 1);
      if (np === null || this.allProper(np) || this.change(np[1] - 1) !== null) return;
      if (this.d.words['time-noun'].has(this.norm(np[1] - 1))) return;
      draft.about = this.phrase(...np);
      if (draft.subject === about) draft.subject = draft.about;
      return;
    }
  }

  /**
   * "the strong yen, which cut 55 billion yen off sales": an amount a verb of change down
   * takes off a noun phrase is that phrase's change ("sales cut"), not its subject's.
   */
  private takenOff(draft: Draft): void {
    const { a, e } = draft;
    if (e + 1 >= this.s1 || this.norm(e) !== 'off') return;
    const v = a - 1 - this.qualifierBefore(a)[1];
    if (v <= this.s0 || this.pos(v) !== 'VERB') return;
    const c = this.change(v);
    if (c === null || c.direction !== 'down' || c.label === null) return;
    const np = this.npRight(e + 1);
    if (np === null || this.pos(np[1] - 1) !== 'NOUN' || this.endsInPeriod(np)) return;
    draft.about = `${this.phrase(...np)} ${c.label}`;
    draft.hi = Math.max(draft.hi, np[1]);
  }

  /**
   * "imports of 120,000 tonnes from Japan, followed by Korea with 41,200 tonnes": a figure
   * right after "<name> with" counts what the figure of its unit before it counts, not the name.
   */
  private namedWith(draft: Draft, prev: Draft | null): void {
    if (prev === null || prev.unit !== draft.unit || prev.tabled) return;
    const k = draft.a - 1 - this.qualifierBefore(draft.a)[1];
    if (k - 1 <= this.s0 || this.norm(k) !== 'with' || this.pos(k - 1) !== 'PROPN') return;
    if (draft.about !== null && !draft.about.endsWith(this.norm(k - 1))) return;
    const base = prev.subject ?? prev.about;
    if (base !== null) draft.about = base;
  }

  /**
   * "sales of 210 mln dlrs, above analysts' estimates of 190 mln dlrs": a figure named by the
   * noun of a `forecast` verb of changes.tsv ("estimates", "forecasts", "projections"), after
   * a figure of its unit in the sentence, is a forecast of what that one counts ("sales
   * estimate"); only the plural noun alone or after its owner.
   */
  private forecastOf(draft: Draft, prev: Draft | null): void {
    const about = draft.about;
    if (about === null || prev === null || prev.unit !== draft.unit || prev.tabled) return;
    const base = prev.subject ?? prev.about;
    if (base === null) return;
    // (the plural noun alone or after its owner: "estimates", "analysts' estimates")
    const cut = about.lastIndexOf(' ');
    if (cut >= 0 && !(about.indexOf(' ') === cut && OWNER_WORD.test(about.slice(0, cut)))) return;
    const last = about.slice(cut + 1);
    // ("above expectations of 5 mln", "the consensus of": words.tsv forecast-noun)
    if (this.d.words['forecast-noun'].has(last)) {
      if (!base.includes(ESTIMATE) && !this.d.changes.verb.has(base))
        draft.about = `${base} ${ESTIMATE}`;
      return;
    }
    if (!last.endsWith('s')) return;
    // ("projections", "predictions": the noun of "project", "predict")
    const noun = last.slice(0, -1);
    const c =
      this.d.changes.verb.get(noun) ??
      (noun.endsWith('ion') ? this.d.changes.verb.get(noun.slice(0, -3)) : undefined);
    if (c === undefined || c.direction !== 'forecast' || c.label === null) return;
    if (base.includes(c.label) || this.d.changes.verb.has(base)) return;
    draft.about = `${base} ${c.label}`;
  }

  /**
   * "a loss, 171.2 mln, in 1982": for an amount right after a comma, the noun phrase before the
   * comma when its head is a noun of change (changes.tsv) or a label (labels.tsv), and the
   * amount ends its clause (a comma, the sentence's end or a preposition follows).
   */
  protected restatedChange(a: number, after: number): [number, number] | null {
    const k = a - 1 - this.qualifierBefore(a)[1];
    if (k - 1 <= this.s0 || this.norm(k) !== ',' || this.pos(k - 1) !== 'NOUN') return null;
    let e = after;
    if (e < this.s1 && this.pos(e) !== 'PUNCT' && this.pos(e) !== 'ADP') return null;
    const np = this.npLeft(k);
    if (np === null) return null;
    const c = this.change(np[1] - 1);
    const named = c !== null && c.pos === 'noun' && c.label !== null;
    const label = this.matchForm(this.d.labels, np[0]);
    if (!named && !(label !== null && label[1] === np[1])) return null;
    // ... not a list of figures: "sales, 12 pct, and profits, 5 pct"
    e = np[0] - 1;
    if (e > this.s0 && this.pos(e) === 'DET') e--;
    return e >= this.s0 && this.numTok[e] === 1 ? null : np;
  }

  /**
   * "reserves equal to 5 pct of total loans", "cut repayments to 10 pct of export earnings":
   * the phrase a percentage of something is the share of, named before it, or null.
   */
  protected shareOwner(a: number): [number, number] | null {
    const k = a - 1 - this.qualifierBefore(a)[1];
    if (k - 1 <= this.s0) return null;
    const w = this.norm(k);
    const ok = (np: [number, number] | null): [number, number] | null =>
      np !== null &&
      this.pos(np[1] - 1) === 'NOUN' &&
      this.change(np[1] - 1) === null &&
      !this.endsInPeriod(np) &&
      this.dateTok[np[1] - 1] === 0
        ? np
        : null;
    // "equal to", "equivalent to": an adjective after the noun
    if (w === 'to' && this.pos(k - 1) === 'ADJ' && k - 2 > this.s0) return ok(this.npLeft(k - 1));
    // "cut repayments to 10 pct of": the object of a verb of change
    if (w === 'to' && this.pos(k - 1) === 'NOUN') {
      const np = ok(this.npLeft(k));
      if (np === null) return null;
      let v = np[0] - 1;
      while (v > this.s0 && (this.pos(v) === 'DET' || this.d.words.possessive.has(this.norm(v))))
        v--;
      const c = this.pos(v) === 'VERB' ? this.change(v) : null;
      return c !== null && (c.direction === 'up' || c.direction === 'down') ? np : null;
    }
    return null;
  }

  /**
   * "profit was steady, edging up to", "the index stood at 144.8, showing a rise of": the
   * subject of the nearest verb before the participle at pk set off by a comma (not a verb of
   * saying, "dealers noted"), or null.
   */
  protected commaParticipleSubject(pk: number): [number, number] | null {
    if (
      pk - 1 <= this.s0 ||
      this.pos(pk) !== 'VERB' ||
      !this.norm(pk).endsWith('ing') ||
      this.norm(pk - 1) !== ','
    )
      return null;
    let v0 = pk - 2;
    while (v0 > this.s0 && pk - v0 < 12 && this.pos(v0) !== 'VERB' && this.pos(v0) !== 'AUX') v0--;
    if (v0 <= this.s0 || pk - v0 >= 12) return null;
    if (this.d.changes.verb.get(this.lemma(v0))?.direction === 'ignore') return null;
    const np = this.subjectOf(v0);
    return np !== null && this.pos(np[1] - 1) !== 'PRON' ? np : null;
  }

  /** "a tentatively forecast": "a"/"an" (adverbs between) right before token k. */
  protected articleBefore(k: number): boolean {
    let b = k - 1;
    while (b > this.s0 && k - b < 3 && this.pos(b) === 'ADV') b--;
    const w = b >= this.s0 ? this.norm(b) : '';
    return w === 'a' || w === 'an';
  }

  /**
   * "net income of 12 mln dlrs, or 1.45 dlrs per share": a money amount per unit names what
   * it is per, unless its `about` already does ("price per share", "earnings per share").
   */
  protected perUnitAbout(draft: Draft): void {
    const about = draft.about;
    if (!draft.money || about === null || draft.tabled) return;
    const per = this.perUnitEnd(draft.e);
    if (per === draft.e) {
      // "earnings of 1.20 dlrs a share, down from 42.7 mln dlrs": a figure of thousands that
      // took a per-unit neighbour's `about` is no amount per unit
      const at = about.lastIndexOf(' per ');
      if (at > 0 && (draft.expr.value ?? 0) >= 10000) draft.about = about.slice(0, at);
      return;
    }
    if (this.d.words['time-noun'].has(this.norm(per - 1))) return;
    if (about.startsWith('price') || about.startsWith('per ') || about.includes(' per ')) return;
    // "87.50 dlrs per preferred share": `about` read the unit's own noun
    const tail = per < this.s1 && this.pos(per) === 'NOUN' ? this.npRight(per) : null;
    if (tail !== null && tail[1] - tail[0] === 1 && about === this.phrase(...tail)) {
      draft.about = `${PRICE} per ${this.phrase(per - 1, tail[1])}`;
      return;
    }
    // ("6 cts a share" is not "common shares per share")
    // ("per lb.": the abbreviation's full stop is not part of the unit)
    const raw = this.phrase(per - 1, per);
    const w = raw.endsWith('.') ? raw.slice(0, -1) : raw;
    const lemma = this.lemma(per - 1);
    const unit = w === `${lemma}s` ? lemma : w;
    if (about.endsWith(unit) || about.endsWith(`${unit}s`)) return;
    draft.about = `${about} per ${unit}`;
  }

  /**
   * "owns 12 pct of the company", "of Shell Canada", "of Metex common stock": a whole a
   * holder has a stake in (a name, a security, or "the" and one singular noun), not "of the
   * slaughtered pigs" or "of their capital".
   */
  protected ownedWhole(np: [number, number]): boolean {
    const head = this.norm(np[1] - 1);
    if (this.d.words.security.has(head)) return true;
    for (let i = np[0]; i < np[1]; i++) if (this.pos(i) === 'PROPN') return true;
    return (
      np[1] - np[0] === 1 &&
      np[0] > this.s0 &&
      this.norm(np[0] - 1) === 'the' &&
      this.pos(np[0]) === 'NOUN' &&
      !head.endsWith('s')
    );
  }

  /**
   * "Coal accounts for 60 pct of the power", "oil, which made up 55 pct of exports", "40 pct
   * of voters": a percentage "of" a whole (np, not a stake or a ratio's base) is a share of it,
   * "<part> share of <whole>" when it is the object of a `share-verb` (words.tsv) with a noun
   * subject, and "share of <whole>" otherwise; null after a verb of change ("lost 30 pct of its
   * value": the whole is what changed) or when no whole is named. Shares of a security's
   * holders ("shares which represent 31 pct of its stock") are a stake. Returns `about` and
   * the span it was read from.
   */
  protected shareOf(
    draft: Draft,
    a: number,
    np: [number, number],
  ): [string, number, number] | null {
    if (draft.unit !== 'percent') return null;
    const whole = this.ofTail(np) ?? np;
    // "acquire the remaining 60 pct of Tarxien", "5 pct of Hutton's stock": a share of a company
    // or of its stock is a stake (not of a people: "40 pct of Americans approved")
    const head = this.lemma(np[1] - 1);
    if (
      (this.pos(np[1] - 1) === 'PROPN' && !this.demonymAt(np[1] - 1)) ||
      head === 'share' ||
      head === 'stock' ||
      head === 'common'
    )
      return [STAKE, a, np[1]];
    const text = this.phrase(...whole);
    let k = a - 1 - this.qualifierBefore(a)[1];
    while (k > this.s0 && this.pos(k) === 'ADV') k--;
    // "accounts for", "made up": over the verb's particle or preposition
    let v = k;
    const particle = v > this.s0 && (this.norm(v) === 'for' || this.norm(v) === 'up');
    if (particle) v--;
    while (v > this.s0 && this.pos(v) === 'ADV') v--;
    // ("Coal accounts for": a verb before its particle the tagger read as a noun)
    const verb =
      this.pos(v) === 'VERB' ||
      this.pos(v) === 'AUX' ||
      (particle && this.d.words['share-verb'].has(this.lemma(v)));
    if (v >= this.s0 && verb) {
      const c = this.change(v);
      if (c !== null && (c.direction === 'up' || c.direction === 'down')) return null;
      if (this.d.words['share-verb'].has(this.lemma(v))) {
        const subj = this.subjectOf(v);
        if (subj !== null && this.pos(subj[1] - 1) !== 'PRON') {
          // ("the shares, which represent 31 pct of its stock": a holding)
          const head = this.lemma(subj[1] - 1);
          if (head === 'share' || this.d.words.security.has(this.norm(subj[1] - 1)))
            return [STAKE, subj[0], whole[1]];
          return [`${this.subjectText(subj)} share of ${text}`, Math.min(subj[0], a), whole[1]];
        }
      }
    }
    return [`share of ${text}`, a, whole[1]];
  }

  /**
   * "Swire's share of Cathay fell to 54 pct": a percentage whose `about` is a bare "share" or
   * "stake" read from "<holder>'s share of <whole>" names both ("swire share of cathay").
   */
  protected holderShare(draft: Draft): void {
    if (draft.unit !== 'percent' || draft.about === null) return;
    const word = draft.about.startsWith('share of ') ? 'share' : draft.about;
    if (word !== 'share' && word !== 'stake') return;
    for (let i = Math.max(draft.lo, this.s0 + 2); i + 1 < draft.a; i++) {
      if (this.norm(i) !== word || this.norm(i + 1) !== 'of' || this.norm(i - 1) !== "'s") continue;
      const holder = this.npLeft(i - 1);
      const whole = this.npRight(i + 2);
      if (holder === null || whole === null || whole[1] > draft.a) return;
      draft.about = `${this.phrase(...holder)} ${word} of ${this.phrase(...whole)}`;
      return;
    }
  }

  /**
   * "a dividend of 145 francs per share and 29 francs per certificate": money per another unit
   * listed right after a per-unit amount is the same measure per its own unit, not a price.
   */
  protected listedPerUnit(draft: Draft, prev: Draft | null): void {
    const about = draft.about;
    if (prev === null || about === null || !about.startsWith(`${PRICE} per `)) return;
    const at = prev.about?.lastIndexOf(' per ') ?? -1;
    if (!prev.money || prev.unit !== draft.unit || at <= 0 || prev.about?.startsWith(PRICE)) return;
    const gap = draft.a - Math.max(prev.e, this.perUnitEnd(prev.e));
    const link = draft.a - 1 >= this.s0 ? this.norm(draft.a - 1) : '';
    if (gap !== 1 || (link !== 'and' && link !== ',')) return;
    draft.about = `${(prev.about as string).slice(0, at)}${about.slice(PRICE.length)}`;
  }

  /**
   * "prices of 1.50 dlrs per thousand cubic feet will need to rise to three dlrs": money whose
   * `about` is the unit the previous money was per measures what that one measures.
   */
  protected perUnitNeighbour(draft: Draft, prev: Draft | null): void {
    const about = draft.about;
    if (prev === null || about === null || !draft.money || !prev.money || prev.about === null)
      return;
    const w = prev.e < this.s1 ? this.norm(prev.e) : '';
    if (w !== 'per' && w !== 'a') return;
    let i = prev.e + 1;
    while (i < draft.a && (this.numTok[i] === 1 || this.pos(i) === 'NUM')) i++;
    for (let j = i + 1; j <= Math.min(i + 3, draft.a); j++) {
      if (this.phrase(i, j).toLowerCase() !== about.toLowerCase()) continue;
      const at = prev.about.lastIndexOf(' per ');
      draft.about = at > 0 ? prev.about.slice(0, at) : prev.about;
      return;
    }
  }

  /** "in the cost of living": a phrase with its "of" phrase (a gerund too), else as given. */
  protected ofTail(pp: [number, number] | null): [number, number] | null {
    if (pp === null || pp[1] + 1 >= this.s1 || this.norm(pp[1]) !== 'of') return pp;
    const k = pp[1] + 1;
    const gerund = this.pos(k) === 'VERB' && this.norm(k).endsWith('ing');
    const np = this.npRight(k) ?? (gerund ? ([k, k + 1] as [number, number]) : null);
    if (np === null || this.periodPhrase(np)) return pp;
    return [pp[0], np[1]];
  }

  /** A noun of change after the amount at e with its own phrase ("a 5 pct rise in prices"). */
  protected ownChange(e: number): boolean {
    const ce = e < this.s1 ? this.pastTimeWords(e) : e;
    if (ce >= this.s1 || this.pos(ce) !== 'NOUN') return false;
    const c = this.change(ce);
    return c !== null && c.label !== null && this.ppAfter(ce + 1) !== null;
  }

  /** "the market's worst-ever fall": the noun phrase owning the modifiers before token j. */
  protected possessorBefore(j: number): [number, number] | null {
    let k = j - 1;
    while (
      k > this.s0 &&
      j - k < 5 &&
      (this.pos(k) === 'ADJ' || this.pos(k) === 'ADV' || this.norm(k) === '-')
    )
      k--;
    if (k <= this.s0 || this.norm(k) !== "'s") return null;
    const np = this.npLeft(k);
    return np !== null && this.pos(np[1] - 1) !== 'PRON' ? np : null;
  }

  /** "car production through March was 8,647 vehicles": a count right after a noun's "be". */
  protected afterBe(a: number): boolean {
    const k = a - 1 - this.qualifierBefore(a)[1];
    return (
      k - 1 > this.s0 &&
      this.pos(k) === 'AUX' &&
      this.lemma(k) === 'be' &&
      /^(NOUN|PROPN|NUM)$/.test(this.pos(k - 1))
    );
  }

  /**
   * "were down 5 pct to 1,005,000 units from 1,058,000 units": a count after "from" that pairs
   * with the amount before it, in the same unit, whose subject was found.
   */
  protected pairedFrom(a: number, prev: Draft | null): boolean {
    const k = a - 1 - this.qualifierBefore(a)[1];
    return (
      prev !== null &&
      prev.subject !== null &&
      k > this.s0 &&
      this.norm(k) === 'from' &&
      this.pairedAfter(prev.e, k)
    );
  }

  /**
   * The phrase after "of" that names what a money amount is: "400 mln dlrs of 13-week
   * notes" (a leading duration is part of it). Not a date or period ("of 1986", "of last
   * year"), a relative clause ("of which") or a whole the amount is part of ("of the total").
   */
  protected moneyOf(draft: Draft): [number, number] | null {
    const { e } = draft;
    if (!draft.money || e + 1 >= this.s1 || this.norm(e) !== 'of') return null;
    let from = e + 1;
    while (from < this.s1 && from - e <= 3 && this.dateTok[from] === 1) from++;
    const np = this.npRight(from);
    if (np === null) {
      // "6.1 mln dlrs of the 10-3/4 pct debentures": over the securities' coupon
      let k = from;
      if (k < this.s1 && (this.pos(k) === 'DET' || this.d.words.possessive.has(this.norm(k)))) k++;
      if (k >= this.s1 || this.numTok[k] === 0) return null;
      while (k < this.s1 && k - from < 6 && this.numTok[k] === 1) k++;
      return this.securityAt(k);
    }
    if (this.pos(np[1] - 1) !== 'NOUN') return null;
    const head = this.norm(np[1] - 1);
    if (this.d.words['time-noun'].has(head) || this.change(np[1] - 1)?.direction === 'level')
      return null;
    return [from > e + 1 ? e + 1 : np[0], np[1]];
  }

  /**
   * Sets draft.about (and its token range) from the syntax around the amount; an amount
   * left without one that only lists a further figure ("26 pct of the bonds ... and 74 pct
   * by banks", "13 pct this year and five pct in 1988") counts what the previous one does.
   */
  protected aboutOf(draft: Draft, prev: Draft | null): void {
    this.aboutFrom(draft, prev);
    this.classNoun(draft, prev);
    this.givenMoney(draft);
    if (draft.about === null && this.percentOwn(draft)) return;
    if (draft.about === null) this.listedAfter(draft, prev);
    if (draft.about === null) this.clauseAbout(draft, prev);
    // "Exports rose 4 pct and he forecasts a rise of two pct": a bare noun of change is a change
    // of what the previous amount of the sentence counted
    const bare = draft.about === null ? undefined : this.d.changes.noun.get(draft.about);
    if (
      bare !== undefined &&
      (bare.direction === 'up' || bare.direction === 'down') &&
      prev !== null &&
      prev.subject !== null &&
      !prev.tabled &&
      // (of a change: "exports rise", not the level of "losses were 10 mln ... a gain of")
      prev.about !== null &&
      prev.about.startsWith(`${prev.subject} `) &&
      this.d.changes.noun.get(prev.about.slice(prev.subject.length + 1)) !== undefined &&
      this.d.changes.noun.get(prev.subject) === undefined
    ) {
      draft.about = `${prev.subject} ${draft.about}`;
    }
    // "hopes it would soon reach 480 dlrs an ounce": money per unit no phrase names is a price
    // (not ", or 14 cts per share, posted": a restated figure)
    const k = draft.a - 1 - this.qualifierBefore(draft.a)[1];
    const restates = k > this.s0 && this.norm(k) === 'or' && this.norm(k - 1) === ',';
    if (draft.about === null && draft.money && !draft.tabled && !restates) {
      const per = this.perUnitEnd(draft.e);
      if (per > draft.e && !this.d.words['time-noun'].has(this.norm(per - 1))) {
        draft.about = `${PRICE} per ${this.phrase(per - 1, per)}`;
        draft.hi = Math.max(draft.hi, per);
      }
    }
    this.recipientNoun(draft);
    this.namedWith(draft, prev);
    this.forecastOf(draft, prev);
    this.takenOff(draft);
    this.boundReference(draft);
    this.passiveObject(draft);
    this.seeThrough(draft, prev);
    this.adjectiveHead(draft);
    this.cutFrom(draft);
    this.rangeOfClause(draft, prev);
    this.nounBeforeChange(draft, prev);
    this.adverbOpensNoun(draft);
  }

  /**
   * "made five pct more new loans", "expects 20 pct lower prices": a percentage read with the
   * noun phrase after it, when that phrase opens with an adverb of change, is the change of
   * the rest of the phrase ("new loans rise"), not a thing called "more new loans".
   */
  private adverbOpensNoun(draft: Draft): void {
    const { about, e } = draft;
    if (about === null || draft.unit !== 'percent' || e + 1 >= this.s1) return;
    const word = this.norm(e);
    const c = this.d.changes.adverb.get(word);
    if (c === undefined || c.label === null || (c.direction !== 'up' && c.direction !== 'down'))
      return;
    if (!about.startsWith(`${word} `) || this.pos(e + 1) === 'ADP') return;
    const rest = about.slice(word.length + 1);
    draft.subject = rest;
    draft.about = `${rest} ${c.label}`;
  }

  /**
   * "deposits at banks, up 7.4 pct to 337.9 billion yen, savings, up 18.6 pct": a change
   * adverb after a comma, with nothing else found, is a change of the noun phrase before the
   * comma (over its "of" or prepositional phrase); that phrase is its subject, which the level
   * after "to" shares.
   */
  private nounBeforeChange(draft: Draft, prev: Draft | null): void {
    if (draft.tabled) return;
    const k = draft.a - 1 - this.qualifierBefore(draft.a)[1];
    // (a figure that took the previous one's subject over the comma has a phrase of its own
    // when one stands between them: "..., savings, up 18.6 pct")
    if (draft.about !== null && (prev === null || draft.subject !== prev.subject)) return;
    if (k - 2 <= this.s0 || this.norm(k - 1) !== ',') return;
    const c = this.d.changes.adverb.get(this.norm(k));
    if (c === undefined || c.label === null || (c.direction !== 'up' && c.direction !== 'down'))
      return;
    let np = this.npLeft(k - 1);
    if (np === null || np[1] !== k - 1 || this.numTok[np[1] - 1] === 1) return;
    if (draft.about !== null && prev !== null && np[0] < prev.e) return;
    for (let guard = 0; guard < 2; guard++) {
      let b = np[0] - 1;
      while (b > this.s0 && this.pos(b) === 'DET') b--;
      const w = b > this.s0 ? this.norm(b) : '';
      if (!(w === 'of' || (this.pos(b) === 'ADP' && this.d.words['phrase-prep'].has(w)))) break;
      const head = this.npLeft(b);
      // (a capital opening the sentence may be read as a name: "Imports of machinery")
      const opening = head !== null && head[0] === this.s0 && head[1] - head[0] === 1;
      if (head === null || (this.allProper(head) && !opening)) break;
      np = [head[0], np[1]];
    }
    if (this.allProper(np) || this.periodPhrase(np) || this.endsInPeriod(np)) return;
    // (a list's item, not the object of a preposition: "were 383.3 mln at the end of February,")
    let b = np[0] - 1;
    while (b > this.s0 && this.pos(b) === 'DET') b--;
    if (b >= this.s0 && this.pos(b) === 'ADP') return;
    draft.subject = this.subjectText(np);
    draft.about = `${draft.subject} ${c.label}`;
    draft.lo = Math.min(draft.lo, np[0]);
  }

  /**
   * "will be in the range of 1.2 to 5.2 billion dlrs", "estimates, which range from five dlrs":
   * a range names no thing measured; the clause says what ranges (its subject), when it does.
   */
  private rangeOfClause(draft: Draft, prev: Draft | null): void {
    const about = draft.about;
    if (about !== RANGE && about !== `${RANGE}s`) return;
    draft.about = null;
    this.clauseAbout(draft, prev);
    // ... else, in a clause with no subject of its own ("and probably will continue in a
    // range between"), what the figure before it measured
    if (draft.about === null && prev !== null && prev.subject !== null) draft.about = prev.subject;
    if (draft.about === null) draft.about = about;
  }

  /** The common noun phrase of a "for" at token e ("for homeless aid"), not a name's. */
  private commonFor(e: number): [number, number] | null {
    if (e + 1 >= this.s1 || this.norm(e) !== 'for') return null;
    const np = this.npRight(e + 1);
    if (np === null || this.allProper(np) || this.periodPhrase(np) || this.endsInPeriod(np))
      return null;
    return this.dateTok[np[1] - 1] === 0 ? np : null;
  }

  /**
   * The amount follows the previous one, of its unit and with an `about`, in a list
   * (", 16 mln dlrs", "and six mln dlrs").
   */
  protected followsInList(draft: Draft, prev: Draft | null): boolean {
    if (prev === null || prev.about === null || prev.unit !== draft.unit) return false;
    const k = draft.a - 1 - this.qualifierBefore(draft.a)[1];
    return k > prev.e && (this.norm(k) === ',' || this.norm(k) === 'and');
  }

  /**
   * "agreed to cut 1.6 billion dlrs from the farm budget": money a `take-verb` (words.tsv) of
   * cut takes "from" a thing is a cut of that thing ("farm budget cut"), not of the verb's
   * subject; likewise money one of rise adds "to" a thing ("added 2 billion dlrs to the
   * deficit" → "deficit gain").
   */
  private cutFrom(draft: Draft): void {
    const { a, e } = draft;
    if (!(draft.money || draft.unit === null) || draft.tabled) return;
    const v = a - 1 - this.qualifierBefore(a)[1];
    if (v <= this.s0 || this.pos(v) !== 'VERB' || !this.d.words['take-verb'].has(this.lemma(v)))
      return;
    const c = this.change(v);
    if (c === null || c.label === null) return;
    const j = this.perUnitEnd(e);
    if (j + 1 >= this.s1) return;
    const w = this.norm(j);
    if (!((c.direction === 'down' && w === 'from') || (c.direction === 'up' && w === 'to'))) return;
    if (draft.about !== null && draft.about !== c.label && !draft.about.endsWith(` ${c.label}`))
      return;
    const np = this.npRight(j + 1);
    if (np === null || this.allProper(np) || this.periodPhrase(np) || this.endsInPeriod(np)) return;
    for (let k = np[0]; k < np[1]; k++) if (this.numTok[k] === 1 || this.dateTok[k] === 1) return;
    draft.about = `${this.subjectText(np)} ${c.label}`;
    draft.hi = Math.max(draft.hi, np[1]);
  }

  /**
   * "a 250,000 dlr fine", "today's 966 yen close": after an article or a possessive, the word
   * an amount modifies is a noun even when the tagger read it as an adjective, if nothing
   * follows it in its phrase (a punctuation mark, a preposition or a conjunction); as with a
   * noun the amount modifies, it says what the amount is before the clause does ("pay a
   * 75,000 dlr fine" is no bare payment).
   */
  private adjectiveHead(draft: Draft): void {
    if (draft.tabled) return;
    if (!(draft.money || draft.unit === 'percent' || draft.unitEntry?.kind === 'measure')) return;
    const j = this.perUnitEnd(draft.e);
    if (j >= this.s1 || this.pos(j) !== 'ADJ' || this.change(j) !== null) return;
    // (not the first part of a hyphened modifier: "its 2.15 billion dlr new-money need")
    if (/(?:er|est)$/.test(this.norm(j)) || this.hyphenNext(j)) return;
    const next = j + 1 < this.s1 ? this.pos(j + 1) : 'PUNCT';
    if (!/^(?:PUNCT|ADP|CCONJ)$/.test(next)) return;
    const lead = draft.a - 1 - this.qualifierBefore(draft.a)[1];
    if (lead < this.s0) return;
    const w = this.norm(lead);
    const own = w === 'a' || w === 'an' || w === "'s" || this.d.words.possessive.has(w);
    // ... "the 966 yen close": after "the" only money
    if (!(own || (w === 'the' && draft.money))) return;
    draft.about = this.phrase(j, j + 1);
    draft.hi = Math.max(draft.hi, j + 1);
  }

  /** "26 pct of the bonds ... and 74 pct by banks": a further figure of the previous one's list. */
  protected listedAfter(draft: Draft, prev: Draft | null): void {
    if (prev === null || !this.followsInList(draft, prev)) return;
    // ... with no clause of its own after it ("and 74 pct came from banks" has one)
    for (let i = draft.e; i < this.s1 && i - draft.e < 8; i++) {
      const p = this.pos(i);
      if (p === 'VERB' || p === 'AUX') return;
      if (p === 'PUNCT' || this.norm(i) === 'and') break;
    }
    draft.subject = prev.subject;
    draft.about = prev.about;
  }

  /** A percentage's own words after it: "its 25 pct owned affiliate", "5/8 pct for underwriting". */
  protected percentOwn(draft: Draft): boolean {
    const { e } = draft;
    if (draft.unit !== 'percent') return false;
    // "its 25 pct owned affiliate", "35 pct-owned by Helm": a share owned or held is a stake
    const o = e < this.s1 && this.norm(e) === '-' ? e + 1 : e;
    const held = o < this.s1 && this.pos(o) === 'VERB' ? this.change(o) : null;
    if (held !== null && (held.label === STAKE || held.label === HOLDINGS)) {
      draft.about = STAKE;
      return true;
    }
    // "1-1/4 pct for selling and 5/8 pct for management and underwriting": what it is paid for
    if (e + 1 < this.s1 && this.norm(e) === 'for') {
      const gerund = this.pos(e + 1) === 'VERB' && this.norm(e + 1).endsWith('ing');
      let np = this.npRight(e + 1) ?? (gerund ? ([e + 1, e + 2] as [number, number]) : null);
      // ("for the U.S. Japan's beef subsidy": never a phrase past a possessive)
      if (np !== null && np[0] > e + 2) np = null;
      if (
        np !== null &&
        !this.periodPhrase(np) &&
        this.dateTok[np[1] - 1] === 0 &&
        !this.allProper(np)
      ) {
        draft.about = this.phrase(...np);
        return true;
      }
    }
    return false;
  }

  /**
   * When no rule said what an amount counts: the clause that holds it. The nearest verb before
   * the amount (no punctuation or subordinate clause between) names it through its common-noun
   * subject ("the gold index passed its record close by 73.6 points" → "gold index", "foreign
   * trade knocked off 0.3 point"), else its common-noun object before the amount; a verb of
   * change adds its label ("housing starts fell 2.7 pct" → "housing starts fall") unless the
   * amount is the level reached ("to", "at", "from").
   */
  protected clauseAbout(draft: Draft, prev: Draft | null): void {
    const { a, e } = draft;
    if (draft.unit === 'percent' && this.termRate(draft)) return;
    const at = a - 1 - this.qualifierBefore(a)[1];
    // "bought 210 mln stg of bank bills in band two at 9-3/4 pct": a percentage at which money
    // changed hands is its rate (a price near par: "sold 50 mln dlrs of notes at 98.5 pct")
    if (
      draft.unit === 'percent' &&
      at > this.s0 &&
      this.norm(at) === 'at' &&
      prev !== null &&
      prev.money &&
      prev.about !== null &&
      !prev.tabled
    ) {
      draft.about = `${prev.about} ${(draft.expr.value ?? 0) < 50 ? RATE : PRICE}`;
      return;
    }
    const adverb = e < this.s1 ? this.d.changes.adverb.get(this.norm(e)) : undefined;
    // "insolvencies totalled 1,099 in January, 0.7 pct less than a year earlier": a figure set
    // off by a comma and followed by an adverb of change compares the clause's subject
    if (adverb !== undefined && adverb.label !== null && at > this.s0 && this.norm(at) === ',') {
      const subj = this.appositiveSubject(a - this.qualifierBefore(a)[1]);
      // (a plural opening the sentence may be read as a name: "Insolvencies totalled")
      if (subj !== null && (this.pos(subj[1] - 1) === 'NOUN' || this.openingNoun(subj))) {
        draft.subject = this.subjectText(subj);
        draft.about = `${draft.subject} ${adverb.label}`;
        return;
      }
    }
    let v = at;
    let joined = false;
    for (; v > this.s0 && a - v <= 16; v--) {
      const p = this.pos(v);
      if (p === 'VERB' || p === 'AUX' || this.taggedVerb(v)) break;
      const w = this.norm(v);
      const owner = this.d.words.possessive.has(w);
      if ((p === 'PUNCT' && w !== '-' && w !== "'") || p === 'SCONJ' || (p === 'PRON' && !owner))
        return;
      // ("offering 100 mln dlrs of notes yielding 7.28 pct": a verb before another amount is
      // that one's, unless the two are joined: "rose 15 pct to 101 mln and 13 pct to 190 mln")
      if (p === 'CCONJ') joined = true;
      if (this.numTok[v] === 1 && !this.yearAt(v) && !joined) return;
    }
    const pv = v > this.s0 ? this.pos(v) : '';
    if (!(pv === 'VERB' || pv === 'AUX' || this.taggedVerb(v))) return;
    let c =
      pv === 'VERB'
        ? this.change(v)
        : (this.d.changes.verb.get(this.lemma(v)) ?? this.d.changes.verb.get(this.norm(v)) ?? null);
    // "reported pretax profits sharply higher at 88.1 mln": the verb's object, then an adverb
    // of change right before the amount's preposition, is what the amount measures
    const moved = at - 1 > v + 1 ? this.d.changes.adverb.get(this.norm(at - 1)) : undefined;
    if (moved !== undefined && moved.label !== null && /^(ADP|ADV)$/.test(this.pos(at))) {
      let k = at - 1;
      while (k - 1 > v && this.pos(k - 1) === 'ADV') k--;
      const o = this.npLeft(k);
      if (
        o !== null &&
        this.pos(o[1] - 1) === 'NOUN' &&
        this.onlyAdverbs(v + 1, o[0]) &&
        this.casualtyOfSubject(o) === null
      ) {
        const prep = this.norm(at);
        const level = this.levelPrep(prep);
        draft.subject = this.subjectText(o);
        draft.about = level ? draft.subject : `${draft.subject} ${moved.label}`;
        draft.lo = Math.min(draft.lo, o[0]);
        return;
      }
    }
    if (c !== null && c.direction === 'ignore') return;
    // "would go up 52 pct": an adverb of change after the verb
    if ((c === null || c.direction === 'level') && v + 1 <= at)
      c = this.d.changes.adverb.get(this.norm(v + 1)) ?? c;
    const named = (np: [number, number] | null): np is [number, number] =>
      np !== null &&
      (this.pos(np[1] - 1) === 'NOUN' || this.openingNoun(np)) &&
      (!this.allProper(np) || this.openingNoun(np)) &&
      !this.endsInPeriod(np) &&
      this.dateTok[np[1] - 1] === 0 &&
      this.numTok[np[1] - 1] === 0 &&
      // ("30,000 tonnes compared with": never the unit words of an amount)
      !(np[0] > this.s0 && this.numTok[np[0] - 1] === 1) &&
      this.casualtyOfSubject(np) === null;
    // the token before the verb's auxiliaries and adverbs
    let u = v - 1;
    while (u > this.s0 && /^(AUX|ADV|PART)$/.test(this.pos(u))) u--;
    let subj = this.subjectOf(v);
    if (subj === null) {
      // "was seen reaching", "may reach or exceed": the subject of the verb it follows
      let w = u;
      if (w > this.s0 && this.pos(w) === 'CCONJ' && this.pos(w - 1) === 'VERB') w--;
      if (w > this.s0 && this.pos(w) === 'VERB') subj = this.subjectOf(w);
    }
    // "Reserves rose to 52.1 billion dlrs. This was 4.2 pct up": a demonstrative opening the
    // sentence stands for what the previous sentence's last amount counted
    // (a verb of change or level with no object of its own: "This brought exports to" has one)
    const last = this.lastDraft;
    if (
      subj === null &&
      u === this.s0 &&
      this.pos(u) === 'PRON' &&
      !this.d.words.possessive.has(this.norm(u)) &&
      c !== null &&
      c.direction !== 'object' &&
      this.npRight(v + 1) === null &&
      this.onlyAdverbs(v + 1, at + 1) &&
      last !== null &&
      last.subject !== null
    ) {
      const prep = this.norm(at);
      const level = this.levelPrep(prep);
      const after = e < this.s1 ? this.d.changes.adverb.get(this.norm(e)) : undefined;
      const change = c.direction === 'up' || c.direction === 'down' ? c.label : after?.label;
      draft.subject = last.subject;
      draft.about =
        change === null || change === undefined || level
          ? last.subject
          : `${last.subject} ${change}`;
      return;
    }
    let np: [number, number] | null = null;
    // ("the group will redeem ... for 41.5 mln dlrs": the payer is not what money counts)
    const payer = c !== null && c.direction === 'object';
    if (named(subj) && !payer) np = subj;
    else {
      const o = v + 1 < at ? this.npRight(v + 1) : null;
      if (named(o) && this.onlyPhrase(o[1], at + 1)) np = o;
    }
    // ... not "1-1/4 pct for selling": a gerund after a preposition names an activity
    const gerund = this.norm(v).endsWith('ing') && /^(ADP|SCONJ)$/.test(this.pos(v - 1));
    if (np === null && payer && c !== null && c.label !== null && !gerund) {
      // "will redeem the debentures ... for 41.5 mln dlrs": the verb's label
      draft.about = c.label;
      return;
    }
    if (np === null) return;
    const text = this.subjectText(np);
    draft.subject = text;
    const prep = this.norm(at);
    const level = this.levelPrep(prep);
    const label =
      c !== null && (c.direction === 'up' || c.direction === 'down') && !level ? c.label : null;
    draft.about = label === null ? text : `${text} ${label}`;
    draft.lo = Math.min(draft.lo, np[0]);
    draft.hi = Math.max(draft.hi, e);
  }

  /** The verb at v has a subject on its own line ("Last paid 1.10 dlrs" has none). */
  protected payerOnLine(v: number): boolean {
    const subj = this.subjectOf(v);
    if (subj === null) return false;
    for (let i = subj[1]; i <= v; i++) if (this.lineBreakBefore(i)) return false;
    return true;
  }

  /** Tokens [from, to) are prepositions, adverbs and adjectives ("up only slightly at"). */
  protected onlyAdverbs(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (!/^(ADP|ADV|ADJ|DET)$/.test(this.pos(i))) return false;
    return true;
  }

  /**
   * "30-69 days 5.10 pct", "Over 270 days 4.15 pct": a line of a rate table headed only by the
   * term is the rate for that term, named by the table's heading when a line before ends with
   * a colon after a rate ("Treasury bill rates set today:" -> "treasury bill rates 30-69 days").
   */
  protected termRate(draft: Draft): boolean {
    const { a, e } = draft;
    const end = a - this.qualifierBefore(a)[1];
    let lo = end;
    while (lo > this.s0 && end - lo < 8 && !this.lineBreakBefore(lo)) lo--;
    if (lo === end || !this.lineBreakBefore(lo)) return false;
    let term = false;
    for (let i = lo; i < end; i++) {
      const w = this.norm(i);
      const time = this.d.words['time-noun'].has(w);
      term ||= time;
      // ("Over 270 days": a word bounding the term opens the line)
      const bound = i === lo && /^(ADP|ADV|ADJ)$/.test(this.pos(i));
      if (!(time || bound || this.pos(i) === 'NUM' || w === '-' || this.dateTok[i] === 1))
        return false;
    }
    if (!term) return false;
    // ... the line ends with the rate (or a previous figure in brackets)
    for (let i = e; i < this.n && !this.lineBreakBefore(i); i++)
      if (!(this.pos(i) === 'PUNCT' || this.pos(i) === 'NUM')) return false;
    const span = this.phrase(lo, end);
    let heading = 'rate';
    for (let i = lo - 1; i >= 0 && lo - i < 80; i--) {
      if (this.norm(i) !== ':' || !(i + 1 >= this.n || this.lineBreakBefore(i + 1))) continue;
      let h = i;
      while (h > 0 && i - h < 12 && !this.lineBreakBefore(h)) h--;
      const np = this.npRightIn(h, i);
      const head = np === null ? '' : this.norm(np[1] - 1);
      const rate = this.d.words['rate-noun'];
      if (np !== null && (rate.has(head) || rate.has(head.replace(/s$/, ''))))
        heading = this.phrase(...np);
      break;
    }
    draft.about = `${heading} ${span}`;
    draft.lo = Math.min(draft.lo, lo);
    return true;
  }

  /** The noun phrase of nouns and adjectives from token lo, before token hi. */
  protected npRightIn(lo: number, hi: number): [number, number] | null {
    let i = lo;
    while (i < hi && this.pos(i) === 'DET') i++;
    let j = i;
    while (j < hi && NP_POS.has(this.pos(j))) j++;
    return j > i ? [i, j] : null;
  }

  /** Token j ends the object of a verb of change ("raised the quarterly dividend"). */
  protected changedObject(j: number): boolean {
    if (j <= this.s0 || this.pos(j) !== 'NOUN') return false;
    const np = this.npLeft(j + 1);
    if (np === null) return false;
    let v = np[0] - 1;
    while (v > this.s0 && (this.pos(v) === 'DET' || this.d.words.possessive.has(this.norm(v)))) v--;
    const c = v >= this.s0 && this.pos(v) === 'VERB' ? this.change(v) : null;
    return c !== null && (c.direction === 'up' || c.direction === 'down');
  }

  /**
   * "save travellers between 20 and 60 dlrs", "bring the province some 300 mln dlrs": the
   * phrase is a verb's first object, so money after it is what that object gets, not the phrase.
   */
  protected afterVerb(np: [number, number]): boolean {
    let k = np[0] - 1;
    if (k > this.s0 && (this.pos(k) === 'DET' || this.d.words.possessive.has(this.norm(k)))) k--;
    return (
      k > this.s0 && this.pos(k) === 'VERB' && this.d.words['double-object'].has(this.lemma(k))
    );
  }

  /** "Exports were ...": one capitalised word opening the sentence that names no actor. */
  protected openingNoun(np: [number, number]): boolean {
    if (np[0] !== this.s0 || np[1] - np[0] !== 1 || this.pos(np[0]) !== 'PROPN') return false;
    // ... a plural ("Orders", "Exports"), not a name ("Campeau acquired")
    if (!/[^s]s$/.test(this.norm(np[0]))) return false;
    const at = this.startOf(np[0]);
    for (const x of this.input.entities) if (x.start <= at && at < x.end) return false;
    return true;
  }

  /**
   * A verb of changes.tsv the tagger read as an adjective after an auxiliary ("will slow to"), or
   * as a plural noun after a noun and before a linking preposition ("the class amounts to").
   */
  protected taggedVerb(v: number): boolean {
    if (v <= this.s0 || v + 1 >= this.s1) return false;
    const p = this.pos(v);
    if (p === 'ADJ') return this.pos(v - 1) === 'AUX' && this.d.changes.verb.has(this.norm(v));
    return (
      p === 'NOUN' &&
      /[^s]s$/.test(this.norm(v)) &&
      this.pos(v - 1) === 'NOUN' &&
      this.d.words['link-prep'].has(this.norm(v + 1)) &&
      this.d.changes.verb.has(this.lemma(v))
    );
  }

  /** The rules of aboutOf, in order. */
  /**
   * "rates as low as 6.10 pct": the noun phrase right before "as <adjective> as" the amount
   * (with its "for"/"of" phrase: "room for manoeuvre"), or null.
   */
  protected asCompared(a: number): [number, number] | null {
    const at = a - 1 - this.qualifierBefore(a)[1];
    if (at - 3 < this.s0 || this.norm(at) !== 'as' || this.norm(at - 2) !== 'as') return null;
    if (!/^(ADJ|ADV)$/.test(this.pos(at - 1))) return null;
    const np = this.npLeft(at - 2);
    if (np === null || this.pos(np[1] - 1) !== 'NOUN' || this.dateTok[np[1] - 1] === 1) return null;
    const w = np[0] - 1 > this.s0 ? this.norm(np[0] - 1) : '';
    if ((w === 'for' || w === 'of') && this.pos(np[0] - 2) === 'NOUN') {
      const head = this.npLeft(np[0] - 1);
      if (head !== null) return [head[0], np[1]];
    }
    return np;
  }

  /**
   * The security a small percentage is the coupon of, written right after it ("8-1/2 pct
   * notes due 1995", "7.25 pct Treasury stock"), or set off by commas with it ("150 mln
   * guilders, 7.25 pct, eight-year bonds"): the phrase from its first word to the security
   * noun that heads it, or null.
   */
  protected securityAfter(draft: Draft): [number, number] | null {
    const { a, e } = draft;
    if (draft.unit !== 'percent' || (draft.expr.value ?? 100) >= 20 || e >= this.s1) return null;
    let k = e;
    if (this.norm(k) === ',') {
      const before = a - 1 - this.qualifierBefore(a)[1];
      if (before <= this.s0 || this.norm(before) !== ',') return null;
      k++;
    }
    return this.securityAt(k);
  }

  /** A phrase from token `lo` headed by a security noun within 7 words ("eight-year bonds"). */
  protected securityAt(lo: number): [number, number] | null {
    for (let k = lo; k < this.s1 && k - lo < 7; k++) {
      const w = this.norm(k);
      const p = this.pos(k);
      if (this.d.words.security.has(w) && !(k + 1 < this.s1 && this.pos(k + 1) === 'NOUN')) {
        return [lo, k + 1];
      }
      if (!(NP_POS.has(p) || p === 'NUM' || w === '-' || this.dateTok[k] === 1)) return null;
      if (this.numTok[k] === 1 && this.dateTok[k] === 0 && !this.hyphenNext(k)) return null;
    }
    return null;
  }

  /**
   * "with 1-3/8 pct for selling and 7/16 pct each for management and underwriting", after a
   * percentage with a subject ("Fees total 2-1/4 pct"): the activity after "for" (a gerund, or
   * common nouns joined by "and"), or null.
   */
  protected activityShare(draft: Draft, prev: Draft | null): [number, number] | null {
    const { a, e } = draft;
    if (draft.unit !== 'percent' || prev === null || prev.unit !== 'percent') return null;
    // (a subject written before it: "Fees total 2-1/4 pct", not "7/16 pct for management")
    if (prev.subject === null || prev.tabled || prev.lo >= prev.a) return null;
    const before = a - 1 - this.qualifierBefore(a)[1];
    const w = before > this.s0 ? this.norm(before) : '';
    if (!(w === 'with' || this.d.words['list-link'].has(w))) return null;
    let k = e;
    if (k < this.s1 && this.norm(k) === 'each') k++;
    if (k + 1 >= this.s1 || this.norm(k) !== 'for') return null;
    let end = k + 1;
    for (; end < this.s1 && end - k <= 4; end++) {
      const p = this.pos(end);
      const activity = p === 'NOUN' || (p === 'VERB' && this.norm(end).endsWith('ing'));
      if (!(activity || (this.norm(end) === 'and' && end > k + 1))) break;
    }
    while (end > k + 1 && this.norm(end - 1) === 'and') end--;
    // ("for management and underwriting combined": a participle after the activity)
    const after = end < this.s1 && this.pos(end) === 'VERB' && this.norm(end).endsWith('ed');
    if (end < this.s1 && !after && !/^(PUNCT|CCONJ)$/.test(this.pos(end))) return null;
    return end > k + 1 ? [k + 1, end] : null;
  }

  protected aboutFrom(draft: Draft, prev: Draft | null): void {
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
    if (label !== null) {
      draft.tabled = true;
      this.lastTable = draft;
      return set(label, a, e);
    }
    // "Fees total 2-1/4 pct, with 1-3/8 pct for selling": a share of the previous percentage's
    // subject, for the activity named after it
    const task = this.activityShare(draft, prev);
    if (task !== null && prev !== null) {
      draft.subject = prev.subject;
      return set(`${draft.subject} for ${this.phrase(...task)}`, prev.lo, task[1]);
    }
    // "located 60 miles east of Denver": a measure before a compass direction is a distance
    if (draft.unitEntry?.kind === 'measure' && e + 1 < this.s1) {
      const k = this.hyphenNext(e) ? e + 2 : e;
      const to = k + 1 < this.s1 ? this.norm(k + 1) : '';
      if (this.d.words.direction.has(this.norm(e)) && (to === 'of' || to === 'from'))
        return set(DISTANCE, a, e);
    }
    // "an 8-1/2 pct note", "150 mln guilders, 7.25 pct, eight-year bonds": a security's coupon
    const bond = this.securityAfter(draft);
    if (bond !== null) return set(`${this.phrase(...bond)} ${COUPON}`, a, bond[1]);
    // ... and the money before such a coupon is the securities' ("issue 150 mln guilders,
    // 7.25 pct, eight-year bonds")
    if (draft.money && e + 2 < this.s1 && this.norm(e) === ',' && this.numTok[e + 1] === 1) {
      let k = e + 1;
      while (k < this.s1 && this.numTok[k] === 1) k++;
      const pct = PERCENT_WORD.test(this.input.text.slice(this.startOf(e + 1), this.ends(k - 1)));
      const sec = pct && k + 1 < this.s1 && this.norm(k) === ',' ? this.securityAt(k + 1) : null;
      if (sec !== null) return set(this.phrase(...sec), a, sec[1]);
    }
    // "50 pct stock, 35 pct bonds ... versus 40 pct bonds": in a list each amount has its noun
    const own = this.modifiedNoun(this.perUnitEnd(e));
    // (not "vs 10 making 18 cts": a word right before the next figure is that one's)
    if (own !== null && a - 1 >= this.s0 && !(own[1] < this.s1 && this.numTok[own[1]] === 1)) {
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
      draft.tabled = prev.tabled;
      // "Shr loss 85 cts vs loss 88 cts": the line's heading makes both figures per share
      const per = prev.tabled && prev.about !== null ? prev.about.lastIndexOf(' per ') : -1;
      if (per > 0 && !ownLabel.includes(' per ') && prev.about !== null)
        return set(`${ownLabel}${prev.about.slice(per)}`, a, e);
      return set(ownLabel, a, e);
    }
    // "sold 400 mln dlrs of 13-week notes and 100 mln dlrs of 26-week notes": money's own
    // "of" phrase says what it is, before a verb's label ("sales") or a listed neighbour
    const made = this.moneyOf(draft);
    if (made !== null) return set(this.phrase(...made), made[0], made[1]);
    // "rates as low as 6.10 pct", "his room for manoeuvre as great as four billion": the noun
    // compared by "as ... as" is what the amount measures
    const compared = this.asCompared(a);
    if (compared !== null) return set(this.subjectText(compared), compared[0], e);
    // "with 12.6 mln tonnes delivered to the board": a figure a participle of an `object` verb
    // follows, after "with", is what that verb names ("deliveries")
    const pe = this.perUnitEnd(e);
    if (
      pe < this.s1 &&
      a - 1 > this.s0 &&
      this.norm(a - 1 - this.qualifierBefore(a)[1]) === 'with' &&
      this.pos(pe) === 'VERB' &&
      this.norm(pe).endsWith('ed')
    ) {
      const c = this.change(pe);
      if (c !== null && c.direction === 'object' && c.label !== null)
        return set(c.label, a, pe + 1);
    }
    // "but a loss, 171.2 mln, in 1982": the amount restates the noun of change before its comma
    const restated = this.restatedChange(a, e);
    if (restated !== null) return set(this.subjectText(restated), restated[0], e);
    // ("compared with an 8.3 pct increase in the cost of living": a change of its own)
    if (this.comparedTo(a, prev) && prev !== null && !this.ownChange(e)) {
      // "7.00 mln tonnes, vs 6.60 mln last month": the same unit too
      if (draft.unit === null) {
        draft.unit = prev.unit;
        // "7.6 cents vs 3.0": the bare figure is in cents too
        if (!/[a-z]/i.test(this.input.text.slice(this.startOf(a), this.ends(draft.b - 1))))
          draft.factor = prev.money && prev.expr.type === 'MONEY' ? subunitOf(prev.expr) : 1;
      }
      // "prices rose 0.8 pct, compared with 9.4 pct": the same measure (a rise), not its subject
      draft.subject = prev.subject;
      draft.tabled = prev.tabled;
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
    // ... and "a 45,000 tonne a year plant": a measure too
    if (
      lead >= this.s0 &&
      (draft.money || draft.unit === 'percent' || draft.unitEntry?.kind === 'measure')
    ) {
      const w = this.norm(lead);
      // ... and "an issue of two pct Treasury stock": a rate of the named security
      const own =
        w === 'a' ||
        w === 'an' ||
        this.d.words.possessive.has(w) ||
        w === "'s" ||
        (w === 'of' && draft.unit === 'percent');
      // ("its 30 pct owned affiliate": a stake)
      if (own && this.percentOwn(draft)) return;
      // ... or "Mercantile's 263 mln dlrs in total outstanding loans": money in a bare noun
      const np = own
        ? (this.modifiedNoun(this.perUnitEnd(e)) ?? (draft.money ? this.inBareNoun(e) : null))
        : null;
      // ... "a seven cts per share gain": a noun after the unit is what the amount is, per unit
      const per = this.perUnitEnd(e);
      if (np !== null && per > e && np[0] === per)
        return set(`${this.subjectText(np)} per ${this.phrase(per - 1, per)}`, np[0], np[1]);
      if (np !== null && this.change(np[1] - 1) === null)
        return set(this.subjectText(np), np[0], np[1]);
      // "through the 672.5 mln stg acquisition of Exco": "the" and a noun right after
      const the = w === 'the' && draft.money ? this.modifiedNoun(e) : null;
      if (the !== null && the[0] === e && this.change(the[1] - 1) === null)
        return set(this.subjectText(the), the[0], the[1]);
    }
    // "1.2 mln shares, or 12 pct, of the company": the same holding restated in another unit
    if (
      prev !== null &&
      lead - 1 > this.s0 &&
      this.norm(lead) === 'or' &&
      // ... also "1.6 mln shares or 11.5 pct of the total" (right after a count of things)
      (this.norm(lead - 1) === ',' || (prev.e === lead && prev.unitEntry?.kind === 'count')) &&
      a - Math.max(prev.e, prev.hi) <= 3 &&
      (prev.subject ?? prev.about) !== null
    ) {
      let k = e;
      if (k < this.s1 && this.norm(k) === ',') k++;
      const of = k + 1 < this.s1 && this.norm(k) === 'of' ? this.npRight(k + 1) : null;
      // ("..., or 5.1 pct of the total": of what the holding is a part)
      if (of === null || this.change(of[1] - 1)?.direction === 'level') return inherit(prev, null);
      const base = (prev.subject ?? prev.about) as string;
      // "118,714 shares of Arden Group, or 5.7 pct of the total outstanding common stock": a
      // holding of shares as a part of the company's stock is a stake
      const stock = this.lemma(of[1] - 1);
      if (
        draft.unit === 'percent' &&
        prev.unit === 'shares' &&
        (base === STAKE || /\bshares\b/.test(base)) &&
        (stock === 'stock' || stock === 'common')
      )
        return set(STAKE, prev.lo, of[1]);
      // ("670,400 shares or 9.9 pct of its outstanding shares": the phrase says it all)
      const head = this.norm(of[1] - 1);
      if (base === head || base.endsWith(` ${head}`)) return set(this.phrase(...of), of[0], of[1]);
      return set(`${base} of ${this.phrase(...of)}`, prev.lo, of[1]);
    }
    // "liquefied natural gas (21 pct)"
    if (a - 1 > this.s0 && this.norm(a - 1) === '(') {
      const np = this.npLeft(a - 1);
      if (np !== null) return set(this.subjectText(np), np[0], e);
    }
    // "20 mln dlrs worth of convertible bonds"
    // ... "130 mln dlrs' worth of exports"
    const w0 = e < this.s1 && this.norm(e) === "'" ? e + 1 : e;
    if (w0 + 2 < this.s1 && this.norm(w0) === 'worth' && this.norm(w0 + 1) === 'of') {
      // ... "3 billion worth of 8.50 pct November 2002 stock": over its rate and maturity
      let from = w0 + 2;
      while (
        from < this.s1 &&
        from - w0 < 8 &&
        (this.numTok[from] === 1 || this.dateTok[from] === 1)
      )
        from++;
      const np = this.npRight(from);
      if (np !== null) return set(this.phrase(...np), np[0], np[1]);
    }
    // "First National, 42 pct owned by Barclays": a share owned or held by someone is a stake
    if (draft.unit === 'percent' && e + 1 < this.s1 && this.norm(e + 1) === 'by') {
      const c = this.pos(e) === 'VERB' ? this.change(e) : null;
      if (c !== null && (c.label === STAKE || c.label === HOLDINGS)) return set(STAKE, a, e + 1);
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
    ) {
      // ... in its unit ("2.56 mln bpd, of which 1.42 mln are light crudes")
      if (draft.unit === null) this.shareUnit(draft, prev);
      return inherit(prev, null);
    }
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
      // ... "20 pct of Sony's eight billion dollar worldwide sales": over the owner and figure
      let owner = from;
      while (owner < this.s1 && owner - from < 3 && this.pos(owner) === 'PROPN') owner++;
      if (
        owner > from &&
        owner + 1 < this.s1 &&
        this.norm(owner) === "'s" &&
        this.numTok[owner + 1] === 1
      )
        from = owner + 1;
      const f0 = from - 1;
      while (from < this.s1 && from - f0 < 5 && this.numTok[from] === 1) from++;
      // ... "5.8 billion dlrs of previously restructured debt": over the adverb
      if (
        from + 1 < this.s1 &&
        this.pos(from) === 'ADV' &&
        (NP_POS.has(this.pos(from + 1)) || this.norm(from + 1).endsWith('ed'))
      )
        from++;
      const np = this.npRight(from) ?? lone;
      // ... but "the deficit fell from 7.5 pct of GDP": a ratio's base is not what it measures
      const base =
        np !== null &&
        draft.unit === 'percent' &&
        this.d.words['ratio-base'].has(this.norm(np[1] - 1)) &&
        this.onlyBase(a);
      // ... nor "reserves equal to 5 pct of total loans": what the share is, named before it
      const whole = np !== null && draft.unit === 'percent' ? this.shareOwner(a) : null;
      if (whole !== null) return set(this.subjectText(whole), whole[0], e);
      // ... "holds 6.1 pct of the company": a share owned or held is a stake, and so is one
      // bought or sold ("acquired 15 pct of Hollis": a verb whose object the amount is)
      const hv = a - 1 - this.qualifierBefore(a)[1];
      const held = draft.unit === 'percent' && hv > this.s0 ? this.change(hv) : null;
      if (
        np !== null &&
        held !== null &&
        (held.label === STAKE ||
          held.label === HOLDINGS ||
          // (... of a company or a security, not "produced 15 pct of Brazil's coffee")
          (held.direction === 'object' &&
            (this.pos(np[1] - 1) === 'PROPN' ||
              this.d.words.security.has(this.norm(np[1] - 1))))) &&
        this.ownedWhole(np)
      )
        return set(STAKE, hv, np[1]);
      // ... "Coal accounts for 60 pct of power", "40 pct of voters": a share of the whole
      const share =
        np !== null && !base && !this.endsInPeriod(np) ? this.shareOf(draft, a, np) : null;
      if (share !== null) return set(share[0], share[1], share[2]);
      if (np !== null && !base && !this.endsInPeriod(np))
        return set(this.phrase(...np), np[0], np[1]);
    }
    // "their demand for 100 pct pay rises": a change noun the amount modifies
    const changed = e < this.s1 && this.change(e) === null ? this.modifiedNoun(e) : null;
    if (changed !== null && changed[1] - changed[0] > 1) {
      const c = this.change(changed[1] - 1);
      if (c !== null && c.label !== null && c.pos === 'noun')
        return set(this.phrase(...changed), changed[0], changed[1]);
    }
    // "a 77% growth in goods trade", "a 5% rise in prices", "a 1.4 pct year-on-year rise".
    const ce = e < this.s1 ? this.pastTimeWords(e) : e;
    if (ce < this.s1) {
      // ... "a 42 pct jump in earnings": a noun of change the tagger read as a verb
      const det = a - 1 - this.qualifierBefore(a)[1];
      const asNoun =
        this.pos(ce) === 'VERB' && det >= this.s0 && /^(a|an)$/.test(this.norm(det))
          ? (this.d.changes.noun.get(this.norm(ce)) ?? null)
          : null;
      const c = this.pos(ce) === 'NOUN' ? this.change(ce) : asNoun;
      if (c !== null && c.label !== null) {
        const pp = this.ofTail(this.ppAfter(ce + 1));
        if (pp !== null) return set(`${this.phrase(...pp)} ${c.label}`, ce, pp[1]);
        if (prev !== null && (prev.subject ?? prev.about) !== null && this.appositive(a))
          return inherit(prev, c.label);
        // "the index rose 1.0 pct after a 1.4 pct rise": the change of the same subject
        if (prev !== null && prev.subject !== null) return inherit(prev, c.label);
        return set(c.label, ce, ce + 1);
      }
    }
    // Walk left to what governs the amount: a preposition, then a verb or a noun of change.
    const [, qlen] = this.qualifierBefore(a);
    let j = a - 1 - qlen;
    // "a profit of between 2 and 3 mln dlrs": the word opening a range is stepped over
    const ranged = j >= this.s0 && this.d.words.range.has(this.norm(j));
    if (ranged) j--;
    // "up from last year's 25.4 mln dlrs", "from February's 106.56 mln": over the period
    if (
      j - 1 > this.s0 &&
      this.norm(j) === "'s" &&
      (this.dateTok[j - 1] === 1 || this.d.words['time-noun'].has(this.norm(j - 1)))
    ) {
      j--;
      while (
        j > this.s0 &&
        (this.dateTok[j] === 1 ||
          this.d.words['time-noun'].has(this.norm(j)) ||
          this.d.words.relative.has(this.norm(j)))
      )
        j--;
    }
    // ... and "calling for earnings per share between 10 cts and 15 cts": the noun before it
    if (ranged && j > this.s0 && this.pos(j) === 'NOUN') {
      let np = this.npLeft(j + 1);
      if (np !== null && np[0] - 2 >= this.s0 && this.norm(np[0] - 1) === 'per') {
        const head = this.npLeft(np[0] - 1);
        if (head !== null) np = [head[0], np[1]];
      }
      if (
        np !== null &&
        !this.d.words['time-noun'].has(this.norm(j)) &&
        !(draft.money && this.afterVerb(np))
      )
        return set(this.subjectText(np), np[0], e);
    }
    // "denominations of 1,000 and 10,000 stg": over a first figure that shares this unit
    if (
      j - 1 > this.s0 &&
      (this.norm(j) === 'and' || this.norm(j) === 'or') &&
      this.pos(j - 1) === 'NUM' &&
      this.numTok[j - 1] === 1 &&
      (prev === null || prev.e !== j)
    )
      j -= 2;
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
      // "from its original 74 billion": a possessive after the preposition
      const owner =
        this.d.words.possessive.has(this.norm(j)) &&
        this.d.words['link-prep'].has(this.norm(j - 1));
      if (p === 'ADJ' && this.adjectiveVerb(j)) break;
      if (p === 'DET' || p === 'ADJ' || (p === 'ADV' && k > 0) || participle || level || owner) j--;
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
    if (
      prep === null &&
      j >= this.s0 &&
      this.pos(j) === 'NOUN' &&
      (this.verbForm(j) === null || (j - 1 >= this.s0 && this.pos(j - 1) === 'CCONJ'))
    ) {
      const np = this.npLeft(j + 1);
      // ... or listed after a comma: "gave the Tories 38 pct, the Alliance 21 pct"
      const open = np === null ? -1 : np[0] - (this.pos(np[0] - 1) === 'DET' ? 2 : 1);
      // ... or after "and": "a gain of 11.4 mln dlrs and charge 4.7 mln dlrs"
      if (
        np !== null &&
        (np[0] === this.s0 || open < this.s0 || /^(PUNCT|CCONJ)$/.test(this.pos(open)))
      )
        return set(this.subjectText(np), np[0], e);
      // "canneries with sales over 1.24 mln intis": a noun bounded by a qualifier
      if (
        np !== null &&
        qlen > 0 &&
        !this.d.words['time-noun'].has(this.norm(j)) &&
        this.change(j) === null &&
        !(draft.money && this.afterVerb(np))
      )
        return set(this.subjectText(np), np[0], e);
      // "reported consolidated net profit 315.9 mln francs vs 302.08 mln": a noun compared
      if (
        np !== null &&
        this.comparisonFollows(a) &&
        !this.d.words['time-noun'].has(this.norm(j)) &&
        this.dateTok[j] === 0
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
    ) {
      // ... but "5 mln dlrs in cash and 3 mln dlrs in stock", "50 dlrs per share and 40 dlrs
      // per warrant", "1/4 pct for selling and 5/8 pct for underwriting": each amount of a
      // parallel list says what it is
      if (this.percentOwn(draft)) return;
      const inNoun = draft.money ? this.inBareNoun(e) : null;
      if (inNoun !== null) return set(this.phrase(...inNoun), inNoun[0], inNoun[1]);
      // ... "30 mln dlrs for farm research and 20 mln dlrs for homeless aid"
      const forNoun = draft.money ? this.commonFor(e) : null;
      if (forNoun !== null) return set(this.phrase(...forNoun), forNoun[0], forNoun[1]);
      const per = this.perUnitEnd(e);
      const prevPer = this.perUnitEnd(prev.e);
      if (
        draft.money &&
        per > e &&
        prevPer > prev.e &&
        this.norm(per - 1) !== this.norm(prevPer - 1) &&
        !this.d.words['time-noun'].has(this.norm(per - 1))
      )
        return set(`price per ${this.phrase(per - 1, per)}`, a, per);
      return inherit(prev, null);
    }
    // "15,000 bpd at 15.79 dlrs": money right after a count or measure and "at" is its price
    if (
      prep === 'at' &&
      draft.money &&
      prev !== null &&
      !prev.money &&
      prev.unit !== 'percent' &&
      prev.e === j + 1
    )
      return set(PRICE, a, e);
    // "to 8 billion dlrs from its original 9.5 billion", "up 5 pct from 100 mln": the
    // preposition right after the amount before pairs them; they share its subject
    if (
      (prep === 'from' || prep === 'to') &&
      prev !== null &&
      (prev.subject ?? prev.about) !== null &&
      this.pairedAfter(prev.e, j + 1)
    )
      return inherit(prev, null);
    if (prep === 'of') {
      // "a loss for the fourth quarter ended January 3 of 31.9 mln dlrs"
      const dated = this.dateTok[j] === 1 || this.yearAt(j);
      while (j > this.s0 && (this.dateTok[j] === 1 || this.yearAt(j))) j--;
      // "earnings per share in 1987 of 1.15 dlrs": over the date's preposition too
      if (dated && j > this.s0 && (this.norm(j) === 'in' || this.norm(j) === 'for')) j--;
      if (j > this.s0 && this.pos(j) === 'VERB' && this.d.words['time-noun'].has(this.norm(j - 1)))
        j--;
    }
    for (;;) {
      const p = j >= this.s0 ? this.pos(j) : '';
      const joined = j > this.s0 && this.hyphenPrev(j, this.s0); // "a write-down of"
      // "the market's worst-ever fall of": a noun of change the tagger read as a verb
      const asNoun =
        p === 'VERB' && j > this.s0 && /^(DET|ADJ|ADV|PART)$/.test(this.pos(j - 1))
          ? (this.d.changes.noun.get(this.norm(j)) ?? null)
          : this.levelAdjective(j);
      const nounish = p === 'NOUN' || p === 'PROPN' || p === 'ADJ' || joined || asNoun !== null;
      if (prep !== 'of' || !nounish) break;
      // "a loss of $5 million", "growth of 5% in exports", "sales of 4 billion"
      const c = asNoun ?? this.change(j);
      // ... and "to an annual rate of 1.62 mln units": a count per period (words.tsv rate-noun)
      const rateOf =
        !draft.money && draft.unit !== 'percent' && this.d.words['rate-noun'].has(this.norm(j));
      if ((c !== null && c.pos === 'noun' && c.direction === 'level') || rateOf) {
        // "a total of", "an average of": see through to what governs them
        // ... over its modifiers too ("from its current level of", "a benchmark level of",
        // "a seasonally adjusted annual rate of")
        const at = j;
        j--;
        while (
          j >= this.s0 &&
          at - j <= 4 &&
          (this.pos(j) === 'DET' ||
            this.d.words.possessive.has(this.norm(j)) ||
            (at - j <= 3 &&
              (this.pos(j) === 'ADJ' ||
                this.pos(j) === 'NOUN' ||
                this.pos(j) === 'NUM' ||
                this.norm(j) === '-' ||
                this.dateTok[j] === 1 ||
                (rateOf && (this.pos(j) === 'ADV' || this.norm(j).endsWith('ed'))))))
        )
          j--;
        // ... "compared with the previous level of 160.6 billion": the figure compared
        const w = j > this.s0 ? this.norm(j) : '';
        const compared =
          this.d.words.compare.has(w) ||
          ((w === 'with' || w === 'to') && this.norm(j - 1) === 'compared');
        if (compared && prev !== null && (prev.subject ?? prev.about) !== null)
          return inherit(prev, null);
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
        // "failures rose to 11,004, an increase of 5.3 pct": the clause's subject
        const clause = prev === null ? this.appositiveSubject(j) : null;
        if (clause !== null) {
          draft.subject = this.subjectText(clause);
          return set(`${draft.subject} ${c.label}`, clause[0], e);
        }
        // "the index stood at 144.8, showing a rise of 4.3 pct": the clause's subject
        let d = j - 1;
        while (d > this.s0 && j - d < 3 && (this.pos(d) === 'DET' || this.pos(d) === 'ADJ')) d--;
        const shown = d < j - 1 ? this.commaParticipleSubject(d) : null;
        if (shown !== null) {
          draft.subject = this.subjectText(shown);
          return set(`${draft.subject} ${c.label}`, shown[0], e);
        }
        // "the market's worst-ever fall of 508 points": the possessor's change
        const owner = this.possessorBefore(j);
        // ... "after January's rise of 12.3 pct": a period's change is the sentence subject's
        const dated =
          owner !== null &&
          (this.dateTok[owner[0]] === 1 || this.d.words['time-noun'].has(this.norm(owner[1] - 1)));
        if (dated && prev !== null && prev.subject !== null) return inherit(prev, c.label);
        if (owner !== null && !dated)
          return set(`${this.subjectText(owner)} ${c.label}`, owner[0], e);
        // "wage cuts of 60 cents an hour": the noun before the change
        const what = j - 1 > this.s0 && this.pos(j - 1) === 'NOUN' ? this.npLeft(j) : null;
        if (what !== null && this.change(what[1] - 1) === null && this.dateTok[what[1] - 1] === 0)
          return set(`${this.subjectText(what)} ${c.label}`, what[0], e);
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
      for (let step = 0; np !== null && p !== 'ADJ' && step < 3; step++) {
        let before = np[0] - 1;
        const owner = before > this.s0 && this.d.words.possessive.has(this.norm(before));
        if (before > this.s0 && (this.pos(before) === 'DET' || owner)) before--;
        const w = before >= this.s0 ? this.norm(before) : '';
        // "earnings per share of": a rate's phrase is one subject
        if (w === 'per') {
          const rate = this.npLeft(before);
          if (rate !== null) np = [rate[0], np[1]];
          break;
        }
        // ... "a net cost to the economy of 3.6 billion dlrs": the cost, not the economy;
        // "a loss on the sale of discontinued operations of", "a net loss at its branch of"
        // ("at a rate of 3.8 pct" is the rate: "at" only before a name, "at its Doha branch")
        const named = w === 'at' && this.pos(np[0]) === 'PROPN';
        const linked =
          w === 'in' || w === 'from' || w === 'to' || w === 'on' || w === 'of' || named;
        let outer = linked ? this.npLeft(before) : null;
        // ... never the unit words of an amount ("102,350 tonnes at the subsidy of")
        if (outer !== null && outer[0] > this.s0 && this.numTok[outer[0] - 1] === 1) outer = null;
        // ... nor an amount's unit of "a share" ("1.12 dlrs a share on revenues of")
        if (outer !== null && outer[0] - 2 >= this.s0 && this.numTok[outer[0] - 2] === 1) {
          const per = this.norm(outer[0] - 1);
          if (per === 'a' || per === 'an' || per === 'per') outer = null;
        }
        if (outer !== null && !this.allProper(outer)) {
          // ... but "an increase in the price of oil of 5 pct": what increased
          const c = this.change(outer[1] - 1);
          if (w === 'in' && c !== null && c.pos === 'noun' && c.label !== null)
            return set(`${this.phrase(...np)} ${c.label}`, outer[0], e);
          // ("the value of exports of": kept whole)
          np = w === 'of' ? [outer[0], np[1]] : outer;
          continue;
        }
        // "up from Friday's close in New York of 1.7930 marks": a place is not what is priced
        if (w === 'in' && this.allProper(np) && prev !== null && prev.subject !== null)
          return inherit(prev, null);
        break;
      }
      // ("vs yr-ago reorganization charge of": the comparison word is not the phrase's)
      if (np !== null && np[1] - np[0] > 1 && this.d.words.compare.has(this.norm(np[0])))
        np = [np[0] + 1, np[1]];
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
      // (not "Hollis is trading at 22 dlrs a share": a market's price, words.tsv price-verb)
      const subj =
        level?.direction === 'level' && !this.d.words['price-verb'].has(this.lemma(v))
          ? this.subjectOf(v)
          : null;
      if (subj !== null && this.pos(subj[1] - 1) !== 'PRON') {
        draft.subject = this.subjectText(subj);
        return set(draft.subject, subj[0], perAt);
      }
      return set(`price per ${this.phrase(perAt - 1, perAt)}`, a, perAt);
    }
    // "in addition to nearly two billion dlrs aid": money right before a bare noun is that noun
    // (not "raised the dividend to eight cts presplit": the verb's object is what changed)
    if (
      prep !== null &&
      draft.money &&
      e < this.s1 &&
      this.pos(e) === 'NOUN' &&
      !((prep === 'to' || prep === 'from') && this.changedObject(j))
    ) {
      const np = this.change(e) === null ? this.modifiedNoun(e) : null;
      // ... not "64 dlrs cash per share", a price
      if (np !== null && np[0] === e && this.perUnitEnd(np[1]) === np[1])
        return set(this.phrase(...np), np[0], np[1]);
    }
    // "ended the day closing at 7,740 lire": an "-ing" form of a price verb the tagger read as
    // a noun names the price (words.tsv kind price-verb)
    if (
      prep === 'at' &&
      j > this.s0 &&
      this.pos(j) === 'NOUN' &&
      this.d.words['price-verb'].has(this.norm(j)) &&
      this.norm(j).endsWith('ing') &&
      this.norm(j - 1) !== ','
    )
      return set(`${this.norm(j)} ${PRICE}`, j, e);
    // "raised its stake to 12 pct", "other assets to 2.02 billion rand", "inflation at 5%"
    if (
      this.levelPrep(prep) &&
      j >= this.s0 &&
      this.pos(j) === 'NOUN' &&
      !this.d.words['time-noun'].has(this.norm(j)) &&
      this.change(j) === null &&
      // ... never the unit of the amount before ("to 32 cts per share from 27.5 cts")
      (prev === null || j >= this.perUnitEnd(prev.e))
    ) {
      const near = this.npLeft(j + 1);
      let before = near === null ? -1 : near[0] - 1;
      // "fall by as much as one full point to 9-1/2 pct": over the number and its qualifier
      while (before > this.s0 && /^(NUM|ADJ)$/.test(this.pos(before))) before--;
      while (before > this.s0 && this.qualifierBefore(before + 1)[1] > 0)
        before -= this.qualifierBefore(before + 1)[1];
      // "fell by nearly half to 4.2 billion" is not about "half", nor "declined a bit to" about
      // "bit": a measure of the change right after its verb
      const measure =
        before > this.s0 &&
        (this.norm(before) === 'a' || this.norm(before) === 'an') &&
        this.pos(before - 1) === 'VERB' &&
        this.change(before - 1) !== null;
      let np =
        near !== null && this.norm(before) !== 'by' && !measure ? this.subjectOf(j + 1) : null;
      // "the rise in bilateral trade to $4 billion": the level of what rose
      const headChange = np === null ? null : this.change(np[1] - 1);
      if (
        np !== null &&
        headChange !== null &&
        headChange.pos === 'noun' &&
        headChange.label !== null
      )
        np = near;
      // ... "raised the dividend 12 cts per share on a presplit basis to 74 cts": a phrase after
      // the previous amount, with no verb between, qualifies it; the pair shares its subject
      // (a prepositional phrase: "and imports to 6.45 billion" is a subject of its own)
      let pp = np === null ? -1 : np[0] - 1;
      while (pp > this.s0 && (this.pos(pp) === 'DET' || this.d.words.possessive.has(this.norm(pp))))
        pp--;
      if (
        np !== null &&
        prev !== null &&
        prev.subject !== null &&
        np[0] >= prev.e &&
        pp >= prev.e &&
        this.pos(pp) === 'ADP'
      ) {
        let verbless = true;
        for (let i = prev.e; i < np[0] && verbless; i++)
          verbless = !/^(VERB|AUX)$/.test(this.pos(i));
        if (verbless) return inherit(prev, null);
      }
      if (np !== null) {
        draft.subject = this.subjectText(np);
        return set(draft.subject, np[0], e);
      }
    }
    // "the deal, worth about 1.3 billion dlrs"
    if (prep === null && j >= this.s0 && this.norm(j) === 'worth') {
      let k = j;
      while (k - 1 >= this.s0 && (this.pos(k - 1) === 'AUX' || this.norm(k - 1) === ',')) k--;
      // ... "the bid from RHM, rejected by the group, is worth": the verb's subject
      const aux = j - 1;
      const set0 = aux - 1 > this.s0 && this.pos(aux) === 'AUX' && this.norm(aux - 1) === ',';
      const np = set0 ? (this.subjectOf(aux) ?? this.npLeft(k)) : this.npLeft(k);
      if (np !== null) return set(this.subjectText(np), np[0], e);
    }
    let verb: number | null = null;
    let objectLabel: string | null = null;
    /** A verb making the amount part of another ("including"). */
    let part: number | null = null;
    // "were acquired from X, for 27 mln dlrs", "bought the unit for $5 million": what the
    // money paid for is the verb's object, or its subject when the verb is passive
    if (prep === null && draft.money && j > this.s0 && this.norm(j) === 'for') {
      // ... or the noun right before "for": "the purchase of 3.5 mln shares for 177.9 mln dlrs"
      let np = this.boughtThing(j) ?? this.npLeft(j);
      // ... "the sale of its unit to Federated for": not the buyer named after "to"
      if (np !== null && this.allProper(np) && np[0] - 1 > this.s0) {
        const w = this.norm(np[0] - 1);
        const before = w === 'to' || w === 'in' ? this.npLeft(np[0] - 1) : null;
        if (before !== null && this.pos(before[1] - 1) === 'NOUN') np = before;
      }
      // ... "buy the company for 52 dlrs a share": a price per share
      const per = this.perUnitEnd(e);
      if (np !== null && per > e && !this.d.words['time-noun'].has(this.norm(per - 1)))
        return set(`${PRICE} per ${this.phrase(per - 1, per)}`, a, per);
      if (np !== null && !this.endsInPeriod(np) && this.dateTok[np[1] - 1] === 0)
        return set(this.subjectText(np), np[0], e);
    }
    for (let k = j, walked = 0; k >= this.s0 && walked < MAX_WALK; k--, walked++) {
      const p = this.pos(k);
      const w = this.norm(k);
      // "fell sharply, to 40 mln dlrs": the comma only sets off the amount
      if (w === ',' && prep !== null && k === j) continue;
      if (p === 'PUNCT' && w !== '-' && w !== '%' && w !== "'") {
        if (w === ',' && prev !== null && this.upDownAt(k + 1, a)) {
          // "..., up 12 pct from last year": the previous amount's subject changed
          return inherit(prev, this.change(k + 1)?.label ?? null);
        }
        break;
      }
      // "is increasing suggested retail prices by": a participle inside the object's phrase
      if (
        p === 'VERB' &&
        w.endsWith('ed') &&
        k > this.s0 &&
        NP_POS.has(this.pos(k + 1)) &&
        /^(VERB|AUX|DET)$/.test(this.pos(k - 1))
      )
        continue;
      // "balance sheet total rose five pct": a verb of change the tagger read as a noun
      // ... or as an adjective ("loans to Mexico currently total about 2.5 billion dlrs")
      const asVerb =
        (p === 'NOUN' &&
          k === j &&
          k > this.s0 &&
          (NP_POS.has(this.pos(k - 1)) || this.yearAt(k - 1) || this.dateTok[k - 1] === 1)) ||
        (p === 'ADJ' && k === j && this.adjectiveVerb(k))
          ? this.verbForm(k)
          : null;
      if (
        p === 'VERB' ||
        p === 'AUX' ||
        asVerb !== null ||
        ((w === 'up' || w === 'down') && k === j)
      ) {
        // "They traded at 856 francs", "closing at 7,740 lire": a market's price (words.tsv
        // kind price-verb), named by the verb's "-ing" form or said of a pronoun
        if (
          prep === 'at' &&
          k === j &&
          p === 'VERB' &&
          this.d.words['price-verb'].has(this.lemma(k))
        ) {
          let s = k - 1;
          while (s > this.s0 && (this.pos(s) === 'AUX' || this.pos(s) === 'ADV')) s--;
          const w0 = this.norm(k);
          // (a bare first figure of "closing at 7,740 and 7,841 lire" is money only later)
          if (w0.endsWith('ing') && s === k - 1 && s >= this.s0 && this.norm(s) !== ',')
            return set(`${w0} ${PRICE}`, k, e);
          if (draft.money && s >= this.s0 && this.pos(s) === 'PRON') return set(PRICE, k, e);
        }
        let c =
          asVerb ??
          (p === 'AUX' ? (this.d.changes.verb.get(this.lemma(k)) ?? null) : this.change(k));
        // "to a tentatively forecast 1.2 mln bpd": a participle of the amount's article only
        // qualifies it, what is counted is said before
        if (
          c !== null &&
          c.direction === 'forecast' &&
          k === j &&
          prep === null &&
          p === 'VERB' &&
          this.articleBefore(k)
        ) {
          // ... and "to"/"at" before the article sets the level ("drop in output to a forecast")
          let b = k - 1;
          while (b > this.s0 && this.pos(b) === 'ADV') b--;
          const w1 = b - 1 >= this.s0 ? this.norm(b - 1) : '';
          if (w1 === 'to' || w1 === 'at') {
            // ... and the walk goes on from before it, as from any "to"
            prep = w1;
            k = b - 1;
            walked = -1;
          }
          continue;
        }
        if (c !== null && c.direction === 'forecast') {
          // "forecast the harvest at 20 mln tonnes", "profits were 8 mln dlrs and it forecasts
          // 10 mln for 1988": a forecast of the verb's object or of the previous amount's
          // subject; the verb's own subject is the forecaster
          const label = c.label ?? 'forecast';
          // "losses are estimated at 3 billion": the passive's subject is what is forecast
          let aux = k - 1;
          while (aux > this.s0 && this.pos(aux) === 'ADV') aux--; // "is officially projected"
          // ... and so is the noun before ", estimated at" ("German aid, estimated at 4 billion")
          // ... or the plain noun right before it with the amount after "at" ("deposits estimated
          // at 212 billion dlrs", not "the firm estimated its losses at")
          const reduced =
            aux === k - 1 &&
            aux > this.s0 &&
            this.norm(k).endsWith('ed') &&
            (this.norm(aux) === ',' || (prep === 'at' && k === j && this.pos(aux) === 'NOUN'));
          if (reduced) {
            const subj = this.npLeft(this.norm(aux) === ',' ? aux : k);
            if (subj !== null && this.pos(subj[1] - 1) !== 'PRON') {
              draft.subject = this.subjectText(subj);
              return set(draft.subject, subj[0], e);
            }
          }
          // ("analysts are predicting prices 10 pct higher": a progressive is no passive)
          const passive = !this.norm(k).endsWith('ing');
          if (passive && aux >= this.s0 && this.pos(aux) === 'AUX' && this.lemma(aux) === 'be') {
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
        if (c !== null && c.direction === 'part') {
          part = k;
          break;
        }
        // "edged down to 0.9 pct": a verb with an adverb of change after it
        if (c === null && p === 'VERB' && k + 1 <= j)
          c = this.d.changes.adverb.get(this.norm(k + 1)) ?? null;
        if (c === null || c.direction === 'ignore') {
          // Another verb ("repaid 5.97 billion dlrs"): what it did is the best subject left
          if (p === 'VERB' && c === null) verb = k;
          break;
        }
        // "will raise 100 mln dlrs by selling shares": money straight after a fundraising verb
        // is the money raised, not a rise (words.tsv kind fundraise); a price per unit is not
        if (
          draft.money &&
          prep === null &&
          k === j &&
          this.d.words.fundraise.has(this.lemma(k)) &&
          this.perUnitEnd(e) === e
        ) {
          // ... unless "in" says what was raised ("raise 18 billion dlrs in taxes")
          const raised = this.inBareNoun(e);
          if (raised !== null) return set(this.phrase(...raised), raised[0], raised[1]);
          return set('funds raised', k, e);
        }
        // "raised rates by 0.5 points", "cut its forecast to 2%": the object changed
        // ("declined a bit to 66 mln": "a bit" measures the change, it is not its object)
        const adverbial = prep === 'to' && k + 1 <= j && /^(a|an)$/.test(this.norm(k + 1));
        let object =
          k + 1 <= j && c.direction !== 'level' && !adverbial ? this.npRight(k + 1) : null;
        // "reduced the number of shares outstanding to": what the level noun counts
        if (
          object !== null &&
          object[1] + 1 < this.s1 &&
          this.norm(object[1]) === 'of' &&
          this.change(object[1] - 1)?.direction === 'level'
        )
          object = this.npRight(object[1] + 1) ?? object;
        const subj =
          object !== null && this.onlyPhrase(object[1], j + 1) ? object : this.subjectOf(k);
        // "the dollar is poised to resume its decline, and will lose a further 13 pct"
        const shared = subj === null && prev === null ? this.sharedSubject(k) : null;
        if (shared !== null) {
          const text = this.subjectText(shared);
          draft.subject = text;
          const level = c.label === null || this.levelPrep(prep);
          return set(level ? text : `${text} ${c.label}`, shared[0], e);
        }
        if (subj === null) {
          // "the rate climbed 4.4 pct to 1.76 mln units after dropping 11.5 pct": a participle
          // after a preposition has the subject of the clause it hangs on
          const adverbial =
            p === 'VERB' &&
            w.endsWith('ing') &&
            k - 1 >= this.s0 &&
            /^(ADP|SCONJ)$/.test(this.pos(k - 1)) &&
            this.subjectDraft !== null;
          const from = adverbial ? this.subjectDraft : prev;
          if (from !== null && (from.subject !== null || from.about !== null)) {
            // "..., up 12 pct", "after rising to 13.62 billion": the previous amount's subject
            const level = c.label === null || this.levelPrep(prep);
            return inherit(from, level ? null : c.label);
          }
          // "profit was steady, edging up to 12.3 mln riyals": a participle set off by a comma
          // has the subject of the nearest verb before it (not one of saying: "dealers noted")
          // ("..., edging up to": the participle before its particle)
          const pk = p === 'VERB' ? k : k - 1;
          if (from === null) {
            const np = this.commaParticipleSubject(pk);
            if (np !== null) {
              draft.subject = this.subjectText(np);
              const level = c.label === null || this.levelPrep(prep);
              return set(level ? draft.subject : `${draft.subject} ${c.label}`, np[0], e);
            }
          }
          // "it lost 7.7 mln dlrs": money a pronoun lost or gained is the loss or gain
          const pronoun = k > this.s0 && this.pos(k - 1) === 'PRON';
          if (pronoun && prep === null && k === j && draft.money && c.label !== null)
            return set(c.label, k, e);
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
        if (c.label === null || this.levelPrep(prep)) return set(subject, subj[0], e);
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
          // "the prime rate rise to 7-3/4 pct", "the coupon rises to 7-1/2 pct": the noun
          // before the change is what changed (a noun or a verb the tagger read as one)
          const np = k - 1 > this.s0 && this.pos(k - 1) === 'NOUN' ? this.npLeft(k) : null;
          if (np !== null && this.change(np[1] - 1) === null) {
            const x = this.subjectText(np);
            draft.subject = x;
            // ... a level only after a verb ("rises to"); "GDP growth to 2 pct" is the growth's
            const w = this.norm(k);
            const verb =
              w !== this.lemma(k) &&
              w.endsWith('s') &&
              this.d.changes.verb.get(this.lemma(k)) !== undefined;
            const level = verb && this.levelPrep(prep);
            return set(level ? x : `${x} ${c.label}`, np[0], e);
          }
          return set(c.label, k, e);
        }
      }
    }
    // "the index rose to a record, nearly 15 pct above its level of May": a figure set off
    // by a comma that compares the clause's subject (as the previous amount's, or the
    // subject of the clause's verb of change)
    const cm = a - 1 - qlen;
    if (
      verb === null &&
      part === null &&
      cm > this.s0 &&
      this.norm(cm) === ',' &&
      e + 1 < this.s1 &&
      this.pos(e) === 'ADP' &&
      this.norm(e) !== 'of' &&
      (this.pos(e + 1) === 'DET' ||
        this.d.words.possessive.has(this.norm(e + 1)) ||
        // ("201,300 bpd, 38 pct above March, 1986": a date the previous amount is compared to)
        (prev !== null &&
          prev.subject !== null &&
          (this.dateTok[e + 1] === 1 || this.yearAt(e + 1))))
    ) {
      if (prev !== null && prev.subject !== null) return inherit(prev, null);
      const subj = this.appositiveSubject(a - qlen);
      if (subj !== null) {
        draft.subject = this.subjectText(subj);
        return set(draft.subject, subj[0], e);
      }
    }
    // "to 12.21 billion rand ... from 13.62 billion": the pair shares its subject
    if ((prep === 'from' || prep === 'to') && prev !== null && prev.subject !== null)
      return inherit(prev, null);
    // "a $4 billion deal", "a 550 mln dlr private placement": the noun the amount modifies.
    const modified = this.modifiedNoun(e);
    if (modified !== null) return set(this.phrase(...modified), modified[0], modified[1]);
    // "paid $5 million for the stake" (not "loans for Turkey, 16 mln dlrs for Algeria": in a
    // list, a name after "for" gets the money, which is what the figure before it is)
    if (e + 1 < this.s1 && this.norm(e) === 'for') {
      const np = this.npRight(e + 1);
      if (
        np !== null &&
        !this.endsInPeriod(np) &&
        !(this.allProper(np) && this.followsInList(draft, prev))
      )
        return set(this.phrase(...np), np[0], np[1]);
    }
    // "affecting 1.8 billion dlrs in debt", "$2 million in cash": money in a bare common noun
    const inNoun = draft.money ? this.inBareNoun(e) : null;
    if (inNoun !== null) return set(this.phrase(...inNoun), inNoun[0], inNoun[1]);
    if (part !== null) {
      // "debt of 9 billion dlrs, including 2 billion dlrs": a part of the amount before ...
      if (prev !== null && (prev.subject ?? prev.about) !== null) return inherit(prev, null);
      // ... or of the phrase before the comma ("its loans to Brazil, including 2 billion")
      const np = part - 1 > this.s0 && this.norm(part - 1) === ',' ? this.npLeft(part - 1) : null;
      if (np !== null) return set(this.subjectText(np), np[0], e);
      return;
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
      // "paying 9-7/8 pct": a rate paid on a security is its coupon
      // ... but "management and underwriting each pay 3/8 pct": a fee of its common-noun payer
      if (objectLabel === PAID && draft.unit === 'percent') {
        // ("each pay": over a determiner floated before the verb; "combined pays": a participle)
        const floated =
          this.pos(verb - 1) === 'DET' ||
          (this.pos(verb - 1) === 'VERB' && this.norm(verb - 1).endsWith('ed'));
        let payer = this.subjectOf(floated ? verb - 1 : verb);
        // ... with the noun "and" joins to it before the participle ("management and underwriting")
        if (
          payer !== null &&
          floated &&
          payer[0] - 2 > this.s0 &&
          this.pos(payer[0] - 1) === 'CCONJ'
        ) {
          const first = this.pos(payer[0] - 2) === 'NOUN' ? this.npLeft(payer[0] - 1) : null;
          if (first !== null) payer = [first[0], payer[1]];
        }
        const head = payer === null ? '' : this.norm(payer[1] - 1);
        // ("management and underwriting": an activity, a gerund among its words)
        // (... or one read as a noun, joined by "and" to another: "management and underwriting")
        let activity = false;
        let joined = false;
        for (let i = payer === null ? 0 : payer[0]; payer !== null && i < payer[1]; i++) {
          joined ||= this.pos(i) === 'CCONJ';
          activity ||= this.pos(i) === 'VERB' && this.norm(i).endsWith('ing');
        }
        if (!activity && joined && payer !== null)
          activity = this.norm(payer[1] - 1).endsWith('ing');
        if (payer !== null && activity && !this.d.words.security.has(head)) {
          draft.subject = this.subjectText(payer);
          return set(draft.subject, payer[0], e);
        }
        return set(COUPON, verb, e);
      }
      // "the strike is costing it 3 mln dlrs a day": the cost of the verb's subject
      if (objectLabel === COST) {
        const subj = this.subjectOf(verb);
        if (subj !== null && /^(NOUN|PROPN)$/.test(this.pos(subj[1] - 1))) {
          draft.subject = this.subjectText(subj);
          return set(`${draft.subject} ${COST}`, subj[0], e);
        }
      }
      // "Qtly div 32 cts vs 32 cts ... Last paid 1.10 dlrs": money paid, its payer unnamed, after
      // a line of figures is what that line's heading measures
      const last = this.lastTable;
      if (
        objectLabel === PAID &&
        draft.money &&
        last !== null &&
        last.money &&
        last.about !== null &&
        a - last.e < 40 &&
        !this.payerOnLine(verb)
      )
        return set(last.about, verb, e);
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
      ) {
        // ... and the pair's other amount shares it ("rallying to 22 dlrs from 20 dlrs")
        draft.subject = this.subjectText(subj);
        return set(draft.subject, subj[0], e);
      }
      // "is launching a 60 mln dlr, five-year bond": the noun after the comma is modified
      const listed =
        a - 1 > this.s0 && this.pos(a - 1) === 'DET' && e + 1 < this.s1 && this.norm(e) === ','
          ? this.modifiedNoun(e + 1)
          : null;
      if (listed !== null) return set(this.phrase(...listed), listed[0], listed[1]);
      // "predicting prices 10 pct higher": the object, changed as the adverb after it says;
      // "making it 12 pct lower": the previous amount's subject
      const adverb = e < this.s1 ? this.d.changes.adverb.get(this.norm(e)) : undefined;
      if (adverb?.label != null) {
        const o = this.npRight(verb + 1);
        if (o !== null && o[1] === a - qlen && this.pos(o[1] - 1) === 'NOUN')
          return set(`${this.subjectText(o)} ${adverb.label}`, o[0], e + 1);
        const it = this.pos(verb + 1) === 'PRON' && verb + 2 === a - qlen;
        if (it && prev !== null && (prev.subject ?? prev.about) !== null)
          return inherit(prev, adverb.label);
      }
      // A verb form names nothing counted: "devalued the currency 6 pct" is the currency's,
      // "the yard employs 3,000" the yard's (a common noun, never a name or pronoun)
      // ... but "bring the province 300 mln dlrs": a noun right before money is who gets it
      const obj = verb + 1 < a ? this.npRight(verb + 1) : null;
      const recipient = obj !== null && draft.money && obj[1] === a - qlen && this.afterVerb(obj);
      const named =
        obj !== null && obj[1] <= a && this.onlyPhrase(obj[1], a - qlen) && !recipient
          ? obj
          : this.subjectOf(verb);
      if (
        named !== null &&
        this.pos(named[1] - 1) === 'NOUN' &&
        !this.allProper(named) &&
        !this.d.words['time-noun'].has(this.norm(named[1] - 1)) &&
        this.dateTok[named[1] - 1] === 0 &&
        this.casualtyOfSubject(named) === null
      ) {
        draft.subject = this.subjectText(named);
        return set(draft.subject, named[0], e);
      }
      return;
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
      if (np !== null && !own && !this.endsInPeriod(np) && this.dateTok[np[1] - 1] === 0)
        return set(this.subjectText(np), np[0], e);
    }
  }

  /**
   * "for a total of 90 mln dlrs", "by an average of 8 pct": a level noun (changes.tsv) the
   * tagger read as an adjective, after a determiner and before "of", is that noun.
   */
  private levelAdjective(j: number): ChangeEntry | null {
    if (j <= this.s0 || j + 1 >= this.s1 || this.pos(j) !== 'ADJ' || this.norm(j + 1) !== 'of')
      return null;
    // ... over its modifiers ("a record low of", "a five-year high of"): adjectives, numbers
    // and nouns of time or level, not a noun naming the thing ("a crop total of")
    let k = j - 1;
    while (
      k > this.s0 &&
      j - k <= 3 &&
      (/^(?:ADJ|NUM)$/.test(this.pos(k)) ||
        this.norm(k) === '-' ||
        (this.pos(k) === 'NOUN' &&
          (this.d.words['time-noun'].has(this.norm(k)) ||
            this.d.changes.noun.get(this.norm(k))?.direction === 'level')))
    )
      k--;
    if (this.pos(k) !== 'DET' && !this.d.words.possessive.has(this.norm(k))) return null;
    const c = this.d.changes.noun.get(this.norm(j));
    return c !== undefined && c.direction === 'level' ? c : null;
  }

  /**
   * Last step of aboutOf: an `about` that names no thing counted is seen through to what the
   * sentence says it is (dictionaries/README.md, "Amounts: vague heads"): a bare noun of change
   * to the phrase after it, a bare label of an `object` verb to what it was paid on or for.
   */
  private seeThrough(draft: Draft, prev: Draft | null): void {
    const about = draft.about;
    if (about === null) {
      if (draft.money && (this.pricePaid(draft) || this.pricePerCount(draft))) return;
      if (this.restatedLevel(draft, prev) || this.partOfThat(draft, prev)) return;
      if (this.changedAfter(draft)) return;
      if (draft.money && this.beforeMeasure(draft)) return;
      if (draft.money) this.soldFor(draft);
      return;
    }
    if (about.includes(' ')) {
      this.levelOverAdverb(draft, about);
      return;
    }
    const noun = this.d.changes.noun.get(about);
    if (noun !== undefined && (noun.direction === 'up' || noun.direction === 'down')) {
      this.changeOfPhrase(draft, about);
      if (draft.about === about) this.shownChange(draft, about);
      return;
    }
    this.objectNamed(draft, about);
  }

  /**
   * "a 73 pct decline in the firm's 1987 third-quarter earnings": the noun of change after the
   * amount and its "in"/"of" phrase, over a possessor and its period ("firm earnings decline").
   */
  private changeOfPhrase(draft: Draft, label: string): void {
    const { e } = draft;
    const ce = e < this.s1 ? this.pastTimeWords(e) : e;
    if (ce + 2 >= this.s1 || this.change(ce)?.label !== label) return;
    const w = this.norm(ce + 1);
    if (w !== 'in' && w !== 'of') return;
    let k = ce + 2;
    // over the possessor ("the firm's") to the possessed noun, and the period before it
    let owner: [number, number] | null = null;
    for (let i = k; i < this.s1 && i - k < 5; i++) {
      if (this.norm(i) !== "'s") continue;
      owner = i > k ? [k, i] : null;
      k = i + 1;
      break;
    }
    // ... and over the modifiers a period splits ("net 1986 profit", "real gross national
    // product": an adverb the tagger made of "real"), kept without the period
    let mods = '';
    for (const from = k; k < this.s1 && k - from < 5; k++) {
      if (this.dateTok[k] === 1 || this.yearAt(k) || this.numTok[k] === 1) continue;
      const p = this.pos(k);
      const before = k + 1 < this.s1 && /^(ADJ|NOUN)$/.test(this.pos(k + 1));
      const noun = k + 1 < this.s1 && (this.dateTok[k + 1] === 1 || this.yearAt(k + 1));
      if (!((p === 'ADV' && before) || (p === 'ADJ' && noun))) break;
      mods += `${this.phrase(k, k + 1)} `;
    }
    const np = this.npRight(k);
    if (np === null || this.periodPhrase(np) || this.allProper(np)) return;
    // ("the company's earnings": a common-noun possessor says nothing more than the noun)
    let own = '';
    if (owner !== null) {
      while (owner[0] < owner[1] && this.pos(owner[0]) === 'DET') owner[0]++;
      if (owner[0] < owner[1] && this.allProper(owner)) own = `${this.phrase(...owner)} `;
    }
    draft.about = `${own}${mods}${this.phrase(...np)} ${label}`;
    draft.hi = Math.max(draft.hi, np[1]);
  }

  /**
   * A bare label of an `object` verb (changes.tsv: "spent 12 mln dlrs" → "spending"): money
   * a thing was bought or sold "at" is its price ("bought 40,000 shares at eight dlrs each");
   * after a `spend-verb` (words.tsv), money "on"/"for" a common noun names it ("spent 12 mln
   * dlrs on new plant" → "new plant spending").
   */
  private objectNamed(draft: Draft, label: string): void {
    const { a, e } = draft;
    const q = a - 1 - this.qualifierBefore(a)[1];
    if (draft.money && this.pricePaid(draft)) return;
    // the verb of the label, a few words before the amount
    let v = q;
    while (v > this.s0 && q - v < 8 && this.pos(v) !== 'VERB') v--;
    if (v < this.s0 || this.pos(v) !== 'VERB') return;
    const c = this.change(v);
    if (c === null || c.direction !== 'object' || c.label !== label) return;
    // "acquires 15 pct or more of the company": a share bought or sold is a stake
    if (draft.unit === 'percent') {
      let o = e;
      if (o + 2 < this.s1 && this.norm(o) === 'or' && /^(more|less)$/.test(this.norm(o + 1)))
        o += 2;
      if (o < this.s1 && this.norm(o) === 'of') draft.about = STAKE;
      return;
    }
    // ("lend Kenya 45 mln dlrs for road building": money given to a receiver named between is
    // the verb's, a loan, not the purpose it is given for)
    if (this.d.words['double-object'].has(this.lemma(v)))
      for (let r = v + 1; r <= q; r++) if (/^(NOUN|PROPN)$/.test(this.pos(r))) return;
    const spend = this.d.words['spend-verb'].has(this.lemma(v));
    let k = this.perUnitEnd(e);
    while (k < this.s1 && k - e < 6 && this.dateTok[k] === 1) k++;
    if (k + 1 >= this.s1) return;
    const w = this.norm(k);
    // ... "for": what the money bought, after any verb ("pay 90 mln dlrs for all of X's class B
    // shares"); "on": what a spend-verb's money goes to
    if (!(w === 'for' || (spend && w === 'on'))) return;
    let from = k + 1;
    if (from + 1 < this.s1 && /^(all|some|part|most)$/.test(this.norm(from)))
      from += this.norm(from + 1) === 'of' ? 2 : 1;
    const np = this.npRight(from);
    if (
      np === null ||
      this.pos(np[1] - 1) !== 'NOUN' ||
      this.allProper(np) ||
      this.periodPhrase(np) ||
      this.d.words['time-noun'].has(this.norm(np[1] - 1))
    )
      return;
    draft.about = spend ? `${this.phrase(...np)} ${label}` : this.phrase(...np);
    draft.hi = Math.max(draft.hi, np[1]);
  }

  /**
   * "bought 40,000 shares on May 4 at eight dlrs each": money "at" which the object of a verb
   * of buying or selling (an `object` verb of changes.tsv) changed hands is its price; the walk
   * to the verb stops at a clause's punctuation. So is money "for" which such a verb, active and
   * with no object of its own, changes hands ("the software sells for 225 dlrs").
   */
  private pricePaid(draft: Draft): boolean {
    const q = draft.a - 1 - this.qualifierBefore(draft.a)[1];
    if (q <= this.s0) return false;
    const w = this.norm(q);
    let v = -1;
    if (w === 'for') {
      // (not "paid for 30 mln dlrs of bonds": money of a thing counts it; nor "the station was
      // sold for": the passive's subject is the thing sold)
      if (this.pos(q - 1) !== 'VERB' || (draft.e < this.s1 && this.norm(draft.e) === 'of'))
        return false;
      if (q - 2 >= this.s0 && this.pos(q - 2) === 'AUX' && this.lemma(q - 2) === 'be') return false;
      v = q - 1;
    } else if (w === 'at') {
      for (let k = q - 1; k >= this.s0 && q - k <= 24 && v < 0; k--) {
        const p = this.pos(k);
        if (p === 'PUNCT' && this.norm(k) !== '-') return false;
        if (p === 'VERB') v = k;
      }
    }
    if (v < 0) return false;
    const c = this.change(v);
    if (c === null || c.direction !== 'object' || c.label === null) return false;
    const per = this.perUnitEnd(draft.e);
    const unit = per > draft.e && !this.d.words['time-noun'].has(this.norm(per - 1));
    draft.about = unit ? `${PRICE} per ${this.phrase(per - 1, per)}` : PRICE;
    return true;
  }

  /**
   * "rose to 360,000 tonnes, or an average of 24.8 kilos per head": a level noun (changes.tsv)
   * before "of", after ", or", restates the previous amount: it counts that amount's subject.
   */
  private restatedLevel(draft: Draft, prev: Draft | null): boolean {
    if (prev === null || prev.subject === null) return false;
    const q = draft.a - 1 - this.qualifierBefore(draft.a)[1];
    if (q - 3 <= this.s0 || this.norm(q) !== 'of') return false;
    const level = this.d.changes.noun.get(this.norm(q - 1));
    if (level === undefined || level.direction !== 'level') return false;
    let k = q - 2;
    if (this.pos(k) === 'DET') k--;
    if (k - 1 <= this.s0 || this.norm(k) !== 'or' || this.norm(k - 1) !== ',') return false;
    draft.subject = prev.subject;
    draft.about = prev.subject;
    return true;
  }

  /**
   * "agreed to sell its products group to Acme and the group's managers, for 240 mln dlrs":
   * money "for" which a thing was sold or bought (an `object` verb of changes.tsv) further back
   * in the clause than the nearest phrase is about that verb's common-noun object.
   */
  private soldFor(draft: Draft): void {
    let q = draft.a - 1 - this.qualifierBefore(draft.a)[1];
    // ("for an estimated 4.2 billion dlrs": over the article and its participle)
    if (q - 2 > this.s0 && this.pos(q) === 'VERB' && this.norm(q).endsWith('ed')) q--;
    if (q - 1 > this.s0 && this.pos(q) === 'DET') q--;
    if (q <= this.s0 || this.norm(q) !== 'for') return;
    let v = q - 1;
    for (; v > this.s0 && q - v <= 30; v--) {
      const w = this.norm(v);
      if (w === ';' || w === ':' || this.pos(v) === 'AUX' || this.pos(v) === 'SCONJ') return;
      if (this.pos(v) === 'VERB') break;
    }
    if (v <= this.s0 || this.pos(v) !== 'VERB') return;
    const c = this.change(v);
    if (c === null || c.direction !== 'object') return;
    // "purchased one-third of the outstanding stock of X for": over the share to the whole
    let o = v + 1;
    while (o < q && (this.pos(o) === 'DET' || this.pos(o) === 'ADV')) o++;
    if (o + 1 < q && (this.numTok[o] === 1 || this.pos(o) === 'NUM')) {
      const from = o;
      while (o < q && o - from < 4 && this.norm(o) !== 'of') o++;
      if (this.norm(o) !== 'of') return;
      o++;
    }
    const np = this.npRight(o);
    if (
      np === null ||
      np[1] > q ||
      this.pos(np[1] - 1) !== 'NOUN' ||
      this.allProper(np) ||
      this.periodPhrase(np) ||
      this.dateTok[np[1] - 1] === 1
    )
      return;
    draft.about = this.subjectText(np);
    draft.lo = Math.min(draft.lo, np[0]);
  }

  /**
   * "the cost is 90 mln stg and Acme will finance 50 mln of this": a part "of" a pronoun that
   * ends its phrase is a part of the previous amount, and counts what it counts.
   */
  private partOfThat(draft: Draft, prev: Draft | null): boolean {
    const { e } = draft;
    if (prev === null || e + 1 >= this.s1 || this.norm(e) !== 'of') return false;
    const w = this.norm(e + 1);
    if (this.pos(e + 1) !== 'PRON' && w !== 'this' && w !== 'that') return false;
    if (e + 2 < this.s1 && !/^(PUNCT|ADP|CCONJ)$/.test(this.pos(e + 2))) return false;
    const base = prev.subject ?? prev.about;
    if (base === null) return false;
    draft.subject = prev.subject;
    draft.about = base;
    return true;
  }

  /**
   * "a 26 mln dlr 289,000 square foot plant": money after "a" and before a measure that
   * qualifies a noun is that noun's.
   */
  private beforeMeasure(draft: Draft): boolean {
    const { a, e } = draft;
    const q = a - 1 - this.qualifierBefore(a)[1];
    if (q < this.s0 || e >= this.s1 || this.numTok[e] !== 1) return false;
    const w = this.norm(q);
    if (w !== 'a' && w !== 'an' && !this.d.words.possessive.has(w)) return false;
    let k = e;
    while (k < this.s1 && k - e < 4 && this.numTok[k] === 1) k++;
    const unit = this.matchForm(this.d.units, k);
    if (unit === null || unit[0].kind !== 'measure') return false;
    const np = this.modifiedNoun(unit[1]);
    if (np === null) return false;
    draft.about = this.phrase(...np);
    draft.hi = Math.max(draft.hi, np[1]);
    return true;
  }

  /**
   * "1,080 dlrs per 1,000 dlrs principal amount", "44.8 Ecus per 100 kilos": money per a counted
   * quantity is a price per that quantity.
   */
  private pricePerCount(draft: Draft): boolean {
    const { e } = draft;
    if (e + 2 >= this.s1 || this.norm(e) !== 'per' || this.numTok[e + 1] !== 1) return false;
    let k = e + 1;
    while (k < this.s1 && k - e < 4 && this.numTok[k] === 1) k++;
    if (k >= this.s1 || this.pos(k) !== 'NOUN') return false;
    draft.about = `${PRICE} per ${this.phrase(e + 1, k + 1)}`;
    draft.hi = Math.max(draft.hi, k + 1);
    return true;
  }

  /**
   * "BHP closed five cents up at 11.60", "Platinum began 4.50 dlrs higher": an adverb of change
   * (changes.tsv) right after the amount, of a verb just before it, changes the verb's subject,
   * a name too.
   */
  private changedAfter(draft: Draft): boolean {
    const { a, e } = draft;
    const adverb = e < this.s1 ? this.d.changes.adverb.get(this.norm(e)) : undefined;
    if (adverb === undefined || adverb.label === null) return false;
    const v = a - 1 - this.qualifierBefore(a)[1];
    if (v <= this.s0 || this.pos(v) !== 'VERB') return false;
    const subj = this.subjectOf(v);
    if (subj === null || this.pos(subj[1] - 1) === 'PRON' || this.periodPhrase(subj)) return false;
    draft.subject = this.subjectText(subj);
    draft.about = `${draft.subject} ${adverb.label}`;
    draft.lo = Math.min(draft.lo, subj[0]);
    return true;
  }

  /**
   * "exports fell to just 4.1 billion dlrs": an adverb between a level preposition (words.tsv
   * level-prep) and the amount leaves it the level the subject reached, not its change.
   */
  private levelOverAdverb(draft: Draft, about: string): void {
    const subject = draft.subject;
    if (subject === null || about.length <= subject.length || !about.startsWith(subject)) return;
    const change = this.d.changes.noun.get(about.slice(subject.length + 1));
    if (change === undefined || (change.direction !== 'up' && change.direction !== 'down')) return;
    let k = draft.a - 1 - this.qualifierBefore(draft.a)[1];
    if (k <= this.s0 || this.pos(k) !== 'ADV') return;
    while (k > this.s0 && this.pos(k) === 'ADV' && draft.a - k <= 4) k--;
    if (this.levelPrep(this.norm(k))) draft.about = subject;
  }

  /**
   * "vehicle exports are expected to show a seven pct year-on-year drop": a noun of change that
   * a `show-verb` (words.tsv) takes as its object is a change of that verb's common-noun subject.
   */
  private shownChange(draft: Draft, label: string): void {
    let v = draft.a - 1 - this.qualifierBefore(draft.a)[1];
    // (over a participle too: "posted an upwardly revised 1.3 pct rise")
    const show = this.d.words['show-verb'];
    while (
      v > this.s0 &&
      draft.a - v <= 5 &&
      !show.has(this.lemma(v)) &&
      (/^(DET|ADJ|ADV)$/.test(this.pos(v)) ||
        (this.pos(v) === 'VERB' && this.norm(v).endsWith('ed')))
    )
      v--;
    if (v <= this.s0 || !show.has(this.lemma(v))) return;
    const subj = this.subjectOf(v);
    if (
      subj === null ||
      this.pos(subj[1] - 1) !== 'NOUN' ||
      this.allProper(subj) ||
      this.periodPhrase(subj) ||
      this.d.words['time-noun'].has(this.norm(subj[1] - 1))
    )
      return;
    draft.subject = this.subjectText(subj);
    draft.about = `${draft.subject} ${label}`;
    draft.lo = Math.min(draft.lo, subj[0]);
  }
}
