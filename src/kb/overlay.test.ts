import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO } from '../../test/helpers.js';
import { compileKb, type CompiledCode, type CompiledKb } from './compile.js';
import { loadKb } from './load.js';
import {
  addDays,
  applyOverlays,
  checkOverlayLine,
  knownRoots,
  listOverlayFiles,
  mergeCodes,
  mergeOverlays,
  overlayCachePath,
  readOverlays,
  resolveKbDir,
  type OverlayItem,
} from './overlay.js';
import { kbEntry } from './schema.js';
import { KbValidationError } from './validate.js';

const BASE = path.join(REPO, 'test', 'fixtures', 'kb', 'base');
const base = { compiled: path.join(BASE, 'kb.compiled.json'), sourceDir: path.join(BASE, 'kb') };

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A temp overlay directory holding `files` (name -> entries, one JSON line each). */
async function overlayDir(files: Record<string, Array<object | string>>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'entente-overlay-'));
  dirs.push(dir);
  for (const [name, lines] of Object.entries(files)) {
    await writeFile(
      path.join(dir, name),
      lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n',
    );
  }
  return dir;
}

async function baseKb(): Promise<CompiledKb> {
  return (await loadKb(base.compiled, { sourceDir: base.sourceDir, overlayDir: null })).compiled;
}

const item = (entry: object, line = 1): OverlayItem => ({
  entry: kbEntry.parse(entry),
  src: { file: 'user.jsonl', line },
});

const code = (
  c: string,
  from: number | null,
  until: number | null,
  title: string | null = null,
): CompiledCode => ({
  code: c,
  from,
  until,
  title,
});

describe('resolveKbDir', () => {
  it('prefers --kb-dir, then $ENTENTE_KB_DIR, then ~/.entente/kb', () => {
    const env = { ENTENTE_KB_DIR: '/srv/kb' };
    expect(resolveKbDir({ kbDir: '/tmp/mine', env, home: '/home/u' })).toBe('/tmp/mine');
    expect(resolveKbDir({ env, home: '/home/u' })).toBe('/srv/kb');
    expect(resolveKbDir({ env: {}, home: '/home/u' })).toBe(path.join('/home/u', '.entente', 'kb'));
    expect(resolveKbDir({ kbDir: 'rel', env: {} })).toBe(path.resolve('rel'));
  });
});

describe('listOverlayFiles', () => {
  it('applies imports, then the Wikidata refresh, then hand-written files; ignores dot files and folders', async () => {
    const dir = await overlayDir({
      'mine.jsonl': [],
      'wikidata.jsonl': [],
      'imported-b.jsonl': [],
      'imported-a.jsonl': [],
      '.wikidata.jsonl.123.tmp': [],
      'notes.txt': [],
    });
    await mkdir(path.join(dir, 'sub.jsonl'));
    expect((await listOverlayFiles(dir)).map((f) => path.basename(f))).toEqual([
      'imported-a.jsonl',
      'imported-b.jsonl',
      'wikidata.jsonl',
      'mine.jsonl',
    ]);
    expect(await listOverlayFiles(path.join(dir, 'absent'))).toEqual([]);
  });
});

describe('mergeCodes', () => {
  it('keeps a base code only on the days no overlay code covers, splitting it if needed', () => {
    const merged = mergeCodes(
      [code('RUSGOV', 20000507, 20080507, 'President')],
      [code('RUSMIL', 20050101, 20051231)],
    );
    expect(merged).toEqual([
      code('RUSGOV', 20000507, 20041231, 'President'),
      code('RUSMIL', 20050101, 20051231),
      code('RUSGOV', 20060101, 20080507, 'President'),
    ]);
  });

  it('lets an open-ended overlay code replace everything after its start', () => {
    expect(
      mergeCodes(
        [code('AFGGOV', 20011222, 20140929, 'President'), code('AFGELI', 20140930, null)],
        [code('AFGREB', 20100101, null)],
      ),
    ).toEqual([code('AFGGOV', 20011222, 20091231, 'President'), code('AFGREB', 20100101, null)]);
  });

  it('replaces an undated fallback only with an undated fallback', () => {
    const party = [code('GBRPTY', null, null), code('GBRGOV', 20240705, null)];
    expect(mergeCodes(party, [code('GBROPP', 20100511, 20240704)])).toEqual([
      code('GBRPTY', null, null),
      code('GBROPP', 20100511, 20240704),
      code('GBRGOV', 20240705, null),
    ]);
    expect(mergeCodes(party, [code('GBRLAB', null, null)])).toEqual([
      code('GBRLAB', null, null),
      code('GBRGOV', 20240705, null),
    ]);
  });

  it('counts days across month and leap-year ends', () => {
    expect(addDays(20240229, 1)).toBe(20240301);
    expect(addDays(20240101, -1)).toBe(20231231);
  });
});

