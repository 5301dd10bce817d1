import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EntenteError } from '../core/errors.js';

/**
 * The word lists of the expression recogniser (dictionaries/expressions/*.txt), parsed,
 * validated and compiled against the tokeniser so that a form matches exactly the token
 * sequence wink produces for it in running text ("US$" is one token, "per cent" two,
 * "tonnes" has the normal form "tons").
 *
 * @example
 * const dictionaries = loadExpressionDictionaries();          // throws file:line errors
 * const lexicon = compileExpressionLexicon(dictionaries, tokenise);
 * recogniseExpressions(text, tokens, lexicon);
 */

/** A line of an expression dictionary that cannot be used; names the file and line. */
export class ExpressionDictionaryError extends EntenteError {
  readonly origin: string;
  readonly line: number;

  constructor(origin: string, line: number, problem: string) {
    super(`${origin}:${line}: ${problem}`);
    this.name = 'ExpressionDictionaryError';
    this.origin = origin;
    this.line = line;
  }
}

/** The dictionary files, in the order they are read. */
export const EXPRESSION_FILES = [
  'numbers.txt',
  'connectors.txt',
  'currencies.txt',
  'percent.txt',
  'durations.txt',
  'calendar.txt',
  'relative-dates.txt',
  'times.txt',
  'count-nouns.txt',
] as const;

export type ExpressionFile = (typeof EXPRESSION_FILES)[number];

/** Where a dictionary entry came from, for compile-time errors. */
interface At {
  readonly origin: string;
  readonly line: number;
}

export type NumberKind = 'cardinal' | 'ordinal' | 'scale' | 'attached-scale' | 'article';
export type ConnectorRole =
  | 'range'
  | 'either'
  | 'between'
  | 'between-and'
  | 'change-from'
  | 'of'
  | 'and'
  | 'hyphen'
  | 'comma';
export type CurrencyPlace = 'before' | 'after' | 'both' | 'after-not-of' | 'attached';
export type MonthGuard = 'none' | 'needs-number' | 'needs-lead';
export type TimeKind = 'time' | 'meridiem' | 'zone';
/** What a relative-date placeholder matches; `<number>` is the slot `number`, and so on. */
export type Slot = 'number' | 'ordinal' | 'year' | 'unit' | 'weekday' | 'month';

/** Parsed, validated dictionary lines, before tokenisation. */
export interface ExpressionDictionaries {
  readonly numbers: readonly (At & { kind: NumberKind; value: number; word: string })[];
  readonly connectors: readonly (At & { role: ConnectorRole; word: string })[];
  readonly currencies: readonly (At & {
    code: string | null;
    divisor: number;
    where: CurrencyPlace;
    form: string;
  })[];
  readonly percent: readonly (At & { unit: string; form: string })[];
  readonly durations: readonly (At & { unit: string; form: string })[];
  readonly months: readonly (At & { month: number; guard: MonthGuard; form: string })[];
  readonly weekdays: readonly (At & { day: number; form: string })[];
  readonly leads: readonly (At & { word: string })[];
  readonly prefixes: readonly (At & { word: string })[];
  readonly relative: readonly (At & { parts: readonly string[] })[];
  readonly times: readonly (At & { kind: TimeKind; form: string })[];
  readonly countNouns: readonly (At & { word: string })[];
}

const NUMBER_KINDS: ReadonlySet<string> = new Set([
  'cardinal',
  'ordinal',
  'scale',
  'attached-scale',
  'article',
]);
const CONNECTOR_ROLES: ReadonlySet<string> = new Set([
  'range',
  'either',
  'between',
  'between-and',
  'change-from',
  'of',
  'and',
  'hyphen',
  'comma',
]);
const CURRENCY_PLACES: ReadonlySet<string> = new Set([
  'before',
  'after',
  'both',
  'after-not-of',
  'attached',
]);
const PERCENT_UNITS: ReadonlySet<string> = new Set([
  'percent',
  'percentage-points',
  'basis-points',
]);
const TIME_KINDS: ReadonlySet<string> = new Set(['time', 'meridiem', 'zone']);
const PLACEHOLDERS: ReadonlyMap<string, Slot> = new Map<string, Slot>([
  ['<number>', 'number'],
  ['<ordinal>', 'ordinal'],
  ['<year>', 'year'],
  ['<unit>', 'unit'],
  ['<weekday>', 'weekday'],
  ['<month>', 'month'],
]);
const DECIMAL = /^(?:\d+(?:\.\d+)?|\.\d+)(?:e\d+)?$/;
const CURRENCY_CODE = /^(?:[A-Z]{3}(?:\/(\d+))?|-)$/;
const LOWER_WORD = /^[^\s\p{Lu}]+$/u;

