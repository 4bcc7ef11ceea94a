// Loads the rules for acts that are announced rather than done. A cooperative act becomes a CAMEO 03x "express
// intent" code (data/ontology/intent.tsv, announced by data/lexicon/intent-words.txt); a conflict act becomes a
// 13x "threaten" code (data/ontology/threat.tsv, announced by data/lexicon/threat-words.txt).
import { existsSync, readFileSync } from 'node:fs';
import { DictionaryError } from '../model/errors.js';
import { longestPrefixFirst, readRuleTable } from './rule-table.js';

export interface AnnouncedRules {
  /** [act code prefix, announced code], longest prefix first. */
  map: [string, string][];
  /** Words that announce the act before `to` (`agreed to`, `threatened to`); modals always do. */
  words: Set<string>;
}

export interface IntentRules {
  /** Cooperative acts announced: `agreed to send aid` -> 033. */
  intent: AnnouncedRules;
  /** Conflict acts announced: `threatened to impose sanctions` -> 1312. */
  threat: AnnouncedRules;
  /** Acts asked for, demanded or refused: intent code prefix -> request codes, longest prefix first (requests.tsv). */
  requests: [string, RequestCodes][];
  /** CAMEO's codes: codes a dictionary folder declares (PETRARCH's `1717`) keep their own meaning. */
  cameo: Set<string>;
}

/** The codes of a request for an act: `urged X to ease` (appeal, 02x), `demanded` (10x), `refused to` (12x). */
export interface RequestCodes {
  appeal: string;
  demand: string;
  refusal: string;
}

export type RequestKind = keyof RequestCodes;

export interface IntentFiles {
  intentMap: string;
  intentWords: string;
  threatMap: string;
  threatWords: string;
  /** Optional: without it no request is given its act's code. */
  requestMap?: string;
}

export function loadIntentRules(files: IntentFiles, knownCodes: Set<string>): IntentRules {
  return {
    intent: loadAnnounced(files.intentMap, files.intentWords, knownCodes, '03', 'intent'),
    threat: loadAnnounced(files.threatMap, files.threatWords, knownCodes, '13', 'threat'),
    requests: files.requestMap ? loadRequests(files.requestMap, knownCodes) : [],
    cameo: knownCodes,
  };
}

function loadAnnounced(mapFile: string, wordsFile: string, knownCodes: Set<string>, root: string, kind: string): AnnouncedRules {
  const map = longestPrefixFirst(readRuleTable(mapFile).map(({ cols: [act, code], where }): [string, string] => {
    if (!/^\d{2,4}$/.test(act ?? '') || !knownCodes.has(code ?? '') || !code.startsWith(root)) {
      throw new DictionaryError(`expected \`ACT-CODE-PREFIX<TAB>${kind.toUpperCase()}-CODE<TAB>note\` with a known CAMEO ${root}x code`, { where });
    }
    return [act, code];
  }));
  const words = new Set<string>();
  if (existsSync(wordsFile)) {
    for (const raw of readFileSync(wordsFile, 'utf8').split('\n')) {
      const w = raw.trim().toLowerCase();
      if (w && !w.startsWith('#')) words.add(w);
    }
  }
  return { map, words };
}

function loadRequests(file: string, knownCodes: Set<string>): [string, RequestCodes][] {
  return longestPrefixFirst(readRuleTable(file).map(({ cols: [intent, appeal, demand, refusal], where }): [string, RequestCodes] => {
    const ok = (code: string | undefined, root: string) => code !== undefined && code.startsWith(root) && knownCodes.has(code);
    if (!/^03\d{0,2}$/.test(intent ?? '') || !ok(appeal, '02') || !ok(demand, '10') || !ok(refusal, '12')) {
      throw new DictionaryError('expected `INTENT-CODE<TAB>APPEAL-CODE<TAB>DEMAND-CODE<TAB>REFUSAL-CODE<TAB>note` with a CAMEO 03x, 02x, 10x and 12x code', { where });
    }
    return [intent, { appeal, demand, refusal }];
  }));
}

/**
 * The code of a request of the given kind for an act (`urged X to ease the blockade` -> 0251), or null when the act
 * is no cooperative act the request table knows.
 */
export function requestCodeFor(rules: IntentRules, actCode: string, kind: RequestKind): string | null {
  const intent = actCode.startsWith('03') ? actCode : intentFor(rules, actCode);
  if (!intent?.startsWith('03')) return null;
  for (const [prefix, codes] of rules.requests) if (intent.startsWith(prefix)) return codes[kind];
  return null;
}

/**
 * The code an act becomes when only announced, with the words that announce it, or null when the act has none
 * (or already is an intent or a threat).
 */
export function announcedCodeFor(rules: IntentRules, code: string): { code: string; words: Set<string> } | null {
  if (code.startsWith('03') || code.startsWith('13') || !rules.cameo.has(code)) return null;
  for (const r of [rules.intent, rules.threat]) {
    for (const [act, announced] of r.map) if (code.startsWith(act)) return { code: announced, words: r.words };
  }
  return null;
}

/** The threat code of an act (`impose sanctions` -> 1312), whether or not it is a conflict act's, or null. */
export function threatCodeFor(rules: IntentRules, code: string): string | null {
  if (!rules.cameo.has(code)) return null;
  for (const [act, threat] of rules.threat.map) if (code.startsWith(act)) return threat;
  return null;
}

/** The intent or threat code for an act code, or null. */
export function intentFor(rules: IntentRules, code: string): string | null {
  return announcedCodeFor(rules, code)?.code ?? null;
}
