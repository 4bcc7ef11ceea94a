// The coding pipeline for one article: layout, language analysis, actors, pattern matches, source/target,
// dates, places, then records with provenance; repeated events (headline, caption, body) are merged; topics attached.
import { createHash } from 'node:crypto';
import type { Dictionaries } from '../dictionaries/load.js';
import type { ActorMention, Article, Doc, EventRecord, Sentence, Span } from '../model/types.js';
import type { Analyzer } from '../nlp/analyse.js';
import { findLayout } from '../nlp/layout.js';
import { findActors } from './actors.js';
import { resolveEventDate, sentenceDates } from './dates.js';
import { findDiscarded } from './discard.js';
import { matchSentence, negationInDoubt, triggerTest } from './event-matcher.js';
import { assignActors, reportedAccusations, type EventCandidate } from './events.js';
import type { PatternMatch } from './event-matcher.js';
import type { Gazetteer } from './gazetteer.js';
import { datelinePlace, ownCountryPlace, sentencePlaces, type PlaceFound } from './places.js';
import { PARSE_AFTER, parseSentence, type TreeParser } from './syntax.js';
import { recalledYear } from './history.js';
import { hypothetical, tokenSpan, unrealizedBy } from './modality.js';
import { actCode, actorOut, announcedCode, sourceOut, spanOfTokens, type AnnouncedCode } from './act-code.js';
import { bareObligations, findRequests, hasObligation, reportedObligations, requestFor, type Request } from './requested.js';
import { requestCodeFor } from '../dictionaries/intent.js';
import { attachTopics } from './topics.js';
import { impliedTargets } from './implied-target.js';
import { eventNounTargets } from './event-noun-target.js';
import { mostNamedParties } from './parties.js';
import { sourceExcluded } from '../dictionaries/source-exclusions.js';

export interface CoderOptions {
  /** Write events of dyadic codes even when no target was found. */
  keepUntargeted?: boolean;
}

export interface CoderDeps {
  dicts: Dictionaries;
  analyzer: Analyzer;
  gazetteer: Gazetteer;
  /** Parses sentences that hold a candidate trigger; without it events are read from patterns alone. */
  parser?: TreeParser | null;
  options?: CoderOptions;
}

export interface CodedArticle {
  doc: Doc;
  mentions: ActorMention[];
  events: EventRecord[];
  /** Why an article produced no events although it had triggers, e.g. a discard phrase. */
  discarded: string | null;
}

/** Segments coded after the body are lower in rank: a body mention is the one kept when events merge. */
const SEGMENT_RANK: Record<string, number> = { body: 0, caption: 1, title: 2 };
/**
 * Words parsed past a doubtful trigger's match: its object or a `by` agent (PARSE_AFTER, syntax.ts), and further to
 * the end of any actor named within PARSE_REACH of it (actors conjoined to the object).
 */
const PARSE_REACH = 10;

