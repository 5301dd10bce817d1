import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileKb, lookupSurface, type CompiledKb } from './compile.js';
import { codeOn, defaultKbPaths } from './load.js';
import type { StateEntry } from './schema.js';
import { CAMEO_REGIONS, formatKbError, validateKb, type KbValidation } from './validate.js';

/**
 * The real dictionaries/kb. People files are written by others and may change, so the
 * facts checked here come only from the structural files (states, organisations,
 * aliases, regions, roles); people files are only required to validate.
 */
const { sourceDir } = defaultKbPaths();
let result: KbValidation;
let kb: CompiledKb;

beforeAll(async () => {
  result = await validateKb(sourceDir);
  kb = compileKb(result.entries, result.files);
});

/** Codes on `date` of every entry a surface form can mean, sorted, nulls dropped. */
function codes(text: string, date: string, types?: readonly string[]): string[] {
  return lookupSurface(kb, text)
    .map(([i, kind]) => ({ e: kb.entries[i]!, kind }))
    .filter(({ e }) => !types || types.includes(e.type))
    .map(({ e, kind }) => {
      const code = codeOn(e, date);
      return code !== null && kind === 'seat' ? `${code}GOV` : code;
    })
    .filter((c): c is string => c !== null)
    .sort();
}

const STRUCTURAL = [
  'COUNTRY',
  'TERRITORY',
  'HISTORIC_STATE',
  'IGO',
  'NGO',
  'GROUP',
  'PARTY',
  'MNC',
  'MEDIA',
  'REGION',
  'ALIAS',
  'ROLE',
];

