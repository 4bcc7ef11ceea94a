// Matches event patterns against the tokens of a sentence: trigger word, following words with small gaps, slots.
// Finds matches only; choosing source and target is events.ts's job.
import type { EventPattern, EventPatterns } from '../dictionaries/event-patterns.js';
import { TRAILING_PREPOSITIONS, requiredIndex } from './required-words.js';
import type { Doc, Sentence } from '../model/types.js';

/** Tokens that may stand between two words of a pattern, and after a slot before the next word. */
const GAP = 4;
const SLOT_GAP = 10;
const QUOTES = new Set(['"', '“', '”']);
const CLAUSE_PUNCT = new Set([',', ';', ':', '.', '!', '?', '(', ')', '"', '“', '”', '—', '–', '--']);
/** A trigger is a verb, noun or adjective (`backed`, `talks`, `ready`), never a particle (`hand back`). */
const TRIGGER_POS = new Set(['VERB', 'NOUN', 'ADJ', 'PROPN', 'AUX']);
const PARTICIPLE_DETS = new Set(['the', 'a', 'an', 'all', 'some', 'these', 'those', 'many', 'several', 'other', 'its', 'their', 'his', 'her', 'newly']);
const NEGATORS = new Set(['not', "n't", 'never', 'no', 'without', 'nor', 'neither']);

export interface PatternMatch {
  pattern: EventPattern;
  sentence: number;
  trigger: number;
  /** Token indexes of the matched words, in order. */
  words: number[];
  /** Token where each slot begins. */
  slots: { target?: number; source?: number; pair?: number };
  /** One past the last matched word. */
  end: number;
  negated: boolean;
  negator: number | null;
  /** Tokens skipped between pattern words: fewer is a tighter match. */
  gaps: number;
  /** The closing preposition and slot were missing (`deepen cooperation` for `deepen cooperation with {target}`). */
  truncated: boolean;
  /** Other patterns that match at the same trigger, best first: tried when this one finds no actors. */
  alternatives: PatternMatch[];
}

/** Is token t a possible trigger (its lemma or lower-case form starts some pattern)? */
export function triggerTest(doc: Doc, patterns: EventPatterns): (t: number) => boolean {
  return (t) => patterns.byTrigger.has(doc.tokens.lemma[t]) || patterns.byTrigger.has(doc.tokens.lower[t]);
}

