// Groups tokens of a sentence into noun phrases that may name actors: dictionary names, role words,
// unknown proper names and pronouns, joined by modifiers, possessives, `of`, appositives and `and`.
// It only groups; giving each phrase its actor code is compose-actor.ts's job.
import { misspeltName } from './misspelt-names.js';
import type { ActorDictionary, NameHit, RoleHit } from '../dictionaries/actor-dictionary.js';
import type { Doc, Sentence } from '../model/types.js';
import { longestName, longestRole } from './phrase-lookup.js';

export type PieceKind = 'name' | 'role' | 'proper' | 'pronoun' | 'relational' | 'pair' | 'bloc';

export interface Piece {
  kind: PieceKind;
  start: number;
  end: number;
  hits?: NameHit[];
  role?: RoleHit;
  /** A role's backer named before it (`Iran-backed` in `an Iran-backed militia`). */
  backer?: NameHit[];
}

export interface NounPhrase {
  start: number;
  end: number;
  pieces: Piece[];
  /** Possessive pronoun inside the phrase (`his counterpart`). */
  possessive: string | null;
  /** Other phrases folded in by `of` or apposition; their pieces are also in `pieces`. */
  joined: boolean;
  /** The preposition right before the phrase, lower case, or null. */
  preposition: string | null;
  /** Members of `A and B` (each a phrase); empty for a simple phrase. */
  members: NounPhrase[];
}

/** Capitalised words that are never names: months, weekdays, and words that open a sentence with a capital. */
const NOT_NAMES = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  // Words that open a sentence with a capital without being names.
  'yesterday', 'today', 'tomorrow', 'tonight', 'meanwhile', 'however', 'earlier', 'later', 'separately', 'senior',
  'angry', 'radical', 'young', 'former', 'ousted', 'exiled', 'jailed', 'several', 'thousands', 'hundreds', 'dozens',
]);
const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her']);
const SPEAKER_PRONOUNS = new Set(['it', 'they']);
/** Participles that make a role word before them a modifier: `army-led`, `rebel-held`, `opposition-controlled`. */
/** Participles after a hyphen that make the name before them a backer of the actor, not the actor. */
const BACKED = new Set(['backed', 'sponsored', 'supported', 'funded', 'armed', 'allied', 'aligned', 'linked', 'affiliated', 'trained', 'inspired']);
const LED = new Set(['led', 'backed', 'controlled', 'held', 'run', 'dominated', 'aligned', 'linked', 'sponsored', 'allied', 'affiliated', 'supported', 'appointed', 'installed']);

/** The reporting verb right before token i (`said it`, `said that they`), or -1. */
export function reportedBy(tokens: Doc['tokens'], i: number, reporting: Set<string>): number {
  let v = i - 1;
  if (tokens.lower[v] === 'that') v--;
  return v >= 0 && tokens.pos[v] === 'VERB' && reporting.has(tokens.lemma[v]) ? v : -1;
}
/** Nouns that name an actor only by relation to another: resolved in coreference. */
/** Nouns that, after `the`, mean the organisation just named (`the bloc`, `the alliance`). */
const BLOC_NOUNS = new Set(['bloc', 'alliance', 'grouping', 'organisation', 'organization']);

/**
 * The length of a phrase at token i that stands for an organisation named before: `the bloc` (its noun, after `the`),
 * `its members`, `its member states` (after `its`). Zero when there is none.
 */
function blocAt(doc: Doc, i: number): number {
  const { lower, sent } = doc.tokens;
  const prev = lower[i - 1] ?? '';
  if (BLOC_NOUNS.has(lower[i]) && prev === 'the' && sent[i - 1] === sent[i]) return 1;
  if (prev !== 'its' || sent[i - 1] !== sent[i]) return 0;
  if (lower[i] === 'members') return 1;
  if (lower[i] === 'member' && (lower[i + 1] === 'states' || lower[i + 1] === 'countries' || lower[i + 1] === 'nations')) return 2;
  return 0;
}

