import type { DuckDBConnection } from '@duckdb/node-api';
import type {
  ActorRef,
  DocumentRecord,
  Entity,
  EventRecord,
  Expression,
  Place,
  Provenance,
  Quantity,
  Quotation,
  QuotationSpeaker,
  Sentence,
  Theme,
  Tone,
} from '../../core/document.js';
import type { DocumentSummary } from '../store.js';
import {
  bool,
  boolOrNull,
  int,
  intList,
  intListOrNull,
  intOrNull,
  num,
  numOrNull,
  text,
  textList,
  textListOrNull,
  textOrNull,
} from './row-values.js';
import type { Row } from './row-values.js';

/** Columns of a `DocumentSummary`, shared by listings and CSV export. */
export const SUMMARY_COLUMNS = `id, CAST(date AS VARCHAR) AS date, url, title, language, coded, duplicate_of,
  duplicate_kind, text_hash, sentence_count, entity_count, event_count, quantity_count, theme_count,
  epoch_ms(ingested_at) AS ingested_ms`;

export function summaryFromRow(row: Row): DocumentSummary {
  return {
    id: text(row, 'id'),
    date: textOrNull(row, 'date'),
    url: textOrNull(row, 'url'),
    title: textOrNull(row, 'title'),
    language: text(row, 'language'),
    coded: bool(row, 'coded'),
    duplicateOf: textOrNull(row, 'duplicate_of'),
    duplicateKind: duplicateKind(row),
    textHash: text(row, 'text_hash'),
    sentenceCount: int(row, 'sentence_count'),
    entityCount: int(row, 'entity_count'),
    eventCount: int(row, 'event_count'),
    quantityCount: int(row, 'quantity_count'),
    themeCount: int(row, 'theme_count'),
    ingestedAt: new Date(int(row, 'ingested_ms')).toISOString(),
  };
}

const DOCUMENT_COLUMNS = `id, CAST(date AS VARCHAR) AS date, url, title, language, coded, duplicate_of, duplicate_kind,
  text_hash, text, source_file, source_line, source_record, source_member, warnings,
  tone_score, tone_positive, tone_negative, tone_polarity, tone_activity_density,
  tone_self_reference_density, tone_word_count, focus_countries, quotation_count, place_count`;

/** The full contract record for `id`, or null. */
export async function readDocument(
  conn: DuckDBConnection,
  id: string,
): Promise<DocumentRecord | null> {
  const rows = (
    await conn.runAndReadAll(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1`, [id])
  ).getRowObjectsJS();
  return (await assemble(conn, rows))[0] ?? null;
}

/**
 * Up to `limit` full records in id order, starting after id `after` ('' for the first
 * page, as ids are never empty). Paging by key keeps every query a range scan.
 *
 * @example
 * for (let page = await readDocumentPage(conn, '', 500); page.length > 0; page = await readDocumentPage(conn, page.at(-1)!.id, 500)) write(page);
 */
export async function readDocumentPage(
  conn: DuckDBConnection,
  after: string,
  limit: number,
): Promise<DocumentRecord[]> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id > $1 ORDER BY id LIMIT $2`,
      [after, limit],
    )
  ).getRowObjectsJS();
  return assemble(conn, rows);
}

/**
 * Attach each document's annotations (`docRows` in id order), read with one range query
 * per table over the documents' id range (a list of ids as an IN filter plans far worse in DuckDB).
 *
 * Span texts (sentence, entity, expression, quantity, actor) are rebuilt by slicing the
 * document text rather than read back: the writer refuses any span whose text is not
 * that slice, and converting a string out of DuckDB costs far more than slicing it.
 *
 * Outside a transaction each statement may see a newer snapshot than the last; that is
 * harmless because a document and its annotations commit together and never change.
 */
