/**
 * Places: every country, first-level region and city a document mentions, geocoded to its
 * country (the CAMEO country code of the actor knowledge base), region, lat/lon and
 * gazetteer id, with the reason for the reading chosen (`how`); the document's focus
 * countries; and (places-location.ts) where each event happened.
 *
 * Candidates come from a scan of capitalised token runs against the knowledge base's state
 * names, the first-level regions and city aliases of `dictionaries/places/`, and the GeoNames
 * gazetteer. The actor resolver's entities veto names that are not places ("The Washington
 * Post", "Paris Hilton") and tell which capital speaks for its government. An ambiguous
 * name is decided, in this order, by an explicit "City, Region" apposition, by the other
 * places and actors of its sentence, by the document's places, and last by its prior: a
 * country name, a region, a capital, the largest population.
 *
 * @example
 * const pc = createPlaceContext({ kb });
 * findPlaces(pc, { text, date, sentences, tokens, entities });
 * // [{ text: 'Paris', name: 'Paris', kind: 'city', country: 'USA', region: 'Texas',
 * //    how: 'apposition: Texas', ... }, { text: 'Texas', kind: 'region', ... }]
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Entity, Place, Sentence, TokenTable } from '../core/document.js';
import type { CompiledEntry } from '../kb/compile.js';
import { defaultKbPaths, type Kb } from '../kb/load.js';
import { foldName, loadGazetteer, type Gazetteer } from './gazetteer.js';
import { loadPlaceData, type PlaceData, type RegionRow } from './places-data.js';
import { tokenWords } from './token-forms.js';
import { WordFilter } from './word-filter.js';

const NOT_ASCII = /[^ -~]/;
/** `PlaceIndex.heads` flags: the form is a whole name; a longer name begins with it. */
const IS_KEY = 1;
const IS_PREFIX = 2;

/** A state as places need it: its CAMEO code and ISO alpha-2. */
interface StateInfo {
  readonly id: string;
  readonly name: string;
  /** CAMEO country root (IRN, KSV, TMP; USA for Puerto Rico's USAPRI). */
  readonly code: string;
  readonly iso2: string | null;
  readonly type: string;
  readonly until: string | null;
}

/** Indexes built on first use (the gazetteer costs tens of milliseconds even compiled). */
interface PlaceIndex {
  readonly gazetteer: Gazetteer;
  readonly regionsByKey: ReadonlyMap<string, readonly RegionHit[]>;
  readonly regionByCode: ReadonlyMap<string, RegionRow>;
  readonly aliasRows: ReadonlyMap<string, readonly number[]>;
  /** Folded keys of the knowledge base's state names and aliases: a cheap test before `kb.lookup`. */
  readonly stateKeys: ReadonlySet<string>;
  /** Mean lat/lon of the gazetteer's towns per ISO2 and per `ISO2.admin`. */
  readonly centres: ReadonlyMap<string, { readonly lat: number; readonly lon: number }>;
  /** Every folded name any table knows. */
  readonly keys: ReadonlySet<string>;
  /**
   * Every beginning of a known name that ends at a word boundary ("new", "rio de", "st."),
   * so a run of capitalised tokens stops growing as soon as no name can continue it.
   */
  readonly prefixes: ReadonlySet<string>;
  /**
   * `keys` and `prefixes` together, each with `IS_KEY | IS_PREFIX` flags: the one look-up
   * that rules out most capitalised words, and settles a one-word name.
   */
  readonly heads: ReadonlyMap<string, number>;
  /** The `heads` as a filter over `wordHash`: a clear bit rules a word out without the look-up. */
  readonly headFilter: WordFilter;
  /** Readings already looked up, by date and surface form (see `candidatesFor`). */
  readonly candidateCache: Map<string, Candidates>;
}

interface RegionHit {
  readonly row: RegionRow;
  /** An abbreviation ("Pa.", "Tex."): only after "City, ". */
  readonly abbreviation: boolean;
}

/**
 * What `findPlaces` reads: the knowledge base, the place data and (lazily) the gazetteer.
 * Holds no state a stage could change; the lazy index is immutable once built.
 */
export interface PlaceContext {
  readonly kb: Kb;
  readonly data: PlaceData;
  /** States by kb id and by ISO alpha-2 (several for one ISO2 across history). */
  readonly statesById: ReadonlyMap<string, StateInfo>;
  readonly statesByIso2: ReadonlyMap<string, readonly StateInfo[]>;
  readonly statesByCode: ReadonlyMap<string, StateInfo>;
  index(): PlaceIndex;
}

