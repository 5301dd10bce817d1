/**
 * Aligns one pattern (or frame) with the tokens of a sentence around a trigger token.
 * Elements after the trigger are matched forward, elements before it backward; between two
 * elements up to three modifier tokens are skipped (see dictionaries/README.md, "Matching
 * rules"). A verb pattern's `$S` is the clause subject (roles.ts), read in the passive when
 * the verb follows a form of "be"/"get" and the pattern's next element is `$T`.
 */
import type { PatternElement, SlotElement, WordElement } from './patterns-schema.js';
import type { CompiledPatterns } from './load-patterns.js';
import {
  findSubject,
  groupBackward,
  groupForward,
  isModifier,
  mentionAt,
  type ActorGroup,
  type SentenceView,
} from './roles.js';

const MAX_SKIP = 3;

/** Where the matched elements of a pattern sit. */
export interface Alignment {
  readonly S: ActorGroup | null;
  readonly T: ActorGroup | null;
  readonly sWhy: string | null;
  readonly tWhy: string | null;
  /** Word elements matched. */
  readonly words: number;
  /** Tokens matched by word elements. */
  readonly wordTokens: readonly number[];
  /** First and last token of the match, slots after the trigger included, the verb subject not. */
  readonly first: number;
  readonly last: number;
}

interface State {
  S: ActorGroup | null;
  T: ActorGroup | null;
  sWhy: string | null;
  tWhy: string | null;
  words: number;
  wordTokens: number[];
  first: number;
  last: number;
}

function extend(st: State, first: number, last: number): State {
  return { ...st, first: Math.min(st.first, first), last: Math.max(st.last, last) };
}

/** Tokens one word element takes at `t` reading forward (0 when it does not match). */
function wordForward(
  cp: CompiledPatterns,
  view: SentenceView,
  el: WordElement,
  t: number,
  used: ReadonlySet<number>,
): number {
  if (t >= view.end || used.has(t)) return 0;
  const tk = view.tokens;
  if (cp.matchesWord(el, tk.lemma[t] as string, tk.normal[t] as string)) return 1;
  for (const alt of el.alternatives) {
    const n = alt.tokens.length;
    if (n < 2 || t + n > view.end) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = tk.normal[t + k] === alt.tokens[k];
    if (ok) return n;
  }
  return 0;
}

/** Tokens one word element takes ending at `t` reading backward (0 when it does not match). */
function wordBackward(
  cp: CompiledPatterns,
  view: SentenceView,
  el: WordElement,
  t: number,
  used: ReadonlySet<number>,
): number {
  if (t < view.first || used.has(t)) return 0;
  const tk = view.tokens;
  if (cp.matchesWord(el, tk.lemma[t] as string, tk.normal[t] as string)) return 1;
  for (const alt of el.alternatives) {
    const n = alt.tokens.length;
    if (n < 2 || t - n + 1 < view.first) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = tk.normal[t - n + 1 + k] === alt.tokens[k];
    if (ok) return n;
  }
  return 0;
}

const NP_STOP: ReadonlySet<string> = new Set(['VERB', 'PUNCT', 'CCONJ', 'SCONJ', 'PART', 'AUX']);

function bindSlot(st: State, el: SlotElement, group: ActorGroup, why: string): State {
  const next = extend(st, group.first, group.last);
  return el.role === 'S' ? { ...next, S: group, sWhy: why } : { ...next, T: group, tWhy: why };
}

/** Matches `els[i..]` forward from token `p`. */
export function matchForward(
  cp: CompiledPatterns,
  view: SentenceView,
  els: readonly PatternElement[],
  i: number,
  p: number,
  st: State,
  used: ReadonlySet<number>,
): State | null {
  if (i >= els.length) return st;
  const el = els[i] as PatternElement;
  switch (el.type) {
    case 'word': {
      for (let skip = 0, t = p; skip <= MAX_SKIP && t < view.end; skip++, t++) {
        const n = wordForward(cp, view, el, t, used);
        if (n > 0) {
          const wt = [...st.wordTokens];
          for (let k = 0; k < n; k++) wt.push(t + k);
          const next = extend({ ...st, words: st.words + 1, wordTokens: wt }, t, t + n - 1);
          const r = matchForward(cp, view, els, i + 1, t + n, next, used);
          if (r) return r;
        }
        if (!isModifier(view, t, true)) break;
      }
      return el.optional ? matchForward(cp, view, els, i + 1, p, st, used) : null;
    }
    case 'slot': {
      let crossedAdp = false;
      for (let skip = 0, t = p; skip <= 5 && t < view.end; skip++, t++) {
        const m = mentionAt(view, t);
        // A one-word qualifier glued to the name it qualifies ("Western Cambodia",
        // "Kurdish Iraq"): the name is the actor.
        const glued = m !== null && m.first === m.last ? mentionAt(view, m.last + 1) : null;
        if (glued !== null && glued.first === t + 1) continue;
        if (m !== null && m.first === t) {
          const g = groupForward(view, m);
          const why =
            skip === 0 ? 'actor right after the words' : 'first actor in the following phrase';
          // The whole coordination first, then the first actor alone ("between $S and $T").
          const options: ActorGroup[] =
            g.mentions.length > 1 ? [g, { mentions: [m], first: m.first, last: m.last }] : [g];
          for (const option of options) {
            const r = matchForward(
              cp,
              view,
              els,
              i + 1,
              option.last + 1,
              bindSlot(st, el, option, why),
              used,
            );
            if (r) return r;
          }
          break;
        }
        if (m !== null) break;
        const pos = view.tokens.pos[t] as string;
        if (pos === 'ADP') {
          if (crossedAdp || skip === 0) break;
          crossedAdp = true;
          continue;
        }
        if (NP_STOP.has(pos) && !isModifier(view, t, false)) break;
      }
      return el.optional ? matchForward(cp, view, els, i + 1, p, st, used) : null;
    }
    case 'gap': {
      for (let k = 0; k <= el.max && p + k <= view.end; k++) {
        const r = matchForward(cp, view, els, i + 1, p + k, st, used);
        if (r) return r;
      }
      return null;
    }
    case 'group': {
      const rest = els.slice(i + 1);
      for (const option of el.options) {
        const r = matchForward(cp, view, [...option, ...rest], 0, p, st, used);
        if (r) return r;
      }
      return el.optional ? matchForward(cp, view, els, i + 1, p, st, used) : null;
    }
    case 'event':
      return null;
  }
}

