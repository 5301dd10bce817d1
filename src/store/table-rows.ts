import type { StoredDocument } from './store.js';
import { encodeSignature } from './signature-codec.js';

/**
 * How a column's JavaScript value is shaped, so each driver knows what to convert:
 * `date` is a YYYY-MM-DD string, `timestamptz` a Date, `bytes` a Uint8Array, arrays are
 * plain arrays. Everything else is a string, number, boolean or null as is.
 */
export type ColumnKind =
  'text' | 'int' | 'double' | 'bool' | 'date' | 'timestamptz' | 'bytes' | 'text[]' | 'int[]';

export type CellValue =
  string | number | boolean | null | Date | Uint8Array | readonly string[] | readonly number[];

/**
 * One column of a table, by name and value shape.
 *
 * @example
 * const id: ColumnSpec = { name: 'doc_id', kind: 'text' };
 */
export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
}

/**
 * The rows one table receives from a document, in the table's column order (see
 * `schema.ts`). Drivers bulk-load these (DuckDB appender, PostgreSQL COPY) without
 * knowing the contract's shape.
 *
 * @example
 * for (const t of TABLE_ROWS) load(t.table, t.columns, docs.flatMap((d) => t.rows(d, now)));
 */
export interface TableRows {
  readonly table: string;
  readonly columns: readonly ColumnSpec[];
  rows(doc: StoredDocument, ingestedAt: Date): CellValue[][];
}

const col = (name: string, kind: ColumnKind): ColumnSpec => ({ name, kind });

const documents: TableRows = {
  table: 'documents',
  columns: [
    col('id', 'text'),
    col('date', 'date'),
    col('url', 'text'),
    col('title', 'text'),
    col('language', 'text'),
    col('coded', 'bool'),
    col('duplicate_of', 'text'),
    col('duplicate_kind', 'text'),
    col('text_hash', 'text'),
    col('text', 'text'),
    col('source_file', 'text'),
    col('source_line', 'int'),
    col('source_record', 'int'),
    col('source_member', 'text'),
    col('warnings', 'text[]'),
    col('signature', 'bytes'),
    col('tone_score', 'double'),
    col('tone_positive', 'double'),
    col('tone_negative', 'double'),
    col('tone_polarity', 'double'),
    col('sentence_count', 'int'),
    col('expression_count', 'int'),
    col('entity_count', 'int'),
    col('event_count', 'int'),
    col('quantity_count', 'int'),
    col('theme_count', 'int'),
    col('ingested_at', 'timestamptz'),
    col('tone_activity_density', 'double'),
    col('tone_self_reference_density', 'double'),
    col('tone_word_count', 'int'),
    col('focus_countries', 'text[]'),
    col('quotation_count', 'int'),
    col('place_count', 'int'),
  ],
  rows: (d, ingestedAt) => [
    [
      d.id,
      d.date,
      d.url,
      d.title,
      d.language,
      d.coded,
      d.duplicateOf,
      d.duplicateKind,
      d.textHash,
      d.text,
      d.provenance.file,
      d.provenance.line ?? null,
      d.provenance.record ?? null,
      d.provenance.member ?? null,
      d.warnings,
      d.signature === null ? null : encodeSignature(d.signature),
      d.tone?.score ?? null,
      d.tone?.positive ?? null,
      d.tone?.negative ?? null,
      d.tone?.polarity ?? null,
      d.sentences.length,
      d.expressions.length,
      d.entities.length,
      d.events.length,
      d.quantities.length,
      d.themes.length,
      ingestedAt,
      d.tone?.activityDensity ?? null,
      d.tone?.selfReferenceDensity ?? null,
      d.tone?.wordCount ?? null,
      d.focusCountries ?? null,
      d.quotations?.length ?? null,
      d.places?.length ?? null,
    ],
  ],
};

