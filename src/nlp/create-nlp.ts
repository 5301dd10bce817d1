import winkNLP, { type ItsHelpers, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * The loaded NLP base: a wink-nlp instance over the English lite model with the `sbd`,
 * `pos` and `ner` pipes only (sentiment and negation cost time and belong to later stages).
 *
 * @example
 * const nlp = createNlp();
 * const analysis = analyse(nlp, text, cleanText(text, bodyStart));
 */
export interface Nlp {
  readonly wink: WinkMethods;
  readonly its: ItsHelpers;
  readonly pipes: readonly string[];
}

const PIPES: readonly string[] = Object.freeze(['sbd', 'pos', 'ner']);

let loaded: Nlp | undefined;

/**
 * Loads wink-nlp and its model once per process and returns the same frozen object on every
 * call: the model takes a noticeable fraction of a second to build.
 */
export function createNlp(): Nlp {
  if (loaded === undefined) {
    const wink = winkNLP(model, [...PIPES]);
    loaded = Object.freeze({ wink, its: wink.its, pipes: PIPES });
  }
  return loaded;
}
