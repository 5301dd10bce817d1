/**
 * The place word lists in `dictionaries/places/` (format in dictionaries/README.md, "Places"):
 * first-level regions, English city aliases, and the words that decide what is a place. Read, validated
 * and frozen once per context; every problem is reported as `file:line: message`.
 *
 * @example
 * const data = loadPlaceData(); // throws PlaceDataError listing every bad line
 * data.regions.find((r) => r.name === 'Texas'); // { country: 'US', admin: 'TX', ... }
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EntenteError } from '../core/errors.js';

/** A first-level region: a US state, a Canadian province, a British nation ... */
export interface RegionRow {
  /** ISO 3166 alpha-2, as GeoNames writes it. */
  readonly country: string;
  /** GeoNames first-level admin code (`TX`, `08`, `ENG`). */
  readonly admin: string;
  readonly name: string;
  /** Other names; those ending in "." (abbreviations) only count after "City, ". */
  readonly aliases: readonly string[];
}

export interface CityAliasRow {
  readonly alias: string;
  /** The gazetteer's own name of the city. */
  readonly name: string;
  readonly country: string;
}

export interface PlaceData {
  readonly regions: readonly RegionRow[];
  readonly cityAliases: readonly CityAliasRow[];
  /** Names containing a place that are not places ("Washington Post"). */
  readonly notPlaceNames: readonly string[];
  /** Capitalised words never taken as a city from the gazetteer alone. */
  readonly notPlaceWords: ReadonlySet<string>;
  /** Capitalised words that may precede a place without joining it into a name. */
  readonly leads: ReadonlySet<string>;
  /** Prepositions that say where something happened ("in", "at"). */
  readonly locatives: ReadonlySet<string>;
  /** Lower-case words allowed inside a multi-word place name ("de", "of"). */
  readonly connectors: ReadonlySet<string>;
  /** Lower-case words between a locative and its place ("in the capital, Tehran"). */
  readonly fillers: ReadonlySet<string>;
  /** Lower-case words that start another clause after a comma ("who", "while"). */
  readonly clauseWords: ReadonlySet<string>;
}

/** One bad line of a place data file. */
export interface PlaceDataProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** The place data files have errors; `problems` lists each as `file:line: message`. */
export class PlaceDataError extends EntenteError {
  readonly problems: readonly PlaceDataProblem[];
  constructor(problems: readonly PlaceDataProblem[]) {
    super(
      `entente: invalid place data:\n${problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n')}`,
    );
    this.name = 'PlaceDataError';
    this.problems = problems;
  }
}

/** `dictionaries/places/`, found by walking up from this module (src/ or dist/src/). */
export function defaultPlacesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'dictionaries', 'places');
    if (existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return path.join(process.cwd(), 'dictionaries', 'places');
    dir = up;
  }
}

interface Row {
  readonly line: number;
  readonly cells: readonly string[];
}

/** Tab-separated rows after the header; `#` comment and blank lines skipped. */
function readTable(
  file: string,
  text: string,
  header: readonly string[],
  problems: PlaceDataProblem[],
): Row[] {
  const rows: Row[] = [];
  let seenHeader = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const cells = raw.split('\t');
    if (!seenHeader) {
      seenHeader = true;
      if (cells.join('\t') !== header.join('\t')) {
        problems.push({ file, line: i + 1, message: `header must be "${header.join('\\t')}"` });
      }
      continue;
    }
    if (cells.length !== header.length) {
      problems.push({
        file,
        line: i + 1,
        message: `expected ${header.length} tab-separated fields (${header.join(', ')}), got ${cells.length}`,
      });
      continue;
    }
    const blank = cells.findIndex((c) => c.trim() === '' || c !== c.trim());
    if (blank >= 0) {
      problems.push({
        file,
        line: i + 1,
        message: `field "${header[blank]}" is empty or has surrounding spaces`,
      });
      continue;
    }
    rows.push({ line: i + 1, cells });
  }
  if (!seenHeader) problems.push({ file, line: 1, message: 'missing header line' });
  return rows;
}

const ISO2 = /^[A-Z]{2}$/;
const ADMIN = /^[A-Z0-9]{1,6}$/;

/**
 * Parses the three files' texts (the loader reads them; tests pass strings). `files` maps a
 * file name to its text; a missing file is an error.
 */
