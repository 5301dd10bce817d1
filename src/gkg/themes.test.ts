import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanText } from '../clean/clean-text.js';
import type { Theme } from '../core/document.js';
import { loadKb } from '../kb/load.js';
import { analyse, createNlp, type Nlp } from '../nlp/analyse.js';
import {
  assignThemes,
  createThemeContext,
  themesBySentence,
  type ThemeContext,
  type ThemeInput,
} from './themes.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const seedPath = resolve(repoRoot, '../shared/seed/000_0975571770d3a3b0.txt');
const haveSeed = existsSync(seedPath);

let nlp: Nlp;
let ctx: ThemeContext;
beforeAll(() => {
  nlp = createNlp();
  ctx = createThemeContext();
});

function doc(text: string, bodyStart = 0): ThemeInput {
  const a = analyse(nlp, text, cleanText(text, bodyStart));
  return { text, sentences: a.sentences, tokens: a.tokens };
}

function themesOf(text: string): Theme[] {
  return assignThemes(ctx, doc(text));
}

/** Every span of every theme slices back from the text it indexes. */
function expectSpansInside(text: string, themes: readonly Theme[]): void {
  for (const t of themes) {
    expect(t.spans.length).toBeGreaterThan(0);
    for (const s of t.spans) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeGreaterThan(s.start);
      expect(s.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(s.start, s.end).trim()).toBe(text.slice(s.start, s.end));
    }
  }
}

