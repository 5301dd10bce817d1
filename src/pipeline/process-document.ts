import type { DocumentRecord, RawDocument } from '../core/document.js';
import { cleanText } from '../clean/clean-text.js';
import { detectLanguage } from '../clean/language.js';
import type { DuplicateVerdict } from '../dedup/deduplicator.js';
import { resolveActorsWithNotes } from '../actors/resolve-actors.js';
import { codeEvents } from '../events/coder.js';
import { attachCasualties, extractQuantities } from '../gkg/amounts.js';
import { locateEvents } from '../gkg/places-location.js';
import { findPlaces, focusCountries } from '../gkg/places.js';
import { findQuotations } from '../gkg/quotations.js';
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
 *   quotes    (coded only) direct quotations with speaker and speech verb
 *   places    (coded only) place mentions geocoded, focus countries, event locations
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
  const coding = coded ? codeEvents(ctx.events, { ...actorInput, entities, expressions }) : [];
  const knowledge = coded && ctx.knowledge;
  const quantities = knowledge
    ? extractQuantities(ctx.amounts, { ...actorInput, expressions, entities })
    : [];
  // people counts (killed, injured, protesters) fill the nearest fitting event of their clause
  const counted = quantities.length > 0 ? attachCasualties(coding, quantities, raw.text) : coding;
  const places = knowledge ? findPlaces(ctx.places, { ...actorInput, entities }) : null;
  // an event takes the place its sentence says it happened at ("met in Tehran")
  const events =
    places !== null && places.length > 0 && counted.length > 0
      ? locateEvents(counted, places, { text: raw.text, sentences, words: ctx.places.data })
      : counted;
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
    quantities,
    themes: knowledge ? assignThemes(ctx.themes, actorInput) : [],
    tone: knowledge ? computeTone(ctx.themes, actorInput) : null,
    ...(places === null
      ? {}
      : { places, focusCountries: focusCountries(ctx.places, places, entities) }),
    ...(knowledge
      ? { quotations: findQuotations(ctx.quotations, { ...actorInput, entities }) }
      : {}),
    signature: identity.signature,
  };
}
