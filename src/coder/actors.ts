// Finds the actors of an article: composes each noun phrase into a coded mention and resolves later
// mentions (surnames, pronouns, `his counterpart`, `the two sides`, bare role words) against earlier ones.
// Pure: takes the analysed doc and dictionaries, returns mentions; writes nothing.
import { nameKey, personCodeOn, personRoleByTitle, type ActorDictionary, type NameHit, type Person } from '../dictionaries/actor-dictionary.js';
import { misspeltSurname } from './misspelt-names.js';
import type { ActorMention, Doc, Provenance, Sentence } from '../model/types.js';
import { findNounPhrases, reportedBy, type NounPhrase, type Piece } from './noun-phrases.js';
import { mostNamedParties } from './parties.js';
import { longestName } from './phrase-lookup.js';

const LOCATIVE = new Set(['in', 'at', 'near', 'inside', 'outside', 'across', 'throughout', 'within']);
/**
 * Countries whose people a second mention calls by the first word of the name: a family name first (`Kim Jong Un`
 * is `Kim`) or a given name before a father's name (Ethiopia, Eritrea, Iceland: `Abiy Ahmed` is `Abiy`).
 */
const FAMILY_NAME_FIRST = new Set(['CHN', 'TWN', 'HKG', 'MAC', 'KOR', 'PRK', 'VNM', 'ETH', 'ERI', 'ISL']);
const STATE_SECTORS = new Set(['GOV', 'LEG', 'MIL', 'COP', 'JUD', 'SPY']);
/** Non-state roles that default to the dateline's country, as the state's organs do: civilians, the opposition, clergy. */
const DATELINE_PEOPLE = new Set(['CVL', 'OPP', 'REL']);
const HIT_ORDER: NameHit['type'][] = ['person', 'institution', 'organisation', 'group', 'country', 'capital', 'adjective', 'demonym', 'ethnic', 'city'];

export interface ActorOptions {
  /** The date people's roles are read on: the dateline or publication date. */
  date: string | null;
  datelineCountry: string | null;
  /** The country of the first place named in each sentence (`in Minsk`), by sentence index. */
  /** The country of the place nearest a token of the sentence (before it first). */
  sentencePlaceCountry?: (sentence: number, token: number) => string | null;
  /** Is token t a possible event trigger? Such nouns end a noun phrase. */
  isTrigger: (t: number) => boolean;
  /** Reporting verbs (lexicon/verbs.yaml): `X said it ...` makes `it` X. */
  reporting?: Set<string>;
}

interface Learned {
  code: string;
  name: string;
  why: Provenance[];
}

interface State {
  history: ActorMention[];
  learned: Map<string, Learned>;
  lastPerson: ActorMention | null;
  /** How often each learned person was named: the most named is who `him`/`her` most likely means. */
  personCounts: Map<Learned, number>;
  /** The actors composed so far in the current sentence. */
  sentenceActors: ActorMention[];
}

/** Every actor mention of the doc, in text order; compound mentions carry their members. */
export function findActors(doc: Doc, dict: ActorDictionary, options: ActorOptions): ActorMention[] {
  const state: State = { history: [], learned: new Map(), lastPerson: null, personCounts: new Map(), sentenceActors: [] };
  const out: ActorMention[] = [];
  for (const sent of doc.sentences) {
    const phrases = findNounPhrases(doc, dict, sent, options.isTrigger, options.reporting);
    const inSentence: ActorMention[] = [];
    state.sentenceActors = inSentence;
    for (const np of phrases) {
      const m = composePhrase(doc, dict, np, options, state);
      if (!m) continue;
      inSentence.push(m);
      // Later phrases of the same sentence may refer back to this one (`..., and the two leaders agreed`).
      if (!m.locative) state.history.push(...(m.members ?? [m]));
    }
    updateLastPerson(doc, sent, inSentence, state);
    out.push(...inSentence);
  }
  return out;
}

/**
 * `Hungarian and Romanian officials`: a bare nationality adjective conjoined before a country's role word takes that
 * role too (HUNGOV and ROUGOV, not HUN and ROUGOV).
 */
function shareRole(members: ActorMention[]): void {
  const last = members[members.length - 1];
  if (!last.sector || !last.country || last.code !== last.country + last.sector) return;
  for (let i = 0; i < members.length - 1; i++) {
    const m = members[i];
    if (m.sector || !m.country || m.code !== m.country || !m.why.some((w) => /adjective/.test(w.rule))) continue;
    members[i] = { ...m, code: m.country + last.sector, sector: last.sector, why: [{ rule: 'role-shared-by-conjunction' }, ...m.why] };
  }
}

