// Reads who-did-what-to-whom from a dependency tree (Universal Dependencies): the subject of a trigger's
// clause (through xcomp, conj, relative clauses and light verbs), passive agents, objects and obliques, and which
// act a negator negates. Pure functions over a sentence's tree; the parser itself lives in src/nlp/parser/.
import type { ActorMention, Doc, Sentence } from '../model/types.js';
import type { VerbClasses } from '../dictionaries/verb-classes.js';
import { NEGATING_ADVERBS } from './event-matcher.js';

export interface SentenceTree {
  /** First token of the sentence; arrays are indexed by token - tokenStart. */
  tokenStart: number;
  /** Head as a document token index, -1 for the root. */
  head: Int32Array;
  deprel: string[];
  upos: string[];
  /** End (exclusive, a document token index) of the words parsed: a parse may stop before the sentence ends. */
  parsedEnd: number;
}

/** Words parsed past a match whose actors the tree is read for: its object, or a `by` agent. */
export const PARSE_AFTER = 4;

/**
 * Does the tree reach far enough past a match (ending before token `matchEnd`) to be read for it? A parse cut short
 * right after a trigger hangs it wrongly (`arrived on Thursday, after Tokayev asked`: `asked` as a conjunct of
 * `arrived`), so the tree is read only where it runs PARSE_AFTER words past the match, or to the sentence's end.
 */
export function treeReaches(tree: SentenceTree, matchEnd: number): boolean {
  return tree.parsedEnd >= Math.min(matchEnd + PARSE_AFTER, tree.tokenStart + tree.head.length);
}

/** Anything that parses a sentence's words into UD heads (1-based, 0 = root) and relations. */
export interface TreeParser {
  parse(words: string[], upos?: string[]): { head: number[]; deprel: string[]; upos: string[] };
}

/**
 * Parses a sentence, or only its first tokens up to `tokenEnd`: the subject of a trigger stands before it, so the
 * words after the last trigger of interest need no parse (tokens past the end get no head).
 */
export function parseSentence(doc: Doc, sent: Sentence, parser: TreeParser, tokenEnd = sent.tokenEnd): SentenceTree {
  const end = Math.min(tokenEnd, sent.tokenEnd);
  const words = doc.tokens.text.slice(sent.tokenStart, end);
  // wink-nlp's parts of speech are fixed, as the rest of the coder reads them (the tagger then chooses only fine tags,
  // reading them as features too); the model was trained on such tags as well as its own.
  const r = parser.parse(words, doc.tokens.pos.slice(sent.tokenStart, end));
  const n = sent.tokenEnd - sent.tokenStart;
  const head = new Int32Array(n).fill(-1);
  const deprel: string[] = new Array(n).fill('');
  const upos: string[] = new Array(n).fill('X');
  for (let i = 0; i < words.length; i++) {
    head[i] = r.head[i] === 0 ? -1 : sent.tokenStart + r.head[i] - 1;
    deprel[i] = r.deprel[i];
    upos[i] = r.upos[i];
  }
  return { tokenStart: sent.tokenStart, head, deprel, upos, parsedEnd: end };
}

const rel = (tree: SentenceTree, t: number) => tree.deprel[t - tree.tokenStart] ?? '';
const headOf = (tree: SentenceTree, t: number) => tree.head[t - tree.tokenStart];
const base = (r: string) => r.split(':')[0];

function children(tree: SentenceTree, t: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < tree.head.length; i++) if (tree.head[i] === t) out.push(tree.tokenStart + i);
  return out;
}

const RELATIVE = new Set(['who', 'which', 'that', 'whom']);
/** Relations of a noun inside its verb's clause. */
const IN_CLAUSE = new Set(['obj', 'iobj', 'obl', 'nmod']);

