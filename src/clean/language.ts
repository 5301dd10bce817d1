import { francAll } from 'franc';
import type { Block } from './clean-text.js';

/**
 * Languages franc may answer with. Restricting franc to major news languages keeps short
 * texts from being labelled as a rare language with similar trigrams (Scots for English,
 * Galician for Portuguese) and makes it several times faster than scoring all 180+.
 */
// prettier-ignore
export const NEWS_LANGUAGES: readonly string[] = Object.freeze([
  'eng', 'fra', 'deu', 'spa', 'ita', 'por', 'nld', 'pol', 'rus', 'ukr', 'arb', 'pes', 'tur',
  'cmn', 'jpn', 'kor', 'hin', 'ind', 'swe',
]);

// franc's answer stops changing well before 1,000 characters of prose, and its cost grows
// with the sample (about 0.35 ms per document at 1,000 characters here).
const SAMPLE_CHARS = 1000;
const MIN_CHARS = 20;
const FRANC_OPTIONS = { only: [...NEWS_LANGUAGES], minLength: MIN_CHARS };

// Words that are common in English prose and are not words of the other listed Latin-script
// languages ("is", "was", "will", "in", "a" are left out for that reason).
// prettier-ignore
const ENGLISH_MARKERS: ReadonlySet<string> = new Set([
  'the', 'and', 'of', 'to', 'that', 'with', 'said', 'were', 'which', 'from', 'this', 'would',
  'have', 'has', 'been', 'for', 'by', 'its', 'it', 'be', 'are', 'they', 'their', 'he', 'she',
  'we', 'not', 'but', 'had', 'after', 'about', 'than', 'also', 'could', 'should',
]);
// English news prose runs at 25-35% marker words; other languages stay near 0-3%.
const ENGLISH_SHARE = 0.15;
const ENGLISH_MIN_WORDS = 8;
// Number tables ("Shr 1.46 dlrs vs 66 cts  Net 1,514,312") hold too few words for trigram
// statistics: franc ranks three or four languages within a few hundredths of each other.
// Real prose of one sentence already puts the runner-up below 0.85.
const RUNNER_UP_AMBIGUOUS = 0.88;
// When franc's best score and English's are this close, franc cannot tell (number tables,
// lists of names) and English, the language the coder reads, is the safer answer.
const AMBIGUOUS_MARGIN = 0.1;

/**
 * ISO 639-3 via franc on a bounded sample of the paragraphs ('und' when too short).
 * Headings and boilerplate are left out: they are short and often English on foreign sites.
 * Clear English prose is recognised from its function words first, which costs a few
 * microseconds instead of franc's few hundred.
 *
 * @example
 * detectLanguage(text, cleanText(text, 0)); // 'eng', 'fra', ... or 'und'
 */
export function detectLanguage(text: string, blocks: readonly Block[]): string {
  let sample = '';
  for (const block of blocks) {
    if (block.kind !== 'paragraph') continue;
    const room = SAMPLE_CHARS - sample.length;
    if (room <= 1) break;
    const piece = text.slice(block.start, Math.min(block.end, block.start + room - 1));
    sample = sample === '' ? piece : sample + ' ' + piece;
  }
  if (sample.length < MIN_CHARS) return 'und';
  const { words, markers } = countWords(sample);
  if (words >= ENGLISH_MIN_WORDS && markers / words >= ENGLISH_SHARE) return 'eng';
  const ranked = francAll(sample, FRANC_OPTIONS);
  const best = ranked[0];
  if (best === undefined || best[0] === 'und') return 'und';
  const runnerUp = ranked[1];
  if (runnerUp !== undefined && runnerUp[1] >= RUNNER_UP_AMBIGUOUS) return 'und';
  if (best[0] !== 'eng') {
    const english = ranked.find(([code]) => code === 'eng');
    if (english !== undefined && english[1] >= best[1] - AMBIGUOUS_MARGIN) return 'eng';
  }
  return best[0];
}

const WORD = /\p{L}{2,}/gu;

/** Words of two or more letters, and how many of them are English function words. */
function countWords(sample: string): { words: number; markers: number } {
  let words = 0;
  let markers = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sample); m !== null; m = WORD.exec(sample)) {
    words++;
    const w = m[0];
    if (w.length <= 6 && ENGLISH_MARKERS.has(w.toLowerCase())) markers++;
  }
  return { words, markers };
}
