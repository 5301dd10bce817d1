import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { EntenteError, UsageError } from '../core/errors.js';
import { isKbDate, surfaceKey } from './compile.js';
import { addDays, checkOverlayLine, displayPath, writeOverlayFile } from './overlay.js';
import { NON_STATE_ROOTS, type KbError } from './validate.js';

const NON_STATE: ReadonlySet<string> = new Set(NON_STATE_ROOTS);

/**
 * Reads actor and agent dictionaries in the TABARI/PETRARCH format (the Phoenix
 * dictionaries) and turns them into overlay entries (dictionaries/README.md, "Importing
 * TABARI/PETRARCH dictionaries"). Parsing and conversion are pure; `importPetrarch` reads
 * the files and writes `imported-<name>.jsonl`.
 */

/**
 * A code with its optional date restriction, dates as YYYY-MM-DD (inclusive).
 *
 * @example
 * // "\t[RUSGOV 990809-000507]" on line 12:
 * const c: TabariCode = { code: 'RUSGOV', from: '1999-08-09', until: '2000-05-07', line: 12 };
 */
export interface TabariCode {
  readonly code: string;
  readonly from: string | null;
  readonly until: string | null;
  readonly line: number;
}

/**
 * One actor: its name line, `+` synonyms, and the codes on the name line and the
 * indented lines below it.
 *
 * @example
 * for (const b of dict.blocks) console.log(b.line, b.names.map((n) => n.text), b.codes);
 */
export interface TabariBlock {
  readonly line: number;
  /** Names as written, `_` turned into spaces: "VLADIMIR PUTIN". */
  readonly names: ReadonlyArray<{ readonly text: string; readonly line: number }>;
  readonly codes: readonly TabariCode[];
}

/**
 * One agent line: its lower-case phrases (singular, plural, substitutions) and code.
 * `prefix` is true for `[IGO~]` (the agent code goes before the actor's) and false for
 * `[~GOV]` (after it).
 *
 * @example
 * // "FARM_WORKER [~AGR]" -> { phrases: ['farm worker', 'farm workers'], code: 'AGR', prefix: false }
 */
export interface TabariAgent {
  readonly line: number;
  readonly phrases: readonly string[];
  readonly code: string;
  readonly prefix: boolean;
}

/**
 * A parsed dictionary file. `problems` are lines (or parts of lines) that were skipped,
 * with the reason; `notes` are lines read with a caveat.
 *
 * @example
 * const dict = parseTabari(text, 'Phoenix.Countries.actors.txt');
 * for (const p of dict.problems) console.error(formatKbError(p));
 */
export interface TabariDictionary {
  readonly file: string;
  readonly kind: 'actors' | 'agents';
  readonly blocks: readonly TabariBlock[];
  readonly agents: readonly TabariAgent[];
  readonly problems: readonly KbError[];
  readonly notes: readonly KbError[];
}

/**
 * Two-digit years up to this value are 20YY, above it 19YY: the KEDS/TABARI/PETRARCH
 * convention (00-30 -> 2000-2030, 31-99 -> 1931-1999).
 */
export const TWO_DIGIT_YEAR_PIVOT = 30;

/**
 * A TABARI date, `YYMMDD` or `YYYYMMDD`, as YYYY-MM-DD; null when it is neither or not a
 * calendar day. Two-digit years pivot at `TWO_DIGIT_YEAR_PIVOT`.
 *
 * @example
 * parseTabariDate('990809'); // '1999-08-09'
 * parseTabariDate('080507'); // '2008-05-07'
 * parseTabariDate('19270101'); // '1927-01-01'
 * parseTabariDate('2004017'); // null
 */
export function parseTabariDate(digits: string): string | null {
  let year: number;
  let rest: string;
  if (/^\d{6}$/.test(digits)) {
    const yy = Number(digits.slice(0, 2));
    year = yy <= TWO_DIGIT_YEAR_PIVOT ? 2000 + yy : 1900 + yy;
    rest = digits.slice(2);
  } else if (/^\d{8}$/.test(digits)) {
    year = Number(digits.slice(0, 4));
    rest = digits.slice(4);
  } else return null;
  const iso = `${String(year).padStart(4, '0')}-${rest.slice(0, 2)}-${rest.slice(2, 4)}`;
  return isKbDate(iso) ? iso : null;
}

