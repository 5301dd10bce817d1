import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveActorsWithNotes } from '../actors/resolve-actors.js';
import { cleanText } from '../clean/clean-text.js';
import type { DocumentRecord, RawDocument } from '../core/document.js';
import { analyse } from '../nlp/analyse.js';
import { createContext, type Context } from '../pipeline/context.js';
import { identify } from '../pipeline/identify.js';
import { processDocument } from '../pipeline/process-document.js';
import {
  QuotationDataError,
  loadQuotationGrammar,
  loadSpeechVerbs,
  parseQuotationGrammar,
  parseSpeechVerbs,
} from './quotations-data.js';
import { createQuotationContext, findQuotations } from './quotations.js';

const HEAD = 'lemma\tforms\tclass\n';

function problems(source: string): string[] {
  try {
    parseSpeechVerbs(source, 'verbs.tsv');
  } catch (err) {
    if (err instanceof QuotationDataError) return err.message.split('\n');
    throw err;
  }
  return [];
}

describe('verbs.tsv validator', () => {
  it('loads the shipped file, with say and according to', () => {
    const verbs = loadSpeechVerbs();
    expect(verbs.find((v) => v.lemma === 'say')?.forms).toContainEqual(['said']);
    expect(verbs.find((v) => v.lemma === 'according to')?.kind).toBe('source');
  });

  it('reports file:line for each problem', () => {
    const src = `${HEAD}# comment\nsay\tsay|said\tspeech\ntell\ttold\tverb\nadd\tadded|Added\tspeech\nreply\tsaid\tspeech\nwarn\twarn out\tspeech\nask\n`;
    expect(problems(src)).toEqual([
      'verbs.tsv:4: unknown class "verb" (expected speech or source)',
      'verbs.tsv:5: form "Added": "Added" is not a lower-case word',
      'verbs.tsv:6: form "said" already listed on line 3',
      'verbs.tsv:7: form "warn out": a speech verb form is one word',
      'verbs.tsv:8: expected 3 tab-separated columns (lemma, forms, class), found 1',
    ]);
  });

  it('requires the header and at least one verb', () => {
    expect(problems('say\tsaid\tspeech\n')[0]).toMatch(/^verbs.tsv:1: expected the header line/);
    expect(problems(HEAD)).toEqual(['verbs.tsv:1: no speech verbs']);
  });

  it('reports a missing file as file:1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-quotes-'));
    expect(() => createQuotationContext({ verbsFile: join(dir, 'none.tsv') })).toThrow(
      /none\.tsv:1: file not found/,
    );
  });

  it('uses the verbs of the file it is given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-quotes-'));
    const file = join(dir, 'verbs.tsv');
    writeFileSync(file, `${HEAD}grumble\tgrumbled\tspeech\n`);
    expect(loadSpeechVerbs(file).map((v) => v.lemma)).toEqual(['grumble']);
  });
});

describe('grammar.tsv validator', () => {
  const grammarProblems = (source: string): string[] => {
    try {
      parseQuotationGrammar(source, 'grammar.tsv');
    } catch (err) {
      if (err instanceof QuotationDataError) return err.message.split('\n');
      throw err;
    }
    return [];
  };

  it('loads the shipped file', () => {
    const g = loadQuotationGrammar();
    expect(g['person-pronoun'].has('she')).toBe(true);
    expect(g['place-preposition'].has('in')).toBe(true);
  });

  it('reports file:line for each problem and every empty class', () => {
    const src = 'person-pronoun\the\nperson-pronoun\the\nverb\tsay\nquote-joiner\tThat\nodd\n';
    const p = grammarProblems(src);
    expect(p.slice(0, 4)).toEqual([
      'grammar.tsv:2: "he" is already listed in person-pronoun',
      'grammar.tsv:3: unknown class "verb" (one of person-pronoun, organisation-pronoun, noun-preposition, place-preposition, quote-joiner, quoted-as, passive-agent)',
      'grammar.tsv:4: "That" is not one lower-case word',
      'grammar.tsv:5: expected 2 tab-separated columns (class, word), found 1',
    ]);
    expect(p).toContain('grammar.tsv:1: class quote-joiner has no words');
    expect(p).not.toContain('grammar.tsv:1: class person-pronoun has no words');
  });
});

