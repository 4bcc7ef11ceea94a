// Loads the implied-target rules (data/ontology/implied-targets.tsv): which acts are aimed at a government or a
// country when the text names no target.
import { DictionaryError } from '../model/errors.js';
import { longestPrefixFirst, readRuleTable } from './rule-table.js';

export type ImpliedWhom = 'government' | 'country' | 'pair';

/** [code prefix, whom], longest prefix first. */
export type ImpliedTargets = [string, ImpliedWhom][];

export function loadImpliedTargets(file: string, knownCodes: Set<string>): ImpliedTargets {
  return longestPrefixFirst(readRuleTable(file).map(({ cols: [code, whom], where }): [string, ImpliedWhom] => {
    if (!/^\d{2,4}$/.test(code ?? '') || !knownCodes.has(code) || (whom !== 'government' && whom !== 'country' && whom !== 'pair')) {
      throw new DictionaryError('expected `CODE-PREFIX<TAB>government|country|pair<TAB>note` with a known CAMEO code', { where });
    }
    return [code, whom];
  }));
}

/** How the target of an act with this code is implied, or null when it is not. */
export function impliedWhom(rules: ImpliedTargets, code: string): ImpliedWhom | null {
  for (const [prefix, whom] of rules) if (code.startsWith(prefix)) return whom;
  return null;
}
