import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED, SEED, SHARED, jsonLines, run } from './helpers.js';

interface Ref {
  code: string;
}
interface Event {
  source: Ref | null;
  target: Ref | null;
  cameo: string;
  date: string | null;
  sentence: number;
  evidence: { start: number; end: number };
  modality: string;
}
interface Doc {
  text: string;
  sentences: { index: number; start: number; end: number }[];
  events: Event[];
}
interface ExpectedEvent {
  what: string;
  source: string | string[];
  target: string | string[];
  either_direction?: boolean;
  codes: string[];
  date?: string;
}

const list = (x: string | string[]): string[] => (Array.isArray(x) ? x : [x]);
const code = (r: Ref | null): string => r?.code ?? '';

/** A code fits an expected actor when it starts with it ("" only fits an empty role). */
function actorFits(actual: string, wanted: string[]): boolean {
  return wanted.some((w) => (w === '' ? actual === '' : actual.startsWith(w)));
}

function fits(e: Event, x: ExpectedEvent): boolean {
  const codeOk = x.codes.some((c) => e.cameo.startsWith(c));
  const dateOk = x.date === undefined || e.date === x.date;
  const forward =
    actorFits(code(e.source), list(x.source)) && actorFits(code(e.target), list(x.target));
  const backward =
    x.either_direction === true &&
    actorFits(code(e.target), list(x.source)) &&
    actorFits(code(e.source), list(x.target));
  return codeOk && dateOk && (forward || backward);
}

describe.skipIf(!HAS_SHARED)('events of the seed article', () => {
  let doc: Doc;
  let expected: {
    required: { events: ExpectedEvent[]; no_events_outside: string[] };
    desired: { events: ExpectedEvent[] };
  };
  beforeAll(async () => {
    const r = await run(['extract', SEED]);
    expect(r.code).toBe(0);
    doc = jsonLines<Doc>(r.stdout)[0]!;
    expected = JSON.parse(readFileSync(join(SHARED, 'seed', 'expected.json'), 'utf8'));
  });

  it('codes every required event', () => {
    for (const x of expected.required.events) {
      expect(
        doc.events.some((e) => fits(e, x)),
        x.what,
      ).toBe(true);
    }
  });

  it('codes no event with an actor outside the article', () => {
    const allowed = expected.required.no_events_outside;
    for (const e of doc.events) {
      for (const c of [code(e.source), code(e.target)]) {
        const ok = allowed.some((a) => (a === '' ? c === '' : c.startsWith(a)));
        expect(ok, `${code(e.source)} → ${code(e.target)} ${e.cameo}`).toBe(true);
      }
    }
  });

  // The event-coder issue asks for 4 of the 7; the coder finds 4 (051 IRN→RUS, 030 IRN,
  // the joint commission's 040 RUS→IRN, 110 IRN/RUS→WST). Raise it with the coder.
  it('codes at least 4 of the desired events', () => {
    const found = expected.desired.events.filter((x) => doc.events.some((e) => fits(e, x)));
    expect(found.length).toBeGreaterThanOrEqual(4);
  });

  it('gives every event an evidence span inside its sentence', () => {
    expect(doc.events.length).toBeGreaterThan(0);
    for (const e of doc.events) {
      const s = doc.sentences[e.sentence]!;
      expect(e.evidence.start).toBeGreaterThanOrEqual(s.start);
      expect(e.evidence.end).toBeLessThanOrEqual(s.end);
      expect(e.evidence.end).toBeGreaterThan(e.evidence.start);
      expect(e.modality === 'asserted' || e.modality === 'intended').toBe(true);
    }
  });
});
