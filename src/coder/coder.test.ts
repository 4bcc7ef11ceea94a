// The coding stages on hand-written sentences: actors, events, grammar cases, dates and places.
import { describe, expect, it } from 'vitest';
import { loadDictionaries } from '../dictionaries/load.js';
import { codeArticle } from './code-article.js';
import { createWinkAnalyzer } from '../nlp/analyse.js';
import { createGazetteer } from './gazetteer.js';
import { loadParser } from '../nlp/parser/index.js';

const deps = { dicts: loadDictionaries(), analyzer: createWinkAnalyzer(), gazetteer: createGazetteer(), parser: loadParser() };

function code(text: string, date = '2024-04-26') {
  return codeArticle({ id: 't', origin: 't', date, title: null, url: null, text }, deps);
}
const triples = (text: string, date?: string) => code(text, date).events.map((e) => `${e.source?.code} ${e.cameo} ${e.target?.code ?? '-'}`);

describe('actors', () => {
  it('composes country, role and name into one actor, and an appositive into another', () => {
    const { mentions } = code("China's top legislator Zhao Leji held talks with Yerlan Koshanov, speaker of the Mazhilis, in Beijing.");
    expect(mentions.filter((m) => !m.locative).map((m) => [m.text, m.code])).toEqual([
      ['Zhao Leji', 'CHNLEG'],
      ['Yerlan Koshanov', 'KAZLEG'],
    ]);
  });
  it('reads the office a person held on the date', () => {
    const before = code('Joe Biden met reporters.', '2015-06-01').mentions[0];
    const after = code('Joe Biden met reporters.', '2022-06-01').mentions[0];
    expect(before.code).toBe('USAGOV');
    expect(after.code).toBe('USAGOV');
    expect(code('Joe Biden met reporters.', '2025-06-01').mentions[0].code).toBe('USAELI');
  });
  it('takes no target from a second predicate with its own auxiliary, but shares an object between two verbs', () => {
    expect(triples('Nauru said it would demand an apology and would also take the issue to the United Nations.', '2018-09-06')).not.toContain('NRUGOV 100 IGOUNO');
    expect(triples('Russian forces shot at and seized three Ukrainian navy vessels.', '2018-11-26')).toContain('RUSMIL 171 UKRMIL');
  });
  it('takes no target from the subject of a clause a subordinator opens, but does from a condition', () => {
    expect(triples('Belarus police detained dozens in Minsk as the EU readied sanctions.', '2020-08-12')).not.toContain('BLRCOP 173 IGOEUREEC');
    expect(triples('Russia has threatened to stop negotiations on nuclear weapons if the United States goes ahead with the deployment of new missiles.')).toContain('RUSGOV 130 USAGOV');
  });
  it('aims a government\'s protest with no target at the party the whole article names most, in a headline too', () => {
    const text = ' date 2022-08-04 China fires missiles around Taiwan; Japan protests landings in its waters\n\nTOKYO, Aug 4 (Reuters) - China fired missiles on Thursday. China said the drills would go on. Beijing warned Tokyo.';
    expect(triples(text, '2022-08-04')).toContain('JPNGOV 114 CHNGOV');
    expect(triples(text, '2022-08-04')).not.toContain('JPNGOV 114 TWNGOV');
  });
  it('passes over an actor inside a relative clause closed before the trigger when looking for its subject', () => {
    const text = 'Iranian students, who blame President Vladimir Putin for the crisis, marched on the parliament in Tehran.';
    for (const parser of [deps.parser, null]) {
      const { events } = codeArticle({ id: 't', origin: 't', date: '2024-04-26', title: null, url: null, text }, { ...deps, parser });
      expect(events.map((e) => `${e.source?.code} ${e.cameo} ${e.target?.code}`)).toEqual(['IRNEDU 112 RUSGOV', 'IRNEDU 141 IRNLEG']);
    }
  });
  it('reads `Latin America` and `South American` as continents, not the United States', () => {
    const codes = (text: string) => code(text).mentions.map((m) => m.code);
    expect(codes('Latin American leaders met the Secretary of State for Latin America.')).not.toContain('USAGOV');
    expect(codes('North American officials condemned the coup.')).toEqual([]);
    expect(codes('South Korean diplomats met American officials.')).toEqual(['KORGOV', 'USAGOV']);
  });
  it('resolves a surname out of office to the person the article names in full, before or after', () => {
    const text = ' date 2016-12-03 Beijing protests after Trump takes call from Taiwan\'s Tsai\n\nPresident-elect Donald Trump spoke with Tsai Ing-wen.';
    const trump = code(text, '2016-12-03').mentions.filter((m) => m.text === 'Trump');
    expect(trump.map((m) => [m.code, m.why[0].rule])).toEqual([['USAGOV', 'surname-of-person-named-in-full']]);
    // Not named in full: a surname alone names no one out of office.
    expect(code(' date 2016-12-03 Beijing protests after Trump takes call from Taiwan\'s Tsai\n\nTsai Ing-wen spoke.', '2016-12-03').mentions.filter((m) => m.text === 'Trump')).toEqual([]);
  });
  it('resolves surnames and pronouns to the person named before', () => {
    const { mentions } = code('Kazakh lawmaker Yerlan Koshanov arrived. Koshanov spoke. He left.');
    expect(mentions.map((m) => m.code)).toEqual(['KAZLEG', 'KAZLEG', 'KAZLEG']);
  });
  it('takes a `he` after the verb of a sentence whose subject is a named person for that person, never for a target', () => {
    // Not the subject of the sentence before, without the tree too (which may miss a subject behind a long appositive).
    const text = 'Vladimir Putin met Xi Jinping. Joe Biden, the first sitting U.S. president to visit Hanoi in decades, said he would sanction Russia.';
    const { events } = codeArticle({ id: 't', origin: 't', date: '2024-04-26', title: null, url: null, text }, { ...deps, parser: null });
    expect(events.map((e) => `${e.source?.code} ${e.cameo} ${e.target?.code}`)).toContain('USAGOV 1312 RUSGOV');
    // Nor the object of an opening phrase.
    expect(triples('Xi Jinping visited Moscow on Monday. After meeting Emmanuel Macron in Paris, Joe Biden said he criticized Russia.')).toContain('USAGOV 111 RUSGOV');
    // A subject pronoun opens a clause of its own: the target is looked for past it.
    expect(triples('Xi Jinping met Vladimir Putin. Joe Biden pledged help as he toured Ukraine.')).toContain('USAGOV 070 UKRGOV');
  });
  it('resolves the given name of an Ethiopian, and the family name of a Korean, to the person named before', () => {
    expect(code('Ethiopian Prime Minister Abiy Ahmed arrived. Abiy spoke.', '2020-06-01').mentions.map((m) => m.code)).toEqual(['ETHGOV', 'ETHGOV']);
  });
  it('takes a capital for its government, and a name after a locative preposition for a place', () => {
    const { mentions } = code('Beijing condemned the vote in Moscow.');
    expect(mentions.map((m) => [m.code, Boolean(m.locative)])).toEqual([['CHNGOV', false], ['RUS', true]]);
  });
  it('codes an ethnic group as people of the country where they are', () => {
    expect(code('Up to 100 ethnic Albanians demonstrated in southern Serbia.').mentions[0].code).toBe('SRBCVL');
    expect(code('Ethnic Armenian forces attacked.').mentions[0].code).toBe('ARMMIL');
  });
  it('takes a capitalised geographic name for a place, not a person', () => {
    expect(code('Peace on the Korean Peninsula matters.').mentions).toEqual([]);
  });
  it('takes the two parties\' militaries for `both armies`', () => {
    const { events } = code('Indian and Chinese troops clashed in Ladakh. The army said senior officers from both armies held talks on Tuesday morning to ease the tension.', '2020-06-16');
    expect(events.some((e) => e.cameo.startsWith('04') && [e.source?.code, e.target?.code].sort().join() === 'CHNMIL,INDMIL')).toBe(true);
  });
  it('takes the two parties named most for `the two sides`', () => {
    const { mentions } = code('Russia and Ukraine met in Turkey. Russia and Ukraine talked. Turkey hosted. The two sides agreed.');
    expect(mentions[mentions.length - 1].members?.map((m) => m.code)).toEqual(['RUSGOV', 'UKRGOV']);
  });
  it('takes a role after `at` for someone aimed at, but a building for a place', () => {
    expect(triples('North Korea lashed out at the South Korean government.')).toEqual(['PRKGOV 111 KORGOV']);
    expect(code('Protesters gathered at the Chinese embassy.').mentions.filter((m) => !m.locative)).toEqual([]);
  });
  it('reads a capitalised plural role at the start of a sentence, and no name in a capitalised adverb', () => {
    expect(code('Protesters blocked roads in Kenya.').mentions[0].code).toBe('KENCVL');
    expect(code('Yesterday rebels in the Ivory Coast dismissed an appeal.').mentions.map((m) => m.code)).toEqual(['CIVREB']);
  });
  it('takes civilians with no country named for people of the dateline\'s country', () => {
    expect(code('ANKARA, Dec 20 (Reuters) - Six people have been taken into custody by Turkish authorities.').mentions.map((m) => m.code)).toContain('TURCVL');
  });
  it('takes a country named as an actor for its government', () => {
    expect(code('Kazakhstan supports China.').mentions.map((m) => m.code)).toEqual(['KAZGOV', 'CHNGOV']);
  });
});

