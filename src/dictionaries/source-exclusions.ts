// Loads data/ontology/source-exclusions.tsv: acts whose source cannot be of some sectors (`arrived in Kazakhstan`
// said of paratroopers is a deployment, not a visit), and source-recodes.tsv: acts that take another code from
// their source's sector (a government's protest is an official complaint), and source-sectors.tsv: acts that give a
// country named alone as their source a sector (a country's air strikes are its military's).
import { DictionaryError } from '../model/errors.js';
import { longestPrefixFirst, readRuleTable } from './rule-table.js';

/** [code prefix, excluded sectors], longest prefix first. */
export type SourceExclusions = [string, Set<string>][];

export function loadSourceExclusions(file: string, knownCodes: Set<string>): SourceExclusions {
  return longestPrefixFirst(readRuleTable(file).map(({ cols: [code, sectors], where }): [string, Set<string>] => {
    const list = sectorList(sectors);
    if (!knownCodes.has(code ?? '') || !list) {
      throw new DictionaryError('expected `CODE<TAB>SECTOR,SECTOR<TAB>note` with a known CAMEO code and three-letter sector codes', { where });
    }
    return [code, new Set(list)];
  }));
}

/** `MIL,COP` as a list of three-letter sector codes, or null when it is not one. */
function sectorList(text: string | undefined): string[] | null {
  const list = (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return list.length && list.every((s) => /^[A-Z]{3}$/.test(s)) ? list : null;
}

/** Is an actor of this sector excluded as the source of an act with this code? */
export function sourceExcluded(rules: SourceExclusions, code: string, sector: string | null): boolean {
  if (!sector) return false;
  for (const [prefix, sectors] of rules) if (code.startsWith(prefix)) return sectors.has(sector.slice(0, 3));
  return false;
}

/** [code prefix, source sectors, new code], longest prefix first. */
export type SourceRecodes = [string, Set<string>, string][];

/** Loads data/ontology/source-recodes.tsv: acts that take another code when their source is of some sectors. */
export function loadSourceRecodes(file: string, knownCodes: Set<string>): SourceRecodes {
  return longestPrefixFirst(readRuleTable(file).map(({ cols: [code, sectors, to], where }): [string, Set<string>, string] => {
    const list = sectorList(sectors);
    if (!knownCodes.has(code ?? '') || !knownCodes.has(to ?? '') || !list) {
      throw new DictionaryError('expected `CODE<TAB>SECTOR,SECTOR<TAB>NEW-CODE<TAB>note` with known CAMEO codes', { where });
    }
    return [code, new Set(list), to];
  }));
}

/** The code an act takes from its source's sector, or the code itself. */
export function recodeBySource(rules: SourceRecodes, code: string, sector: string | null): string {
  if (!sector) return code;
  for (const [prefix, sectors, to] of rules) if (code.startsWith(prefix)) return sectors.has(sector.slice(0, 3)) ? to : code;
  return code;
}

/** [code prefix, sector], longest prefix first. */
export type SourceSectors = [string, string][];

/** Loads data/ontology/source-sectors.tsv: acts a country named alone as their source does through one sector. */
export function loadSourceSectors(file: string, knownCodes: Set<string>): SourceSectors {
  return longestPrefixFirst(readRuleTable(file).map(({ cols: [code, sector], where }): [string, string] => {
    if (!knownCodes.has(code ?? '') || !/^[A-Z]{3}$/.test(sector ?? '')) {
      throw new DictionaryError('expected `CODE<TAB>SECTOR<TAB>note` with a known CAMEO code and a three-letter sector code', { where });
    }
    return [code, sector];
  }));
}

/** The sector a country named alone takes as the source of an act with this code, or null. */
export function sectorByAct(rules: SourceSectors, code: string): string | null {
  for (const [prefix, sector] of rules) if (code.startsWith(prefix)) return sector;
  return null;
}

/** [code prefix, new code], longest prefix first. */
export type CrowdRecodes = [string, string][];

/** Loads data/ontology/crowd-recodes.tsv: the demonstration a crowd's demand or appeal is coded as. */
export function loadCrowdRecodes(file: string, knownCodes: Set<string>): CrowdRecodes {
  return longestPrefixFirst(readRuleTable(file).map(({ cols: [code, to], where }): [string, string] => {
    if (!knownCodes.has(code ?? '') || !knownCodes.has(to ?? '')) throw new DictionaryError('expected `CODE<TAB>NEW-CODE<TAB>note` with known CAMEO codes', { where });
    return [code, to];
  }));
}

/** The code a crowd's act takes, or the code itself. */
export function recodeForCrowd(rules: CrowdRecodes, code: string): string {
  for (const [prefix, to] of rules) if (code.startsWith(prefix)) return to;
  return code;
}
