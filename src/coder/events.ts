// Turns pattern matches into source-target events: the subject of the trigger's clause (from the dependency
// tree when there is one, else the nearest actor before the trigger), the target in its slot, passives
// (`{source}` or a tree's `by` agent), pairs (`between A and B`), compound actors and negation.
// Pure: returns event candidates; dates, places and records are added by code-article.ts.
import type { ActorMention, Doc } from '../model/types.js';
import type { PatternMatch } from './event-matcher.js';
import { BLOCK, rulePattern, type EventPattern } from '../dictionaries/event-patterns.js';
import { clauseRoles, conjoinedTargets, governingSubject, mentionForToken, subjectOfOtherClause, treeNegator, treeReaches, type SentenceTree } from './syntax.js';
import type { VerbClasses } from '../dictionaries/verb-classes.js';
import { impliedActor } from './implied-actor.js';

export interface EventCandidate {
  match: PatternMatch;
  source: ActorMention;
  target: ActorMention | null;
  rule: string;
  /** Its pattern asks for a target the clause does not name: kept only if a target is implied (implied-target.ts). */
  needsTarget?: boolean;
  /** `will not accept any more refugees`: an act announced as one that will not happen, coded as a refusal. */
  refused?: boolean;
}

/** Tokens that end the clause a subject is looked for in. */
const CLAUSE_END = new Set([';', ':', '--', '—', '–']);
const TARGET_WINDOW = 15;
/** Words that open a subordinate clause: a mention right after one is that clause's subject, not an object. */
const CLAUSE_WORDS = new Set(['after', 'before', 'while', 'because', 'when', 'whereas', 'although', 'though', 'since', 'until', 'unless', 'if', 'but', 'whether']);
const LOCATIVE_SLOT = new Set(['in', 'at', 'into', 'inside']);
const TARGET_PREPOSITIONS = new Set(['with', 'against', 'to', 'toward', 'towards', 'on', 'at']);
const LOOSE_TARGET_WINDOW = 4;
const QUOTE_MARKS = new Set(['"', '“', '”']);
/** Words that end a noun phrase before a comma (`visit Albania in June, the first Warsaw Pact minister`). */
const NOMINAL_END = new Set(['NOUN', 'PROPN']);
const FROM = new Set(['from']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);

/** Code prefixes of acts that change how actors are found (ontology/state-acts.txt, ontology/intransitive.txt). */
export interface ActTables {
  /** Acts only a state does: told in the passive with no doer, the state did them. */
  stateActs: string[];
  /** Acts aimed at no one (`resigned`, `surrendered`): a target only where a pattern's slot names one. */
  intransitive: string[];
}

/** Source and target for each match, in a sentence whose mentions (text order) are given. */
export function assignActors(
  doc: Doc,
  matches: PatternMatch[],
  mentions: ActorMention[],
  verbs: VerbClasses,
  sentenceTree: SentenceTree | null = null,
  acts: ActTables = { stateActs: [], intransitive: [] },
): EventCandidate[] {
  const out: EventCandidate[] = [];
  for (const match of matches) {
    if (match.pattern.code === BLOCK) continue;
    // The tree is read for a match only where the parse runs on past it.
    const tree = sentenceTree && treeReaches(sentenceTree, match.end) ? sentenceTree : null;
    // The tree tells whether the act is the one negated (`who did not attend condemned`).
    const byTree = tree ? treeNegator(doc, tree, match.trigger, match.words) : undefined;
    const best = byTree === undefined ? match : { ...match, negated: byTree !== null, negator: byTree };
    // A negated act did not happen; one announced as not to happen (`will not accept`) is refused.
    const refused = best.negated && willNot(doc, best);
    if (best.negated && !refused) continue;
    // The longest pattern may fail to find its actors where a shorter one at the same trigger succeeds.
    let coded = false;
    for (const m of [best, ...best.alternatives]) {
      // A blocking pattern among the alternatives (`--- | receive treatment`) ends the search: nothing is coded.
      if (m.pattern.code === BLOCK) {
        coded = true;
        break;
      }
      const found = assignOne(doc, m, mentions, tree, verbs, false, acts);
      if (found.length) {
        out.push(...(refused ? found.map((c) => ({ ...c, refused: true })) : [...found, ...reverseActs(found)]));
        coded = true;
        break;
      }
    }
    // A source whose target the clause does not name (`condemned the murder`): the caller may find it elsewhere.
    if (!coded && !refused) out.push(...assignOne(doc, best, mentions, tree, verbs, true, acts).filter((c) => !c.target).map((c) => ({ ...c, needsTarget: true })));
  }
  return out;
}

function assignOne(doc: Doc, m: PatternMatch, mentions: ActorMention[], tree: SentenceTree | null, verbs: VerbClasses, targetless: boolean, acts: ActTables): EventCandidate[] {
  const candidates = assignFound(doc, m, mentions, tree, verbs, targetless, acts.stateActs);
  // `resigned on Sunday as the opposition threatened`: an act aimed at no one takes only the target its slot names.
  const p = m.pattern;
  if (p.hasTarget || !acts.intransitive.some((c) => p.code.startsWith(c))) return candidates;
  return candidates.map((c) => (c.target ? { ...c, target: null, rule: `${c.rule}:aimed-at-no-one` } : c));
}

