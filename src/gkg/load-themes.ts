import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EntenteError } from '../core/errors.js';
import type { Kb } from '../kb/load.js';

/**
 * Readers and validators for the theme and tone data in `dictionaries/themes/` (formats in
 * dictionaries/README.md, section "Themes and tone"). Every problem is reported as
 * `file:line: message`; a loader collects all problems of a file before throwing.
 *
 * @example
 * const taxonomy = parseTaxonomy(readFileSync(file, 'utf8'), file);
 * const rules = parseThemeRules(readFileSync(rulesFile, 'utf8'), rulesFile, taxonomy);
 */
export interface ThemeDataProblem {
  readonly file: string;
  /** 1-based line number. */
  readonly line: number;
  readonly message: string;
}

/** `file:line: message`. */
export function formatThemeProblem(p: ThemeDataProblem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** Theme or tone data that cannot be used; carries every problem found. */
export class ThemeDataError extends EntenteError {
  readonly problems: readonly ThemeDataProblem[];

  constructor(problems: readonly ThemeDataProblem[]) {
    const shown = problems.slice(0, 20).map(formatThemeProblem);
    const more = problems.length > shown.length ? `\n(${problems.length - shown.length} more)` : '';
    super(shown.join('\n') + more);
    this.name = 'ThemeDataError';
    this.problems = problems;
  }
}

/** One theme of the taxonomy. */
export interface ThemeInfo {
  readonly id: string;
  readonly parent: string | null;
  readonly label: string;
  /** GDELT GKG theme name with the same meaning, or null when none is obvious. */
  readonly gkg: string | null;
  readonly description: string;
  /** Ids from the parent up to the top-level theme. */
  readonly ancestors: readonly string[];
  /** 1-based line of the theme in its taxonomy file. */
  readonly line: number;
}

/** Theme id → theme, in file order. */
export type Taxonomy = ReadonlyMap<string, ThemeInfo>;

const THEME_ID = /^[A-Z][A-Z0-9_]*$/;
const TAXONOMY_HEADER = ['id', 'parent', 'label', 'gkg', 'description'];

/** Lines of a data file with their 1-based numbers, comments and blank lines left out. */
function dataLines(source: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] as string;
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    out.push({ line: i + 1, text });
  }
  return out;
}

/**
 * Parses `taxonomy.tsv`: a header `id parent label gkg description`, then one theme per line,
 * tab-separated. Throws `ThemeDataError` listing every problem.
 */
export function parseTaxonomy(source: string, file: string): Taxonomy {
  const problems: ThemeDataProblem[] = [];
  const bad = (line: number, message: string): void => void problems.push({ file, line, message });
  const rows = dataLines(source);
  const header = rows.shift();
  if (header === undefined || header.text.split('\t').join(' ') !== TAXONOMY_HEADER.join(' ')) {
    bad(header?.line ?? 1, `expected the header line "${TAXONOMY_HEADER.join('\\t')}"`);
    throw new ThemeDataError(problems);
  }
  const raw = new Map<
    string,
    { parent: string | null; label: string; gkg: string | null; description: string; line: number }
  >();
  for (const { line, text } of rows) {
    const f = text.split('\t');
    if (f.length !== 5) {
      bad(line, `expected 5 tab-separated columns, found ${f.length}`);
      continue;
    }
    const [id = '', parent = '', label = '', gkg = '', description = ''] = f.map((x) => x.trim());
    if (!THEME_ID.test(id)) bad(line, `theme id "${id}" must be upper case letters, digits and _`);
    else if (raw.has(id))
      bad(line, `duplicate theme id ${id} (first on line ${raw.get(id)!.line})`);
    if (parent !== '' && !THEME_ID.test(parent)) bad(line, `parent "${parent}" is not a theme id`);
    if (label === '') bad(line, `theme ${id} has no label`);
    if (description === '') bad(line, `theme ${id} has no description`);
    if (gkg !== '' && !THEME_ID.test(gkg))
      bad(line, `gkg name "${gkg}" must be upper case letters, digits and _`);
    if (!raw.has(id)) {
      raw.set(id, { parent: parent || null, label, gkg: gkg || null, description, line });
    }
  }
  for (const [id, t] of raw) {
    if (t.parent !== null && !raw.has(t.parent))
      bad(t.line, `theme ${id}: unknown parent ${t.parent}`);
  }
  const taxonomy = new Map<string, ThemeInfo>();
  for (const [id, t] of raw) {
    const ancestors: string[] = [];
    let p = t.parent;
    while (p !== null && raw.has(p)) {
      if (p === id || ancestors.includes(p)) {
        bad(t.line, `theme ${id}: parent chain loops (${[id, ...ancestors, p].join(' > ')})`);
        break;
      }
      ancestors.push(p);
      p = raw.get(p)!.parent;
    }
    taxonomy.set(
      id,
      Object.freeze({
        id,
        parent: t.parent,
        label: t.label,
        gkg: t.gkg,
        description: t.description,
        ancestors: Object.freeze(ancestors),
        line: t.line,
      }),
    );
  }
  if (taxonomy.size === 0) bad(header.line, 'no themes');
  if (problems.length > 0) throw new ThemeDataError(problems);
  return taxonomy;
}

