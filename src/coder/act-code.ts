// The code a match's act is written with and the source it is written for: its own code, as announced (`agreed to
// send aid`: 033) or as a request's (`urged X to ease`: 0251); an assassination when a political figure is killed; a
// demonstration when a crowd demands; recoded by its source's sector (a state's protest is a complaint); and a
// country named alone as the source of military acts written as its military. Pure.
import type { Dictionaries } from '../dictionaries/load.js';
import type { ActorMention, ActorOut, Doc, Sentence, Span } from '../model/types.js';
import type { PatternMatch } from './event-matcher.js';
import type { EventCandidate } from './events.js';
import type { Request } from './requested.js';
import { announcedBy } from './modality.js';
import { announcedCodeFor, threatCodeFor } from '../dictionaries/intent.js';
import { recodeBySource, recodeForCrowd, sectorByAct } from '../dictionaries/source-exclusions.js';

/** The code the act's words give: its own, as announced (`will send aid`, 033) or as a request's (`urged X to ease`). */
export interface AnnouncedCode {
  code: string;
  announced: Span | null;
  requested?: Request;
  /** Announced as not to happen (`will not accept`): the code is the refusal's. */
  refused?: boolean;
}

/**
 * The code a candidate's words give: `agreed to send aid` is an intent to give aid (033), not aid given (07x);
 * `threatened to impose sanctions` is a threat (1312), not sanctions imposed (163).
 */
export function announcedCode(doc: Doc, dicts: Dictionaries, sent: Sentence, c: EventCandidate): AnnouncedCode {
  const m = c.match;
  const rule = announcedCodeFor(dicts.intent, m.pattern.code);
  const announced = rule ? announcedBy(doc, sent, m.trigger, rule.words) : null;
  // `will withdraw its peacekeepers from Chad unless ...`: an act announced on a condition the other must meet is a
  // threat (CAMEO 130 when the act has no threat code of its own).
  if (announced && rule?.code.startsWith('03') && conditional(doc, sent, m.end)) return { code: threatCodeFor(dicts.intent, m.pattern.code) ?? GENERIC_THREAT, announced };
  return { code: announced && rule ? rule.code : m.pattern.code, announced };
}

const GENERIC_THREAT = '130';

/** Does `unless` follow the act in its sentence, before the clause ends? */
function conditional(doc: Doc, sent: Sentence, from: number): boolean {
  for (let t = from; t < sent.tokenEnd; t++) {
    if (doc.tokens.text[t] === ';' || doc.tokens.text[t] === '.') return false;
    if (doc.tokens.lower[t] === 'unless') return true;
  }
  return false;
}

/** The code the record is written with; codes a dictionary folder declares outside CAMEO keep their meaning. */
export function actCode(doc: Doc, dicts: Dictionaries, c: EventCandidate, announcedAs: AnnouncedCode): string {
  if (!dicts.intent.cameo.has(announcedAs.code)) return announcedAs.code;
  return recodeBySource(dicts.sourceRecodes, crowdCode(doc, dicts, c, assassination(doc, dicts, c, announcedAs.code)), c.source.sector);
}

/** The text of a match, from its trigger to its last word. */
export function spanOfTokens(doc: Doc, m: PatternMatch): Span {
  const start = doc.tokens.start[m.trigger];
  const end = doc.tokens.end[m.words[m.words.length - 1]];
  return { start, end, text: doc.article.text.slice(start, end) };
}

/**
 * `a U.S. drone strike killed Qassem Soleimani`: a killing (CAMEO 18-20) of a person the dictionary names, a
 * political figure, is an assassination (186).
 */
function assassination(doc: Doc, dicts: Dictionaries, c: EventCandidate, code: string): string {
  if (!/^(18|19|20)/.test(code) || code === '185' || code === '186') return code;
  if (!c.target || !(politicalFigure(doc, c.target))) return code;
  // `was shot dead by`: any word of the pattern may be the killing verb.
  const { lemma, pos } = doc.tokens;
  return c.match.words.some((w) => dicts.verbs.killing.has(lemma[w]) && (w === c.match.trigger || pos[w] === 'VERB')) ? '186' : code;
}

