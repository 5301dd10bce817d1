/**
 * Frames around an event (dictionaries/events/frames.txt): "agreed to", "urged X to",
 * "did not", "could". A frame either maps the event to another code (an intent to meet is
 * 036, a call to meet is 026) or gives it a modality (intended, negated, hypothetical).
 * Frames stack outwards; a negated intent ("will not send", "does not plan to meet") is a
 * refusal and reads as the embedded pattern's `reject` code.
 */
import type { CompiledFrame, CompiledPattern, CompiledPatterns } from './load-patterns.js';
import { emptyState, matchBackward } from './match.js';
import type { MappedFrameKind, Modality } from './patterns-schema.js';
import type { ActorGroup, SentenceView } from './roles.js';

/** The event as frames have shaped it so far. */
export interface FramedEvent {
  readonly code: string;
  readonly S: ActorGroup | null;
  readonly T: ActorGroup | null;
  readonly modality: Modality;
  readonly conf: number;
  /** Frame ids applied, innermost first. */
  readonly frames: readonly string[];
  /** First token of the outermost frame's words (the evidence starts there). */
  readonly first: number;
  /** Tokens the frames read. */
  readonly tokens: readonly number[];
  readonly notes: readonly string[];
}

interface FrameHit {
  readonly frame: CompiledFrame;
  readonly S: ActorGroup | null;
  readonly T: ActorGroup | null;
  readonly words: number;
  readonly tokens: readonly number[];
  readonly first: number;
}

const MAX_DEPTH = 3;

function matchFrame(
  cp: CompiledPatterns,
  view: SentenceView,
  frame: CompiledFrame,
  at: number,
  used: ReadonlySet<number>,
): FrameHit | null {
  const st0 = { ...emptyState(at), words: 0, wordTokens: [] as number[] };
  const st = matchBackward(cp, view, frame.elements, frame.event - 1, at - 1, st0, used, null);
  if (st === null || st.words === 0) return null;
  for (const t of st.wordTokens) {
    for (let k = t; k <= t + 3 && k < view.end; k++) {
      if (frame.not.has(view.tokens.lemma[k] as string)) return null;
    }
  }
  const first = Math.min(...st.wordTokens);
  return { frame, S: st.S, T: st.T, words: st.words, tokens: st.wordTokens, first };
}

/** The best frame whose `@EVENT` sits on token `at` (more words first, then file order). */
function bestFrame(
  cp: CompiledPatterns,
  view: SentenceView,
  at: number,
  used: ReadonlySet<number>,
): FrameHit | null {
  let best: FrameHit | null = null;
  for (const frame of cp.frames) {
    const hit = matchFrame(cp, view, frame, at, used);
    if (hit && (best === null || hit.words > best.words)) best = hit;
  }
  return best;
}

const SUBJECT_KEEPS: ReadonlySet<string> = new Set(['intent', 'reject', 'threaten', 'negate']);

function refusal(pattern: CompiledPattern, ev: FramedEvent, hit: FrameHit): FramedEvent {
  const code = pattern.frames.reject;
  const base = {
    ...ev,
    S: hit.S ?? ev.S,
    conf: ev.conf * hit.frame.conf,
    frames: [...ev.frames, hit.frame.id],
    first: Math.min(ev.first, hit.first),
    tokens: [...ev.tokens, ...hit.tokens],
  };
  return code
    ? {
        ...base,
        code,
        modality: 'asserted',
        notes: [...ev.notes, `negated intent → refusal ${code}`],
      }
    : { ...base, modality: 'negated', notes: [...ev.notes, 'negated intent, no refusal code'] };
}

/**
 * Applies the frames around the event whose trigger is token `trigger`, outwards. `used`
 * holds the tokens the event pattern matched (never read again as frame words).
 */
export function applyFrames(
  cp: CompiledPatterns,
  view: SentenceView,
  pattern: CompiledPattern,
  start: FramedEvent,
  trigger: number,
  used: ReadonlySet<number>,
): FramedEvent {
  let ev = start;
  let at = trigger;
  const taken = new Set(used);
  let lastKind: string | null = null;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const hit = bestFrame(cp, view, at, taken);
    if (hit === null) break;
    for (const t of hit.tokens) taken.add(t);
    const kind = hit.frame.kind;
    const intentAround = kind === 'intent' && lastKind === 'negate';
    const negateAround = kind === 'negate' && lastKind === 'intent';
    if (intentAround || negateAround) {
      ev = refusal(pattern, ev, hit);
    } else {
      const mapped =
        kind === 'negate' || kind === 'hypothetical'
          ? null
          : (pattern.frames[kind as MappedFrameKind] ?? null);
      const code = ev.frames.length === 0 || kind !== 'negate' ? (mapped ?? hit.frame.code) : null;
      const keepsSubject = SUBJECT_KEEPS.has(kind);
      const S = hit.S ?? (keepsSubject ? ev.S : null);
      const next = {
        ...ev,
        conf: ev.conf * hit.frame.conf,
        frames: [...ev.frames, hit.frame.id],
        first: Math.min(ev.first, hit.first),
        tokens: [...ev.tokens, ...hit.tokens],
      };
      if (code) {
        ev = {
          ...next,
          code,
          S,
          T: hit.T ?? ev.T,
          modality: 'asserted',
          notes: [...ev.notes, `frame ${hit.frame.id} (${kind}) → code ${code}`],
        };
      } else {
        ev = {
          ...next,
          S: keepsSubject ? S : ev.S,
          modality: hit.frame.modality,
          notes: [...ev.notes, `frame ${hit.frame.id} (${kind}) → ${hit.frame.modality}`],
        };
      }
    }
    lastKind = kind;
    at = hit.first;
  }
  return ev;
}
