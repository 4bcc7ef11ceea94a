// `dyad dict check`: validates a dictionary folder (schemas, duplicate and conflicting names, role words, codes,
// date ranges, declared event codes, duplicate patterns, topics) and returns every problem with file:line. Reads only; never prints or exits.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DyadError } from '../model/errors.js';
import { nameKey, roleKey, type ActorSources } from './actor-dictionary.js';
import { loadDiscards } from './discards.js';
import { loadEventPatterns, type EventPattern } from './event-patterns.js';
import { defaultDataDir, readActorSources, topicDir, type Problem } from './load.js';
import { addDeclaredCodes, loadOntology, loadPloverContexts } from './ontology.js';
import { countrySchema } from './schema.js';
import { loadTopics, type Topics } from './topics.js';
import { readYamlList } from './yaml-file.js';

export type Severity = 'error' | 'warning';

export interface CheckMessage {
  severity: Severity;
  file: string;
  line: number;
  message: string;
}

export interface CheckOptions {
  dataDir?: string;
  /** A dyad-format dictionary folder (actors/, events/) checked in place of the built-in one. */
  dictDir?: string;
}

export interface CheckResult {
  messages: CheckMessage[];
  errors: number;
  warnings: number;
  /** What was checked: counts of entries by kind. */
  counts: Record<string, number>;
}

export interface CodeBlock {
  code: string;
  kind: 'prefix' | 'role';
  meaning: string;
}

/** Reads a code list (data/ontology/actor-roles.tsv, or a folder's actors/codes.tsv): `code<TAB>kind<TAB>meaning`. */
export function readCodeList(file: string, out: Map<string, Set<'prefix' | 'role'>>, messages?: CheckMessage[]): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#') || line.startsWith('code\t')) return;
    const [code, kind] = line.split('\t');
    if (!/^[A-Z0-9]{3}$/.test(code ?? '') || (kind !== 'prefix' && kind !== 'role')) {
      const message = 'expected `CODE<TAB>prefix|role<TAB>meaning` with a three-letter code';
      if (messages) messages.push({ severity: 'error', file, line: i + 1, message });
      else throw new DyadError('DICT_INVALID', message, { where: `${file}:${i + 1}` });
      return;
    }
    let kinds = out.get(code);
    if (!kinds) out.set(code, (kinds = new Set()));
    kinds.add(kind);
  });
}

const ACTOR_FILES = new Set(['countries.yaml', 'organisations.yaml', 'institutions.yaml', 'roles.yaml', 'groups.yaml', 'ethnic-groups.yaml']);

interface NameRecord {
  kind: 'country' | 'adjective' | 'demonym' | 'capital' | 'city' | 'institution' | 'organisation' | 'group' | 'ethnic' | 'person';
  code: string;
  name: string;
  file: string;
  line: number;
}