function composePhrase(doc: Doc, dict: ActorDictionary, np: NounPhrase, options: ActorOptions, state: State): ActorMention | null {
  if (np.members.length) {
    // A member that is itself a compound (a group name: `Mordor, the Shire and Bree`) contributes its members.
    const members = np.members.map((m) => composePhrase(doc, dict, m, options, state)).filter((m): m is ActorMention => m !== null).flatMap((m) => m.members ?? [m]);
    if (members.length === 0) return null;
    if (members.length === 1) return members[0];
    shareRole(members);
    // The compound carries its first member's code for display; events use the members.
    return { ...members[0], ...mentionBase(doc, np.start, pieceEnd(np)), kind: 'compound', members, why: [{ rule: 'compound-and' }] };
  }
  // `MSF Arnor`, `an MSF Arnor diplomat`: a prefix role word's code goes before the code of the rest of the phrase.
  const prefixes = np.pieces.filter((p) => p.kind === 'role' && p.role!.prefix);
  if (prefixes.length && prefixes.length < np.pieces.length) {
    const inner = composePhrase(doc, dict, { ...np, pieces: np.pieces.filter((p) => !prefixes.includes(p)) }, options, state);
    if (!inner || inner.locative) return inner;
    const before = prefixes.map((p) => p.role!.code).join('');
    const why: Provenance[] = [...prefixes.map((p) => ({ rule: 'prefix-role-word', entry: p.role!.entry })), ...inner.why];
    // The country is not named alone here, so it does not stand for its government: `MSF Arnor` is NGOARN.
    const own = (m: ActorMention) => (/-for-government$/.test(m.why[0]?.rule ?? '') && m.code.endsWith('GOV') ? m.code.slice(0, -3) : m.code);
    const prefixed = (m: ActorMention) => ({ ...makeMention(doc, m.tokenStart, m.tokenEnd, before + own(m), m.name, m.kind, why), start: m.start, end: m.end, text: m.text });
    const whole = { ...prefixed(inner), ...mentionBase(doc, Math.min(np.start, inner.tokenStart), Math.max(pieceEnd(np), inner.tokenEnd)) };
    return inner.members ? { ...whole, members: inner.members.map(prefixed) } : whole;
  }
  const pieces = np.pieces;
  const first = pieces[0];
  if (first.kind === 'pronoun') {
    const word = doc.tokens.lower[np.start];
    if (word === 'it' || word === 'they') {
      // `the Chinese foreign ministry said it had made`: the reporting verb's subject.
      const v = reportedBy(doc.tokens, np.start, options.reporting ?? new Set());
      const before = state.sentenceActors.filter((m) => !m.locative && m.tokenEnd <= v);
      const ref = before[before.length - 1];
      if (!ref || (word === 'it' && isPersonLike(ref))) return null;
      return { ...copyActor(ref), ...mentionBase(doc, np.start, pieceEnd(np)), kind: 'pronoun', why: [{ rule: 'pronoun-speaker-of-report' }, ...ref.why] };
    }
    // `pressed him to`: an object pronoun means the article's most named person other than the last subject.
    if (word === 'him' || word === 'her') {
      // `he urged him`: `him` is not the subject of its own sentence.
      const subjectHere = state.sentenceActors.find((m) => isPersonLike(m));
      const central = centralPerson(state, subjectHere?.code ?? null);
      if (central) return { ...makeMention(doc, np.start, pieceEnd(np), central.code, central.name, 'pronoun', [{ rule: 'object-pronoun-most-named-person' }, ...central.why]) };
    }
    // `Obama, the first sitting U.S. president to visit, said he would`: a person who is the subject of the verb the
    // pronoun comes after, in its own sentence.
    const own = sentenceSubject(doc, np.start, state.sentenceActors);
    if (own) return { ...copyActor(own), ...mentionBase(doc, np.start, pieceEnd(np)), kind: 'pronoun', why: [{ rule: 'pronoun-sentence-subject' }, ...own.why] };
    const ref = state.lastPerson;
    if (!ref) return null;
    return { ...copyActor(ref), ...mentionBase(doc, np.start, pieceEnd(np)), kind: 'pronoun', why: [{ rule: 'pronoun-last-person-subject' }, ...ref.why] };
  }
  if (first.kind === 'pair' && pieces.length === 1) return resolvePair(doc, np, state);
  if (pieces.some((p) => p.kind === 'bloc')) return resolveBloc(doc, np, state);

  const persons: { person: Person; piece: Piece; entry: string }[] = [];
  const propers: Piece[] = [];
  const institutions: { code: string; entry: string }[] = [];
  const organisations: { code: string; entry: string; country: string | null }[] = [];
  const groups: { codes: string[]; entry: string }[] = [];
  const countries: { code: string; type: NameHit['type']; entry: string; piece: Piece }[] = [];
  const roles: { code: string; entry: string; phrase: string }[] = [];
  let relational: Piece | null = null;
  for (const p of pieces) {
    if (p.kind === 'proper') {
      // `President Abdelaziz Bouteflicka`: a long surname one slip off one listed person's, with the first name or a
      // title agreeing, is that person.
      const slip = misspeltPerson(doc, dict, p, pieces);
      if (slip) persons.push({ person: slip, piece: p, entry: `${slip.sources[0]} (misspelt ${doc.tokens.text[p.end - 1]})` });
      else propers.push(p);
    }
    else if (p.kind === 'role') roles.push({ code: p.role!.code, entry: p.role!.entry, phrase: p.role!.phrase });
    else if (p.kind === 'relational') relational = p;
    else if (p.kind === 'name') {
      const hit = bestHit(p.hits!);
      if (hit.type === 'person') persons.push({ person: hit.person, piece: p, entry: hit.entry });
      else if (hit.type === 'institution') institutions.push({ code: hit.code, entry: hit.entry });
      else if (hit.type === 'organisation') organisations.push({ code: hit.code, entry: hit.entry, country: hit.country });
      else if (hit.type === 'group') groups.push({ codes: hit.codes, entry: hit.entry });
      else if (hit.type === 'ethnic') countries.push({ code: residence(doc, dict, hit.countries, p.start, options, state), type: hit.type, entry: hit.entry, piece: p });
      else countries.push({ code: hit.code, type: hit.type, entry: hit.entry, piece: p });
    }
  }
  const why: Provenance[] = [];
  // A city gives a role its country only where nothing else does (`protesters in Minsk`).
  const country = countries.find((c) => c.type !== 'city') ?? (roles.length ? countries.find((c) => c.type === 'city') : undefined);
  // `the besieged rebel enclave`, `Syrian government helicopters`: a role word that only modifies a thing
  // does not make the phrase that role; the country, if any, stays.
  const thing = headIsPlace(doc, np);
  if (thing && !persons.length && !propers.length) roles.length = 0;
  const sector = roles.length ? roles[roles.length - 1].code : null;
  const roleWhy = roles.map((r) => ({ rule: 'role-word', entry: r.entry }));

  // A named person from the dictionary: the office held on the date decides.
  if (persons.length) {
    const { person, piece, entry } = persons[persons.length - 1];
    let held = personCodeOn(person, options.date);
    // `President Francois Mitterrand` out of office on the date, `President Laurent Gbagbo` still in opposition by
    // the dictionary's dates: the title names the office the story is about.
    if (sector && (held.rule !== 'person-role-on-date' || held.code.slice(3, 6) !== sector.slice(0, 3))) {
      held = personRoleByTitle(person, sector, country?.code ?? null, options.date) ?? held;
      // `ousted President Askar Akayev`, `former Prime Minister X`: whatever the dictionary's dates say, the text
      // says the office is held no more.
      if (sector.startsWith(FORMER) && held.code.length >= 3 && held.code.slice(3, 6) !== FORMER) {
        held = { ...held, code: held.code.slice(0, 3) + FORMER, rule: 'former-office-holder' };
      }
    }
    why.push({ rule: held.rule, entry });
    const m = makeMention(doc, piece.start, piece.end, held.code, person.name, 'person', why);
    learn(state, doc, piece, m);
    return m;
  }
  // A name for several actors at once (actors/groups.yaml): a compound of its codes, like `A and B`; a role word
  // completes a bare country code (`Baltic officials`).
  if (groups.length && !propers.length) {
    const g = groups[groups.length - 1];
    const gWhy: Provenance[] = [{ rule: 'group', entry: g.entry }, ...roleWhy];
    const members = g.codes.map((c) => makeMention(doc, np.start, pieceEnd(np), sector && c.length === 3 ? c + sector : c, null, 'group-member', gWhy));
    return { ...members[0], kind: 'compound', members, why: gWhy };
  }
  // An unknown proper name: titled (`President X`, `X, speaker of the Mazhilis`) or known from earlier.
  if (propers.length && (roles.length || !(institutions.length || organisations.length || groups.length))) {
    const piece = propers[0];
    const name = doc.article.text.slice(doc.tokens.start[piece.start], doc.tokens.end[piece.end - 1]);
    // `the Korean Peninsula`, `the Taiwan Strait`: a capitalised geographic name is a place, not a person.
    if (GEOGRAPHIC_NAMES.has(doc.tokens.lower[piece.end - 1])) return null;
    const inst = institutions[0] ?? organisations[0];
    let code: string | null = null;
    const earlier = lookupLearned(state, name);
    if (earlier && !(country && sector) && !inst) {
      return makeMention(doc, piece.start, piece.end, earlier.code, earlier.name, 'person', [{ rule: 'same-person-earlier' }, ...earlier.why]);
    }
    // `Erdogan said`: a surname alone names the one person of the dictionary by that surname in office on the date.
    // `A Christian missionary`: a capitalised word before a common noun modifies it; it is no one's surname.
    // (A noun that may be an event's verb, `Yoon lifts martial law` in a headline, does not count.)
    const modifier = doc.tokens.pos[piece.end] === 'NOUN' && doc.tokens.sent[piece.end] === doc.tokens.sent[piece.start] && !options.isTrigger(piece.end);
    // `Trump takes call from Tsai` in a headline whose body names `President-elect Donald Trump`: else the one person
    // by that surname whom the article names in full, in office on the date or not.
    const single = piece.end - piece.start === 1 && !(country && sector) && !inst && !modifier;
    const inOffice = single ? surnameInOffice(dict, name, options.date) : null;
    const bySurname = inOffice ?? (single ? surnameNamedInFull(dict, name, doc.article.text) : null);
    if (bySurname) {
      const held = personCodeOn(bySurname.person, options.date);
      const rule = inOffice ? 'surname-of-office-holder' : 'surname-of-person-named-in-full';
      const m = makeMention(doc, piece.start, piece.end, held.code, bySurname.person.name, 'person', [{ rule, entry: bySurname.entry }]);
      learn(state, doc, piece, m);
      return m;
    }
    // `President Bush` with no Bush in office on the date: the holders of that title and name, if all of one country.
    // `the Bush administration`, `the Assad regime`: a surname before its office's word is the office too.
    const titleAfter = pieces.some((p) => p.kind === 'role' && p.start === piece.end);
    const byTitle = sector && !country && !inst && piece.end - piece.start === 1 && (!modifier || titleAfter) ? titledSurname(dict, name, sector, options.date) : null;
    if (byTitle) {
      const m = makeMention(doc, piece.start, piece.end, byTitle.code, byTitle.person.name, 'person', [{ rule: 'titled-surname', entry: byTitle.person.sources[0] }, ...roleWhy]);
      learn(state, doc, piece, m);
      return m;
    }
    if (country && sector) {
      code = country.code + sector;
      why.push({ rule: 'title-with-country', entry: country.entry }, ...roleWhy);
    } else if (inst) {
      code = inst.code;
      why.push({ rule: 'title-with-institution', entry: inst.entry }, ...roleWhy);
    } else if (sector && !titleAfter) {
      // (A title stands before the name it goes with: in `a Christian missionary` the capitalised word is no name.)
      // `In Manila, Foreign Secretary Perfecto Yasay`: the sentence's place; else, for an office of state, the dateline's
      // country (a wire names foreign officials' nationality, not local ones'); else the latest such office.
      const placeCountry = options.sentencePlaceCountry?.(doc.tokens.sent[np.start], np.start) ?? null;
      const stateRole = STATE_SECTORS.has(sector.slice(0, 3));
      const c = placeCountry ?? (stateRole ? options.datelineCountry : null) ?? recentCountryFor(state, sector);
      if (c) {
        code = c + sector;
        why.push({ rule: 'title-country-from-context' }, ...roleWhy);
      }
    } else {
      if (country && countries.length && country.type === 'adjective') {
        // `Cuban dissident Jose Daniel Ferrer`: a national with no role word we know.
        code = country.code;
        why.push({ rule: 'national-by-adjective', entry: country.entry });
      }
    }
    if (code) {
      const m = makeMention(doc, piece.start, piece.end, code, name, 'person', why);
      learn(state, doc, piece, m);
      return m;
    }
    // `Old foes Gondor and ...`: a sentence's first word is capitalised whatever it is, so an unknown one there does
    // not hide a country named beside it.
    const sentStart = doc.sentences[doc.tokens.sent[np.start]].tokenStart;
    if (!countries.length || propers.some((p) => p.start !== sentStart)) return null;
    why.length = 0;
  }
  if (institutions.length) {
    const inst = institutions[institutions.length - 1];
    return makeMention(doc, np.start, pieceEnd(np), inst.code, null, 'institution', [{ rule: 'institution', entry: inst.entry }, ...roleWhy]);
  }
  // `NATO member Poland`, `OPEC member Nigeria`: a country at the head of the phrase is the actor; the organisation
  // before it only says what it belongs to.
  const countryHead = country && country.type === 'country' && country.piece.end === pieceEnd(np) && !sector;
  if (organisations.length && !countryHead) {
    const org = organisations[organisations.length - 1];
    const m = makeMention(doc, np.start, pieceEnd(np), org.code, null, 'organisation', [{ rule: 'organisation', entry: org.entry }, ...roleWhy]);
    // `NATO peacekeeping troops`: the organisation's code, and the sector of its armed role (a deployment, not a visit).
    return sector && ARMED.has(sector.slice(0, 3)) ? { ...m, sector: sector.slice(0, 3) } : m;
  }
  if (relational) return resolveRelational(doc, np, country?.code ?? null, options, state);
  if (first.kind === 'pair') return resolvePair(doc, np, state);
  // `outside the Chinese embassy`, `in parliament`: after a locative preposition a phrase is a place.
  const locative = np.preposition !== null && LOCATIVE.has(np.preposition);
  if (locative && !sector && country && (country.type === 'country' || country.type === 'capital' || country.type === 'city')) {
    // `arrived in Kazakhstan`: a place, which only a pattern's `in {target}` slot takes as an actor.
    return { ...makeMention(doc, np.start, pieceEnd(np), country.code, null, 'place', [{ rule: `place-${country.type}`, entry: country.entry }]), locative: true };
  }
  // `lashed out at the Indian government`, `fired at police`: after `at`, a role is someone aimed at, not a place.
  const building = BUILDINGS.has(doc.tokens.lemma[pieceEnd(np) - 1]);
  if (locative && !np.joined && !(sector && np.preposition === 'at' && !building)) return null;
  if (country && (country.type === 'adjective' || country.type === 'demonym') && doc.tokens.lower[country.piece.start - 1] === 'ethnic') {
    // `ethnic Albanians in Serbia`: an ethnic group is coded as people of the country where they are (else of the
    // country its name comes from).
    const home = options.sentencePlaceCountry?.(doc.tokens.sent[np.start], np.start) ?? country.code;
    return makeMention(doc, np.start, pieceEnd(np), home + (sector ?? 'CVL'), null, 'group', [{ rule: 'ethnic-group-by-residence', entry: country.entry }, ...roleWhy]);
  }
  if (country) {
    if (sector) {
      return makeMention(doc, np.start, pieceEnd(np), country.code + sector, null, 'group', [{ rule: `country-${country.type}`, entry: country.entry }, ...roleWhy]);
    }
    if (country.type === 'capital') {
      return makeMention(doc, np.start, pieceEnd(np), country.code + 'GOV', null, 'government', [{ rule: 'capital-for-government', entry: country.entry }]);
    }
    // A country named as an actor acts through its government (`the United States demanded`); an adjective
    // or demonym alone (`Ukrainian tugboat`, `Israelis`) leaves the sector open.
    if (country.type === 'country') {
      return makeMention(doc, np.start, pieceEnd(np), country.code + 'GOV', null, 'country', [{ rule: 'country-name-for-government', entry: country.entry }]);
    }
    return makeMention(doc, np.start, pieceEnd(np), country.code, null, 'country', [{ rule: `country-${country.type}`, entry: country.entry }]);
  }
  if (sector) {
    // `an international arbitration tribunal`, `a multinational force`: a body of no one country.
    for (let t = np.start; t < pieceEnd(np); t++) {
      if (INTERNATIONAL.has(doc.tokens.lower[t])) return makeMention(doc, np.start, pieceEnd(np), 'IGO' + sector, null, 'role', [{ rule: 'international-role' }, ...roleWhy]);
    }
    // A bare role (`the president`, `police`): the latest actor with that role, else the dateline's country; `the
    // court` after `the International Court of Justice` is that court.
    // `The delegation` after `a high-level U.S. delegation`: the latest mention with the same head noun.
    const same = sameHead(doc, state, pieceEnd(np) - 1);
    if (same) return makeMention(doc, np.start, pieceEnd(np), same.code, null, 'role', [{ rule: 'role-same-head-as-earlier-mention' }, ...roleWhy]);
    const c = recentActorFor(state, sector);
    if (c) return makeMention(doc, np.start, pieceEnd(np), c, null, 'role', [{ rule: 'role-country-from-earlier-mention' }, ...roleWhy]);
    // A group with no country takes the country of the sentence's place (`protesters ... in Minsk`).
    const placeCountry = options.sentencePlaceCountry?.(doc.tokens.sent[np.start], np.start) ?? null;
    if (placeCountry) return makeMention(doc, np.start, pieceEnd(np), placeCountry + sector, null, 'role', [{ rule: 'role-country-from-sentence-place' }, ...roleWhy]);
    // `The Armenian-backed forces` with no place named: the backer's country.
    const backer = np.pieces.find((p) => p.backer)?.backer?.find((h) => h.type === 'country' || h.type === 'adjective' || h.type === 'demonym');
    if (backer && 'code' in backer) {
      return makeMention(doc, np.start, pieceEnd(np), backer.code + sector, null, 'role', [{ rule: 'role-country-from-backer', entry: backer.entry }, ...roleWhy]);
    }
    // The state's own organs and civilians default to the dateline's country (`police imposed a curfew`, `six people
    // were taken into custody`); a foreign party's role word names its country.
    if (options.datelineCountry && (STATE_SECTORS.has(sector.slice(0, 3)) || DATELINE_PEOPLE.has(sector.slice(0, 3)))) {
      return makeMention(doc, np.start, pieceEnd(np), options.datelineCountry + sector, null, 'role', [{ rule: 'role-country-from-dateline' }, ...roleWhy]);
    }
  }
  return null;
}

