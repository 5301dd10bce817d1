import { beforeAll, describe, expect, it } from 'vitest';
import { createActorKit, find, type ActorKit } from './kit.js';

/**
 * People whose offices changed, each resolved on dates inside and outside their roles:
 * `[mention, date, code (null = none), role title or null]`. The sentence is always
 * "<mention> spoke to reporters." so only the date differs.
 */
const CASES: ReadonlyArray<readonly [string, string, string | null, string | null]> = [
  // Medvedev: first deputy PM, president 2008-2012, PM until 2020-01-16, then security council.
  ['Dmitry Medvedev', '2004-01-01', 'RUSELI', null],
  ['Dmitry Medvedev', '2007-01-01', 'RUSGOV', 'First Deputy Prime Minister'],
  ['Dmitry Medvedev', '2009-01-01', 'RUSGOV', 'President'],
  ['Dmitry Medvedev', '2015-01-01', 'RUSGOV', 'Prime Minister'],
  ['Dmitry Medvedev', '2021-01-01', 'RUSGOV', 'Deputy Chairman of the Security Council'],
  // Erdogan: PM until 2014-08-28, then president.
  ['Recep Tayyip Erdogan', '2000-01-01', 'TURELI', null],
  ['Recep Tayyip Erdogan', '2010-01-01', 'TURGOV', 'Prime Minister'],
  ['Recep Tayyip Erdogan', '2014-08-27', 'TURGOV', 'Prime Minister'],
  ['Recep Tayyip Erdogan', '2016-01-01', 'TURGOV', 'President'],
  // Trump: president 2017-2021 and from 2025-01-20, an elite in between.
  ['Donald Trump', '2010-01-01', 'USAELI', null],
  ['Donald Trump', '2018-01-01', 'USAGOV', 'President'],
  ['Donald Trump', '2022-01-01', 'USAELI', null],
  ['Donald Trump', '2025-06-01', 'USAGOV', 'President'],
  // Gorbachev: Soviet leader; after 1991 a Russian elite; no code after his death.
  ['Mikhail Gorbachev', '1987-01-01', 'USRGOV', 'General Secretary of the Communist Party'],
  ['Mikhail Gorbachev', '1995-01-01', 'RUSELI', null],
  ['Mikhail Gorbachev', '2023-01-01', null, null],
  // Putin.
  ['Vladimir Putin', '1998-10-01', 'RUSSPY', 'Director of the Federal Security Service'],
  ['Vladimir Putin', '2005-01-01', 'RUSGOV', 'President'],
  ['Vladimir Putin', '2010-01-01', 'RUSGOV', 'Prime Minister'],
  // Netanyahu: PM, opposition leader, PM, opposition leader, PM.
  ['Benjamin Netanyahu', '1997-01-01', 'ISRGOV', 'Prime Minister'],
  ['Benjamin Netanyahu', '2008-01-01', 'ISROPP', 'Leader of the Opposition'],
  ['Benjamin Netanyahu', '2015-01-01', 'ISRGOV', 'Prime Minister'],
  ['Benjamin Netanyahu', '2022-01-01', 'ISROPP', 'Leader of the Opposition'],
  ['Benjamin Netanyahu', '2024-01-01', 'ISRGOV', 'Prime Minister'],
  // Modi: chief minister of Gujarat, prime minister from 2014-05-26.
  ['Narendra Modi', '1995-01-01', 'INDELI', null],
  ['Narendra Modi', '2010-01-01', 'INDGOV', 'Chief Minister of Gujarat'],
  ['Narendra Modi', '2016-01-01', 'INDGOV', 'Prime Minister'],
  // Lula: president 2003-2010 and from 2023.
  ['Lula da Silva', '2005-01-01', 'BRAGOV', 'President'],
  ['Lula da Silva', '2015-01-01', 'BRAELI', null],
  ['Lula da Silva', '2023-06-01', 'BRAGOV', 'President'],
  // Rouhani: president 2013-2021.
  ['Hassan Rouhani', '2015-01-01', 'IRNGOV', 'President'],
  ['Hassan Rouhani', '2022-01-01', 'IRNELI', null],
  // Khamenei: born 1939, president 1981-1989, supreme leader since.
  ['Ali Khamenei', '1975-01-01', 'IRNELI', null],
  ['Ali Khamenei', '1985-01-01', 'IRNGOV', 'President'],
  ['Ali Khamenei', '2000-01-01', 'IRNGOV', 'Supreme Leader'],
  // Merkel: environment minister, opposition leader, chancellor.
  ['Angela Merkel', '1996-01-01', 'DEUGOV', 'Minister for the Environment'],
  ['Angela Merkel', '2004-01-01', 'DEUOPP', 'Leader of the CDU/CSU opposition'],
  ['Angela Merkel', '2010-01-01', 'DEUGOV', 'Chancellor'],
  ['Angela Merkel', '2023-01-01', 'DEUELI', null],
  // Blair.
  ['Tony Blair', '1995-01-01', 'GBROPP', 'Leader of the Opposition'],
  ['Tony Blair', '2000-01-01', 'GBRGOV', 'Prime Minister'],
  ['Tony Blair', '2010-01-01', 'GBRELI', null],
  // Xi: vice president, then president.
  ['Xi Jinping', '2005-01-01', 'CHNELI', null],
  ['Xi Jinping', '2010-01-01', 'CHNGOV', 'Vice President'],
  ['Xi Jinping', '2020-01-01', 'CHNGOV', 'President'],
  // Abe: two terms; killed 2022-07-08.
  ['Shinzo Abe', '2007-01-01', 'JPNGOV', 'Prime Minister'],
  ['Shinzo Abe', '2010-01-01', 'JPNELI', null],
  ['Shinzo Abe', '2015-01-01', 'JPNGOV', 'Prime Minister'],
  ['Shinzo Abe', '2023-01-01', null, null],
  // Biden: senator, vice president, president.
  ['Joe Biden', '1990-01-01', 'USALEG', 'Senator'],
  ['Joe Biden', '2010-01-01', 'USAGOV', 'Vice President'],
  ['Joe Biden', '2018-01-01', 'USAELI', null],
  ['Joe Biden', '2022-01-01', 'USAGOV', 'President'],
  ['Joe Biden', '2025-06-01', 'USAELI', null],
  // Obama: senator, president.
  ['Barack Obama', '2006-01-01', 'USALEG', 'Senator'],
  ['Barack Obama', '2012-01-01', 'USAGOV', 'President'],
  ['Barack Obama', '2018-01-01', 'USAELI', null],
  // Theresa May: home secretary, prime minister.
  ['Theresa May', '2012-01-01', 'GBRGOV', 'Home Secretary'],
  ['Theresa May', '2017-01-01', 'GBRGOV', 'Prime Minister'],
  ['Theresa May', '2021-01-01', 'GBRELI', null],
  // Macron: economy minister, president.
  ['Emmanuel Macron', '2010-01-01', 'FRAELI', null],
  ['Emmanuel Macron', '2015-01-01', 'FRAGOV', 'Minister of the Economy'],
  ['Emmanuel Macron', '2019-01-01', 'FRAGOV', 'President'],
  // Guterres: Portuguese PM, UN refugee chief, UN secretary-general.
  ['Antonio Guterres', '2000-01-01', 'PRTGOV', 'Prime Minister'],
  ['Antonio Guterres', '2010-01-01', 'IGOUNOREFHCR', 'UN High Commissioner for Refugees'],
  ['Antonio Guterres', '2020-01-01', 'IGOUNO', 'Secretary-General of the United Nations'],
  // Thatcher: opposition leader, PM; died 2013-04-08.
  ['Margaret Thatcher', '1977-01-01', 'GBROPP', 'Leader of the Opposition'],
  ['Margaret Thatcher', '1985-01-01', 'GBRGOV', 'Prime Minister'],
  ['Margaret Thatcher', '1995-01-01', 'GBRELI', null],
  ['Margaret Thatcher', '2014-01-01', null, null],
  // Kohl.
  ['Helmut Kohl', '1985-01-01', 'DEUGOV', 'Chancellor'],
  ['Helmut Kohl', '2000-01-01', 'DEUELI', null],
  // Boris Johnson: mayor, foreign secretary, PM.
  ['Boris Johnson', '2017-01-01', 'GBRGOV', 'Foreign Secretary'],
  ['Boris Johnson', '2020-01-01', 'GBRGOV', 'Prime Minister'],
  ['Boris Johnson', '2023-01-01', 'GBRELI', null],
  // Ahmadinejad.
  ['Mahmoud Ahmadinejad', '2008-01-01', 'IRNGOV', 'President'],
  ['Mahmoud Ahmadinejad', '2015-01-01', 'IRNELI', null],
  // Raisi: chief justice, president; died 2024-05-19.
  ['Ebrahim Raisi', '2020-05-01', 'IRNJUD', 'Chief Justice'],
  ['Ebrahim Raisi', '2022-05-01', 'IRNGOV', 'President'],
  ['Ebrahim Raisi', '2025-01-01', null, null],
];

describe('people whose roles changed, resolved as of the document date', () => {
  let kit: ActorKit;
  beforeAll(async () => {
    kit = await createActorKit();
  });

  it('covers at least 20 people', () => {
    expect(new Set(CASES.map((c) => c[0])).size).toBeGreaterThanOrEqual(20);
  });

  it.each(CASES)('%s on %s -> %s', (mention, date, code, role) => {
    const { entities } = kit.resolve(`${mention} spoke to reporters.`, date);
    const e = find(entities, mention);
    expect(e?.type).toBe('PERSON');
    expect(e?.code).toBe(code);
    expect(e?.kbId).toMatch(/^entente:person:/);
    expect(e?.role ?? null).toBe(role);
  });

  it('keeps the person when the code is gone: a dead leader still has a kbId and a name', () => {
    const { entities } = kit.resolve('Ebrahim Raisi met the ambassador.', '2025-01-01');
    expect(entities[0]).toMatchObject({
      text: 'Ebrahim Raisi',
      code: null,
      kbId: 'entente:person:ebrahim-raisi',
      name: 'Ebrahim Raisi',
    });
  });
});
