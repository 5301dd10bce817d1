import type { DocumentRecord, Span } from '../core/document.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2023-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The first way `doc` breaks the output contract, or null when it keeps it. A store
 * checks this before writing: once stored, a span that does not slice its own text back
 * would be served to users as evidence.
 *
 * @example
 * const problem = documentProblem(doc);
 * if (problem !== null) throw new InvalidDocumentError(doc.id, problem, location);
 */
export function documentProblem(doc: DocumentRecord): string | null {
  if (typeof doc.id !== 'string' || doc.id.length === 0) return 'id is empty';
  if (doc.date !== null && !isIsoDate(doc.date))
    return `date ${JSON.stringify(doc.date)} is not YYYY-MM-DD`;
  if (doc.textHash.length === 0) return 'textHash is empty';
  const length = doc.text.length;
  // `what` names the span only once a problem is found: building a label for each of
  // ~10 spans per document showed up in ingest profiles. Comparing a slice is also faster
  // than startsWith here (V8 slices without copying).
  const spanProblem = (what: () => string, span: Span, surface?: string): string | null => {
    const { start, end } = span;
    if (
      !Number.isInteger(start) ||
      !Number.isInteger(end) ||
      start < 0 ||
      end < start ||
      end > length
    ) {
      return `${what()} span [${start}, ${end}) is outside the text (length ${length})`;
    }
    if (surface !== undefined && doc.text.slice(start, end) !== surface) {
      return `${what()} text ${JSON.stringify(surface)} is not the text at [${start}, ${end})`;
    }
    return null;
  };
  const checks: Array<() => string | null> = [
    () => firstProblem(doc.sentences, (s, i) => spanProblem(() => `sentence ${i}`, s, s.text)),
    () => firstProblem(doc.expressions, (x, i) => spanProblem(() => `expression ${i}`, x, x.text)),
    () => firstProblem(doc.entities, (x, i) => spanProblem(() => `entity ${i}`, x, x.text)),
    () => firstProblem(doc.quantities, (x, i) => spanProblem(() => `quantity ${i}`, x, x.text)),
    () =>
      firstProblem(doc.events, (e, i) => {
        return (
          spanProblem(() => `event ${i} evidence`, e.evidence) ??
          (e.source === null
            ? null
            : spanProblem(() => `event ${i} source`, e.source, e.source.text)) ??
          (e.target === null
            ? null
            : spanProblem(() => `event ${i} target`, e.target, e.target.text))
        );
      }),
    () =>
      firstProblem(doc.themes, (t, i) =>
        firstProblem(t.spans, (s, j) => spanProblem(() => `theme ${i} span ${j}`, s)),
      ),
    () =>
      firstProblem(doc.quotations ?? [], (q, i) => {
        return (
          spanProblem(() => `quotation ${i}`, q, q.text) ??
          (q.speaker === null
            ? null
            : spanProblem(() => `quotation ${i} speaker`, q.speaker, q.speaker.text)) ??
          (q.verb === null ? null : spanProblem(() => `quotation ${i} verb`, q.verb, q.verb.text))
        );
      }),
    () => firstProblem(doc.places ?? [], (p, i) => spanProblem(() => `place ${i}`, p, p.text)),
  ];
  for (const check of checks) {
    const problem = check();
    if (problem !== null) return problem;
  }
  return null;
}

function firstProblem<T>(
  items: readonly T[],
  problem: (item: T, index: number) => string | null,
): string | null {
  for (let i = 0; i < items.length; i++) {
    const p = problem(items[i]!, i);
    if (p !== null) return p;
  }
  return null;
}
