/**
 * The store's schema as one ordered list of migrations, shared by every SQL store.
 *
 * What must stay true:
 * - Append only. A released migration is never edited; change the schema with a new one.
 * - Portable SQL: every statement runs unchanged on DuckDB and PostgreSQL (TEXT, INTEGER,
 *   BIGINT, DOUBLE PRECISION, BOOLEAN, DATE, TIMESTAMPTZ, BYTEA, TEXT[], sequences). No
 *   foreign keys: DuckDB's slow bulk loads with them, and Citus cannot enforce them
 *   across distributed tables; `doc_id` is the distribution column of every child table.
 * - Offsets are JavaScript string indices (UTF-16 code units), `[start_offset, end_offset)`
 *   into `documents.text`. SQL string functions count code points instead, so slice in
 *   the application, not with SQL `substring`. (`end` is reserved in SQL, hence `_offset`.)
 * - Column order matters to DuckDB's appender; the writer checks it against the live
 *   table before the first write.
 *
 * @example
 * for (const m of MIGRATIONS.filter((m) => m.version > current)) for (const s of m.statements) await run(s);
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

/** Created before any migration runs, so it is not itself a migration. */
export const SCHEMA_MIGRATIONS_DDL = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TIMESTAMPTZ NOT NULL
)`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, annotations and failures',
    statements: [
      `CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        date DATE,
        url TEXT,
        title TEXT,
        language TEXT NOT NULL,
        coded BOOLEAN NOT NULL,
        duplicate_of TEXT,
        duplicate_kind TEXT CHECK (duplicate_kind IN ('exact', 'near')),
        text_hash TEXT NOT NULL,
        text TEXT NOT NULL,
        source_file TEXT NOT NULL,
        source_line INTEGER,
        source_record INTEGER,
        source_member TEXT,
        warnings TEXT[] NOT NULL,
        signature BYTEA,
        tone_score DOUBLE PRECISION,
        tone_positive DOUBLE PRECISION,
        tone_negative DOUBLE PRECISION,
        tone_polarity DOUBLE PRECISION,
        sentence_count INTEGER NOT NULL,
        expression_count INTEGER NOT NULL,
        entity_count INTEGER NOT NULL,
        event_count INTEGER NOT NULL,
        quantity_count INTEGER NOT NULL,
        theme_count INTEGER NOT NULL,
        ingested_at TIMESTAMPTZ NOT NULL
      )`,
      `CREATE TABLE sentences (
        doc_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        heading BOOLEAN NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (doc_id, idx)
      )`,
      `CREATE TABLE expressions (
        doc_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        type TEXT NOT NULL,
        text TEXT NOT NULL,
        sentence INTEGER NOT NULL,
        PRIMARY KEY (doc_id, idx)
      )`,
      `CREATE TABLE entities (
        doc_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        code TEXT,
        country TEXT,
        sector TEXT,
        name TEXT,
        kb_id TEXT,
        PRIMARY KEY (doc_id, idx)
      )`,
      // An absent source/target/plover/location is a NULL code/type/name; its other
      // columns are then NULL too.
      `CREATE TABLE events (
        doc_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        source_code TEXT,
        source_text TEXT,
        source_start INTEGER,
        source_end INTEGER,
        source_entity INTEGER,
        target_code TEXT,
        target_text TEXT,
        target_start INTEGER,
        target_end INTEGER,
        target_entity INTEGER,
        cameo TEXT NOT NULL,
        root TEXT NOT NULL,
        quad_class INTEGER NOT NULL,
        goldstein DOUBLE PRECISION NOT NULL,
        plover_type TEXT,
        plover_mode TEXT,
        plover_context TEXT,
        event_date TEXT,
        location_name TEXT,
        location_country TEXT,
        location_lat DOUBLE PRECISION,
        location_lon DOUBLE PRECISION,
        sentence INTEGER NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        modality TEXT NOT NULL CHECK (modality IN ('asserted', 'intended', 'negated', 'hypothetical')),
        confidence DOUBLE PRECISION NOT NULL,
        rule TEXT NOT NULL,
        PRIMARY KEY (doc_id, idx)
      )`,
      `CREATE TABLE quantities (
        doc_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text TEXT NOT NULL,
        value DOUBLE PRECISION NOT NULL,
        unit TEXT,
        about TEXT,
        quantity_date TEXT,
        year INTEGER,
        PRIMARY KEY (doc_id, idx)
      )`,
      // A theme's evidence spans as two parallel arrays: one row per theme keeps a theme
      // with no spans representable and the table as small as the theme list.
      `CREATE TABLE themes (
        doc_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        theme TEXT NOT NULL,
        span_starts INTEGER[] NOT NULL,
        span_ends INTEGER[] NOT NULL,
        PRIMARY KEY (doc_id, idx)
      )`,
      `CREATE SEQUENCE failures_id_seq`,
      `CREATE TABLE failures (
        id BIGINT PRIMARY KEY DEFAULT nextval('failures_id_seq'),
        source_file TEXT NOT NULL,
        source_line INTEGER,
        source_record INTEGER,
        source_member TEXT,
        reason TEXT NOT NULL,
        failed_at TIMESTAMPTZ NOT NULL
      )`,
    ],
  },
  {
    // Columns are added at the end of their tables (ALTER TABLE cannot place them), so
    // TABLE_ROWS lists them last. A NULL in an added column means the field is absent
    // from the record (documents stored before the knowledge layer, or without it).
    version: 2,
    name: 'knowledge layer: quotations, places, amounts and event counts',
    statements: [
      'ALTER TABLE documents ADD COLUMN tone_activity_density DOUBLE PRECISION',
      'ALTER TABLE documents ADD COLUMN tone_self_reference_density DOUBLE PRECISION',
      'ALTER TABLE documents ADD COLUMN tone_word_count INTEGER',
      'ALTER TABLE documents ADD COLUMN focus_countries TEXT[]',
      // NULL: the document was not looked at for quotations (places); 0: none found.
      'ALTER TABLE documents ADD COLUMN quotation_count INTEGER',
      'ALTER TABLE documents ADD COLUMN place_count INTEGER',
      'ALTER TABLE expressions ADD COLUMN value DOUBLE PRECISION',
      'ALTER TABLE expressions ADD COLUMN value_high DOUBLE PRECISION',
      'ALTER TABLE expressions ADD COLUMN unit TEXT',
      'ALTER TABLE entities ADD COLUMN role TEXT',
      'ALTER TABLE entities ADD COLUMN how TEXT',
      'ALTER TABLE entities ADD COLUMN members TEXT[]',
      'ALTER TABLE entities ADD COLUMN phrase_start INTEGER',
      'ALTER TABLE entities ADD COLUMN phrase_end INTEGER',
      'ALTER TABLE events ADD COLUMN date_resolved BOOLEAN',
      'ALTER TABLE events ADD COLUMN date_text TEXT',
      'ALTER TABLE events ADD COLUMN dead DOUBLE PRECISION',
      'ALTER TABLE events ADD COLUMN injured DOUBLE PRECISION',
      'ALTER TABLE events ADD COLUMN size DOUBLE PRECISION',
      'ALTER TABLE quantities ADD COLUMN value_high DOUBLE PRECISION',
      'ALTER TABLE quantities ADD COLUMN approximate BOOLEAN',
      // 'min', 'max', or 'none' for a bound stated as null; NULL when absent.
      'ALTER TABLE quantities ADD COLUMN bound TEXT',
      'ALTER TABLE quantities ADD COLUMN sentence INTEGER',
      'ALTER TABLE quantities ADD COLUMN actors TEXT[]',
      'ALTER TABLE quantities ADD COLUMN event_field TEXT',
      'ALTER TABLE themes ADD COLUMN sentences INTEGER[]',
      // A null speaker has a NULL speaker_how; a null verb a NULL verb_lemma. Quote,
      // speaker and verb texts are slices of documents.text, rebuilt on reading.
      `CREATE TABLE quotations (
        doc_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        speaker_start INTEGER,
        speaker_end INTEGER,
        speaker_code TEXT,
        speaker_entity INTEGER,
        speaker_how TEXT,
        verb_start INTEGER,
        verb_end INTEGER,
        verb_lemma TEXT,
        PRIMARY KEY (doc_id, idx)
      )`,
      `CREATE TABLE places (
        doc_id TEXT NOT NULL,
        idx INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        country TEXT,
        region TEXT,
        lat DOUBLE PRECISION,
        lon DOUBLE PRECISION,
        gazetteer_id TEXT,
        how TEXT NOT NULL,
        PRIMARY KEY (doc_id, idx)
      )`,
    ],
  },
];

/** The schema version this build of entente reads and writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
