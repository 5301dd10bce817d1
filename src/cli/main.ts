import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { RawDocument } from '../core/document.js';
import { EntenteError, UsageError } from '../core/errors.js';
import { createContext } from '../pipeline/context.js';
import { extract, toOutput } from '../pipeline/extract.js';
import { ingest, DEFAULT_BATCH_SIZE, type IngestSummary } from '../pipeline/ingest.js';
import { defaultWorkerCount, PipelinePool } from '../pipeline/pipeline-pool.js';
import { inThread } from '../pipeline/processor.js';
import { formatProvenance } from '../pipeline/provenance.js';
import { readBaseline, regressions, writeBaseline } from '../eval/baseline.js';
import { formatReport } from '../eval/format-report.js';
import { evaluateFile, type EvalProblem } from '../eval/run-eval.js';
import { gkgHeader, gkgLine } from '../gkg/gkg-row.js';
import type { FileScore } from '../eval/score.js';
import { parseDate } from '../sources/parse-date.js';
import type { FieldMap, SourceOptions } from '../sources/read-inputs.js';
import type { DocumentSummary, ExportFormat } from '../store/store.js';
import { registerKbCommands } from './kb-command.js';
import { openStore } from './open-store.js';
import { createProgress } from './progress.js';
import { formatSummary } from './summary.js';
import { formatTable } from './table.js';

export const DEFAULT_DB = 'entente.duckdb';
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

interface SourceFlags {
  date?: string;
  fieldId?: string;
  fieldDate?: string;
  fieldUrl?: string;
  fieldTitle?: string;
  fieldText?: string;
  fieldHtml?: string;
  maxBytes?: number;
}

type ExtractFlags = SourceFlags & { text?: string; quiet?: boolean; format?: 'jsonl' | 'gkg' };

/** Runs the CLI; returns the exit code (the bin script exits with it). */
export async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
  } catch (err) {
    process.exitCode = reportError(err);
  }
}

