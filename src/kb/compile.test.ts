import { describe, expect, it } from 'vitest';
import {
  compileKb,
  dayNumber,
  isKbDate,
  lookupSurface,
  surfaceKey,
  type CompiledKb,
} from './compile.js';
import { kbEntry, type KbEntry } from './schema.js';

const entries: KbEntry[] = [
  {
    id: 'entente:state:united-states',
    type: 'COUNTRY',
    name: 'United States',
    code: 'USA',
    aliases: ['US', 'U.S.', 'America'],
    demonyms: ['American', 'Americans'],
    capital: 'Washington',
    seats: ['Washington', 'White House'],
  },
  {
    id: 'entente:state:france',
    type: 'COUNTRY',
    name: 'France',
    code: 'FRA',
    capital: 'Paris',
    seats: ['Paris', 'Élysée'],
    demonyms: ['French'],
  },
  {
    id: 'entente:state:ivory-coast',
    type: 'COUNTRY',
    name: "Côte d'Ivoire",
    code: 'CIV',
    aliases: ['Ivory Coast'],
    capital: 'Yamoussoukro',
    seats: ['Abidjan'],
  },
  {
    id: 'entente:role:president',
    type: 'ROLE',
    terms: ['president', 'presidents'],
    sector: 'GOV',
    office: true,
  },
  {
    id: 'entente:org:taliban',
    type: 'GROUP',
    name: 'Taliban',
    codes: [
      { code: 'AFGREB', until: '1996-09-27' },
      { code: 'AFGGOV', from: '1996-09-27', until: '2001-11-13', title: 'Islamic Emirate' },
    ],
  },
  {
    id: 'entente:person:example',
    type: 'PERSON',
    name: 'Ana Example',
    country: 'FRA',
    born: '1960',
    died: '2020-05',
    roles: [],
  },
].map((e) => kbEntry.parse(e));

describe('dayNumber', () => {
  it('gives a partial date its first day as a start and its last day as an end', () => {
    expect(dayNumber('2024-05', 'start')).toBe(20240501);
    expect(dayNumber('2024-05', 'end')).toBe(20240531);
    expect(dayNumber('1991', 'start')).toBe(19910101);
    expect(dayNumber('1991', 'end')).toBe(19911231);
    expect(dayNumber('2024-02', 'end')).toBe(20240229);
    expect(dayNumber('2023-02', 'end')).toBe(20230228);
    expect(dayNumber('1991-12-26', 'end')).toBe(19911226);
  });

  it('refuses impossible dates', () => {
    expect(isKbDate('2023-02-29')).toBe(false);
    expect(isKbDate('2024-02-29')).toBe(true);
    expect(isKbDate('2024-00')).toBe(false);
    expect(() => dayNumber('2024-13-01', 'start')).toThrow(/invalid knowledge-base date/);
  });
});

describe('surfaceKey', () => {
  it('folds accents, typographic quotes, dashes, case and spacing the same way for data and text', () => {
    expect(surfaceKey('Côte d’Ivoire')).toBe("cote d'ivoire");
    expect(surfaceKey("  COTE  D'IVOIRE ")).toBe("cote d'ivoire");
    expect(surfaceKey('Guinea–Bissau')).toBe('guinea-bissau');
    expect(surfaceKey('Nukuʻalofa')).toBe("nuku'alofa");
  });
});

describe('compileKb', () => {
  const kb = compileKb(entries, [{ path: 'a.jsonl', sha1: 'abc' }]);
  const idOf = (refs: ReturnType<typeof lookupSurface>): string[] =>
    refs.map(([i]) => kb.entries[i]!.id);

  it('indexes names, aliases, seats, demonyms and role terms under folded keys', () => {
    expect(kb.names['white house']).toEqual([[0, 'seat', 'White House']]);
    expect(kb.names['americans']).toEqual([[0, 'demonym', 'Americans']]);
    expect(kb.names['presidents']).toEqual([[3, 'term', null]]);
    expect(kb.names['elysee']).toEqual([[1, 'seat', 'Elysee']]);
  });

  it('keeps one hit per entry when a form is both a name and a seat, with the stronger kind', () => {
    expect(kb.names['washington']).toEqual([[0, 'seat', 'Washington']]);
    expect(kb.names['united states']).toEqual([[0, 'name', 'United States']]);
  });

  it('matches capitalised forms case-sensitively and lower-case ones in any case', () => {
    expect(idOf(lookupSurface(kb, 'US'))).toEqual(['entente:state:united-states']);
    expect(lookupSurface(kb, 'us')).toEqual([]);
    expect(idOf(lookupSurface(kb, 'President'))).toEqual(['entente:role:president']);
    expect(idOf(lookupSurface(kb, 'Elysee'))).toEqual(['entente:state:france']);
    expect(idOf(lookupSurface(kb, 'Cote d’Ivoire'))).toEqual(['entente:state:ivory-coast']);
  });

  it('does not answer object-prototype keys as if they were names', () => {
    expect(lookupSurface(kb, 'constructor')).toEqual([]);
    expect(lookupSurface(kb, '__proto__')).toEqual([]);
  });

  it('turns dates into inclusive day numbers per code and person', () => {
    const taliban = kb.entries[4]!;
    expect(taliban.codes).toEqual([
      { code: 'AFGREB', from: null, until: 19960927, title: null },
      { code: 'AFGGOV', from: 19960927, until: 20011113, title: 'Islamic Emirate' },
    ]);
    const person = kb.entries[5]!;
    expect([person.born, person.died, person.country]).toEqual([19600101, 20200531, 'FRA']);
    expect(kb.entries[2]!.country).toBe('CIV');
  });

  it('survives a JSON round trip unchanged, which is how kb.compiled.json is stored', () => {
    const back = JSON.parse(JSON.stringify(kb)) as CompiledKb;
    expect(back.entries).toEqual(kb.entries);
    expect(back.sources).toEqual([{ path: 'a.jsonl', sha1: 'abc' }]);
    expect(Object.keys(back.names)).toEqual(Object.keys(kb.names));
    expect(Object.keys(kb.names)).toEqual([...Object.keys(kb.names)].sort());
  });
});
