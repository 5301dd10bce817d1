import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO } from '../../test/helpers.js';
import { EntenteError } from '../core/errors.js';
import { defaultKbPaths, loadKb } from './load.js';
import { knownRoots } from './overlay.js';
import {
  officeHoldersToEntries,
  parseSparqlJson,
  readRefreshQuery,
  readStateIndex,
  refreshWikidata,
  SparqlFormatError,
  wikidataTime,
  type StateIndex,
} from './wikidata.js';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'kb');
const BASE = path.join(FIXTURES, 'base');
const base = { compiled: path.join(BASE, 'kb.compiled.json'), sourceDir: path.join(BASE, 'kb') };
const ANSWER = path.join(FIXTURES, 'wikidata-offices.json');

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'entente-wikidata-'));
  dirs.push(dir);
  return dir;
}

async function context(): Promise<{ states: StateIndex; roots: Set<string> }> {
  const kb = await loadKb(base.compiled, { sourceDir: base.sourceDir, overlayDir: null });
  return {
    states: await readStateIndex(kb.compiled, base.sourceDir),
    roots: knownRoots(kb.compiled),
  };
}

const answer = (): Promise<string> => readFile(ANSWER, 'utf8');

/** A fetch that answers every request with `body` and records what it was asked. */
function fakeFetch(body: string, status = 200): { fetch: typeof fetch; requests: RequestInit[] } {
  const requests: RequestInit[] = [];
  const f = (async (_url: string | URL | Request, init?: RequestInit) => {
    requests.push(init ?? {});
    return new Response(body, {
      status,
      headers: { 'content-type': 'application/sparql-results+json' },
    });
  }) as typeof fetch;
  return { fetch: f, requests };
}

describe('parseSparqlJson', () => {
  it('reads head.vars and the bindings of the standard results shape', async () => {
    const { vars, rows } = parseSparqlJson(await answer());
    expect(vars).toContain('personLabel');
    expect(rows).toHaveLength(8);
    expect(rows[0]!['person']).toEqual({
      type: 'uri',
      value: 'http://www.wikidata.org/entity/Q7747',
    });
    expect(rows[0]!['personLabel']).toMatchObject({
      type: 'literal',
      value: 'Vladimir Putin',
      'xml:lang': 'en',
    });
    expect(rows[2]!['end']).toBeUndefined();
  });

  it('refuses what is not SPARQL JSON results with a typed error', () => {
    expect(() => parseSparqlJson('<html>busy</html>')).toThrow(SparqlFormatError);
    expect(() => parseSparqlJson('{"head": {"vars": []}}')).toThrow(
      /not SPARQL JSON results: results/,
    );
    expect(() =>
      parseSparqlJson(
        '{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"value": "1"}}]}}',
      ),
    ).toThrow(/results\.bindings\.0\.x\.type/);
  });
});

describe('wikidataTime', () => {
  it('keeps the precision Wikidata states and no more', () => {
    const t = (value: string) => ({ type: 'literal', value });
    expect(wikidataTime(t('2000-05-07T00:00:00Z'), t('11'))).toBe('2000-05-07');
    expect(wikidataTime(t('2019-03-01T00:00:00Z'), t('10'))).toBe('2019-03');
    expect(wikidataTime(t('1950-01-01T00:00:00Z'), t('9'))).toBe('1950');
    expect(wikidataTime(t('+1950-01-01T00:00:00Z'), undefined)).toBe('1950-01-01');
    expect(wikidataTime(t('1900-01-01T00:00:00Z'), t('7'))).toBe('unknown');
    expect(wikidataTime(t('-0044-03-15T00:00:00Z'), t('11'))).toBe('unknown');
    expect(
      wikidataTime(
        { type: 'uri', value: 'http://www.wikidata.org/.well-known/genid/x' },
        undefined,
      ),
    ).toBe('unknown');
    expect(wikidataTime(undefined, undefined)).toBeNull();
  });
});

describe('officeHoldersToEntries', () => {
  it('makes one person per QID with a <country>GOV role per office, mapping countries by QID, iso3 or iso2', async () => {
    const { states } = await context();
    const { entries, skipped } = officeHoldersToEntries(
      parseSparqlJson(await answer()).rows,
      states,
    );
    const byId = new Map(entries.map((e) => [e['id'], e]));
    expect(byId.get('Q7747')).toEqual({
      id: 'Q7747',
      type: 'PERSON',
      name: 'Vladimir Putin',
      aliases: ['Putin', 'Vladimir Vladimirovich Putin'],
      country: 'RUS',
      born: '1952-10-07',
      roles: [
        {
          code: 'RUSGOV',
          title: 'Prime Minister of Russia',
          from: '1999-08-16',
          until: '2000-05-07',
          source: 'wikidata Q1141706',
        },
        {
          code: 'RUSGOV',
          title: 'President of Russia',
          from: '2000-05-07',
          until: '2008-05-07',
          source: 'wikidata Q218295',
        },
        {
          code: 'RUSGOV',
          title: 'President of Russia',
          from: '2012-05-07',
          source: 'wikidata Q218295',
        },
      ],
      wikidata: 'Q7747',
      source: 'wikidata',
    });
    // The country QID is unknown to the base, its ISO 3166 alpha-3 code is not; the office
    // still open at death ends on the day (month) of death.
    expect(byId.get('Q900000001')).toMatchObject({
      country: 'IRN',
      born: '1950',
      died: '2019-03',
      aliases: ['P. Testfarid'],
      roles: [{ code: 'IRNGOV', from: '2015', until: '2019-03' }],
    });
    expect(byId.get('Q900000003')).toMatchObject({
      country: 'AFG',
      roles: [
        { code: 'AFGGOV', title: 'Prime Minister of Afghanistan', from: '1991', until: '1992-06' },
      ],
    });
    expect(byId.has('Q900000002')).toBe(false);
    expect(skipped).toEqual([
      { row: 5, reason: 'no state in the knowledge base for Q31 (BEL)' },
      { row: 6, reason: 'Q900000003: the office has no start date' },
      { row: 7, reason: 'Q900000003: the end date is unknown' },
    ]);
  });
});

