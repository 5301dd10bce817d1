import { describe, expect, it } from 'vitest';
import { daysInMonth, parseDate } from './parse-date.js';

describe('parseDate', () => {
  it.each([
    ['2024-03-20', '2024-03-20'],
    ['1987-02-26T15:01:01', '1987-02-26'],
    ['2024-03-20T23:30:00-05:00', '2024-03-20'],
    ['2024-03-20 08:00:00', '2024-03-20'],
    ['2024/3/5', '2024-03-05'],
    ['20240320', '2024-03-20'],
    ['Wed, 20 Mar 2024 10:00:00 GMT', '2024-03-20'],
    ['Fri, 21 Jun 2024 16:20:00 +0200', '2024-06-21'],
    ['20 Mar 2024', '2024-03-20'],
    ['Thu, 5 Mar 87 09:00:00 EST', '1987-03-05'],
    ['26-FEB-1987 15:01:01.79', '1987-02-26'],
    ['March 20, 2024', '2024-03-20'],
    ['Wednesday, 20 March 2024', '2024-03-20'],
    ['Sept. 9, 2023', '2023-09-09'],
    ['1710892800', '2024-03-20'],
    ['1710892800000', '2024-03-20'],
    ['  2024-03-20  ', '2024-03-20'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ date: expected });
  });

  it('rejects 2024-02-30 and says why', () => {
    expect(parseDate('2024-02-30')).toEqual({
      error: 'impossible date 2024-02-30: February 2024 has 29 days',
    });
  });

  it('knows leap years, including the century rules', () => {
    expect(parseDate('2024-02-29')).toEqual({ date: '2024-02-29' });
    expect(parseDate('2023-02-29')).toEqual({
      error: 'impossible date 2023-02-29: February 2023 has 28 days',
    });
    expect(parseDate('2000-02-29')).toEqual({ date: '2000-02-29' });
    expect('error' in parseDate('1900-02-29')).toBe(true);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it.each(['31 Apr 2024', 'Sat, 31 Jun 2024 10:00:00 GMT', '2024-13-01', '2024-04-00'])(
    'rejects impossible %j',
    (input) => {
      const parsed = parseDate(input);
      expect(parsed).toHaveProperty('error');
      expect('error' in parsed && parsed.error).toMatch(/impossible date/);
    },
  );

  it.each(['yesterday', '', 'Smarch 3, 2024', '12/03/2024'])('does not guess at %j', (input) => {
    expect(parseDate(input)).toHaveProperty('error');
  });
});
