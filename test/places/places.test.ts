import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { EventRecord } from '../../src/core/document.js';
import { locateEvents } from '../../src/gkg/places-location.js';
import { HAS_SHARED, REPO, SEED } from '../helpers.js';
import { loadStages, runPlaces, type Stages } from './run-places.js';

interface Case {
  readonly line: number;
  readonly text: string;
  readonly mention: string;
  readonly occurrence: number;
  readonly country: string;
  readonly region: string;
  readonly kind: string;
}

function readCases(): Case[] {
  const lines = readFileSync(join(REPO, 'test', 'places', 'ambiguous.tsv'), 'utf8').split('\n');
  const cases: Case[] = [];
  let header = true;
  lines.forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    if (header) {
      header = false;
      return;
    }
    const [text, mentionCell, country, region, kind] = raw.split('\t') as string[];
    const [mention, nth] = mentionCell!.split('@') as [string, string | undefined];
    cases.push({
      line: i + 1,
      text: text!,
      mention,
      occurrence: nth === undefined ? 1 : Number(nth),
      country: country!,
      region: region!,
      kind: kind!,
    });
  });
  return cases;
}

function nthIndex(text: string, word: string, n: number): number {
  let at = -1;
  for (let k = 0; k < n; k++) at = text.indexOf(word, at + 1);
  return at;
}

let st: Stages;
beforeAll(async () => {
  st = await loadStages();
});

const cases = readCases();

describe('ambiguous place names (test/places/ambiguous.tsv)', () => {
  test('the table has at least 40 cases, negatives among them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(cases.filter((c) => c.country === 'none').length).toBeGreaterThanOrEqual(5);
  });

  for (const c of cases) {
    test(`line ${c.line}: "${c.mention}" in "${c.text}" → ${c.country}${c.region === '-' ? '' : ` / ${c.region}`}`, () => {
      const run = runPlaces(st, c.text);
      for (const p of run.places) expect(c.text.slice(p.start, p.end)).toBe(p.text);
      const start = nthIndex(c.text, c.mention, c.occurrence);
      expect(start, 'mention must occur in the sentence').toBeGreaterThanOrEqual(0);
      const place = run.places.find((p) => p.start < start + c.mention.length && start < p.end);
      if (c.country === 'none') {
        expect(place, `no place expected, got ${JSON.stringify(place)}`).toBeUndefined();
        return;
      }
      expect(place, `no place found; places: ${JSON.stringify(run.places)}`).toBeDefined();
      expect(place!.text).toBe(c.mention);
      expect({ country: place!.country, how: place!.how }).toMatchObject({ country: c.country });
      if (c.region !== '-') expect(place!.region).toBe(c.region);
      if (c.kind !== '-') expect(place!.kind).toBe(c.kind);
      expect(place!.how.length).toBeGreaterThan(0);
    });
  }
});

/** A hand-made event over `evidence` (the first occurrence) in sentence 0, for locateEvents. */
function handEvent(text: string, evidence: string, sentence = 0): EventRecord {
  const start = text.indexOf(evidence);
  return {
    source: null,
    target: null,
    cameo: '040',
    root: '04',
    quadClass: 1,
    goldstein: 1,
    plover: null,
    date: null,
    location: null,
    sentence,
    evidence: { start, end: start + evidence.length },
    modality: 'asserted',
    confidence: 1,
    rule: 'test',
  };
}

describe('event locations', () => {
  test('an event whose sentence says where it happened gets the place, its country and coordinates', () => {
    const run = runPlaces(st, 'The Iranian and Russian foreign ministers met in Tehran on Monday.');
    expect(run.events.length).toBeGreaterThan(0);
    for (const ev of run.events) {
      expect(ev.location).toMatchObject({ name: 'Tehran', country: 'IRN' });
      expect(ev.location!.lat).toBeCloseTo(35.7, 0);
      expect(ev.location!.lon).toBeCloseTo(51.4, 0);
    }
  });

  test('a place that is not where the event happened is no location', () => {
    const text = "Iran's envoy to Moscow criticised the sanctions.";
    const run = runPlaces(st, text);
    expect(run.places.map((p) => p.text)).toContain('Moscow');
    const located = locateEvents([handEvent(text, 'criticised')], run.places, {
      text,
      sentences: run.sentences,
      words: st.places.data,
    });
    expect(located[0]!.location).toBeNull();
  });

  test('talks held in a city, an attack in a city, a scene-setting "In X," phrase', () => {
    const cases: [string, string, string][] = [
      ['Negotiators held talks in Geneva with the mediators.', 'held talks', 'Genève'],
      ['An attack in Kabul killed 12 people.', 'killed', 'Kabul'],
      ['In Nairobi, protesters clashed with police.', 'clashed', 'Nairobi'],
      ['The envoys met at the port city of Aden on Sunday.', 'met', 'Aden'],
    ];
    for (const [text, evidence, name] of cases) {
      const run = runPlaces(st, text);
      const [ev] = locateEvents([handEvent(text, evidence)], run.places, {
        text,
        sentences: run.sentences,
        words: st.places.data,
      });
      expect(ev!.location?.name, text).toBe(name);
    }
  });

  test('of two events in a sentence, the place goes to the nearer one', () => {
    const text = 'The president praised the meeting of the joint commission in Tehran last week.';
    const run = runPlaces(st, text);
    const located = locateEvents(
      [handEvent(text, 'praised'), handEvent(text, 'meeting')],
      run.places,
      { text, sentences: run.sentences, words: st.places.data },
    );
    // "meeting ... in Tehran" is nearer than "praised"; both carry the same place only when tied
    expect(located[1]!.location?.name).toBe('Tehran');
    expect(located[0]!.location).toBeNull();
  });

  test('a place after another clause does not locate the event before it', () => {
    const text = 'The minister resigned, while protesters gathered in Lagos.';
    const run = runPlaces(st, text);
    const [ev] = locateEvents([handEvent(text, 'resigned')], run.places, {
      text,
      sentences: run.sentences,
      words: st.places.data,
    });
    expect(ev!.location).toBeNull();
  });
});

