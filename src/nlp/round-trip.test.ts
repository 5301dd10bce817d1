import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cleanText, type Block } from '../clean/clean-text.js';
import { analyse, createNlp, type Analysis } from './analyse.js';

const nlp = createNlp();

/** Small deterministic PRNG (mulberry32) so a failure names a reproducible case. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  'The mayor of Riverton met union leaders on Friday to discuss the port strike.',
  'Fuel prices rose 3.4% in April, the statistics office said.',
  "Negotiators couldn't agree on the border crossings, and talks will resume next week.",
  'About $1.2 billion in aid was pledged at the donor conference in Oslo.',
  'Police said 14 people were detained after the protest outside parliament.',
  '“We will not accept these terms,” the foreign minister told reporters.',
  'The U.S. envoy arrived in Cairo on Tuesday (local time) for two days of talks.',
  'Rebels seized the town of Al-Qasr, according to residents reached by phone.',
  'Exports to the E.U. fell to 4,500 tonnes from 6,200 tonnes a year earlier.',
  'Café owners in the old quarter — already hit by the drought — closed early.',
  'Shares of AT&T rose 1.5 pct to 35-1/2 dlrs in late trading.',
  'The ceasefire, brokered by Qatar, took effect at 6 a.m. on the 3rd of May.',
  'Is a deal still possible? Diplomats said it was unlikely before the summer!',
  'Emergency crews 🚒 worked through the night near the dam.',
  'The vote was 52-48; turnout was about 61 percent.',
];
const HEADINGS = [
  'Talks Stall Again',
  'WHAT COMES NEXT',
  'Aid and Reconstruction',
  'The Road to 2030',
];
const BOILERPLATE = [
  'Advertisement',
  'Read more: Port strike enters second week',
  'Share this',
  'By Jane Doe',
  'Photo: Sam Reed/Reuters',
  ' Reuter',
];
const SPACES = [' ', ' ', ' ', '  ', '\u00A0', '\t', ' \u200B'];
const ENTITY_SWAPS: [RegExp, string][] = [
  [/&/g, '&amp;'],
  [/’|'/g, '&#8217;'],
  [/“/g, '&ldquo;'],
  [/ /g, '&nbsp;'],
  [/é/g, '&eacute;'],
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

/** A random article: wrapped or long-line paragraphs, headings, boilerplate, odd spacing. */
function article(seed: number): { text: string; bodyStart: number } {
  const r = rng(seed);
  const header = r() < 0.3 ? ` date 2024-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)} ` : '';
  const lineBreak = r() < 0.2 ? '\r\n' : '\n';
  const reuters = r() < 0.4;
  const parts: string[] = [];
  const paragraphs = 1 + Math.floor(r() * 6);
  for (let p = 0; p < paragraphs; p++) {
    if (r() < 0.25) parts.push(pick(r, HEADINGS));
    if (r() < 0.25) parts.push(pick(r, BOILERPLATE));
    let para = '';
    const n = 1 + Math.floor(r() * 4);
    for (let s = 0; s < n; s++) para += (s === 0 ? '' : pick(r, SPACES)) + pick(r, SENTENCES);
    if (r() < 0.3)
      for (const [re, ent] of ENTITY_SWAPS) if (r() < 0.5) para = para.replace(re, ent);
    if (r() < 0.6) para = wrap(para, 40 + Math.floor(r() * 40), lineBreak);
    if (reuters && p > 0) {
      parts[parts.length - 1] += lineBreak + '    ' + para;
    } else {
      parts.push(para + (r() < 0.2 ? '   ' : ''));
    }
  }
  return {
    text: header + parts.join(lineBreak + (r() < 0.2 ? '  ' : '') + lineBreak),
    bodyStart: header.length,
  };
}

function wrap(para: string, width: number, lineBreak: string): string {
  const words = para.split(' ');
  let out = '';
  let line = 0;
  for (const w of words) {
    if (line > 0 && line + w.length > width) {
      out += lineBreak;
      line = 0;
    } else if (line > 0) {
      out += ' ';
      line++;
    }
    out += w;
    line += w.length;
  }
  return out;
}

// Characters no token has to cover: whitespace, invisible format characters, and the
// references that decode to a space.
const UNCOVERED = /[\s\u200B-\u200D\u2060\uFEFF\u00AD]|&nbsp;/g;

/** Throws on the first broken invariant; plain checks keep 100k tokens fast. */
function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

