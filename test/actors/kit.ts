import { cleanText } from '../../src/clean/clean-text.js';
import type { Entity, Sentence } from '../../src/core/document.js';
import {
  createActorContext,
  resolveActorsWithNotes,
  type ActorContext,
} from '../../src/actors/resolve-actors.js';
import { analyse, createNlp } from '../../src/nlp/analyse.js';

/** What a test needs to resolve a text as the pipeline would: clean, analyse, resolve. */
export interface ActorKit {
  readonly ctx: ActorContext;
  resolve(
    text: string,
    date: string | null,
    bodyStart?: number,
  ): { entities: Entity[]; warnings: string[]; sentences: Sentence[] };
}

/** One actor context and one NLP instance per test file (loading them takes about a second). */
export async function createActorKit(): Promise<ActorKit> {
  const ctx = await createActorContext();
  const nlp = createNlp();
  return {
    ctx,
    resolve(text, date, bodyStart = 0) {
      const a = analyse(nlp, text, cleanText(text, bodyStart));
      const { entities, warnings } = resolveActorsWithNotes(ctx, {
        text,
        date,
        sentences: a.sentences,
        tokens: a.tokens,
      });
      return { entities, warnings, sentences: a.sentences };
    },
  };
}

/** The first entity whose text is exactly `mention`. */
export function find(entities: readonly Entity[], mention: string): Entity | undefined {
  return entities.find((e) => e.text === mention);
}