interface Line extends At {
  readonly fields: readonly string[];
  /** The line with comments stripped and its first `k` fields removed, for free-text forms. */
  rest(k: number): string;
}

function lines(source: string, origin: string): Line[] {
  const out: Line[] = [];
  const raw = source.split(/\r?\n/);
  for (let i = 0; i < raw.length; i++) {
    const text = (raw[i] ?? '').trim();
    if (text === '' || text.startsWith('#')) continue;
    const fields = text.split(/\s+/);
    out.push({
      origin,
      line: i + 1,
      fields,
      rest: (k) => fields.slice(k).join(' '),
    });
  }
  return out;
}

function fail(at: At, problem: string): never {
  throw new ExpressionDictionaryError(at.origin, at.line, problem);
}

function wantFields(l: Line, min: number, max: number, shape: string): void {
  if (l.fields.length < min || l.fields.length > max) fail(l, `expected "${shape}"`);
}

function lowerWord(l: Line, word: string, what: string): string {
  if (!LOWER_WORD.test(word)) fail(l, `${what} "${word}" must be one lower-case word`);
  return word;
}

function decimal(l: Line, s: string): number {
  if (!DECIMAL.test(s)) fail(l, `"${s}" is not a decimal number`);
  return Number(s);
}

function integerIn(l: Line, s: string, lo: number, hi: number, what: string): number {
  const n = /^\d+$/.test(s) ? Number(s) : NaN;
  if (!(n >= lo && n <= hi)) fail(l, `${what} "${s}" must be a whole number from ${lo} to ${hi}`);
  return n;
}

/** Rejects a second line with the same key in one file (a typo or a contradiction). */
function noDuplicates<T extends At>(items: readonly T[], key: (x: T) => string): void {
  const seen = new Map<string, At>();
  for (const x of items) {
    const k = key(x);
    const first = seen.get(k);
    if (first !== undefined) fail(x, `duplicate of line ${first.line}`);
    seen.set(k, x);
  }
}

type Sources = Readonly<Record<ExpressionFile, { readonly text: string; readonly origin: string }>>;

/**
 * Parses and validates the dictionary texts; throws ExpressionDictionaryError naming the
 * first bad `file:line`. `origin` is what messages call each file (its path, usually).
 */
