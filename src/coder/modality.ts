// Finds whether an event is announced rather than reported: a modal (`will release`) or an intent word
// before `to` (`agreed to send`, `is ready to meet`). Token-level and pure; the mapping is data.
import type { Doc, Sentence, Span } from '../model/types.js';

const MODALS = new Set(['will', 'would', 'shall', "'ll", 'wo']);
const SKIP = new Set(['ADV', 'PART']);

/** The span of the word that announces the act at `trigger`, or null when the act is reported as done. */
export function announcedBy(doc: Doc, sent: Sentence, trigger: number, words: Set<string>): Span | null {
  const { tokens } = doc;
  // An event noun or adjective is announced through the verb that carries it (`agreed to hold talks`).
  let pred = trigger;
  if (tokens.pos[trigger] !== 'VERB') {
    for (let t = trigger - 1; t >= Math.max(sent.tokenStart, trigger - 4); t--) {
      if (tokens.pos[t] === 'VERB') {
        pred = t;
        break;
      }
      if (tokens.pos[t] === 'PUNCT') break;
    }
  }
  let t = pred - 1;
  while (t >= sent.tokenStart && SKIP.has(tokens.pos[t]) && tokens.lower[t] !== 'to') t--;
  if (t < sent.tokenStart) return null;
  const span = (i: number) => ({ start: tokens.start[i], end: tokens.end[i], text: tokens.text[i] });
  if (MODALS.has(tokens.lower[t])) return span(t);
  if (tokens.lower[t] === 'to') {
    let k = t - 1;
    while (k >= sent.tokenStart && tokens.pos[k] === 'ADV') k--;
    if (k >= sent.tokenStart && (words.has(tokens.lemma[k]) || words.has(tokens.lower[k]))) return span(k);
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
