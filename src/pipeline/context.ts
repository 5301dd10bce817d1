import { EntenteError } from '../core/errors.js';
import { createActorContext, type ActorContext } from '../actors/resolve-actors.js';
import { createEventContext, type EventContext } from '../events/coder.js';
import { createAmountContext, type AmountContext } from '../gkg/amounts.js';
import { createQuotationContext, type QuotationContext } from '../gkg/quotations.js';
import { createPlaceContext, type PlaceContext } from '../gkg/places.js';
import { createThemeContext, type ThemeContext } from '../gkg/themes.js';
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
  /** The knowledge base and actor lexicon (src/actors). */
  readonly actors: ActorContext;
  /** The compiled event patterns and CAMEO table (src/events). */
  readonly events: EventContext;
  /** Theme rules and the tone lexicon (src/gkg). */
  readonly themes: ThemeContext;
  /** Unit, change, casualty and qualifier words for amounts (src/gkg/amounts.ts). */
  readonly amounts: AmountContext;
  /** Speech verbs for direct quotations (src/gkg/quotations.ts). */
  readonly quotations: QuotationContext;
  /** Place data and the gazetteer, read on first use (src/gkg/places.ts). */
  readonly places: PlaceContext;
  /**
   * False to store documents (clean, language, NLP, dedup) without resolving actors or
   * coding events: `ingest --no-code`, and the foundation benchmark.
   */
  readonly coding: boolean;
  /**
   * False to code events without the knowledge layer (amounts, themes, tone, places,
   * quotations): the event coder's benchmark baseline. Ignored when `coding` is false.
   */
  readonly knowledge: boolean;
}

/** What a context is made from: plain data, so a worker thread can be given it too. */
export interface ContextOptions {
  readonly codedLanguages?: readonly string[];
  readonly kbPath?: string;
  readonly coding?: boolean;
  readonly knowledge?: boolean;
}

/**
 * Loads what the enabled stages read: always the NLP model; with `coding` the actor
 * knowledge base and the event patterns; with `knowledge` too the amount, theme, tone,
 * quotation and place data (the gazetteer index included, so no document pays for it).
 * Data of a disabled stage is not loaded, and reading it throws.
 */
export async function createContext(options: ContextOptions = {}): Promise<Context> {
  const coding = options.coding ?? true;
  const knowledge = options.knowledge ?? true;
  const base = {
    nlp: createNlp(),
    codedLanguages: new Set(options.codedLanguages ?? CODED_LANGUAGES),
    coding,
    knowledge,
  };
  if (!coding) return withUnloaded(base, ['actors', 'events', ...KNOWLEDGE]);
  const actors = await createActorContext(
    options.kbPath === undefined ? {} : { kbPath: options.kbPath },
  );
  const events = createEventContext();
  if (!knowledge) return withUnloaded({ ...base, actors, events }, KNOWLEDGE);
  const places = createPlaceContext({ kb: actors.kb });
  places.index();
  return Object.freeze({
    ...base,
    actors,
    events,
    themes: createThemeContext({ kb: actors.kb }),
    amounts: createAmountContext(),
    quotations: createQuotationContext(),
    places,
  });
}

const KNOWLEDGE = ['themes', 'amounts', 'quotations', 'places'] as const;

/** The context with the named stages' data replaced by getters that throw. */
function withUnloaded(loaded: Partial<Context>, names: readonly (keyof Context)[]): Context {
  const ctx = { ...loaded };
  for (const name of names) {
    Object.defineProperty(ctx, name, { enumerable: true, get: () => notLoaded(name) });
  }
  return Object.freeze(ctx) as Context;
}

function notLoaded(what: string): never {
  throw new EntenteError(
    `the ${what} data were not loaded: this context was created without the stage that reads them`,
  );
}
