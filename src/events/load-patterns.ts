/**
 * Loads the event patterns of `dictionaries/events/` (format in dictionaries/README.md,
 * "Event patterns", "Frames", "Word forms"), validates them against the CAMEO table and
 * compiles them into lookups indexed by trigger lemma, so a matcher looks each token up
 * once.
 *
 * @example
 * const compiled = loadPatterns();
 * for (const { pattern, via } of compiled.triggers(lemma, normal)) {
 *   // pattern.elements[pattern.trigger] sits on this token; align the rest around it
 * }
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { EntenteError } from '../core/errors.js';
import {
  dictionariesDir,
  displayPath,
  loadCameoTable,
  PLOVER_TYPES,
  type CameoTable,
  type PloverMapping,
} from './cameo-table.js';
import { DOMESTIC_SOURCES_FILE, parseDomesticSources } from './domestic-sources.js';
import { DOMESTIC_FILE, parseDomesticTargets } from './domestic.js';
import { GRAMMAR_FILE, parseGrammar } from './grammar.js';
import {
  EventDataError,
  FRAME_ROOTS,
  MAPPED_FRAME_KINDS,
  parseFrameFile,
  parsePatternFile,
  type ActorConstraint,
  type EventDataProblem,
  type FileDirectives,
  type FrameKind,
  type MappedFrameKind,
  type Modality,
  type ParsedFrame,
  type ParsedPattern,
  type PatternElement,
  type PatternKind,
  type WordElement,
} from './patterns-schema.js';

/** A pattern ready for matching. Immutable; shared by every document. */
export interface CompiledPattern {
  readonly id: string;
  readonly code: string;
  readonly root: string;
  readonly kind: PatternKind;
  readonly elements: readonly PatternElement[];
  /** Index of the trigger word in `elements`. */
  readonly trigger: number;
  /** The trigger's alternatives (lemmas, or surface forms when `exact`). */
  readonly triggerWords: readonly string[];
  readonly reciprocal: boolean;
  /** Verb pattern that must not be read in the passive. */
  readonly active: boolean;
  /** Noun pattern whose unfilled source may come from the governing clause's subject. */
  readonly clauseSubject: boolean;
  /** A 040 meeting the matcher may refine to 042/043/044 from where it took place. */
  readonly meeting: boolean;
  readonly source: ActorConstraint | null;
  readonly target: ActorConstraint | null;
  /** PLOVER type/mode/context of `code`: the pattern's override, else the crosswalk. */
  readonly plover: PloverMapping | null;
  /** Code to use under each frame kind (pattern option, else the file's `@frames`). */
  readonly frames: Readonly<Partial<Record<MappedFrameKind, string>>>;
  /** Lemmas that block the pattern when they occur near its trigger. */
  readonly not: ReadonlySet<string>;
  readonly conf: number;
  /** Required word elements: the more, the more specific (buckets are sorted by it). */
  readonly specificity: number;
  readonly file: string;
  readonly line: number;
  readonly body: string;
}

/** A frame ready for matching. */
export interface CompiledFrame {
  readonly id: string;
  readonly kind: FrameKind;
  readonly elements: readonly PatternElement[];
  readonly trigger: number;
  readonly event: number;
  readonly triggerWords: readonly string[];
  readonly code: string | null;
  readonly modality: Modality;
  readonly not: ReadonlySet<string>;
  readonly conf: number;
  readonly file: string;
  readonly line: number;
  readonly body: string;
}

/**
 * How a token reached a pattern: by its wink lemma, by its surface form through the word-form
 * table (wink left an inflected word unlemmatised, typically after tagging a verb as a
 * noun or adjective, so the matcher should not insist on the pattern's part of speech),
 * or by an exact (`=word`) surface match.
 */
export type TriggerVia = 'lemma' | 'form' | 'exact';

export interface TriggerHit {
  readonly pattern: CompiledPattern;
  readonly via: TriggerVia;
}

