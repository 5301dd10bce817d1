/**
 * Acts a story recalls rather than reports: the sentence dates them to a year before the
 * story's own. "Both sides agreed to restore patrols where troops clashed in 2020", in a
 * story of 2024, reports an agreement of 2024 and recalls a clash of 2020; coding the clash
 * on the story's date would make up an event. Such acts are left out, and `explain` says why.
 */
import type { SentenceView } from './roles.js';

/** A year as written ("2020") or a decade ("1990s"). */
const YEAR = /^(1[5-9]|20)\d\d(s)?$/;

/** Tags that carry a noun phrase on past a year written inside it. */
const NOUN_PHRASE: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);

/** Tokens between the last word of the act and the preposition before its year. */
const MAX_GAP = 3;

/**
 * The year (as written) that dates the act whose words end at token `last` to before
 * `storyYear`, or null. Two places are read: a year-preposition phrase right after the act,
 * before any clause end ("clashed in 2020", "signed the deal in March 2019"), and one that
 * opens the sentence before the act ("In 2019, the two states signed ...").
 */
export function recalledYear(view: SentenceView, last: number, storyYear: number): string | null {
  const { tokens, grammar } = view;
  for (let t = last + 1; t < view.end && t <= last + 1 + MAX_GAP; t++) {
    const normal = tokens.normal[t] as string;
    if (grammar.clauseEnd.has(normal)) break;
    if (grammar.yearPreposition.has(normal)) return yearAfter(view, t, storyYear);
  }
  const first = view.first;
  if (first < last && grammar.yearPreposition.has(tokens.normal[first] as string)) {
    const year = yearAfter(view, first, storyYear);
    // only when the phrase is closed off before the act: "In 2019, ..."
    if (year !== null && commaBefore(view, first, last)) return year;
  }
  return null;
}

/** The year of the time expression that follows the preposition at `prep`, when before `storyYear`. */
function yearAfter(view: SentenceView, prep: number, storyYear: number): string | null {
  const { tokens } = view;
  // "in 2020", "in March 2019", "in early 2018", "in the 1990s": the year is within the
  // date expression that starts right after the preposition ("the" may stand before it).
  for (let t = prep + 1; t < view.end && t <= prep + 3; t++) {
    const inTime = view.time[t - view.first] === 1;
    if (!inTime && tokens.pos[t] !== 'DET') return null;
    const normal = tokens.normal[t] as string;
    const m = YEAR.exec(normal);
    if (m === null) continue;
    // "in the 1986 annual report": the year names a thing, it does not date the act
    if (t + 1 < view.end && NOUN_PHRASE.has(tokens.pos[t + 1] as string)) return null;
    const year = Number(normal.slice(0, 4));
    // a decade is before the story when it ended before the story's year
    const latest = m[2] === undefined ? year : year + 9;
    return latest < storyYear ? normal : null;
  }
  return null;
}

function commaBefore(view: SentenceView, from: number, to: number): boolean {
  for (let t = from + 1; t < to && t <= from + 5; t++)
    if (view.tokens.normal[t] === ',') return true;
  return false;
}