export function codeArticle(article: Article, deps: CoderDeps): CodedArticle {
  const { dicts, analyzer, gazetteer } = deps;
  const layout = findLayout(article);
  const doc = analyzer.analyse(article, layout);
  fixLemmas(doc, dicts.lemmas);
  const isTrigger = triggerTest(doc, dicts.events);
  const dateline = datelinePlace(doc, dicts.actors, gazetteer);
  const datelineCountry = dateline?.location.country ?? null;
  const refDate = doc.dateline?.date ?? article.date;
  const refYear = refDate ? Number(refDate.slice(0, 4)) : 0;
  const placeCache = new Map<number, PlaceFound[]>();
  /**
   * The country of the sentence's place nearest before `token`, else of the first after it that is not where a
   * speaker is (`..., relief officials in Nairobi said`).
   */
  const sentencePlaceCountry = (i: number, token: number) => {
    let places = placeCache.get(i);
    if (!places) placeCache.set(i, (places = sentencePlaces(doc, dicts.actors, gazetteer, doc.sentences[i], undefined, true).filter((p) => p.location.country)));
    const before = places.filter((p) => p.token < token);
    if (before.length) return before[before.length - 1].location.country;
    const after = places.find((p) => p.token >= token);
    if (!after) return null;
    const { lemma, sent } = doc.tokens;
    for (let t = after.token + 1; t <= after.token + 3 && sent[t] === i; t++) if (dicts.verbs.reporting.has(lemma[t])) return null;
    return after.location.country;
  };
  const mentions = findActors(doc, dicts.actors, { date: refDate, datelineCountry, isTrigger, sentencePlaceCountry, reporting: dicts.verbs.reporting });
  const { article: articleDiscard, sentences: skipSentence } = findDiscarded(doc, dicts.discards);
  // Countries the article names: a town name after `in` is looked for there first.
  const articleCountries = new Set(mentions.map((m) => m.code.slice(0, 3)).filter((c) => dicts.actors.countries.has(c)));
  if (datelineCountry) articleCountries.add(datelineCountry);
  if (articleDiscard) return { doc, mentions, events: [], discarded: articleDiscard };

  const bySentence = new Map<number, ActorMention[]>();
  const covered = new Uint8Array(doc.tokens.text.length);
  for (const m of mentions) {
    const s = doc.tokens.sent[m.tokenStart];
    let list = bySentence.get(s);
    if (!list) bySentence.set(s, (list = []));
    list.push(m);
    for (let t = m.tokenStart; t < m.tokenEnd; t++) covered[t] = 1;
  }
  const records: EventRecord[] = [];
  const dateCache = new Map<number, ReturnType<typeof sentenceDates>>();
  const datesOf = (i: number) => {
    let d = dateCache.get(i);
    if (!d) dateCache.set(i, (d = sentenceDates(doc, doc.sentences[i], refDate)));
    return d;
  };
  /**
   * The last date expression of the body sentences before sentence i; not one counted from another date (`on Monday,
   * a day after ...` dates the story by Monday, the day after by what it recalls).
   */
  const earlierDate = (i: number) => {
    for (let j = i - 1; j >= 0; j--) {
      if (doc.sentences[j].segment !== 'body') continue;
      const d = datesOf(j).filter((x) => !x.rule.startsWith('counted-from'));
      if (d.length) return d[d.length - 1];
    }
    return null;
  };
  for (const sent of doc.sentences) {
    if (skipSentence.has(sent.index)) continue;
    const inSentence = bySentence.get(sent.index) ?? [];
    const actors = inSentence.filter((m) => !m.locative);
    // No actor, no event.
    if (!actors.length) continue;
    const matches = withoutEvaluatedActs(doc, matchSentence(doc, dicts.events, sent, (t) => covered[t] === 1, dicts.verbs.light));
    if (!matches.length && !hasObligation(doc, sent)) continue;
    // The tree is read for the subject: parse only where the nearest actor before a trigger is not plainly it.
    // So is it where the words may misjudge whether the act is negated.
    const doubtful = matches.filter((m) => subjectUncertain(doc, actors, m.trigger) || negationInDoubt(doc, sent, m));
    // Parse a few words past the last doubtful trigger, and on to the end of the actors named soon after it.
    let parseEnd = 0;
    for (const m of doubtful) {
      parseEnd = Math.max(parseEnd, m.end + PARSE_AFTER);
      for (const a of actors) if (a.tokenStart >= m.end && a.tokenStart < m.end + PARSE_REACH) parseEnd = Math.max(parseEnd, a.tokenEnd + 1);
    }
    const tree = deps.parser && doubtful.length ? parseSentence(doc, sent, deps.parser, parseEnd) : null;
    // `demanded that the US cancel the sale`, `refused to deploy troops`: an act that has not happened is not coded.
    const unrealizedAt = new Map<number, Span | null>();
    const unrealized = (m: PatternMatch) => {
      let u = unrealizedAt.get(m.trigger);
      if (u === undefined) unrealizedAt.set(m.trigger, (u = unrealizedBy(doc, sent, m.trigger, dicts.verbs)));
      return u;
    };
    const all = assignActors(doc, matches, inSentence, dicts.verbs, tree, dicts);
    // A refusal is coded only where the refused act has a refusal code (ontology/requests.tsv).
    const acts = all.filter((c) => !unrealized(c.match) && (!c.refused || requestCodeFor(dicts.intent, c.match.pattern.code, 'refusal')));
    // What was asked for, demanded or refused gives the request its code (`urged Israel to ease` -> 0251).
    const requests = findRequests(doc, matches, unrealized, dicts.intent, dicts.verbs);
    const refined = new Set<Request>();
    // A match's announced code is read once, for the implied targets and then for its record.
    const announcedByMatch = new Map<PatternMatch, AnnouncedCode>();
    const announcedOf = (c: EventCandidate) => {
      let a = announcedByMatch.get(c.match);
      if (!a) {
        // `will not accept any more refugees`: the refusal of what would have been done (the filter above kept only
        // refusals with a code).
        a = c.refused ? { code: requestCodeFor(dicts.intent, c.match.pattern.code, 'refusal')!, announced: null, refused: true } : announcedCode(doc, dicts, sent, c);
        const r = a.announced || a.refused ? null : requestFor(c, a.code, requests);
        if (r) {
          refined.add(r);
          a = { code: r.code, announced: null, requested: r };
        }
        announcedByMatch.set(c.match, a);
      }
      return a;
    };
    const codeOf = (c: EventCandidate) => announcedOf(c).code;
    const candidates = [
      ...eventNounTargets(doc, impliedTargets(doc, acts, inSentence, dicts.verbs, dicts.implied, dicts.intent.cameo, codeOf, (c) => twoParties(mentions, c), (c) => partyAbout(mentions, c)), inSentence, records, dicts.events, codeOf, mentions, dicts.verbs.judgementNouns)
        .filter((c) => c.target || !c.needsTarget),
      // Only an act reported as done is an accusation; one announced (`will tighten sanctions`) is not.
      ...reportedAccusations(doc, acts.filter((c) => !announcedOf(c).announced), inSentence, dicts.verbs),
    ];
    // After the codes above were read: a speaker's `must` no demand pattern coded.
    candidates.push(...reportedObligations(doc, requests, all, refined, inSentence, dicts.verbs));
    // A speaker's `must` on an actor whose demanded act no pattern codes.
    candidates.push(...bareObligations(doc, sent, requests, inSentence, dicts.verbs));
    if (!candidates.length) continue;
    const dates = datesOf(sent.index);
    const earlier = dates.length || sent.segment !== 'body' ? null : earlierDate(sent.index);
    const places = sentencePlaces(doc, dicts.actors, gazetteer, sent, articleCountries);
    for (const c of candidates) {
      // `No U.S. president is known to have spoken to ...`: a subject denied by `no` did nothing.
      if (deniedSubject(doc, c)) continue;
      // `since the United States switched diplomatic recognition to Beijing in 1979`: history, not news.
      if (refYear && recalledYear(doc, sent, c.match.trigger, c.match.end, refYear) !== null) continue;
      const r = makeRecord(doc, deps, sent, c, announcedOf(c), dates, places, dateline, earlier);
      // A dyadic act with no target found (`condemned the move`) says too little to keep; nor does an actor
      // acting on itself under the same code (`a meeting between its foreign minister and ...` gone wrong).
      // Acts aimed at no one (`resigned`, also when announced: `agreed to resign`) stand without one.
      const aimless = dicts.intransitive.some((p) => c.match.pattern.code.startsWith(p));
      if (!r.target && !deps.options?.keepUntargeted && !aimless && !dicts.untargeted.some((p) => r.cameo.startsWith(p))) continue;
      if (r.target && r.target.code === r.source?.code) continue;
      // `Russian paratroopers arrived in Kazakhstan` is a deployment, not a visit.
      if (sourceExcluded(dicts.sourceExclusions, r.cameo, r.source?.sector ?? null)) continue;
      // A material act (quad classes 2 and 4) only said to be possible (`could let`, `might attack`) did not happen.
      if ((r.quad_class === 2 || r.quad_class === 4) && hypothetical(doc, sent, c.match.trigger)) continue;
      records.push(r);
    }
  }
  const events = mergeRepeats(dropGeneric(records), doc);
  attachTopics(doc, dicts.topics, events);
  return { doc, mentions, events, discarded: null };
}

