import { describe, expect, it } from 'vitest';
import { cleanText } from '../clean/clean-text.js';
import type { Expression, ExpressionType } from '../core/document.js';
import { analyse, createNlp } from './analyse.js';
import { recogniseExpressions } from './expressions.js';

const nlp = createNlp();

function expressions(text: string): Expression[] {
  return analyse(nlp, text, cleanText(text, 0)).expressions;
}

interface Case {
  /** A sentence written for this test. */
  readonly sentence: string;
  readonly type: ExpressionType;
  /** The exact span text expected. */
  readonly text: string;
  readonly value?: number;
  readonly high?: number;
  readonly unit?: string;
}

const c = (
  sentence: string,
  type: ExpressionType,
  text: string,
  value?: number,
  unit?: string,
  high?: number,
): Case => ({ sentence, type, text, value, unit, high });

const CASES: readonly Case[] = [
  // CARDINAL: digits, separators, words, scales, ranges
  c('Police counted 155,221 ballots by nightfall.', 'CARDINAL', '155,221', 155221),
  c('The tariff rose by 1.2 points overnight.', 'CARDINAL', '1.2', 1.2),
  c('About 1 200 troops crossed the river.', 'CARDINAL', '1 200', 1200),
  c('Officials expect 1 250 000 visitors this summer.', 'CARDINAL', '1 250 000', 1250000),
  c('The survey reached 2,500,000 households.', 'CARDINAL', '2,500,000', 2500000),
  c('Only four delegations walked out.', 'CARDINAL', 'four', 4),
  c('Twenty-five lawmakers signed the letter.', 'CARDINAL', 'Twenty-five', 25),
  c('The navy sent a dozen patrol boats.', 'CARDINAL', 'a dozen', 12),
  c('Two dozen observers were accredited.', 'CARDINAL', 'Two dozen', 24),
  c('Some four million voters stayed home.', 'CARDINAL', 'four million', 4e6),
  c('Exports hit 4.5 mln units last quarter.', 'CARDINAL', '4.5 mln', 4.5e6),
  c('The region has 3 bn cubic metres of gas.', 'CARDINAL', '3 bn', 3e9),
  c('Forecasters see 10 to 12 storms this season.', 'CARDINAL', '10 to 12', 10, undefined, 12),
  c('Between 10-12 vessels were inspected.', 'CARDINAL', '10-12', 10, undefined, 12),
  c(
    'Estimates ranged between 300 and 400 arrests.',
    'CARDINAL',
    '300 and 400',
    300,
    undefined,
    400,
  ),
  c('Aid reached 2 to 3 million refugees.', 'CARDINAL', '2 to 3 million', 2e6, undefined, 3e6),
  c('The camp holds one hundred and twenty families.', 'CARDINAL', 'one hundred and twenty', 120),
  c(
    'The fleet has two thousand five hundred ships.',
    'CARDINAL',
    'two thousand five hundred',
    2500,
  ),
  c('Nearly a million people fled the flooding.', 'CARDINAL', 'a million', 1e6),
  c('The census found 1.75 billion residents.', 'CARDINAL', '1.75 billion', 1.75e9),
  c('Rescuers freed 2023 tonnes of stranded grain.', 'CARDINAL', '2023', 2023),
  c('The army deployed 1990 soldiers to the border.', 'CARDINAL', '1990', 1990),
  c('Shares closed at 35-1/2 on the exchange.', 'CARDINAL', '35-1/2', 35.5),
  c('The committee met 3 1/2 hours late.', 'DURATION', '3 1/2 hours', 3.5, 'hour'),
  c(
    'A crowd of 12,500-15,000 gathered in the square.',
    'CARDINAL',
    '12,500-15,000',
    12500,
    undefined,
    15000,
  ),
  c('The ministry hired 5 lakh teachers.', 'CARDINAL', '5 lakh', 5e5),
  c('Damage was put at 3 crore in the district.', 'CARDINAL', '3 crore', 3e7),
  c('Turnout was 0.5 above the forecast.', 'CARDINAL', '0.5', 0.5),

  // ORDINAL
  c('It was the first visit by a foreign minister.', 'ORDINAL', 'first', 1),
  c('The 3rd battalion withdrew.', 'ORDINAL', '3rd', 3),
  c('The twenty-first round of talks opened.', 'ORDINAL', 'twenty-first', 21),
  c('A second ceasefire was announced.', 'ORDINAL', 'second', 2),
  c('Its 50th anniversary passed quietly.', 'ORDINAL', '50th', 50),
  c('The tenth convoy arrived safely.', 'ORDINAL', 'tenth', 10),

  // PERCENT
  c('Trade grew 77% over the period.', 'PERCENT', '77%', 77, 'percent'),
  c('Support fell to 41 percent among young voters.', 'PERCENT', '41 percent', 41, 'percent'),
  c('Turnout reached 62 per cent in the capital.', 'PERCENT', '62 per cent', 62, 'percent'),
  c('Prices rose 5.5 pct in the year.', 'PERCENT', '5.5 pct', 5.5, 'percent'),
  c(
    'Unemployment rose 3 percentage points.',
    'PERCENT',
    '3 percentage points',
    3,
    'percentage points',
  ),
  c(
    'The rate was cut by 0.25 percentage point.',
    'PERCENT',
    '0.25 percentage point',
    0.25,
    'percentage points',
  ),
  c(
    'The central bank raised rates by 50 basis points.',
    'PERCENT',
    '50 basis points',
    50,
    'basis points',
  ),
  c('Wages rose 3 to 4 percent this spring.', 'PERCENT', '3 to 4 percent', 3, 'percent', 4),
  c('The party won nearly 12.5% of seats.', 'PERCENT', '12.5%', 12.5, 'percent'),
  c('Approval stood at forty percent.', 'PERCENT', 'forty percent', 40, 'percent'),

  // MONEY: symbols before and after, codes, words, scales
  c('Bilateral trade reached about $4 billion last year.', 'MONEY', '$4 billion', 4e9, 'USD'),
  c('The loan of $4-billion was approved.', 'MONEY', '$4-billion', 4e9, 'USD'),
  c('The bloc pledged €2.5bn for reconstruction.', 'MONEY', '€2.5bn', 2.5e9, 'EUR'),
  c('The club paid £5.2bn for the stadium.', 'MONEY', '£5.2bn', 5.2e9, 'GBP'),
  // ... a currency written as a modifier, singular, after a bare number
  c(
    'The province cut its 12 mln guilder grant to the yard.',
    'MONEY',
    '12 mln guilder',
    12e6,
    'NLG',
  ),
  c('The agency placed a 35 mln U.S. Dlr loan.', 'MONEY', '35 mln U.S. Dlr', 35e6, 'USD'),
  c('A bank sold a 60 mln Australian dlr bond.', 'MONEY', '60 mln Australian dlr', 60e6, 'AUD'),
  c('Dakar owes 900 mln CFA francs to suppliers.', 'MONEY', '900 mln CFA francs', 9e8, 'XOF'),
  c('The state paid a 15 bln CFA franc debt.', 'MONEY', '15 bln CFA franc', 15e9, 'XOF'),
  // ... joined by a hyphen, and pence written against the number
  c('The board set a 35-cent dividend for holders.', 'MONEY', '35-cent', 0.35, 'USD'),
  c('Tickets carry a 10-dlr surcharge from May.', 'MONEY', '10-dlr', 10, 'USD'),
  c('The final dividend is 7.5p a share.', 'MONEY', '7.5p', 0.075, 'GBP'),
  c('Investors bought US$3 mln of bonds.', 'MONEY', 'US$3 mln', 3e6, 'USD'),
  c('The contract is worth US $75 million.', 'MONEY', 'US $75 million', 75e6, 'USD'),
  c(
    'Moscow set aside 1.2 trillion roubles for the region.',
    'MONEY',
    '1.2 trillion roubles',
    1.2e12,
    'RUB',
  ),
  c('Russia spent 800 billion rubles on roads.', 'MONEY', '800 billion rubles', 8e11, 'RUB'),
  c('The fund invested USD 4 bn in ports.', 'MONEY', 'USD 4 bn', 4e9, 'USD'),
  c('The bank raised 500 million USD from the sale.', 'MONEY', '500 million USD', 5e8, 'USD'),
  c('Ticket sales brought in ¥300 million.', 'MONEY', '¥300 million', 3e8, 'JPY'),
  c('Bread now costs ₽100 a loaf.', 'MONEY', '₽100', 100, 'RUB'),
  c('The state allotted Rs 500 crore to flood relief.', 'MONEY', 'Rs 500 crore', 5e9, 'INR'),
  c('Farmers got Rs.2,000 each.', 'MONEY', 'Rs.2,000', 2000, 'INR'),
  c('The company earned 35 mln dlrs in the quarter.', 'MONEY', '35 mln dlrs', 35e6, 'USD'),
  c('Profit was 4.5 mln stg before tax.', 'MONEY', '4.5 mln stg', 4.5e6, 'GBP'),
  c('The grant is 20 million dollars over five years.', 'MONEY', '20 million dollars', 20e6, 'USD'),
  c('Tokyo approved 1.1 trillion yen in stimulus.', 'MONEY', '1.1 trillion yen', 1.1e12, 'JPY'),
  c('Beijing offered 14.2 bln yuan in credit.', 'MONEY', '14.2 bln yuan', 14.2e9, 'CNY'),
  c('The bank lent 750 million euros to the utility.', 'MONEY', '750 million euros', 750e6, 'EUR'),
  c(
    'Bern froze 2.3 billion Swiss francs of assets.',
    'MONEY',
    '2.3 billion Swiss francs',
    2.3e9,
    'CHF',
  ),
  c('Riyadh paid 350 mln riyals to contractors.', 'MONEY', '350 mln riyals', 350e6, 'SAR'),
  c('The court fined him 5 million rupees.', 'MONEY', '5 million rupees', 5e6, 'INR'),
  c(
    'The deal was valued at 12 billion Canadian dollars.',
    'MONEY',
    '12 billion Canadian dollars',
    12e9,
    'CAD',
  ),
  c('The budget set aside 40 billion lire for schools.', 'MONEY', '40 billion lire', 40e9, 'ITL'),
  c('Bonn offered 600 mln marks in credits.', 'MONEY', '600 mln marks', 600e6, 'DEM'),
  c('The coupon pays 50 cents a share.', 'MONEY', '50 cents', 0.5, 'USD'),
  c('Bund futures lost 35 pfennigs by noon.', 'MONEY', '35 pfennigs', 0.35, 'DEM'),
  c('Earnings were 35 cts a share.', 'MONEY', '35 cts', 0.35, 'USD'),
  c('Nairobi raised 5 billion shillings from the bond.', 'MONEY', '5 billion shillings', 5e9),
  c('The mayor spent C$12 million on transit.', 'MONEY', 'C$12 million', 12e6, 'CAD'),
  c('Sydney pledged A$3 billion for water.', 'MONEY', 'A$3 billion', 3e9, 'AUD'),
  c('Hong Kong set aside HK$10 billion for housing.', 'MONEY', 'HK$10 billion', 10e9, 'HKD'),
  c('The startup raised $5m in its first round.', 'MONEY', '$5m', 5e6, 'USD'),
  c(
    'Analysts expect $10 to $12 billion in bids.',
    'MONEY',
    '$10 to $12 billion',
    10e9,
    'USD',
    12e9,
  ),
  c('Costs could reach $1.5-2 billion.', 'MONEY', '$1.5-2 billion', 1.5e9, 'USD', 2e9),
  c('The court awarded 3 pounds in damages.', 'MONEY', '3 pounds', 3, 'GBP'),
  c('A tank of fuel costs 4 € at the border.', 'MONEY', '4 €', 4, 'EUR'),
  c('Kyiv received 20 billion hryvnias in aid.', 'MONEY', '20 billion hryvnias', 20e9, 'UAH'),
  c('Jerusalem approved 3 billion shekels for defence.', 'MONEY', '3 billion shekels', 3e9, 'ILS'),
  c('The tender was worth 80 million dinars.', 'MONEY', '80 million dinars', 80e6),
  c('Donors pledged two million dollars.', 'MONEY', 'two million dollars', 2e6, 'USD'),

  // DATE: months, weekdays, years, ISO, relative
  c('The envoy arrived on Feb 26 for talks.', 'DATE', 'Feb 26'),
  c('The vote is set for March 5 in most districts.', 'DATE', 'March 5'),
  c('The accord was signed on 5 March 2024 in Geneva.', 'DATE', '5 March 2024'),
  c('Fighting resumed in March 2024 after a pause.', 'DATE', 'March 2024'),
  c('The deadline is March 5, 2024, officials said.', 'DATE', 'March 5, 2024'),
  c('The summit opened on Jan. 14 in Addis Ababa.', 'DATE', 'Jan. 14'),
  c('The pact expired in Sept 1986 without renewal.', 'DATE', 'Sept 1986'),
  c('Envoys met again on the 3rd of May.', 'DATE', '3rd of May'),
  c('Voting runs 5-7 March across the country.', 'DATE', '5-7 March'),
  c('Parliament reconvenes in September.', 'DATE', 'September'),
  c('Elections are due in May.', 'DATE', 'May'),
  c('Negotiators will return in March.', 'DATE', 'March'),
  c('Inflation eased in the year to March, officials said.', 'DATE', 'March'),
  c("June's protests were the largest in years.", 'DATE', 'June'),
  c('The two leaders spoke by phone on Tuesday.', 'DATE', 'Tuesday'),
  c('The ministry will respond on Friday, March 8.', 'DATE', 'Friday, March 8'),
  c('Shelling intensified on Wednesday night.', 'DATE', 'Wednesday night'),
  c('Inspectors will visit next Monday.', 'DATE', 'next Monday'),
  c('Trade grew sharply in 2023, the report said.', 'DATE', '2023'),
  c("Exports fell in 2023's final quarter.", 'DATE', '2023'),
  c('The 1987 budget was cut twice.', 'DATE', '1987'),
  c('The decree took effect on 2024-03-20.', 'DATE', '2024-03-20'),
  c('Growth was strong in the 1990s.', 'DATE', '1990s'),
  c('The crop year 1986/87 was poor.', 'DATE', '1986/87'),
  c('Reserves peaked in mid-1987.', 'DATE', 'mid-1987'),
  c('Talks stalled by mid-March.', 'DATE', 'mid-March'),
  c('Prices stabilised at end-March.', 'DATE', 'end-March'),
  c('The minister resigned yesterday.', 'DATE', 'yesterday'),
  c('Talks resume today in Doha.', 'DATE', 'today'),
  c('Results are expected tomorrow.', 'DATE', 'tomorrow'),
  c('Protesters gathered last week outside the embassy.', 'DATE', 'last week'),
  c('The envoy will travel next month to Baku.', 'DATE', 'next month'),
  c('Troops withdrew earlier this month from the town.', 'DATE', 'earlier this month'),
  c('Growth will slow this year, the bank said.', 'DATE', 'this year'),
  c('Inflation doubled last year in the region.', 'DATE', 'last year'),
  c('The ship was seized two days ago near the strait.', 'DATE', 'two days ago'),
  c('A year ago the border was closed.', 'DATE', 'A year ago'),
  c('Three years earlier the pact had collapsed.', 'DATE', 'Three years earlier'),
  c('The rebels attacked again later this year.', 'DATE', 'later this year'),
  c(
    'Output fell in the fourth quarter of 1986, the agency said.',
    'DATE',
    'fourth quarter of 1986',
  ),
  c('Exports recovered in the first half.', 'DATE', 'first half'),
  c('The accord signed last February still holds.', 'DATE', 'last February'),
  c('The mine should produce ore before year-end.', 'DATE', 'year-end'),
  c('A review is due by the end of the year.', 'DATE', 'end of the year'),
  c('Fighting paused over Christmas.', 'DATE', 'Christmas'),
  c('The president may travel this summer.', 'DATE', 'this summer'),
  c('Prices usually climb during Ramadan.', 'DATE', 'Ramadan'),

  // TIME
  c('The curfew starts at 14:00 each day.', 'TIME', '14:00'),
  c('The vote closed at 3 p.m. local time.', 'TIME', '3 p.m. local time'),
  c('The blast happened at 10:30 a.m. on the bridge.', 'TIME', '10:30 a.m.'),
  c('Markets opened at 9am as usual.', 'TIME', '9am'),
  c('Talks began at noon in the palace.', 'TIME', 'noon'),
  c('The truce ended at midnight.', 'TIME', 'midnight'),
  c('The ceasefire began at 0600 GMT.', 'TIME', '0600 GMT'),
  c('The bombing raid started at 11 p.m. EST.', 'TIME', '11 p.m. EST'),

  // DURATION
  c('The war lasted three years.', 'DURATION', 'three years', 3, 'year'),
  c('The ban will stay in force for six months.', 'DURATION', 'six months', 6, 'month'),
  c('The dispute dragged on for a decade.', 'DURATION', 'a decade', 1, 'decade'),
  c('Parliament approved a six-month extension.', 'DURATION', 'six-month', 6, 'month'),
  c('Strikers held out for 48 hours.', 'DURATION', '48 hours', 48, 'hour'),
  c('The siege lasted 10 weeks.', 'DURATION', '10 weeks', 10, 'week'),
  c('The five-year plan was unveiled.', 'DURATION', 'five-year', 5, 'year'),
  c('The monarchy endured for two centuries.', 'DURATION', 'two centuries', 2, 'century'),
];

