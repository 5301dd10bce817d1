/**
 * The function words the event matcher reads as grammar (negations, relative pronouns,
 * clause ends...), from `dictionaries/events/grammar.tsv` (format in dictionaries/README.md,
 * "Grammar words"). Validated on load; every problem is reported as `file:line: message`.
 *
 * @example
 * const g = loadGrammar();
 * g.negation.has('never'); // true
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { dictionariesDir, displayPath } from './cameo-table.js';
import { EventDataError, type EventDataProblem } from './patterns-schema.js';

export const GRAMMAR_CLASSES = [
  'negation',
  'possessive',
  'subject-pronoun',
  'relative',
  'coordinator',
  'heading-preposition',
  'clause-end',
  'passive-auxiliary',
  'agent-preposition',
  'attribution',
  'place-preposition',
  'modal',
  'cause-preposition',
  'year-preposition',
] as const;

export type GrammarClass = (typeof GRAMMAR_CLASSES)[number];

/** Word sets by class; `headingPreposition` and the like in camel case. */
export interface Grammar {
  readonly negation: ReadonlySet<string>;
  readonly possessive: ReadonlySet<string>;
  readonly subjectPronoun: ReadonlySet<string>;
  readonly relative: ReadonlySet<string>;
  readonly coordinator: ReadonlySet<string>;
  readonly headingPreposition: ReadonlySet<string>;
  readonly clauseEnd: ReadonlySet<string>;
  readonly passiveAuxiliary: ReadonlySet<string>;
  readonly agentPreposition: ReadonlySet<string>;
  /** Reporting words: an actor next to one is the speaker, not a target ("the embassy said"). */
  readonly attribution: ReadonlySet<string>;
  /** Prepositions before a place, which CAMEO codes as the target when no other is named. */
  readonly placePreposition: ReadonlySet<string>;
  /** Modal auxiliaries: the pattern verb after one is a verb whatever its tag ("would free"). */
  readonly modal: ReadonlySet<string>;
  /** Before the violence a passive act happened in: "killed *in* an Israeli strike". */
  readonly causePreposition: ReadonlySet<string>;
  /** Before a year that dates the act: "troops clashed *in* 2020". */
  readonly yearPreposition: ReadonlySet<string>;
}

const HEADER = 'class\twords';
const WORD = /^(?:[a-z]+(?:'[a-z]+)?|n't|[,;:.&(]|--)$/;

function camel(c: GrammarClass): keyof Grammar {
  return c.replace(/-([a-z])/g, (_, x: string) => x.toUpperCase()) as keyof Grammar;
}

/** Parses the text of a grammar file; `file` names it in problems. */
export function parseGrammar(
  text: string,
  file: string,
): { grammar: Grammar | null; problems: EventDataProblem[] } {
  const problems: EventDataProblem[] = [];
  const err = (line: number, message: string): void => {
    problems.push({ file, line, message, severity: 'error' });
  };
  const sets = new Map<GrammarClass, Set<string>>();
  let header = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    if (!header) {
      if (raw !== HEADER) err(line, `expected the header "class<TAB>words"`);
      header = true;
      return;
    }
    const fields = raw.split('\t');
    if (fields.length !== 2) {
      err(line, `expected 2 tab-separated fields, found ${fields.length}`);
      return;
    }
    const [cls, words] = fields as [string, string];
    if (!(GRAMMAR_CLASSES as readonly string[]).includes(cls)) {
      err(line, `unknown class "${cls}" (one of ${GRAMMAR_CLASSES.join(', ')})`);
      return;
    }
    if (sets.has(cls as GrammarClass)) {
      err(line, `class "${cls}" given twice`);
      return;
    }
    const list = words.split(' ').filter((w) => w !== '');
    if (list.length === 0) err(line, `class "${cls}" has no words`);
    for (const w of list)
      if (!WORD.test(w)) err(line, `"${w}" is not a lower-case word or punctuation`);
    sets.set(cls as GrammarClass, new Set(list));
  });
  if (!header) err(0, 'the file is empty');
  for (const c of GRAMMAR_CLASSES) if (header && !sets.has(c)) err(0, `class "${c}" is missing`);
  if (problems.length > 0) return { grammar: null, problems };
  const grammar = Object.fromEntries(
    GRAMMAR_CLASSES.map((c) => [camel(c), sets.get(c) as ReadonlySet<string>]),
  ) as unknown as Grammar;
  return { grammar: Object.freeze(grammar), problems };
}

export const GRAMMAR_FILE = 'grammar.tsv';

/** Loads `grammar.tsv` from `dir` (default `dictionaries/events`); throws `EventDataError`. */
export function loadGrammar(dir: string = path.join(dictionariesDir(), 'events')): Grammar {
  const full = path.join(dir, GRAMMAR_FILE);
  const file = displayPath(full);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (cause) {
    throw new EventDataError('the grammar words', [
      { file, line: 0, message: `cannot read: ${(cause as Error).message}`, severity: 'error' },
    ]);
  }
  const { grammar, problems } = parseGrammar(text, file);
  if (grammar === null) throw new EventDataError('the grammar words', problems);
  return grammar;
}
