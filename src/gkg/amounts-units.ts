import type { Expression } from '../core/document.js';
import type { CasualtyEntry, UnitEntry } from './amounts-data.js';
import type { Draft } from './amounts-tokens.js';
import { SubjectReader } from './amounts-subject.js';
import { NP_POS } from './amounts-tokens.js';

/*
 * Units of the amounts reader (src/gkg/amounts.ts): unit words after a number (units.tsv),
 * words naming two units (senses.tsv), counted nouns, casualty words, the dollar currency of
 * the document.
 */

/** A dollar written as a word; and one written with its country or symbol (see `bareDollars`). */
const DOLLAR_WORD = /\b(?:dlrs?|dollars?)\b/i;
const NAMED_DOLLAR = /\$|\bU\.?S\b/;
const MODIFIER_DOLLAR = /\bdlr$/i;
/** A currency's ISO code as a unit ("HKD"). */
const ISO_UNIT = /^[A-Z]{3}$/;

export class UnitReader extends SubjectReader {
  /**
   * The unit a word naming two units stands for here ("pounds": GBP or lb; "cfa francs": XOF or
   * XAF), from the cues of senses.tsv: 2 for a cue right after the amount [a, e), 1 for each cue in the
   * sentence and for each in the document; `current` (the recogniser's) wins ties.
   */
  protected senseOf(form: string, current: string, a: number, e: number): string {
    // "Net 1.28 billion dlrs" after "Shr 3.25 H.K. Dlrs": the story's own dollar (see `dollars`)
    if (current === 'USD' && this.dollars !== null && this.bareDollars(a, e)) return this.dollars;
    // "an Australian dollar eurobond of 60 mln dlrs": the dollar the governing phrase names
    if (current === 'USD' && this.bareDollars(a, e)) {
      const named = this.dollarOfGovernor(a);
      if (named !== null) return named;
    }
    const cues = this.d.senses.get(form);
    // a two-word form ("cfa francs") is itself qualified: its cues decide between its currencies
    if (cues === undefined || (!form.includes(' ') && this.qualifiedUnit(a, e))) return current;
    const score = new Map<string, number>([[current, 0.5]]);
    const add = (unit: string, n: number): void => void score.set(unit, (score.get(unit) ?? 0) + n);
    for (const cue of cues) {
      if (cue.where === 'after') {
        if (this.wordsAt(cue.words, e)) add(cue.unit, 2);
        continue;
      }
      if (cue.where === 'document') {
        if (this.inDocument(cue.words)) add(cue.unit, 1);
        continue;
      }
      for (let i = this.s0; i < this.s1; i++) {
        if (i >= a && i < e) continue; // the amount's own words
        if (this.wordsAt(cue.words, i, this.s1)) {
          add(cue.unit, 1);
          break;
        }
      }
    }
    let best = current;
    for (const [unit, n] of score) if (n > (score.get(best) ?? 0)) best = unit;
    return best;
  }

  /**
   * The unit word ending the amount [a, e) follows a capitalised word of the amount ("500 mln
   * CFA francs", "300 mln Swiss francs", "Egyptian pounds"): the recogniser read the exact
   * currency, so no cue of the bare word re-reads it. A line in capitals ("500 MLN FRANCS") is
   * no such case.
   */
  protected qualifiedUnit(a: number, e: number): boolean {
    const k = e - 2;
    if (k < a) return false;
    const text = this.input.text;
    const c = text.charCodeAt(this.startOf(k));
    if (!(c >= 65 && c <= 90)) return false;
    const last = text.slice(this.startOf(e - 1), this.ends(e - 1));
    return last !== last.toUpperCase();
  }

