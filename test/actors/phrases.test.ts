import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResolutionRule } from '../../src/actors/resolve-actors.js';
import { createActorKit, find, type ActorKit } from './kit.js';

interface Row {
  readonly line: number;
  readonly sentence: string;
  readonly date: string;
  readonly mention: string;
  readonly code: string;
  readonly type: string;
  readonly rule: string;
  readonly name: string;
}

const FILE = join(dirname(fileURLToPath(import.meta.url)), 'phrases.tsv');

function readRows(): Row[] {
  const rows: Row[] = [];
  readFileSync(FILE, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (text.trim() === '' || text.startsWith('#')) return;
      const cols = text.split('\t');
      if (cols.length !== 7)
        throw new Error(`phrases.tsv:${i + 1}: expected 7 columns, found ${cols.length}`);
      const [sentence, date, mention, code, type, rule, name] = cols as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      rows.push({ line: i + 1, sentence, date, mention, code, type, rule, name });
    });
  return rows;
}

const ROWS = readRows();

/** Every rule the resolver has (ResolutionRule); the table must exercise each one. */
const RULES: readonly ResolutionRule[] = [
  'name',
  'alias',
  'demonym',
  'surname',
  'title+name',
  'demonym+role',
  'metonymy',
  'location',
  'office',
  'counterpart',
  'pair',
  'coref',
  'ambiguous',
  'unknown',
];

describe('phrase table', () => {
  let kit: ActorKit;
  beforeAll(async () => {
    kit = await createActorKit();
  });

  it('has at least 300 rows, each mention written in its sentence', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(300);
    for (const r of ROWS) expect(r.sentence, `line ${r.line}`).toContain(r.mention);
  });

  it('exercises every resolution rule and has negative rows', () => {
    const used = new Set(ROWS.map((r) => r.rule));
    for (const rule of RULES) expect(used.has(rule), `no row for rule ${rule}`).toBe(true);
    expect(ROWS.filter((r) => r.type === 'NONE').length).toBeGreaterThanOrEqual(10);
    expect(ROWS.filter((r) => r.code === '-' && r.type !== 'NONE').length).toBeGreaterThanOrEqual(
      20,
    );
  });

  it.each(ROWS)('line $line: "$mention" on $date', (r) => {
    const { entities } = kit.resolve(r.sentence, r.date);
    for (const e of entities) expect(r.sentence.slice(e.start, e.end)).toBe(e.text);
    const e = find(entities, r.mention);
    const seen = entities.map((x) => `${x.text}=${x.code ?? '-'}/${x.type}`).join(', ');
    if (r.type === 'NONE') {
      expect(e, `"${r.mention}" should not be an entity; found ${seen}`).toBeUndefined();
      return;
    }
    expect(e, `no entity "${r.mention}"; found ${seen}`).toBeDefined();
    if (r.code.includes('+')) {
      expect([...(e!.members ?? [])].sort()).toEqual(r.code.split('+').sort());
      expect(r.code.split('+')).toContain(e!.code);
    } else {
      expect(e!.code ?? '-').toBe(r.code);
    }
    expect(e!.type).toBe(r.type);
    if (r.rule !== '-') expect(e!.how).toBe(r.rule);
    if (r.name !== '-') expect(e!.name).toBe(r.name);
  });
});