function assignFound(doc: Doc, m: PatternMatch, mentions: ActorMention[], tree: SentenceTree | null, verbs: VerbClasses, targetless: boolean, stateActs: string[]): EventCandidate[] {
  const out: EventCandidate[] = [];
  const p = m.pattern;
  let source: ActorMention | null = null;
  let target: ActorMention | null = null;
  let rule = 'subject-before-trigger';
  const tried = tree ? treeActors(doc, tree, m, mentions, verbs) : null;
  if (tried === 'governed') return out;
  // A passive with no agent names no doer, unless only a state does such acts (`had been arrested`).
  const stateOnly = stateActs.some((c) => p.code.startsWith(c));
  if (tried === 'agentless') return stateOnly ? stateAct(doc, m, mentions, verbs) : out;
  const fromTree = tried;
  if (p.pairSubject) {
    // `{pair} agree`: only a compound subject, whose members act on each other, in both directions.
    const subject = fromTree?.source ?? subjectBefore(doc, mentions, m.trigger, verbs);
    const ms = subject?.members ?? [];
    if (ms.length < 2 || isPassiveUse(doc, m)) return out;
    for (const a of ms) for (const b of ms) if (a.code !== b.code) out.push({ match: m, source: a, target: b, rule: 'compound-subject-pair' });
    return out;
  }
  if (fromTree && !p.hasPair) {
    source = fromTree.source;
    target = fromTree.target;
    rule = fromTree.rule;
    // `placed the country under martial law`: a slot between the pattern's words is the pattern's own to fill.
    const ownSlot = p.hasTarget && !fromTree.passive && innerSlot(m);
    if (ownSlot) {
      target = slotTarget(doc, m, mentions, verbs);
      // `received a mission of observers from the OSCE`: whom the slot's noun comes from.
      if (!target) target = mentionAt(mentions, m.end, 2, doc, verbs, FROM);
    }
    if (!target && !fromTree.passive && !ownSlot) {
      // The pattern's slot names the target more precisely than the tree's object.
      target = p.hasTarget ? slotTarget(doc, m, mentions, verbs) : looseTarget(doc, m, mentions, verbs);
      // The words' choice may be the subject of the next clause (`detain dozens as the EU readies sanctions`).
      if (target && tree && subjectOfOtherClause(tree, target, m.trigger)) target = null;
      target ??= fromTree.object;
      if (!target && !p.hasTarget) {
        target = mentionAt(mentions, m.end, TARGET_WINDOW, doc, verbs, TARGET_PREPOSITIONS, true);
        if (target) rule += ':target-by-preposition';
      }
    }
    // `he would lift the martial law he had declared`: the actor itself named again is no target.
    if (source && target && (target === source || target.code === source.code)) target = null;
    // `met religious leaders and members of the opposition`: each conjoined actor is a target too.
    if (tree && target) {
      const all = conjoinedTargets(doc, tree, mentions, target).filter((t) => t.code !== source?.code);
      if (all.length > 1) target = { ...target, members: all };
    }
    if (p.hasTarget && !target && !(source?.members && source.members.length >= 2 && isReciprocal(p)) && !targetless) return out;
    if (source) return expandPairs(m, source, target, rule);
  }
  if (p.hasPair && m.slots.pair !== undefined) {
    const pair = mentionAt(mentions, m.slots.pair, TARGET_WINDOW, doc, verbs);
    if (pair?.members && pair.members.length >= 2) {
      out.push({ match: m, source: pair.members[0], target: pair.members[1], rule: 'pair-slot' });
      return out;
    }
    if (pair) {
      source = subjectBefore(doc, mentions, m.trigger, verbs);
      target = pair;
      rule = 'pair-slot-with-subject';
    }
  } else if (p.hasSource && m.slots.source !== undefined) {
    source = mentionAt(mentions, m.slots.source, TARGET_WINDOW, doc, verbs);
    // `the kidnapping of X by Y` names both; `X was attacked by Y` has the target before the trigger.
    target = m.slots.target !== undefined ? mentionAt(mentions, m.slots.target, TARGET_WINDOW, doc, verbs, undefined, false, p.placeTarget) : subjectBefore(doc, mentions, m.trigger, verbs);
    rule = 'passive-by-source';
  } else {
    // `Soleimani was killed when ...`: an active pattern used in the passive, with no `by` agent, names no doer;
    // unless only a state does such acts (`18 Saudi nationals had been arrested`): then the state did.
    if (isPassiveUse(doc, m)) return stateOnly ? stateAct(doc, m, mentions, verbs) : out;
    // `talks mediated by the OSCE`: a participle with `by` names its doer after it.
    const byAgent = participleAgent(doc, m, mentions);
    if (byAgent) {
      // `a Texas lawsuit, supported by President Trump`: the participle modifies a thing, not an actor; only talks
      // and meetings (04) are between the clause's own parties (`talks, mediated by the OSCE`).
      let n = m.trigger - 1;
      if (doc.tokens.text[n] === ',') n--;
      const thing = n >= 0 && doc.tokens.pos[n] === 'NOUN' && !mentions.some((x) => x.tokenStart <= n && n < x.tokenEnd);
      if (thing && !p.code.startsWith('04')) return out;
      const patient = subjectBefore(doc, mentions, m.trigger, verbs);
      return expandPairs(m, byAgent, patient, 'participle-by-agent');
    }
    source = sharedSubject(doc, mentions, m.trigger, verbs) ?? subjectBefore(doc, mentions, m.trigger, verbs);
    if (source && nounGovernedElsewhere(doc, m, source, verbs)) return out;
    if (p.hasTarget) target = slotTarget(doc, m, mentions, verbs);
    else {
      target = looseTarget(doc, m, mentions, verbs);
      if (!target) {
        // `strengthen cooperation and exchanges ... with the NPC`: a later `with`/`against` phrase names the target.
        target = mentionAt(mentions, m.end, TARGET_WINDOW, doc, verbs, TARGET_PREPOSITIONS, true);
        if (target) rule = 'target-by-preposition';
      }
    }
    // A pattern that expects a target and finds none codes nothing (`support each other` has no actor),
    // unless the subject is a compound whose members act on each other (`A and B signed a statement`).
    if (p.hasTarget && !target && !(source?.members && source.members.length >= 2 && isReciprocal(p)) && !targetless) return out;
  }
  if (!source) return out;
  if (target && target.code === source.code && !target.members) target = null;
  return expandPairs(m, source, target, rule);
}

