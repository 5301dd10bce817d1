import type { DocumentRecord, Sentence, Span } from '../core/document.js';
import type { StoredDocument } from './store.js';

/**
 * Builders of store test documents, shared by the contract tests, the DuckDB tests and
 * the child processes they spawn. Texts are invented for these tests.
 *
 * @example
 * const docs = Array.from({ length: 1000 }, (_, i) => plainDocument(`doc-${i}`));
 */

const PLACES = [
  'Norway',
  'Chile',
  'Kenya',
  'Vietnam',
  'Portugal',
  'Ghana',
  'Peru',
  'Finland',
  'Jordan',
  'Uruguay',
];

const TEMPLATES = [
  'The foreign ministers of {A} and {B} spoke by telephone on Monday about a fisheries agreement that has been stalled since the spring, according to a statement from the ministry.',
  'Officials in {A} said bilateral trade with {B} rose {N} percent in the first quarter, helped by higher shipments of copper and salmon and by lower freight costs on the main routes.',
  'A delegation from {B} is expected in the capital of {A} next week to sign a memorandum on port investment worth about {N} million dollars, two people familiar with the plan said.',
  'Opposition lawmakers in {A} criticised the plan on Thursday, saying the government had not published the terms it negotiated with {B} and had not consulted the regions affected.',
  'The central bank of {A} kept its main interest rate unchanged at {N} percent, citing uncertainty over energy prices and the harvest, and said it would review the policy in June.',
  'Police in {A} detained {N} protesters outside the parliament after a march against the new fuel tax turned into clashes with officers, the interior ministry said in a statement.',
  'The prime minister of {B} told reporters that relations with {A} were improving and that a joint commission would meet before the end of the year to settle the remaining issues.',
  'Analysts said the agreement between {A} and {B} could double container traffic on the northern rail corridor within five years if the financing for the new terminals is secured.',
  'Talks between {A} and {B} on a disputed river dam ended without agreement late on Friday, and both sides said they would consult their experts before another round in the autumn.',
  'The finance ministry of {A} said it would sell {N} billion dollars of bonds to cover the budget gap left by falling export revenue, the first such sale in more than two years.',
];

/** Small deterministic hash, so a document's content depends only on its id. */
function seedOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** A 128-value MinHash-shaped signature derived from the id. */
export function signatureFor(id: string): Uint32Array {
  const signature = new Uint32Array(128);
  let x = seedOf(id) || 1;
  for (let i = 0; i < signature.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    signature[i] = x >>> 0;
  }
  return signature;
}

/**
 * What to vary in a `plainDocument`; everything else derives from the id.
 *
 * @example
 * plainDocument('d-1', { date: null, language: 'fra', duplicateOf: 'd-0', duplicateKind: 'near' });
 */
export interface PlainDocumentOptions {
  readonly sentences?: number;
  readonly date?: string | null;
  readonly language?: string;
  readonly duplicateOf?: string | null;
  readonly duplicateKind?: 'exact' | 'near' | null;
  readonly signature?: Uint32Array | null;
}

/**
 * A realistic un-annotated document: a `date` header line, a heading, then sentences of
 * news prose (about 1.5 KB with the default 8 sentences), with sentence spans only.
 */
export function plainDocument(id: string, options: PlainDocumentOptions = {}): StoredDocument {
  const seed = seedOf(id);
  const date =
    options.date === undefined
      ? `2023-${String(1 + (seed % 12)).padStart(2, '0')}-${String(1 + (seed % 28)).padStart(2, '0')}`
      : options.date;
  const a = PLACES[seed % PLACES.length]!;
  const b = PLACES[(seed + 3) % PLACES.length]!;
  // Pieces are joined once at the end: a text grown with += is a rope that V8 flattens on
  // first use, a cost real inputs (read from files) never have.
  const pieces: string[] = date === null ? [] : [`date ${date}\n`];
  let length = pieces[0]?.length ?? 0;
  const sentences: Sentence[] = [];
  const add = (piece: string, sentence: boolean, heading = false): void => {
    if (sentence)
      sentences.push({
        index: sentences.length,
        start: length,
        end: length + piece.length,
        text: piece,
        heading,
      });
    pieces.push(piece);
    length += piece.length;
  };
  add(`${a} and ${b} discuss trade`, true, true);
  add('\n', false);
  const count = options.sentences ?? 8;
  for (let i = 0; i < count; i++) {
    const template = TEMPLATES[(seed + i * 7) % TEMPLATES.length]!;
    add(
      template
        .replaceAll('{A}', a)
        .replaceAll('{B}', b)
        .replaceAll('{N}', String(2 + ((seed >>> i) % 90))),
      true,
    );
    add(i % 3 === 2 ? '\n\n' : ' ', false);
  }
  const text = pieces.join('');
  return {
    id,
    date,
    url: `https://news.example.org/${id}`,
    title: `${a} and ${b} discuss trade`,
    language: options.language ?? 'eng',
    coded: (options.duplicateOf ?? null) === null,
    duplicateOf: options.duplicateOf ?? null,
    duplicateKind: options.duplicateKind ?? null,
    textHash: `sha1-${seed.toString(16).padStart(8, '0')}-${id.length}`,
    text,
    provenance: { file: 'feeds/wire.jsonl', line: 1 + (seed % 5000) },
    warnings: [],
    sentences,
    expressions: [],
    entities: [],
    events: [],
    quantities: [],
    themes: [],
    tone: null,
    signature: options.signature === undefined ? signatureFor(id) : options.signature,
  };
}