describe('findQuotations in documents', () => {
  let ctx: Context;
  beforeAll(async () => {
    ctx = await createContext();
  }, 60_000);

  const doc = (text: string, bodyStart = 0): DocumentRecord => {
    const raw: RawDocument = {
      kind: 'raw',
      id: null,
      date: '2024-03-20',
      url: null,
      title: null,
      text,
      bodyStart,
      provenance: { file: 't.txt' },
      warnings: [],
    };
    return processDocument(raw, identify(raw), null, ctx);
  };

  it('a multi-paragraph quote ends at the line end and carries its speaker over', () => {
    const text =
      'Sergei Lavrov spoke for an hour in Moscow on Tuesday.\n\n' +
      'He told the audience: "Our doors remain open to every partner in the region.\n\n' +
      '"No one should doubt our resolve," he said.\n';
    const d = doc(text);
    const q = d.quotations ?? [];
    expect(q.map((x) => x.text)).toEqual([
      'Our doors remain open to every partner in the region.',
      'No one should doubt our resolve',
    ]);
    expect(q.map((x) => x.speaker?.how)).toEqual(['pronoun', 'pronoun']);
    expect(q.map((x) => x.speaker?.code)).toEqual(['RUSGOV', 'RUSGOV']);
    const lavrov = d.entities[q[0]!.speaker!.entity!];
    expect(lavrov?.text).toBe('Sergei Lavrov');
  });

  it('"it said" resolves to the latest organisation or state, not a person', () => {
    const d = doc(
      'Antony Blinken met officials of the United Nations. "Access must be restored," it said.',
    );
    const q = d.quotations ?? [];
    expect(q).toHaveLength(1);
    expect(q[0]?.speaker?.code).toBe('IGOUNO');
    expect(q[0]?.speaker?.how).toBe('pronoun');
  });

  it('an unresolved "he" keeps the pronoun without a code', () => {
    const q = doc('"We will see," he said.').quotations ?? [];
    expect(q[0]?.speaker).toMatchObject({ text: 'he', code: null, entity: null, how: 'pronoun' });
  });

  it('skips quotes in heading sentences', () => {
    const text = '"Peace at last," Lavrov said.\n\n"Peace at last," Lavrov said again.';
    const a = analyse(ctx.nlp, text, cleanText(text, 0));
    const actors = { text, date: '2024-03-20', sentences: a.sentences, tokens: a.tokens };
    const { entities } = resolveActorsWithNotes(ctx.actors, actors);
    const q = createQuotationContext();
    expect(findQuotations(q, { ...actors, entities })).toHaveLength(2);
    const sentences = a.sentences.map((s) => (s.index === 0 ? { ...s, heading: true } : s));
    const found = findQuotations(q, { ...actors, sentences, entities });
    expect(found.map((x) => x.sentence)).toEqual([1]);
  });

  it('is absent when the knowledge layer is off', async () => {
    const plain = await createContext({ knowledge: false });
    const raw: RawDocument = {
      kind: 'raw',
      id: null,
      date: '2024-03-20',
      url: null,
      title: null,
      text: '"We will see," Lavrov said.',
      bodyStart: 0,
      provenance: { file: 't.txt' },
      warnings: [],
    };
    expect(processDocument(raw, identify(raw), null, plain).quotations).toBeUndefined();
  }, 60_000);

  it('is plain data a worker can send back', () => {
    const d = doc('"We will see," Lavrov said.');
    expect(structuredClone(d.quotations)).toEqual(d.quotations);
  });
});