/** All non-overlapping matches in a sentence; at each trigger the longest pattern wins. */
export function matchSentence(doc: Doc, patterns: EventPatterns, sent: Sentence, blocked: (t: number) => boolean, light: Set<string> = new Set()): PatternMatch[] {
  const { tokens } = doc;
  const found: PatternMatch[] = [];
  const required = requiredIndex(patterns);
  let stamped = false;
  for (let t = sent.tokenStart; t < sent.tokenEnd; t++) {
    if (blocked(t) || !TRIGGER_POS.has(tokens.pos[t])) continue;
    // `Iran-backed militia`, `U.N.-brokered deal`: the second half of a hyphenated modifier is no trigger.
    if (t > sent.tokenStart && tokens.text[t - 1] === '-' && tokens.start[t] === tokens.end[t - 1]) continue;
    const a = patterns.byTrigger.get(tokens.lemma[t]);
    const b = tokens.lower[t] !== tokens.lemma[t] ? patterns.byTrigger.get(tokens.lower[t]) : undefined;
    if (!a && !b) continue;
    const here: PatternMatch[] = [];
    if (!stamped) {
      required.sentence(doc, sent);
      stamped = true;
    }
    for (let side = 0; side < 2; side++) {
      const list = side === 0 ? a : b;
      if (!list) continue;
      const req = required.of(list);
      for (let j = 0; j < list.length; j++) {
        // Cheap test first: every required word of the pattern must occur somewhere in the sentence.
        if (!required.present(req[j])) continue;
        const m = tryMatch(doc, list[j], sent, t, light, patterns);
        if (m) here.push(m);
      }
    }
    if (!here.length) continue;
    // Longest first, then tightest, then one whose trigger matched the word as written (`left` the verb of
    // leaving, not the lemma `leave` of another sense), then the more specific code.
    const surface = (m: PatternMatch) => ((m.pattern.elements[0] as { alts: string[] }).alts.includes(tokens.lower[t]) ? 1 : 0);
    // A compound-subject pattern (`{pair} agree`) goes before the same words without it: it codes nothing unless the
    // subject is a compound, and then the next one is tried.
    const pairFirst = (m: PatternMatch) => (m.pattern.pairSubject ? 1 : 0);
    // Of equal length, a whole match with a target slot goes before one whose closing preposition and slot were missing:
    // its slot says where the target is, the other's is a guess.
    const complete = (m: PatternMatch) => (!m.truncated && m.pattern.hasTarget ? 0 : m.truncated ? 2 : 1);
    const wholeFirst = (x: PatternMatch, y: PatternMatch) => (x.truncated === y.truncated ? 0 : complete(x) === 1 || complete(y) === 1 ? 0 : complete(x) - complete(y));
    here.sort((x, y) => y.words.length - x.words.length || wholeFirst(x, y) || x.gaps - y.gaps || surface(y) - surface(x) || pairFirst(y) - pairFirst(x) || y.pattern.code.length - x.pattern.code.length);
    const best = here[0];
    best.alternatives = here.slice(1);
    found.push(best);
  }
  // A match whose trigger is a word after another match's slot is that match's content (`demanded that Israel
  // comply`): the governing match stays. Otherwise, of two overlapping matches the longer wins.
  const governed = new Set<PatternMatch>();
  for (const a of found) {
    const slot = Math.min(a.slots.target ?? Infinity, a.slots.source ?? Infinity);
    for (const b of found) if (a !== b && slot <= b.trigger && a.words.includes(b.trigger)) governed.add(b);
  }
  // A match that lost its closing preposition and slot yields a word that triggers a whole match with a target slot:
  // `issued a declaration demanding` (for `issue demand to {target}`) leaves `demanding` to `demanding that the
  // Turkish government provide` (`demand {target}`).
  // (Not when a whole pattern at its trigger covers the same words: `staged a protest` is `stage protest`.)
  const yields = (m: PatternMatch) =>
    m.truncated && !m.alternatives.some((a) => !a.truncated && a.words.length === m.words.length) && found.some((o) => o !== m && !o.truncated && o.pattern.hasTarget && o.trigger !== m.trigger && m.words.includes(o.trigger));
  const last = new Set(found.filter(yields));
  found.sort((x, y) => Number(last.has(x)) - Number(last.has(y)) || y.words.length - x.words.length || x.gaps - y.gaps || x.trigger - y.trigger);
  const taken = new Set<number>();
  const out: PatternMatch[] = [];
  for (const found1 of found) {
    if (governed.has(found1) || taken.has(found1.trigger)) continue;
    let m = found1;
    // `demanded that its partners refuse to recognize`: when a longer match elsewhere has taken one of this match's
    // words, the best of its alternatives that keeps clear of them stands instead (`demand {target}`).
    if (m.words.some((w) => taken.has(w))) {
      const free = m.alternatives.findIndex((a) => !a.words.some((w) => taken.has(w)));
      if (free < 0) continue;
      m = { ...m.alternatives[free], alternatives: m.alternatives.slice(free + 1).filter((a) => !a.words.some((w) => taken.has(w))) };
    }
    for (const w of m.words) taken.add(w);
    out.push(m);
  }
  return out.sort((x, y) => x.trigger - y.trigger);
}