/**
 * Is the nearest actor before the trigger a doubtful subject? It is plain when it stands right before the trigger
 * with only modifiers, auxiliaries or adverbs between (`China is ready to`, `Russia strongly condemned`), and when
 * no other actor precedes it in the sentence.
 */
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that', 'whom', 'whose']);

function subjectUncertain(doc: Doc, actors: ActorMention[], trigger: number): boolean {
  const before = actors.filter((a) => a.tokenEnd <= trigger);
  if (before.length < 2) return false;
  const nearest = before[before.length - 1];
  // Candidates that all carry one code leave nothing for the tree to decide.
  if (before.every((a) => a.code === nearest.code)) return false;
  const { pos, lower } = doc.tokens;
  // `Trump said he found`: a `he` or `she` after a named person of another code may stand for that person.
  if (nearest.kind === 'pronoun' && before.some((a) => a.kind === 'person')) return true;
  // A verb, a subordinator or a relative pronoun between them puts the trigger in another clause.
  for (let t = nearest.tokenEnd; t < trigger; t++) {
    const p = pos[t];
    if (p === 'VERB' || p === 'SCONJ' || (p === 'PRON' && RELATIVE_PRONOUNS.has(lower[t]))) return true;
  }
  // `X condemned an attack by Y ... and promised aid`: a verb after `and` shares the subject of the verb before it.
  if (lower[trigger - 1] === 'and' && pos[trigger] === 'VERB') return true;
  // `used tweets to call Assad an animal and to blame Russia`: so does an infinitive after `and to`.
  if (lower[trigger - 1] === 'to' && (lower[trigger - 2] === 'and' || lower[trigger - 2] === 'or')) return true;
  // A mention right after a verb is its object, not the subject; one after a preposition (`the sides of the island
  // of Cyprus agreed`) is inside a modifier.
  let k = nearest.tokenStart - 1;
  while (k > 0 && (pos[k] === 'DET' || pos[k] === 'ADJ')) k--;
  return pos[nearest.tokenStart - 1] === 'VERB' || pos[k] === 'ADP';
}

