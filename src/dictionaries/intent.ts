// Loads the intent rules: which acts become which CAMEO 03x code when only announced (data/ontology/intent.tsv),
// and the words that announce them (data/lexicon/intent-words.txt).
import { existsSync, readFileSync } from 'node:fs';
import { DictionaryError } from '../model/errors.js';

export interface IntentRules {
  /** [act code prefix, intent code], longest prefix first. */
  map: [string, string][];
  words: Set<string>;
}

export function loadIntentRules(mapFile: string, wordsFile: string, knownCodes: Set<string>): IntentRules {
  const map: [string, string][] = [];
  if (existsSync(mapFile)) {
    readFileSync(mapFile, 'utf8').split('\n').forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const [act, intent] = line.split('\t');
      const where = `${mapFile}:${i + 1}`;
      if (!/^\d{2,4}$/.test(act ?? '') || !knownCodes.has(intent ?? '')) {
        throw new DictionaryError('expected `ACT-CODE-PREFIX<TAB>INTENT-CODE<TAB>note` with a known CAMEO intent code', { where });
      }
      map.push([act, intent]);
    });
  }
  map.sort((a, b) => b[0].length - a[0].length);
  const words = new Set<string>();
  if (existsSync(wordsFile)) {
    for (const raw of readFileSync(wordsFile, 'utf8').split('\n')) {
      const w = raw.trim().toLowerCase();
      if (w && !w.startsWith('#')) words.add(w);
    }
  }
  return { map, words };
}

/** The intent code for an act code, or null when the act has none (or is already an intent). */
export function intentFor(rules: IntentRules, code: string): string | null {
  if (code.startsWith('03')) return null;
  for (const [act, intent] of rules.map) if (code.startsWith(act)) return intent;
  return null;
}
