/**
 * The event-pattern and frame line formats (dictionaries/README.md, "Event patterns" and
 * "Frames"): the parsed types and a syntax parser that reports every problem as
 * `file:line: message`. Checks that need the CAMEO table (a code exists, a frame code sits
 * in the right root) or all files at once (duplicate ids) live in load-patterns.ts.
 *
 * @example
 * const { patterns, problems } = parsePatternFile(text, 'dictionaries/events/04-consult.txt');
 * patterns[0]?.elements; // [{type:'slot',role:'S',...}, {type:'word',alternatives:[...]}, ...]
 */
import { EntenteError } from '../core/errors.js';
import { CAMEO_SECTORS } from '../kb/validate.js';

/**
 * One problem in the event data (CAMEO table, crosswalk, patterns, frames, word forms),
 * tied to the line that causes it.
 *
 * @example
 * for (const p of validation.errors) console.error(formatProblem(p)); // 04-consult.txt:12: unknown CAMEO code 049
 */
export interface EventDataProblem {
  readonly file: string;
  /** 1-based line number; 0 when the problem concerns a whole file. */
  readonly line: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** `file:line: message`, with `warning: ` before the message of a warning. */
export function formatProblem(p: EventDataProblem): string {
  return `${p.file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

/** Raised by the loaders when the event data does not validate; carries every error. */
export class EventDataError extends EntenteError {
  readonly problems: readonly EventDataProblem[];

  constructor(what: string, problems: readonly EventDataProblem[]) {
    const first = problems[0];
    super(
      `entente: ${what} has ${problems.length} error${problems.length === 1 ? '' : 's'}` +
        (first ? `; first: ${formatProblem(first)}` : ''),
    );
    this.name = 'EventDataError';
    this.problems = problems;
  }
}

/** Where an actor goes: `S` the source (subject), `T` the target. */
export type SlotRole = 'S' | 'T';

export interface SlotElement {
  readonly type: 'slot';
  readonly role: SlotRole;
  readonly optional: boolean;
}

/**
 * One written alternative of a word element. A hyphenated word ("cease-fire") may reach the
 * matcher as one token or as the tokens `cease`, `-`, `fire`: `tokens` is the split form.
 */
export interface WordForm {
  readonly text: string;
  readonly tokens: readonly string[];
}

export interface WordElement {
  readonly type: 'word';
  /** Alternatives (`meet|visit`), lemmas unless `exact`. */
  readonly alternatives: readonly WordForm[];
  /** `=word`: compare with the token's lower-cased surface form, not its lemma. */
  readonly exact: boolean;
  readonly optional: boolean;
}

/** `( seq / seq )`: alternatives of several tokens; each sequence holds words and slots. */
export interface GroupElement {
  readonly type: 'group';
  readonly options: readonly (readonly (WordElement | SlotElement)[])[];
  readonly optional: boolean;
}

/** `...` or `...N`: up to `max` tokens of anything inside the sentence. */
export interface GapElement {
  readonly type: 'gap';
  readonly max: number;
}

/** `@EVENT` (frames only): where the embedded event pattern's trigger goes. */
export interface EventSlotElement {
  readonly type: 'event';
}

export type PatternElement =
  SlotElement | WordElement | GroupElement | GapElement | EventSlotElement;

export type PatternKind = 'verb' | 'noun';

/**
 * Frame kinds that change the event code, and the CAMEO roots their codes may be in. An
 * intent to do something hostile is a threat (13), and asking others to act against a
 * target rallies opposition (113), so those two kinds have a second root.
 */
export const FRAME_ROOTS = Object.freeze({
  intent: Object.freeze(['03', '13']),
  appeal: Object.freeze(['02', '11']),
  demand: Object.freeze(['10']),
  reject: Object.freeze(['12']),
  threaten: Object.freeze(['13']),
  allege: Object.freeze(['11']),
} as const);

export type MappedFrameKind = keyof typeof FRAME_ROOTS;

export const MAPPED_FRAME_KINDS: readonly MappedFrameKind[] = Object.freeze(
  Object.keys(FRAME_ROOTS) as MappedFrameKind[],
);

/** Every frame kind: the mapped ones plus negation and hypotheticals, which keep the code. */
export type FrameKind = MappedFrameKind | 'negate' | 'hypothetical';

export const FRAME_KINDS: readonly FrameKind[] = Object.freeze([
  ...MAPPED_FRAME_KINDS,
  'negate',
  'hypothetical',
]);

export type Modality = 'asserted' | 'intended' | 'negated' | 'hypothetical';

/** The modality an event gets from a frame that does not change its code. */
export const DEFAULT_FRAME_MODALITY: Readonly<Record<FrameKind, Modality>> = Object.freeze({
  intent: 'intended',
  appeal: 'hypothetical',
  demand: 'hypothetical',
  reject: 'negated',
  threaten: 'hypothetical',
  allege: 'hypothetical',
  negate: 'negated',
  hypothetical: 'hypothetical',
});

/** Actor classes a constraint may name besides sector codes. */
export const ACTOR_CLASSES: readonly string[] = Object.freeze([
  'state',
  'igo',
  'ngo',
  'img',
  'mnc',
  'person',
]);

/**
 * `source=`/`target=`: the actor must match at least one `anyOf` term (when there are any)
 * and none of the `noneOf` terms. A term is a sector (`GOV`: the code has that 3-letter
 * group after its root) or a class from `ACTOR_CLASSES`.
 */
export interface ActorConstraint {
  readonly anyOf: readonly string[];
  readonly noneOf: readonly string[];
}

export interface PloverOverride {
  readonly type: string;
  readonly mode: string | null;
  readonly context: string | null;
}

/** Per-frame-kind code: a code, or null to switch off a file default (`intent=none`). */
export type FrameCodes = Readonly<Partial<Record<MappedFrameKind, string | null>>>;

export interface PatternOptions {
  readonly reciprocal: boolean;
  readonly active: boolean;
  readonly clauseSubject: boolean;
  readonly meeting: boolean;
  readonly source: ActorConstraint | null;
  readonly target: ActorConstraint | null;
  readonly plover: PloverOverride | null;
  readonly frames: FrameCodes;
  readonly not: readonly string[];
  readonly conf: number;
}

/** One pattern line as written, after syntax checks. */
export interface ParsedPattern {
  readonly file: string;
  readonly line: number;
  readonly id: string;
  /** The CAMEO code, from the id's first segment. */
  readonly code: string;
  readonly kind: PatternKind;
  readonly elements: readonly PatternElement[];
  /** Index in `elements` of the trigger word. */
  readonly trigger: number;
  readonly options: PatternOptions;
  /** The pattern body as written, whitespace normalised. */
  readonly body: string;
}

/** One frame line as written, after syntax checks. */
export interface ParsedFrame {
  readonly file: string;
  readonly line: number;
  readonly id: string;
  readonly kind: FrameKind;
  readonly elements: readonly PatternElement[];
  readonly trigger: number;
  /** Index in `elements` of `@EVENT`. */
  readonly event: number;
  /** Code of the result when the embedded pattern maps nothing for this kind. */
  readonly code: string | null;
  readonly modality: Modality;
  readonly not: readonly string[];
  readonly conf: number;
  readonly body: string;
}

/** `@frames` defaults of one pattern file. */
export interface FileDirectives {
  readonly frames: FrameCodes;
  /** Line of the `@frames` directive, 0 when there is none. */
  readonly line: number;
}

const PATTERN_ID = /^(\d{3,4})\.[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/;
const FRAME_ID = /^([a-z]+)\.[a-z0-9]+(?:-[a-z0-9]+)*$/;
const WORD = /^(?:[a-z0-9]+(?:[-'.][a-z0-9]+)*|'s|'|-|&)$/;
const CODE = /^\d{3,4}$/;
const MAX_GAP = 8;
const DEFAULT_GAP = 4;
const MODALITIES: readonly string[] = ['asserted', 'intended', 'negated', 'hypothetical'];
const PATTERN_FLAGS: readonly string[] = ['reciprocal', 'active', 'clause-subject', 'meeting'];

class LineProblems {
  readonly list: EventDataProblem[] = [];
  constructor(
    private readonly file: string,
    private readonly line: number,
  ) {}
  error(message: string): void {
    this.list.push({ file: this.file, line: this.line, message, severity: 'error' });
  }
}

/** Splits a pattern body into syntax tokens: `(`, `)`, `)?`, `/` and everything between. */
function lex(body: string): string[] {
  return body.match(/\(|\)\??|\/|[^\s()/]+/g) ?? [];
}

function splitWord(text: string): WordForm {
  const tokens = text.includes('-') && text !== '-' ? text.split(/(-)/).filter((t) => t) : [text];
  return { text, tokens };
}

function parseWord(
  token: string,
  out: LineProblems,
): { element: WordElement; marked: boolean } | null {
  let rest = token;
  let marked = false;
  let exact = false;
  let optional = false;
  if (rest.startsWith('^')) {
    marked = true;
    rest = rest.slice(1);
  }
  if (rest.startsWith('=')) {
    exact = true;
    rest = rest.slice(1);
  }
  if (rest.endsWith('?') && rest.length > 1) {
    optional = true;
    rest = rest.slice(0, -1);
  }
  const words = rest.split('|');
  for (const w of words) {
    if (w === '') {
      out.error(`empty alternative in "${token}"`);
      return null;
    }
    if (w !== w.toLowerCase()) {
      out.error(`"${w}": words are lower-case lemmas (write "${w.toLowerCase()}")`);
      return null;
    }
    if (!WORD.test(w)) {
      out.error(`"${w}" is not a word element (letters, digits, inner - ' .)`);
      return null;
    }
  }
  if (new Set(words).size !== words.length) out.error(`the same alternative twice in "${token}"`);
  return {
    element: { type: 'word', alternatives: words.map(splitWord), exact, optional },
    marked,
  };
}