/** Praise, disapproval and rejection: patterns that may hold the act they judge. */
const JUDGING = /^(05|11|12)/;

/**
 * `called the Ecuadorian raid an authoritarian act`: an act noun inside the words of a pattern that judges it is
 * that judgement's object, not an event of its own.
 */
function withoutEvaluatedActs(doc: Doc, matches: PatternMatch[]): PatternMatch[] {
  return matches.filter((m) => doc.tokens.pos[m.trigger] !== 'NOUN' || !matches.some((r) => r !== m && JUDGING.test(r.pattern.code) && r.trigger < m.trigger && m.trigger < r.end));
}

/** Corrects the lemmas the tagger gets wrong (`staged` -> `stage`, not `stag`). */
function fixLemmas(doc: Doc, lemmas: Map<string, string>): void {
  const { lower, lemma } = doc.tokens;
  for (let i = 0; i < lower.length; i++) {
    const fixed = lemmas.get(lower[i]);
    if (fixed) lemma[i] = fixed;
  }
}

function makeRecord(
  doc: Doc,
  deps: CoderDeps,
  sent: Sentence,
  c: EventCandidate,
  announcedAs: AnnouncedCode,
  dates: ReturnType<typeof sentenceDates>,
  places: PlaceFound[],
  dateline: PlaceFound | null,
  earlier: ReturnType<typeof sentenceDates>[number] | null,
): EventRecord {
  const { dicts } = deps;
  const { tokens, article } = doc;
  const m = c.match;
  const { announced } = announcedAs;
  const code = actCode(doc, dicts, c, announcedAs);
  const entry = dicts.ontology.get(code)!;
  const triggerStart = tokens.start[m.trigger];
  const lastWord = m.words[m.words.length - 1];
  const trigger = { start: triggerStart, end: tokens.end[lastWord], text: article.text.slice(triggerStart, tokens.end[lastWord]) };
  const date = resolveEventDate(doc, triggerStart, dates, doc.dateline?.date ?? null, article.date, earlier);
  const source = sourceOut(c.source, code, dicts, c.target);
  const target = c.target ? actorOut(c.target) : null;
  const place =
    nearestPlace(places, m.trigger) ??
    // Material acts happen where the actors are; words are spoken where the reporter found the speaker.
    (entry.quadClass === 2 || entry.quadClass === 4 ? ownCountryPlace(dicts.actors, source.code, target?.code ?? null, dateline) : null) ??
    (sent.segment === 'body' || sent.segment === 'title' || sent.segment === 'caption' ? dateline : null);
  const evidence = { start: sent.start, end: sent.end, text: article.text.slice(sent.start, sent.end) };
  const id = createHash('sha1')
    .update([article.id, source.code, target?.code ?? '', code, date.date ?? '', String(trigger.start)].join('\u0001'))
    .digest('hex')
    .slice(0, 16);
  return {
    article_id: article.id,
    event_id: id,
    date: date.date,
    source,
    target,
    cameo: code,
    cameo_name: entry.name,
    plover: { event: entry.ploverEvent, mode: entry.ploverMode, context: entry.ploverContext },
    topics: [],
    goldstein: entry.goldstein,
    quad_class: entry.quadClass,
    location: place ? place.location : null,
    negated: false,
    sentence: sent.index,
    evidence,
    trigger,
    confidence: confidence(c, sent),
    mentions: 1,
    why: {
      pattern: `${m.pattern.id} ${m.pattern.text}`,
      modality: announced
        ? { rule: `${announcedAs.code.startsWith('13') ? 'threat' : 'intent'}-of-${m.pattern.code}`, span: announced }
        : announcedAs.requested
          ? { rule: `${announcedAs.requested.kind}-of-${announcedAs.requested.act.pattern.code}`, span: spanOfTokens(doc, announcedAs.requested.act) }
          : announcedAs.refused && m.negator !== null
            ? { rule: `refusal-of-${m.pattern.code}`, span: tokenSpan(doc, m.negator) }
            : null,
      source: [{ rule: c.rule }, ...c.source.why],
      target: c.target ? c.target.why : [],
      date: { rule: date.rule, span: date.span },
      location: place ? { rule: place.rule, entry: place.entry } : null,
    },
    dict_version: dicts.version,
  };
}