/** Phrases that must not come out as the given type (or at all, when `type` is absent). */
interface Negative {
  readonly sentence: string;
  readonly text: string;
  readonly type?: ExpressionType;
}

const NEGATIVES: readonly Negative[] = [
  { sentence: 'For details call +44 20 7946 0958 or the hotline.', text: '20' },
  { sentence: 'For details call +44 20 7946 0958 or the hotline.', text: '7946' },
  { sentence: 'The office number is (212) 555-1234 until Friday.', text: '555-1234' },
  { sentence: 'The office number is (212) 555-1234 until Friday.', text: '212' },
  { sentence: 'Dial 0800 123 456 for help.', text: '0800' },
  { sentence: 'Rescuers freed 2023 tonnes of stranded grain.', text: '2023', type: 'DATE' },
  { sentence: 'Prices may rise again soon.', text: 'may' },
  { sentence: 'Protesters march through the old town.', text: 'march' },
  { sentence: 'Theresa May met the Irish premier.', text: 'May' },
  { sentence: 'May said the deal was the best available.', text: 'May' },
  { sentence: 'Mrs May told parliament the vote would go ahead.', text: 'May' },
  { sentence: 'Oil output reached 600,000 barrels a day.', text: 'a day', type: 'DURATION' },
  // a weight that shares a currency's word, joined by a hyphen; "p" apart from the number
  { sentence: 'Jets dropped a 2,000-pound bomb on the bridge.', text: '2,000-pound' },
  { sentence: 'The squad won by 9 p in the last round.', text: '9 p' },
  // a year between the ends of a change is no range ("from 323,000 bpd in 1985 to ...")
  {
    sentence: 'Runs rose from 410,000 bpd in 1985 to 455,000 bpd.',
    text: '1985 to 455,000',
  },
  {
    sentence: 'The ministry said 40 pounds of flour were seized.',
    text: '40 pounds',
    type: 'MONEY',
  },
  { sentence: 'Jan told reporters he would stay.', text: 'Jan' },
  { sentence: 'The army said a convoy had left.', text: 'a' },
  { sentence: 'The runner set a record in the 100m race.', text: '100m', type: 'MONEY' },
  { sentence: 'Prices rose from 10 to 12 percent.', text: '10 to 12 percent' },
  { sentence: 'The vote was 52-48 in favour.', text: '52-48', type: 'DATE' },
  { sentence: 'Talks on trade are due.', text: 'Talks' },
  { sentence: 'Prices posted a year-on-year rise.', text: 'a year', type: 'DURATION' },
  // a currency word hyphened to a name modifies it: no money in "11 Euro-CP programmes"
  { sentence: 'Only 11 Euro-CP programmes were signed.', text: '11 Euro', type: 'MONEY' },
];

