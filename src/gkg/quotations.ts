import type {
  Entity,
  Quotation,
  QuotationSpeaker,
  Sentence,
  TokenTable,
} from '../core/document.js';
import {
  loadQuotationGrammar,
  loadSpeechVerbs,
  type QuotationGrammar,
  type SpeechVerb,
  type SpeechVerbClass,
} from './quotations-data.js';
import { firstTokenAtOrAfter } from '../nlp/token-table.js';

/**
 * Direct quotations: the words between quotation marks, the speech verb that introduces
 * them and the speaker, resolved to an entity of the document where possible.
 *
 * Only direct speech is taken (as GDELT's V2.1Quotations does): indirect speech ("Lavrov
 * said that talks would continue") has no quoted words to keep, and the event coder
 * already codes its statement. Quoted words with no speech verb next to them are left
 * out: scare quotes ("so-called 'reforms'"), titles, nicknames. A quote of one or two words
 * counts only when it sits right against its attribution (`he said "no"`).
 *
 * @example
 * const ctx = createQuotationContext();
 * const [q] = findQuotations(ctx, { text, sentences, tokens, entities });
 * text.slice(q.start, q.end) === q.text; // true: the quote without its marks
 * q.speaker?.code; // 'RUSGOV' for "... ," Russian Foreign Minister Sergei Lavrov said.
 */
export interface QuotationContext {
  /** First word of a form → the forms starting with it, longest first. */
  readonly forms: ReadonlyMap<string, readonly VerbForm[]>;
  /** Pronouns, prepositions and joiners (`grammar.tsv`). */
  readonly grammar: QuotationGrammar;
}

interface VerbForm {
  readonly words: readonly string[];
  readonly lemma: string;
  readonly kind: SpeechVerbClass;
}

export interface QuotationInput {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly tokens: TokenTable;
  readonly entities: readonly Entity[];
}

/** Loads `dictionaries/quotations/verbs.tsv` and `grammar.tsv` (or the files given) once. */
export function createQuotationContext(
  options: { verbsFile?: string; grammarFile?: string } = {},
): QuotationContext {
  return quotationContextFrom(
    loadSpeechVerbs(options.verbsFile),
    loadQuotationGrammar(options.grammarFile),
  );
}

export function quotationContextFrom(
  verbs: readonly SpeechVerb[],
  grammar: QuotationGrammar,
): QuotationContext {
  const forms = new Map<string, VerbForm[]>();
  for (const v of verbs) {
    for (const words of v.forms) {
      const first = words[0] as string;
      const list = forms.get(first) ?? [];
      list.push({ words, lemma: v.lemma, kind: v.kind });
      list.sort((a, b) => b.words.length - a.words.length);
      forms.set(first, list);
    }
  }
  return Object.freeze({ forms, grammar });
}

/** A pair of quotation marks found in the text; `close` is -1 when the quote runs to a line end. */
interface Marks {
  readonly open: number;
  readonly close: number;
  /** The quoted words, trimmed, without a trailing comma. */
  readonly start: number;
  readonly end: number;
}

interface VerbHit {
  readonly token: number;
  /** Last token of the form. */
  readonly last: number;
  readonly lemma: string;
  readonly kind: SpeechVerbClass;
}

interface Attribution {
  readonly verb: VerbHit;
  /** Subject tokens `[first, last]`, or null when none could be found. */
  readonly subject: readonly [number, number] | null;
}

const OPENERS = new Set(['"', '\u201c', '\u00ab']);
const CLOSERS = new Set(['"', '\u201d', '\u00bb']);
const QUOTE_CHARS = new Set(['"', '\u201c', '\u201d', '\u00ab', '\u00bb', '\u201e']);
const ANY_QUOTE_MARK = new RegExp(`[${[...QUOTE_CHARS].join('')}]`);
const STOPS = new Set(['.', '!', '?', ';']);
const NOUNISH = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
/** Between a subject and its verb: "Lavrov later said", "the ministry has said". */
const MODIFIERS = new Set(['ADV', 'AUX', 'PART']);
/** Words of a subject phrase besides nouns: "the", "Iran's", "foreign", "of", "for". */
const SUBJECT_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'NUM', 'PART', 'CCONJ']);
/** Words allowed between a speech verb and the quote it introduces. */
const BRIDGE_POS = new Set([
  'DET',
  'ADJ',
  'NOUN',
  'PROPN',
  'PRON',
  'NUM',
  'ADP',
  'ADV',
  'AUX',
  'PART',
]);
const MAX_SUBJECT_TOKENS = 12;
/** Entity types "he"/"she" and "it" can stand for. */
const PERSON_TYPES = ['PERSON'];
const ORGANISATION_TYPES = ['COUNTRY', 'ORG', 'IGO', 'GROUP', 'PARTY', 'MNC', 'MEDIA', 'NGO'];