const RELATIONAL = new Set(['counterpart', 'counterparts', 'host', 'hosts', 'guest', 'guests', 'visitor']);
/** `the two sides`, `both countries`: the pair of actors an article is about. */
const PAIR_NOUNS = new Set([
  'side', 'sides', 'country', 'countries', 'leader', 'leaders', 'nation', 'nations', 'government', 'governments', 'neighbour',
  'neighbours', 'neighbor', 'neighbors', 'army', 'armies', 'military', 'militaries', 'delegation', 'delegations', 'foe', 'foes',
  'rival', 'rivals', 'capital', 'capitals',
]);
const POSSESSIVES = new Set(['his', 'her', 'its', 'their']);
const NAME_PARTICLES = new Set(['bin', 'bint', 'al', 'el', 'de', 'da', 'del', 'der', 'van', 'von', 'la', 'le', 'dos', 'di', 'ibn', 'abu', '-']);

/** Finds the candidate actor phrases of one sentence, in text order. */
export function findNounPhrases(doc: Doc, dict: ActorDictionary, sent: Sentence, isTrigger: (t: number) => boolean, reporting: Set<string> = new Set()): NounPhrase[] {
  const pieces = findPieces(doc, dict, sent, reporting);
  const phrases = groupPhrases(doc, sent, pieces, isTrigger);
  return joinPhrases(doc, phrases);
}

/** A country's name that is also a continent's head word, and the words that make it the continent. */
const CONTINENT_HEADS = new Set(['america', 'american', 'americans']);
const CONTINENT_MODIFIERS = new Set(['Latin', 'South', 'North', 'Central']);

function findPieces(doc: Doc, dict: ActorDictionary, sent: Sentence, reporting: Set<string>): Piece[] {
  const { tokens } = doc;
  const out: Piece[] = [];
  let i = sent.tokenStart;
  const limit = sent.tokenEnd;
  let backer: NameHit[] | undefined;
  while (i < limit) {
    const name = longestName(doc, dict, i, limit);
    // `Latin America`, `South American leaders`: a continent, not the United States.
    if (name && CONTINENT_HEADS.has(tokens.lower[i]) && i > sent.tokenStart && CONTINENT_MODIFIERS.has(tokens.text[i - 1])) {
      i = name.end;
      continue;
    }
    const role = longestRole(doc, dict, i, limit);
    if (name && (!role || name.end >= role.end)) {
      // `an Iran-backed militia`, `Russian-backed separatists`: the backer of a group is not the group, nor
      // necessarily its country (a leader is: `Vietnamese-led forces`); the group's role piece keeps it as a last
      // resort. A thing keeps it as its actor (`Israeli-linked ships`).
      if (tokens.text[name.end] === '-' && BACKED.has(tokens.lower[name.end + 1] ?? '')) {
        for (let j = name.end + 2; j < Math.min(limit, name.end + 5); j++) {
          if (longestRole(doc, dict, j, limit)) {
            backer = name.hits;
            break;
          }
        }
      }
      if (!backer) out.push({ kind: 'name', start: i, end: name.end, hits: name.hits });
      i = name.end;
      continue;
    }
    // `the army-led Sovereignty Council`, `the opposition-controlled parliament`: a role before `-led` only modifies.
    if (role && !(tokens.text[role.end] === '-' && LED.has(tokens.lower[role.end + 1] ?? ''))) {
      out.push({ kind: 'role', start: i, end: role.end, role: role.role, ...(backer ? { backer } : {}) });
      backer = undefined;
      i = role.end;
      continue;
    }
    // `Ethopia has agreed`: an unknown capitalised word one letter off a country's name is that country.
    const misspelt = isProper(doc, i) ? misspeltName(dict, tokens.text[i]) : null;
    if (misspelt && tokens.pos[i + 1] !== 'PROPN') {
      out.push({ kind: 'name', start: i, end: i + 1, hits: misspelt.hits.map((h) => ({ ...h, entry: `${h.entry} (misspelt ${tokens.text[i]})` })) });
      i++;
      continue;
    }
    if (isProper(doc, i)) {
      let j = i + 1;
      while (j < limit) {
        if (isProper(doc, j) && !longestName(doc, dict, j, limit) && !longestRole(doc, dict, j, limit)) j++;
        else if (NAME_PARTICLES.has(tokens.lower[j]) && j + 1 < limit && (isProper(doc, j + 1) || attachedHyphen(doc, j + 1))) j++;
        else if (tokens.lower[j] === '-' && j + 1 < limit && /^\p{L}/u.test(tokens.text[j + 1]) && tokens.start[j] === tokens.end[j - 1] && tokens.start[j + 1] === tokens.end[j]) j += 2;
        else break;
      }
      out.push({ kind: 'proper', start: i, end: j });
      i = j;
      continue;
    }
    const lower = tokens.lower[i];
    if ((lower === 'both' || (lower === 'two' && tokens.lower[i - 1] === 'the')) && PAIR_NOUNS.has(tokens.lower[i + 1] ?? '')) {
      out.push({ kind: 'pair', start: lower === 'two' ? i - 1 : i, end: i + 2 });
      i += 2;
      continue;
    }
    // `the bloc said`, `its members closed their borders`: the organisation the article named last.
    const blocLength = blocAt(doc, i);
    if (blocLength) {
      out.push({ kind: 'bloc', start: i, end: i + blocLength });
      i += blocLength;
      continue;
    }
    if (RELATIONAL.has(lower) && tokens.pos[i] === 'NOUN') {
      out.push({ kind: 'relational', start: i, end: i + 1 });
      i++;
      continue;
    }
    // `the ministry said it had made representations`: `it`/`they` right after a reporting verb is its speaker.
    if (tokens.pos[i] === 'PRON' && SPEAKER_PRONOUNS.has(tokens.lower[i]) && reportedBy(tokens, i, reporting) >= 0) {
      out.push({ kind: 'pronoun', start: i, end: i + 1 });
    }
    if (tokens.pos[i] === 'PRON' && PERSON_PRONOUNS.has(tokens.lower[i])) {
      // `her` before a noun is possessive, not a mention.
      const next = tokens.pos[i + 1];
      if (!(tokens.lower[i] === 'her' && (next === 'NOUN' || next === 'ADJ' || next === 'PROPN'))) {
        out.push({ kind: 'pronoun', start: i, end: i + 1 });
      }
    }
    i++;
  }
  return out;
}