export interface TreeRoles {
  /** Token that is the subject (agent) of the trigger's clause. */
  subject: number | null;
  /** Token that is the passive subject (the patient). */
  patient: number | null;
  /** Token of the agent in `by X`. */
  agent: number | null;
  /** Direct object, and obliques with their preposition. */
  object: number | null;
  obliques: { token: number; prep: string }[];
  rule: string;
}

/** The roles of the clause a trigger belongs to. */
export function clauseRoles(doc: Doc, tree: SentenceTree, trigger: number, verbs: VerbClasses): TreeRoles {
  const { tokens } = doc;
  let pred = trigger;
  const rules: string[] = [];
  // `was rammed`, `is ready`: a pattern that starts at an auxiliary or copula means the word it serves.
  for (let guard = 0; guard < 3 && ['aux', 'cop', 'mark'].includes(base(rel(tree, pred))) && headOf(tree, pred) >= 0; guard++) pred = headOf(tree, pred);
  trigger = pred;
  // An event noun or adjective takes the clause of the verb that carries it (`held talks`, `is ready to`).
  const r0 = base(rel(tree, pred));
  const h0 = headOf(tree, pred);
  if ((tree.upos[pred - tree.tokenStart] === 'NOUN' || tree.upos[pred - tree.tokenStart] === 'PROPN') && (r0 === 'obj' || r0 === 'nsubj') && h0 >= 0) {
    if (r0 === 'obj' && verbs.light.has(tokens.lemma[h0])) {
      pred = h0;
      rules.push('light-verb');
    }
  }
  const roles: TreeRoles = { subject: null, patient: null, agent: null, object: null, obliques: [], rule: '' };
  collectArgs(doc, tree, trigger, roles);
  if (pred !== trigger) collectArgs(doc, tree, pred, roles);
  // Climb to the clause that supplies a subject: xcomp (controlled), conj (shared), relative clauses.
  for (let guard = 0; guard < 6 && roles.subject === null && roles.patient === null; guard++) {
    const r = rel(tree, pred);
    const h = headOf(tree, pred);
    if (h < 0) break;
    if (base(r) === 'xcomp') {
      // Object control: `urged Castro to allow` -> Castro; subject control: `is ready to work` -> subject of `ready`.
      const obj = children(tree, h).find((c) => base(rel(tree, c)) === 'obj' || base(rel(tree, c)) === 'iobj');
      if (obj !== undefined && verbs.objectControl.has(tokens.lemma[h])) {
        roles.subject = obj;
        rules.push('object-control');
        break;
      }
      pred = h;
      rules.push('xcomp');
      collectSubject(tree, pred, roles);
    } else if (base(r) === 'conj') {
      // `declared a state of emergency and police imposed a curfew`: the noun between `and` and the verb is its
      // subject, however the tree attached it.
      const own = nounAfterAnd(doc, tree, pred);
      if (own >= 0) {
        roles.subject = own;
        rules.push('conj-own-subject');
        break;
      }
      // `shot at and seized three vessels`: a verb conjoined by `and` shares the subject of the verb right before
      // the `and`, when the tree hangs it on a verb further back instead.
      pred = Math.max(h, verbBeforeAnd(doc, tree, pred));
      rules.push('conj');
      collectSubject(tree, pred, roles);
      // That verb read as a noun (`forces shot at`) has its subject as a compound before it.
      if (roles.subject === null && tree.upos[pred - tree.tokenStart] === 'NOUN') {
        const left = children(tree, pred).filter((c) => c < pred && rel(tree, c) === 'compound');
        if (left.length) roles.subject = left[left.length - 1];
      }
      // `Washington, whose navy has increased its patrols, described ...`: a clause whose subject is a `whose` phrase
      // is a relative clause, never the main one; a verb the tree conjoins to it (taking that clause for the main one)
      // is the main clause's, whose subject is the noun the relative clause describes.
      const antecedent = roles.subject !== null && rel(tree, pred) !== 'acl:relcl' ? whoseAntecedent(doc, tree, roles.subject) : null;
      if (antecedent !== null) {
        roles.subject = antecedent;
        rules.push('whose-antecedent');
        break;
      }
    } else if (r === 'acl' && roles.agent === null && children(tree, pred).some((c) => rel(tree, c) === 'mark' && doc.tokens.lower[c] === 'to')) {
      // `used a string of tweets to call Assad an animal`: an infinitive after a noun tells the purpose of the
      // clause the noun is in, whose subject does it.
      // `the right of Russian troops to fire`, `Russia's attempt to murder`: the noun's own `of` or possessive names
      // the doer.
      const proper = (c: number) => tree.upos[c - tree.tokenStart] === 'PROPN' || children(tree, c).some((k) => tree.upos[k - tree.tokenStart] === 'PROPN' && base(rel(tree, k)) !== 'case');
      const doer = children(tree, h).find(
        (c) => rel(tree, c) === 'nmod:poss' || (base(rel(tree, c)) === 'nmod' && children(tree, c).some((k) => doc.tokens.lower[k] === 'of') && proper(c)),
      );
      if (doer !== undefined) {
        roles.subject = doer;
        rules.push('noun-doer');
        break;
      }
      // Up from the noun through objects and obliques only: a noun that is itself a clause (misparsed) leads nowhere.
      let v = h;
      for (let guard = 0; guard < 4 && v >= 0 && tree.upos[v - tree.tokenStart] !== 'VERB'; guard++) {
        v = IN_CLAUSE.has(base(rel(tree, v))) ? headOf(tree, v) : -1;
      }
      if (v < 0 || tree.upos[v - tree.tokenStart] !== 'VERB') break;
      pred = v;
      rules.push('purpose-infinitive');
      collectSubject(tree, pred, roles);
    } else if (base(r) === 'advcl' && tree.upos[h - tree.tokenStart] === 'VERB' && children(tree, pred).some((c) => rel(tree, c) === 'mark' && tokens.lower[c] === 'to')) {
      // `used tweets to blame Russia` (UD: a purpose clause is an advcl): the infinitive's doer is the subject of the
      // verb whose purpose it tells.
      pred = h;
      rules.push('purpose-clause');
      collectSubject(tree, pred, roles);
    } else if (r === 'acl:relcl' || base(r) === 'acl') {
      // `talks mediated by the OSCE`: a participle with a `by` agent is passive; its noun is the patient.
      if (r !== 'acl:relcl' && roles.agent !== null) roles.patient = h;
      else roles.subject = h;
      rules.push(r === 'acl:relcl' ? 'relative-clause' : 'participle-clause');
      break;
    } else break;
  }
  // `who was shot`: the relative pronoun stands for the noun the clause hangs on.
  for (const key of ['subject', 'patient'] as const) {
    const t = roles[key];
    if (t !== null && RELATIVE.has(tokens.lower[t])) {
      let c = headOf(tree, t);
      while (c >= 0 && rel(tree, c) !== 'acl:relcl' && rel(tree, c) !== 'advcl:relcl') c = headOf(tree, c);
      if (c >= 0 && headOf(tree, c) >= 0) {
        // A relative clause hung on a clause (`advcl:relcl`) rather than a noun: `the Fijian government, which has
        // declared` then stands for the noun right before `, which`.
        const before = t - 2 >= tree.tokenStart && tokens.text[t - 1] === ',' && ['NOUN', 'PROPN'].includes(tree.upos[t - 2 - tree.tokenStart]) ? t - 2 : -1;
        if (rel(tree, c) === 'acl:relcl') roles[key] = headOf(tree, c);
        else if (before >= 0) roles[key] = before;
        else continue;
        rules.push('relative-antecedent');
      }
    }
  }
  roles.rule = ['tree', ...rules].join(':');
  return roles;
}