// [sentence written for these tests, themes it must get, themes it must not get]. The second
// list holds the false friends: sport, medicine, computers, advertising and approval senses.
const CASES: ReadonlyArray<readonly [string, readonly string[], readonly string[]]> = [
  // trade and the economy
  [
    'Kenya and Uganda agreed to double bilateral trade within five years.',
    ['TRADE', 'DIPLOMACY'],
    [],
  ],
  ['Coffee exports from Ethiopia fell 12 percent in the first half.', ['TRADE', 'AGRICULTURE'], []],
  ['Washington raised tariffs on imported steel to 25 percent.', ['TARIFFS', 'TRADE'], []],
  [
    'The two blocs resumed free trade negotiations in Brussels.',
    ['FREE_TRADE', 'TRADE', 'NEGOTIATIONS'],
    [],
  ],
  [
    'Beijing accused Canberra of dumping barley and opened an anti-dumping probe.',
    ['TRADE_DISPUTE'],
    [],
  ],
  ['The Lakers traded their point guard to Boston before the trade deadline.', [], ['TRADE']],
  ['The veteran forward was traded to the Knicks for two draft picks.', [], ['TRADE']],
  [
    'Dock workers and trade unions marched against the pension reform.',
    ['LABOUR', 'PROTEST'],
    ['TRADE'],
  ],
  [
    'Police seized cocaine worth millions, striking a blow to the drug trade.',
    ['DRUGS'],
    ['TRADE'],
  ],
  [
    'The central bank cut its benchmark interest rate by half a point.',
    ['CENTRAL_BANKS', 'INTEREST_RATES'],
    [],
  ],
  ['Consumer prices rose 9 percent, the fastest inflation in a decade.', ['INFLATION'], []],
  ['Shares in Tokyo closed lower as investors sold blue chips.', ['MARKETS'], ['SEMICONDUCTORS']],
  ['The chipmaker will build a semiconductor plant in Arizona.', ['SEMICONDUCTORS'], []],
  ['Zambia reached a deal with creditors to restructure its debt.', ['DEBT'], []],
  [
    'The airline filed for bankruptcy protection after months of losses.',
    ['BANKRUPTCY', 'TRANSPORT_AVIATION'],
    [],
  ],
  ['Unemployment climbed to 8 percent as factories laid off workers.', ['LABOUR'], []],
  [
    'The company reported a quarterly net profit of 40 million dollars.',
    ['CORPORATE_EARNINGS'],
    [],
  ],
  ['The mining group agreed to acquire a copper producer in Chile.', ['MERGERS', 'MINING'], []],
  // energy
  [
    'OPEC members agreed to cut crude output to support oil prices.',
    ['ENERGY_OIL', 'OIL_PRICES', 'INTERNATIONAL_ORGANISATIONS'],
    [],
  ],
  [
    'Malaysia expects palm oil exports to rise next month.',
    ['AGRICULTURE', 'TRADE'],
    ['ENERGY_OIL', 'ENERGY'],
  ],
  ['Qatar signed a 27-year deal to supply liquefied natural gas to China.', ['ENERGY_GAS'], []],
  ['Riot police fired tear gas at the crowd outside parliament.', ['PROTEST'], ['ENERGY_GAS']],
  [
    'Inspectors said the regime used poison gas against villagers.',
    ['CHEMICAL_BIOLOGICAL_WEAPONS'],
    ['ENERGY_GAS'],
  ],
  [
    'Finland connected its third nuclear reactor to the grid.',
    ['ENERGY_NUCLEAR'],
    ['NUCLEAR_WEAPONS'],
  ],
  [
    'Pyongyang conducted another nuclear test, defying a United Nations ban.',
    ['NUCLEAR_WEAPONS', 'INTERNATIONAL_ORGANISATIONS'],
    ['ENERGY_NUCLEAR'],
  ],
  [
    'Several provinces suffered power cuts after a heatwave strained the grid.',
    ['ELECTRICITY', 'NATURAL_DISASTERS'],
    [],
  ],
  ['The new wind farm off the Dutch coast will power a million homes.', ['ENERGY_RENEWABLE'], []],
  [
    'Ukraine halted gas transit through the pipeline after the contract expired.',
    ['PIPELINES', 'ENERGY_GAS'],
    [],
  ],
  ['The reform bill is still in the pipeline, the minister said.', ['LEGISLATION'], ['PIPELINES']],
  // transport
  [
    'China will finance a railway linking the port of Mombasa to Nairobi.',
    ['TRANSPORT_RAIL', 'TRANSPORT_INFRASTRUCTURE', 'TRANSPORT_MARITIME'],
    [],
  ],
  [
    'The government unveiled a road map for talks with the rebels.',
    ['INSURGENCY', 'NEGOTIATIONS'],
    ['TRANSPORT_ROAD'],
  ],
  [
    'Houthi forces attacked a tanker in the Red Sea shipping lane.',
    ['TRANSPORT_MARITIME', 'ARMED_CONFLICT'],
    [],
  ],
  ['Fighter jets flew over the capital during the parade.', ['MILITARY'], ['TRANSPORT_AVIATION']],
  // security
  ['Moscow deployed additional troops along the border.', ['MILITARY'], []],
  [
    'The ministry said the new hypersonic missile had been tested successfully.',
    ['MISSILES', 'WEAPONS', 'MILITARY'],
    [],
  ],
  [
    'Rebels shelled the town overnight, killing four civilians.',
    ['ARMED_CONFLICT', 'INSURGENCY', 'CASUALTIES'],
    [],
  ],
  ['An Israeli air strike hit a building in Gaza.', ['ARMED_CONFLICT'], ['LABOUR_STRIKES']],
  [
    'The senator suffered a heart attack and was taken to hospital.',
    ['HEALTH'],
    ['ARMED_CONFLICT', 'TERRORISM'],
  ],
  ['The attacking midfielder scored twice in the second half.', [], ['ARMED_CONFLICT']],
  [
    'The opposition leader launched a scathing attack on the budget.',
    ['TAXATION'],
    ['ARMED_CONFLICT'],
  ],
  ['A suicide bomber killed twelve people at a market in Kabul.', ['TERRORISM', 'CASUALTIES'], []],
  [
    'The warring parties agreed to a ceasefire brokered by Qatar.',
    ['CEASEFIRE', 'PEACE_PROCESS', 'ARMED_CONFLICT', 'NEGOTIATIONS'],
    [],
  ],
  ['Peacekeepers were deployed to the buffer zone.', ['PEACEKEEPING'], []],
  ['Hackers stole data from the ministry in a ransomware attack.', ['CYBER'], ['ARMED_CONFLICT']],
  [
    'A computer virus disrupted payment systems at several banks.',
    ['CYBER'],
    ['EPIDEMICS', 'HEALTH'],
  ],
  ['A new virus strain has infected hundreds in the province.', ['EPIDEMICS', 'HEALTH'], ['CYBER']],
  [
    'The two countries signed a deal on artificial intelligence research.',
    ['ARTIFICIAL_INTELLIGENCE'],
    ['INTELLIGENCE'],
  ],
  [
    'The intelligence agency accused Moscow of spying on its diplomats.',
    ['INTELLIGENCE', 'DIPLOMACY'],
    [],
  ],
  ['Gunmen kidnapped three aid workers and demanded a ransom.', ['KIDNAPPING'], []],
  // strikes
  [
    'Rail workers went on strike over pay, halting trains across the country.',
    ['LABOUR_STRIKES', 'TRANSPORT_RAIL'],
    ['ARMED_CONFLICT'],
  ],
  ['The striker scored a late winner for the visitors.', [], ['LABOUR_STRIKES']],
  ['She bowled a strike in the final frame to win the bowling title.', [], ['LABOUR_STRIKES']],
  [
    'Negotiators hope to strike a deal before the summit.',
    ['NEGOTIATIONS', 'STATE_VISITS'],
    ['LABOUR_STRIKES'],
  ],
  [
    'Jailed activists began a hunger strike.',
    ['PROTEST', 'ARRESTS'],
    ['LABOUR_STRIKES', 'FOOD_SECURITY'],
  ],
  // politics
  ['Voters in Senegal elected a new president in a peaceful election.', ['ELECTIONS'], []],
  ['The presidential campaign entered its final week.', ['ELECTIONS'], []],
  ['The soft drinks maker launched an advertising campaign in India.', [], ['ELECTIONS']],
  [
    'The army began a bombing campaign against militant positions.',
    ['ARMED_CONFLICT', 'INSURGENCY'],
    ['ELECTIONS'],
  ],
  [
    'Observers reported widespread ballot stuffing in the northern provinces.',
    ['ELECTION_FRAUD', 'ELECTIONS'],
    [],
  ],
  ['Parliament passed a law restricting foreign funding of charities.', ['LEGISLATION'], []],
  [
    'The prime minister resigned after losing a vote of no confidence.',
    ['LEADERSHIP_CHANGE', 'POLITICAL_TURMOIL'],
    [],
  ],
  ['Soldiers seized power in a coup and suspended the constitution.', ['COUP'], []],
  ['Thousands of protesters marched through the capital demanding reforms.', ['PROTEST'], []],
  ['Stocks rallied after the central bank held rates steady.', ['MARKETS'], ['PROTEST']],
  ['The patient was in cardiac arrest when paramedics arrived.', ['HEALTH'], ['ARRESTS']],
  [
    'Police arrested two men suspected of smuggling migrants.',
    ['ARRESTS', 'SMUGGLING', 'IMMIGRATION'],
    [],
  ],
  [
    'The court sentenced the former minister to five years for bribery.',
    ['COURTS', 'CORRUPTION'],
    [],
  ],
  ['The vaccine entered clinical trials in March.', ['VACCINATION', 'HEALTH'], ['COURTS']],
  // diplomacy
  [
    'The European Union imposed sanctions on three Iranian banks.',
    ['SANCTIONS', 'INTERNATIONAL_ORGANISATIONS'],
    [],
  ],
  ['The league sanctioned the exhibition match in Riyadh.', [], ['SANCTIONS']],
  ['The UN sanctioned two Iranian banks last year.', ['SANCTIONS'], []],
  ['The fight was sanctioned by the boxing federation.', [], ['SANCTIONS']],
  [
    'Ankara expelled four diplomats and recalled its ambassador.',
    ['DIPLOMATIC_TENSIONS', 'DIPLOMACY'],
    [],
  ],
  [
    'China and Vietnam traded accusations over the disputed islands.',
    ['TERRITORIAL_DISPUTES'],
    ['TRADE'],
  ],
  ['The foreign ministers of Brazil and India met in New Delhi.', ['DIPLOMACY'], []],
  [
    'Leaders of the regional bloc will meet for a summit in Nairobi next month.',
    ['INTERNATIONAL_ORGANISATIONS', 'STATE_VISITS'],
    [],
  ],
  [
    'Both governments signed a memorandum of understanding on energy cooperation.',
    ['AGREEMENTS', 'ENERGY'],
    [],
  ],
  [
    'The two countries upgraded their ties to a comprehensive strategic partnership.',
    ['ALLIANCES'],
    [],
  ],
  // humanitarian and society
  [
    'Trucks carrying humanitarian aid entered the besieged city.',
    ['HUMANITARIAN_AID', 'BLOCKADE'],
    [],
  ],
  ['More than a million refugees have fled the fighting.', ['REFUGEES', 'ARMED_CONFLICT'], []],
  ['The drought has left millions facing famine.', ['FOOD_SECURITY', 'NATURAL_DISASTERS'], []],
  [
    'A magnitude 7 earthquake struck the coast, triggering a tsunami warning.',
    ['NATURAL_DISASTERS'],
    [],
  ],
  ['The rights group documented torture in detention centres.', ['HUMAN_RIGHTS', 'ARRESTS'], []],
  ['Two journalists were jailed for criticising the president.', ['MEDIA_FREEDOM', 'ARRESTS'], []],
  [
    'The ministry launched a campaign against violence against women.',
    ['WOMEN_RIGHTS'],
    ['ELECTIONS'],
  ],
  [
    'Sectarian clashes broke out between Sunni and Shiite groups.',
    ['RELIGION', 'ARMED_CONFLICT'],
    [],
  ],
  ['Teachers demanded higher pay as schools reopened.', ['EDUCATION', 'LABOUR'], []],
  [
    'Emissions of greenhouse gases must fall by half to meet climate goals.',
    ['CLIMATE'],
    ['ENERGY_GAS'],
  ],
  ['The investment climate improved after the election.', ['INVESTMENT', 'ELECTIONS'], ['CLIMATE']],
  ['Egypt and Ethiopia failed to agree on the filling of the Nile dam.', ['WATER'], []],
  ['The rocket placed two communication satellites into orbit.', ['SPACE'], ['MISSILES']],
  [
    'Troops on both sides exchanged fire across the frontier overnight.',
    ['ARMED_CONFLICT', 'MILITARY'],
    ['TRADE'],
  ],
  [
    'Seoul protested to Tokyo over the textbook, calling it a distortion.',
    ['DIPLOMATIC_TENSIONS'],
    ['PROTEST'],
  ],
  [
    'The junta expelled the French ambassador and gave him two days to leave.',
    ['DIPLOMATIC_TENSIONS', 'COUP'],
    [],
  ],
  [
    'Thousands of farmers rallied outside parliament against the new tax.',
    ['PROTEST', 'AGRICULTURE', 'TAXATION'],
    [],
  ],
  [
    'Students clashed with riot police near the campus.',
    ['PROTEST', 'EDUCATION'],
    ['ARMED_CONFLICT'],
  ],
  [
    'Violence erupted after the disputed vote in the Western Sahara capital.',
    ['TERRITORIAL_DISPUTES', 'ELECTIONS'],
    ['NATURAL_DISASTERS'],
  ],
  [
    'Exports of vegetable oils and fats rose in the season.',
    ['AGRICULTURE', 'TRADE'],
    ['ENERGY_OIL'],
  ],
];

