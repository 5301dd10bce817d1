import type { DocumentRecord, RawDocument } from '../core/document.js';
import { cleanText } from '../clean/clean-text.js';
import { detectLanguage } from '../clean/language.js';
import type { DuplicateVerdict } from '../dedup/deduplicator.js';
import { resolveActorsWithNotes } from '../actors/resolve-actors.js';
import { codeEvents } from '../events/coder.js';
import { assignThemes } from '../gkg/themes.js';
import { computeTone } from '../gkg/tone.js';
import { analyse } from '../nlp/analyse.js';
import type { Context } from './context.js';
import type { Identity } from './identify.js';

/** A processed document plus what the store keeps for dedup across runs. */
export type ProcessedDocument = DocumentRecord & { readonly signature: Uint32Array | null };

/**
 * The pipeline, in order. Each stage is a pure function of the document and the frozen
 * context; later stages (actors, events, knowledge layer) slot in after `nlp` and run
 * only on documents that are `coded`.
 *
 *   clean     boilerplate, headings and paragraphs as spans over the original text
 *   language  franc on a sample of the paragraphs
 *   nlp       sentences, tokens, part of speech, lemmas, number/money/percent/date expressions
 *   actors    (coded only) actor mentions resolved against the knowledge base as of the date
 *   events    (coded only) CAMEO/PLOVER events from the event patterns and the actors
 *   themes    (coded only) taxonomy themes with the spans that triggered them
 *   tone      (coded only) GDELT-style tone of the whole document
 */
export function processDocument(
  raw: RawDocument,
  identity: Identity,
  duplicate: DuplicateVerdict | null,
  ctx: Context,
): ProcessedDocument {
  const blocks = cleanText(raw.text, raw.bodyStart);
  const language = detectLanguage(raw.text, blocks);
  const codable = ctx.coding && duplicate === null && ctx.codedLanguages.has(language);
  const { sentences, expressions, tokens } = analyse(ctx.nlp, raw.text, blocks, {
    lemmas: codable,
  });
  const coded = codable && sentences.some((s) => !s.heading);
  const actorInput = { text: raw.text, date: raw.date, sentences, tokens };
  const actors = coded ? resolveActorsWithNotes(ctx.actors, actorInput) : null;
  const entities = actors?.entities ?? [];
  const events = coded ? codeEvents(ctx.events, { ...actorInput, entities, expressions }) : [];
  const knowledge = coded && ctx.knowledge;
  return {
    id: identity.id,
    date: raw.date,
    url: raw.url,
    title: raw.title,
    language,
    coded,
    duplicateOf: duplicate?.duplicateOf ?? null,
    duplicateKind: duplicate?.kind ?? null,
    textHash: identity.textHash,
    text: raw.text,
    provenance: raw.provenance,
    warnings:
      actors && actors.warnings.length > 0 ? [...raw.warnings, ...actors.warnings] : raw.warnings,
    sentences,
    expressions,
    entities,
    events,
    quantities: [],
    themes: knowledge ? assignThemes(ctx.themes, actorInput) : [],
    tone: knowledge ? computeTone(ctx.themes, actorInput) : null,
    signature: identity.signature,
  };
}