export function parsePlaceData(files: Readonly<Record<string, string | undefined>>): PlaceData {
  const problems: PlaceDataProblem[] = [];
  const get = (name: string): string => {
    const t = files[name];
    if (t === undefined) problems.push({ file: name, line: 1, message: 'file is missing' });
    return t ?? '';
  };

  const regions: RegionRow[] = [];
  const regionKeys = new Map<string, number>();
  for (const { line, cells } of readTable(
    'regions.tsv',
    get('regions.tsv'),
    ['country', 'admin', 'name', 'aliases'],
    problems,
  )) {
    const [country, admin, name, aliasCell] = cells as [string, string, string, string];
    const at = (message: string): void =>
      void problems.push({ file: 'regions.tsv', line, message });
    if (!ISO2.test(country)) at(`country "${country}" is not an ISO 3166 alpha-2 code`);
    else if (!ADMIN.test(admin)) at(`admin "${admin}" is not a GeoNames admin code`);
    else if (!/^\p{Lu}/u.test(name)) at(`name "${name}" must start with a capital letter`);
    else {
      const key = `${country}-${admin}`;
      const prev = regionKeys.get(key);
      if (prev !== undefined) at(`region ${key} is already defined on line ${prev}`);
      else {
        regionKeys.set(key, line);
        const aliases = aliasCell === '-' ? [] : aliasCell.split(';').map((a) => a.trim());
        if (aliases.some((a) => a === '')) at('empty alias (two ";" in a row?)');
        else regions.push({ country, admin, name, aliases });
      }
    }
  }

  const cityAliases: CityAliasRow[] = [];
  const aliasSeen = new Map<string, number>();
  for (const { line, cells } of readTable(
    'city-aliases.tsv',
    get('city-aliases.tsv'),
    ['alias', 'name', 'country'],
    problems,
  )) {
    const [alias, name, country] = cells as [string, string, string];
    const at = (message: string): void =>
      void problems.push({ file: 'city-aliases.tsv', line, message });
    if (!ISO2.test(country)) at(`country "${country}" is not an ISO 3166 alpha-2 code`);
    else if (aliasSeen.has(`${alias}\t${country}`)) {
      at(
        `alias "${alias}" in ${country} is already listed on line ${aliasSeen.get(`${alias}\t${country}`)}`,
      );
    } else {
      aliasSeen.set(`${alias}\t${country}`, line);
      cityAliases.push({ alias, name, country });
    }
  }

  const notPlaceNames: string[] = [];
  const sets: Record<string, Set<string>> = {
    'not-place-word': new Set<string>(),
    lead: new Set<string>(),
    locative: new Set<string>(),
    connector: new Set<string>(),
    filler: new Set<string>(),
    clause: new Set<string>(),
  };
  const seen = new Map<string, number>();
  for (const { line, cells } of readTable(
    'words.tsv',
    get('words.tsv'),
    ['kind', 'text'],
    problems,
  )) {
    const [kind, text] = cells as [string, string];
    const at = (message: string): void => void problems.push({ file: 'words.tsv', line, message });
    const key = `${kind}\t${text}`;
    const lower =
      kind === 'locative' || kind === 'connector' || kind === 'filler' || kind === 'clause';
    if (kind !== 'not-place-name' && sets[kind] === undefined) {
      at(
        `kind "${kind}" must be one of not-place-name, not-place-word, lead, locative, connector, filler, clause`,
      );
    } else if (seen.has(key)) at(`"${text}" is already listed on line ${seen.get(key)}`);
    else if (kind !== 'not-place-name' && /\s/.test(text)) at(`a ${kind} is one word: "${text}"`);
    else if (lower && text !== text.toLowerCase())
      at(`a ${kind} is written in lower case: "${text}"`);
    else if (!lower && !/^\p{Lu}/u.test(text)) at(`"${text}" must start with a capital letter`);
    else {
      seen.set(key, line);
      if (kind === 'not-place-name') notPlaceNames.push(text);
      else sets[kind]!.add(text);
    }
  }

  if (problems.length > 0) {
    const order = (f: string): number => (PLACE_DATA_FILES as readonly string[]).indexOf(f);
    problems.sort((a, b) => order(a.file) - order(b.file) || a.line - b.line);
    throw new PlaceDataError(problems);
  }
  return Object.freeze({
    regions: Object.freeze(regions),
    cityAliases: Object.freeze(cityAliases),
    notPlaceNames: Object.freeze(notPlaceNames),
    notPlaceWords: sets['not-place-word']!,
    leads: sets.lead!,
    locatives: sets.locative!,
    connectors: sets.connector!,
    fillers: sets.filler!,
    clauseWords: sets.clause!,
  });
}

export const PLACE_DATA_FILES = ['regions.tsv', 'city-aliases.tsv', 'words.tsv'] as const;

/** Reads and validates `dictionaries/places/` (or `dir`). */
export function loadPlaceData(dir: string = defaultPlacesDir()): PlaceData {
  const files: Record<string, string | undefined> = {};
  for (const name of PLACE_DATA_FILES) {
    const p = path.join(dir, name);
    files[name] = existsSync(p) ? readFileSync(p, 'utf8') : undefined;
  }
  return parsePlaceData(files);
}
