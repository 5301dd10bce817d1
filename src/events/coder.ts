/**
 * The event coder: turns the sentences of a document, with their tokens and resolved
 * actors, into CAMEO/PLOVER events. Per non-heading sentence, each token is looked up as a
 * pattern trigger; the patterns are aligned around it (match.ts), the roles filled from the
 * clause (roles.ts), the frames around it applied (modality.ts), and each source × target
 * pair becomes an `EventRecord`. Only actors with a code fill a role; a negated or
 * hypothetical event, or one below `MIN_CONFIDENCE`, is not emitted (the trace says why).
 */
import type {
  ActorRef,
  Entity,
  EventRecord,
  Expression,
  Sentence,
  TokenTable,
} from '../core/document.js';
import { domesticSource, loadDomesticSources, type DomesticSources } from './domestic-sources.js';
import { domesticTarget, loadDomesticTargets, type DomesticTargets } from './domestic.js';
import { resolveEventDate } from './event-date.js';
import { loadGrammar, type Grammar } from './grammar.js';
import { recalledYear } from './recalled.js';
import {
  loadPatterns,
  type CompiledPattern,
  type CompiledPatterns,
  type TriggerVia,
} from './load-patterns.js';
import {
  byAgent,
  emptyState,
  isPassive,
  matchBackward,
  matchForward,
  type MatchState,
} from './match.js';
import { applyFrames, type FramedEvent } from './modality.js';
import type { ActorConstraint } from './patterns-schema.js';
import {
  findSubject,
  groupForward,
  isModifier,
  mentionAt,
  ownUnresolvedSubject,
  participleAdjective,
  sentenceView,
  type ActorGroup,
  type Mention,
  type SentenceView,
} from './roles.js';

/** Events under this confidence are not emitted. */
export const MIN_CONFIDENCE = 0.3;

export interface EventContext {
  readonly patterns: CompiledPatterns;
  /**
   * Trigger words of the nominal consultation patterns (root 04: "talks", "call",
   * "dialogue"): such a noun as a subject ("The dialogue also celebrated ...") stands for
   * the participants of the last consultation coded in the document.
   */
  readonly meetingNouns: ReadonlySet<string>;
  /** Function words read as grammar (dictionaries/events/grammar.tsv). */
  readonly grammar: Grammar;
  /** Acts aimed at the source's own country when no target is named (domestic-targets.tsv). */
  readonly domestic: DomesticTargets;
  /** Agentless state acts: who arrested, banned, repressed (domestic-sources.tsv). */
  readonly domesticSources: DomesticSources;
  /**
   * Trigger words of the nominal violence patterns (roots 18-20: "strike", "shelling",
   * "attack"): "killed in an Israeli air strike" names its agent through such a noun.
   */
  readonly violenceNouns: ReadonlySet<string>;
}

export function createEventContext(
  patterns: CompiledPatterns = loadPatterns(),
  grammar: Grammar = loadGrammar(),
  domestic: DomesticTargets = loadDomesticTargets(),
  domesticSources: DomesticSources = loadDomesticSources(),
): EventContext {
  const meetingNouns = new Set<string>();
  for (const p of patterns.patterns) {
    if (p.kind === 'noun' && p.root === '04') for (const w of p.triggerWords) meetingNouns.add(w);
  }
  const violenceNouns = new Set<string>();
  for (const p of patterns.patterns) {
    if (p.kind === 'noun' && VIOLENT_ROOTS.has(p.root)) {
      for (const w of p.triggerWords) violenceNouns.add(w);
    }
  }
  return Object.freeze({
    patterns,
    meetingNouns,
    grammar,
    domestic,
    domesticSources,
    violenceNouns,
  });
}

const VIOLENT_ROOTS: ReadonlySet<string> = new Set(['18', '19', '20']);

/**
 * The agent of a passive act with no "by" phrase, named as the actor of the violence it
 * happened in: "three soldiers were killed in a Russian drone strike" (Russia), "died
 * during Israeli shelling" (Israel).
 */
function violenceAgent(ctx: EventContext, view: SentenceView, from: number): ActorGroup | null {
  for (let t = from; t < view.end && t <= from + 3; t++) {
    const normal = view.tokens.normal[t] as string;
    if (view.grammar.clauseEnd.has(normal)) return null;
    if (!view.grammar.causePreposition.has(normal)) continue;
    let k = t + 1;
    while (k < view.end && mentionAt(view, k) === null && isModifier(view, k, false)) k++;
    const m = mentionAt(view, k);
    if (m === null || m.first !== k || m.codes.length === 0) return null;
    for (let n = m.last + 1; n < view.end && n <= m.last + 3; n++) {
      const lemma = view.tokens.lemma[n] as string;
      const normal = view.tokens.normal[n] as string;
      if (ctx.violenceNouns.has(lemma) || ctx.violenceNouns.has(normal)) {
        return groupForward(view, m);
      }
      const pos = view.tokens.pos[n] as string;
      if (pos !== 'NOUN' && pos !== 'ADJ' && pos !== 'PROPN') break;
    }
    return null;
  }
  return null;
}

