import { describe, expect, it } from 'vitest';
import type { DocumentRecord, Place } from '../core/document.js';
import { knowledgeDocument, withoutSignature } from '../store/test-documents.js';
import { GKG_COLUMNS, gkgDate, gkgHeader, gkgLine, gkgRow } from './gkg-row.js';

function at(cells: readonly string[], column: (typeof GKG_COLUMNS)[number]): string {
  return cells[GKG_COLUMNS.indexOf(column)] as string;
}

/** The knowledge-layer store document, with a URL. */
function richDocument(): DocumentRecord {
  return { ...withoutSignature(knowledgeDocument('gkg-1')), url: 'https://www.example.org/news/1' };
}

describe('gkgRow', () => {
  const doc = richDocument();
  const cells = gkgRow(doc, 7);

  it('has the 27 GKG 2.1 columns in order, with a matching header', () => {
    expect(cells).toHaveLength(27);
    expect(gkgHeader().split('\t')).toEqual([...GKG_COLUMNS]);
    expect(GKG_COLUMNS[15]).toBe('V1.5Tone');
    expect(GKG_COLUMNS[22]).toBe('V2.1Quotations');
    expect(gkgLine(doc, 7).split('\t')).toEqual(cells);
  });

  it('dates, ids and sources', () => {
    expect(at(cells, 'GKGRECORDID')).toBe('20240514000000-7');
    expect(at(cells, 'V2.1DATE')).toBe('20240514000000');
    expect(at(cells, 'V2SourceCollectionIdentifier')).toBe('1');
    expect(at(cells, 'V2SourceCommonName')).toBe('example.org');
    expect(at(cells, 'V2DocumentIdentifier')).toBe('https://www.example.org/news/1');
    const noUrl = gkgRow({ ...doc, url: null, date: null }, 1);
    expect(at(noUrl, 'V2SourceCollectionIdentifier')).toBe('2');
    expect(at(noUrl, 'V2DocumentIdentifier')).toBe(doc.id);
    expect(at(noUrl, 'V2SourceCommonName')).toBe('2024-05.warc.gz');
    expect(at(noUrl, 'V2.1DATE')).toBe('');
    expect(gkgDate('2024-3-1')).toBe('');
  });

  it('themes with the offsets of their evidence', () => {
    expect(at(cells, 'V1Themes')).toBe('ECON_TRADE;SANCTIONS;DIPLOMACY');
    const blocks = at(cells, 'V2EnhancedThemes').split(';');
    expect(blocks.length).toBe(3);
    for (const b of blocks) {
      const [name, offset] = b.split(',');
      const theme = doc.themes.find((t) => t.theme === name)!;
      expect(theme.spans.some((s) => s.start === Number(offset))).toBe(true);
    }
  });

  it('persons, organisations and all names point at their mention', () => {
    expect(at(cells, 'V2EnhancedPersons')).toBe(
      `prime minister of Norway,${doc.text.indexOf('prime minister of Norway')};the president of Ghana,${doc.text.indexOf('the president of Ghana')}`,
    );
    for (const block of at(cells, 'V2.1AllNames').split(';')) {
      const [name, offset] = block.split(',');
      expect(doc.text.startsWith(name!, Number(offset))).toBe(true);
    }
  });

  it('tone as GDELT seven numbers', () => {
    expect(at(cells, 'V1.5Tone')).toBe('-1.25,2.5,3.75,6.25,12.5,1.25,48');
    expect(at(gkgRow({ ...doc, tone: null }, 1), 'V1.5Tone')).toBe('');
  });

  it('amounts as value,object,offset', () => {
    const blocks = at(cells, 'V2.1Amounts').split(';');
    expect(blocks).toEqual([
      `12,trade growth,${doc.text.indexOf('12%')}`,
      `1500000000,trade,${doc.text.indexOf('$1.5 billion')}`,
    ]);
  });

  it('quotations as offset|length|verb|quote with separators stripped', () => {
    const q = doc.quotations![0]!;
    const head = `${q.start}|${q.end - q.start}`;
    // `#` separates quotations and `|` fields: both become spaces; `;` is plain text here.
    expect(at(cells, 'V2.1Quotations')).toBe(
      `${head}|said|We will not; be 1 again#${head}||We will not; be 1 again`,
    );
    expect(doc.text.slice(q.start, q.start + q.end - q.start)).toBe(q.text);
  });

  it('locations: V1 per place, V2 per mention with offsets, GDELT location types', () => {
    const ghana = doc.text.indexOf('Ghana');
    const accra = doc.text.lastIndexOf('Accra,');
    const region = doc.text.lastIndexOf('Greater Accra');
    expect(at(cells, 'V1Locations')).toBe(
      '1#Ghana#GHA##7.9#-1.03#entente:state:ghana;4#Accra#GHA#Greater Accra#5.556#-0.1969#geonames:2306104;5#Greater Accra#GHA####GH.01',
    );
    expect(at(cells, 'V2EnhancedLocations').split(';')).toEqual([
      `1#Ghana#GHA###7.9#-1.03#entente:state:ghana#${ghana}`,
      `4#Accra#GHA#Greater Accra##5.556#-0.1969#geonames:2306104#${accra}`,
      `5#Greater Accra#GHA#####GH.01#${region}`,
    ]);
    const us: Place = { ...doc.places![2]!, country: 'USA' };
    const one = gkgRow({ ...doc, places: [us, { ...doc.places![1]!, country: 'USA' }] }, 1);
    expect(at(one, 'V1Locations')).toMatch(/^2#Greater Accra#USA.*;3#Accra#USA/);
  });

  it('counts from the event casualty fields', () => {
    const start = doc.events[0]!.evidence.start;
    expect(at(cells, 'V2.1Counts')).toBe(
      `KILL#12##4#Accra#GHA##5.56#-0.2##${start};WOUND#3##4#Accra#GHA##5.56#-0.2##${start};AFFECT#400##4#Accra#GHA##5.56#-0.2##${start}`,
    );
    expect(at(cells, 'V1Counts').split(';')[0]).toBe('KILL#12##4#Accra#GHA##5.56#-0.2#');
  });

  it('never lets a tab or a line break into a cell', () => {
    const nasty = { ...doc, url: 'https://x.org/a\tb', title: 'a\nb' };
    for (const c of gkgRow(nasty, 1)) expect(c).not.toMatch(/[\t\n\r]/);
  });
});
