import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EntenteError } from '../core/errors.js';

/**
 * Readers and validators for the amount word lists in `dictionaries/amounts/` (format in
 * dictionaries/README.md, section "Amounts"). Every file is tab-separated with a header line
 * naming its columns; every problem is reported as `file:line: message`, all problems of all
 * files collected before one `AmountDataError` is thrown.
 *
 * @example
 * const data = loadAmountData(); // dictionaries/amounts/*.tsv, validated
 * data.units.get('tonnes'); // [{ words: ['tonnes'], unit: 'tonnes', kind: 'measure', about: null }]
 */
export interface AmountDataProblem {
  readonly file: string;
  /** 1-based line number. */
  readonly line: number;
  readonly message: string;
}

export function formatAmountProblem(p: AmountDataProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** Amount word lists that cannot be used; carries every problem found. */
export class AmountDataError extends EntenteError {
  readonly problems: readonly AmountDataProblem[];

  constructor(problems: readonly AmountDataProblem[]) {
    const shown = problems.slice(0, 20).map(formatAmountProblem);
    const more = problems.length > shown.length ? `\n(${problems.length - shown.length} more)` : '';
    super(shown.join('\n') + more);
    this.name = 'AmountDataError';
    this.problems = problems;
  }
}

/**
 * `subunit`: a currency's hundredth written after the number ("15 HK cts" is 0.15 HKD; the
 * unit is the currency's ISO code), read like a measure.
 */
export type UnitKind = 'people' | 'measure' | 'count' | 'subunit';

export interface UnitEntry {
  /** The form's words, lower case. */
  readonly words: readonly string[];
  readonly unit: string;
  readonly kind: UnitKind;
  /** What is counted when nothing else says it; null for the unit itself. */
  readonly about: string | null;
}

export interface ChangeEntry {
  readonly word: string;
  readonly pos: 'verb' | 'noun' | 'adverb';
  /**
   * `level`: the amount is the subject's value ("reached", "stood at"; as a noun, "a total
   * of" is seen through); `ignore`: a verb that never says what is counted ("said");
   * `object`: a verb whose object is the amount ("paid $5 million"), named by its label
   * ("payment") when nothing closer says what the money is for; `part` (verbs): the amount is
   * part of one before it ("debt of 9 billion, including 2 billion owed to banks").
   */
  readonly direction: 'up' | 'down' | 'level' | 'ignore' | 'object' | 'forecast' | 'part';
  /** Noun appended to the subject for a change, or naming an object amount; else null. */
  readonly label: string | null;
}

export type CasualtyField = 'dead' | 'injured' | 'size';

export interface CasualtyEntry {
  readonly word: string;
  readonly about: string;
  readonly field: CasualtyField | null;
}

export interface QualifierEntry {
  readonly words: readonly string[];
  readonly where: 'before' | 'after';
  readonly approximate: boolean;
  readonly bound: 'min' | 'max' | null;
}

export interface LabelEntry {
  readonly words: readonly string[];
  readonly about: string;
}

export interface PeriodEntry {
  readonly words: readonly string[];
  readonly offset: number;
}

/**
 * A cue for the sense of a unit word that names two units ("pounds": sterling or weight):
 * the cue's words right `after` the amount, anywhere in its `sentence`, or anywhere in the
 * `document` point to `unit`.
 */
export interface SenseCue {
  readonly form: string;
  readonly unit: string;
  readonly words: readonly string[];
  readonly where: 'after' | 'sentence' | 'document';
}

/** The validated word lists, indexed by first word (multi-word forms longest first). */
export interface AmountData {
  readonly units: ReadonlyMap<string, readonly UnitEntry[]>;
  /** By part of speech, then word: `changes.verb.get('rise')`. */
  readonly changes: Readonly<Record<ChangeEntry['pos'], ReadonlyMap<string, ChangeEntry>>>;
  readonly casualties: ReadonlyMap<string, CasualtyEntry>;
  readonly qualifiersBefore: ReadonlyMap<string, readonly QualifierEntry[]>;
  readonly qualifiersAfter: ReadonlyMap<string, readonly QualifierEntry[]>;
  readonly labels: ReadonlyMap<string, readonly LabelEntry[]>;
  readonly periods: ReadonlyMap<string, readonly PeriodEntry[]>;
  /** Keyed by the ambiguous unit word ("pounds"). */
  readonly senses: ReadonlyMap<string, readonly SenseCue[]>;
  /** Function words by what they do for an amount (words.tsv). */
  readonly words: Readonly<Record<WordKind, ReadonlySet<string>>>;
  /**
   * Stock exchange suffixes of company tickers ("hk" of "<CKGH.HK>") to the currency a
   * story about such a company writes as plain "dlrs" (units.tsv, kind `listing`).
   */
  readonly listings: ReadonlyMap<string, string>;
  /**
   * Nouns that name a sum of money ("turnover", "pretax profits"): a bare scaled figure whose
   * subject ends with one is in the story's currency (units.tsv, kind `money-noun`).
   */
  readonly moneyNouns: ReadonlySet<string>;
}

export const WORD_KINDS = [
  'time-noun',
  'compare',
  'link-prep',
  'phrase-prep',
  'relative',
  'relative-pronoun',
  'possessive',
  'particle',
  'maturity',
  'range',
  'security',
  'ratio-base',
  'fundraise',
  'rate-noun',
  'double-object',
  'comparison',
  'list-link',
  'clause-break',
  'direction',
  'price-verb',
  'level-prep',
  'compare-link',
  'spend-verb',
  'show-verb',
  'forecast-noun',
  'count-of',
  'take-verb',
  'as-adjunct',
  'share-verb',
] as const;

export type WordKind = (typeof WORD_KINDS)[number];

export const AMOUNT_FILES = [
  'units.tsv',
  'changes.tsv',
  'casualties.tsv',
  'qualifiers.tsv',
  'labels.tsv',
  'periods.tsv',
  'senses.tsv',
  'words.tsv',
] as const;

export type AmountFile = (typeof AMOUNT_FILES)[number];

const HEADERS: Readonly<Record<AmountFile, readonly string[]>> = {
  'units.tsv': ['form', 'unit', 'kind', 'about'],
  'changes.tsv': ['word', 'pos', 'direction', 'label'],
  'casualties.tsv': ['word', 'about', 'field'],
  'qualifiers.tsv': ['phrase', 'where', 'approximate', 'bound'],
  'labels.tsv': ['form', 'about'],
  'periods.tsv': ['phrase', 'offset'],
  'senses.tsv': ['form', 'unit', 'cue', 'where'],
  'words.tsv': ['kind', 'word'],
};

interface Row {
  readonly line: number;
  readonly cells: readonly string[];
}

/** Splits a file into rows of cells after checking its header; problems go to `bad`. */
function rowsOf(
  source: string,
  file: string,
  header: readonly string[],
  bad: (line: number, message: string) => void,
): Row[] {
  const lines = source.split(/\r?\n/);
  const rows: Row[] = [];
  let seenHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] as string;
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const cells = text.split('\t').map((c) => c.trim());
    if (!seenHeader) {
      seenHeader = true;
      if (cells.join(' ') !== header.join(' ')) {
        bad(i + 1, `expected the header line "${header.join('\\t')}"`);
        return [];
      }
      continue;
    }
    if (cells.length !== header.length) {
      bad(i + 1, `expected ${header.length} tab-separated columns, found ${cells.length}`);
      continue;
    }
    if (cells.some((c) => c === '')) {
      bad(i + 1, 'empty column (write - for none)');
      continue;
    }
    rows.push({ line: i + 1, cells });
  }
  if (!seenHeader) bad(1, `missing the header line "${header.join('\\t')}"`);
  return rows;
}

