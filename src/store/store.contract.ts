import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Failure } from '../core/document.js';
import { UsageError } from '../core/errors.js';
import type { Store, StoredDocument } from './store.js';
import { InvalidDocumentError, StoreError } from './store-errors.js';
import {
  annotatedDocument,
  knowledgeDocument,
  plainDocument,
  withoutSignature,
} from './test-documents.js';

/**
 * The behaviour every `Store` must show, as a vitest suite. Each test gets a fresh,
 * empty store from `makeStore` and closes it afterwards.
 *
 * @example
 * // src/store/duckdb/duckdb-store.test.ts
 * runStoreContract('DuckDbStore', () => openDuckDbStore({ path: freshPath() }));
 */
export function runStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    const open: Store[] = [];
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-contract-'));

    async function fresh(): Promise<Store> {
      const store = await makeStore();
      open.push(store);
      await store.migrate();
      return store;
    }

    afterEach(async () => {
      for (const store of open.splice(0)) await store.close();
    });
    afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

    const failure = (line: number, reason: string): Failure => ({
      kind: 'failure',
      provenance: { file: 'feeds/bad.jsonl', line },
      reason,
    });

    it('starts empty, and migrating twice changes nothing', async () => {
      const store = await fresh();
      await store.migrate();
      const stats = await store.stats();
      expect(stats).toMatchObject({
        documents: 0,
        sentences: 0,
        failures: 0,
        dates: { first: null, last: null },
      });
      expect(await store.listDocuments({})).toEqual([]);
    });

    it('gives back exactly the record it stored, every span slicing its text', async () => {
      const store = await fresh();
      const annotated = annotatedDocument('a-1');
      const plain = plainDocument('p-1');
      await store.writeBatch([annotated, plain], []);

      const got = await store.getDocument('a-1');
      expect(got).toEqual(withoutSignature(annotated));
      expect(await store.getDocument('p-1')).toEqual(withoutSignature(plain));
      for (const s of got!.sentences) expect(got!.text.slice(s.start, s.end)).toBe(s.text);
      for (const e of got!.entities) expect(got!.text.slice(e.start, e.end)).toBe(e.text);
      for (const q of got!.quantities) expect(got!.text.slice(q.start, q.end)).toBe(q.text);
      const call = got!.events[0]!;
      expect(got!.text.slice(call.evidence.start, call.evidence.end)).toMatch(
        /^The president of Ghana called/,
      );
      expect(got!.text.slice(call.target!.start, call.target!.end)).toBe(
        'prime minister of Norway',
      );
    });

    it('keeps what the knowledge layer adds: quotations, places, amounts, event counts', async () => {
      const store = await fresh();
      const doc = knowledgeDocument('k-1');
      await store.writeBatch([doc, annotatedDocument('a-2')], []);
      const got = await store.getDocument('k-1');
      expect(got).toEqual(withoutSignature(doc));
      expect(got!.quotations![0]!.speaker).toMatchObject({ code: 'GHAGOV', how: 'entity' });
      expect(got!.quotations![1]).toMatchObject({ speaker: null, verb: null });
      expect(got!.places!.map((p) => p.kind)).toEqual(['country', 'city', 'region']);
      expect(got!.focusCountries).toEqual(['GHA', 'NOR']);
      expect(got!.events[0]).toMatchObject({ dead: 12, injured: 3, size: 400 });
      expect(got!.quantities[1]!.bound).toBeNull();
      for (const q of got!.quotations!) expect(got!.text.slice(q.start, q.end)).toBe(q.text);
      for (const p of got!.places!) expect(got!.text.slice(p.start, p.end)).toBe(p.text);
      // A document stored without the knowledge layer reads back without its fields.
      const plain = await store.getDocument('a-2');
      expect(plain).toEqual(withoutSignature(annotatedDocument('a-2')));
      expect(plain).not.toHaveProperty('quotations');
      expect(plain).not.toHaveProperty('places');
      expect(await store.stats()).toMatchObject({
        places: doc.places!.length,
        quotations: doc.quotations!.length,
      });
    });

    it('refuses a quotation whose text is not the text at its span', async () => {
      const store = await fresh();
      const doc = knowledgeDocument('k-2');
      const q = doc.quotations![0]!;
      const bad = { ...doc, quotations: [{ ...q, text: `${q.text}!` }] };
      await expect(store.writeBatch([bad], [])).rejects.toThrow(/quotation 0 text/);
    });

    it('keeps text with astral characters, quotes and newlines byte for byte', async () => {
      const store = await fresh();
      const base = plainDocument('u-1', { sentences: 0 });
      const sentence = "Le ministre a dit « d'accord » 🇫🇷\tet 'non'; 東京.";
      const text = `${base.text}${sentence}\r\n`;
      const start = base.text.length;
      const doc: StoredDocument = {
        ...base,
        text,
        sentences: [
          ...base.sentences,
          { index: 1, start, end: start + sentence.length, text: sentence, heading: false },
        ],
      };
      await store.writeBatch([doc], []);
      const got = await store.getDocument('u-1');
      expect(got?.text).toBe(text);
      expect(got!.text.slice(got!.sentences[1]!.start, got!.sentences[1]!.end)).toBe(sentence);
    });

    it('returns null for an unknown id', async () => {
      const store = await fresh();
      expect(await store.getDocument('nope')).toBeNull();
    });

    it('reports text hashes of stored ids only', async () => {
      const store = await fresh();
      const doc = plainDocument('e-1');
      await store.writeBatch([doc], []);
      expect(await store.existing(['e-1', 'e-2'])).toEqual(new Map([['e-1', doc.textHash]]));
      expect(await store.existing([])).toEqual(new Map());
    });

    it('skips ids already stored or repeated in the batch, never duplicating sentences', async () => {
      const store = await fresh();
      const docs = ['r-1', 'r-2', 'r-3'].map((id) => plainDocument(id));
      expect(await store.writeBatch(docs.slice(0, 2), [])).toEqual({
        stored: 2,
        skippedExisting: 0,
        failuresRecorded: 0,
      });
      const again = await store.writeBatch([...docs, docs[2]!], []);
      expect(again).toEqual({ stored: 1, skippedExisting: 3, failuresRecorded: 0 });
      const stats = await store.stats();
      expect(stats.documents).toBe(3);
      expect(stats.sentences).toBe(docs.reduce((n, d) => n + d.sentences.length, 0));
      expect((await store.getDocument('r-1'))?.sentences).toHaveLength(docs[0]!.sentences.length);
    });

    it('stores nothing from a batch with a document that breaks its spans', async () => {
      const store = await fresh();
      const good = plainDocument('v-1');
      const bad = plainDocument('v-2');
      const broken: StoredDocument = {
        ...bad,
        sentences: bad.sentences.map((s, i) => (i === 1 ? { ...s, end: s.end + 1 } : s)),
      };
      const attempt = store.writeBatch([good, broken], [failure(1, 'unreadable')]);
      await expect(attempt).rejects.toBeInstanceOf(InvalidDocumentError);
      await expect(attempt).rejects.toThrow(/v-2.*sentence 1/);
      expect(await store.stats()).toMatchObject({ documents: 0, sentences: 0, failures: 0 });
    });

    it('rolls back the whole batch when a row is refused halfway, and a corrected rerun stores it', async () => {
      const store = await fresh();
      const docs = ['t-1', 't-2', 't-3', 't-4'].map((id) => plainDocument(id));
      const t3 = docs[2]!;
      // Two sentences claiming one index: accepted by validation, refused by the sentence
      // key after the documents table has already taken its rows.
      const clash: StoredDocument = {
        ...t3,
        sentences: t3.sentences.map((s, i) => (i === 2 ? { ...s, index: 1 } : s)),
      };
      await expect(
        store.writeBatch([docs[0]!, docs[1]!, clash, docs[3]!], [failure(9, 'bad')]),
      ).rejects.toBeInstanceOf(StoreError);
      expect(await store.stats()).toMatchObject({ documents: 0, sentences: 0, failures: 0 });
      expect(await store.existing(docs.map((d) => d.id))).toEqual(new Map());

      expect(await store.writeBatch(docs, [failure(9, 'bad')])).toEqual({
        stored: 4,
        skippedExisting: 0,
        failuresRecorded: 1,
      });
      expect((await store.stats()).sentences).toBe(
        docs.reduce((n, d) => n + d.sentences.length, 0),
      );
    });

    it('yields every id, text hash and signature for the dedup index', async () => {
      const store = await fresh();
      const withSig = plainDocument('d-2');
      const noSig = plainDocument('d-1', { signature: null });
      await store.writeBatch([withSig, noSig], []);
      const entries = [];
      for await (const e of store.dedupEntries()) entries.push(e);
      expect(entries).toEqual([
        { id: 'd-1', textHash: noSig.textHash, signature: null },
        { id: 'd-2', textHash: withSig.textHash, signature: withSig.signature },
      ]);
      expect(entries[1]!.signature).toBeInstanceOf(Uint32Array);
    });

    it('lists newest first with paging and language and duplicate filters', async () => {
      const store = await fresh();
      await store.writeBatch(
        [
          plainDocument('l-old', { date: '2021-01-05' }),
          plainDocument('l-new', { date: '2024-07-30' }),
          plainDocument('l-mid', { date: '2022-11-11', language: 'fra' }),
          plainDocument('l-undated', { date: null }),
          plainDocument('l-dup', {
            date: '2023-03-03',
            duplicateOf: 'l-new',
            duplicateKind: 'near',
          }),
        ],
        [],
      );
      const ids = async (q: Parameters<Store['listDocuments']>[0]): Promise<string[]> =>
        (await store.listDocuments(q)).map((d) => d.id);
      expect(await ids({})).toEqual(['l-new', 'l-dup', 'l-mid', 'l-old', 'l-undated']);
      expect(await ids({ limit: 2, offset: 1 })).toEqual(['l-dup', 'l-mid']);
      expect(await ids({ language: 'fra' })).toEqual(['l-mid']);
      expect(await ids({ duplicates: 'exclude' })).toEqual([
        'l-new',
        'l-mid',
        'l-old',
        'l-undated',
      ]);
      expect(await ids({ duplicates: 'only' })).toEqual(['l-dup']);

      const [dup] = await store.listDocuments({ duplicates: 'only' });
      expect(dup).toMatchObject({
        id: 'l-dup',
        date: '2023-03-03',
        coded: false,
        duplicateOf: 'l-new',
        duplicateKind: 'near',
        sentenceCount: 9,
        eventCount: 0,
      });
      expect(Date.parse(dup!.ingestedAt)).toBeGreaterThan(Date.now() - 60_000);
      await expect(store.listDocuments({ limit: -1 })).rejects.toBeInstanceOf(UsageError);
    });

    it('counts documents, annotations, duplicates, languages, failures and the date range', async () => {
      const store = await fresh();
      await store.writeBatch(
        [
          annotatedDocument('s-1'),
          plainDocument('s-2', { date: '2019-02-01', language: 'deu' }),
          plainDocument('s-3', { date: '2020-06-06', duplicateOf: 's-2', duplicateKind: 'exact' }),
          plainDocument('s-4', { date: '2020-06-07', duplicateOf: 's-2', duplicateKind: 'near' }),
        ],
        [failure(3, 'invalid JSON'), failure(8, 'no text field')],
      );
      expect(await store.stats()).toEqual({
        documents: 4,
        coded: 2,
        duplicates: { exact: 1, near: 1 },
        languages: { eng: 3, deu: 1 },
        sentences: 4 + 9 * 3,
        entities: 3,
        events: 2,
        quantities: 2,
        themes: 3,
        places: 0,
        quotations: 0,
        failures: 2,
        dates: { first: '2019-02-01', last: '2024-05-14' },
      });
    });

    it('records failures with their provenance, most recent first', async () => {
      const store = await fresh();
      await store.writeBatch([], [failure(3, 'invalid JSON')]);
      const member: Failure = {
        kind: 'failure',
        provenance: { file: 'crawl.warc.gz', record: 4, member: 'https://news.example.org/x' },
        reason: 'no article text',
      };
      expect(await store.writeBatch([], [member])).toEqual({
        stored: 0,
        skippedExisting: 0,
        failuresRecorded: 1,
      });
      const rows = await store.listFailures({});
      expect(rows.map((r) => [r.provenance, r.reason])).toEqual([
        [member.provenance, 'no article text'],
        [{ file: 'feeds/bad.jsonl', line: 3 }, 'invalid JSON'],
      ]);
      expect(await store.listFailures({ limit: 1 })).toHaveLength(1);
      expect(Number.isNaN(Date.parse(rows[0]!.failedAt))).toBe(false);
    });

    it('lists events filtered by actor prefix, root and date, with their evidence', async () => {
      const store = await fresh();
      const doc = annotatedDocument('ev-1');
      await store.writeBatch([doc, plainDocument('ev-2')], []);
      const all = await store.listEvents({});
      expect(all).toHaveLength(doc.events.length);
      const first = doc.events[0]!;
      expect(all[0]).toMatchObject({
        docId: 'ev-1',
        index: 0,
        source: first.source?.code ?? null,
        target: first.target?.code ?? null,
        cameo: first.cameo,
        root: first.root,
        evidence: doc.text.slice(first.evidence.start, first.evidence.end),
      });
      const src = first.source!.code.slice(0, 3);
      expect(await store.listEvents({ source: src, root: first.root })).toHaveLength(
        doc.events.filter((e) => e.source?.code.startsWith(src) && e.root === first.root).length,
      );
      expect(await store.listEvents({ source: 'ZZZ' })).toEqual([]);
      expect(await store.listEvents({ root: first.root === '19' ? '18' : '19' })).toEqual([]);
      expect(await store.listEvents({ from: '2999-01-01' })).toEqual([]);
      expect(await store.listEvents({ to: '1900-01-01' })).toEqual([]);
      expect(await store.listEvents({ limit: 1, offset: 0 })).toHaveLength(Math.min(1, all.length));
      await expect(store.listEvents({ root: '4' })).rejects.toBeInstanceOf(UsageError);
      await expect(store.listEvents({ from: 'yesterday' })).rejects.toBeInstanceOf(UsageError);
    });

    it('exports JSON Lines that read back as the stored records', async () => {
      const store = await fresh();
      const docs = [
        annotatedDocument('x-1'),
        ...Array.from({ length: 30 }, (_, i) => plainDocument(`x-${i + 2}`)),
      ];
      await store.writeBatch(docs, []);
      const out = path.join(outDir, `${name}-docs.jsonl`);
      expect(await store.export('jsonl', out)).toEqual({ rows: docs.length });
      const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
      expect(lines).toHaveLength(docs.length);
      const byId = new Map(lines.map((l) => JSON.parse(l) as { id: string }).map((r) => [r.id, r]));
      for (const doc of docs)
        expect(byId.get(doc.id)).toEqual(JSON.parse(JSON.stringify(withoutSignature(doc))));
    });

    it('exports one CSV summary row per document, to a path with quotes and spaces', async () => {
      const store = await fresh();
      await store.writeBatch([plainDocument('c-1'), plainDocument('c-2', { date: null })], []);
      const dir = path.join(outDir, "it's a dir");
      fs.mkdirSync(dir, { recursive: true });
      const out = path.join(dir, `${name} o'brien.csv`);
      expect(await store.export('csv', out)).toEqual({ rows: 2 });
      const [header, ...rows] = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
      expect(header!.split(',').slice(0, 3)).toEqual(['id', 'date', 'url']);
      expect(rows.map((r) => r.split(',')[0])).toEqual(['c-1', 'c-2']);
    });

    it('exports the documents table as Parquet', async () => {
      const store = await fresh();
      await store.writeBatch(
        [plainDocument('q-1'), plainDocument('q-2'), plainDocument('q-3')],
        [],
      );
      const out = path.join(outDir, `${name}-docs.parquet`);
      expect(await store.export('parquet', out)).toEqual({ rows: 3 });
      const bytes = fs.readFileSync(out);
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('PAR1');
      expect(bytes.subarray(bytes.length - 4).toString('latin1')).toBe('PAR1');
    });

    it('refuses an export path whose directory does not exist, leaving nothing behind', async () => {
      const store = await fresh();
      const missing = path.join(outDir, 'no-such-dir', 'x.csv');
      await expect(store.export('csv', missing)).rejects.toBeInstanceOf(UsageError);
      expect(fs.existsSync(path.dirname(missing))).toBe(false);
    });

    it('refuses work once closed', async () => {
      const store = await fresh();
      await store.close();
      await expect(store.stats()).rejects.toBeInstanceOf(StoreError);
    });
  });
}