describe('events', () => {
  it('codes source, event and target from the clause', () => {
    expect(triples("China's top legislator Zhao Leji held talks with Yerlan Koshanov, speaker of the Mazhilis.")).toEqual(['CHNLEG 040 KAZLEG']);
  });
  it('codes the reported clause, not the speaker', () => {
    expect(triples('Zhao Leji said China is ready to work with Kazakhstan.')).toEqual(['CHNGOV 030 KAZGOV']);
  });
  it('codes nothing for a negated event', () => {
    expect(triples('Russia did not attend talks with Ukraine.')).toEqual([]);
    expect(triples('No U.S. president or president-elect is known to have spoken to a Taiwanese leader.')).toEqual([]);
    // `no` among the pattern's own words.
    expect(triples('Russia held no talks with Ukraine.')).toEqual([]);
  });
  it('takes the agent of a passive as the source', () => {
    const [e] = code('Ukrainian troops were attacked by Russian forces on Monday.').events;
    expect([e.source?.code, e.target?.code]).toEqual(['RUSMIL', 'UKRMIL']);
  });
  it('splits compound actors', () => {
    const events = triples('Russia and Ukraine signed an agreement with Turkey.');
    expect(events.map((e) => e.split(' ')[0] + ' ' + e.split(' ')[2]).sort()).toEqual(['RUSGOV TURGOV', 'UKRGOV TURGOV']);
  });
  it('codes each pair of a compound subject for reciprocal acts', () => {
    expect(triples('The navies of India, the United States and Japan held joint exercises.').map((e) => e.split(' ')[0] + ' ' + e.split(' ')[2])).toEqual([
      'INDMIL USAMIL', 'INDMIL JPNMIL', 'USAMIL JPNMIL',
    ]);
  });
  it('codes a conflict act that is only threatened as a threat, not as the act', () => {
    expect(triples('Iran threatened to cut off electricity to Armenia.')).toEqual(['IRNGOV 131 ARMGOV']);
    expect(triples('The government said it would impose a curfew on the rebels.').every((e) => e.split(' ')[1] === '1323')).toBe(true);
    const [e] = code('Iran threatened to cut off electricity to Armenia.').events;
    expect(e.why.modality?.rule).toBe('threat-of-160');
  });
  it('aims a protest without a target at the actor its purpose names, else the government where it happened', () => {
    expect(triples('Indonesian students staged demonstrations to demand reforms from the Indonesian government.')).toContain('IDNEDU 141 IDNGOV');
    expect(triples('Palestinian prisoners rioted at a jail in northern Israel.')).toEqual(['PSE 145 ISRGOV']);
  });
  it('aims a mediation without a target at the two parties the article names most', () => {
    const found = triples('Russia and Ukraine swapped prisoners on Wednesday. Russia freed 215 Ukrainians. Turkey helped broker the deal.', '2022-09-22');
    const mediated = found.filter((e) => e.startsWith('TURGOV 045 ')).map((e) => e.split(' ')[2].slice(0, 3)).sort();
    expect(mediated).toEqual(['RUS', 'UKR']);
  });
  it('codes a government\'s protest as an official complaint to the other party the article is about', () => {
    const found = triples('China launched military exercises near Japan on Thursday. Tokyo protested strongly through diplomatic channels.', '2022-08-04');
    expect(found.some((e) => e.startsWith('JPNGOV 114 CHN'))).toBe(true);
  });
  it('aims a curfew or martial law without a target at the country where it is imposed, else the own country', () => {
    expect(triples("South Korea's president imposed martial law.")).toEqual(['KORGOV 1724 KOR']);
    expect(triples('The Turkish government imposed a curfew in Syria.')).toEqual(['TURGOV 1723 SYR']);
  });
  it('gives conjoined nationality adjectives the role word after them, and pairs them for reciprocal acts', () => {
    expect(triples('Hungarian and Romanian officials agreed to share information.')).toEqual(['HUNGOV 0314 ROUGOV']);
  });
  it('does not take a country inside a modifier of the subject for the subject', () => {
    expect(triples('The Turkish and Greek sides of the island of Cyprus agreed to share information.')).toEqual(['TURGOV 0314 GRCGOV']);
  });
  it('does not code an act that is only demanded, refused, obliged or proposed', () => {
    expect(triples('Kenya sent peacekeepers to Haiti.')).toEqual(['KENGOV 074 HTIGOV']);
    expect(triples('Pakistan refused to send peacekeepers to Iraq.').some((e) => e.split(' ')[1].startsWith('07'))).toBe(false);
    expect(triples('Greece demanded that its European Union partners refuse to recognize Macedonia.').some((e) => e.split(' ')[1].startsWith('12'))).toBe(false);
    expect(triples('Israel must stop its offensive in Gaza.')).toEqual([]);
  });
  it('codes a request by what was asked for', () => {
    // The generic appeal of `urge {target} to` becomes the appeal for what was urged: a release (0253).
    expect(triples('Egypt urged Israel to release the Palestinian prisoners.')).toContain('EGYGOV 0253 ISRGOV');
    // A conjoined act shares the request: the most specific code of the acts asked for is the request's.
    expect(triples('The U.N. Security Council called on Jammeh to honour the choice of Gambian voters and hand over power.', '2016-12-10')).toContain('IGOUNO 0241 GMBGOV');
    // What a speaker says another must do is the speaker's demand, under the demanded act's code; the act is not coded.
    expect(triples('Libya must hand over the two suspects, the British foreign secretary said.')).toEqual(['GBRGOV 1013 LBYGOV']);
    expect(triples('Britain said Libya must hand over the two suspects.')).toEqual(['GBRGOV 1013 LBYGOV']);
    // A `must` whose act no pattern codes is still the speaker's demand on the actor obliged (generic 100).
    expect(triples('Japan declared that China must drop its barriers to Japanese exports.')).toEqual(['JPNGOV 100 CHNGOV']);
    expect(triples('Japan said the weather must have been the cause.')).toEqual([]);
  });
  it('aims a reaction to an act at whoever did it earlier in the article', () => {
    expect(triples('A Turkish policeman shot dead the Russian ambassador in Ankara on Monday. Russian President Vladimir Putin condemned the killing.')).toContain('RUSGOV 111 TURCOP');
  });
  it('aims a reaction to a court\'s decision at the court the article named last', () => {
    const text = 'The International Court of Justice ordered a halt to the offensive. The court said the situation was disastrous. Israeli officials rejected the ruling, while Egypt welcomed the decision.';
    expect(triples(text)).toEqual(expect.arrayContaining(['ISRGOV 120 IGOUNOJUDICJ', 'EGYGOV 051 IGOUNOJUDICJ']));
    // An international body is of no one country; a quotation mark does not break a pattern.
    expect(triples('An international arbitration tribunal ruled against China. Beijing branded the award "null and void".')).toContain('CHNGOV 120 IGOJUD');
  });
  it('reads `it` or `they` right after a reporting verb as its speaker', () => {
    expect(triples('The Chinese foreign ministry said it had called on Washington to treat the matter with care.')).toContain('CHNGOV 020 USAGOV');
    // Not a person: `it` after `X said` is no person's pronoun.
    expect(code('President Biden said it was time to act.').mentions.filter((m) => m.text === 'it')).toEqual([]);
  });
  it('codes calling an act by a word of blame as disapproval of its doer, and not the act itself', () => {
    const got = triples('The Mexican government called the Ecuadorian raid an authoritarian act.');
    expect(got).toContain('MEXGOV 111 ECU');
    expect(got.some((e) => e.split(' ')[1].startsWith('19'))).toBe(false);
    // A state act declared invalid is rejected; its doer is who the article said did it.
    expect(triples('Yoon Suk Yeol imposed martial law. The South Korean speaker declared the martial law invalid.', '2024-12-04')).toContain('KORLEG 120 KORGOV');
  });
  it('reads a bare role as the latest mention with the same head noun', () => {
    const { mentions } = code('A U.S. delegation arrived in Honiara. China signed a pact with the government. The delegation met Sogavare.', '2022-04-22');
    expect(mentions.find((m) => m.text === 'The delegation')?.code).toBe('USAGOV');
  });
  it('takes no loose target from the subject of a clause a verb reports', () => {
    expect(triples('Waqa told reporters the Chinese envoy had been insolent.', '2018-09-05').some((e) => e.endsWith('CHNGOV'))).toBe(false);
  });
  it('codes a country named alone as the source of military acts as its military', () => {
    expect(triples('Israel carried out air strikes on Beirut.')).toEqual(['ISRMIL 195 LBNGOV']);
    expect(triples('Israel condemned the air strikes on Beirut.').some((e) => e.startsWith('ISRMIL'))).toBe(false);
  });
  it('takes a named person\'s office from the title the text gives, out of office on the date or not', () => {
    const codes = (text: string, date: string) => code(text, date).mentions.filter((m) => m.kind === 'person').map((m) => m.code);
    expect(codes('President Francois Mitterrand welcomed the South African leader.', '2000-01-01')).toEqual(['FRAGOV']);
    expect(codes('Former president Francois Mitterrand welcomed the South African leader.', '2000-01-01')).toEqual(['FRAELI']);
    expect(codes('Francois Mitterrand welcomed the South African leader.', '2000-01-01')).toEqual(['FRAELI']);
  });
  it('codes a state\'s act told in the passive with no doer as the state\'s', () => {
    // The official speaker's state, else the place's.
    expect(triples('Saudi Arabia said 18 Saudi nationals had been arrested.', '2018-10-20')).toEqual(['SAUGOV 173 SAU']);
    expect(triples('Two Kenyan activists were arrested in Uganda.')).toEqual(['UGAGOV 173 KENCVL']);
    // Not a killing: anyone may kill.
    expect(triples('Two Kenyan activists were killed in Uganda.')).toEqual([]);
  });
  it('takes no capitalised word before a common noun for a surname', () => {
    expect(code('A Christian missionary was arrested in Lebanon.').mentions.filter((m) => m.kind === 'person')).toEqual([]);
  });
  it('takes a role word before `-led` or `-controlled` for a modifier', () => {
    const { mentions } = code("Sudan's army-led Sovereignty Council accused the RSF of massacring civilians.", '2024-06-06');
    expect(mentions[0].code).toBe('SDNGOV');
  });
  it('codes what a crowd of protesters demands as a demonstration for it', () => {
    expect(triples('Belarusian demonstrators demanded the resignation of Alexander Lukashenko.', '2020-08-27')).toEqual(['BLRCVL 1411 BLRGOV']);
    expect(triples('The Belarusian opposition demanded the resignation of Alexander Lukashenko.', '2020-08-27')).toEqual(['BLROPP 1041 BLRGOV']);
  });
  it('does not end a sentence at an exclamation inside quotes that the sentence goes on after', () => {
    const { doc } = code('Belarusian demonstrators chanted "Leave!" and demanded a new vote. Police watched.');
    expect(doc.sentences.length).toBe(2);
  });
  it('codes civilians massing somewhere as demonstrating, troops as mobilising', () => {
    expect(triples('Kenyan protesters massed along the Ugandan border.')).toEqual(['KENCVL 141 UGA']);
    expect(triples('Russian troops massed along the Ukrainian border.')).toEqual(['RUSMIL 154 UKR']);
  });
  it('codes a mediation named by a participle between the parties of what it brokered', () => {
    expect(triples('The truce between Armenia and Azerbaijan was brokered by Russia.').sort()).toEqual(['ARMGOV 0871 AZEGOV', 'RUSGOV 045 ARMGOV', 'RUSGOV 045 AZEGOV']);
    // The purpose of an announced act is announced with it: an offer to mediate (039).
    expect(triples('The Gambian president will visit Mauritania and Senegal to mediate in their border dispute.')).toContain('GMBGOV 039 MRTGOV');
  });
  it('codes an ethnic community by where it lives', () => {
    const codes = (text: string) => code(text).mentions.filter((m) => !m.locative).map((m) => m.code);
    expect(codes('The Mozambique government accepted demands from Shona rebels.')).toEqual(['MOZGOV', 'MOZREB']);
    expect(codes('Shona rebels attacked a police station.')).toEqual(['ZWEREB']);
    expect(codes('Iraqi Kurds demonstrated in Kirkuk.')).toEqual(['IRQ']);
  });
  it('falls back on a match\'s alternative when a longer match took one of its words', () => {
    // `demand {target} recognize` loses `recognize` to `refuse to recognize`; `demand {target}` stands instead.
    expect(triples('Greece demanded that its European Union partners refuse to recognize Macedonia.')).toContain('GRCGOV 100 IGOEUREEC');
  });
  it('reads a titled surname no one holds on the date as the office of its holders, when they are of one country', () => {
    expect(triples('President Bush has threatened further action against Russia.', '2000-01-01')).toEqual(['USAGOV 130 RUSGOV']);
    // So is a surname before its office's word: `the Clinton administration`.
    expect(triples('The Clinton administration criticized China.', '2005-01-01')).toEqual(['USAGOV 111 CHNGOV']);
  });
  it('reads the country at a phrase\'s head, and a role word tagged as an adjective at its end', () => {
    // `NATO member`: the organisation only says what the country belongs to.
    expect(triples('NATO member Norway criticized Russia.')).toEqual(['NORGOV 111 RUSGOV']);
    expect(code('The Philippine military violated the truce.').mentions[0].code).toBe('PHLMIL');
    // A listed name that starts with a small letter is found too; an article stays outside the name.
    expect(triples('al-Shabaab attacked Mogadishu.')).toEqual(['SOMREB 190 SOMGOV']);
    expect(code('The peshmerga attacked Mosul.').mentions[0].code).toBe('IRQMIL');
  });
  it('announces the purpose of an announced act with it, and leaves the alleged cause of an arrest uncoded', () => {
    expect(triples('Norway is willing to send material to help Saudi Arabia.')).toEqual(['NORGOV 033 SAUGOV']);
    expect(triples('Lebanon arrested a Canadian missionary for collaborating with Israel.').some((e) => e.startsWith('CAN'))).toBe(false);
  });
  it('reads the object of a verb that makes or lets an act happen as its doer', () => {
    expect(triples('The raid prompted Mexico to sever diplomatic relations with Ecuador.')).toEqual(['MEXGOV 161 ECUGOV']);
  });
  it('codes no act that is denied, and no obligation in an inference', () => {
    expect(triples('Russia denied that it had attacked Ukraine.')).toEqual([]);
    expect(triples("India's high commission rejected reports that New Delhi had helped him get away.")).toEqual([]);
    expect(triples('Britain said Libya must have handed over the suspects.').some((e) => e.includes(' 10'))).toBe(false);
    // A finite verb after `and` is a clause of its own: not refused with the act before it.
    expect(triples('Pakistan has refused to deploy troops in Iraq and has urged Iraq to hold elections.')).toContain('PAKGOV 0244 IRQGOV');
  });
  it('takes a participle between an article and a noun for a modifier, and no speaker for a target', () => {
    expect(triples('Activists from the defeated Fatah party staged rallies against Hamas.').some((e) => e.includes(' 190 '))).toBe(false);
    expect(triples('Burmese troops attacked a rebel base after days of fighting, Thai police said.').some((e) => e.includes('THACOP'))).toBe(false);
  });
  it('places an ethnic group in its country named later in the sentence', () => {
    expect(code("A Hutu rebel group demanded that Burundi's government grant more rights.").mentions[0].code).toBe('BDIREB');
  });
  it('lets a complete match keep a word a match without its slot wanted', () => {
    expect(triples('The PKK issued a declaration demanding that the Turkish government release Ocalan.')).toContain('TURREB 1053 TURGOV');
  });
  it('announces an act through the aspectual verb before it, and a conflict act aimed at as a threat', () => {
    expect(triples('The Macedonian army prepared to resume shelling Albanian villages.')).toEqual(['MKDMIL 1384 ALB']);
    expect(triples('The resolution by the United Nations aims to tighten sanctions against Serbia.').some((e) => e.includes(' 163 '))).toBe(false);
  });
  it('takes a backer named before -backed for no actor, and a leader before -led for its country', () => {
    expect(triples('Russian-backed separatists attacked Ukrainian troops in Donetsk.')).toEqual(['UKRREB 190 UKRMIL']);
    expect(triples('Vietnamese-led forces attacked the rebels of Cambodia.')[0]?.startsWith('VNMMIL')).toBe(true);
  });
  it('knows the spokespeople of major governments', () => {
    const { mentions } = code('Foreign ministry spokeswoman Hua Chunying criticized Nauru.', '2018-09-04');
    expect(mentions.find((m) => m.text === 'Hua Chunying')?.code).toBe('CHNGOV');
  });
  it('takes the actor an appositive describes for the subject, not the appositive', () => {
    expect(triples('Turkey, a NATO member, criticized Russia.')).toEqual(['TURGOV 111 RUSGOV']);
    expect(triples('Russia, China, and Iran criticized the United States.').length).toBe(3);
  });
  it('gives a reported act whose subject is a name no dictionary knows no doer, not the speaker', () => {
    expect(triples('Canadian officials said Indiana troopers arrested a Mexican national.')).toEqual([]);
    expect(triples('The United States announced Wednesday it would prohibit all aid to Albanian rebels.')).toEqual(['USAGOV 1311 ALBREB']);
  });
  it('reads a demand that is a demonstration\'s purpose as what the demonstration is for', () => {
    expect(triples('Indonesian students staged mass demonstrations on Saturday to demand the resignation of the Indonesian president.')).toEqual(['IDNEDU 1411 IDNGOV']);
  });
  it('gives a verb after and the subject that opens the sentence, and codes a crowd\'s demand as a demonstration', () => {
    expect(triples('Belarusian demonstrators waving the flags of the opposition chanted "Leave!" and demanded the resignation of Alexander Lukashenko.', '2020-08-27')).toEqual(['BLRCVL 1411 BLRGOV']);
  });
  it('joins an event noun before a role word into the actor, and gives an organisation\'s troops their sector', () => {
    const m = code('NATO peacekeeping troops arrived in Bosnia.').mentions[0];
    expect([m.text, m.code, m.sector]).toEqual(['NATO peacekeeping troops', 'IGOWSTNAT', 'MIL']);
    // Troops arriving are deployed, not visiting.
    expect(triples('NATO peacekeeping troops arrived in Bosnia.').some((e) => e.includes(' 042 '))).toBe(false);
  });
  it('reads the bloc and its members as the organisation named last', () => {
    const text = 'ECOWAS held an emergency summit on Mali. Its members closed their borders with Mali, the bloc said.';
    expect(triples(text)).toContain('IGOWAFBUSWAS 160 MLIGOV');
    expect(code(text).mentions.filter((m) => m.kind === 'bloc').map((m) => m.text)).toEqual(['Its members', 'the bloc']);
  });
  it('reads a misspelt surname after its title or its first name', () => {
    expect(triples('President Abdelaziz Bouteflicka threatened to institute a curfew in Algiers.', '2005-01-01')).toEqual(['DZAGOV 1323 DZA']);
    expect(code('Ahmed Bouteflicka spoke.', '2005-01-01').mentions.filter((m) => m.code.startsWith('DZA'))).toEqual([]);
  });
  it('reads an act agreed on by a noun of agreement as announced', () => {
    expect(triples('Israel and Jordan reached a consensus to exchange information with each other.')).toContain('ISRGOV 0314 JORGOV');
  });
  it('looks for a slot\'s target no further than a comma after a name', () => {
    expect(triples('The German foreign minister will visit Albania in June, the first Warsaw Pact minister to do so.')).toEqual(['DEUGOV 036 ALBGOV']);
  });
  it('reads no accusation into an act a speaker only reports', () => {
    expect(triples('Sudanese rebels shelled Juba, the UN refugee agency reported.').some((e) => e.includes(' 112 '))).toBe(false);
    expect(triples('Sudanese rebels shelled Juba, the Egyptian government said.').some((e) => e.startsWith('EGYGOV 112'))).toBe(true);
  });
  it('writes an act aimed at no one without a target, unless its slot names one', () => {
    expect(triples('Georgian President Eduard Shevardnadze resigned on Sunday as the opposition threatened to storm his residence.', '2003-11-23')).toEqual(['GEOGOV 0831 -']);
    expect(triples('Islamic State fighters surrendered to Kurdish forces.')[0]?.split(' ')[2]).not.toBe('-');
    // `former` and `ousted` before a title: the office is held no more, whatever the dictionary's dates.
    expect(triples('Ousted President Askar Akayev has agreed to resign.', '2005-03-26')).toEqual(['KGZELI 0341 -']);
  });
  it('takes the name after a slot\'s title word as the slot\'s target', () => {
    expect(triples("Nigeria's foreign minister summoned Niger's ambassador Brah Mohamane to complain of inaction.")).toContain('NGAGOV 114 NERGOV');
  });
  it('codes an act announced as not to happen as its refusal, and a negated act as nothing', () => {
    expect(triples('Syria said it will not accept any more Iraqi refugees.')).toEqual(['SYRGOV 1223 IRQREF']);
    expect(triples('Russia did not attend the talks with Ukraine.')).toEqual([]);
  });
  it('codes a state\'s investigation told in the passive as the state\'s', () => {
    expect(triples('A US national has been put under investigation in Italy.')).toEqual(['ITAGOV 090 USAGOV']);
  });
  it('codes an act announced on a condition the other must meet as a threat', () => {
    expect(triples('Nigeria said it will withdraw its peacekeeping force from Chad unless Chad arranges a ceasefire.')).toContain('NGAGOV 130 TCDGOV');
    expect(triples('Nigeria said it will withdraw its peacekeeping force from Chad.')).toContain('NGAGOV 0356 TCDGOV');
  });
  it('counts a hyphenated word as one word of a pattern\'s gap', () => {
    expect(triples('The Israeli army lifted on Friday a day-old blockade on Palestinian lorries.')).toContain('ISRMIL 0872 PSE');
  });
  it('does not take troops arriving somewhere for a visit', () => {
    expect(triples('Russian paratroopers arrived in Kazakhstan on Thursday.')).toEqual([]);
    expect(triples('Russian Foreign Minister Sergei Lavrov arrived in Kazakhstan on Thursday.', '2024-04-26')).toEqual(['RUSGOV 042 KAZ']);
  });
  it('takes no target from after a pattern whose closing preposition is missing, unless the subject is a pair', () => {
    expect(triples('Beijing hit back on Tuesday, Taiwanese officials said.')).toEqual([]);
    expect(triples('Beijing hit back at Taipei on Tuesday.')).toEqual(['CHNGOV 111 TWN']);
  });
  it('takes a slot inside a pattern only from the words before the pattern goes on', () => {
    expect(triples('Poroshenko placed the country under martial law after Russian forces seized three ships.', '2018-11-27').some((e) => e.split(' ')[1] === '1724' && e.endsWith('RUSMIL'))).toBe(false);
  });
  it('codes the killing of a political figure the dictionary names as an assassination', () => {
    expect(triples('A U.S. drone strike killed Qasem Soleimani in Baghdad.', '2020-01-03').some((e) => e.split(' ')[1] === '186')).toBe(true);
    expect(triples('Russian forces killed Ukrainian soldiers.').some((e) => e.split(' ')[1] === '186')).toBe(false);
  });
  it('takes no target across the comma that ends the act\'s clause', () => {
    expect(triples("South Korea's president imposed martial law, accusing the opposition of sympathising with North Korea.")).toContain('KORGOV 1724 KOR');
  });
  it('takes the actor named again for no target, so that an implied one can stand', () => {
    expect(triples('South Korean President Yoon Suk Yeol said he would lift the martial law he had declared.', '2024-12-04')).toEqual(['KORGOV 0351 KOR']);
  });
  it('does not code an event noun governed by another verb', () => {
    expect(triples('Turkey condemned the attack.').every((e) => !e.split(' ')[1].startsWith('19'))).toBe(true);
    expect(triples('Iraq said it would impose martial law as street battles raged.').every((e) => !e.split(' ')[1].startsWith('19'))).toBe(true);
  });
  it('passes an event noun through a verb of intent to the light verb that takes it', () => {
    expect(triples('Jordan and Britain have agreed to undertake joint military exercises.')).toEqual(['JORGOV 0312 GBRGOV']);
  });
  it('gives every CAMEO code its PLOVER type, Goldstein value and quad class', () => {
    const [e] = code('Russia condemned Ukraine.').events;
    expect(e.cameo.startsWith('11')).toBe(true);
    expect(e.plover.event).toBe('ACCUSE');
    expect(e.quad_class).toBe(3);
    expect(typeof e.goldstein).toBe('number');
  });
});

