import type { Failure, Provenance, RawDocument } from '../core/document.js';

/**
 * The parts of a `RawDocument` a source fills in; the rest have safe defaults.
 *
 * @example
 * const init: RawDocumentInit = { provenance: { file: 'a.jsonl', line: 4 }, text: 'Envoys met.', id: '17' };
 */
export interface RawDocumentInit {
  readonly provenance: Provenance;
  readonly text: string;
  readonly id?: string | null;
  readonly date?: string | null;
  readonly url?: string | null;
  readonly title?: string | null;
  readonly byline?: string | null;
  readonly bodyStart?: number;
  readonly warnings?: readonly string[];
}

/**
 * Builds a frozen `RawDocument`.
 *
 * @example
 * rawDocument({ provenance: { file: 'a.txt' }, text: 'Talks resumed.', date: '2024-03-20' });
 */
export function rawDocument(init: RawDocumentInit): RawDocument {
  return Object.freeze({
    kind: 'raw',
    id: init.id ?? null,
    date: init.date ?? null,
    url: init.url ?? null,
    title: init.title ?? null,
    byline: init.byline ?? null,
    text: init.text,
    bodyStart: init.bodyStart ?? 0,
    provenance: Object.freeze({ ...init.provenance }),
    warnings: Object.freeze([...(init.warnings ?? [])]),
  });
}

/**
 * Builds a frozen `Failure`; the reason is forced onto one line.
 *
 * @example
 * failure({ file: 'a.jsonl', line: 3 }, 'malformed JSON: Unexpected end of JSON input');
 */
export function failure(provenance: Provenance, reason: string): Failure {
  return Object.freeze({
    kind: 'failure',
    provenance: Object.freeze({ ...provenance }),
    reason: reason.replace(/\s*[\r\n]+\s*/g, ' ').trim(),
  });
}

/** Human-readable byte count for size-limit messages, e.g. `10 MiB`. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/** The one reason text used everywhere a document exceeds the size limit. */
export function tooLargeReason(limit: number): string {
  return `document is larger than the size limit (${formatBytes(limit)})`;
}
