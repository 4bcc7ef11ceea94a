// Compiles the actor files (countries, organisations, institutions, roles, people) into lookup tables.
// Lookups are by normalised phrase text, so a name matches however the tokenizer splits it.
import type { CountryEntry, PersonEntry, PersonRole } from './schema.js';

export type NameHit =
  | { type: 'country'; code: string; entry: string }
  | { type: 'adjective'; code: string; entry: string }
  | { type: 'demonym'; code: string; entry: string }
  /** An ethnic or religious community (actors/ethnic-groups.yaml): `code` is its first country, `countries` all. */
  | { type: 'ethnic'; code: string; countries: string[]; entry: string }
  | { type: 'capital'; code: string; entry: string }
  | { type: 'city'; code: string; entry: string }
  | { type: 'institution'; code: string; entry: string }
  | { type: 'organisation'; code: string; kind: string; country: string | null; entry: string }
  /** A name for several actors at once (actors/groups.yaml): a compound actor. */
  | { type: 'group'; code: string; codes: string[]; entry: string }
  | { type: 'person'; person: Person; entry: string };

export interface Person {
  name: string;
  roles: PersonRole[];
  /** `file:line` of each entry that contributed (a name may appear in several files). */
  sources: string[];
}

export interface RoleHit {
  code: string;
  /** The code goes before the actor's (roles.yaml `prefix: true`). */
  prefix?: boolean;
  phrase: string;
  entry: string;
}

export interface ActorDictionary {
  names: Map<string, NameHit[]>;
  /** Same keys in lower case, used only for all-capital text such as datelines. */
  namesLower: Map<string, NameHit[]>;
  roles: Map<string, RoleHit>;
  countries: Map<string, CountryEntry>;
  byIso2: Map<string, string>;
  people: Person[];
  /** People by the last word of their name and aliases (`Erdogan`), for surnames seen alone. */
  surnames: Map<string, Person[]>;
  /** Every prefix of every name key (and in lower case, and of every role key): a lookup that is no prefix stops early. */
  namePrefixes: Set<string>;
  /** Names that start with a small letter (`al-Shabaab`, `peshmerga`): each such name and its first word. */
  lowerStarts: Set<string>;
  lowerPrefixes: Set<string>;
  rolePrefixes: Set<string>;
}

export interface ActorSources {
  countries: { value: CountryEntry; file: string; line: number }[];
  organisations: { value: { code: string; name: string; aliases: string[]; kind: string; country: string | null }; file: string; line: number }[];
  institutions: { value: { code: string; names: string[] }; file: string; line: number }[];
  roles: { value: { code: string; prefix?: boolean; words: string[] }; file: string; line: number }[];
  people: { value: PersonEntry; file: string; line: number }[];
  /** Absent in actor sources cached before groups existed. */
  groups?: { value: { name: string; aliases: string[]; codes: string[] }; file: string; line: number }[];
  /** Absent in actor sources cached before ethnic groups existed, and in folders without the file. */
  ethnic?: { value: { name: string; adjectives: string[]; demonyms: string[]; countries: string[] }; file: string; line: number }[];
}

const PLAIN = /^[A-Za-z0-9.,&]+(?: [A-Za-z0-9.,&]+)*$/;

