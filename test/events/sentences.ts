/**
 * Sentences written for the event coder's tests, with the events a reader would code.
 * `expect` lists `source target code` triples (`-` for no target; the code is matched as a
 * prefix, so `04` accepts any consultation); `absent` lists triples that must NOT be coded
 * (a prefix too; `*` as source or target matches any actor).
 */
export interface CoderCase {
  readonly text: string;
  readonly date?: string;
  readonly expect?: readonly string[];
  readonly absent?: readonly string[];
  readonly tag: string;
}

export const CASES: readonly CoderCase[] = [
  // verb patterns, active voice
  { tag: 'verb', text: 'Russia attacked Ukraine on Monday.', expect: ['RUS UKR 19'] },
  { tag: 'verb', text: 'Iran condemned Israel over the strike.', expect: ['IRN ISR 111'] },
  { tag: 'verb', text: 'France criticized China for its trade policy.', expect: ['FRA CHN 111'] },
  { tag: 'verb', text: 'Germany praised Poland for its response.', expect: ['DEU POL 051'] },
  { tag: 'verb', text: 'Japan accused North Korea of provocation.', expect: ['JPN PRK 112'] },
  { tag: 'verb', text: 'Egypt hosted Jordan at a regional meeting.', expect: ['EGY JOR 043'] },
  { tag: 'verb', text: 'Turkey visited Azerbaijan last week.', expect: ['TUR AZE 042'] },
  {
    tag: 'verb',
    text: 'India met Pakistan in a neutral venue.',
    expect: ['IND PAK 04'],
    absent: ['PAK IND 04'],
  },
  { tag: 'verb', text: 'Brazil telephoned Argentina about the crisis.', expect: ['BRA ARG 041'] },
  { tag: 'verb', text: 'Canada expelled Russian diplomats.', expect: ['CAN RUS 16'] },
  { tag: 'verb', text: 'Israel bombed Gaza overnight.', expect: ['ISR PSE 19'] },
  { tag: 'verb', text: 'Britain threatened Iran with new sanctions.', expect: ['GBR IRN 13'] },
  { tag: 'verb', text: 'China warned Taiwan against independence moves.', expect: ['CHN TWN 13'] },
  {
    tag: 'verb',
    text: 'Sweden welcomed Finland to the summit in Stockholm.',
    expect: ['SWE FIN 043'],
  },
  { tag: 'verb', text: 'Kenya rejected Somalia’s claim to the waters.', expect: ['KEN SOM 12'] },
  { tag: 'verb', text: 'Mexico thanked Spain for its support.', expect: ['MEX ESP 051'] },
  { tag: 'verb', text: 'Ethiopia fought Eritrea along the border.', expect: ['ETH ERI 19'] },
  {
    tag: 'verb',
    text: 'Norway mediated between Colombia and the rebels.',
    expect: ['NOR COL 045'],
  },
  { tag: 'verb', text: 'Qatar denounced Israel after the raid.', expect: ['QAT ISR 111'] },
  { tag: 'verb', text: 'Italy blamed Libya for the migrant surge.', expect: ['ITA LBY 112'] },
  // noun patterns
  {
    tag: 'noun',
    text: 'Talks between Iran and Russia ended on Friday.',
    expect: ['IRN RUS 04', 'RUS IRN 04'],
  },
  {
    tag: 'noun',
    text: 'The phone call between Germany and France lasted an hour.',
    expect: ['DEU FRA 041', 'FRA DEU 041'],
  },
  { tag: 'noun', text: "Russia's attack on Ukraine drew protests.", expect: ['RUS UKR 19'] },
  { tag: 'noun', text: "China's visit to Pakistan was postponed.", expect: ['CHN PAK 042'] },
  {
    tag: 'noun',
    text: 'The Japanese condemnation of North Korea was swift.',
    expect: ['JPN PRK 111'],
  },
  // passive voice
  {
    tag: 'passive',
    text: 'Ukraine was attacked by Russia on Sunday.',
    expect: ['RUS UKR 19'],
    absent: ['UKR RUS 19'],
  },
  { tag: 'passive', text: 'Israel was condemned by Turkey for the raid.', expect: ['TUR ISR 111'] },
  {
    tag: 'passive',
    text: 'Syria was accused by the United States of using chemical weapons.',
    expect: ['USA SYR 112'],
  },
  { tag: 'passive', text: 'Iraq was visited by Iran last month.', expect: ['IRN IRQ 042'] },
  {
    tag: 'passive',
    text: 'Cuba was praised by Venezuela for its doctors.',
    expect: ['VEN CUB 051'],
  },
  { tag: 'passive', text: 'Ukraine was attacked overnight.', absent: ['* UKR 19'] },
  // coordination
  {
    tag: 'coord',
    text: 'France and Germany condemned Russia.',
    expect: ['FRA RUS 111', 'DEU RUS 111'],
  },
  {
    tag: 'coord',
    text: 'Iran, Syria and Iraq criticized Israel.',
    expect: ['IRN ISR 111', 'SYR ISR 111', 'IRQ ISR 111'],
  },
  {
    tag: 'coord',
    text: 'Japan condemned China and Russia.',
    expect: ['JPN CHN 111', 'JPN RUS 111'],
  },
  {
    tag: 'coord',
    text: 'Egypt and Jordan praised Saudi Arabia.',
    expect: ['EGY SAU 051', 'JOR SAU 051'],
  },
  // reciprocal
  {
    tag: 'reciprocal',
    text: 'Russia and China held talks in Beijing.',
    expect: ['RUS CHN 04', 'CHN RUS 04'],
  },
  {
    tag: 'reciprocal',
    text: 'India held talks with Japan on trade.',
    expect: ['IND JPN 04', 'JPN IND 04'],
  },
  {
    tag: 'reciprocal',
    text: 'Turkey signed an agreement with Qatar.',
    expect: ['TUR QAT 057', 'QAT TUR 057'],
  },
  {
    tag: 'reciprocal',
    text: 'Armenia and Azerbaijan signed a peace treaty.',
    expect: ['ARM AZE 057', 'AZE ARM 057'],
  },
  {
    tag: 'reciprocal',
    text: 'Greece met with Cyprus on Tuesday.',
    expect: ['GRC CYP 04'],
    absent: ['CYP GRC 04'],
  },
  // reported speech
  { tag: 'speech', text: 'Iran accused Israel of sabotage at the plant.', expect: ['IRN ISR 112'] },
  { tag: 'speech', text: 'France urged Iran to resume talks.', expect: ['FRA IRN 02'] },
  {
    tag: 'speech',
    text: 'The United States urged Israel to halt the offensive.',
    expect: ['USA ISR 02'],
  },
  { tag: 'speech', text: 'Germany warned Russia against escalation.', expect: ['DEU RUS 13'] },
  { tag: 'speech', text: 'China welcomed the agreement with Brazil.', expect: ['CHN BRA 05'] },
  { tag: 'speech', text: 'Poland called on Germany to send tanks.', expect: ['POL DEU 02'] },
  { tag: 'speech', text: 'Iran demanded that Britain release the tanker.', expect: ['IRN GBR 10'] },
  { tag: 'speech', text: 'Russia blamed Ukraine for the attack.', expect: ['RUS UKR 112'] },
  // negation
  { tag: 'negation', text: 'Russia did not attack Ukraine.', absent: ['RUS UKR 19'] },
  { tag: 'negation', text: 'Iran never condemned Russia.', absent: ['IRN RUS 111'] },
  { tag: 'negation', text: 'China has not visited Japan since 2019.', absent: ['CHN JPN 042'] },
  { tag: 'negation', text: 'Germany did not praise France.', absent: ['DEU FRA 051'] },
  {
    tag: 'negation',
    text: 'Russia denied attacking Ukraine.',
    absent: ['RUS UKR 19'],
    expect: ['RUS * 016'],
  },
  {
    tag: 'negation',
    text: 'Israel will not send troops to Lebanon.',
    absent: ['ISR LBN 19', 'ISR LBN 15'],
  },
  {
    tag: 'negation',
    text: 'The talks not only helped Iran and Russia but also Turkey.',
    absent: ['* * 016'],
  },
  // intent
  { tag: 'intent', text: 'Iran agreed to meet Russia next week.', expect: ['IRN RUS 036'] },
  { tag: 'intent', text: 'France plans to visit Algeria in May.', expect: ['FRA DZA 036'] },
  { tag: 'intent', text: 'China will visit Brazil in June.', expect: ['CHN BRA 036'] },
  { tag: 'intent', text: 'India promised to provide aid to Nepal.', expect: ['IND NPL 033'] },
  { tag: 'intent', text: 'Egypt pledged support for Sudan.', expect: ['EGY SDN 032'] },
  { tag: 'intent', text: 'Russia threatened to attack Ukraine.', expect: ['RUS UKR 13'] },
  {
    tag: 'intent',
    text: 'Iran refused to meet the United States.',
    expect: ['IRN USA 12'],
    absent: ['IRN USA 04'],
  },
  {
    tag: 'intent',
    text: 'Iran agreed on Monday to hold talks with Russia.',
    expect: ['IRN RUS 036'],
    absent: ['RUS IRN 036'],
  },
  {
    tag: 'subject',
    text: 'France condemned Iran, which had urged Iraq to expel the envoy.',
    expect: ['FRA IRN 111', 'IRN IRQ 02'],
    absent: ['FRA IRQ 02'],
  },
  // hypothetical
  {
    tag: 'hypothetical',
    text: 'Russia could attack Ukraine in the spring.',
    absent: ['RUS UKR 19'],
  },
  {
    tag: 'hypothetical',
    text: 'Israel might strike Iran soon.',
    absent: ['ISR IRN 19', 'ISR IRN 18'],
  },
  {
    tag: 'hypothetical',
    text: 'If Iran attacks Israel, the region will burn.',
    absent: ['IRN ISR 19'],
  },
  {
    tag: 'hypothetical',
    text: 'Japan would condemn China, officials said.',
    absent: ['JPN CHN 111'],
  },
  {
    tag: 'hypothetical',
    text: 'Turkey is considering sanctions against Sweden.',
    absent: ['TUR SWE 163'],
  },
  // subjects, appositions, relative clauses
  { tag: 'subject', text: 'Iran on Monday condemned Israel.', expect: ['IRN ISR 111'] },
  {
    tag: 'subject',
    text: 'Vladimir Putin, the president of Russia, criticized Ukraine.',
    expect: ['RUSGOV UKR 111'],
  },
  {
    tag: 'subject',
    text: 'Iran, which borders Iraq, condemned Israel.',
    expect: ['IRN ISR 111'],
    absent: ['IRQ ISR 111'],
  },
  {
    tag: 'subject',
    text: 'Thousands of Iraqi protesters demonstrated in Baghdad.',
    expect: ['IRQ * 14'],
  },
  { tag: 'subject', text: 'Russia said it would not attack Finland.', absent: ['RUS FIN 19'] },
  {
    // the clause after "after" has a subject of its own, no actor: not the marchers
    tag: 'subject',
    text: 'Hundreds of Armenian students marched in Yerevan, angry after the cabinet froze talks on joining NATO.',
    expect: ['ARM * 14'],
    absent: ['ARM IGOWSTNAT 16', 'ARM IGOWSTNAT 05'],
  },
  {
    // ... nor are its actors the target of the act before it
    tag: 'target',
    text: 'Thousands of Kenyan workers went on strike, demanding higher pay after the board cut talks with the IMF.',
    absent: ['KEN IGOBUSIMF 14'],
  },
  {
    tag: 'subject',
    text: 'Iran condemned the attack and urged Israel to stop.',
    expect: ['IRN ISR 02'],
  },
  {
    tag: 'subject',
    text: 'The talks between Iran and Russia were productive. The dialogue also praised Turkey.',
    expect: ['IRN TUR 051', 'RUS TUR 051'],
  },
  { tag: 'self', text: "Iran condemned Iran's enemies abroad.", absent: ['IRN IRN 111'] },
  // targets after prepositions
  {
    tag: 'target',
    text: 'Libya offered to hand over the suspects to Britain.',
    expect: ['LBY GBR 03'],
  },
  { tag: 'target', text: 'Japan sent humanitarian aid to Turkey.', expect: ['JPN TUR 07'] },
  { tag: 'target', text: 'Israeli forces struck targets in Gaza.', expect: ['ISR PSE 1'] },
  // headings and dates are separate cases below; sentences with no actors
  {
    tag: 'none',
    text: 'The weather was mild and the markets were calm.',
    absent: ['* * 0', '* * 1', '* * 2'],
  },
  { tag: 'none', text: 'Officials met in a hotel to talk.', absent: ['* * 04'] },
  {
    tag: 'none',
    text: 'The company struck a deal with its suppliers.',
    absent: ['* * 19', '* * 18'],
  },
  { tag: 'none', text: 'Inflation attacked household budgets across Europe.', absent: ['* * 19'] },
  { tag: 'none', text: 'Prices rose again in March.', absent: ['* * 0', '* * 1'] },
  // bare group nouns take the country the text is about (dictionaries/actors/lexicon.tsv)
  {
    tag: 'group',
    text: 'Police arrested dozens of protesters in Nairobi on Tuesday.',
    expect: ['KENCOP KENOPP 17'],
  },
  {
    tag: 'group',
    text: 'Rebels in northern Mali attacked an army post.',
    expect: ['MLIREB MLI 19'],
  },
  {
    tag: 'group',
    text: "Chile's government announced new fuel taxes on Monday. Students protested against the taxes on Wednesday.",
    expect: ['CHLEDU CHLGOV 14'],
  },
  { tag: 'group', text: 'Students gathered in the library to study.', absent: ['* * 0', '* * 1'] },
  { tag: 'group', text: 'Police said the road was closed.', absent: ['* * 0', '* * 1'] },
  // domestic targets (dictionaries/events/domestic-targets.tsv)
  {
    tag: 'domestic',
    text: 'Thousands of Peruvians demonstrated on Sunday.',
    expect: ['PER PERGOV 14'],
  },
  {
    tag: 'domestic',
    text: 'Thai authorities imposed a curfew on Friday.',
    expect: ['THAGOV THACVL 17'],
  },
  {
    tag: 'domestic',
    text: 'Farmers in France blocked roads to demand higher prices.',
    expect: ['FRAAGR FRAGOV 14'],
    absent: ['* * 10'],
  },
  // a place or actor later in the sentence as the target; regions of one country
  {
    tag: 'place',
    text: 'Russia staged naval exercises off the coast of Alaska.',
    expect: ['RUS USA 15'],
  },
  { tag: 'place', text: 'Mexico sent aid to California.', expect: ['MEX USA 07'] },
  {
    tag: 'place',
    text: 'Iran said it was ready to cooperate on stability in the Caucasus.',
    expect: ['IRN - 03'],
    absent: ['* CAU *'],
  },
  {
    tag: 'place',
    text: 'Russian forces shelled a town in Western Ukraine.',
    expect: ['RUSMIL UKR 19'],
    absent: ['* WST *'],
  },
  // roles: infinitives, appositions, coordination, hyphenated adjectives
  { tag: 'roles', text: 'Japan continued to send aid to Nepal.', expect: ['JPN NPL 07'] },
  {
    tag: 'roles',
    text: 'The US envoy in Iraq, a career diplomat, held talks with Kuwait.',
    expect: ['USAGOV KWT 04'],
    absent: ['IRQ * *', '* IRQ *'],
  },
  {
    tag: 'roles',
    text: 'Brazil and the United States agreed to deepen their partnership.',
    expect: ['BRA USA 03', 'USA BRA 03'],
  },
  {
    tag: 'roles',
    text: 'Saudi-led forces recaptured a port town in Yemen.',
    expect: ['SAU YEM 19'],
  },
  {
    tag: 'roles',
    text: 'Syrian jets killed twelve civilians on Sunday.',
    expect: ['SYR SYRCVL 19'],
  },
  // new patterns
  {
    tag: 'demand',
    text: 'Germany said Hungary must respect the court ruling.',
    expect: ['DEU HUN 10'],
  },
  {
    tag: 'demand',
    text: 'Egypt said Israel must hold talks with Hamas.',
    expect: ['EGY ISR 106'],
    absent: ['EGY ISR 100'],
  },
  {
    tag: 'verb',
    text: 'Ukraine ratified the trade agreement with the European Union.',
    expect: ['UKR IGO 057'],
    absent: ['IGO UKR 057'],
  },
  {
    tag: 'threaten',
    text: 'Russia threatened to cut off gas supplies to Moldova.',
    expect: ['RUS MDA 131'],
  },
  {
    tag: 'fight',
    text: 'Armenia opened artillery fire on Azerbaijani border posts.',
    expect: ['ARM AZE 194'],
  },
  {
    tag: 'intent',
    text: 'Spain and Morocco agreed to exchange information on migration.',
    expect: ['ESP MAR 031', 'MAR ESP 031'],
    absent: ['* * 0353'],
  },
  { tag: 'aid', text: 'Ukraine received tanks from Germany.', expect: ['DEU UKR 072'] },
  {
    tag: 'appeal',
    text: 'Washington wants Seoul to raise its defence spending.',
    expect: ['USAGOV KORGOV 02'],
  },
  {
    tag: 'consult',
    text: 'Putin praised the first session of the joint intergovernmental commission in Ankara.',
    expect: ['RUSGOV TUR 04'],
  },
  // the act reported, not what it is about
  {
    tag: 'embedded',
    text: 'Kenya agreed to Norwegian mediation in its talks with Somalia.',
    expect: ['KEN NOR 038'],
    absent: ['SOM KEN 04'],
  },
  {
    tag: 'embedded',
    text: 'UN troops pulled back to the Israeli-occupied side of the border.',
    absent: ['* * 192', 'ISR * *'],
  },
  // longer gaps and new patterns
  {
    tag: 'cooperate',
    text: 'Peru extradited a suspected drug trafficker from Colombia to the United States.',
    expect: ['PER USA 063'],
  },
  {
    tag: 'yield',
    text: 'Nigerian doctors called off a two-week strike on Monday.',
    expect: ['NGAHLH - 082'],
  },
  {
    tag: 'violence',
    text: 'Soldiers forced hundreds of villagers from their homes in Darfur.',
    expect: ['SDNMIL SDN 201'],
  },
  {
    tag: 'assault',
    text: 'Rebels in Yemen used hundreds of displaced civilians as human shields.',
    expect: ['YEMREB YEMCVL 184'],
  },
  // second round: direction, places, passives without an agent, frames
  {
    tag: 'one-way',
    text: 'The Japanese prime minister met with the Indian president on Friday.',
    expect: ['JPN IND 04'],
    absent: ['IND JPN 04'],
  },
  {
    tag: 'one-way',
    text: 'The Dutch king met on Monday with exiled dissidents from Belarus.',
    expect: ['NLD BLR 04'],
    absent: ['BLR NLD 04'],
  },
  {
    tag: 'one-way',
    text: 'Chile and Peru met in Lima to settle the border dispute.',
    expect: ['CHL PER 04', 'PER CHL 04'],
  },
  {
    tag: 'one-way',
    text: 'Talks between Ghana and Togo resumed on Tuesday.',
    expect: ['GHA TGO 04', 'TGO GHA 04'],
  },
  {
    tag: 'comment-place',
    text: 'The Egyptian foreign minister made a statement in Paris on Monday.',
    expect: ['EGY - 010'],
    absent: ['* FRA *'],
  },
  {
    tag: 'comment-place',
    text: 'The German chancellor expressed sorrow over the deadly floods in Italy.',
    expect: ['DEU ITA 018'],
  },
  {
    tag: 'modal',
    text: 'Turkey said it would free 30 Greek fishermen.',
    expect: ['TUR GRC 03'],
  },
  {
    tag: 'participle',
    text: 'Norway helped several exiled dissidents from Belarus.',
    expect: ['NOR BLR 07'],
    absent: ['* * 174'],
  },
  {
    tag: 'scheduled',
    text: 'The Polish president is scheduled to visit Lithuania next week.',
    expect: ['POL LTU 042'],
    absent: ['* * 03'],
  },
  {
    tag: 'scheduled',
    text: 'The Polish president plans to visit Lithuania next week.',
    expect: ['POL LTU 036'],
  },
  {
    tag: 'scheduled',
    text: 'The Mexican president attended a summit in Peru on Monday.',
    expect: ['MEX PER 04'],
  },
  {
    tag: 'intent',
    text: 'Chile and Bolivia agreed to meet next month.',
    expect: ['CHL BOL 036', 'BOL CHL 036'],
  },
  {
    tag: 'purpose',
    text: 'The Omani foreign minister began a tour aimed at pushing for a truce in Yemen.',
    absent: ['* * 02', '* * 08'],
  },
  {
    tag: 'asked',
    text: 'Iran was urged by its allies to release the British sailors.',
    absent: ['* * 08'],
  },
  {
    tag: 'passive',
    text: 'Five protesters were arrested in Cairo on Friday.',
    expect: ['EGYCOP EGYOPP 173'],
    absent: ['EGYOPP * *'],
  },
  {
    tag: 'passive',
    text: 'Two Americans were arrested on Friday.',
    absent: ['* * 173'],
  },
  {
    tag: 'passive',
    text: 'Three civilians were killed in Russian artillery shelling in eastern Ukraine.',
    expect: ['RUS UKR 19'],
    absent: ['* RUS *'],
  },
  {
    tag: 'passive',
    text: 'Two farmers were wounded in an Israeli air strike in southern Lebanon.',
    expect: ['ISR LBN 19'],
    absent: ['* ISR *'],
  },
  {
    tag: 'passive',
    text: 'Four villagers were killed in a Turkish drone strike in northern Iraq.',
    expect: ['TUR IRQ 19'],
  },
  {
    tag: 'riot',
    text: 'The French consulate was vandalized by Algerian protesters.',
    expect: ['DZA FRA 145'],
  },
  {
    tag: 'ethnic',
    text: 'Ethnic Hungarians in Slovakia protested against the new language law.',
    expect: ['SVK SVKGOV 14'],
    absent: ['HUN * *'],
  },
  { tag: 'ethnic', text: 'Ethnic Serbs demanded autonomy.', expect: ['SRB - 10'] },
  {
    tag: 'context-group',
    text: 'Lawmakers in Kenya criticized the Ugandan government.',
    expect: ['KENLEG UGAGOV 11'],
  },
  {
    tag: 'means',
    text: 'Two Afghan suicide bombers killed 14 Pakistani soldiers when they blew themselves up near the border.',
    expect: ['AFG PAKMIL 1831'],
    absent: ['AFG * 190', 'AFG - *'],
  },
  {
    tag: 'means',
    text: 'Irish guerrillas wounded two British soldiers in a bomb attack on Thursday.',
    expect: ['IRLREB GBRMIL 183'],
    absent: ['* * 190'],
  },
  {
    tag: 'means',
    text: 'Taliban fighters killed six Afghan policemen in a roadside bomb blast.',
    expect: ['AFG AFGCOP 1833'],
  },
  // acts the sentence dates to a year before the story's are recalled, not coded
  {
    tag: 'recalled',
    text: 'India and China held talks on Tuesday near the pass where Indian and Chinese troops fought in 2020.',
    expect: ['IND CHN 04'],
    absent: ['IND CHN 19', 'CHN IND 19'],
  },
  {
    tag: 'recalled',
    text: 'In 2019, Iran and Iraq signed a border agreement.',
    absent: ['IRN IRQ 0', 'IRQ IRN 0'],
  },
  {
    tag: 'recalled',
    text: 'Peru expelled Chilean diplomats in March 2017 over the spying affair.',
    absent: ['PER CHL 1'],
  },
  {
    tag: 'recalled',
    text: 'Serbia and Kosovo fought a war during the 1990s.',
    absent: ['SRB * 19'],
  },
  {
    tag: 'recalled',
    text: 'Peru expelled Chilean diplomats in March 2024 over the spying affair.',
    expect: ['PER CHL 1'],
  },
  {
    tag: 'recalled',
    text: 'In the 2019 annual report, Iran accused Iraq of smuggling.',
    expect: ['IRN IRQ 112'],
  },
  {
    tag: 'recalled',
    text: 'Peru expelled Chilean diplomats in March over the 2019 spying affair.',
    date: '2024-05-02',
    expect: ['PER CHL 1'],
  },
  // a participle clause after a comma shares the main clause's subject
  {
    tag: 'participle',
    text: 'Thousands of protesters took to the streets of Caracas on Monday, battling riot police.',
    expect: ['VENOPP VENCOP 19'],
  },
  {
    tag: 'participle',
    text: 'A camp for Sudanese refugees was shelled on Monday, killing 15 people.',
    absent: ['SDNREF * 1', 'SDNREF - *'],
  },
  // words that make a pattern's verb or noun no event
  {
    tag: 'not-an-event',
    text: 'Chile protected its farmers without imposing sanctions on Peru.',
    absent: ['CHL PER 16'],
  },
  {
    tag: 'not-an-event',
    text: 'Rainfall in Kenya was adequate to meet crop demands.',
    absent: ['KEN * 04'],
  },
  {
    tag: 'not-an-event',
    text: 'Asked about a U.S.-Japan trade war, the minister said it would be disastrous.',
    absent: ['USA JPN 06', 'JPN USA 06'],
  },
  {
    tag: 'not-an-event',
    text: 'Brazilian officials conceded that the plan had failed.',
    absent: ['BRA * 08'],
  },
  {
    tag: 'not-an-event',
    text: 'Brazil conceded to Argentina on the tariff issue.',
    expect: ['BRA ARG 08'],
  },
];
