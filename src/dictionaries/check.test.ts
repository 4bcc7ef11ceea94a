// dyad dict check: one small dictionary folder per kind of problem, written by the test; and the shipped data passes.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDictionaries, type CheckResult } from './check.js';

const COUNTRIES = `- code: KAZ
  iso2: KZ
  name: Kazakhstan
  adjectives: [Kazakh]
- code: CHN
  iso2: CN
  name: China
`;
const PATTERNS = `040 | hold talks with {target} | China held talks with Kazakhstan.\n`;

/** A dictionary folder: actors/countries.yaml and events/04.txt unless replaced; extra files by relative path. */
function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-check-'));
  const all: Record<string, string> = { 'actors/countries.yaml': COUNTRIES, 'events/04.txt': PATTERNS, ...files };
  for (const [rel, text] of Object.entries(all)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  mkdirSync(join(dir, 'actors'), { recursive: true });
  mkdirSync(join(dir, 'events'), { recursive: true });
  return dir;
}

const errors = (r: CheckResult) => r.messages.filter((m) => m.severity === 'error').map((m) => `${m.file.split('/').slice(-2).join('/')}:${m.line}: ${m.message}`);
const warnings = (r: CheckResult) => r.messages.filter((m) => m.severity === 'warning').map((m) => `${m.file.split('/').slice(-2).join('/')}:${m.line}: ${m.message}`);

