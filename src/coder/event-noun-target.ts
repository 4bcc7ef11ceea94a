// Finds the target of a reaction aimed at an act rather than at an actor: `Erdogan condemned the murder`,
// `the AU condemned the arrests`, `Israeli officials rejected the ruling`. The target is whoever did that act:
// the actor after `by`/`from` in the object (`the power grab by the putschists`), else the source of the
// article's latest earlier event named by the same word (`... was arrested by mutinous soldiers` for `the arrests`),
// else, for a court's decision (`welcomed the ruling`), the court the article last named. Praise (`hailed the
// award`) is aimed at the act's doer the same way.
import type { ActorMention, Doc, EventRecord } from '../model/types.js';
import type { EventPatterns } from '../dictionaries/event-patterns.js';
import type { EventCandidate } from './events.js';

/** Reactions whose object may be an act: praise (05), disapproval (11) and rejection (12). */
const REACTION = /^(05|11|12)/;
/** Tokens from the trigger to the object's head noun. */
const OBJECT_WINDOW = 7;
/** `the power grab by the putschists`; `the arrest of X` names the act's object instead. */
const DOER_PREPOSITIONS = new Set(['by', 'from']);
/** Material acts, whose doer a reaction may be aimed at: cooperation and aid (06-09), conflict (14-20). */
const DEED_ROOTS = new Set(['06', '07', '08', '09', '14', '15', '16', '17', '18', '19', '20']);

/** Fills the target of target-less reactions whose object is an act the article has coded or names the doer of. */
export function eventNounTargets(
  doc: Doc,
  candidates: EventCandidate[],
  inSentence: ActorMention[],
  earlier: EventRecord[],
  patterns: EventPatterns,
  codeOf: (c: EventCandidate) => string,
  articleMentions: ActorMention[],
  judgementNouns: Set<string>,
): EventCandidate[] {
  return candidates.map((c) => {
    if (c.target || !REACTION.test(codeOf(c))) return c;
    const noun = objectNoun(doc, c);
    if (noun < 0) return c;
    const target =
      doerAfter(doc, noun, inSentence, c) ??
      // Praise of a deed (`welcomed the truce`) is as often aimed at who brought it about as at who did it.
      (codeOf(c).startsWith('05') ? null : doerOfEarlier(doc, noun, earlier, patterns, c)) ??
      (judgementNouns.has(doc.tokens.lemma[noun]) ? courtBefore(noun, articleMentions, c) : null);
    return target ? { ...c, target, rule: `${c.rule}:${target.why[0].rule}` } : c;
  });
}

/** The head noun of the trigger's object (`condemned the brutal murder` -> murder), or -1. */
function objectNoun(doc: Doc, c: EventCandidate): number {
  const { tokens } = doc;
  const sent = tokens.sent[c.match.trigger];
  // `branded the award "null and void"`: the object may stand between the pattern's first words.
  const m = c.match;
  const from = m.slots.target ?? (m.words.length > 1 && m.words[1] > m.trigger + 1 ? m.trigger + 1 : m.end);
  let noun = -1;
  for (let t = from; t < from + OBJECT_WINDOW && t < tokens.text.length && tokens.sent[t] === sent; t++) {
    const p = tokens.pos[t];
    if (p === 'NOUN') noun = t;
    else if (tokens.text[t] === '-' && noun < 0) continue;
    // `the live-fire drills`: any word joined to the next by a hyphen modifies it.
    else if (tokens.text[t + 1] === '-' && tokens.end[t] === tokens.start[t + 1]) continue;
    else if (noun >= 0 || !(p === 'DET' || p === 'ADJ' || p === 'NUM' || (p === 'PRON' && /^(its|their|his|her)$/.test(tokens.lower[t])))) break;
  }
  return noun;
}

/** `the power grab by the putschists`: the actor after a doer preposition right after the noun. */
function doerAfter(doc: Doc, noun: number, mentions: ActorMention[], c: EventCandidate): ActorMention | null {
  const { tokens } = doc;
  if (!DOER_PREPOSITIONS.has(tokens.lower[noun + 1])) return null;
  const m = mentions.find((x) => !x.locative && x.tokenStart > noun + 1 && x.tokenStart <= noun + 4);
  if (!m || m.code === c.source.code) return null;
  return { ...m, why: [{ rule: 'doer-named-with-the-act' }, ...m.why] };
}

/**
 * The source of the latest earlier event the noun names: one whose trigger shares the noun's stem (`arrests` ~
 * `arrested`), or whose CAMEO root is that of a material act whose patterns hold the noun (`the measures` ~ an
 * expulsion, `the murder` ~ a killing, 18-20).
 */