/**
 * The actor right after a pattern without a target slot; none after a complementizer the pattern ends in (`agreed
 * unanimously that China had infringed`: China is the clause's subject, not whom the act is aimed at).
 */
function looseTarget(doc: Doc, m: PatternMatch, mentions: ActorMention[], verbs: VerbClasses): ActorMention | null {
  // `demanded the withdrawal of Turkish troops`: an actor standing between the pattern's words is the one the act
  // is about, before anyone named after the match (`... from Bosnia`).
  const inside = insideMention(m, mentions);
  if (inside) return inside;
  if (COMPLEMENTIZERS.has(doc.tokens.lower[m.end - 1])) return null;
  return mentionAt(mentions, m.end, LOOSE_TARGET_WINDOW, doc, verbs, undefined, true);
}

/**
 * A mention that lies wholly within the match, after its trigger, and is not a place; one made of the pattern's own
 * words (`take hostages`, `disperse demonstrators`) is the act's wording, not whom it is aimed at.
 */
function insideMention(m: PatternMatch, mentions: ActorMention[]): ActorMention | null {
  const own = (x: ActorMention) => {
    for (let t = x.tokenStart; t < x.tokenEnd; t++) if (!m.words.includes(t)) return false;
    return true;
  };
  return mentions.find((x) => x.tokenStart > m.trigger && x.tokenEnd <= m.end && !x.locative && !own(x)) ?? null;
}

const COMPLEMENTIZERS = new Set(['that', 'whether', 'if']);

/** The actor in the pattern's target slot, or after the match where its closing preposition and slot were missing. */
function slotTarget(doc: Doc, m: PatternMatch, mentions: ActorMention[], verbs: VerbClasses): ActorMention | null {
  // `A and B agreed to deepen cooperation` for `deepen cooperation with {target}`: with its closing preposition
  // missing, only a compound subject supplies the other side, not whoever is named next.
  if (m.truncated) return null;
  const from = m.slots.target ?? m.end;
  const next = m.words.find((w) => w >= from);
  if (next !== undefined && next > from) {
    // `placed {target} under martial law`: a slot inside the pattern holds the words before its next word; when
    // they name no actor (`placed the country under`), the slot is filled, not to be looked for further on.
    const inside = mentionAt(mentions, from, next - from - 1, doc, verbs, undefined, false, m.pattern.placeTarget);
    if (inside) return inside;
    // `summoned Niger's ambassador Brah Mohamane`: the name after the slot's title word is the one the slot holds.
    const named = mentions.find((x) => x.tokenStart === next + 1 && x.kind === 'person');
    if (named && next + 1 >= m.end) return named;
    if (hasNoun(doc, from, next)) return null;
  }
  // An empty inner slot (`cut off electricity to Armenia` for `cut off {target} electricity`) looks after the match,
  // unless a mention starts right at it.
  if (next !== undefined) {
    const at = mentions.find((x) => x.tokenStart === from && !x.locative);
    if (at) return at;
  }
  return mentionAt(mentions, next !== undefined ? m.end : from, TARGET_WINDOW, doc, verbs, undefined, false, m.pattern.placeTarget);
}

/** A state's act told in the passive with no doer: the state did it to the clause's subject. */
function stateAct(doc: Doc, m: PatternMatch, mentions: ActorMention[], verbs: VerbClasses): EventCandidate[] {
  const patient = subjectBefore(doc, mentions, m.trigger, verbs);
  if (!patient) return [];
  // The subject of the passive itself: no other verb between it and the act (`... to amend the constitution so that
  // same-sex marriages are banned` is no ban on the party named before).
  for (let t = patient.tokenEnd; t < m.trigger; t++) if (doc.tokens.pos[t] === 'VERB' && !BE.has(doc.tokens.lower[t])) return [];
  const state = stateOf(doc, m, mentions, verbs, patient);
  return state ? expandPairs(m, state, patient, 'passive-state-act') : [];
}

/** Sectors of a state's own organs: an official speaker of one reports what its state did. */
const STATE_ORGANS = new Set(['GOV', 'COP', 'JUD', 'MIL', 'SPY', 'LEG']);

/**
 * The state that did an act told in the passive with no doer: the government of the place named after it (`arrested
 * in Lebanon`), else of the official speaker who reports it, else of the country of those it was done to.
 */
