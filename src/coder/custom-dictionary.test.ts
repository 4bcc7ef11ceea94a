// Coding with a small dictionary folder (--dict): event codes the folder declares outside CAMEO (events/codes.tsv),
// names for several actors (actors/groups.yaml) and compound-subject patterns (`{pair} agree`), and how records and
// output formats carry a declared code's unknown Goldstein value and quad class.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDictionaries } from '../dictionaries/load.js';
import { createWinkAnalyzer } from '../nlp/analyse.js';
import { loadParser } from '../nlp/parser/index.js';
import { createWriter, csvRow, CSV_COLUMNS } from '../output/formats.js';
import { codeArticle } from './code-article.js';
import { createGazetteer } from './gazetteer.js';

const FILES: Record<string, string> = {
  'actors/countries.yaml': `- {code: ARN, iso2: XA, name: Arnor}
- {code: GON, iso2: XG, name: Gondor}
- {code: ROH, iso2: XR, name: Rohan}
- {code: ELR, iso2: XE, name: Elrondia}
- {code: GAL, iso2: XL, name: Galadria}
`,
  'actors/groups.yaml': '- name: Lorien\n  aliases: [Lothlorien]\n  codes: [ELR, GAL]\n',
  'actors/roles.yaml': '- {code: NGO, prefix: true, words: [msf]}\n- {code: GOV, words: [diplomat, government]}\n- {code: MIL, words: [soldier]}\n',
  'events/codes.tsv':
    '# Codes of this folder.\ncode\tname\tgoldstein\tquad_class\tplover_event\tplover_mode\tplover_context\tdescription\n' +
    '903\tRestore trade relations\t\t\t\t\t\ta test code\n904\tImprove relations\t3.5\t1\tCOOPERATE\t\t\tanother\n' +
    '905\tEnd trade relations\t\t\t\t\t\t\n',
  'events/test.txt': [
    '903 | restore trade relations with {target} | Arnor restored trade relations with Gondor.',
    '904 | improve relations with {target} | Arnor improved relations with Gondor.',
    '040 | meet {target} | Arnor met Gondor.',
    '030:030 | {pair} agree | Arnor and Gondor agree.',
    '081 | agree {target} | Arnor agreed Gondor.',
    '905 | end trade_relations with {target} | Arnor ended trade relations with Gondor.',
    '1712 | burn down {target} | Arnor burned down Gondor.',
    '122 | condemn {target} | Arnor condemned Gondor.',
    '050 | promise aid to {target} | Arnor promised aid to Gondor.',
  ].join('\n') + '\n',
};

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-custom-dict-'));
  for (const [rel, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

const deps = { dicts: loadDictionaries({ dictDir: folder() }), analyzer: createWinkAnalyzer(), gazetteer: createGazetteer() };
const code = (text: string) => codeArticle({ id: 't', origin: 't', date: '2020-01-01', title: null, url: null, text }, deps).events;
const triples = (text: string) => code(text).map((e) => `${e.source?.code} ${e.cameo} ${e.target?.code ?? '-'}`).sort();

describe('a dictionary folder with codes of its own', () => {
  it('codes a declared code, with Goldstein value and quad class null where the folder leaves them empty', () => {
    const [e] = code('Arnor restored trade relations with Gondor.');
    expect([e.source?.code, e.cameo, e.target?.code, e.cameo_name]).toEqual(['ARNGOV', '903', 'GONGOV', 'Restore trade relations']);
    expect([e.goldstein, e.quad_class, e.plover.event]).toEqual([null, null, null]);
    const [f] = code('Arnor improved relations with Gondor.');
    expect([f.cameo, f.goldstein, f.quad_class, f.plover.event]).toEqual(['904', 3.5, 1, 'COOPERATE']);
  });

  it('writes null Goldstein values and quad classes as null (JSONL), empty cells (CSV) and - (--explain)', () => {
    const [e] = code('Arnor restored trade relations with Gondor.');
    const json = JSON.parse(createWriter('jsonl').record(e, false));
    expect([json.goldstein, json.quad_class]).toEqual([null, null]);
    const row = csvRow(e);
    expect([row[CSV_COLUMNS.indexOf('goldstein')], row[CSV_COLUMNS.indexOf('quad_class')]]).toEqual(['', '']);
    expect(createWriter('table').record(e, true)).toMatch(/goldstein - · quad - ·/);
  });

  it('codes a group name as a compound actor: one event per code, as source or target, alone or in a compound', () => {
    expect(triples('Arnor met Lorien.')).toEqual(['ARNGOV 040 ELR', 'ARNGOV 040 GAL']);
    expect(triples('Lothlorien met Gondor.')).toEqual(['ELR 040 GONGOV', 'GAL 040 GONGOV']);
    expect(triples('Arnor, Lorien and Rohan met Gondor.')).toEqual(['ARNGOV 040 GONGOV', 'ELR 040 GONGOV', 'GAL 040 GONGOV', 'ROHGOV 040 GONGOV']);
  });

  it('does not let an unknown capitalised first word of a sentence hide the countries after it', () => {
    expect(triples('Old foes Arnor and Gondor met Rohan.')).toEqual(['ARNGOV 040 ROHGOV', 'GONGOV 040 ROHGOV']);
  });

  it('gives a verb after `and` the subject of the verb before it, not the actor just before it', () => {
    const parsed = { ...deps, parser: loadParser() };
    const text = 'The Arnor government condemned an attack by Gondor soldiers in south Rohan on Thursday and promised aid to the affected Rohan villages.';
    const events = codeArticle({ id: 't', origin: 't', date: '2020-01-01', title: null, url: null, text }, parsed).events;
    expect(events.filter((e) => e.cameo === '050').map((e) => `${e.source?.code} ${e.target?.code}`)).toEqual(['ARNGOV ROHGOV']);
  });

  it('puts a prefix role word before the code of the rest of the phrase', () => {
    expect(triples('MSF Arnor met Gondor.')).toEqual(['NGOARN 040 GONGOV']);
    expect(triples('An MSF Arnor diplomat met Gondor.')).toEqual(['NGOARNGOV 040 GONGOV']);
  });

  it('matches words joined by _ only when they stand next to each other', () => {
    expect(triples('Arnor ended trade relations with Gondor.')).toEqual(['ARNGOV 905 GONGOV']);
    expect(triples('Arnor ended trade and tourism relations with Gondor.')).toEqual([]);
  });

  it('takes no target past the comma that closes the slot\'s own noun phrase', () => {
    expect(triples('Arnor burned down its embassy, a Gondor official said.')).toEqual([]);
    expect(triples('Arnor burned down Gondor, a Rohan official said.')).toEqual(['ARNGOV 1712 GONGOV']);
  });

  it('codes a {pair} pattern between the members of a compound subject, both ways, and only then', () => {
    expect(triples('Arnor and Gondor agree that the border should be opened.')).toEqual(['ARNGOV 030 GONGOV', 'GONGOV 030 ARNGOV']);
    // A single subject falls back to the pattern without {pair}.
    expect(triples('Arnor agreed Gondor.')).toEqual(['ARNGOV 081 GONGOV']);
  });
});