describe('dyad dict check', () => {
  it('passes on the shipped dictionaries', () => {
    const r = checkDictionaries();
    expect(errors(r)).toEqual([]);
    expect(r.counts.patterns).toBeGreaterThan(100);
  });

  it('passes on a small clean folder', () => {
    const r = checkDictionaries({ dictDir: folder() });
    expect(errors(r)).toEqual([]);
    expect(warnings(r)).toEqual([]);
  });

  it('reports schema errors with file and line', () => {
    const r = checkDictionaries({ dictDir: folder({ 'actors/institutions.yaml': '- code: KAZLEG\n  names: [Mazhilis]\n- code: KAZGOV\n  name: [Akorda]\n' }) });
    expect(errors(r).join('\n')).toMatch(/actors\/institutions.yaml:3: .*name/);
  });

  it('reports one name under two codes across actor files', () => {
    const r = checkDictionaries({
      dictDir: folder({
        'actors/organisations.yaml': '- code: IGOUNO\n  name: United Nations\n  aliases: [UN]\n  kind: IGO\n',
        'actors/institutions.yaml': '- code: KAZLEG\n  names: [Mazhilis, UN]\n',
      }),
    });
    expect(errors(r)).toEqual([expect.stringMatching(/actors\/organisations.yaml:1: "UN" names organisation IGOUNO here and institution KAZLEG at .*institutions.yaml:1/)]);
  });

  it('reports a person listed twice with conflicting roles, and the same name for two people', () => {
    const r = checkDictionaries({
      dictDir: folder({
        'actors/people/a.yaml': '- name: Zhao Leji\n  roles:\n    - {code: CHNLEG, from: 2023-03-10}\n- name: Li Qiang\n  aliases: [Premier Li]\n  roles: [{code: CHNGOV}]\n',
        'actors/people/b.yaml': '- name: Zhao Leji\n  roles:\n    - {code: CHNGOV, from: 2022-01-01}\n- name: Li Keqiang\n  aliases: [Premier Li]\n  roles: [{code: CHNGOV}]\n',
      }),
    });
    const e = errors(r).join('\n');
    expect(e).toMatch(/people\/b.yaml:1: Zhao Leji: person listed twice with conflicting roles: CHNGOV .* CHNLEG .*a.yaml:1/);
    expect(e).toMatch(/people\/b.yaml:4: "Premier Li" names a person here and a person at .*a.yaml:4/);
  });

  it('reports a role word under two codes', () => {
    const r = checkDictionaries({ dictDir: folder({ 'actors/roles.yaml': '- code: LEG\n  words: [speaker, lawmaker]\n- code: GOV\n  words: [minister, Speaker]\n' }) });
    expect(errors(r)).toEqual([expect.stringMatching(/roles.yaml:3: role word "Speaker" is GOV here and LEG at .*roles.yaml:1/)]);
  });

  it('reports an event pattern whose CAMEO code does not exist', () => {
    const r = checkDictionaries({ dictDir: folder({ 'events/09.txt': '# comment\n099 | probe {target} | China probed Kazakhstan.\n' }) });
    expect(errors(r)).toEqual([expect.stringMatching(/events\/09.txt:2: unknown CAMEO code "099"/)]);
  });

  it('reports an actor code whose first block is neither a country nor a non-state prefix', () => {
    const r = checkDictionaries({ dictDir: folder({ 'actors/institutions.yaml': '- code: XQZGOV\n  names: [Ministry of Nowhere]\n- code: NGOXYZ\n  names: [Some NGO]\n' }) });
    expect(errors(r)).toEqual([expect.stringMatching(/institutions.yaml:1: institution code XQZGOV: XQZ is neither a country/)]);
  });

  it('reports a sector block that is not a known role code, in actor codes and in roles.yaml', () => {
    const r = checkDictionaries({
      dictDir: folder({ 'actors/institutions.yaml': '- code: KAZLEGXXX\n  names: [Mazhilis]\n', 'actors/roles.yaml': '- code: GOVQQQ\n  words: [minister]\n' }),
    });
    expect(errors(r)).toEqual([
      expect.stringMatching(/institutions.yaml:1: institution code KAZLEGXXX: XXX is not a known role code/),
      expect.stringMatching(/roles.yaml:1: role words code GOVQQQ: QQQ is not a known role code/),
    ]);
  });

  it('reports an ethnic group living in a country countries.yaml does not have, and one that takes a country\'s adjective', () => {
    const r = checkDictionaries({
      dictDir: folder({ 'actors/ethnic-groups.yaml': '- name: Uyghurs\n  adjectives: [Uyghur]\n  demonyms: []\n  countries: [CHN, XQZ]\n- name: Kazakhs\n  adjectives: [Kazakh]\n  demonyms: []\n  countries: [CHN]\n' }),
    });
    expect(errors(r)).toEqual([expect.stringMatching(/ethnic-groups.yaml:1: ethnic group "Uyghurs": country XQZ is not in countries.yaml/)]);
    expect(warnings(r)).toEqual([expect.stringMatching(/ethnic-groups.yaml:5: "Kazakh" names ethnic CHN here and adjective KAZ/)]);
    expect(r.counts['ethnic groups']).toBe(2);
  });

  it('accepts code blocks a folder declares in actors/codes.tsv', () => {
    const r = checkDictionaries({ dictDir: folder({ 'actors/institutions.yaml': '- code: KAZLEGXXX\n  names: [Mazhilis]\n', 'actors/codes.tsv': 'code\tkind\tmeaning\nXXX\trole\ttest\n' }) });
    expect(errors(r)).toEqual([]);
  });

  it('warns (does not fail) on overlapping roles of two countries; same-country overlaps are legitimate', () => {
    const r = checkDictionaries({
      dictDir: folder({
        'actors/people/a.yaml':
          '- name: A Person\n  roles:\n    - {code: CHNGOV, from: 2010-01-01, to: 2015-01-01}\n    - {code: KAZGOV, from: 2014-01-01}\n' +
          '- name: B Person\n  roles:\n    - {code: CHNGOV, from: 2010-01-01}\n    - {code: CHNLEG, from: 2012-01-01}\n' +
          '- name: C Person\n  roles:\n    - {code: CHNGOV, from: 2010-01-01, to: 2012-01-01}\n    - {code: KAZGOV, from: 2012-01-01}\n',
      }),
    });
    expect(errors(r)).toEqual([]);
    expect(warnings(r)).toEqual([expect.stringMatching(/a.yaml:1: A Person: roles CHNGOV .* and KAZGOV .* overlap across countries/)]);
  });

  it('reports a role whose from is after its to', () => {
    const r = checkDictionaries({ dictDir: folder({ 'actors/people/a.yaml': '- name: A Person\n  roles:\n    - {code: CHNGOV, from: 2015-01-01, to: 2010-01-01}\n' }) });
    expect(errors(r)).toEqual([expect.stringMatching(/a.yaml:1: A Person: role CHNGOV runs from 2015-01-01 to an earlier date 2010-01-01/)]);
  });

  it('reports duplicate pattern lines, and one pattern under two codes', () => {
    const r = checkDictionaries({
      dictDir: folder({
        'events/05.txt': '040 | hold  talks with {target} | China held talks with Kazakhstan.\n' + '043 | hold talks with {target} | China held talks with Kazakhstan.\n',
      }),
    });
    expect(errors(r)).toEqual([
      expect.stringMatching(/events\/05.txt:1: duplicate pattern "hold  talks with \{target\}" \(040\), first at .*04.txt:1/),
      expect.stringMatching(/events\/05.txt:2: pattern "hold talks with \{target\}" is coded 043 here and 040 at .*04.txt:1: only one can ever apply/),
    ]);
  });

  const TOPIC = '- id: TRADE\n  label: Trade\n  contexts: [economic]\n  phrases: [trade, tariff]\n';

  it('checks a folder\'s topics/ and counts topics and phrases', () => {
    const r = checkDictionaries({ dictDir: folder({ 'topics/topics.yaml': TOPIC }) });
    expect(errors(r)).toEqual([]);
    expect([r.counts.topics, r.counts['topic phrases']]).toEqual([1, 2]);
    expect(checkDictionaries().counts.topics).toBeGreaterThanOrEqual(30);
  });

  it('reports a topic context that PLOVER does not have', () => {
    const r = checkDictionaries({ dictDir: folder({ 'topics/topics.yaml': TOPIC + '- id: BRI\n  label: Belt and Road\n  contexts: [economic, economy]\n  phrases: [Belt and Road]\n' }) });
    expect(errors(r)).toEqual([expect.stringMatching(/topics\/topics.yaml:5: BRI: unknown PLOVER context "economy"/)]);
  });

  it('reports a topic id used twice, across files', () => {
    const r = checkDictionaries({ dictDir: folder({ 'topics/a.yaml': TOPIC, 'topics/b.yaml': '# more\n' + TOPIC }) });
    expect(errors(r)).toEqual([expect.stringMatching(/topics\/b.yaml:2: duplicate topic id TRADE, first at .*a.yaml:1/)]);
  });

  it('reports an empty topic phrase and an entry that does not fit the schema', () => {
    const r = checkDictionaries({
      dictDir: folder({ 'topics/topics.yaml': '- id: TRADE\n  label: Trade\n  phrases: [trade, "  "]\n  except: [""]\n- id: war\n  label: War\n  phrases: [war]\n' }),
    });
    expect(errors(r)).toEqual([
      expect.stringMatching(/topics\/topics.yaml:1: TRADE: empty phrase "  "/),
      expect.stringMatching(/topics\/topics.yaml:1: TRADE: empty except phrase ""/),
      expect.stringMatching(/topics\/topics.yaml:5: id: expected an id of capital letters/),
    ]);
  });

  it('warns of a phrase listed twice in one topic', () => {
    const r = checkDictionaries({ dictDir: folder({ 'topics/topics.yaml': '- id: TRADE\n  label: Trade\n  phrases: [trade, Trade]\n' }) });
    expect(errors(r)).toEqual([]);
    expect(warnings(r)).toEqual([expect.stringMatching(/topics\/topics.yaml:1: TRADE: "Trade" is listed twice/)]);
  });

  it('reports an unreadable discard line and a missing folder', () => {
    const dir = folder({ 'events/discards.txt': 'sentence | world cup\nbogus line\n' });
    const r = checkDictionaries({ dictDir: dir });
    expect(errors(r)).toEqual([expect.stringMatching(/events\/discards.txt:2: expected/)]);
    const empty = mkdtempSync(join(tmpdir(), 'dyad-check-'));
    expect(checkDictionaries({ dictDir: empty }).errors).toBe(2);
  });
  describe('declared event codes (events/codes.tsv)', () => {
    const HEAD = 'code\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\tplover_context\tdescription\n';
    const codes = (rows: string) => folder({ 'events/codes.tsv': HEAD + rows, 'events/09.txt': '903 | restore relations with {target} | China restored relations with Kazakhstan.\n' });

    it('lets patterns use a declared code, with Goldstein and quad class left empty', () => {
      const r = checkDictionaries({ dictDir: codes('903\tRestore relations\t\t\t\t\t\tPETRARCH code\n') });
      expect(errors(r)).toEqual([]);
      expect(r.counts['event codes declared']).toBe(1);
    });

    it('reports a pattern whose code is neither CAMEO nor declared', () => {
      const r = checkDictionaries({ dictDir: folder({ 'events/09.txt': '903 | restore relations with {target} | x\n' }) });
      expect(errors(r)).toEqual([expect.stringMatching(/events\/09.txt:1: unknown CAMEO code "903"/)]);
    });

    it('reports a code listed twice', () => {
      const r = checkDictionaries({ dictDir: codes('903\tRestore relations\t\t\t\t\t\t\n903\tAgain\t\t\t\t\t\t\n') });
      expect(errors(r)).toEqual(['events/codes.tsv:3: event code 903 listed twice']);
    });

    it('reports a code CAMEO already has', () => {
      const r = checkDictionaries({ dictDir: codes('903\tRestore relations\t\t\t\t\t\t\n040\tConsult\t1\t1\t\t\t\t\n') });
      expect(errors(r)).toEqual([expect.stringMatching(/^events\/codes.tsv:3: event code 040 is already a CAMEO code/)]);
    });

    it('reports a bad Goldstein value, a bad quad class and a bad code', () => {
      const r = checkDictionaries({ dictDir: codes('903\tRestore relations\t12\t\t\t\t\t\n904\tImprove relations\t2\t5\t\t\t\t\n9x\tOdd\t\t\t\t\t\t\n') });
      expect(errors(r)).toEqual([
        // 903 was refused, so its pattern's code is unknown.
        'events/09.txt:1: unknown CAMEO code "903"',
        'events/codes.tsv:2: Goldstein value must be a number from -10 to 10, or empty',
        'events/codes.tsv:3: quad class must be 1-4, or empty',
        expect.stringMatching(/^events\/codes.tsv:4: bad event code "9x"/),
      ]);
    });

    it('reports a wrong header', () => {
      const r = checkDictionaries({ dictDir: folder({ 'events/codes.tsv': 'code\tname\n903\tx\n' }) });
      expect(errors(r)).toEqual([expect.stringMatching(/^events\/codes.tsv:1: header must be/)]);
    });
  });
  it('checks groups (names for several actors): their codes, their size, and their names against other actors', () => {
    const r = checkDictionaries({
      dictDir: folder({ 'actors/groups.yaml': '- name: Central Asia\n  codes: [KAZ, XYZ]\n- name: China\n  codes: [CHN, KAZ]\n- name: Solo\n  codes: [KAZ]\n' }),
    });
    expect(errors(r)).toEqual([
      expect.stringMatching(/^actors\/groups.yaml:1: group "Central Asia" code XYZ: XYZ is neither a country/),
      expect.stringMatching(/^actors\/groups.yaml:5: .*at least two codes/),
    ]);
    expect(warnings(r)).toEqual([expect.stringMatching(/^actors\/groups.yaml:3: "China" names group CHN\+KAZ here and country CHN/)]);
  });

  it('reports a compound-subject pattern ({pair} first) that has another slot', () => {
    const r = checkDictionaries({ dictDir: folder({ 'events/03.txt': '030 | {pair} agree | China and Kazakhstan agree.\n030 | {pair} agree with {target} | x\n' }) });
    expect(errors(r)).toEqual([expect.stringMatching(/^events\/03.txt:2: a pattern that starts with \{pair\}/)]);
  });
});
