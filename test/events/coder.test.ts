import { beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord, Sentence } from '../../src/core/document.js';
import { resolveActors } from '../../src/actors/resolve-actors.js';
import { cleanText } from '../../src/clean/clean-text.js';
import { codeEvents, MIN_CONFIDENCE } from '../../src/events/coder.js';
import { analyse } from '../../src/nlp/analyse.js';
import { createContext, type Context } from '../../src/pipeline/context.js';
import { CASES } from './sentences.js';

let ctx: Context;
beforeAll(async () => {
  ctx = await createContext();
}, 60_000);

/** NLP, actors and events on one text (the language stage is not this test's subject). */
function code(
  text: string,
  date = '2024-03-20',
): { sentences: readonly Sentence[]; events: EventRecord[] } {
  const a = analyse(ctx.nlp, text, cleanText(text, 0));
  const input = { text, date, sentences: a.sentences, tokens: a.tokens };
  const entities = resolveActors(ctx.actors, input);
  return {
    sentences: a.sentences,
    events: codeEvents(ctx.events, { ...input, entities, expressions: a.expressions }),
  };
}

const country = (code: string | undefined): string => code ?? '-';

/** Whether event `e` fits `source target code`: actors by prefix (`*` any, `-` none), code by prefix. */
function fits(e: EventRecord, triple: string): boolean {
  const [s, t, c] = triple.split(' ') as [string, string, string];
  const actor = (want: string, got: string | undefined): boolean =>
    want === '*' ? true : want === '-' ? got === undefined : (got ?? '').startsWith(want);
  return actor(s, e.source?.code) && actor(t, e.target?.code) && e.cameo.startsWith(c);
}

const show = (events: readonly EventRecord[]): string =>
  events.map((e) => `${country(e.source?.code)} ${country(e.target?.code)} ${e.cameo}`).join('; ');

describe('the event coder on written sentences', () => {
  it('has a table of at least 80 sentences', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(CASES.map((c) => [c.tag, c.text, c] as const))('%s: %s', (_tag, text, c) => {
    const doc = code(text, c.date);
    for (const triple of c.expect ?? []) {
      expect(
        doc.events.some((e) => fits(e, triple)),
        `${triple} in [${show(doc.events)}]`,
      ).toBe(true);
    }
    for (const triple of c.absent ?? []) {
      expect(
        doc.events.some((e) => fits(e, triple)),
        `no ${triple} in [${show(doc.events)}]`,
      ).toBe(false);
    }
    for (const e of doc.events) {
      const s = doc.sentences[e.sentence]!;
      expect(e.evidence.start).toBeGreaterThanOrEqual(s.start);
      expect(e.evidence.end).toBeLessThanOrEqual(s.end);
      expect(text.slice(e.evidence.start, e.evidence.end).length).toBeGreaterThan(0);
      if (e.source) expect(text.slice(e.source.start, e.source.end)).toBe(e.source.text);
      if (e.target) expect(text.slice(e.target.start, e.target.end)).toBe(e.target.text);
      expect(e.source?.code).not.toBe(e.target?.code);
      expect(e.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
      expect(e.modality === 'asserted' || e.modality === 'intended').toBe(true);
    }
  });
});

describe('event records', () => {
  it('carry the CAMEO table facts and the rule that fired', () => {
    const [e] = code('Iran condemned Israel on Monday.').events;
    expect(e).toMatchObject({ cameo: '111', root: '11', quadClass: 3, rule: '111.condemn.v1' });
    expect(e!.goldstein).toBeLessThan(0);
    expect(e!.plover?.type).toBe('ACCUSE');
  });

  it('name the frame in the rule and take its code', () => {
    const e = code('France plans to visit Algeria in May.').events.find((x) => x.cameo === '036');
    expect(e?.rule).toBe('042.visit.v1+intent.plan');
    expect(e?.modality).toBe('asserted');
  });

  it('dedupe repeated events of one sentence', () => {
    const doc = code('Iran condemned Israel and condemned Israel again.');
    const keys = doc.events.map((e) => `${e.source?.code}|${e.target?.code}|${e.cameo}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('never code headings', () => {
    const text = 'Iran Condemns Israel\n\nThe weather in Tehran was mild on Monday.';
    expect(code(text).events).toEqual([]);
  });

  it('resolve the weekday against the document date, leaning to the past', () => {
    const [e] = code('Iran condemned Israel on Tuesday.', '2024-03-20').events;
    expect(e).toMatchObject({ date: '2024-03-19', dateResolved: true, dateText: 'Tuesday' });
    const [f] = code('Iran condemned Israel.', '2024-03-20').events;
    expect(f).toMatchObject({ date: '2024-03-20', dateResolved: false });
  });
});
