// Loads the verb and noun classes the grammar rules use (data/lexicon/verbs.yaml): light, reporting and object-control
// verbs, the words that make an act one not done, and the nouns some rules read.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { DictionaryError } from '../model/errors.js';

export interface VerbClasses {
  light: Set<string>;
  reporting: Set<string>;
  objectControl: Set<string>;
  /** Of those, the verbs that make or let the act happen (`forced them to leave`, `prompted Mexico to sever`). */
  enabling: Set<string>;
  /** Verbs and nouns whose complement is an act not done: `demanded that X withdraw`, `refused to deploy`. */
  unrealizing: Set<string>;
  unrealizingNouns: Set<string>;
  /** Which of those words ask for the act, demand it or refuse it: the request's code follows (requests.tsv). */
  asking: Set<string>;
  demanding: Set<string>;
  refusing: Set<string>;
  /** Verbs that deny what their `that` clause tells (`denied that X had helped`): the act is not coded. */
  denying: Set<string>;
  /** Nouns for what is said or reported (`rejected reports that X had helped`): denied, the act is not coded. */
  claimNouns: Set<string>;
  /** Verbs whose `of`/`for` complement is an act only alleged: `accused X of sympathising`. */
  alleging: Set<string>;
  /** Nouns for a crowd of protesters: what such a crowd demands it demonstrates for. */
  crowdNouns: Set<string>;
  /** Nouns for a court's decision: a reaction to one is aimed at the court (`rejected the ruling`). */
  judgementNouns: Set<string>;
  /** Verbs of killing: killing a person the dictionary names is an assassination (186). */
  killing: Set<string>;
}

/** The key of each class in verbs.yaml. */
const FILE_KEYS = {
  light: 'light',
  reporting: 'reporting',
  objectControl: 'object_control',
  enabling: 'enabling',
  unrealizing: 'unrealizing',
  unrealizingNouns: 'unrealizing_nouns',
  asking: 'asking',
  demanding: 'demanding',
  refusing: 'refusing',
  alleging: 'alleging',
  denying: 'denying',
  claimNouns: 'claim_nouns',
  killing: 'killing',
  judgementNouns: 'judgement_nouns',
  crowdNouns: 'crowd_nouns',
} as const satisfies Record<keyof VerbClasses, string>;

const words = z.array(z.string().min(1));
const schema = z.strictObject(Object.fromEntries(Object.values(FILE_KEYS).map((k) => [k, words])) as Record<(typeof FILE_KEYS)[keyof VerbClasses], typeof words>);

export function loadVerbClasses(file: string): VerbClasses {
  if (!existsSync(file)) throw new DictionaryError('missing verb classes file', { where: file });
  const result = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) throw new DictionaryError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), { where: file });
  const data = result.data;
  return Object.fromEntries(Object.entries(FILE_KEYS).map(([field, key]) => [field, new Set(data[key].map((w) => w.toLowerCase()))])) as unknown as VerbClasses;
}
