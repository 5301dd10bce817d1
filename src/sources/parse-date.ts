/** Either a normalised YYYY-MM-DD date or a one-line reason why the input is not one. */
export type ParsedDate = { readonly date: string } | { readonly error: string };

// prettier-ignore
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6,
  june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

// prettier-ignore
const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

// A trailing time/zone part is allowed but never inspected: only the calendar date matters.
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])/;
const SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:$|[T\s])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const EPOCH = /^-?\d{9,13}$/;
// RFC 2822 and friends: optional weekday, day, month name, year ("20 Mar 2024", "26-FEB-1987").
const DAY_MONTH_YEAR =
  /^(?:[a-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4}|\d{2})(?:$|[\s,T])/i;
// "March 20, 2024", "Wednesday, March 20 2024".
const MONTH_DAY_YEAR =
  /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:$|[\s,T])/i;

/**
 * Normalises a publication date as found in inputs (ISO 8601, RFC 2822, "March 20, 2024",
 * Reuters-style "26-FEB-1987 15:01:01.79", epoch seconds) to YYYY-MM-DD.
 *
 * The calendar date is taken as written: `2024-03-20T23:30:00-05:00` stays 2024-03-20,
 * because the publisher's local date is the one the article's "on Tuesday" refers to.
 * Epoch numbers carry no zone and are read as UTC.
 *
 * @example
 * parseDate('1987-02-26T15:01:01'); // { date: '1987-02-26' }
 * parseDate('Wed, 20 Mar 2024 10:00:00 GMT'); // { date: '2024-03-20' }
 * parseDate('2024-02-30'); // { error: 'impossible date 2024-02-30: February 2024 has 29 days' }
 */
export function parseDate(s: string): ParsedDate {
  const input = s.trim();
  if (input === '') return { error: 'empty date' };

  let m = ISO.exec(input) ?? SLASHED.exec(input) ?? COMPACT.exec(input);
  if (m) return validate(Number(m[1]), Number(m[2]), Number(m[3]), input);

  if (EPOCH.test(input)) {
    // 9-11 digits are seconds (1973-5138), 12-13 are milliseconds: JSON feeds use both.
    const n = Number(input);
    const ms = input.replace('-', '').length >= 12 ? n : n * 1000;
    const d = new Date(ms);
    return validate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), input);
  }

  m = DAY_MONTH_YEAR.exec(input);
  if (m) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()];
    if (month !== undefined) return validate(fullYear(m[3] ?? ''), month, Number(m[1]), input);
  }
  m = MONTH_DAY_YEAR.exec(input);
  if (m) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()];
    if (month !== undefined) return validate(Number(m[3]), month, Number(m[2]), input);
  }
  return { error: `unrecognised date "${clip(input)}"` };
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// RFC 2822 section 4.3: two-digit years below 50 are 20xx, the rest 19xx.
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

function validate(year: number, month: number, day: number, input: string): ParsedDate {
  if (year < 1000 || year > 9999) return { error: `year out of range in "${clip(input)}"` };
  if (month < 1 || month > 12)
    return { error: `impossible date "${clip(input)}": there is no month ${month}` };
  const max = daysInMonth(year, month);
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  if (day < 1 || day > max) {
    return { error: `impossible date ${iso}: ${MONTH_NAMES[month - 1]} ${year} has ${max} days` };
  }
  return { date: iso };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
