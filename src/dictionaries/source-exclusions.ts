// Loads data/ontology/source-exclusions.tsv: acts whose source cannot be of some sectors (`arrived in Kazakhstan`
// said of paratroopers is a deployment, not a visit).
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