function parseSlot(token: string): SlotElement | null {
  const m = /^\$([ST])(\?)?$/.exec(token);
  return m ? { type: 'slot', role: m[1] as SlotRole, optional: m[2] === '?' } : null;
}

interface Body {
  elements: PatternElement[];
  /** Index of the `^` element, -1 when none is marked. */
  marked: number;
}

/** Parses a body into elements, checking syntax that does not depend on the line's kind. */
function parseBody(body: string, allowEvent: boolean, out: LineProblems): Body | null {
  const tokens = lex(body);
  const elements: PatternElement[] = [];
  let marked = -1;
  let ok = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === ')' || t === ')?' || t === '/') {
      out.error(`"${t}" outside a group`);
      return null;
    }
    if (t === '(') {
      const options: (WordElement | SlotElement)[][] = [[]];
      let closed: string | null = null;
      for (i++; i < tokens.length; i++) {
        const g = tokens[i]!;
        if (g === ')' || g === ')?') {
          closed = g;
          break;
        }
        if (g === '(') {
          out.error('groups cannot be nested');
          return null;
        }
        if (g === '/') {
          options.push([]);
          continue;
        }
        const slot = parseSlot(g);
        if (slot) {
          options[options.length - 1]!.push(slot);
          continue;
        }
        if (g.startsWith('...') || g === '@EVENT') {
          out.error(`"${g}" cannot stand inside a group`);
          return null;
        }
        const w = parseWord(g, out);
        if (!w) return null;
        if (w.marked) {
          out.error('the trigger (^) cannot be inside a group');
          return null;
        }
        options[options.length - 1]!.push(w.element);
      }
      if (closed === null) {
        out.error('unbalanced parenthesis: "(" without ")"');
        return null;
      }
      if (options.some((o) => o.length === 0)) {
        out.error('empty alternative in a group');
        return null;
      }
      elements.push({ type: 'group', options, optional: closed === ')?' });
      continue;
    }
    const slot = parseSlot(t);
    if (slot) {
      elements.push(slot);
      continue;
    }
    if (t.startsWith('$')) {
      out.error(`unknown slot "${t}" (use $S, $T, $S? or $T?)`);
      ok = false;
      continue;
    }
    if (t.startsWith('...')) {
      const n = t === '...' ? DEFAULT_GAP : /^\.\.\.([1-9])$/.test(t) ? Number(t.slice(3)) : NaN;
      if (!(n >= 1 && n <= MAX_GAP)) {
        out.error(`bad gap "${t}" (use ... or ...N with N from 1 to ${MAX_GAP})`);
        ok = false;
        continue;
      }
      elements.push({ type: 'gap', max: n });
      continue;
    }
    if (t.startsWith('@')) {
      if (t !== '@EVENT' || !allowEvent) {
        out.error(
          t === '@EVENT' ? '@EVENT is only allowed in frames.txt' : `unknown element "${t}"`,
        );
        ok = false;
        continue;
      }
      elements.push({ type: 'event' });
      continue;
    }
    const w = parseWord(t, out);
    if (!w) {
      ok = false;
      continue;
    }
    if (w.marked) {
      if (marked >= 0) {
        out.error('more than one trigger (^) marked');
        ok = false;
      }
      marked = elements.length;
    }
    elements.push(w.element);
  }
  if (!ok) return null;
  if (elements.length === 0) {
    out.error('empty pattern');
    return null;
  }
  if (elements[0]!.type === 'gap' || elements[elements.length - 1]!.type === 'gap') {
    out.error('a pattern cannot start or end with a gap');
    return null;
  }
  for (let i = 1; i < elements.length; i++) {
    if (elements[i]!.type === 'gap' && elements[i - 1]!.type === 'gap') {
      out.error('two gaps in a row');
      return null;
    }
  }
  for (const role of ['S', 'T'] as const) {
    let outside = 0;
    let inside = 0;
    for (const e of elements) {
      if (e.type === 'slot' && e.role === role) outside++;
      if (e.type === 'group') {
        const counts = e.options.map(
          (o) => o.filter((x) => x.type === 'slot' && x.role === role).length,
        );
        if (counts.some((c) => c > 1)) inside = 2;
        else if (counts.some((c) => c === 1)) inside = Math.max(inside, 1);
      }
    }
    if (outside + inside > 1) {
      out.error(`slot $${role} appears more than once`);
      return null;
    }
  }
  return { elements, marked };
}

