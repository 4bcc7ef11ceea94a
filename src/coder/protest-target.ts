// Finds whom a protest with no target was aimed at. CAMEO codes protest as dissent against an authority:
// `students staged demonstrations to demand reforms by President Suharto's government` (the actor the protest's
// purpose names), `prisoners rioted at a jail in northern Israel` (the government where it happened),
// `Egyptian demonstrators rioted` (their own government).
import type { ActorMention, Doc } from '../model/types.js';
import type { VerbClasses } from '../dictionaries/verb-classes.js';
import type { EventCandidate } from './events.js';

/** Mentions after the trigger this far (tokens) may name the protest's object. */
const WINDOW = 25;

/** Fills the target of target-less protest candidates (CAMEO root 14); others pass unchanged. */
export function protestTargets(doc: Doc, candidates: EventCandidate[], inSentence: ActorMention[], verbs: VerbClasses): EventCandidate[] {
  return candidates.map((c) => {
    if (c.target || !c.match.pattern.code.startsWith('14')) return c;
    const target = aimedAt(doc, c, inSentence, verbs);
    return target ? { ...c, target, rule: `${c.rule}:${target.why[0].rule}` } : c;
  });
}

function aimedAt(doc: Doc, c: EventCandidate, mentions: ActorMention[], verbs: VerbClasses): ActorMention | null {
  const { tokens } = doc;
  const sourceCountry = c.source.country;
  const end = c.match.end;
  // The actor the protest's purpose names: the first actor after the trigger that is not the speaker of a
  // `..., police said` and not the protesters' own kind.
  for (const m of mentions) {
    if (m.locative || m.tokenStart < end || m.tokenStart > end + WINDOW) continue;
    if (m.code === c.source.code) continue;
    const next = m.tokenEnd < tokens.text.length && tokens.sent[m.tokenEnd] === tokens.sent[end] ? m.tokenEnd : -1;
    if (next >= 0 && tokens.pos[next] === 'VERB' && verbs.reporting.has(tokens.lemma[next])) continue;
    if (m.sector === null && m.kind !== 'country' && m.country === sourceCountry) continue;
    return { ...m, why: [{ rule: 'protest-object-after-trigger' }, ...m.why] };
  }
  // Else the government of the place it happened, else the protesters' own government.
  const place = mentions.find((m) => m.locative && m.country && m.tokenStart >= c.match.trigger - 3);
  const country = place?.country ?? sourceCountry;
  if (!country) return null;
  const anchor = place ?? c.source;
  return {
    code: `${country}GOV`,
    country,
    sector: 'GOV',
    name: null,
    tokenStart: anchor.tokenStart,
    tokenEnd: anchor.tokenEnd,
    start: anchor.start,
    end: anchor.end,
    text: anchor.text,
    kind: 'implied',
    why: [{ rule: place ? 'protest-at-government-of-place' : 'protest-at-own-government' }],
  };
}