/**
 * Where an ethnic or religious community named at token `at` lives, among the countries its entry lists: the
 * sentence's place (`Karen guerrillas on the Thai border` stays Burmese: Thailand is not listed), else a country the
 * sentence has named (`the Mozambique government ... Shona rebels`), else the dateline's, else the first listed.
 */
function residence(doc: Doc, dict: ActorDictionary, countries: string[], at: number, options: ActorOptions, state: State): string {
  const place = options.sentencePlaceCountry?.(doc.tokens.sent[at], at) ?? null;
  if (place && countries.includes(place)) return place;
  for (let k = state.sentenceActors.length - 1; k >= 0; k--) {
    const c = state.sentenceActors[k].country;
    if (c && countries.includes(c)) return c;
  }
  // `The main Hutu rebel group ... demanded that Burundi's government`: a country of theirs named later in the sentence.
  const sent = doc.sentences[doc.tokens.sent[at]];
  for (let t = at + 1; t < sent.tokenEnd; t++) {
    const hit = longestName(doc, dict, t, sent.tokenEnd)?.hits.find((h) => h.type === 'country' || h.type === 'adjective' || h.type === 'capital');
    if (hit && 'code' in hit && countries.includes(hit.code)) return hit.code;
  }
  if (options.datelineCountry && countries.includes(options.datelineCountry)) return options.datelineCountry;
  return countries[0];
}

