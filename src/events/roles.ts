/**
 * Actor mentions of one sentence and the role finders of the event coder: which actor
 * mention starts or ends at a token, coordinated actors ("Iran and Russia"), and the
 * subject of a clause (nearest actor before the verb, skipping prepositional phrases,
 * appositions and relative clauses).
 */
import type { Entity, Sentence, Span, TokenTable } from '../core/document.js';
import type { Grammar } from './grammar.js';
import { firstTokenAtOrAfter } from '../nlp/token-table.js';

/** One actor mention as the matcher sees it: a token range and the codes it stands for. */
export interface Mention {
  /** Index into the document's entities. */
  readonly entity: number;
  /** First token of the mention (the actor phrase when wider than the name). */
  readonly first: number;
  /** Last token, a trailing `'s` included. */
  readonly last: number;
  /** Codes the mention stands for: one, or the members of "both leaders"; empty when unresolved. */
  readonly codes: readonly string[];
  readonly start: number;
  readonly end: number;
}

/** The tokens of one sentence with its mentions indexed by token. */
export interface SentenceView {
  readonly sentence: Sentence;
  readonly first: number;
  /** One past the last token. */
  readonly end: number;
  readonly tokens: TokenTable;
  /** The function words read as grammar (dictionaries/events/grammar.tsv). */
  readonly grammar: Grammar;
  readonly mentions: readonly Mention[];
  /** Token index → index into `mentions`, -1 when the token is in no mention. */
  readonly mentionAt: Int32Array;
  /** Token index - first → 1 when the token is in a date or time expression ("on Monday"). */
  readonly time: Uint8Array;
}

/** Tokens the matcher may skip between two pattern elements. */
const MODIFIER_POS: ReadonlySet<string> = new Set(['DET', 'ADJ', 'ADV', 'NUM', 'AUX']);

/**
 * Builds the view of one sentence: its token range and its actor mentions. `candidates`
 * (entity indexes that may fall in the sentence, in text order) spares a scan of them all.
 */
