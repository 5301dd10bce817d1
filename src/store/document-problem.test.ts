import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../core/document.js';
import { documentProblem, isIsoDate } from './document-problem.js';
import { annotatedDocument, plainDocument } from './test-documents.js';

describe('documentProblem', () => {
  it('accepts documents whose spans all slice their text back', () => {
    expect(documentProblem(plainDocument('ok-1'))).toBeNull();
    expect(documentProblem(annotatedDocument('ok-2'))).toBeNull();
  });

  it('names the first span that does not round-trip', () => {
    const doc = annotatedDocument('bad-1');
    const shifted: DocumentRecord = {
      ...doc,
      entities: doc.entities.map((e, i) => (i === 2 ? { ...e, start: e.start + 1 } : e)),
    };
    expect(documentProblem(shifted)).toMatch(/^entity 2 text "Norway" is not the text at/);
  });

  it('refuses spans outside the text and event evidence past its end', () => {
    const doc = annotatedDocument('bad-2');
    const past: DocumentRecord = {
      ...doc,
      events: doc.events.map((e) => ({ ...e, evidence: { start: 0, end: doc.text.length + 5 } })),
    };
    expect(documentProblem(past)).toMatch(/^event 0 evidence span .* outside the text/);
    const negative: DocumentRecord = {
      ...doc,
      themes: [{ theme: 'X', spans: [{ start: -1, end: 2 }] }],
    };
    expect(documentProblem(negative)).toMatch(/^theme 0 span 0/);
  });

  it('refuses an empty id and a date that is not a calendar date', () => {
    expect(documentProblem({ ...plainDocument('x'), id: '' })).toBe('id is empty');
    expect(documentProblem({ ...plainDocument('x'), date: '2023-02-30' })).toMatch(
      /not YYYY-MM-DD/,
    );
  });
});

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-3-20')).toBe(false);
    expect(isIsoDate('20 March 2024')).toBe(false);
  });
});
