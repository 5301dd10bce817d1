import { describe, expect, it } from 'vitest';
import { cleanText } from '../clean/clean-text.js';
import type { EventRecord, Quantity } from '../core/document.js';
import { analyse, createNlp } from '../nlp/analyse.js';
import { attachCasualties, createAmountContext, extractQuantities } from './amounts.js';

const nlp = createNlp();
const ctx = createAmountContext();

function quantities(text: string, date: string | null = '2024-03-20', bodyStart = 0): Quantity[] {
  const a = analyse(nlp, text, cleanText(text, bodyStart));
  return extractQuantities(ctx, { text, date, ...a, entities: [] });
}

function event(sentence: number, cameo = '190', evidence = { start: 0, end: 1 }): EventRecord {
  return {
    source: null,
    target: null,
    cameo,
    root: cameo.slice(0, 2),
    quadClass: 4,
    goldstein: -10,
    plover: null,
    date: null,
    location: null,
    sentence,
    evidence,
    modality: 'asserted',
    confidence: 1,
    rule: 'test',
  };
}

describe('extractQuantities', () => {
  it('gives every amount of a paragraph an exact span, in text order', () => {
    const text =
      'Officials said 14 people were killed and 30 injured. Wheat exports rose 12% to ' +
      '3.2 million tonnes, worth about $900 million, last year.';
    const qs = quantities(text);
    expect(qs.map((q) => q.text)).toEqual([
      '14 people',
      '30 injured',
      '12%',
      '3.2 million tonnes',
      '$900 million',
    ]);
    for (const q of qs) expect(text.slice(q.start, q.end)).toBe(q.text);
    const starts = qs.map((q) => q.start);
    expect([...starts].sort((x, y) => x - y)).toEqual(starts);
    expect(qs.map((q) => q.sentence)).toEqual([0, 0, 1, 1, 1]);
  });

  it('reads "last year" against the document date, and leaves it out without one', () => {
    const text = 'Wheat exports rose 12% last year.';
    expect(quantities(text, '2019-06-01')[0]?.year).toBe(2018);
    expect(quantities(text, null)[0]?.year).toBeUndefined();
  });

  it('returns plain data that survives structured cloning (worker threads)', () => {
    const qs = quantities('More than 5,000 demonstrators marched as prices rose 10 to 12 percent.');
    expect(qs.length).toBe(2);
    expect(structuredClone(qs)).toEqual(qs);
  });

  it('gives a rate, not the quantity it is per, as an amount', () => {
    const text =
      'The export rebate was set at 46.80 Ecus per 100 kilos, and bonds convert at 1,080 dlrs ' +
      'per 1,000 dlrs principal amount.';
    expect(quantities(text).map((q) => q.text)).toEqual(['46.80 Ecus', '1,080 dlrs']);
  });

  it('gives a line of figures the unit its heading names, not the table currency', () => {
    const text =
      'Mine results for the quarter\n    Net 264.3 mln rand vs 301.0 mln\n' +
      '    Tonnes milled 3.74 mln vs 3.72 mln\n    Gold production 30,865 kgs vs 30,236 kgs\n';
    expect(quantities(text).map((q) => [q.text.trim(), q.unit])).toEqual([
      ['264.3 mln rand', 'ZAR'],
      ['301.0 mln', 'ZAR'],
      ['3.74 mln', 'tonnes'],
      ['3.72 mln', 'tonnes'],
      ['30,865 kgs', 'kg'],
      ['30,236 kgs', 'kg'],
    ]);
  });

  it('skips headings and the metadata before the body', () => {
    const text = 'date 2024-03-20\nTrade Up 40% In 2023\n\nTrade rose 40% in 2023 to $2 billion.';
    const bodyStart = text.indexOf('Trade');
    const qs = quantities(text, '2024-03-20', bodyStart);
    expect(qs.every((q) => q.start > text.indexOf('\n\n'))).toBe(true);
    expect(qs.map((q) => q.text)).toEqual(['40%', '$2 billion']);
  });
});

describe('attachCasualties', () => {
  it('fills dead, injured and size of the events in the same sentence only', () => {
    const qs = quantities(
      'The strike killed 9 people and wounded 22. Police detained 40 protesters on Friday.',
    );
    const events = attachCasualties([event(0), event(1, '173'), event(2)], qs);
    expect(events[0]).toMatchObject({ dead: 9, injured: 22 });
    expect(events[0]?.size).toBeUndefined();
    expect(events[1]).toMatchObject({ size: 40 });
    expect(events[1]?.dead).toBeUndefined();
    expect(events[2]).toEqual(event(2));
  });

  /** An event of `cameo` whose evidence is the first occurrence of `word` in `text`. */
  function eventAt(text: string, word: string, cameo: string): EventRecord {
    const start = text.indexOf(word);
    return event(0, cameo, { start, end: start + word.length });
  }

  it('gives each count to the fitting event nearest to it, not to every event', () => {
    const text =
      'Some 5,000 demonstrators marched on parliament, and riot police fired on them, killing 3 people.';
    const qs = quantities(text);
    const march = eventAt(text, 'marched', '141');
    const fire = eventAt(text, 'fired', '190');
    const said = eventAt(text, 'parliament', '010');
    const [m, f, s] = attachCasualties([march, fire, said], qs, text);
    expect(m).toMatchObject({ size: 5000 });
    expect(m?.dead).toBeUndefined();
    expect(f).toMatchObject({ dead: 3 });
    expect(f?.size).toBeUndefined();
    expect(s).toBe(said);
  });

  it("prefers an event in the count's own clause over a nearer one across a clause break", () => {
    const text = 'Rebels shelled the town; 12 people died in the fighting that followed.';
    const qs = quantities(text);
    const shelling = eventAt(text, 'shelled', '195');
    const fighting = eventAt(text, 'fighting', '190');
    const [s, f] = attachCasualties([shelling, fighting], qs, text);
    expect(f).toMatchObject({ dead: 12 });
    expect(s?.dead).toBeUndefined();
  });

  it('leaves events untouched when no people were counted', () => {
    const qs = quantities('Exports rose 5% to $3 billion.');
    const ev = event(0, '061');
    expect(attachCasualties([ev], qs)[0]).toBe(ev);
  });
});