/** The trigger of a noun pattern or a frame: the marked word, else the first required word. */
function nounTrigger(body: Body, out: LineProblems): number {
  if (body.marked >= 0) {
    const e = body.elements[body.marked] as WordElement;
    if (e.optional) {
      out.error('the trigger (^) cannot be optional');
      return -1;
    }
    return body.marked;
  }
  const i = body.elements.findIndex((e) => e.type === 'word' && !e.optional);
  if (i < 0) out.error('pattern has no trigger word (a required word outside groups)');
  return i;
}

function parseConstraint(value: string, key: string, out: LineProblems): ActorConstraint | null {
  const anyOf: string[] = [];
  const noneOf: string[] = [];
  for (const raw of value.split(',')) {
    const term = raw.trim();
    const neg = term.startsWith('!');
    const name = neg ? term.slice(1) : term;
    if (/^[A-Z]{3}$/.test(name)) {
      if (!CAMEO_SECTORS.includes(name)) {
        out.error(`${key}=: unknown sector "${name}"`);
        return null;
      }
    } else if (!ACTOR_CLASSES.includes(name)) {
      out.error(
        `${key}=: "${term}" is neither a sector code (GOV, MIL ...) nor one of ${ACTOR_CLASSES.join(', ')}`,
      );
      return null;
    }
    (neg ? noneOf : anyOf).push(name);
  }
  return { anyOf, noneOf };
}