function stateOf(doc: Doc, m: PatternMatch, mentions: ActorMention[], verbs: VerbClasses, patient: ActorMention): ActorMention | null {
  const sent = doc.tokens.sent[m.trigger];
  const place = mentions.find((x) => x.locative && x.country && x.tokenStart >= m.end && x.tokenStart <= m.end + 6 && doc.tokens.sent[x.tokenStart] === sent);
  const speaker = place ? null : speakerOf(doc, m.trigger, mentions, verbs);
  const official = speaker && speaker.country && (speaker.kind === 'country' || speaker.kind === 'government' || STATE_ORGANS.has((speaker.sector ?? '').slice(0, 3)));
  const country = place?.country ?? (official ? speaker.country : null) ?? patient.country;
  if (!country) return null;
  const anchor = place ?? (official ? speaker : patient);
  return impliedActor(country, 'GOV', anchor, place ? 'state-of-place' : official ? 'state-of-speaker' : 'state-of-those-it-was-done-to');
}

/** Is the match's negator that of a modal (`will not`, `would not`, `won't`): the act is announced as not to happen? */
function willNot(doc: Doc, m: PatternMatch): boolean {
  if (m.negator === null) return false;
  const { lower, pos } = doc.tokens;
  let t = m.negator - 1;
  while (t >= 0 && pos[t] === 'ADV' && lower[t] !== 'not') t--;
  return t >= 0 && WILL.has(lower[t]);
}

const WILL = new Set(['will', 'would', 'wo', 'shall']);

/** Does the target slot stand between two of the match's words (`place {target} under martial law`)? */
function innerSlot(m: PatternMatch): boolean {
  const from = m.slots.target;
  return from !== undefined && m.words.some((w) => w >= from);
}

function hasNoun(doc: Doc, from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (doc.tokens.pos[t] === 'NOUN' || doc.tokens.pos[t] === 'PROPN') return true;
  return false;
}

const reversePatterns = new WeakMap<EventPattern, EventPattern>();

/** A pattern coded `032:033` also codes the reverse act: the target to the source, under the second code. */
function reverseActs(found: EventCandidate[]): EventCandidate[] {
  const out: EventCandidate[] = [];
  for (const c of found) {
    const p = c.match.pattern;
    // A compound-subject pattern already codes both directions.
    if (!p.reverse || !c.target || p.pairSubject) continue;
    let rp = reversePatterns.get(p);
    if (!rp) reversePatterns.set(p, (rp = { ...p, id: `${p.id}:reverse`, code: p.reverse, reverse: null }));
    out.push({ match: { ...c.match, pattern: rp }, source: c.target, target: c.source, rule: `${c.rule}:reverse` });
  }
  return out;
}

/** One candidate per source member and target member; a compound subject of a reciprocal act pairs up. */
function expandPairs(m: PatternMatch, source: ActorMention, target: ActorMention | null, rule: string): EventCandidate[] {
  const out: EventCandidate[] = [];
  if (target === null && source.members && source.members.length >= 2 && isReciprocal(m.pattern)) {
    // `A and B met`, `the navies of A, B and C began drills`: an event between each pair of members.
    const ms = source.members;
    for (let i = 0; i < ms.length; i++) for (let j = i + 1; j < ms.length; j++) {
      if (ms[i].code !== ms[j].code) out.push({ match: m, source: ms[i], target: ms[j], rule: 'compound-subject' });
    }
    return out;
  }
  for (const s of expand(source)) {
    const targets = target ? expand(target) : [null];
    for (const t of targets) {
      if (t && t.code === s.code) continue;
      out.push({ match: m, source: s, target: t, rule });
    }
  }
  return out;
}

const TREE_TARGET_PREPOSITIONS = new Set(['with', 'against', 'to', 'toward', 'towards', 'on', 'at', 'from', 'between', 'for']);

/**
 * Source and target from the dependency tree: the clause's subject (or, in a passive, the `by` agent) and the
 * passive subject; null when the tree names no source, `governed` for an event noun that another verb takes.
 */
function treeActors(
  doc: Doc,
  tree: SentenceTree,
  m: PatternMatch,
  mentions: ActorMention[],
  verbs: VerbClasses,
): { source: ActorMention | null; target: ActorMention | null; object: ActorMention | null; passive: boolean; rule: string } | 'governed' | 'agentless' | null {
  // `condemned the attack`: an event noun that another (non-light) verb takes is not an act of that clause.
  const i = m.trigger - tree.tokenStart;
  const head = tree.head[i];
  const relation = tree.deprel[i].split(':')[0];
  if ((tree.upos[i] === 'NOUN' || tree.upos[i] === 'ADJ') && head >= 0 && tree.upos[head - tree.tokenStart] === 'VERB' &&
    (relation === 'obj' || relation === 'nsubj' || relation === 'obl') && !verbs.light.has(doc.tokens.lemma[head])) {
    return 'governed';
  }
  const roles = clauseRoles(doc, tree, m.trigger, verbs);
  const usable = mentions.filter((x) => !x.locative);
  let subject = mentionForToken(tree, usable, roles.subject, doc);
  // `Trump said he found the account credible`: a `he` or `she` said by a named person is that person, whoever the
  // pronoun was taken for across sentences.
  let rule = roles.rule;
  if (subject?.kind === 'pronoun' && roles.subject !== null) {
    const named = mentionForToken(tree, usable, governingSubject(doc, tree, roles.subject), doc);
    if (named?.kind === 'person' && named.code !== subject.code) {
      subject = named;
      rule += ':pronoun-of-governing-subject';
    }
  }
  const patient = mentionForToken(tree, usable, roles.patient, doc);
  const agent = mentionForToken(tree, usable, roles.agent, doc);
  let object = mentionForToken(tree, usable, roles.object, doc);
  if (!object) {
    for (const o of roles.obliques) {
      if (!TREE_TARGET_PREPOSITIONS.has(o.prep)) continue;
      object = mentionForToken(tree, usable, o.token, doc);
      if (object) break;
    }
  }
  if (m.pattern.hasSource || (patient && !subject) || (roles.patient !== null && roles.subject === null)) {
    // Passive: `X was attacked by Y` -> Y against X; with no `by` agent the doer is unknown.
    const source = agent ?? (m.pattern.hasSource && m.slots.source !== undefined ? mentionAt(mentions, m.slots.source, TARGET_WINDOW, doc, verbs) : null);
    if (!source) return m.pattern.hasSource ? null : 'agentless';
    // A patient the tree finds but no actor covers (`Dozens of people were detained`): let the patterns try.
    if (!patient) return null;
    return { source, target: patient, object: null, passive: true, rule: `${roles.rule}:passive` };
  }
  if (!subject) return null;
  return { source: subject, target: null, object, passive: false, rule };
}

