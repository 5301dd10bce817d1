import { describe, expect, it } from 'vitest';
import { explain } from '../../src/events/explain.js';

describe('explain', () => {
  it('shows tokens, actors, the pattern tried, the roles and the passive reading', async () => {
    const e = await explain('Ukraine was attacked by Russian forces on Tuesday.', '2024-03-20');
    expect(e.text).toContain('attacked/VERB(attack)');
    expect(e.text).toMatch(/"Ukraine" UKR/);
    expect(e.text).toContain('190.attack.v1');
    expect(e.text).toContain('passive: the agent after "by"');
    expect(e.document.events.map((x) => [x.source?.code, x.target?.code, x.cameo])).toEqual([
      ['RUSMIL', 'UKR', '190'],
    ]);
    expect(e.trace.steps.some((s) => s.kind === 'event')).toBe(true);
  }, 60_000);

  it('says why a negated event was not coded', async () => {
    const e = await explain('Russia did not attack Ukraine on Monday.', '2024-03-20');
    expect(e.document.events).toEqual([]);
    expect(e.trace.steps.some((s) => s.kind === 'drop' && s.message.includes('negated'))).toBe(
      true,
    );
    expect(e.text).toContain('negated, not coded');
  }, 60_000);
});
