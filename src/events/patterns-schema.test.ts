import { describe, expect, it } from 'vitest';
import {
  formatProblem,
  parseFrameFile,
  parsePatternFile,
  type GroupElement,
  type WordElement,
} from './patterns-schema.js';

function one(line: string) {
  const { patterns, problems } = parsePatternFile(line, 'x.txt');
  expect(problems.map(formatProblem)).toEqual([]);
  expect(patterns).toHaveLength(1);
  return patterns[0]!;
}

function errorsOf(text: string): string[] {
  return parsePatternFile(text, 'x.txt').problems.map(formatProblem);
}

describe('parsing a pattern line', () => {
  it('reads the id, code, kind, elements and trigger of a verb pattern', () => {
    const p = one('057.sign.v1  verb  $S sign|ink ...3 agreement (with|between $T)?');
    expect(p.id).toBe('057.sign.v1');
    expect(p.code).toBe('057');
    expect(p.kind).toBe('verb');
    expect(p.elements.map((e) => e.type)).toEqual(['slot', 'word', 'gap', 'word', 'group']);
    expect(p.trigger).toBe(1);
    const verb = p.elements[1] as WordElement;
    expect(verb.alternatives.map((a) => a.text)).toEqual(['sign', 'ink']);
    const group = p.elements[4] as GroupElement;
    expect(group.optional).toBe(true);
    expect(group.options[0]!.map((e) => e.type)).toEqual(['word', 'slot']);
    expect(p.elements[2]).toEqual({ type: 'gap', max: 3 });
    expect(p.body).toBe('$S sign|ink ...3 agreement (with|between $T)?');
  });

  it('takes the first required word as a noun trigger unless one is marked with ^', () => {
    expect(one('040.t.v1 noun talk|meeting between $S and $T').trigger).toBe(0);
    const marked = one('041.c.v1 noun phone|telephone ^call between $S and $T');
    expect(marked.trigger).toBe(1);
    expect(one('042.v.v1 noun $S? visit? ^trip to $T').trigger).toBe(2);
  });

  it('splits multi-token groups on / and hyphenated words into their tokens', () => {
    const p = one('0871.c.v1 verb $S sign (cease-fire / peace deal)');
    const group = p.elements[2] as GroupElement;
    const ceasefire = group.options[0]![0] as WordElement;
    expect(ceasefire.alternatives[0]).toEqual({
      text: 'cease-fire',
      tokens: ['cease', '-', 'fire'],
    });
    expect(group.options[1]!.map((e) => (e as WordElement).alternatives[0]!.text)).toEqual([
      'peace',
      'deal',
    ]);
  });

  it('reads exact and optional words and optional slots', () => {
    const p = one('040.t.v2 noun $S? =talks with? $T?');
    expect(p.elements[0]).toEqual({ type: 'slot', role: 'S', optional: true });
    expect((p.elements[1] as WordElement).exact).toBe(true);
    expect((p.elements[2] as WordElement).optional).toBe(true);
    expect(p.trigger).toBe(1);
  });

  it('reads every option', () => {
    const p = one(
      '163.s.v1 verb $S impose sanction on $T ; reciprocal ; active ; target=state,!igo ; source=GOV,MIL ; ' +
        'plover=COERCE/restrict/- ; threaten=1312 ; intent=none ; not=deal,accord ; conf=0.7',
    );
    expect(p.options).toEqual({
      reciprocal: true,
      active: true,
      clauseSubject: false,
      meeting: false,
      source: { anyOf: ['GOV', 'MIL'], noneOf: [] },
      target: { anyOf: ['state'], noneOf: ['igo'] },
      plover: { type: 'COERCE', mode: 'restrict', context: null },
      frames: { threaten: '1312', intent: null },
      not: ['deal', 'accord'],
      conf: 0.7,
    });
  });

  it('skips comments and blank lines and keeps line numbers', () => {
    const { patterns } = parsePatternFile('# header\n\n042.v.v1 verb $S visit $T\n', 'x.txt');
    expect(patterns[0]!.line).toBe(3);
  });

  it('reads @frames defaults before the first pattern', () => {
    const { directives, problems } = parsePatternFile(
      '@frames intent=036 appeal=026 reject=none\n040.m.v1 verb $S meet $T\n',
      'x.txt',
    );
    expect(problems).toEqual([]);
    expect(directives).toEqual({ frames: { intent: '036', appeal: '026', reject: null }, line: 1 });
  });
});

