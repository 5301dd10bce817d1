/**
 * The date of an event from the time words of its sentence, resolved against the document
 * date and leaning to the past (news reports what happened): "on Tuesday" in an article of
 * Wednesday 2024-03-20 is 2024-03-19, "yesterday" the day before, "on March 5" the last
 * March 5 on or before the article. Vague words ("earlier this month", "recently") and
 * sentences without time words keep the document date, flagged as not resolved.
 */

export interface EventDate {
  /** YYYY-MM-DD, or null when the document has no date. */
  readonly date: string | null;
  /** True when a time word of the sentence gave the date. */
  readonly resolved: boolean;
  /** The time words used, as written. */
  readonly text: string | null;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_ABBR = MONTHS.map((m) => m.slice(0, 3));

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(w);
  if (full >= 0) return full;
  return w === 'sept' ? 8 : MONTH_ABBR.indexOf(w);
}

function parseDay(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function format(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86_400_000);
}

function addMonths(d: Date, n: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

const MONTH_WORD =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const MONTH_DAY = new RegExp(
  `\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`,
);
const DAY_MONTH = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD}\\b(?:,?\\s+(\\d{4}))?`,
);
const WEEKDAY = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/;
const RELATIVE =
  /\b(yesterday|today|tonight|this morning|this afternoon|this evening|last night|last week|last month|last year|(?:a|one|two|three) (?:days?|weeks?) ago)\b/i;
const COUNT: Readonly<Record<string, number>> = { a: 1, one: 1, two: 2, three: 3 };

/** The date of an event told in `sentence`, against the document date `docDate`. */
export function resolveEventDate(sentence: string, docDate: string | null): EventDate {
  const doc = docDate === null ? null : parseDay(docDate);
  if (doc === null) return { date: docDate, resolved: false, text: null };
  const unresolved: EventDate = { date: docDate, resolved: false, text: null };

  const md = MONTH_DAY.exec(sentence);
  const dm = md ? null : DAY_MONTH.exec(sentence);
  if (md || dm) {
    const month = monthIndex((md ? md[1] : dm?.[2]) as string);
    const day = Number(md ? md[2] : dm?.[1]);
    const yearText = md ? md[3] : dm?.[3];
    if (month >= 0 && day >= 1 && day <= 31) {
      let year = yearText ? Number(yearText) : doc.getUTCFullYear();
      let d = new Date(Date.UTC(year, month, day));
      if (!yearText && d.getTime() > doc.getTime() + 86_400_000) {
        year -= 1;
        d = new Date(Date.UTC(year, month, day));
      }
      if (d.getUTCMonth() === month) {
        return { date: format(d), resolved: true, text: ((md ?? dm) as RegExpExecArray)[0] };
      }
    }
  }

  const wd = WEEKDAY.exec(sentence);
  if (wd) {
    const target = WEEKDAYS.indexOf((wd[1] as string).toLowerCase());
    const back = (doc.getUTCDay() - target + 7) % 7;
    return { date: format(addDays(doc, -back)), resolved: true, text: wd[0] };
  }

  const rel = RELATIVE.exec(sentence);
  if (rel) {
    const w = (rel[1] as string).toLowerCase();
    const ago = /^(a|one|two|three) (day|week)s? ago$/.exec(w);
    let d: Date;
    if (ago) d = addDays(doc, -(COUNT[ago[1] as string] ?? 1) * (ago[2] === 'week' ? 7 : 1));
    else if (w === 'yesterday' || w === 'last night') d = addDays(doc, -1);
    else if (w === 'last week') d = addDays(doc, -7);
    else if (w === 'last month') d = addMonths(doc, -1);
    else if (w === 'last year') d = addMonths(doc, -12);
    else d = doc;
    return { date: format(d), resolved: true, text: rel[0] };
  }
  return unresolved;
}