/** Everything a matcher needs, loaded once and frozen. */
export interface CompiledPatterns {
  readonly table: CameoTable;
  /** All patterns in file order. */
  readonly patterns: readonly CompiledPattern[];
  readonly frames: readonly CompiledFrame[];
  /** Trigger lemma → patterns, most specific first. */
  readonly byTrigger: ReadonlyMap<string, readonly CompiledPattern[]>;
  /** Trigger surface form of `=word` triggers → patterns. */
  readonly byExactTrigger: ReadonlyMap<string, readonly CompiledPattern[]>;
  readonly framesByTrigger: ReadonlyMap<string, readonly CompiledFrame[]>;
  /** Inflected surface form → the pattern lemmas it can stand for. */
  readonly forms: ReadonlyMap<string, readonly string[]>;
  readonly warnings: readonly EventDataProblem[];
  /**
   * Patterns whose trigger this token can be, most specific first. `pos` is the token's wink
   * tag: a token reaching a pattern through the word-form table must look like the pattern's
   * kind (a past tense or a VERB tag for verb patterns, a plural for noun patterns), so that
   * a real noun such as "meeting" does not trigger the verb "meet".
   */
  triggers(lemma: string, normal: string, pos?: string): readonly TriggerHit[];
  /** Frames whose trigger this token can be. */
  frameTriggers(lemma: string, normal: string): readonly CompiledFrame[];
  /** Whether a one-token word element accepts a token with this lemma and surface form. */
  matchesWord(element: WordElement, lemma: string, normal: string): boolean;
}

/** What `validatePatterns` returns; usable for compiling only when `errors` is empty. */
export interface PatternValidation {
  readonly dir: string;
  readonly patterns: readonly ParsedPattern[];
  readonly frames: readonly ParsedFrame[];
  readonly directives: ReadonlyMap<string, FileDirectives>;
  /** Irregular forms from word-forms.tsv: lemma → forms. */
  readonly irregular: ReadonlyMap<string, readonly string[]>;
  readonly files: readonly string[];
  readonly errors: readonly EventDataProblem[];
  readonly warnings: readonly EventDataProblem[];
}

/** `dictionaries/events`. */
export function defaultEventsDir(): string {
  return path.join(dictionariesDir(), 'events');
}

