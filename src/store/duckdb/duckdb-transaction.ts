import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Run `work` between BEGIN and COMMIT on `conn`, rolling back when it throws (or when
 * COMMIT itself fails) and rethrowing the original error. Appenders created on `conn`
 * inside `work` write into the same transaction.
 *
 * The caller must keep other statements off `conn` until this settles: a DuckDB
 * connection has one transaction, shared by everything run on it.
 *
 * @example
 * await inTransaction(conn, async () => { await conn.run('DELETE FROM t'); await load(conn); });
 */
export async function inTransaction<T>(conn: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await conn.run('BEGIN TRANSACTION');
  let result: T;
  try {
    result = await work();
    await conn.run('COMMIT');
  } catch (error) {
    await rollback(conn, error);
    throw error;
  }
  return result;
}

async function rollback(conn: DuckDBConnection, original: unknown): Promise<void> {
  try {
    await conn.run('ROLLBACK');
  } catch (rollbackError) {
    // A failed COMMIT has already ended the transaction, so there is nothing to undo.
    if (rollbackError instanceof Error && /no transaction is active/i.test(rollbackError.message))
      return;
    throw new AggregateError(
      [original, rollbackError],
      'rollback failed after an error; the connection is unusable',
    );
  }
}