/**
 * One alternative word of a rule item: compared with a token's lower-cased forms, or with
 * its exact text when the word has a capital letter (`SCO`, `WHO`), as a whole or, with
 * `prefix`, as the token's beginning (`sanction*`).
 */
export interface RuleAlt {
  readonly word: string;
  readonly prefix: boolean;
  readonly caseSensitive: boolean;
}

/** One token position of a pattern: any token (`*`) or one of `alts`, optionally of given parts of speech. */
export interface RuleItem {
  readonly any: boolean;
  readonly alts: readonly RuleAlt[];
  readonly pos: readonly string[] | null;
}

/**
 * A parsed rule line. Positive rules assign `themes`; negative ones (`not ...`) cancel the
 * matches of `themes` (`*`: every theme) that overlap them, or with `in sentence` every
 * match of those themes in the sentence.
 */
export interface ThemeRule {
  readonly themes: readonly string[];
  readonly negative: boolean;
  readonly scope: 'overlap' | 'sentence';
  readonly items: readonly RuleItem[];
  /** `file:line` of the rule, for explanations and errors. */
  readonly origin: string;
  /** The pattern as written. */
  readonly pattern: string;
}

/** Universal part-of-speech tags wink-nlp assigns. */
export const POS_TAGS: ReadonlySet<string> = new Set([
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'X',
]);

const MIN_PREFIX = 3;

/** Parses one pattern (`word|word*@POS * word`); returns the items or a problem message. */
export function parsePattern(pattern: string): RuleItem[] | string {
  const items: RuleItem[] = [];
  const parts = pattern
    .trim()
    .split(/\s+/)
    .filter((p) => p !== '');
  if (parts.length === 0) return 'empty pattern';
  for (const part of parts) {
    const at = part.indexOf('@');
    const body = at < 0 ? part : part.slice(0, at);
    let pos: string[] | null = null;
    if (at >= 0) {
      pos = part.slice(at + 1).split('|');
      const unknown = pos.find((p) => !POS_TAGS.has(p));
      if (unknown !== undefined)
        return `unknown part of speech "${unknown}" in "${part}" (use ${[...POS_TAGS].join(', ')})`;
    }
    if (body === '*') {
      items.push({ any: true, alts: [], pos });
      continue;
    }
    const alts: RuleAlt[] = [];
    for (const w of body.split('|')) {
      if (w === '') return `empty alternative in "${part}"`;
      const star = w.indexOf('*');
      if (star >= 0 && star !== w.length - 1) return `"*" may only end a word ("${w}")`;
      const word = star >= 0 ? w.slice(0, -1) : w;
      if (star >= 0 && word.length < MIN_PREFIX)
        return `prefix "${w}" is shorter than ${MIN_PREFIX} characters`;
      if (/[:@]/.test(word)) return `"${w}" contains a reserved character (: or @)`;
      alts.push({ word, prefix: star >= 0, caseSensitive: word !== word.toLowerCase() });
    }
    items.push({ any: false, alts, pos });
  }
  if (items[0]!.any) return 'a pattern cannot start with "*"';
  const last = items[items.length - 1]!;
  if (last.any && last.pos === null)
    return 'a pattern cannot end with "*" unless it names a part of speech ("*@PROPN")';
  return items;
}