describe('assignThemes: sentences written for these tests', () => {
  it('has at least 60 cases, false friends among them', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(CASES.filter(([, , not]) => not.length > 0).length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('%s', (text, want, not) => {
    const themes = themesOf(text);
    const ids = themes.map((t) => t.theme);
    for (const w of want) expect(ids, `${w} expected`).toContain(w);
    for (const n of not) expect(ids, `${n} not expected`).not.toContain(n);
    expectSpansInside(text, themes);
  });
});

describe('assignThemes: spans, sentences and hierarchy', () => {
  it('gives the exact words that triggered a theme, and the sentence they are in', () => {
    const text = 'Talks went well. Later, the army fired a ballistic missile into the sea.';
    const themes = themesOf(text);
    const missiles = themes.find((t) => t.theme === 'MISSILES');
    expect(missiles?.spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'ballistic',
      'missile',
    ]);
    expect(missiles?.sentences).toEqual([1]);
    // Ancestors carry the same evidence plus their own.
    const military = themes.find((t) => t.theme === 'MILITARY');
    expect(military?.spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'army',
      'ballistic',
      'missile',
    ]);
    expect(themes.find((t) => t.theme === 'SECURITY')?.sentences).toEqual([1]);
  });

  it('keeps a multi-word trigger as one span and slices it back exactly', () => {
    const text =
      'Nothing happened on Monday.\nThe blockade of the port   was lifted under a ceasefire deal.';
    const themes = themesOf(text);
    const ceasefire = themes.find((t) => t.theme === 'CEASEFIRE');
    expect(ceasefire?.spans.map((s) => text.slice(s.start, s.end))).toEqual(['ceasefire']);
    const maritime = themes.find((t) => t.theme === 'TRANSPORT_MARITIME');
    expect(maritime?.spans.map((s) => text.slice(s.start, s.end))).toEqual(['port']);
    expect(themes.find((t) => t.theme === 'BLOCKADE')?.sentences).toEqual([1]);
    expectSpansInside(text, themes);
  });

  it('matches a hyphenated pattern however the tokenizer cut the word', () => {
    const a = themesOf('The truce was replaced by a cease-fire on Friday.');
    expect(a.find((t) => t.theme === 'CEASEFIRE')?.spans).toHaveLength(2);
    expect(themesOf('Officials discussed the Rasht-Astara railway.').map((t) => t.theme)).toContain(
      'TRANSPORT_RAIL',
    );
  });

  it('reads British and American spellings alike', () => {
    expect(themesOf('The defence ministry confirmed the drill.').map((t) => t.theme)).toContain(
      'MILITARY',
    );
    expect(themesOf('The defense ministry confirmed the drill.').map((t) => t.theme)).toContain(
      'MILITARY',
    );
  });

  it('matches organisation names with their case: WHO the agency, not who the pronoun', () => {
    expect(themesOf('The WHO declared the outbreak over.').map((t) => t.theme)).toContain(
      'INTERNATIONAL_ORGANISATIONS',
    );
    expect(themesOf('Officials who spoke declined to comment.').map((t) => t.theme)).not.toContain(
      'INTERNATIONAL_ORGANISATIONS',
    );
  });

  it('does not read headings, but reads the prose under them', () => {
    const text = 'Missile Tests and Trade Talks\n\nThe farmers sold their wheat at the market.\n';
    const d = doc(text);
    expect(d.sentences[0]?.heading).toBe(true);
    const ids = assignThemes(ctx, d).map((t) => t.theme);
    expect(ids).toContain('AGRICULTURE');
    expect(ids).not.toContain('MISSILES');
    expect(ids).not.toContain('TRADE');
  });

  it('a negative rule cancels only the matches it overlaps', () => {
    const text = 'He had a heart attack. Rebels attack the town.';
    const conflict = themesOf(text).find((t) => t.theme === 'ARMED_CONFLICT');
    expect(conflict?.sentences).toEqual([1]);
  });

  it('returns nothing for an empty document', () => {
    expect(themesOf('')).toEqual([]);
  });

  it('themesBySentence lists each sentence’s themes', () => {
    const text = 'Rebels shelled the town. Farmers harvested wheat.';
    const d = doc(text);
    const by = themesBySentence(assignThemes(ctx, d), d.sentences.length);
    expect(by).toHaveLength(2);
    expect(by[0]).toContain('ARMED_CONFLICT');
    expect(by[0]).not.toContain('AGRICULTURE');
    expect(by[1]).toContain('AGRICULTURE');
  });

  it('takes organisation names from a loaded knowledge base', async () => {
    const kb = await loadKb(undefined, { overlayDir: null });
    const fromKb = createThemeContext({ kb });
    const text = 'Leaders of the Shanghai Cooperation Organisation met in Astana.';
    const io = assignThemes(fromKb, doc(text)).find(
      (t) => t.theme === 'INTERNATIONAL_ORGANISATIONS',
    );
    expect(io?.spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'Shanghai Cooperation Organisation',
    ]);
    expect(fromKb.rules.find((r) => r.pattern === 'BRICS')?.origin).toMatch(/^kb:entente:org:/);
  });

  it('without organisation names, an IGO acronym alone triggers nothing', () => {
    const bare = createThemeContext({ organisationsFile: null });
    const text = 'Leaders of the SCO met in Astana.';
    expect(assignThemes(bare, doc(text)).map((t) => t.theme)).not.toContain(
      'INTERNATIONAL_ORGANISATIONS',
    );
    expect(themesOf(text).map((t) => t.theme)).toContain('INTERNATIONAL_ORGANISATIONS');
  });
});

