import type { DocumentRecord, RawDocument } from '../core/document.js';
import { cleanText } from '../clean/clean-text.js';
import { detectLanguage } from '../clean/language.js';
import type { DuplicateVerdict } from '../dedup/deduplicator.js';
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
 *   nlp       sentences, tokens, part of speech, number/money/percent/date expressions
 */
export function processDocument(
  raw: RawDocument,
  identity: Identity,
  duplicate: DuplicateVerdict | null,
  ctx: Context,
): ProcessedDocument {
  const blocks = cleanText(raw.text, raw.bodyStart);
  const language = detectLanguage(raw.text, blocks);
  const { sentences, expressions } = analyse(ctx.nlp, raw.text, blocks);
  const hasBody = sentences.some((s) => !s.heading);
  const coded = hasBody && duplicate === null && ctx.codedLanguages.has(language);
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
    warnings: raw.warnings,
    sentences,
    expressions,
    entities: [],
    events: [],
    quantities: [],
    themes: [],
    tone: null,
    signature: identity.signature,
  };
}