/**
 * Parses `rules.txt`: `[not] THEME[,THEME...] [in sentence]: pattern` per line. Unknown
 * themes, bad patterns and repeated rules are problems; all are thrown together.
 */
export function parseThemeRules(source: string, file: string, taxonomy: Taxonomy): ThemeRule[] {
  const problems: ThemeDataProblem[] = [];
  const rules: ThemeRule[] = [];
  const seen = new Map<string, number>();
  for (const { line, text } of dataLines(source)) {
    const bad = (message: string): void => void problems.push({ file, line, message });
    const colon = text.indexOf(':');
    if (colon < 0) {
      bad('expected "THEME: pattern" (or "not THEME: pattern")');
      continue;
    }
    const spec = text.slice(0, colon).trim().split(/\s+/);
    const pattern = text.slice(colon + 1).trim();
    let negative = false;
    let scope: ThemeRule['scope'] = 'overlap';
    if (spec[0] === 'not') {
      negative = true;
      spec.shift();
    }
    if (spec.length === 3 && spec[1] === 'in' && spec[2] === 'sentence') {
      scope = 'sentence';
      spec.length = 1;
    }
    if (spec.length !== 1 || spec[0] === '') {
      bad(
        `cannot read "${text.slice(0, colon).trim()}": expected [not] THEME[,THEME...] [in sentence]`,
      );
      continue;
    }
    if (scope === 'sentence' && !negative) {
      bad('"in sentence" is only for negative rules ("not THEME in sentence: ...")');
      continue;
    }
    const themes = spec[0]!.split(',');
    let ok = true;
    for (const t of themes) {
      if (t === '*' && negative && themes.length === 1) continue;
      if (!taxonomy.has(t)) {
        bad(
          t === '*' ? '"*" (every theme) is only for negative rules, alone' : `unknown theme ${t}`,
        );
        ok = false;
      }
    }
    const items = parsePattern(pattern);
    if (typeof items === 'string') {
      bad(items);
      continue;
    }
    if (!ok) continue;
    const key = `${negative ? 'not ' : ''}${themes.join(',')} ${scope}: ${pattern.replace(/\s+/g, ' ')}`;
    const first = seen.get(key);
    if (first !== undefined) {
      bad(`repeats the rule on line ${first}`);
      continue;
    }
    seen.set(key, line);
    rules.push(
      Object.freeze({
        themes: Object.freeze(themes),
        negative,
        scope,
        items,
        origin: `${file}:${line}`,
        pattern,
      }),
    );
  }
  if (problems.length > 0) throw new ThemeDataError(problems);
  return rules;
}

/**
 * Every theme must be reachable: assigned by a positive rule of its own or of one of its
 * sub-themes. A theme nothing can assign is a data mistake, reported at its taxonomy line.
 */
export function checkRuleCoverage(
  taxonomy: Taxonomy,
  rules: readonly ThemeRule[],
  taxonomyFile: string,
): void {
  const reachable = new Set<string>();
  for (const rule of rules) {
    if (rule.negative) continue;
    for (const theme of rule.themes) {
      reachable.add(theme);
      for (const up of taxonomy.get(theme)?.ancestors ?? []) reachable.add(up);
    }
  }
  const problems: ThemeDataProblem[] = [];
  for (const t of taxonomy.values()) {
    if (!reachable.has(t.id)) {
      problems.push({
        file: taxonomyFile,
        line: t.line,
        message: `theme ${t.id} has no positive rule, and none of its sub-themes has one`,
      });
    }
  }
  if (problems.length > 0) throw new ThemeDataError(problems);
}