describe('focus countries', () => {
  test('ranked by place and actor mentions', () => {
    const run = runPlaces(
      st,
      'Kenyan police said two officers died near Nairobi. Kenya blamed Somali militants. Officials in Mombasa and Nairobi raised security.',
    );
    expect(run.focus[0]).toBe('KEN');
  });
});

describe.skipIf(!HAS_SHARED)('seed article (../shared)', () => {
  test('Tehran and Moscow are geocoded; the commission convened in Tehran is located there', () => {
    const raw = readFileSync(SEED, 'utf8');
    const run = runPlaces(st, raw, '2024-03-20');
    for (const p of run.places) expect(raw.slice(p.start, p.end)).toBe(p.text);
    const tehran = run.places.find((p) => p.text === 'Tehran');
    expect(tehran).toMatchObject({ kind: 'city', country: 'IRN', gazetteerId: 'geonames:112931' });
    expect(tehran!.lat).toBeCloseTo(35.7, 0);
    expect(tehran!.lon).toBeCloseTo(51.4, 0);
    expect(run.places.find((p) => p.text === 'Moscow')).toMatchObject({ country: 'RUS' });
    expect(run.focus.slice(0, 2).sort()).toEqual(['IRN', 'RUS']);

    const at = raw.indexOf('commission in Tehran');
    const sentence = run.sentences.find((s) => s.start <= at && at < s.end)!;
    const coded = run.events.filter(
      (e) => e.sentence === sentence.index && ['04', '06'].includes(e.root),
    );
    for (const ev of coded) expect(ev.location?.name).toBe('Tehran');
    // whether or not the coder codes it yet, an event over "convening" is located in Tehran
    const ev = handEvent(raw, 'convening', sentence.index);
    const [located] = locateEvents([ev], run.places, {
      text: raw,
      sentences: run.sentences,
      words: st.places.data,
    });
    expect(located!.location).toMatchObject({ name: 'Tehran', country: 'IRN' });
  });
});

describe('in the pipeline (createContext + processDocument)', () => {
  test('documents carry places, focus countries and event locations as plain data', async () => {
    const { createContext } = await import('../../src/pipeline/context.js');
    const { processDocument } = await import('../../src/pipeline/process-document.js');
    const { identify } = await import('../../src/pipeline/identify.js');
    const ctx = await createContext();
    const text =
      'The foreign ministers of Iran and Russia met in Tehran on Monday. A tornado struck Paris, Texas, on Sunday.';
    const raw = {
      kind: 'raw' as const,
      id: null,
      date: '2024-03-20',
      url: null,
      title: null,
      text,
      bodyStart: 0,
      provenance: { file: '-' },
      warnings: [],
    };
    const doc = processDocument(raw, identify(raw), null, ctx);
    const places = doc.places ?? [];
    expect(places.map((p) => [p.text, p.country])).toEqual([
      ['Iran', 'IRN'],
      ['Russia', 'RUS'],
      ['Tehran', 'IRN'],
      ['Paris', 'USA'],
      ['Texas', 'USA'],
    ]);
    for (const p of places) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(doc.focusCountries?.[0]).toBe('IRN');
    expect(doc.focusCountries).toEqual(expect.arrayContaining(['RUS', 'USA']));
    const met = doc.events.filter((e) => e.root === '04');
    expect(met.length).toBeGreaterThan(0);
    for (const e of met) expect(e.location?.name).toBe('Tehran');
    // worker threads send documents by structured clone: only plain data may be inside
    expect(structuredClone({ places: doc.places, events: doc.events })).toEqual({
      places: doc.places,
      events: doc.events,
    });

    const bare = await createContext({ knowledge: false });
    const plain = processDocument(raw, identify(raw), null, bare);
    expect(plain.places).toBeUndefined();
    expect(plain.events.every((e) => e.location === null)).toBe(true);
  });
});

describe('explain output', () => {
  test('lists each place with its reading and reason, then the focus countries', async () => {
    const { formatPlaceLines } = await import('../../src/gkg/places.js');
    const text = 'A tornado struck Paris, Texas, and French officials in Paris sent condolences.';
    const run = runPlaces(st, text);
    const lines = formatPlaceLines({ places: run.places, focusCountries: run.focus });
    expect(lines[0]).toBe(`places: ${run.places.length}`);
    expect(lines.find((l) => l.startsWith('  "Paris" → city Paris, Texas, USA'))).toContain(
      '[apposition: Texas]',
    );
    expect(
      lines.filter((l) => l.includes('Paris, FR.11, FRA') || l.includes('Paris, FRA')),
    ).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^focus countries: /);
    expect(formatPlaceLines({})).toEqual([]);
  });
});

describe('entente explain', () => {
  test('shows the places with the reason for each reading and the event location', async () => {
    const { explain } = await import('../../src/events/explain.js');
    const e = await explain(
      'Delegations from Iran and Russia met in Tehran. Storms hit Lebanon, Pennsylvania, on Sunday.',
      '2024-03-20',
    );
    expect(e.text).toMatch(/^places: \d+$/m);
    expect(e.text).toContain('"Lebanon" → city Lebanon, Pennsylvania, USA');
    expect(e.text).toContain('[apposition: Pennsylvania]');
    expect(e.text).toMatch(/^focus countries: /m);
    expect(e.text).toContain('in Tehran (IRN)');
  });
});