async function assemble(
  conn: DuckDBConnection,
  docRows: readonly Row[],
): Promise<DocumentRecord[]> {
  if (docRows.length === 0) return [];
  // Rows arrive in DuckDB's id order; comparing ids in JavaScript could order them
  // differently (UTF-16 code units against DuckDB's bytes) and miss rows.
  const first = text(docRows[0]!, 'id');
  const last = text(docRows[docRows.length - 1]!, 'id');
  const children = async (table: string, columns: string): Promise<Map<string, Row[]>> => {
    const sql = `SELECT doc_id, ${columns} FROM ${table} WHERE doc_id >= $1 AND doc_id <= $2 ORDER BY doc_id, idx`;
    return groupByDoc((await conn.runAndReadAll(sql, [first, last])).getRowObjectsJS());
  };
  const sentences = await children('sentences', 'idx, start_offset, end_offset, heading');
  const expressions = await children(
    'expressions',
    'start_offset, end_offset, type, sentence, value, value_high, unit',
  );
  const entities = await children(
    'entities',
    'start_offset, end_offset, type, code, country, sector, name, kb_id, role, how, members, phrase_start, phrase_end',
  );
  const events = await children('events', '* EXCLUDE (doc_id, source_text, target_text)');
  const quantities = await children(
    'quantities',
    'start_offset, end_offset, value, unit, about, quantity_date, year, value_high, approximate, bound, sentence, actors, event_field',
  );
  const themes = await children('themes', 'theme, span_starts, span_ends, sentences');
  const quotations = await children('quotations', '* EXCLUDE (doc_id)');
  const places = await children('places', '* EXCLUDE (doc_id)');

  return docRows.map((row) => {
    const id = text(row, 'id');
    const body = text(row, 'text');
    const of = (m: Map<string, Row[]>): Row[] => m.get(id) ?? [];
    return {
      id,
      date: textOrNull(row, 'date'),
      url: textOrNull(row, 'url'),
      title: textOrNull(row, 'title'),
      language: text(row, 'language'),
      coded: bool(row, 'coded'),
      duplicateOf: textOrNull(row, 'duplicate_of'),
      duplicateKind: duplicateKind(row),
      textHash: text(row, 'text_hash'),
      text: body,
      provenance: provenanceFromRow(row),
      warnings: textList(row, 'warnings'),
      sentences: of(sentences).map((r) => sentenceFromRow(r, body)),
      expressions: of(expressions).map((r) => expressionFromRow(r, body)),
      entities: of(entities).map((r) => entityFromRow(r, body)),
      events: of(events).map((r) => eventFromRow(r, body)),
      quantities: of(quantities).map((r) => quantityFromRow(r, body)),
      themes: of(themes).map(themeFromRow),
      tone: toneFromRow(row),
      ...(row['quotation_count'] === null
        ? {}
        : { quotations: of(quotations).map((r) => quotationFromRow(r, body)) }),
      ...(row['place_count'] === null
        ? {}
        : { places: of(places).map((r) => placeFromRow(r, body)) }),
      ...optional('focusCountries', textListOrNull(row, 'focus_countries')),
    };
  });
}

/**
 * `{ [key]: value }`, or `{}` for a NULL column: optional contract fields are left out
 * rather than set to undefined, so a record reads back exactly as it was written.
 */
function optional<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

function toneFromRow(row: Row): Tone | null {
  if (row['tone_score'] === null) return null;
  return {
    score: num(row, 'tone_score'),
    positive: num(row, 'tone_positive'),
    negative: num(row, 'tone_negative'),
    polarity: num(row, 'tone_polarity'),
    ...optional('activityDensity', numOrNull(row, 'tone_activity_density')),
    ...optional('selfReferenceDensity', numOrNull(row, 'tone_self_reference_density')),
    ...optional('wordCount', intOrNull(row, 'tone_word_count')),
  };
}

const SPEAKER_HOWS = ['entity', 'pronoun', 'phrase', 'continuation'] as const;
const PLACE_KINDS = ['country', 'region', 'city'] as const;

function oneOf<T extends string>(row: Row, column: string, values: readonly T[]): T {
  const v = text(row, column);
  if (!(values as readonly string[]).includes(v))
    throw new TypeError(`column ${column}: unexpected value ${JSON.stringify(v)}`);
  return v as T;
}