/** "This dialogue celebrated ...": a consultation noun as the verb's subject. */
function meetingSubject(ctx: EventContext, view: SentenceView, verb: number): boolean {
  for (let t = verb - 1, n = 0; t >= view.first && n < 4; t--, n++) {
    const pos = view.tokens.pos[t] as string;
    if (pos === 'ADV' || pos === 'AUX') continue;
    if (pos !== 'NOUN') return false;
    const before = view.tokens.pos[t - 1];
    return (
      ctx.meetingNouns.has(view.tokens.lemma[t] as string) &&
      t - 1 >= view.first &&
      (before === 'DET' || before === 'PRON')
    );
  }
  return false;
}

export interface CodeInput {
  readonly text: string;
  readonly date: string | null;
  readonly sentences: readonly Sentence[];
  readonly tokens: TokenTable;
  readonly entities: readonly Entity[];
  /** The NLP's expressions; DATE and TIME ones are skipped between pattern words. */
  readonly expressions?: readonly Expression[];
}

/** Parts of speech that never carry an event (function words, punctuation, numbers). */
const NO_TRIGGER_POS: ReadonlySet<string> = new Set([
  'PUNCT',
  'DET',
  'ADP',
  'CCONJ',
  'SCONJ',
  'PRON',
  'NUM',
  'PART',
  'SYM',
  'SPACE',
  'X',
]);

/** Entity indexes per sentence index (an entity goes where its phrase starts). */
function entitiesBySentence(input: CodeInput): number[][] {
  const out: number[][] = input.sentences.map(() => []);
  const starts = input.sentences.map((s) => s.start);
  input.entities.forEach((ent, i) => {
    const at = Math.min(ent.start, ent.phrase?.start ?? ent.start);
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) <= at) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found >= 0) out[found]?.push(i);
  });
  return out;
}

/** One step of the coder's reasoning, for `explain`. */
export interface TraceStep {
  readonly sentence: number;
  readonly token: number | null;
  readonly kind: 'candidate' | 'match' | 'reject' | 'role' | 'frame' | 'event' | 'drop';
  readonly message: string;
}

/** Filled by `codeEvents` when given; owned by the caller. */
export interface Trace {
  readonly steps: TraceStep[];
}

interface Candidate {
  readonly pattern: CompiledPattern;
  readonly via: TriggerVia;
  readonly trigger: number;
  readonly st: MatchState;
  readonly passive: boolean;
  /** The target was found by searching the sentence, not by a slot of the pattern. */
  readonly searchedTarget: boolean;
}

/** Statements and comments (CAMEO 010-014): their place is where they were spoken. */
const COMMENT_CODE = /^01[0-4]/;

const VERB_POS: ReadonlySet<string> = new Set(['VERB', 'AUX']);
const NOUN_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN']);

function posFits(p: CompiledPattern, via: TriggerVia, view: SentenceView, t: number): boolean {
  if (via === 'form') return true;
  const pos = view.tokens.pos[t] as string;
  if (p.kind === 'noun') return NOUN_POS.has(pos);
  // wink tags a bare verb after a modal as an adjective or noun now and then ("would
  // free", "will host"): after a modal, or after "to" following a verb ("decided to
  // free"), the pattern verb is a verb.
  if (VERB_POS.has(pos)) return true;
  if (t <= view.first) return false;
  const before = view.tokens.normal[t - 1] as string;
  if (view.grammar.modal.has(before)) return true;
  return before === 'to' && t - 2 >= view.first && view.tokens.pos[t - 2] === 'VERB';
}

/**
 * The state actor behind an agentless passive act (domestic-sources.tsv): of the country
 * named as the place ("in Minsk"), else of the target when it is a group of its own country
 * ("opposition activists were detained"), never of a bare nationality ("two Americans").
 */
function impliedSource(
  ctx: EventContext,
  view: SentenceView,
  code: string,
  targets: readonly Actor[],
  input: CodeInput,
): { code: string; entity: Entity; country: string; prefix: string; line: number } | null {
  let entity: Entity | null = null;
  for (const m of view.mentions) {
    const e = input.entities[m.entity] as Entity;
    if (e.country !== null && PLACE_TYPES.has(e.type) && placeMention(view, m)) {
      entity = e;
      break;
    }
  }
  if (entity === null) {
    const t = targets.find(
      (a) =>
        a.entity.country !== null &&
        a.ref.code.length > 3 &&
        a.ref.code.startsWith(a.entity.country),
    );
    if (t) entity = t.entity;
  }
  if (entity === null || entity.country === null) return null;
  const found = domesticSource(ctx.domesticSources, code, entity.country);
  if (found === null) return null;
  if (targets.some((a) => a.ref.code === found.code)) return null;
  return {
    code: found.code,
    entity,
    country: entity.country,
    prefix: found.rule.prefix,
    line: found.rule.line,
  };
}

const PLACE_TYPES: ReadonlySet<string> = new Set(['COUNTRY', 'CITY', 'REGION', 'TERRITORY']);

