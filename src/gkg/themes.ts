import * as path from 'node:path';
import type { Sentence, Span, Theme, TokenTable } from '../core/document.js';
import type { Kb } from '../kb/load.js';
import {
  checkRuleCoverage,
  defaultDictionariesDir,
  igoNamesFromKb,
  nameRules,
  parseTaxonomy,
  parseThemeRules,
  parseToneOverrides,
  parseToneWords,
  readData,
  readIgoNames,
  ThemeDataError,
  type RuleItem,
  type Taxonomy,
  type ThemeRule,
} from './load-themes.js';
import { createToneLexicon, type ToneLexicon } from './tone.js';
import { tokenSurface, tokenWords } from './token-forms.js';
import { WordFilter, wordHash } from './word-filter.js';

/**
 * Everything theme assignment and tone read, loaded and validated once, then frozen:
 * the taxonomy, the rules indexed by their first token, and the tone lexicon.
 *
 * @example
 * const ctx = createThemeContext();
 * const { sentences, tokens } = analyse(createNlp(), text, cleanText(text, 0));
 * assignThemes(ctx, { text, sentences, tokens }).map((t) => t.theme); // ['TRADE', 'ECONOMY', ...]
 * computeTone(ctx, { text, sentences, tokens }).score;
 */
export interface ThemeContext {
  readonly taxonomy: Taxonomy;
  /** Every rule, positive and negative, from rules.txt and the organisation names. */
  readonly rules: readonly ThemeRule[];
  readonly tone: ToneLexicon;
  /** @internal the first-token index `assignThemes` reads. */
  readonly index: RuleIndex;
}

/** What themes are assigned from: the analysed document (src/nlp/analyse.ts). */
export interface ThemeInput {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly tokens: TokenTable;
}

export interface ThemeContextOptions {
  /** Folder with taxonomy.tsv, rules.txt, tone-overrides.tsv, tone-words.tsv (default dictionaries/themes). */
  readonly dir?: string;
  /** A loaded knowledge base whose IGO names trigger INTERNATIONAL_ORGANISATIONS. */
  readonly kb?: Kb;
  /**
   * Without `kb`: the organisations file whose IGO names trigger INTERNATIONAL_ORGANISATIONS
   * (default dictionaries/kb/organisations.jsonl); null for none.
   */
  readonly organisationsFile?: string | null;
}

/**
 * One token position of a compiled pattern, in the shape matching reads fastest: exact words
 * in sets, prefixes in short lists, parts of speech in a set.
 */
interface CompiledItem {
  readonly any: boolean;
  readonly pos: ReadonlySet<string> | null;
  /** Lower-case words compared with the token's normal and lower-cased forms. */
  readonly words: ReadonlySet<string>;
  readonly prefixes: readonly string[];
  /** Words with a capital, compared with the token's own text. */
  readonly caseWords: readonly string[];
  readonly casePrefixes: readonly string[];
}

/** A pattern ready to match: hyphenated words already expanded into their split forms. */
interface CompiledPattern {
  readonly items: readonly CompiledItem[];
  readonly rule: ThemeRule;
}

/**
 * The patterns sharing a first word. Those whose second token is plain words ("trade
 * deficit|surplus") are found by the next token's form in one look-up, instead of trying
 * each in turn: a frequent first word ("trade", "oil") starts a dozen patterns.
 */
interface Bucket {
  /** Patterns tried in full: one token long, or whose second token is not plain words. */
  readonly others: CompiledPattern[];
  /** Patterns whose second token is plain lower-case words, under each of those words. */
  readonly bySecond: Map<string, CompiledPattern[]>;
}

interface RuleIndex {
  /** Lower-cased first word → patterns starting with it. */
  readonly exact: ReadonlyMap<string, Bucket>;
  /**
   * Most tokens start no pattern, and these two say so without a look-up: first words with
   * patterns tried whatever follows (`others`), and first-and-second word pairs (`pairHash`)
   * of the rest. "the" starts a few names ("the World Bank"), but is rarely followed by
   * their second word.
   */
  readonly startFilter: WordFilter;
  readonly pairFilter: WordFilter;
  /** `prefixKey` of a first-word prefix (`sanction*`) → patterns. */
  readonly prefix: ReadonlyMap<number, Bucket>;
  readonly prefixFilter: WordFilter;
}