describe('syntax errors, one line each as file:line: message', () => {
  it.each([
    [
      'a verb pattern that does not start with $S',
      '042.v.v1 verb visit $T',
      'x.txt:1: pattern 042.v.v1: a verb pattern starts with $S',
    ],
    ['a verb pattern without its verb', '042.v.v1 verb $S $T', 'pattern has no trigger word'],
    [
      'a noun pattern without any required word',
      '040.t.v1 noun $S with? $T',
      'x.txt:1: pattern has no trigger word',
    ],
    ['^ in a verb pattern', '042.v.v1 verb $S ^visit $T', '^ is for noun patterns'],
    ['an optional trigger', '040.t.v1 noun ^talk? with $T', 'the trigger (^) cannot be optional'],
    ['two triggers', '040.t.v1 noun ^talk ^with $T', 'more than one trigger (^) marked'],
    ['an unbalanced group', '042.v.v1 verb $S visit (to $T', 'unbalanced parenthesis'],
    ['a stray closing parenthesis', '042.v.v1 verb $S visit to) $T', '")" outside a group'],
    ['a nested group', '042.v.v1 verb $S visit (a (b / c) / d)', 'groups cannot be nested'],
    [
      'an empty group alternative',
      '042.v.v1 verb $S visit (to $T / )',
      'empty alternative in a group',
    ],
    ['a slot twice', '040.t.v1 noun talk between $S and $S', 'slot $S appears more than once'],
    [
      'a slot twice through a group',
      '040.t.v1 noun talk with $T (and $T)?',
      'slot $T appears more than once',
    ],
    ['a gap at the end', '042.v.v1 verb $S visit ...', 'cannot start or end with a gap'],
    ['two gaps in a row', '042.v.v1 verb $S visit ... ...2 $T', 'two gaps in a row'],
    ['a gap too wide', '042.v.v1 verb $S visit ...9 $T', 'bad gap "...9"'],
    ['a gap inside a group', '042.v.v1 verb $S visit (... $T)', 'cannot stand inside a group'],
    ['an upper-case word', '042.v.v1 verb $S Visit $T', '"Visit": words are lower-case lemmas'],
    [
      'an empty alternative',
      '042.v.v1 verb $S visit||tour $T',
      'empty alternative in "visit||tour"',
    ],
    ['a repeated alternative', '042.v.v1 verb $S visit|visit $T', 'the same alternative twice'],
    ['an unknown slot', '042.v.v1 verb $S visit $X', 'unknown slot "$X"'],
    [
      '@EVENT outside frames',
      '036.m.v1 verb $S agree to @EVENT',
      '@EVENT is only allowed in frames.txt',
    ],
    ['a bad id', '42.visit verb $S visit $T', 'bad pattern id "42.visit"'],
    ['an upper-case id', '042.Visit.v1 verb $S visit $T', 'bad pattern id'],
    ['a bad kind', '042.v.v1 verbal $S visit $T', 'kind must be verb or noun'],
    ['an unknown option', '042.v.v1 verb $S visit $T ; fast', 'unknown option "fast"'],
    ['an unknown option key', '042.v.v1 verb $S visit $T ; speed=2', 'unknown option "speed"'],
    [
      'an option twice',
      '042.v.v1 verb $S visit $T ; conf=0.5 ; conf=0.6',
      'option conf given twice',
    ],
    ['a trailing ;', '042.v.v1 verb $S visit $T ;', 'empty option'],
    [
      'conf out of range',
      '042.v.v1 verb $S visit $T ; conf=1.5',
      'conf=1.5: a number above 0 and at most 1',
    ],
    [
      'an unknown sector',
      '042.v.v1 verb $S visit $T ; source=XYZ',
      'source=: unknown sector "XYZ"',
    ],
    [
      'an unknown class',
      '042.v.v1 verb $S visit $T ; target=country',
      '"country" is neither a sector code',
    ],
    [
      'a bad frame code',
      '042.v.v1 verb $S visit $T ; intent=36',
      'intent=36: a CAMEO event code of 3 or 4 digits, or none',
    ],
    [
      'a bad PLOVER override',
      '042.v.v1 verb $S visit $T ; plover=consult',
      'plover=consult: TYPE[/mode[/context]]',
    ],
    [
      'a bad not= word',
      '042.v.v1 verb $S visit $T ; not=Deal',
      'not=: "Deal" is not a lower-case word',
    ],
    [
      'active on a noun pattern',
      '042.v.v1 noun visit to $T ; active',
      '"active" only applies to verb patterns',
    ],
    [
      'clause-subject on a verb pattern',
      '042.v.v1 verb $S visit $T ; clause-subject',
      '"clause-subject" only applies to noun patterns',
    ],
    [
      '@frames after a pattern',
      '042.v.v1 verb $S visit $T\n@frames intent=036',
      'x.txt:2: @frames must come before the first pattern',
    ],
    ['an unknown directive', '@defaults intent=036', 'unknown directive "@defaults"'],
    ['a bad @frames kind', '@frames wish=036', '@frames: "wish=036" is not kind=code'],
  ])('reports %s', (_what, text, message) => {
    expect(errorsOf(text).join('\n')).toContain(message);
  });

  it('reports every bad line and keeps the good ones', () => {
    const { patterns, problems } = parsePatternFile(
      '042.a.v1 verb visit $T\n042.b.v1 verb $S visit $T\n042.c.v1 verb $S (visit\n',
      'f.txt',
    );
    expect(patterns.map((p) => p.id)).toEqual(['042.b.v1']);
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(['f.txt:1', 'f.txt:3']);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });
});