/** Patterns whose compound subject acts on itself: meetings, agreements, cooperation, fighting each other. */
function isReciprocal(p: EventPattern): boolean {
  // `Syrian and Russian forces pounded Ghouta`: a violent act aimed at a target is not one between the members.
  // Cooperation, agreement, meetings and negotiation; not visits (042), hosting (043), mediation (045, 039) or aid.
  if (/^(019|030|031|032|036|037|040|041|044|046|050|054|057|06)/.test(p.code) || p.code === '0871' || p.code === '0874') return true;
  return p.code.startsWith('19') && !p.hasTarget;
}

/**
 * An event noun that is the object of another verb (`condemned the murder`, `join the probe`) is not an act of the
 * clause's subject; only a light verb (`held talks`) or no verb at all lets the subject be its source.
 */
function nounGovernedElsewhere(doc: Doc, m: PatternMatch, subject: ActorMention, verbs: VerbClasses): boolean {
  const { tokens } = doc;
  if (tokens.pos[m.trigger] !== 'NOUN' && tokens.pos[m.trigger] !== 'ADJ') return false;
  if (tokens.lower[subject.tokenEnd] === "'s") return false;
  for (let t = subject.tokenEnd; t < m.trigger; t++) {
    // `prepared to impose martial law as street battles raged`: the noun is in another clause.
    if (tokens.pos[t] === 'SCONJ' || CLAUSE_WORDS.has(tokens.lower[t])) return true;
    // `agreed to undertake joint exercises`: a verb right before `to` passes the noun on to the verb after it.
    if (tokens.pos[t] === 'VERB' && !verbs.light.has(tokens.lemma[t]) && tokens.lower[t + 1] !== 'to') return true;
  }
  return false;
}

/** `mediated by the OSCE`: a past participle trigger followed by `by` and an actor (not a `{source}` pattern). */
function participleAgent(doc: Doc, m: PatternMatch, mentions: ActorMention[]): ActorMention | null {
  const { tokens } = doc;
  // The tagger may call a participle after a comma an adjective (`talks, mediated by`).
  if (m.pattern.hasSource || (tokens.pos[m.trigger] !== 'VERB' && tokens.pos[m.trigger] !== 'ADJ') || !/(ed|en)$/.test(tokens.lower[m.trigger])) return null;
  if (tokens.lower[m.trigger + 1] !== 'by') return null;
  const agent = mentions.find((x) => x.tokenStart >= m.trigger + 2 && x.tokenStart <= m.trigger + 8 && !x.locative);
  if (!agent) return null;
  // `mediated by the co-chairs of the OSCE Minsk Group`: further than a determiner and an adjective, only through `of`.
  if (agent.tokenStart > m.trigger + 4) {
    for (let t = m.trigger + 2; t < agent.tokenStart; t++) if (tokens.pos[t] === 'PUNCT' && tokens.text[t] !== '-') return null;
    if (tokens.lower[agent.tokenStart - 1] !== 'of' && tokens.lower[agent.tokenStart - 2] !== 'of') return null;
  }
  return agent;
}

const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'get', 'got']);

/** A participle trigger after a form of `be` (adverbs between allowed), in a pattern that is not itself passive. */
function isPassiveUse(doc: Doc, m: PatternMatch): boolean {
  const { tokens } = doc;
  // Only a transitive pattern (`kill {target}`) can be turned round; `worried about`, `set to visit` are stative.
  const next = m.pattern.elements[1];
  if (!next || next.kind !== 'slot' || next.slot !== 'target') return false;
  if (tokens.pos[m.trigger] !== 'VERB' || !/(ed|en|wn|ne|t)$/.test(tokens.lower[m.trigger])) return false;
  let t = m.trigger - 1;
  while (t >= 0 && tokens.pos[t] === 'ADV') t--;
  if (t < 0 || !BE.has(tokens.lower[t])) return false;
  // `was killed by X` is coded by a `{source}` pattern; without `by` after it, nobody is named.
  for (let k = m.end; k < Math.min(tokens.text.length, m.end + 4); k++) if (tokens.lower[k] === 'by') return false;
  return true;
}

function expand(m: ActorMention): ActorMention[] {
  return m.members && m.members.length ? m.members : [m];
}

