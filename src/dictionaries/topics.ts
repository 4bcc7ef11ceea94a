// Loads and compiles the topic dictionary (data/topics/*.yaml): issues such as trade or terrorism, the phrases that
// mark them and the PLOVER contexts they imply. Phrases are indexed by the forms of their first word, so a sentence is
// scanned once with a map lookup a token; nothing here reads documents (src/coder/topics.ts attaches topics to events).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DictionaryError } from '../model/errors.js';
import { topicSchema } from './schema.js';
import { readYamlList, type YamlProblem } from './yaml-file.js';

export interface Topic {
  id: string;
  label: string;
  /** PLOVER contexts the topic implies (data/ontology/plover.yaml). */
  contexts: string[];
  /** `topics/topics.yaml:12`: the entry. */
  entry: string;
  /** The phrases and except phrases as written. */
  phrases: string[];
  except: string[];
}

/** One token of a compiled phrase: the lower-case forms a token's lemma or lower case may equal, or an acronym's exact text. */
export interface TopicWord {
  forms: string[];
  /** Set for a word written in capitals (`AIDS`, `WHO`): the token must be written so. */
  exact: string | null;
}

export interface TopicPhrase {
  topic: Topic;
  /** An `except` phrase: where it wins, nothing is marked (`climate of fear` is not the climate). */
  block: boolean;
  /** As written in the file. */
  phrase: string;
  words: TopicWord[];
  /** `topics/topics.yaml:12 belt and road`: the entry and the phrase, written into every match. */
  rule: string;
}

export interface Topics {
  all: Topic[];
  byId: Map<string, Topic>;
  /** Phrases by each form of their first word; each list longest first. */
  byFirst: Map<string, TopicPhrase[]>;
  /** Every form of every phrase word (for `dyad dict lookup`, which has no tagger to find lemmas). */
  words: Set<string>;
  /** Number of phrases (not counting `except` phrases or generated variants). */
  phrases: number;
}

/** A phrase found in a run of tokens: token range, end exclusive. */
export interface TopicHit {
  phrase: TopicPhrase;
  tokenStart: number;
  tokenEnd: number;
}

/** The token arrays a scan reads (a Doc's `tokens`, or words of a looked-up phrase). */
export interface TopicTokens {
  text: string[];
  lower: string[];
  lemma: string[];
}

export const EMPTY_TOPICS: Topics = { all: [], byId: new Map(), byFirst: new Map(), words: new Set(), phrases: 0 };

/**
 * Reads every `*.yaml` in `dir` (none: no topics). Problems (schema, duplicate id, unknown PLOVER context, empty
 * phrase) go to `problems`, or throw at the first when none is given.
 */
export function loadTopics(dir: string, knownContexts: Set<string>, problems?: YamlProblem[]): Topics {
  if (!existsSync(dir)) return EMPTY_TOPICS;
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  const report = (file: string, line: number, message: string) => {
    if (problems) problems.push({ file, line, message });
    else throw new DictionaryError(message, { where: `${file}:${line}` });
  };
  const all: Topic[] = [];
  const phrases: TopicPhrase[] = [];
  const seen = new Map<string, string>();
  let count = 0;
  for (const f of files) {
    const file = join(dir, f);
    const rel = `topics/${f}`;
    for (const { value: e, line } of readYamlList(file, topicSchema, problems)) {
      const first = seen.get(e.id);
      if (first) {
        report(file, line, `duplicate topic id ${e.id}, first at ${first}`);
        continue;
      }
      seen.set(e.id, `${file}:${line}`);
      for (const c of e.contexts) {
        if (!knownContexts.has(c)) report(file, line, `${e.id}: unknown PLOVER context "${c}" (contexts are listed in data/ontology/plover.yaml)`);
      }
      const topic: Topic = { id: e.id, label: e.label, contexts: [...new Set(e.contexts)].sort(), entry: `${rel}:${line}`, phrases: e.phrases, except: e.except };
      all.push(topic);
      const add = (text: string, block: boolean, what: string) => {
        const variants = compilePhrase(text);
        if (!variants.length) {
          report(file, line, `${e.id}: empty ${what} ${JSON.stringify(text)}`);
          return;
        }
        if (!block) count++;
        for (const words of variants) phrases.push({ topic, block, phrase: text.trim(), words, rule: `${topic.entry} ${text.trim()}` });
      };
      e.phrases.forEach((p) => add(p, false, 'phrase'));
      e.except.forEach((p) => add(p, true, 'except phrase'));
    }
  }
  return compileTopics(all, phrases, count);
}