function dayBefore(iso: string): string {
  const day = Number(iso.replaceAll('-', ''));
  const s = String(addDays(day, -1));
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

const ACTOR_CODE = /^([A-Z]{3})+$/;

/**
 * One `[...]` group of an actor dictionary: `CODE`, `CODE >D`, `CODE <D` or `CODE D-D`.
 * `>D` holds from D on; `<D` up to the day before D (PETRARCH compares strictly); `A-B`
 * from A through B. `[---]` (no code) gives `null`.
 */
export function parseCodeGroup(
  inner: string,
  line: number,
): { code: TabariCode } | { none: true } | { problem: string } {
  const text = inner.trim();
  const m = /^(\S+)\s*(.*)$/.exec(text);
  if (!m) return { problem: 'empty []' };
  const code = m[1]!;
  const rest = m[2]!.trim();
  if (/^-+$/.test(code)) return { none: true };
  if (code.includes('~'))
    return { problem: `[${text}] is an agent code; agents belong in an agents dictionary` };
  if (!ACTOR_CODE.test(code))
    return { problem: `"${code}" is not a CAMEO actor code (groups of 3 capitals)` };
  if (rest === '') return { code: { code, from: null, until: null, line } };
  const date = (digits: string): string | { problem: string } =>
    parseTabariDate(digits) ?? {
      problem: `"${digits}" in [${text}] is not a date (YYMMDD or YYYYMMDD)`,
    };
  const bound = /^([<>])\s*(\d+)$/.exec(rest);
  if (bound) {
    const d = date(bound[2]!);
    if (typeof d !== 'string') return d;
    return bound[1] === '>'
      ? { code: { code, from: d, until: null, line } }
      : { code: { code, from: null, until: dayBefore(d), line } };
  }
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(rest);
  if (range) {
    const from = date(range[1]!);
    if (typeof from !== 'string') return from;
    const until = date(range[2]!);
    if (typeof until !== 'string') return until;
    if (until < from) return { problem: `[${text}] ends before it starts` };
    return { code: { code, from, until, line } };
  }
  return {
    problem: `cannot read the restriction "${rest}" in [${text}] (expected >DATE, <DATE or DATE-DATE)`,
  };
}

/** Lines with comments removed: `#` to the end of line, `<!-- -->` (also over several lines). */
function* contentLines(text: string): Generator<{ line: number; content: string }> {
  const lines = text.split('\n');
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    let s = lines[i]!.replace(/\r$/, '');
    if (i === 0) s = s.replace(/^\uFEFF/, '');
    if (inComment) {
      const end = s.indexOf('-->');
      if (end === -1) continue;
      s = ' '.repeat(end + 3) + s.slice(end + 3);
      inComment = false;
    }
    for (;;) {
      const start = s.indexOf('<!--');
      if (start === -1) break;
      const end = s.indexOf('-->', start + 4);
      if (end === -1) {
        s = s.slice(0, start);
        inComment = true;
        break;
      }
      s = s.slice(0, start) + s.slice(end + 3);
    }
    const hash = s.indexOf('#');
    if (hash !== -1) s = s.slice(0, hash);
    if (s.trim() === '') continue;
    yield { line: i + 1, content: s };
  }
}

/** `[...]` groups of a line and the text before the first one. */
function splitGroups(s: string): { head: string; groups: string[]; unclosed: boolean } {
  const open = s.indexOf('[');
  if (open === -1) return { head: s, groups: [], unclosed: false };
  const groups: string[] = [];
  const re = /\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  let last = open;
  while ((m = re.exec(s)) !== null) {
    groups.push(m[1]!);
    last = re.lastIndex;
  }
  const unclosed = s.indexOf('[', last) !== -1 || (groups.length === 0 && open !== -1);
  return { head: s.slice(0, open), groups, unclosed };
}

const BAD_NAME_CHAR = /[[\]{}+!~<>=|\\]/;

/**
 * A dictionary phrase as names: `_` and runs of spaces become one space, a trailing `_`
 * (PETRARCH's word-end mark) goes, a parenthesised part becomes a name of its own
 * ("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_" -> "ADEN ABYAN ISLAMIC ARMY", "AAIA"), a quoted
 * nickname is left out ('RICHARD_"RICK"_ROE_' -> "RICHARD ROE"), and a leading "THE" is
 * dropped when at least two words follow it.
 */