function parseWordList(value: string, key: string, out: LineProblems): string[] | null {
  const words = value.split(',').map((w) => w.trim());
  for (const w of words) {
    if (!WORD.test(w)) {
      out.error(`${key}=: "${w}" is not a lower-case word`);
      return null;
    }
  }
  return words;
}

function parseConf(value: string, out: LineProblems): number | null {
  const n = Number(value);
  if (!/^\d*\.?\d+$/.test(value) || !(n > 0 && n <= 1)) {
    out.error(`conf=${value}: a number above 0 and at most 1`);
    return null;
  }
  return n;
}

function parseFrameCode(key: string, value: string, out: LineProblems): string | null | undefined {
  if (value === 'none') return null;
  if (!CODE.test(value)) {
    out.error(`${key}=${value}: a CAMEO event code of 3 or 4 digits, or none`);
    return undefined;
  }
  return value;
}

/** Splits `k=v` option text; returns null (after reporting) on a malformed option. */
function keyValue(option: string, out: LineProblems): [string, string | null] | null {
  const eq = option.indexOf('=');
  if (eq < 0) return [option, null];
  const key = option.slice(0, eq).trim();
  const value = option.slice(eq + 1).trim();
  if (key === '' || value === '') {
    out.error(`malformed option "${option}" (key=value)`);
    return null;
  }
  return [key, value];
}

