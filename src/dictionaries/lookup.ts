// `dyad dict lookup`: what a phrase codes to and why (names, role words, event patterns, topics), with file:line of each entry.
// Pure: reads loaded dictionaries and returns results plus a text rendering; never prints or loads files.
import { nameKey, personCodeOn, roleKey, type NameHit, type Person, type RoleHit } from './actor-dictionary.js';
import type { EventPattern } from './event-patterns.js';
import type { Dictionaries } from './load.js';
import type { PersonRole } from './schema.js';
import { scanTopics, type Topic } from './topics.js';

export interface NameResult {
  text: string;
  hit: NameHit;
  /** The code the name gives as an actor on the date, and how. */
  code: string;
  detail: string;
}

export interface RoleResult {
  text: string;
  role: RoleHit;
  /** A country named before the role word (`Kazakh lawmakers`): the combined code. */
  country: { text: string; code: string; entry: string } | null;
}

export interface PatternResult {
  pattern: EventPattern;
  name: string;
  /** true when every word of the pattern is in the phrase; false when only its trigger is. */
  full: boolean;
}

export interface TopicResult {
  topic: Topic;
  /** The words of the looked-up phrase that marked it, and the topic phrase they matched. */
  text: string;
  phrase: string;
}

export interface LookupResult {
  phrase: string;
  date: string;
  names: NameResult[];
  roles: RoleResult[];
  patterns: PatternResult[];
  topics: TopicResult[];
  found: boolean;
}

/** The file:line of an entry as written from the dictionary root (`actors/people/asia.yaml:123`). */
export function entryPath(entry: string): string {
  return entry.startsWith('people/') ? `actors/${entry}` : entry;
}