/** Reads the place data and the states' ISO codes now; the gazetteer on first use. */
export function createPlaceContext(options: {
  readonly kb: Kb;
  readonly placesDir?: string;
  readonly gazetteerPath?: string;
  readonly statesFile?: string;
}): PlaceContext {
  const data = loadPlaceData(options.placesDir);
  const statesFile = options.statesFile ?? path.join(defaultKbPaths().sourceDir, 'states.jsonl');
  const statesById = new Map<string, StateInfo>();
  const statesByIso2 = new Map<string, StateInfo[]>();
  const statesByCode = new Map<string, StateInfo>();
  for (const line of readFileSync(statesFile, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const e = JSON.parse(line) as {
      id: string;
      name: string;
      code: string;
      type: string;
      iso2?: string;
      until?: string | null;
    };
    const info: StateInfo = {
      id: e.id,
      name: e.name,
      code: e.code.slice(0, 3),
      iso2: e.iso2 ?? null,
      type: e.type,
      until: e.until ?? null,
    };
    statesById.set(info.id, info);
    if (info.iso2 !== null) {
      const list = statesByIso2.get(info.iso2) ?? [];
      list.push(info);
      statesByIso2.set(info.iso2, list);
    }
    // The country itself (not a territory sharing its code) names the code.
    if (e.type === 'COUNTRY' && e.code.length === 3 && !statesByCode.has(info.code)) {
      statesByCode.set(info.code, info);
    }
  }
  let built: PlaceIndex | null = null;
  const gazetteerOptions =
    options.gazetteerPath === undefined ? {} : { path: options.gazetteerPath };
  return Object.freeze({
    kb: options.kb,
    data,
    statesById,
    statesByIso2,
    statesByCode,
    index: () => (built ??= buildIndex(data, options.kb, loadGazetteer(gazetteerOptions))),
  });
}

function buildIndex(data: PlaceData, kb: Kb, gazetteer: Gazetteer): PlaceIndex {
  const stateKeys = new Set<string>();
  for (const [key, refs] of Object.entries(kb.compiled.names)) {
    const named = refs.some(
      (r) =>
        (r[1] === 'name' || r[1] === 'alias') && STATE_TYPES.has(kb.compiled.entries[r[0]]!.type),
    );
    if (named) stateKeys.add(foldName(key));
  }
  const regionsByKey = new Map<string, RegionHit[]>();
  const regionByCode = new Map<string, RegionRow>();
  const add = (form: string, row: RegionRow, abbreviation: boolean): void => {
    const key = foldName(form);
    const list = regionsByKey.get(key) ?? [];
    list.push({ row, abbreviation });
    regionsByKey.set(key, list);
  };
  for (const row of data.regions) {
    regionByCode.set(`${row.country}.${row.admin}`, row);
    add(row.name, row, false);
    for (const a of row.aliases) add(a, row, a.endsWith('.'));
  }
  const g = gazetteer.data;
  const aliasRows = new Map<string, number[]>();
  for (const a of data.cityAliases) {
    const row = gazetteer.byName(foldName(a.name)).find((r) => g.country[r] === a.country);
    if (row === undefined) continue;
    const key = foldName(a.alias);
    aliasRows.set(key, [...(aliasRows.get(key) ?? []), row]);
  }
  const centres = new Map<string, { lat: number; lon: number }>();
  for (const [key, [lat, lon]] of Object.entries(g.centres)) centres.set(key, { lat, lon });
  const keys = new Set<string>([
    ...stateKeys,
    ...regionsByKey.keys(),
    ...aliasRows.keys(),
    ...g.key,
  ]);
  const prefixes = new Set<string>();
  for (const key of keys) {
    for (let at = 1; at < key.length; at++) {
      if (/[\p{L}\p{N}]/u.test(key[at]!)) continue;
      prefixes.add(key.slice(0, at));
      prefixes.add(key.slice(0, at + 1).trimEnd());
    }
  }
  const heads = new Map<string, number>();
  for (const key of keys) heads.set(key, IS_KEY);
  for (const p of prefixes) heads.set(p, (heads.get(p) ?? 0) | IS_PREFIX);
  return {
    gazetteer,
    regionsByKey,
    regionByCode,
    aliasRows,
    stateKeys,
    centres,
    keys,
    prefixes,
    heads,
    headFilter: WordFilter.of(heads.keys()),
    candidateCache: new Map(),
  };
}

/** What `findPlaces` reads of a document: the analysis and the resolved actors. */
export interface PlaceInput {
  readonly text: string;
  readonly date: string | null;
  readonly sentences: readonly Sentence[];
  readonly tokens: TokenTable;
  readonly entities: readonly Entity[];
}

type Kind = Place['kind'];

interface Candidate {
  readonly kind: Kind;
  readonly iso2: string | null;
  /** CAMEO country code. */
  readonly country: string | null;
  readonly admin: string | null;
  readonly name: string;
  readonly id: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly prior: number;
  readonly population: number;
  readonly capital: boolean;
  readonly abbreviation: boolean;
}

interface Mention {
  readonly first: number;
  /** Exclusive token index. */
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  candidates: readonly Candidate[];
  /** Only gazetteer cities, too small or too common to count without its region. */
  readonly weak: boolean;
  /** The kb says this name is the seat of that state's government ("Paris" → FRA). */
  readonly seatOf: string | null;
  chosen: Candidate | null;
  how: string;
  /** The other half of a "City, Region" apposition. */
  pair?: Mention;
}

/** Entity types that may cover a place; any other overlapping entity vetoes it. */
const PLACE_ENTITY_TYPES: ReadonlySet<string> = new Set([
  'COUNTRY',
  'TERRITORY',
  'CITY',
  'REGION',
  'LOCATION',
  'UNKNOWN',
  'AGENT',
]);

const STATE_TYPES: ReadonlySet<string> = new Set(['COUNTRY', 'TERRITORY', 'HISTORIC_STATE']);

const PRIOR = { country: 40, region: 28 } as const;
/** A capital counts as a capital (+8) from this many people: Victoria, Seychelles does not. */
const CAPITAL_POPULATION = 100_000;
/**
 * Country-level context and actors may pick a town only when it has at least this share of
 * the largest town of the name: "Moscow" in a sentence about the US is still Russia's.
 */
const COMPARABLE = 1 / 20;
const STRONG_POPULATION = 100_000;
const LOCATIVE_POPULATION = 10_000;
const MAX_NAME_TOKENS = 6;

/**
 * Every place mention of the document, in text order, each with the reading chosen and why.
 * Spans are `[start, end)` offsets into `text`.
 */
export function findPlaces(ctx: PlaceContext, input: PlaceInput): Place[] {
  const { text, tokens } = input;
  const n = tokens.pos.length;
  if (n === 0) return [];
  const idx = ctx.index();
  const blocked = notPlaceRanges(ctx.data, text);
  const tokenText = (i: number): string => text.slice(tokens.starts[i], tokens.ends[i]);
  const isCap = (i: number): boolean => {
    const at = tokens.starts[i]!;
    const c = text.charCodeAt(at);
    if (c < 128) return c >= 65 && c <= 90; // ASCII, most tokens: no slice, no regex
    return /^\p{Lu}/u.test(text.slice(at, at + 2));
  };
  const mentions: Mention[] = [];

  let i = 0;
  while (i < n) {
    const s = tokens.sentence[i]!;
    if (!isCap(i) || blocked(tokens.starts[i]!, tokens.ends[i]!)) {
      i++;
      continue;
    }
    const m = matchAt(ctx, idx, input, i, s, tokenText, isCap);
    if (
      m === null ||
      blocked(m.start, m.end) ||
      vetoedByEntity(input.entities, text, m.start, m.end)
    ) {
      i++;
      continue;
    }
    if (partOfLongerName(ctx, idx, input, m.first, m.last, tokenText, isCap)) {
      i = m.last;
      continue;
    }
    mentions.push(m);
    i = m.last;
  }

  applyAppositions(mentions, tokens, text, tokenText);
  // Drop weak gazetteer-only names, and abbreviations, that no apposition confirmed.
  const kept = mentions.filter((m) => {
    if (m.chosen !== null) return true;
    m.candidates = m.candidates.filter((c) => !c.abbreviation);
    if (m.candidates.length === 0) return false;
    if (m.weak) {
      const locative = m.first > 0 && ctx.data.locatives.has(tokens.normal[m.first - 1] ?? '');
      const big = m.candidates.filter(
        (c) => c.population >= (locative ? LOCATIVE_POPULATION : STRONG_POPULATION),
      );
      // one reading big enough makes the name a place; context then picks among them all
      if (big.length === 0 || ctx.data.notPlaceWords.has(tokenText(m.first))) return false;
    }
    return true;
  });

  decide(ctx, kept, input);
  return kept.map((m) => toPlace(m, text, idx));
}

/** Character ranges of the `not-place-name` entries found in the text (matched as written). */
function notPlaceRanges(data: PlaceData, text: string): (start: number, end: number) => boolean {
  const ranges: [number, number][] = [];
  for (const name of data.notPlaceNames) {
    let at = text.indexOf(name);
    while (at >= 0) {
      const before = at === 0 ? '' : text[at - 1]!;
      const after = text[at + name.length] ?? '';
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) {
        ranges.push([at, at + name.length]);
      }
      at = text.indexOf(name, at + 1);
    }
  }
  if (ranges.length === 0) return NOTHING_BLOCKED;
  return (start, end) => ranges.some(([a, b]) => start < b && a < end);
}