describe.skipIf(!haveSeed)(
  `seed article ${haveSeed ? '' : '(SKIPPED: ../shared/seed absent)'}`,
  () => {
    it('finds trade, energy, railway, military, conflict and organisation themes with exact spans', () => {
      const text = readFileSync(seedPath, 'utf8');
      const header = /^\s*date \d{4}-\d{2}-\d{2}\s+/.exec(text);
      const d = doc(text, header === null ? 0 : header[0].length);
      const themes = assignThemes(ctx, d);
      const ids = themes.map((t) => t.theme);
      for (const t of [
        'TRADE',
        'ENERGY_NUCLEAR',
        'ENERGY_GAS',
        'TRANSPORT_RAIL',
        'TRANSPORT_INFRASTRUCTURE',
        'MISSILES',
        'MILITARY',
        'ARMED_CONFLICT',
        'INTERNATIONAL_ORGANISATIONS',
        'HUMANITARIAN_AID',
        'ELECTIONS',
      ]) {
        expect(ids, t).toContain(t);
      }
      const span = (id: string): string[] =>
        (themes.find((t) => t.theme === id)?.spans ?? []).map((s) => text.slice(s.start, s.end));
      expect(span('INTERNATIONAL_ORGANISATIONS')).toEqual(
        expect.arrayContaining(['SCO', 'BRICS', 'regional organizations']),
      );
      expect(span('TRANSPORT_RAIL')).toContain('railway');
      expect(span('MISSILES')).toEqual(['missile development']);
      // Headings ("Deepening Diplomatic and Trade Relations") are never evidence.
      const headings = new Set(d.sentences.filter((s) => s.heading).map((s) => s.index));
      for (const t of themes)
        for (const s of t.sentences ?? []) expect(headings.has(s)).toBe(false);
      expectSpansInside(text, themes);
    });
  },
);