  /**
   * The currency of a dollar of units.tsv (a `measure` whose last word is a dollar, "canadian
   * dollar") named in the noun phrase governing the amount at a through "of" ("a New Zealand
   * dollar issue of 50 mln dlrs" → NZD); null when none is named there.
   */
  protected dollarOfGovernor(a: number): string | null {
    const of = a - 1 - this.qualifierBefore(a)[1];
    if (of - 1 <= this.s0 || this.norm(of) !== 'of' || this.pos(of - 1) !== 'NOUN') return null;
    for (let k = of - 1; k >= this.s0 && of - k <= 6; k--) {
      const p = this.pos(k);
      if (p !== 'NOUN' && p !== 'PROPN' && p !== 'ADJ') break;
      const m = this.matchForm(this.d.units, k);
      if (m === null || m[1] > of - 1) continue;
      const [entry] = m;
      if (
        entry.kind === 'measure' &&
        entry.unit !== 'USD' &&
        ISO_UNIT.test(entry.unit) &&
        DOLLAR_WORD.test(entry.words[entry.words.length - 1] as string)
      )
        return entry.unit;
    }
    return null;
  }

  /** The amount [a, e) is in dollars with no country: "1.28 billion dlrs", not "$5" or "5 U.S. dlrs". */
  protected bareDollars(a: number, e: number): boolean {
    const written = this.input.text.slice(this.startOf(a), this.ends(e - 1));
    return DOLLAR_WORD.test(written) && !NAMED_DOLLAR.test(written);
  }

  /** The words `w` occur somewhere in the document (looked up once per cue). */
  protected inDocument(w: readonly string[]): boolean {
    let found = this.documentCues.get(w);
    if (found === undefined) {
      found = false;
      for (let i = 0; i < this.n && !found; i++) found = this.wordsAt(w, i, this.n);
      this.documentCues.set(w, found);
    }
    return found;
  }

