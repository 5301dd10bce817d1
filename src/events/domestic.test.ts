import { describe, expect, it } from 'vitest';
import { domesticTarget, loadDomesticTargets, parseDomesticTargets } from './domestic.js';

const HEADER = 'code\tsource\ttarget\n';

describe('parseDomesticTargets', () => {
  it('reports each problem as file:line', () => {
    const { domestic, problems } = parseDomesticTargets(
      HEADER + '14\t*\tGOV\n1x\t*\tGOV\n17\tgov\tCVL\n18\t*\tcivilians\n14\t*\t-\n',
      'd.tsv',
    );
    expect(domestic).toBeNull();
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual([
      'd.tsv:3',
      'd.tsv:4',
      'd.tsv:5',
      'd.tsv:6',
    ]);
    expect(problems[3]!.message).toMatch(/already given on line 2/);
  });

  it('wants the header first', () => {
    const { problems } = parseDomesticTargets('14\t*\tGOV\n', 'd.tsv');
    expect(problems[0]).toMatchObject({ line: 1 });
  });
});

describe('domesticTarget', () => {
  const { domestic } = parseDomesticTargets(
    HEADER + '14\t*\tGOV\n17\tGOV|COP\tCVL\n1724\tGOV\t-\n',
    'd.tsv',
  );

  it('aims a protest at the protesters’ own government', () => {
    expect(domesticTarget(domestic!, '141', 'NPLOPP', 'NPL')?.code).toBe('NPLGOV');
    expect(domesticTarget(domestic!, '1412', 'IRQ', 'IRQ')?.code).toBe('IRQGOV');
  });

  it('checks the source sector and prefers the longest code prefix', () => {
    expect(domesticTarget(domestic!, '1723', 'TURCOP', 'TUR')?.code).toBe('TURCVL');
    expect(domesticTarget(domestic!, '1723', 'TURREB', 'TUR')).toBeNull();
    expect(domesticTarget(domestic!, '1724', 'HTIGOV', 'HTI')?.code).toBe('HTI');
  });

  it('gives nothing without a country, for other codes, or when it would be the source', () => {
    expect(domesticTarget(domestic!, '141', 'IGOUNO', null)).toBeNull();
    expect(domesticTarget(domestic!, '190', 'SYRMIL', 'SYR')).toBeNull();
    expect(domesticTarget(domestic!, '141', 'PERGOV', 'PER')).toBeNull();
  });

  it('loads the shipped file', () => {
    const d = loadDomesticTargets();
    expect(d.rules.length).toBeGreaterThan(0);
    expect(domesticTarget(d, '143', 'FRALAB', 'FRA')?.code).toBe('FRAGOV');
  });
});
