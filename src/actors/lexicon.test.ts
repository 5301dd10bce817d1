import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntenteError } from '../core/errors.js';
import { loadKb } from '../kb/load.js';
import {
  formatLexiconError,
  LEXICON_CLASSES,
  LexiconValidationError,
  loadLexicon,
  parseAmbiguity,
  parseLexicon,
} from './lexicon.js';

describe('parseLexicon', () => {
  it('reads class, term and value, skipping comments and blank lines', () => {
    const { entries, errors } = parseLexicon(
      '# comment\n\nhonorific\tGen.\tMIL\nspeech\tsaid\t-\nhead\tForum\tEVENT\n',
      'lex.tsv',
    );
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      { cls: 'honorific', term: 'Gen.', value: 'MIL', line: 3 },
      { cls: 'speech', term: 'said', value: null, line: 4 },
      { cls: 'head', term: 'Forum', value: 'EVENT', line: 5 },
    ]);
  });

  it('reports every problem as file:line: message', () => {
    const text = [
      'titel\tPresident\t-',
      'honorific\tGen.\tmilitary',
      'speech\ttold\tYES',
      'head\tForum\tPLACE',
      'modifier\tformer',
      'speech\tsaid\t-',
      'speech\tSaid\t-',
      'office-group\tpresident\tHEAD',
      'abbreviation\tSt.\t-',
      'speech',
      'speech\t said\t-',
    ].join('\n');
    const { errors } = parseLexicon(text, 'dictionaries/actors/lexicon.tsv');
    expect(errors.map(formatLexiconError)).toEqual([
      expect.stringMatching(/^dictionaries\/actors\/lexicon\.tsv:1: unknown class "titel"/),
      'dictionaries/actors/lexicon.tsv:2: class honorific: value must be a 3-letter CAMEO sector or -, found "military"',
      'dictionaries/actors/lexicon.tsv:3: class speech takes no value (write -), found "YES"',
      'dictionaries/actors/lexicon.tsv:4: class head: value must be one of ORG, EVENT, AGREEMENT, FACILITY, PROJECT, LOCATION, found "PLACE"',
      'dictionaries/actors/lexicon.tsv:5: class modifier: value must be one of ELI, NOTHOLDER, TITLE, found "-"',
      'dictionaries/actors/lexicon.tsv:7: "Said" is already listed as speech on line 6',
      'dictionaries/actors/lexicon.tsv:8: class office-group: the term must be a role id (entente:role:...), found "president"',
      'dictionaries/actors/lexicon.tsv:9: class abbreviation: write the word in lower case without its period',
      'dictionaries/actors/lexicon.tsv:10: expected class<TAB>term<TAB>value, found 1 column',
      'dictionaries/actors/lexicon.tsv:11: the term is empty or has surrounding spaces',
    ]);
  });
});

describe('parseAmbiguity', () => {
  it('reads form, type and cue words', () => {
    const { rules, errors } = parseAmbiguity('# c\nGeorgia\tLOCATION\tAtlanta|county\n', 'a.tsv');
    expect(errors).toEqual([]);
    expect(rules).toEqual([
      { form: 'Georgia', type: 'LOCATION', cues: ['Atlanta', 'county'], line: 2 },
    ]);
  });

  it('rejects bad types, empty or multi-word cues and missing columns', () => {
    const { errors } = parseAmbiguity(
      'Georgia\tplace\tAtlanta\nJordan\tPERSON\tNBA||Bulls\nChad\tPERSON\tNew York\nTurkey\tFOOD',
      'a.tsv',
    );
    expect(errors.map(formatLexiconError)).toEqual([
      'a.tsv:1: the type must be a word in capitals, found "place"',
      'a.tsv:2: cues are single words separated by |, with no empty cue',
      'a.tsv:3: cues are single words separated by |, with no empty cue',
      'a.tsv:4: expected form<TAB>type<TAB>cues, found 2 columns',
    ]);
  });
});

describe('loadLexicon', () => {
  it('loads the repository lexicon, every class present', async () => {
    const lex = await loadLexicon();
    const classes = new Set(lex.entries.map((e) => e.cls));
    for (const cls of Object.keys(LEXICON_CLASSES))
      expect(classes.has(cls as never), cls).toBe(true);
    expect(lex.ambiguity.some((r) => r.form === 'Georgia')).toBe(true);
  });

  it('names only knowledge-base roles in office groups, and adds no role noun the KB has', async () => {
    const [lex, kb] = await Promise.all([loadLexicon(), loadKb()]);
    const roleIds = new Set(kb.compiled.entries.filter((e) => e.type === 'ROLE').map((e) => e.id));
    for (const e of lex.entries.filter((x) => x.cls === 'office-group')) {
      expect(roleIds.has(e.term), `lexicon.tsv:${e.line}: ${e.term}`).toBe(true);
    }
    for (const e of lex.entries.filter((x) => x.cls === 'role')) {
      const kbRole = kb
        .lookup(e.term)
        .some(([i, kind]) => kind === 'term' && kb.compiled.entries[i]!.type === 'ROLE');
      expect(kbRole, `lexicon.tsv:${e.line}: "${e.term}" is already a KB role noun`).toBe(false);
    }
  });

  it('throws a typed error listing every problem, and one for a missing folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-lexicon-'));
    writeFileSync(join(dir, 'lexicon.tsv'), 'speech\tsaid\tX\nnope\tx\t-\n');
    writeFileSync(join(dir, 'ambiguous.tsv'), 'Georgia\tLOCATION\t\n');
    const error = await loadLexicon(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LexiconValidationError);
    expect((error as LexiconValidationError).errors).toHaveLength(3);
    expect((error as Error).message).toMatch(/3 errors; first: .*lexicon\.tsv:1: class speech/);
    await expect(loadLexicon(join(dir, 'missing'))).rejects.toBeInstanceOf(EntenteError);
  });
});