function quotationFromRow(row: Row, body: string): Quotation {
  const start = int(row, 'start_offset');
  const end = int(row, 'end_offset');
  let speaker: QuotationSpeaker | null = null;
  if (row['speaker_how'] !== null) {
    const s = int(row, 'speaker_start');
    const e = int(row, 'speaker_end');
    speaker = {
      text: body.slice(s, e),
      start: s,
      end: e,
      code: textOrNull(row, 'speaker_code'),
      entity: intOrNull(row, 'speaker_entity'),
      how: oneOf(row, 'speaker_how', SPEAKER_HOWS),
    };
  }
  let verb: Quotation['verb'] = null;
  if (row['verb_lemma'] !== null) {
    const s = int(row, 'verb_start');
    const e = int(row, 'verb_end');
    verb = { text: body.slice(s, e), start: s, end: e, lemma: text(row, 'verb_lemma') };
  }
  return {
    text: body.slice(start, end),
    start,
    end,
    sentence: int(row, 'sentence'),
    speaker,
    verb,
  };
}

function placeFromRow(row: Row, body: string): Place {
  const start = int(row, 'start_offset');
  const end = int(row, 'end_offset');
  return {
    start,
    end,
    text: body.slice(start, end),
    sentence: int(row, 'sentence'),
    name: text(row, 'name'),
    kind: oneOf(row, 'kind', PLACE_KINDS),
    country: textOrNull(row, 'country'),
    region: textOrNull(row, 'region'),
    lat: numOrNull(row, 'lat'),
    lon: numOrNull(row, 'lon'),
    gazetteerId: textOrNull(row, 'gazetteer_id'),
    how: text(row, 'how'),
  };
}

/** Optional provenance fields are left out rather than set to undefined, as sources do. */
export function provenanceFromRow(row: Row): Provenance {
  const line = intOrNull(row, 'source_line');
  const record = intOrNull(row, 'source_record');
  const member = textOrNull(row, 'source_member');
  return {
    file: text(row, 'source_file'),
    ...(line === null ? {} : { line }),
    ...(record === null ? {} : { record }),
    ...(member === null ? {} : { member }),
  };
}

function duplicateKind(row: Row): 'exact' | 'near' | null {
  const kind = textOrNull(row, 'duplicate_kind');
  if (kind === null || kind === 'exact' || kind === 'near') return kind;
  throw new TypeError(`column duplicate_kind: unexpected value ${JSON.stringify(kind)}`);
}

function groupByDoc(rows: readonly Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const id = text(row, 'doc_id');
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [row]);
    else group.push(row);
  }
  return groups;
}

function sentenceFromRow(row: Row, body: string): Sentence {
  const start = int(row, 'start_offset');
  const end = int(row, 'end_offset');
  return {
    index: int(row, 'idx'),
    start,
    end,
    text: body.slice(start, end),
    heading: bool(row, 'heading'),
  };
}

function expressionFromRow(row: Row, body: string): Expression {
  const start = int(row, 'start_offset');
  const end = int(row, 'end_offset');
  return {
    start,
    end,
    type: text(row, 'type'),
    text: body.slice(start, end),
    sentence: int(row, 'sentence'),
    ...optional('value', numOrNull(row, 'value')),
    ...optional('valueHigh', numOrNull(row, 'value_high')),
    ...optional('unit', textOrNull(row, 'unit')),
  };
}

function entityFromRow(row: Row, body: string): Entity {
  const start = int(row, 'start_offset');
  const end = int(row, 'end_offset');
  return {
    start,
    end,
    text: body.slice(start, end),
    type: text(row, 'type'),
    code: textOrNull(row, 'code'),
    country: textOrNull(row, 'country'),
    sector: textOrNull(row, 'sector'),
    name: textOrNull(row, 'name'),
    kbId: textOrNull(row, 'kb_id'),
    ...optional('role', textOrNull(row, 'role')),
    ...optional('how', textOrNull(row, 'how')),
    ...optional('members', textListOrNull(row, 'members')),
    ...(row['phrase_start'] === null
      ? {}
      : { phrase: { start: int(row, 'phrase_start'), end: int(row, 'phrase_end') } }),
  };
}