/** Folds a phrase for lookup: straight quotes, no diacritics, single spaces, spaces around hyphens removed. */
export function nameKey(s: string): string {
  // Most names are plain ASCII words with single spaces: nothing to fold.
  if (PLAIN.test(s)) return s;
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/[‐‑–]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Role phrases are matched in lower case with hyphens as spaces (`attorney-general` = `attorney general`). */
export function roleKey(s: string): string {
  // Plain words with single spaces (most role phrases) only need lower case.
  if (PLAIN.test(s)) return s.toLowerCase();
  return nameKey(s).toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ');
}

const where = (e: { file: string; line: number }) => `${e.file.split('/').slice(-2).join('/')}:${e.line}`;

export function compileActors(src: ActorSources): ActorDictionary {
  const names = new Map<string, NameHit[]>();
  const add = (name: string, hit: NameHit) => {
    const key = nameKey(name);
    if (!key) return;
    let list = names.get(key);
    if (!list) names.set(key, (list = []));
    if (!list.some((h) => sameHit(h, hit))) list.push(hit);
  };
  const countries = new Map<string, CountryEntry>();
  const byIso2 = new Map<string, string>();
  for (const e of src.countries) {
    const c = e.value;
    const entry = where(e);
    countries.set(c.code, c);
    byIso2.set(c.iso2, c.code);
    for (const n of [c.name, ...c.aliases]) add(n, { type: 'country', code: c.code, entry });
    for (const n of c.adjectives) add(n, { type: 'adjective', code: c.code, entry });
    for (const n of c.demonyms) add(n, { type: 'demonym', code: c.code, entry });
    for (const n of [c.capital, ...c.capital_aliases]) if (n) add(n, { type: 'capital', code: c.code, entry });
    for (const n of c.cities) add(n, { type: 'city', code: c.code, entry });
  }
  for (const e of src.institutions) for (const n of e.value.names) add(n, { type: 'institution', code: e.value.code, entry: where(e) });
  for (const e of src.organisations) {
    const o = e.value;
    for (const n of [o.name, ...o.aliases]) add(n, { type: 'organisation', code: o.code, kind: o.kind, country: o.country, entry: where(e) });
  }
  for (const e of src.ethnic ?? []) {
    const g = e.value;
    const hit: NameHit = { type: 'ethnic', code: g.countries[0], countries: g.countries, entry: where(e) };
    for (const n of [g.name, ...g.adjectives, ...g.demonyms]) add(n, hit);
  }
  for (const e of src.groups ?? []) {
    const g = e.value;
    for (const n of [g.name, ...g.aliases]) add(n, { type: 'group', code: g.codes.join('+'), codes: g.codes, entry: where(e) });
  }
  const people = mergePeople(src.people);
  for (const p of people) {
    const hit: NameHit = { type: 'person', person: p, entry: p.sources[0] };
    add(p.name, hit);
  }
  for (const e of src.people) for (const a of e.value.aliases) {
    const p = people.find((x) => x.name === e.value.name);
    if (p) add(a, { type: 'person', person: p, entry: where(e) });
  }
  const namesLower = new Map<string, NameHit[]>();
  for (const [k, v] of names) {
    const lk = k.toLowerCase();
    const list = namesLower.get(lk);
    if (list) list.push(...v);
    else namesLower.set(lk, [...v]);
  }
  const roles = new Map<string, RoleHit>();
  for (const e of src.roles) {
    for (const w of e.value.words) {
      const key = roleKey(w);
      if (!roles.has(key)) roles.set(key, { code: e.value.code, ...(e.value.prefix ? { prefix: true } : {}), phrase: w, entry: where(e) });
    }
  }
  const surnames = new Map<string, Person[]>();
  const addSurname = (full: string, p: Person) => {
    const words = nameKey(full).split(' ');
    if (words.length < 2) return;
    const last = words[words.length - 1];
    if (last.length < 3 || names.has(last)) return;
    let list = surnames.get(last);
    if (!list) surnames.set(last, (list = []));
    if (!list.includes(p)) list.push(p);
  };
  for (const p of people) {
    addSurname(p.name, p);
    // Family name first for Chinese, Korean and Vietnamese office holders (`Kim Jong Un` -> `Kim`).
    if (p.roles.some((r) => ['CHN', 'TWN', 'HKG', 'MAC', 'KOR', 'PRK', 'VNM'].includes(r.code.slice(0, 3)))) {
      const first = nameKey(p.name).split(' ')[0];
      if (first.length >= 2 && !names.has(first)) {
        let list = surnames.get(first);
        if (!list) surnames.set(first, (list = []));
        if (!list.includes(p)) list.push(p);
      }
    }
  }
  for (const e of src.people) {
    const p = people.find((x) => x.name === e.value.name);
    if (p) for (const a of e.value.aliases) addSurname(a, p);
  }
  const prefixes = (keys: Iterable<string>) => {
    const out = new Set<string>();
    for (const k of keys) for (let n = 1; n <= k.length; n++) out.add(k.slice(0, n));
    return out;
  };
  return {
    names, namesLower, roles, countries, byIso2, people, surnames,
    namePrefixes: prefixes(names.keys()),
    lowerStarts: new Set([...names.keys()].filter((k) => /^\p{Ll}/u.test(k)).flatMap((k) => [k, k.split(' ')[0]])),
    lowerPrefixes: prefixes(namesLower.keys()),
    rolePrefixes: prefixes(roles.keys()),
  };
}

function sameHit(a: NameHit, b: NameHit): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'person' && b.type === 'person') return a.person === b.person;
  return (a as { code: string }).code === (b as { code: string }).code;
}

