// dyad dict import --format petrarch: small PETRARCH files written by the test, converted, loaded and checked;
// and the PETR.Validate.* set from ../shared when it is there (read only).
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkDictionaries } from './check.js';
import { loadDictionaries } from './load.js';
import { loadDiscards } from './discards.js';
import { parsePatternLine } from './event-patterns.js';
import { detectKind, expandIssue, importPetrarch, petrarchName } from './petrarch-import.js';

const ACTORS = `<!-- TEST ACTORS -->
GONDOR [GON]
+MINAS_TIRITH
GONDORIAN [GON]
ISRAELI_TROOPS [ISRMIL]
AMNESTY_INTERNATIONAL [NGM]
BOROMIR  [---]
ITHILEN TELEVISION  [ITHTV]

GOLLUM  # a dated actor
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]

SAM_GAMGEE [HOB]
	[ORCHOB 20100109-20100112] # first listed wins
	[HOBMIL 20080120-20121109]
LORIEN  [ELR/GAL]
`;
const AGENTS = `!PERSON! = MAN, WOMAN
PRESIDENT [~GOV] # ns
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
TROOPS {}  [~MIL]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
`;
const VERBS = `&TIETYPES
+MILITARY
+ECONOMIC

&CURRENCY
+DOLLARS
+SWISS FRANCS

--- RESTORE  [064]  ---
RESTORE
- * &TIETYPES TIES  [064]
- NOT * RELATIONS  [112]
- * THE FULL  [xxy]
- * DIPLXMATIC  [---]

--- CONTRIBUTE [070]  ---
CONTRIBUTE
- * &CURRENCY [071]
- * RUPEES [903]

--- FREE  [---] ---
FREE
- + * FROM $  [0641]
- + WAS_ *  [174]

--- ARRIVE  [032:033]  ---
ARRIVE
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}
- SAID * TO ATTEND  [036]
- * WITH %  [1717]

--- MEET  [040]  ---
MEET
- % *  [030:030]
- % * TALKS $  [031]
- * BETWEEN %  [043]
- * FORMAL_TALKS  [046]
`;
const DISCARDS = `# Story-level discards
+World Golf Championships   # pas
BASEBALL
`;
const ISSUES = `<ISSUE CATEGORY="ID_ATROCITY">
n:atrocity [ID_ATROCITY]
ethnic v:purge [ID_ATROCITY]
~Saturday Night massacre
</ISSUE>
`;

function write(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-petr-src-'));
  return Object.entries(files).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
}

