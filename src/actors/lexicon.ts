import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EntenteError } from '../core/errors.js';

/**
 * The actor resolver's lexicon: closed word classes read around knowledge-base names
 * (titles, modifiers, prepositions, name heads ...), and the cues that tell an ambiguous
 * name's other reading. Both are data in `dictionaries/actors/` (documented in
 * dictionaries/README.md), validated here with `file:line: message` errors.
 */

/** Word classes of `lexicon.tsv`, with the values each accepts. */
export const LEXICON_CLASSES = {
  honorific: 'sector',
  modifier: ['ELI', 'NOTHOLDER', 'TITLE'],
  counterpart: 'none',
  'pair-lead': 'none',
  'pair-noun': ['PERSON', 'STATE', 'GOV'],
  role: 'sector',
  'title-qualifier': 'none',
  'office-group': 'group',
  locative: ['PLACE', 'SEAT'],
  speech: 'none',
  head: ['ORG', 'EVENT', 'AGREEMENT', 'FACILITY', 'PROJECT', 'LOCATION'],
  'not-name': 'none',
  month: 'none',
  particle: 'none',
  abbreviation: 'none',
  determiner: 'none',
  connector: 'none',
  joiner: 'none',
  stance: 'none',
  ethnic: 'none',
  'context-group': 'sector',
  'context-link': 'none',
} as const satisfies Record<string, 'sector' | 'none' | 'group' | readonly string[]>;

export type LexiconClass = keyof typeof LEXICON_CLASSES;

/**
 * One lexicon line.
 *
 * @example
 * const e: LexiconEntry = { cls: 'honorific', term: 'Gen.', value: 'MIL', line: 30 };
 */
export interface LexiconEntry {
  readonly cls: LexiconClass;
  readonly term: string;
  /** The value column, null for `-`. */
  readonly value: string | null;
  readonly line: number;
}

/**
 * One line of `ambiguous.tsv`: the knowledge-base form, the reading it has when a cue is
 * in the sentence, and the cue words.
 *
 * @example
 * const r: AmbiguityRule = { form: 'Georgia', type: 'LOCATION', cues: ['Atlanta', 'county'], line: 7 };
 */
export interface AmbiguityRule {
  readonly form: string;
  readonly type: string;
  readonly cues: readonly string[];
  readonly line: number;
}

/**
 * A loaded lexicon.
 *
 * @example
 * const lex = await loadLexicon();
 * lex.entries.filter((e) => e.cls === 'speech').map((e) => e.term); // ['said', 'says', ...]
 */
export interface Lexicon {
  readonly entries: readonly LexiconEntry[];
  readonly ambiguity: readonly AmbiguityRule[];
}

/**
 * A problem in a lexicon file.
 *
 * @example
 * console.error(formatLexiconError(e)); // dictionaries/actors/lexicon.tsv:12: unknown class "titel"
 */
export interface LexiconError {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export function formatLexiconError(e: LexiconError): string {
  return `${e.file}:${e.line}: ${e.message}`;
}

/** Raised when a lexicon file does not validate; carries every error. */
export class LexiconValidationError extends EntenteError {
  readonly errors: readonly LexiconError[];

