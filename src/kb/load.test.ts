import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EntenteError } from '../core/errors.js';
import { compileKb, type CompiledEntry } from './compile.js';
import { codeOn, loadKb, toDay } from './load.js';
import { KbValidationError, validateKb } from './validate.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const lines = (...entries: object[]): string =>
  entries.map((e) => JSON.stringify(e)).join('\n') + '\n';

const states = lines(
  {
    id: 'entente:state:iran',
    type: 'COUNTRY',
    name: 'Iran',
    code: 'IRN',
    capital: 'Tehran',
    seats: ['Tehran'],
  },
  {
    id: 'entente:state:russia',
    type: 'COUNTRY',
    name: 'Russia',
    code: 'RUS',
    capital: 'Moscow',
    seats: ['Moscow', 'Kremlin'],
    from: '1991-12-26',
  },
  {
    id: 'entente:state:ussr',
    type: 'HISTORIC_STATE',
    name: 'Soviet Union',
    code: 'USR',
    capital: 'Moscow',
    seats: ['Moscow', 'Kremlin'],
    from: '1922-12-30',
    until: '1991-12-26',
  },
  {
    id: 'entente:state:afghanistan',
    type: 'COUNTRY',
    name: 'Afghanistan',
    code: 'AFG',
    capital: 'Kabul',
    seats: ['Kabul'],
  },
  {
    id: 'entente:state:uk',
    type: 'COUNTRY',
    name: 'United Kingdom',
    code: 'GBR',
    capital: 'London',
    seats: ['London'],
  },
);

// Public facts about Iran's late president, as the people files would record them.
const people = lines(
  {
    id: 'entente:person:ebrahim-raisi',
    type: 'PERSON',
    name: 'Ebrahim Raisi',
    aliases: ['Raisi', 'Raeisi', 'Raissi'],
    country: 'IRN',
    born: '1960-12-14',
    died: '2024-05-19',
    roles: [
      { code: 'IRNJUD', title: 'Chief Justice', from: '2019-03-07', until: '2021-07-01' },
      { code: 'IRNGOV', title: 'President', from: '2021-08-03', until: '2024-05-19' },
    ],
  },
  {
    id: 'entente:person:two-hats',
    type: 'PERSON',
    name: 'Two Hats',
    country: 'RUS',
    roles: [
      { code: 'RUSGOV', title: 'President', from: '2012-05-07' },
      { code: 'RUSGOV', title: 'Secretary of the Security Council', from: '2013-01-01' },
      { code: 'RUSPTY', title: 'Party leader', from: '2020-01-01' },
    ],
  },
);

const orgs = lines(
  {
    id: 'entente:org:taliban',
    type: 'GROUP',
    name: 'Taliban',
    country: 'AFG',
    codes: [
      { code: 'AFGREB', from: '1994-09', until: '1996-09-27' },
      { code: 'AFGGOV', from: '1996-09-27', until: '2001-11-13' },
      { code: 'AFGREB', from: '2001-11-13', until: '2021-08-15' },
      { code: 'AFGGOV', from: '2021-08-15' },
    ],
  },
  {
    id: 'entente:org:labour',
    type: 'PARTY',
    name: 'Labour Party',
    country: 'GBR',
    codes: [
      { code: 'GBRPTY' },
      { code: 'GBROPP', from: '2010-05-11', until: '2024-07-05' },
      { code: 'GBRGOV', from: '2024-07-05' },
    ],
  },
  {
    id: 'entente:org:oau',
    type: 'IGO',
    name: 'Organisation of African Unity',
    codes: [{ code: 'IGOAFROAU', from: '1963-05-25', until: '2002-07-09' }],
  },
);

