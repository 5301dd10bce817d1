import type { Draft } from './amounts-tokens.js';
import { NP_POS, SKIP_BEFORE_VERB, TokenReader } from './amounts-tokens.js';

/*
 * Subjects and headings of the amounts reader (src/gkg/amounts.ts): the subject of a verb,
 * the thing bought or paid for, the heading of a line of figures, what a figure is compared to.
 */

export class SubjectReader extends TokenReader {
  /**
   * The subject of the verb at token v: the noun phrase before it, auxiliaries and adverbs
   * skipped ("is expected to rise" skips "is expected to"; ", which ...," is stepped over); a
   * trailing prepositional phrase ("trade between Iran and Russia") dropped and "the value of
   * exports" kept whole.
   */
  protected subjectOf(v: number): [number, number] | null {
    let k = v;
    let relative = false;
    for (let guard = 0; guard < 8 && k - 1 >= this.s0; guard++) {
      const p = this.pos(k - 1);
      const w = this.norm(k - 1);
      if (this.d.words['relative-pronoun'].has(w) && k - 2 >= this.s0 && this.norm(k - 2) === ',') {
        // "the rate, which has stood at 8 pct": the noun before the relative clause
        k -= 2;
        relative = true;
        break;
      } else if (
        (SKIP_BEFORE_VERB.has(p) && w !== "'s") ||
        (this.d.words['relative-pronoun'].has(w) && k === v)
      )
        k--;
      else if (
        this.d.words['relative-pronoun'].has(w) &&
        k - 2 >= this.s0 &&
        /^(NOUN|PROPN)$/.test(this.pos(k - 2))
      ) {
        // "transactions which could cost the company": the noun the clause is about
        k--;
        break;
      } else if (
        k - 3 >= this.s0 &&
        this.d.words['as-adjunct'].has(w) &&
        this.pos(k - 2) === 'DET' &&
        this.norm(k - 3) === 'as'
      ) {
        // "the surplus for 1987 as a whole is likely to fall": over the adverbial
        k -= 3;
      } else if (this.dateTok[k - 1] === 1 || this.yearAt(k - 1)) {
        // "Exports in 2021 totalled", "revenues for fiscal 1987 to fall": over the date
        // ... and "output in January and February fell": over dates joined by "and" (or "/":
        // "shipments during January/November 1986 totalled")
        while (
          k - 1 >= this.s0 &&
          (this.dateTok[k - 1] === 1 ||
            this.yearAt(k - 1) ||
            (k - 2 >= this.s0 &&
              (this.norm(k - 1) === 'and' ||
                this.norm(k - 1) === ',' ||
                this.norm(k - 1) === '/') &&
              (this.dateTok[k - 2] === 1 || this.yearAt(k - 2))))
        )
          k--;
        // "orders in the quarter ended Jan 31 rose": over the period's participle
        if (
          k - 2 >= this.s0 &&
          this.pos(k - 1) === 'VERB' &&
          this.norm(k - 1).endsWith('ed') &&
          this.d.words['time-noun'].has(this.norm(k - 2))
        )
          k--;
        if (k - 1 >= this.s0 && this.norm(k - 1) === 'fiscal') k--;
        // "revenue in the third quarter was"
        if (k - 2 >= this.s0 && this.pos(k - 1) === 'DET' && this.pos(k - 2) === 'ADP') k--;
        // ("Jeep sales in early March rose": an adjective of the period)
        if (k - 2 >= this.s0 && this.pos(k - 1) === 'ADJ' && this.pos(k - 2) === 'ADP') k--;
        if (k - 1 >= this.s0 && this.pos(k - 1) === 'ADP') k--;
      } else if (
        p === 'VERB' &&
        w.endsWith('ed') &&
        k < v &&
        this.pos(k) === 'ADP' &&
        k - 2 >= this.s0 &&
        /^(NOUN|PROPN)$/.test(this.pos(k - 2))
      ) {
        // "tax cuts planned for next year would be increased": over the reduced relative
        k--;
        break;
      } else if ((p === 'VERB' || p === 'ADJ') && k < v && this.norm(k) === 'to') k--;
      // "earnings more than doubled": a qualifier before the verb is an adverb
      else if (k === v && this.qualifierBefore(k)[1] > 0) k -= this.qualifierBefore(k)[1];
      // "to have risen": an auxiliary the tagger read as a verb, before the verb
      else if (p === 'VERB' && k === v && (this.lemma(k - 1) === 'have' || w === 'be')) k--;
      else if (w === ',') {
        // "the index, which comprises oil and gas, was down": back over the relative clause
        let c = k - 2;
        while (
          c > this.s0 &&
          k - c < 24 &&
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
          while (q > this.s0 && k - q < 24 && this.norm(q) !== ',' && this.pos(q) !== 'AUX') {
            // ... a long one only when it has no clause of its own ("the company said it")
            // (a verb right after the comma opens a participle: ", made to Acme in March,")
            if (this.clauseWord(q) && !(this.pos(q) === 'VERB' && this.norm(q - 1) === ',')) break;
            q--;
          }
          if (q > this.s0 && this.norm(q) === ',') k = q;
          else {
            // "Import growth, forecast in December at 4.5 pct": a participle set off by a comma
            if (k === v && this.pos(v) === 'VERB') k--;
            break;
          }
        }
      } else if (w === ')' && k - 3 >= this.s0) {
        // "Portugal's Gross Domestic Product (GDP) will grow", "the index (base 1980) rose",
        // "production in February (28 days) was": over a short bracketed note with no verb
        let o = k - 2;
        while (o > this.s0 && k - o < 5 && /^(PROPN|NOUN|NUM|ADJ)$/.test(this.pos(o))) o--;
        const dated = o > this.s0 && (this.dateTok[o - 1] === 1 || this.yearAt(o - 1));
        if (o >= k - 1 || this.norm(o) !== '(') break;
        if (!/^(NOUN|PROPN)$/.test(this.pos(o - 1)) && !dated) break;
        // ... of a noun that opens the subject, not one inside its phrase ("the yield on the
        // bills issued by the Monetary Agency (SAMA) rose": the yield's)
        const named = dated ? null : this.npLeft(o);
        if (named === null && !dated) break;
        let b = named === null ? -1 : named[0] - 1;
        if (b > this.s0 && this.pos(b) === 'DET') b--;
        if (b >= this.s0 && this.pos(b) === 'ADP') break;
        k = o;
      } else break;
    }
    let np = this.npLeft(k);
    // "Housing starts fell": a plural noun the tagger read as a verb, right before the verb
    if (
      np === null &&
      k === v &&
      k - 2 >= this.s0 &&
      this.pos(k - 1) === 'VERB' &&
      /[^s]s$/.test(this.norm(k - 1)) &&
      /^(NOUN|PROPN)$/.test(this.pos(k - 2))
    ) {
      const head = this.npLeft(k - 1);
      if (head !== null) np = [head[0], k];
    }
    // "sales of the retailers surveyed, which ...": over a participle after its noun
    if (
      np === null &&
      k - 2 > this.s0 &&
      this.pos(k - 1) === 'VERB' &&
      this.norm(k - 1).endsWith('ed') &&
      this.pos(k - 2) === 'NOUN'
    )
      np = this.npLeft(k - 1);
    // "Sales for the first eight weeks of the year were up": a period is not the subject
    // (nor "sales in the same period are", where no phrase is left of a relative period)
    // ... nor "car production through the end of March was": a noun of a date's period
    const ofDate =
      np !== null &&
      np[1] + 1 < this.s1 &&
      this.norm(np[1]) === 'of' &&
      (this.dateTok[np[1] + 1] === 1 || this.yearAt(np[1] + 1));
    const period =
      np === null ? k - 1 >= this.s0 && this.d.words['time-noun'].has(this.norm(k - 1)) : true;
    if (period && (np === null || ofDate || this.endsInPeriod(np))) {
      const over = this.overPeriod(np === null ? k : np[0]);
      if (over !== null) np = over;
    }
    // "In April last year M-3 stood at": the date opening the phrase is not the subject's
    // (only after the sentence's opening preposition: "March sales", "three-month bills" stay)
    if (
      np !== null &&
      np[1] - np[0] > 1 &&
      this.dateTok[np[0]] === 1 &&
      np[0] - 1 === this.s0 &&
      this.pos(this.s0) === 'ADP'
    ) {
      let lo = np[0];
      while (lo < np[1] - 1 && this.dateTok[lo] === 1) lo++;
      np = [lo, np[1]];
    }
    for (let guard = 0; np !== null && guard < 3; guard++) {
      let before = np[0] - 1;
      // "exports of the company", "expenditures in these fields"
      // ("sales in its engineered materials unit": over a participle after the determiner)
      while (
        before > this.s0 &&
        np[0] - before < 3 &&
        (this.pos(before) === 'DET' ||
          this.pos(before) === 'NUM' ||
          this.d.words.possessive.has(this.norm(before)) ||
          (before === np[0] - 1 &&
            this.pos(before) === 'VERB' &&
            this.norm(before).endsWith('ed') &&
            (this.pos(before - 1) === 'DET' || this.d.words.possessive.has(this.norm(before - 1)))))
      )
        before--;
      // "corn sales of just over 1.0 mln tonnes in the week were": over a figure and its
      // qualifier to the noun it measures
      if (before > this.s0 && before === np[0] - 1 && this.numTok[before] === 1) {
        let f = before;
        while (f > this.s0 && np[0] - f < 5 && this.numTok[f] === 1) f--;
        f -= this.qualifierBefore(f + 1)[1];
        const head = f > this.s0 && this.norm(f) === 'of' ? this.npLeft(f) : null;
        if (head !== null) {
          np = head;
          continue;
        }
      }
      if (before < this.s0) break;
      // "lending rates to prime customers": a "to" phrase after a noun, whatever the tagger made
      // of "to" (an infinitive's) and of the word after it (a verb)
      const toPhrase =
        before - 2 >= this.s0 &&
        this.norm(before - 1) === 'to' &&
        this.pos(before - 2) === 'NOUN' &&
        this.pos(before) === 'VERB' &&
        !/(ed|ing)$/.test(this.norm(before)) &&
        before === np[0] - 1 &&
        this.pos(np[1] - 1) === 'NOUN' &&
        /^(AUX|VERB)$/.test(this.pos(v));
      if (toPhrase) before--;
      // "turnover in Degussa's pharmaceuticals sector": the possessor belongs to the phrase
      if (this.norm(before) === "'s" && before - 1 >= this.s0 && this.pos(before - 1) === 'PROPN') {
        let p0 = before - 1;
        while (p0 - 1 >= this.s0 && this.pos(p0 - 1) === 'PROPN') p0--;
        // ... over an article before it too ("volume in the SIMEX's Nikkei index"; not over
        // a sentence end the splitter missed, "for the U.S. Japan's")
        let dotted = false;
        for (let i = p0; i < before; i++) dotted ||= this.norm(i).endsWith('.');
        if (p0 - 2 >= this.s0 && this.norm(p0 - 1) === 'the' && !dotted) p0--;
        const w0 = p0 - 1 >= this.s0 ? this.norm(p0 - 1) : '';
        if (this.d.words['phrase-prep'].has(w0)) {
          np = [p0, np[1]];
          continue;
        }
      }
      const w = this.norm(before);
      const allProper = this.allProper(np);
      // "earnings per share are expected": a rate's phrase is one subject
      if (w === 'per') {
        const prev = this.npLeft(before);
        if (prev !== null) np = [prev[0], np[1]];
        break;
      }
      // "exports to the U.S., Japan and Southeast Asia slipped": over the list of names
      if ((w === 'and' || w === ',') && allProper) {
        const prev = this.npLeft(before);
        if (prev === null || !this.allProper(prev)) break;
        np = prev;
        continue;
      }
      // "with consumer prices rising 10 pct": the noun before a bare participle is its subject
      if (w === 'with' && k === v && this.norm(v).endsWith('ing')) break;
      // "earnings for oil and chemical sales were": over the whole coordinated phrase
      if (w === 'and' && !allProper) {
        const first = this.npLeft(before);
        const at = first === null ? -1 : first[0] - 1;
        // "consumption of oilmeals and oil cakes rose": the whole phrase
        if (at > this.s0 && this.norm(at) === 'of') {
          const head = this.npLeft(at);
          const opening = head !== null && head[0] === this.s0 && head[1] - head[0] === 1;
          if (head !== null && (!this.allProper(head) || opening)) np = [head[0], np[1]];
          break;
        }
        const outer =
          at > this.s0 && this.d.words['phrase-prep'].has(this.norm(at)) && this.pos(at) === 'ADP'
            ? this.npLeft(at)
            : null;
        if (outer === null) break;
        np = outer;
        continue;
      }
      // "the gross debt to equity ratio fell": "to" inside a compound of bare common nouns
      if (w === 'to' && before === np[0] - 1 && this.bareCompound(np)) {
        const prev = this.npLeft(before);
        if (prev !== null && this.pos(prev[1] - 1) === 'NOUN') np = [prev[0], np[1]];
        break;
      }
      // "offered wheat at prices ranging down to": a participle's noun is its own subject
      // (... "prices ranging down to": or before the verb's particle)
      if (this.d.words['phrase-prep'].has(w) && v - np[1] <= 1 && k >= v - 1) {
        const at = this.pos(np[1]) === 'VERB' ? np[1] : np[1] - 1;
        if (at > np[0] && at <= v && this.pos(at) === 'VERB' && this.norm(at).endsWith('ing')) {
          if (at < np[1]) np = [np[0], at];
          break;
        }
      }
      if (this.d.words['phrase-prep'].has(w) && (this.pos(before) === 'ADP' || toPhrase)) {
        // ... "the deficit in the budget approved by Parliament was": over the participle too
        const passive =
          before - 1 > this.s0 &&
          this.pos(before - 1) === 'VERB' &&
          this.norm(before - 1).endsWith('ed');
        const prev = this.npLeft(before) ?? (passive ? this.npLeft(before - 1) : null);
        if (prev === null) break;
        // "growth in goods exports will slow": a noun of change keeps what changed (not "a drop
        // in the labor force, which fell": the relative clause's subject is the labor force;
        // not "losses in the half were": a period is no thing changed)
        const c =
          before === prev[1] &&
          w === 'in' &&
          !relative &&
          !this.periodPhrase(np) &&
          /^(VERB|AUX|ADJ)$/.test(this.pos(v))
            ? this.change(prev[1] - 1)
            : null;
        if (c !== null && c.pos === 'noun' && c.label !== null && c.direction !== 'level') {
          np = [prev[0], np[1]];
          break;
        }
        np = prev;
        continue;
      }
      if (w === 'of' && !allProper) {
        const prev = this.npLeft(before);
        // ("Use of soy products": a capital that only opens the sentence)
        const opening = prev !== null && prev[0] === this.s0 && prev[1] - prev[0] === 1;
        if (prev !== null && (!this.allProper(prev) || opening)) {
          np = [prev[0], np[1]];
          // ... "business loans on the books of major banks": on to the noun whose phrase it is
          if (this.phraseOfNoun(np[0])) continue;
        }
        break;
      }
      if (w === 'of' && allProper) {
        const prev = this.npLeft(before);
        if (prev !== null) np = prev;
        break;
      }
      break;
    }
    // "at which time coal exports are": a time noun opening the phrase is not the subject's
    if (
      np !== null &&
      np[1] - np[0] > 1 &&
      np[0] > this.s0 &&
      this.pos(np[0]) === 'NOUN' &&
      this.d.words['time-noun'].has(this.norm(np[0])) &&
      this.pos(np[0] + 1) === 'NOUN' &&
      this.startOf(np[0] + 1) > this.ends(np[0]) &&
      !this.hyphenNext(np[0] + 1)
    )
      np = [np[0] + 1, np[1]];
    return np;
  }