function spanOf(text: string, needle: string, from = 0): Span {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`test text lacks ${JSON.stringify(needle)}`);
  return { start, end: start + needle.length };
}

/**
 * A hand-built document using every part of the contract: expressions, entities, an
 * event with source, target, PLOVER and location, one without a target, quantities with
 * and without date/year, themes (one with no spans), tone, warnings and full provenance.
 */
export function annotatedDocument(id: string): StoredDocument {
  const text =
    'date 2024-05-14\nEnergy talks \u{1F30D}\nThe president of Ghana called the prime minister of Norway on Tuesday. ' +
    'Trade between the two countries grew 12% in 2023 to about $1.5 billion. Ghana did not rule out new sanctions.';
  // The globe is outside the BMP: offsets are UTF-16 units, so everything after it is
  // one unit further than a count of code points would say.
  const s0 = spanOf(text, 'Energy talks \u{1F30D}');
  const s1 = spanOf(text, 'The president of Ghana called the prime minister of Norway on Tuesday.');
  const s2 = spanOf(
    text,
    'Trade between the two countries grew 12% in 2023 to about $1.5 billion.',
  );
  const s3 = spanOf(text, 'Ghana did not rule out new sanctions.');
  const ghana = spanOf(text, 'Ghana');
  const norway = spanOf(text, 'Norway');
  const percent = spanOf(text, '12%');
  const money = spanOf(text, '$1.5 billion');
  const ghana2 = spanOf(text, 'Ghana', s3.start);
  const base = plainDocument(id);
  const record: DocumentRecord = {
    ...base,
    date: '2024-05-14',
    title: 'Energy talks',
    text,
    provenance: {
      file: 'crawl/2024-05.warc.gz',
      record: 17,
      member: 'https://news.example.org/energy-talks',
    },
    warnings: ['boilerplate removed', 'title guessed from first heading'],
    sentences: [
      { index: 0, ...s0, text: text.slice(s0.start, s0.end), heading: true },
      { index: 1, ...s1, text: text.slice(s1.start, s1.end), heading: false },
      { index: 2, ...s2, text: text.slice(s2.start, s2.end), heading: false },
      { index: 3, ...s3, text: text.slice(s3.start, s3.end), heading: false },
    ],
    expressions: [
      { ...spanOf(text, 'Tuesday'), type: 'DATE', text: 'Tuesday', sentence: 1 },
      { ...percent, type: 'PERCENT', text: '12%', sentence: 2 },
      { ...money, type: 'MONEY', text: '$1.5 billion', sentence: 2 },
    ],
    entities: [
      {
        ...ghana,
        text: 'Ghana',
        type: 'COUNTRY',
        code: 'GHA',
        country: 'GHA',
        sector: null,
        name: 'Ghana',
        kbId: 'Q117',
      },
      {
        ...spanOf(text, 'prime minister of Norway'),
        text: 'prime minister of Norway',
        type: 'PERSON',
        code: 'NORGOV',
        country: 'NOR',
        sector: 'GOV',
        name: null,
        kbId: null,
      },
      {
        ...norway,
        text: 'Norway',
        type: 'COUNTRY',
        code: 'NOR',
        country: 'NOR',
        sector: null,
        name: 'Norway',
        kbId: 'Q20',
      },
    ],
    events: [
      {
        source: {
          code: 'GHAGOV',
          text: 'The president of Ghana',
          ...spanOf(text, 'The president of Ghana'),
          entity: 0,
        },
        target: {
          code: 'NORGOV',
          text: 'prime minister of Norway',
          ...spanOf(text, 'prime minister of Norway'),
          entity: 1,
        },
        cameo: '040',
        root: '04',
        quadClass: 1,
        goldstein: 1,
        plover: { type: 'CONSULT', mode: 'phone', context: null },
        date: '2024-05-14',
        location: { name: 'Accra', country: 'GHA', lat: 5.56, lon: -0.2 },
        sentence: 1,
        evidence: s1,
        modality: 'asserted',
        confidence: 0.87,
        rule: 'verb:call+phone',
      },
      {
        source: { code: 'GHA', text: 'Ghana', ...ghana2, entity: null },
        target: null,
        cameo: '163',
        root: '16',
        quadClass: 3,
        goldstein: -8,
        plover: null,
        date: null,
        location: null,
        sentence: 3,
        evidence: s3,
        modality: 'hypothetical',
        confidence: 0.4,
        rule: 'pattern:rule-out-sanctions',
      },
    ],
    quantities: [
      { ...percent, text: '12%', value: 12, unit: 'percent', about: 'trade growth', year: 2023 },
      {
        ...money,
        text: '$1.5 billion',
        value: 1.5e9,
        unit: 'USD',
        about: 'trade',
        date: '2023-12-31',
      },
    ],
    themes: [
      { theme: 'ECON_TRADE', spans: [s2] },
      { theme: 'SANCTIONS', spans: [spanOf(text, 'sanctions'), s3] },
      { theme: 'DIPLOMACY', spans: [] },
    ],
    tone: { score: -1.25, positive: 2.5, negative: 3.75, polarity: 6.25 },
  };
  return {
    ...record,
    textHash: `annotated-${base.textHash}`,
    signature: signatureFor(`annotated-${id}`),
  };
}