describe('recogniseExpressions: table of phrases', () => {
  it('has at least 120 positive phrases covering every type', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(120);
    const types = new Set(CASES.map((x) => x.type));
    for (const t of ['CARDINAL', 'ORDINAL', 'MONEY', 'PERCENT', 'DATE', 'TIME', 'DURATION']) {
      expect(types.has(t as ExpressionType)).toBe(true);
    }
  });

  it.each(CASES)('$type "$text" in "$sentence"', (x) => {
    const found = expressions(x.sentence);
    const hit = found.find((e) => e.text === x.text);
    expect(hit, `found ${JSON.stringify(found.map((e) => `${e.type} ${e.text}`))}`).toBeDefined();
    expect(hit?.type).toBe(x.type);
    expect(x.sentence.slice(hit?.start, hit?.end)).toBe(x.text);
    if (x.value !== undefined) expect(hit?.value).toBe(x.value);
    else if (x.type === 'DATE' || x.type === 'TIME') expect(hit?.value).toBeUndefined();
    expect(hit?.valueHigh).toBe(x.high);
    expect(hit?.unit).toBe(x.unit);
  });

  it.each(NEGATIVES)('"$text" is not $type in "$sentence"', (x) => {
    const found = expressions(x.sentence);
    const bad = found.filter(
      (e) => e.text === x.text && (x.type === undefined || e.type === x.type),
    );
    expect(bad, `found ${JSON.stringify(found.map((e) => `${e.type} ${e.text}`))}`).toEqual([]);
  });
});