/** Whether the pattern's `$T` follows a gap ("$S arrest ...4 $T"), not a word. */
function targetAfterGap(p: CompiledPattern): boolean {
  const i = p.elements.findIndex((e) => e.type === 'slot' && e.role === 'T');
  return i > 0 && p.elements[i - 1]!.type === 'gap';
}

/** Aligns `pattern` with its trigger on token `t`; null when it does not fit. */
function align(
  ctx: EventContext,
  view: SentenceView,
  pattern: CompiledPattern,
  t: number,
): { st: MatchState; passive: boolean } | null {
  const cp = ctx.patterns;
  const els = pattern.elements;
  const none = new Set<number>();
  const st0 = emptyState(t);
  if (pattern.kind === 'verb') {
    const afterVerb = els[pattern.trigger + 1];
    if (
      !pattern.active &&
      afterVerb?.type === 'slot' &&
      afterVerb.role === 'T' &&
      isPassive(view, t)
    ) {
      const subject = findSubject(view, t);
      const rest = matchForward(cp, view, els, pattern.trigger + 2, t + 1, st0, none);
      if (rest && !subject) {
        // "Four villagers were killed in an Israeli strike": the victims are no coded actor,
        // yet the agent is named; the target is left to the sentence search (a place).
        const agent = byAgent(view, t + 1) ?? violenceAgent(ctx, view, t + 1);
        if (agent) {
          return {
            st: {
              ...rest,
              S: agent,
              sWhy: 'passive: the agent of the act',
              last: Math.max(rest.last, agent.last),
            },
            passive: true,
          };
        }
      }
      if (subject && rest) {
        const agent =
          byAgent(view, rest.last + 1) ?? byAgent(view, t + 1) ?? violenceAgent(ctx, view, t + 1);
        return {
          st: {
            ...rest,
            T: subject.group,
            tWhy: `passive: the subject is the target (${subject.why})`,
            S: agent,
            sWhy: agent ? 'passive: the agent after "by"' : null,
            last: agent ? Math.max(rest.last, agent.last) : rest.last,
          },
          passive: true,
        };
      }
    }
    const fwd = matchForward(cp, view, els, pattern.trigger + 1, t + 1, st0, none);
    if (fwd === null) return null;
    const passive = !pattern.active && isPassive(view, t);
    // "Israel was condemned for the raid": the subject undergoes the act. So does it when
    // the pattern reached its $T over a gap ("Five activists were arrested in Cairo": Cairo
    // is where, the activists whom); a $T after a preposition stays ("sanctions were
    // imposed on Iran").
    const undergoer = passive ? findSubject(view, t) : null;
    if (passive && (fwd.T === null || (undergoer !== null && targetAfterGap(pattern)))) {
      const agent = byAgent(view, t + 1) ?? violenceAgent(ctx, view, t + 1);
      return {
        st: {
          ...fwd,
          T: undergoer?.group ?? null,
          tWhy: undergoer ? `passive: the subject is the target (${undergoer.why})` : null,
          S: agent,
          sWhy: agent ? 'passive: the agent after "by"' : null,
        },
        passive: true,
      };
    }
    const subject = findSubject(view, t);
    return {
      st: subject ? { ...fwd, S: subject.group, sWhy: subject.why } : fwd,
      passive: false,
    };
  }
  const fwd = matchForward(cp, view, els, pattern.trigger + 1, t + 1, st0, none);
  if (fwd === null) return null;
  let back = matchBackward(cp, view, els, pattern.trigger - 1, t - 1, fwd, none, null);
  if (back === null && pattern.trigger > 0) {
    // A nominal event with its possessor left out ("called for sanctions against Nigeria"):
    // the source may still come from a frame or the governing clause.
    const head = els[pattern.trigger - 1];
    if (head?.type === 'slot' && head.role === 'S' && !head.optional) {
      const relaxed = [...els];
      relaxed[pattern.trigger - 1] = { ...head, optional: true };
      back = matchBackward(cp, view, relaxed, pattern.trigger - 1, t - 1, fwd, none, null);
    }
  }
  if (back === null) return null;
  if (back.S === null && pattern.clauseSubject) {
    const subject = clauseSubject(view, back.first, back.last);
    if (subject) return { st: { ...back, S: subject.group, sWhy: subject.why }, passive: false };
  }
  return { st: back, passive: false };
}

/** An actor the pattern's gaps stepped over ("condemned Israel's attack", "expelled Russian diplomats"). */
function innerTarget(view: SentenceView, st: MatchState, trigger: number): ActorGroup | null {
  const sourceCodes = new Set(st.S?.mentions.flatMap((m) => m.codes) ?? []);
  for (let t = trigger + 1; t <= st.last; t++) {
    const m = mentionAt(view, t);
    if (m === null) continue;
    if (m.first === t && m.codes.length > 0 && !m.codes.some((c) => sourceCodes.has(c))) {
      return groupForward(view, m);
    }
    t = m.last;
  }
  return null;
}