function words(form: string): string[] {
  return form.split(/\s+/).filter((w) => w !== '');
}

const LOWER = /^[^A-Z]+$/;

function pushIndexed<T extends { readonly words: readonly string[] }>(
  map: Map<string, T[]>,
  entry: T,
): void {
  const first = entry.words[0] as string;
  const list = map.get(first) ?? [];
  list.push(entry);
  list.sort((a, b) => b.words.length - a.words.length);
  map.set(first, list);
}

/**
 * Parses the seven files' contents (keyed by file name; `where` names them in messages) and
 * returns the indexed data, or throws `AmountDataError` listing every problem.
 */
export function parseAmountData(
  sources: Readonly<Record<AmountFile, string>>,
  where: (file: AmountFile) => string = (f) => f,
): AmountData {
  const problems: AmountDataProblem[] = [];
  const badIn =
    (f: AmountFile) =>
    (line: number, message: string): void =>
      void problems.push({ file: where(f), line, message });
  const seen = new Map<string, number>();
  const unique = (f: AmountFile, key: string, line: number, what: string): boolean => {
    const k = `${f}\u0000${key}`;
    const first = seen.get(k);
    if (first !== undefined) {
      badIn(f)(line, `duplicate ${what} "${key}" (first on line ${first})`);
      return false;
    }
    seen.set(k, line);
    return true;
  };
  const lowerCase = (f: AmountFile, line: number, s: string): boolean => {
    if (LOWER.test(s)) return true;
    badIn(f)(line, `"${s}" must be lower case`);
    return false;
  };

  const units = new Map<string, UnitEntry[]>();
  const listings = new Map<string, string>();
  const moneyNouns = new Set<string>();
  {
    const f = 'units.tsv' as const;
    const bad = badIn(f);
    for (const { line, cells } of rowsOf(sources[f], f, HEADERS[f], bad)) {
      const [form = '', unit = '', kind = '', about = ''] = cells;
      if (!lowerCase(f, line, form)) continue;
      if (
        kind !== 'people' &&
        kind !== 'measure' &&
        kind !== 'count' &&
        kind !== 'subunit' &&
        kind !== 'listing' &&
        kind !== 'money-noun'
      ) {
        bad(line, `kind "${kind}" must be people, measure, count, subunit, listing or money-noun`);
        continue;
      }
      if (kind === 'money-noun') {
        if (unit !== '-' || words(form).length !== 1) {
          bad(line, `a money-noun is one word with unit "-" ("${form}\t${unit}")`);
          continue;
        }
        if (!unique(f, `money-noun ${form}`, line, 'money-noun')) continue;
        moneyNouns.add(form);
        continue;
      }
      if ((kind === 'subunit' || kind === 'listing') && !/^[A-Z]{3}$/.test(unit)) {
        bad(line, `a ${kind}'s unit must be a currency code (three capitals), not "${unit}"`);
        continue;
      }
      if (kind === 'listing') {
        if (!/^[a-z]+$/.test(form)) {
          bad(line, `a listing's form must be one ticker suffix of letters ("hk"), not "${form}"`);
          continue;
        }
        if (!unique(f, `listing ${form}`, line, 'listing')) continue;
        listings.set(form, unit);
        continue;
      }
      if (!unique(f, form, line, 'form')) continue;
      pushIndexed(units, { words: words(form), unit, kind, about: about === '-' ? null : about });
    }
  }

  const changes = {
    verb: new Map<string, ChangeEntry>(),
    noun: new Map<string, ChangeEntry>(),
    adverb: new Map<string, ChangeEntry>(),
  };
  {
    const f = 'changes.tsv' as const;
    const bad = badIn(f);
    for (const { line, cells } of rowsOf(sources[f], f, HEADERS[f], bad)) {
      const [word = '', pos = '', direction = '', label = ''] = cells;
      if (!lowerCase(f, line, word)) continue;
      if (words(word).length !== 1) {
        bad(line, `word "${word}" must be one word`);
        continue;
      }
      if (pos !== 'verb' && pos !== 'noun' && pos !== 'adverb') {
        bad(line, `pos "${pos}" must be verb, noun or adverb`);
        continue;
      }
      if (
        direction !== 'up' &&
        direction !== 'down' &&
        direction !== 'level' &&
        direction !== 'ignore' &&
        direction !== 'object' &&
        direction !== 'forecast' &&
        direction !== 'part'
      ) {
        bad(
          line,
          `direction "${direction}" must be up, down, level, ignore, object, forecast or part`,
        );
        continue;
      }
      const labelled =
        direction === 'up' ||
        direction === 'down' ||
        direction === 'object' ||
        direction === 'forecast';
      if (labelled ? label === '-' : label !== '-') {
        bad(
          line,
          labelled
            ? `a ${direction} word needs a label`
            : `a ${direction} word takes no label (write -)`,
        );
        continue;
      }
      if (
        (direction === 'object' || direction === 'forecast' || direction === 'part') &&
        pos !== 'verb'
      ) {
        bad(line, `${direction === 'object' ? 'an' : 'a'} ${direction} word must be a verb`);
        continue;
      }
      if (!unique(f, `${pos}:${word}`, line, 'word')) continue;
      changes[pos].set(word, {
        word,
        pos,
        direction,
        label: label === '-' ? null : label,
      });
    }
  }

  const casualties = new Map<string, CasualtyEntry>();
  {
    const f = 'casualties.tsv' as const;
    const bad = badIn(f);
    for (const { line, cells } of rowsOf(sources[f], f, HEADERS[f], bad)) {
      const [word = '', about = '', field = ''] = cells;
      if (!lowerCase(f, line, word)) continue;
      if (words(word).length !== 1) {
        bad(line, `word "${word}" must be one word`);
        continue;
      }
      if (field !== 'dead' && field !== 'injured' && field !== 'size' && field !== '-') {
        bad(line, `field "${field}" must be dead, injured, size or -`);
        continue;
      }
      if (!unique(f, word, line, 'word')) continue;
      casualties.set(word, { word, about, field: field === '-' ? null : field });
    }
  }

  const qualifiersBefore = new Map<string, QualifierEntry[]>();
  const qualifiersAfter = new Map<string, QualifierEntry[]>();
  {
    const f = 'qualifiers.tsv' as const;
    const bad = badIn(f);
    for (const { line, cells } of rowsOf(sources[f], f, HEADERS[f], bad)) {
      const [phrase = '', where = '', approximate = '', bound = ''] = cells;
      if (!lowerCase(f, line, phrase)) continue;
      if (where !== 'before' && where !== 'after') {
        bad(line, `where "${where}" must be before or after`);
        continue;
      }
      if (approximate !== 'yes' && approximate !== 'no') {
        bad(line, `approximate "${approximate}" must be yes or no`);
        continue;
      }
      if (bound !== 'min' && bound !== 'max' && bound !== '-') {
        bad(line, `bound "${bound}" must be min, max or -`);
        continue;
      }
      if (approximate === 'no' && bound === '-') {
        bad(line, 'a qualifier must make the amount approximate or a bound');
        continue;
      }
      if (!unique(f, `${where} ${phrase}`, line, 'phrase')) continue;
      const entry: QualifierEntry = {
        words: words(phrase),
        where,
        approximate: approximate === 'yes',
        bound: bound === '-' ? null : bound,
      };
      if (where === 'before') {
        // Indexed by the last word: they are read leftwards from the number.
        const key = entry.words[entry.words.length - 1] as string;
        const list = qualifiersBefore.get(key) ?? [];
        list.push(entry);
        list.sort((a, b) => b.words.length - a.words.length);
        qualifiersBefore.set(key, list);
      } else pushIndexed(qualifiersAfter, entry);
    }
  }

  const labels = new Map<string, LabelEntry[]>();
  {
    const f = 'labels.tsv' as const;
    const bad = badIn(f);
    for (const { line, cells } of rowsOf(sources[f], f, HEADERS[f], bad)) {
      const [form = '', about = ''] = cells;
      if (!lowerCase(f, line, form)) continue;
      if (!unique(f, form, line, 'form')) continue;
      pushIndexed(labels, { words: words(form), about });
    }
  }

  const periods = new Map<string, PeriodEntry[]>();
  {
    const f = 'periods.tsv' as const;
    const bad = badIn(f);
    for (const { line, cells } of rowsOf(sources[f], f, HEADERS[f], bad)) {
      const [phrase = '', offset = ''] = cells;
      if (!lowerCase(f, line, phrase)) continue;
      if (!/^[-+]?\d{1,2}$/.test(offset)) {
        bad(line, `offset "${offset}" must be a whole number of years`);
        continue;
      }
      if (!unique(f, phrase, line, 'phrase')) continue;
      pushIndexed(periods, { words: words(phrase), offset: Number(offset) });
    }
  }

  const senses = new Map<string, SenseCue[]>();
  {
    const f = 'senses.tsv' as const;
    const bad = badIn(f);
    for (const { line, cells } of rowsOf(sources[f], f, HEADERS[f], bad)) {
      const [form = '', unit = '', cue = '', where = ''] = cells;
      if (!lowerCase(f, line, form) || !lowerCase(f, line, cue)) continue;
      // "cfa francs": a qualified form whose qualifier still names several currencies
      if (words(form).length > 2) {
        bad(line, `form "${form}" must be one or two words`);
        continue;
      }
      if (unit === '-') {
        bad(line, 'a cue must name the unit it points to');
        continue;
      }
      if (where !== 'after' && where !== 'sentence' && where !== 'document') {
        bad(line, `where "${where}" must be after, sentence or document`);
        continue;
      }
      if (!unique(f, `${form} ${cue} ${where}`, line, 'cue')) continue;
      const list = senses.get(form) ?? [];
      list.push({ form, unit, words: words(cue), where });
      senses.set(form, list);
    }
  }

  const wordSets = Object.fromEntries(WORD_KINDS.map((k) => [k, new Set<string>()])) as Record<
    WordKind,
    Set<string>
  >;
  {
    const f = 'words.tsv' as const;
    const bad = badIn(f);
    for (const { line, cells } of rowsOf(sources[f], f, HEADERS[f], bad)) {
      const [kind = '', word = ''] = cells;
      if (!(WORD_KINDS as readonly string[]).includes(kind)) {
        bad(line, `kind "${kind}" must be one of ${WORD_KINDS.join(', ')}`);
        continue;
      }
      if (!lowerCase(f, line, word)) continue;
      if (words(word).length !== 1) {
        bad(line, `word "${word}" must be one word`);
        continue;
      }
      if (!unique(f, `${kind} ${word}`, line, 'word')) continue;
      wordSets[kind as WordKind].add(word);
    }
    for (const k of WORD_KINDS) if (wordSets[k].size === 0) bad(0, `no ${k} words`);
  }

  if (problems.length > 0) {
    problems.sort((x, y) => (x.file === y.file ? x.line - y.line : x.file < y.file ? -1 : 1));
    throw new AmountDataError(problems);
  }
  return {
    units,
    changes,
    casualties,
    qualifiersBefore,
    qualifiersAfter,
    labels,
    periods,
    senses,
    words: wordSets,
    listings,
    moneyNouns,
  };
}

/** `dictionaries/amounts` of the checkout or installed package (found from this file upwards). */
export function defaultAmountDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'dictionaries', 'amounts');
    if (existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return path.join(process.cwd(), 'dictionaries', 'amounts');
    dir = up;
  }
}

/** Reads and validates the files of `dir` (default `dictionaries/amounts`). */
export function loadAmountData(dir: string = defaultAmountDir()): AmountData {
  const problems: AmountDataProblem[] = [];
  const sources = {} as Record<AmountFile, string>;
  for (const f of AMOUNT_FILES) {
    const file = path.join(dir, f);
    try {
      sources[f] = readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({
        file,
        line: 1,
        message: code === 'ENOENT' ? 'file not found' : (err as Error).message,
      });
    }
  }
  if (problems.length > 0) throw new AmountDataError(problems);
  return parseAmountData(sources, (f) => path.join(dir, f));
}