describe('dictionaries/kb', () => {
  it('validates with zero errors, people files included', () => {
    expect(result.errors.map(formatKbError)).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'states.jsonl',
        'organisations.jsonl',
        'aliases.jsonl',
        'regions.jsonl',
        'roles.jsonl',
      ]),
    );
  });

  it('keeps every source file under 1 MB', async () => {
    for (const f of result.files)
      expect((await stat(path.join(sourceDir, f.path))).size, f.path).toBeLessThan(1_000_000);
  });

  it('lists the 193 UN members and 2 observer states once each', () => {
    const countries = result.entries.filter((e): e is StateEntry => e.type === 'COUNTRY');
    expect(countries).toHaveLength(195);
    expect(new Set(countries.map((c) => c.code)).size).toBe(195);
    expect(countries.filter((c) => !(c.iso2 && c.iso3 && c.capital)).map((c) => c.name)).toEqual(
      [],
    );
    // The Holy See has no demonym for its people; every other member state has one.
    expect(countries.filter((c) => c.demonyms.length === 0).map((c) => c.name)).toEqual([
      'Holy See',
    ]);
    expect(
      countries
        .filter((c) => ['VAT', 'PSE'].includes(c.code))
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Holy See', 'Palestine']);
  });

  it('resolves capitals and seats of power to the state that held them on the date', () => {
    expect(codes('Moscow', '2024-03-20')).toEqual(['RUSGOV']);
    expect(codes('Kremlin', '1987-06-01')).toEqual(['USRGOV']);
    expect(codes('Tehran', '2024-03-20')).toEqual(['IRNGOV']);
    expect(codes('Downing Street', '2019-01-01')).toEqual(['GBRGOV']);
    expect(codes('Peking', '1985-01-01')).toEqual(['CHNGOV']);
    expect(codes('Prague', '1987-01-01')).toEqual(['CSKGOV']);
    expect(codes('Prague', '2000-01-01')).toEqual(['CZEGOV']);
  });

  it('follows Germany through reunification', () => {
    expect(codes('East Germany', '1987-06-01')).toEqual(['DDR']);
    expect(codes('East Germany', '1995-01-01')).toEqual([]);
    expect(codes('West Germany', '1987-06-01')).toEqual(['DEU']);
    expect(codes('Germany', '1987-06-01')).toEqual(['DEU']);
    expect(codes('Germany', '2024-01-01')).toEqual(['DEU']);
  });

  it('names states by their other names and demonyms', () => {
    expect(codes('Burma', '2020-01-01')).toEqual(['MMR']);
    expect(codes('Ivory Coast', '2020-01-01')).toEqual(['CIV']);
    expect(codes("Côte d'Ivoire", '2020-01-01')).toEqual(['CIV']);
    expect(codes('DPRK', '2020-01-01')).toEqual(['PRK']);
    expect(codes('Iranians', '2020-01-01')).toEqual(['IRN']);
    expect(codes('Congolese', '2020-01-01')).toEqual(['COD', 'COG']);
    expect(codes('Gaza', '2024-03-20')).toEqual(['PSE']);
    expect(codes('Taiwanese', '2024-03-20')).toEqual(['TWN']);
  });

  it('maps rhetorical and institutional phrases to the actor they stand for', () => {
    expect(codes('Zionist regime', '2024-03-20')).toEqual(['ISR']);
    expect(codes('Tel Aviv', '2024-03-20')).toEqual(['ISR']);
    expect(codes('Pentagon', '2024-03-20')).toEqual(['USAMIL']);
    expect(codes('State Department', '2024-03-20')).toEqual(['USAGOV']);
    expect(codes('Foreign Office', '2024-03-20')).toEqual(['GBRGOV']);
    expect(codes('Islamic Republic', '2024-03-20')).toEqual(['IRN']);
  });

  it('codes international organisations with IGO codes and groups by period', () => {
    expect(codes('SCO', '2024-03-20', STRUCTURAL)).toEqual(['IGOCAS']);
    expect(codes('BRICS', '2024-03-20', STRUCTURAL)).toEqual(['IGOBRC']);
    expect(codes('UN', '2024-03-20', STRUCTURAL)).toEqual(['IGOUNO']);
    expect(codes('IAEA', '2024-03-20', STRUCTURAL)).toEqual(['IGOUNOIAE']);
    expect(codes('OAU', '2010-01-01', STRUCTURAL)).toEqual([]);
    expect(codes('Taliban', '2000-01-01', STRUCTURAL)).toEqual(['AFGGOV']);
    expect(codes('Taliban', '2010-01-01', STRUCTURAL)).toEqual(['AFGREB']);
    expect(codes('Taliban', '2023-01-01', STRUCTURAL)).toEqual(['AFGGOV']);
    expect(codes('Hamas', '2024-03-20', STRUCTURAL)).toEqual(['PSEREBHMS']);
    expect(codes('Labour', '2020-01-01', STRUCTURAL)).toEqual(['GBROPP']);
    expect(codes('Labour', '2025-01-01', STRUCTURAL)).toEqual(['GBRGOV']);
  });

  it('maps role nouns to CAMEO sectors and marks single offices', () => {
    const role = (term: string): string => {
      const refs = kb.names[term] ?? [];
      const e = refs.map(([i]) => kb.entries[i]!).find((x) => x.type === 'ROLE');
      return e ? `${e.sector}${e.office ? '*' : ''}` : '-';
    };
    expect(
      [
        'president',
        'troops',
        'police',
        'judges',
        'lawmakers',
        'protesters',
        'militants',
        'refugees',
        'journalists',
        'farmers',
      ].map(role),
    ).toEqual(['GOV*', 'MIL', 'COP', 'JUD', 'LEG', 'OPP', 'UAF', 'REF', 'MED', 'AGR']);
    expect(result.entries.filter((e) => e.type === 'ROLE').length).toBeGreaterThanOrEqual(80);
  });

  it('uses CAMEO region codes for regions that have one, and country codes for parts of one country', () => {
    const regions = result.entries.filter((e) => e.type === 'REGION');
    const countries = new Set(
      result.entries.flatMap((e) => (e.type === 'COUNTRY' ? [e.code.slice(0, 3)] : [])),
    );
    const bad = regions.filter(
      (r) => r.code !== null && !CAMEO_REGIONS.includes(r.code) && !countries.has(r.code),
    );
    expect(bad.map((r) => `${r.name} ${r.code}`)).toEqual([]);
    // a part of one country ("Texas") stands for that country
    expect(codes('Texas', '2024-01-01')).toEqual(['USA']);
    expect(codes('Middle East', '2024-01-01')).toEqual(['MEA']);
    expect(codes('Western', '2024-01-01')).toEqual(['WST']);
    expect(codes('South Caucasus', '2024-01-01')).toEqual(['CAU']);
  });
});