export function parseExpressionDictionaries(sources: Sources): ExpressionDictionaries {
  const read = (f: ExpressionFile): Line[] => {
    const l = lines(sources[f].text, sources[f].origin);
    if (l.length === 0) fail({ origin: sources[f].origin, line: 1 }, 'no entries');
    return l;
  };

  const numbers = read('numbers.txt').map((l) => {
    wantFields(l, 3, 3, 'kind value word');
    const [kind = '', value = '', word = ''] = l.fields;
    if (!NUMBER_KINDS.has(kind))
      fail(l, `unknown kind "${kind}" (${[...NUMBER_KINDS].join(', ')})`);
    const v = decimal(l, value);
    if (kind !== 'cardinal' && v === 0) fail(l, `a ${kind} cannot be 0`);
    return {
      origin: l.origin,
      line: l.line,
      kind: kind as NumberKind,
      value: v,
      word: lowerWord(l, word, 'word'),
    };
  });
  noDuplicates(numbers, (x) => `${x.kind} ${x.word}`);

  const connectors = read('connectors.txt').map((l) => {
    wantFields(l, 2, 2, 'role token');
    const [role = '', word = ''] = l.fields;
    if (!CONNECTOR_ROLES.has(role))
      fail(l, `unknown role "${role}" (${[...CONNECTOR_ROLES].join(', ')})`);
    return {
      origin: l.origin,
      line: l.line,
      role: role as ConnectorRole,
      word: lowerWord(l, word, 'token'),
    };
  });
  noDuplicates(connectors, (x) => `${x.role} ${x.word}`);

  const currencies = read('currencies.txt').map((l) => {
    wantFields(l, 3, Infinity, 'code where form');
    const [code = '', where = ''] = l.fields;
    const m = CURRENCY_CODE.exec(code);
    if (m === null) fail(l, `currency "${code}" must be an ISO 4217 code, CODE/100 or -`);
    const divisor = m[1] === undefined ? 1 : Number(m[1]);
    if (divisor === 0) fail(l, `currency "${code}" divides by zero`);
    if (!CURRENCY_PLACES.has(where))
      fail(l, `unknown place "${where}" (${[...CURRENCY_PLACES].join(', ')})`);
    return {
      origin: l.origin,
      line: l.line,
      code: code === '-' ? null : code.slice(0, 3),
      divisor,
      where: where as CurrencyPlace,
      form: l.rest(2),
    };
  });
  // A form may be listed once per side: two codes for "$" before a number is a contradiction.
  noDuplicates(
    currencies.filter((x) => x.where === 'before' || x.where === 'both'),
    (x) => x.form,
  );
  noDuplicates(
    currencies.filter((x) => x.where !== 'before'),
    (x) => x.form,
  );

  const unitForms = (f: ExpressionFile, check: (l: Line, unit: string) => void) => {
    const out = read(f).map((l) => {
      wantFields(l, 2, Infinity, 'unit form');
      const unit = l.fields[0] as string;
      check(l, unit);
      return { origin: l.origin, line: l.line, unit, form: l.rest(1) };
    });
    noDuplicates(out, (x) => x.form);
    return out;
  };
  const percent = unitForms('percent.txt', (l, unit) => {
    if (!PERCENT_UNITS.has(unit))
      fail(l, `unknown unit "${unit}" (${[...PERCENT_UNITS].join(', ')})`);
  }).map((x) => ({ ...x, unit: x.unit.replace(/-/g, ' ') }));
  const durations = unitForms('durations.txt', (l, unit) => {
    lowerWord(l, unit, 'unit');
  });

  const months: (At & { month: number; guard: MonthGuard; form: string })[] = [];
  const weekdays: (At & { day: number; form: string })[] = [];
  const leads: (At & { word: string })[] = [];
  const prefixes: (At & { word: string })[] = [];
  for (const l of read('calendar.txt')) {
    const kind = l.fields[0];
    const at = { origin: l.origin, line: l.line };
    if (kind === 'month') {
      wantFields(l, 3, 4, 'month N form [guard]');
      const month = integerIn(l, l.fields[1] as string, 1, 12, 'month');
      const guard = l.fields[3] ?? 'none';
      if (guard !== 'none' && guard !== 'needs-number' && guard !== 'needs-lead') {
        fail(l, `unknown guard "${guard}" (needs-number, needs-lead)`);
      }
      months.push({ ...at, month, guard, form: l.fields[2] as string });
    } else if (kind === 'weekday') {
      wantFields(l, 3, 3, 'weekday N form');
      const day = integerIn(l, l.fields[1] as string, 1, 7, 'weekday');
      weekdays.push({ ...at, day, form: l.fields[2] as string });
    } else if (kind === 'lead' || kind === 'prefix') {
      wantFields(l, 2, 2, `${kind} word`);
      const word = lowerWord(l, l.fields[1] as string, kind);
      (kind === 'lead' ? leads : prefixes).push({ ...at, word });
    } else {
      fail(l, `unknown kind "${kind}" (month, weekday, lead, prefix)`);
    }
  }
  noDuplicates(months, (x) => x.form);
  noDuplicates(weekdays, (x) => x.form);
  noDuplicates(leads, (x) => x.word);
  noDuplicates(prefixes, (x) => x.word);
  for (const m of months) {
    if (!/^\p{Lu}/u.test(m.form))
      fail(m, `month "${m.form}" must be capitalised as written in text`);
  }

  const relative = read('relative-dates.txt').map((l) => {
    for (const p of l.fields) {
      if (p.startsWith('<') && !PLACEHOLDERS.has(p)) {
        fail(l, `unknown placeholder "${p}" (${[...PLACEHOLDERS.keys()].join(', ')})`);
      }
    }
    if (l.fields.every((p) => PLACEHOLDERS.has(p))) fail(l, 'a phrase needs at least one word');
    return { origin: l.origin, line: l.line, parts: l.fields };
  });
  noDuplicates(relative, (x) => x.parts.join(' '));

  const times = read('times.txt').map((l) => {
    wantFields(l, 2, Infinity, 'kind form');
    const kind = l.fields[0] as string;
    if (!TIME_KINDS.has(kind)) fail(l, `unknown kind "${kind}" (${[...TIME_KINDS].join(', ')})`);
    return { origin: l.origin, line: l.line, kind: kind as TimeKind, form: l.rest(1) };
  });
  noDuplicates(times, (x) => `${x.kind} ${x.form}`);

  const countNouns = read('count-nouns.txt').map((l) => {
    wantFields(l, 1, 1, 'word');
    return { origin: l.origin, line: l.line, word: lowerWord(l, l.fields[0] as string, 'word') };
  });
  noDuplicates(countNouns, (x) => x.word);

  return Object.freeze({
    numbers,
    connectors,
    currencies,
    percent,
    durations,
    months,
    weekdays,
    leads,
    prefixes,
    relative,
    times,
    countNouns,
  });
}

