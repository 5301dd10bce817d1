import { describe, expect, it } from 'vitest';
import { GRAMMAR_CLASSES, loadGrammar, parseGrammar } from '../../src/events/grammar.js';
import { formatProblem } from '../../src/events/patterns-schema.js';

const HEADER = 'class\twords\n';
const ALL = GRAMMAR_CLASSES.map((c) => `${c}\tx`).join('\n');

describe('grammar words', () => {
  it('loads the shipped file with every class', () => {
    const g = loadGrammar();
    expect(g.negation.has('not')).toBe(true);
    expect(g.relative.has('which')).toBe(true);
    expect(g.agentPreposition.has('by')).toBe(true);
  });

  it('parses a complete file into word sets', () => {
    const { grammar, problems } = parseGrammar(`# note\n${HEADER}${ALL}\n`, 'g.tsv');
    expect(problems).toEqual([]);
    expect([...grammar!.clauseEnd]).toEqual(['x']);
  });

  it('reports each problem as file:line: message', () => {
    const text = `${HEADER}negation\tnot\nnegation\tnever\nmood\tif\npossessive\tHis\nrelative\n`;
    const { grammar, problems } = parseGrammar(text, 'g.tsv');
    expect(grammar).toBeNull();
    const shown = problems.map(formatProblem);
    expect(shown).toContain('g.tsv:3: class "negation" given twice');
    expect(shown.some((s) => s.startsWith('g.tsv:4: unknown class "mood"'))).toBe(true);
    expect(shown).toContain('g.tsv:5: "His" is not a lower-case word or punctuation');
    expect(shown).toContain('g.tsv:6: expected 2 tab-separated fields, found 1');
    expect(shown).toContain('g.tsv:0: class "clause-end" is missing');
  });

  it('needs the header line', () => {
    const { problems } = parseGrammar(`negation\tnot\n`, 'g.tsv');
    expect(problems.map(formatProblem)[0]).toBe('g.tsv:1: expected the header "class<TAB>words"');
  });
});