/**
 * The token that negates a trigger's act in the tree, or null; undefined when the tree does not reach the trigger.
 * The act is negated by `not`/`never` on its verb (`did not, despite the pressure, condemn`), on the verb it is the
 * object of (`did not hold talks`) or the controlled infinitive of (`did not agree to meet`), and by `no` on its noun,
 * on a noun among the pattern's `words` (`held no talks`) or on the noun it is the infinitive of (`had no standing to
 * sue`). A negator of another clause does not count (`leaders who did not attend condemned Russia`).
 */
export function treeNegator(doc: Doc, tree: SentenceTree, trigger: number, words: readonly number[] = [trigger]): number | null | undefined {
  if (rel(tree, trigger) === '') return undefined;
  // `held no talks with`: `no` on a noun among the pattern's own words (not itself one of them: `held no grudges`).
  for (const w of words) {
    const no = children(tree, w).find((c) => base(rel(tree, c)) === 'det' && doc.tokens.lower[c] === 'no' && !words.includes(c));
    if (no !== undefined) return no;
  }
  const { lower } = doc.tokens;
  let pred = trigger;
  for (let guard = 0; guard < 3 && ['aux', 'cop', 'mark'].includes(base(rel(tree, pred))) && headOf(tree, pred) >= 0; guard++) pred = headOf(tree, pred);
  const negatorOf = (t: number, nominal: boolean): number | null => {
    for (const c of children(tree, t)) {
      const r = base(rel(tree, c));
      if (r === 'advmod' && NEGATING_ADVERBS.has(lower[c])) return c;
      if (nominal && r === 'det' && lower[c] === 'no' && !words.includes(c)) return c;
    }
    return null;
  };
  for (let guard = 0; guard < 4 && pred >= 0; guard++) {
    const upos = tree.upos[pred - tree.tokenStart];
    const found = negatorOf(pred, upos === 'NOUN' || upos === 'PROPN');
    if (found !== null) return found;
    const r = base(rel(tree, pred));
    if (r !== 'xcomp' && r !== 'obj' && r !== 'acl') return null;
    pred = headOf(tree, pred);
  }
  return null;
}

