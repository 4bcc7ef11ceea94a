// Acts a news sentence recalls from years before the article (`since the United States switched diplomatic
// recognition to Beijing in 1979`, `a case Manila filed in 2013`, `Russia's 2014 annexation of Crimea`): background,
// not events of the day. Read from the words around the trigger; decides nothing else.
import type { Doc, Sentence } from '../model/types.js';

/** A year at least this many years before the article's is history, not news. */
export const HISTORY_YEARS = 2;

const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'jan.', 'feb', 'feb.', 'mar', 'mar.', 'apr', 'apr.', 'jun', 'jun.', 'jul', 'jul.', 'aug', 'aug.', 'sep', 'sep.', 'sept', 'sept.', 'oct', 'oct.', 'nov', 'nov.', 'dec', 'dec.',
]);
/** Words that may stand between an act and the `in 1979` that dates it: its object and target, not another verb. */
const BETWEEN = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART', 'ADP', 'CCONJ']);
/** How far after the act's words its year may stand. */
const REACH = 8;

function yearAt(doc: Doc, t: number): number | null {
  const w = doc.tokens.text[t];
  if (!/^(1[89]\d\d|20\d\d)$/.test(w)) return null;
  return Number(w);
}

/** The year of an `in 1979` or `in March 2001` starting at token t (the `in`), else null. */
function inYear(doc: Doc, t: number, end: number): number | null {
  const { lower } = doc.tokens;
  if (lower[t] !== 'in') return null;
  let k = t + 1;
  if (k < end && MONTHS.has(lower[k])) k++;
  // `in 2000 villages` counts villages.
  return k < end && doc.tokens.pos[k + 1] !== 'NOUN' ? yearAt(doc, k) : null;
}

/**
 * Is the act whose words run from `trigger` to `end` (exclusive) dated by the sentence to a year at least
 * HISTORY_YEARS before `refYear`? Three places say so:
 * - an `in 1979` after the act's words, with only its object or target between (`switched recognition to Beijing
 *   in 1979`; not `signed an accord today to increase trade in 1983`, where the year is the other verb's);
 * - a year right before an act noun (`the 2014 annexation`, `Russia's 2008 war with Georgia`);
 * - an `In 2013,` opening the sentence, before its act.
 */
export function recalledYear(doc: Doc, sent: Sentence, trigger: number, end: number, refYear: number): number | null {
  const { pos, text } = doc.tokens;
  const old = (y: number | null): y is number => y !== null && y <= refYear - HISTORY_YEARS;
  for (let t = end; t < Math.min(sent.tokenEnd, end + REACH); t++) {
    const y = inYear(doc, t, sent.tokenEnd);
    if (y !== null) return old(y) ? y : null;
    if (!BETWEEN.has(pos[t]) || text[t] === ',') break;
  }
  if (pos[trigger] === 'NOUN') {
    const y = trigger > sent.tokenStart ? yearAt(doc, trigger - 1) : null;
    if (old(y)) return y;
  }
  const opening = inYear(doc, sent.tokenStart, sent.tokenEnd);
  if (old(opening)) {
    // The opening phrase runs to its comma; the act must come after it, in the same clause.
    let k = sent.tokenStart + 1;
    while (k < trigger && text[k] !== ',') k++;
    if (k < trigger) {
      for (let t = k + 1; t < trigger; t++) if (text[t] === ';') return null;
      return opening;
    }
  }
  return null;
}