const NOTHING_BLOCKED = (): boolean => false;

/**
 * An entity that is no place covers the span ("The Washington Post", "Paris Hilton"). A
 * title's "of" place stays a place: "King Abdullah of Jordan".
 */
function vetoedByEntity(
  entities: readonly Entity[],
  text: string,
  start: number,
  end: number,
): boolean {
  for (const e of entities) {
    if (e.end <= start || e.start >= end) continue;
    if (PLACE_ENTITY_TYPES.has(e.type)) continue;
    if (e.type === 'ORG' && e.how === 'metonymy') continue;
    if (e.type === 'PERSON' && /\sof\s+$/.test(text.slice(e.start, start))) continue;
    return true;
  }
  return false;
}

/** An entity that speaks for a state as an actor, not as a place: "Australian", "Chile's president". */
function actorCountry(e: Entity): string | null {
  if (PLACE_ENTITY_TYPES.has(e.type) && e.type !== 'AGENT' && e.how !== 'demonym') return null;
  return e.code?.slice(0, 3) ?? null;
}

/** The longest place name starting at token `i`, with its candidates. */
function matchAt(
  ctx: PlaceContext,
  idx: PlaceIndex,
  input: PlaceInput,
  i: number,
  sentence: number,
  tokenText: (i: number) => string,
  isCap: (i: number) => boolean,
): Mention | null {
  const { tokens, text } = input;
  // Most capitalised words begin no place name: one look-up settles them. The shared
  // lower-case form is the folded name of a plain ASCII word, usually wink's own string.
  const words = tokenWords(text, tokens);
  const lower = words.lower[i]!;
  let flags: number | undefined;
  if (NOT_ASCII.test(lower)) flags = idx.heads.get(foldName(tokenText(i)));
  else if (idx.headFilter.mayHave(words.lowerHash[i]!)) flags = idx.heads.get(lower);
  if (flags === undefined) return null;
  const s = sentence;
  let limit = i + 1;
  while (
    limit < tokens.pos.length &&
    limit - i < MAX_NAME_TOKENS &&
    tokens.sentence[limit] === s &&
    (isCap(limit) || ctx.data.connectors.has(tokenText(limit)) || tokenText(limit) === '-')
  ) {
    limit++;
  }
  // Spans that name something, shortest first; a span no name begins with ends the run.
  const named: number[] = [];
  const start = tokens.starts[i]!;
  // the first word's flags are known: its folded form is the head looked up above
  if ((flags & IS_KEY) !== 0) named.push(i + 1);
  if ((flags & IS_PREFIX) !== 0) {
    for (let j = i + 2; j <= limit; j++) {
      const key = foldName(text.slice(start, tokens.ends[j - 1]));
      if (idx.keys.has(key)) named.push(j);
      if (!idx.prefixes.has(key)) break;
    }
  }
  for (let k = named.length - 1; k >= 0; k--) {
    const j = named[k]!;
    if (!isCap(j - 1)) continue;
    const end = tokens.ends[j - 1]!;
    const surface = text.slice(start, end);
    const candidates = candidatesFor(ctx, idx, input, surface);
    if (candidates.list.length === 0) continue;
    return {
      first: i,
      last: j,
      start,
      end,
      sentence,
      candidates: candidates.list,
      weak: candidates.weak,
      seatOf: seatOf(ctx, input.entities, start, end),
      chosen: null,
      how: '',
    };
  }
  return null;
}

