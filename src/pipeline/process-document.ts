import type {
  DocumentRecord,
  Entity,
  EventRecord,
  Expression,
  Place,
  Quantity,
  Quotation,
  RawDocument,
  Sentence,
  Theme,
  Tone,
} from '../core/document.js';
import { cleanText } from '../clean/clean-text.js';
import { detectLanguage } from '../clean/language.js';
import type { DuplicateVerdict } from '../dedup/deduplicator.js';
import {
  resolveActorsWithNotes,
  type ActorInput,
  type ActorResult,
} from '../actors/resolve-actors.js';
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

/** One document to process, with what dedup decided about it. */
export interface ProcessItem {
  readonly raw: RawDocument;
  readonly identity: Identity;
  readonly duplicate: DuplicateVerdict | null;
}

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
 *   amounts   (coded only) quantities; people counts fill the events of their clause
 *   places    (coded only) place mentions geocoded; events take the place they happened at
 *   themes    (coded only) taxonomy themes with the spans that triggered them
 *   tone      (coded only) GDELT-style tone of the whole document
 *   focus     (coded only) the countries the story is about
 *   quotes    (coded only) direct quotations with speaker and speech verb
 *
 * @example
 * const doc = processDocument(raw, identify(raw), null, ctx);
 */
export function processDocument(
  raw: RawDocument,
  identity: Identity,
  duplicate: DuplicateVerdict | null,
  ctx: Context,
): ProcessedDocument {
  return processDocuments([{ raw, identity, duplicate }], ctx)[0]!;
}

/** What the knowledge layer finds besides amounts, stage by stage. */
interface Knowledge {
  places: Place[];
  themes: Theme[];
  tone: Tone | null;
  focusCountries: string[];
  quotations: Quotation[];
}

/** A document between stages: what the stages so far have found. */
interface Work {
  readonly item: ProcessItem;
  readonly language: string;
  readonly coded: boolean;
  readonly sentences: Sentence[];
  readonly expressions: Expression[];
  readonly input: ActorInput;
  actors: ActorResult | null;
  entities: Entity[];
  events: EventRecord[];
  quantities: Quantity[];
  /** The knowledge layer's other findings, set on the documents it reads. */
  knowledge: Knowledge | null;
}

/** Documents taken through the stages together (see `processDocuments`). */
const STAGE_RUN = 16;

/**
 * `processDocument` for each item, in order, with the same results, run stage by stage over
 * runs of `STAGE_RUN` documents: each stage's code and data stay hot in the CPU's caches for
 * a run instead of being evicted by the next stage after every document (about a tenth
 * faster end to end, a fifth for the knowledge layer), while only one run's analyses are
 * held at a time. Documents still go through `nlp` in input order, so wink's growing word
 * cache sees the same sequence.
 */
export function processDocuments(items: readonly ProcessItem[], ctx: Context): ProcessedDocument[] {
  if (items.length <= STAGE_RUN) return processRun(items, ctx);
  const out: ProcessedDocument[] = [];
  for (let i = 0; i < items.length; i += STAGE_RUN)
    for (const doc of processRun(items.slice(i, i + STAGE_RUN), ctx)) out.push(doc);
  return out;
}

function processRun(items: readonly ProcessItem[], ctx: Context): ProcessedDocument[] {
  const work: Work[] = [];
  for (const item of items) {
    const { raw } = item;
    const blocks = cleanText(raw.text, raw.bodyStart);
    const language = detectLanguage(raw.text, blocks);
    const codable = ctx.coding && item.duplicate === null && ctx.codedLanguages.has(language);
    const { sentences, expressions, tokens } = analyse(ctx.nlp, raw.text, blocks, {
      lemmas: codable,
    });
    work.push({
      item,
      language,
      coded: codable && sentences.some((s) => !s.heading),
      sentences,
      expressions,
      input: { text: raw.text, date: raw.date, sentences, tokens },
      actors: null,
      entities: [],
      events: [],
      quantities: [],
      knowledge: null,
    });
  }
  const coded = work.filter((w) => w.coded);
  for (const w of coded) {
    w.actors = resolveActorsWithNotes(ctx.actors, w.input);
    w.entities = w.actors.entities;
  }
  for (const w of coded)
    w.events = codeEvents(ctx.events, {
      ...w.input,
      entities: w.entities,
      expressions: w.expressions,
    });
  const knowing = ctx.knowledge ? coded : [];
  for (const w of knowing) {
    w.quantities = extractQuantities(ctx.amounts, {
      ...w.input,
      expressions: w.expressions,
      entities: w.entities,
    });
    // people counts (killed, injured, protesters) fill the nearest fitting event of their clause
    if (w.quantities.length > 0) w.events = attachCasualties(w.events, w.quantities, w.input.text);
  }
  for (const w of knowing) {
    const places = findPlaces(ctx.places, { ...w.input, entities: w.entities });
    w.knowledge = { places, themes: [], tone: null, focusCountries: [], quotations: [] };
    // an event takes the place its sentence says it happened at ("met in Tehran")
    if (places.length > 0 && w.events.length > 0)
      w.events = locateEvents(w.events, places, {
        text: w.input.text,
        sentences: w.sentences,
        words: ctx.places.data,
      });
  }
  // one stage at a time over the run, as above
  const known = knowing.map((w) => [w, w.knowledge!] as const);
  for (const [w, k] of known) k.themes = assignThemes(ctx.themes, w.input);
  for (const [w, k] of known) k.tone = computeTone(ctx.themes, w.input);
  for (const [w, k] of known) k.focusCountries = focusCountries(ctx.places, k.places, w.entities);
  for (const [w, k] of known)
    k.quotations = findQuotations(ctx.quotations, { ...w.input, entities: w.entities });
  return work.map((w) => {
    const { raw, identity, duplicate } = w.item;
    return {
      id: identity.id,
      date: raw.date,
      url: raw.url,
      title: raw.title,
      language: w.language,
      coded: w.coded,
      duplicateOf: duplicate?.duplicateOf ?? null,
      duplicateKind: duplicate?.kind ?? null,
      textHash: identity.textHash,
      text: raw.text,
      provenance: raw.provenance,
      warnings:
        w.actors !== null && w.actors.warnings.length > 0
          ? [...raw.warnings, ...w.actors.warnings]
          : raw.warnings,
      sentences: w.sentences,
      expressions: w.expressions,
      entities: w.entities,
      events: w.events,
      quantities: w.quantities,
      themes: w.knowledge?.themes ?? [],
      tone: w.knowledge?.tone ?? null,
      ...(w.knowledge === null
        ? {}
        : {
            places: w.knowledge.places,
            focusCountries: w.knowledge.focusCountries,
            quotations: w.knowledge.quotations,
          }),
      signature: identity.signature,
    };
  });
}
