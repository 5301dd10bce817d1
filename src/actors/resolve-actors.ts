import type { Entity, Sentence, TokenTable } from '../core/document.js';
import { toDay } from '../kb/load.js';
import type { ActorContext } from './actor-context.js';
import { DocumentResolver } from './document-resolver.js';
import { scanDocument } from './words.js';

export { buildActorContext, createActorContext, type ActorContext } from './actor-context.js';
export type { ResolutionRule } from './document-resolver.js';

/**
 * What the actor stage reads: the original text, the document date and the NLP base's
 * sentences and tokens (only non-heading sentences are resolved).
 *
 * @example
 * const input: ActorInput = { text, date: '2024-03-20', sentences: a.sentences, tokens: a.tokens };
 */
export interface ActorInput {
  readonly text: string;
  /** Publication date, YYYY-MM-DD, or null (then today's date is used and noted). */
  readonly date: string | null;
  readonly sentences: readonly Sentence[];
  readonly tokens: TokenTable;
}

/**
 * Entities and the notes the stage made about the document.
 *
 * @example
 * const { entities, warnings } = resolveActorsWithNotes(ctx, input);
 * warnings; // ['actors resolved as of 2026-11-27: the document has no date'] when date is null
 */
export interface ActorResult {
  readonly entities: Entity[];
  readonly warnings: string[];
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Entities for a document, in text order, with a warning when the date was missing.
 * Throws `EntenteError` for a malformed date.
 */
export function resolveActorsWithNotes(ctx: ActorContext, input: ActorInput): ActorResult {
  const warnings: string[] = [];
  let date = input.date;
  if (date === null) {
    date = today();
    warnings.push(`actors resolved as of ${date}: the document has no date`);
  }
  const day = toDay(date);
  const words = scanDocument(input.text, input.sentences, input.tokens, ctx.index.abbreviations);
  const entities = new DocumentResolver(ctx, input.text, words, day).run();
  // Rules emit in text order except a possessor's country before its unknown name; keep it sorted.
  entities.sort((a, b) => a.start - b.start || a.end - b.end);
  return { entities, warnings };
}

/**
 * Entities for a document, in text order. `date` is the document date (YYYY-MM-DD) or null
 * (then today's date is used; `resolveActorsWithNotes` also returns a note saying so).
 *
 * @example
 * const ctx = await createActorContext();
 * const a = analyse(createNlp(), text, cleanText(text, 0));
 * resolveActors(ctx, { text, date: '2024-03-20', sentences: a.sentences, tokens: a.tokens });
 * // [{ text: 'Ebrahim Raeisi', code: 'IRNGOV', type: 'PERSON', how: 'title+name', ... }, ...]
 */
export function resolveActors(ctx: ActorContext, input: ActorInput): Entity[] {
  return resolveActorsWithNotes(ctx, input).entities;
}