/** `:`, `,` or a joiner ("that") between a speech verb and its quote. */
function joinsQuote(input: Doc, k: number): boolean {
  const w = tokenText(input, k).toLowerCase();
  return w === ':' || w === ',' || input.grammar['quote-joiner'].has(w);
}

/**
 * Finds the direct quotations of a document, in text order. Quotation marks are paired
 * within a line: straight `"`, curly `“ ”` and guillemets `« »`; a quote still open at the
 * end of a line (a quote running over paragraphs) ends there. Quotes inside headings are
 * skipped.
 */
export function findQuotations(ctx: QuotationContext, raw: QuotationInput): Quotation[] {
  // Most stories quote nobody: one native scan decides it before any other work.
  if (!ANY_QUOTE_MARK.test(raw.text)) return [];
  const softWrapped = isSoftWrapped(raw.text);
  const input: Doc = { ...raw, softWrapped, grammar: ctx.grammar };
  const { text, sentences, tokens } = input;
  const n = tokens.starts.length;
  if (n === 0) return [];
  const out: Quotation[] = [];
  let previous: { quote: Quotation; lastSentence: number } | null = null;
  for (const marks of pairMarks(text, softWrapped)) {
    const first = firstTokenAtOrAfter(tokens, marks.start);
    const last = lastTokenEndingBy(tokens, marks.end);
    if (first >= n || last < first) continue;
    const sentence = tokens.sentence[first] as number;
    if (sentences[sentence]?.heading) continue;
    const words = countWords(tokens, text, first, last);
    if (words === 0) continue;
    const short = words <= 2;
    const attribution =
      attributionAfter(ctx, input, marks) ?? attributionBefore(ctx, input, marks, short);
    const lastSentence = tokens.sentence[last] as number;
    let speaker: QuotationSpeaker | null = null;
    let verb: Quotation['verb'] = null;
    if (attribution !== null) {
      const v = attribution.verb;
      const vs = tokens.starts[v.token] as number;
      const ve = tokens.ends[v.last] as number;
      verb = { text: text.slice(vs, ve), start: vs, end: ve, lemma: v.lemma };
      speaker =
        attribution.subject === null ? null : resolveSpeaker(input, attribution.subject, marks);
    } else if (
      !short &&
      previous !== null &&
      previous.quote.speaker !== null &&
      sentence - previous.lastSentence <= 1
    ) {
      speaker = { ...previous.quote.speaker, how: 'continuation' };
    } else {
      continue;
    }
    const quote: Quotation = {
      text: text.slice(marks.start, marks.end),
      start: marks.start,
      end: marks.end,
      sentence,
      speaker,
      verb,
    };
    out.push(quote);
    previous = { quote, lastSentence };
  }
  return out;
}

/** Pairs quotation marks line by line. */
/** The document with how its lines break, which decides where a paragraph ends. */
interface Doc extends QuotationInput {
  /** Lines wrapped at a fixed width (wire copy): a single line break is a space. */
  readonly softWrapped: boolean;
  readonly grammar: QuotationGrammar;
}

/**
 * True when most single line breaks fall inside sentences (after a letter, digit or
 * comma): text hard-wrapped at a column, as wire services ship it. Then only a blank line
 * or an indented line starts a paragraph. Otherwise every line is a paragraph.
 */