/** What `getDocument` should return for a stored document: the record without the signature. */
export function withoutSignature(doc: StoredDocument): DocumentRecord {
  const { signature, ...record } = doc;
  void signature;
  return record;
}

/**
 * `annotatedDocument` plus everything the knowledge layer adds: a quotation with speaker
 * and verb, places (a country, a region, a city), focus countries, amounts with range,
 * bound, sentence, actors and event field, events with dead/injured/size, entities with
 * how/role/members/phrase, expressions with value/unit, theme sentences and all seven tone
 * numbers. Separator characters of the GKG format (`;`, `#`, `|`) appear in the quote.
 */
export function knowledgeDocument(id: string): StoredDocument {
  const base = annotatedDocument(id);
  const quote = 'We will not; be #1|again';
  const text = `${base.text} "${quote}," the president of Ghana said in Accra, Greater Accra.`;
  const q = spanOf(text, quote);
  const last = spanOf(text, `"${quote}," the president of Ghana said in Accra, Greater Accra.`);
  const speaker = spanOf(text, 'the president of Ghana', q.end);
  const said = spanOf(text, 'said', q.end);
  const accra = spanOf(text, 'Accra', q.end);
  const region = spanOf(text, 'Greater Accra', q.end);
  const ghana = spanOf(text, 'Ghana');
  const [e0, e1, e2] = base.entities;
  return {
    ...base,
    text,
    sentences: [
      ...base.sentences,
      { index: 4, ...last, text: text.slice(last.start, last.end), heading: false },
    ],
    expressions: base.expressions.map((x) =>
      x.type === 'MONEY'
        ? { ...x, value: 1.5e9, unit: 'USD' }
        : x.type === 'PERCENT'
          ? { ...x, value: 12, valueHigh: 14, unit: 'percent' }
          : x,
    ),
    entities: [
      { ...e0!, how: 'name' },
      { ...e1!, how: 'office', role: 'prime minister', phrase: { start: e1!.start, end: e1!.end } },
      { ...e2!, how: 'name', members: ['NOR', 'GHA'] },
      {
        ...speaker,
        text: 'the president of Ghana',
        type: 'PERSON',
        code: 'GHAGOV',
        country: 'GHA',
        sector: 'GOV',
        name: null,
        kbId: null,
        how: 'office',
        role: 'president',
      },
    ],
    events: base.events.map((e, i) =>
      i === 0
        ? { ...e, dead: 12, injured: 3, size: 400, dateResolved: true, dateText: 'on Tuesday' }
        : { ...e, dateResolved: false },
    ),
    quantities: [
      {
        ...base.quantities[0]!,
        valueHigh: 14,
        approximate: true,
        bound: 'min',
        sentence: 2,
        actors: ['GHA', 'NOR'],
      },
      { ...base.quantities[1]!, bound: null, eventField: 'size' },
    ],
    themes: base.themes.map((t, i) => (i === 0 ? { ...t, sentences: [2] } : t)),
    tone: {
      ...base.tone!,
      activityDensity: 12.5,
      selfReferenceDensity: 1.25,
      wordCount: 48,
    },
    quotations: [
      {
        ...q,
        text: quote,
        sentence: 4,
        speaker: {
          ...speaker,
          text: 'the president of Ghana',
          code: 'GHAGOV',
          entity: 3,
          how: 'entity',
        },
        verb: { ...said, text: 'said', lemma: 'say' },
      },
      {
        ...q,
        text: quote,
        sentence: 4,
        speaker: null,
        verb: null,
      },
    ],
    places: [
      {
        ...ghana,
        text: 'Ghana',
        sentence: 1,
        name: 'Ghana',
        kind: 'country',
        country: 'GHA',
        region: null,
        lat: 7.9,
        lon: -1.03,
        gazetteerId: 'entente:state:ghana',
        how: 'knowledge base',
      },
      {
        ...accra,
        text: 'Accra',
        sentence: 4,
        name: 'Accra',
        kind: 'city',
        country: 'GHA',
        region: 'Greater Accra',
        lat: 5.556,
        lon: -0.1969,
        gazetteerId: 'geonames:2306104',
        how: 'apposition: Greater Accra',
      },
      {
        ...region,
        text: 'Greater Accra',
        sentence: 4,
        name: 'Greater Accra',
        kind: 'region',
        country: 'GHA',
        region: null,
        lat: null,
        lon: null,
        gazetteerId: 'GH.01',
        how: 'name',
      },
    ],
    focusCountries: ['GHA', 'NOR'],
  };
}
