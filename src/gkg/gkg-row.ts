import type { DocumentRecord, Entity, Place } from '../core/document.js';

/**
 * One document as one GDELT GKG 2.1-style row: the 27 tab-separated columns of GDELT's
 * Global Knowledge Graph 2.1 codebook, in its order, with its delimiters (`;` between
 * blocks, `,` or `#` between the fields of a block, `#` between quotations and `|`
 * inside one). Every character offset is a `[start` of entente's `[start, end)` spans: a
 * JavaScript string index into the document's original text, so
 * `text.startsWith(name, offset)` holds for names, themes' trigger words and quotes.
 *
 * Separator characters inside values (tabs, line breaks, and the delimiters of the
 * column) are replaced by a space, never escaped: GKG readers split on them blindly.
 *
 * @example
 * const cells = gkgRow(doc, 1);
 * cells[GKG_COLUMNS.indexOf('V1.5Tone')]; // '2.1,3.4,1.3,4.7,18.2,0.4,230'
 * const line = gkgLine(doc, 1); // cells joined by tabs
 */
export const GKG_COLUMNS = [
  'GKGRECORDID',
  'V2.1DATE',
  'V2SourceCollectionIdentifier',
  'V2SourceCommonName',
  'V2DocumentIdentifier',
  'V1Counts',
  'V2.1Counts',
  'V1Themes',
  'V2EnhancedThemes',
  'V1Locations',
  'V2EnhancedLocations',
  'V1Persons',
  'V2EnhancedPersons',
  'V1Organizations',
  'V2EnhancedOrganizations',
  'V1.5Tone',
  'V2.1EnhancedDates',
  'V2GCAM',
  'V2.1SharingImage',
  'V2.1RelatedImages',
  'V2.1SocialImageEmbeds',
  'V2.1SocialVideoEmbeds',
  'V2.1Quotations',
  'V2.1AllNames',
  'V2.1Amounts',
  'V2.1TranslationInfo',
  'V2ExtrasXML',
] as const;

export type GkgColumn = (typeof GKG_COLUMNS)[number];

/** Entity types reported as organisations (V1Organizations); PERSON goes to V1Persons. */
const ORGANISATION_TYPES = new Set(['ORG', 'IGO', 'NGO', 'GROUP', 'PARTY', 'MNC', 'MEDIA']);

/**
 * GDELT location types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state
 * (a first-level region outside the US).
 */
export type GkgLocationType = 1 | 2 | 3 | 4 | 5;

/** The cells of one GKG row, in `GKG_COLUMNS` order. `seq` numbers rows within an export. */
export function gkgRow(doc: DocumentRecord, seq: number): string[] {
  const date = gkgDate(doc.date);
  const cells: Record<GkgColumn, string> = {
    GKGRECORDID: `${date || '00000000000000'}-${seq}`,
    'V2.1DATE': date,
    // 1 = WEB (the identifier is a URL); 2 = CITATIONONLY (a textual identifier).
    V2SourceCollectionIdentifier: doc.url ? '1' : '2',
    V2SourceCommonName: clean(sourceName(doc), '\t'),
    V2DocumentIdentifier: clean(doc.url ?? doc.id, '\t'),
    V1Counts: counts(doc, false),
    'V2.1Counts': counts(doc, true),
    V1Themes: unique(doc.themes.map((t) => clean(t.theme, ';,'))).join(';'),
    V2EnhancedThemes: doc.themes
      .flatMap((t) => t.spans.map((s) => ({ name: clean(t.theme, ';,'), offset: s.start })))
      .sort((a, b) => a.offset - b.offset || a.name.localeCompare(b.name))
      .map((t) => `${t.name},${t.offset}`)
      .join(';'),
    V1Locations: locations(doc, false),
    V2EnhancedLocations: locations(doc, true),
    V1Persons: unique(persons(doc).map((e) => clean(e.name ?? e.text, ';,'))).join(';'),
    V2EnhancedPersons: enhancedNames(persons(doc)),
    V1Organizations: unique(organisations(doc).map((e) => clean(e.name ?? e.text, ';,'))).join(';'),
    V2EnhancedOrganizations: enhancedNames(organisations(doc)),
    'V1.5Tone': tone(doc),
    'V2.1EnhancedDates': '',
    V2GCAM: '',
    'V2.1SharingImage': '',
    'V2.1RelatedImages': '',
    'V2.1SocialImageEmbeds': '',
    'V2.1SocialVideoEmbeds': '',
    'V2.1Quotations': (doc.quotations ?? [])
      .map(
        (q) =>
          `${q.start}|${q.end - q.start}|${clean(q.verb?.text ?? '', '|#')}|${clean(q.text, '|#')}`,
      )
      .join('#'),
    'V2.1AllNames': enhancedNames(doc.entities.filter((e) => e.type !== 'UNKNOWN')),
    'V2.1Amounts': doc.quantities
      .map((q) => `${number(q.value)},${clean(q.about ?? q.unit ?? '', ';,')},${q.start}`)
      .join(';'),
    'V2.1TranslationInfo': '',
    V2ExtrasXML: '',
  };
  return GKG_COLUMNS.map((c) => cells[c]);
}

