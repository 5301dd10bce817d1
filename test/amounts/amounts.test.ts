import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveActorsWithNotes } from '../../src/actors/resolve-actors.js';
import { cleanText } from '../../src/clean/clean-text.js';
import type { Quantity } from '../../src/core/document.js';
import { extractQuantities } from '../../src/gkg/amounts.js';
import { analyse } from '../../src/nlp/analyse.js';
import { createContext, type Context } from '../../src/pipeline/context.js';
import { REPO } from '../helpers.js';

/**
 * Every row of amounts.tsv (format in its header) through the real NLP, actor resolver and
 * amounts stage, as a user's document would go.
 */
interface Row {
  readonly file: string;
  readonly line: number;
  readonly sentence: string;
  readonly text: string;
  readonly value: number | null;
  readonly unit: string | null;
  readonly about: string | null;
  readonly flags: ReadonlyMap<string, string>;
}

const DATE = '2024-03-20';

const DIR = join(REPO, 'test', 'amounts');

/** Every `*.tsv` in test/amounts, in name order; all share amounts.tsv's format. */
function readRows(): Row[] {
  const rows: Row[] = [];
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith('.tsv'))
    .sort())
    rows.push(...readFile(file));
  return rows;
}

function readFile(file: string): Row[] {
  const lines = readFileSync(join(DIR, file), 'utf8').split('\n');
  const rows: Row[] = [];
  let header = true;
  lines.forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    if (header) {
      header = false;
      return;
    }
    const [sentence = '', text = '', value = '', unit = '', about = '', flags = ''] =
      raw.split('\t');
    const flagMap = new Map<string, string>();
    if (flags !== '-')
      for (const f of flags.split(',')) {
        const [k = '', v = ''] = f.split('=');
        flagMap.set(k, v);
      }
    rows.push({
      file,
      line: i + 1,
      // "\n" in a sentence is a line break: lines of figures are written one per line
      sentence: sentence.replace(/\\n/g, '\n'),
      text,
      value: value === '-' ? null : Number(value),
      unit: unit === '-' ? null : unit,
      about: about === '*' ? null : about,
      flags: flagMap,
    });
  });
  return rows;
}

const rows = readRows();
let ctx: Context;

beforeAll(async () => {
  ctx = await createContext();
});

function quantitiesOf(text: string): Quantity[] {
  const a = analyse(ctx.nlp, text, cleanText(text, 0));
  const input = { text, date: DATE, sentences: a.sentences, tokens: a.tokens };
  const { entities } = resolveActorsWithNotes(ctx.actors, input);
  return extractQuantities(ctx.amounts, { ...input, expressions: a.expressions, entities });
}

describe('amount phrases (test/amounts/*.tsv)', () => {
  it('has at least 150 rows, positive and negative', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(rows.filter((r) => r.text === '-').length).toBeGreaterThanOrEqual(15);
  });

  for (const row of rows) {
    const title = `${row.file}:${row.line}: ${row.text === '-' ? 'nothing in' : row.text + ' in'} "${row.sentence}"`;
    it(title, () => {
      const qs = quantitiesOf(row.sentence);
      for (const q of qs) expect(row.sentence.slice(q.start, q.end)).toBe(q.text);
      if (row.text === '-') {
        expect(qs.map((q) => q.text)).toEqual([]);
        return;
      }
      const q = qs.find((x) => x.text === row.text);
      expect(q, `found: ${JSON.stringify(qs.map((x) => x.text))}`).toBeDefined();
      if (q === undefined) return;
      const f = row.flags;
      expect(q.value).toBeCloseTo(row.value as number, 6);
      expect(q.unit).toBe(row.unit);
      if (row.about !== null) expect(q.about ?? '').toContain(row.about);
      expect(q.approximate).toBe(f.has('approx'));
      expect(q.bound ?? null).toBe(f.has('min') ? 'min' : f.has('max') ? 'max' : null);
      expect(q.valueHigh ?? null).toBe(f.has('high') ? Number(f.get('high')) : null);
      expect(q.year ?? null).toBe(f.has('year') ? Number(f.get('year')) : null);
      const field = ['dead', 'injured', 'size'].find((k) => f.has(k)) ?? null;
      expect(q.eventField ?? null).toBe(field);
      if (f.has('actors'))
        expect(q.actors).toEqual(expect.arrayContaining((f.get('actors') as string).split(';')));
    });
  }
});