function checkInvariants(
  text: string,
  bodyStart: number,
  blocks: readonly Block[],
  a: Analysis,
): void {
  let prevEnd = bodyStart;
  for (const b of blocks) {
    const slice = text.slice(b.start, b.end);
    check(b.start >= prevEnd && b.end > b.start, `block [${b.start}, ${b.end}) out of order`);
    check(slice === slice.trim(), `block ${JSON.stringify(slice)} is not trimmed`);
    prevEnd = b.end;
  }
  check(prevEnd <= text.length, 'block past the end of the text');

  const shown = blocks.filter((b) => b.kind !== 'boilerplate');
  let sentenceEnd = 0;
  a.sentences.forEach((s, i) => {
    check(s.index === i, `sentence ${i} has index ${s.index}`);
    check(s.text === text.slice(s.start, s.end), `sentence ${i} text is not its slice`);
    check(s.text.length > 0 && s.text === s.text.trim(), `sentence ${i} empty or untrimmed`);
    check(s.start >= sentenceEnd, `sentence ${i} overlaps the previous one`);
    sentenceEnd = s.end;
    const home = shown.find((b) => b.start <= s.start && s.end <= b.end);
    check(home !== undefined, `sentence ${i} ${JSON.stringify(s.text)} is outside every block`);
    check(s.heading === (home?.kind === 'heading'), `sentence ${i} heading flag is wrong`);
  });

  const { starts, ends, sentence, pos, normal } = a.tokens;
  const n = starts.length;
  check(ends.length === n && sentence.length === n, 'token arrays differ in length');
  check(pos.length === n && normal.length === n, 'token arrays differ in length');
  const covered = new Uint8Array(text.length);
  for (let i = 0; i < n; i++) {
    const s = starts[i] as number;
    const e = ends[i] as number;
    const word = text.slice(s, e);
    check(e > s && word.trim() !== '', `token ${i} [${s}, ${e}) is empty or blank`);
    if (i > 0) {
      check(
        s >= (ends[i - 1] as number),
        `token ${i} ${JSON.stringify(word)} overlaps the previous`,
      );
      check(
        (sentence[i] as number) >= (sentence[i - 1] as number),
        `token ${i} goes back a sentence`,
      );
    }
    const home = a.sentences[sentence[i] as number];
    check(
      home !== undefined && s >= home.start && e <= home.end,
      `token ${i} ${JSON.stringify(word)} is outside its sentence`,
    );
    covered.fill(1, s, e);
  }
  // No word of a paragraph or heading is lost between wink and the original offsets.
  for (const b of shown) {
    const slice = text.slice(b.start, b.end).replace(UNCOVERED, (m) => ' '.repeat(m.length));
    for (let k = 0; k < slice.length; k++) {
      check(
        slice[k] === ' ' || covered[b.start + k] === 1,
        `character ${JSON.stringify(text[b.start + k])} at ${b.start + k} has no token`,
      );
    }
  }

  for (const x of a.expressions) {
    check(x.text === text.slice(x.start, x.end), `expression ${x.text} is not its slice`);
    const home = a.sentences[x.sentence];
    check(
      home !== undefined && x.start >= home.start && x.end <= home.end,
      `expression ${x.text} is outside its sentence`,
    );
  }
}

describe('round trip over generated articles', () => {
  it('keeps every block, sentence, token and expression an exact slice, in order', () => {
    let sentences = 0;
    let headings = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { text, bodyStart } = article(seed);
      const blocks = cleanText(text, bodyStart);
      const a = analyse(nlp, text, blocks);
      try {
        checkInvariants(text, bodyStart, blocks, a);
      } catch (err) {
        throw new Error(`article seed ${seed}: ${(err as Error).message}\n${JSON.stringify(text)}`);
      }
      sentences += a.sentences.length;
      headings += a.sentences.filter((s) => s.heading).length;
    }
    // The generator must exercise what it claims to: many sentences, some headings.
    expect(sentences).toBeGreaterThan(1500);
    expect(headings).toBeGreaterThan(30);
  });
});

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpusPath = resolve(repoRoot, '../shared/corpus/reuters21578.jsonl.gz');
const haveCorpus = existsSync(corpusPath);

describe.skipIf(!haveCorpus)(
  `round trip over Reuters ${haveCorpus ? '' : '(SKIPPED: ../shared/corpus absent)'}`,
  () => {
    it('holds the same invariants on the first 300 real stories', () => {
      // The first 2 MB of the archive hold well over 300 stories; inflating all of it is slow.
      const head = readFileSync(corpusPath).subarray(0, 2_000_000);
      const inflated = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
      const lines = inflated.split('\n', 300);
      expect(lines).toHaveLength(300);
      for (const line of lines) {
        const { id, text } = JSON.parse(line) as { id: number; text: string };
        const blocks = cleanText(text, 0);
        try {
          checkInvariants(text, 0, blocks, analyse(nlp, text, blocks));
        } catch (err) {
          throw new Error(`Reuters story ${id}: ${(err as Error).message}`);
        }
      }
    });
  },
);