// `idx` orders a document's child rows and, with doc_id, is their primary key. Sentences
// use their own `index` (a contract field events point at, so two sentences claiming one
// index are refused by the key); the other annotations have no index field and use their
// array position, so reading back in idx order restores the original order.
const sentences: TableRows = {
  table: 'sentences',
  columns: [
    col('doc_id', 'text'),
    col('idx', 'int'),
    col('start_offset', 'int'),
    col('end_offset', 'int'),
    col('heading', 'bool'),
    col('text', 'text'),
  ],
  rows: (d) => d.sentences.map((s) => [d.id, s.index, s.start, s.end, s.heading, s.text]),
};

const expressions: TableRows = {
  table: 'expressions',
  columns: [
    col('doc_id', 'text'),
    col('idx', 'int'),
    col('start_offset', 'int'),
    col('end_offset', 'int'),
    col('type', 'text'),
    col('text', 'text'),
    col('sentence', 'int'),
    col('value', 'double'),
    col('value_high', 'double'),
    col('unit', 'text'),
  ],
  rows: (d) =>
    d.expressions.map((x, i) => [
      d.id,
      i,
      x.start,
      x.end,
      x.type,
      x.text,
      x.sentence,
      x.value ?? null,
      x.valueHigh ?? null,
      x.unit ?? null,
    ]),
};

const entities: TableRows = {
  table: 'entities',
  columns: [
    col('doc_id', 'text'),
    col('idx', 'int'),
    col('start_offset', 'int'),
    col('end_offset', 'int'),
    col('text', 'text'),
    col('type', 'text'),
    col('code', 'text'),
    col('country', 'text'),
    col('sector', 'text'),
    col('name', 'text'),
    col('kb_id', 'text'),
    col('role', 'text'),
    col('how', 'text'),
    col('members', 'text[]'),
    col('phrase_start', 'int'),
    col('phrase_end', 'int'),
  ],
  rows: (d) =>
    d.entities.map((e, i) => [
      d.id,
      i,
      e.start,
      e.end,
      e.text,
      e.type,
      e.code,
      e.country,
      e.sector,
      e.name,
      e.kbId,
      e.role ?? null,
      e.how ?? null,
      e.members ?? null,
      e.phrase?.start ?? null,
      e.phrase?.end ?? null,
    ]),
};

const events: TableRows = {
  table: 'events',
  columns: [
    col('doc_id', 'text'),
    col('idx', 'int'),
    col('source_code', 'text'),
    col('source_text', 'text'),
    col('source_start', 'int'),
    col('source_end', 'int'),
    col('source_entity', 'int'),
    col('target_code', 'text'),
    col('target_text', 'text'),
    col('target_start', 'int'),
    col('target_end', 'int'),
    col('target_entity', 'int'),
    col('cameo', 'text'),
    col('root', 'text'),
    col('quad_class', 'int'),
    col('goldstein', 'double'),
    col('plover_type', 'text'),
    col('plover_mode', 'text'),
    col('plover_context', 'text'),
    col('event_date', 'text'),
    col('location_name', 'text'),
    col('location_country', 'text'),
    col('location_lat', 'double'),
    col('location_lon', 'double'),
    col('sentence', 'int'),
    col('evidence_start', 'int'),
    col('evidence_end', 'int'),
    col('modality', 'text'),
    col('confidence', 'double'),
    col('rule', 'text'),
    col('date_resolved', 'bool'),
    col('date_text', 'text'),
    col('dead', 'double'),
    col('injured', 'double'),
    col('size', 'double'),
  ],
  rows: (d) =>
    d.events.map((e, i) => [
      d.id,
      i,
      e.source?.code ?? null,
      e.source?.text ?? null,
      e.source?.start ?? null,
      e.source?.end ?? null,
      e.source?.entity ?? null,
      e.target?.code ?? null,
      e.target?.text ?? null,
      e.target?.start ?? null,
      e.target?.end ?? null,
      e.target?.entity ?? null,
      e.cameo,
      e.root,
      e.quadClass,
      e.goldstein,
      e.plover?.type ?? null,
      e.plover?.mode ?? null,
      e.plover?.context ?? null,
      e.date,
      e.location?.name ?? null,
      e.location?.country ?? null,
      e.location?.lat ?? null,
      e.location?.lon ?? null,
      e.sentence,
      e.evidence.start,
      e.evidence.end,
      e.modality,
      e.confidence,
      e.rule,
      e.dateResolved ?? null,
      e.dateText ?? null,
      e.dead ?? null,
      e.injured ?? null,
      e.size ?? null,
    ]),
};