  /**
   * The noun phrase starting at token lo is the object of a preposition of phrase-prep
   * (words.tsv) after a common noun: "loans on [the books of major banks]".
   */
  protected phraseOfNoun(lo: number): boolean {
    let b = lo - 1;
    while (b > this.s0 && (this.pos(b) === 'DET' || this.d.words.possessive.has(this.norm(b)))) b--;
    if (b <= this.s0 || this.pos(b) !== 'ADP' || !this.d.words['phrase-prep'].has(this.norm(b)))
      return false;
    const head = this.npLeft(b);
    // (nor a noun of change: "restrict the fall in the standard rate of tax to" stays the rate's)
    if (head === null || this.allProper(head) || this.periodPhrase(head)) return false;
    if (this.change(head[1] - 1) !== null) return false;
    // (not a noun inside a phrase of its own: "contributed to earnings results by a reduction
    // of shares", where "by" goes with the verb)
    let h = head[0] - 1;
    while (h > this.s0 && (this.pos(h) === 'DET' || this.d.words.possessive.has(this.norm(h)))) h--;
    return h < this.s0 || this.pos(h) !== 'ADP';
  }

  /** Token i is a finite verb or a subject pronoun: "said", "it" (not "watched", "its"). */
  protected clauseWord(i: number): boolean {
    const p = this.pos(i);
    const w = this.norm(i);
    if (p === 'PRON') return !this.d.words.possessive.has(w);
    return p === 'VERB' && !w.endsWith('ed') && !w.endsWith('ing');
  }