describe('mergeOverlays', () => {
  it('merges by id and lets the overlay win for the days it covers', async () => {
    const kb = await baseKb();
    const { compiled, origins, counts } = mergeOverlays(kb, [
      item({
        id: 'entente:person:ebrahim-raisi',
        type: 'PERSON',
        name: 'Ebrahim Raisi',
        country: 'IRN',
        roles: [
          {
            code: 'IRNJUD',
            title: 'First Deputy Chief Justice',
            from: '2014-02-23',
            until: '2016-03-07',
          },
        ],
      }),
    ]);
    expect(counts.id).toBe(1);
    const raisi = compiled.entries.find((e) => e.id === 'entente:person:ebrahim-raisi')!;
    expect(raisi.codes.map((c) => [c.code, c.from, c.until])).toEqual([
      ['IRNJUD', 20140223, 20160307],
      ['IRNJUD', 20190307, 20210701],
      ['IRNGOV', 20210803, 20240519],
    ]);
    // What the overlay did not give (birth, death) is kept.
    expect([raisi.born, raisi.died]).toEqual([19601214, 20240519]);
    expect(origins['entente:person:ebrahim-raisi']).toEqual([{ file: 'user.jsonl', line: 1 }]);
    expect(compiled.entries).toHaveLength(kb.entries.length);
  });

  it('merges by Wikidata QID, then by canonical name, then by an alias of exactly one entry', async () => {
    const kb = await baseKb();
    const { compiled, counts } = mergeOverlays(kb, [
      item(
        {
          id: 'Q7747',
          type: 'PERSON',
          name: 'Vladimir Putin',
          country: 'RUS',
          wikidata: 'Q7747',
          aliases: ['V. V. Putin'],
          roles: [],
        },
        1,
      ),
      item(
        {
          id: 'entente:person:x-iran',
          type: 'COUNTRY',
          name: 'Iran',
          code: 'IRN',
          aliases: ['Persia'],
          capital: 'Tehran',
        },
        2,
      ),
      item(
        {
          id: 'entente:person:x-raeisi',
          type: 'PERSON',
          name: 'Raeisi',
          country: 'IRN',
          born: '1960',
        },
        3,
      ),
    ]);
    expect(counts).toMatchObject({ wikidata: 1, name: 1, alias: 1, added: 0 });
    const names = (text: string): string[] =>
      (compiled.names[text.toLowerCase()] ?? []).map(([i]) => compiled.entries[i]!.id);
    expect(names('V. V. Putin')).toEqual(['entente:person:vladimir-putin']);
    expect(names('Persia')).toEqual(['entente:state:iran']);
    // The overlay's born (a year) replaces the built-in day; the name it was matched by stays an alias.
    const raisi = compiled.entries.find((e) => e.id === 'entente:person:ebrahim-raisi')!;
    expect(raisi.born).toBe(19600101);
  });

  it('adds an alias to the entry that already stands for its code, keeping how known forms are read', async () => {
    const kb = await baseKb();
    const { compiled, counts } = mergeOverlays(kb, [
      item({
        id: 'entente:alias:u-afghanistan',
        type: 'ALIAS',
        name: 'Afghanistan',
        aliases: ['Kabul', 'Herat', 'afghan'],
        code: 'AFG',
      }),
      item(
        {
          id: 'entente:alias:u-iran',
          type: 'ALIAS',
          name: 'Iran',
          aliases: ['Mashhad'],
          code: 'IRNGOV',
        },
        2,
      ),
    ]);
    expect(counts).toMatchObject({ extended: 1, added: 1 });
    const refs = (key: string) =>
      (compiled.names[key] ?? []).map(([i, kind, form]) => [compiled.entries[i]!.id, kind, form]);
    expect(refs('kabul')).toEqual([['entente:state:afghanistan', 'seat', 'Kabul']]);
    expect(refs('herat')).toEqual([['entente:state:afghanistan', 'alias', 'Herat']]);
    // "afghan" was a demonym written with a capital; listed in lower case it now matches any case.
    expect(refs('afghan')).toEqual([['entente:state:afghanistan', 'demonym', null]]);
    // An alias for another code than the state's is an entry of its own, beside the state.
    expect(refs('iran').map(([id]) => id)).toEqual(['entente:state:iran', 'entente:alias:u-iran']);
  });

  it('does not guess between two entries of the same name: adds beside them and warns', () => {
    const twins = compileKb(
      [
        { id: 'entente:person:a', type: 'PERSON', name: 'Ali Hassan', country: null },
        { id: 'entente:person:b', type: 'PERSON', name: 'Ali Hassan', country: null },
      ].map((e) => kbEntry.parse(e)),
    );
    const { compiled, warnings } = mergeOverlays(twins, [
      item(
        { id: 'entente:person:c', type: 'PERSON', name: 'Ali Hassan', country: 'IRN', roles: [] },
        7,
      ),
    ]);
    expect(compiled.entries.map((e) => e.id)).toEqual([
      'entente:person:a',
      'entente:person:b',
      'entente:person:c',
    ]);
    expect(warnings.map((w) => `${w.file}:${w.line}: ${w.message}`)).toEqual([
      'user.jsonl:7: "Ali Hassan" names 2 entries (entente:person:a, entente:person:b); added as a separate entry instead of guessing which one it updates',
    ]);
  });

  it('moves a role term to the overlay role when the sector differs, and leaves it when it is the same', async () => {
    const kb = await baseKb();
    const { compiled } = mergeOverlays(kb, [
      item({
        id: 'entente:role:u-gendarmes',
        type: 'ROLE',
        terms: ['police', 'gendarmes', 'farmer'],
        sector: 'MIL',
      }),
      item(
        {
          id: 'entente:role:u-growers',
          type: 'ROLE',
          terms: ['farmers', 'growers'],
          sector: 'AGR',
        },
        2,
      ),
    ]);
    const role = (term: string) =>
      (compiled.names[term] ?? []).map(
        ([i]) => `${compiled.entries[i]!.id} ${compiled.entries[i]!.sector}`,
      );
    expect(role('police')).toEqual(['entente:role:u-gendarmes MIL']);
    expect(role('policemen')).toEqual(['entente:role:police COP']);
    expect(role('gendarmes')).toEqual(['entente:role:u-gendarmes MIL']);
    expect(role('farmer')).toEqual(['entente:role:u-gendarmes MIL']);
    expect(role('farmers')).toEqual(['entente:role:farmer AGR']);
    expect(role('growers')).toEqual(['entente:role:u-growers AGR']);
  });
});