const others = lines(
  { id: 'entente:alias:zionist-regime', type: 'ALIAS', name: 'Zionist regime', code: 'ISR' },
  { id: 'entente:region:middle-east', type: 'REGION', name: 'Middle East', code: 'MEA' },
  { id: 'entente:role:president', type: 'ROLE', terms: ['president'], sector: 'GOV', office: true },
  {
    id: 'entente:state:israel',
    type: 'COUNTRY',
    name: 'Israel',
    code: 'ISR',
    capital: 'Jerusalem',
  },
);

async function fixture(): Promise<{ root: string; kbDir: string; compiled: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'entente-kbload-'));
  dirs.push(root);
  const kbDir = path.join(root, 'kb');
  await mkdir(path.join(kbDir, 'people'), { recursive: true });
  await writeFile(path.join(kbDir, 'states.jsonl'), states);
  await writeFile(path.join(kbDir, 'organisations.jsonl'), orgs);
  await writeFile(path.join(kbDir, 'other.jsonl'), others);
  await writeFile(path.join(kbDir, 'people', 'iran.jsonl'), people);
  return { root, kbDir, compiled: path.join(root, 'kb.compiled.json') };
}

async function entriesById(): Promise<Map<string, CompiledEntry>> {
  const { kbDir } = await fixture();
  const result = await validateKb(kbDir);
  expect(result.errors).toEqual([]);
  return new Map(compileKb(result.entries).entries.map((e) => [e.id, e]));
}

describe('codeOn', () => {
  it('codes a person by the office held on the date, ELI between offices, nothing after death', async () => {
    const raisi = (await entriesById()).get('entente:person:ebrahim-raisi')!;
    expect(codeOn(raisi, '2024-03-20')).toBe('IRNGOV');
    expect(codeOn(raisi, '2020-06-01')).toBe('IRNJUD');
    expect(codeOn(raisi, '2021-07-20')).toBe('IRNELI');
    expect(codeOn(raisi, '2010-01-01')).toBe('IRNELI');
    expect(codeOn(raisi, '2024-05-19')).toBe('IRNGOV');
    expect(codeOn(raisi, '2024-05-20')).toBeNull();
    expect(codeOn(raisi, '1955-01-01')).toBeNull();
  });

  it('prefers a head-of-state title over other offices held the same day, then the most recent start', async () => {
    const person = (await entriesById()).get('entente:person:two-hats')!;
    expect(codeOn(person, '2021-01-01')).toBe('RUSGOV');
    const titled = codeOn(
      { ...person, codes: person.codes.filter((c) => c.title !== 'President') },
      '2021-01-01',
    );
    expect(titled).toBe('RUSPTY');
  });

  it('codes a historic state only inside its existence interval, and its successor from the handover', async () => {
    const byId = await entriesById();
    const ussr = byId.get('entente:state:ussr')!;
    const russia = byId.get('entente:state:russia')!;
    expect(codeOn(ussr, '1987-06-01')).toBe('USR');
    expect(codeOn(ussr, '1991-12-26')).toBe('USR');
    expect(codeOn(ussr, '1991-12-27')).toBeNull();
    expect(codeOn(russia, '1987-06-01')).toBeNull();
    expect(codeOn(russia, '2024-03-20')).toBe('RUS');
  });

  it('follows an organisation through its date-bounded codes', async () => {
    const byId = await entriesById();
    const taliban = byId.get('entente:org:taliban')!;
    expect(
      ['1995-01-01', '1998-01-01', '2010-01-01', '2021-08-15', '2023-01-01'].map((d) =>
        codeOn(taliban, d),
      ),
    ).toEqual(['AFGREB', 'AFGGOV', 'AFGREB', 'AFGGOV', 'AFGGOV']);
    const labour = byId.get('entente:org:labour')!;
    expect(['2000-01-01', '2015-01-01', '2025-01-01'].map((d) => codeOn(labour, d))).toEqual([
      'GBRPTY',
      'GBROPP',
      'GBRGOV',
    ]);
    expect(codeOn(byId.get('entente:org:oau')!, '2010-01-01')).toBeNull();
  });

  it('codes aliases and regions by their code and gives role nouns none', async () => {
    const byId = await entriesById();
    expect(codeOn(byId.get('entente:alias:zionist-regime')!, '2024-03-20')).toBe('ISR');
    expect(codeOn(byId.get('entente:region:middle-east')!, '2024-03-20')).toBe('MEA');
    expect(codeOn(byId.get('entente:role:president')!, '2024-03-20')).toBeNull();
  });

  it('accepts compact dates and rejects malformed ones with a typed error', () => {
    expect(toDay('20240320')).toBe(20240320);
    expect(toDay(20240320)).toBe(20240320);
    expect(toDay('2024-03-20')).toBe(20240320);
    expect(() => toDay('20 March 2024')).toThrow(EntenteError);
    expect(() => toDay('2024-02-30')).toThrow(/invalid date "2024-02-30"/);
  });
});