/** Checks every dictionary file of `dataDir` (or of `dictDir`, with the built-in ontology). */
export function checkDictionaries(options: CheckOptions = {}): CheckResult {
  const dataDir = options.dataDir ?? defaultDataDir();
  const messages: CheckMessage[] = [];
  const err = (file: string, line: number, message: string) => messages.push({ severity: 'error', file, line, message });
  const warn = (file: string, line: number, message: string) => messages.push({ severity: 'warning', file, line, message });
  const counts: Record<string, number> = {};
  const root = options.dictDir ?? dataDir;
  const actorDir = join(root, 'actors');
  const eventDir = join(root, 'events');
  for (const dir of [actorDir, eventDir]) {
    if (!existsSync(dir)) err(dir, 0, `missing folder ${basename(dir)}/`);
  }

  let cameo = new Set<string>();
  const ontologyFile = join(dataDir, 'ontology', 'cameo.tsv');
  try {
    const ontology = loadOntology(ontologyFile);
    cameo = new Set(ontology.keys());
    // A dictionary folder's own event codes (events/codes.tsv): checked, then usable by its patterns.
    const declaredFile = join(eventDir, 'codes.tsv');
    if (options.dictDir && existsSync(declaredFile)) {
      const codeProblems: Problem[] = [];
      const all = addDeclaredCodes(ontology, declaredFile, codeProblems);
      for (const p of codeProblems) err(p.file, p.line, p.message);
      counts['event codes declared'] = all.size - ontology.size;
      cameo = new Set(all.keys());
    }
  } catch (e) {
    pushThrown(messages, e, ontologyFile);
  }
  const blocks = new Map<string, Set<'prefix' | 'role'>>();
  const rolesFile = join(dataDir, 'ontology', 'actor-roles.tsv');
  if (existsSync(rolesFile)) readCodeList(rolesFile, blocks, messages);
  else err(rolesFile, 0, 'missing list of actor code blocks');
  const extraCodes = join(actorDir, 'codes.tsv');
  if (options.dictDir && existsSync(extraCodes)) readCodeList(extraCodes, blocks, messages);

  // Actors.
  const problems: Problem[] = [];
  let sources: ActorSources = { countries: [], organisations: [], institutions: [], roles: [], people: [] };
  if (existsSync(actorDir)) {
    sources = readActorSources(actorDir, problems);
    for (const f of readdirSync(actorDir)) {
      if (f.endsWith('.yaml') && !ACTOR_FILES.has(f)) warn(join(actorDir, f), 1, `not read by dyad: actor files are ${[...ACTOR_FILES].join(', ')} and people/*.yaml`);
    }
  }
  for (const p of problems.splice(0)) err(p.file, p.line, p.message);
  counts.countries = sources.countries.length;
  counts.organisations = sources.organisations.length;
  counts.institutions = sources.institutions.length;
  counts.roles = sources.roles.length;
  counts.people = sources.people.length;
  counts.groups = sources.groups?.length ?? 0;
  counts['ethnic groups'] = sources.ethnic?.length ?? 0;

  const countries = new Set(sources.countries.map((c) => c.value.code));
  if (options.dictDir) {
    // ISO codes stay valid in a custom folder: its countries.yaml may list only some countries.
    const builtIn = join(dataDir, 'actors', 'countries.yaml');
    if (existsSync(builtIn)) for (const c of readYamlList(builtIn, countrySchema, [])) countries.add(c.value.code);
  }
  const isRole = (b: string) => blocks.get(b)?.has('role') ?? false;
  const isPrefix = (b: string) => blocks.get(b)?.has('prefix') ?? false;
  const checkCode = (code: string, file: string, line: number, what: string, named = false) => {
    const first = code.slice(0, 3);
    if (countries.has(first)) {
      // A named group's code may end in blocks that identify it (PSEREBHMS: Hamas); only its role block is checked.
      for (let i = 3; i < (named ? Math.min(code.length, 6) : code.length); i += 3) {
        const b = code.slice(i, i + 3);
        if (!isRole(b)) err(file, line, `${what} ${code}: ${b} is not a known role code (data/ontology/actor-roles.tsv)`);
      }
    } else if (!isPrefix(first)) {
      err(file, line, `${what} ${code}: ${first} is neither a country in countries.yaml nor a known non-state prefix (IGO, NGO, MNC, ...)`);
    }
  };
  for (const e of sources.organisations) {
    checkCode(e.value.code, e.file, e.line, 'organisation code', true);
    if (e.value.country && !countries.has(e.value.country)) err(e.file, e.line, `country ${e.value.country} is not in countries.yaml`);
  }
  for (const e of sources.institutions) checkCode(e.value.code, e.file, e.line, 'institution code');
  for (const e of sources.groups ?? []) for (const c of e.value.codes) checkCode(c, e.file, e.line, `group "${e.value.name}" code`);
  for (const e of sources.ethnic ?? []) {
    for (const c of e.value.countries) if (!countries.has(c)) err(e.file, e.line, `ethnic group "${e.value.name}": country ${c} is not in countries.yaml`);
  }
  for (const e of sources.people) for (const r of e.value.roles) checkCode(r.code, e.file, e.line, `role code of ${e.value.name}:`);
  for (const e of sources.roles) {
    for (let i = 0; i < e.value.code.length; i += 3) {
      const b = e.value.code.slice(i, i + 3);
      // A prefix role (`MSF` -> NGO before the country) may use a non-state prefix block.
      if (e.value.prefix && (isPrefix(b) || isRole(b))) continue;
      if (!isRole(b)) err(e.file, e.line, `role words code ${e.value.code}: ${b} is not a known role code (data/ontology/actor-roles.tsv)`);
    }
  }

  checkNames(sources, err, warn);
  checkRoleWords(sources, err, warn);
  checkPeople(sources, err, warn);

  // Events and discards.
  if (existsSync(eventDir)) {
    let patterns: EventPattern[] = [];
    try {
      patterns = loadEventPatterns(eventDir, cameo, problems).all;
    } catch (e) {
      pushThrown(messages, e, eventDir);
    }
    for (const p of problems.splice(0)) err(p.file, p.line, p.message);
    counts.patterns = patterns.length;
    const seen = new Map<string, { code: string; file: string; line: number }>();
    for (const p of patterns) {
      const [rel, lineText] = p.id.split(':');
      const file = join(eventDir, basename(rel));
      const line = Number(lineText);
      if (!p.example) warn(file, line, `pattern "${p.text}" has no example sentence`);
      const key = (p.pairSubject ? '{pair} ' : '') + p.elements
        .map((e) => (e.kind === 'slot' ? `{${e.slot}}` : `${e.adjacent ? '_' : ''}${e.optional ? '?' : ''}${[...e.alts].sort().join('/')}`))
        .join(' ');
      const first = seen.get(key);
      if (!first) seen.set(key, { code: p.code, file, line });
      else if (first.code === p.code) err(file, line, `duplicate pattern "${p.text}" (${p.code}), first at ${first.file}:${first.line}`);
      else err(file, line, `pattern "${p.text}" is coded ${p.code} here and ${first.code} at ${first.file}:${first.line}: only one can ever apply`);
    }
    const discardFile = join(eventDir, 'discards.txt');
    const discards = loadDiscards(discardFile, problems).all;
    for (const p of problems.splice(0)) err(p.file, p.line, p.message);
    counts.discards = discards.length;
    const seenDiscard = new Map<string, number>();
    for (const d of discards) {
      const line = Number(d.id.split(':')[1]);
      const key = `${d.scope} ${d.words.map((w) => w.join('/')).join(' ')}`;
      const first = seenDiscard.get(key);
      if (first) warn(discardFile, line, `duplicate discard "${d.phrase}", first at line ${first}`);
      else seenDiscard.set(key, line);
    }
  }

  // Topics: the folder's own topics/ when it has one, else the built-in ones.
  const topicsDir = topicDir(dataDir, options.dictDir);
  if (existsSync(topicsDir)) {
    let contexts = new Set<string>();
    const ploverFile = join(dataDir, 'ontology', 'plover.yaml');
    try {
      contexts = loadPloverContexts(ploverFile);
    } catch (e) {
      pushThrown(messages, e, ploverFile);
    }
    const topics = loadTopics(topicsDir, contexts, problems);
    for (const p of problems.splice(0)) err(p.file, p.line, p.message);
    counts.topics = topics.all.length;
    counts['topic phrases'] = topics.phrases;
    checkTopicPhrases(topics, topicsDir, warn);
  }

  messages.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const errors = messages.filter((m) => m.severity === 'error').length;
  return { messages, errors, warnings: messages.length - errors, counts };
}

