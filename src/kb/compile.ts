import type { z } from 'zod';
import type { datedCode, KbEntry } from './schema.js';

type DatedCode = z.infer<typeof datedCode>;

/**
 * The compiled knowledge base: what the actor resolver loads. Everything in it is plain
 * JSON (it is written to `dictionaries/kb.compiled.json`), dates are day numbers
 * (`20240319`) so comparisons are integer comparisons, and surface forms are indexed by
 * `surfaceKey` so a lookup is one property read.
 */

/** Format tag written into every compiled file; bump it when the shape changes. */
export const COMPILED_KB_FORMAT = 'entente-kb/1';

/** How a surface form relates to its entry: the resolver treats a seat as `<code>GOV`. */
export type NameKind = 'name' | 'alias' | 'demonym' | 'seat' | 'term';

/**
 * One index hit: `[entry index, kind, exact form]`. `form` is null when the form may match
 * in any case (it was written all lower case); otherwise the text must equal `form` after
 * `surfaceForm` folding, so "US" does not match "us".
 *
 * @example
 * const [entry, kind] = kb.names['kremlin']![0]!; // kind === 'seat'
 */
export type NameRef = readonly [entry: number, kind: NameKind, form: string | null];

/**
 * A code with its validity as inclusive day numbers (null = open end).
 *
 * @example
 * const c: CompiledCode = { code: 'IRNGOV', from: 20210803, until: 20240519, title: 'President' };
 */
export interface CompiledCode {
  readonly code: string;
  readonly from: number | null;
  readonly until: number | null;
  readonly title: string | null;
}

/**
 * One entry, flattened across entry types so the resolver reads the same fields for all.
 *
 * @example
 * if (entry.type === 'PERSON' && entry.died !== null) console.log(`${entry.name} died ${entry.died}`);
 */
export interface CompiledEntry {
  readonly id: string;
  readonly type: KbEntry['type'];
  readonly name: string;
  /** The entry's own code: states, aliases and regions (a region may have none); null for others. */
  readonly code: string | null;
  /** Country code of a person or organisation; a state's own code root. */
  readonly country: string | null;
  /** Sector of a role noun (GOV, MIL ...); null for other entries. */
  readonly sector: string | null;
  /** True for role nouns naming a single office holder ("president"). */
  readonly office: boolean;
  /** Existence interval of a state (inclusive day numbers). */
  readonly from: number | null;
  readonly until: number | null;
  /** Persons only: first possible day of birth and last possible day of death. */
  readonly born: number | null;
  readonly died: number | null;
  /** Organisation codes or person roles, date-bounded. */
  readonly codes: readonly CompiledCode[];
  /** Region codes a state belongs to. */
  readonly regions: readonly string[];
  readonly wikidata: string | null;
}

/**
 * A source file's digest, stored in the compiled file so a loader can tell whether the
 * compiled KB still matches the sources.
 *
 * @example
 * const d: KbFileDigest = { path: 'people/iran.jsonl', sha1: '3f2a...' };
 */
export interface KbFileDigest {
  /** Path relative to the source directory, with `/` separators. */
  readonly path: string;
  readonly sha1: string;
}

/**
 * The whole compiled KB.
 *
 * @example
 * const refs = lookupSurface(kb, 'Tehran'); // [[12, 'seat', 'Tehran']]
 * const iran = kb.entries[refs[0]![0]]!;
 */
export interface CompiledKb {
  readonly format: typeof COMPILED_KB_FORMAT;
  readonly sources: readonly KbFileDigest[];
  readonly entries: readonly CompiledEntry[];
  /** `surfaceKey(form)` -> hits. A null-prototype object: read it with `lookupSurface`. */
  readonly names: Readonly<Record<string, readonly NameRef[]>>;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when `date` is YYYY, YYYY-MM or YYYY-MM-DD and names a real calendar day or month. */
export function isKbDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

/**
 * A KB date as an inclusive day number. A partial date covers a whole month or year, so
 * `edge` picks its first day (for `from`, `born`) or its last day (for `until`, `died`):
 * dayNumber('2024-05', 'end') === 20240531.
 */
export function dayNumber(date: string, edge: 'start' | 'end'): number {
  const m = DATE.exec(date);
  if (!m || !isKbDate(date)) throw new RangeError(`entente: invalid knowledge-base date "${date}"`);
  const year = Number(m[1]);
  const month = m[2] === undefined ? (edge === 'start' ? 1 : 12) : Number(m[2]);
  const day = m[3] === undefined ? (edge === 'start' ? 1 : daysInMonth(year, month)) : Number(m[3]);
  return year * 10000 + month * 100 + day;
}

function optionalDay(date: string | null | undefined, edge: 'start' | 'end'): number | null {
  return date === null || date === undefined ? null : dayNumber(date, edge);
}

const QUOTES = /[\u2018\u2019\u201A\u201B\u02BB\u02BC\u0060\u00B4\u2032]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;

/**
 * A surface form folded the way the index folds it, case kept: NFC, diacritics removed,
 * typographic quotes and dashes made ASCII, whitespace collapsed. News spells "Élysée",
 * "Elysee" and "Côte d’Ivoire" in all these ways, so one folded form covers them.
 */
export function surfaceForm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/\s+/gu, ' ')
    .trim()
    .normalize('NFC');
}

/** The index key of a surface form: `surfaceForm` lower-cased. */
export function surfaceKey(text: string): string {
  return surfaceForm(text).toLowerCase();
}