/** Adjectives that make a role a body of several states. */
const INTERNATIONAL = new Set(['international', 'multinational']);

/** Nouns for places: `the rebel enclave` is where rebels are, not the rebels (`navy vessels` are the navy's). */
const PLACE_HEADS = new Set([
  'enclave', 'area', 'region', 'town', 'village', 'city', 'territory', 'stronghold', 'camp', 'zone', 'district', 'province',
  'border', 'capital', 'neighbourhood', 'neighborhood', 'suburb', 'land', 'island', 'coast',
]);

/** Role words that are also buildings: after `at` they are where something happened (`met at the consulate`). */
const BUILDINGS = new Set(['embassy', 'consulate', 'office', 'headquarters', 'ministry', 'palace', 'residence', 'mission', 'court', 'parliament', 'assembly', 'station']);

/** Last words of capitalised geographic names (`Korean Peninsula`, `Taiwan Strait`, `Golan Heights`). */
const GEOGRAPHIC_NAMES = new Set([
  'peninsula', 'island', 'islands', 'isles', 'sea', 'strait', 'straits', 'gulf', 'bay', 'river', 'mountains', 'mountain',
  'coast', 'valley', 'desert', 'basin', 'lake', 'ocean', 'canal', 'channel', 'plateau', 'delta', 'highlands', 'heights',
  'corridor', 'isthmus', 'archipelago', 'region', 'province', 'bridge', 'crossing',
]);