function isSoftWrapped(text: string): boolean {
  let inside = 0;
  let all = 0;
  // a char-code scan: wire copy has a line break every 60 characters, and a regex match
  // object per line costs more than the rest of the stage
  for (let i = 1; i < text.length; i++) {
    if (text.charCodeAt(i) !== NEWLINE) continue;
    const next = text.charCodeAt(i + 1);
    if (next === SPACE || next === TAB) continue;
    let j = i + 1;
    while (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB) j++;
    if (text.charCodeAt(j) === NEWLINE) continue; // a blank line
    const before = text.charCodeAt(i - 1);
    // after another line terminator (\r, U+2028, U+2029) the break is no wrapped line
    if (before === NEWLINE || before === 0x0d || before === 0x2028 || before === 0x2029) continue;
    all++;
    if (before === COMMA || isLetterOrDigit(text, i - 1)) inside++;
  }
  return all >= 3 && inside * 2 >= all;
}

const NEWLINE = 10;
const SPACE = 32;
const TAB = 9;
const COMMA = 44;

function isLetterOrDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return /[\p{L}\p{N}]/u.test(text[i] as string);
}

/** True when the whitespace `gap` between two words holds a paragraph break. */
function isParagraphGap(gap: string, softWrapped: boolean): boolean {
  if (!gap.includes('\n')) return false;
  return !softWrapped || /\n[ \t]*\n|\n[ \t]/.test(gap);
}

function pairMarks(text: string, softWrapped: boolean): Marks[] {
  const out: Marks[] = [];
  let open = -1;
  const emit = (o: number, close: number, end: number): void => {
    let s = o + 1;
    let e = end;
    while (s < e && /\s/.test(text[s] as string)) s++;
    while (e > s && /[\s,]/.test(text[e - 1] as string)) e--;
    if (e > s) out.push({ open: o, close, start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // most characters are none of the marks: one comparison settles them
    if (c !== NEWLINE && c !== 34 && c < 0xab) continue;
    if (c === NEWLINE) {
      if (open < 0) continue; // a paragraph break matters only inside a quote
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j] as string)) j++;
      if (isParagraphGap(text.slice(i, j), softWrapped)) {
        if (open >= 0) emit(open, -1, i);
        open = -1;
      }
      i = j - 1;
    } else if (open >= 0 && CLOSERS.has(text[i] as string)) {
      emit(open, i, i);
      open = -1;
    } else if (OPENERS.has(text[i] as string)) {
      open = i;
    }
  }
  if (open >= 0) emit(open, -1, text.length);
  return out;
}

function lastTokenEndingBy(tokens: TokenTable, offset: number): number {
  let i = firstTokenAtOrAfter(tokens, offset) - 1;
  while (i >= 0 && (tokens.ends[i] as number) > offset) i--;
  return i;
}

function countWords(tokens: TokenTable, text: string, first: number, last: number): number {
  let words = 0;
  for (let i = first; i <= last; i++) {
    if (/\p{L}/u.test(text.slice(tokens.starts[i], tokens.ends[i]))) words++;
  }
  return words;
}

function tokenText(input: Doc, i: number): string {
  return input.text.slice(input.tokens.starts[i], input.tokens.ends[i]);
}

function isQuoteMark(input: Doc, i: number): boolean {
  return QUOTE_CHARS.has(tokenText(input, i));
}

function isPunct(input: Doc, i: number): boolean {
  return input.tokens.pos[i] === 'PUNCT' || input.tokens.pos[i] === 'SYM';
}

/** True when a line break lies between token i-1 and token i (a paragraph boundary). */
function breakBefore(input: Doc, i: number): boolean {
  if (i <= 0) return true;
  const gap = input.text.slice(input.tokens.ends[i - 1], input.tokens.starts[i]);
  return isParagraphGap(gap, input.softWrapped);
}

/** The speech verb or source phrase starting at token i. */
function verbAt(ctx: QuotationContext, input: Doc, i: number): VerbHit | null {
  const n = input.tokens.starts.length;
  const word = (k: number): string => tokenText(input, k).toLowerCase();
  const candidates = ctx.forms.get(word(i));
  if (candidates === undefined) return null;
  for (const form of candidates) {
    if (i + form.words.length > n) continue;
    let ok = true;
    for (let k = 1; k < form.words.length && ok; k++) ok = word(i + k) === form.words[k];
    if (!ok) continue;
    // "the state", "a note", "his remarks": a speech verb has to be tagged as a verb.
    if (form.kind === 'speech' && input.tokens.pos[i] !== 'VERB') continue;
    return { token: i, last: i + form.words.length - 1, lemma: form.lemma, kind: form.kind };
  }
  return null;
}