export function cleanPhrase(raw: string): { names: string[] } | { problem: string } {
  const bad = BAD_NAME_CHAR.exec(raw);
  if (bad) return { problem: `unexpected "${bad[0]}" in the name "${raw.trim()}"` };
  if ((raw.match(/"/g) ?? []).length % 2 === 1)
    return { problem: `unbalanced quote in the name "${raw.trim()}"` };
  let s = raw.replace(/"[^"]*"/g, ' ').replace(/_/g, ' ');
  const extra: string[] = [];
  s = s.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    extra.push(inner);
    return ' ';
  });
  if (/[()]/.test(s)) return { problem: `unbalanced parenthesis in the name "${raw.trim()}"` };
  const names: string[] = [];
  for (const candidate of [s, ...extra]) {
    let name = candidate.replace(/\s+/g, ' ').trim();
    if (/^the \S+ \S/i.test(name)) name = name.slice(4);
    if (/\p{L}/u.test(name) && !names.includes(name)) names.push(name);
  }
  if (names.length === 0) return { problem: `no letters in the name "${raw.trim()}"` };
  return { names };
}

/**
 * Parses an actor or agent dictionary. The kind is decided by the first code in the file:
 * `[~XXX]` or `[XXX~]` make it an agents dictionary. Never throws: every line that cannot
 * be used is in `problems` with its line number and the reason.
 *
 * Actor dictionaries: a line starting at the margin names an actor, optionally with codes;
 * `+NAME` lines add synonyms; indented lines carry more codes (`[CODE]`, `[CODE >D]`,
 * `[CODE <D]`, `[CODE D-D]`). A name line without any code takes the codes of the next
 * actor that has some, as PETRARCH does. `---STOP---` ends the file.
 */
export function parseTabari(text: string, file: string): TabariDictionary {
  const problems: KbError[] = [];
  const notes: KbError[] = [];
  const problem = (line: number, message: string): void => {
    problems.push({ file, line, message, severity: 'error' });
  };
  const lines = [...contentLines(text)];
  const stop = lines.findIndex((l) => l.content.includes('---STOP---'));
  const body = stop === -1 ? lines : lines.slice(0, stop);
  const firstCode = body.map((l) => /\[([^\]]*)\]/.exec(l.content)).find((m) => m !== null);
  const isAgents =
    (firstCode !== undefined && firstCode !== null && firstCode[1]!.includes('~')) ||
    body.some((l) => /^!\w+!\s*=/.test(l.content.trim()));
  if (isAgents) return parseAgents(body, file, problems, notes);

  const blocks: TabariBlock[] = [];
  interface Open {
    line: number;
    names: Array<{ text: string; line: number }>;
    codes: TabariCode[];
    sawCode: boolean;
  }
  let current: Open | null = null;
  let waiting: Array<{ text: string; line: number }> = [];
  const addNames = (target: Array<{ text: string; line: number }>, raw: string, line: number) => {
    const cleaned = cleanPhrase(raw.split(';')[0]!);
    if ('problem' in cleaned) return problem(line, cleaned.problem);
    for (const n of cleaned.names) target.push({ text: n, line });
  };
  const addCodes = (target: Open, groups: readonly string[], line: number): void => {
    for (const g of groups) {
      target.sawCode = true;
      const parsed = parseCodeGroup(g, line);
      if ('problem' in parsed) problem(line, parsed.problem);
      else if ('code' in parsed) target.codes.push(parsed.code);
    }
  };
  const close = (): void => {
    if (current === null) return;
    if (!current.sawCode) {
      // PETRARCH gives a name line without codes the codes of the next actor.
      waiting = [...waiting, ...current.names];
    } else if (current.names.length > 0) {
      blocks.push({ line: current.line, names: current.names, codes: current.codes });
    }
    current = null;
  };

  for (const { line, content } of body) {
    const { head, groups, unclosed } = splitGroups(content);
    if (unclosed) {
      problem(line, `unclosed "[" in "${content.trim()}"`);
      continue;
    }
    if (/^\s/.test(content)) {
      if (groups.length === 0) {
        problem(line, `indented line without a [CODE]: "${content.trim()}"`);
      } else if (current === null) {
        problem(line, 'codes with no actor name above them');
      } else addCodes(current, groups, line);
      continue;
    }
    if (content.startsWith('+')) {
      if (current === null) {
        problem(line, `synonym "${content.trim()}" with no actor name above it`);
        continue;
      }
      if (groups.length > 0) {
        notes.push({
          file,
          line,
          message:
            'codes on a "+" synonym line are ignored (codes go on the name line or indented lines)',
          severity: 'warning',
        });
      }
      addNames(current.names, head.slice(1), line);
      continue;
    }
    close();
    const open: Open = { line, names: [], codes: [], sawCode: false };
    current = open;
    if (waiting.length > 0) {
      open.names.push(...waiting);
      waiting = [];
    }
    addNames(open.names, head, line);
    addCodes(open, groups, line);
  }
  close();
  for (const n of waiting) problem(n.line, `no code for "${n.text}" (no actor with codes follows)`);
  return { file, kind: 'actors', blocks, agents: [], problems, notes };
}

