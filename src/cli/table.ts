/** Renders rows as a plain fixed-width table (no colours: output is often piped). */
export function formatTable(
  rows: readonly Record<string, unknown>[],
  columns?: readonly string[],
): string {
  if (rows.length === 0) return '(none)';
  const cols = columns ?? Object.keys(rows[0]!);
  const cells = rows.map((r) => cols.map((c) => cell(r[c])));
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

const MAX_CELL = 60;

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = (typeof v === 'object' ? JSON.stringify(v) : String(v)).replace(/\s+/g, ' ');
  return s.length > MAX_CELL ? `${s.slice(0, MAX_CELL - 1)}…` : s;
}
