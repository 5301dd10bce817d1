/**
 * Typed reads from a result row (as `getRowObjectsJS` returns it). A value of the wrong
 * type means the file was not written by this schema; that must fail loudly rather than
 * hand a user a wrong record.
 *
 * @example
 * const id = text(row, 'id'); const line = intOrNull(row, 'source_line');
 */
export type Row = Readonly<Record<string, unknown>>;

function wrong(row: Row, column: string, expected: string): TypeError {
  return new TypeError(`column ${column}: expected ${expected}, got ${typeof row[column]}`);
}

export function text(row: Row, column: string): string {
  const v = row[column];
  if (typeof v !== 'string') throw wrong(row, column, 'text');
  return v;
}

export function textOrNull(row: Row, column: string): string | null {
  return row[column] === null ? null : text(row, column);
}

export function int(row: Row, column: string): number {
  const v = row[column];
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'number' || !Number.isInteger(v)) throw wrong(row, column, 'an integer');
  return v;
}

export function intOrNull(row: Row, column: string): number | null {
  return row[column] === null ? null : int(row, column);
}

export function num(row: Row, column: string): number {
  const v = row[column];
  if (typeof v !== 'number') throw wrong(row, column, 'a number');
  return v;
}

export function numOrNull(row: Row, column: string): number | null {
  return row[column] === null ? null : num(row, column);
}

export function bool(row: Row, column: string): boolean {
  const v = row[column];
  if (typeof v !== 'boolean') throw wrong(row, column, 'a boolean');
  return v;
}

export function textList(row: Row, column: string): string[] {
  const v = row[column];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    throw wrong(row, column, 'a text list');
  return v as string[];
}

export function intList(row: Row, column: string): number[] {
  const v = row[column];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number'))
    throw wrong(row, column, 'an integer list');
  return v as number[];
}

export function bytesOrNull(row: Row, column: string): Uint8Array | null {
  const v = row[column];
  if (v === null) return null;
  if (!(v instanceof Uint8Array)) throw wrong(row, column, 'bytes');
  return v;
}

export function boolOrNull(row: Row, column: string): boolean | null {
  return row[column] === null ? null : bool(row, column);
}

export function textListOrNull(row: Row, column: string): string[] | null {
  return row[column] === null ? null : textList(row, column);
}

export function intListOrNull(row: Row, column: string): number[] | null {
  return row[column] === null ? null : intList(row, column);
}
