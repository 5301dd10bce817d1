import { EntenteError } from '../core/errors.js';

/**
 * A store operation failed. Carries which operation and which database, so the CLI can
 * say more than the driver's message.
 *
 * @example
 * try { await store.writeBatch(docs, []); }
 * catch (e) { if (e instanceof StoreError) log(e.operation, e.location, e.message); }
 */
export class StoreError extends EntenteError {
  /** E.g. `writeBatch`, `migrate`, `open`. */
  readonly operation: string;
  /** Database file path (or connection string without password). */
  readonly location: string;

  constructor(
    message: string,
    context: { operation: string; location: string; cause?: unknown; exitCode?: number },
  ) {
    super(message, { cause: context.cause, exitCode: context.exitCode });
    this.name = 'StoreError';
    this.operation = context.operation;
    this.location = context.location;
  }
}

/**
 * Another process (or another store in this process) holds the database file for writing.
 *
 * @example
 * catch (e) { if (e instanceof StoreLockedError && e.pid !== null) log(`held by PID ${e.pid}`); }
 */
export class StoreLockedError extends StoreError {
  /** PID of the holder when the driver reports it. */
  readonly pid: number | null;
  /** Program path of the holder when the driver reports it, e.g. `/usr/bin/node`. */
  readonly program: string | null;

  constructor(context: {
    location: string;
    pid: number | null;
    program: string | null;
    cause?: unknown;
  }) {
    const holder =
      context.pid === null
        ? 'another process'
        : `process ${context.pid}${context.program === null ? '' : ` (${context.program})`}`;
    super(
      `database ${context.location} is locked by ${holder}. Only one process can write to it: ` +
        `stop that process (if it is \`entente serve\`, send documents through its server with ` +
        `\`entente ingest --server URL\`), or use --db with another file.`,
      { operation: 'open', location: context.location, cause: context.cause, exitCode: 3 },
    );
    this.name = 'StoreLockedError';
    this.pid = context.pid;
    this.program = context.program;
  }
}

/**
 * The database's schema does not match this version of entente (written by a newer
 * version, or not migrated yet).
 *
 * @example
 * catch (e) { if (e instanceof StoreSchemaError) log('run `entente migrate` or upgrade entente'); }
 */
export class StoreSchemaError extends StoreError {
  constructor(message: string, context: { operation: string; location: string; cause?: unknown }) {
    super(message, context);
    this.name = 'StoreSchemaError';
  }
}

/**
 * A document handed to `writeBatch` breaks the output contract (a span outside its text,
 * a malformed date). Raised before anything is written.
 *
 * @example
 * catch (e) { if (e instanceof InvalidDocumentError) log(`document ${e.documentId}: ${e.message}`); }
 */
export class InvalidDocumentError extends StoreError {
  readonly documentId: string;

  constructor(documentId: string, problem: string, location: string) {
    super(`document ${JSON.stringify(documentId)}: ${problem}`, {
      operation: 'writeBatch',
      location,
    });
    this.name = 'InvalidDocumentError';
    this.documentId = documentId;
  }
}
