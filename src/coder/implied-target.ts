// Finds whom an act is aimed at when its clause names no target, for the acts data/ontology/implied-targets.tsv
// lists. A protest is dissent against an authority: `students staged demonstrations to demand reforms by President
// Suharto's government` (the actor its purpose names), `prisoners rioted at a jail in northern Israel` (the
// government where it happened), `Egyptian demonstrators rioted` (their own government); a government's protest
// is aimed at the party the article is about. An administration's curfew or martial law is aimed at the country
// where it is imposed, else its own; a mediation at the two parties the article names most.
import type { ActorMention, Doc } from '../model/types.js';
import type { VerbClasses } from '../dictionaries/verb-classes.js';
import { impliedWhom, type ImpliedTargets, type ImpliedWhom } from '../dictionaries/implied-targets.js';
import type { EventCandidate } from './events.js';
import { impliedActor } from './implied-actor.js';

/** A government or parliament that protests (not a boycott or a strike) complains to another party. */
const STATE_PROTESTERS = new Set(['GOV', 'LEG']);

/** Mentions after the trigger this far (tokens) may name a protest's object. */
const WINDOW = 25;

/**
 * Fills the target of candidates that have none and whose code (as `codeOf` gives it, after intent and threat
 * readings) implies one; the others pass unchanged. Only CAMEO's codes (`cameo`) imply targets, not codes a
 * dictionary folder declares.
 */
export function impliedTargets(
  doc: Doc,
  candidates: EventCandidate[],
  inSentence: ActorMention[],
  verbs: VerbClasses,
  rules: ImpliedTargets,
  cameo: Set<string>,
  codeOf: (c: EventCandidate) => string,
  parties: (c: EventCandidate) => ActorMention[] = () => [],
  about: (c: EventCandidate) => ActorMention | null = (c) => parties(c)[0] ?? null,
): EventCandidate[] {
  return candidates.flatMap((c) => {
    if (c.target) return [c];
    const code = codeOf(c);
    const whom = cameo.has(code) ? impliedWhom(rules, code) : null;
    if (whom === 'pair') {
      // `Turkey helped broker the deal`: mediation is between the two parties the article is about.
      const two = parties(c);
      if (two.length < 2) return [c];
      return two.map((m) => ({ ...c, target: { ...m, why: [{ rule: 'mediated-parties' }, ...m.why] }, rule: `${c.rule}:mediated-parties` }));
    }
    let target = whom ? aimedAt(doc, c, inSentence, verbs, whom) : null;
    // `Tokyo had protested strongly through diplomatic channels`: a state protests to the party the article is
    // about (an official complaint, data/ontology/source-recodes.tsv), not to itself: in a headline too, before the
    // article has named it most (`China fires missiles around Taiwan; Japan protests`).
    if (whom === 'government' && /^14[01]/.test(code) && STATE_PROTESTERS.has((c.source.sector ?? '').slice(0, 3)) && (!target || target.code === c.source.code)) {
      const other = about(c);
      if (other) target = { ...other, why: [{ rule: 'state-protest-to-other-party' }, ...other.why] };
    }
    return [target ? { ...c, target, rule: `${c.rule}:${target.why[0].rule}` } : c];
  });
}

function aimedAt(doc: Doc, c: EventCandidate, mentions: ActorMention[], verbs: VerbClasses, whom: ImpliedWhom): ActorMention | null {
  const { tokens } = doc;
  const sourceCountry = c.source.country;
  const end = c.match.end;
  // The actor a protest's purpose names: the first actor after the trigger that is not the speaker of a
  // `..., police said` and not the protesters' own kind.
  if (whom === 'government') {
    for (const m of mentions) {
      if (m.locative || m.tokenStart < end || m.tokenStart > end + WINDOW) continue;
      if (m.code === c.source.code) continue;
      const next = m.tokenEnd < tokens.text.length && tokens.sent[m.tokenEnd] === tokens.sent[end] ? m.tokenEnd : -1;
      if (next >= 0 && tokens.pos[next] === 'VERB' && verbs.reporting.has(tokens.lemma[next])) continue;
      if (m.sector === null && m.kind !== 'country' && m.country === sourceCountry) continue;
      return { ...m, why: [{ rule: 'protest-object-after-trigger' }, ...m.why] };
    }
  }
  // Else the place it happened, else the actor's own country.
  const place = mentions.find((m) => m.locative && m.country && m.tokenStart >= c.match.trigger - 3);
  const country = place?.country ?? sourceCountry;
  if (!country) return null;
  return impliedActor(country, whom === 'government' ? 'GOV' : null, place ?? c.source, `${whom}-of-${place ? 'place' : 'actor'}`);
}