/**
 * The first three UTF-16 units of a word packed in one small integer (10 bits each), so
 * the per-token prefix look-up allocates nothing. Distinct beginnings may share a key
 * (units above 1023); every candidate is checked word by word anyway.
 */
function prefixKey(w: string): number {
  const a = w.length > 0 ? w.charCodeAt(0) & 0x3ff : 0;
  const b = w.length > 1 ? w.charCodeAt(1) & 0x3ff : 0;
  const c = w.length > 2 ? w.charCodeAt(2) & 0x3ff : 0;
  return (a << 20) | (b << 10) | c;
}
const MAX_VARIANTS = 64;
const HYPHENATED = /^[^-]+(?:-[^-]+)+$/;

/**
 * wink-nlp keeps most hyphenated words whole ("cyber-attack") but splits some ("nuclear -
 * armed"), so a hyphenated word in a pattern also matches its pieces with "-" between.
 */
function expandHyphens(items: readonly RuleItem[]): RuleItem[][] {
  let variants: RuleItem[][] = [[]];
  for (const item of items) {
    const options: RuleItem[][] = [[item]];
    for (const alt of item.alts) {
      if (!HYPHENATED.test(alt.word)) continue;
      const pieces = alt.word.split('-');
      const seq: RuleItem[] = [];
      pieces.forEach((piece, k) => {
        if (k > 0)
          seq.push({
            any: false,
            alts: [{ word: '-', prefix: false, caseSensitive: false }],
            pos: null,
          });
        const last = k === pieces.length - 1;
        seq.push({
          any: false,
          alts: [
            {
              word: piece,
              prefix: last && alt.prefix,
              caseSensitive: piece !== piece.toLowerCase(),
            },
          ],
          pos: null,
        });
      });
      options.push(seq);
    }
    const next: RuleItem[][] = [];
    for (const v of variants) for (const o of options) next.push([...v, ...o]);
    variants = next;
  }
  return variants;
}

function buildIndex(rules: readonly ThemeRule[]): RuleIndex {
  const exact = new Map<string, Bucket>();
  const prefix = new Map<number, Bucket>();
  const problems: Array<{ file: string; line: number; message: string }> = [];
  const push = <K>(map: Map<K, CompiledPattern[]>, key: K, p: CompiledPattern): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [p]);
    else if (!list.includes(p)) list.push(p);
  };
  const add = <K>(map: Map<K, Bucket>, key: K, p: CompiledPattern): void => {
    let bucket = map.get(key);
    if (bucket === undefined) map.set(key, (bucket = { others: [], bySecond: new Map() }));
    const second = p.items[1];
    if (second === undefined || !plainWords(second)) {
      if (!bucket.others.includes(p)) bucket.others.push(p);
    } else {
      for (const w of second.words) push(bucket.bySecond, w, p);
    }
  };
  for (const rule of rules) {
    const variants = expandHyphens(rule.items);
    if (variants.length > MAX_VARIANTS) {
      const m = /^(.*):(\d+)$/.exec(rule.origin);
      problems.push({
        file: m?.[1] ?? rule.origin,
        line: Number(m?.[2] ?? 1),
        message: `pattern "${rule.pattern}" expands to ${variants.length} hyphen variants (at most ${MAX_VARIANTS})`,
      });
      continue;
    }
    for (const items of variants) {
      const p: CompiledPattern = { items: items.map(compileItem), rule };
      for (const alt of items[0]!.alts) {
        const key = alt.word.toLowerCase();
        if (alt.prefix) add(prefix, prefixKey(key), p);
        else add(exact, key, p);
      }
    }
  }
  if (problems.length > 0) throw new ThemeDataError(problems);
  const starts: string[] = [];
  const pairs: number[] = [];
  for (const [first, bucket] of exact) {
    if (bucket.others.length > 0) starts.push(first);
    const h = wordHash(first);
    for (const second of bucket.bySecond.keys()) pairs.push(pairHash(h, wordHash(second)));
  }
  return {
    exact,
    startFilter: WordFilter.of(starts),
    pairFilter: WordFilter.ofHashes(pairs),
    prefix,
    prefixFilter: WordFilter.ofHashes([...prefix.keys()]),
  };
}