/**
 * The target when the pattern's `$T` was left empty: the first coded actor after the match
 * in the same clause (CAMEO codes the recipient of the action, often after a preposition:
 * "offered to hand them over to Britain"), never the source itself.
 */
function trailingTarget(
  view: SentenceView,
  st: MatchState,
  entities: readonly Entity[],
  placesOk: boolean,
): ActorGroup | null {
  const sourceCodes = new Set(st.S?.mentions.flatMap((m) => m.codes) ?? []);
  for (let t = st.last + 1; t < view.end && t <= st.last + 10; t++) {
    const normal = view.tokens.normal[t] as string;
    if (view.grammar.clauseEnd.has(normal)) return null;
    const m = mentionAt(view, t);
    if (m === null) continue;
    if (
      m.first === t &&
      m.codes.length > 0 &&
      !m.codes.some((c) => sourceCodes.has(c)) &&
      !supranational(entities[m.entity]) &&
      (placesOk || !placeMention(view, m))
    ) {
      return groupForward(view, m);
    }
    t = m.last;
  }
  return null;
}

/** A region of no one country ("the Gulf", "the Caucasus"): seldom the party acted upon. */
function supranational(e: Entity | undefined): boolean {
  return e !== undefined && e.type === 'REGION' && e.country === null;
}

/** Whether an attribution word ("said", "told", "according") stands next to the mention. */
function speakerMention(view: SentenceView, m: Mention): boolean {
  const words = view.grammar.attribution;
  for (let t = m.last + 1; t < view.end && t <= m.last + 3; t++) {
    if (words.has(view.tokens.normal[t] as string)) return true;
    const pos = view.tokens.pos[t] as string;
    if (pos !== 'ADV' && pos !== 'AUX' && pos !== 'PROPN' && pos !== 'NOUN') break;
  }
  let t = m.first - 1;
  while (t >= view.first && view.tokens.pos[t] === 'DET') t--;
  return t >= view.first && words.has(view.tokens.normal[t] as string);
}

/** Whether a place preposition governs the mention ("in Montenegro", "into northern Iraq"). */
function placeMention(view: SentenceView, m: Mention): boolean {
  let t = m.first - 1;
  for (let n = 0; t >= view.first && n < 3 && isModifierPos(view, t); n++) t--;
  return t >= view.first && view.grammar.placePreposition.has(view.tokens.normal[t] as string);
}

function isModifierPos(view: SentenceView, t: number): boolean {
  const pos = view.tokens.pos[t] as string;
  return (pos === 'DET' || pos === 'ADJ') && mentionAt(view, t) === null;
}

/**
 * The target when neither the pattern nor its clause named one: the first coded actor later
 * in the sentence that is not a speaker ("..., the embassy said"), else a place named before
 * the event ("In Kirkuk, ..."). CAMEO codes the actor or place an act is directed at or
 * happens in ("exercises in Alaska": the United States).
 */
function sentenceTarget(
  view: SentenceView,
  st: MatchState,
  trigger: number,
  entities: readonly Entity[],
  placesOk: boolean,
): ActorGroup | null {
  const sourceCodes = new Set(st.S?.mentions.flatMap((m) => m.codes) ?? []);
  // A supranational region ("stability in the Caucasus") is no party to the act; a
  // region of one country ("in Alaska") stands for that country.
  const usable = (m: Mention) =>
    m.codes.length > 0 &&
    !m.codes.some((c) => sourceCodes.has(c)) &&
    !supranational(entities[m.entity]) &&
    !speakerMention(view, m) &&
    (placesOk || !placeMention(view, m));
  for (let t = Math.max(st.last, trigger) + 1; t < view.end; t++) {
    const m = mentionAt(view, t);
    // ("demanding elections after the government suspended talks with the EU": a clause of
    // its own, whose actors are not this act's)
    if (m === null && ownUnresolvedSubject(view, t)) break;
    if (m === null) continue;
    if (m.first === t && usable(m)) return groupForward(view, m);
    t = m.last;
  }
  if (!placesOk) return null;
  for (let t = Math.min(st.first, trigger) - 1; t >= view.first; t--) {
    const m = mentionAt(view, t);
    if (m === null) continue;
    if (usable(m) && placeMention(view, m) && (st.S === null || m.last < st.S.first)) {
      return groupForward(view, m);
    }
    t = m.first;
  }
  return null;
}

/** The subject of the clause a nominal event sits in: after the phrase, else before it. */
function clauseSubject(
  view: SentenceView,
  first: number,
  last: number,
): { group: ActorGroup; why: string } | null {
  for (let t = last + 1; t < view.end; t++) {
    if (VERB_POS.has(view.tokens.pos[t] as string)) {
      const s = findSubject(view, t);
      if (s && s.group.first > last)
        return { group: s.group, why: 'subject of the governing clause' };
      break;
    }
  }
  const s = findSubject(view, first);
  if (s) return { group: s.group, why: 'subject of the governing clause' };
  // The phrase is the object of a verb ("Putin hailed the session of ..."): its subject.
  for (let t = first - 1; t >= view.first; t--) {
    const normal = view.tokens.normal[t] as string;
    if (view.grammar.clauseEnd.has(normal)) break;
    if (view.tokens.pos[t] === 'VERB') {
      const v = findSubject(view, t);
      return v ? { group: v.group, why: 'subject of the verb governing the phrase' } : null;
    }
  }
  return null;
}