function tryMatch(doc: Doc, p: EventPattern, sent: Sentence, t: number, light: Set<string>, patterns: EventPatterns): PatternMatch | null {
  const { tokens } = doc;
  const words = [t];
  const slots: PatternMatch['slots'] = {};
  let pos = t;
  let afterSlot = false;
  let gaps = 0;
  let truncated = false;
  for (let k = 1; k < p.elements.length; k++) {
    const e = p.elements[k];
    if (e.kind === 'slot') {
      slots[e.slot] = pos + 1;
      afterSlot = true;
      continue;
    }
    // A word joined to the one before (`new_economic`) must follow it directly. A hyphenated word (`a day-old
    // blockade`) counts as one word of the gap.
    let limit = Math.min(sent.tokenEnd, e.adjacent && !afterSlot ? pos + 2 : pos + 1 + (afterSlot ? SLOT_GAP : GAP) + 1);
    if (!(e.adjacent && !afterSlot)) {
      for (let j = pos + 1; j < limit && limit < sent.tokenEnd; j++) if (tokens.text[j] === '-' && tokens.start[j] === tokens.end[j - 1]) limit += 2;
      limit = Math.min(limit, sent.tokenEnd);
    }
    let hit = -1;
    for (let j = pos + 1; j < limit; j++) {
      if (e.alts.includes(tokens.lemma[j]) || e.alts.includes(tokens.lower[j])) {
        hit = j;
        break;
      }
      // Quotation marks stand inside a clause (`branded the award "null and void"`); other punctuation ends it.
      if (!afterSlot && CLAUSE_PUNCT.has(tokens.text[j]) && !QUOTES.has(tokens.text[j])) break;
      if (!afterSlot && (tokens.pos[j] === 'VERB' || tokens.pos[j] === 'AUX') && j !== pos + 1) break;
      // `agreed to resign without returning` is no `agree to return`: a verb after `to` that is an act of its own is
      // the act, unless it is a light verb carrying the pattern's noun (`invited Japan to hold joint patrols`).
      if (!afterSlot && tokens.pos[j] === 'VERB' && tokens.lower[pos] === 'to' && words.length > 1 && patterns.byTrigger.has(tokens.lemma[j]) && !light.has(tokens.lemma[j])) break;
    }
    if (hit < 0) {
      if (e.optional) continue;
      // `A and B agreed to deepen cooperation` matches `deepen cooperation with {target}`: a closing
      // preposition and slot may be missing; then only a compound subject can supply the other side.
      const rest = p.elements.slice(k + 1);
      if (k > 1 && TRAILING_PREPOSITIONS.has(e.alts[0]) && rest.length === 1 && rest[0].kind === 'slot') {
        truncated = true;
        break;
      }
      return null;
    }
    if (!afterSlot) gaps += hit - pos - 1;
    words.push(hit);
    pos = hit;
    afterSlot = false;
  }
  if (/(ed|en)$/.test(tokens.lower[t]) && prenominalParticiple(doc, sent, p, t, words)) return null;
  const negator = findNegator(doc, sent, t, words);
  return { pattern: p, sentence: sent.index, trigger: t, words, slots, end: pos + 1, negated: negator !== null, negator, gaps, truncated, alternatives: [] };
}

const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);
const PRENOMINAL = new Set(['NOUN', 'PROPN', 'ADJ']);

/**
 * Is the participle at t an adjective, telling of no act? After a determiner (adverbs aside), it is one for a
 * transitive pattern (`all detained demonstrators`, `the disputed border`; `targeted killing of {target}` names the
 * adjective itself), and before a noun the pattern does not hold (`activists from the defeated Fatah party`; `went
 * ahead with the planned talks` stays); after a possessive, before any noun (`their recently mended ties`).
 */
function prenominalParticiple(doc: Doc, sent: Sentence, p: EventPattern, t: number, words: number[]): boolean {
  const { lower, pos } = doc.tokens;
  let d = t - 1;
  while (d > sent.tokenStart && pos[d] === 'ADV') d--;
  const second = p.elements[1];
  if (pos[t] === 'VERB' && (!second || second.kind === 'slot') && PARTICIPLE_DETS.has(lower[d] ?? '')) return true;
  if (!PRENOMINAL.has(pos[t + 1] ?? '')) return false;
  return POSSESSIVES.has(lower[d] ?? '') || (pos[d] === 'DET' && !words.includes(t + 1));
}

/** Adverbs that negate the clause they modify; their reach the words alone may misjudge. */
export const NEGATING_ADVERBS = new Set(['not', "n't", 'never']);
const DOUBT_REACH = 8;

/**
 * Is the words' verdict on the match's negation in doubt, for the tree to settle? A `not` or `never` in the sentence
 * a little before the trigger, with a verb between them (`leaders who did not attend condemned`, `did not want to
 * condemn`), or out of the words' reach (`did not, despite the pressure, condemn`).
 */
export function negationInDoubt(doc: Doc, sent: Sentence, m: PatternMatch): boolean {
  const { lower, pos } = doc.tokens;
  let verbBetween = false;
  for (let j = m.trigger - 1; j >= Math.max(sent.tokenStart, m.trigger - DOUBT_REACH); j--) {
    if (NEGATING_ADVERBS.has(lower[j])) return verbBetween || m.negator !== j;
    if (pos[j] === 'VERB') verbBetween = true;
  }
  return false;
}

/**
 * `did not attend`, `never signed`, `no comment`: a negator shortly before the trigger, in the same clause; or a `no`
 * between the pattern's own words (`held no talks with`) that is not itself one of them (`said no to`).
 */
function findNegator(doc: Doc, sent: Sentence, t: number, words: readonly number[]): number | null {
  const { tokens } = doc;
  for (let j = t - 1; j >= Math.max(sent.tokenStart, t - 4); j--) {
    if (CLAUSE_PUNCT.has(tokens.text[j])) break;
    if (NEGATORS.has(tokens.lower[j])) return j;
  }
  for (let j = t + 1; j < words[words.length - 1]; j++) if (tokens.lower[j] === 'no' && !words.includes(j)) return j;
  return null;
}