function seatOf(
  ctx: PlaceContext,
  entities: readonly Entity[],
  start: number,
  end: number,
): string | null {
  for (const e of entities) {
    if (e.start !== start || e.end !== end || e.kbId === null) continue;
    if (e.how !== 'metonymy' && e.how !== 'location') continue;
    return ctx.statesById.get(e.kbId)?.code ?? null;
  }
  return null;
}

type Candidates = { readonly list: readonly Candidate[]; readonly weak: boolean };

/**
 * The readings of a surface form depend only on the form, the date (which states exist) and
 * the loaded data, and news names the same places again and again ("U.S.", "Tokyo"): the
 * readings are kept per index, keyed by date and form, and read back frozen. The cache is
 * emptied when it reaches `CANDIDATE_CACHE_SIZE` entries, so memory stays bounded.
 */
const CANDIDATE_CACHE_SIZE = 20_000;

function candidatesFor(
  ctx: PlaceContext,
  idx: PlaceIndex,
  input: PlaceInput,
  surface: string,
): Candidates {
  const key = `${input.date ?? ''}\t${surface}`;
  let found = idx.candidateCache.get(key);
  if (found === undefined) {
    if (idx.candidateCache.size >= CANDIDATE_CACHE_SIZE) idx.candidateCache.clear();
    found = lookUpCandidates(ctx, idx, input, surface);
    for (const c of found.list) Object.freeze(c);
    idx.candidateCache.set(
      key,
      Object.freeze({ list: Object.freeze(found.list), weak: found.weak }),
    );
  }
  return found;
}

