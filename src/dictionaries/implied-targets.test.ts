// The announced-act and implied-target tables: longest prefix wins, bad rows name their file and line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { impliedWhom, loadImpliedTargets } from './implied-targets.js';
import { announcedCodeFor, loadIntentRules, requestCodeFor } from './intent.js';
import { loadDictionaries } from './load.js';
import { loadSourceExclusions, loadSourceRecodes, loadSourceSectors, recodeBySource, sectorByAct, sourceExcluded } from './source-exclusions.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-implied-'));
const codes = new Set(['14', '172', '1723', '033', '07', '073', '131', '16', '163']);

describe('implied targets', () => {
  it('takes the longest prefix', () => {
    const file = join(dir, 'ok.tsv');
    writeFileSync(file, '# comment\n14\tgovernment\tprotest\n172\tcountry\tadministrative sanctions\n');
    const rules = loadImpliedTargets(file, codes);
    expect([impliedWhom(rules, '1411'), impliedWhom(rules, '1723'), impliedWhom(rules, '190')]).toEqual(['government', 'country', null]);
  });
  it('names the file and line of a bad row', () => {
    const file = join(dir, 'bad.tsv');
    writeFileSync(file, '14\tgovernment\n999\tcountry\n');
    expect(() => loadImpliedTargets(file, codes)).toThrow(/bad\.tsv:2/);
  });
  it('the shipped table loads', () => {
    expect(impliedWhom(loadDictionaries().implied, '1724')).toBe('country');
  });
});

/** Writes a rule file of the test folder and gives its path. */
const w = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));

describe('announced acts', () => {
  it('reads cooperative acts as intents and conflict acts as threats, each with its own words', () => {
    const rules = loadIntentRules(
      { intentMap: w('i.tsv', '07\t033\taid\n'), intentWords: w('i.txt', 'agree\n'), threatMap: w('t.tsv', '16\t131\tsanctions\n'), threatWords: w('t.txt', 'threaten\n') },
      codes,
    );
    expect(announcedCodeFor(rules, '073')?.code).toBe('033');
    expect([...announcedCodeFor(rules, '163')!.words]).toEqual(['threaten']);
    expect(announcedCodeFor(rules, '131')).toBeNull();
    // A code a dictionary folder declares (PETRARCH's `1717`) is not read as CAMEO's.
    expect(announcedCodeFor(rules, '1611')).toBeNull();
  });
  it('rejects a threat row whose code is not a 13x code', () => {
    expect(() => loadIntentRules({ intentMap: w('i2.tsv', ''), intentWords: w('i2.txt', ''), threatMap: w('t2.tsv', '16\t033\tx\n'), threatWords: w('t2.txt', '') }, codes)).toThrow(/t2\.tsv:1/);
  });
  it('gives a request the code of the intent of what it asks for, longest prefix first', () => {
    const all = new Set([...codes, '0333', '023', '0233', '103', '1033', '122', '1223']);
    const rules = loadIntentRules(
      {
        intentMap: w('i3.tsv', '07\t033\taid\n073\t0333\thumanitarian\n'),
        intentWords: w('i3.txt', ''),
        threatMap: w('t3.tsv', ''),
        threatWords: w('t3.txt', ''),
        requestMap: w('r3.tsv', '033\t023\t103\t122\taid\n0333\t0233\t1033\t1223\thumanitarian aid\n'),
      },
      all,
    );
    expect([requestCodeFor(rules, '073', 'appeal'), requestCodeFor(rules, '07', 'demand'), requestCodeFor(rules, '0333', 'refusal')]).toEqual(['0233', '103', '1223']);
    expect(requestCodeFor(rules, '163', 'demand')).toBeNull();
    expect(() => loadIntentRules({ intentMap: w('i4.tsv', ''), intentWords: w('i4.txt', ''), threatMap: w('t4.tsv', ''), threatWords: w('t4.txt', ''), requestMap: w('r4.tsv', '033\t103\t023\t122\tswapped\n') }, all)).toThrow(/r4\.tsv:1/);
    // The shipped table loads and covers every intent code.
    const shipped = loadDictionaries().intent;
    expect(requestCodeFor(shipped, '0841', 'demand')).toBe('1053');
  });
});

describe('source exclusions', () => {
  it('excludes the listed sectors as sources of the code, and names the line of a bad row', () => {
    const file = join(dir, 'se.tsv');
    writeFileSync(file, '# c\n14\tMIL,COP\tnote\n');
    const rules = loadSourceExclusions(file, codes);
    expect([sourceExcluded(rules, '141', 'MIL'), sourceExcluded(rules, '141', 'GOV'), sourceExcluded(rules, '172', 'MIL'), sourceExcluded(rules, '141', null)]).toEqual([true, false, false, false]);
    writeFileSync(file, '14\tmilitary\n');
    expect(() => loadSourceExclusions(file, codes)).toThrow(/se\.tsv:1/);
  });
});

describe('source recodes', () => {
  it('recodes an act by its source\'s sector, and names the line of a bad row', () => {
    const file = join(dir, 'sr.tsv');
    writeFileSync(file, '14\tGOV\t172\tnote\n');
    const rules = loadSourceRecodes(file, codes);
    expect([recodeBySource(rules, '14', 'GOV'), recodeBySource(rules, '14', 'CVL'), recodeBySource(rules, '16', 'GOV')]).toEqual(['172', '14', '16']);
    writeFileSync(file, '14\tGOV\t999\n');
    expect(() => loadSourceRecodes(file, codes)).toThrow(/sr\.tsv:1/);
  });
});

describe('source sectors', () => {
  it('gives a country named alone the sector its act is done through, and names the line of a bad row', () => {
    const file = join(dir, 'ss.tsv');
    writeFileSync(file, '16\tMIL\tnote\n163\tGOV\tnote\n');
    const rules = loadSourceSectors(file, codes);
    expect([sectorByAct(rules, '16'), sectorByAct(rules, '163'), sectorByAct(rules, '14')]).toEqual(['MIL', 'GOV', null]);
    writeFileSync(file, '16\tarmy\n');
    expect(() => loadSourceSectors(file, codes)).toThrow(/ss\.tsv:1/);
  });
});
