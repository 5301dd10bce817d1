import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HAS_SHARED, REPO, SHARED } from '../../test/helpers.js';
import { UsageError } from '../core/errors.js';
import {
  cleanPhrase,
  convertTabari,
  displayName,
  importPetrarch,
  parseCodeGroup,
  parseTabari,
  parseTabariDate,
  pluralOf,
  surfaceFormOf,
  type TabariDictionary,
} from './import-petrarch.js';
import { defaultKbPaths, explainCodeOn, loadKb } from './load.js';
import { knownRoots } from './overlay.js';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'kb');
const BASE = path.join(FIXTURES, 'base');
const base = { compiled: path.join(BASE, 'kb.compiled.json'), sourceDir: path.join(BASE, 'kb') };

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'entente-import-'));
  dirs.push(dir);
  return dir;
}

async function fixture(name: string): Promise<TabariDictionary> {
  return parseTabari(await readFile(path.join(FIXTURES, name), 'utf8'), name);
}

async function baseRoots(): Promise<Set<string>> {
  const kb = await loadKb(base.compiled, { sourceDir: base.sourceDir, overlayDir: null });
  return knownRoots(kb.compiled);
}

describe('parseTabariDate', () => {
  it('reads YYMMDD with the TABARI century pivot (00-30 -> 20YY) and YYYYMMDD', () => {
    expect(parseTabariDate('990809')).toBe('1999-08-09');
    expect(parseTabariDate('310101')).toBe('1931-01-01');
    expect(parseTabariDate('300101')).toBe('2030-01-01');
    expect(parseTabariDate('080507')).toBe('2008-05-07');
    expect(parseTabariDate('19270101')).toBe('1927-01-01');
  });

  it('refuses other lengths and impossible days', () => {
    expect(parseTabariDate('2004017')).toBeNull();
    expect(parseTabariDate('1920030320')).toBeNull();
    expect(parseTabariDate('20041301')).toBeNull();
    expect(parseTabariDate('230229')).toBeNull();
    expect(parseTabariDate('240229')).toBe('2024-02-29');
  });
});

describe('parseCodeGroup', () => {
  it('reads every restriction form', () => {
    expect(parseCodeGroup('RUSGOV', 3)).toEqual({
      code: { code: 'RUSGOV', from: null, until: null, line: 3 },
    });
    expect(parseCodeGroup('RUSGOV >120507', 3)).toEqual({
      code: { code: 'RUSGOV', from: '2012-05-07', until: null, line: 3 },
    });
    expect(parseCodeGroup('RUSGOV > 120507', 3)).toMatchObject({
      code: { from: '2012-05-07' },
    });
    // "<D" holds before D: the last day is the day before.
    expect(parseCodeGroup('RUSELI <220301', 3)).toEqual({
      code: { code: 'RUSELI', from: null, until: '2022-02-28', line: 3 },
    });
    expect(parseCodeGroup('USRGOV 19850311-911225', 3)).toEqual({
      code: { code: 'USRGOV', from: '1985-03-11', until: '1991-12-25', line: 3 },
    });
    expect(parseCodeGroup('---', 3)).toEqual({ none: true });
  });

  it('explains what is wrong with a bad group', () => {
    expect(parseCodeGroup('IrnGOV', 1)).toEqual({
      problem: '"IrnGOV" is not a CAMEO actor code (groups of 3 capitals)',
    });
    expect(parseCodeGroup('IRNGOV 19990101', 1)).toMatchObject({
      problem: expect.stringMatching(/cannot read the restriction "19990101"/),
    });
    expect(parseCodeGroup('IRNGOV 100101-090101', 1)).toEqual({
      problem: '[IRNGOV 100101-090101] ends before it starts',
    });
    expect(parseCodeGroup('~GOV', 1)).toMatchObject({ problem: expect.stringMatching(/agent/) });
  });
});