/** Only lower-case words, any part of speech: the item can be found by a word look-up. */
function plainWords(item: CompiledItem): boolean {
  return (
    !item.any &&
    item.pos === null &&
    item.words.size > 0 &&
    item.prefixes.length === 0 &&
    item.caseWords.length === 0 &&
    item.casePrefixes.length === 0
  );
}

function compileItem(item: RuleItem): CompiledItem {
  const pick = (caseSensitive: boolean, prefix: boolean): string[] =>
    item.alts
      .filter((a) => a.caseSensitive === caseSensitive && a.prefix === prefix)
      .map((a) => a.word);
  return {
    any: item.any,
    pos: item.pos === null ? null : new Set(item.pos),
    words: new Set(pick(false, false)),
    prefixes: pick(false, true),
    caseWords: pick(true, false),
    casePrefixes: pick(true, true),
  };
}

/**
 * Loads and validates the theme and tone data once (`file:line: message` errors in a
 * `ThemeDataError`) and returns the frozen context every call of `assignThemes`,
 * `computeTone` and `toneOfSentences` reads.
 */
export function createThemeContext(options: ThemeContextOptions = {}): ThemeContext {
  const dictionaries = defaultDictionariesDir();
  const dir = options.dir ?? path.join(dictionaries, 'themes');
  const file = (name: string): string => path.join(dir, name);
  const taxonomyFile = file('taxonomy.tsv');
  const taxonomy = parseTaxonomy(readData(taxonomyFile), taxonomyFile);
  const rulesFile = file('rules.txt');
  const rules = parseThemeRules(readData(rulesFile), rulesFile, taxonomy);
  let names: Array<{ form: string; origin: string }> = [];
  if (options.kb !== undefined) names = igoNamesFromKb(options.kb);
  else {
    const orgs =
      options.organisationsFile === undefined
        ? path.join(dictionaries, 'kb', 'organisations.jsonl')
        : options.organisationsFile;
    if (orgs !== null) names = readIgoNames(orgs);
  }
  if (names.length > 0 && !taxonomy.has('INTERNATIONAL_ORGANISATIONS')) {
    throw new ThemeDataError([
      {
        file: taxonomyFile,
        line: 1,
        message: 'organisation names need the theme INTERNATIONAL_ORGANISATIONS',
      },
    ]);
  }
  const allRules = [...rules, ...nameRules(names)];
  checkRuleCoverage(taxonomy, allRules, taxonomyFile);
  const overridesFile = file('tone-overrides.tsv');
  const wordsFile = file('tone-words.tsv');
  const tone = createToneLexicon(
    parseToneOverrides(readData(overridesFile), overridesFile),
    parseToneWords(readData(wordsFile), wordsFile),
  );
  return Object.freeze({
    taxonomy,
    rules: Object.freeze(allRules),
    tone,
    index: buildIndex(allRules),
  });
}

/** Token forms a pattern word is compared with; built once per document. */
interface TokenForms {
  readonly text: string;
  readonly tokens: TokenTable;
  /** wink's normal form (lower case, American spelling, n't → not). */
  readonly normal: readonly string[];
  /** The token's own text lower-cased, typographic apostrophes made plain (`tokenLower`). */
  readonly lower: readonly string[];
  /** `wordHash` of `normal` and `lower`, for the index's filters. */
  readonly normalHash: Int32Array;
  readonly lowerHash: Int32Array;
}

function itemMatches(
  item: CompiledItem,
  forms: TokenForms,
  pos: readonly string[],
  t: number,
): boolean {
  if (item.pos !== null && !item.pos.has(pos[t] as string)) return false;
  if (item.any) return true;
  const k1 = forms.normal[t] as string;
  const k2 = forms.lower[t] as string;
  if (item.words.has(k1) || (k2 !== k1 && item.words.has(k2))) return true;
  for (const w of item.prefixes) if (k1.startsWith(w) || k2.startsWith(w)) return true;
  if (item.caseWords.length === 0 && item.casePrefixes.length === 0) return false;
  const surface = tokenSurface(forms.text, forms.tokens, t);
  return item.caseWords.includes(surface) || item.casePrefixes.some((w) => surface.startsWith(w));
}