/** The nearest actor before the trigger in the same clause; a speech verb between opens a new clause. */
function subjectBefore(doc: Doc, mentions: ActorMention[], trigger: number, verbs: VerbClasses): ActorMention | null {
  const { tokens } = doc;
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k];
    if (m.tokenEnd > trigger || m.locative) continue;
    // A clause boundary between the mention and the trigger ends the search.
    let blocked = false;
    for (let t = m.tokenEnd; t < trigger; t++) {
      if (CLAUSE_END.has(tokens.text[t])) {
        blocked = true;
        break;
      }
    }
    if (blocked) return null;
    // `Demonstrators, who blame the Rajapaksa family ..., marched`: an actor inside a relative clause closed before
    // the trigger is not its subject.
    if (inClosedRelativeClause(doc, m, trigger)) continue;
    // `Trump's telephone conversation with Tsai`: the possessor of a nominal trigger is its source.
    if (tokens.lower[m.tokenEnd] === "'s" && m.tokenEnd + 4 >= trigger) return m;
    // `prompted Mexico to sever relations`: the object of a control verb does the act of its infinitive.
    if (controlled(doc, m, trigger, verbs)) return m;
    if (isObject(doc, m, verbs)) continue;
    // A speaker (`X said ...`) is not the subject of a reported clause whose own actor was passed over as an object.
    const next = m.tokenEnd < trigger ? tokens.lemma[m.tokenEnd] : '';
    if (verbs.reporting.has(next) && m.tokenEnd + 1 < trigger && hasLaterMention(mentions, k, trigger)) continue;
    // `Canadian officials said Indiana troopers arrested ...`: a reported clause whose subject is no actor we know
    // has no actor for a subject; the speaker did not do it.
    if (verbs.reporting.has(next) && tokens.pos[m.tokenEnd] === 'VERB' && unknownSubject(doc, m.tokenEnd + 1, trigger)) return null;
    // `Turkey, a NATO member, criticized Russia`: an appositive describes the subject before it.
    return appositiveOf(doc, mentions, k, trigger) ?? m;
  }
  return null;
}

/** Does the mention stand in a `, who ...,` (or `which`, `whom`) clause that a comma closes before the trigger? */
function inClosedRelativeClause(doc: Doc, m: ActorMention, trigger: number): boolean {
  const { text, lower, sent } = doc.tokens;
  let open = false;
  for (let t = m.tokenStart - 1; t > 0 && sent[t] === sent[m.tokenStart]; t--) {
    if (text[t] === ',') return false;
    if (RELATIVE.has(lower[t]) && text[t - 1] === ',') {
      open = true;
      break;
    }
  }
  if (!open) return false;
  for (let t = m.tokenEnd; t < trigger; t++) if (text[t] === ',') return true;
  return false;
}

/**
 * `Demonstrators waving the flags of the opposition chanted "Leave!" and demanded ...`: a verb after `and` shares
 * the subject of the clause it continues, the actor that opens the sentence, when no report, subordinate or
 * relative clause stands between them.
 */
function sharedSubject(doc: Doc, mentions: ActorMention[], trigger: number, verbs: VerbClasses): ActorMention | null {
  const { tokens } = doc;
  if (tokens.lower[trigger - 1] !== 'and' || tokens.pos[trigger] !== 'VERB') return null;
  const sent = doc.sentences[tokens.sent[trigger]];
  const first = mentions.find((x) => !x.locative);
  if (!first || first.tokenStart !== sent.tokenStart || first.tokenEnd >= trigger) return null;
  let finite = 0;
  let quoted = false;
  for (let t = first.tokenEnd; t < trigger - 1; t++) {
    // What is chanted or said in quotes (`"Leave!"`) is no verb of the clause.
    if (QUOTE_MARKS.has(tokens.text[t])) quoted = !quoted;
    if (quoted) continue;
    if (CLAUSE_END.has(tokens.text[t]) || tokens.pos[t] === 'SCONJ' || RELATIVE.has(tokens.lower[t]) || tokens.lower[t] === 'that') return null;
    if (tokens.pos[t] === 'VERB' && verbs.reporting.has(tokens.lemma[t])) return null;
    if (tokens.pos[t] === 'AUX' || (tokens.pos[t] === 'VERB' && !/ing$/.test(tokens.lower[t]))) finite++;
  }
  // Only one verb before `and` that could have a subject of its own: the clause being continued.
  return finite === 1 ? first : null;
}

/** Is the mention the object of an object-control verb whose infinitive (`to` right after it) is the trigger? */
function controlled(doc: Doc, m: ActorMention, trigger: number, verbs: VerbClasses): boolean {
  const { tokens } = doc;
  const before = m.tokenStart - 1;
  if (before < 0 || tokens.pos[before] !== 'VERB' || !verbs.objectControl.has(tokens.lemma[before])) return false;
  return tokens.lower[m.tokenEnd] === 'to' && trigger > m.tokenEnd && trigger <= m.tokenEnd + 2;
}

/** A mention right after a preposition or a (non-speech) verb is an object, not a subject. */
function isObject(doc: Doc, m: ActorMention, verbs: VerbClasses): boolean {
  const { tokens } = doc;
  const before = m.tokenStart - 1;
  if (before < 0 || tokens.sent[before] !== tokens.sent[m.tokenStart]) return false;
  if (CLAUSE_WORDS.has(tokens.lower[before])) return false;
  // `Neighbouring Senegal pressed him`: a sentence-initial modifier is no verb taking an object.
  if (before === 0 || tokens.sent[before - 1] !== tokens.sent[before]) return false;
  const pos = tokens.pos[before];
  // `the president of Russia` keeps its head; any other preposition (`to`, `with`, `in`) makes an object.
  if (pos === 'ADP' || tokens.lower[before] === 'to') return tokens.lower[before] !== 'of';
  // `Russian-backed separatists`: a participle joined by a hyphen modifies the noun; it takes no object.
  if (pos === 'VERB' && tokens.text[before - 1] === '-' && tokens.start[before] === tokens.end[before - 1]) return false;
  if (pos === 'VERB') return !verbs.reporting.has(tokens.lemma[before]);
  return false;
}

