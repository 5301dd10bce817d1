import { describe, expect, it } from 'vitest';
import type { GoldSentence, PredictedEvent } from './gold.js';
import { countMatches, scoreFile } from './score.js';

const gold = (events: GoldSentence['events'], noevents = false): GoldSentence => ({
  id: 'g',
  date: '2024-01-01',
  text: 'A sentence written for this test.',
  noevents,
  events,
});
const pred = (
  source: string,
  target: string,
  code: string,
  plover: string | null = null,
): PredictedEvent => ({
  source,
  target,
  code,
  plover,
});

describe('matching', () => {
  it('compares countries and roots at the coarse level and full codes at the fine one', () => {
    const g = [{ source: 'FRAGOV', target: 'DEUGOV', code: '042' }];
    expect(countMatches('countryRoot', g, [pred('FRA', 'DEUMIL', '043')])).toEqual({
      tp: 1,
      fp: 0,
      fn: 0,
    });
    expect(countMatches('full', g, [pred('FRA', 'DEUMIL', '043')])).toEqual({
      tp: 0,
      fp: 1,
      fn: 1,
    });
    expect(countMatches('full', g, [pred('FRAGOV', 'DEUGOV', '042')])).toEqual({
      tp: 1,
      fp: 0,
      fn: 0,
    });
  });

  it('lets any predicted target match where gold leaves the target empty', () => {
    const g = [{ source: 'KENGOV', target: '', code: '010' }];
    expect(countMatches('countryRoot', g, [pred('KEN', 'UGA', '012')])).toEqual({
      tp: 1,
      fp: 0,
      fn: 0,
    });
  });

  it('matches one to one: one prediction cannot serve two gold events', () => {
    const g = [
      { source: 'CHL', target: 'PER', code: '040' },
      { source: 'CHL', target: 'PER', code: '040' },
    ];
    expect(countMatches('countryRoot', g, [pred('CHL', 'PER', '040')])).toEqual({
      tp: 1,
      fp: 0,
      fn: 1,
    });
  });

  it('finds the best assignment, not the first greedy one', () => {
    const g = [
      { source: 'IND', target: '', code: '040' },
      { source: 'IND', target: 'PAK', code: '040' },
    ];
    // Greedy would give the PAK prediction to the first gold event and miss the second.
    const p = [pred('IND', 'PAK', '040'), pred('IND', 'CHN', '040')];
    expect(countMatches('countryRoot', g, p)).toEqual({ tp: 2, fp: 0, fn: 0 });
  });

  it('scores sentences whose gold has only PLOVER types at the PLOVER level only', () => {
    const g = [{ source: 'EGY', target: 'ISR', plover: 'CONSULT' }];
    const p = [pred('EGY', 'ISR', '040', 'CONSULT')];
    expect(countMatches('countryRoot', g, p)).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect(countMatches('countryPlover', g, p)).toEqual({ tp: 1, fp: 0, fn: 0 });
  });
});

describe('file scores', () => {
  it('reports precision, recall, F1, no-event accuracy, root confusion and worst sentences', () => {
    const s = scoreFile('x.jsonl', [
      {
        gold: gold([{ source: 'USA', target: 'MEX', code: '036' }]),
        predicted: [pred('USA', 'MEX', '036')],
      },
      {
        gold: gold([{ source: 'BRA', target: 'ARG', code: '111' }]),
        predicted: [pred('BRA', 'ARG', '120')],
      },
      { gold: gold([], true), predicted: [] },
      { gold: gold([], true), predicted: [pred('NOR', 'SWE', '010')] },
    ]);
    expect(s.levels.countryRoot).toMatchObject({ tp: 1, fp: 2, fn: 1 });
    expect(s.levels.countryRoot.precision).toBeCloseTo(1 / 3, 3);
    expect(s.levels.countryRoot.recall).toBeCloseTo(0.5, 3);
    expect(s.levels.countryRoot.f1).toBeCloseTo(0.4, 3);
    expect(s.noEventAccuracy).toBe(0.5);
    expect(s.rootConfusion['11']).toEqual({ '12': 1 });
    expect(s.rootConfusion['--']).toEqual({ '01': 1 });
    expect(s.worst.map((w) => w.errors)).toEqual([2, 1]);
  });
});
