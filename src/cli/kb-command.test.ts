import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO } from '../../test/helpers.js';
import { EntenteError, UsageError } from '../core/errors.js';
import { codeOn, explainCodeOn, loadKb } from '../kb/load.js';
import {
  lookupName,
  registerKbCommands,
  runKbCheck,
  runKbImport,
  runKbLookup,
  runKbRefresh,
  type KbDeps,
  type LookupResult,
} from './kb-command.js';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'kb');
const BASE = path.join(FIXTURES, 'base');

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** Deps over the fixture base with an empty overlay directory and captured output. */
async function setup(): Promise<{
  deps: KbDeps;
  out: () => string;
  err: () => string;
  dir: string;
  codes: number[];
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'entente-kbcli-'));
  dirs.push(dir);
  let out = '';
  let err = '';
  const codes: number[] = [];
  return {
    dir,
    codes,
    out: () => out,
    err: () => err,
    deps: {
      compiledPath: path.join(BASE, 'kb.compiled.json'),
      sourceDir: path.join(BASE, 'kb'),
      env: { ENTENTE_KB_DIR: dir },
      io: { out: (s) => (out += s), err: (s) => (err += s) },
      now: () => new Date('2023-06-15T12:00:00Z'),
      setExitCode: (c) => codes.push(c),
    },
  };
}

describe('kb lookup', () => {
  it('explains a person on three dates: in office, between offices, after death', async () => {
    const { deps, out } = await setup();
    for (const date of ['2022-05-01', '2021-07-20', '2025-01-01']) {
      expect(await runKbLookup('Raisi', { date }, deps)).toBe(0);
    }
    const [inOffice, between, dead] = out().split(/(?="Raisi" on )/);
    expect(inOffice).toContain('"Raisi" on 2022-05-01: 1 entry');
    expect(inOffice).toContain('1. Ebrahim Raisi  PERSON  entente:person:ebrahim-raisi');
    expect(inOffice).toContain('matched as alias "Raisi" (case-sensitive)');
    expect(inOffice).toMatch(/IRNGOV {2}2021-08-03\.\.2024-05-19 +President {3}<- applies/);
    expect(inOffice).toContain(
      "on 2022-05-01: IRNGOV (role 'President' 2021-08-03..2024-05-19 covers 2022-05-01 → IRNGOV)",
    );
    expect(inOffice).toContain('from: test/fixtures/kb/base/kb/people.jsonl:1 (built-in)');
    expect(between).toContain(
      'on 2021-07-20: IRNELI (no role on 2021-07-20 (between roles) → IRNELI)',
    );
    expect(between).not.toContain('<- applies');
    expect(dead).toContain(
      'on 2025-01-01: no code (no role on 2025-01-01; died 2024-05-19 → no current code)',
    );
  });

  it('gives JSON with --json, today by default, and a seat coded as the government', async () => {
    const { deps, out } = await setup();
    await runKbLookup('Kabul', { json: true }, deps);
    const result = JSON.parse(out()) as LookupResult;
    expect(result.date).toBe('2023-06-15');
    expect(result.matches).toEqual([
      expect.objectContaining({
        kbId: 'entente:state:afghanistan',
        matchedAs: 'seat',
        code: 'AFGGOV',
        reason: 'exists on 2023-06-15 → AFG; a seat stands for the government → AFGGOV',
        origins: [{ file: 'test/fixtures/kb/base/kb/states.jsonl', line: 4, layer: 'built-in' }],
      }),
    ]);
  });

  it('shows a form that matches only with other capitals, and fails when nothing matches', async () => {
    const { deps } = await setup();
    const kb = await loadKb(deps.compiledPath, { sourceDir: deps.sourceDir!, overlayDir: null });
    const us = await lookupName(kb, 'us', '2020-01-01', deps.sourceDir!);
    expect(us.matches.map((m) => [m.kbId, m.caseMatches, m.form])).toEqual([
      ['entente:state:united-states', false, 'US'],
    ]);
    await expect(runKbLookup('Atlantis', { date: '2020-01-01' }, deps)).rejects.toThrow(
      'kb lookup: nothing in the knowledge base is called "Atlantis"',
    );
    await expect(runKbLookup('Raisi', { date: '2020-02-30' }, deps)).rejects.toBeInstanceOf(
      UsageError,
    );
  });
});

describe('kb import', () => {
  it('writes the overlay, reports skipped lines as file:line on stderr, and lookup then cites the overlay', async () => {
    const { deps, out, err, dir } = await setup();
    const code = await runKbImport(
      [path.join(FIXTURES, 'small.actors.txt')],
      { name: 'small' },
      deps,
    );
    expect(code).toBe(0);
    expect(await readdir(dir)).toEqual(expect.arrayContaining(['imported-small.jsonl']));
    expect(out()).toMatch(/^kb import: wrote .*imported-small\.jsonl\n/);
    expect(out()).toContain('small.actors.txt: 7 actors (actors dictionary)');
    expect(out()).toContain('6 entries (4 ALIAS, 2 PERSON) with 22 names');
    expect(out()).toContain('9 lines skipped, 0 notes (listed on stderr)');
    expect(err()).toMatch(/small\.actors\.txt:41: "IrnGOV" is not a CAMEO actor code/);

    let lookup = '';
    await runKbLookup(
      'Vladimir Putin',
      { date: '1999-10-01' },
      { ...deps, io: { out: (s) => (lookup += s), err: () => {} } },
    );
    expect(lookup).toContain(
      'on 1999-10-01: RUSGOV (role RUSGOV 1999-08-09..2008-05-07 covers 1999-10-01 → RUSGOV)',
    );
    expect(lookup).toMatch(
      /from: test\/fixtures\/kb\/base\/kb\/people\.jsonl:2 \(built-in\); .*imported-small\.jsonl:2 \(overlay\)/,
    );
  });
});