/** One row as a line of a GKG file (no trailing newline). */
export function gkgLine(doc: DocumentRecord, seq: number): string {
  return gkgRow(doc, seq).join('\t');
}

/** The header line entente writes above its rows (GDELT's own files have none). */
export function gkgHeader(): string {
  return GKG_COLUMNS.join('\t');
}

/** `YYYY-MM-DD` → `YYYYMMDD000000`; empty when the date is unknown. */
export function gkgDate(date: string | null): string {
  if (date === null || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return '';
  return `${date.slice(0, 4)}${date.slice(5, 7)}${date.slice(8, 10)}000000`;
}

/** Tabs and line breaks always, plus the delimiters of the column, become spaces. */
function clean(value: string, delimiters: string): string {
  let out = '';
  for (const c of value) {
    out += c === '\t' || c === '\n' || c === '\r' || delimiters.includes(c) ? ' ' : c;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

function number(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}

function sourceName(doc: DocumentRecord): string {
  if (doc.url) {
    try {
      return new URL(doc.url).hostname.replace(/^www\./, '');
    } catch {
      // Not a URL after all: fall through to the file name.
    }
  }
  const file = doc.provenance.file;
  return file.slice(file.lastIndexOf('/') + 1);
}

function persons(doc: DocumentRecord): Entity[] {
  return doc.entities.filter((e) => e.type === 'PERSON');
}

function organisations(doc: DocumentRecord): Entity[] {
  return doc.entities.filter((e) => ORGANISATION_TYPES.has(e.type));
}

/** `name,offset;...` with the name as written at the offset. */
function enhancedNames(entities: readonly Entity[]): string {
  return entities.map((e) => `${clean(e.text, ';,')},${e.start}`).join(';');
}

function tone(doc: DocumentRecord): string {
  const t = doc.tone;
  if (t === null) return '';
  return [
    t.score,
    t.positive,
    t.negative,
    t.polarity,
    t.activityDensity ?? 0,
    t.selfReferenceDensity ?? 0,
    t.wordCount ?? 0,
  ]
    .map(number)
    .join(',');
}

/**
 * Counts from the people counts the amounts stage put on events: `KILL` from `dead`,
 * `WOUND` from `injured`, and from `size` `PROTEST` (a protest event, CAMEO root 14) or
 * `AFFECT` otherwise. V1: `type#count#object#loctype#name#country#adm1#lat#lon#featureId`;
 * V2.1 adds `#charOffset` (the event's evidence start).
 */
function counts(doc: DocumentRecord, enhanced: boolean): string {
  const out: string[] = [];
  for (const e of doc.events) {
    const found: Array<[string, number]> = [];
    if (e.dead !== undefined) found.push(['KILL', e.dead]);
    if (e.injured !== undefined) found.push(['WOUND', e.injured]);
    if (e.size !== undefined) found.push([e.root === '14' ? 'PROTEST' : 'AFFECT', e.size]);
    for (const [type, n] of found) {
      const loc = e.location;
      const fields = [
        type,
        number(n),
        '',
        loc ? '4' : '',
        clean(loc?.name ?? '', ';#'),
        loc?.country ?? '',
        '',
        loc?.lat ?? '',
        loc?.lon ?? '',
        '',
      ].map(String);
      if (enhanced) fields.push(String(e.evidence.start));
      out.push(fields.join('#'));
    }
  }
  return out.join(';');
}

function locationType(p: Place): GkgLocationType {
  const us = p.country === 'USA';
  if (p.kind === 'country') return 1;
  if (p.kind === 'region') return us ? 2 : 5;
  return us ? 3 : 4;
}

/**
 * V1: `type#name#country#adm1#lat#lon#featureId`, one block per distinct place;
 * V2: `type#name#country#adm1#adm2#lat#lon#featureId#charOffset`, one block per mention.
 */
function locations(doc: DocumentRecord, enhanced: boolean): string {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of doc.places ?? []) {
    const name = clean(p.name, ';#');
    const lat = p.lat === null ? '' : number(p.lat);
    const lon = p.lon === null ? '' : number(p.lon);
    const head = [String(locationType(p)), name, p.country ?? '', clean(p.region ?? '', ';#')];
    const id = clean(p.gazetteerId ?? '', ';#');
    if (enhanced) {
      out.push([...head, '', lat, lon, id, String(p.start)].join('#'));
    } else {
      const block = [...head, lat, lon, id].join('#');
      if (!seen.has(block)) out.push(block);
      seen.add(block);
    }
  }
  return out.join(';');
}
