import type { Block } from '../clean/clean-text.js';
import type { Expression, Sentence, TokenTable } from '../core/document.js';
import type { Nlp } from './create-nlp.js';
import { recogniseExpressions } from './expressions.js';
import { buildView } from './text-view.js';

export { createNlp, type Nlp } from './create-nlp.js';

/**
 * Sentences, tokens and number/date expressions of one document, every span an offset into
 * the original text. Headings are one sentence each with `heading: true`; boilerplate yields
 * nothing. Token i belongs to sentence `tokens.sentence[i]`; tokens are in text order.
 *
 * @example
 * const a = analyse(createNlp(), text, cleanText(text, bodyStart));
 * a.sentences[0]?.text === text.slice(a.sentences[0].start, a.sentences[0].end); // true
 * a.expressions.filter((e) => e.type === 'PERCENT').map((e) => e.text); // ['77%']
 */
export interface Analysis {
  sentences: Sentence[];
  tokens: TokenTable;
  expressions: Expression[];
}

/**
 * Runs wink once over the whole document view (one call per block measured slower: each
 * readDoc has a fixed cost), maps tokens and sentences back to the original, then finds
 * number/date expressions over the token table (see expressions.ts).
 */
export function analyse(
  nlp: Nlp,
  text: string,
  blocks: readonly Block[],
  options: { readonly lemmas?: boolean } = {},
): Analysis {
  const wantLemmas = options.lemmas ?? true;
  const tv = buildView(text, blocks);
  const shown = tv.blocks;
  if (shown.length === 0) return emptyAnalysis();
  const { view, base, map } = tv;
  const its = nlp.its;
  const doc = nlp.wink.readDoc(view);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const preceding = tokens.out(its.precedingSpaces) as string[];
  const tags = tokens.out(its.pos) as string[];
  const normals = tokens.out(its.normal) as string[];
  // Lemmas cost a lookup and a string per token and only the event coder reads them: a
  // document that will not be coded gets its normal forms in their place.
  // wink's typings give `its.lemma` the addon-taking signature; it is an ordinary its function.
  const lemmas = wantLemmas
    ? (tokens.out(its.lemma as unknown as typeof its.normal) as string[])
    : null;
  const n = values.length;
  const winkSentence = new Int32Array(n);
  const sentenceSpans = doc.sentences().out(its.span) as unknown as number[][];
  for (let s = 0; s < sentenceSpans.length; s++) {
    const span = sentenceSpans[s] as number[];
    winkSentence.fill(s, span[0], (span[1] as number) + 1);
  }

  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const sentenceOf = new Int32Array(n);
  const pos: string[] = [];
  const normal: string[] = [];
  const lemma: string[] = [];
  const sentences: Sentence[] = [];

  let count = 0;
  let cursor = 0;
  let b = 0;
  let block = shown[0] as Block;
  let prevBlock = -1;
  let prevWink = -1;
  let sentenceFirst = 0;
  const closeSentence = (): void => {
    if (count === sentenceFirst) return;
    const start = starts[sentenceFirst] as number;
    const end = ends[count - 1] as number;
    sentences.push({
      index: sentences.length,
      start,
      end,
      text: text.slice(start, end),
      heading: shown[prevBlock]?.kind === 'heading',
    });
  };

  for (let i = 0; i < n; i++) {
    const value = values[i] as string;
    cursor += (preceding[i] as string).length;
    let vs = cursor;
    // wink reproduces its input, so this fallback only guards against a future normalisation.
    if (!view.startsWith(value, cursor)) {
      vs = view.indexOf(value, cursor);
      if (vs < 0) continue;
    }
    const ve = vs + value.length;
    cursor = ve;
    if (tags[i] === 'SPACE' || isBlank(value)) continue;
    const os = map === null ? base + vs : (map[vs] as number);
    const oe = map === null ? base + ve : (map[ve] as number);
    while (os >= block.end && b < shown.length - 1) block = shown[++b] as Block;
    if (os < block.start || oe > block.end) continue;
    const wink = winkSentence[i] as number;
    if (b !== prevBlock || (block.kind !== 'heading' && wink !== prevWink)) {
      closeSentence();
      sentenceFirst = count;
    }
    prevBlock = b;
    prevWink = wink;
    starts[count] = os;
    ends[count] = oe;
    sentenceOf[count] = sentences.length;
    pos.push(tags[i] as string);
    normal.push(normals[i] as string);
    if (lemmas) lemma.push(String(lemmas[i] ?? normals[i]).toLowerCase());
    count++;
  }
  closeSentence();

  const table: TokenTable = {
    starts: starts.slice(0, count),
    ends: ends.slice(0, count),
    pos,
    normal,
    lemma: lemmas ? lemma : normal,
    sentence: sentenceOf.slice(0, count),
  };
  return {
    sentences,
    tokens: table,
    expressions: recogniseExpressions(text, table, nlp.expressions),
  };
}

function emptyAnalysis(): Analysis {
  return {
    sentences: [],
    tokens: {
      starts: new Int32Array(0),
      ends: new Int32Array(0),
      pos: [],
      normal: [],
      lemma: [],
      sentence: new Int32Array(0),
    },
    expressions: [],
  };
}

// wink makes tokens of zero-width and format characters; they carry no word.
const BLANK = /^[\s\u200B-\u200D\u2060\uFEFF\u00AD]+$/;

function isBlank(value: string): boolean {
  const c = value.charCodeAt(0);
  if (c > 32 && c < 0xa0) return false;
  return BLANK.test(value);
}