describe('cleanPhrase and name casing', () => {
  it('turns underscores into spaces, splits a parenthesised acronym off and drops a leading THE', () => {
    expect(cleanPhrase('NATIONAL_GUARD_OF_RUSSIA_(ROSGVARDIA)_')).toEqual({
      names: ['NATIONAL GUARD OF RUSSIA', 'ROSGVARDIA'],
    });
    expect(cleanPhrase('THE_UNITED_NATIONS_')).toEqual({ names: ['UNITED NATIONS'] });
    expect(cleanPhrase('THE_HAGUE_')).toEqual({ names: ['THE HAGUE'] });
    expect(cleanPhrase('RICHARD_"RICK"_ROE_')).toEqual({ names: ['RICHARD ROE'] });
    expect(cleanPhrase('BAD+NAME_')).toMatchObject({ problem: expect.stringMatching(/"\+"/) });
  });

  it('indexes several words in lower case and a single word case-sensitively', () => {
    expect(surfaceFormOf('VLADIMIR PUTIN')).toBe('vladimir putin');
    expect(surfaceFormOf('AL-ASSAD')).toBe('al-assad');
    expect(surfaceFormOf('PUTIN')).toBe('Putin');
    expect(surfaceFormOf('KABUL')).toBe('Kabul');
    expect(surfaceFormOf('US')).toBe('US');
    expect(surfaceFormOf('U.N.')).toBe('U.N.');
    expect(surfaceFormOf('ANSF')).toBe('ANSF');
    expect(surfaceFormOf('Kabul')).toBe('Kabul');
    expect(displayName('VLADIMIR PUTIN')).toBe('Vladimir Putin');
    expect(displayName('MINISTRY OF DEFENCE')).toBe('Ministry of Defence');
    expect(displayName('UN SECRETARY GENERAL')).toBe('UN Secretary General');
  });

  it('forms regular English plurals', () => {
    expect(['farmer', 'company', 'bus driver', 'day', 'church', 'box'].map(pluralOf)).toEqual([
      'farmers',
      'companies',
      'bus drivers',
      'days',
      'churches',
      'boxes',
    ]);
  });
});

describe('parseTabari (actors)', () => {
  it('groups names, synonyms and codes into actors, across comments and up to ---STOP---', async () => {
    const dict = await fixture('small.actors.txt');
    expect(dict.kind).toBe('actors');
    const summary = dict.blocks.map((b) => [b.line, b.names.map((n) => n.text), b.codes.length]);
    expect(summary).toEqual([
      [4, ['RUSSIA', 'RUSSIAN FEDERATION', 'MOSCOW', 'ST. PETERSBURG', 'KRASNODAR'], 1],
      [10, ['VLADIMIR PUTIN', 'PUTIN', 'PRESIDENT VLADIMIR PUTIN'], 4],
      [18, ['MIKHAIL GORBACHEV', 'GORBACHEV'], 2],
      [23, ['NATIONAL GUARD OF RUSSIA', 'ROSGVARDIA'], 1],
      [27, ['IRAN', 'TEHRAN', 'ISFAHAN'], 1],
      // A name line without codes takes the next actor's codes, as PETRARCH does.
      [32, ['IRGC COMMANDER', 'REVOLUTIONARY GUARDS', 'PASDARAN'], 1],
      // Only [XYZGOV ...] parses; its unknown root is the converter's business.
      [36, ['BROKEN DATES'], 1],
    ]);
    const putin = dict.blocks[1]!;
    expect(putin.codes).toEqual([
      { code: 'RUSELI', from: '1952-10-07', until: '1999-08-08', line: 13 },
      { code: 'RUSGOV', from: '1999-08-09', until: '2008-05-07', line: 14 },
      { code: 'RUSGOV', from: '2012-05-07', until: null, line: 15 },
      { code: 'RUSELI', from: null, until: null, line: 16 },
    ]);
    expect(dict.blocks[2]!.codes[1]).toEqual({
      code: 'RUSELI',
      from: null,
      until: '2022-08-30',
      line: 21,
    });
  });

  it('reports each malformed line with its line number and keeps going', async () => {
    const dict = await fixture('small.actors.txt');
    expect(dict.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      'small.actors.txt:37: "20041301" in [IRNGOV 20041301-20050101] is not a date (YYMMDD or YYYYMMDD)',
      'small.actors.txt:38: "0501" in [IRNGOV 0501-0601] is not a date (YYMMDD or YYYYMMDD)',
      'small.actors.txt:39: [IRNGOV 100101-090101] ends before it starts',
      'small.actors.txt:40: cannot read the restriction "19990101" in [IRNGOV 19990101] (expected >DATE, <DATE or DATE-DATE)',
      'small.actors.txt:41: "IrnGOV" is not a CAMEO actor code (groups of 3 capitals)',
      'small.actors.txt:43: unexpected "+" in the name "BAD+NAME_"',
      'small.actors.txt:44: indented line without a [CODE]: "no code on this indented line"',
    ]);
  });
});