/**
 * The actor an appositive at mentions[k] describes: the one ending right before the comma that opens it, when another
 * comma closes it before the trigger (`Turkey, a NATO member, criticized`). Null when the mention is no appositive.
 */
function appositiveOf(doc: Doc, mentions: ActorMention[], k: number, trigger: number): ActorMention | null {
  const { text } = doc.tokens;
  const m = mentions[k];
  if (text[m.tokenStart - 1] !== ',') return null;
  let j = k - 1;
  while (j >= 0 && mentions[j].locative) j--;
  const before = j >= 0 ? mentions[j] : null;
  if (!before || before.tokenEnd !== m.tokenStart - 1) return null;
  for (let t = m.tokenEnd; t < trigger; t++) if (text[t] === ',') return before;
  return null;
}

/**
 * Is there a name no dictionary knows between a reporting verb and the act it reports (`said Indiana troopers
 * arrested`)? (A bare common noun, `said troops attacked`, may well be the speaker's own.)
 */
function unknownSubject(doc: Doc, from: number, trigger: number): boolean {
  const { pos, lower } = doc.tokens;
  for (let t = from; t < trigger; t++) {
    // `said on Monday that`, `said in a statement`: a phrase after a preposition is no subject.
    if (pos[t] === 'ADP' || lower[t] === 'that') return false;
    if (pos[t] === 'PROPN' && !CALENDAR.has(lower[t])) return true;
  }
  return false;
}

/** Names of days and months: `announced Wednesday it would` names no subject. */
const CALENDAR = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

function hasLaterMention(mentions: ActorMention[], k: number, trigger: number): boolean {
  return mentions.some((m, i) => i > k && m.tokenEnd <= trigger);
}

/**
 * The first mention starting at or after `from`, within `window` tokens and before clause punctuation; a loose
 * search (no slot in the pattern) also stops where a subordinate clause opens (`agree a truce after Moscow talks`).
 */
function mentionAt(
  mentions: ActorMention[],
  from: number,
  window: number,
  doc: Doc,
  verbs: VerbClasses,
  after?: Set<string>,
  loose = false,
  anyPlace = false,
): ActorMention | null {
  const { tokens } = doc;
  // A place (`in Kazakhstan`) is a target only where the pattern put its slot right after the preposition, or where
  // the slot takes places (`{target+place}`).
  const placeOk = from > 0 && LOCATIVE_SLOT.has(tokens.lower[from - 1]);
  for (const m of mentions) {
    if (m.tokenStart < from) continue;
    if (m.locative && !anyPlace && !(placeOk && m.tokenStart === from)) continue;
    if (m.tokenStart - from > window) return null;
    if (after && !after.has(tokens.lower[m.tokenStart - 1])) continue;
    // `question whether he has a future with the Orcs`: a subject pronoun opens a clause of its own and is never what
    // the act was aimed at; the search goes on past it.
    if (m.kind === 'pronoun' && SUBJECT_PRONOUNS.has(tokens.lower[m.tokenStart])) continue;
    for (let t = from; t < m.tokenStart; t++) {
      if (CLAUSE_END.has(tokens.text[t]) || tokens.text[t] === '.') return null;
      // `burned down its embassy, a senior Bree official said`: the slot's own noun phrase names no actor, and what
      // follows its comma is another phrase, not the object.
      // A loose search (no slot) also stops at a comma right after the match (`imposed martial law, accusing ...`).
      if (tokens.text[t] === ',' && (t > from || loose) && NOMINAL_END.has(tokens.pos[t - 1])) return null;
      if (loose && CLAUSE_WORDS.has(tokens.lower[t])) return null;
      if (verbs.reporting.has(tokens.lemma[t]) && tokens.pos[t] === 'VERB') return null;
      // `would demand an apology and would also take the issue to the United Nations`: a second predicate, opened by
      // its own auxiliary after the first one's object, has objects of its own. (`shot at and seized three vessels`
      // shares its object.)
      if (COORDINATORS.has(tokens.lower[t]) && t > from && auxiliaryAt(doc, t + 1)) return null;
    }
    // `told reporters the envoy had been insolent`: a mention right before an auxiliary opens a clause of its own.
    if (loose && tokens.pos[m.tokenEnd] === 'AUX' && tokens.sent[m.tokenEnd] === tokens.sent[m.tokenStart]) return null;
    // `detain dozens in Minsk as EU readies sanctions`: a mention after a subordinator and before a verb is the subject
    // of the clause it opens.
    if (tokens.pos[m.tokenEnd] === 'VERB' && tokens.sent[m.tokenEnd] === tokens.sent[m.tokenStart] && subordinated(doc, from, m.tokenStart)) return null;
    // `after five days of fighting, Thai police here said`: the speaker of a report is not what the act was aimed at.
    if (speaks(doc, m, verbs)) return null;
    return m;
  }
  return null;
}