describe('checkOverlayLine', () => {
  it('checks JSON, the schema, dates and code roots, with the field that is wrong', async () => {
    const roots = knownRoots(await baseKb());
    const check = (v: object | string) =>
      checkOverlayLine(typeof v === 'string' ? v : JSON.stringify(v), roots);
    expect(check('{"id": ')).toMatchObject({ problems: [expect.stringMatching(/^invalid JSON/)] });
    expect(check({ id: 'entente:alias:x', type: 'ALIAS', name: 'X', code: 'Xyz' })).toEqual({
      problems: ['code: CAMEO actor code: groups of 3 capitals'],
    });
    expect(
      check({
        id: 'entente:person:x',
        type: 'PERSON',
        name: 'X',
        country: 'IRN',
        roles: [{ code: 'ZZZGOV', from: '2020-02-30' }],
      }),
    ).toEqual({
      problems: [
        'roles.0.from: "2020-02-30" is not a calendar date',
        'roles.0.code: unknown root "ZZZ" in "ZZZGOV" (not a state, region or IGO/NGO/IMG/MNC/UIS code)',
      ],
    });
    expect(
      check({
        id: 'entente:state:zz',
        type: 'COUNTRY',
        name: 'Zedland',
        code: 'ZZZ',
        capital: null,
      }),
    ).toHaveProperty('entry');
  });
});