type Report = (file: string, line: number, message: string) => void;

function pushThrown(messages: CheckMessage[], e: unknown, fallback: string): void {
  if (!(e instanceof DyadError)) throw e;
  const m = /^(.*):(\d+)$/.exec(e.where ?? '');
  const text = e.where ? e.message.slice(e.where.length + 2) : e.message;
  messages.push({ severity: 'error', file: m ? m[1] : (e.where ?? fallback), line: m ? Number(m[2]) : 0, message: text });
}

const at = (r: { file: string; line: number }) => `${r.file}:${r.line}`;

/**
 * Names: one name under two codes of the same kind of actor (two organisations, two countries, two people) is an error,
 * since the coder would pick one at random. A name shared by different kinds (a country and a person, a city and
 * an organisation) is a warning: the coder ranks kinds (person, institution, organisation, country, capital,
 * adjective, demonym, city), so it is deterministic but may be unintended. Ambiguous city names are not reported.
 */
function checkNames(src: ActorSources, err: Report, warn: Report): void {
  const byKey = new Map<string, NameRecord[]>();
  const add = (r: NameRecord) => {
    const key = nameKey(r.name);
    if (!key) return;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(r);
  };
  for (const e of src.countries) {
    const c = e.value;
    const base = { code: c.code, file: e.file, line: e.line };
    for (const n of [c.name, ...c.aliases]) add({ ...base, kind: 'country', name: n });
    for (const n of c.adjectives) add({ ...base, kind: 'adjective', name: n });
    for (const n of c.demonyms) add({ ...base, kind: 'demonym', name: n });
    for (const n of [c.capital, ...c.capital_aliases]) if (n) add({ ...base, kind: 'capital', name: n });
    for (const n of c.cities) add({ ...base, kind: 'city', name: n });
  }
  for (const e of src.institutions) for (const n of e.value.names) add({ kind: 'institution', code: e.value.code, name: n, file: e.file, line: e.line });
  for (const e of src.organisations) {
    for (const n of [e.value.name, ...e.value.aliases]) add({ kind: 'organisation', code: e.value.code, name: n, file: e.file, line: e.line });
  }
  for (const e of src.groups ?? []) {
    for (const n of [e.value.name, ...e.value.aliases]) add({ kind: 'group', code: e.value.codes.join('+'), name: n, file: e.file, line: e.line });
  }
  for (const e of src.ethnic ?? []) {
    for (const n of [e.value.name, ...e.value.adjectives, ...e.value.demonyms]) add({ kind: 'ethnic', code: e.value.countries.join('+'), name: n, file: e.file, line: e.line });
  }
  for (const e of src.people) {
    const who = `person:${nameKey(e.value.name)}`;
    for (const n of [e.value.name, ...e.value.aliases]) add({ kind: 'person', code: who, name: n, file: e.file, line: e.line });
  }
  const actorKind = (k: NameRecord['kind']) => (k === 'institution' || k === 'organisation' || k === 'group' ? 'named' : k);
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const first = list[0];
    for (let i = 1; i < list.length; i++) {
      const r = list[i];
      const earlier = list.slice(0, i);
      if (earlier.some((x) => x.code === r.code && x.kind === r.kind)) {
        // The same name for the same actor twice: only worth a note when it is listed in two entries.
        const twin = earlier.find((x) => x.code === r.code && x.kind === r.kind)!;
        if ((twin.file !== r.file || twin.line !== r.line) && r.kind !== 'person') warn(r.file, r.line, `"${r.name}" (${r.code}) is also listed at ${at(twin)}`);
        continue;
      }
      const clash = earlier.find((x) => actorKind(x.kind) === actorKind(r.kind) && x.code !== r.code);
      const describe = (x: NameRecord) => (x.kind === 'person' ? `a person at ${at(x)}` : `${x.kind} ${x.code} at ${at(x)}`);
      if (clash && r.kind !== 'city') {
        err(r.file, r.line, `"${r.name}" names ${r.kind === 'person' ? 'a person' : `${r.kind} ${r.code}`} here and ${describe(clash)}`);
      } else if (!clash && r.kind !== 'city' && !earlier.every((x) => x.kind === 'city')) {
        const other = earlier.find((x) => x.code !== r.code) ?? first;
        if (other.code !== r.code) warn(r.file, r.line, `"${r.name}" names ${r.kind === 'person' ? 'a person' : `${r.kind} ${r.code}`} here and ${describe(other)} (the coder prefers person, institution, organisation, country, capital, adjective, demonym, ethnic group, city)`);
      }
    }
  }
}