/** The theme every international-organisation name triggers. */
export const IGO_THEME = 'INTERNATIONAL_ORGANISATIONS';

// Words, abbreviations with dots (U.N.), the clitic 's, and single punctuation marks: the
// pieces wink-nlp cuts a name into. Hyphenated words stay whole here; matching also accepts
// them split at the hyphens.
const NAME_PIECE =
  /\p{L}[\p{L}\p{N}]*(?:\.\p{L}[\p{L}\p{N}]*)+\.?|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*|['’]s\b|[^\s\p{L}\p{N}]/gu;

/** A name of an organisation as a pattern: each piece one item, capitals matched exactly. */
export function namePattern(form: string): RuleItem[] {
  const items: RuleItem[] = [];
  for (const m of form.matchAll(NAME_PIECE)) {
    const word = m[0].replace(/’/g, "'");
    items.push({
      any: false,
      alts: [{ word, prefix: false, caseSensitive: word !== word.toLowerCase() }],
      pos: null,
    });
  }
  return items;
}

/** Positive rules assigning `theme` to each name; `origin` says where the names came from. */
export function nameRules(
  names: Iterable<{ form: string; origin: string }>,
  theme = IGO_THEME,
): ThemeRule[] {
  const rules: ThemeRule[] = [];
  const seen = new Set<string>();
  for (const { form, origin } of names) {
    if (seen.has(form)) continue;
    seen.add(form);
    const items = namePattern(form);
    if (items.length === 0) continue;
    rules.push(
      Object.freeze({
        themes: [theme],
        negative: false,
        scope: 'overlap',
        items,
        origin,
        pattern: form,
      }),
    );
  }
  return rules;
}

/**
 * Names and aliases of the `IGO` entries of a knowledge-base organisations file
 * (`dictionaries/kb/organisations.jsonl`), each with `file:line`. The KB validator owns that
 * format; here a line that is not a JSON object is still a `file:line` problem.
 */
export function readIgoNames(file: string): Array<{ form: string; origin: string }> {
  const out: Array<{ form: string; origin: string }> = [];
  const problems: ThemeDataProblem[] = [];
  const lines = readData(file).split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] as string).trim();
    if (text === '') continue;
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch (err) {
      problems.push({ file, line: i + 1, message: `invalid JSON: ${(err as Error).message}` });
      continue;
    }
    if (typeof entry !== 'object' || entry === null) continue;
    const e = entry as { type?: unknown; name?: unknown; aliases?: unknown };
    if (e.type !== 'IGO') continue;
    const forms = [e.name, ...(Array.isArray(e.aliases) ? e.aliases : [])];
    for (const form of forms)
      if (typeof form === 'string') out.push({ form, origin: `${file}:${i + 1}` });
  }
  if (problems.length > 0) throw new ThemeDataError(problems);
  return out;
}

/** Names and aliases of the `IGO` entries of a loaded knowledge base. */
export function igoNamesFromKb(kb: Kb): Array<{ form: string; origin: string }> {
  const out: Array<{ form: string; origin: string }> = [];
  const entries = kb.compiled.entries;
  for (const [key, refs] of Object.entries(kb.compiled.names)) {
    for (const [entry, , form] of refs) {
      const e = entries[entry];
      if (e?.type === 'IGO') out.push({ form: form ?? key, origin: `kb:${e.id}` });
    }
  }
  return out;
}

/** Tone lexicon additions: `word` or `word@POS` → score. */
export type ToneOverrides = ReadonlyMap<string, number>;

/**
 * Parses `tone-overrides.tsv`: `word[@POS] <tab> score`, an integer from -5 to 5; 0 takes a
 * word out of the lexicon. Words are lower case, one token each.
 */