const PATTERN_FILE = /^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.txt$/;
const FRAMES_FILE = 'frames.txt';
const FORMS_FILE = 'word-forms.tsv';
const FORMS_HEADER = 'lemma\tforms';
const FORM_WORD = /^[a-z]+(?:[-'][a-z]+)*$/;

/** How an inflected form relates to its lemma; decides which patterns it may trigger. */
type FormKind = 'plural' | 'past' | 'ing' | 'spelling' | 'irregular';

function inflectionKinds(lemma: string): Array<[string, FormKind]> {
  const out = new Map<string, FormKind>();
  const add = (w: string): void => {
    if (/[^aeiou]y$/.test(w)) {
      out.set(`${w.slice(0, -1)}ies`, 'plural');
      out.set(`${w.slice(0, -1)}ied`, 'past');
    } else if (/(s|x|z|ch|sh)$/.test(w)) {
      out.set(`${w}es`, 'plural');
    } else {
      out.set(`${w}s`, 'plural');
    }
    if (w.endsWith('e')) out.set(`${w}d`, 'past');
    else if (!/[^aeiou]y$/.test(w)) out.set(`${w}ed`, 'past');
    if (w.endsWith('ie')) out.set(`${w.slice(0, -2)}ying`, 'ing');
    else if (/[^aeiouy]e$/.test(w)) out.set(`${w.slice(0, -1)}ing`, 'ing');
    else out.set(`${w}ing`, 'ing');
    if (/(^|[^aeiou])[aeiou][bdfgklmnprtvz]$/.test(w)) {
      const last = w.at(-1)!;
      out.set(`${w}${last}ed`, 'past');
      out.set(`${w}${last}ing`, 'ing');
    }
  };
  add(lemma);
  if (/ize$/.test(lemma)) {
    const uk = `${lemma.slice(0, -3)}ise`;
    add(uk);
    out.set(uk, 'spelling');
  } else if (/ization$/.test(lemma)) {
    const uk = `${lemma.slice(0, -7)}isation`;
    out.set(uk, 'spelling');
    out.set(`${uk}s`, 'plural');
  }
  out.delete(lemma);
  return [...out];
}

/**
 * Regular inflections of a lemma: plural or third person (-s, -es, -ies), past (-d, -ed,
 * -ied, doubled final consonant), -ing (e dropped, ie → ying, doubled consonant), and the
 * British -ise/-isation spellings of -ize/-ization words. Over-generation is harmless: a
 * form that does not exist never occurs in text.
 *
 * @example
 * inflections('visit'); // ['visits', 'visited', 'visiting', 'visitted', 'visitting']
 */
export function inflections(lemma: string): string[] {
  return inflectionKinds(lemma).map(([form]) => form);
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new EntenteError(`entente: cannot read ${displayPath(file)}`, { cause });
  }
}

function parseWordForms(
  text: string,
  file: string,
  problems: EventDataProblem[],
): Map<string, readonly string[]> {
  const irregular = new Map<string, readonly string[]>();
  const err = (line: number, message: string, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ file, line, message, severity });
  };
  let header = false;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    if (!header) {
      header = true;
      if (raw !== FORMS_HEADER) err(n + 1, `expected the header line "lemma<TAB>forms"`);
      continue;
    }
    const fields = raw.split('\t');
    if (fields.length !== 2) {
      err(n + 1, `expected 2 tab-separated fields (lemma, forms), found ${fields.length}`);
      continue;
    }
    const [lemma, formText] = fields as [string, string];
    const forms = formText.trim().split(/\s+/);
    const bad = [lemma, ...forms].find((w) => !FORM_WORD.test(w));
    if (bad !== undefined) {
      err(n + 1, `"${bad}" is not a lower-case word`);
      continue;
    }
    if (irregular.has(lemma)) {
      err(n + 1, `duplicate lemma "${lemma}"`);
      continue;
    }
    const regular = new Set(inflections(lemma));
    for (const f of forms) {
      if (regular.has(f))
        err(n + 1, `"${f}" is a regular form of "${lemma}" (generated anyway)`, 'warning');
    }
    irregular.set(lemma, forms);
  }
  return irregular;
}

function literalWords(elements: readonly PatternElement[]): string[] {
  const words: string[] = [];
  const visit = (e: PatternElement): void => {
    if (e.type === 'word') for (const a of e.alternatives) words.push(a.text);
    else if (e.type === 'group') for (const o of e.options) o.forEach(visit);
  };
  elements.forEach(visit);
  return words;
}

function hasRequiredSlot(elements: readonly PatternElement[]): boolean {
  return elements.some(
    (e) =>
      (e.type === 'slot' && !e.optional) ||
      (e.type === 'group' &&
        !e.optional &&
        e.options.every((o) => o.some((x) => x.type === 'slot' && !x.optional))),
  );
}

/**
 * Reads and validates every file of an events directory. Pattern files are `NN-name.txt`
 * (NN the CAMEO root, 01-20); `frames.txt` and `word-forms.tsv` are optional. The CAMEO
 * table defaults to `dictionaries/cameo`.
 */