/** Tokens of a subject phrase starting at `from` going right, or null. */
function subjectRight(input: Doc, from: number, limit: number): [number, number] | null {
  const { pos } = input.tokens;
  let last = -1;
  for (let k = from; k < limit && k - from < MAX_SUBJECT_TOKENS; k++) {
    const inEntity = entityCovering(input, k) !== null;
    const w = tokenText(input, k).toLowerCase();
    if (inEntity || SUBJECT_POS.has(pos[k] as string)) last = k;
    else if (pos[k] === 'ADP' && input.grammar['noun-preposition'].has(w) && last >= 0) continue;
    else break;
  }
  if (last < 0) return null;
  return hasNoun(input, from, last) ? [from, last] : null;
}

/** A nominal phrase: a noun or pronoun, or "the general", "the accused" (a determiner and an adjective). */
function hasNoun(input: Doc, from: number, to: number): boolean {
  const { pos } = input.tokens;
  for (let k = from; k <= to; k++) if (NOUNISH.has(pos[k] as string)) return true;
  return to > from && pos[to] === 'ADJ' && pos[to - 1] === 'DET';
}

/** Index of an entity whose span or phrase covers token k. */
function entityCovering(input: Doc, k: number): number | null {
  const s = input.tokens.starts[k] as number;
  const e = input.tokens.ends[k] as number;
  for (let j = 0; j < input.entities.length; j++) {
    const ent = input.entities[j] as Entity;
    const start = Math.min(ent.start, ent.phrase?.start ?? ent.start);
    const end = Math.max(ent.end, ent.phrase?.end ?? ent.end);
    if (s >= start && e <= end) return j;
  }
  return null;
}

/**
 * `"…," X said` / `"…," said X` / `"…," according to X`: the attribution starts right
 * after the closing mark (after a comma, or after a `?`/`!` that ends the quote), so even
 * a one-word quote taken this way sits against its speech verb.
 */
function attributionAfter(ctx: QuotationContext, input: Doc, marks: Marks): Attribution | null {
  if (marks.close < 0) return null;
  const n = input.tokens.starts.length;
  let a = firstTokenAtOrAfter(input.tokens, marks.close + 1);
  if (a < n && tokenText(input, a) === ',') a++;
  if (a >= n || breakBefore(input, a)) return null;
  // The end of the attribution clause: a full stop, another quote, a line break.
  let limit = a;
  while (
    limit < n &&
    !STOPS.has(tokenText(input, limit)) &&
    !isQuoteMark(input, limit) &&
    (limit === a || !breakBefore(input, limit))
  ) {
    limit++;
  }
  if (limit === a) return null;
  const first = verbAt(ctx, input, a);
  if (first !== null) {
    // Inverted: `said the minister`, or a source phrase: `according to the ministry`.
    const subject = subjectRight(input, first.last + 1, limit);
    return subject === null ? null : { verb: first, subject };
  }
  // `X (later|has) said`: a subject phrase, then modifiers, then the speech verb.
  for (let k = a + 1; k < limit && k - a <= 2 * MAX_SUBJECT_TOKENS; k++) {
    const v = verbAt(ctx, input, k);
    if (v !== null && v.kind === 'speech') {
      let end = k - 1;
      while (
        end >= a &&
        ((MODIFIERS.has(input.tokens.pos[end] as string) && !isPronoun(input, end)) ||
          tokenText(input, end) === ',')
      )
        end--;
      if (end < a || !hasNoun(input, a, end)) return null;
      return { verb: v, subject: [a, end] };
    }
    const pos = input.tokens.pos[k] as string;
    const inEntity = entityCovering(input, k) !== null;
    if (!inEntity && (pos === 'VERB' || (isPunct(input, k) && tokenText(input, k) !== ','))) {
      return null;
    }
  }
  return null;
}

function isPronoun(input: Doc, k: number): boolean {
  return input.tokens.pos[k] === 'PRON';
}