/** A hyphen with no space on either side, followed by a word: `al-Assad`, `Jong-un`. */
function attachedHyphen(doc: Doc, j: number): boolean {
  const { tokens } = doc;
  return tokens.lower[j] === '-' && tokens.start[j] === tokens.end[j - 1] && tokens.start[j + 1] === tokens.end[j];
}

function isProper(doc: Doc, i: number): boolean {
  const { tokens } = doc;
  const text = tokens.text[i];
  if (!text || !/^\p{Lu}/u.test(text)) return false;
  if (NOT_NAMES.has(tokens.lower[i])) return false;
  return tokens.pos[i] === 'PROPN' || (tokens.pos[i] === 'NOUN' && i > 0 && /^\p{Lu}/u.test(tokens.text[i - 1] ?? '') && tokens.sent[i - 1] === tokens.sent[i]);
}

/** Contiguous pieces and modifiers make one phrase; verbs, most punctuation and prepositions end it. */
function groupPhrases(doc: Doc, sent: Sentence, pieces: Piece[], isTrigger: (t: number) => boolean): NounPhrase[] {
  const { tokens } = doc;
  const pieceAt = new Map<number, Piece>();
  for (const p of pieces) pieceAt.set(p.start, p);
  const out: NounPhrase[] = [];
  let cur: NounPhrase | null = null;
  let pendingStart = -1;
  let pendingPossessive: string | null = null;
  const close = () => {
    if (cur && cur.pieces.length) out.push(cur);
    cur = null;
    pendingStart = -1;
    pendingPossessive = null;
  };
  let t = sent.tokenStart;
  while (t < sent.tokenEnd) {
    const piece = pieceAt.get(t);
    if (piece) {
      if (piece.kind === 'pronoun') {
        close();
        out.push({ start: t, end: t + 1, pieces: [piece], possessive: null, joined: false, preposition: prepositionBefore(doc, sent, t), members: [] });
        t++;
        continue;
      }
      if (!cur) {
        const start = pendingStart >= 0 ? pendingStart : t;
        cur = { start, end: piece.end, pieces: [], possessive: pendingPossessive, joined: false, preposition: prepositionBefore(doc, sent, start), members: [] };
      }
      cur.pieces.push(piece);
      cur.end = piece.end;
      t = piece.end;
      continue;
    }
    const lower = tokens.lower[t];
    const pos = tokens.pos[t];
    const modifier =
      pos === 'DET' || pos === 'ADJ' || pos === 'NUM' || lower === "'s" || lower === "'" ||
      (pos === 'PRON' && POSSESSIVES.has(lower)) ||
      // `NATO peacekeeping troops`: an -ing event noun right before a role word modifies it (`hunger strikers` is an
      // act's own words).
      ((pos === 'NOUN' || pos === 'PROPN') && (!isTrigger(t) || (/ing$/.test(lower) && pieceAt.get(t + 1)?.kind === 'role'))) ||
      (lower === '-' && cur !== null);
    if (modifier && !(pos === 'DET' && cur !== null && cur.pieces.length > 0 && !isPossessiveDet(lower))) {
      if (pos === 'PRON' && POSSESSIVES.has(lower)) {
        if (cur) cur.possessive = lower;
        else pendingPossessive = lower;
      }
      if (cur) cur.end = t + 1;
      else if (pendingStart < 0) pendingStart = t;
      t++;
      continue;
    }
    // `(NPC)`: an abbreviation in brackets inside a name continues the phrase.
    if (cur && lower === '(' && t + 2 < sent.tokenEnd && tokens.lower[t + 2] === ')' && /^\p{Lu}[\p{Lu}.]+$/u.test(tokens.text[t + 1])) {
      cur.end = t + 3;
      t += 3;
      continue;
    }
    close();
    t++;
  }
  close();
  // Trailing modifiers after the last piece (`China's core interests`) stay in the phrase span.
  return out;
}

