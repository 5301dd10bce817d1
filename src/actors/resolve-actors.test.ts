import { beforeAll, describe, expect, it } from 'vitest';
import { cleanText } from '../clean/clean-text.js';
import type { Entity } from '../core/document.js';
import { EntenteError } from '../core/errors.js';
import { compileKb, lookupSurface } from '../kb/compile.js';
import { codeOn, type Kb } from '../kb/load.js';
import { kbEntry } from '../kb/schema.js';
import { analyse, createNlp, type Nlp } from '../nlp/analyse.js';
import { createActorKit, find, type ActorKit } from '../../test/actors/kit.js';
import { loadLexicon } from './lexicon.js';
import { buildActorContext, resolveActors, type ActorContext } from './resolve-actors.js';

describe('resolveActors on the real knowledge base', () => {
  let kit: ActorKit;
  beforeAll(async () => {
    kit = await createActorKit();
  });

  it('returns entities in text order whose spans slice back, skipping headings', () => {
    const text =
      'Talks in Moscow\n\nIranian President Ebrahim Raisi met Russia\u2019s foreign minister in Moscow.\n\n' +
      'The Kremlin said Russian troops would stay; Tehran-Moscow ties grew.';
    const { entities } = kit.resolve(text, '2023-06-01');
    expect(entities.map((e) => e.text)).toEqual([
      'Ebrahim Raisi',
      'Russia\u2019s foreign minister',
      'Moscow',
      'Kremlin',
      'Russian troops',
      'Tehran',
      'Moscow',
    ]);
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    const starts = entities.map((e) => e.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(entities.every((e) => e.start > text.indexOf('\n'))).toBe(true);
  });

  it('fills country, sector, name and kbId from the code and the knowledge base', () => {
    const { entities } = kit.resolve(
      'Russian troops and Iran\u2019s foreign ministry disagreed.',
      '2024-01-10',
    );
    expect(find(entities, 'Russian troops')).toMatchObject({
      code: 'RUSMIL',
      country: 'RUS',
      sector: 'MIL',
      name: 'Russia',
      kbId: 'entente:state:russia',
      type: 'AGENT',
      role: 'troops',
      how: 'demonym+role',
    });
    expect(find(entities, 'Iran\u2019s foreign ministry')).toMatchObject({
      code: 'IRNGOV',
      sector: 'GOV',
    });
  });

  it('keeps the whole title phrase and the role of a titled person', () => {
    const text = 'Former Iranian foreign minister Mohammad Javad Zarif spoke.';
    const e = find(kit.resolve(text, '2025-03-10').entities, 'Mohammad Javad Zarif')!;
    expect(e).toMatchObject({ code: 'IRNELI', how: 'title+name', role: 'foreign minister' });
    expect(text.slice(e.phrase!.start, e.phrase!.end)).toBe(text.slice(0, text.indexOf(' spoke')));
  });

  it('gives an unknown name the country written right before it, and never a code', () => {
    const { entities } = kit.resolve(
      'The Iranian Steel Producers Association and Russia\u2019s Norilsk Nickel met Peter Lindqvist, who said little.',
      '2024-01-10',
    );
    expect(find(entities, 'Iranian Steel Producers Association')).toMatchObject({
      type: 'ORG',
      code: null,
      country: 'IRN',
    });
    expect(find(entities, 'Norilsk Nickel')).toMatchObject({ code: null, country: 'RUS' });
    expect(find(entities, 'Russia')).toMatchObject({ code: 'RUS' });
    expect(find(entities, 'Peter Lindqvist')).toMatchObject({
      code: null,
      country: null,
      kbId: null,
    });
  });

  it('uses today when the date is missing and says so; rejects a malformed date', () => {
    const { entities, warnings } = kit.resolve('Iran protested.', null);
    expect(entities[0]?.code).toBe('IRN');
    expect(warnings).toEqual([
      expect.stringMatching(/^actors resolved as of \d{4}-\d{2}-\d{2}: the document has no date$/),
    ]);
    expect(() => kit.resolve('Iran protested.', '2024-02-30')).toThrow(EntenteError);
  });

  it('resolves nothing in an empty document and nothing in a heading', () => {
    expect(kit.resolve('', '2024-01-01').entities).toEqual([]);
    const { entities, sentences } = kit.resolve('Russia Warns Iran\n\nIran said no.', '2024-01-01');
    expect(sentences[0]?.heading).toBe(true);
    expect(entities.map((e) => [e.text, e.start])).toEqual([['Iran', 19]]);
  });

  it('maps offsets through HTML character references in plain text', () => {
    const text = 'Iran &amp; Russia signed; the Kremlin&#39;s envoy left.';
    const { entities } = kit.resolve(text, '2024-01-10');
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(entities.map((e) => e.code)).toEqual(['IRN', 'RUS', 'RUSGOV']);
  });
});

/**
 * An invented country proves the rules read the knowledge base rather than known strings:
 * nothing about Freedonia exists anywhere in the code or the lexicon.
 */
describe('resolveActors on an invented knowledge base', () => {
  let ctx: ActorContext;
  let nlp: Nlp;
  const resolve = (text: string, date: string): Entity[] => {
    const a = analyse(nlp, text, cleanText(text, 0));
    return resolveActors(ctx, { text, date, sentences: a.sentences, tokens: a.tokens });
  };

  beforeAll(async () => {
    const entries = [
      {
        id: 'entente:state:freedonia',
        type: 'COUNTRY',
        name: 'Freedonia',
        code: 'FRD',
        demonyms: ['Freedonian', 'Freedonians'],
        capital: 'Zubrowka',
        seats: ['Zubrowka', 'Blue Palace'],
        from: '1950-01-01',
      },
      {
        id: 'entente:state:old-freedonia',
        type: 'HISTORIC_STATE',
        name: 'Grand Duchy of Freedonia',
        code: 'GDF',
        capital: 'Zubrowka',
        seats: ['Zubrowka'],
        from: '1900-01-01',
        until: '1949-12-31',
      },
      {
        id: 'entente:state:sylvania',
        type: 'COUNTRY',
        name: 'Sylvania',
        code: 'SYV',
        demonyms: ['Sylvanian'],
        capital: 'Marsovia',
        seats: ['Marsovia'],
      },
      {
        id: 'entente:role:president',
        type: 'ROLE',
        terms: ['president', 'presidents'],
        sector: 'GOV',
        office: true,
      },
      { id: 'entente:role:troops', type: 'ROLE', terms: ['troops'], sector: 'MIL' },
      {
        id: 'entente:person:rufus-firefly',
        type: 'PERSON',
        name: 'Rufus Firefly',
        aliases: ['Firefly'],
        country: 'FRD',
        born: '1890-01-01',
        died: '1990-01-01',
        roles: [{ code: 'FRDGOV', title: 'President', from: '1960-01-01', until: '1970-12-31' }],
      },
      {
        id: 'entente:person:ambassador-trentino',
        type: 'PERSON',
        name: 'Carlo Trentino',
        country: 'SYV',
        roles: [{ code: 'SYVGOV', title: 'President', from: '1955-01-01', until: '1975-01-01' }],
      },
    ].map((e) => kbEntry.parse(e));
    const compiled = compileKb(entries);
    const kb: Kb = {
      compiled,
      origin: 'sources',
      warnings: [],
      lookup: (text: string) => lookupSurface(compiled, text),
      codeOn,
    };
    ctx = buildActorContext(kb, await loadLexicon());
    nlp = createNlp();
  });

  it('applies titles, offices, counterparts, metonymy and dates to names it was never told about', () => {
    const text =
      'Freedonian President Rufus Firefly met his Sylvanian counterpart in Marsovia. ' +
      'Zubrowka said Freedonian troops would stay. The Sylvanian president agreed with Firefly.';
    const entities = resolve(text, '1965-05-05');
    expect(entities.map((e) => [e.text, e.code, e.how])).toEqual([
      ['Rufus Firefly', 'FRDGOV', 'title+name'],
      ['his Sylvanian counterpart', 'SYVGOV', 'counterpart'],
      ['Marsovia', 'SYV', 'location'],
      ['Zubrowka', 'FRDGOV', 'metonymy'],
      ['Freedonian troops', 'FRDMIL', 'demonym+role'],
      ['The Sylvanian president', 'SYVGOV', 'office'],
      ['Firefly', 'FRDGOV', 'surname'],
    ]);
    expect(find(entities, 'his Sylvanian counterpart')?.name).toBe('Carlo Trentino');
  });

  it('codes the same words by the date: out of office, before the state existed, after death', () => {
    expect(resolve('Rufus Firefly spoke.', '1980-01-01')[0]?.code).toBe('FRDELI');
    expect(resolve('Rufus Firefly spoke.', '1995-01-01')[0]?.code).toBeNull();
    expect(resolve('Zubrowka protested.', '1930-01-01')[0]?.code).toBe('GDFGOV');
    expect(resolve('Freedonia protested.', '1930-01-01')[0]?.code).toBe('GDF');
  });
});