describe('loadKb', () => {
  it('compiles from sources when there is no compiled file, and finds people by alias', async () => {
    const { compiled } = await fixture();
    const kb = await loadKb(compiled);
    expect(kb.origin).toBe('sources');
    const hits = kb.lookup('Raeisi');
    expect(hits.map(([i]) => kb.compiled.entries[i]!.id)).toEqual(['entente:person:ebrahim-raisi']);
    expect(kb.codeOn(kb.compiled.entries[hits[0]![0]]!, '2024-03-20')).toBe('IRNGOV');
    expect(Object.isFrozen(kb.compiled.entries[0])).toBe(true);
  });

  it('uses a fresh compiled file and rebuilds when a source changed since', async () => {
    const { kbDir, compiled } = await fixture();
    const result = await validateKb(kbDir);
    await writeFile(compiled, JSON.stringify(compileKb(result.entries, result.files)));
    expect((await loadKb(compiled)).origin).toBe('compiled');

    await writeFile(
      path.join(kbDir, 'other.jsonl'),
      others +
        lines({ id: 'entente:alias:tel-aviv', type: 'ALIAS', name: 'Tel Aviv', code: 'ISR' }),
    );
    const kb = await loadKb(compiled);
    expect(kb.origin).toBe('sources');
    expect(kb.lookup('Tel Aviv')).toHaveLength(1);
  });

  it('uses a compiled file on its own when no sources ship beside it', async () => {
    const { kbDir, compiled } = await fixture();
    const result = await validateKb(kbDir);
    await writeFile(compiled, JSON.stringify(compileKb(result.entries, result.files)));
    await rm(kbDir, { recursive: true });
    const kb = await loadKb(compiled);
    expect(kb.origin).toBe('compiled');
    expect(kb.lookup('constructor')).toEqual([]);
    expect(
      kb
        .lookup('Kremlin')
        .map(([i]) => kb.compiled.entries[i]!.id)
        .sort(),
    ).toEqual(['entente:state:russia', 'entente:state:ussr']);
  });

  it('ignores a corrupt compiled file and rebuilds from sources', async () => {
    const { compiled } = await fixture();
    await writeFile(compiled, '{"format": "entente-kb/1", "entries": [');
    expect((await loadKb(compiled)).origin).toBe('sources');
  });

  it('refuses sources with errors, listing them as file:line', async () => {
    const { kbDir, compiled } = await fixture();
    await writeFile(
      path.join(kbDir, 'people', 'bad.jsonl'),
      '{"id": "entente:person:q", "type": "PERSON"}\n',
    );
    const error = await loadKb(compiled).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KbValidationError);
    expect((error as KbValidationError).message).toMatch(/bad\.jsonl:1: name: /);
    expect((error as KbValidationError).errors.every((e) => e.file.endsWith('bad.jsonl'))).toBe(
      true,
    );
  });

  it('fails with a typed error when neither a compiled file nor sources exist', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'entente-kbnone-'));
    dirs.push(root);
    await expect(loadKb(path.join(root, 'kb.compiled.json'))).rejects.toThrow(/no knowledge base/);
  });
});