function reportError(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
  if (err instanceof EntenteError) {
    // Some errors already name the program; say it once.
    process.stderr.write(`entente: ${err.message.replace(/^entente: /, '')}\n`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`entente: ${message}\n`);
  return 1;
}

function buildProgram(): Command {
  const program = new Command('entente')
    .description('Structured political event data from dated news text.')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  registerKbCommands(program);

  addSourceOptions(
    program
      .command('ingest')
      .description('read inputs, clean, deduplicate and store them')
      .argument('<inputs...>', 'files, directories, .gz, feed URLs, or - for stdin')
      .option('--db <file>', 'database file', DEFAULT_DB)
      .option('--batch-size <n>', 'documents per transaction', positiveInt, DEFAULT_BATCH_SIZE)
      .option('--json', 'print the summary as one JSON object on stdout')
      .option('--quiet', 'print nothing but errors')
      .option('--strict', 'exit non-zero if any input failed')
      .option('--no-code', 'store documents without resolving actors or coding events')
      .option(
        '--workers <n>',
        'worker threads for the pipeline (0: run on the main thread)',
        nonNegativeInt,
        defaultWorkerCount(),
      ),
  ).action(
    async (
      inputs: string[],
      opts: SourceFlags & {
        db: string;
        batchSize: number;
        json?: boolean;
        quiet?: boolean;
        strict?: boolean;
        code: boolean;
        workers: number;
      },
    ) => {
      const summary = await runIngest(inputs, {
        db: opts.db,
        source: sourceOptions(opts),
        batchSize: opts.batchSize,
        showProgress: !opts.json && !opts.quiet,
        coding: opts.code,
        workers: opts.workers,
      });
      if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
      else if (!opts.quiet) process.stdout.write(`${formatSummary(summary)}\n`);
      else
        for (const f of summary.failed) process.stderr.write(`entente: ${f.source}: ${f.reason}\n`);
      process.exitCode = ingestExitCode(summary, opts.strict === true);
    },
  );

  addSourceOptions(
    program
      .command('extract')
      .description('process inputs without a database; print one JSON document per line')
      .argument('[inputs...]', 'files, directories, .gz, feed URLs, or - for stdin')
      .option('--text <text>', 'process this text instead of inputs')
      .option('--quiet', 'do not print failures and warnings on stderr')
      .addOption(
        new Option('--format <format>', 'jsonl (contract records) or gkg (GKG 2.1-style rows)')
          .choices(['jsonl', 'gkg'])
          .default('jsonl'),
      ),
  ).action(async (inputs: string[], opts: ExtractFlags) => {
    if (opts.text === undefined && inputs.length === 0)
      throw new UsageError('extract needs inputs or --text');
    if (opts.text !== undefined && inputs.length > 0)
      throw new UsageError('give either inputs or --text, not both');
    const context = await createContext();
    const source = opts.text !== undefined ? textInput(opts.text, opts.date ?? null) : inputs;
    let documents = 0;
    const gkg = opts.format === 'gkg';
    if (gkg) process.stdout.write(`${gkgHeader()}\n`);
    for await (const item of extract(source, context, sourceOptions(opts))) {
      if (item.kind === 'failure') {
        if (!opts.quiet)
          process.stderr.write(`entente: ${formatProvenance(item.provenance)}: ${item.reason}\n`);
        continue;
      }
      documents++;
      if (!opts.quiet) {
        for (const w of item.document.warnings) {
          process.stderr.write(
            `entente: warning: ${formatProvenance(item.document.provenance)}: ${w}\n`,
          );
        }
      }
      const line = gkg
        ? item.document.duplicateOf === null
          ? `${gkgLine(item.document, documents)}\n`
          : ''
        : `${JSON.stringify(toOutput(item.document))}\n`;
      if (!process.stdout.write(line)) {
        await new Promise((r) => process.stdout.once('drain', r));
      }
    }
    process.exitCode = documents > 0 ? 0 : 1;
  });

  program
    .command('documents')
    .description('list stored documents')
    .option('--db <file>', 'database file', DEFAULT_DB)
    .option('--limit <n>', 'how many', positiveInt, 20)
    .option('--offset <n>', 'skip this many', nonNegativeInt, 0)
    .option('--language <code>', 'only this ISO 639-3 language (eng, fra, ...)')
    .addOption(
      new Option('--duplicates <mode>', 'include, exclude or only duplicates')
        .choices(['include', 'exclude', 'only'])
        .default('include'),
    )
    .option('--json', 'one JSON object per line')
    .action(
      async (opts: {
        db: string;
        limit: number;
        offset: number;
        language?: string;
        duplicates: 'include' | 'exclude' | 'only';
        json?: boolean;
      }) => {
        await withStore(opts.db, async (store) => {
          const rows = await store.listDocuments({
            limit: opts.limit,
            offset: opts.offset,
            ...(opts.language ? { language: opts.language } : {}),
            duplicates: opts.duplicates,
          });
          if (opts.json) printRows(rows as unknown as Record<string, unknown>[], true);
          else process.stdout.write(`${formatDocumentTable(rows)}\n`);
        });
      },
    );

  program
    .command('events')
    .description('list stored events, filtered by actor, CAMEO root and date')
    .option('--db <file>', 'database file', DEFAULT_DB)
    .option('--source <code>', 'source actor code prefix (IRN, IRNGOV, ...)')
    .option('--target <code>', 'target actor code prefix')
    .option('--root <nn>', 'two-digit CAMEO root (04 consult, 19 fight, ...)')
    .option('--from <date>', 'events on or after this date', validDate)
    .option('--to <date>', 'events on or before this date', validDate)
    .option('--limit <n>', 'how many', positiveInt, 100)
    .option('--offset <n>', 'skip this many', nonNegativeInt, 0)
    .addOption(
      new Option('--format <format>', 'table, csv or jsonl')
        .choices(['table', 'csv', 'jsonl'])
        .default('table'),
    )
    .action(
      async (opts: {
        db: string;
        source?: string;
        target?: string;
        root?: string;
        from?: string;
        to?: string;
        limit: number;
        offset: number;
        format: 'table' | 'csv' | 'jsonl';
      }) => {
        await withStore(opts.db, async (store) => {
          const rows = await store.listEvents({
            ...(opts.source ? { source: opts.source } : {}),
            ...(opts.target ? { target: opts.target } : {}),
            ...(opts.root ? { root: opts.root } : {}),
            ...(opts.from ? { from: opts.from } : {}),
            ...(opts.to ? { to: opts.to } : {}),
            limit: opts.limit,
            offset: opts.offset,
          });
          const records = rows as unknown as Record<string, unknown>[];
          if (opts.format === 'jsonl') printRows(records, true);
          else if (opts.format === 'csv') process.stdout.write(formatCsv(records));
          else {
            const cols = [
              'date',
              'source',
              'target',
              'cameo',
              'plover',
              'modality',
              'evidence',
              'docId',
            ];
            process.stdout.write(`${formatTable(records, cols)}\n`);
          }
        });
      },
    );

  program
    .command('explain')
    .description('show how the events of one text are coded: tokens, actors, patterns, roles')
    .requiredOption('--text <text>', 'the text to explain')
    .option('--date <date>', 'the document date (YYYY-MM-DD)', validDate)
    .option('--json', 'print the structured trace as JSON')
    .action(async (opts: { text: string; date?: string; json?: boolean }) => {
      const { explain } = await import('../events/explain.js');
      const e = await explain(opts.text, opts.date ?? null);
      if (opts.json) {
        const { document, trace, tokens } = e;
        process.stdout.write(
          `${JSON.stringify({ events: document.events, entities: document.entities, tokens, trace: trace.steps })}\n`,
        );
      } else process.stdout.write(`${e.text}\n`);
    });

  program
    .command('stats')
    .description('counts of what is stored')
    .option('--db <file>', 'database file', DEFAULT_DB)
    .option('--json', 'print as JSON')
    .action(async (opts: { db: string; json?: boolean }) => {
      await withStore(opts.db, async (store) => {
        const stats = await store.stats();
        process.stdout.write(opts.json ? `${JSON.stringify(stats)}\n` : `${formatStats(stats)}\n`);
      });
    });

  program
    .command('failures')
    .description('list inputs that could not be stored, with reasons')
    .option('--db <file>', 'database file', DEFAULT_DB)
    .option('--limit <n>', 'how many', positiveInt, 50)
    .option('--json', 'one JSON object per line')
    .action(async (opts: { db: string; limit: number; json?: boolean }) => {
      await withStore(opts.db, async (store) => {
        const rows = await store.listFailures({ limit: opts.limit });
        printRows(rows as unknown as Record<string, unknown>[], opts.json === true);
      });
    });

  program
    .command('export')
    .description('write stored documents to a file')
    .option('--db <file>', 'database file', DEFAULT_DB)
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['jsonl', 'csv', 'parquet', 'gkg'])
        .makeOptionMandatory(),
    )
    .requiredOption('--out <file>', 'output file')
    .action(async (opts: { db: string; format: ExportFormat; out: string }) => {
      await withStore(opts.db, async (store) => {
        const { rows } = await store.export(opts.format, opts.out);
        process.stderr.write(`entente: wrote ${rows} documents to ${opts.out}\n`);
      });
    });

  program
    .command('eval')
    .description('score the coder against gold event codings (format: ../shared/eval/README.md)')
    .argument('<gold...>', 'gold JSON Lines files')
    .option('--json', 'print the scores as one JSON object per file')
    .option('--worst <n>', 'how many of the worst sentences to show', nonNegativeInt, 20)
    .option(
      '--baseline <file>',
      'exit 1 when any F1 falls more than 0.02 below this recorded baseline',
    )
    .option('--write-baseline <file>', 'record these scores as the new baseline')
    .action(
      async (
        gold: string[],
        opts: { json?: boolean; worst: number; baseline?: string; writeBaseline?: string },
      ) => {
        // Scoring reads events only: the knowledge layer would only cost time.
        const context = await createContext({ knowledge: false });
        const problems: EvalProblem[] = [];
        const scores: FileScore[] = [];
        for (const file of gold) {
          const score = await evaluateFile(file, context, problems);
          scores.push(score);
          if (opts.json) {
            const worst = score.worst.slice(0, opts.worst);
            process.stdout.write(`${JSON.stringify({ ...score, worst })}\n`);
          } else process.stdout.write(`${formatReport(score, opts.worst)}\n\n`);
        }
        for (const p of problems) process.stderr.write(`entente: ${p.source}: ${p.reason}\n`);
        if (opts.writeBaseline) writeBaseline(opts.writeBaseline, scores);
        if (opts.baseline) {
          const worse = regressions(readBaseline(opts.baseline), scores);
          for (const line of worse) process.stderr.write(`entente: regression: ${line}\n`);
          if (worse.length > 0) process.exitCode = 1;
        }
      },
    );

  program
    .command('demo')
    .description(
      'ingest the bundled example corpus and show what was stored (what `npm start` runs)',
    )
    .option('--db <file>', 'database file', DEFAULT_DB)
    .action(async (opts: { db: string }) => {
      const examples = join(REPO_ROOT, 'examples');
      if (!existsSync(examples)) throw new EntenteError(`example corpus not found at ${examples}`);
      process.stdout.write(`Ingesting the example corpus in ${examples} into ${opts.db}\n\n`);
      // Eleven documents: loading one context here is quicker than starting workers.
      const summary = await runIngest([examples], {
        db: opts.db,
        source: {},
        batchSize: DEFAULT_BATCH_SIZE,
        showProgress: true,
        coding: true,
        workers: 0,
      });
      process.stdout.write(`${formatSummary(summary)}\n\nStored documents:\n`);
      await withStore(opts.db, async (store) => {
        const rows = await store.listDocuments({ limit: 50, duplicates: 'include' });
        process.stdout.write(`${formatDocumentTable(rows)}\n\n`);
        process.stdout.write(`${formatStats(await store.stats())}\n`);
        const events = await store.listEvents({ limit: 20 });
        const cols = ['date', 'source', 'target', 'cameo', 'plover', 'evidence'];
        process.stdout.write(
          `\nCoded events (first 20):\n${formatTable(events as unknown as Record<string, unknown>[], cols)}\n`,
        );
      });
      process.stdout.write(
        `\nNext: ./bin/entente extract examples/seed-style/*.txt | head -c 2000\n`,
      );
    });

  return program;
}

