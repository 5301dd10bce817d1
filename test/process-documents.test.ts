import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawDocument } from '../src/core/document.js';
import { createContext } from '../src/pipeline/context.js';
import { identify } from '../src/pipeline/identify.js';
import {
  processDocument,
  processDocuments,
  type ProcessItem,
} from '../src/pipeline/process-document.js';
import { readInputs } from '../src/sources/read-inputs.js';
import { REPO } from './helpers.js';

async function exampleItems(): Promise<ProcessItem[]> {
  const raws: RawDocument[] = [];
  for await (const item of readInputs([join(REPO, 'examples')]))
    if (item.kind === 'raw') raws.push(item);
  // one marked as a duplicate: it is stored but not coded, in its place in the batch
  return raws.map((raw, i) => ({
    raw,
    identity: identify(raw),
    duplicate:
      i === 1 ? { duplicateOf: 'an-earlier-id', kind: 'exact' as const, similarity: 1 } : null,
  }));
}

describe('processDocuments (a batch, stage by stage)', () => {
  it('gives every document, in order, exactly what processing it alone gives', async () => {
    const items = await exampleItems();
    expect(items.length).toBeGreaterThan(5);
    const ctx = await createContext({ coding: true });
    const batch = processDocuments(items, ctx);
    const alone = items.map((it) => processDocument(it.raw, it.identity, it.duplicate, ctx));
    expect(batch.map((d) => d.id)).toEqual(items.map((it) => it.identity.id));
    expect(batch).toEqual(alone);
    // the batch is not trivially empty: events, amounts, places and themes all came out
    expect(batch[1]!.coded).toBe(false);
    expect(batch.some((d) => d.events.length > 0)).toBe(true);
    expect(batch.some((d) => d.quantities.length > 0)).toBe(true);
    expect(batch.some((d) => (d.places ?? []).length > 0)).toBe(true);
    expect(batch.some((d) => d.themes.length > 0)).toBe(true);
  }, 60_000);

  it('gives the same documents for a batch longer than one run of stages', async () => {
    const items = await exampleItems();
    const many = [...items, ...items, ...items];
    expect(many.length).toBeGreaterThan(16);
    const ctx = await createContext({ coding: true });
    const batch = processDocuments(many, ctx);
    expect(batch).toEqual(
      many.map((it) => processDocument(it.raw, it.identity, it.duplicate, ctx)),
    );
  }, 60_000);

  it('leaves the knowledge layer out of every document when it is switched off', async () => {
    const items = await exampleItems();
    const ctx = await createContext({ coding: true, knowledge: false });
    const batch = processDocuments(items, ctx);
    expect(batch.some((d) => d.events.length > 0)).toBe(true);
    for (const d of batch) {
      expect(d.quantities).toEqual([]);
      expect(d.tone).toBeNull();
      expect(d.places).toBeUndefined();
      expect(d.quotations).toBeUndefined();
    }
  }, 60_000);
});
