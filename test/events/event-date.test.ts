import { describe, expect, it } from 'vitest';
import { resolveEventDate } from '../../src/events/event-date.js';

// 2024-03-20 is a Wednesday.
const DOC = '2024-03-20';

describe('resolveEventDate', () => {
  it.each([
    ['The two leaders spoke on Tuesday.', '2024-03-19', 'Tuesday'],
    ['The two leaders spoke on Wednesday.', '2024-03-20', 'Wednesday'],
    ['The two leaders spoke on Thursday.', '2024-03-14', 'Thursday'],
    ['The ministers met yesterday.', '2024-03-19', 'yesterday'],
    ['The ministers met last week.', '2024-03-13', 'last week'],
    ['The ministers met last month.', '2024-02-20', 'last month'],
    ['The ministers met last year.', '2023-03-20', 'last year'],
    ['The ministers met two days ago.', '2024-03-18', 'two days ago'],
    ['The treaty was signed on March 5.', '2024-03-05', 'March 5'],
    ['The treaty was signed on 5 March.', '2024-03-05', '5 March'],
    ['The treaty was signed on Dec. 12.', '2023-12-12', 'Dec. 12'],
    ['The treaty was signed on June 1, 2021.', '2021-06-01', 'June 1, 2021'],
  ])('%s → %s', (sentence, date, text) => {
    expect(resolveEventDate(sentence, DOC)).toEqual({ date, resolved: true, text });
  });

  it('keeps the document date, flagged, for vague or absent time words', () => {
    expect(resolveEventDate('The ministers met earlier this month.', DOC)).toEqual({
      date: DOC,
      resolved: false,
      text: null,
    });
    expect(resolveEventDate('The ministers met.', DOC).resolved).toBe(false);
  });

  it('gives null without a document date', () => {
    expect(resolveEventDate('They met on Tuesday.', null)).toEqual({
      date: null,
      resolved: false,
      text: null,
    });
  });

  it('rolls over month ends and leap days', () => {
    expect(resolveEventDate('They met yesterday.', '2024-03-01').date).toBe('2024-02-29');
    expect(resolveEventDate('They met last month.', '2024-03-31').date).toBe('2024-02-29');
  });
});