/**
 * `X said: "…"` / `X told reporters, "…"` / `X said in a statement that "…"` /
 * `according to X, "…"`: the nearest speech verb before the opening mark in its clause.
 */
function attributionBefore(
  ctx: QuotationContext,
  input: Doc,
  marks: Marks,
  short: boolean,
): Attribution | null {
  const { pos } = input.tokens;
  let p = firstTokenAtOrAfter(input.tokens, marks.open) - 1;
  if (p < 0 || breakBefore(input, p + 1)) return null;
  const edge = p;
  // `:`, `,` and `that` join a verb to its quote; anything else makes a quote in mid-clause.
  while (p >= 0 && joinsQuote(input, p)) p--;
  const adjacent = p < edge || verbAt(ctx, input, p) !== null;
  if (short && !adjacent) return null;
  for (let k = p; k >= 0 && p - k <= 10; k--) {
    const w = tokenText(input, k);
    if (STOPS.has(w) || isQuoteMark(input, k) || breakBefore(input, k + 1)) return null;
    const v = verbAt(ctx, input, k);
    if (v !== null) {
      if (v.kind === 'source') {
        const subject = subjectRight(input, v.last + 1, p + 1);
        return subject === null ? null : { verb: v, subject };
      }
      // `"…," said the senator, "…"`: a verb right after a quote has its subject after it.
      const inverted =
        k >= 1 &&
        (isQuoteMark(input, k - 1) ||
          (k >= 2 && tokenText(input, k - 1) === ',' && isQuoteMark(input, k - 2)));
      const subject =
        subjectLeft(ctx, input, k) ??
        (inverted ? subjectRight(input, v.last + 1, p + 1) : null) ??
        participleSubject(ctx, input, k);
      return { verb: v, subject };
    }
    const inEntity = entityCovering(input, k) !== null;
    // Between the verb and the quote: objects and adjuncts ("reporters", "in a statement").
    if (!inEntity && !BRIDGE_POS.has(pos[k] as string) && w !== ',') return null;
  }
  return null;
}

/** The subject ending right before the speech verb at token v (modifiers skipped). */
function subjectLeft(ctx: QuotationContext, input: Doc, v: number): [number, number] | null {
  const { pos } = input.tokens;
  let end = v - 1;
  while (end >= 0 && MODIFIERS.has(pos[end] as string) && !isPronoun(input, end)) end--;
  // "X was quoted as saying" speaks as X; "Y quoted X as saying" and "X was quoted by Y as
  // saying" as X too.
  if (end >= 1 && input.grammar['quoted-as'].has(tokenText(input, end).toLowerCase())) {
    for (let q = end - 1; q >= 0 && end - q <= 10; q--) {
      const quoted = verbAt(ctx, input, q);
      if (quoted === null) continue;
      if (
        q === end - 1 ||
        input.grammar['passive-agent'].has(tokenText(input, q + 1).toLowerCase())
      )
        return subjectLeft(ctx, input, q);
      return subjectRight(input, q + 1, end);
    }
  }
  if (end < 0 || breakBefore(input, end + 1)) return null;
  // "Maria Zakharova, the ministry's spokeswoman, said": a name and an appositive between
  // commas; the subject runs from the name to the last word before the second comma.
  if (tokenText(input, end) === ',') {
    const inner = phraseLeft(input, end - 1);
    if (inner === null || inner[0] < 1 || tokenText(input, inner[0] - 1) !== ',') return null;
    const head = phraseLeft(input, inner[0] - 2);
    return head === null ? null : [head[0], end - 1];
  }
  return phraseLeft(input, end);
}

/**
 * The speaker of ", saying: …" / ", adding …": the subject of an earlier speech verb of the
 * sentence, else the phrase the sentence starts with ("Bomani urged talks, saying …").
 */
function participleSubject(ctx: QuotationContext, input: Doc, v: number): [number, number] | null {
  if (!tokenText(input, v).toLowerCase().endsWith('ing') || v < 1) return null;
  if (![',', ':'].includes(tokenText(input, v - 1))) return null;
  const sentence = input.tokens.sentence[v];
  let first = v;
  while (first > 0 && input.tokens.sentence[first - 1] === sentence) first--;
  for (let k = v - 2; k >= first; k--) {
    const earlier = verbAt(ctx, input, k);
    if (earlier === null || earlier.kind !== 'speech') continue;
    const before = subjectLeft(ctx, input, k);
    if (before !== null) return before;
    return subjectRight(input, earlier.last + 1, v - 1);
  }
  while (first < v && isQuoteMark(input, first)) first++;
  return subjectRight(input, first, v - 1);
}