export function parseToneOverrides(source: string, file: string): ToneOverrides {
  const problems: ThemeDataProblem[] = [];
  const out = new Map<string, number>();
  const firstLine = new Map<string, number>();
  for (const { line, text } of dataLines(source)) {
    const bad = (message: string): void => void problems.push({ file, line, message });
    const f = text.split('\t').map((x) => x.trim());
    if (f.length !== 2) {
      bad(`expected "word<TAB>score", found ${f.length} column${f.length === 1 ? '' : 's'}`);
      continue;
    }
    const [key = '', score = ''] = f;
    const [word = '', pos, ...rest] = key.split('@');
    if (word === '' || /\s/.test(word) || rest.length > 0) {
      bad(`"${key}" is not a single word (optionally word@POS)`);
      continue;
    }
    if (word !== word.toLowerCase()) {
      bad(`"${word}" must be lower case`);
      continue;
    }
    if (pos !== undefined && !POS_TAGS.has(pos)) {
      bad(`unknown part of speech "${pos}"`);
      continue;
    }
    if (!/^[+-]?\d+$/.test(score) || Math.abs(Number(score)) > 5) {
      bad(`score "${score}" must be an integer from -5 to 5`);
      continue;
    }
    const first = firstLine.get(key);
    if (first !== undefined) {
      bad(`"${key}" is already scored on line ${first}`);
      continue;
    }
    firstLine.set(key, line);
    out.set(key, Number(score));
  }
  if (problems.length > 0) throw new ThemeDataError(problems);
  return out;
}

/**
 * Word classes the tone measures need: negators flip a score; a breaker right after a
 * negator undoes it ("not only", "not just"); self words are first-person references.
 */
export interface ToneWords {
  readonly negators: ReadonlySet<string>;
  readonly breakers: ReadonlySet<string>;
  readonly self: ReadonlySet<string>;
}

const TONE_WORD_CLASSES = ['negator', 'breaker', 'self'] as const;

/** Parses `tone-words.tsv`: `class <tab> word`, class `negator`, `breaker` or `self`. */
export function parseToneWords(source: string, file: string): ToneWords {
  const problems: ThemeDataProblem[] = [];
  const negators = new Set<string>();
  const breakers = new Set<string>();
  const self = new Set<string>();
  for (const { line, text } of dataLines(source)) {
    const bad = (message: string): void => void problems.push({ file, line, message });
    const f = text.split('\t').map((x) => x.trim());
    if (f.length !== 2) {
      bad(`expected "class<TAB>word", found ${f.length} column${f.length === 1 ? '' : 's'}`);
      continue;
    }
    const [cls = '', word = ''] = f;
    const set =
      cls === 'negator' ? negators : cls === 'breaker' ? breakers : cls === 'self' ? self : null;
    if (set === null) {
      bad(`unknown class "${cls}" (use ${TONE_WORD_CLASSES.join(', ')})`);
      continue;
    }
    if (word === '' || /\s/.test(word) || word !== word.toLowerCase()) {
      bad(`"${word}" must be one lower-case word`);
      continue;
    }
    if (set.has(word)) {
      bad(`"${word}" is listed twice as ${cls}`);
      continue;
    }
    set.add(word);
  }
  if (negators.size === 0) problems.push({ file, line: 1, message: 'no negator words' });
  if (self.size === 0) problems.push({ file, line: 1, message: 'no self words' });
  if (problems.length > 0) throw new ThemeDataError(problems);
  return { negators, breakers, self };
}

/**
 * The repository's `dictionaries/` folder, found by walking up from this module so the same
 * code works from `src/` and from `dist/src/`; the working directory is the fallback.
 */
export function defaultDictionariesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'dictionaries', 'themes'))) return path.join(dir, 'dictionaries');
    const up = path.dirname(dir);
    if (up === dir) return path.join(process.cwd(), 'dictionaries');
    dir = up;
  }
}

/** Reads a data file, turning a missing or unreadable file into a `file:line` problem. */
export function readData(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const reason =
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (err as Error).message;
    throw new ThemeDataError([{ file, line: 1, message: reason }]);
  }
}
