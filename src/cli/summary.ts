import type { IngestSummary } from '../pipeline/ingest.js';

/** The human-readable end-of-run summary of `entente ingest`. */
export function formatSummary(s: IngestSummary): string {
  const lines = [
    `read        ${s.read.toLocaleString('en-US')} documents (${(s.bytes / 1e6).toFixed(1)} MB)`,
    `stored      ${s.stored.toLocaleString('en-US')}`,
    `duplicates  ${s.duplicates.toLocaleString('en-US')} (exact ${s.exactDuplicates}, near ${s.nearDuplicates}; stored, not coded)`,
    `unchanged   ${s.alreadyStored.toLocaleString('en-US')} already stored by an earlier run`,
    `skipped     ${s.skipped.toLocaleString('en-US')} by language${formatLanguages(s.skippedByLanguage)}`,
    `failed      ${s.failed.length.toLocaleString('en-US')}`,
    ...s.failed.slice(0, 50).map((f) => `  ${f.source}: ${f.reason}`),
    ...(s.failed.length > 50
      ? [`  ... and ${s.failed.length - 50} more (see \`entente failures\`)`]
      : []),
    `elapsed     ${s.elapsedSeconds.toFixed(2)} s, ${s.documentsPerSecond.toLocaleString('en-US')} documents/s, ${s.megabytesPerSecond} MB/s`,
  ];
  return lines.join('\n');
}

function formatLanguages(by: Record<string, number>): string {
  const parts = Object.entries(by).map(([lang, n]) => `${lang} ${n}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