const quantities: TableRows = {
  table: 'quantities',
  columns: [
    col('doc_id', 'text'),
    col('idx', 'int'),
    col('start_offset', 'int'),
    col('end_offset', 'int'),
    col('text', 'text'),
    col('value', 'double'),
    col('unit', 'text'),
    col('about', 'text'),
    col('quantity_date', 'text'),
    col('year', 'int'),
    col('value_high', 'double'),
    col('approximate', 'bool'),
    col('bound', 'text'),
    col('sentence', 'int'),
    col('actors', 'text[]'),
    col('event_field', 'text'),
  ],
  rows: (d) =>
    d.quantities.map((q, i) => [
      d.id,
      i,
      q.start,
      q.end,
      q.text,
      q.value,
      q.unit,
      q.about,
      q.date ?? null,
      q.year ?? null,
      q.valueHigh ?? null,
      q.approximate ?? null,
      q.bound === undefined ? null : (q.bound ?? 'none'),
      q.sentence ?? null,
      q.actors ?? null,
      q.eventField ?? null,
    ]),
};

const themes: TableRows = {
  table: 'themes',
  columns: [
    col('doc_id', 'text'),
    col('idx', 'int'),
    col('theme', 'text'),
    col('span_starts', 'int[]'),
    col('span_ends', 'int[]'),
    col('sentences', 'int[]'),
  ],
  rows: (d) =>
    d.themes.map((t, i) => [
      d.id,
      i,
      t.theme,
      t.spans.map((s) => s.start),
      t.spans.map((s) => s.end),
      t.sentences ?? null,
    ]),
};

const quotations: TableRows = {
  table: 'quotations',
  columns: [
    col('doc_id', 'text'),
    col('idx', 'int'),
    col('start_offset', 'int'),
    col('end_offset', 'int'),
    col('sentence', 'int'),
    col('speaker_start', 'int'),
    col('speaker_end', 'int'),
    col('speaker_code', 'text'),
    col('speaker_entity', 'int'),
    col('speaker_how', 'text'),
    col('verb_start', 'int'),
    col('verb_end', 'int'),
    col('verb_lemma', 'text'),
  ],
  rows: (d) =>
    (d.quotations ?? []).map((q, i) => [
      d.id,
      i,
      q.start,
      q.end,
      q.sentence,
      q.speaker?.start ?? null,
      q.speaker?.end ?? null,
      q.speaker?.code ?? null,
      q.speaker?.entity ?? null,
      q.speaker?.how ?? null,
      q.verb?.start ?? null,
      q.verb?.end ?? null,
      q.verb?.lemma ?? null,
    ]),
};

const places: TableRows = {
  table: 'places',
  columns: [
    col('doc_id', 'text'),
    col('idx', 'int'),
    col('start_offset', 'int'),
    col('end_offset', 'int'),
    col('sentence', 'int'),
    col('name', 'text'),
    col('kind', 'text'),
    col('country', 'text'),
    col('region', 'text'),
    col('lat', 'double'),
    col('lon', 'double'),
    col('gazetteer_id', 'text'),
    col('how', 'text'),
  ],
  rows: (d) =>
    (d.places ?? []).map((p, i) => [
      d.id,
      i,
      p.start,
      p.end,
      p.sentence,
      p.name,
      p.kind,
      p.country,
      p.region,
      p.lat,
      p.lon,
      p.gazetteerId,
      p.how,
    ]),
};

/** Every table a document writes to. */
export const TABLE_ROWS: readonly TableRows[] = [
  documents,
  sentences,
  expressions,
  entities,
  events,
  quantities,
  themes,
  quotations,
  places,
];
