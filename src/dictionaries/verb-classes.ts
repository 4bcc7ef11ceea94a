// Loads the verb classes the grammar rules use (data/lexicon/verbs.yaml): light, reporting and object-control verbs.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { DictionaryError } from '../model/errors.js';

export interface VerbClasses {
  light: Set<string>;
  reporting: Set<string>;
  objectControl: Set<string>;
  /** Verbs and nouns whose complement is an act not done: `demanded that X withdraw`, `refused to deploy`. */
  unrealizing: Set<string>;
  unrealizingNouns: Set<string>;
  /** Which of those words ask for the act, demand it or refuse it: the request's code follows (requests.tsv). */
  asking: Set<string>;
  demanding: Set<string>;
  refusing: Set<string>;
  /** Verbs whose `of`/`for` complement is an act only alleged: `accused X of sympathising`. */
  alleging: Set<string>;
  /** Nouns for a crowd of protesters: what such a crowd demands it demonstrates for. */
  crowdNouns: Set<string>;
  /** Nouns for a court's decision: a reaction to one is aimed at the court (`rejected the ruling`). */
  judgementNouns: Set<string>;
  /** Verbs of killing: killing a person the dictionary names is an assassination (186). */
  killing: Set<string>;
}

const schema = z.strictObject({
  light: z.array(z.string().min(1)),
  reporting: z.array(z.string().min(1)),
  object_control: z.array(z.string().min(1)),
  unrealizing: z.array(z.string().min(1)),
  unrealizing_nouns: z.array(z.string().min(1)),
  asking: z.array(z.string().min(1)),
  demanding: z.array(z.string().min(1)),
  refusing: z.array(z.string().min(1)),
  alleging: z.array(z.string().min(1)),
  killing: z.array(z.string().min(1)),
  judgement_nouns: z.array(z.string().min(1)),
  crowd_nouns: z.array(z.string().min(1)),
});

export function loadVerbClasses(file: string): VerbClasses {
  if (!existsSync(file)) throw new DictionaryError('missing verb classes file', { where: file });
  const result = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) throw new DictionaryError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), { where: file });
  const set = (words: string[]) => new Set(words.map((w) => w.toLowerCase()));
  return {
    light: set(result.data.light),
    reporting: set(result.data.reporting),
    objectControl: set(result.data.object_control),
    unrealizing: set(result.data.unrealizing),
    unrealizingNouns: set(result.data.unrealizing_nouns),
    asking: set(result.data.asking),
    demanding: set(result.data.demanding),
    refusing: set(result.data.refusing),
    alleging: set(result.data.alleging),
    killing: set(result.data.killing),
    judgementNouns: set(result.data.judgement_nouns),
    crowdNouns: set(result.data.crowd_nouns),
  };
}