function blocked(view: SentenceView, p: CompiledPattern, st: MatchState): string | null {
  if (p.not.size === 0) return null;
  for (let t = st.first; t <= Math.min(view.end - 1, st.last + 3); t++) {
    const lemma = view.tokens.lemma[t] as string;
    if (p.not.has(lemma)) return lemma;
  }
  return null;
}

const NON_STATE: ReadonlySet<string> = new Set(['IGO', 'NGO', 'IMG', 'MNC']);

function fitsTerm(term: string, code: string, entity: Entity): boolean {
  switch (term) {
    case 'state':
      return !NON_STATE.has(code.slice(0, 3)) && entity.type !== 'PERSON';
    case 'igo':
    case 'ngo':
    case 'img':
    case 'mnc':
      return code.startsWith(term.toUpperCase());
    case 'person':
      return entity.type === 'PERSON';
    default: {
      for (let k = 3; k + 3 <= code.length; k += 3) if (code.slice(k, k + 3) === term) return true;
      return false;
    }
  }
}

function fits(c: ActorConstraint | null, code: string, entity: Entity): boolean {
  if (c === null) return true;
  if (c.noneOf.some((t) => fitsTerm(t, code, entity))) return false;
  return c.anyOf.length === 0 || c.anyOf.some((t) => fitsTerm(t, code, entity));
}

interface Actor {
  readonly ref: ActorRef;
  readonly entity: Entity;
}

function actorsOf(group: ActorGroup | null, entities: readonly Entity[]): Actor[] {
  if (group === null) return [];
  const out: Actor[] = [];
  for (const m of group.mentions) out.push(...mentionActors(m, entities));
  return out;
}

function mentionActors(m: Mention, entities: readonly Entity[]): Actor[] {
  const entity = entities[m.entity] as Entity;
  return m.codes.map((code) => ({
    entity,
    ref: { code, text: entity.text, start: entity.start, end: entity.end, entity: m.entity },
  }));
}

/** More words and filled roles first, then the more specific code, then the higher `conf`. */
function score(c: Candidate): number {
  const roles = (c.st.S ? 1 : 0) + (c.st.T ? 1 : 0);
  return (c.st.words + roles) * 100 + c.pattern.code.length * 10 + c.pattern.conf;
}

/**
 * Drops, among the events coded from one sentence (`out[from..]`), a generic code (`100`,
 * `010`: a root's unspecified code) when the same source and target also got a more
 * specific code of that root: "said the US must be ready to mediate" is the specific
 * demand (106), not also the unspecified one.
 */
function dropGeneric(
  out: EventRecord[],
  from: number,
  onDrop: (dropped: EventRecord, by: EventRecord) => void,
): void {
  // Violence is one family: "bombers killed 23 people when they blew themselves up" is one
  // suicide bombing (1831), not also an unspecified use of force (190).
  const family = (root: string) => (VIOLENT_ROOTS.has(root) ? 'violence' : root);
  const key = (r: EventRecord) =>
    `${r.source?.code ?? ''}|${r.target?.code ?? ''}|${family(r.root)}`;
  const generic = (code: string) => code.length === 3 && code.endsWith('0');
  // "killed 14 soldiers when they blew themselves up": the means (1831, no target named)
  // takes the victims of the unspecified killing, which then goes as above.
  for (let i = from; i < out.length; i++) {
    const r = out[i] as EventRecord;
    if (!generic(r.cameo) || !VIOLENT_ROOTS.has(r.root) || r.target === null) continue;
    const k = out.findIndex(
      (o, n) =>
        n >= from &&
        o.target === null &&
        VIOLENT_ROOTS.has(o.root) &&
        !generic(o.cameo) &&
        o.source?.code === r.source?.code,
    );
    if (k >= 0) out[k] = { ...(out[k] as EventRecord), target: r.target };
  }
  for (let i = out.length - 1; i >= from; i--) {
    const r = out[i] as EventRecord;
    if (!generic(r.cameo)) continue;
    const by = out.find((o, k) => k >= from && k !== i && key(o) === key(r) && !generic(o.cameo));
    if (by !== undefined) {
      onDrop(r, by);
      out.splice(i, 1);
    }
  }
}

/**
 * Drops a nominal event named inside the object of a verb event of the same clause by
 * another actor: in "Israel agreed to US mediation in the talks with the Palestinians" the
 * act reported is the agreement; the talks are what it is about. A nominal event of the
 * verb's own subject ("Putin hailed the session of the joint commission") stays.
 */