/** A form that carries capitals must match case-sensitively (schema rule), others in any case. */
function exactForm(form: string): string | null {
  const folded = surfaceForm(form);
  return folded === folded.toLowerCase() ? null : folded;
}

/** Every surface form an entry can be written as, with its kind, in index priority order. */
export function surfaceForms(entry: KbEntry): Array<{ form: string; kind: NameKind }> {
  const out: Array<{ form: string; kind: NameKind }> = [];
  const add = (forms: readonly string[], kind: NameKind): void => {
    for (const form of forms) out.push({ form, kind });
  };
  switch (entry.type) {
    case 'ROLE':
      add(entry.terms, 'term');
      break;
    case 'COUNTRY':
    case 'TERRITORY':
    case 'HISTORIC_STATE':
      add([entry.name], 'name');
      add(entry.aliases, 'alias');
      add(entry.seats, 'seat');
      add(entry.demonyms, 'demonym');
      break;
    case 'REGION':
      add([entry.name], 'name');
      add(entry.aliases, 'alias');
      add(entry.demonyms, 'demonym');
      break;
    default:
      add([entry.name], 'name');
      add(entry.aliases, 'alias');
  }
  return out;
}

function compileCodes(codes: readonly DatedCode[]): CompiledCode[] {
  return codes.map((c) => ({
    code: c.code,
    from: optionalDay(c.from, 'start'),
    until: optionalDay(c.until, 'end'),
    title: c.title ?? null,
  }));
}

function compileEntry(entry: KbEntry): CompiledEntry {
  const blank = {
    code: null,
    country: null,
    sector: null,
    office: false,
    from: null,
    until: null,
    born: null,
    died: null,
    codes: [] as CompiledCode[],
    regions: [] as string[],
  };
  switch (entry.type) {
    case 'ROLE':
      return {
        ...blank,
        id: entry.id,
        type: entry.type,
        name: entry.terms[0]!,
        sector: entry.sector,
        office: entry.office,
        wikidata: null,
      };
    case 'COUNTRY':
    case 'TERRITORY':
    case 'HISTORIC_STATE':
      return {
        ...blank,
        id: entry.id,
        type: entry.type,
        name: entry.name,
        code: entry.code,
        country: entry.code.slice(0, 3),
        from: optionalDay(entry.from, 'start'),
        until: optionalDay(entry.until, 'end'),
        regions: [...entry.regions],
        wikidata: entry.wikidata ?? null,
      };
    case 'REGION':
    case 'ALIAS':
      return {
        ...blank,
        id: entry.id,
        type: entry.type,
        name: entry.name,
        code: entry.code,
        wikidata: entry.wikidata ?? null,
      };
    case 'PERSON':
      return {
        ...blank,
        id: entry.id,
        type: entry.type,
        name: entry.name,
        country: entry.country,
        born: optionalDay(entry.born, 'start'),
        died: optionalDay(entry.died, 'end'),
        codes: compileCodes(entry.roles),
        wikidata: entry.wikidata ?? null,
      };
    default:
      return {
        ...blank,
        id: entry.id,
        type: entry.type,
        name: entry.name,
        country: entry.country ?? null,
        codes: compileCodes(entry.codes),
        wikidata: entry.wikidata ?? null,
      };
  }
}

const KIND_PRIORITY: Record<NameKind, number> = { name: 0, alias: 1, seat: 2, demonym: 3, term: 4 };

/**
 * Compiles validated entries (from `validateKb`) into the resolver's structure. Entries
 * keep their order, so `NameRef` indexes match the order of the source files.
 */
export function compileKb(
  entries: readonly KbEntry[],
  sources: readonly KbFileDigest[] = [],
): CompiledKb {
  const compiled = entries.map(compileEntry);
  const index = new Map<string, NameRef[]>();
  entries.forEach((entry, i) => {
    for (const { form, kind } of surfaceForms(entry)) {
      const key = surfaceKey(form);
      if (key === '') continue;
      const exact = exactForm(form);
      const refs = index.get(key) ?? [];
      const same = refs.findIndex((r) => r[0] === i);
      if (same === -1) {
        refs.push([i, kind, exact]);
      } else {
        // One entry listing a form twice (name and seat, say) keeps the stronger kind and
        // the looser case rule, so a duplicate never makes a form harder to match.
        const prev = refs[same]!;
        const bestKind = KIND_PRIORITY[kind] < KIND_PRIORITY[prev[1]] ? kind : prev[1];
        refs[same] = [i, bestKind, prev[2] === null || exact === null ? null : prev[2]];
      }
      index.set(key, refs);
    }
  });
  const names: Record<string, readonly NameRef[]> = Object.create(null) as Record<
    string,
    readonly NameRef[]
  >;
  for (const key of [...index.keys()].sort()) names[key] = index.get(key)!;
  return { format: COMPILED_KB_FORMAT, sources: [...sources], entries: compiled, names };
}

/**
 * The index hits for a piece of text, honouring case rules: `lookupSurface(kb, 'US')`
 * finds the United States, `lookupSurface(kb, 'us')` does not. A leading article is not
 * stripped here; the caller decides what span to look up.
 */
export function lookupSurface(kb: CompiledKb, text: string): readonly NameRef[] {
  const key = surfaceKey(text);
  if (!Object.hasOwn(kb.names, key)) return [];
  const form = surfaceForm(text);
  return kb.names[key]!.filter((ref) => ref[2] === null || ref[2] === form);
}
