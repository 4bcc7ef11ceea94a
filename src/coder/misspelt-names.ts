// Country and people names misspelt by one letter (`Ethopia`, `Phillippines`, `Afganistan`, `Quatar`, `Chenchen`):
// wire copy and transcripts carry such slips, and a coder that misses the country misses the event. A capitalised
// word the dictionaries do not know is read as the name it differs from by one letter left out or added (or two
// swapped), when exactly one country's names are that close. Short words are never corrected: too many names are
// near them. Letters replaced are not read as slips (see oneEdit). The index is built once per dictionary, from its
// single-word country names, adjectives, demonyms and ethnic groups. Pure.
import type { ActorDictionary, NameHit, Person } from '../dictionaries/actor-dictionary.js';

/** The shortest unknown word read as a misspelt name. */
const MIN_LENGTH = 6;
const TYPES = new Set<NameHit['type']>(['country', 'adjective', 'demonym', 'ethnic']);

interface Index {
  /** Each name, and each name with one letter deleted, to the names it comes from. */
  variants: Map<string, Set<string>>;
  names: Map<string, NameHit[]>;
}

const indexes = new WeakMap<ActorDictionary, Index>();

function deletions(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

function buildIndex(dict: ActorDictionary): Index {
  const variants = new Map<string, Set<string>>();
  const names = new Map<string, NameHit[]>();
  const add = (key: string, name: string) => {
    let s = variants.get(key);
    if (!s) variants.set(key, (s = new Set()));
    s.add(name);
  };
  for (const [key, hits] of dict.names) {
    if (!/^\p{Lu}\p{Ll}+$/u.test(key) || key.length < MIN_LENGTH - 1) continue;
    const kept = hits.filter((h) => TYPES.has(h.type));
    if (!kept.length || kept.length !== hits.length) continue;
    const lower = key.toLowerCase();
    names.set(lower, kept);
    add(lower, lower);
    for (const d of deletions(lower)) add(d, lower);
  }
  return { variants, names };
}

/**
 * One slip apart inside the word: a letter left out, one added, or two neighbours swapped? An edit at the first or
 * last letter is not counted (`Indiana` is not a slip for `Indian`, nor `Cubans` for `Cuban`), nor is one letter put
 * for another (`Columbia` is not Colombia; `Gxndor` may be a made-up name).
 */
function oneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  const inside = (i: number, len: number) => i > 0 && i < len - 1;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length < 3; i++) if (a[i] !== b[i]) diff.push(i);
    return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]] && inside(diff[0], a.length) && inside(diff[1], a.length);
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1) && inside(i, l.length);
}

/** Answers already given, per dictionary: the same unknown names come back article after article. */
const MEMO_SIZE = 50_000;
const memos = new WeakMap<ActorDictionary, Map<string, unknown>>();

function memoised<T>(dict: ActorDictionary, key: string, compute: () => T): T {
  let memo = memos.get(dict);
  if (!memo) memos.set(dict, (memo = new Map()));
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, value);
  return value;
}

/** The hits of the one country whose name `word` misspells, or null (unknown, too short, or several near). */
export function misspeltName(dict: ActorDictionary, word: string): { hits: NameHit[]; name: string } | null {
  if (word.length < MIN_LENGTH || !/^\p{Lu}\p{Ll}+$/u.test(word)) return null;
  return memoised(dict, `n:${word}`, () => findMisspeltName(dict, word));
}

function findMisspeltName(dict: ActorDictionary, word: string): { hits: NameHit[]; name: string } | null {
  let index = indexes.get(dict);
  if (!index) indexes.set(dict, (index = buildIndex(dict)));
  const lower = word.toLowerCase();
  const near = new Set<string>();
  for (const key of [lower, ...deletions(lower)]) for (const n of index.variants.get(key) ?? []) if (oneEdit(lower, n)) near.add(n);
  const codes = new Set<string>();
  for (const n of near) for (const h of index.names.get(n)!) if ('code' in h) codes.add(h.code);
  if (codes.size !== 1) return null;
  const name = [...near][0];
  return { hits: index.names.get(name)!, name };
}

/** The shortest surname read through a slip: person names vary more than country names. */
const MIN_SURNAME = 7;
const surnameIndexes = new WeakMap<ActorDictionary, Map<string, Set<string>>>();

/**
 * The one person whose surname `word` misspells (`Bouteflicka`, `Mitterand`), or null. Only long surnames are read
 * so, and only where one person of the dictionary bears the near name; the caller asks for a title or a first name
 * that agrees as well.
 */
export function misspeltSurname(dict: ActorDictionary, word: string): { person: Person; surname: string } | null {
  if (word.length < MIN_SURNAME || !/^\p{Lu}\p{Ll}+$/u.test(word) || dict.surnames.has(word) || dict.names.has(word)) return null;
  return memoised(dict, `s:${word}`, () => findMisspeltSurname(dict, word));
}

function findMisspeltSurname(dict: ActorDictionary, word: string): { person: Person; surname: string } | null {
  let index = surnameIndexes.get(dict);
  if (!index) {
    index = new Map();
    for (const key of dict.surnames.keys()) {
      if (key.length < MIN_SURNAME - 1 || !/^\p{Lu}\p{Ll}+$/u.test(key)) continue;
      const lower = key.toLowerCase();
      for (const v of [lower, ...deletions(lower)]) {
        let s = index.get(v);
        if (!s) index.set(v, (s = new Set()));
        s.add(key);
      }
    }
    surnameIndexes.set(dict, index);
  }
  const lower = word.toLowerCase();
  const near = new Set<string>();
  for (const v of [lower, ...deletions(lower)]) for (const key of index.get(v) ?? []) if (oneEdit(lower, key.toLowerCase())) near.add(key);
  const people = new Set([...near].flatMap((k) => dict.surnames.get(k) ?? []));
  if (people.size !== 1) return null;
  return { person: [...people][0], surname: [...near][0] };
}