export function sentenceView(
  sentence: Sentence,
  tokens: TokenTable,
  entities: readonly Entity[],
  grammar: Grammar,
  candidates?: readonly number[],
  times: readonly Span[] = [],
): SentenceView {
  const first = firstTokenAtOrAfter(tokens, sentence.start);
  let end = first;
  while (end < tokens.starts.length && (tokens.ends[end] as number) <= sentence.end) end++;
  const mentionAt = new Int32Array(Math.max(0, end - first)).fill(-1);
  const mentions: Mention[] = [];
  const order = candidates ?? entities.map((_, i) => i);
  for (const e of order) {
    const ent = entities[e] as Entity;
    const start = Math.min(ent.start, ent.phrase?.start ?? ent.start);
    const stop = Math.max(ent.end, ent.phrase?.end ?? ent.end);
    if (start < sentence.start || stop > sentence.end) continue;
    let a = -1;
    let b = -1;
    for (let t = first; t < end; t++) {
      const ts = tokens.starts[t] as number;
      const te = tokens.ends[t] as number;
      if (te > start && ts < stop) {
        if (a < 0) a = t;
        b = t;
      }
    }
    if (a < 0) continue;
    // A mention already covers these tokens (a phrase holding a name): keep the wider one.
    let taken = false;
    for (let t = a; t <= b; t++) if ((mentionAt[t - first] as number) >= 0) taken = true;
    if (taken) continue;
    if (b + 1 < end && /^'s?$|^’s?$/.test(tokens.normal[b + 1] as string)) b++;
    const codes =
      ent.members && ent.members.length > 0 ? ent.members : ent.code !== null ? [ent.code] : [];
    const index = mentions.length;
    mentions.push({ entity: e, first: a, last: b, codes, start, end: stop });
    for (let t = a; t <= b; t++) mentionAt[t - first] = index;
  }
  const time = new Uint8Array(Math.max(0, end - first));
  for (const x of times) {
    if (x.end <= sentence.start || x.start >= sentence.end) continue;
    for (let t = first; t < end; t++) {
      if ((tokens.starts[t] as number) >= x.start && (tokens.ends[t] as number) <= x.end) {
        time[t - first] = 1;
      }
    }
  }
  return { sentence, first, end, tokens, grammar, mentions, mentionAt, time };
}

export function mentionAt(view: SentenceView, t: number): Mention | null {
  if (t < view.first || t >= view.end) return null;
  const m = view.mentionAt[t - view.first] as number;
  return m < 0 ? null : (view.mentions[m] as Mention);
}

/** Whether the matcher may skip token `t` between two elements. */
export function isModifier(view: SentenceView, t: number, beforeWord: boolean): boolean {
  const pos = view.tokens.pos[t] as string;
  const normal = view.tokens.normal[t] as string;
  if (view.grammar.negation.has(normal)) return false;
  if (mentionAt(view, t) !== null) return false;
  if (MODIFIER_POS.has(pos)) return true;
  // Time words between elements: "agreed on Monday to meet", "met yesterday with".
  if (view.time[t - view.first] === 1) return true;
  if (pos === 'ADP' && view.time[t + 1 - view.first] === 1) return true;
  if (pos === 'PRON' && view.grammar.possessive.has(normal)) return true;
  if (beforeWord && (pos === 'NOUN' || pos === 'PROPN')) return true;
  return pos === 'VERB' && participleAdjective(view, t);
}

const ATTRIBUTIVE_BEFORE: ReadonlySet<string> = new Set(['DET', 'NUM', 'ADJ', 'ADP', 'VERB']);

/**
 * A past participle between a determiner, number, adjective, preposition or verb and its
 * noun modifies the noun ("three exiled dissidents", "helped wounded soldiers", "by armed
 * men"): it asserts no act of its own. After an auxiliary it is a verb ("has exiled").
 */
export function participleAdjective(view: SentenceView, t: number): boolean {
  if (t <= view.first || t + 1 >= view.end) return false;
  if (!(view.tokens.normal[t] as string).endsWith('ed')) return false;
  if (!ATTRIBUTIVE_BEFORE.has(view.tokens.pos[t - 1] as string)) return false;
  if (view.grammar.passiveAuxiliary.has(view.tokens.lemma[t - 1] as string)) return false;
  const next = view.tokens.pos[t + 1] as string;
  return next === 'NOUN' || next === 'PROPN';
}

/** A group of coordinated mentions: "Iran and Russia", "Iran, Russia and China". */
export interface ActorGroup {
  readonly mentions: readonly Mention[];
  /** First and last token the group covers. */
  readonly first: number;
  readonly last: number;
}

/** The group starting with mention `m`, extended forward over "and"/"," joins. */
export function groupForward(view: SentenceView, m: Mention): ActorGroup {
  const list = [m];
  const commaOnly: boolean[] = [];
  let last = m.last;
  for (;;) {
    let t = last + 1;
    let joined = false;
    let word = false;
    while (
      t < view.end &&
      view.grammar.coordinator.has(view.tokens.normal[t] as string) &&
      t <= last + 2
    ) {
      joined = true;
      if (view.tokens.normal[t] !== ',') word = true;
      t++;
    }
    if (joined && view.tokens.pos[t] === 'DET' && mentionAt(view, t) === null) t++;
    const next = joined ? mentionAt(view, t) : null;
    if (next === null || next.first !== t) break;
    list.push(next);
    commaOnly.push(!word);
    last = next.last;
  }
  return listOrApposition(list, commaOnly, m.first, false);
}

/**
 * A list joined by commas alone is an apposition, not a coordination, unless a word
 * ("and") joins it somewhere: "Iran, Russia and China" is three actors, "the US commander
 * in Iraq, General Petraeus," one. `commaOnly[k]` tells how mention k+1 was joined.
 */
function listOrApposition(
  list: Mention[],
  commaOnly: readonly boolean[],
  first: number,
  backward: boolean,
): ActorGroup {
  if (list.length > 1 && commaOnly.every((c) => c)) {
    // One actor named twice: the mention nearest the verb when it has a code, else the
    // nearest one that has.
    const order = backward ? [...list].reverse() : list;
    const keep = order.find((x) => x.codes.length > 0) ?? (order[0] as Mention);
    return { mentions: [keep], first: keep.first, last: keep.last };
  }
  return {
    mentions: list,
    first: backward ? (list[0] as Mention).first : first,
    last: (list[list.length - 1] as Mention).last,
  };
}

/** The group ending with mention `m`, extended backward over "and"/"," joins. */
export function groupBackward(view: SentenceView, m: Mention): ActorGroup {
  const list = [m];
  const commaOnly: boolean[] = [];
  let first = m.first;
  for (;;) {
    let t = first - 1;
    let joined = false;
    let word = false;
    // "Brazil and the United States": a determiner may open the later conjunct.
    let lead = first;
    while (t >= view.first && view.tokens.pos[t] === 'DET' && lead - t < 2) {
      t--;
      lead--;
    }
    while (
      t >= view.first &&
      view.grammar.coordinator.has(view.tokens.normal[t] as string) &&
      t >= lead - 2
    ) {
      joined = true;
      if (view.tokens.normal[t] !== ',') word = true;
      t--;
    }
    const prev = joined ? mentionAt(view, t) : null;
    if (prev === null || prev.last !== t) break;
    list.unshift(prev);
    commaOnly.unshift(!word);
    first = prev.first;
  }
  return listOrApposition(list, commaOnly, first, true);
}

/** Whether the mention is the object of a preposition ("of Iran", "in the Russian capital"). */
function afterPreposition(view: SentenceView, m: Mention): boolean {
  let t = m.first - 1;
  let skipped = 0;
  while (t >= view.first && skipped < 3 && isModifier(view, t, false)) {
    t--;
    skipped++;
  }
  if (t < view.first) return false;
  return view.tokens.pos[t] === 'ADP';
}

function prepositionOf(view: SentenceView, m: Mention): string {
  let t = m.first - 1;
  while (t > view.first && isModifier(view, t, false)) t--;
  return view.tokens.normal[t] as string;
}

/** A participle inside a noun phrase ("armed with", "using missiles", "guided missiles"). */
function nonFinite(view: SentenceView, t: number): boolean {
  const normal = view.tokens.normal[t] as string;
  if (normal.endsWith('ing')) return true;
  // The second half of a hyphenated adjective: "Vietnamese-led forces", "US-backed".
  if (t > view.first && view.tokens.normal[t - 1] === '-') return true;
  const next = view.tokens.pos[t + 1];
  const prev = view.tokens.pos[t - 1];
  return normal.endsWith('ed') && prev === 'NOUN' && (next === 'ADP' || next === 'NOUN');
}

/**
 * Tokens before `verb` inside a comma-bounded relative clause or apposition that starts with
 * a relative pronoun: "Iran, which borders Iraq, condemned ..." (Iraq is no subject).
 */
function relativeClauses(view: SentenceView, verb: number): ReadonlySet<number> {
  const inside = new Set<number>();
  let close = -1;
  for (let t = verb - 1; t >= view.first; t--) {
    const normal = view.tokens.normal[t] as string;
    if (normal === ',' && close < 0) close = t;
    else if (close >= 0 && view.grammar.relative.has(normal) && view.tokens.normal[t - 1] === ',') {
      for (let k = t; k < close; k++) inside.add(k);
      close = -1;
    } else if (normal === ',') close = t;
  }
  return inside;
}

/** Whether the mention is the object of a verb ("attacked Gaza"). */
function afterVerb(view: SentenceView, m: Mention): boolean {
  let t = m.first - 1;
  let skipped = 0;
  while (t >= view.first && skipped < 3 && isModifier(view, t, false)) {
    t--;
    skipped++;
  }
  if (t < view.first || view.tokens.pos[t] !== 'VERB') return false;
  // "Ousted President X", "the exiled leader X": a participle used as an adjective.
  const before = view.tokens.pos[t - 1];
  return t > view.first && before !== 'DET' && before !== 'ADP' && before !== 'PUNCT';
}

/** How the subject was found, for explanations. */
export interface SubjectFound {
  readonly group: ActorGroup;
  readonly why: string;
}

/**
 * The subject of the clause whose verb is token `verb`: the nearest mention before it not
 * governed by a preposition. Appositions ("Raisi, the president of Iran, said") and
 * relative clauses ("Putin, who was in Tehran, met") are skipped because their mentions
 * follow a preposition or sit between commas after the head. A main verb crossed on the
 * way back ends the search unless a subject pronoun ("it", "they") or a coordinated verb
 * ("... and urged") shows the clause shares the earlier subject.
 */
export function findSubject(view: SentenceView, verb: number): SubjectFound | null {
  const direct = directSubject(view, verb);
  if (direct !== null) return direct;
  // "The US continued to send arms", "began a hunger strike to protest ...": an infinitive
  // has the subject of the verb it depends on.
  let t = verb - 1;
  while (t > view.first && view.tokens.pos[t] === 'ADV') t--;
  if (t <= view.first || view.tokens.normal[t] !== 'to' || view.tokens.pos[t] !== 'PART') {
    return null;
  }
  // Only right after its verb ("continued to send"); a purpose clause after an object
  // ("staged a strike to demand ...") is not coded as an event of its own.
  let k = t - 1;
  while (k > view.first && view.tokens.pos[k] === 'ADV') k--;
  if (view.tokens.pos[k] !== 'VERB' || mentionAt(view, k) !== null) return null;
  const s = findSubject(view, k);
  return s === null
    ? null
    : {
        group: s.group,
        why: `subject of "${view.tokens.normal[k]}", which the infinitive depends on`,
      };
}

/**
 * "... after the government suspended talks": a finite verb right after a phrase opened by a
 * determiner and headed by a common noun that is no actor ("the government", "a court") has
 * that phrase as its own subject. Then no actor further back is its subject.
 */
export function ownUnresolvedSubject(view: SentenceView, verb: number): boolean {
  const pos = view.tokens.pos;
  const normal = view.tokens.normal[verb] as string;
  if (pos[verb] !== 'VERB' || normal.endsWith('ing') || view.tokens.normal[verb - 1] === '-')
    return false;
  // ("the troops stationed in the north": a participle after its noun)
  if (normal.endsWith('ed') && verb + 1 < view.end && pos[verb + 1] === 'ADP') return false;
  let t = verb - 1;
  while (t > view.first && (pos[t] === 'ADV' || pos[t] === 'AUX' || pos[t] === 'PART')) t--;
  if (t <= view.first || pos[t] !== 'NOUN') return false;
  const free = (i: number): boolean => view.mentionAt[i - view.first] === -1;
  if (!free(t) || view.time[t - view.first] === 1) return false;
  let k = t - 1;
  while (k > view.first && (pos[k] === 'ADJ' || pos[k] === 'NOUN') && free(k)) k--;
  return pos[k] === 'DET' && free(k);
}

/** A participle after a passive auxiliary ("was attacked", "were being held"). */
function passiveVerb(view: SentenceView, verb: number): boolean {
  let t = verb - 1;
  while (t > view.first && (view.tokens.pos[t] === 'ADV' || view.tokens.normal[t] === 'being')) t--;
  return view.grammar.passiveAuxiliary.has(view.tokens.lemma[t] as string);
}

function directSubject(view: SentenceView, verb: number): SubjectFound | null {
  if (ownUnresolvedSubject(view, verb)) return null;
  let crossedVerb = false;
  let sharing = false;
  let pronoun = false;
  let candidate: Mention | null = null;
  let relativeSubject = false;
  // "Thousands of Iraqi Kurds demonstrated", "Rebels in Ivory Coast blocked": an actor in
  // the phrase heading the clause, when nothing better is found.
  let fallback: Mention | null = null;
  // "..., emphasizing the need": a participle clause shares the main clause's subject.
  let participle = false;
  if (view.tokens.pos[verb] === 'VERB' && (view.tokens.normal[verb] as string).endsWith('ing')) {
    let b = verb - 1;
    while (b > view.first && view.tokens.pos[b] === 'ADV') b--;
    const before = view.tokens.normal[b];
    const beforePos = view.tokens.pos[b];
    // A gerund ("of lifting the blockade and providing aid") has no subject of its own.
    // After another preposition ("by dumping", "after shelling") it shares the clause subject.
    if (beforePos === 'ADP' && before !== 'of') sharing = true;
    else if (before !== ',' && beforePos !== 'AUX' && mentionAt(view, b) === null) return null;
    if (before === ',') sharing = participle = true;
  }
  const relative = relativeClauses(view, verb);
  for (let t = verb - 1; t >= view.first; t--) {
    const m = mentionAt(view, t);
    if (m !== null) {
      t = m.first;
      // "Iran, which had urged ...": the relative pronoun's antecedent is the subject.
      if (relativeSubject && m.codes.length > 0) {
        candidate = m;
        break;
      }
      if (relative.has(t)) continue;
      if (afterPreposition(view, m)) {
        // A clause that shares an earlier verb's subject ("..., battling police") takes the
        // phrase heading that verb's clause, found once the verb is crossed.
        if (
          (!crossedVerb || (sharing && fallback === null)) &&
          m.codes.length > 0 &&
          view.grammar.headingPreposition.has(prepositionOf(view, m))
        )
          fallback = m;
        continue;
      }
      if (afterVerb(view, m)) {
        crossedVerb = true;
        continue;
      }
      if (crossedVerb && !sharing && !pronoun) return null;
      candidate = m;
      break;
    }
    const normal = view.tokens.normal[t] as string;
    const pos = view.tokens.pos[t] as string;
    if (normal === ';' || normal === ':') return null;
    if (!crossedVerb && (normal === 'and' || normal === 'but')) sharing = true;
    if (!crossedVerb && pos === 'PRON' && view.grammar.subjectPronoun.has(normal)) pronoun = true;
    if (view.grammar.relative.has(normal)) {
      if (!crossedVerb) relativeSubject = true;
      continue;
    }
    // "demanding elections after the government suspended talks on joining the EU": the
    // crossed clause has a subject of its own
    if (pos === 'VERB' && ownUnresolvedSubject(view, t)) return null;
    if (pos === 'VERB' && !nonFinite(view, t)) {
      // ("took to the streets of Seoul, battling police": "of Seoul" heads no clause; "a
      // camp for refugees was attacked ..., killing 15": a passive's subject did not act)
      if (sharing && !crossedVerb) {
        fallback = null;
        if (participle && passiveVerb(view, t)) return null;
      }
      crossedVerb = true;
    }
  }
  if (candidate === null && fallback !== null) {
    return {
      group: groupBackward(view, fallback),
      why: 'actor in the phrase heading the clause ("thousands of ...")',
    };
  }
  if (candidate === null) return null;
  const why = pronoun
    ? `pronoun before the verb read as the earlier subject "${view.tokens.normal[candidate.first]}..."`
    : sharing && crossedVerb
      ? 'subject shared with a coordinated verb'
      : 'nearest actor before the verb outside a prepositional phrase';
  return { group: groupBackward(view, candidate), why };
}
