import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawDocument, SourceItem } from '../core/document.js';
import { jsonArraySource } from './json-array-source.js';
import { readInputs, resolveSettings, type SourceOptions } from './read-inputs.js';

const FORMATS = fileURLToPath(new URL('../../test/fixtures/formats/', import.meta.url));

async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function read(
  text: string,
  options: SourceOptions = {},
  chunkSize = 1 << 16,
): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  const input = { file: 'a.json', name: 'a.json', bytes: chunks(text, chunkSize) };
  for await (const item of jsonArraySource.read(input, resolveSettings(options))) items.push(item);
  return items;
}

const summary = (items: SourceItem[]): string[] =>
  items.map((i) =>
    i.kind === 'raw' ? `${i.provenance.record}:${i.id}` : `${i.provenance.record}!${i.reason}`,
  );

describe('JSON array', () => {
  it('reads the fixture with 0-based record provenance, an html-only record included', async () => {
    const items: SourceItem[] = [];
    for await (const item of readInputs([join(FORMATS, 'records.json')])) items.push(item);
    const docs = items as RawDocument[];
    expect(docs.map((d) => [d.kind, d.id, d.date, d.provenance.record])).toEqual([
      ['raw', '501', '2024-05-08', 0],
      ['raw', 'pn-502', '2024-05-09', 1],
    ]);
    expect(docs[0]!.text).toBe(
      'Fiji and Australia agreed on Wednesday to extend their policing and security cooperation for five years.\n\nThe Fijian prime minister said the deal would fund training for 300 officers.',
    );
    expect(docs[1]!.text).toBe(
      'Trade ministers from eleven Pacific states gathered in Apia on Thursday to discuss fisheries access and shipping costs.\n\nSamoa proposed a regional fund to cut freight rates for small exporters.',
    );
    expect(docs[0]!.provenance).toEqual({ file: join(FORMATS, 'records.json'), record: 0 });
  });

  it('splits elements correctly whatever the chunking, with brackets and quotes inside strings', async () => {
    const text = JSON.stringify(
      [
        { id: 'a', text: 'He said "[no deal]" and left {angrily}, \\ then returned.' },
        { id: 'b', text: 'Talks in K\u00f6ln \u2014 part two.', tags: [1, [2, { x: ']' }]] },
        { id: 'c', text: 'A path ends in a backslash: C:\\', note: '\\"' },
      ],
      null,
      2,
    );
    const whole = await read(text);
    expect(summary(whole)).toEqual(['0:a', '1:b', '2:c']);
    expect((whole[2] as RawDocument).text).toBe('A path ends in a backslash: C:\\');
    expect((whole[0] as RawDocument).text).toBe(
      'He said "[no deal]" and left {angrily}, \\ then returned.',
    );
    for (const size of [1, 2, 3, 5]) expect(await read(text, {}, size)).toEqual(whole);
  });

  it('fails a malformed element alone and reads the rest', async () => {
    const items = await read(
      '[{"id": "a", "text": "One."}, {"id": "b", "text": "Two.",}, {"id": "c", "text": "Three."}]',
    );
    expect(summary(items)).toEqual(['0:a', expect.stringMatching(/^1!malformed JSON/), '2:c']);
  });

  it('reports an unterminated array once, after the records it could read', async () => {
    const items = await read('[{"id": "a", "text": "One."}, {"id": "b", "text": "Tw');
    expect(summary(items)).toEqual([
      '0:a',
      '1!malformed JSON: unexpected end of input inside record 1',
    ]);
  });

  it('fails an impossible date on one record only', async () => {
    const items = await read(
      '[{"id": "a", "date": "2024-02-30", "text": "One."}, {"id": "b", "date": "2024-02-29", "text": "Two."}]',
    );
    expect(summary(items)).toEqual([
      '0!bad "date": impossible date 2024-02-30: February 2024 has 29 days',
      '1:b',
    ]);
  });

  it('reads a .json holding one pretty-printed object, with its line', async () => {
    const items = await read('\n{\n  "id": 5,\n  "text": "Envoys met."\n}\n');
    expect(items).toMatchObject([
      { kind: 'raw', id: '5', provenance: { file: 'a.json', line: 2, record: 0 } },
    ]);
  });

  it('fails a .json that is not JSON once, not once per fragment', async () => {
    expect(await read('garbage {{{ not json')).toEqual([
      {
        kind: 'failure',
        provenance: { file: 'a.json', line: 1, record: 0 },
        reason: 'malformed JSON: expected "[" or "{" but found "g" at line 1',
      },
    ]);
  });

  it('yields nothing for an empty array', async () => {
    expect(await read(' [ ] ')).toEqual([]);
  });
});
