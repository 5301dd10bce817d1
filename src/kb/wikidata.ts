import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { z } from 'zod';
import { EntenteError } from '../core/errors.js';
import { dayNumber, isKbDate, surfaceKey, type CompiledKb } from './compile.js';
import { checkOverlayLine, writeOverlayFile } from './overlay.js';

/**
 * `entente kb refresh`: people and their national offices from Wikidata's public SPARQL
 * endpoint, written to `<kb dir>/wikidata.jsonl` (dictionaries/README.md, "Wikidata
 * refresh"). The query is data (`dictionaries/wikidata/refresh.rq`); parsing the answer and
 * turning it into entries are pure functions; `refreshWikidata` does the I/O with an
 * injectable `fetch`.
 */

export const WIKIDATA_ENDPOINT = 'https://query.wikidata.org/sparql';
/** The public endpoint stops queries after 60 s; allow for the transfer on top. */
export const DEFAULT_REFRESH_TIMEOUT_MS = 120_000;
/** File name of the refresh overlay inside the overlay directory. */
export const WIKIDATA_OVERLAY = 'wikidata.jsonl';

const binding = z.looseObject({
  type: z.string(),
  value: z.string(),
  datatype: z.string().optional(),
  'xml:lang': z.string().optional(),
});

const sparqlJson = z.object({
  head: z.looseObject({ vars: z.array(z.string()) }),
  results: z.looseObject({ bindings: z.array(z.record(z.string(), binding)) }),
});

/**
 * One variable's value in a SPARQL JSON result row (W3C "SPARQL 1.1 Query Results JSON
 * Format"): `type` is `uri`, `literal`, `typed-literal` or `bnode`.
 *
 * @example
 * const b: SparqlBinding = { type: 'uri', value: 'http://www.wikidata.org/entity/Q7747' };
 */
export type SparqlBinding = z.infer<typeof binding>;
/** A result row: variable name -> binding; unbound variables are absent. */
export type SparqlRow = Readonly<Record<string, SparqlBinding>>;

/** Raised when an endpoint's answer is not SPARQL JSON results. */
export class SparqlFormatError extends EntenteError {
  constructor(message: string) {
    super(message);
    this.name = 'SparqlFormatError';
  }
}

/**
 * Parses the standard SPARQL JSON results shape (`head.vars`,
 * `results.bindings[].var.{type,value}`). Throws `SparqlFormatError` otherwise.
 *
 * @example
 * const { vars, rows } = parseSparqlJson(await response.text());
 * rows[0]!['personLabel']!.value; // 'Vladimir Putin'
 */
export function parseSparqlJson(text: string): { vars: string[]; rows: SparqlRow[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new SparqlFormatError(`not JSON: ${(e as Error).message}`);
  }
  const parsed = sparqlJson.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SparqlFormatError(
      `not SPARQL JSON results: ${issue.path.join('.') || '(top)'}: ${issue.message}`,
    );
  }
  return { vars: parsed.data.head.vars, rows: parsed.data.results.bindings };
}

/**
 * CAMEO state codes by Wikidata QID, ISO 3166 alpha-3 and alpha-2.
 *
 * @example
 * const states = await readStateIndex(kb.compiled, defaultKbPaths().sourceDir);
 * states.byQid.get('Q159'); // 'RUS'
 */
export interface StateIndex {
  readonly byQid: ReadonlyMap<string, string>;
  readonly byIso3: ReadonlyMap<string, string>;
  readonly byIso2: ReadonlyMap<string, string>;
}

const STATE_TYPES = ['COUNTRY', 'TERRITORY', 'HISTORIC_STATE'];

/**
 * Builds a `StateIndex` from state records: the compiled base (QIDs) and, where the source
 * files are at hand, their `iso2`/`iso3` fields. A COUNTRY wins over a TERRITORY that shares
 * an ISO code (Palestine over the Gaza Strip).
 */
export function stateIndexOf(
  states: ReadonlyArray<{
    type: string;
    code: string | null;
    wikidata?: string | null | undefined;
    iso2?: string | null | undefined;
    iso3?: string | null | undefined;
  }>,
): StateIndex {
  const byQid = new Map<string, string>();
  const byIso3 = new Map<string, string>();
  const byIso2 = new Map<string, string>();
  const ordered = [...states]
    .filter((s) => STATE_TYPES.includes(s.type) && s.code !== null)
    .sort((a, b) => STATE_TYPES.indexOf(a.type) - STATE_TYPES.indexOf(b.type));
  for (const s of ordered) {
    const code = s.code!.slice(0, 3);
    if (s.wikidata && !byQid.has(s.wikidata)) byQid.set(s.wikidata, code);
    if (s.iso3 && !byIso3.has(s.iso3)) byIso3.set(s.iso3, code);
    if (s.iso2 && !byIso2.has(s.iso2)) byIso2.set(s.iso2, code);
  }
  return { byQid, byIso3, byIso2 };
}