const HE_SHE = new Set(['he', 'she']);
/** Relations by which a clause hangs on the clause that says or frames it. */
const SUBORDINATE = new Set(['ccomp', 'advcl', 'acl', 'xcomp']);

/**
 * `Obama said he would keep pushing Congress`, `Conille asked for officers when he briefed the Council`: a `he` or
 * `she` that is the subject of a clause hanging on another clause stands for that clause's subject, as a rule. The
 * token of the nearest such subject that is not itself `he` or `she` (through `the law he had declared`, a relative
 * clause inside the reported one), or null.
 */
export function governingSubject(doc: Doc, tree: SentenceTree, pronoun: number): number | null {
  if (!HE_SHE.has(doc.tokens.lower[pronoun]) || base(rel(tree, pronoun)) !== 'nsubj') return null;
  let pred = headOf(tree, pronoun);
  for (let guard = 0; guard < 8 && pred >= 0; guard++) {
    if (!SUBORDINATE.has(base(rel(tree, pred)))) return null;
    let v = headOf(tree, pred);
    // A relative clause hangs on a noun: up through objects and obliques to the verb whose clause holds it.
    for (let g = 0; g < 4 && v >= 0 && tree.upos[v - tree.tokenStart] !== 'VERB'; g++) v = IN_CLAUSE.has(base(rel(tree, v))) ? headOf(tree, v) : -1;
    if (v < 0) return null;
    const subject = children(tree, v).find((c) => rel(tree, c) === 'nsubj');
    if (subject !== undefined && !HE_SHE.has(doc.tokens.lower[subject])) return subject;
    pred = v;
  }
  return null;
}

/** The noun before `, whose` when the subject `s` is a `whose` phrase (`Washington, whose navy`); else null. */
function whoseAntecedent(doc: Doc, tree: SentenceTree, s: number): number | null {
  const whose = children(tree, s).find((c) => doc.tokens.lower[c] === 'whose');
  if (whose === undefined) return null;
  let k = whose - 1;
  if (doc.tokens.text[k] === ',') k--;
  const pos = tree.upos[k - tree.tokenStart];
  return k >= tree.tokenStart && (pos === 'PROPN' || pos === 'NOUN') ? k : null;
}

