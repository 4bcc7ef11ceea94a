// Country and people names misspelt by one letter (`Ethopia`, `Phillippines`, `Afganistan`, `Quatar`, `Chenchen`,
// `Bouteflicka`): wire copy and transcripts carry such slips, and a coder that misses the actor misses the event. A
// capitalised word the dictionaries do not know is read as the name it differs from by one letter left out or added
// (or two swapped), when exactly one actor's names are that close. Short words are never corrected: too many names
// are near them. Letters replaced are not read as slips (see oneEdit). The indexes are built once per dictionary:
// one of its single-word country names, adjectives, demonyms and ethnic groups, one of its people's surnames. Pure.
import type { ActorDictionary, NameHit, Person } from '../dictionaries/actor-dictionary.js';

/** The shortest unknown word read as a misspelt country or people name. */
const MIN_LENGTH = 6;
/** The shortest surname read through a slip: person names vary more than country names. */
const MIN_SURNAME = 7;
const TYPES = new Set<NameHit['type']>(['country', 'adjective', 'demonym', 'ethnic']);
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;

function deletions(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
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

/** Names by their lower-case form and by each form with one letter deleted: finds the names a word is one slip from. */
class SlipIndex {
  private readonly variants = new Map<string, Set<string>>();

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const lower = name.toLowerCase();
      for (const v of [lower, ...deletions(lower)]) {
        let s = this.variants.get(v);
        if (!s) this.variants.set(v, (s = new Set()));
        s.add(name);
      }
    }
  }

  /** The names one slip from `word`. */
  near(word: string): string[] {
    const lower = word.toLowerCase();
    const out = new Set<string>();
    for (const v of [lower, ...deletions(lower)]) for (const name of this.variants.get(v) ?? []) if (oneEdit(lower, name.toLowerCase())) out.add(name);
    return [...out];
  }
}

interface Indexes {
  /** Single-word country, adjective, demonym and ethnic names (dictionary keys) with only such hits. */
  names: SlipIndex;
  surnames: SlipIndex;
  /** Answers already given: the same unknown names come back article after article. */
  memo: Map<string, unknown>;
}

const MEMO_SIZE = 50_000;
const indexes = new WeakMap<ActorDictionary, Indexes>();

function indexesOf(dict: ActorDictionary): Indexes {
  let ix = indexes.get(dict);
  if (!ix) {
    const names = [...dict.names].filter(([key, hits]) => CAPITALISED.test(key) && key.length >= MIN_LENGTH - 1 && hits.every((h) => TYPES.has(h.type)));
    const surnames = [...dict.surnames.keys()].filter((key) => CAPITALISED.test(key) && key.length >= MIN_SURNAME - 1);
    indexes.set(dict, (ix = { names: new SlipIndex(names.map(([key]) => key)), surnames: new SlipIndex(surnames), memo: new Map() }));
  }
  return ix;
}

function memoised<T>(dict: ActorDictionary, key: string, compute: (ix: Indexes) => T): T {
  const ix = indexesOf(dict);
  if (ix.memo.has(key)) return ix.memo.get(key) as T;
  const value = compute(ix);
  if (ix.memo.size >= MEMO_SIZE) ix.memo.clear();
  ix.memo.set(key, value);
  return value;
}

/** The hits of the one country whose name `word` misspells, or null (unknown, too short, or several near). */
export function misspeltName(dict: ActorDictionary, word: string): { hits: NameHit[]; name: string } | null {
  if (word.length < MIN_LENGTH || !CAPITALISED.test(word)) return null;
  return memoised(dict, `n:${word}`, (ix) => {
    const near = ix.names.near(word);
    const codes = new Set(near.flatMap((n) => dict.names.get(n)!.flatMap((h) => ('code' in h ? [h.code] : []))));
    return codes.size === 1 ? { hits: dict.names.get(near[0])!, name: near[0] } : null;
  });
}

/**
 * The one person whose surname `word` misspells (`Bouteflicka`, `Mitterand`), or null. Only long surnames are read
 * so, and only where one person of the dictionary bears the near name; the caller asks for a title or a first name
 * that agrees as well.
 */
export function misspeltSurname(dict: ActorDictionary, word: string): { person: Person; surname: string } | null {
  if (word.length < MIN_SURNAME || !CAPITALISED.test(word) || dict.surnames.has(word) || dict.names.has(word)) return null;
  return memoised(dict, `s:${word}`, (ix) => {
    const near = ix.surnames.near(word);
    const people = new Set(near.flatMap((k) => dict.surnames.get(k) ?? []));
    return people.size === 1 ? { person: [...people][0], surname: near[0] } : null;
  });
}
