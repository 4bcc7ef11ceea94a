// Finds whether an event is announced rather than reported: a modal (`will release`) or an intent word
// before `to` (`agreed to send`, `is ready to meet`). Token-level and pure; the mapping is data.
import type { Doc, Sentence, Span } from '../model/types.js';
import type { VerbClasses } from '../dictionaries/verb-classes.js';

const MODALS = new Set(['will', 'would', 'shall', "'ll", 'wo']);
/** Verbs that announce the event noun they take (`pledged relief supplies`); `undertook a mission`, `offered an apology` did it. */
const NOMINAL_ANNOUNCERS = new Set(['pledge', 'promise', 'vow', 'plan', 'propose']);
const SKIP = new Set(['ADV', 'PART']);
/** Verbs of beginning, going on and going back to an act (`resume shelling`). */
const ASPECTUAL = new Set(['resume', 'continue', 'begin', 'start', 'keep', 'renew']);

/** The verb of the act at `trigger`: itself, or for an event noun the verb just before it (`held talks`). */
function predicateOf(doc: Doc, sent: Sentence, trigger: number): number {
  const { tokens } = doc;
  if (tokens.pos[trigger] === 'VERB') return trigger;
  for (let t = trigger - 1; t >= Math.max(sent.tokenStart, trigger - 4); t--) {
    if (tokens.pos[t] === 'VERB') return t;
    if (tokens.pos[t] === 'PUNCT') break;
  }
  return trigger;
}

/** The span of one token. */
export function tokenSpan(doc: Doc, i: number): Span {
  return { start: doc.tokens.start[i], end: doc.tokens.end[i], text: doc.tokens.text[i] };
}

/** The span of the word that announces the act at `trigger`, or null when the act is reported as done. */
export function announcedBy(doc: Doc, sent: Sentence, trigger: number, words: Set<string>, depth = 0): Span | null {
  const { tokens } = doc;
  // An event noun or adjective is announced through the verb that carries it (`agreed to hold talks`).
  const pred = predicateOf(doc, sent, trigger);
  const span = (i: number) => tokenSpan(doc, i);
  // `pledged relief supplies to Fiji`: the verb that carries the event noun announces it.
  // Not a participle modifying the noun (`went ahead with planned talks`).
  const modifier = pred > sent.tokenStart && ['DET', 'ADP', 'ADJ'].includes(tokens.pos[pred - 1]);
  if (pred !== trigger && !modifier && words.has(tokens.lemma[pred]) && NOMINAL_ANNOUNCERS.has(tokens.lemma[pred])) return span(pred);
  let t = pred - 1;
  while (t >= sent.tokenStart && SKIP.has(tokens.pos[t]) && tokens.lower[t] !== 'to') t--;
  // `prepared to resume shelling`, `will continue attacking`: an aspectual verb carries the act's announcement.
  if (t > sent.tokenStart && ASPECTUAL.has(tokens.lemma[t]) && depth < 2) return announcedBy(doc, sent, t, words, depth + 1);
  if (t < sent.tokenStart) return null;
  if (MODALS.has(tokens.lower[t])) return span(t);
  if (tokens.lower[t] === 'to') {
    let k = t - 1;
    // Adverbs and a short prepositional phrase may stand between: `agreed in principle to`, `vowed on Monday to`.
    for (let guard = 0; guard < 3 && k > sent.tokenStart; guard++) {
      if (tokens.pos[k] === 'ADV') k--;
      else if ((tokens.pos[k] === 'NOUN' || tokens.pos[k] === 'PROPN') && tokens.pos[k - 1] === 'ADP') k -= 2;
      else break;
    }
    if (k >= sent.tokenStart && (words.has(tokens.lemma[k]) || words.has(tokens.lower[k]))) return span(k);
    // `will visit Mauritania and Senegal to mediate`, `is willing to send material to help`: the purpose of an
    // announced act is announced with it.
    for (let v = t - 1; v >= Math.max(sent.tokenStart, t - 8); v--) {
      if (tokens.pos[v] === 'PUNCT') break;
      if (tokens.pos[v] === 'VERB') return depth < 2 ? announcedBy(doc, sent, v, words, depth + 1) : null;
    }
  }
  return null;
}

const HYPOTHETICAL = new Set(['could', 'might', 'may']);

/** `could let Chinese warships take on supplies`: a material act only said to be possible did not happen. */
export function hypothetical(doc: Doc, sent: Sentence, trigger: number): boolean {
  const { tokens } = doc;
  let t = trigger - 1;
  while (t >= sent.tokenStart && (tokens.pos[t] === 'ADV' || tokens.lower[t] === 'be' || tokens.lower[t] === 'have')) t--;
  return t >= sent.tokenStart && HYPOTHETICAL.has(tokens.lower[t]);
}

export const OBLIGATION = new Set(['must', 'should', 'ought']);
/** Words between an act's verb and what makes it unrealized: `must not be`, `denied that it had helped`. */
const PASSED_OVER = new Set(['be', 'not', "n't", 'have', 'has', 'had', 'been']);
/** Tokens a noun phrase between a control verb and its `to` or its clause may hold (`urged the European Community to`). */
const NP_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'NUM', 'PART', 'ADP', 'CCONJ']);
const NP_SPAN = 8;

/**
 * The word that makes the act at `trigger` one that has not happened: demanded or requested of someone (`demanded
 * that the US cancel`, `urged Israel to ease`), refused or failed (`refused to deploy`), obliged (`Libya must hand
 * over`), or the object of a proposal (`an invitation to attend`, `a proposal for signing`). Null when none does.
 */
