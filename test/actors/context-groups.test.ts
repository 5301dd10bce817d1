import { beforeAll, describe, expect, it } from 'vitest';
import { parseLexicon } from '../../src/actors/lexicon.js';
import { createActorKit, type ActorKit } from './kit.js';

describe('bare group nouns take the country the text is about', () => {
  let kit: ActorKit;
  beforeAll(async () => {
    kit = await createActorKit();
  });

  const group = (text: string, word: string, date = '2024-03-20') => {
    const { entities } = kit.resolve(text, date);
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    return entities.find((e) => e.text.toLowerCase() === word);
  };

  it('uses a country named after a place preposition in the sentence', () => {
    const e = group('Police fired tear gas at crowds in Caracas on Friday.', 'police');
    expect(e?.code).toBe('VENCOP');
    expect(e?.how).toBe('context');
    expect(e?.sector).toBe('COP');
  });

  it('uses the country right after "from" or "in" before the document country', () => {
    const text =
      'Canada welcomed the decision. Officials met dissidents from Belarus in Ottawa on Monday.';
    expect(group(text, 'dissidents')?.code).toBe('BLROPP');
  });

  it('takes the country word right before the noun', () => {
    expect(group('Israel said it freed 40 Palestinian prisoners.', 'prisoners')?.code).toBe(
      'PSECRM',
    );
  });

  it('falls back to the state the document names most', () => {
    const text =
      'Ghana raised fuel prices. Ghana also cut subsidies. Workers walked out on Tuesday.';
    expect(group(text, 'workers')?.code).toBe('GHALAB');
  });

  it('keeps no code when the text names no country', () => {
    const e = group('Demonstrators gathered outside the stadium.', 'demonstrators');
    expect(e).toBeDefined();
    expect(e?.code).toBeNull();
  });

  it('leaves a country word with its role noun as one mention', () => {
    const { entities } = kit.resolve('Egyptian police detained two reporters.', '2024-03-20');
    expect(entities.map((e) => [e.text, e.code])).toContainEqual(['Egyptian police', 'EGYCOP']);
  });
});

describe('the context-group lexicon class', () => {
  it('takes a CAMEO sector and reports a bad one as file:line', () => {
    const ok = parseLexicon('context-group\trebels\tREB\ncontext-link\tfrom\t-\n', 'lex.tsv');
    expect(ok.errors).toEqual([]);
    const bad = parseLexicon('context-group\trebels\trebel\n', 'lex.tsv');
    expect(bad.errors[0]).toMatchObject({ file: 'lex.tsv', line: 1 });
  });
});