/** The nominal phrase ending at token `end`, walking left, or null. */
function phraseLeft(input: Doc, end: number): [number, number] | null {
  const { pos } = input.tokens;
  if (end < 0) return null;
  // A pronoun is a whole subject: "in London he said" is not spoken by London.
  if (pos[end] === 'PRON') return [end, end];
  const nominal = (k: number): boolean =>
    entityCovering(input, k) !== null || ['NOUN', 'PROPN', 'NUM'].includes(pos[k] as string);
  let start = end + 1;
  for (let k = end; k >= 0 && end - k < MAX_SUBJECT_TOKENS; k--) {
    if (breakBefore(input, k + 1) && k < end) break;
    const w = tokenText(input, k).toLowerCase();
    if (entityCovering(input, k) !== null || SUBJECT_POS.has(pos[k] as string)) start = k;
    // "a trader in Tokyo", "the head of the agency": a preposition inside a noun phrase.
    else if (
      pos[k] === 'ADP' &&
      input.grammar['noun-preposition'].has(w) &&
      k > 0 &&
      nominal(k - 1)
    )
      continue;
    else break;
  }
  // Drop a leading conjunction ("and he said").
  while (start <= end && pos[start] === 'CCONJ') start++;
  if (start > end || !hasNoun(input, start, end)) return null;
  return [start, end];
}

/** Turns a subject token range into a speaker, resolving pronouns and entities. */
function resolveSpeaker(
  input: Doc,
  subject: readonly [number, number],
  marks: Marks,
): QuotationSpeaker {
  const { text, tokens, entities } = input;
  let start = tokens.starts[subject[0]] as number;
  let end = tokens.ends[subject[1]] as number;
  if (subject[0] === subject[1] && isPronoun(input, subject[0])) {
    const word = text.slice(start, end).toLowerCase();
    const types = input.grammar['person-pronoun'].has(word)
      ? PERSON_TYPES
      : input.grammar['organisation-pronoun'].has(word)
        ? ORGANISATION_TYPES
        : null;
    const before = Math.min(start, marks.open);
    const index =
      types === null ? null : lastEntityBefore(entities, before, (e) => types.includes(e.type));
    return {
      text: text.slice(start, end),
      start,
      end,
      code: index === null ? null : (entities[index]?.code ?? null),
      entity: index,
      how: 'pronoun',
    };
  }
  let chosen: number | null = null;
  for (let j = 0; j < entities.length; j++) {
    const e = entities[j] as Entity;
    // "a trader in Singapore" is not Singapore speaking; "a spokesman for the Kremlin" is.
    const before = firstTokenAtOrAfter(tokens, e.start) - 1;
    if (
      before >= subject[0] &&
      input.grammar['place-preposition'].has(tokenText(input, before).toLowerCase())
    )
      continue;
    if (e.start >= start && e.end <= end) {
      if (chosen === null || (entities[chosen]?.code === null && e.code !== null)) chosen = j;
    }
  }
  if (chosen === null) {
    return { text: text.slice(start, end), start, end, code: null, entity: null, how: 'phrase' };
  }
  const e = entities[chosen] as Entity;
  if (e.phrase !== undefined) {
    start = Math.min(start, e.phrase.start);
    end = Math.max(end, e.phrase.end);
  }
  return { text: text.slice(start, end), start, end, code: e.code, entity: chosen, how: 'entity' };
}

function lastEntityBefore(
  entities: readonly Entity[],
  offset: number,
  accept: (e: Entity) => boolean,
): number | null {
  let best: number | null = null;
  for (let j = 0; j < entities.length; j++) {
    const e = entities[j] as Entity;
    if (e.end <= offset && accept(e) && (best === null || e.end > (entities[best] as Entity).end)) {
      best = j;
    }
  }
  return best;
}