export function validatePatterns(
  dir: string = defaultEventsDir(),
  options: { table?: CameoTable } = {},
): PatternValidation {
  const table = options.table ?? loadCameoTable();
  const errors: EventDataProblem[] = [];
  const warnings: EventDataProblem[] = [];
  const problems: EventDataProblem[] = [];
  const absolute = path.resolve(dir);
  let names: string[];
  try {
    if (!statSync(absolute).isDirectory()) throw new Error('not a directory');
    names = readdirSync(absolute).sort();
  } catch (cause) {
    throw new EntenteError(`entente: event pattern directory not found: ${displayPath(absolute)}`, {
      cause,
    });
  }
  const err = (file: string, line: number, message: string): void => {
    problems.push({ file, line, message, severity: 'error' });
  };

  const patterns: ParsedPattern[] = [];
  const frames: ParsedFrame[] = [];
  const directives = new Map<string, FileDirectives>();
  let irregular = new Map<string, readonly string[]>();
  const files: string[] = [];
  const rootFile = new Map<string, string>();

  for (const name of names) {
    const full = path.join(absolute, name);
    const shown = displayPath(full);
    if (name.startsWith('.') || name.toLowerCase() === 'readme.md') continue;
    if (name === FRAMES_FILE) {
      files.push(shown);
      const parsed = parseFrameFile(readText(full), shown);
      problems.push(...parsed.problems);
      frames.push(...parsed.frames);
      continue;
    }
    if (name === FORMS_FILE) {
      files.push(shown);
      irregular = parseWordForms(readText(full), shown, problems);
      continue;
    }
    if (name === GRAMMAR_FILE) {
      files.push(shown);
      problems.push(...parseGrammar(readText(full), shown).problems);
      continue;
    }
    if (name === DOMESTIC_FILE) {
      files.push(shown);
      problems.push(...parseDomesticTargets(readText(full), shown).problems);
      continue;
    }
    if (name === DOMESTIC_SOURCES_FILE) {
      files.push(shown);
      problems.push(...parseDomesticSources(readText(full), shown).problems);
      continue;
    }
    const m = PATTERN_FILE.exec(name);
    if (!m) {
      err(
        shown,
        0,
        `unexpected file: pattern files are named NN-name.txt (NN a CAMEO root, 01-20)`,
      );
      continue;
    }
    const root = m[1]!;
    if (!table.has(root) || root.length !== 2) {
      err(shown, 0, `"${root}" is not a CAMEO root (01-20)`);
      continue;
    }
    if (rootFile.has(root)) {
      err(shown, 0, `a second file for root ${root} (the first is ${rootFile.get(root)})`);
      continue;
    }
    rootFile.set(root, shown);
    files.push(shown);
    const parsed = parsePatternFile(readText(full), shown);
    problems.push(...parsed.problems);
    directives.set(shown, parsed.directives);
    for (const [kind, code] of Object.entries(parsed.directives.frames)) {
      if (code) checkFrameCode(kind as MappedFrameKind, code, shown, parsed.directives.line);
    }
    for (const p of parsed.patterns) {
      if (!table.has(p.code)) {
        err(p.file, p.line, `unknown CAMEO code ${p.code} in pattern ${p.id}`);
        continue;
      }
      if (table.root(p.code) !== root) {
        err(
          p.file,
          p.line,
          `pattern ${p.id}: code ${p.code} is not in root ${root}, the root of this file`,
        );
        continue;
      }
      let ok = true;
      for (const [kind, code] of Object.entries(p.options.frames)) {
        if (code && !checkFrameCode(kind as MappedFrameKind, code, p.file, p.line)) ok = false;
      }
      if (p.options.plover && !PLOVER_TYPES.includes(p.options.plover.type)) {
        err(p.file, p.line, `pattern ${p.id}: unknown PLOVER type ${p.options.plover.type}`);
        ok = false;
      }
      if (!hasRequiredSlot(p.elements)) {
        // An event with neither source nor target codes no dyad; it could only be noise.
        err(
          p.file,
          p.line,
          `pattern ${p.id}: no required actor slot ($S or $T outside optional parts)`,
        );
        ok = false;
      }
      const literals = new Set(literalWords(p.elements));
      const blocking = p.options.not.find((w) => literals.has(w));
      if (blocking !== undefined) {
        err(p.file, p.line, `pattern ${p.id}: not=${blocking} blocks a word of the pattern itself`);
        ok = false;
      }
      if (p.options.meeting && root !== '04') {
        warnings.push({
          file: p.file,
          line: p.line,
          message: `pattern ${p.id}: "meeting" only refines 04 codes`,
          severity: 'warning',
        });
      }
      if (ok) patterns.push(p);
    }
  }

  function checkFrameCode(
    kind: MappedFrameKind,
    code: string,
    file: string,
    line: number,
  ): boolean {
    if (!table.has(code)) {
      err(file, line, `${kind}=${code}: unknown CAMEO code ${code}`);
      return false;
    }
    const roots: readonly string[] = FRAME_ROOTS[kind];
    if (!roots.includes(table.root(code))) {
      err(file, line, `${kind}=${code}: ${kind} codes are in root ${roots.join(' or ')}`);
      return false;
    }
    return true;
  }

  const seenIds = new Map<string, { file: string; line: number }>();
  const seenBodies = new Map<string, { id: string; file: string; line: number }>();
  for (const p of patterns) {
    const first = seenIds.get(p.id);
    if (first) err(p.file, p.line, `duplicate id ${p.id} (first at ${first.file}:${first.line})`);
    else seenIds.set(p.id, { file: p.file, line: p.line });
    // The same words with different constraints (043 welcome a person, 051 welcome anything
    // else) are two rules; the same words and options twice are an editing slip.
    const key = `${p.kind} ${p.body} ; ${JSON.stringify(p.options)}`;
    const same = seenBodies.get(key);
    if (same) err(p.file, p.line, `pattern ${p.id} repeats ${same.id} (${same.file}:${same.line})`);
    else seenBodies.set(key, { id: p.id, file: p.file, line: p.line });
  }
  for (const f of frames) {
    const first = seenIds.get(f.id);
    if (first) err(f.file, f.line, `duplicate id ${f.id} (first at ${first.file}:${first.line})`);
    else seenIds.set(f.id, { file: f.file, line: f.line });
    if (f.code !== null) {
      if (!table.has(f.code)) err(f.file, f.line, `frame ${f.id}: unknown CAMEO code ${f.code}`);
      else if (f.kind !== 'negate' && f.kind !== 'hypothetical') {
        const roots: readonly string[] = FRAME_ROOTS[f.kind];
        if (!roots.includes(table.root(f.code))) {
          err(f.file, f.line, `frame ${f.id}: ${f.kind} codes are in root ${roots.join(' or ')}`);
        }
      }
    }
  }

  for (const p of problems) (p.severity === 'error' ? errors : warnings).push(p);
  const byLocation = (a: EventDataProblem, b: EventDataProblem): number =>
    a.file.localeCompare(b.file) || a.line - b.line;
  const bad = new Set(errors.map((e) => `${e.file}:${e.line}`));
  return {
    dir: absolute,
    patterns: patterns.filter((p) => !bad.has(`${p.file}:${p.line}`)),
    frames: frames.filter((f) => !bad.has(`${f.file}:${f.line}`)),
    directives,
    irregular,
    files,
    errors: errors.sort(byLocation),
    warnings: warnings.sort(byLocation),
  };
}

