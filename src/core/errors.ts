/**
 * Typed errors carrying context. Library code throws these; the CLI (src/cli/main.ts) is
 * the one place that turns them into `entente: ...` messages and exit codes.
 */
export class EntenteError extends Error {
  /** Process exit code the CLI uses when this error ends a command. */
  readonly exitCode: number;

  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EntenteError';
    this.exitCode = options.exitCode ?? 1;
  }
}

/** A user-supplied option or argument is invalid (exit 2, like commander's usage errors). */
export class UsageError extends EntenteError {
  constructor(message: string) {
    super(message, { exitCode: 2 });
    this.name = 'UsageError';
  }
}
