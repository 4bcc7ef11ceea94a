// dyad dict lookup: people with the role in force on a date, countries, role words and event patterns, each with file:line.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDictionaries } from './load.js';
import { baseForms, formatLookup, lookupPhrase } from './lookup.js';

function smallDict(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-lookup-'));
  mkdirSync(join(dir, 'actors', 'people'), { recursive: true });
  mkdirSync(join(dir, 'events'), { recursive: true });
  writeFileSync(join(dir, 'actors', 'countries.yaml'), '- code: KAZ\n  iso2: KZ\n  name: Kazakhstan\n  adjectives: [Kazakh]\n  capital: Astana\n');
  writeFileSync(join(dir, 'actors', 'roles.yaml'), '- code: LEG\n  words: [lawmaker, speaker]\n');
  writeFileSync(
    join(dir, 'actors', 'people', 'asia.yaml'),
    '# people\n- name: Zhao Leji\n  roles:\n    - {code: CHNGOV, title: Secretary of the CCDI, from: 2017-10-25, to: 2022-10-23}\n    - {code: CHNLEG, title: Chairman of the NPC Standing Committee, from: 2023-03-10}\n',
  );
  writeFileSync(join(dir, 'events', '04-consult.txt'), '040 | hold talks with {target} | China held talks with Kazakhstan.\n042 | visit {target} | Zhao visited Kazakhstan.\n');
  return dir;
}

describe('dyad dict lookup', () => {
  const dicts = loadDictionaries({ dictDir: smallDict() });

  it('gives a person the role in force on the date, with the entry and the title', () => {
    const text = formatLookup(lookupPhrase(dicts, 'Zhao Leji', '2024-04-25'));
    expect(text.split('\n')[0]).toBe('Zhao Leji: person (actors/people/asia.yaml:2) -> CHNLEG on 2024-04-25 (Chairman of the NPC Standing Committee, from 2023-03-10)');
    expect(formatLookup(lookupPhrase(dicts, 'Zhao Leji', '2020-01-01'))).toMatch(/-> CHNGOV on 2020-01-01 \(Secretary of the CCDI, from 2017-10-25, to 2022-10-23\)/);
    expect(formatLookup(lookupPhrase(dicts, 'Zhao Leji', '2023-01-01'))).toMatch(/-> CHNELI on 2023-01-01 \(no office on that date/);
  });

  it('explains countries, capitals, role words and country + role phrases', () => {
    expect(formatLookup(lookupPhrase(dicts, 'Kazakhstan', '2024-01-01'))).toMatch(/^Kazakhstan: country \(actors\/countries.yaml:1\) -> KAZ \(as an actor alone: KAZGOV/);
    expect(formatLookup(lookupPhrase(dicts, 'Astana', '2024-01-01'))).toMatch(/^Astana: capital .* -> KAZ/);
    expect(formatLookup(lookupPhrase(dicts, 'lawmakers', '2024-01-01'))).toMatch(/^lawmakers: role word "lawmaker" \(actors\/roles.yaml:1\) -> sector LEG/);
    expect(formatLookup(lookupPhrase(dicts, 'Kazakh lawmakers', '2024-01-01'))).toMatch(/-> KAZLEG/);
  });

  it('lists event patterns whose words the phrase matches, with code, name and file:line', () => {
    const r = lookupPhrase(dicts, 'held talks with Kazakhstan', '2024-01-01');
    expect(r.patterns.map((p) => [p.pattern.code, p.full])).toEqual([['040', true]]);
    expect(formatLookup(r)).toContain('event 040 Consult: "hold talks with {target}" (events/04-consult.txt:1)');
  });

  it('says so when nothing matches', () => {
    const r = lookupPhrase(dicts, 'zebra crossing', '2024-01-01');
    expect(r.found).toBe(false);
    expect(formatLookup(r)).toMatch(/no name, role word, event pattern or topic/);
  });

  it('lists the topics a phrase names, with their PLOVER contexts (the built-in topics when the folder has none)', () => {
    const r = lookupPhrase(dicts, 'refugees fleeing the trade war', '2024-01-01');
    expect(r.topics.map((t) => [t.topic.id, t.text, t.phrase])).toEqual([['REFUGEES', 'refugees', 'refugee'], ['TRADE', 'trade war', 'trade war']]);
    expect(formatLookup(r)).toMatch(/^topic TRADE Trade: "trade war" matches "trade war" \(topics\/topics.yaml:\d+\) -> PLOVER context economic$/m);
    expect(lookupPhrase(dicts, "women's rights", '2024-01-01').topics.map((t) => t.topic.id)).toEqual(['GENDER']);
  });

  it('finds base forms of inflected words', () => {
    expect(baseForms('held')).toContain('hold');
    expect(baseForms('talks')).toContain('talk');
    expect(baseForms('stopped')).toContain('stop');
    expect(baseForms('parties')).toContain('party');
  });
});