/** Required words: a required group counts the words of its shortest alternative. */
function requiredWords(elements: readonly PatternElement[]): number {
  let n = 0;
  for (const e of elements) {
    if (e.type === 'word' && !e.optional) n++;
    else if (e.type === 'group' && !e.optional) {
      n += Math.min(
        ...e.options.map((o) => o.filter((x) => x.type === 'word' && !x.optional).length),
      );
    }
  }
  return n;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (!(value instanceof Set) && !(value instanceof Map)) {
      for (const v of Object.values(value)) deepFreeze(v);
    }
  }
  return value;
}

/** Index keys of a word alternative: the word, and its first part when hyphenated. */
function triggerKeys(element: WordElement): string[] {
  const keys = new Set<string>();
  for (const a of element.alternatives) {
    keys.add(a.text);
    if (a.tokens.length > 1) keys.add(a.tokens[0]!);
  }
  return [...keys];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const NO_HITS: readonly never[] = Object.freeze([]);

/** Builds the frozen lookups from a validation without errors. */
export function compilePatterns(
  validation: PatternValidation,
  table: CameoTable,
): CompiledPatterns {
  if (validation.errors.length > 0) {
    throw new EventDataError('the event pattern data', validation.errors);
  }
  const patterns: CompiledPattern[] = validation.patterns.map((p) => {
    const defaults = validation.directives.get(p.file)?.frames ?? {};
    const frames: Partial<Record<MappedFrameKind, string>> = {};
    for (const kind of MAPPED_FRAME_KINDS) {
      const code = kind in p.options.frames ? p.options.frames[kind] : defaults[kind];
      if (code) frames[kind] = code;
    }
    const trigger = p.elements[p.trigger] as WordElement;
    return {
      id: p.id,
      code: p.code,
      root: table.root(p.code),
      kind: p.kind,
      elements: p.elements,
      trigger: p.trigger,
      triggerWords: trigger.alternatives.map((a) => a.text),
      reciprocal: p.options.reciprocal,
      active: p.options.active,
      clauseSubject: p.options.clauseSubject,
      meeting: p.options.meeting,
      source: p.options.source,
      target: p.options.target,
      plover: p.options.plover ?? table.plover(p.code),
      frames,
      not: new Set(p.options.not),
      conf: p.options.conf,
      specificity: requiredWords(p.elements),
      file: p.file,
      line: p.line,
      body: p.body,
    };
  });
  const frames: CompiledFrame[] = validation.frames.map((f) => ({
    id: f.id,
    kind: f.kind,
    elements: f.elements,
    trigger: f.trigger,
    event: f.event,
    triggerWords: (f.elements[f.trigger] as WordElement).alternatives.map((a) => a.text),
    code: f.code,
    modality: f.modality,
    not: new Set(f.not),
    conf: f.conf,
    file: f.file,
    line: f.line,
    body: f.body,
  }));

  const byTrigger = new Map<string, CompiledPattern[]>();
  const byExactTrigger = new Map<string, CompiledPattern[]>();
  for (const p of patterns) {
    const element = p.elements[p.trigger] as WordElement;
    for (const key of triggerKeys(element))
      push(element.exact ? byExactTrigger : byTrigger, key, p);
  }
  const order = (a: CompiledPattern, b: CompiledPattern): number =>
    b.specificity - a.specificity || b.code.length - a.code.length || b.conf - a.conf;
  for (const list of byTrigger.values()) list.sort(order);
  for (const list of byExactTrigger.values()) list.sort(order);
  const framesByTrigger = new Map<string, CompiledFrame[]>();
  for (const f of frames) {
    for (const key of triggerKeys(f.elements[f.trigger] as WordElement))
      push(framesByTrigger, key, f);
  }

  const lemmas = new Set<string>();
  for (const p of patterns) for (const w of literalWords(p.elements)) lemmas.add(w);
  for (const f of frames) for (const w of literalWords(f.elements)) lemmas.add(w);
  const formMap = new Map<string, string[]>();
  const formKinds = new Map<string, Array<{ lemma: string; kind: FormKind }>>();
  for (const lemma of lemmas) {
    const forms: Array<[string, FormKind]> = [
      ...inflectionKinds(lemma),
      ...(validation.irregular.get(lemma) ?? []).map((f): [string, FormKind] => [f, 'irregular']),
    ];
    for (const [form, kind] of forms) {
      if (form === lemma) continue;
      const list = formMap.get(form);
      if (!list) formMap.set(form, [lemma]);
      else if (!list.includes(lemma)) list.push(lemma);
      push(formKinds, form, { lemma, kind });
    }
  }
  const formFits = (pattern: CompiledPattern, kind: FormKind, pos: string | undefined): boolean =>
    kind === 'irregular' ||
    kind === 'spelling' ||
    (pattern.kind === 'verb'
      ? kind === 'past' || pos === 'VERB' || pos === 'AUX'
      : kind === 'plural');

  const wordSets = new WeakMap<WordElement, ReadonlySet<string>>();
  const wordSet = (e: WordElement): ReadonlySet<string> => {
    let s = wordSets.get(e);
    if (!s) {
      s = new Set(e.alternatives.map((a) => a.text));
      wordSets.set(e, s);
    }
    return s;
  };

  deepFreeze(patterns);
  deepFreeze(frames);
  for (const l of [
    ...byTrigger.values(),
    ...byExactTrigger.values(),
    ...framesByTrigger.values(),
  ]) {
    Object.freeze(l);
  }
  for (const l of formMap.values()) Object.freeze(l);

  // Most tokens reach patterns by their lemma alone: answer those from frozen, shared arrays.
  const lemmaHits = new Map<string, readonly TriggerHit[]>();
  for (const [key, list] of byTrigger) {
    lemmaHits.set(
      key,
      Object.freeze(list.map((pattern) => Object.freeze({ pattern, via: 'lemma' as const }))),
    );
  }
  const needsMore = (lemma: string, normal: string): boolean => {
    if (byExactTrigger.has(normal)) return true;
    if (normal === lemma) return formKinds.has(normal);
    if (byTrigger.has(normal)) return true;
    const kinds = formKinds.get(normal);
    return kinds !== undefined && kinds.some((k) => k.lemma !== lemma);
  };
  const triggers = (lemma: string, normal: string, pos?: string): readonly TriggerHit[] => {
    if (!needsMore(lemma, normal)) return lemmaHits.get(lemma) ?? NO_HITS;
    let hits: TriggerHit[] | null = null;
    const seen = new Set<CompiledPattern>();
    const add = (
      list: readonly CompiledPattern[] | undefined,
      via: TriggerVia,
      fits: (p: CompiledPattern) => boolean = () => true,
    ): void => {
      if (!list) return;
      for (const pattern of list) {
        if (seen.has(pattern) || !fits(pattern)) continue;
        seen.add(pattern);
        (hits ??= []).push({ pattern, via });
      }
    };
    add(byTrigger.get(lemma), 'lemma');
    // A trigger written as a surface variant ("dialogue" beside "dialog").
    if (normal !== lemma) add(byTrigger.get(normal), 'form');
    for (const { lemma: l, kind } of formKinds.get(normal) ?? NO_HITS) {
      if (l !== lemma) add(byTrigger.get(l), 'form', (p) => formFits(p, kind, pos));
    }
    add(byExactTrigger.get(normal), 'exact');
    if (hits === null) return NO_HITS;
    const found: TriggerHit[] = hits;
    return found.length > 1 ? found.sort((a, b) => order(a.pattern, b.pattern)) : found;
  };
  const frameTriggers = (lemma: string, normal: string): readonly CompiledFrame[] => {
    const direct = framesByTrigger.get(lemma);
    const viaForms = (formMap.get(normal) ?? NO_HITS).flatMap((l) =>
      l === lemma ? [] : (framesByTrigger.get(l) ?? []),
    );
    if (viaForms.length === 0) return direct ?? NO_HITS;
    return [...new Set([...(direct ?? []), ...viaForms])];
  };
  const matchesWord = (element: WordElement, lemma: string, normal: string): boolean => {
    const words = wordSet(element);
    if (element.exact) return words.has(normal);
    if (words.has(lemma) || words.has(normal)) return true;
    const candidates = formMap.get(normal);
    return candidates !== undefined && candidates.some((l) => words.has(l));
  };

  return Object.freeze({
    table,
    patterns: Object.freeze(patterns),
    frames: Object.freeze(frames),
    byTrigger,
    byExactTrigger,
    framesByTrigger,
    forms: formMap,
    warnings: Object.freeze([...validation.warnings]),
    triggers,
    frameTriggers,
    matchesWord,
  });
}

const cache = new Map<string, CompiledPatterns>();

/**
 * Validates and compiles the patterns of `dir` (default `dictionaries/events`) against the
 * CAMEO table (default `dictionaries/cameo`). The result is immutable, so the default
 * directory is compiled once per process. Throws `EventDataError` carrying every error.
 */
export function loadPatterns(
  dir: string = defaultEventsDir(),
  options: { table?: CameoTable } = {},
): CompiledPatterns {
  const key = path.resolve(dir);
  const cacheable = options.table === undefined;
  if (cacheable) {
    const hit = cache.get(key);
    if (hit) return hit;
  }
  const table = options.table ?? loadCameoTable();
  const compiled = compilePatterns(validatePatterns(key, { table }), table);
  if (cacheable) cache.set(key, compiled);
  return compiled;
}

/** Patterns and codes per CAMEO root, as `events-check` prints them. */
export interface RootCoverage {
  readonly root: string;
  readonly name: string;
  readonly patterns: number;
  /** Codes of the root (roots excluded) that some pattern codes directly. */
  readonly codes: readonly string[];
  /** Codes of the root reached only through a frame mapping (intent=, appeal= ...). */
  readonly viaFrames: readonly string[];
  /** All event codes of the root in the table. */
  readonly total: number;
}

export interface Coverage {
  readonly patterns: number;
  readonly frames: number;
  /** Distinct codes that patterns code directly. */
  readonly codes: readonly string[];
  /** Distinct codes reachable only through frame mappings. */
  readonly viaFrames: readonly string[];
  readonly roots: readonly RootCoverage[];
  readonly rootsCovered: number;
}

export function coverage(compiled: CompiledPatterns): Coverage {
  const direct = new Set(compiled.patterns.map((p) => p.code));
  const mapped = new Set<string>();
  for (const p of compiled.patterns) for (const c of Object.values(p.frames)) if (c) mapped.add(c);
  for (const f of compiled.frames) if (f.code) mapped.add(f.code);
  const viaFrames = [...mapped].filter((c) => !direct.has(c)).sort();
  const roots = compiled.table.codes
    .filter((c) => c.code.length === 2)
    .map((r) => {
      const inRoot = compiled.table.codes.filter((c) => c.root === r.code && c.code.length > 2);
      return {
        root: r.code,
        name: r.name,
        patterns: compiled.patterns.filter((p) => p.root === r.code).length,
        codes: inRoot.filter((c) => direct.has(c.code)).map((c) => c.code),
        viaFrames: viaFrames.filter((c) => c.startsWith(r.code)),
        total: inRoot.length,
      };
    });
  return {
    patterns: compiled.patterns.length,
    frames: compiled.frames.length,
    codes: [...direct].sort(),
    viaFrames,
    roots,
    rootsCovered: roots.filter((r) => r.codes.length > 0).length,
  };
}

/**
 * Warnings for pattern words that are not lemmas as wink-nlp gives them: a word the matcher
 * compares with token lemmas must be in that form or it only matches its exact surface.
 * A surface variant listed beside its lemma (`dialog|dialogue`, `defense|defence`) is fine.
 * `lemmatize` returns the lemmas wink gives the word in a few contexts
 * (scripts/events-check.ts builds it). Exact (`=word`) and hyphenated alternatives are skipped.
 */
export function lemmaWarnings(
  compiled: CompiledPatterns,
  lemmatize: (word: string) => readonly string[],
): EventDataProblem[] {
  const out: EventDataProblem[] = [];
  const cache = new Map<string, readonly string[]>();
  const lemmasOf = (word: string): readonly string[] => {
    let l = cache.get(word);
    if (!l) {
      l = lemmatize(word);
      cache.set(word, l);
    }
    return l;
  };
  const visit = (e: PatternElement, file: string, line: number): void => {
    if (e.type === 'group') {
      for (const o of e.options) for (const x of o) visit(x, file, line);
      return;
    }
    if (e.type !== 'word' || e.exact) return;
    const listed = new Set(e.alternatives.map((a) => a.text));
    for (const a of e.alternatives) {
      if (a.tokens.length > 1 || !/^[a-z]+$/.test(a.text)) continue;
      const lemmas = lemmasOf(a.text);
      if (lemmas.includes(a.text) || lemmas.some((l) => listed.has(l))) continue;
      out.push({
        file,
        line,
        message: `"${a.text}" is not a lemma as wink-nlp gives it (it gives ${lemmas.map((l) => `"${l}"`).join(' or ')}); list the lemma beside it`,
        severity: 'warning',
      });
    }
  };
  for (const p of [...compiled.patterns, ...compiled.frames]) {
    for (const e of p.elements) visit(e, p.file, p.line);
  }
  return out;
}
