import type { EventRecord, Quantity } from '../core/document.js';

/* Casualty attachment: people counts of a sentence given to its events (src/gkg/amounts.ts). */

/** CAMEO roots an event of each people count most likely describes (violence; protest, arrest). */
const FIELD_ROOTS: Readonly<Record<'dead' | 'injured' | 'size', readonly string[]>> = {
  dead: ['18', '19', '20', '17', '15'],
  injured: ['18', '19', '20', '17', '15'],
  size: ['14', '17', '18'],
};

/** Characters that end a clause between a count and an event's evidence. */
const CLAUSE_BREAK =
  /[;:.!?]|,\s*(?:but|while|whereas|although|and)\b|\b(?:but|while|whereas|after|before|when)\b/;

/**
 * Events with the people counts of their sentence: `dead` (killed, dead), `injured`
 * (injured, wounded) and `size` (protesters, people arrested, detained, displaced). Each count
 * goes to one event of its sentence: among those whose root fits the count (violence for the
 * dead and injured, protest and arrest for a crowd) if any, else among all, the one whose
 * evidence is nearest, an event in another clause (when `text` is given) only when no event
 * shares the count's clause. An event that draws two counts of a kind keeps the nearer one.
 * Returns new event objects; other events are returned as they are.
 *
 * @example
 * attachCasualties(events, quantities, text)[0]?.dead; // 12 for "Troops killed 12 people ..."
 */
export function attachCasualties(
  events: readonly EventRecord[],
  quantities: readonly Quantity[],
  text?: string,
): EventRecord[] {
  type Field = 'dead' | 'injured' | 'size';
  const best = new Map<number, Map<Field, { value: number; distance: number }>>();
  for (const q of quantities) {
    if (q.eventField === undefined || q.sentence === undefined) continue;
    const field = q.eventField;
    const roots = FIELD_ROOTS[field];
    const same: number[] = [];
    events.forEach((ev, i) => {
      if (ev.sentence === q.sentence) same.push(i);
    });
    if (same.length === 0) continue;
    const fitting = same.filter((i) => roots.includes((events[i] as EventRecord).root));
    const pool = fitting.length > 0 ? fitting : same;
    let pick = -1;
    let pickDistance = Infinity;
    for (const i of pool) {
      const ev = events[i] as EventRecord;
      const lo = Math.min(ev.evidence.end, q.end);
      const hi = Math.max(ev.evidence.start, q.start);
      let distance = Math.max(0, hi - lo);
      // a count in another clause than the event: only when nothing is closer in its own
      if (text !== undefined && hi > lo && CLAUSE_BREAK.test(text.slice(lo, hi))) distance += 1e6;
      if (distance < pickDistance) {
        pick = i;
        pickDistance = distance;
      }
    }
    const fields = best.get(pick) ?? new Map<Field, { value: number; distance: number }>();
    const had = fields.get(field);
    if (had === undefined || pickDistance < had.distance)
      fields.set(field, { value: q.value, distance: pickDistance });
    best.set(pick, fields);
  }
  return events.map((ev, i) => {
    const fields = best.get(i);
    if (fields === undefined) return ev;
    const add: { dead?: number; injured?: number; size?: number } = {};
    for (const [f, v] of fields) add[f] = v.value;
    return { ...ev, ...add };
  });
}