/**
 * `Iran threatened to cut off electricity to Nakhichevan` is one threat (1311), not also a bare `threatened` (130):
 * a root's generic code (`13`, `130`) gives way to a more specific code of that root between the same actors in the
 * same sentence.
 */
function dropGeneric(records: EventRecord[]): EventRecord[] {
  const specific = new Set<string>();
  const key = (r: EventRecord, root: string) => `${r.sentence}|${r.source?.code}|${r.target?.code ?? ''}|${root}`;
  const generic = (code: string) => code.length === 2 || (code.length === 3 && code.endsWith('0'));
  for (const r of records) if (!generic(r.cameo)) specific.add(key(r, r.cameo.slice(0, 2)));
  return records.filter((r) => !generic(r.cameo) || !specific.has(key(r, r.cameo.slice(0, 2))));
}

/**
 * The party the whole article names most, other than the act's source: its latest mention before the act, else its
 * first after.
 */
function partyAbout(mentions: ActorMention[], c: EventCandidate): ActorMention | null {
  const all = mentions.filter((m) => !m.locative).flatMap((m) => m.members ?? [m]);
  const top = mostNamedParties(all, 1, c.source.code.slice(0, 3))[0];
  if (!top) return null;
  const party = top.mention.code.slice(0, 3);
  const of = all.filter((m) => m.code.slice(0, 3) === party);
  return of.filter((m) => m.tokenStart < c.match.trigger).pop() ?? of[0];
}

