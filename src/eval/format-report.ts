import { LEVELS, LEVEL_DESCRIPTIONS, type FileScore } from './score.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The human-readable evaluation report for one gold file. */
export function formatReport(s: FileScore, worst = 20): string {
  const lines = [
    `${s.file}: ${s.sentences} sentences, ${s.goldEvents} gold events, ${s.predictedEvents} predicted`,
    '',
    `  level          precision  recall   F1      tp/fp/fn`,
  ];
  for (const level of LEVELS) {
    const l = s.levels[level];
    lines.push(
      `  ${level.padEnd(14)} ${pct(l.precision).padStart(9)}  ${pct(l.recall).padStart(6)}  ${l.f1.toFixed(3)}   ${l.tp}/${l.fp}/${l.fn}   ${LEVEL_DESCRIPTIONS[level]}`,
    );
  }
  lines.push(
    '',
    s.noEventAccuracy === null
      ? '  no-event sentences: none in this file'
      : `  no-event sentences without a predicted event: ${pct(s.noEventAccuracy)} of ${s.noEventSentences}`,
    '',
    '  root confusion (rows gold, columns predicted, -- = none):',
    ...formatConfusion(s.rootConfusion).map((l) => `    ${l}`),
  );
  if (s.worst.length > 0 && worst > 0) {
    lines.push('', `  worst sentences:`);
    for (const w of s.worst.slice(0, worst)) {
      const gold =
        w.gold.map((e) => `${e.source}>${e.target || '-'} ${e.code ?? e.plover}`).join(', ') ||
        'none';
      const pred =
        w.predicted.map((e) => `${e.source || '-'}>${e.target || '-'} ${e.code}`).join(', ') ||
        'none';
      lines.push(`    [${w.id}] ${w.text}`, `      gold: ${gold}`, `      predicted: ${pred}`);
    }
  }
  return lines.join('\n');
}

function formatConfusion(c: Readonly<Record<string, Readonly<Record<string, number>>>>): string[] {
  const rows = Object.keys(c).sort();
  const cols = [...new Set(rows.flatMap((r) => Object.keys(c[r]!)))].sort();
  if (rows.length === 0) return ['(empty)'];
  const header = `gold\\pred ${cols.map((k) => k.padStart(3)).join(' ')}`;
  return [
    header,
    ...rows.map(
      (r) => `${r.padEnd(9)} ${cols.map((k) => String(c[r]![k] ?? '').padStart(3)).join(' ')}`,
    ),
  ];
}
