/**
 * The quotation table: `quotations.tsv` beside this file, one news-style text per line,
 * tab-separated: `text`, then the expected quotes, speakers, speaker codes and speech-verb
 * lemmas, each a ` || `-separated list in text order (`-` for null; a quote column of `-`
 * means the text has no quotation). Every text is processed as a document dated
 * 2024-03-20 by the whole pipeline, so the table also guards the wiring in
 * process-document.ts and the actor resolver's part in naming the speaker.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord, RawDocument } from '../../src/core/document.js';
import { createContext, type Context } from '../../src/pipeline/context.js';
import { identify } from '../../src/pipeline/identify.js';
import { processDocument } from '../../src/pipeline/process-document.js';
import { REPO } from '../helpers.js';

interface Row {
  readonly line: number;
  readonly text: string;
  readonly quotes: string[];
  readonly speakers: string[];
  readonly codes: string[];
  readonly verbs: string[];
}

function readTable(): Row[] {
  const file = join(REPO, 'test', 'quotations', 'quotations.tsv');
  const lines = readFileSync(file, 'utf8').split('\n');
  const rows: Row[] = [];
  let header = true;
  lines.forEach((l, i) => {
    if (l.trim() === '' || l.startsWith('#')) return;
    if (header) {
      header = false;
      return;
    }
    const [text = '', q = '', s = '', c = '', v = ''] = l.split('\t');
    const list = (x: string): string[] =>
      q.trim() === '-' ? [] : x.split(' || ').map((y) => y.trim());
    rows.push({
      line: i + 1,
      text,
      quotes: list(q),
      speakers: list(s),
      codes: list(c),
      verbs: list(v),
    });
  });
  return rows;
}

function documentOf(ctx: Context, text: string): DocumentRecord {
  const raw: RawDocument = {
    kind: 'raw',
    id: null,
    date: '2024-03-20',
    url: null,
    title: null,
    text,
    bodyStart: 0,
    provenance: { file: 'quotations.tsv' },
    warnings: [],
  };
  return processDocument(raw, identify(raw), null, ctx);
}

const rows = readTable();

describe('quotation table', () => {
  let ctx: Context;
  beforeAll(async () => {
    ctx = await createContext();
  }, 60_000);

  it('has at least 40 texts, with negatives', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows.filter((r) => r.quotes.length === 0).length).toBeGreaterThanOrEqual(8);
  });

  for (const row of rows) {
    it(`line ${row.line}: ${row.text.slice(0, 60)}`, () => {
      const doc = documentOf(ctx, row.text);
      const quotes = doc.quotations ?? [];
      for (const q of quotes) {
        expect(doc.text.slice(q.start, q.end)).toBe(q.text);
        if (q.speaker) expect(doc.text.slice(q.speaker.start, q.speaker.end)).toBe(q.speaker.text);
        if (q.verb) expect(doc.text.slice(q.verb.start, q.verb.end)).toBe(q.verb.text);
      }
      const nul = (x: string | null | undefined): string => x ?? '-';
      expect(quotes.map((q) => q.text)).toEqual(row.quotes);
      expect(quotes.map((q) => nul(q.speaker?.text))).toEqual(row.speakers);
      expect(quotes.map((q) => nul(q.speaker?.code))).toEqual(row.codes);
      expect(quotes.map((q) => nul(q.verb?.lemma))).toEqual(row.verbs);
    });
  }
});