/** Reads and validates the dictionary files in `dir` (default: the shipped ones). */
export function loadExpressionDictionaries(dir = shippedDirectory()): ExpressionDictionaries {
  const sources = {} as Record<ExpressionFile, { text: string; origin: string }>;
  for (const f of EXPRESSION_FILES) {
    const path = join(dir, f);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new EntenteError(`cannot read expression dictionary ${path}`, { cause: err });
    }
    sources[f] = { text, origin: path };
  }
  return parseExpressionDictionaries(sources);
}

/** dictionaries/expressions, found by walking up from this module (works from src/ and dist/src/). */
function shippedDirectory(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'dictionaries', 'expressions');
    if (existsSync(join(candidate, 'numbers.txt'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new EntenteError('dictionaries/expressions not found above src/nlp');
    dir = parent;
  }
}

// ---------------------------------------------------------------------------------------
// Compiled form

/** One token of a compiled form: its normal form, and its exact spelling when case matters. */
export interface FormToken {
  readonly normal: string;
  /** Set when the form was written with a capital letter: the text must read exactly so. */
  readonly exact: string | null;
}

export interface Phrase<T> {
  readonly tokens: readonly FormToken[];
  readonly data: T;
}

/** Phrases by the normal form of their first token, longest first. */
export type PhraseIndex<T> = ReadonlyMap<string, readonly Phrase<T>[]>;

export interface Money {
  /** ISO 4217 code, or null when the word names several currencies. */
  readonly code: string | null;
  /** 100 for a subunit (cents), else 1. */
  readonly divisor: number;
  /** True for weights that share the word ("pounds of sugar"). */
  readonly notBeforeOf: boolean;
  /** Only written against the number, no space between ("9p" is 0.09 GBP, "9 p" is not). */
  readonly attached: boolean;
}

/**
 * The relative-date phrases as a trie: from a node, a word edge consumes one token, a
 * slot edge a number, an ordinal, a year, a unit of time, a weekday or a month. `end` marks
 * where a phrase ends.
 */
export interface RelativeNode {
  readonly end: boolean;
  readonly words: ReadonlyMap<
    string,
    readonly { readonly token: FormToken; readonly node: RelativeNode }[]
  >;
  readonly slots: readonly { readonly slot: Slot; readonly node: RelativeNode }[];
}

interface MutableNode {
  end: boolean;
  words: Map<string, { token: FormToken; node: MutableNode }[]>;
  slots: { slot: Slot; node: MutableNode }[];
}

function newNode(): MutableNode {
  return { end: false, words: new Map(), slots: [] };
}

/** Bit flags of what a token can start, for the recogniser's one map lookup per token. */
export const Starts = {
  number: 1,
  currency: 2,
  month: 4,
  weekday: 8,
  relative: 16,
  time: 32,
  prefix: 64,
} as const;

/**
 * Bit flags of what a token can be when it comes right after a number, so that reading
 * "35 mln dlrs" asks one map per token instead of one per word list.
 */
export const Follows = {
  scale: 1,
  attachedScale: 2,
  currencyAfter: 4,
  percent: 8,
  duration: 16,
  meridiem: 32,
  zone: 64,
  time: 128,
  month: 256,
  countNoun: 512,
  range: 1024,
  betweenAnd: 2048,
  hyphen: 4096,
  comma: 8192,
  of: 16384,
} as const;

/** Everything the recogniser reads, keyed by wink normal forms. Immutable once built. */
export interface ExpressionLexicon {
  /** First-token normal form → `Starts` flags. Tokens not here (and not digits) are skipped. */
  readonly starts: ReadonlyMap<string, number>;
  /** Normal form → `Follows` flags: the word lists whose first token it is. */
  readonly follows: ReadonlyMap<string, number>;
  readonly cardinals: ReadonlyMap<string, number>;
  readonly ordinals: ReadonlyMap<string, number>;
  readonly scales: ReadonlyMap<string, number>;
  readonly attachedScales: ReadonlyMap<string, number>;
  readonly articles: ReadonlyMap<string, number>;
  readonly connectors: Readonly<Record<ConnectorRole, ReadonlySet<string>>>;
  readonly currencyBefore: PhraseIndex<Money>;
  readonly currencyAfter: PhraseIndex<Money>;
  readonly percent: PhraseIndex<string>;
  readonly durations: PhraseIndex<string>;
  readonly months: PhraseIndex<{ readonly month: number; readonly guard: MonthGuard }>;
  /** Single-token month forms by normal, for "mid-March" written as one token. */
  readonly monthWords: ReadonlyMap<string, FormToken>;
  readonly weekdays: PhraseIndex<number>;
  readonly leads: ReadonlySet<string>;
  readonly prefixes: ReadonlySet<string>;
  /** Lengths of the shortest and longest prefix: where the recogniser looks for a hyphen. */
  readonly shortestPrefix: number;
  readonly longestPrefix: number;
  /** Root of the relative-date trie. */
  readonly relative: RelativeNode;
  readonly timeWords: PhraseIndex<true>;
  readonly meridiems: PhraseIndex<true>;
  readonly zones: PhraseIndex<true>;
  readonly countNouns: ReadonlySet<string>;
}

/** Tokens of a form as the NLP base tokenises it in running text: surface and normal form. */
export type FormTokeniser = (form: string) => readonly {
  readonly value: string;
  readonly normal: string;
}[];

const UPPER = /\p{Lu}/u;

/**
 * Tokenises every form with `tokenise` (the same tokeniser that reads documents) and builds
 * the lookup tables. Throws ExpressionDictionaryError when a form that must be one token
 * is not, or a form yields no token.
 */
export function compileExpressionLexicon(
  d: ExpressionDictionaries,
  tokenise: FormTokeniser,
): ExpressionLexicon {
  const starts = new Map<string, number>();
  const flag = (normal: string, bit: number): void => {
    starts.set(normal, (starts.get(normal) ?? 0) | bit);
  };
  const formTokens = (at: At, form: string): FormToken[] => {
    const toks = tokenise(form);
    if (toks.length === 0) fail(at, `"${form}" has no tokens`);
    return toks.map((t) => ({
      normal: t.normal,
      exact: UPPER.test(t.value) ? t.value : null,
    }));
  };
  const oneToken = (at: At, form: string): string => {
    const toks = formTokens(at, form);
    if (toks.length !== 1) {
      fail(
        at,
        `"${form}" must be one token, the tokeniser reads ${toks.length}: ${toks.map((t) => t.normal).join(' ')}`,
      );
    }
    return (toks[0] as FormToken).normal;
  };
  const index = <E extends At & { form: string }, T>(
    entries: readonly E[],
    data: (e: E) => T,
    bit: number,
  ): Map<string, Phrase<T>[]> => {
    const out = new Map<string, Phrase<T>[]>();
    for (const e of entries) {
      const tokens = formTokens(e, e.form);
      const first = (tokens[0] as FormToken).normal;
      let list = out.get(first);
      if (list === undefined) out.set(first, (list = []));
      list.push({ tokens, data: data(e) });
      if (bit !== 0) flag(first, bit);
    }
    for (const list of out.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
    return out;
  };

  const numberMaps: Record<NumberKind, Map<string, number>> = {
    cardinal: new Map(),
    ordinal: new Map(),
    scale: new Map(),
    'attached-scale': new Map(),
    article: new Map(),
  };
  for (const n of d.numbers) {
    const normal = oneToken(n, n.word);
    numberMaps[n.kind].set(normal, n.value);
    if (n.kind === 'cardinal' || n.kind === 'ordinal' || n.kind === 'article') {
      flag(normal, Starts.number);
    }
  }

  const connectors = {} as Record<ConnectorRole, Set<string>>;
  for (const role of CONNECTOR_ROLES) connectors[role as ConnectorRole] = new Set();
  for (const c of d.connectors) connectors[c.role].add(oneToken(c, c.word));

  const money = (e: ExpressionDictionaries['currencies'][number]): Money => ({
    code: e.code,
    divisor: e.divisor,
    notBeforeOf: e.where === 'after-not-of',
    attached: e.where === 'attached',
  });
  const currencyBefore = index(
    d.currencies.filter((c) => c.where === 'before' || c.where === 'both'),
    money,
    Starts.currency,
  );
  const currencyAfter = index(
    d.currencies.filter((c) => c.where !== 'before'),
    money,
    0,
  );

  const percent = index(d.percent, (e) => e.unit, 0);
  const durations = index(d.durations, (e) => e.unit, 0);
  const months = index(d.months, (e) => ({ month: e.month, guard: e.guard }), Starts.month);
  const monthWords = new Map<string, FormToken>();
  for (const m of d.months) {
    const toks = formTokens(m, m.form);
    if (toks.length === 1) monthWords.set((toks[0] as FormToken).normal, toks[0] as FormToken);
  }
  const weekdays = index(d.weekdays, (e) => e.day, Starts.weekday);
  const leads = new Set(d.leads.map((l) => oneToken(l, l.word)));
  const prefixes = new Set<string>();
  for (const p of d.prefixes) {
    const normal = oneToken(p, p.word);
    prefixes.add(normal);
    flag(normal, Starts.prefix);
  }

  const relative = newNode();
  for (const r of d.relative) {
    if (r.parts[0] === '<unit>') fail(r, 'a phrase cannot start with <unit>');
    let node = relative;
    for (const p of r.parts) {
      const slot = PLACEHOLDERS.get(p);
      if (slot !== undefined) {
        let edge = node.slots.find((e) => e.slot === slot);
        if (edge === undefined) node.slots.push((edge = { slot, node: newNode() }));
        node = edge.node;
        continue;
      }
      for (const token of formTokens(r, p)) {
        if (node === relative) flag(token.normal, Starts.relative);
        let edges = node.words.get(token.normal);
        if (edges === undefined) node.words.set(token.normal, (edges = []));
        let edge = edges.find((e) => e.token.exact === token.exact);
        if (edge === undefined) edges.push((edge = { token, node: newNode() }));
        node = edge.node;
      }
    }
    node.end = true;
  }

  const timeWords = index(
    d.times.filter((t) => t.kind === 'time'),
    () => true as const,
    Starts.time,
  );
  const meridiems = index(
    d.times.filter((t) => t.kind === 'meridiem'),
    () => true as const,
    0,
  );
  const zones = index(
    d.times.filter((t) => t.kind === 'zone'),
    () => true as const,
    0,
  );
  const countNouns = new Set(d.countNouns.map((c) => oneToken(c, c.word)));

  const follows = new Map<string, number>();
  const mark = (keys: Iterable<string>, bit: number): void => {
    for (const k of keys) follows.set(k, (follows.get(k) ?? 0) | bit);
  };
  mark(numberMaps.scale.keys(), Follows.scale);
  mark(numberMaps['attached-scale'].keys(), Follows.attachedScale);
  mark(currencyAfter.keys(), Follows.currencyAfter);
  mark(percent.keys(), Follows.percent);
  mark(durations.keys(), Follows.duration);
  mark(meridiems.keys(), Follows.meridiem);
  mark(zones.keys(), Follows.zone);
  mark(timeWords.keys(), Follows.time);
  mark(months.keys(), Follows.month);
  mark(countNouns, Follows.countNoun);
  mark(connectors.range, Follows.range);
  mark(connectors.either, Follows.range);
  mark(connectors['between-and'], Follows.betweenAnd);
  mark(connectors.hyphen, Follows.hyphen);
  mark(connectors.comma, Follows.comma);
  mark(connectors.of, Follows.of);

  return Object.freeze({
    starts,
    follows,
    cardinals: numberMaps.cardinal,
    ordinals: numberMaps.ordinal,
    scales: numberMaps.scale,
    attachedScales: numberMaps['attached-scale'],
    articles: numberMaps.article,
    connectors,
    currencyBefore,
    currencyAfter,
    percent,
    durations,
    months,
    monthWords,
    weekdays,
    leads,
    prefixes,
    shortestPrefix: Math.min(...[...prefixes].map((p) => p.length)),
    longestPrefix: Math.max(0, ...[...prefixes].map((p) => p.length)),
    relative,
    timeWords,
    meridiems,
    zones,
    countNouns,
  });
}