/** A role word under two codes is an error (the first file wins silently); the same word twice under one code a warning. */
function checkRoleWords(src: ActorSources, err: Report, warn: Report): void {
  const seen = new Map<string, { code: string; file: string; line: number; word: string }>();
  for (const e of src.roles) {
    for (const w of e.value.words) {
      const key = roleKey(w);
      const first = seen.get(key);
      if (!first) seen.set(key, { code: e.value.code, file: e.file, line: e.line, word: w });
      else if (first.code !== e.value.code) err(e.file, e.line, `role word "${w}" is ${e.value.code} here and ${first.code} at ${at(first)} ("${first.word}")`);
      else warn(e.file, e.line, `role word "${w}" is listed twice under ${e.value.code} (also at ${at(first)})`);
    }
  }
}

/**
 * People: `from` after `to` is an error. Overlapping roles with different codes of the same country are legitimate
 * (a minister who is also party leader) and not reported; overlapping roles of different countries are a warning
 * (the coder takes the role that started last). A person listed twice is a warning (roles are merged), and an error
 * when the two entries give overlapping roles with different codes.
 */
function checkPeople(src: ActorSources, err: Report, warn: Report): void {
  const byName = new Map<string, { name: string; file: string; line: number; roles: ActorSources['people'][number]['value']['roles'] }[]>();
  for (const e of src.people) {
    const p = e.value;
    for (const r of p.roles) {
      if (r.from && r.to && r.from > r.to) err(e.file, e.line, `${p.name}: role ${r.code} runs from ${r.from} to an earlier date ${r.to}`);
    }
    for (let i = 0; i < p.roles.length; i++) {
      for (let j = i + 1; j < p.roles.length; j++) {
        const a = p.roles[i];
        const b = p.roles[j];
        if (a.code.slice(0, 3) !== b.code.slice(0, 3) && overlap(a, b)) {
          warn(e.file, e.line, `${p.name}: roles ${a.code} (${range(a)}) and ${b.code} (${range(b)}) overlap across countries; the later start wins`);
        }
      }
    }
    const key = nameKey(p.name);
    let list = byName.get(key);
    if (!list) byName.set(key, (list = []));
    list.push({ name: p.name, file: e.file, line: e.line, roles: p.roles });
  }
  for (const [, list] of byName) {
    for (let i = 1; i < list.length; i++) {
      const cur = list[i];
      const prev = list[0];
      const conflict = cur.roles.flatMap((a) => prev.roles.filter((b) => b.code !== a.code && overlap(a, b)).map((b) => [a, b] as const))[0];
      if (conflict) {
        const [a, b] = conflict;
        err(cur.file, cur.line, `${cur.name}: person listed twice with conflicting roles: ${a.code} (${range(a)}) here, ${b.code} (${range(b)}) at ${at(prev)}`);
      } else {
        warn(cur.file, cur.line, `${cur.name}: person also listed at ${at(prev)}; the roles are merged`);
      }
    }
  }
}

