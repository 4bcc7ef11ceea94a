// Loads data/ontology/source-exclusions.tsv: acts whose source cannot be of some sectors (`arrived in Kazakhstan`
// said of paratroopers is a deployment, not a visit), and source-recodes.tsv: acts that take another code from
// their source's sector (a government's protest is an official complaint).
import { existsSync, readFileSync } from 'node:fs';
import { DictionaryError } from '../model/errors.js';

/** [code prefix, excluded sectors], longest prefix first. */
export type SourceExclusions = [string, Set<string>][];

export function loadSourceExclusions(file: string, knownCodes: Set<string>): SourceExclusions {
  const rules: SourceExclusions = [];
  if (!existsSync(file)) return rules;
  readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [code, sectors] = line.split('\t');
    const list = (sectors ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (!knownCodes.has(code ?? '') || !list.length || list.some((s) => !/^[A-Z]{3}$/.test(s))) {
      throw new DictionaryError('expected `CODE<TAB>SECTOR,SECTOR<TAB>note` with a known CAMEO code and three-letter sector codes', { where: `${file}:${i + 1}` });
    }
    rules.push([code, new Set(list)]);
  });
  return rules.sort((a, b) => b[0].length - a[0].length);
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
  const rules: SourceRecodes = [];
  if (!existsSync(file)) return rules;
  readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [code, sectors, to] = line.split('\t');
    const list = (sectors ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (!knownCodes.has(code ?? '') || !knownCodes.has(to ?? '') || !list.length || list.some((s) => !/^[A-Z]{3}$/.test(s))) {
      throw new DictionaryError('expected `CODE<TAB>SECTOR,SECTOR<TAB>NEW-CODE<TAB>note` with known CAMEO codes', { where: `${file}:${i + 1}` });
    }
    rules.push([code, new Set(list), to]);
  });
  return rules.sort((a, b) => b[0].length - a[0].length);
}

/** The code an act takes from its source's sector, or the code itself. */
export function recodeBySource(rules: SourceRecodes, code: string, sector: string | null): string {
  if (!sector) return code;
  for (const [prefix, sectors, to] of rules) if (code.startsWith(prefix)) return sectors.has(sector.slice(0, 3)) ? to : code;
  return code;
}