describe('loadKb with overlays', () => {
  it('uses no overlays for an explicitly given base unless asked', async () => {
    const dir = await overlayDir({
      'mine.jsonl': [{ id: 'entente:alias:u-herat', type: 'ALIAS', name: 'Herat', code: 'AFG' }],
    });
    expect((await loadKb(base.compiled, { sourceDir: base.sourceDir })).lookup('Herat')).toEqual(
      [],
    );
    const kb = await loadKb(base.compiled, { sourceDir: base.sourceDir, overlayDir: dir });
    expect(
      kb.lookup('Herat').map(([i]) => kb.codeOn(kb.compiled.entries[i]!, '2020-01-01')),
    ).toEqual(['AFG']);
    expect(kb.overlays).toEqual([expect.stringMatching(/mine\.jsonl$/)]);
    expect(Object.isFrozen(kb.compiled.entries[kb.compiled.entries.length - 1])).toBe(true);
  });

  it('refuses overlays with errors, listing them as file:line', async () => {
    const dir = await overlayDir({
      'mine.jsonl': [
        { id: 'entente:alias:u-herat', type: 'ALIAS', name: 'Herat', code: 'AFG' },
        '# a comment',
        { id: 'entente:alias:u-x', type: 'ALIAS', name: 'X', code: 'QQQ' },
      ],
    });
    const error = await loadKb(base.compiled, { sourceDir: base.sourceDir, overlayDir: dir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(KbValidationError);
    expect(
      (error as KbValidationError).errors.map((e) => `${path.basename(e.file)}:${e.line}`),
    ).toEqual(['mine.jsonl:2', 'mine.jsonl:3']);
  });

  it('merges small overlays on every load, without a cache', async () => {
    const dir = await overlayDir({
      'mine.jsonl': [{ id: 'entente:alias:u-herat', type: 'ALIAS', name: 'Herat', code: 'AFG' }],
    });
    expect(await applyOverlays(await baseKb(), 'base-1', dir)).toMatchObject({ cached: false });
    expect(await applyOverlays(await baseKb(), 'base-1', dir)).toMatchObject({ cached: false });
    expect(existsSync(overlayCachePath(dir))).toBe(false);
  });

  it('caches the merge of large overlays and recomputes it when an overlay file changes', async () => {
    const always = { cacheMinBytes: 0 };
    const dir = await overlayDir({
      'mine.jsonl': [{ id: 'entente:alias:u-herat', type: 'ALIAS', name: 'Herat', code: 'AFG' }],
    });
    const kb = await baseKb();
    const first = await applyOverlays(kb, 'base-1', dir, always);
    expect(first).toMatchObject({ cached: false });
    expect(existsSync(overlayCachePath(dir))).toBe(true);
    const second = await applyOverlays(kb, 'base-1', dir, always);
    expect(second).toMatchObject({ cached: true });
    if (second === null || 'errors' in second) throw new Error('expected a merge');
    expect(second.originOf('entente:alias:u-herat')).toEqual([
      { file: expect.stringMatching(/mine\.jsonl$/), line: 1 },
    ]);
    expect(await applyOverlays(kb, 'base-2', dir, always)).toMatchObject({ cached: false });

    await writeFile(
      path.join(dir, 'mine.jsonl'),
      `${JSON.stringify({ id: 'entente:alias:u-herat', type: 'ALIAS', name: 'Herat', code: 'IRN' })}\n`,
    );
    const changed = await applyOverlays(kb, 'base-2', dir, always);
    if (changed === null || 'errors' in changed) throw new Error('expected a merge');
    expect(changed.cached).toBe(false);
    const [i] = changed.compiled.names['herat']![0]!;
    expect(changed.compiled.entries[i]!.code).toBe('IRN');
    expect(JSON.parse(await readFile(overlayCachePath(dir), 'utf8'))).toHaveProperty('key');
  });

  it('accepts codes rooted in a state that an overlay defines, whatever the file order', async () => {
    const dir = await overlayDir({
      'imported-x.jsonl': [
        {
          id: 'entente:person:x-governor',
          type: 'PERSON',
          name: 'Ann Governor',
          country: 'AIA',
          roles: [{ code: 'AIAGOV', from: '2017' }],
        },
      ],
      'zz-mine.jsonl': [
        {
          id: 'entente:state:anguilla',
          type: 'TERRITORY',
          name: 'Anguilla',
          code: 'AIA',
          capital: 'The Valley',
        },
      ],
    });
    const kb = await loadKb(base.compiled, { sourceDir: base.sourceDir, overlayDir: dir });
    const [hit] = kb.lookup('Ann Governor');
    expect(kb.codeOn(kb.compiled.entries[hit![0]]!, '2020-01-01')).toBe('AIAGOV');
  });

  it('reports overlay problems without merging when asked through readOverlays', async () => {
    const dir = await overlayDir({
      'mine.jsonl': ['', { id: 'entente:alias:u', type: 'ALIAS', name: 'U', code: 'AFG' }],
    });
    const read = await readOverlays(dir, knownRoots(await baseKb()));
    expect(read.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      '1: blank line (JSON Lines allows none)',
    ]);
    expect(read.items.map((i) => i.entry.id)).toEqual(['entente:alias:u']);
  });
});