describe('parsing frames', () => {
  it('reads kind, trigger, @EVENT position and options', () => {
    const { frames, problems } = parseFrameFile(
      'appeal.urge appeal $S urge|ask $T to @EVENT\nnegate.deny negate $S deny @EVENT ; code=016 ; conf=0.9\n',
      'frames.txt',
    );
    expect(problems).toEqual([]);
    expect(frames[0]).toMatchObject({
      id: 'appeal.urge',
      kind: 'appeal',
      trigger: 1,
      event: 4,
      code: null,
      modality: 'hypothetical',
    });
    expect(frames[1]).toMatchObject({
      kind: 'negate',
      code: '016',
      modality: 'negated',
      conf: 0.9,
    });
  });

  it.each([
    ['a frame without @EVENT', 'intent.x intent $S agree to', 'a frame has exactly one @EVENT'],
    [
      'a frame with two @EVENT',
      'intent.x intent $S agree to @EVENT and @EVENT',
      'a frame has exactly one @EVENT',
    ],
    ['an unknown kind', 'wish.x wish $S wish to @EVENT', 'kind must be one of'],
    [
      'an id not starting with its kind',
      'intent.x appeal $S urge $T to @EVENT',
      'the id must start with its kind',
    ],
    ['a bad modality', 'intent.x intent $S agree to @EVENT ; modality=maybe', 'modality=maybe'],
    [
      'a pattern option',
      'intent.x intent $S agree to @EVENT ; reciprocal',
      'bad option "reciprocal"',
    ],
    ['a frame with no trigger word', 'negate.x negate $S @EVENT', 'pattern has no trigger word'],
  ])('reports %s', (_what, text, message) => {
    const { problems } = parseFrameFile(text, 'frames.txt');
    expect(problems.map(formatProblem).join('\n')).toContain(message);
  });
});