function lookUpCandidates(
  ctx: PlaceContext,
  idx: PlaceIndex,
  input: PlaceInput,
  surface: string,
): { list: Candidate[]; weak: boolean } {
  const key = foldName(surface);
  const list: Candidate[] = [];
  if (!idx.keys.has(key)) return { list, weak: false };
  const allCaps = surface.length > 1 && surface === surface.toUpperCase();
  // Countries: the knowledge base's state names and aliases, case rules included.
  const seen = new Set<string>();
  for (const ref of idx.stateKeys.has(key) ? ctx.kb.lookup(surface) : []) {
    // names and aliases only: a demonym ("Russian") is no place, a seat is a city below
    if (ref[1] !== 'name' && ref[1] !== 'alias') continue;
    const entry = ctx.kb.compiled.entries[ref[0]] as CompiledEntry;
    if (!STATE_TYPES.has(entry.type) || seen.has(entry.id)) continue;
    if (input.date !== null && ctx.kb.codeOn(entry, input.date) === null) continue;
    seen.add(entry.id);
    const info = ctx.statesById.get(entry.id);
    const code = (entry.code ?? info?.code ?? '').slice(0, 3);
    const iso2 = info?.iso2 ?? ctx.statesByCode.get(code)?.iso2 ?? null;
    const centre = iso2 === null ? undefined : idx.centres.get(iso2);
    list.push({
      kind: 'country',
      iso2,
      country: code || null,
      admin: null,
      name: entry.name,
      id: entry.id,
      lat: centre?.lat ?? null,
      lon: centre?.lon ?? null,
      prior: PRIOR.country,
      population: Infinity,
      capital: false,
      abbreviation: false,
    });
  }
  if (allCaps) return { list, weak: false };
  for (const hit of idx.regionsByKey.get(key) ?? []) {
    const { row } = hit;
    if (!hit.abbreviation && surface !== row.name && !row.aliases.includes(surface)) continue;
    const centre = idx.centres.get(`${row.country}.${row.admin}`);
    list.push({
      kind: 'region',
      iso2: row.country,
      country: countryOfIso2(ctx, row.country, input.date),
      admin: row.admin,
      name: row.name,
      id: `${row.country}.${row.admin}`,
      lat: centre?.lat ?? null,
      lon: centre?.lon ?? null,
      prior: PRIOR.region,
      population: 0,
      capital: false,
      abbreviation: hit.abbreviation,
    });
  }
  const g = idx.gazetteer.data;
  const aliasRows = idx.aliasRows.get(key) ?? [];
  const rows = [...aliasRows, ...idx.gazetteer.byName(key).filter((r) => !aliasRows.includes(r))];
  for (const r of rows.slice(0, 12)) {
    const pop = g.population[r]!;
    const capital = g.feature[r] === 'PPLC';
    const alias = aliasRows.includes(r);
    list.push({
      kind: 'city',
      iso2: g.country[r]!,
      country: countryOfIso2(ctx, g.country[r]!, input.date),
      admin: g.admin[r]!,
      name: g.name[r]!,
      id: `geonames:${g.id[r]!}`,
      lat: g.lat[r]!,
      lon: g.lon[r]!,
      prior:
        10 +
        3 * Math.log10(pop + 1) +
        (capital && pop >= CAPITAL_POPULATION ? 8 : g.feature[r] === 'PPLA' ? 1 : 0) +
        (alias ? 5 : 0),
      population: pop,
      capital,
      abbreviation: false,
    });
  }
  const weak =
    list.every((c) => c.kind === 'city') && !list.some((c) => c.capital || aliasRows.length > 0);
  return { list, weak };
}

