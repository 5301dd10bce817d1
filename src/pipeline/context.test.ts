import { describe, expect, it } from 'vitest';
import { EntenteError } from '../core/errors.js';
import { createContext } from './context.js';

describe('createContext', () => {
  it('loads only the NLP model for ingest --no-code, and says so when more is read', async () => {
    const ctx = await createContext({ coding: false });
    expect(ctx.nlp).toBeDefined();
    expect(() => ctx.actors).toThrow(EntenteError);
    expect(() => ctx.places).toThrow(/places data were not loaded/);
  });

  it('leaves the knowledge layer out when it is switched off', async () => {
    const ctx = await createContext({ knowledge: false });
    expect(ctx.events.patterns).toBeDefined();
    expect(() => ctx.themes).toThrow(EntenteError);
  });
});
