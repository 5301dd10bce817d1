/**
 * Runs the real stages a document goes through up to places (clean, NLP, actors, events,
 * places, event locations) for the place tests, without the rest of the knowledge layer.
 */
import {
  createActorContext,
  resolveActors,
  type ActorContext,
} from '../../src/actors/resolve-actors.js';
import { cleanText } from '../../src/clean/clean-text.js';
import type { Entity, EventRecord, Place, Sentence } from '../../src/core/document.js';
import { codeEvents, createEventContext, type EventContext } from '../../src/events/coder.js';
import { locateEvents } from '../../src/gkg/places-location.js';
import {
  createPlaceContext,
  findPlaces,
  focusCountries,
  type PlaceContext,
} from '../../src/gkg/places.js';
import { analyse, createNlp, type Nlp } from '../../src/nlp/analyse.js';

export interface Stages {
  readonly nlp: Nlp;
  readonly actors: ActorContext;
  readonly events: EventContext | null;
  readonly places: PlaceContext;
}

export async function loadStages(options: { events?: boolean } = {}): Promise<Stages> {
  const actors = await createActorContext({});
  return {
    nlp: createNlp(),
    actors,
    events: options.events === false ? null : createEventContext(),
    places: createPlaceContext({ kb: actors.kb }),
  };
}

export interface PlaceRun {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly entities: readonly Entity[];
  readonly places: readonly Place[];
  readonly focus: readonly string[];
  readonly events: readonly EventRecord[];
}

export function runPlaces(st: Stages, text: string, date = '2024-03-20'): PlaceRun {
  const { sentences, tokens, expressions } = analyse(st.nlp, text, cleanText(text, 0));
  const input = { text, date, sentences, tokens };
  const entities = resolveActors(st.actors, input);
  const places = findPlaces(st.places, { ...input, entities });
  const coded =
    st.events === null ? [] : codeEvents(st.events, { ...input, entities, expressions });
  const events = locateEvents(coded, places, { text, sentences, words: st.places.data });
  return {
    text,
    sentences,
    entities,
    places,
    focus: focusCountries(st.places, places, entities),
    events,
  };
}
