import { describe, expect, it } from 'vitest';
import { BoilerplateDictionaryError, defaultBoilerplate, parseBoilerplate } from './boilerplate.js';
import { cleanText } from './clean-text.js';

const PROSE = 'The council approved the harbour budget after a long debate on Thursday.';

/** Kinds and texts of the blocks of `prose + line + prose`, each separated by blank lines. */
function around(line: string): { kind: string; text: string; reason?: string }[] {
  const text = `${PROSE}\n\n${line}\n\nFerry services will resume next week, the operator said.`;
  return cleanText(text, 0).map((b) => ({
    kind: b.kind,
    text: text.slice(b.start, b.end),
    ...(b.reason === undefined ? {} : { reason: b.reason }),
  }));
}

describe('shipped boilerplate dictionary', () => {
  it('loads and compiles every pattern', () => {
    expect(defaultBoilerplate().size).toBeGreaterThan(10);
  });

  const cases: [string, string[]][] = [
    [
      'advertisement',
      [
        'Advertisement',
        'Advertisment',
        'ADVERTISEMENT',
        'advertisements',
        'Advert',
        'Ad',
        'ADS',
        '- Advertisement -',
        '[Advertisement]',
        'Sponsored',
        'Sponsored content',
        'Story continues below advertisement',
        'Continue reading the main story',
      ],
    ],
    ['read-more', ['Read more', 'Read More', 'READ MORE: Harbour budget row deepens', 'See also']],
    [
      'share',
      [
        'Share this',
        'Share this article',
        'Share on Facebook',
        'Share on Twitter',
        'Tweet',
        'Email',
      ],
    ],
    ['follow-us', ['Follow us on Twitter', 'Follow us on Facebook and Instagram']],
    [
      'subscribe',
      [
        'Subscribe to our newsletter',
        'Sign up for our daily briefing',
        'Sign up',
        'Already a subscriber? Log in',
      ],
    ],
    ['click-here', ['Click here to read the full report', 'Click here']],
    [
      'cookies',
      [
        'We use cookies to improve your experience on our site.',
        'This website uses cookies. By continuing you agree to our policy.',
        'Accept all cookies',
      ],
    ],
    [
      'photo-credit',
      [
        'Photo: Ana Ruiz/Reuters',
        '(Photo by Tom Lee/AFP via Getty Images)',
        'Image: Getty Images',
        'File photo',
        'FILE PHOTO',
        'Photograph: Press Association',
      ],
    ],
    [
      'byline',
      [
        'By John Smith',
        'By JOHN SMITH, Associated Press',
        'By Maria Lopez and Kenji Sato | Reuters',
        'Reporting by Ana Ruiz; Editing by Tom Lee',
      ],
    ],
    [
      'signoff',
      [
        'Reuter',
        'REUTER...',
        '(AP)',
        'Copyright 2024 Example Media. All rights reserved.',
        '© Example Media 2024',
        '(c) 2023 Example Media',
      ],
    ],
  ];
  for (const [reason, lines] of cases) {
    it(`removes ${reason} lines between paragraphs`, () => {
      for (const line of lines) {
        const blocks = around(line);
        expect(
          blocks.map((b) => b.kind),
          line,
        ).toEqual(['paragraph', 'boilerplate', 'paragraph']);
        expect(blocks[1]).toEqual({ kind: 'boilerplate', text: line, reason });
      }
    });
  }

  it('keeps prose that merely starts like boilerplate', () => {
    for (const line of [
      'By Tuesday the talks had collapsed, officials said.',
      'Photographs taken at the border show long queues of lorries.',
      'Advertising revenue at the broadcaster fell 12% last year.',
      'Sharing of intelligence between the two agencies will expand.',
      'More than 300 people were evacuated from the valley.',
      'By Tuesday, the rebels had withdrawn',
      'By Noon the Square Was Empty',
      'Register to vote by Friday, officials urged residents',
      'Credit by banks to small firms fell in May',
      "(C) - Sales made on the exporters' own account.",
      'Join the talks, the envoy said',
    ]) {
      const blocks = around(line);
      expect(blocks, line).toHaveLength(3);
      expect(blocks[1]?.kind, line).not.toBe('boilerplate');
    }
  });
});

describe('parseBoilerplate', () => {
  it('matches whole lines only, case rules from the flags', () => {
    const p = parseBoilerplate('# comment\n\npromo  /buy now/i\nbyline  /By [A-Z]\\w+/\n', 'test');
    expect(p.size).toBe(2);
    expect(p.match('  BUY NOW ')).toBe('promo');
    expect(p.match('buy now and save')).toBeNull();
    expect(p.match('By Smith')).toBe('byline');
    expect(p.match('by smith')).toBeNull();
  });

  it('names the file and line of a pattern that does not compile', () => {
    const source = 'ok  /fine/i\n# note\nbad  /unclosed(group/i\n';
    expect(() => parseBoilerplate(source, 'rules.txt')).toThrow(BoilerplateDictionaryError);
    expect(() => parseBoilerplate(source, 'rules.txt')).toThrow(/rules\.txt:3: invalid regex/);
  });

  it('rejects malformed lines, unknown flags, anchors and empty dictionaries', () => {
    expect(() => parseBoilerplate('just words', 'a.txt')).toThrow(/a\.txt:1: expected/);
    expect(() => parseBoilerplate('x  /ad/g', 'a.txt')).toThrow(/flags "g"/);
    expect(() => parseBoilerplate('x  /^ad/i', 'a.txt')).toThrow(/anchor/);
    expect(() => parseBoilerplate('x  /ad$/i', 'a.txt')).toThrow(/anchor/);
    expect(() => parseBoilerplate('# only comments\n', 'a.txt')).toThrow(/no patterns/);
  });
});