/** A rule matched on tokens `[first, end)` of one sentence. */
interface Match {
  readonly rule: ThemeRule;
  readonly first: number;
  readonly end: number;
}

/**
 * Every rule match in tokens `[from, to)` (one sentence). Only the patterns indexed under a
 * token's own forms are tried there, and of those only the ones the next token can continue:
 * a few map look-ups per token, whatever the number of rules.
 */
function matchSentence(
  index: RuleIndex,
  forms: TokenForms,
  pos: readonly string[],
  from: number,
  to: number,
): Match[] {
  const matches: Match[] = [];
  const prefixes = index.prefix.size > 0;
  // patterns already tried at the current token (a word and its other form may share some)
  const tried: CompiledPattern[] = [];
  // plain functions with the token as an argument, not closures over a loop variable: the
  // per-token loop keeps `t` in a register instead of a heap context
  for (let t = from; t < to; t++) {
    if (tried.length !== 0) tried.length = 0;
    const k1 = forms.normal[t] as string;
    const k2 = forms.lower[t] as string;
    if (mayStart(index, forms, t, to, forms.normalHash[t] as number))
      visit(index.exact.get(k1), forms, pos, t, to, tried, matches);
    if (k2 !== k1 && mayStart(index, forms, t, to, forms.lowerHash[t] as number))
      visit(index.exact.get(k2), forms, pos, t, to, tried, matches);
    if (prefixes) {
      const c1 = prefixKey(k1);
      if (index.prefixFilter.mayHave(c1))
        visit(index.prefix.get(c1), forms, pos, t, to, tried, matches);
      const c2 = prefixKey(k2);
      if (c2 !== c1 && index.prefixFilter.mayHave(c2))
        visit(index.prefix.get(c2), forms, pos, t, to, tried, matches);
    }
  }
  return matches;
}

/** Tries the bucket's patterns at token t: those any next token may continue, then those of the next token's forms. */
function visit(
  bucket: Bucket | undefined,
  forms: TokenForms,
  pos: readonly string[],
  t: number,
  to: number,
  tried: CompiledPattern[],
  matches: Match[],
): void {
  if (bucket === undefined) return;
  attempt(bucket.others, forms, pos, t, to, tried, matches);
  if (bucket.bySecond.size === 0 || t + 1 >= to) return;
  const n1 = forms.normal[t + 1] as string;
  const n2 = forms.lower[t + 1] as string;
  attempt(bucket.bySecond.get(n1), forms, pos, t, to, tried, matches);
  if (n2 !== n1) attempt(bucket.bySecond.get(n2), forms, pos, t, to, tried, matches);
}

/** Each pattern of `list` not yet tried at token t, in full; the ones that match are added to `matches`. */
function attempt(
  list: readonly CompiledPattern[] | undefined,
  forms: TokenForms,
  pos: readonly string[],
  t: number,
  to: number,
  tried: CompiledPattern[],
  matches: Match[],
): void {
  if (list === undefined) return;
  for (const p of list) {
    const end = t + p.items.length;
    if (end > to || tried.includes(p)) continue;
    tried.push(p);
    let ok = true;
    for (let k = 0; k < p.items.length && ok; k++) ok = itemMatches(p.items[k]!, forms, pos, t + k);
    if (ok) matches.push({ rule: p.rule, first: t, end });
  }
}

/** A hash of a first word's and a second word's `wordHash`, for `RuleIndex.pairFilter`. */
function pairHash(first: number, second: number): number {
  return Math.imul(first ^ (first >>> 15), 0x2c1b3c6d) ^ second;
}

/** False when no exact-word pattern can start at token t, whose form hashes to `h`. */
function mayStart(index: RuleIndex, forms: TokenForms, t: number, to: number, h: number): boolean {
  if (index.startFilter.mayHave(h)) return true;
  if (t + 1 >= to) return false;
  const n = forms.normalHash[t + 1] as number;
  const l = forms.lowerHash[t + 1] as number;
  return (
    index.pairFilter.mayHave(pairHash(h, n)) ||
    (l !== n && index.pairFilter.mayHave(pairHash(h, l)))
  );
}

