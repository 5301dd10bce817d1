import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/core/document.js';
import { createContext } from '../../src/pipeline/context.js';
import { extract } from '../../src/pipeline/extract.js';
import { HAS_SHARED, SEED } from '../helpers.js';

/** The seed article's two required amounts (../shared/seed/expected.json), through the pipeline. */
describe.skipIf(!HAS_SHARED)('seed amounts', () => {
  it('finds 77% goods-trade growth between IRN and RUS and about $4 billion of trade in 2023', async () => {
    const ctx = await createContext();
    const docs: DocumentRecord[] = [];
    for await (const item of extract([SEED], ctx))
      if (item.kind === 'document') docs.push(item.document);
    expect(docs.length).toBe(1);
    const doc = docs[0] as DocumentRecord;
    const text = readFileSync(SEED, 'utf8');
    expect(doc.text).toBe(text);
    for (const q of doc.quantities) expect(text.slice(q.start, q.end)).toBe(q.text);

    const growth = doc.quantities.find((q) => q.value === 77 && q.unit === 'percent');
    expect(growth?.about).toBe('goods trade growth');
    expect(growth?.actors).toEqual(expect.arrayContaining(['IRN', 'RUS']));

    const trade = doc.quantities.find((q) => q.value === 4_000_000_000 && q.unit === 'USD');
    expect(trade).toMatchObject({ approximate: true, year: 2023, about: 'bilateral trade' });
    expect(trade?.actors).toEqual(expect.arrayContaining(['IRN', 'RUS']));
  });
});