/**
 * The state index of a knowledge base: QIDs from the compiled entries, ISO codes from the
 * state lines of the source files when `sourceDir` exists (the compiled form does not keep
 * them).
 */
export async function readStateIndex(
  kb: CompiledKb,
  sourceDir: string | null,
): Promise<StateIndex> {
  const records: Array<Parameters<typeof stateIndexOf>[0][number]> = kb.entries.map((e) => ({
    type: e.type,
    code: e.code,
    wikidata: e.wikidata,
  }));
  if (sourceDir !== null) {
    let files: string[] = [];
    try {
      files = (await readdir(sourceDir, { recursive: true }))
        .filter((f) => f.endsWith('.jsonl'))
        .sort();
    } catch {
      files = [];
    }
    for (const f of files) {
      const text = await readFile(path.join(sourceDir, f), 'utf8');
      for (const line of text.split('\n')) {
        if (!/"iso[23]"/.test(line)) continue;
        try {
          const v = JSON.parse(line) as Record<string, unknown>;
          if (typeof v['type'] === 'string' && typeof v['code'] === 'string') {
            records.push({
              type: v['type'],
              code: v['code'],
              wikidata: typeof v['wikidata'] === 'string' ? v['wikidata'] : null,
              iso2: typeof v['iso2'] === 'string' ? v['iso2'] : null,
              iso3: typeof v['iso3'] === 'string' ? v['iso3'] : null,
            });
          }
        } catch {
          // the validator reports broken lines; the index only needs the good ones
        }
      }
    }
  }
  return stateIndexOf(records);
}

const ENTITY = /\/entity\/(Q\d+)$/;

function qidOf(b: SparqlBinding | undefined): string | null {
  if (!b || b.type !== 'uri') return null;
  return ENTITY.exec(b.value)?.[1] ?? null;
}

/**
 * A Wikidata time value at its precision (11 day, 10 month, 9 year), as a KB date; null
 * when absent, unknown ("some value" comes as a URI or blank node), before year 1 or
 * not a calendar date. A value without a precision is taken as a day.
 *
 * @example
 * wikidataTime({ type: 'literal', value: '1952-10-07T00:00:00Z' }, { type: 'literal', value: '11' }); // '1952-10-07'
 * wikidataTime({ type: 'literal', value: '1952-01-01T00:00:00Z' }, { type: 'literal', value: '9' }); // '1952'
 */
export function wikidataTime(
  time: SparqlBinding | undefined,
  precision: SparqlBinding | undefined,
): string | null | 'unknown' {
  if (!time) return null;
  if (time.type !== 'literal' && time.type !== 'typed-literal') return 'unknown';
  const m = /^\+?(\d{4})-(\d{2})-(\d{2})T/.exec(time.value);
  if (!m) return 'unknown';
  const p = precision ? Number(precision.value) : 11;
  const date =
    p >= 11 ? `${m[1]}-${m[2]}-${m[3]}` : p === 10 ? `${m[1]}-${m[2]}` : p === 9 ? m[1]! : null;
  if (date === null || !isKbDate(date) || m[1] === '0000') return 'unknown';
  return date;
}

/**
 * A row that was not turned into a role, and why.
 *
 * @example
 * for (const s of result.skipped) console.error(`row ${s.row}: ${s.reason}`);
 */
export interface SkippedRow {
  /** 1-based index in `results.bindings`. */
  readonly row: number;
  readonly reason: string;
}

interface Role {
  code: string;
  title: string;
  from: string;
  until: string | null;
  source: string;
}

interface Person {
  qid: string;
  name: string | null;
  aliases: Set<string>;
  born: string | null;
  died: string | null;
  roles: Role[];
}

const MAX_ALIASES = 20;

/** Aliases worth matching in news: with a capital, at least four characters, not a bare number. */
function usableAlias(alias: string, name: string): boolean {
  return (
    alias.length >= 4 &&
    /\p{Lu}/u.test(alias) &&
    /\p{L}{2}/u.test(alias) &&
    surfaceKey(alias) !== surfaceKey(name)
  );
}

/**
 * Turns office-holder rows (the variables of dictionaries/wikidata/refresh.rq) into PERSON
 * entries, one per person QID, with a `<CCC>GOV` role per office held: `CCC` is the CAMEO
 * code of the office's country found in `states`; the office label is the role's title;
 * start and end keep Wikidata's precision. A role with no start, an unknown start or end,
 * or a country the knowledge base does not know is skipped with the row and the reason. A
 * role still open when the person died ends on the day of death.
 */