  /**
   * For a period phrase ending a subject search ("for the first eight weeks of the year"),
   * starting at token lo: the noun phrase before the preposition that opens the period, or null.
   */
  protected overPeriod(lo: number): [number, number] | null {
    for (let i = lo - 1; i > this.s0 && lo - i < 10; i--) {
      const w = this.norm(i);
      const p = this.pos(i);
      if (w !== 'of' && p === 'ADP' && this.d.words['phrase-prep'].has(w)) {
        const np = this.npLeft(i);
        return np !== null && !this.endsInPeriod(np) ? np : null;
      }
      const inside =
        w === 'of' ||
        p === 'DET' ||
        p === 'NUM' ||
        p === 'ADJ' ||
        this.d.words.possessive.has(w) ||
        this.dateTok[i] === 1 ||
        this.d.words['time-noun'].has(w);
      if (!inside) return null;
    }
    return null;
  }

  /** [lo, hi) is two or more common nouns with no determiner ("equity ratio"). */
  protected bareCompound(np: [number, number]): boolean {
    if (np[1] - np[0] < 2) return false;
    for (let i = np[0]; i < np[1]; i++) if (this.pos(i) !== 'NOUN') return false;
    return true;
  }

  /**
   * The subject a verb at v shares with an earlier verb it is coordinated with ("X is poised
   * to resume its decline, and will lose 13 pct"): after "and"/"but" (auxiliaries skipped),
   * the subject of the nearest finite verb before it.
   */
  protected sharedSubject(v: number): [number, number] | null {
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

  /** For a phrase at i set off by a comma: the subject of the verb of the clause before it. */
  protected appositiveSubject(i: number): [number, number] | null {
    let k = i - 1;
    while (k > this.s0 && i - k < 4 && /^(DET|ADJ|ADV)$/.test(this.pos(k))) k--;
    if (k <= this.s0 || this.norm(k) !== ',') return null;
    for (let v = k - 1; v > this.s0 && k - v < 10; v--) {
      if (this.pos(v) === 'PUNCT') return null;
      if (this.pos(v) !== 'VERB' || this.change(v) === null) continue;
      const np = this.subjectOf(v);
      return np !== null && this.pos(np[1] - 1) !== 'PRON' ? np : null;
    }
    return null;
  }

  /**
   * For "... for N dlrs" at token f: the thing paid for. Walks left to the clause's verb (over
   * one comma-delimited apposition and its "from X" phrase); its subject when it is passive
   * ("the building was acquired ... for"), else its object ("bought the unit for").
   */
  protected boughtThing(f: number): [number, number] | null {
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
    // ... and "redeem all outstanding 11 pct debentures for": over the rate too
    let r = o;
    while (r < f && r - k < 4 && (this.pos(r) === 'DET' || this.pos(r) === 'ADJ')) r++;
    if (r > o && this.numTok[r] === 1) o = r;
    while (o < f && o - k < 5 && this.numTok[o] === 1) o++;
    // ... "50,000 acres of timberland": what the count counts
    if (o > k + 1 && o + 1 < f && this.norm(o) === 'of') o++;
    const np = this.npRight(o);
    return np !== null && np[1] <= f && np[1] > np[0] ? np : null;
  }

  /** "off the value of crops", "out of reserves" after token e: that phrase, its "of" kept. */
  protected offPhrase(e: number): [number, number] | null {
    let k = e;
    if (k < this.s1 && (this.norm(k) === 'off' || this.norm(k) === 'out')) k++;
    else return null;
    if (k < this.s1 && (this.norm(k) === 'of' || this.norm(k) === 'from')) k++;
    const np = this.npRight(k);
    if (np === null || this.periodPhrase(np)) return null;
    const of = this.ppAfter(np[1]);
    return of !== null && this.norm(np[1]) === 'of' ? [np[0], of[1]] : np;
  }

  /** "to buy virtually all the assets" after token e: the purpose's object. */
  protected purposeAfter(e: number): [number, number] | null {
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
    return np !== null && !this.endsInPeriod(np) ? np : null;
  }

  /**
   * Tokens [e, p) only say what the amount at e is per ("110 dlrs cash per share from"): the
   * preposition at p pairs the next amount with it.
   */
  protected pairedAfter(e: number, p: number): boolean {
    if (p === e) return true;
    if (p - e > 6) return false;
    let per = false;
    let dated = false;
    for (let i = e; i < p; i++) {
      const w = this.norm(i);
      if (this.dateTok[i] === 1) dated = true;
      else if (w === 'a' || w === 'per') per = true;
      else if (this.pos(i) !== 'NOUN') return false;
    }
    return per || dated;
  }

  /**
   * What a line of figures measures: "Shr", "Net", "Oper shr profit" heading the line (the
   * longest label of labels.tsv ending right before the amount), or the heading words
   * themselves when the line compares figures ("Deposits 817.7 mln vs 705.7 mln").
   */
  protected labelFor(at: number, withColumns = true): string | null {
    // "Prime 7.50 pct 7.50 pct": a later column's heading is the line's, over the figures before
    let a = at;
    while (a - 1 > this.s0 && this.numTok[a - 1] === 1 && !this.lineBreakBefore(a)) a--;
    // "Net - 21.61 billion vs 38.93 billion": a dash after the heading
    if (a - 1 > this.s0 && this.norm(a - 1) === '-' && this.startOf(a) > this.ends(a - 1)) a--;
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
    // a line of figures: compared ("vs"), in columns, or ending with the amount
    // (bare numbers in columns are left out: their unit and scale are in a heading)
    const columns = withColumns && (a < at || this.figuresFollow(at));
    if (!compared && !columns && !this.lineEndsAfterAmount(a)) return null;
    // "Oper net loss 7,001,000": the longest label that ends at the amount, else the first
    for (let p = lo; p < a; p++) {
      const m = this.matchForm(this.d.labels, p);
      // ... unless it ends a longer heading ("Cost of sales 1.22 billion vs 1.39 billion",
      // "Gross profit 241.8 mln vs 357.6 mln": a label that is only its own words)
      const own =
        m !== null &&
        p > lo &&
        compared &&
        m[0].about === m[0].words.join(' ') &&
        this.plainHead(lo, p);
      if (m !== null && m[1] === a && !own && (p === lo || this.pos(p - 1) !== 'ADP'))
        return m[0].about;
    }
    // "Shr primary 43 cts", "Avg shrs diluted 32.4 mln": a known label starting the line,
    // unless a noun after it names something else ("Net proceeds 45 mln vs 40 mln")
    const first = this.matchForm(this.d.labels, lo);
    let named = false;
    if (first !== null)
      for (let p = first[1]; p < a && !named; p++) named = /^(NOUN|PROPN)$/.test(this.pos(p));
    if (first !== null && !named) return first[0].about;
    if (!(compared || columns || first !== null)) return null;
    // "Results include LIFO charge 1.7 mln vs ...": the heading is what follows its verb,
    // and "Output was 1.2 mln vs 1.1 mln" has none (the sentence's syntax says it)
    // ("Transfer to holding co 80 mln vs 80 mln": an "-ing" word before a noun is its adjective)
    let from = lo;
    for (let p = lo; p < a; p++) {
      const w = this.norm(p);
      const verb =
        this.pos(p) === 'VERB' &&
        !w.endsWith('ed') &&
        !(w.endsWith('ing') && p + 1 < a && this.pos(p + 1) === 'NOUN');
      if (verb || this.pos(p) === 'AUX') from = p + 1;
    }
    return from < a ? this.phrase(from, a) : null;
  }

  /** Tokens [lo, p) only modify a noun: no verb, auxiliary or conjunction ("Parent company"). */
  protected plainHead(lo: number, p: number): boolean {
    for (let i = lo; i < p; i++) if (/^(VERB|AUX|CCONJ|ADP)$/.test(this.pos(i))) return false;
    return true;
  }

  /** "Prime 7.50 pct 7.50 pct": only figures, at least two, from token a to the line's end. */
  protected figuresFollow(a: number): boolean {
    let j = a;
    let numbers = 0;
    while (j < this.s1 && this.numTok[j] === 1 && (j === a || !this.lineBreakBefore(j))) {
      if (this.pos(j) === 'NUM' && /^\d/.test(this.norm(j))) numbers++;
      j++;
    }
    return numbers >= 2 && (j >= this.s1 || this.lineBreakBefore(j));
  }

  /** The line (or sentence) ends within a few tokens after token a: "Net 5,871,258". */
  protected lineEndsAfterAmount(a: number): boolean {
    for (let j = a + 1; j < a + 5; j++) {
      if (j >= this.s1 || this.lineBreakBefore(j)) return true;
      if (this.pos(j) === 'VERB' || this.pos(j) === 'ADP') return false;
    }
    return false;
  }

  /** "12.5 mln vs 10.1 mln": a comparison word within the next few tokens. */
  protected comparisonFollows(a: number): boolean {
    for (let j = a + 1; j < this.s1 && j < a + 5; j++)
      if (this.d.words.compare.has(this.norm(j))) return true;
    return false;
  }

  /** "vs profit 11 cts": the label of labels.tsv between "vs" and the amount at a, if any. */
  protected labelBetween(a: number): string | null {
    for (let k = a - 1; k > this.s0 && a - k <= 3; k--) {
      if (this.d.words.compare.has(this.norm(k - 1))) {
        // the word as written: "vs loss 316,000 dlrs" after a gain is a loss, not net loss
        const m = this.matchForm(this.d.labels, k);
        if (m !== null && m[1] === a) return this.phrase(k, a);
        // "vs credit 4.4 mln dlrs": any noun there names the compared figure
        for (let i = k; i < a; i++) if (this.pos(i) !== 'NOUN') return null;
        return this.phrase(k, a);
      }
    }
    return null;
  }

  /** "... vs 4.4 mln": the amount repeats the previous one's subject. */
  protected comparedTo(a: number, prev: Draft | null): boolean {
    if (prev === null || a - 1 < this.s0) return false;
    // "against a revised 45.85 billion"
    let k = a - 1;
    // "vs November's 374,468 ounces": over the period that owns the figure
    if (k - 1 > this.s0 && this.norm(k) === "'s" && this.dateTok[k - 1] === 1) {
      k--;
      while (k > this.s0 && this.dateTok[k] === 1) k--;
      return this.d.words.compare.has(this.norm(k));
    }
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

  /** "That compared with 9.4 pct": a sentence opening with a pronoun compared with the amount at a. */
  protected pronounComparison(a: number): boolean {
    let k = a - 1 - this.qualifierBefore(a)[1];
    while (k > this.s0 && a - k < 4 && /^(DET|ADJ)$/.test(this.pos(k))) k--;
    if (k - 2 < this.s0 || this.norm(k) !== 'with' || this.lemma(k - 1) !== 'compare') return false;
    let o = k - 2;
    while (o > this.s0 && this.pos(o) === 'AUX') o--;
    return o === this.s0 && /^(PRON|DET)$/.test(this.pos(o));
  }
}
