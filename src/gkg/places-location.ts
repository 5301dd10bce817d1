/**
 * Event locations: an event takes a place as its `location` only when its sentence says the
 * event happened there: a locative preposition ("in", "at", "near" ... `locative` lines of
 * dictionaries/places/words.tsv) right before the place, in the same clause as the event's
 * evidence. "Iran's envoy to Moscow" names a place but no location.
 *
 * @example
 * locateEvents(events, places, { text, sentences, words: placeContext.data });
 * // the event of "The ministers met in Tehran." gets
 * // { name: 'Tehran', country: 'IRN', lat: 35.69, lon: 51.42 }
 */
import type { EventRecord, Place, Sentence } from '../core/document.js';

/** The `locative` and `filler` words of dictionaries/places/words.tsv. */
export interface LocativeWords {
  /** Lower-case prepositions: "in", "at", "near". */
  readonly locatives: ReadonlySet<string>;
  /** Lower-case words between a locative and its place: "the", "capital", "northern". */
  readonly fillers: ReadonlySet<string>;
  /** Lower-case words that start another clause after a comma: "who", "while". */
  readonly clauseWords: ReadonlySet<string>;
}

export interface LocateInput {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly words: LocativeWords;
}

/**
 * Whether a locative governs the place: walking back over at most six words from the place,
 * skipping `filler` words ("the", "capital", "northern"), the first other word must be a
 * lower-case locative: "met in Tehran", "at the port of Aden", "in northern Syria". Any
 * other word or mark between them ("envoy to Moscow", "Tehran's") breaks the link.
 * `fronted`: the phrase opens the sentence ("In Kabul, ...") and so sets the scene for all
 * of its events.
 */
function locative(
  text: string,
  sentenceStart: number,
  place: Place,
  words: LocativeWords,
): 'inline' | 'fronted' | null {
  const from = Math.max(sentenceStart, place.start - 80);
  const before = text.slice(from, place.start);
  const found = before.match(/[\p{L}\p{N}'’]+|[^\p{L}\p{N}\s,'’]/gu) ?? [];
  for (let k = found.length - 1, steps = 0; k >= 0 && steps < 6; k--, steps++) {
    const w = found[k]!;
    if (words.locatives.has(w)) return k === 0 && from === sentenceStart ? 'fronted' : 'inline';
    // sentence-initial "In" is the locative written with a capital
    if (k === 0 && from === sentenceStart && words.locatives.has(w.toLowerCase())) return 'fronted';
    if (!words.fillers.has(w.toLowerCase())) return null;
  }
  return null;
}

/**
 * A clause boundary between two offsets of one sentence: ";", ":", a dash, or a comma followed
 * by a `clause` word ("..., who lives in Paris").
 */
function crossesClause(text: string, a: number, b: number, words: LocativeWords): boolean {
  const between = text.slice(Math.min(a, b), Math.max(a, b));
  if (/[;:\u2013\u2014]/u.test(between)) return true;
  for (const m of between.matchAll(/,\s*(\p{L}+)/gu)) {
    if (words.clauseWords.has(m[1]!)) return true;
  }
  return false;
}

/**
 * Sets `location` on every event whose sentence puts it at a place ("met in Tehran", "an
 * attack in Kabul", "talks held in Geneva"), the nearest such place in the event's clause;
 * other events are returned unchanged (`location` stays as it was, null by default).
 */
export function locateEvents(
  events: readonly EventRecord[],
  places: readonly Place[],
  input: LocateInput,
): EventRecord[] {
  const { text, sentences, words } = input;
  const chosen = new Map<number, { place: Place; distance: number }>();
  const consider = (e: number, place: Place, distance: number): void => {
    const prev = chosen.get(e);
    if (prev === undefined || distance < prev.distance) chosen.set(e, { place, distance });
  };
  for (const place of places) {
    const s = sentences[place.sentence];
    if (s === undefined) continue;
    const how = locative(text, s.start, place, words);
    if (how === null) continue;
    const here = events
      .map((ev, e) => ({ ev, e }))
      .filter(({ ev }) => ev.sentence === place.sentence);
    if (how === 'fronted') {
      // "In Kabul, gunmen attacked ...": the scene of every event of the sentence
      for (const { e, ev } of here) consider(e, place, ev.evidence.start - place.end);
      continue;
    }
    // Otherwise the place belongs to the nearest event phrase of its clause ("Putin praised
    // the commission's meeting in Tehran": the meeting, not the praise, when both are coded).
    const near = here
      .filter(({ ev }) => !crossesClause(text, ev.evidence.start, place.start, words))
      .map(({ ev, e }) => ({ e, d: distance(ev, place) }))
      .filter(({ d }) => d <= MAX_DISTANCE);
    if (near.length === 0) continue;
    const best = Math.min(...near.map((x) => x.d));
    for (const { e, d } of near) if (d === best) consider(e, place, d);
  }
  return events.map((ev, e) => {
    const c = chosen.get(e);
    if (c === undefined) return ev;
    const p = c.place;
    return { ...ev, location: { name: p.name, country: p.country, lat: p.lat, lon: p.lon } };
  });
}

/** Characters between an event's evidence and a place (0 when the place is inside it). */
function distance(ev: EventRecord, place: Place): number {
  if (place.start >= ev.evidence.end) return place.start - ev.evidence.end;
  if (place.end <= ev.evidence.start) return ev.evidence.start - place.end;
  return 0;
}

/** A locative phrase further than this from every event phrase of its clause locates none. */
const MAX_DISTANCE = 100;