function parsePatternOptions(parts: readonly string[], out: LineProblems): PatternOptions | null {
  const seen = new Set<string>();
  const frames: Partial<Record<MappedFrameKind, string | null>> = {};
  let reciprocal = false;
  let active = false;
  let clauseSubject = false;
  let meeting = false;
  let source: ActorConstraint | null = null;
  let target: ActorConstraint | null = null;
  let plover: PloverOverride | null = null;
  let not: string[] = [];
  let conf = 1;
  let ok = true;
  for (const raw of parts) {
    const option = raw.trim();
    if (option === '') {
      out.error('empty option (two ";" in a row, or ";" at the end)');
      ok = false;
      continue;
    }
    const kv = keyValue(option, out);
    if (!kv) {
      ok = false;
      continue;
    }
    const [key, value] = kv;
    if (seen.has(key)) {
      out.error(`option ${key} given twice`);
      ok = false;
      continue;
    }
    seen.add(key);
    if (value === null) {
      if (!PATTERN_FLAGS.includes(key)) {
        out.error(`unknown option "${key}"`);
        ok = false;
      } else if (key === 'reciprocal') reciprocal = true;
      else if (key === 'active') active = true;
      else if (key === 'clause-subject') clauseSubject = true;
      else meeting = true;
      continue;
    }
    if (key === 'source' || key === 'target') {
      const c = parseConstraint(value, key, out);
      if (!c) ok = false;
      else if (key === 'source') source = c;
      else target = c;
    } else if (key === 'plover') {
      const [type = '', mode = '-', context = '-', ...extra] = value.split('/');
      if (!/^[A-Z_]+$/.test(type) || extra.length > 0) {
        out.error(`plover=${value}: TYPE[/mode[/context]] with TYPE in capitals`);
        ok = false;
      } else {
        plover = {
          type,
          mode: mode === '-' || mode === '' ? null : mode,
          context: context === '-' || context === '' ? null : context,
        };
      }
    } else if ((MAPPED_FRAME_KINDS as readonly string[]).includes(key)) {
      const code = parseFrameCode(key, value, out);
      if (code === undefined) ok = false;
      else frames[key as MappedFrameKind] = code;
    } else if (key === 'not') {
      const words = parseWordList(value, key, out);
      if (!words) ok = false;
      else not = words;
    } else if (key === 'conf') {
      const n = parseConf(value, out);
      if (n === null) ok = false;
      else conf = n;
    } else {
      out.error(`unknown option "${key}"`);
      ok = false;
    }
  }
  if (!ok) return null;
  return {
    reciprocal,
    active,
    clauseSubject,
    meeting,
    source,
    target,
    plover,
    frames,
    not,
    conf,
  };
}

/** Splits a line into head (before the first `;`) and its options. */
function splitLine(text: string): { head: string[]; options: string[] } {
  const semi = text.indexOf(';');
  const headText = semi < 0 ? text : text.slice(0, semi);
  const options = semi < 0 ? [] : text.slice(semi + 1).split(';');
  return { head: headText.trim().split(/\s+/), options };
}