describe('parseTabari (agents)', () => {
  it('expands substitution sets, honours {plural} and {} and adds regular plurals', async () => {
    const dict = await fixture('small.agents.txt');
    expect(dict.kind).toBe('agents');
    expect(dict.agents.map((a) => [a.line, a.code, a.prefix, a.phrases])).toEqual([
      [5, 'AGR', false, ['farmer', 'farmers']],
      [6, 'LAB', false, ['factory worker', 'factory workers', 'factory hand', 'factory hands']],
      [7, 'COP', false, ['riot police']],
      [8, 'UAF', false, ['militiaman', 'militiamen']],
      [9, 'BUS', false, ['company', 'companies']],
      [10, 'LAB', false, ['bus driver', 'bus drivers']],
      [11, 'IGO', true, ['peacekeeper', 'peacekeepers']],
      [12, 'MILREL', false, ['army chaplain', 'army chaplains']],
    ]);
    expect(dict.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '13: agent "LONE_PHRASE_WITHOUT_CODE" has no [~CODE]',
      '14: substitution set !NOSET! is not defined above this line',
      '15: missing "}" in "DEFENCE_MINISTRY {DEFENCE_MINISTRIES [~GOV]"',
    ]);
  });
});

describe('convertTabari', () => {
  it('maps country-level names to aliases, dated actors to people and agents to roles', async () => {
    const roots = await baseRoots();
    const { entries, skipped } = convertTabari(
      [await fixture('small.actors.txt'), await fixture('small.agents.txt')],
      { name: 'test', roots },
    );
    const byName = new Map(entries.map((e) => [e['name'] ?? e['id'], e]));
    expect(byName.get('Russia')).toEqual({
      id: 'entente:alias:test-russia',
      type: 'ALIAS',
      name: 'Russia',
      aliases: ['russian federation', 'Moscow', 'st. petersburg', 'Krasnodar'],
      code: 'RUS',
      source: 'small.actors.txt:4',
    });
    // Dated <country>ELI periods are what a person without an office codes as anyway.
    expect(byName.get('Vladimir Putin')).toEqual({
      id: 'entente:person:test-vladimir-putin',
      type: 'PERSON',
      name: 'Vladimir Putin',
      aliases: ['vladimir putin', 'Putin', 'president vladimir putin'],
      country: 'RUS',
      roles: [
        { code: 'RUSGOV', from: '1999-08-09', until: '2008-05-07', source: 'small.actors.txt:14' },
        { code: 'RUSGOV', from: '2012-05-07', source: 'small.actors.txt:15' },
      ],
      source: 'small.actors.txt:10',
    });
    expect(byName.get('Mikhail Gorbachev')).toMatchObject({
      country: 'USR',
      roles: [
        { code: 'USRGOV', from: '1985-03-11', until: '1991-12-25' },
        { code: 'RUSELI', until: '2022-08-30' },
      ],
    });
    expect(byName.get('National Guard of Russia')).toMatchObject({
      type: 'ALIAS',
      code: 'RUSMIL',
      aliases: ['national guard of russia', 'Rosgvardia'],
    });
    const roles = entries.filter((e) => e['type'] === 'ROLE');
    expect(roles.map((r) => [r['id'], r['sector'], r['terms']])).toEqual([
      ['entente:role:test-agr', 'AGR', ['farmer', 'farmers']],
      [
        'entente:role:test-lab',
        'LAB',
        [
          'factory worker',
          'factory workers',
          'factory hand',
          'factory hands',
          'bus driver',
          'bus drivers',
        ],
      ],
      ['entente:role:test-cop', 'COP', ['riot police']],
      ['entente:role:test-uaf', 'UAF', ['militiaman', 'militiamen']],
      ['entente:role:test-bus', 'BUS', ['company', 'companies']],
      ['entente:role:test-igo-prefix', 'IGO', ['peacekeeper', 'peacekeepers']],
      ['entente:role:test-milrel', 'MIL', ['army chaplain', 'army chaplains']],
    ]);
    expect(skipped.map((s) => `${s.line}: ${s.message}`)).toEqual([
      '42: code XYZGOV: unknown root "XYZ" (not a state, region or IGO/NGO/IMG/MNC/UIS code in the knowledge base)',
      '36: "BROKEN DATES" has no usable code; skipped',
    ]);
  });

  it('ends open restrictions on the --frozen date when asked', async () => {
    const { entries } = convertTabari([await fixture('small.actors.txt')], {
      name: 'test',
      roots: await baseRoots(),
      frozen: '2014-01-30',
    });
    const putin = entries.find((e) => e['name'] === 'Vladimir Putin')!;
    expect(putin['roles']).toContainEqual({
      code: 'RUSGOV',
      from: '2012-05-07',
      until: '2014-01-30',
      source: 'small.actors.txt:15',
    });
  });
});

