import type { Provenance } from '../core/document.js';

/** `file:line`, `file#record` or `file#record (member)`: how users find a record again. */
export function formatProvenance(p: Provenance): string {
  let s = p.file;
  if (p.line !== undefined) s += `:${p.line}`;
  else if (p.record !== undefined) s += `#${p.record}`;
  if (p.member !== undefined && p.member !== '') s += ` (${p.member})`;
  return s;
}