export function officeHoldersToEntries(
  rows: readonly SparqlRow[],
  states: StateIndex,
): { entries: Array<Record<string, unknown>>; skipped: SkippedRow[] } {
  const people = new Map<string, Person>();
  const skipped: SkippedRow[] = [];
  rows.forEach((row, i) => {
    const skip = (reason: string): void => {
      skipped.push({ row: i + 1, reason });
    };
    const qid = qidOf(row['person']);
    if (qid === null) return skip('no person entity');
    let person = people.get(qid);
    if (person === undefined) {
      person = { qid, name: null, aliases: new Set(), born: null, died: null, roles: [] };
      people.set(qid, person);
    }
    const label = row['personLabel']?.value;
    if (label && label !== qid && person.name === null) person.name = label;
    for (const a of (row['aliases']?.value ?? '').split('|'))
      if (a.trim()) person.aliases.add(a.trim());
    if (row['alias']?.value) person.aliases.add(row['alias'].value.trim());
    const born = wikidataTime(row['born'], row['bornPrecision']);
    if (born !== null && born !== 'unknown') person.born ??= born;
    const died = wikidataTime(row['died'], row['diedPrecision']);
    if (died !== null && died !== 'unknown') person.died ??= died;

    const countryQid = qidOf(row['country']);
    const iso3 = row['iso3']?.value;
    const iso2 = row['iso2']?.value;
    const country =
      (countryQid && states.byQid.get(countryQid)) ||
      (iso3 && states.byIso3.get(iso3)) ||
      (iso2 && states.byIso2.get(iso2)) ||
      null;
    if (country === null)
      return skip(
        `no state in the knowledge base for ${countryQid ?? 'the office country'}${iso3 ? ` (${iso3})` : ''}`,
      );
    const from = wikidataTime(row['start'], row['startPrecision']);
    if (from === null) return skip(`${qid}: the office has no start date`);
    if (from === 'unknown') return skip(`${qid}: the start date is unknown`);
    const until = wikidataTime(row['end'], row['endPrecision']);
    if (until === 'unknown') return skip(`${qid}: the end date is unknown`);
    const officeQid = qidOf(row['office']);
    const title = row['officeLabel']?.value;
    if (!title || (officeQid !== null && title === officeQid))
      return skip(`${qid}: the office has no English label`);
    const role: Role = {
      code: `${country}GOV`,
      title,
      from,
      until,
      source: `wikidata ${officeQid ?? ''}`.trim(),
    };
    if (
      !person.roles.some(
        (r) =>
          r.code === role.code &&
          r.title === role.title &&
          r.from === role.from &&
          r.until === role.until,
      )
    )
      person.roles.push(role);
  });

  const entries: Array<Record<string, unknown>> = [];
  for (const p of people.values()) {
    if (p.roles.length === 0) continue;
    if (p.name === null) {
      skipped.push({ row: 0, reason: `${p.qid}: no English label; person skipped` });
      continue;
    }
    const name = p.name;
    const roles: Role[] = [];
    for (const r of p.roles) {
      const until = r.until ?? p.died;
      if (until !== null && dayNumber(until, 'end') < dayNumber(r.from, 'start')) {
        skipped.push({
          row: 0,
          reason: `${p.qid}: ${r.title} ends (${until}) before it starts (${r.from})`,
        });
        continue;
      }
      roles.push({ ...r, until });
    }
    if (roles.length === 0) continue;
    roles.sort((a, b) => dayNumber(a.from, 'start') - dayNumber(b.from, 'start'));
    const latest = roles[roles.length - 1]!;
    const seen = new Set<string>([surfaceKey(name)]);
    const aliases: string[] = [];
    for (const a of [...p.aliases].sort()) {
      const key = surfaceKey(a);
      if (aliases.length >= MAX_ALIASES || seen.has(key) || !usableAlias(a, name)) continue;
      seen.add(key);
      aliases.push(a);
    }
    entries.push({
      id: p.qid,
      type: 'PERSON',
      name,
      ...(aliases.length > 0 ? { aliases } : {}),
      country: latest.code.slice(0, 3),
      ...(p.born !== null ? { born: p.born } : {}),
      ...(p.died !== null ? { died: p.died } : {}),
      roles: roles.map((r) => ({
        code: r.code,
        title: r.title,
        from: r.from,
        ...(r.until !== null ? { until: r.until } : {}),
        source: r.source,
      })),
      wikidata: p.qid,
      source: 'wikidata',
    });
  }
  entries.sort((a, b) => Number(String(a['id']).slice(1)) - Number(String(b['id']).slice(1)));
  return { entries, skipped };
}

/**
 * What `refreshWikidata` wrote.
 *
 * @example
 * console.log(`${s.people} people, ${s.roles} roles -> ${s.file}`);
 */