export function compileTopics(all: Topic[], phrases: TopicPhrase[], count = phrases.filter((p) => !p.block).length): Topics {
  const byFirst = new Map<string, TopicPhrase[]>();
  const words = new Set<string>();
  for (const p of phrases) {
    for (const w of p.words) for (const f of w.forms) words.add(f);
    for (const key of p.words[0].forms) {
      let list = byFirst.get(key);
      if (!list) byFirst.set(key, (list = []));
      if (!list.includes(p)) list.push(p);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { all, byId: new Map(all.map((t) => [t.id, t])), byFirst, words, phrases: count };
}

const ACRONYM = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z0-9&.+-]+$/;
/** Where the tagger may split a word: at hyphens and slashes (kept as tokens) and between letters and digits. */
const PIECES = /[-/]|\d+|[^-/\d]+/g;
/** A possessive ending, which the tagger makes a token of its own (`women's` is `women` + `'s`). */
const POSSESSIVE = /^(.+?)(['’]s?)$/;
const MAX_VARIANTS = 8;

/**
 * A phrase as token sequences: words split on spaces; a word with a hyphen, slash or a letter-digit boundary is also
 * tried as the tagger may split it (`asylum-seeker` as one token or as `asylum - seeker`), and a possessive ending is a
 * token of its own. The last word also matches its plural, where the tagger leaves a lemma unreduced (`cyberattacks`).
 * No words: an empty phrase.
 */
export function compilePhrase(text: string): TopicWord[][] {
  const raw = text.trim().split(/\s+/).map((w) => w.replace(/^["“(]+|[,;:!?"”)]+$/g, '')).filter(Boolean);
  if (!raw.length) return [];
  let variants: TopicWord[][] = [[]];
  raw.forEach((w, i) => {
    const last = i === raw.length - 1;
    const options = wordOptions(w, last);
    variants = variants.flatMap((v) => options.map((o) => [...v, ...o])).slice(0, MAX_VARIANTS);
  });
  return variants;
}

/** The token sequences one written word may be. */
function wordOptions(w: string, last: boolean): TopicWord[][] {
  const possessive = POSSESSIVE.exec(w);
  if (possessive && !/['’]/.test(possessive[1])) {
    const ending = possessive[2].length > 1 ? ["'s", '’s'] : ["'", '’'];
    return wordOptions(possessive[1], false).map((o) => [...o, { forms: ending, exact: null }]);
  }
  const whole = [toWord(w, last)];
  const pieces = w.match(PIECES) ?? [w];
  return pieces.length > 1 ? [whole, pieces.map((p, k) => toWord(p, last && k === pieces.length - 1))] : [whole];
}

function toWord(w: string, last: boolean): TopicWord {
  if (ACRONYM.test(w)) return { forms: [w.toLowerCase()], exact: w };
  const lower = w.toLowerCase();
  const forms = [lower];
  // The other apostrophe: `Chang'e` is also written `Chang’e`.
  if (/['’]/.test(lower)) forms.push(lower.includes("'") ? lower.replace(/'/g, '’') : lower.replace(/’/g, "'"));
  if (last && /^[a-z][a-z0-9-]+[a-z0-9]$/.test(lower)) forms.push(plural(lower));
  return { forms, exact: null };
}

function plural(w: string): string {
  if (/(s|x|z|ch|sh)$/.test(w)) return `${w}es`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  return `${w}s`;
}

function wordAt(tokens: TopicTokens, t: number, w: TopicWord): boolean {
  if (w.exact !== null) return tokens.text[t] === w.exact;
  return w.forms.includes(tokens.lemma[t]) || w.forms.includes(tokens.lower[t]);
}

/**
 * Topic phrases in tokens [from, to), left to right, longest first: at each place the longest phrase that matches wins
 * (phrases of that length in several topics all count; an `except` phrase marks nothing) and the scan moves past it,
 * so `nuclear power plant` is energy alone and `trade war` is not also `war`.
 */
export function scanTopics(tokens: TopicTokens, from: number, to: number, topics: Topics): TopicHit[] {
  const out: TopicHit[] = [];
  const { byFirst } = topics;
  if (!byFirst.size) return out;
  for (let t = from; t < to; ) {
    const lemma = tokens.lemma[t];
    const lower = tokens.lower[t];
    const a = byFirst.get(lemma);
    const b = lower !== lemma ? byFirst.get(lower) : undefined;
    if (!a && !b) {
      t++;
      continue;
    }
    let longest = 0;
    let found: TopicPhrase[] | null = null;
    // Phrases found through the word as written come first, so the rule names the phrase the text spells.
    for (const list of b ? (a ? [b, a] : [b]) : [a!]) {
      for (const p of list) {
        const n = p.words.length;
        // Each list is sorted longest first: nothing shorter than the best so far can win.
        if (n < longest) break;
        if (t + n > to || !wordAt(tokens, t, p.words[0])) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) ok = wordAt(tokens, t + k, p.words[k]);
        if (!ok) continue;
        if (n > longest) {
          longest = n;
          found = [];
        }
        if (!found!.includes(p)) found!.push(p);
      }
    }
    if (!found) {
      t++;
      continue;
    }
    for (const p of found) if (!p.block) out.push({ phrase: p, tokenStart: t, tokenEnd: t + longest });
    t += longest;
  }
  return out;
}
