import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { EventRecord, RawDocument } from '../core/document.js';
import { EntenteError } from '../core/errors.js';
import type { Context } from '../pipeline/context.js';
import { identify } from '../pipeline/identify.js';
import { processDocument } from '../pipeline/process-document.js';
import { parseDate } from '../sources/parse-date.js';
import { goldSentence, type GoldSentence, type PredictedEvent } from './gold.js';
import { scoreFile, type FileScore } from './score.js';

export interface EvalProblem {
  readonly source: string;
  readonly reason: string;
}

/** Reads a gold file; a bad line is reported and skipped, the rest is scored. */
export async function readGold(file: string, problems: EvalProblem[]): Promise<GoldSentence[]> {
  const out: GoldSentence[] = [];
  let lineNo = 0;
  try {
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      lineNo++;
      if (!line.trim()) continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (err) {
        problems.push({
          source: `${file}:${lineNo}`,
          reason: `malformed JSON: ${(err as Error).message}`,
        });
        continue;
      }
      const parsed = goldSentence.safeParse(json);
      if (parsed.success) {
        const date = parsed.data.date;
        if (date !== null && !isIsoDate(date)) {
          problems.push({
            source: `${file}:${lineNo}`,
            reason: `date "${date}" is not YYYY-MM-DD; coded without a date`,
          });
          out.push({ ...parsed.data, date: null });
        } else out.push(parsed.data);
      } else {
        const issue = parsed.error.issues[0]!;
        problems.push({
          source: `${file}:${lineNo}`,
          reason: `${issue.path.join('.') || 'record'}: ${issue.message}`,
        });
      }
    }
  } catch (err) {
    throw new EntenteError(`cannot read gold file ${file}: ${(err as Error).message}`);
  }
  return out;
}

function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && 'date' in parseDate(s);
}

/** Codes one gold sentence as a one-sentence document dated with the gold date. */
export function predict(gold: GoldSentence, context: Context): PredictedEvent[] {
  const raw: RawDocument = {
    kind: 'raw',
    id: gold.id,
    date: gold.date,
    url: null,
    title: null,
    text: gold.text,
    bodyStart: 0,
    provenance: { file: gold.id },
    warnings: [],
  };
  const doc = processDocument(raw, identify(raw), null, context);
  return doc.events.map(toPredicted);
}

export function toPredicted(e: EventRecord): PredictedEvent {
  return {
    source: e.source?.code ?? '',
    target: e.target?.code ?? '',
    code: e.cameo,
    plover: e.plover?.type ?? null,
  };
}

export async function evaluateFile(
  file: string,
  context: Context,
  problems: EvalProblem[],
): Promise<FileScore> {
  const gold = await readGold(file, problems);
  return scoreFile(
    file,
    gold.map((g) => ({ gold: g, predicted: predict(g, context) })),
  );
}
