import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../clean/clean-text.js';
import { EntenteError } from '../core/errors.js';
import { tempDir } from '../../test/helpers.js';
import { analyse, createNlp } from './analyse.js';
import { winkTokeniser } from './create-nlp.js';
import {
  EXPRESSION_FILES,
  ExpressionDictionaryError,
  compileExpressionLexicon,
  loadExpressionDictionaries,
  parseExpressionDictionaries,
  type ExpressionFile,
} from './expression-lexicon.js';
import { recogniseExpressions } from './expressions.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIR = join(REPO, 'dictionaries', 'expressions');
const nlp = createNlp();
const tokenise = winkTokeniser(nlp.wink);

type Sources = Record<ExpressionFile, { text: string; origin: string }>;

function shipped(): Sources {
  const out = {} as Sources;
  for (const f of EXPRESSION_FILES)
    out[f] = { text: readFileSync(join(DIR, f), 'utf8'), origin: f };
  return out;
}

/** The shipped sources with `line` appended to `file`. */
function withLine(file: ExpressionFile, line: string): { sources: Sources; lineNo: number } {
  const sources = shipped();
  const text = sources[file].text.replace(/\n*$/, '\n') + line + '\n';
  sources[file] = { text, origin: file };
  return { sources, lineNo: text.split('\n').length - 1 };
}

function parseError(file: ExpressionFile, line: string): ExpressionDictionaryError {
  const { sources } = withLine(file, line);
  try {
    parseExpressionDictionaries(sources);
  } catch (err) {
    if (err instanceof ExpressionDictionaryError) return err;
    throw err;
  }
  throw new Error(`no error for ${file}: ${line}`);
}

describe('expression dictionaries', () => {
  it('load, validate and compile from dictionaries/expressions', () => {
    const d = loadExpressionDictionaries(DIR);
    expect(d.numbers.length).toBeGreaterThan(50);
    expect(d.currencies.length).toBeGreaterThan(100);
    // Every full month name stands alone but "May", a surname and a modal verb.
    const alone = d.months.filter((m) => m.guard === 'none').map((m) => m.month);
    expect(alone).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12]);
    const lex = compileExpressionLexicon(d, tokenise);
    expect(lex.scales.get('mln')).toBe(1e6);
    // Forms are keyed by the tokeniser's normal form: "tonnes" normalises to "tons".
    expect(lex.countNouns.has('tons')).toBe(true);
    // A capitalised form keeps its spelling so that only "March" (not "march") matches.
    expect(lex.months.get('march')?.[0]?.tokens[0]?.exact).toBe('March');
    expect(lex.currencyAfter.get('dollars')?.[0]?.tokens[0]?.exact).toBeNull();
  });

  it('are each documented in dictionaries/README.md', () => {
    const readme = readFileSync(join(REPO, 'dictionaries', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Expressions'));
    expect(section.startsWith('## Expressions')).toBe(true);
    for (const f of EXPRESSION_FILES) expect(section).toContain(`  ${f}  `);
  });

  const bad: [ExpressionFile, string, RegExp][] = [
    ['numbers.txt', 'cardinal  x  seven', /"x" is not a decimal number/],
    ['numbers.txt', 'multiple  7  seven', /unknown kind "multiple"/],
    ['numbers.txt', 'cardinal  7  Seven', /must be one lower-case word/],
    ['numbers.txt', 'cardinal  7', /expected "kind value word"/],
    ['numbers.txt', 'cardinal  7  seven', /duplicate of line \d+/],
    ['connectors.txt', 'through  to', /unknown role "through"/],
    ['currencies.txt', 'usd  after  bucks', /must be an ISO 4217 code/],
    ['currencies.txt', 'USD  beside  bucks', /unknown place "beside"/],
    ['currencies.txt', 'EUR  before  $', /duplicate of line \d+/],
    ['percent.txt', 'permille  ‰', /unknown unit "permille"/],
    ['durations.txt', 'Year  annums', /must be one lower-case word/],
    ['calendar.txt', 'month  13  Undecember', /month "13" must be a whole number from 1 to 12/],
    ['calendar.txt', 'month  3  march', /must be capitalised/],
    ['calendar.txt', 'month  3  Mars  maybe', /unknown guard "maybe"/],
    ['calendar.txt', 'weekday  8  Funday', /weekday "8"/],
    ['calendar.txt', 'season  spring', /unknown kind "season"/],
    ['relative-dates.txt', '<count> days hence', /unknown placeholder "<count>"/],
    ['relative-dates.txt', '<number> <unit>', /needs at least one word/],
    ['times.txt', 'clock  teatime', /unknown kind "clock"/],
    ['count-nouns.txt', 'head of cattle', /expected "word"/],
  ];

  it.each(bad)('%s: a bad line "%s" is a file:line error', (file, line, message) => {
    const err = parseError(file, line);
    const { lineNo } = withLine(file, line);
    expect(err).toBeInstanceOf(EntenteError);
    expect(err.message).toMatch(message);
    expect(err.message.startsWith(`${file}:`)).toBe(true);
    // Duplicates name the later line; every other error names the line just added.
    if (!/duplicate/.test(err.message))
      expect(err.message).toMatch(new RegExp(`^${file}:${lineNo}: `));
    expect(err.origin).toBe(file);
  });

  it('rejects a file with no entries', () => {
    const sources = shipped();
    sources['times.txt'] = { text: '# nothing here\n\n', origin: 'times.txt' };
    expect(() => parseExpressionDictionaries(sources)).toThrow(/^times\.txt:1: no entries$/);
  });

  it('rejects at compile time a number word the tokeniser splits in two', () => {
    const { sources, lineNo } = withLine('numbers.txt', 'cardinal  11  one-one');
    const d = parseExpressionDictionaries(sources);
    expect(() => compileExpressionLexicon(d, tokenise)).toThrow(
      new RegExp(`^numbers\\.txt:${lineNo}: "one-one" must be one token`),
    );
  });

  it('names the file path and line when loading from a directory', () => {
    const dir = tempDir('entente-expr-');
    mkdirSync(join(dir, 'x'));
    for (const f of EXPRESSION_FILES) writeFileSync(join(dir, f), readFileSync(join(DIR, f)));
    writeFileSync(join(dir, 'percent.txt'), 'percent  %\npercent\n');
    expect(() => loadExpressionDictionaries(dir)).toThrow(
      `${join(dir, 'percent.txt')}:2: expected "unit form"`,
    );
    expect(() => loadExpressionDictionaries(join(dir, 'x'))).toThrow(
      /cannot read expression dictionary .*numbers\.txt/,
    );
  });

  it('drives the recogniser: a currency added as data is found, with no code change', () => {
    const text = 'The exchange moved 5 bitcoins and 40 dollars.';
    const a = analyse(nlp, text, cleanText(text, 0));
    expect(a.expressions.map((e) => e.text)).toEqual(['5', '40 dollars']);
    const { sources } = withLine('currencies.txt', 'XBT  after  bitcoins');
    const lex = compileExpressionLexicon(parseExpressionDictionaries(sources), tokenise);
    const found = recogniseExpressions(text, a.tokens, lex);
    expect(found.map((e) => [e.type, e.text, e.value, e.unit])).toEqual([
      ['MONEY', '5 bitcoins', 5, 'XBT'],
      ['MONEY', '40 dollars', 40, 'USD'],
    ]);
  });
});