function collectSubject(tree: SentenceTree, pred: number, roles: TreeRoles): void {
  for (const c of children(tree, pred)) {
    const r = rel(tree, c);
    // A clausal subject (`Speaking to reporters, ...` misparsed, `What he said angered ...`) names no actor.
    if (r === 'nsubj') roles.subject ??= c;
    else if (r === 'nsubj:pass') roles.patient ??= c;
  }
}

function collectArgs(doc: Doc, tree: SentenceTree, pred: number, roles: TreeRoles): void {
  collectSubject(tree, pred, roles);
  for (const c of children(tree, pred)) {
    const r = rel(tree, c);
    if (r === 'obj' || r === 'iobj') roles.object ??= c;
    else if (r === 'obl:agent') roles.agent ??= c;
    else if (base(r) === 'obl' || base(r) === 'nmod') {
      const prep = children(tree, c).find((k) => rel(tree, k) === 'case');
      const word = prep !== undefined ? doc.tokens.lower[prep] : '';
      if (word === 'by' && roles.patient !== null) roles.agent ??= c;
      else roles.obliques.push({ token: c, prep: word });
    }
  }
}

const NOUN_PHRASE = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
/** The noun right before verb `v` in `and (the) NOUN v` / `but NOUN v`, or -1. */
function nounAfterAnd(doc: Doc, tree: SentenceTree, v: number): number {
  const upos = (t: number) => tree.upos[t - tree.tokenStart];
  const n = v - 1;
  if (n < tree.tokenStart || upos(v) !== 'VERB' || (upos(n) !== 'NOUN' && upos(n) !== 'PROPN')) return -1;
  let j = n - 1;
  while (j >= tree.tokenStart && n - j < 4 && NOUN_PHRASE.has(upos(j))) j--;
  return j >= tree.tokenStart && (doc.tokens.lower[j] === 'and' || doc.tokens.lower[j] === 'but') ? n : -1;
}

/** The verb just before `and VERB` at `v` (`shot at and seized`), with only prepositions, particles or adverbs between; else -1. */
function verbBeforeAnd(doc: Doc, tree: SentenceTree, v: number): number {
  const { lower } = doc.tokens;
  if (lower[v - 1] !== 'and') return -1;
  // A preposition right before `and` has no object of its own: it ends a verb (`shot at and seized`).
  const stranded = v - 2 >= tree.tokenStart && tree.upos[v - 2 - tree.tokenStart] === 'ADP';
  for (let k = v - 2; k >= Math.max(tree.tokenStart, v - 4); k--) {
    const pos = tree.upos[k - tree.tokenStart];
    // (A word the tagger took for a noun is a verb when the tree gives it a subject, or when a stranded preposition
    // follows it: `forces shot at and seized`.)
    if (pos === 'VERB' || children(tree, k).some((c) => base(rel(tree, c)) === 'nsubj')) return k;
    if (pos === 'NOUN' && stranded && k < v - 2) return k;
    if (pos !== 'ADP' && pos !== 'ADV' && pos !== 'PART') return -1;
  }
  return -1;
}

/**
 * `police detain dozens in Minsk as the EU readies sanctions`: is the mention the subject of a clause of its own that
 * only stands beside the trigger's (adverbial, paratactic, or outside the trigger's clause)? Then it is not the one
 * the act was aimed at. A complement clause (`demanded that the US cancel`) is the act's own content and keeps it.
 */