const COORDINATORS = new Set(['and', 'or', 'but']);

/** Does an auxiliary open a predicate at t, perhaps after an adverb (`and would also take`)? */
function auxiliaryAt(doc: Doc, t: number): boolean {
  const { pos } = doc.tokens;
  return pos[pos[t] === 'ADV' ? t + 1 : t] === 'AUX';
}

/**
 * Words that open a subordinate clause: the clause words and `as`, `once`; not `if` or `unless`, for a threat is aimed
 * at whoever its condition names (`threatened to stop talks if the United States goes ahead`).
 */
const SUBORDINATORS = new Set(['as', 'once', ...[...CLAUSE_WORDS].filter((w) => !['if', 'unless', 'but', 'whether'].includes(w))]);

/** Does a subordinating word stand between `from` and `to` (exclusive)? */
function subordinated(doc: Doc, from: number, to: number): boolean {
  const { lower } = doc.tokens;
  for (let t = from; t < to; t++) if (SUBORDINATORS.has(lower[t])) return true;
  return false;
}

/** Is the mention the subject of a reporting verb right after it (`Thai police here said`)? */
function speaks(doc: Doc, m: ActorMention, verbs: VerbClasses): boolean {
  const { tokens } = doc;
  let t = m.tokenEnd;
  while (t < tokens.text.length && tokens.sent[t] === tokens.sent[m.tokenStart] && (tokens.pos[t] === 'ADV' || tokens.pos[t] === 'AUX')) t++;
  if (t >= tokens.text.length || tokens.sent[t] !== tokens.sent[m.tokenStart] || tokens.pos[t] !== 'VERB') return false;
  // An inflected form (`said`, `says`): a bare `write` after a subject may be a demand's verb (`that China write off`).
  return verbs.reporting.has(tokens.lemma[t]) && tokens.lower[t] !== tokens.lemma[t];
}

const NEUTRAL_REPORTERS = new Set(['COP', 'MED', 'JRN']);
/** Reporting verbs that tell of an act without taking a side. */
const ATTRIBUTING = new Set(['report', 'confirm', 'note', 'add']);
const RELATIVE = new Set(['which', 'who', 'whom']);

/** The synthetic pattern behind accusations read from reported conflict (CAMEO's `accuse` for allegations). */
const ACCUSATION = rulePattern('rule:reported-accusation', '112', 'SPEAKER said SOURCE did <conflict act>', 'say');

/**
 * `Turkish officials said he was murdered by Saudi agents`: a conflict act (roots 14-20) that a speaker of another
 * party reports is also the speaker accusing its doer (CAMEO 112).
 */
export function reportedAccusations(doc: Doc, candidates: EventCandidate[], mentions: ActorMention[], verbs: VerbClasses): EventCandidate[] {
  const { tokens } = doc;
  const out: EventCandidate[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    // Conflict acts are CAMEO roots 14-20; a code a dictionary declares outside CAMEO (`903`) is not known to be one.
    const root = Number(c.match.pattern.code.slice(0, 2));
    if (root < 14 || root > 20) continue;
    const report = reportOf(doc, c.match.trigger, mentions, verbs);
    const speaker = report?.speaker;
    if (!report || !speaker || speaker.code.slice(0, 3) === c.source.code.slice(0, 3)) continue;
    // `the UN refugee agency reported`: to report an act is to tell of it, not to accuse its doer.
    if (ATTRIBUTING.has(tokens.lemma[report.verb])) continue;
    // Police and the press report what others did; they attribute, they do not accuse.
    if (speaker.sector && NEUTRAL_REPORTERS.has(speaker.sector)) continue;
    const key = `${speaker.code}|${c.source.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const match: PatternMatch = { ...c.match, pattern: ACCUSATION, words: [c.match.trigger], alternatives: [], slots: {} };
    out.push({ match, source: speaker, target: c.source, rule: 'reported-accusation' });
  }
  return out;
}

/** The actor who reports the clause holding `trigger`: `X said ...` before it or `..., X said` after it. */
export function speakerOf(d: Doc, trigger: number, ms: ActorMention[], verbs: VerbClasses): ActorMention | null {
  return reportOf(d, trigger, ms, verbs)?.speaker ?? null;
}

/** The speaker of the clause holding `trigger` and the reporting verb's token. */
function reportOf(d: Doc, trigger: number, ms: ActorMention[], verbs: VerbClasses): { speaker: ActorMention; verb: number } | null {
  const { tokens } = d;
  const sent = d.tokens.sent[trigger];
  for (let t = trigger - 1; t >= 0 && tokens.sent[t] === sent; t--) {
    // `the Fijian government, which has declared a state of emergency`: a relative clause is not what was said.
    if (RELATIVE.has(tokens.lower[t])) return null;
    if (tokens.pos[t] === 'VERB' && verbs.reporting.has(tokens.lemma[t])) {
      const before = ms.filter((m) => m.tokenEnd <= t && !m.locative);
      return before.length ? { speaker: before[before.length - 1], verb: t } : null;
    }
  }
  let t = trigger + 1;
  while (t < tokens.text.length && tokens.sent[t] === sent && tokens.text[t] !== ',') t++;
  const after = ms.filter((m) => m.tokenStart > t && !m.locative);
  const m = after[0];
  if (m && tokens.pos[m.tokenEnd] === 'VERB' && verbs.reporting.has(tokens.lemma[m.tokenEnd])) return { speaker: m, verb: m.tokenEnd };
  return null;
}