export function lookupPhrase(dicts: Dictionaries, phrase: string, date: string): LookupResult {
  const text = phrase.trim().replace(/\s+/g, ' ');
  const names = lookupNames(dicts, text, date);
  const roles: RoleResult[] = [];
  const role = lookupRole(dicts, text);
  if (role) roles.push({ text, role, country: null });
  // `Kazakh lawmakers`, `Kazakhstan's parliament`: a country name or adjective followed by a role phrase.
  if (!names.length && !role) {
    const words = text.split(' ');
    for (let k = 1; k < words.length; k++) {
      const left = words.slice(0, k).join(' ').replace(/['’]s$/, '');
      const right = words.slice(k).join(' ');
      const hits = dicts.actors.names.get(nameKey(left)) ?? [];
      const country = hits.find((h) => h.type === 'country' || h.type === 'adjective' || h.type === 'demonym' || h.type === 'capital');
      const r = lookupRole(dicts, right);
      if (country && r) {
        roles.push({ text: right, role: r, country: { text: left, code: (country as { code: string }).code, entry: country.entry } });
        break;
      }
    }
  }
  const patterns = matchPatterns(dicts, text);
  const topics = matchTopics(dicts, text);
  return { phrase: text, date, names, roles, patterns, topics, found: names.length + roles.length + patterns.length + topics.length > 0 };
}

/** Topic phrases in the looked-up phrase. Without a tagger, a word's lemma is the first base form some topic phrase uses. */
function matchTopics(dicts: Dictionaries, text: string): TopicResult[] {
  const words = text.split(' ').flatMap((w) => {
    const m = /^([("“]*)(.*?)(['’]s|['’])?([)"”.,;:!?]*)$/.exec(w)!;
    return [m[2], m[3]].filter((x): x is string => Boolean(x));
  });
  const lower = words.map((w) => w.toLowerCase());
  const lemma = lower.map((w) => baseForms(w).find((f) => dicts.topics.words.has(f)) ?? w);
  return scanTopics({ text: words, lower, lemma }, 0, words.length, dicts.topics).map((h) => ({
    topic: h.phrase.topic,
    text: words.slice(h.tokenStart, h.tokenEnd).join(' ').replace(/ (['’])/g, '$1'),
    phrase: h.phrase.phrase,
  }));
}

function lookupNames(dicts: Dictionaries, text: string, date: string): NameResult[] {
  const key = nameKey(text.replace(/^the\s+/i, ''));
  const hits = dicts.actors.names.get(key) ?? dicts.actors.names.get(nameKey(text)) ?? dicts.actors.namesLower.get(key.toLowerCase()) ?? [];
  return hits.map((hit) => {
    if (hit.type === 'person') {
      const { code, detail } = describePerson(hit.person, date);
      return { text, hit, code, detail };
    }
    const code = hit.code;
    switch (hit.type) {
      case 'country':
        return { text, hit, code, detail: `as an actor alone: ${code}GOV (the country acts through its government)` };
      case 'capital':
        return { text, hit, code, detail: `capital: as an actor ${code}GOV; as a place, ${code}` };
      case 'city':
        return { text, hit, code, detail: 'a place only, never a government' };
      case 'adjective':
      case 'demonym':
        return { text, hit, code, detail: `with a role word: ${code}+sector (\`${text} officials\` -> ${code}GOV)` };
      case 'organisation':
        return { text, hit, code, detail: `${hit.kind}${hit.country ? ` of ${hit.country}` : ''}` };
      case 'group':
        return { text, hit, code, detail: `a compound actor: one event for each of ${hit.codes.join(', ')}` };
      default:
        return { text, hit, code, detail: '' };
    }
  });
}

function describePerson(person: Person, date: string): { code: string; detail: string } {
  const held = personCodeOn(person, date);
  const inForce = person.roles.filter((r) => (!r.from || r.from <= date) && (!r.to || date <= r.to));
  const role: PersonRole | undefined = inForce[inForce.length - 1];
  let detail: string;
  if (role) detail = [role.title, role.from ? `from ${role.from}` : null, role.to ? `to ${role.to}` : null].filter(Boolean).join(', ');
  else if (held.rule === 'person-former-role') detail = `no office on that date; ${held.title ?? 'former office'}: country kept as ELI`;
  else if (held.rule === 'person-future-role') detail = `no office yet on that date; first role used${held.title ? `: ${held.title}` : ''}`;
  else detail = held.title ?? '';
  return { code: held.code, detail };
}

function lookupRole(dicts: Dictionaries, text: string): RoleHit | null {
  const words = roleKey(text).split(' ');
  const last = words[words.length - 1];
  for (const form of baseForms(last)) {
    const hit = dicts.actors.roles.get([...words.slice(0, -1), form].join(' '));
    if (hit) return hit;
  }
  return null;
}

const IRREGULAR: Record<string, string> = {
  held: 'hold', met: 'meet', said: 'say', made: 'make', took: 'take', taken: 'take', gave: 'give', given: 'give', sent: 'send',
  went: 'go', gone: 'go', came: 'come', broke: 'break', broken: 'break', fought: 'fight', sought: 'seek', left: 'leave',
  led: 'lead', struck: 'strike', threw: 'throw', thrown: 'throw', told: 'tell', paid: 'pay', won: 'win', shot: 'shoot',
  lent: 'lend', bought: 'buy', brought: 'bring', began: 'begin', begun: 'begin', spoke: 'speak', spoken: 'speak',
  was: 'be', were: 'be', is: 'be', are: 'be', been: 'be', being: 'be', has: 'have', had: 'have', did: 'do', does: 'do',
  done: 'do', wrote: 'write', written: 'write', drew: 'draw', drawn: 'draw', chose: 'choose', chosen: 'choose', fled: 'flee',
  stood: 'stand', kept: 'keep', felt: 'feel', sold: 'sell', sank: 'sink', withdrew: 'withdraw', withdrawn: 'withdraw',
  forgave: 'forgive', forgiven: 'forgive', rose: 'rise', risen: 'rise', saw: 'see', seen: 'see', laid: 'lay', caught: 'catch',
  fell: 'fall', fallen: 'fall', froze: 'freeze', frozen: 'freeze', stole: 'steal', swore: 'swear', sworn: 'swear', men: 'man',
  women: 'woman', people: 'person',
};

/** Candidate base forms of an English word (plural, past, participle), the word itself first. */
export function baseForms(word: string): string[] {
  const w = word.toLowerCase();
  const out = [w];
  const push = (s: string) => {
    if (s.length > 1 && !out.includes(s)) out.push(s);
  };
  if (IRREGULAR[w]) push(IRREGULAR[w]);
  if (w.endsWith('ies')) push(w.slice(0, -3) + 'y');
  if (w.endsWith('es')) push(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) push(w.slice(0, -1));
  if (w.endsWith('ied')) push(w.slice(0, -3) + 'y');
  if (w.endsWith('ed')) {
    push(w.slice(0, -2));
    push(w.slice(0, -1));
    if (/(.)\1ed$/.test(w)) push(w.slice(0, -3));
  }
  if (w.endsWith('ing')) {
    push(w.slice(0, -3));
    push(w.slice(0, -3) + 'e');
    if (/(.)\1ing$/.test(w)) push(w.slice(0, -4));
  }
  return out;
}

/** Patterns whose words occur in the phrase in order (at most three other words between two of them). */
function matchPatterns(dicts: Dictionaries, text: string): PatternResult[] {
  const tokens = text.toLowerCase().replace(/[.,;:!?"“”()]/g, ' ').replace(/['’]s\b/g, ' ').split(/\s+/).filter(Boolean);
  const forms = tokens.map((t) => baseForms(t));
  const has = (i: number, alts: string[]) => forms[i].some((f) => alts.includes(f));
  const full: PatternResult[] = [];
  const partial: PatternResult[] = [];
  const seen = new Set<EventPattern>();
  for (let i = 0; i < tokens.length; i++) {
    for (const f of forms[i]) {
      for (const p of dicts.events.byTrigger.get(f) ?? []) {
        if (seen.has(p)) continue;
        seen.add(p);
        const name = dicts.ontology.get(p.code)?.name ?? '';
        if (matchesFrom(p, i, tokens.length, has)) full.push({ pattern: p, name, full: true });
        else partial.push({ pattern: p, name, full: false });
      }
    }
  }
  return full.length ? full : partial;
}

function matchesFrom(p: EventPattern, start: number, n: number, has: (i: number, alts: string[]) => boolean): boolean {
  let pos = start;
  let gap = 0;
  for (let k = 1; k < p.elements.length; k++) {
    const e = p.elements[k];
    if (e.kind === 'slot') {
      gap = n; // an actor may stand here: any number of words
      continue;
    }
    let found = -1;
    for (let j = pos + 1; j < n && j <= pos + 1 + (e.adjacent && !gap ? 0 : Math.max(gap, 3)); j++) {
      if (has(j, e.alts)) {
        found = j;
        break;
      }
    }
    if (found < 0) {
      if (e.optional) continue;
      return false;
    }
    pos = found;
    gap = 0;
  }
  return true;
}

/** The lookup as text, one finding a line, each naming its dictionary entry. */
export function formatLookup(r: LookupResult): string {
  const lines: string[] = [];
  for (const n of r.names) {
    const h = n.hit;
    if (h.type === 'person') {
      lines.push(`${n.text}: person (${entryPath(h.entry)}) -> ${n.code} on ${r.date}${n.detail ? ` (${n.detail})` : ''}`);
      for (const role of h.person.roles) {
        const span = `${role.from ?? '…'} to ${role.to ?? '…'}`;
        lines.push(`  role ${role.code} ${span}${role.title ? `: ${role.title}` : ''}`);
      }
      if (h.person.sources.length > 1) lines.push(`  listed at ${h.person.sources.map(entryPath).join(', ')}`);
    } else {
      lines.push(`${n.text}: ${h.type} (${entryPath(h.entry)}) -> ${n.code}${n.detail ? ` (${n.detail})` : ''}`);
    }
  }
  for (const x of r.roles) {
    if (x.country) {
      lines.push(`${x.country.text} ${x.text}: country ${x.country.code} (${entryPath(x.country.entry)}) + role word "${x.role.phrase}" (${entryPath(x.role.entry)}) -> ${x.country.code}${x.role.code}`);
    } else {
      lines.push(`${x.text}: role word "${x.role.phrase}" (${entryPath(x.role.entry)}) -> sector ${x.role.code} (with a country: \`Kazakh ${x.text}\` -> KAZ${x.role.code})`);
    }
  }
  const shown = r.patterns.slice(0, 25);
  for (const p of shown) {
    const where = p.pattern.id.startsWith('events/') ? p.pattern.id : `events/${p.pattern.id.split('/').pop()}`;
    lines.push(`${p.full ? 'event' : 'trigger only'} ${p.pattern.code} ${p.name}: "${p.pattern.text}" (${where})`);
  }
  if (r.patterns.length > shown.length) lines.push(`... and ${r.patterns.length - shown.length} more patterns`);
  for (const t of r.topics) {
    const contexts = t.topic.contexts.length ? `PLOVER context ${t.topic.contexts.join(', ')}` : 'no PLOVER context';
    lines.push(`topic ${t.topic.id} ${t.topic.label}: "${t.text}" matches "${t.phrase}" (${t.topic.entry}) -> ${contexts}`);
  }
  if (!r.found) lines.push(`${r.phrase}: no name, role word, event pattern or topic`);
  return lines.join('\n') + '\n';
}
