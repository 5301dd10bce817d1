import { createNlp, type Nlp } from '../nlp/analyse.js';

/** Languages whose documents are coded. `und` (too short to tell) is coded as English. */
export const CODED_LANGUAGES: ReadonlySet<string> = new Set(['eng', 'und']);

/**
 * Everything a stage may read, loaded once and frozen. Stages never touch global state,
 * so two contexts (two configurations) can run in one process.
 */
export interface Context {
  readonly nlp: Nlp;
  readonly codedLanguages: ReadonlySet<string>;
}

export function createContext(options: { codedLanguages?: Iterable<string> } = {}): Context {
  return Object.freeze({
    nlp: createNlp(),
    codedLanguages: new Set(options.codedLanguages ?? CODED_LANGUAGES),
  });
}
