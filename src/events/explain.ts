/**
 * `entente explain`: runs the whole pipeline on one text and shows how its events were
 * coded: the tokens with part of speech and lemma, the actors found and how, every pattern
 * tried on each trigger token, the roles, the frames and why candidates were dropped.
 */
import type { DocumentRecord, RawDocument } from '../core/document.js';
import { cleanText } from '../clean/clean-text.js';
import { detectLanguage } from '../clean/language.js';
import { analyse } from '../nlp/analyse.js';
import { createContext, type Context } from '../pipeline/context.js';
import { identify } from '../pipeline/identify.js';
import { processDocument } from '../pipeline/process-document.js';
import { formatPlaceLines } from '../gkg/places.js';
import { codeEvents, type Trace } from './coder.js';

/** What `explain` returns: the processed document, the coder's trace and the text shown. */
export interface Explanation {
  readonly document: DocumentRecord;
  readonly trace: Trace;
  /** Token table of the text: surface, POS, lemma and sentence. */
  readonly tokens: readonly { text: string; pos: string; lemma: string; sentence: number }[];
  readonly text: string;
}

/** Formats the trace of one document for a terminal. */
export function formatExplanation(e: Omit<Explanation, 'text'>): string {
  const lines: string[] = [];
  const doc = e.document;
  lines.push(`date: ${doc.date ?? '(none)'}  language: ${doc.language}  coded: ${doc.coded}`);
  for (const s of doc.sentences) {
    lines.push('');
    lines.push(`sentence ${s.index}${s.heading ? ' (heading, not coded)' : ''}: ${s.text}`);
    const toks = e.tokens
      .map((t, i) => ({ ...t, i }))
      .filter((t) => t.sentence === s.index)
      .map(
        (t) => `${t.i}:${t.text}/${t.pos}${t.lemma !== t.text.toLowerCase() ? `(${t.lemma})` : ''}`,
      );
    lines.push(`  tokens: ${toks.join(' ')}`);
    const ents = doc.entities.filter((x) => x.start >= s.start && x.end <= s.end);
    lines.push(
      `  actors: ${
        ents.length === 0
          ? '(none)'
          : ents.map((x) => `"${x.text}" ${x.code ?? '(no code)'} [${x.how ?? x.type}]`).join('; ')
      }`,
    );
    for (const step of e.trace.steps.filter((st) => st.sentence === s.index)) {
      const at = step.token === null ? '' : ` @${step.token}:${e.tokens[step.token]?.text ?? ''}`;
      lines.push(`  ${step.kind.padEnd(9)}${at}  ${step.message}`);
    }
  }
  lines.push('');
  lines.push(`events: ${doc.events.length}`);
  for (const ev of doc.events) {
    lines.push(
      `  ${ev.source?.code ?? '-'} → ${ev.target?.code ?? '-'}  ${ev.cameo} (${ev.plover?.type ?? 'no PLOVER'})  ${ev.date ?? ''}${ev.dateResolved ? '' : ' (document date)'}${ev.location ? `  in ${ev.location.name} (${ev.location.country ?? '?'})` : ''}  "${doc.text.slice(ev.evidence.start, ev.evidence.end)}"  [${ev.rule}]`,
    );
  }
  const places = formatPlaceLines(doc);
  if (places.length > 0) lines.push('', ...places);
  return lines.join('\n');
}

/** Runs the pipeline on `text` dated `date` and explains its events. */
export async function explain(
  text: string,
  date: string | null,
  context?: Context,
): Promise<Explanation> {
  const ctx = context ?? (await createContext());
  const raw: RawDocument = {
    kind: 'raw',
    id: null,
    date,
    url: null,
    title: null,
    text,
    bodyStart: 0,
    provenance: { file: '-' },
    warnings: [],
  };
  // A short text may look like another language to the detector; explain codes it anyway.
  const language = detectLanguage(text, cleanText(text, 0));
  const codeAll: Context = Object.freeze({
    ...ctx,
    codedLanguages: new Set([...ctx.codedLanguages, language]),
  });
  const document = processDocument(raw, identify(raw), null, codeAll);
  const a = analyse(ctx.nlp, text, cleanText(text, 0));
  const trace: Trace = { steps: [] };
  codeEvents(
    ctx.events,
    {
      text,
      date,
      sentences: document.sentences,
      tokens: a.tokens,
      entities: document.entities,
      expressions: document.expressions,
    },
    trace,
  );
  const tokens = a.tokens.pos.map((pos, i) => ({
    text: text.slice(a.tokens.starts[i], a.tokens.ends[i]),
    pos,
    lemma: a.tokens.lemma[i] as string,
    sentence: a.tokens.sentence[i] as number,
  }));
  const base = { document, trace, tokens };
  return { ...base, text: formatExplanation(base) };
}
