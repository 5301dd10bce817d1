import { describe, expect, it } from 'vitest';
import { domesticSource, loadDomesticSources, parseDomesticSources } from './domestic-sources.js';

const HEADER = 'code\tsource\n';

describe('parseDomesticSources', () => {
  it('reports each problem as file:line', () => {
    const { sources, problems } = parseDomesticSources(
      HEADER + '173\tCOP\n17x\tGOV\n172\tpolice\n173\tGOV\n175\tCOP\tGOV\n',
      's.tsv',
    );
    expect(sources).toBeNull();
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual([
      's.tsv:3',
      's.tsv:4',
      's.tsv:5',
      's.tsv:6',
    ]);
    expect(problems[2]!.message).toMatch(/already given on line 2/);
  });

  it('wants the header first', () => {
    const { problems } = parseDomesticSources('173\tCOP\n', 's.tsv');
    expect(problems[0]).toMatchObject({ line: 1 });
  });
});

describe('domesticSource', () => {
  const { sources } = parseDomesticSources(HEADER + '17\tGOV\n173\tCOP\n1724\t-\n', 's.tsv');

  it('gives the state actor of the country, the longest code prefix deciding', () => {
    expect(domesticSource(sources!, '173', 'BLR')?.code).toBe('BLRCOP');
    expect(domesticSource(sources!, '1721', 'TUR')?.code).toBe('TURGOV');
    expect(domesticSource(sources!, '1724', 'THA')?.code).toBe('THA');
  });

  it('gives nothing for codes no rule covers', () => {
    expect(domesticSource(sources!, '190', 'SYR')).toBeNull();
  });

  it('loads the shipped file: arrests are the police’s', () => {
    const d = loadDomesticSources();
    expect(domesticSource(d, '173', 'EGY')?.code).toBe('EGYCOP');
    expect(domesticSource(d, '180', 'EGY')).toBeNull();
  });
});
