// Requests: an act asked for, demanded or refused (`urged Israel to ease the blockade`, `said Libya must hand over the
// suspects`, `refused to release the prisoners`) is not coded itself (modality.ts); the request takes the code of
// what was asked for. A request whose own pattern gave only its root's generic code (`urge {target} to`, 020) gets
// the specific one (0251); a speaker's `must` (`Chirac said Iraq must cooperate`) is the speaker's demand on the
// act's doer. The codes are data (ontology/requests.tsv), the asking, demanding and refusing words too
// (lexicon/verbs.yaml). Pure.
import type { ActorMention, Doc, Sentence, Span } from '../model/types.js';
import type { PatternMatch } from './event-matcher.js';
import { BLOCK, rulePattern, type EventPattern } from '../dictionaries/event-patterns.js';
import { requestCodeFor, type IntentRules, type RequestKind } from '../dictionaries/intent.js';
import type { VerbClasses } from '../dictionaries/verb-classes.js';
import { OBLIGATION } from './modality.js';
import { speakerOf, type EventCandidate } from './events.js';

export interface Request {
  /** The word that asks, demands or refuses (`urged`, `must`, `refused`). */
  token: number;
  kind: RequestKind;
  /** The request's code for what was asked for. */
  code: string;
  /** The act asked for. */
  act: PatternMatch;
}

/**
 * The requests of a sentence: each match unrealized by an asking, demanding or refusing word. Of several acts asked
 * for by one word (`to honour the vote and hand over power`), the most specific code comes first, then the longer
 * pattern.
 */
export function findRequests(
  doc: Doc,
  matches: PatternMatch[],
  unrealized: (m: PatternMatch) => Span | null,
  rules: IntentRules,
  verbs: VerbClasses,
): Request[] {
  const out: Request[] = [];
  for (const m of matches) {
    if (m.negated || m.pattern.code === BLOCK) continue;
    const by = unrealized(m);
    if (!by) continue;
    const token = tokenAt(doc, by.start);
    const kind = token === -1 ? null : requestKind(doc, token, verbs);
    const code = kind ? requestCodeFor(rules, m.pattern.code, kind) : null;
    if (kind && code) out.push({ token, kind, code, act: m });
  }
  return out.sort((a, b) => b.code.length - a.code.length || b.act.pattern.words - a.act.pattern.words);
}

function requestKind(doc: Doc, t: number, verbs: VerbClasses): RequestKind | null {
  const { lemma, lower } = doc.tokens;
  if (OBLIGATION.has(lower[t]) || verbs.demanding.has(lemma[t])) return 'demand';
  if (verbs.refusing.has(lemma[t])) return 'refusal';
  if (verbs.asking.has(lemma[t])) return 'appeal';
  return null;
}

function tokenAt(doc: Doc, start: number): number {
  const starts = doc.tokens.start;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] === start) return mid;
    if (starts[mid] < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The request that makes a candidate's generic root code specific: `urged Israel to ease` coded 020 by `urge
 * {target} to` is an appeal for easing sanctions. The request word must be the candidate's own or stand between its
 * trigger and the act (`insisted that Iran must release`).
 */
export function requestFor(c: EventCandidate, code: string, requests: Request[]): Request | null {
  if (code.length !== 3 || !code.endsWith('0')) return null;
  const m = c.match;
  for (const r of requests) {
    if (r.act === m || r.act.trigger === m.trigger || !r.code.startsWith(code.slice(0, 2))) continue;
    if (m.words.includes(r.token) || (m.trigger < r.token && r.token <= r.act.trigger)) return r;
  }
  return null;
}

const obligationPatterns = new Map<string, EventPattern>();

/** The synthetic pattern behind a speaker's `must`, one per demand code. */
function obligationPattern(code: string): EventPattern {
  let p = obligationPatterns.get(code);
  if (!p) obligationPatterns.set(code, (p = rulePattern('rule:reported-obligation', code, 'SPEAKER said TARGET must <act>', 'must')));
  return p;
}

/**
 * `Straw said the Sudanese government must reach an agreement`: what a speaker says another must do is the speaker's
 * demand on it, unless a pattern already coded the demand (`insisted that`, `demanded that`).
 */
export function reportedObligations(
  doc: Doc,
  requests: Request[],
  all: EventCandidate[],
  refined: Set<Request>,
  mentions: ActorMention[],
  verbs: VerbClasses,
): EventCandidate[] {
  const out: EventCandidate[] = [];
  for (const r of requests) {
    if (r.kind !== 'demand' || !OBLIGATION.has(doc.tokens.lower[r.token]) || refined.has(r)) continue;
    const doer = all.find((c) => c.match.trigger === r.act.trigger)?.source;
    const speaker = doer ? speakerOf(doc, r.token, mentions, verbs) : null;
    if (!doer || !speaker || speaker === doer || speaker.code === doer.code) continue;
    const match: PatternMatch = { ...r.act, pattern: obligationPattern(r.code), trigger: r.token, words: [r.token], alternatives: [], slots: {} };
    // `the Sudanese government and the rebels must`: a demand on each.
    for (const target of doer.members ?? [doer]) out.push({ match, source: speaker, target, rule: 'reported-obligation' });
  }
  return out;
}

/** Verbs after `must` that do not name an act: `must be`, `must have known`. */
const NOT_ACTS = new Set(['be', 'have', 'do']);

/**
 * `Russia said Sudan must return the helicopter`, `declared that China must drop barriers`: a speaker's `must` on
 * an actor named right before it is the speaker's demand on that actor (CAMEO 100), also when what is demanded has no
 * pattern. `must` already read as the request of a coded act (reportedObligations) is left to that.
 */
export function bareObligations(doc: Doc, sentence: Sentence, requests: Request[], mentions: ActorMention[], verbs: VerbClasses): EventCandidate[] {
  const { lower, pos, lemma } = doc.tokens;
  const out: EventCandidate[] = [];
  for (let t = sentence.tokenStart + 1; t < sentence.tokenEnd - 1; t++) {
    if (lower[t] !== 'must' || requests.some((r) => r.token === t)) continue;
    let v = t + 1;
    while (v < sentence.tokenEnd && pos[v] === 'ADV') v++;
    if (v >= sentence.tokenEnd || pos[v] !== 'VERB' || NOT_ACTS.has(lemma[v])) continue;
    // The actor obliged stands right before `must` (`that Sudan must`, `US and British forces must`).
    const doer = mentions.find((m) => !m.locative && m.tokenEnd === t);
    const speaker = doer ? speakerOf(doc, t, mentions, verbs) : null;
    if (!doer || !speaker || speaker === doer || speaker.code === doer.code) continue;
    const match: PatternMatch = {
      pattern: obligationPattern(GENERIC_DEMAND), sentence: sentence.index, trigger: t, words: [t], slots: {}, end: v + 1,
      negated: false, negator: null, gaps: 0, truncated: false, alternatives: [],
    };
    for (const target of doer.members ?? [doer]) out.push({ match, source: speaker, target, rule: 'reported-obligation' });
  }
  return out;
}

const GENERIC_DEMAND = '100';

/** Does the sentence hold a `must` (read by bareObligations even where no pattern matched)? */
export function hasObligation(doc: Doc, sentence: Sentence): boolean {
  for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) if (doc.tokens.lower[t] === 'must') return true;
  return false;
}