function parseFramesDirective(
  text: string,
  out: LineProblems,
): Partial<Record<MappedFrameKind, string | null>> | null {
  const frames: Partial<Record<MappedFrameKind, string | null>> = {};
  const items = text.trim().split(/\s+/).slice(1);
  if (items.length === 0) {
    out.error('@frames needs at least one kind=code');
    return null;
  }
  for (const item of items) {
    const kv = keyValue(item, out);
    if (!kv) return null;
    const [key, value] = kv;
    if (value === null || !(MAPPED_FRAME_KINDS as readonly string[]).includes(key)) {
      out.error(
        `@frames: "${item}" is not kind=code with kind one of ${MAPPED_FRAME_KINDS.join(', ')}`,
      );
      return null;
    }
    if (key in frames) {
      out.error(`@frames: ${key} given twice`);
      return null;
    }
    const code = parseFrameCode(key, value, out);
    if (code === undefined) return null;
    frames[key as MappedFrameKind] = code;
  }
  return frames;
}

/**
 * Parses one pattern file (`NN-name.txt`). Lines: blank, `# comment`, one `@frames`
 * directive before the first pattern, and patterns `<id> <verb|noun> <body> [; option]...`.
 */
export function parsePatternFile(
  text: string,
  file: string,
): { patterns: ParsedPattern[]; directives: FileDirectives; problems: EventDataProblem[] } {
  const patterns: ParsedPattern[] = [];
  const problems: EventDataProblem[] = [];
  let directives: FileDirectives = { frames: {}, line: 0 };
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const out = new LineProblems(file, n + 1);
    if (line.startsWith('@')) {
      if (!/^@frames(\s|$)/.test(line)) out.error(`unknown directive "${line.split(/\s/)[0]}"`);
      else if (directives.line > 0)
        out.error(`a second @frames (the first is on line ${directives.line})`);
      else if (patterns.length > 0) out.error('@frames must come before the first pattern');
      else {
        const frames = parseFramesDirective(line, out);
        if (frames) directives = { frames, line: n + 1 };
      }
      problems.push(...out.list);
      continue;
    }
    const parsed = parsePatternLine(line, out);
    problems.push(...out.list);
    if (parsed) patterns.push({ file, line: n + 1, ...parsed });
  }
  return { patterns, directives, problems };
}

function parsePatternLine(
  text: string,
  out: LineProblems,
): Omit<ParsedPattern, 'file' | 'line'> | null {
  const { head, options } = splitLine(text);
  const [id = '', kind = '', ...bodyTokens] = head;
  const m = PATTERN_ID.exec(id);
  if (!m) {
    out.error(
      `bad pattern id "${id}" (expected <code>.<name>[.<variant>], e.g. 042.visit.v1, lower case)`,
    );
    return null;
  }
  if (kind !== 'verb' && kind !== 'noun') {
    out.error(`pattern ${id}: kind must be verb or noun, not "${kind}"`);
    return null;
  }
  if (bodyTokens.length === 0) {
    out.error(`pattern ${id}: empty pattern`);
    return null;
  }
  const bodyText = bodyTokens.join(' ');
  const body = parseBody(bodyText, false, out);
  if (!body) return null;
  let trigger: number;
  if (kind === 'verb') {
    const [first, second] = body.elements;
    if (first?.type !== 'slot' || first.role !== 'S' || first.optional) {
      out.error(`pattern ${id}: a verb pattern starts with $S, the subject of its verb`);
      return null;
    }
    if (body.marked >= 0) {
      out.error(
        `pattern ${id}: ^ is for noun patterns; in a verb pattern the verb after $S is the trigger`,
      );
      return null;
    }
    if (second?.type !== 'word' || second.optional) {
      out.error(
        `pattern ${id}: pattern has no trigger word (a verb pattern needs a required verb right after $S)`,
      );
      return null;
    }
    trigger = 1;
  } else {
    trigger = nounTrigger(body, out);
    if (trigger < 0) return null;
  }
  const parsedOptions = parsePatternOptions(options, out);
  if (!parsedOptions) return null;
  if (kind === 'noun' && parsedOptions.active) {
    out.error(`pattern ${id}: "active" only applies to verb patterns`);
    return null;
  }
  if (kind === 'verb' && parsedOptions.clauseSubject) {
    out.error(`pattern ${id}: "clause-subject" only applies to noun patterns`);
    return null;
  }
  return {
    id,
    code: m[1]!,
    kind,
    elements: body.elements,
    trigger,
    options: parsedOptions,
    body: bodyText,
  };
}

