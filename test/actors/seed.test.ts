import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../../src/core/document.js';
import { HAS_SHARED, SEED, SHARED } from '../helpers.js';
import { createActorKit, type ActorKit } from './kit.js';

interface Expected {
  readonly date: string;
  readonly headings: readonly string[];
  readonly required: { readonly entities: ReadonlyArray<{ text: string; code_prefix: string }> };
  readonly desired: {
    readonly entities: ReadonlyArray<{ text: string; code_prefix?: string; type?: string }>;
  };
}

describe.skipIf(!HAS_SHARED)(
  `actors in the seed article${HAS_SHARED ? '' : ' (SKIPPED: ../shared is absent)'}`,
  () => {
    let text = '';
    let expected: Expected;
    let entities: Entity[] = [];
    let kit: ActorKit;

    beforeAll(async () => {
      text = readFileSync(SEED, 'utf8');
      expected = JSON.parse(
        readFileSync(join(SHARED, 'seed', 'expected.json'), 'utf8'),
      ) as Expected;
      const header = /^\s*date (\d{4}-\d{2}-\d{2})\s+/.exec(text);
      kit = await createActorKit();
      entities = kit.resolve(text, header?.[1] ?? null, header?.[0].length ?? 0).entities;
    });

    it('resolves every required entity with its code prefix', () => {
      for (const want of expected.required.entities) {
        const hits = entities.filter((e) => e.text === want.text);
        expect(hits.length, `no entity "${want.text}"`).toBeGreaterThan(0);
        for (const e of hits) expect(e.code, want.text).toMatch(new RegExp(`^${want.code_prefix}`));
      }
    });

    it('resolves "his Russian counterpart" to the Russian president and Palestine to PSE', () => {
      const counterpart = entities.find((e) => e.text === 'his Russian counterpart');
      expect(counterpart).toMatchObject({
        code: 'RUSGOV',
        type: 'PERSON',
        kbId: 'entente:person:vladimir-putin',
        how: 'counterpart',
      });
      const palestine = entities.filter((e) => e.text === 'Palestine');
      expect(palestine.length).toBe(2);
      for (const e of palestine) expect(e.code).toBe('PSE');
    });

    it('finds the desired entities: the forum as an event, the railway as a facility', () => {
      for (const want of expected.desired.entities) {
        const e = entities.find((x) => x.text === want.text);
        expect(e, `no entity "${want.text}"`).toBeDefined();
        if (want.code_prefix !== undefined)
          expect(e!.code).toMatch(new RegExp(`^${want.code_prefix}`));
        if (want.type !== undefined) expect(want.type.split(' or ')).toContain(e!.type);
      }
    });

    it('codes the title, the pairs and the West as a careful coder would', () => {
      const raeisi = entities.find((e) => e.text === 'Ebrahim Raeisi')!;
      expect(raeisi.role).toBe('President');
      expect(text.slice(raeisi.phrase!.start, raeisi.phrase!.end)).toBe(
        'Iranian President Ebrahim Raeisi',
      );
      for (const pair of ['both leaders', 'Both presidents']) {
        expect(entities.find((e) => e.text === pair)?.members).toEqual(['IRNGOV', 'RUSGOV']);
      }
      const nations = entities.filter((e) => e.text === 'the two nations');
      expect(nations.map((e) => e.members)).toEqual([
        ['IRN', 'RUS'],
        ['IRN', 'RUS'],
      ]);
      expect(entities.find((e) => e.text === 'Western')?.code).toBe('WST');
      expect(entities.find((e) => e.text === 'an Iranian delegation')?.code).toBe('IRNGOV');
    });

    it("codes nothing outside the article's actors, nothing in headings, and every span slices back", () => {
      const allowed = ['IRN', 'RUS', 'ISR', 'PSE', 'IGO', 'WST', 'CAU'];
      for (const e of entities) {
        expect(text.slice(e.start, e.end)).toBe(e.text);
        if (e.code !== null) expect(allowed, e.text).toContain(e.code.slice(0, 3));
        for (const h of expected.headings) {
          const at = text.indexOf(h);
          expect(e.start >= at && e.end <= at + h.length, `${e.text} is in a heading`).toBe(false);
        }
      }
    });
  },
);