function isPossessiveDet(lower: string): boolean {
  return lower === 'its' || lower === 'their';
}

function prepositionBefore(doc: Doc, sent: Sentence, t: number): string | null {
  const p = t - 1;
  if (p < sent.tokenStart) return null;
  return doc.tokens.pos[p] === 'ADP' || doc.tokens.lower[p] === 'to' ? doc.tokens.lower[p] : null;
}

/** `X of Y` (speaker of the Mazhilis), apposition (`Koshanov, speaker of ...,`) and `A and B`. */
function joinPhrases(doc: Doc, phrases: NounPhrase[]): NounPhrase[] {
  const { tokens } = doc;
  const between = (a: NounPhrase, b: NounPhrase) => {
    const words: string[] = [];
    for (let t = a.end; t < b.start; t++) words.push(tokens.lower[t]);
    return words.join(' ');
  };
  // 1. `of`: a role or institution phrase takes the country, institution or organisation after `of`;
  //    a bare role takes the actor after `for` (`a spokesman for the government`) and the place after `in`
  //    (`police in Germany`, `protesters in Minsk`).
  let list: NounPhrase[] = [];
  for (const np of phrases) {
    const prev = list[list.length - 1];
    const word = prev ? between(prev, np) : '';
    const joins =
      prev &&
      !hasPerson(prev) &&
      ((word === 'of' && hasRoleOrInstitution(prev)) ||
        (word === 'for' && isBareRole(prev)) ||
        (word === 'in' && isBareRole(prev) && hasCountryOnly(np)));
    if (prev && joins) {
      prev.pieces.push(...np.pieces);
      prev.end = np.end;
      prev.joined = true;
      continue;
    }
    list.push(np);
  }
  // 2. Apposition: `NAME, ROLE-PHRASE,` or `ROLE-PHRASE, NAME,` folds into one phrase.
  const appos: NounPhrase[] = [];
  for (let k = 0; k < list.length; k++) {
    const np = list[k];
    const prev = appos[appos.length - 1];
    if (prev && between(prev, np) === ',' && isNameLike(prev) && hasRoleOrInstitution(np) && !isNameLike(np)) {
      // The mention's span stays the name's (pieces decide it); the appositive only adds role and country.
      prev.pieces.push(...np.pieces);
      prev.joined = true;
      continue;
    }
    // `The German foreign minister, Heiko Maas, warned`: the name must close the apposition with a comma.
    if (
      prev && between(prev, np) === ',' && hasRoleOrInstitution(prev) && !isNameLike(prev) && isNameLike(np) && !hasCountryOnly(prev) &&
      prev.preposition === null && tokens.text[np.end] === ','
    ) {
      np.pieces.unshift(...prev.pieces);
      np.joined = true;
      appos[appos.length - 1] = np;
      continue;
    }
    appos.push(np);
  }
  // 3. `A and B`, `A, B, C and D`: a compound phrase with members. In `the navies of India, the United
  //    States and Japan` the role before `of` is shared by the bare countries that follow.
  const out: NounPhrase[] = [];
  for (let k = 0; k < appos.length; k++) {
    const chain = [appos[k]];
    let j = k;
    let closed = false;
    while (j + 1 < appos.length) {
      const sep = between(appos[j], appos[j + 1]);
      if (sep === ',') {
        chain.push(appos[++j]);
        continue;
      }
      if (sep === 'and' || sep === ', and') {
        chain.push(appos[++j]);
        closed = true;
      }
      break;
    }
    if (!closed || chain.some((np) => np.pieces[0]?.kind === 'pronoun')) {
      out.push(appos[k]);
      continue;
    }
    const sharedRole = chain[0].joined ? chain[0].pieces.find((p) => p.kind === 'role') : undefined;
    let members = chain.map((np, i) => (i > 0 && sharedRole && hasCountryOnly(np) ? { ...np, pieces: [sharedRole, ...np.pieces] } : np));
    // `Indian and Chinese troops`: bare nationality adjectives share the last member's role words.
    const lastRoles = chain[chain.length - 1].pieces.filter((p) => p.kind === 'role');
    if (lastRoles.length) {
      members = members.map((np, i) => (i < members.length - 1 && isBareAdjective(np) ? { ...np, pieces: [...np.pieces, ...lastRoles] } : np));
    }
    out.push({
      ...chain[0],
      end: chain[chain.length - 1].end,
      pieces: chain.flatMap((np) => np.pieces),
      members: members.map((m) => ({ ...m, members: [] })),
    });
    k = j;
  }
  return out;
}

function hasRoleOrInstitution(np: NounPhrase): boolean {
  return np.pieces.some((p) => p.kind === 'role' || (p.kind === 'name' && p.hits!.some((h) => h.type === 'institution' || h.type === 'organisation')));
}

/** Role words and modifiers only: no name, country or institution yet. */
function isBareRole(np: NounPhrase): boolean {
  return np.pieces.length > 0 && np.pieces.every((p) => p.kind === 'role');
}

function hasPerson(np: NounPhrase): boolean {
  return np.pieces.some((p) => p.kind === 'proper' || (p.kind === 'name' && p.hits!.some((h) => h.type === 'person')));
}

function isNameLike(np: NounPhrase): boolean {
  return hasPerson(np);
}

function isBareAdjective(np: NounPhrase): boolean {
  return np.pieces.length === 1 && np.pieces[0].kind === 'name' && np.pieces[0].hits!.some((h) => h.type === 'adjective');
}

function hasCountryOnly(np: NounPhrase): boolean {
  return np.pieces.every((p) => p.kind === 'name' && p.hits!.every((h) => h.type === 'country' || h.type === 'capital' || h.type === 'city'));
}
