import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../schema.js';
import { StoreSchemaError } from '../store-errors.js';
import { applyMigrations, schemaVersion } from './migrations.js';

async function withMemory<T>(work: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    return await work(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe('applyMigrations', () => {
  it('applies every migration once and records version and time', async () => {
    await withMemory(async (conn) => {
      expect(await applyMigrations(conn, ':memory:')).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await applyMigrations(conn, ':memory:')).toEqual([]);
      expect(await schemaVersion(conn)).toBe(LATEST_SCHEMA_VERSION);
      const rows = (
        await conn.runAndReadAll('SELECT version, applied_at IS NOT NULL FROM schema_migrations')
      ).getRows();
      expect(rows).toEqual(MIGRATIONS.map((m) => [m.version, true]));
    });
  });

  it('applies only the migrations a database lacks', async () => {
    await withMemory(async (conn) => {
      await applyMigrations(conn, ':memory:');
      const next = {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'notes',
        statements: ['CREATE TABLE notes (id TEXT)'],
      };
      expect(await applyMigrations(conn, ':memory:', [...MIGRATIONS, next])).toEqual([
        next.version,
      ]);
      expect(await schemaVersion(conn)).toBe(next.version);
    });
  });

  it('leaves no trace of a migration that fails partway', async () => {
    await withMemory(async (conn) => {
      const broken = {
        version: 1,
        name: 'broken',
        statements: ['CREATE TABLE a (id TEXT)', 'CREATE TABLE a (id TEXT)'],
      };
      await expect(applyMigrations(conn, ':memory:', [broken])).rejects.toThrow(/already exists/);
      expect(await schemaVersion(conn)).toBe(0);
      expect(
        (
          await conn.runAndReadAll(
            "SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = 'a'",
          )
        ).getRows(),
      ).toEqual([[0]]);
    });
  });

  it('refuses a database written by a newer entente', async () => {
    await withMemory(async (conn) => {
      await applyMigrations(conn, 'future.duckdb');
      await conn.run(
        "INSERT INTO schema_migrations VALUES (999, 'from the future', current_timestamp)",
      );
      const attempt = applyMigrations(conn, 'future.duckdb');
      await expect(attempt).rejects.toBeInstanceOf(StoreSchemaError);
      await expect(attempt).rejects.toThrow(/version 999.*upgrade entente/);
    });
  });
});

describe('schema', () => {
  it('uses only types that PostgreSQL also has, so a PostgreSQL store can run the same DDL', () => {
    const ddl = MIGRATIONS.flatMap((m) => m.statements).join('\n');
    const duckdbOnly =
      /\b(VARCHAR|BLOB|UINTEGER|UBIGINT|USMALLINT|UTINYINT|HUGEINT|TINYINT|STRUCT|MAP|UNION|DOUBLE(?! PRECISION)|LIST)\b/;
    expect(ddl).not.toMatch(duckdbOnly);
    expect(ddl).not.toMatch(/\bINSTALL\b|\bLOAD\b/);
    // Reserved in both dialects: a bare `end` column would need quoting everywhere.
    expect(ddl).not.toMatch(/^\s*end\s/im);
  });

  it('never reuses a version number', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });
});