describe('kb check', () => {
  it('prints file:line problems of overlays and exits 1 on errors', async () => {
    const { deps, out, dir } = await setup();
    expect(await runKbCheck({}, deps)).toBe(0);
    expect(out()).toMatch(
      /kb check: built-in test\/fixtures\/kb\/base\/kb: 12 entries in 3 files, 0 errors, \d+ warnings?/,
    );
    expect(out()).toMatch(/kb check: overlays .*: none\n$/);

    await writeFile(
      path.join(dir, 'mine.jsonl'),
      [
        JSON.stringify({ id: 'entente:alias:u-herat', type: 'ALIAS', name: 'Herat', code: 'AFG' }),
        JSON.stringify({
          id: 'entente:person:u-x',
          type: 'PERSON',
          name: 'X',
          country: 'IRN',
          roles: [{ code: 'IRNGOV', from: '2020', until: '2019' }],
        }),
      ].join('\n') + '\n',
    );
    const { deps: deps2, out: out2 } = await setup();
    expect(await runKbCheck({ kbDir: dir }, deps2)).toBe(1);
    expect(out2()).toMatch(/mine\.jsonl:2: roles\.0\.until 2019 is before roles\.0\.from 2020\n/);
    expect(out2()).toMatch(/overlays .*: 1 valid entry in 1 file, 1 error, 0 warnings\n$/);
  });
});

describe('kb refresh', () => {
  it('offline: one line naming the endpoint and the reason, exit status 1, nothing written', async () => {
    const { deps, dir } = await setup();
    const offline = (() =>
      Promise.reject(
        new TypeError('fetch failed', { cause: { code: 'EAI_AGAIN' } }),
      )) as typeof fetch;
    const error = await runKbRefresh({}, { ...deps, fetch: offline }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntenteError);
    expect(`entente: ${(error as EntenteError).message}`).toBe(
      'entente: kb refresh: cannot reach https://query.wikidata.org/sparql (EAI_AGAIN); the built-in base is unchanged',
    );
    expect((error as EntenteError).exitCode).toBe(1);
    expect(await readdir(dir)).toEqual([]);
    await expect(runKbRefresh({ endpoint: 'ftp://x' }, deps)).rejects.toBeInstanceOf(UsageError);
  });
});

describe('registerKbCommands', () => {
  function program(deps: KbDeps): Command {
    const p = new Command('entente').exitOverride().configureOutput({ writeErr: () => {} });
    registerKbCommands(p, deps);
    return p;
  }

  it('adds kb import|refresh|lookup|check, parsing options as documented', async () => {
    const { deps, out, codes } = await setup();
    const p = program(deps);
    const kb = p.commands.find((c) => c.name() === 'kb')!;
    expect(kb.commands.map((c) => c.name())).toEqual(['import', 'refresh', 'lookup', 'check']);
    await p.parseAsync(['node', 'entente', 'kb', 'lookup', 'Raeisi', '--date', '2024-03-20']);
    expect(out()).toContain('on 2024-03-20: IRNGOV');
    expect(codes).toEqual([0]);
  });

  it('passes errors to the caller, which prints them and exits with their status', async () => {
    const { deps } = await setup();
    const offline = (() =>
      Promise.reject(
        new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }),
      )) as typeof fetch;
    await expect(
      program({ ...deps, fetch: offline }).parseAsync([
        'node',
        'entente',
        'kb',
        'refresh',
        '--timeout',
        '5000',
      ]),
    ).rejects.toThrow(/cannot reach https:\/\/query\.wikidata\.org\/sparql \(ECONNREFUSED\)/);
    await expect(
      program(deps).parseAsync(['node', 'entente', 'kb', 'refresh', '--timeout', 'soon']),
    ).rejects.toThrow(/expected a positive integer/);
  });
});

describe('explainCodeOn', () => {
  it('always gives the code codeOn gives, for every entry and many dates', async () => {
    const { deps } = await setup();
    const kb = await loadKb(deps.compiledPath, { sourceDir: deps.sourceDir!, overlayDir: null });
    const dates = [
      '1950-01-01',
      '1991-12-26',
      '1999-10-01',
      '2008-05-07',
      '2008-05-08',
      '2015-01-01',
      '2021-07-20',
      '2024-05-19',
      '2024-05-20',
      '2030-01-01',
    ];
    for (const e of kb.compiled.entries) {
      for (const d of dates) {
        const why = explainCodeOn(e, d);
        expect(why.code, `${e.id} on ${d}`).toBe(codeOn(e, d));
        expect(why.reason.length).toBeGreaterThan(10);
      }
    }
    const party = kb.compiled.entries.find((e) => e.id === 'entente:org:example-party')!;
    expect(explainCodeOn(party, '2005-01-01').reason).toBe(
      'code RUSGOV 2000-01-01..2010-12-31 covers 2005-01-01 → RUSGOV; the most recently started code wins',
    );
    expect(
      explainCodeOn(
        kb.compiled.entries.find((e) => e.id === 'entente:state:soviet-union')!,
        '2000-01-01',
      ).reason,
    ).toBe('does not exist on 2000-01-01 (1922-12-30..1991-12-26) → no code');
  });
});
