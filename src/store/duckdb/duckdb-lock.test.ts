import { describe, expect, it } from 'vitest';
import { lockedErrorFrom } from './duckdb-lock.js';

describe('lockedErrorFrom', () => {
  it("reads the holder from DuckDB's lock message", () => {
    const driver = new Error(
      'IO Error: Could not set lock on file "/srv/news.duckdb": Conflicting lock is held in /usr/bin/node (PID 4242) by user ann. See also https://duckdb.org/docs/stable/connect/concurrency',
    );
    const error = lockedErrorFrom(driver, '/srv/news.duckdb');
    expect(error).toMatchObject({
      pid: 4242,
      program: '/usr/bin/node',
      location: '/srv/news.duckdb',
      cause: driver,
    });
    expect(error?.message).toMatch(
      /locked by process 4242 \(\/usr\/bin\/node\).*stop that process.*--db with another file/,
    );
  });

  it('still explains a lock message that does not name the holder', () => {
    const error = lockedErrorFrom(
      new Error('IO Error: Could not set lock on file "x.duckdb": Resource busy'),
      'x.duckdb',
    );
    expect(error).toMatchObject({ pid: null, program: null });
    expect(error?.message).toContain('locked by another process');
  });

  it('leaves other errors alone', () => {
    expect(
      lockedErrorFrom(new Error('IO Error: No such file or directory'), 'x.duckdb'),
    ).toBeNull();
  });
});