describe('dyad dict import --format petrarch', () => {
  const src = write({ 'test.actors.txt': ACTORS, 'test.agents.txt': AGENTS, 'test.verbs.txt': VERBS, 'test.discards.txt': DISCARDS, 'test.issues.txt': ISSUES });
  const out = mkdtempSync(join(tmpdir(), 'dyad-petr-out-'));
  const report = importPetrarch(src, out);
  const yaml = (rel: string) => parse(readFileSync(join(out, rel), 'utf8'));
  const notes = report.skipped.map((n) => `${n.file.split('/').pop()}:${n.line}: ${n.severity}: ${n.message}`);

  it('decides each file kind by name, else by content', () => {
    expect(report.files.map((f) => f.kind)).toEqual(['actors', 'agents', 'verbs', 'discards', 'issues']);
    expect(detectKind('x.txt', VERBS)).toBe('verbs');
    expect(detectKind('x.txt', AGENTS)).toBe('agents');
    expect(detectKind('x.txt', ISSUES)).toBe('issues');
    expect(detectKind('x.txt', 'GONDOR [GON]\n')).toBe('actors');
  });

  it('writes countries (bare codes), organisations, institutions and dated people', () => {
    const countries = yaml('actors/countries.yaml');
    expect(countries).toEqual([{ code: 'GON', iso2: 'GO', name: 'Gondor', aliases: ['Minas Tirith'], adjectives: ['Gondorian'], demonyms: [] }]);
    expect(yaml('actors/organisations.yaml')).toEqual([{ code: 'NGM', name: 'Amnesty International', aliases: ['Amnesty international'], kind: 'NGO', country: null }]);
    expect(yaml('actors/institutions.yaml')).toEqual([{ code: 'ISRMIL', names: ['Israeli Troops', 'Israeli troops'] }]);
    const people = yaml('actors/people/imported.yaml');
    expect(people[0]).toEqual({
      name: 'Gollum',
      aliases: ['Smeagol'],
      roles: [
        { code: 'HOB', to: '1995-06-01' },
        { code: 'HOBGOV', from: '1995-06-02', to: '1999-08-15' },
        { code: 'HOBREB', from: '1999-08-16' },
      ],
    });
    // First listed restriction wins where PETRARCH's ranges overlap; the default code fills the gaps.
    expect(people[1].roles).toEqual([
      { code: 'HOB', to: '2008-01-19' },
      { code: 'HOBMIL', from: '2008-01-20', to: '2010-01-08' },
      { code: 'ORCHOB', from: '2010-01-09', to: '2010-01-12' },
      { code: 'HOBMIL', from: '2010-01-13', to: '2012-11-09' },
      { code: 'HOB', from: '2012-11-10' },
    ]);
  });

  it('writes agents as role words with regular and irregular plurals and substitutions, and prefix agents', () => {
    const roles = yaml('actors/roles.yaml') as { code: string; words: string[] }[];
    const byCode = Object.fromEntries(roles.map((r) => [r.code, r.words]));
    // PETRARCH forms regular plurals (+S, Y -> IES) unless {...} gives them; `{}` forms none.
    expect(byCode.GOV).toEqual(['president', 'presidents']);
    expect(byCode.GOVATG).toEqual(['attorney general', 'attorneys general']);
    expect(byCode.LEG).toEqual(['congressman', 'congresswoman', 'congressmans', 'congresswomans']);
    expect(byCode.MIL).toEqual(['troops']);
    expect(roles.find((r) => r.code === 'NGO')).toEqual({ code: 'NGO', prefix: true, words: ['human rights body', 'human rights bodies'] });
    expect(byCode.GGS).toEqual(['golden goose', 'golden geese']);
    expect(readFileSync(join(out, 'actors/codes.tsv'), 'utf8')).toMatch(/^ATG\trole\t/m);
  });

  it('writes verb patterns with synsets expanded, + and $ as slots, and generated examples', () => {
    const text = readFileSync(join(out, 'events/test-verbs.txt'), 'utf8');
    expect(text).toContain('generated-examples');
    const lines = text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(' | ').slice(0, 2).join(' | '));
    expect(lines).toEqual([
      '064 | restore {target+place}',
      '064 | be restore by {source}',
      '064 | restore military/economic ties {target+place}',
      '--- | restore diplxmatic {target+place}',
      '070 | contribute {target+place}',
      '070 | be contribute by {source}',
      '071 | contribute dollars {target+place}',
      '071 | contribute swiss_francs {target+place}',
      '903 | contribute rupees {target+place}',
      '064 | free from {source}',
      '032:033 | arrive {target+place}',
      '032:033 | be arrive by {source}',
      '032:033 | break/breaks/broke down {target+place}',
      '032:033 | be break/breaks/broke down by {source}',
      '036 | said arrive to attend {target+place}',
      '036 | said break/breaks/broke down to attend {target+place}',
      '171 | arrive with {target+place}',
      '171 | break/breaks/broke down with {target+place}',
      '040 | meet {target+place}',
      '040 | be meet by {source}',
      '030:030 | {pair} meet',
      '031 | meet talks {source}',
      '043 | meet between {pair}',
      '046 | meet formal_talks {target+place}',
    ]);
  });

  it('reports every line it could not convert, and every loss, with file:line', () => {
    expect(notes).toEqual(
      expect.arrayContaining([
        'test.actors.txt:7: skipped: Boromir: null code [---] (PETRARCH\'s "do not code"); dyad has no null actor code',
        'test.actors.txt:8: skipped: Ithilen Television: code [ITHTV] is not made of three-letter blocks',
        expect.stringMatching(/^test.verbs.txt:12: skipped: .*negation is left to dyad's coder/),
        expect.stringMatching(/^test.verbs.txt:13: skipped: .*code xxy is neither a CAMEO code .* nor a code of digits/),
        expect.stringMatching(/^test.verbs.txt:23: partial: .*code 0641 is not a CAMEO code; coded 064/),
        expect.stringMatching(/^test.verbs.txt:24: skipped: .*the subject is the target/),
        expect.stringMatching(/^test.verbs.txt:30: partial: .*code 1717 is not a CAMEO code; coded 171/),
      ]),
    );
    expect(report.counts['lines not converted']).toBe(report.skipped.filter((n) => n.severity === 'skipped').length);
    expect(notes.some((n) => n.startsWith('test.verbs.txt:19:'))).toBe(false);
  });

  it('writes an actor with several codes as a group, and a compound-subject pattern (%) with a leading {pair}', () => {
    expect(yaml('actors/groups.yaml')).toEqual([{ name: 'Lorien', aliases: [], codes: ['ELR', 'GAL'] }]);
    expect(readFileSync(join(out, 'actors/codes.tsv'), 'utf8')).toMatch(/^ELR\tprefix\t/m);
    expect(notes.filter((n) => /several codes|Lorien/.test(n))).toEqual([]);
    const pair = loadDictionaries({ dictDir: out }).events.all.find((p) => p.pairSubject);
    expect([pair?.code, pair?.reverse, pair?.text]).toEqual(['030', '030', '{pair} meet']);
    // With another actor marker ($) the % is left to the coder, as before.
    expect(notes).toContainEqual(expect.stringMatching(/^test.verbs.txt:\d+: partial: .*compound subject \(%\) with another actor marker/));
  });

  it('declares event codes outside CAMEO in events/codes.tsv, which the coder reads with Goldstein and quad class unknown', () => {
    expect(readFileSync(join(out, 'events/codes.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
      'code\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\tplover_context\tdescription',
      expect.stringMatching(/^903\tPETRARCH code 903\t\t\t\t\t\tnot a CAMEO code; first used at test.verbs.txt:19 /),
    ]);
    expect(report.counts['event codes declared in events/codes.tsv']).toBe(1);
    const entry = loadDictionaries({ dictDir: out }).ontology.get('903');
    expect(entry).toMatchObject({ code: '903', goldstein: null, quadClass: null, ploverEvent: null });
    // 1717 has a CAMEO parent (171) and is coded as that, not declared.
    expect(loadDictionaries({ dictDir: out }).ontology.has('1717')).toBe(false);
  });

  it('writes paired codes as CODE:REVERSE and target slots that take places, which the pattern parser reads', () => {
    const p = parsePatternLine('032:033 | arrive {target+place} | Arnor arrived in Gondor.', 't:1', new Set(['032', '033']));
    expect([p.code, p.reverse, p.placeTarget, p.hasTarget]).toEqual(['032', '033', true, true]);
    expect(() => parsePatternLine('032:999 | arrive {target} | x', 't:2', new Set(['032']))).toThrow(/reverse/);
    expect(() => parsePatternLine('032 | arrive {source+place} | x', 't:3', new Set(['032']))).toThrow(/target/);
    const d = loadDiscards(join(out, 'events/discards.txt'));
    expect(d.all.map((x) => x.scope)).toEqual(['story', 'sentence']);
  });

  it('writes discards and issues', () => {
    expect(readFileSync(join(out, 'events/discards.txt'), 'utf8')).toMatch(/^story \| world golf championships\nsentence \| baseball\n$/m);
    const issues = yaml('issues.yaml');
    expect(issues[0]).toEqual({ code: 'ID_ATROCITY', category: 'ID_ATROCITY', phrases: ['atrocity', 'atrocities', 'ethnic purge', 'ethnic purges', 'ethnic purged', 'ethnic purging'] });
    expect(issues[1]).toEqual({ ignore: ['saturday night massacre'], category: 'ID_ATROCITY' });
    expect(expandIssue('pre+n:school')).toEqual(['pre school', 'pre schools', 'pre-school', 'pre-schools']);
  });

  it('loads with loadDictionaries and passes dyad dict check', () => {
    const dicts = loadDictionaries({ dictDir: out });
    expect(dicts.events.all.length).toBeGreaterThan(5);
    expect(dicts.actors.names.has('Minas Tirith')).toBe(true);
    const r = checkDictionaries({ dictDir: out });
    expect(r.messages.filter((m) => m.severity === 'error')).toEqual([]);
  });

  it('writes names in the case news text uses', () => {
    expect(petrarchName('MINAS_TIRITH')).toBe('Minas Tirith');
    expect(petrarchName('PRINCE OF DOL AMROTH')).toBe('Prince of Dol Amroth');
    expect(petrarchName('THE_DARK_TOWER')).toBe('Dark Tower');
    expect(petrarchName('U.S.')).toBe('U.S.');
    expect(petrarchName('AL-QAEDA')).toBe('Al-Qaeda');
  });

  const shared = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'petrarch2');
  it.runIf(existsSync(shared))('imports PETR.Validate.* so that it loads and passes the check', () => {
    const files = readdirSync(shared).filter((f) => f.startsWith('PETR.Validate.')).map((f) => join(shared, f));
    const dir = mkdtempSync(join(tmpdir(), 'dyad-petr-validate-'));
    const r = importPetrarch(files, dir);
    expect(r.counts['event patterns']).toBeGreaterThan(300);
    expect(loadDictionaries({ dictDir: dir }).events.all.length).toBe(r.counts['event patterns']);
    expect(checkDictionaries({ dictDir: dir }).messages.filter((m) => m.severity === 'error')).toEqual([]);
  });
});
