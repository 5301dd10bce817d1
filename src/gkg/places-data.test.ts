import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldName, loadGazetteer } from './gazetteer.js';
import {
  defaultPlacesDir,
  loadPlaceData,
  parsePlaceData,
  PlaceDataError,
  PLACE_DATA_FILES,
} from './places-data.js';

const dir = defaultPlacesDir();
const shipped = Object.fromEntries(
  PLACE_DATA_FILES.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]),
);

function problemsOf(files: Record<string, string | undefined>): string[] {
  try {
    parsePlaceData(files);
  } catch (e) {
    expect(e).toBeInstanceOf(PlaceDataError);
    return (e as PlaceDataError).problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
  }
  return [];
}

describe('dictionaries/places data', () => {
  it('loads, with regions, aliases and every kind of word', () => {
    const data = loadPlaceData();
    expect(data.regions.find((r) => r.name === 'Texas')).toMatchObject({
      country: 'US',
      admin: 'TX',
    });
    expect(data.regions.find((r) => r.name === 'Ontario')).toMatchObject({
      country: 'CA',
      admin: '08',
    });
    expect(data.cityAliases.find((a) => a.alias === 'Geneva')).toMatchObject({ country: 'CH' });
    expect(data.notPlaceNames).toContain('Washington Post');
    expect(data.notPlaceWords.has('March')).toBe(true);
    expect(data.leads.has('Northern')).toBe(true);
    expect(data.locatives.has('in')).toBe(true);
    expect(data.connectors.has('de')).toBe(true);
    expect(data.fillers.has('capital')).toBe(true);
    expect(data.clauseWords.has('while')).toBe(true);
  });

  it('every region code and city alias names real gazetteer places', () => {
    const data = loadPlaceData();
    const g = loadGazetteer().data;
    const admins = new Set(g.country.map((c, i) => `${c}.${g.admin[i]!}`));
    const missing = data.regions.filter((r) => !admins.has(`${r.country}.${r.admin}`));
    expect(missing).toEqual([]);
    const keys = new Set(g.key.map((k, i) => `${k}\t${g.country[i]!}`));
    const lost = data.cityAliases.filter((a) => !keys.has(`${foldName(a.name)}\t${a.country}`));
    expect(lost).toEqual([]);
  });

  it('reports every bad line as file:line: message', () => {
    const problems = problemsOf({
      ...shipped,
      'regions.tsv': [
        '# comment',
        'country\tadmin\tname\taliases',
        'US\tTX\tTexas\tTex.',
        'USA\tTX\tTexas\t-',
        'US\tTX\tTexas again\t-',
        'US\tCA\tcalifornia\t-',
        'US\tNV',
      ].join('\n'),
      'words.tsv': [
        'kind\ttext',
        'word\tMarch',
        'locative\tIn',
        'lead\tNorthern',
        'lead\tNorthern',
      ].join('\n'),
      'city-aliases.tsv': 'alias\tname\n',
    });
    expect(problems).toEqual([
      'regions.tsv:4: country "USA" is not an ISO 3166 alpha-2 code',
      'regions.tsv:5: region US-TX is already defined on line 3',
      'regions.tsv:6: name "california" must start with a capital letter',
      'regions.tsv:7: expected 4 tab-separated fields (country, admin, name, aliases), got 2',
      'city-aliases.tsv:1: header must be "alias\\tname\\tcountry"',
      'words.tsv:2: kind "word" must be one of not-place-name, not-place-word, lead, locative, connector, filler, clause',
      'words.tsv:3: a locative is written in lower case: "In"',
      'words.tsv:5: "Northern" is already listed on line 4',
    ]);
  });

  it('reports a missing file and an empty field', () => {
    const problems = problemsOf({
      ...shipped,
      'city-aliases.tsv': undefined,
      'words.tsv': 'kind\ttext\nlead\t \n',
    });
    expect(problems).toContain('city-aliases.tsv:1: file is missing');
    expect(problems).toContain('words.tsv:2: field "text" is empty or has surrounding spaces');
  });
});