export function unrealizedBy(doc: Doc, sent: Sentence, trigger: number, verbs: VerbClasses): Span | null {
  const { tokens } = doc;
  const span = (i: number) => tokenSpan(doc, i);
  let t = predicateOf(doc, sent, trigger) - 1;
  let perfect = false;
  while (t >= sent.tokenStart && (tokens.pos[t] === 'ADV' || PASSED_OVER.has(tokens.lower[t]))) {
    if (tokens.lemma[t] === 'have') perfect = true;
    t--;
  }
  if (t < sent.tokenStart) return null;
  // `must have handed over`: an inference that it was done, not an obligation.
  if (OBLIGATION.has(tokens.lower[t])) return perfect ? null : span(t);
  // `has refused to deploy ... and has urged`: an auxiliary after `and` begins a clause of its own.
  if (perfect && (tokens.lower[t] === 'and' || tokens.lower[t] === 'or')) return null;
  // `a proposal for signing`: a noun and `for` before an -ing act.
  if (tokens.lower[t] === 'for' && t - 1 >= sent.tokenStart && verbs.unrealizingNouns.has(tokens.lemma[t - 1])) return span(t - 1);
  // `of paralysing the government and sympathising with`: the first of conjoined acts carries the preposition.
  if (tokens.lower[t] === 'and' || tokens.lower[t] === 'or') {
    let first = -1;
    for (let k = t - 1; k >= Math.max(sent.tokenStart + 1, t - 6); k--) {
      if (tokens.pos[k] === 'PUNCT') break;
      if (tokens.pos[k] === 'VERB' && /ing$/.test(tokens.lower[k]) && (tokens.lower[k - 1] === 'of' || tokens.lower[k - 1] === 'for')) {
        first = k;
        t = k - 1;
        break;
      }
    }
    // `urged Jammeh to honour the vote and hand over power`: a conjoined act shares the first act's request.
    if (first === -1) {
      for (let k = t - 1; k >= Math.max(sent.tokenStart, t - 1 - NP_SPAN); k--) {
        if (tokens.pos[k] === 'VERB') {
          const first = unrealizedBy(doc, sent, k, verbs);
          if (first) return first;
          break;
        }
        if (!NP_POS.has(tokens.pos[k])) break;
      }
    }
  }
  // `accused the parliament of sympathising with`, `blamed Russia for standing behind`: an alleged act.
  if (tokens.lower[t] === 'of' || tokens.lower[t] === 'for') {
    for (let k = t - 1, left = NP_SPAN + 6; k >= sent.tokenStart && left > 0; k--, left--) {
      if (tokens.pos[k] === 'VERB') {
        if (verbs.alleging.has(tokens.lemma[k])) return span(k);
        // `of paralysing the government and of sympathising`: go on from the first act's preposition.
        if (/ing$/.test(tokens.lower[k]) && (tokens.lower[k - 1] === 'of' || tokens.lower[k - 1] === 'for')) {
          k--;
          continue;
        }
        // `the opposition-controlled parliament`: a participle inside the noun phrase.
        if (tokens.pos[k + 1] === 'NOUN' && /(ed|en)$/.test(tokens.lower[k])) continue;
        break;
      }
      if (!NP_POS.has(tokens.pos[k]) && tokens.text[k] !== '-') break;
    }
  }
  if (tokens.lower[t] === 'to') {
    // `told Israel to open the crossing, to let investigators in`: an infinitive after a comma or `and` shares the
    // request of the infinitive before it.
    if (t - 1 >= sent.tokenStart && [',', 'and', 'or'].includes(tokens.lower[t - 1])) {
      for (let k = t - 2; k > Math.max(sent.tokenStart, t - 25); k--) {
        if (tokens.lower[k] === 'to' && tokens.pos[k + 1] === 'VERB') {
          const first = unrealizedBy(doc, sent, k + 1, verbs);
          if (first) return first;
          break;
        }
      }
    }
    // `refused to deploy`, `an invitation to attend`, `urged the European Community to support`.
    for (let k = t - 1; k >= Math.max(sent.tokenStart, t - 1 - NP_SPAN); k--) {
      // `told Israel to open the crossing`: an object-control verb orders or asks, unless it makes or lets it happen.
      if (tokens.pos[k] === 'VERB') return verbs.unrealizing.has(tokens.lemma[k]) || (verbs.objectControl.has(tokens.lemma[k]) && !verbs.enabling.has(tokens.lemma[k]) && k < t - 1) ? span(k) : null;
      if (tokens.pos[k] === 'NOUN' && k === t - 1 && verbs.unrealizingNouns.has(tokens.lemma[k])) return span(k);
      if (!NP_POS.has(tokens.pos[k])) return null;
    }
    return null;
  }
  // `demanded that the US cancel`: the act's subject, `that`, then the demand.
  for (let k = t; k >= Math.max(sent.tokenStart, t - NP_SPAN); k--) {
    if (tokens.lower[k] === 'that') {
      let v = k - 1;
      while (v >= sent.tokenStart && tokens.pos[v] === 'ADV') v--;
      if (v < sent.tokenStart) return null;
      // `denied that New Delhi had helped him`, `rejected reports that ...`: a denied act is not told as done.
      const denied = (w: number) => w >= sent.tokenStart && tokens.pos[w] === 'VERB' && verbs.denying.has(tokens.lemma[w]);
      if (denied(v)) return span(v);
      if (tokens.pos[v] === 'NOUN' && verbs.claimNouns.has(tokens.lemma[v])) {
        let w = v - 1;
        while (w >= sent.tokenStart && ['DET', 'ADJ'].includes(tokens.pos[w])) w--;
        return denied(w) ? span(w) : null;
      }
      return tokens.pos[v] === 'VERB' && verbs.unrealizing.has(tokens.lemma[v]) ? span(v) : null;
    }
    if (!NP_POS.has(tokens.pos[k])) return null;
  }
  return null;
}