/** The CAMEO country code for an ISO alpha-2 on the date (Serbia, not Czechoslovakia, for CS today). */
function countryOfIso2(ctx: PlaceContext, iso2: string, date: string | null): string | null {
  const states = ctx.statesByIso2.get(iso2);
  if (states === undefined) return null;
  const live =
    date === null
      ? states.find((s) => s.until === null)
      : states.find((s) => s.until === null || s.until >= date);
  return (live ?? states[0]!).code;
}

/**
 * "Michael Jordan", "Jordan Peterson", "Kabul University": a place name glued to another
 * proper noun is part of a longer name. A lead word ("Northern") or a place does not count.
 */
function partOfLongerName(
  ctx: PlaceContext,
  idx: PlaceIndex,
  input: PlaceInput,
  first: number,
  last: number,
  tokenText: (i: number) => string,
  isCap: (i: number) => boolean,
): boolean {
  const { tokens } = input;
  const s = tokens.sentence[first];
  const properName = (k: number): boolean =>
    k >= 0 &&
    k < tokens.pos.length &&
    tokens.sentence[k] === s &&
    isCap(k) &&
    tokens.pos[k] === 'PROPN' &&
    !ctx.data.leads.has(tokenText(k)) &&
    !isRoleWord(ctx, tokenText(k)) &&
    !isPlaceWord(ctx, idx, tokenText(k));
  const glued = (a: number, b: number): boolean => tokens.ends[a]! === tokens.starts[b]! - 1;
  return (
    (properName(first - 1) && glued(first - 1, first)) ||
    (properName(last) && glued(last - 1, last))
  );
}

/** A role noun of the knowledge base ("Mayor", "Governor"): "Kyiv Mayor ..." keeps Kyiv a place. */
function isRoleWord(ctx: PlaceContext, word: string): boolean {
  return ctx.kb.lookup(word.toLowerCase()).some((r) => r[1] === 'term');
}

function isPlaceWord(ctx: PlaceContext, idx: PlaceIndex, word: string): boolean {
  const key = foldName(word);
  return (
    ctx.kb
      .lookup(word)
      .some((r) => r[1] !== 'demonym' && STATE_TYPES.has(ctx.kb.compiled.entries[r[0]]!.type)) ||
    idx.regionsByKey.has(key) ||
    idx.aliasRows.has(key) ||
    idx.gazetteer.byName(key).some((r) => idx.gazetteer.data.population[r]! >= STRONG_POPULATION)
  );
}

/**
 * "Paris, Texas", "Lebanon, Pennsylvania", "London, Ontario", "Kingston, Jamaica": a city
 * followed by a comma and its region or country takes the city inside it, and the second
 * name takes the reading that contains the city ("Atlanta, Georgia" is the state).
 */
function applyAppositions(
  mentions: Mention[],
  tokens: TokenTable,
  text: string,
  tokenText: (i: number) => string,
): void {
  for (let k = 0; k + 1 < mentions.length; k++) {
    const a = mentions[k]!;
    const b = mentions[k + 1]!;
    if (a.chosen !== null || b.first !== a.last + 1 || tokenText(a.last) !== ',') continue;
    if (tokens.sentence[a.first] !== tokens.sentence[b.first]) continue;
    let best: { city: Candidate; area: Candidate } | null = null;
    for (const area of b.candidates) {
      if (area.kind === 'city') continue;
      for (const city of a.candidates) {
        if (city.kind !== 'city' || city.iso2 !== area.iso2) continue;
        if (area.kind === 'region' && city.admin !== area.admin) continue;
        if (best === null || city.population > best.city.population) best = { city, area };
      }
    }
    if (best === null) continue;
    const bText = text.slice(b.start, b.end).replace(/\s+/g, ' ');
    a.chosen = best.city;
    a.how = `apposition: ${best.area.kind === 'country' ? best.area.name : bText}`;
    b.chosen = best.area;
    a.pair = b;
    b.pair = a;
    b.how = `context: ${text.slice(a.start, a.end).replace(/\s+/g, ' ')}, ${bText}`;
    k++;
  }
}

interface Evidence {
  /** ISO2 → text of the unambiguous place or actor that gave it. */
  readonly countries: Map<string, string>;
  /** `ISO2.admin` → text. */
  readonly regions: Map<string, string>;
}