  constructor(errors: readonly LexiconError[]) {
    const first = errors[0];
    super(
      `entente: the actor lexicon has ${errors.length} error${errors.length === 1 ? '' : 's'}` +
        (first ? `; first: ${formatLexiconError(first)}` : ''),
    );
    this.name = 'LexiconValidationError';
    this.errors = errors;
  }
}

const SECTOR = /^[A-Z]{3}$/;
const GROUP = /^[A-Z][A-Z0-9_]*$/;
const ROLE_ID = /^entente:role:[a-z0-9-]+$/;

function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** Parses `lexicon.tsv` text. Blank lines and lines starting with `#` are skipped. */
export function parseLexicon(
  text: string,
  file: string,
): { entries: LexiconEntry[]; errors: LexiconError[] } {
  const entries: LexiconEntry[] = [];
  const errors: LexiconError[] = [];
  const seen = new Map<string, number>();
  lines(text).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const err = (message: string): void => void errors.push({ file, line, message });
    const cols = raw.split('\t');
    if (cols.length < 2 || cols.length > 3) {
      err(
        `expected class<TAB>term<TAB>value, found ${cols.length} column${cols.length === 1 ? '' : 's'}`,
      );
      return;
    }
    const [clsText, termText, valueText = '-'] = cols as [string, string, string?];
    if (!Object.hasOwn(LEXICON_CLASSES, clsText)) {
      err(`unknown class "${clsText}" (known: ${Object.keys(LEXICON_CLASSES).join(', ')})`);
      return;
    }
    const cls = clsText as LexiconClass;
    const term = termText.trim();
    if (term === '' || term !== termText) {
      err('the term is empty or has surrounding spaces');
      return;
    }
    const value = valueText.trim() === '-' || valueText.trim() === '' ? null : valueText.trim();
    const rule = LEXICON_CLASSES[cls];
    if (rule === 'none' && value !== null)
      err(`class ${cls} takes no value (write -), found "${value}"`);
    else if (rule === 'sector' && value !== null && !SECTOR.test(value))
      err(`class ${cls}: value must be a 3-letter CAMEO sector or -, found "${value}"`);
    else if (rule === 'group' && (value === null || !GROUP.test(value)))
      err(`class ${cls}: value must be a group name in capitals, found "${value ?? '-'}"`);
    else if (Array.isArray(rule) && (value === null || !rule.includes(value)))
      err(`class ${cls}: value must be one of ${rule.join(', ')}, found "${value ?? '-'}"`);
    if (cls === 'office-group' && !ROLE_ID.test(term))
      err(`class office-group: the term must be a role id (entente:role:...), found "${term}"`);
    if (cls === 'abbreviation' && (term !== term.toLowerCase() || term.includes('.')))
      err('class abbreviation: write the word in lower case without its period');
    const dupKey = `${cls}\t${term.toLowerCase()}`;
    const prev = seen.get(dupKey);
    if (prev !== undefined) err(`"${term}" is already listed as ${cls} on line ${prev}`);
    else seen.set(dupKey, line);
    entries.push({ cls, term, value, line });
  });
  return { entries, errors };
}

/** Parses `ambiguous.tsv` text: form<TAB>type<TAB>cue|cue|... */
export function parseAmbiguity(
  text: string,
  file: string,
): { rules: AmbiguityRule[]; errors: LexiconError[] } {
  const rules: AmbiguityRule[] = [];
  const errors: LexiconError[] = [];
  lines(text).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const err = (message: string): void => void errors.push({ file, line, message });
    const cols = raw.split('\t');
    if (cols.length !== 3) {
      err(
        `expected form<TAB>type<TAB>cues, found ${cols.length} column${cols.length === 1 ? '' : 's'}`,
      );
      return;
    }
    const [form, type, cueText] = cols as [string, string, string];
    if (form.trim() === '' || form.trim() !== form)
      err('the form is empty or has surrounding spaces');
    if (!/^[A-Z]+$/.test(type)) err(`the type must be a word in capitals, found "${type}"`);
    const cues = cueText.split('|').map((c) => c.trim());
    if (cues.some((c) => c === '' || /\s/.test(c)))
      err('cues are single words separated by |, with no empty cue');
    rules.push({ form, type, cues, line });
  });
  return { rules, errors };
}

/** `dictionaries/actors` of the repository, found by walking up from this module. */
export function defaultLexiconDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'dictionaries', 'actors');
    if (existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return path.join(process.cwd(), 'dictionaries', 'actors');
    dir = up;
  }
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

/**
 * Reads and validates `lexicon.tsv` and `ambiguous.tsv` from `dir`. Throws
 * `LexiconValidationError` listing every problem, or `EntenteError` when a file is missing.
 */
export async function loadLexicon(dir: string = defaultLexiconDir()): Promise<Lexicon> {
  const lexFile = path.join(dir, 'lexicon.tsv');
  const ambFile = path.join(dir, 'ambiguous.tsv');
  let lexText: string;
  let ambText: string;
  try {
    [lexText, ambText] = await Promise.all([readFile(lexFile, 'utf8'), readFile(ambFile, 'utf8')]);
  } catch (cause) {
    throw new EntenteError(`entente: cannot read the actor lexicon in ${dir}`, { cause });
  }
  const lex = parseLexicon(lexText, displayPath(lexFile));
  const amb = parseAmbiguity(ambText, displayPath(ambFile));
  const errors = [...lex.errors, ...amb.errors];
  if (errors.length > 0) throw new LexiconValidationError(errors);
  return Object.freeze({
    entries: Object.freeze(lex.entries),
    ambiguity: Object.freeze(amb.rules),
  });
}
