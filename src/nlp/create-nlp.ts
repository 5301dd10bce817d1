import winkNLP, { type ItsHelpers, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import {
  compileExpressionLexicon,
  loadExpressionDictionaries,
  type ExpressionLexicon,
  type FormTokeniser,
} from './expression-lexicon.js';

/**
 * The loaded NLP base: a wink-nlp instance over the English lite model with the `sbd` and
 * `pos` pipes only, and the compiled word lists of entente's own expression recogniser
 * (dictionaries/expressions/). wink's `ner` pipe is not used: it cost about a fifth of the
 * ingest time and missed news conventions ("4.5 mln", "$4-billion", "1.2 trillion roubles").
 * Sentiment and negation cost time and belong to later stages.
 *
 * @example
 * const nlp = createNlp();
 * const analysis = analyse(nlp, text, cleanText(text, bodyStart));
 */
export interface Nlp {
  readonly wink: WinkMethods;
  readonly its: ItsHelpers;
  readonly pipes: readonly string[];
  readonly expressions: ExpressionLexicon;
}

const PIPES: readonly string[] = Object.freeze(['sbd', 'pos']);

let loaded: Nlp | undefined;

/**
 * Loads wink-nlp, its model and the expression dictionaries once per process and returns the
 * same frozen object on every call: the model takes a noticeable fraction of a second to
 * build. A bad dictionary line throws ExpressionDictionaryError (`file:line: message`).
 */
export function createNlp(): Nlp {
  if (loaded === undefined) {
    const wink = winkNLP(model, [...PIPES]);
    const expressions = compileExpressionLexicon(loadExpressionDictionaries(), winkTokeniser(wink));
    loaded = Object.freeze({ wink, its: wink.its, pipes: PIPES, expressions });
  }
  return loaded;
}

/**
 * Tokenises a dictionary form the way wink tokenises it inside a sentence (between two
 * words, so a trailing "." is not read as the end of a sentence).
 */
export function winkTokeniser(wink: WinkMethods): FormTokeniser {
  const its = wink.its;
  return (form) => {
    const tokens = wink.readDoc(`x ${form} x`).tokens();
    const values = tokens.out(its.value) as string[];
    const normals = tokens.out(its.normal) as string[];
    const out: { value: string; normal: string }[] = [];
    for (let i = 1; i < values.length - 1; i++) {
      const value = values[i] as string;
      if (value.trim() !== '') out.push({ value, normal: normals[i] as string });
    }
    return out;
  };
}