/** Does the phrase end in a place noun outside every dictionary piece (`the besieged rebel enclave`)? */
function headIsPlace(doc: Doc, np: NounPhrase): boolean {
  const lastPieceEnd = Math.max(...np.pieces.map((p) => p.end));
  for (let t = np.end - 1; t >= lastPieceEnd; t--) {
    if (doc.tokens.pos[t] === 'NOUN') return PLACE_HEADS.has(doc.tokens.lemma[t]);
  }
  return false;
}

/** The person a proper name misspells (misspelt-names.ts), when its first name agrees or a title precedes it. */
function misspeltPerson(doc: Doc, dict: ActorDictionary, p: Piece, pieces: Piece[]): Person | null {
  const slip = misspeltSurname(dict, doc.tokens.text[p.end - 1]);
  if (!slip) return null;
  if (p.end - p.start >= 2) {
    const first = nameKey(slip.person.name).split(' ')[0].toLowerCase();
    return doc.tokens.lower[p.start] === first ? slip.person : null;
  }
  return pieces.some((q) => q.kind === 'role' && q.end <= p.start) ? slip.person : null;
}

/** Sectors of armed bodies: an organisation's troops or police act as such. */
const ARMED = new Set(['MIL', 'COP']);

/** The sector of elites out of office (`former president`, `ousted leader`: actors/roles.yaml). */
const FORMER = 'ELI';

