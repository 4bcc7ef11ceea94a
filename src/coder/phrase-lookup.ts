// Finds dictionary phrases in a token range: names (exact case, or folded for all-capital text) and role words.
// Pure lookups over the token arrays; composing phrases into actors is noun-phrases.ts's job.
import { nameKey, roleKey, type ActorDictionary, type NameHit, type RoleHit } from '../dictionaries/actor-dictionary.js';
import type { Doc } from '../model/types.js';

const MAX_NAME_TOKENS = 10;
const MAX_ROLE_TOKENS = 6;

export interface NameMatch {
  start: number;
  end: number;
  hits: NameHit[];
}

export interface RoleMatch {
  start: number;
  end: number;
  role: RoleHit;
}

/** The longest dictionary name starting at token i, or null. */
export function longestName(doc: Doc, dict: ActorDictionary, i: number, limit: number): NameMatch | null {
  const { tokens, article } = doc;
  const first = tokens.text[i];
  if (!first) return null;
  // A name starts with a capital, a digit or a quote; or with a word a listed name starts with (`al-Shabaab`,
  // `peshmerga`), never with an article (`the` stays outside the name, as a modifier of the phrase).
  if (!/^[\p{Lu}\d'‘’"“]/u.test(first) && (tokens.pos[i] === 'DET' || !dict.lowerStarts.has(first))) return null;
  let best: NameMatch | null = null;
  const stop = Math.min(limit, i + MAX_NAME_TOKENS);
  for (let j = i + 1; j <= stop; j++) {
    // A name never spans a sentence-ending or clause punctuation token.
    const last = tokens.text[j - 1];
    if (j - 1 > i && /^[,;:()!?"“”]$/.test(last)) break;
    const raw = article.text.slice(tokens.start[i], tokens.end[j - 1]);
    if (raw.includes('\n')) break;
    const key = nameKey(raw);
    // All-capital text (a headline) is looked up folded; whether it is, is asked only when the exact key fails.
    const prefix = dict.namePrefixes.has(key);
    let hits = prefix ? dict.names.get(key) : undefined;
    if (!hits) {
      const caps = isAllCaps(raw);
      // No name starts like this: longer spans cannot match either.
      if (!prefix && !(caps && dict.lowerPrefixes.has(key.toLowerCase()))) break;
      if (caps) hits = dict.namesLower.get(key.toLowerCase());
    }
    if (hits) best = { start: i, end: j, hits };
  }
  return best;
}

/** The longest role phrase starting at token i (base forms: the last word may be inflected). */
export function longestRole(doc: Doc, dict: ActorDictionary, i: number, limit: number): RoleMatch | null {
  const { tokens } = doc;
  let best: RoleMatch | null = null;
  const stop = Math.min(limit, i + MAX_ROLE_TOKENS);
  let words = '';
  for (let j = i + 1; j <= stop; j++) {
    const w = tokens.lower[j - 1];
    if (/^[,;:()!?".]$/.test(w)) break;
    if (w === '-') continue;
    const prefix = words;
    words = prefix ? `${prefix} ${w}` : w;
    const key = roleKey(words);
    let role = dict.roles.get(key);
    const lemma = tokens.lemma[j - 1];
    const lemmaKey = lemma !== w ? roleKey(prefix ? `${prefix} ${lemma}` : lemma) : key;
    if (!role && lemmaKey !== key) role = dict.roles.get(lemmaKey);
    // A capitalised plural at a sentence's start is tagged as a name and keeps its plural lemma (`Protesters`).
    if (!role && lemma === w && w.length > 3 && w.endsWith('s') && j - 1 === i && isSentenceStart(doc, i)) {
      for (const singular of singularsOf(w)) {
        role = dict.roles.get(roleKey(prefix ? `${prefix} ${singular}` : singular));
        if (role) break;
      }
    }
    if (!role && !dict.rolePrefixes.has(key) && !dict.rolePrefixes.has(lemmaKey)) break;
    // A role is a noun (`the suspect`), never an adjective or verb form (`a suspected attack`).
    // `the Philippine military violated`: a word tagged as an adjective with no noun after it heads the phrase.
    if (role && (tokens.pos[j - 1] === 'NOUN' || tokens.pos[j - 1] === 'PROPN' || (tokens.pos[j - 1] === 'ADJ' && j > 0 && headless(doc, j)))) best = { start: i, end: j, role };
  }
  return best;
}

/** Words that may follow the head of a subject phrase: its verb, `and`, or punctuation. */
const AFTER_HEAD = new Set(['VERB', 'AUX', 'CCONJ', 'PUNCT']);

/** Does the phrase end at token j, before its verb, `and` or punctuation? */
function headless(doc: Doc, j: number): boolean {
  return j >= doc.tokens.text.length || doc.tokens.sent[j] !== doc.tokens.sent[j - 1] || AFTER_HEAD.has(doc.tokens.pos[j]);
}

function isSentenceStart(doc: Doc, i: number): boolean {
  return i === 0 || doc.tokens.sent[i - 1] !== doc.tokens.sent[i];
}

function singularsOf(w: string): string[] {
  const out = [w.slice(0, -1)];
  if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  return out;
}

function isAllCaps(s: string): boolean {
  return /\p{Lu}{2}/u.test(s) && !/\p{Ll}/u.test(s);
}