/**
 * The (at most) two parties, countries or organisations, the article has named up to the act most, other than the
 * act's source, each as its latest mention, the most named first.
 */
function twoParties(mentions: ActorMention[], c: EventCandidate): ActorMention[] {
  // `a truce between Armenia and Azerbaijan`: a compound's members are named too.
  const before = mentions.filter((m) => !m.locative && m.tokenStart < c.match.trigger).flatMap((m) => m.members ?? [m]);
  return mostNamedParties(before, 2, c.source.code.slice(0, 3)).map((x) => x.mention);
}

function deniedSubject(doc: Doc, c: EventCandidate): boolean {
  const { lower, pos, sent } = doc.tokens;
  if (c.source.tokenEnd > c.match.trigger) return false;
  // Back through the subject's noun phrase (`No U.S. president or president-elect`) to a `no` or `neither`.
  for (let t = c.source.tokenStart; t >= 0 && sent[t] === sent[c.source.tokenStart]; t--) {
    if (lower[t] === 'no' || lower[t] === 'neither') return true;
    if (!SUBJECT_NP.has(pos[t]) && lower[t] !== '-') return false;
  }
  return false;
}

const SUBJECT_NP = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'CCONJ']);

function nearestPlace(places: PlaceFound[], trigger: number): PlaceFound | null {
  let best: PlaceFound | null = null;
  for (const p of places) if (!best || Math.abs(p.token - trigger) < Math.abs(best.token - trigger)) best = p;
  return best;
}

function confidence(c: EventCandidate, sent: Sentence): number {
  let score = 0.9;
  if (c.source.kind === 'pronoun' || c.source.kind === 'relational' || c.source.kind === 'role') score -= 0.15;
  if (c.target && (c.target.kind === 'pronoun' || c.target.kind === 'relational' || c.target.kind === 'role')) score -= 0.1;
  if (!c.match.pattern.hasTarget && c.target) score -= 0.1;
  if (sent.segment !== 'body') score -= 0.1;
  return Math.round(score * 100) / 100;
}

/** One event per source, target, code and date: the body's first mention is kept, the others counted. */
function mergeRepeats(records: EventRecord[], doc: Doc): EventRecord[] {
  const rank = (r: EventRecord) => SEGMENT_RANK[doc.sentences[r.sentence].segment] ?? 3;
  const sorted = [...records].sort((a, b) => rank(a) - rank(b) || a.evidence.start - b.evidence.start);
  const byKey = new Map<string, EventRecord>();
  for (const r of sorted) {
    const key = eventKey(r);
    const kept = byKey.get(key);
    if (kept) {
      kept.mentions++;
      if (!kept.location && r.location) kept.location = r.location;
    } else byKey.set(key, r);
  }
  // A headline's `Beijing lodges protest` without a target is the body's protest with Washington.
  const withTarget = new Set([...byKey.values()].filter((r) => r.target).map((r) => `${r.source?.code}|${r.cameo.slice(0, 3)}`));
  return [...byKey.values()]
    .filter((r) => r.target || !withTarget.has(`${r.source?.code}|${r.cameo.slice(0, 3)}`))
    .sort((a, b) => a.evidence.start - b.evidence.start || a.trigger.start - b.trigger.start);
}

function eventKey(r: EventRecord): string {
  const s = r.source?.code ?? '';
  const t = r.target?.code ?? '';
  // Meetings and other symmetric acts are the same event whichever side is named first.
  const symmetric = r.cameo.startsWith('04') || r.cameo === '057' || r.cameo === '190';
  const pair = symmetric && t && t < s ? `${t}|${s}` : `${s}|${t}`;
  return `${pair}|${r.cameo.slice(0, 3)}|${r.date ?? ''}`;
}