function actorFromRow(row: Row, prefix: 'source' | 'target', body: string): ActorRef | null {
  if (row[`${prefix}_code`] === null) return null;
  const start = int(row, `${prefix}_start`);
  const end = int(row, `${prefix}_end`);
  return {
    code: text(row, `${prefix}_code`),
    text: body.slice(start, end),
    start,
    end,
    entity: intOrNull(row, `${prefix}_entity`),
  };
}

function eventFromRow(row: Row, body: string): EventRecord {
  const modality = text(row, 'modality');
  if (
    modality !== 'asserted' &&
    modality !== 'intended' &&
    modality !== 'negated' &&
    modality !== 'hypothetical'
  ) {
    throw new TypeError(`column modality: unexpected value ${JSON.stringify(modality)}`);
  }
  return {
    source: actorFromRow(row, 'source', body),
    target: actorFromRow(row, 'target', body),
    cameo: text(row, 'cameo'),
    root: text(row, 'root'),
    quadClass: int(row, 'quad_class'),
    goldstein: num(row, 'goldstein'),
    plover:
      row['plover_type'] === null
        ? null
        : {
            type: text(row, 'plover_type'),
            mode: textOrNull(row, 'plover_mode'),
            context: textOrNull(row, 'plover_context'),
          },
    date: textOrNull(row, 'event_date'),
    location:
      row['location_name'] === null
        ? null
        : {
            name: text(row, 'location_name'),
            country: textOrNull(row, 'location_country'),
            lat: numOrNull(row, 'location_lat'),
            lon: numOrNull(row, 'location_lon'),
          },
    sentence: int(row, 'sentence'),
    evidence: { start: int(row, 'evidence_start'), end: int(row, 'evidence_end') },
    modality,
    confidence: num(row, 'confidence'),
    rule: text(row, 'rule'),
    ...optional('dateResolved', boolOrNull(row, 'date_resolved')),
    ...optional('dateText', textOrNull(row, 'date_text')),
    ...optional('dead', numOrNull(row, 'dead')),
    ...optional('injured', numOrNull(row, 'injured')),
    ...optional('size', numOrNull(row, 'size')),
  };
}

/** `date` and `year` are optional in the contract: absent when not stated. */
function quantityFromRow(row: Row, body: string): Quantity {
  const date = textOrNull(row, 'quantity_date');
  const year = intOrNull(row, 'year');
  const start = int(row, 'start_offset');
  const end = int(row, 'end_offset');
  return {
    start,
    end,
    text: body.slice(start, end),
    value: num(row, 'value'),
    unit: textOrNull(row, 'unit'),
    about: textOrNull(row, 'about'),
    ...(date === null ? {} : { date }),
    ...(year === null ? {} : { year }),
    ...optional('valueHigh', numOrNull(row, 'value_high')),
    ...optional('approximate', boolOrNull(row, 'approximate')),
    ...boundFromRow(row),
    ...optional('sentence', intOrNull(row, 'sentence')),
    ...optional('actors', textListOrNull(row, 'actors')),
    ...optional('eventField', eventField(row)),
  };
}

function boundFromRow(row: Row): { bound?: 'min' | 'max' | null } {
  const bound = textOrNull(row, 'bound');
  if (bound === null) return {};
  if (bound === 'none') return { bound: null };
  return { bound: oneOf(row, 'bound', ['min', 'max'] as const) };
}

function eventField(row: Row): 'dead' | 'injured' | 'size' | null {
  return row['event_field'] === null
    ? null
    : oneOf(row, 'event_field', ['dead', 'injured', 'size'] as const);
}

function themeFromRow(row: Row): Theme {
  const starts = intList(row, 'span_starts');
  const ends = intList(row, 'span_ends');
  if (starts.length !== ends.length)
    throw new TypeError('themes: span_starts and span_ends differ in length');
  return {
    theme: text(row, 'theme'),
    spans: starts.map((start, i) => ({ start, end: ends[i]! })),
    ...optional('sentences', intListOrNull(row, 'sentences')),
  };
}
