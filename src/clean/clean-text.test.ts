import { describe, expect, it } from 'vitest';
import { EntenteError } from '../core/errors.js';
import { cleanText, type Block } from './clean-text.js';
import { isHeadingLine } from './heading-line.js';

function view(text: string, blocks: readonly Block[]): [string, string][] {
  return blocks.map((b) => [b.kind, text.slice(b.start, b.end)]);
}

describe('cleanText paragraphs', () => {
  it('joins hard-wrapped lines and splits Reuters indented paragraphs', () => {
    const text =
      'The central bank left its key rate unchanged on\n' +
      'Wednesday, citing slower growth in the third quarter.\n' +
      '    The decision was expected by most analysts polled\n' +
      'last week.\n' +
      ' Reuter\n';
    expect(view(text, cleanText(text, 0))).toEqual([
      [
        'paragraph',
        'The central bank left its key rate unchanged on\nWednesday, citing slower growth in the third quarter.',
      ],
      ['paragraph', 'The decision was expected by most analysts polled\nlast week.'],
      ['boilerplate', 'Reuter'],
    ]);
  });

  it('splits indented table rows, keeps a lower-case hanging line with its paragraph', () => {
    const table = 'Shr 12 cts vs 9 cts\n    Net 4.1 mln vs 3.2 mln\n    Revs 40 mln vs 35 mln';
    expect(cleanText(table, 0).map((b) => table.slice(b.start, b.end))).toEqual([
      'Shr 12 cts vs 9 cts',
      'Net 4.1 mln vs 3.2 mln',
      'Revs 40 mln vs 35 mln',
    ]);
    const hanging =
      'Ministers from both countries agreed to meet\n   again before the summer recess.';
    expect(cleanText(hanging, 0)).toHaveLength(1);
  });

  it('treats each long unwrapped line as its own paragraph', () => {
    const long1 =
      'The port authority said container traffic rose sharply in March as shipping lines returned to routes they had abandoned.';
    const long2 =
      'Dock workers nevertheless warned of a strike over pay if talks with the operators fail to produce an offer by the end of May.';
    const text = `${long1}\n${long2}`;
    expect(view(text, cleanText(text, 0))).toEqual([
      ['paragraph', long1],
      ['paragraph', long2],
    ]);
  });

  it('starts at bodyStart, trims blocks and tolerates CRLF and trailing spaces', () => {
    const text =
      ' date 2024-05-02 Voters queued early in the capital.  \r\n\r\n  Turnout was high.\r\n';
    const bodyStart = text.indexOf('Voters');
    const blocks = cleanText(text, bodyStart);
    expect(view(text, blocks)).toEqual([
      ['paragraph', 'Voters queued early in the capital.'],
      ['paragraph', 'Turnout was high.'],
    ]);
    expect(cleanText('', 0)).toEqual([]);
    expect(cleanText('\n\n   \n', 0)).toEqual([]);
  });

  it('removes a boilerplate line inside a block only where a paragraph could start', () => {
    const text =
      'Rescue teams reached the village at dawn.\nAdvertisement\nThe road had been cut by floods.';
    expect(view(text, cleanText(text, 0))).toEqual([
      ['paragraph', 'Rescue teams reached the village at dawn.'],
      ['boilerplate', 'Advertisement'],
      ['paragraph', 'The road had been cut by floods.'],
    ]);
    // Mid-sentence, a wrapped line that happens to look like a byline is prose.
    const wrapped =
      'The report was written for the committee\nBy John Smith\nand two colleagues last year.';
    expect(view(wrapped, cleanText(wrapped, 0))).toEqual([['paragraph', wrapped]]);
  });

  it('rejects a bodyStart outside the text with a typed error', () => {
    expect(() => cleanText('abc', 4)).toThrow(EntenteError);
    expect(() => cleanText('abc', -1)).toThrow(/bodyStart -1/);
  });
});

describe('cleanText headings', () => {
  it('marks a short Title Case line followed by prose as a heading, across boilerplate', () => {
    const text =
      'Harbour Budget Approved\n\nAdvertisement\n\nThe council voted 9-2 in favour.\n\n' +
      'NEXT STEPS FOR THE PORT\n\nWork starts in June.';
    expect(view(text, cleanText(text, 0))).toEqual([
      ['heading', 'Harbour Budget Approved'],
      ['boilerplate', 'Advertisement'],
      ['paragraph', 'The council voted 9-2 in favour.'],
      ['heading', 'NEXT STEPS FOR THE PORT'],
      ['paragraph', 'Work starts in June.'],
    ]);
  });

  it('keeps a one-sentence paragraph, a colon line and a dateline as paragraphs', () => {
    const text =
      'Talks resume on Monday.\n\nThe Main Points Agreed:\n\nLONDON, March 3 (Reuters) -\n\n' +
      'Both sides signed the accord after midnight.';
    expect(cleanText(text, 0).map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
  });

  it('does not make a heading of a title line with no prose after it', () => {
    const text = 'The accord was signed after midnight.\n\nRelated Coverage Elsewhere';
    expect(cleanText(text, 0).map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
    const stacked =
      'Part One\n\nThe Long Road To Peace\n\nNegotiators met for the first time in 1998.';
    expect(cleanText(stacked, 0).map((b) => b.kind)).toEqual(['heading', 'heading', 'paragraph']);
  });

  it('recognises heading lines by shape', () => {
    expect(isHeadingLine('Economic Ties and Energy Deals')).toBe(true);
    expect(isHeadingLine('2024 in Review')).toBe(true);
    expect(isHeadingLine('WHAT HAPPENS NEXT')).toBe(true);
    expect(isHeadingLine('“Open Doors” Policy Explained')).toBe(true);
    expect(isHeadingLine('Officials said the talks would resume')).toBe(false);
    expect(isHeadingLine('Talks Resume on Monday.')).toBe(false);
    expect(isHeadingLine('Why Did The Talks Fail?')).toBe(false);
    expect(
      isHeadingLine('A Very Long Title That Goes On And On Past Twelve Words In Total Here'),
    ).toBe(false);
    expect(isHeadingLine('PARIS, Jan 5 -')).toBe(false);
    expect(isHeadingLine('12,400 vs 11,900')).toBe(false);
  });
});