  /**
   * Index of a plural noun at b (after at most one adjective, ending a compound unless
   * `compound` is false: "1100 series grades" names a series), or -1.
   */
  protected pluralNounAt(b: number, compound = true): number {
    let k = b;
    if (k < this.s1 && this.pos(k) === 'ADJ') k++;
    if (k >= this.s1 || this.pos(k) !== 'NOUN' || this.dateTok[k] === 1) return -1;
    // "50 savings bank branches": the last noun of a compound is what is counted
    while (
      compound &&
      k + 1 < this.s1 &&
      k - b < 3 &&
      this.pos(k + 1) === 'NOUN' &&
      this.dateTok[k + 1] === 0
    )
      k++;
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
  protected demonymAt(b: number): boolean {
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

  /**
   * "Resolution 242", "page 12", "Flight 17": a capitalised noun right before names it; and
   * "A330/340", "MD-80/90": a figure joined by a slash to a model number written with letters.
   */
  protected isLabelNumber(a: number): boolean {
    if (this.slashModel(a)) return true;
    if (a <= this.s0) return false;
    const p = this.pos(a - 1);
    const w = this.norm(a - 1);
    // ... or a capitalised word the tagger could not read ("FT-SE 100 share index")
    return (
      ((p === 'PROPN' || (p === 'X' && this.capitalAt(a - 1))) && this.labelFor(a) === null) ||
      w === 'page' ||
      w === 'no.' ||
      w === 'number'
    );
  }

  /**
   * The figure at token a follows a slash that ends a model number with letters ("A330/340",
   * "MD-80/90"): the run of characters before the slash holds a digit right before it and a
   * letter.
   */
  protected slashModel(a: number): boolean {
    const text = this.input.text;
    const i = this.startOf(a) - 1;
    const d = text.charCodeAt(i - 1);
    if (i < 1 || text[i] !== '/' || d < 48 || d > 57) return false;
    // (letters, digits and hyphens only: "A330", "MD-80")
    for (let k = i - 2; k >= 0 && i - k <= 12; k--) {
      const c = text.charCodeAt(k) | 32;
      if (c >= 97 && c <= 122) return true;
      if (!(c >= 48 && c <= 57) && c !== 45) return false;
    }
    return false;
  }

  /** Token k starts with a capital letter. */
  protected capitalAt(k: number): boolean {
    const c = this.input.text.charCodeAt(this.startOf(k));
    return c >= 65 && c <= 90;
  }

  /**
   * The unit word of people or things at [j, e) opens a name: written capitalised ("Workers")
   * with a capitalised word after it, or its possessive ("May 1 Workers' Day", "the Nine
   * Sisters Fund"); a line in capitals is no such case.
   */
  protected unitInName(j: number, e: number): boolean {
    const text = this.input.text;
    const s = this.startOf(j);
    const c = text.charCodeAt(s);
    if (!(c >= 65 && c <= 90) || j <= this.s0) return false;
    const c2 = text.charCodeAt(s + 1);
    if (!(c2 >= 97 && c2 <= 122)) return false;
    let k = e;
    if (k < this.s1 && (this.norm(k) === "'" || this.norm(k) === "'s")) k++;
    if (k >= this.s1) return false;
    const n0 = text.charCodeAt(this.startOf(k));
    const n1 = text.charCodeAt(this.startOf(k) + 1);
    return n0 >= 65 && n0 <= 90 && n1 >= 97 && n1 <= 122;
  }

  /** A unit word after the number: measures right after it, people and things after ≤ 2 adjectives. */
  protected unitAfter(x: Expression, b: number): [UnitEntry, number] | null {
    let j = b;
    if (j < this.s1 && this.norm(j) === '-') j++;
    // a company name ("Carter Hawley Hale Stores Inc <CHH>") counts as one word
    let named = 0;
    for (let skipped = 0; j < this.s1 && skipped - named <= 2 && skipped < 9; skipped++, j++) {
      const m = this.matchForm(this.d.units, j);
      if (m !== null) {
        const [entry] = m;
        // ... a measure after one participle too: "60 mln harvested acres"
        if (entry.kind === 'subunit' && skipped > 0) return null;
        if (entry.kind === 'measure' && skipped > 0 && !(skipped === 1 && this.participleAt(j - 1)))
          return null;
        if (entry.kind === 'count' && !this.countable(x)) return null;
        return m;
      }
      const p = this.pos(j);
      // "11.2 mln Class A shares": one capital letter after a capitalised word ends its name
      if (skipped > 0 && p !== 'NOUN' && this.capitalLetterAt(j)) continue;
      // "30 unarmed civilians", "60 government troops", "3 million vaccine doses"
      if (!(p === 'ADJ' || p === 'NOUN' || this.norm(j) === 'more')) {
        // "60 mln harvested acres", "1,100 unionized workers": a participle right before the unit
        if (skipped === 0 && this.participleAt(j) && this.matchForm(this.d.units, j + 1) !== null)
          continue;
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

  /** Token k is one capital letter after a capitalised word ("Class A", "Series B"). */
  protected capitalLetterAt(k: number): boolean {
    const s = this.startOf(k);
    if (this.ends(k) !== s + 1 || k <= this.s0) return false;
    const text = this.input.text;
    const c = text.charCodeAt(s);
    const prev = text.charCodeAt(this.startOf(k - 1));
    return c >= 65 && c <= 90 && prev >= 65 && prev <= 90;
  }

  /** A past participle used as an adjective ("harvested", "planted", "proven"). */
  protected participleAt(k: number): boolean {
    const p = this.pos(k);
    const w = this.norm(k);
    return (p === 'VERB' || p === 'ADJ') && w.length > 4 && (w.endsWith('ed') || w.endsWith('en'));
  }

  /**
   * "33.0 mln vs 32.3 mln shares": a bare number compared with one whose count or measure
   * follows takes that unit (and its noun as `about`); true when it did.
   */
  protected comparedUnit(x: Expression, draft: Draft, b: number): boolean {
    if (b + 1 >= this.s1 || !this.d.words.compare.has(this.norm(b))) return false;
    let k = b + 1;
    while (k < this.s1 && k - b < 6 && this.numTok[k] === 1) k++;
    if (k === b + 1 || !/[a-z]/i.test(x.text)) return false;
    return this.takeCountUnit(draft, x, k);
  }

  /**
   * The count or measure written at token k, after amount x, becomes the draft's unit ("vs
   * 12 mln tonnes", "1.2 mln and 800,000 shares"), a count also its `about`; false when no
   * count or measure is written there.
   */
  protected takeCountUnit(draft: Draft, x: Expression, k: number): boolean {
    const unit = this.unitAfter(x, k);
    if (unit === null || (unit[0].kind !== 'count' && unit[0].kind !== 'measure')) return false;
    draft.unitEntry = unit[0];
    draft.unit = unit[0].unit;
    if (unit[0].kind === 'count') draft.about = this.countedPhrase(k, unit[1]);
    return true;
  }

  /** The words of a count's noun [b, e), hyphens and "<TICKER>" left out ("creditor banks"). */
  protected countedPhrase(b: number, e: number): string {
    const parts: string[] = [];
    for (let k = b; k < e; k++) {
      if (this.norm(k) === '<' && k + 2 < e && this.norm(k + 2) === '>') k += 2;
      else if (this.norm(k) !== '-') parts.push(this.phrase(k, k + 1));
    }
    return parts.join(' ');
  }

  /** Length of a run of proper nouns (and "<TICKER>") at j, at most 7; 0 unless `first` or after a noun. */
  protected nameRun(j: number, first: boolean): number {
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
  protected countable(x: Expression): boolean {
    return /\d/.test(x.text) || (x.value ?? 0) >= 10;
  }

  /** A casualty word right after the count ("were killed", "killed", "dead") or a verb before it. */
  protected casualtyAround(a: number, e: number): CasualtyEntry | null {
    for (let j = e, seen = 0; j < this.s1 && seen < 4; j++, seen++) {
      const p = this.pos(j);
      if (p === 'VERB' || p === 'ADJ' || p === 'NOUN') {
        // "8,000 enterprises employing over 80,000 people": a participle with an object of its
        // own after the count makes the count its agent, not the people it names
        if (p === 'VERB' && this.norm(j).endsWith('ing') && this.hasObject(j + 1)) break;
        const c = this.casualtyAt(j);
        if (c !== null && !(seen === 0 && p === 'NOUN' && this.namesGathering(c))) return c;
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

  /** Token k opens an object: a figure, or a determiner, adjective or noun. */
  private hasObject(k: number): boolean {
    if (k >= this.s1) return false;
    if (this.numTok[k] === 1) return true;
    const p = this.pos(k);
    return p === 'DET' || p === 'ADJ' || p === 'NOUN' || this.qualifierBefore(k + 1)[1] > 0;
  }

  /**
   * "two protests", "three rallies": a crowd's word (its label a people noun of units.tsv,
   * "protesters") written as the noun counted names the gatherings, not the people in them.
   */
  private namesGathering(c: CasualtyEntry): boolean {
    return c.field === 'size' && (this.d.units.get(c.about) ?? []).some((u) => u.unit === 'people');
  }

  /** Keeps `dollars`, `docMoney` and `noted` up to date after the amount of `d` (see their comments). */
  protected noteDollars(d: Draft): void {
    this.noted = d;
    if (d.unit === null || !/^[A-Z]{3}$/.test(d.unit)) {
      // "12.2 billion pesos": money of no known currency, so the story's is not known either
      if (d.money) this.docMoney = null;
      return;
    }
    this.docMoney = d.unit;
    const written = this.input.text.slice(
      this.startOf(Math.max(this.s0, d.a - 1)),
      this.ends(d.e - 1),
    );
    if (d.unit === 'USD') {
      // an amount in U.S. dollars ends the story's own dollar, but not "its 68 billion U.S.
      // dlr debt": a dollar written as a modifier names one instrument, not the story's currency
      if (/\bU\.?S\.?\b|US\$/.test(written) && !MODIFIER_DOLLAR.test(written)) this.dollars = null;
    } else if (/dlr|dollar|\$/i.test(written)) this.dollars = d.unit;
  }

  /** The unit a subject's last word names ("common shares" → shares), from units.tsv. */
  protected unitOfAbout(about: string): string | null {
    // "earnings per share" is money per share, not a count of shares
    if (about.includes(' per ')) return null;
    // "share of profit of related companies": the head is before "of", and it names the unit
    // only as the plural written in units.tsv ("shares of common stock" → shares)
    const of = about.indexOf(' of ');
    if (of > 0) {
      const head = about.slice(about.lastIndexOf(' ', of - 1) + 1, of);
      // ("the number of outstanding shares": a level noun of changes.tsv is seen through)
      if (this.d.changes.noun.get(head)?.direction === 'level')
        return this.unitOfAbout(about.slice(of + 4));
      const entry = this.d.units.get(head)?.find((u) => u.words.length === 1);
      return entry !== undefined && entry.kind === 'count' && entry.unit === head ? head : null;
    }
    const cut = about.lastIndexOf(' ');
    const last = about.slice(cut + 1);
    const entry = this.d.units.get(last)?.find((u) => u.words.length === 1);
    // ... a measure only as the head of a compound that counts in it ("available seat miles
    // rose to 1.05 billion" → miles), never a currency
    if (entry !== undefined && entry.kind === 'measure')
      return cut > 0 && entry.unit === last && !ISO_UNIT.test(entry.unit) ? entry.unit : null;
    if (entry !== undefined) return entry.unit;
    // "average shares outstanding were 169.9 mln": a count before a participle names the unit
    // ... and so does a measure on a line of figures ("Tonnes milled 3.74 mln vs 3.72 mln")
    if (cut > 0 && (last.endsWith('ing') || last.endsWith('ed'))) {
      const before = about.slice(about.lastIndexOf(' ', cut - 1) + 1, cut);
      const counted = this.d.units.get(before)?.find((u) => u.words.length === 1);
      if (counted?.kind === 'count' && last.endsWith('ing')) return counted.unit;
      if (counted?.kind === 'measure' && !ISO_UNIT.test(counted.unit) && cut === before.length)
        return counted.unit;
    }
    // "pretax profits of 12.26 mln" in a story of sterling: a sum of money in its currency
    // (a line of figures takes its table's currency instead, see `tableMoney`)
    // ... but not "sold its 10.1 mln Borg-Warner shares": a figure before a noun counts it
    // ... or "the unexpectedly large 15 billion deficit": the figure names a sum of money
    const d = this.noted;
    if (this.tableMoney !== null || d === null) return null;
    if (this.d.moneyNouns.has(last)) return this.countsNounAt(d.e) ? null : this.docMoney;
    return this.moneyNounAt(d.e) ? this.docMoney : null;
  }

  /**
   * The noun phrase at token k has a head naming money: "net profit", "deficit", not "income
   * tax returns" (its last noun within four words is the head).
   */
  protected moneyNounAt(k: number): boolean {
    let head = -1;
    for (let j = k; j < this.s1 && j - k < 4 && NP_POS.has(this.pos(j)); j++)
      if (this.pos(j) === 'NOUN') head = j;
    return head >= 0 && this.dateTok[k] === 0 && this.d.moneyNouns.has(this.norm(head));
  }

  /**
   * Token k starts a noun phrase that the amount before it counts ("10.1 mln Borg-Warner
   * shares"), not one naming money ("a 73 mln surplus", "a 10.59 billion net profit").
   */
  protected countsNounAt(k: number): boolean {
    if (k >= this.s1 || !(this.pos(k) === 'NOUN' || this.pos(k) === 'PROPN')) return false;
    if (this.dateTok[k] === 1 || this.d.words.compare.has(this.norm(k))) return false;
    return !this.moneyNounAt(k);
  }

  /** "protesters" fill an event's size, "dead" its dead (from casualties.tsv). */
  protected fieldOfAbout(about: string | null): 'dead' | 'injured' | 'size' | null {
    if (about === null) return null;
    for (const c of this.d.casualties.values()) if (c.about === about) return c.field;
    return null;
  }
}