/** Scores every candidate of the undecided mentions against its sentence and document. */
function decide(ctx: PlaceContext, mentions: Mention[], input: PlaceInput): void {
  const { text } = input;
  const slice = (m: Mention): string => text.slice(m.start, m.end);
  const sentencePlaces = new Map<number, { m: Mention; ev: Evidence }[]>();
  const docPlaces = new Map<string, number>();
  let docPlaceTotal = 0;
  for (const m of mentions) {
    const ev = evidenceOf(m);
    if (ev === null) continue;
    const list = sentencePlaces.get(m.sentence) ?? [];
    list.push({ m, ev });
    sentencePlaces.set(m.sentence, list);
    for (const iso2 of ev.countries.keys()) docPlaces.set(iso2, (docPlaces.get(iso2) ?? 0) + 1);
    docPlaceTotal++;
  }
  // Actors with a state code: "Libyan forces" make Tripoli Libyan.
  const sentenceActors = new Map<number, Entity[]>();
  const docActors = new Map<string, number>();
  let docActorTotal = 0;
  for (const e of input.entities) {
    const iso2 = isoOfActor(ctx, e);
    if (iso2 === null) continue;
    const s = sentenceOfSpan(input.sentences, e.start);
    sentenceActors.set(s, [...(sentenceActors.get(s) ?? []), e]);
    docActors.set(iso2, (docActors.get(iso2) ?? 0) + 1);
    docActorTotal++;
  }

  const ownEvidence = new Map<Mention, string>();
  for (const list of sentencePlaces.values()) {
    for (const { m, ev } of list) ownEvidence.set(m, [...ev.countries.keys()][0]!);
  }

  for (const m of mentions) {
    if (m.chosen !== null) continue;
    const own = ownEvidence.get(m) ?? null;
    const hasCountry = m.candidates.some((c) => c.kind === 'country');
    // another mention of the same name is no evidence: "Paris, Texas ... officials in Paris"
    const name = foldName(slice(m));
    const others = (sentencePlaces.get(m.sentence) ?? []).filter(
      (o) =>
        o.m !== m && foldName(slice(o.m)) !== name && foldName(slice(o.m.pair ?? o.m)) !== name,
    );
    // the mention's own entity ("Lisbon" as Portugal's government) is no context for it
    const actors = (sentenceActors.get(m.sentence) ?? []).filter(
      (e) => e.end <= m.start || e.start >= m.end,
    );
    const largest = Math.max(
      0,
      ...m.candidates.filter((c) => c.kind === 'city').map((c) => c.population),
    );
    let best: { c: Candidate; score: number; why: (() => string) | null } | null = null;
    for (const c of m.candidates) {
      let score = c.prior;
      let why: (() => string) | null = null;
      let weight = 0;
      // the reason is written only for the strongest evidence, not for every candidate
      const note = (w: number, reason: () => string): void => {
        score += w;
        if (w > weight) {
          weight = w;
          why = reason;
        }
      };
      if (c.kind === 'city' && m.seatOf !== null && c.country === m.seatOf && c.capital) {
        note(4, () => `capital of ${c.country}`);
      }
      if (c.kind !== 'country' && c.iso2 !== null) {
        const region = others.find((o) => o.ev.regions.has(`${c.iso2}.${c.admin}`));
        if (region !== undefined)
          note(40, () => `context: ${oneLine(slice(region.m))} in the same sentence`);
        // A country's name ("Lebanon", "Georgia") yields to a town only with the town's
        // region in the sentence, and to a region only with places, never actors, nearby.
        const comparable = c.kind !== 'city' || c.population >= largest * COMPARABLE;
        if (!(c.kind === 'city' && hasCountry) && comparable) {
          const country = others.find((o) => o.ev.countries.has(c.iso2!));
          if (country !== undefined)
            note(30, () => `context: ${oneLine(slice(country.m))} in the same sentence`);
          // the document's other places: this mention's own reading does not vote for itself
          const self = own === null ? 0 : 1;
          const total = docPlaceTotal - self;
          const share =
            total <= 0 ? 0 : ((docPlaces.get(c.iso2) ?? 0) - (own === c.iso2 ? 1 : 0)) / total;
          if (share > 0) note(25 * share, () => `context: document focus ${c.country ?? c.iso2}`);
        }
        if (!hasCountry && comparable) {
          const actor = actors.find((e) => isoOfActor(ctx, e) === c.iso2);
          if (actor !== undefined)
            note(12, () => `context: ${oneLine(actor.text)} in the same sentence`);
          const actorShare = docActorTotal > 0 ? (docActors.get(c.iso2) ?? 0) / docActorTotal : 0;
          if (actorShare > 0) {
            note(8 * actorShare, () => `context: document focus ${c.country ?? c.iso2}`);
          }
        }
      }
      if (best === null || score > best.score) best = { c, score, why };
    }
    if (best === null) continue;
    m.chosen = best.c;
    // with one reading, context decided nothing
    m.how =
      m.candidates.length === 1
        ? priorReason(best.c, m.candidates)
        : (best.why?.() ?? priorReason(best.c, m.candidates));
  }
}