function hasTheme(rule: ThemeRule, theme: string): boolean {
  return rule.themes.includes(theme) || rule.themes[0] === '*';
}

/**
 * Themes of the document: each with the exact `[start, end)` spans of the words that
 * triggered it and the indexes of the sentences it was found in. Headings are not read.
 * A theme also gets the spans and sentences of its descendants (TARIFFS makes TRADE and
 * ECONOMY too). Negative rules cancel the matches they overlap, or with `in sentence` every
 * match of their themes in that sentence. Order: by first span, then more specific first.
 */
export function assignThemes(ctx: ThemeContext, input: ThemeInput): Theme[] {
  const { text, sentences, tokens } = input;
  const n = tokens.normal.length;
  if (n === 0) return [];
  const words = tokenWords(text, tokens);
  const forms: TokenForms = {
    text,
    tokens,
    normal: tokens.normal,
    lower: words.lower,
    normalHash: words.normalHash,
    lowerHash: words.lowerHash,
  };
  const found = new Map<string, { spans: Span[]; sentences: Set<number> }>();
  const note = (theme: string, span: Span, sentence: number): void => {
    let f = found.get(theme);
    if (f === undefined) found.set(theme, (f = { spans: [], sentences: new Set() }));
    f.spans.push(span);
    f.sentences.add(sentence);
  };

  let from = 0;
  while (from < n) {
    const s = tokens.sentence[from] as number;
    let to = from + 1;
    while (to < n && tokens.sentence[to] === s) to++;
    if (sentences[s]?.heading !== true) {
      const matches = matchSentence(ctx.index, forms, tokens.pos, from, to);
      const negatives = matches.length === 0 ? matches : matches.filter((m) => m.rule.negative);
      for (const m of matches) {
        if (m.rule.negative) continue;
        for (const theme of m.rule.themes) {
          const cancelled = negatives.some(
            (neg) =>
              hasTheme(neg.rule, theme) &&
              (neg.rule.scope === 'sentence' || (neg.first < m.end && m.first < neg.end)),
          );
          if (cancelled) continue;
          const span = {
            start: tokens.starts[m.first] as number,
            end: tokens.ends[m.end - 1] as number,
          };
          note(theme, span, s);
          for (const up of ctx.taxonomy.get(theme)?.ancestors ?? []) note(up, span, s);
        }
      }
    }
    from = to;
  }

  const themes: Array<Theme & { depth: number }> = [];
  for (const [theme, f] of found) {
    themes.push({
      theme,
      spans: outermost(f.spans),
      sentences: [...f.sentences].sort((a, b) => a - b),
      depth: ctx.taxonomy.get(theme)?.ancestors.length ?? 0,
    });
  }
  themes.sort(
    (a, b) =>
      (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0) ||
      b.depth - a.depth ||
      (a.theme < b.theme ? -1 : 1),
  );
  return themes.map(({ theme, spans, sentences: ss }) => ({ theme, spans, sentences: ss }));
}

/** Spans sorted by start, duplicates and spans inside a longer one dropped. */
function outermost(spans: readonly Span[]): Span[] {
  if (spans.length === 1) return [spans[0]!];
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && s.start >= last.start && s.end <= last.end) continue;
    out.push(s);
  }
  return out;
}

/**
 * The per-sentence view of `assignThemes`' result: for each sentence index below
 * `sentenceCount`, the themes found in it (ancestors included), in the document's order.
 * Headings get none.
 *
 * @example
 * const bySentence = themesBySentence(assignThemes(ctx, doc), doc.sentences.length);
 * bySentence[event.sentence]; // ['MISSILES', 'WEAPONS', 'MILITARY', 'SECURITY']
 */
export function themesBySentence(themes: readonly Theme[], sentenceCount: number): string[][] {
  const out: string[][] = Array.from({ length: sentenceCount }, () => []);
  for (const t of themes) {
    for (const s of t.sentences ?? []) if (s >= 0 && s < sentenceCount) out[s]!.push(t.theme);
  }
  return out;
}