function surnameInOffice(dict: ActorDictionary, surname: string, date: string | null): { person: Person; entry: string } | null {
  const people = dict.surnames.get(surname);
  if (!people || !date) return null;
  const inOffice = people.filter((p) => p.roles.some((r) => (!r.from || r.from <= date) && (!r.to || date <= r.to)));
  return inOffice.length === 1 ? { person: inOffice[0], entry: inOffice[0].sources[0] } : null;
}

/** The one person of a surname whose full name the article gives. */
function surnameNamedInFull(dict: ActorDictionary, surname: string, text: string): { person: Person; entry: string } | null {
  const named = (dict.surnames.get(surname) ?? []).filter((p) => p.name !== surname && text.includes(p.name));
  return named.length === 1 ? { person: named[0], entry: named[0].sources[0] } : null;
}

/** The people of a surname who held an office of the title's sector, when all of one country: the role nearest the date. */
function titledSurname(dict: ActorDictionary, surname: string, sector: string, date: string | null): { person: Person; code: string } | null {
  const found = (dict.surnames.get(surname) ?? []).map((person) => ({ person, held: personRoleByTitle(person, sector, null, date) })).filter((x) => x.held);
  if (!found.length || new Set(found.map((x) => x.held!.code.slice(0, 3))).size !== 1) return null;
  return { person: found[0].person, code: found[0].held!.code };
}