/** The regular English plural of a phrase's last word (PETRARCH generates these too). */
export function pluralOf(phrase: string): string {
  if (/[^aeiou]y$/.test(phrase)) return `${phrase.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(phrase)) return `${phrase}es`;
  return `${phrase}s`;
}

function agentPhrase(raw: string): string | null {
  const s = raw.replace(/_/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  return /\p{L}/u.test(s) ? s : null;
}

function parseAgents(
  body: ReadonlyArray<{ line: number; content: string }>,
  file: string,
  problems: KbError[],
  notes: KbError[],
): TabariDictionary {
  const problem = (line: number, message: string): void => {
    problems.push({ file, line, message, severity: 'error' });
  };
  const sets = new Map<string, string[]>();
  const agents: TabariAgent[] = [];
  for (const { line, content } of body) {
    const trimmed = content.trim();
    const set = /^!(\w+)!\s*=\s*(.*)$/.exec(trimmed);
    if (set) {
      const values = set[2]!
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
      if (values.length === 0) problem(line, `substitution set !${set[1]}! has no values`);
      else sets.set(set[1]!, values);
      continue;
    }
    const { head, groups, unclosed } = splitGroups(trimmed);
    if (unclosed) {
      problem(line, `unclosed "[" in "${trimmed}"`);
      continue;
    }
    if (groups.length === 0) {
      problem(line, `agent "${trimmed}" has no [~CODE]`);
      continue;
    }
    if (groups.length > 1)
      notes.push({
        file,
        line,
        message: `only the first of ${groups.length} codes is used`,
        severity: 'warning',
      });
    const codeText = groups[0]!.trim();
    const code = /^~([A-Z]+)$/.exec(codeText) ?? /^([A-Z]+)~$/.exec(codeText);
    if (!code || !ACTOR_CODE.test(code[1]!)) {
      problem(
        line,
        `"[${codeText}]" is not an agent code ([~XXX] or [XXX~], groups of 3 capitals)`,
      );
      continue;
    }
    let phrase = head;
    let plural: string | null | undefined;
    const brace = phrase.indexOf('{');
    if (brace !== -1) {
      const end = phrase.indexOf('}', brace);
      if (end === -1) {
        problem(line, `missing "}" in "${trimmed}"`);
        continue;
      }
      plural = agentPhrase(phrase.slice(brace + 1, end));
      phrase = phrase.slice(0, brace);
    }
    let singulars: string[];
    const marker = /!(\w+)!/.exec(phrase);
    if (marker) {
      const values = sets.get(marker[1]!);
      if (!values) {
        problem(line, `substitution set !${marker[1]}! is not defined above this line`);
        continue;
      }
      singulars = values.map((v) => phrase.replace(marker[0], v));
      plural = null; // the substitution set lists its own plurals (MAN, MEN)
    } else singulars = [phrase];
    const phrases: string[] = [];
    for (const raw of singulars) {
      const p = agentPhrase(raw);
      if (p !== null && !phrases.includes(p)) phrases.push(p);
    }
    if (phrases.length === 0) {
      problem(line, `no letters in the agent "${trimmed}"`);
      continue;
    }
    const plurals =
      plural === undefined ? [pluralOf(phrases[0]!)] : plural === null ? [] : [plural];
    for (const p of plurals) if (!phrases.includes(p)) phrases.push(p);
    agents.push({ line, phrases, code: code[1]!, prefix: codeText.endsWith('~') });
  }
  return { file, kind: 'agents', blocks: [], agents, problems, notes };
}

// ---------------------------------------------------------------------------------------
// Conversion to overlay entries

/**
 * How to convert: `name` prefixes every id (`entente:person:<name>-vladimir-putin`),
 * `roots` are the code roots the base knows (`knownRoots`), `frozen` (optional) ends every
 * open `>DATE` restriction on that day, for dictionaries that stopped being maintained.
 */
export interface ConvertOptions {
  readonly name: string;
  readonly roots: ReadonlySet<string>;
  readonly frozen?: string | null;
}

/**
 * Converted entries (plain objects in the dictionaries/kb JSON Lines format), the number
 * of names they carry, what was skipped and what was read with a caveat.
 */
export interface Converted {
  readonly entries: Array<Record<string, unknown>>;
  readonly names: number;
  readonly skipped: KbError[];
  readonly notes: KbError[];
}

const VOWEL = /[AEIOUYaeiouy]/;

/**
 * A word written in capitals reads as an acronym when it has dots or digits, at most three
 * letters, no vowel, or is short with one vowel and a run of three consonants (ANSF, UNSG,
 * UNHCR; but Chad, Iran, Putin, Schmidt are names).
 */
function acronymLike(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return (
    /[.\d]/.test(word) ||
    letters.length <= 3 ||
    !VOWEL.test(letters) ||
    (letters.length <= 5 &&
      (letters.match(/[AEIOUY]/gi) ?? []).length === 1 &&
      /[^AEIOUY]{3}/i.test(letters))
  );
}

function capitalise(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[-'’])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase());
}

/** A display name from a dictionary's capitals: "VLADIMIR PUTIN" -> "Vladimir Putin". */
export function displayName(text: string): string {
  if (text !== text.toUpperCase()) return text; // written in mixed case: keep it
  return text
    .split(' ')
    .map((w, i) => {
      if (i === 0 || /[.\d]/.test(w)) return acronymLike(w) && !w.includes('-') ? w : capitalise(w);
      const letters = w.replace(/[^\p{L}]/gu, '');
      return letters.length <= 3 && VOWEL.test(letters) ? w.toLowerCase() : capitalise(w);
    })
    .join(' ');
}

/**
 * The surface form a dictionary name is indexed under. PETRARCH matched without regard to
 * case, but entente's forms with capitals match case-sensitively, so: a name of several
 * words (or a hyphenated one) becomes lower case and matches in any case ("vladimir
 * putin"); a single word stays case-sensitive, capitalised ("Putin", "Kabul") or, when it
 * looks like an acronym, in capitals ("UN", "U.N.", "ANSF"), so that it never matches an
 * ordinary lower-case word ("nice", "split", "us").
 */
export function surfaceFormOf(text: string): string {
  if (text !== text.toUpperCase()) return text;
  if (text.includes(' ') || text.includes('-')) return text.toLowerCase();
  return acronymLike(text) ? text : capitalise(text);
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

function uniqueId(
  used: Set<string>,
  kind: string,
  name: string,
  text: string,
  line: number,
): string {
  const base = `entente:${kind}:${name}-${slug(text) || `line-${line}`}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** A block's names as `name` + `aliases`, distinct by index key. */
function namesOf(block: TabariBlock): { name: string; aliases: string[] } {
  const name = displayName(block.names[0]!.text);
  const seen = new Set<string>([surfaceKey(name)]);
  const aliases: string[] = [];
  const exactName = surfaceFormOf(block.names[0]!.text);
  if (exactName !== name) aliases.push(exactName);
  for (const n of block.names.slice(1)) {
    const form = surfaceFormOf(n.text);
    const key = surfaceKey(form);
    if (seen.has(key)) continue;
    seen.add(key);
    aliases.push(form);
  }
  return { name, aliases };
}

const when = (c: { from: string | null; until: string | null }): Record<string, string> => ({
  ...(c.from !== null ? { from: c.from } : {}),
  ...(c.until !== null ? { until: c.until } : {}),
});

/**
 * Converts parsed dictionaries into overlay entries:
 * - an actor whose codes are all undated becomes an `ALIAS` with its code (a country's
 *   names and cities under `[AFG]`, an institution under `[AFGMIL]`, an IGO under `[IGOUNO]`);
 *   with several undated codes the first is used and a note says so;
 * - an actor with at least one dated code becomes a `PERSON`: its country is the root of an
 *   undated `<CCC>ELI` code, else of its first state code; each other code becomes a role
 *   with the restriction's dates; dated `<country>ELI` periods are left out, because a
 *   person without an office is coded `<country>ELI` anyway;
 * - agents become `ROLE` entries, one per agent code, with the singular and plural phrases
 *   as terms and the code's first group as sector.
 * Codes whose root the base does not know are skipped with their line.
 */
export function convertTabari(
  dicts: readonly TabariDictionary[],
  options: ConvertOptions,
): Converted {
  const entries: Array<Record<string, unknown>> = [];
  const skipped: KbError[] = [];
  const notes: KbError[] = [];
  const used = new Set<string>();
  let names = 0;
  const terms = new Map<string, string>();
  const roles = new Map<string, { entry: Record<string, unknown>; terms: string[] }>();
  for (const dict of dicts) {
    const source = path.basename(dict.file);
    const skip = (line: number, message: string): void => {
      skipped.push({ file: dict.file, line, message, severity: 'error' });
    };
    for (const agent of dict.agents) {
      const key = `${agent.prefix ? 'prefix' : 'suffix'}:${agent.code}`;
      let role = roles.get(key);
      if (role === undefined) {
        const codeText = agent.prefix ? `[${agent.code}~]` : `[~${agent.code}]`;
        const entry: Record<string, unknown> = {
          id: uniqueId(
            used,
            'role',
            options.name,
            `${agent.code}${agent.prefix ? '-prefix' : ''}`,
            agent.line,
          ),
          type: 'ROLE',
          terms: [],
          sector: agent.code.slice(0, 3),
          note: `imported from ${source}: agent code ${codeText}`,
        };
        role = { entry, terms: [] };
        roles.set(key, role);
        entries.push(entry);
      }
      for (const phrase of agent.phrases) {
        const first = terms.get(phrase);
        if (first !== undefined) {
          if (first !== key)
            skip(
              agent.line,
              `term "${phrase}" is already mapped by an earlier agent (${first.split(':')[1]})`,
            );
          continue;
        }
        terms.set(phrase, key);
        role.terms.push(phrase);
        names++;
      }
    }
    for (const block of dict.blocks) {
      const codes: TabariCode[] = [];
      for (const c of block.codes) {
        if (!options.roots.has(c.code.slice(0, 3))) {
          skip(
            c.line,
            `code ${c.code}: unknown root "${c.code.slice(0, 3)}" (not a state, region or IGO/NGO/IMG/MNC/UIS code in the knowledge base)`,
          );
        } else if (
          options.frozen &&
          c.from !== null &&
          c.until === null &&
          c.from <= options.frozen
        ) {
          codes.push({ ...c, until: options.frozen });
        } else codes.push(c);
      }
      if (codes.length === 0) {
        skip(block.line, `"${block.names[0]!.text}" has no usable code; skipped`);
        continue;
      }
      const { name, aliases } = namesOf(block);
      const dated = codes.filter((c) => c.from !== null || c.until !== null);
      const undated = codes.filter((c) => c.from === null && c.until === null);
      const at = `${source}:${block.line}`;
      if (dated.length === 0) {
        const distinct = [...new Set(undated.map((c) => c.code))];
        if (distinct.length > 1)
          notes.push({
            file: dict.file,
            line: block.line,
            message: `several undated codes (${distinct.join(', ')}); ${distinct[0]} is used`,
            severity: 'warning',
          });
        entries.push({
          id: uniqueId(used, 'alias', options.name, name, block.line),
          type: 'ALIAS',
          name,
          ...(aliases.length > 0 ? { aliases } : {}),
          code: distinct[0],
          source: at,
        });
      } else {
        // A person's country: the root of an undated <CCC>ELI default, else of the first
        // code rooted in a state or region.
        const eli = undated.find(
          (c) =>
            c.code.length === 6 && c.code.endsWith('ELI') && !NON_STATE.has(c.code.slice(0, 3)),
        );
        const country =
          (eli ?? codes.find((c) => !NON_STATE.has(c.code.slice(0, 3))))?.code.slice(0, 3) ?? null;
        const roleCodes = codes.filter((c) => country === null || c.code !== `${country}ELI`);
        entries.push({
          id: uniqueId(used, 'person', options.name, name, block.line),
          type: 'PERSON',
          name,
          ...(aliases.length > 0 ? { aliases } : {}),
          country,
          roles: roleCodes.map((c) => ({
            code: c.code,
            ...when(c),
            source: `${source}:${c.line}`,
          })),
          source: at,
        });
      }
      names += block.names.length;
    }
  }
  for (const { entry, terms: t } of roles.values()) entry['terms'] = t;
  const kept = entries.filter((e) => e['type'] !== 'ROLE' || (e['terms'] as string[]).length > 0);
  return { entries: kept, names, skipped, notes };
}

// ---------------------------------------------------------------------------------------
// The import command's work

/**
 * What `importPetrarch` did, for the CLI summary.
 *
 * @example
 * console.log(`${s.entries} entries (${JSON.stringify(s.byType)}), ${s.names} names -> ${s.file}`);
 */
export interface ImportSummary {
  /** The overlay file written. */
  readonly file: string;
  readonly entries: number;
  readonly byType: Readonly<Record<string, number>>;
  /** Names and agent phrases carried by the entries written. */
  readonly names: number;
  readonly inputs: ReadonlyArray<{ file: string; kind: 'actors' | 'agents'; items: number }>;
  /** Lines or codes not imported, with the reason. */
  readonly skipped: readonly KbError[];
  /** Lines imported with a caveat. */
  readonly notes: readonly KbError[];
}

/** The default import name: the first file's name without extension, as a slug. */
export function defaultImportName(file: string): string {
  return slug(path.basename(file).replace(/\.(txt|dict|actors|agents)$/i, '')) || 'dictionary';
}

const IMPORT_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Reads TABARI/PETRARCH dictionaries, converts them, validates every entry with the
 * overlay checks and writes `<kbDir>/imported-<name>.jsonl` atomically (replacing an
 * earlier import of the same name). Throws `UsageError` for a bad name or date and
 * `EntenteError` for an unreadable file or when nothing could be imported.
 */
export async function importPetrarch(
  files: readonly string[],
  options: {
    kbDir: string;
    roots: ReadonlySet<string>;
    name?: string | undefined;
    frozen?: string | undefined;
  },
): Promise<ImportSummary> {
  if (files.length === 0) throw new UsageError('kb import: give at least one dictionary file');
  const name = options.name ?? defaultImportName(files[0]!);
  if (!IMPORT_NAME.test(name))
    throw new UsageError(
      `kb import: --name must be lower-case letters, digits and hyphens, got "${name}"`,
    );
  if (
    options.frozen !== undefined &&
    !(/^\d{4}-\d{2}-\d{2}$/.test(options.frozen) && isKbDate(options.frozen))
  )
    throw new UsageError(
      `kb import: --frozen must be a date as YYYY-MM-DD, got "${options.frozen}"`,
    );
  const dicts: TabariDictionary[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (cause) {
      const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
      throw new EntenteError(`kb import: cannot read ${file} (${reason})`, { cause });
    }
    dicts.push(parseTabari(text, displayPath(path.resolve(file))));
  }
  const converted = convertTabari(dicts, {
    name,
    roots: options.roots,
    frozen: options.frozen ?? null,
  });
  const skipped: KbError[] = dicts.flatMap((d) => [...d.problems]);
  skipped.push(...converted.skipped);
  const notes: KbError[] = [...dicts.flatMap((d) => [...d.notes]), ...converted.notes];
  const lines: string[] = [];
  const byType: Record<string, number> = {};
  let names = 0;
  for (const entry of converted.entries) {
    const line = JSON.stringify(entry);
    const check = checkOverlayLine(line, options.roots);
    if ('problems' in check) {
      const [file, at] = String(entry['source'] ?? `${files[0]}:0`).split(/:(?=\d+$)/);
      for (const message of check.problems)
        skipped.push({ file: file ?? '', line: Number(at ?? 0), message, severity: 'error' });
      continue;
    }
    lines.push(line);
    byType[check.entry.type] = (byType[check.entry.type] ?? 0) + 1;
    names +=
      check.entry.type === 'ROLE' ? check.entry.terms.length : 1 + check.entry.aliases.length;
  }
  if (lines.length === 0)
    throw new EntenteError(
      `kb import: nothing to import from ${files.join(', ')} (${skipped.length} lines skipped)`,
    );
  const byLine = (a: KbError, b: KbError): number =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
  const file = await writeOverlayFile(options.kbDir, `imported-${name}.jsonl`, lines);
  return {
    file,
    entries: lines.length,
    byType,
    names,
    inputs: dicts.map((d) => ({
      file: d.file,
      kind: d.kind,
      items: d.kind === 'agents' ? d.agents.length : d.blocks.length,
    })),
    skipped: skipped.sort(byLine),
    notes: notes.sort(byLine),
  };
}