function doerOfEarlier(doc: Doc, noun: number, earlier: EventRecord[], patterns: EventPatterns, c: EventCandidate): ActorMention | null {
  const lemma = doc.tokens.lemma[noun];
  const stem = stemOf(lemma);
  const roots = new Set([...(rootsByWord(patterns).get(lemma) ?? []), ...(rootsByWord(patterns).get(doc.tokens.lower[noun]) ?? [])]);
  // `the martial law`: the modifier narrows what the noun names to the roots whose patterns hold both words.
  const before = noun - 1;
  if (before >= 0 && (doc.tokens.pos[before] === 'ADJ' || doc.tokens.pos[before] === 'NOUN')) {
    const narrow = new Set([...(rootsByWord(patterns).get(doc.tokens.lemma[before]) ?? []), ...(rootsByWord(patterns).get(doc.tokens.lower[before]) ?? [])]);
    if ([...roots].some((r) => narrow.has(r))) for (const r of [...roots]) if (!narrow.has(r)) roots.delete(r);
  }
  // Only deeds count: a noun a verbal act's pattern holds (`demand the release of the arrested`) names no deed.
  for (const r of [...roots]) if (!DEED_ROOTS.has(r)) roots.delete(r);
  // Violence is one family: `the murder` names a shooting (19) as well as an assassination (18).
  if (['18', '19', '20'].some((r) => roots.has(r))) for (const r of ['18', '19', '20']) roots.add(r);
  if (stem.length < 4 && !roots.size) return null;
  // An event told with the noun's own word (`was arrested` for `the arrests`) is named more surely than one of the
  // same kind; of the latter, one aimed at no one (`stepped down`) is no deed done to someone to react to.
  const byWord = (r: EventRecord) => stem.length >= 4 && !/^(05|12)/.test(r.cameo) && r.trigger.text.toLowerCase().split(/\W+/).some((w) => w.startsWith(stem));
  const byKind = (r: EventRecord) => roots.has(r.cameo.slice(0, 2)) && (r.target !== null || r.cameo.startsWith('14'));
  const usable = (r: EventRecord) => r.source !== null && r.source.code !== c.source.code;
  let r: EventRecord | undefined;
  for (let i = earlier.length - 1; i >= 0 && !r; i--) if (usable(earlier[i]) && byWord(earlier[i])) r = earlier[i];
  for (let i = earlier.length - 1; i >= 0 && !r; i--) if (usable(earlier[i]) && byKind(earlier[i])) r = earlier[i];
  if (r?.source) {
    return {
      code: r.source.code,
      country: r.source.country,
      sector: r.source.sector,
      name: r.source.name,
      text: r.source.text,
      start: r.source.start,
      end: r.source.end,
      tokenStart: noun,
      tokenEnd: noun + 1,
      kind: 'doer',
      why: [{ rule: 'doer-of-earlier-event', entry: r.event_id }],
    };
  }
  return null;
}

/** `Israeli officials rejected the ruling`: the court or judges the article named last before the noun. */
function courtBefore(noun: number, mentions: ActorMention[], c: EventCandidate): ActorMention | null {
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i];
    if (m.tokenStart >= noun || m.locative || !m.code.includes('JUD') || m.code === c.source.code) continue;
    return { ...m, tokenStart: noun, tokenEnd: noun + 1, why: [{ rule: 'court-of-the-decision' }, ...m.why] };
  }
  return null;
}

const rootCache = new WeakMap<EventPatterns, Map<string, Set<string>>>();

/** For each word of the event patterns, the CAMEO roots of the patterns it is in (`drills` -> 06, 15). */
function rootsByWord(patterns: EventPatterns): Map<string, Set<string>> {
  let map = rootCache.get(patterns);
  if (map) return map;
  map = new Map();
  for (const p of patterns.all) {
    if (!/^\d/.test(p.code)) continue;
    for (const e of p.elements) {
      if (e.kind !== 'word') continue;
      for (const w of e.alts) {
        let roots = map.get(w);
        if (!roots) map.set(w, (roots = new Set()));
        roots.add(p.code.slice(0, 2));
      }
    }
  }
  rootCache.set(patterns, map);
  return map;
}

/** A crude stem shared by an act's noun and verb: `murder`, `arrest`, `ruling` -> `rul`, `declaration` -> `declar`. */
function stemOf(lemma: string): string {
  return lemma.replace(/(ation|ment|ing|ion|al|s|e)$/, '');
}