/** A mention ends with its last dictionary piece: trailing words (`Canada's diplomatic rift`) may be a trigger. */
function pieceEnd(np: NounPhrase): number {
  let end = np.start + 1;
  for (const p of np.pieces) if (p.end > end) end = p.end;
  return end;
}

function bestHit(hits: NameHit[]): NameHit {
  let best = hits[0];
  for (const h of hits) if (HIT_ORDER.indexOf(h.type) < HIT_ORDER.indexOf(best.type)) best = h;
  return best;
}

function resolveRelational(doc: Doc, np: NounPhrase, adjectiveCountry: string | null, options: ActorOptions, state: State): ActorMention | null {
  const possessor = state.lastPerson;
  const ownParty = possessor ? possessor.code.slice(0, 3) : null;
  const sector = possessor?.sector ?? 'GOV';
  const word = np.pieces.find((p) => p.kind === 'relational');
  const noun = word ? doc.tokens.lower[word.start] : 'counterpart';
  if (adjectiveCountry) {
    return makeMention(doc, np.start, pieceEnd(np), adjectiveCountry + sector, null, 'relational', [{ rule: 'counterpart-with-nationality' }]);
  }
  if (noun.startsWith('host') && options.datelineCountry && options.datelineCountry !== ownParty) {
    return makeMention(doc, np.start, pieceEnd(np), options.datelineCountry + 'GOV', null, 'relational', [{ rule: 'host-is-dateline-government' }]);
  }
  for (let k = state.history.length - 1; k >= 0; k--) {
    const h = state.history[k];
    if (h.country && h.code.slice(0, 3) !== ownParty) {
      return { ...copyActor(h), ...mentionBase(doc, np.start, pieceEnd(np)), kind: 'relational', why: [{ rule: `${noun}-is-other-party` }, ...h.why] };
    }
  }
  return null;
}

/** `the bloc said`, `its members closed their borders`: the international organisation named last. */
function resolveBloc(doc: Doc, np: NounPhrase, state: State): ActorMention | null {
  for (let k = state.history.length - 1; k >= 0; k--) {
    const h = state.history[k];
    if (/^(IGO|NGO)/.test(h.code)) return { ...copyActor(h), ...mentionBase(doc, np.start, pieceEnd(np)), kind: 'bloc', why: [{ rule: 'organisation-named-last' }, ...h.why] };
  }
  return null;
}

/**
 * `the two sides`, `both countries`: the two parties the article has named most so far (the later named first
 * among equals), each as its latest mention.
 */
function resolvePair(doc: Doc, np: NounPhrase, state: State): ActorMention | null {
  const top = mostNamedParties(state.history, 2);
  if (top.length < 2) return null;
  const members = top.sort((a, b) => a.at - b.at).map((x) => x.mention);
  const base = mentionBase(doc, np.start, pieceEnd(np));
  // `both armies`: the two parties' militaries; `both delegations`, `the two governments`: their governments.
  const noun = doc.tokens.lower[pieceEnd(np) - 1];
  const sector = /^(army|armies|military|militaries)$/.test(noun) ? 'MIL' : /^(delegations?|governments?|capitals?)$/.test(noun) ? 'GOV' : null;
  const withSector = (m: ActorMention) => (sector && m.country ? { ...m, code: m.country + sector, sector } : m);
  const ms = members.map((m) => ({ ...copyActor(withSector(m)), ...base, kind: 'pair-member', why: [{ rule: 'two-sides' }, ...m.why] }));
  return { ...ms[0], kind: 'compound', members: ms, why: [{ rule: 'two-sides' }] };
}

/** The latest earlier mention whose last word has the lemma of token `head`, and a country. */
function sameHead(doc: Doc, state: State, head: number): ActorMention | null {
  const lemma = doc.tokens.lemma[head];
  for (let k = state.history.length - 1; k >= 0; k--) {
    const h = state.history[k];
    if (h.country && h.tokenEnd > 0 && h.tokenEnd - 1 !== head && doc.tokens.lemma[h.tokenEnd - 1] === lemma) return h;
  }
  return null;
}

/**
 * The code of the latest actor in this role: its country with the role, or an organisation whose code holds the
 * role (`IGOUNOJUDICJ` for `the court`, `IGOJUD` for `the tribunal`).
 */
function recentActorFor(state: State, sector: string): string | null {
  const role = sector.slice(0, 3);
  for (let k = state.history.length - 1; k >= 0; k--) {
    const h = state.history[k];
    if (h.country && h.sector === role) return h.country + sector;
    if (!h.country && /^(IGO|NGO)/.test(h.code) && (h.code.match(/.{3}/g) ?? []).slice(1).includes(role)) return h.code;
  }
  return null;
}