async function runIngest(
  inputs: readonly string[],
  o: {
    db: string;
    source: SourceOptions;
    batchSize: number;
    showProgress: boolean;
    coding: boolean;
    workers: number;
  },
): Promise<IngestSummary> {
  return withStore(o.db, async (store) => {
    // The store first: a locked database fails before any model is loaded.
    const processor =
      o.workers > 0
        ? await PipelinePool.start(o.workers, { coding: o.coding })
        : inThread(await createContext({ coding: o.coding }));
    const progress = createProgress(o.showProgress);
    try {
      return await ingest(inputs, {
        store,
        processor,
        source: o.source,
        batchSize: o.batchSize,
        onProgress: (s) => progress.update(s.read, s.failed.length),
      });
    } finally {
      progress.stop();
      await processor.close();
    }
  });
}

/** 0 when something was stored, or when everything read was already stored and nothing failed. */
export function ingestExitCode(s: IngestSummary, strict: boolean): number {
  if (strict && s.failed.length > 0) return 1;
  if (s.stored > 0) return 0;
  return s.failed.length === 0 && s.read > 0 ? 0 : 1;
}

async function withStore<T>(
  db: string,
  fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>,
): Promise<T> {
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function addSourceOptions(cmd: Command): Command {
  return cmd
    .option('--date <YYYY-MM-DD>', 'publication date for inputs that carry none', validDate)
    .option('--field-id <name>', 'JSON field holding the record id')
    .option('--field-date <name>', 'JSON field holding the date')
    .option('--field-url <name>', 'JSON field holding the URL')
    .option('--field-title <name>', 'JSON field holding the title')
    .option('--field-text <name>', 'JSON field holding the text')
    .option('--field-html <name>', 'JSON field holding HTML')
    .option('--max-bytes <n>', 'largest document accepted, in bytes', positiveInt);
}

function sourceOptions(o: SourceFlags): SourceOptions {
  const fields: Partial<FieldMap> = {};
  if (o.fieldId) fields.id = o.fieldId;
  if (o.fieldDate) fields.date = o.fieldDate;
  if (o.fieldUrl) fields.url = o.fieldUrl;
  if (o.fieldTitle) fields.title = o.fieldTitle;
  if (o.fieldText) fields.text = o.fieldText;
  if (o.fieldHtml) fields.html = o.fieldHtml;
  return {
    ...(o.date ? { date: o.date } : {}),
    ...(Object.keys(fields).length ? { fields } : {}),
    ...(o.maxBytes ? { maxDocumentBytes: o.maxBytes } : {}),
  };
}

async function* textInput(text: string, date: string | null): AsyncGenerator<RawDocument> {
  yield {
    kind: 'raw',
    id: null,
    date,
    url: null,
    title: null,
    text,
    bodyStart: 0,
    provenance: { file: '--text' },
    warnings: date ? [] : ['no date given (--date YYYY-MM-DD)'],
  };
}

/** The columns a person scans in a listing; `--json` gives every field. */
function formatDocumentTable(rows: readonly DocumentSummary[]): string {
  return formatTable(
    rows.map((d) => ({
      id: d.id,
      date: d.date,
      lang: d.language,
      coded: d.coded ? 'yes' : 'no',
      duplicateOf: d.duplicateOf ? `${d.duplicateOf} (${d.duplicateKind})` : '',
      sentences: d.sentenceCount,
      events: d.eventCount,
      title: d.title,
    })),
  );
}

const CSV_COLUMNS = [
  'docId',
  'index',
  'date',
  'source',
  'sourceText',
  'target',
  'targetText',
  'cameo',
  'root',
  'quadClass',
  'goldstein',
  'plover',
  'modality',
  'confidence',
  'rule',
  'evidence',
];

/** RFC 4180 CSV with a header line. */
function formatCsv(rows: readonly Record<string, unknown>[]): string {
  const quote = (v: unknown): string => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) lines.push(CSV_COLUMNS.map((c) => quote(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function printRows(rows: readonly Record<string, unknown>[], json: boolean): void {
  if (json) for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
  else process.stdout.write(`${formatTable(rows)}\n`);
}

function formatStats(stats: object): string {
  return Object.entries(stats)
    .map(
      ([k, v]) =>
        `${k.padEnd(14)} ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`,
    )
    .join('\n');
}

function validDate(value: string): string {
  const parsed = parseDate(value);
  if ('error' in parsed || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new InvalidArgumentError(`expected a real date as YYYY-MM-DD, got "${value}"`);
  }
  return parsed.date;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError(`expected a positive integer, got "${value}"`);
  return n;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`expected a non-negative integer, got "${value}"`);
  return n;
}