describe('refreshWikidata', () => {
  it('writes wikidata.jsonl atomically from the answer, and the people merge with the base by QID', async () => {
    const dir = await tempDir();
    const { states, roots } = await context();
    const { fetch, requests } = fakeFetch(await answer());
    const query = await readRefreshQuery(path.dirname(defaultKbPaths().sourceDir));
    const summary = await refreshWikidata({
      kbDir: dir,
      query,
      states,
      roots,
      fetch,
      endpoint: 'http://sparql.test/q',
    });
    expect(summary).toMatchObject({ rows: 8, people: 3, roles: 5 });
    expect(await readdir(dir)).toEqual(['wikidata.jsonl']);
    expect(String(requests[0]!.body)).toContain('query=');
    expect(new Headers(requests[0]!.headers).get('accept')).toBe('application/sparql-results+json');

    const kb = await loadKb(base.compiled, { sourceDir: base.sourceDir, overlayDir: dir });
    const putin = kb.lookup('Vladimir Putin').map(([i]) => kb.compiled.entries[i]!);
    expect(putin.map((e) => e.id)).toEqual(['entente:person:vladimir-putin']);
    expect(kb.codeOn(putin[0]!, '1999-09-01')).toBe('RUSGOV');
    expect(putin[0]!.codes.find((c) => c.from === 19990816)?.title).toBe(
      'Prime Minister of Russia',
    );
    const testfarid = kb.lookup('Parisa Testfarid').map(([i]) => kb.compiled.entries[i]!);
    expect(testfarid.map((e) => kb.codeOn(e, '2018-06-01'))).toEqual(['IRNGOV']);
    expect(testfarid.map((e) => kb.codeOn(e, '2019-04-01'))).toEqual([null]);
  });

  it('offline: fails with one line naming the endpoint and the reason, and writes nothing', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'wikidata.jsonl'), '{"earlier":"refresh"}\n');
    const { states, roots } = await context();
    const offline = (() =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('getaddrinfo ENOTFOUND query.wikidata.org'), {
            code: 'ENOTFOUND',
          }),
        }),
      )) as typeof fetch;
    const error = await refreshWikidata({
      kbDir: dir,
      query: 'SELECT * {}',
      states,
      roots,
      fetch: offline,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntenteError);
    expect((error as EntenteError).exitCode).toBe(1);
    expect((error as EntenteError).message).toBe(
      'kb refresh: cannot reach https://query.wikidata.org/sparql (ENOTFOUND); the built-in base is unchanged',
    );
    expect(await readdir(dir)).toEqual(['wikidata.jsonl']);
    expect(await readFile(path.join(dir, 'wikidata.jsonl'), 'utf8')).toBe(
      '{"earlier":"refresh"}\n',
    );
  });

  it('gives up after --timeout, and refuses an HTTP error or a non-SPARQL answer, writing nothing', async () => {
    const dir = await tempDir();
    const { states, roots } = await context();
    const hanging = ((_url: string | URL | Request, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        );
      })) as typeof fetch;
    await expect(
      refreshWikidata({
        kbDir: dir,
        query: 'q',
        states,
        roots,
        fetch: hanging,
        timeoutMs: 30,
        endpoint: 'http://x.test/',
      }),
    ).rejects.toThrow(
      'kb refresh: cannot reach http://x.test/ (no answer within 30 ms); the built-in base is unchanged',
    );
    await expect(
      refreshWikidata({
        kbDir: dir,
        query: 'q',
        states,
        roots,
        fetch: fakeFetch('busy', 503).fetch,
      }),
    ).rejects.toThrow(/answered HTTP 503; the built-in base is unchanged$/);
    await expect(
      refreshWikidata({
        kbDir: dir,
        query: 'q',
        states,
        roots,
        fetch: fakeFetch('<html></html>').fetch,
      }),
    ).rejects.toThrow(/is not JSON: .*; the built-in base is unchanged$/);
    await expect(
      refreshWikidata({
        kbDir: dir,
        query: 'q',
        states,
        roots,
        fetch: fakeFetch('{"head":{"vars":[]},"results":{"bindings":[]}}').fetch,
      }),
    ).rejects.toThrow(/returned 0 rows but no office holder could be used; nothing written/);
    expect(existsSync(path.join(dir, 'wikidata.jsonl'))).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('the shipped refresh query', () => {
  it('selects every variable the converter reads', async () => {
    const query = await readRefreshQuery(path.dirname(defaultKbPaths().sourceDir));
    for (const v of [
      'person',
      'personLabel',
      'aliases',
      'born',
      'bornPrecision',
      'died',
      'diedPrecision',
      'office',
      'officeLabel',
      'country',
      'iso2',
      'iso3',
      'start',
      'startPrecision',
      'end',
      'endPrecision',
    ]) {
      expect(query).toMatch(new RegExp(`\\?${v}\\b`));
    }
    expect(query).toMatch(/wdt:P1906/);
    expect(query).toMatch(/wdt:P1313/);
  });
});