/** Parses frames.txt: `<kind>.<name> <kind> <body with @EVENT> [; option]...`. */
export function parseFrameFile(
  text: string,
  file: string,
): { frames: ParsedFrame[]; problems: EventDataProblem[] } {
  const frames: ParsedFrame[] = [];
  const problems: EventDataProblem[] = [];
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const out = new LineProblems(file, n + 1);
    const parsed = parseFrameLine(line, out);
    problems.push(...out.list);
    if (parsed) frames.push({ file, line: n + 1, ...parsed });
  }
  return { frames, problems };
}

function parseFrameLine(
  text: string,
  out: LineProblems,
): Omit<ParsedFrame, 'file' | 'line'> | null {
  const { head, options } = splitLine(text);
  const [id = '', kind = '', ...bodyTokens] = head;
  const m = FRAME_ID.exec(id);
  if (!m) {
    out.error(`bad frame id "${id}" (expected <kind>.<name>, e.g. intent.agree)`);
    return null;
  }
  if (!(FRAME_KINDS as readonly string[]).includes(kind)) {
    out.error(`frame ${id}: kind must be one of ${FRAME_KINDS.join(', ')}, not "${kind}"`);
    return null;
  }
  if (m[1] !== kind) {
    out.error(`frame ${id}: the id must start with its kind ("${kind}.")`);
    return null;
  }
  const bodyText = bodyTokens.join(' ');
  const body = parseBody(bodyText, true, out);
  if (!body) return null;
  const events = body.elements.flatMap((e, i) => (e.type === 'event' ? [i] : []));
  if (events.length !== 1) {
    out.error(`frame ${id}: a frame has exactly one @EVENT`);
    return null;
  }
  const trigger = nounTrigger(body, out);
  if (trigger < 0) return null;
  let code: string | null = null;
  let modality: Modality = DEFAULT_FRAME_MODALITY[kind as FrameKind];
  let not: string[] = [];
  let conf = 1;
  const seen = new Set<string>();
  for (const raw of options) {
    const option = raw.trim();
    const kv = option === '' ? null : keyValue(option, out);
    if (!kv || kv[1] === null) {
      out.error(`frame ${id}: bad option "${option}" (code=, modality=, not=, conf=)`);
      return null;
    }
    const [key, value] = kv;
    if (seen.has(key)) {
      out.error(`option ${key} given twice`);
      return null;
    }
    seen.add(key);
    if (key === 'code') {
      if (!CODE.test(value)) {
        out.error(`code=${value}: a CAMEO event code of 3 or 4 digits`);
        return null;
      }
      code = value;
    } else if (key === 'modality') {
      if (!MODALITIES.includes(value)) {
        out.error(`modality=${value}: one of ${MODALITIES.join(', ')}`);
        return null;
      }
      modality = value as Modality;
    } else if (key === 'not') {
      const words = parseWordList(value, key, out);
      if (!words) return null;
      not = words;
    } else if (key === 'conf') {
      const n = parseConf(value, out);
      if (n === null) return null;
      conf = n;
    } else {
      out.error(`frame ${id}: unknown option "${key}"`);
      return null;
    }
  }
  return {
    id,
    kind: kind as FrameKind,
    elements: body.elements,
    trigger,
    event: events[0]!,
    code,
    modality,
    not,
    conf,
    body: bodyText,
  };
}
