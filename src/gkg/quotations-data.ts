import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EntenteError } from '../core/errors.js';
import { defaultDictionariesDir } from './load-themes.js';

/**
 * Reader and validator for `dictionaries/quotations/verbs.tsv` (format in
 * dictionaries/README.md, section "Quotations"). Every problem is reported as
 * `file:line: message`, all problems of the file at once.
 *
 * @example
 * const verbs = parseSpeechVerbs(readFileSync(file, 'utf8'), file);
 * verbs.find((v) => v.forms.includes('said'))?.lemma; // 'say'
 */
export interface QuotationDataProblem {
  readonly file: string;
  /** 1-based line number. */
  readonly line: number;
  readonly message: string;
}

/** Quotation data that cannot be used; carries every problem found. */
export class QuotationDataError extends EntenteError {
  readonly problems: readonly QuotationDataProblem[];

  constructor(problems: readonly QuotationDataProblem[]) {
    const shown = problems.slice(0, 20).map((p) => `${p.file}:${p.line}: ${p.message}`);
    const more = problems.length > shown.length ? `\n(${problems.length - shown.length} more)` : '';
    super(shown.join('\n') + more);
    this.name = 'QuotationDataError';
    this.problems = problems;
  }
}

/**
 * `speech`: a verb whose subject is the speaker ("Lavrov said", "said Lavrov");
 * `source`: a phrase followed by the speaker ("according to the ministry").
 */
export type SpeechVerbClass = 'speech' | 'source';

export interface SpeechVerb {
  readonly lemma: string;
  /** Each form as its lower-case words ("according to" → ['according', 'to']). */
  readonly forms: readonly (readonly string[])[];
  readonly kind: SpeechVerbClass;
  readonly line: number;
}

const HEADER = 'lemma\tforms\tclass';
const WORD = /^[a-z][a-z'-]*$/;

/** Parses `verbs.tsv`; throws `QuotationDataError` listing every problem. */
export function parseSpeechVerbs(source: string, file: string): SpeechVerb[] {
  const problems: QuotationDataProblem[] = [];
  const bad = (line: number, message: string): void => void problems.push({ file, line, message });
  const lines = source.split(/\r?\n/);
  const verbs: SpeechVerb[] = [];
  const formLine = new Map<string, number>();
  let sawHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const text = lines[i] as string;
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    if (!sawHeader) {
      sawHeader = true;
      if (text.trim() !== HEADER) bad(line, `expected the header line "lemma\\tforms\\tclass"`);
      continue;
    }
    const cols = text.split('\t');
    if (cols.length !== 3) {
      bad(line, `expected 3 tab-separated columns (lemma, forms, class), found ${cols.length}`);
      continue;
    }
    const [lemma = '', formsText = '', kindText = ''] = cols.map((c) => c.trim());
    if (kindText !== 'speech' && kindText !== 'source') {
      bad(line, `unknown class "${kindText}" (expected speech or source)`);
      continue;
    }
    if (lemma === '') bad(line, 'empty lemma');
    const forms: string[][] = [];
    for (const form of formsText.split('|')) {
      const words = form.trim().split(/\s+/).filter(Boolean);
      if (words.length === 0) {
        bad(line, 'empty form');
        continue;
      }
      const wrong = words.find((w) => !WORD.test(w));
      if (wrong !== undefined) {
        bad(line, `form "${form}": "${wrong}" is not a lower-case word`);
        continue;
      }
      if (kindText === 'speech' && words.length > 1) {
        bad(line, `form "${form}": a speech verb form is one word`);
        continue;
      }
      const key = words.join(' ');
      const first = formLine.get(key);
      if (first !== undefined) {
        bad(line, `form "${key}" already listed on line ${first}`);
        continue;
      }
      formLine.set(key, line);
      forms.push(words);
    }
    if (forms.length > 0) verbs.push({ lemma, forms, kind: kindText, line });
  }
  if (!sawHeader) bad(1, `expected the header line "lemma\\tforms\\tclass"`);
  if (problems.length === 0 && verbs.length === 0) bad(1, 'no speech verbs');
  if (problems.length > 0) throw new QuotationDataError(problems);
  return verbs;
}

/**
 * Classes of `grammar.tsv`:
 * - `person-pronoun`: a subject taken as the latest PERSON entity ("he");
 * - `organisation-pronoun`: a subject taken as the latest state or organisation ("it");
 * - `noun-preposition`: a preposition inside a speaker phrase ("the head of the agency");
 * - `place-preposition`: one that puts a place, not a principal, in it ("a trader in Tokyo");
 * - `quote-joiner`: a word between a speech verb and its quote ("said that \"…\"");
 * - `quoted-as`, `passive-agent`: "X was quoted by Y as saying".
 */
export const GRAMMAR_CLASSES = [
  'person-pronoun',
  'organisation-pronoun',
  'noun-preposition',
  'place-preposition',
  'quote-joiner',
  'quoted-as',
  'passive-agent',
] as const;

export type GrammarClass = (typeof GRAMMAR_CLASSES)[number];

export type QuotationGrammar = Readonly<Record<GrammarClass, ReadonlySet<string>>>;

/** Parses `grammar.tsv` (`class<TAB>word`); every class must have a word. */
export function parseQuotationGrammar(source: string, file: string): QuotationGrammar {
  const problems: QuotationDataProblem[] = [];
  const bad = (line: number, message: string): void => void problems.push({ file, line, message });
  const sets = new Map<string, Set<string>>(GRAMMAR_CLASSES.map((c) => [c, new Set<string>()]));
  source.split(/\r?\n/).forEach((text, i) => {
    const line = i + 1;
    if (text.trim() === '' || text.trimStart().startsWith('#')) return;
    const cols = text.split('\t').map((c) => c.trim());
    if (cols.length !== 2) {
      bad(line, `expected 2 tab-separated columns (class, word), found ${cols.length}`);
      return;
    }
    const [cls = '', word = ''] = cols;
    const set = sets.get(cls);
    if (set === undefined) {
      bad(line, `unknown class "${cls}" (one of ${GRAMMAR_CLASSES.join(', ')})`);
      return;
    }
    if (!WORD.test(word)) bad(line, `"${word}" is not one lower-case word`);
    else if (set.has(word)) bad(line, `"${word}" is already listed in ${cls}`);
    else set.add(word);
  });
  for (const [cls, set] of sets) if (set.size === 0) bad(1, `class ${cls} has no words`);
  if (problems.length > 0) throw new QuotationDataError(problems);
  return Object.fromEntries(sets) as unknown as QuotationGrammar;
}

/** Reads and validates a grammar file. */
export function loadQuotationGrammar(
  file: string = path.join(defaultDictionariesDir(), 'quotations', 'grammar.tsv'),
): QuotationGrammar {
  return parseQuotationGrammar(readSource(file), file);
}

function readSource(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file not found' : (err as Error).message;
    throw new QuotationDataError([{ file, line: 1, message }]);
  }
}

/** `dictionaries/quotations/verbs.tsv` of this checkout. */
export function defaultSpeechVerbsFile(): string {
  return path.join(defaultDictionariesDir(), 'quotations', 'verbs.tsv');
}

/** Reads and validates a verbs file; a missing file is a `QuotationDataError` too. */
export function loadSpeechVerbs(file: string = defaultSpeechVerbsFile()): SpeechVerb[] {
  return parseSpeechVerbs(readSource(file), file);
}