/** `Demonstrators demanded Lukashenko's resignation`: what a crowd of protesters demands it demonstrates for. */
function crowdCode(doc: Doc, dicts: Dictionaries, c: EventCandidate, code: string): string {
  const s = c.source;
  if (s.kind === 'person' || s.members || s.tokenEnd <= s.tokenStart || s.tokenEnd > doc.tokens.lemma.length) return code;
  // (`Demonstrators` opening a sentence is tagged a name and keeps its plural lemma.)
  const head = s.tokenEnd - 1;
  const crowd = dicts.verbs.crowdNouns.has(doc.tokens.lemma[head]) || dicts.verbs.crowdNouns.has(doc.tokens.lower[head].replace(/s$/, ''));
  return crowd || protestPurpose(doc, dicts, c.match.trigger) ? recodeForCrowd(dicts.crowdRecodes, code) : code;
}

/** Tokens looked back from `to` for the demonstration it is the purpose of. */
const PURPOSE_WINDOW = 8;

/**
 * `staged mass demonstrations on Saturday to demand political reforms`: a demand that is the purpose of a
 * demonstration (a crowd noun shortly before its `to`) is what the demonstration is for.
 */
function protestPurpose(doc: Doc, dicts: Dictionaries, trigger: number): boolean {
  const { lower, lemma, text, sent } = doc.tokens;
  if (lower[trigger - 1] !== 'to') return false;
  for (let t = trigger - 2; t >= Math.max(0, trigger - 2 - PURPOSE_WINDOW) && sent[t] === sent[trigger]; t--) {
    if (text[t] === ',' || text[t] === ';') return false;
    if (dicts.verbs.crowdNouns.has(lemma[t])) return true;
  }
  return false;
}

/** Offices of state a political figure holds: one named holder of such an office is a political figure. */
const OFFICES = new Set(['GOV', 'LEG', 'JUD']);

/** A person the dictionary names, or one holder of an office of state (`Russia's ambassador`, `the governor`). */
function politicalFigure(doc: Doc, m: ActorMention): boolean {
  if (m.kind === 'person') return Boolean(m.name);
  if (m.members || !m.sector || !OFFICES.has(m.sector.slice(0, 3)) || m.tokenEnd <= m.tokenStart) return false;
  const head = m.tokenEnd - 1;
  // Singular: the head noun is its own lemma (`ambassador`, not `officials`).
  return doc.tokens.pos[head] === 'NOUN' && doc.tokens.lemma[head] === doc.tokens.lower[head];
}

/** Rules by which a country's name stands for its government. */
const FOR_GOVERNMENT = new Set(['country-name-for-government', 'capital-for-government']);

/**
 * The source as written out: a country named alone (`Israel carried out air strikes`, `a U.S. drone strike`) takes
 * the sector its act is done through, unless the act is aimed inside the country (`Burkinabe jihadists ambushed
 * the Burkinabe army`).
 */
export function sourceOut(m: ActorMention, code: string, dicts: Dictionaries, target: ActorMention | null): ActorOut {
  const out = actorOut(m);
  const alone = FOR_GOVERNMENT.has(m.why[0]?.rule ?? '') || (!m.sector && m.kind === 'country');
  if (!m.country || m.members || !alone || target?.country === m.country) return out;
  const sector = dicts.intent.cameo.has(code) ? sectorByAct(dicts.sourceSectors, code) : null;
  return sector ? { ...out, code: m.country + sector, sector } : out;
}

export function actorOut(m: ActorMention): ActorOut {
  return { code: m.code, country: m.country, sector: m.sector, name: m.name, text: m.text, start: m.start, end: m.end };
}