describe('dates and places', () => {
  const article = ' date 2024-04-26 Title\n\nBEIJING, April 25 (Xinhua) -- China held talks with Kazakhstan in Astana on Monday.\n\nChina criticized Japan.';
  const { events } = code(article);
  it('puts a weekday on or before the dateline; a later undated sentence keeps that date', () => {
    expect(events.map((e) => e.date)).toEqual(['2024-04-22', '2024-04-22']);
    expect(events[1].why.date.rule).toBe('earlier-sentence:weekday-on-or-before-dateline');
  });
  it('defaults to the dateline date, and reads no date from `sat down`', () => {
    const [e] = code(' date 2024-04-26 T\n\nBEIJING, April 25 (Xinhua) -- China sat down with Kazakhstan for talks.').events;
    expect([e.date, e.why.date.rule]).toEqual(['2024-04-25', 'dateline-date']);
  });
  it('codes no act the sentence dates to a year long before the article', () => {
    const coded = (text: string) => triples(text, '2016-12-03');
    expect(coded('The United States switched diplomatic recognition to China in 1979.')).toEqual([]);
    expect(coded('In 2013, the Philippines filed a case against China.')).toEqual([]);
    expect(coded("Officials discussed Russia's 2008 invasion of Georgia.")).toEqual([]);
    expect(coded("Officials discussed Russia's invasion of Georgia.")).toEqual(['RUSMIL 192 GEOGOV']);
    // A year of another verb, or a recent one, dates nothing away.
    expect(coded('China signed an accord with Japan on Monday to increase trade in 1979.')).toContain('CHNGOV 057 JPNGOV');
    expect(coded('The United States switched diplomatic recognition to China in 2015.')).toHaveLength(1);
    expect(coded('Russia deployed peacekeepers to Georgia in 2000 villages.')).toHaveLength(1);
  });
  it('counts `a day after` from the sentence\'s date, and dates no event by a duration', () => {
    const text = ' date 2018-11-26 T\n\nKIEV, Nov 26 (Reuters) - Ukraine imposed martial law for 30 days on Monday, a day after Russian forces seized Ukrainian navy vessels. Ukraine condemned Russia.';
    const dated = code(text, '2018-11-26').events.map((e) => `${e.cameo} ${e.date} ${e.why.date.rule}`);
    expect(dated).toContain('1724 2018-11-26 weekday-on-or-before-dateline');
    expect(dated).toContain('171 2018-11-25 counted-from-weekday-on-or-before-dateline');
    // The next sentence keeps the story's day, not the day recalled.
    expect(dated).toContain('111 2018-11-26 earlier-sentence:weekday-on-or-before-dateline');
  });
  it('places an event in a named city, else in the dateline city, with coordinates', () => {
    expect(events[0].location).toMatchObject({ name: 'Astana', country: 'KAZ' });
    expect(events[1].location).toMatchObject({ name: 'Beijing', country: 'CHN' });
    expect(events[1].location?.lat).toBeCloseTo(39.9, 1);
  });
  it('looks a name up whole through `of`, never its first word alone (`the Bay of Bengal` is no town called Bay)', () => {
    const [e] = code(' date 2020-11-03 T\n\nNEW DELHI, Nov 3 (PTI) -- India held talks with the United States in the Bay of Bengal on Tuesday.', '2020-11-03').events;
    expect(e.location).toMatchObject({ name: 'New Delhi', country: 'IND' });
  });
  it('places a material act between two actors of one country in that country, not in a dateline abroad', () => {
    const located = (body: string) => code(` date 2018-10-20 T\n\nDUBAI, Oct 20 (Reuters) - ${body}`, '2018-10-20').events.map((e) => `${e.cameo} ${e.location?.country} ${e.why.location?.rule}`);
    expect(located('Saudi police arrested Saudi activists on Saturday.')).toEqual(['173 SAU both-actors-country']);
    // Words are placed where the reporter heard them.
    expect(located('The Saudi government accused Saudi activists of treason on Saturday.')[0]).toMatch(/ ARE dateline-place$/);
    // Two countries: the dateline stays.
    expect(located('Saudi police arrested Qatari activists on Saturday.')[0]).toMatch(/ ARE dateline-place$/);
  });
  it('keeps offsets: every span slices the article text', () => {
    for (const e of events) {
      expect(article.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
      expect(article.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      expect(article.slice(e.source!.start, e.source!.end)).toBe(e.source!.text);
    }
  });
});

describe('blocking patterns', () => {
  it('a `---` pattern wins its place and codes nothing', async () => {
    const { compilePatterns, parsePatternLine } = await import('../dictionaries/event-patterns.js');
    const known = new Set(deps.dicts.ontology.keys());
    const block = parsePatternLine('--- | back down | Turkey backed down.', 'test:1', known);
    const events = compilePatterns([...deps.dicts.events.all.filter((p) => !p.text.startsWith('back down')), block]);
    const blocked = { ...deps, dicts: { ...deps.dicts, events } };
    const text = 'Turkey backed down from its threat against Greece on Monday.';
    const article = { id: 't', origin: 't', date: '2024-04-26', title: null, url: null, text };
    expect(codeArticle(article, blocked).events).toEqual([]);
    expect(codeArticle(article, deps).events.map((e) => e.cameo)).toEqual(['080']);
  });
  it('a `---` pattern that loses its place to another still codes nothing when that one finds no actors', async () => {
    const { compilePatterns, parsePatternLine } = await import('../dictionaries/event-patterns.js');
    const known = new Set(deps.dicts.ontology.keys());
    const general = parsePatternLine('043 | receive {target} at | Egypt received Hamas at the palace.', 'test:1', known);
    const block = parsePatternLine('--- | receive treatment | Children received treatment.', 'test:2', known);
    const dicts = { ...deps.dicts, events: compilePatterns([general, block]) };
    const article = { id: 't', origin: 't', date: '2024-04-26', title: null, url: null, text: 'Syrian children received treatment at a clinic.' };
    expect(codeArticle(article, { ...deps, dicts, options: { keepUntargeted: true } }).events).toEqual([]);
  });
});

describe('imported PETRARCH concepts', () => {
  it('a `CODE:REVERSE` pattern also codes the reverse act; `{target+place}` takes a place', async () => {
    const { compilePatterns, parsePatternLine } = await import('../dictionaries/event-patterns.js');
    const known = new Set(deps.dicts.ontology.keys());
    const visit = parsePatternLine('032:033 | arrive {target+place} | x', 'test:1', known);
    const events = compilePatterns([visit]);
    const dicts = { ...deps.dicts, events };
    const article = { id: 't', origin: 't', date: '2024-04-26', title: null, url: null, text: 'Chinese President Xi Jinping arrived in Kazakhstan on Monday.' };
    expect(codeArticle(article, { ...deps, dicts }).events.map((e) => `${e.source?.code} ${e.cameo} ${e.target?.code}`)).toEqual(['CHNGOV 032 KAZ', 'KAZ 033 CHNGOV']);
  });
});