describe('importPetrarch', () => {
  it('writes imported-<name>.jsonl that loadKb merges: Putin resolves by the imported restriction', async () => {
    const dir = await tempDir();
    const summary = await importPetrarch([path.join(FIXTURES, 'small.actors.txt')], {
      kbDir: dir,
      roots: await baseRoots(),
      name: 'small',
    });
    expect(path.basename(summary.file)).toBe('imported-small.jsonl');
    expect(summary.byType).toEqual({ ALIAS: 4, PERSON: 2 });
    expect(summary.skipped).toHaveLength(9);
    expect(summary.skipped[0]!.file).toMatch(/small\.actors\.txt$/);
    expect(await readdir(dir)).toEqual(['imported-small.jsonl']);

    const kb = await loadKb(base.compiled, { sourceDir: base.sourceDir, overlayDir: dir });
    const hits = kb.lookup('Vladimir Putin');
    expect(hits).toHaveLength(1);
    const putin = kb.compiled.entries[hits[0]![0]]!;
    expect(putin.id).toBe('entente:person:vladimir-putin');
    // The built-in entry says nothing about 1999-2000; the import does.
    expect(kb.codeOn(putin, '1999-10-01')).toBe('RUSGOV');
    expect(kb.codeOn(putin, '2005-06-01')).toBe('RUSGOV');
    // ... and on 2005-06-01 it is the imported restriction that decides.
    expect(explainCodeOn(putin, '2005-06-01').chosen).toEqual({
      code: 'RUSGOV',
      from: 19990809,
      until: 20080507,
      title: null,
    });
    expect(kb.codeOn(putin, '2010-06-01')).toBe('RUSGOV');
    // Isfahan was unknown; now it is Iran. Tehran stays a seat of the government.
    expect(kb.lookup('Isfahan').map(([i, kind]) => [kb.compiled.entries[i]!.id, kind])).toEqual([
      ['entente:state:iran', 'alias'],
    ]);
    expect(kb.lookup('Tehran').map(([, kind]) => kind)).toEqual(['seat']);
    expect(kb.lookup('PASDARAN')).toEqual([]);
    expect(
      kb.lookup('Pasdaran').map(([i]) => kb.codeOn(kb.compiled.entries[i]!, '2020-01-01')),
    ).toEqual(['IRNMIL']);
  });

  it('refuses a bad --name and an unreadable file with typed errors', async () => {
    const dir = await tempDir();
    const roots = await baseRoots();
    await expect(
      importPetrarch([path.join(FIXTURES, 'small.actors.txt')], {
        kbDir: dir,
        roots,
        name: 'Bad Name',
      }),
    ).rejects.toBeInstanceOf(UsageError);
    await expect(
      importPetrarch([path.join(dir, 'missing.txt')], { kbDir: dir, roots }),
    ).rejects.toThrow(/kb import: cannot read .*missing\.txt \(ENOENT\)/);
    expect(existsSync(path.join(dir, 'imported-missing.jsonl'))).toBe(false);
  });
});

describe.skipIf(!HAS_SHARED)('importing the real Phoenix country dictionary', () => {
  it('succeeds and makes Vladimir Putin RUSGOV on 2005-06-01 over the real base', async () => {
    const dir = await tempDir();
    const builtIn = await loadKb(undefined, { overlayDir: null });
    const file = path.join(SHARED, 'dictionaries', 'phoenix', 'Phoenix.Countries.actors.txt');
    const summary = await importPetrarch([file], {
      kbDir: dir,
      roots: knownRoots(builtIn.compiled),
      name: 'phoenix-countries',
    });
    expect(summary.entries).toBeGreaterThan(15_000);
    expect(summary.byType['PERSON']).toBeGreaterThan(10_000);
    expect(summary.skipped.length).toBeLessThan(summary.entries / 20);
    const { sourceDir, compiledPath } = defaultKbPaths();
    const kb = await loadKb(compiledPath, { sourceDir, overlayDir: dir });
    const putin = kb.lookup('Vladimir Putin').map(([i]) => kb.compiled.entries[i]!);
    expect(putin.map((e) => e.type)).toEqual(['PERSON']);
    expect(kb.codeOn(putin[0]!, '2005-06-01')).toBe('RUSGOV');
    // Phoenix's [RUSGOV 991231-080507] is the restriction that applies.
    expect(explainCodeOn(putin[0]!, '2005-06-01').chosen).toMatchObject({
      from: 19991231,
      until: 20080507,
    });
    expect(kb.overlayOrigin?.(putin[0]!.id)[0]?.file).toMatch(/imported-phoenix-countries\.jsonl$/);
  });
});