/** One person per name: entries for the same name in several files are joined, roles in date order. */
function mergePeople(entries: ActorSources['people']): Person[] {
  const byName = new Map<string, Person>();
  for (const e of entries) {
    const key = nameKey(e.value.name);
    let p = byName.get(key);
    if (!p) byName.set(key, (p = { name: e.value.name, roles: [], sources: [] }));
    p.sources.push(where(e));
    for (const r of e.value.roles) {
      if (!p.roles.some((x) => x.code === r.code && x.from === r.from && x.to === r.to)) p.roles.push(r);
    }
  }
  for (const p of byName.values()) p.roles.sort((a, b) => (a.from ?? '0000') < (b.from ?? '0000') ? -1 : 1);
  return [...byName.values()];
}

/**
 * The person's role of a sector (and country, if given) nearest to `date`: `Russian Foreign Minister Andrei Kozyrev`
 * in an undated story names the office, whatever the date says. Null when no role fits.
 */
export function personRoleByTitle(person: Person, sector: string, country: string | null, date: string | null): { code: string; title: string | null; rule: string } | null {
  const fits = person.roles.filter((r) => r.code.slice(3, 6) === sector.slice(0, 3) && (!country || r.code.startsWith(country)));
  if (!fits.length) return null;
  const distance = (r: (typeof fits)[number]) => {
    if (!date) return 0;
    if (r.to && r.to < date) return Date.parse(date) - Date.parse(r.to);
    if (r.from && r.from > date) return Date.parse(r.from) - Date.parse(date);
    return 0;
  };
  const r = fits.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  return { code: r.code, title: r.title ?? null, rule: 'person-role-by-title' };
}

/** The code a person had on `date`: the role in force, else ELI of the nearest earlier role's country, else the first role. */
export function personCodeOn(person: Person, date: string | null): { code: string; title: string | null; rule: string } {
  const roles = person.roles;
  if (!date) {
    const last = roles[roles.length - 1];
    return { code: last.code, title: last.title ?? null, rule: 'person-latest-role' };
  }
  const inForce = roles.filter((r) => (!r.from || r.from <= date) && (!r.to || date <= r.to));
  if (inForce.length) {
    // Prefer the most recently started role when offices overlap (a minister who became president).
    const r = inForce[inForce.length - 1];
    return { code: r.code, title: r.title ?? null, rule: 'person-role-on-date' };
  }
  const before = roles.filter((r) => r.to && r.to < date);
  if (before.length) {
    const r = before[before.length - 1];
    return { code: r.code.slice(0, 3) + 'ELI', title: r.title ? `former ${r.title}` : null, rule: 'person-former-role' };
  }
  const first = roles[0];
  return { code: first.code, title: first.title ?? null, rule: 'person-future-role' };
}
