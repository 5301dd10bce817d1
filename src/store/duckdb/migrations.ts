import type { DuckDBConnection } from '@duckdb/node-api';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, SCHEMA_MIGRATIONS_DDL } from '../schema.js';
import type { Migration } from '../schema.js';
import { StoreSchemaError } from '../store-errors.js';
import { inTransaction } from './duckdb-transaction.js';

/** Highest applied migration version; 0 for a new database. */
export async function schemaVersion(conn: DuckDBConnection): Promise<number> {
  const reader = await conn.runAndReadAll(
    'SELECT coalesce(max(version), 0)::INTEGER AS v FROM schema_migrations',
  );
  const v = reader.getRows()[0]?.[0];
  return typeof v === 'number' ? v : 0;
}

/**
 * Apply the migrations this database lacks, each in its own transaction, and return the
 * versions applied. Refuses a database written by a newer entente, whose tables this
 * code would misread.
 *
 * @example
 * const applied = await applyMigrations(conn, 'entente.duckdb'); // [1] on a new file, [] after
 */
export async function applyMigrations(
  conn: DuckDBConnection,
  location: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  await conn.run(SCHEMA_MIGRATIONS_DDL);
  const current = await schemaVersion(conn);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > latest) {
    throw new StoreSchemaError(
      `database ${location} has schema version ${current}, newer than this entente understands (${latest}); upgrade entente`,
      { operation: 'migrate', location },
    );
  }
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    await inTransaction(conn, async () => {
      for (const statement of migration.statements) await conn.run(statement);
      await conn.run(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, current_timestamp)',
        [migration.version, migration.name],
      );
    });
    applied.push(migration.version);
  }
  return applied;
}

/** Throw unless the database is at exactly the schema version this code writes. */
export async function assertCurrentSchema(
  conn: DuckDBConnection,
  location: string,
  operation: string,
): Promise<void> {
  const version = await schemaVersion(conn).catch((cause: unknown) => {
    throw new StoreSchemaError(`database ${location} has no entente schema; run migrate first`, {
      operation,
      location,
      cause,
    });
  });
  if (version !== LATEST_SCHEMA_VERSION) {
    throw new StoreSchemaError(
      `database ${location} has schema version ${version}, this entente needs ${LATEST_SCHEMA_VERSION}; ` +
        (version < LATEST_SCHEMA_VERSION ? 'run migrate first' : 'upgrade entente'),
      { operation, location },
    );
  }
}
