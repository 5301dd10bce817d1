import { StoreLockedError } from '../store-errors.js';

/**
 * DuckDB reports a held file lock as an IO error naming the holder, e.g.
 * `IO Error: Could not set lock on file "x.duckdb": Conflicting lock is held in
 * /usr/bin/node (PID 4242) by user ann`. The wording is the driver's, not an API, so
 * anything unrecognised still becomes a StoreLockedError, just without the holder.
 *
 * @example
 * catch (e) { throw lockedErrorFrom(e, path) ?? e; }
 */
export function lockedErrorFrom(error: unknown, location: string): StoreLockedError | null {
  const message = error instanceof Error ? error.message : String(error);
  if (!/could not set lock on file/i.test(message)) return null;
  const holder = /conflicting lock is held in (.+?) \(PID (\d+)\)/i.exec(message);
  return new StoreLockedError({
    location,
    pid: holder === null ? null : Number(holder[2]),
    program: holder === null ? null : holder[1]!,
    cause: error,
  });
}