describe('recogniseExpressions: spans', () => {
  it('leaves approximation words out of the span so later stages can read them', () => {
    const text = 'Trade rose to about $4 billion and nearly 30% of output.';
    const found = expressions(text);
    const money = found.find((e) => e.type === 'MONEY');
    expect(money?.text).toBe('$4 billion');
    expect(text.slice(money!.start - 'about '.length, money!.start)).toBe('about ');
    expect(found.find((e) => e.type === 'PERCENT')?.text).toBe('30%');
  });

  it('reads "from 10 to 12" as a change: two amounts, not one range', () => {
    const found = expressions('Support rose from 10 to 12 percent in a month.');
    expect(found.map((e) => [e.type, e.text])).toEqual([
      ['CARDINAL', '10'],
      ['PERCENT', '12 percent'],
      ['DURATION', 'a month'],
    ]);
  });

  it('reads two close guesses joined by "or" as one range, and nothing else joined by "or"', () => {
    const text =
      'Dealers expect a cut of five or six percentage points, or 10 or 12 pct of 700 or 800 mln ' +
      'dlrs. Net was 123,000 dlrs or 11 cts a share. He saw 3 or 30 ships, and 5 or six trucks.';
    const got = expressions(text).map((e) => [e.type, e.text, e.value, e.valueHigh]);
    expect(got).toEqual([
      ['PERCENT', 'five or six percentage points', 5, 6],
      ['PERCENT', '10 or 12 pct', 10, 12],
      ['MONEY', '700 or 800 mln dlrs', 700e6, 800e6],
      ['MONEY', '123,000 dlrs', 123000, undefined],
      ['MONEY', '11 cts', 0.11, undefined],
      ['CARDINAL', '3', 3, undefined],
      ['CARDINAL', '30', 30, undefined],
      ['CARDINAL', '5', 5, undefined],
      ['CARDINAL', 'six', 6, undefined],
    ]);
  });

  it('gives a symbol written against the next number to that number', () => {
    const found = expressions('Bread is ₽100 and milk ₽80 in the city.');
    expect(found.map((e) => [e.type, e.text, e.unit])).toEqual([
      ['MONEY', '₽100', 'RUB'],
      ['MONEY', '₽80', 'RUB'],
    ]);
  });

  it('leaves the full stop that closes a sentence out of an abbreviated unit, not out of a time', () => {
    const text =
      'The levy went up to 7 pct.\n\nTalks resume at 9 a.m.\n\nExports to the U.S. rose 4 pct. in May.';
    const got = expressions(text).map((x) => [x.type, x.text, text.slice(x.start, x.end)]);
    expect(got).toEqual([
      ['PERCENT', '7 pct', '7 pct'],
      ['TIME', '9 a.m.', '9 a.m.'],
      ['PERCENT', '4 pct.', '4 pct.'],
      ['DATE', 'May', 'May'],
    ]);
  });

  it('never lets an expression cross a sentence boundary', () => {
    const text =
      'The plan costs 4 billion. Dollars are scarce, officials said in March. 2024 will be hard.';
    const a = analyse(nlp, text, cleanText(text, 0));
    for (const e of a.expressions) {
      const s = a.sentences[e.sentence]!;
      expect(e.start >= s.start && e.end <= s.end, `${e.text} crosses`).toBe(true);
    }
    expect(a.expressions.find((e) => e.text.startsWith('4'))?.type).toBe('CARDINAL');
  });

  it('keeps exact original offsets when HTML references and hard wraps are in the text', () => {
    const text =
      'Exports rose 4&#37; to &#36;31 mln in the\nfirst half, and 2.5 bln\ndlrs came on 5 March\n1987.';
    const found = expressions(text);
    expect(found.map((e) => [e.type, e.text])).toEqual([
      ['PERCENT', '4&#37;'],
      ['MONEY', '&#36;31 mln'],
      ['DATE', 'first half'],
      ['MONEY', '2.5 bln\ndlrs'],
      ['DATE', '5 March\n1987'],
    ]);
    for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('returns expressions in text order, token-aligned, without overlap, every case round-tripping', () => {
    const text = CASES.map((x) => x.sentence).join(' ');
    const a = analyse(nlp, text, cleanText(text, 0));
    const tokenStarts = new Set(a.tokens.starts);
    const tokenEnds = new Set(a.tokens.ends);
    let prevEnd = 0;
    for (const e of a.expressions) {
      expect(text.slice(e.start, e.end)).toBe(e.text);
      expect(e.start).toBeGreaterThanOrEqual(prevEnd);
      expect(tokenStarts.has(e.start) && tokenEnds.has(e.end)).toBe(true);
      prevEnd = e.end;
    }
    // Joined into one document the sentences keep their expressions.
    expect(a.expressions.length).toBeGreaterThanOrEqual(CASES.length);
  });

  it('reads a possessive the tokeniser kept on the word ("year\'s") as the word, span without it', () => {
    // wink splits "year's" into "year" + "'s" until its cache has seen the whole word,
    // then keeps it as one token: both tokenisations must give the same expressions.
    const text = "Sales beat last year's level after Tuesday's vote and 2023's rally.";
    const words = text.match(/[\w']+|[^\s\w]/g) ?? [];
    let at = 0;
    const starts: number[] = [];
    const ends: number[] = [];
    for (const w of words) {
      at = text.indexOf(w, at);
      starts.push(at);
      ends.push((at += w.length));
    }
    const merged = {
      starts: Int32Array.from(starts),
      ends: Int32Array.from(ends),
      pos: words.map((w) => (w === '.' ? 'PUNCT' : /^[A-Z\d]/.test(w) ? 'PROPN' : 'NOUN')),
      normal: words.map((w) => w.toLowerCase()),
      lemma: words.map((w) => w.toLowerCase()),
      sentence: new Int32Array(words.length),
    };
    expect(merged.normal).toContain("year's");
    const found = recogniseExpressions(text, merged, nlp.expressions);
    expect(found.map((e) => [e.type, e.text])).toEqual([
      ['DATE', 'last year'],
      ['DATE', 'Tuesday'],
      ['DATE', '2023'],
    ]);
    expect(expressions(text).map((e) => [e.type, e.text])).toEqual([
      ['DATE', 'last year'],
      ['DATE', 'Tuesday'],
      ['DATE', '2023'],
    ]);
    for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('works on a token table alone and finds nothing in an empty one', () => {
    const empty = {
      starts: new Int32Array(0),
      ends: new Int32Array(0),
      pos: [],
      normal: [],
      lemma: [],
      sentence: new Int32Array(0),
    };
    expect(recogniseExpressions('', empty, nlp.expressions)).toEqual([]);
    const text = 'Costs rose 5%';
    const a = analyse(nlp, text, cleanText(text, 0));
    expect(recogniseExpressions(text, a.tokens, nlp.expressions)).toEqual(a.expressions);
  });
});