function isoOfActor(ctx: PlaceContext, e: Entity): string | null {
  const code = actorCountry(e);
  return code === null ? null : (ctx.statesByCode.get(code)?.iso2 ?? null);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

function priorReason(c: Candidate, all: readonly Candidate[]): string {
  if (c.kind === 'country')
    return all.length > 1 ? 'country name before other readings' : 'country name';
  if (c.kind === 'region')
    return all.length > 1 ? `region of ${c.country ?? c.iso2}` : 'region name';
  if (c.capital) return `capital of ${c.country ?? c.iso2}`;
  return all.length > 1 ? 'largest population' : 'only match';
}

/** What an unambiguous (or already decided) mention tells about its sentence. */
function evidenceOf(m: Mention): Evidence | null {
  const cands = m.chosen === null ? m.candidates : [m.chosen];
  const iso = new Set(cands.map((c) => c.iso2));
  if (iso.size !== 1 || cands[0]!.iso2 === null) return null;
  const iso2 = cands[0]!.iso2;
  const countries = new Map([[iso2, '']]);
  const admins = new Set(cands.map((c) => c.admin));
  const regions = new Map<string, string>();
  if (admins.size === 1 && cands[0]!.admin !== null) regions.set(`${iso2}.${cands[0]!.admin}`, '');
  return { countries, regions };
}

function sentenceOfSpan(sentences: readonly Sentence[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s.index;
  }
  return -1;
}

function toPlace(m: Mention, text: string, idx: PlaceIndex): Place {
  const c = m.chosen!;
  const region =
    c.kind === 'country'
      ? null
      : c.kind === 'region'
        ? c.name
        : (idx.regionByCode.get(`${c.iso2}.${c.admin}`)?.name ?? `${c.iso2}.${c.admin}`);
  return {
    text: text.slice(m.start, m.end),
    start: m.start,
    end: m.end,
    sentence: m.sentence,
    name: c.name,
    kind: c.kind,
    country: c.country,
    region,
    lat: c.lat,
    lon: c.lon,
    gazetteerId: c.id,
    how: m.how,
  };
}

/**
 * The document's focus countries: CAMEO country codes ranked by mentions, places and
 * resolved actors together, at most `limit`, each with at least a quarter of the top count.
 */
export function focusCountries(
  ctx: PlaceContext,
  places: readonly Place[],
  entities: readonly Entity[],
  limit = 3,
): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  const count = (code: string | null, at: number): void => {
    if (code === null || !ctx.statesByCode.has(code)) return;
    const c = counts.get(code);
    if (c === undefined) counts.set(code, { n: 1, first: at });
    else c.n++;
  };
  for (const p of places) count(p.country, p.start);
  for (const e of entities) {
    // a place-like entity counts only through its place (none for "Michael Jordan")
    if (places.some((p) => p.start === e.start && p.end === e.end)) continue;
    count(actorCountry(e), e.start);
  }
  const ranked = [...counts].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first);
  const top = ranked[0]?.[1].n ?? 0;
  return ranked
    .filter(([, c]) => c.n * 4 >= top)
    .slice(0, limit)
    .map(([code]) => code);
}

/**
 * The lines `entente explain` shows for a document's places: each mention, the reading
 * chosen and why, then the focus countries.
 *
 * @example
 * formatPlaceLines(doc);
 * // ['places: 2', '  "Paris" → city Paris, Texas, USA (33.661, -95.556) geonames:4717560  [apposition: Texas]', ...]
 */
export function formatPlaceLines(doc: {
  readonly places?: readonly Place[];
  readonly focusCountries?: readonly string[];
}): string[] {
  if (doc.places === undefined) return [];
  const lines = [`places: ${doc.places.length}`];
  for (const p of doc.places) {
    const parts = [p.name, p.kind === 'city' ? p.region : null, p.country];
    const where = parts
      .filter((x, i): x is string => x !== null && parts.indexOf(x) === i)
      .join(', ');
    const at =
      p.lat === null || p.lon === null ? '' : ` (${p.lat.toFixed(3)}, ${p.lon.toFixed(3)})`;
    lines.push(`  "${p.text}" → ${p.kind} ${where}${at} ${p.gazetteerId ?? ''}  [${p.how}]`);
  }
  if (doc.focusCountries !== undefined) {
    lines.push(`focus countries: ${doc.focusCountries.join(', ') || '(none)'}`);
  }
  return lines;
}