/** The same phrase twice in one topic is a warning (it changes nothing); in two topics it is allowed and marks both. */
function checkTopicPhrases(topics: Topics, dir: string, warn: Report): void {
  for (const t of topics.all) {
    const [rel, line] = t.entry.split(':');
    const seen = new Set<string>();
    for (const p of [...t.phrases, ...t.except.map((x) => `except ${x}`)]) {
      const key = p.trim().toLowerCase().replace(/\s+/g, ' ');
      if (seen.has(key)) warn(join(dir, basename(rel)), Number(line), `${t.id}: "${p.trim()}" is listed twice`);
      seen.add(key);
    }
  }
}

type Range = { from?: string | null; to?: string | null };
function overlap(a: Range, b: Range): boolean {
  const aFrom = a.from ?? '0000-00-00';
  const bFrom = b.from ?? '0000-00-00';
  const aTo = a.to ?? '9999-99-99';
  const bTo = b.to ?? '9999-99-99';
  if (!(aFrom <= bTo && bFrom <= aTo)) return false;
  // A handover on one day (`to: 2013-07-14` then `from: 2013-07-14`) is the files' convention, not an overlap.
  const single = aFrom === aTo || bFrom === bTo;
  return single || (aTo !== bFrom && bTo !== aFrom);
}
function range(r: Range): string {
  return `${r.from ?? '…'} to ${r.to ?? '…'}`;
}