function dropEmbedded(
  view: SentenceView,
  made: readonly { record: EventRecord; kind: 'verb' | 'noun'; trigger: number }[],
  out: EventRecord[],
  from: number,
  onDrop: (dropped: EventRecord, by: EventRecord) => void,
): void {
  const drop = new Set<EventRecord>();
  for (const n of made) {
    if (n.kind !== 'noun') continue;
    const by = made.find((v) => {
      if (v.kind !== 'verb' || v.trigger >= n.trigger) return false;
      if (v.record.source?.code === n.record.source?.code) return false;
      for (let t = v.trigger + 1; t < n.trigger; t++) {
        if (view.grammar.clauseEnd.has(view.tokens.normal[t] as string)) return false;
      }
      return true;
    });
    if (by !== undefined) {
      drop.add(n.record);
      onDrop(n.record, by.record);
    }
  }
  if (drop.size === 0) return;
  for (let i = out.length - 1; i >= from; i--)
    if (drop.has(out[i] as EventRecord)) out.splice(i, 1);
}

/**
 * Codes the events of a document. Deterministic; reads only `ctx` and `input`. When `trace`
 * is given, every candidate, role, frame and rejection is recorded in it.
 */
export function codeEvents(ctx: EventContext, input: CodeInput, trace?: Trace): EventRecord[] {
  const cp = ctx.patterns;
  const out: EventRecord[] = [];
  // Optional call: without a trace the step objects and messages are never built.
  const note: ((step: TraceStep) => void) | undefined = trace
    ? (step) => {
        trace.steps.push(step);
      }
    : undefined;
  // Participants of the last consultation coded (for "the dialogue also ..." subjects).
  let participants: ActorGroup | null = null;
  const bySentence = entitiesBySentence(input);
  const times = (input.expressions ?? []).filter((x) => x.type === 'DATE' || x.type === 'TIME');
  const storyYear = input.date === null ? null : Number(input.date.slice(0, 4)) || null;
  for (const sentence of input.sentences) {
    if (sentence.heading) continue;
    const sentenceStart = out.length;
    // Per record coded from this sentence: its pattern kind, trigger and source code.
    const made: { record: EventRecord; kind: 'verb' | 'noun'; trigger: number }[] = [];
    const view = sentenceView(
      sentence,
      input.tokens,
      input.entities,
      ctx.grammar,
      bySentence[sentence.index],
      times,
    );
    if (view.mentions.length === 0) continue;
    const tk = input.tokens;
    const candidates: Candidate[] = [];
    for (let t = view.first; t < view.end; t++) {
      if (NO_TRIGGER_POS.has(tk.pos[t] as string)) continue;
      if ((mentionAt(view, t)?.codes.length ?? 0) > 0) continue;
      const hits = cp.triggers(tk.lemma[t] as string, tk.normal[t] as string, tk.pos[t]);
      let best: Candidate | null = null;
      // "the Israeli-occupied sector", "a US-brokered deal": the second half of a hyphenated
      // adjective describes a noun; it asserts no event of its own.
      const compound =
        t > view.first && tk.normal[t - 1] === '-' && mentionAt(view, t - 2) !== null;
      const adjectival = participleAdjective(view, t);
      for (const { pattern, via } of hits) {
        if (!posFits(pattern, via, view, t)) continue;
        if ((compound || adjectival) && pattern.kind === 'verb') continue;
        const a = align(ctx, view, pattern, t);
        const where = { sentence: sentence.index, token: t } as const;
        if (a === null) {
          note?.({ ...where, kind: 'candidate', message: `${pattern.id}: words do not fit` });
          continue;
        }
        const not = blocked(view, pattern, a.st);
        if (not !== null) {
          note?.({
            ...where,
            kind: 'reject',
            message: `${pattern.id}: blocked by "${not}" (not=)`,
          });
          continue;
        }
        let st = a.st;
        const slotTarget = st.T !== null;
        if (st.T === null) {
          const inner = innerTarget(view, st, t);
          if (inner) st = { ...st, T: inner, tWhy: 'actor inside the matched words' };
        }
        if (st.T === null && (!pattern.reciprocal || (st.S?.mentions.length ?? 0) < 2)) {
          // Where a comment was made ("spoke in Doha") is not whom it addresses (010-014);
          // other acts that name no one fall on the place they happen in ("exercises in
          // Alaska", "condolences for the victims in Texas").
          const placesOk = !COMMENT_CODE.test(pattern.code);
          const T = trailingTarget(view, st, input.entities, placesOk);
          if (T) st = { ...st, T, tWhy: 'first actor after the match in the clause' };
          else {
            const far = sentenceTarget(view, st, t, input.entities, placesOk);
            if (far) {
              st = { ...st, T: far, tWhy: 'actor or place named elsewhere in the sentence' };
            }
          }
        }
        // A pattern whose source= no source actor satisfies leaves the trigger to another
        // pattern ("Russian aircraft killed civilians" is no militia's attack on civilians);
        // likewise target= ("killed three civilians" is no assassination of a leader).
        const unfit = (constraint: typeof pattern.source, actor: typeof st.S): boolean =>
          constraint !== null &&
          actor !== null &&
          !actor.mentions.some((m) =>
            m.codes.some((code) => fits(constraint, code, input.entities[m.entity] as Entity)),
          );
        const misfit = unfit(pattern.source, st.S)
          ? 'source'
          : unfit(pattern.target, st.T)
            ? 'target'
            : null;
        if (misfit !== null) {
          note?.({
            ...where,
            kind: 'reject',
            message: `${pattern.id}: no ${misfit} fits ${misfit}=`,
          });
          continue;
        }
        const c: Candidate = {
          pattern,
          via,
          trigger: t,
          st,
          passive: a.passive,
          searchedTarget: !slotTarget && st.T !== null,
        };
        note?.({
          ...where,
          kind: 'candidate',
          message: `${pattern.id}: fits (${a.st.words} words${a.passive ? ', passive' : ''})`,
        });
        if (best === null || score(c) > score(best)) best = c;
      }
      if (best) candidates.push(best);
    }
    candidates.sort((a, b) => score(b) - score(a) || a.trigger - b.trigger);
    const consumed = new Set<number>();
    const seen = new Set<string>();
    const dateOf = resolveEventDate(sentence.text, input.date);
    for (const cand of candidates) {
      let c = cand;
      if (
        c.st.S === null &&
        c.pattern.kind === 'verb' &&
        !c.passive &&
        participants !== null &&
        meetingSubject(ctx, view, c.trigger)
      ) {
        c = {
          ...c,
          st: {
            ...c.st,
            S: participants,
            sWhy: 'a consultation noun standing for its participants',
          },
        };
      }
      const where = { sentence: sentence.index, token: c.trigger } as const;
      if (consumed.has(c.trigger)) {
        note?.({
          ...where,
          kind: 'reject',
          message: `${c.pattern.id}: trigger read by a longer match`,
        });
        continue;
      }
      note?.({ ...where, kind: 'match', message: `${c.pattern.id} matched: ${c.pattern.body}` });
      const start: FramedEvent = {
        code: c.pattern.code,
        S: c.st.S,
        T: c.st.T,
        modality: 'asserted',
        conf: c.pattern.conf * (c.via === 'form' ? 0.9 : 1),
        frames: [],
        first: c.st.first,
        tokens: [],
        notes: [],
      };
      const ev = applyFrames(cp, view, c.pattern, start, c.trigger, new Set(c.st.wordTokens));
      for (const t of c.st.wordTokens) consumed.add(t);
      // A frame whose event is not coded ("urged Iraq to [expel ...]" with no appeal code)
      // leaves its words free to code their own event (the appeal, 020).
      const coded = ev.modality === 'asserted' || ev.modality === 'intended';
      if (coded) for (const t of ev.tokens) consumed.add(t);
      for (const n of ev.notes) note?.({ ...where, kind: 'frame', message: n });
      if (c.st.sWhy) note?.({ ...where, kind: 'role', message: `source: ${c.st.sWhy}` });
      if (c.st.tWhy) note?.({ ...where, kind: 'role', message: `target: ${c.st.tWhy}` });
      if (ev.modality === 'negated' || ev.modality === 'hypothetical') {
        note?.({ ...where, kind: 'drop', message: `${c.pattern.id}: ${ev.modality}, not coded` });
        continue;
      }
      const recalled = storyYear === null ? null : recalledYear(view, c.st.last, storyYear);
      if (recalled !== null) {
        note?.({
          ...where,
          kind: 'drop',
          message: `${c.pattern.id}: dated ${recalled}, before the story's year: recalled, not coded`,
        });
        continue;
      }
      if (ev.conf < MIN_CONFIDENCE) {
        note?.({
          ...where,
          kind: 'drop',
          message: `${c.pattern.id}: confidence ${ev.conf} too low`,
        });
        continue;
      }
      let sources = actorsOf(ev.S, input.entities);
      let sourceRule = '';
      if (sources.length === 0 && c.passive && ev.S === null) {
        // "Five activists were arrested in Minsk": the state where it happened acted.
        const implied = impliedSource(ctx, view, ev.code, actorsOf(ev.T, input.entities), input);
        if (implied) {
          const at = tk.starts[Math.min(ev.first, c.st.first)] as number;
          sources = [
            {
              entity: implied.entity,
              ref: { code: implied.code, text: '', start: at, end: at, entity: null },
            },
          ];
          sourceRule = `+domestic-source:${implied.prefix}`;
          note?.({
            ...where,
            kind: 'role',
            message: `source: no agent named; ${ev.code} in ${implied.country} is the state's (${implied.code}, domestic-sources.tsv:${implied.line})`,
          });
        }
      }
      if (sources.length === 0) {
        note?.({ ...where, kind: 'drop', message: `${c.pattern.id}: no source actor with a code` });
        continue;
      }
      const targets: (Actor | null)[] = actorsOf(ev.T, input.entities);
      // A frame that maps the code makes the act one-sided ("Iran agreed to meet Russia": 036).
      const reciprocal = c.pattern.reciprocal && ev.code === c.pattern.code;
      const pairs: [Actor, Actor | null][] = [];
      if (targets.length === 0) {
        // "Iran and Russia met", "... agreed to meet": each side's act is towards the other.
        if (c.pattern.reciprocal && sources.length > 1) {
          for (const a of sources) for (const b of sources) if (a !== b) pairs.push([a, b]);
        } else for (const a of sources) pairs.push([a, null]);
      } else {
        for (const a of sources) {
          for (const b of targets) {
            pairs.push([a, b]);
            // An intent is the subject's own: "Iran agreed to meet Russia" is not Russia's.
            // A target the pattern did not name itself ("Bush met on Monday with dissidents",
            // found after the match) is the subject's counterpart, one way, as CAMEO codes it.
            if (reciprocal && b && c.pattern.root !== '03' && !c.searchedTarget) {
              pairs.push([b, a]);
            }
          }
        }
      }
      const table = cp.table;
      const code = ev.code;
      const plover = code === c.pattern.code ? c.pattern.plover : table.plover(code);
      const rule = [c.pattern.id, ...ev.frames].join('+') + sourceRule;
      const evidenceFirst = Math.min(ev.first, c.st.first);
      const evidence = {
        start: tk.starts[evidenceFirst] as number,
        end: tk.ends[c.st.last] as number,
      };
      for (const pair of pairs) {
        const s = pair[0];
        let t = pair[1];
        let pairRule = rule;
        if (t === null) {
          // "Thousands of Nigerians protested": CAMEO's addressee is their own government.
          const d = domesticTarget(ctx.domestic, code, s.ref.code, s.entity.country);
          // A pattern that wants another kind of target ("outlawed <a party>") keeps none.
          if (d !== null && fits(c.pattern.target, d.code, s.entity)) {
            t = {
              entity: s.entity,
              ref: {
                code: d.code,
                text: '',
                start: evidence.start,
                end: evidence.start,
                entity: null,
              },
            };
            pairRule = `${rule}+domestic:${d.rule.prefix}`;
            note?.({
              ...where,
              kind: 'role',
              message: `target: none named; ${code} by ${s.ref.code} is aimed at its own country (${d.code}, domestic-targets.tsv:${d.rule.line})`,
            });
          }
        }
        if (t && s.ref.code === t.ref.code) continue;
        if (!fits(c.pattern.source, s.ref.code, s.entity)) {
          note?.({
            ...where,
            kind: 'reject',
            message: `${c.pattern.id}: source ${s.ref.code} fails source=`,
          });
          continue;
        }
        if (t && !fits(c.pattern.target, t.ref.code, t.entity)) {
          note?.({
            ...where,
            kind: 'reject',
            message: `${c.pattern.id}: target ${t.ref.code} fails target=`,
          });
          continue;
        }
        const key = `${s.ref.code}|${t?.ref.code ?? ''}|${code}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const info = table.get(code);
        if (info === undefined) continue;
        const record: EventRecord = {
          source: s.ref,
          target: t?.ref ?? null,
          cameo: code,
          root: info.root,
          quadClass: info.quadClass,
          goldstein: info.goldstein,
          plover,
          date: dateOf.date,
          location: null,
          sentence: sentence.index,
          evidence,
          modality: ev.modality,
          confidence: Math.round(ev.conf * 100) / 100,
          rule: pairRule,
          dateResolved: dateOf.resolved,
          ...(dateOf.text === null ? {} : { dateText: dateOf.text }),
        };
        note?.({
          ...where,
          kind: 'event',
          message: `${s.ref.code} → ${t?.ref.code ?? '-'} ${code} (${pairRule}, ${record.modality}, conf ${record.confidence})`,
        });
        out.push(record);
        made.push({ record, kind: c.pattern.kind, trigger: c.trigger });
        if (c.pattern.reciprocal && info.root === '04' && ev.S && ev.T) {
          const mentions = [...ev.S.mentions, ...ev.T.mentions];
          participants = { mentions, first: ev.S.first, last: ev.S.last };
        } else if (c.pattern.reciprocal && info.root === '04' && ev.S && ev.S.mentions.length > 1) {
          participants = ev.S;
        }
      }
    }
    dropEmbedded(view, made, out, sentenceStart, (r, by) =>
      note?.({
        sentence: sentence.index,
        token: null,
        kind: 'drop',
        message: `${r.cameo} ${r.source?.code ?? '-'} → ${r.target?.code ?? '-'} (${r.rule}): named inside the object of ${by.cameo} ${by.source?.code ?? '-'} (${by.rule}), which is the act reported`,
      }),
    );
    dropGeneric(out, sentenceStart, (r, by) =>
      note?.({
        sentence: sentence.index,
        token: null,
        kind: 'drop',
        message: `${r.cameo} ${r.source?.code ?? '-'} → ${r.target?.code ?? '-'} (${r.rule}): the same pair has the more specific ${by.cameo}`,
      }),
    );
  }
  return out;
}