export function subjectOfOtherClause(tree: SentenceTree, mention: ActorMention, trigger: number): boolean {
  const end = tree.tokenStart + tree.head.length;
  if (mention.tokenStart < tree.tokenStart || mention.tokenEnd > end) return false;
  // The mention's head: its word whose head lies outside it.
  let h = -1;
  for (let t = mention.tokenStart; t < mention.tokenEnd; t++) {
    const up = headOf(tree, t);
    if (up < mention.tokenStart || up >= mention.tokenEnd) {
      h = t;
      break;
    }
  }
  if (h < 0 || !base(rel(tree, h)).startsWith('nsubj')) return false;
  const v = headOf(tree, h);
  if (v < 0 || v === trigger) return false;
  const r = base(rel(tree, v));
  if (r === 'advcl' || r === 'parataxis') return true;
  // A clause the trigger does not dominate at all (`X attacked Y, and Z condemned it` seen from `attacked`).
  for (let c = v, guard = 0; guard < 40 && c >= 0; guard++, c = headOf(tree, c)) if (c === trigger) return false;
  return true;
}

/**
 * `met religious leaders and members of the political opposition`: the actors conjoined to a target in the tree (its
 * `conj` dependents, each read as the mention it holds), after the target itself; just the target when none.
 */
export function conjoinedTargets(doc: Doc, tree: SentenceTree, mentions: ActorMention[], target: ActorMention): ActorMention[] {
  if (target.members) return [target];
  const head = target.tokenEnd - 1;
  if (head < tree.tokenStart || head - tree.tokenStart >= tree.head.length) return [target];
  const out = [target];
  for (const c of children(tree, head)) {
    if (base(rel(tree, c)) !== 'conj') continue;
    // `and members of the opposition`: a noun with no actor of its own is the one its `of` or `from` phrase names, right
    // after it, however the tree attached that phrase.
    const m = mentionForToken(tree, mentions, c) ?? (WHOSE.has(doc.tokens.lower[c + 1]) ? (mentions.find((x) => x.tokenStart === c + 2 || x.tokenStart === c + 3) ?? null) : null);
    if (m && !m.locative && !out.some((o) => o.code === m.code)) out.push(m);
  }
  return out;
}

export function mentionForToken(tree: SentenceTree, mentions: ActorMention[], t: number | null, doc?: Doc): ActorMention | null {
  if (t === null) return null;
  for (const m of mentions) if (m.tokenStart <= t && t < m.tokenEnd) return m;
  // `Zhao, chairman of ...`: the head word may fall outside the name span; take a mention in its subtree.
  let best: ActorMention | null = null;
  for (const m of mentions) {
    for (let k = m.tokenStart; k < m.tokenEnd; k++) {
      if (dominates(tree, t, k, doc)) {
        if (!best || k - m.tokenStart < 0 || m.tokenStart < best.tokenStart) best = m;
        break;
      }
    }
  }
  return best;
}

/**
 * Prepositions whose phrase tells who the noun is (`members of the opposition`, `a delegation from China`); one
 * after another preposition tells where, when or what about (`a truce after Moscow talks`, `its invasion of Lebanon
 * through the UN lines`): its actor is not the one the noun stands for.
 */
const WHOSE = new Set(['of', 'from', 'for']);

/** Does `a` dominate `b` (b in a's subtree), not crossing a clause nor (given the doc) a modifier of place or time? */
function dominates(tree: SentenceTree, a: number, b: number, doc?: Doc): boolean {
  let c = b;
  for (let guard = 0; guard < 40 && c >= 0; guard++) {
    if (c === a) return true;
    const r = base(rel(tree, c));
    if (r === 'acl' || r === 'ccomp' || r === 'advcl' || r === 'parataxis') return false;
    if (doc && (r === 'nmod' || r === 'obl') && rel(tree, c) !== 'nmod:poss' && !ownedPhrase(doc, tree, c)) return false;
    c = headOf(tree, c);
  }
  return false;
}

/** Is the noun phrase at `c` bare or opened by `of` / `from` (see WHOSE)? */
function ownedPhrase(doc: Doc, tree: SentenceTree, c: number): boolean {
  const prep = children(tree, c).find((k) => rel(tree, k) === 'case');
  return prep === undefined || WHOSE.has(doc.tokens.lower[prep]);
}
