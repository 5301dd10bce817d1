/**
 * `entente export --format gkg` and `entente extract --format gkg`, run as users run them
 * (the built CLI): the example corpus is ingested into a temporary database, exported as
 * GKG rows and as JSON Lines, and every character offset in the GKG rows is checked
 * against the stored document's text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../core/document.js';
import { GKG_COLUMNS, type GkgColumn } from '../../gkg/gkg-row.js';
import { REPO, jsonLines, run, tempDir } from '../../../test/helpers.js';

type Row = Record<GkgColumn, string>;

function parseGkg(tsv: string): { header: string[]; rows: Row[] } {
  const lines = tsv.split('\n').filter((l) => l !== '');
  const header = lines[0]!.split('\t');
  const rows = lines.slice(1).map((line) => {
    const cells = line.split('\t');
    expect(cells).toHaveLength(GKG_COLUMNS.length);
    return Object.fromEntries(GKG_COLUMNS.map((c, i) => [c, cells[i]!])) as Row;
  });
  return { header, rows };
}

const blocks = (cell: string, separator = ';'): string[] =>
  cell === '' ? [] : cell.split(separator);

/** Every offset of a row against the document it came from. */
function checkOffsets(row: Row, doc: DocumentRecord): void {
  const { text } = doc;
  for (const b of blocks(row.V2EnhancedThemes)) {
    const [theme, offset] = b.split(',');
    const found = doc.themes.find((t) => t.theme === theme);
    expect(found?.spans.map((s) => s.start)).toContain(Number(offset));
  }
  for (const column of ['V2EnhancedPersons', 'V2EnhancedOrganizations', 'V2.1AllNames'] as const) {
    for (const b of blocks(row[column])) {
      const cut = b.lastIndexOf(',');
      const name = b.slice(0, cut);
      const offset = Number(b.slice(cut + 1));
      expect(text.slice(offset, offset + name.length).replace(/\s+/g, ' ')).toBe(name);
    }
  }
  for (const b of blocks(row['V2.1Amounts'])) {
    const [value, , offset] = b.split(',');
    const q = doc.quantities.find((x) => x.start === Number(offset));
    expect(q?.value).toBe(Number(value));
  }
  for (const b of blocks(row['V2.1Quotations'], '#')) {
    const [offset, length, verb, quote] = b.split('|');
    const at = text.slice(Number(offset), Number(offset) + Number(length));
    expect(
      at
        .replace(/[|#\t\n\r]/g, ' ')
        .replace(/ {2,}/g, ' ')
        .trim(),
    ).toBe(quote);
    if (verb !== '') expect(doc.quotations?.some((q) => q.verb?.text === verb)).toBe(true);
  }
  for (const b of blocks(row.V2EnhancedLocations)) {
    const offset = Number(b.split('#')[8]);
    expect(doc.places?.some((p) => p.start === offset)).toBe(true);
  }
  for (const b of blocks(row['V2.1Counts'])) {
    const offset = Number(b.split('#')[10]);
    expect(doc.events.some((e) => e.evidence.start === offset)).toBe(true);
  }
}

describe('export --format gkg over the example corpus', () => {
  let gkg: { header: string[]; rows: Row[] };
  let docs: Map<string, DocumentRecord>;

  beforeAll(async () => {
    const dir = tempDir();
    const db = join(dir, 'examples.duckdb');
    const ingest = await run(['ingest', join(REPO, 'examples'), '--db', db, '--json']);
    expect(ingest.code).toBe(0);
    const out = join(dir, 'examples.gkg.tsv');
    const exported = await run(['export', '--db', db, '--format', 'gkg', '--out', out]);
    expect(exported.stderr).toMatch(/wrote \d+ documents/);
    expect(exported.code).toBe(0);
    gkg = parseGkg(readFileSync(out, 'utf8'));
    const jsonl = join(dir, 'examples.jsonl');
    expect((await run(['export', '--db', db, '--format', 'jsonl', '--out', jsonl])).code).toBe(0);
    const records = jsonLines<DocumentRecord>(readFileSync(jsonl, 'utf8'));
    docs = new Map(records.map((d) => [d.url ?? d.id, d]));
  });

  it('writes the GKG 2.1 header and one 27-column row per non-duplicate document', () => {
    expect(gkg.header).toEqual([...GKG_COLUMNS]);
    const originals = [...docs.values()].filter((d) => d.duplicateOf === null);
    expect(gkg.rows).toHaveLength(originals.length);
    expect(new Set(gkg.rows.map((r) => r.GKGRECORDID)).size).toBe(gkg.rows.length);
  });

  it('fills themes, tone and amounts for the seed-style document', () => {
    const row = gkg.rows.find((r) => r.V2SourceCommonName === '2024-06-12-ankara-talks.txt');
    expect(row).toBeDefined();
    expect(row!['V2.1DATE']).toBe('20240612000000');
    expect(row!.V2EnhancedThemes).toMatch(/(^|;)TRADE,\d+/);
    expect(row!['V1.5Tone'].split(',')).toHaveLength(7);
    expect(row!['V2.1Amounts']).toMatch(/^12,[^,;]+,\d+;19900000000,/);
    expect(row!.V1Persons.split(';')).toContain('Hakan Fidan');
    const doc = docs.get(row!.V2DocumentIdentifier)!;
    if ((doc.places ?? []).length > 0) expect(row!.V2EnhancedLocations).not.toBe('');
    if ((doc.quotations ?? []).length > 0) expect(row!['V2.1Quotations']).not.toBe('');
  });

  it('every character offset points at the text it names', () => {
    let checked = 0;
    for (const row of gkg.rows) {
      const doc = docs.get(row.V2DocumentIdentifier);
      expect(doc, row.V2DocumentIdentifier).toBeDefined();
      checkOffsets(row, doc!);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe('extract --format gkg', () => {
  it('prints the header and a row with the quotation and its offsets', async () => {
    const text =
      '"We will not bow to pressure," Antony Blinken told reporters in Paris on Tuesday.';
    const r = await run(['extract', '--format', 'gkg', '--text', text, '--date', '2024-03-20']);
    expect(r.code).toBe(0);
    const { header, rows } = parseGkg(r.stdout);
    expect(header).toEqual([...GKG_COLUMNS]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!['V2.1Quotations']).toBe(
      `1|${'We will not bow to pressure'.length}|told|We will not bow to pressure`,
    );
    expect(rows[0]!.V2EnhancedPersons).toBe(`Antony Blinken,${text.indexOf('Antony')}`);
    expect(rows[0]!['V2.1DATE']).toBe('20240320000000');
  });
});