function recentCountryFor(state: State, sector: string): string | null {
  for (let k = state.history.length - 1; k >= 0; k--) {
    const h = state.history[k];
    if (h.country && h.sector === sector.slice(0, 3)) return h.country;
  }
  return null;
}

function learn(state: State, doc: Doc, piece: Piece, m: ActorMention): void {
  const name = doc.article.text.slice(doc.tokens.start[piece.start], doc.tokens.end[piece.end - 1]);
  const entry: Learned = { code: m.code, name: m.name ?? name, why: m.why };
  state.learned.set(name, entry);
  if (m.name) state.learned.set(m.name, entry);
  for (const n of new Set([name, m.name ?? name])) {
    const words = n.split(/\s+/);
    if (words.length < 2) continue;
    const surname = words[words.length - 1];
    if (surname.length > 2) state.learned.set(surname, entry);
    if (m.country && FAMILY_NAME_FIRST.has(m.country)) state.learned.set(words[0], entry);
  }
  state.personCounts.set(entry, (state.personCounts.get(entry) ?? 0) + 1);
}

function centralPerson(state: State, notCode: string | null): Learned | null {
  let best: Learned | null = null;
  let bestCount = 0;
  for (const [p, n] of state.personCounts) {
    if (p.code !== notCode && n > bestCount) {
      best = p;
      bestCount = n;
    }
  }
  return best;
}

function lookupLearned(state: State, name: string): Learned | null {
  const exact = state.learned.get(name);
  if (exact) return exact;
  const words = name.split(/\s+/);
  return state.learned.get(words[words.length - 1]) ?? null;
}

/**
 * Where the subject of the sentence holding token t may stand: [start, first verb). An opening phrase (`After meeting
 * Macron in Paris, Biden said`) is skipped to its comma.
 */
function subjectSpan(doc: Doc, t: number): [number, number] {
  const { pos, text } = doc.tokens;
  const sent = doc.sentences[doc.tokens.sent[t]];
  let start = sent.tokenStart;
  if (pos[start] === 'ADP' || pos[start] === 'SCONJ') {
    for (let k = start; k < sent.tokenEnd; k++) {
      if (text[k] === ',') {
        start = k + 1;
        break;
      }
    }
  }
  for (let k = start; k < sent.tokenEnd; k++) if (pos[k] === 'VERB') return [start, k];
  return [start, sent.tokenEnd];
}

/** The first actor named before the first verb of the sentence, a person, when the pronoun at `t` comes after that verb. */
function sentenceSubject(doc: Doc, t: number, sentenceActors: ActorMention[]): ActorMention | null {
  const [start, verb] = subjectSpan(doc, t);
  if (verb >= t) return null;
  const first = sentenceActors.find((m) => m.tokenStart >= start && m.tokenEnd <= verb && !m.locative);
  return first?.kind === 'person' ? first : null;
}

/** The person who is the subject of the latest sentence that has one resolves `he`, `she`, `his host`. */
function updateLastPerson(doc: Doc, sent: Sentence, mentions: ActorMention[], state: State): void {
  const [start, firstVerb] = sent.tokenEnd > sent.tokenStart ? subjectSpan(doc, sent.tokenStart) : [sent.tokenStart, sent.tokenEnd];
  const subject = mentions.find((m) => m.tokenStart >= start && m.tokenStart < firstVerb && isPersonLike(m));
  if (subject) state.lastPerson = subject;
  else if (!state.lastPerson) state.lastPerson = mentions.find(isPersonLike) ?? null;
}

function isPersonLike(m: ActorMention): boolean {
  return m.kind === 'person' || m.kind === 'pronoun';
}

function mentionBase(doc: Doc, tokenStart: number, tokenEnd: number) {
  const start = doc.tokens.start[tokenStart];
  const end = doc.tokens.end[tokenEnd - 1];
  return { tokenStart, tokenEnd, start, end, text: doc.article.text.slice(start, end) };
}

/** Code prefixes that name no country. */
const NOT_COUNTRIES = new Set(['IGO', 'NGO', 'MNC', 'UAF', 'INS', 'IMG']);
const capital = (code: string, i: number) => code.charCodeAt(i) >= 65 && code.charCodeAt(i) <= 90;

function makeMention(doc: Doc, tokenStart: number, tokenEnd: number, code: string, name: string | null, kind: string, why: Provenance[]): ActorMention {
  const head = code.slice(0, 3);
  const country = capital(code, 0) && capital(code, 1) && capital(code, 2) && !NOT_COUNTRIES.has(head) ? head : null;
  const sector = code.length >= 6 ? code.slice(3, 6) : null;
  const start = doc.tokens.start[tokenStart];
  const end = doc.tokens.end[tokenEnd - 1];
  return { tokenStart, tokenEnd, start, end, text: doc.article.text.slice(start, end), code, country, sector, name, kind, why };
}

function copyActor(m: ActorMention) {
  return { code: m.code, country: m.country, sector: m.sector, name: m.name };
}