/**
 * Matches `els[i]` down to `els[0]` backward, `q` being the token just before what is already
 * matched. A slot at index 0 followed by a verb is that verb's clause subject.
 */
export function matchBackward(
  cp: CompiledPatterns,
  view: SentenceView,
  els: readonly PatternElement[],
  i: number,
  q: number,
  st: State,
  used: ReadonlySet<number>,
  verbAfter: number | null,
): State | null {
  if (i < 0) return st;
  const el = els[i] as PatternElement;
  switch (el.type) {
    case 'word': {
      for (let skip = 0, t = q; skip <= MAX_SKIP && t >= view.first; skip++, t--) {
        const n = wordBackward(cp, view, el, t, used);
        if (n > 0) {
          const wt = [...st.wordTokens];
          for (let k = 0; k < n; k++) wt.push(t - k);
          const next = extend({ ...st, words: st.words + 1, wordTokens: wt }, t - n + 1, t);
          const r = matchBackward(cp, view, els, i - 1, t - n, next, used, t - n + 1);
          if (r) return r;
        }
        if (!isModifier(view, t, true)) break;
      }
      return el.optional ? matchBackward(cp, view, els, i - 1, q, st, used, verbAfter) : null;
    }
    case 'slot': {
      if (i === 0 && verbAfter !== null && isVerbish(view, verbAfter)) {
        const found = findSubject(view, verbAfter);
        if (found) {
          const next =
            el.role === 'S'
              ? { ...st, S: found.group, sWhy: found.why }
              : { ...st, T: found.group, tWhy: found.why };
          return next;
        }
        return el.optional ? st : null;
      }
      for (let skip = 0, t = q; skip <= MAX_SKIP && t >= view.first; skip++, t--) {
        const m = mentionAt(view, t);
        if (m !== null && m.last === t) {
          const g = groupBackward(view, m);
          const why = 'actor right before the words (possessive or adjective)';
          const r = matchBackward(
            cp,
            view,
            els,
            i - 1,
            g.first - 1,
            bindSlot(st, el, g, why),
            used,
            null,
          );
          if (r) return r;
          break;
        }
        if (m !== null || !isModifier(view, t, false)) break;
      }
      return el.optional ? matchBackward(cp, view, els, i - 1, q, st, used, verbAfter) : null;
    }
    case 'gap': {
      for (let k = 0; k <= el.max && q - k >= view.first - 1; k++) {
        const r = matchBackward(cp, view, els, i - 1, q - k, st, used, null);
        if (r) return r;
      }
      return null;
    }
    case 'group': {
      const before = els.slice(0, i);
      for (const option of el.options) {
        const seq = [...before, ...option];
        const r = matchBackward(cp, view, seq, seq.length - 1, q, st, used, verbAfter);
        if (r) return r;
      }
      return el.optional ? matchBackward(cp, view, els, i - 1, q, st, used, verbAfter) : null;
    }
    case 'event':
      return null;
  }
}

function isVerbish(view: SentenceView, t: number): boolean {
  const pos = view.tokens.pos[t] as string;
  return pos === 'VERB' || pos === 'AUX';
}

export function emptyState(trigger: number): State {
  return {
    S: null,
    T: null,
    sWhy: null,
    tWhy: null,
    words: 1,
    wordTokens: [trigger],
    first: trigger,
    last: trigger,
  };
}

/** Whether the verb at `t` is a passive participle ("was attacked", "has been urged"). */
export function isPassive(view: SentenceView, t: number): boolean {
  const tk = view.tokens;
  const normal = tk.normal[t] as string;
  if (normal === tk.lemma[t] && !/(ed|en|wn|ght)$/.test(normal)) return false;
  if (/ing$/.test(normal)) return false;
  for (let k = t - 1, n = 0; k >= view.first && n < 3; k--, n++) {
    if (view.grammar.passiveAuxiliary.has(tk.lemma[k] as string)) return true;
    if (tk.pos[k] !== 'ADV') return false;
  }
  return false;
}

/** The `by` phrase after a passive verb: "attacked by Israeli forces". */
export function byAgent(view: SentenceView, from: number): ActorGroup | null {
  for (let t = from; t < view.end && t <= from + 3; t++) {
    if (!view.grammar.agentPreposition.has(view.tokens.normal[t] as string)) continue;
    for (let k = t + 1, skip = 0; k < view.end && skip <= MAX_SKIP; k++, skip++) {
      const m = mentionAt(view, k);
      if (m !== null) return m.first === k ? groupForward(view, m) : null;
      if (!isModifier(view, k, true)) break;
    }
    return null;
  }
  return null;
}

export type { State as MatchState };