export interface RefreshSummary {
  readonly file: string;
  readonly rows: number;
  readonly people: number;
  readonly roles: number;
  /** Reasons rows were skipped, most frequent first, with counts. */
  readonly skipped: ReadonlyArray<{ reason: string; count: number }>;
}

/** The refresh query shipped in dictionaries/wikidata/refresh.rq. */
export async function readRefreshQuery(dictionariesDir: string): Promise<string> {
  const file = path.join(dictionariesDir, 'wikidata', 'refresh.rq');
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new EntenteError(`kb refresh: cannot read the query ${file}`, { cause });
  }
}

/** A short reason for a failed request: the system error code or message, never a stack. */
function failureReason(err: unknown, timeoutMs: number, timedOut: boolean): string {
  if (timedOut) return `no answer within ${timeoutMs} ms`;
  const e = err as { cause?: { code?: string; message?: string }; code?: string; message?: string };
  const cause = e?.cause;
  return (
    cause?.code ??
    (cause?.message && cause.message !== '' ? cause.message : undefined) ??
    e?.code ??
    e?.message ??
    String(err)
  );
}

/**
 * Queries `endpoint` with `query`, converts the answer and writes `<kbDir>/wikidata.jsonl`
 * atomically. On any failure it throws `EntenteError` (exit 1) and writes nothing, so an
 * earlier refresh and the built-in base stay as they were; when the endpoint cannot be
 * reached the message is `kb refresh: cannot reach <endpoint> (<reason>); the built-in
 * base is unchanged`.
 */
export async function refreshWikidata(options: {
  kbDir: string;
  query: string;
  states: StateIndex;
  roots: ReadonlySet<string>;
  endpoint?: string | undefined;
  timeoutMs?: number | undefined;
  fetch?: typeof fetch;
  userAgent?: string;
}): Promise<RefreshSummary> {
  const endpoint = options.endpoint ?? WIKIDATA_ENDPOINT;
  const timeoutMs = options.timeoutMs ?? DEFAULT_REFRESH_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;
  const unchanged = 'the built-in base is unchanged';
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  let body: string;
  try {
    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        headers: {
          accept: 'application/sparql-results+json',
          'content-type': 'application/x-www-form-urlencoded',
          'user-agent': options.userAgent ?? 'entente/0.1 (kb refresh)',
        },
        body: new URLSearchParams({ query: options.query }).toString(),
        signal: controller.signal,
      });
    } catch (err) {
      throw new EntenteError(
        `kb refresh: cannot reach ${endpoint} (${failureReason(err, timeoutMs, timedOut)}); ${unchanged}`,
        { cause: err },
      );
    }
    if (!response.ok) {
      throw new EntenteError(
        `kb refresh: ${endpoint} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}; ${unchanged}`,
      );
    }
    try {
      body = await response.text();
    } catch (err) {
      throw new EntenteError(
        `kb refresh: cannot reach ${endpoint} (${failureReason(err, timeoutMs, timedOut)}); ${unchanged}`,
        { cause: err },
      );
    }
  } finally {
    clearTimeout(timer);
  }
  let rows: SparqlRow[];
  try {
    rows = parseSparqlJson(body).rows;
  } catch (err) {
    throw new EntenteError(
      `kb refresh: the answer of ${endpoint} is ${(err as Error).message}; ${unchanged}`,
      { cause: err },
    );
  }
  const { entries, skipped } = officeHoldersToEntries(rows, options.states);
  const lines: string[] = [];
  const reasons = new Map<string, number>();
  const count = (reason: string): void => {
    // Group reasons that differ only by the entity, so the summary stays short.
    const key = reason.replace(/^Q\d+: /, '').replace(/Q\d+/g, 'Q…');
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  };
  for (const s of skipped) count(s.reason);
  let roles = 0;
  for (const entry of entries) {
    const line = JSON.stringify(entry);
    const check = checkOverlayLine(line, options.roots);
    if ('problems' in check) {
      for (const p of check.problems) count(`invalid entry: ${p}`);
      continue;
    }
    lines.push(line);
    if (check.entry.type === 'PERSON') roles += check.entry.roles.length;
  }
  if (lines.length === 0) {
    throw new EntenteError(
      `kb refresh: ${endpoint} returned ${rows.length} rows but no office holder could be used; nothing written, ${unchanged}`,
    );
  }
  const file = await writeOverlayFile(options.kbDir, WIKIDATA_OVERLAY, lines);
  return {
    file,
    rows: rows.length,
    people: lines.length,
    roles,
    skipped: [...reasons]
      .map(([reason, n]) => ({ reason, count: n }))
      .sort((a, b) => b.count - a.count),
  };
}
