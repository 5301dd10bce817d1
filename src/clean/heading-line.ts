/**
 * Whether one trimmed line looks like a section heading on its own: short, no sentence or
 * clause punctuation at the end, and written in Title Case or ALL CAPS. The caller adds the
 * context rule (the line stands alone and a paragraph follows).
 *
 * @example
 * isHeadingLine('Economic Cooperation and Joint Ventures'); // true
 * isHeadingLine('Talks resume on Monday.');                 // false
 * isHeadingLine('Officials said talks would resume');       // false: not Title Case
 */
export function isHeadingLine(line: string): boolean {
  if (line.length === 0 || line.length > MAX_HEADING_CHARS) return false;
  // A heading that ends in ':' introduces a list or a quote: it is read with what follows.
  if (NOT_FINAL.test(stripClosers(line))) return false;
  if (DATELINE.test(line)) return false;
  const words = line.split(/\s+/);
  if (words.length > MAX_HEADING_WORDS) return false;

  let lettered = 0;
  let capitalised = 0;
  let allCaps = true;
  for (let i = 0; i < words.length; i++) {
    const word = stripOpeners(words[i] ?? '');
    const first = firstLetter(word);
    if (first === '') {
      // Numbers ("2023", "5") neither help nor hurt a heading.
      continue;
    }
    if (word.toLowerCase() !== word.toUpperCase() && word !== word.toUpperCase()) allCaps = false;
    if (i > 0 && MINOR_WORDS.has(word.toLowerCase())) continue;
    lettered++;
    if (first !== first.toLowerCase() || /^\d/.test(word)) capitalised++;
  }
  if (lettered === 0) return false;
  if (allCaps) return true;
  const firstWordLetter = firstLetter(stripOpeners(words[0] ?? ''));
  if (firstWordLetter !== '' && firstWordLetter === firstWordLetter.toLowerCase()) return false;
  return capitalised / lettered >= TITLE_CASE_SHARE;
}

const MAX_HEADING_CHARS = 120;
const MAX_HEADING_WORDS = 12;
// "Mostly" Title Case: one lower-case content word in four is tolerated ("Iran's oil Exports").
const TITLE_CASE_SHARE = 0.75;

// Endings that mean the line is a sentence or runs on: . ! ? , ; : and dashes.
const NOT_FINAL = /[.!?,;:\-–—…]$/;
// A dateline standing as its own line: "SALVADOR, Feb 26", "LONDON (Reuters)", "PARIS, March 3 -".
const DATELINE =
  /^\p{Lu}[\p{Lu}\s.'’-]*(?:,\s*\p{Lu}[\p{Lu}\s.'’-]*)?(?:\s*,\s*\p{L}{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\s*\([^)]{1,40}\))+\s*[-–—]*$/u;

// Words Title Case leaves in lower case.
// prettier-ignore
const MINOR_WORDS = new Set([
  'a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of',
  'off', 'on', 'per', 'to', 'up', 'via', 'vs', 'vs.', 'with', 'from', 'into', 'onto', 'over',
  'than', 'upon', 'amid', 'amidst', 'after', 'before', 'about', 'against', 'between', 'under',
  'is', 'are', 'was', 'be', 'its', 'their', 'his', 'her', 'de', 'la', 'le', 'der', 'van', 'von',
  "'s", 'al', 'el', 'bin',
]);

function stripClosers(line: string): string {
  return line.replace(/["'”’»)\]]+$/u, '');
}

function stripOpeners(word: string): string {
  return word.replace(/^["'“‘«([]+/u, '');
}

function firstLetter(word: string): string {
  const m = /\p{L}/u.exec(word);
  return m === null ? '' : m[0];
}
