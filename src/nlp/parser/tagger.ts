// Averaged-perceptron part-of-speech tagger predicting joint UPOS+XPOS classes, left to right,
// with an optional second pass that also sees first-pass tags to the right. No parsing here.
import { Perceptron, SparseModel, fin, mix, rng, shuffle } from './perceptron.js';
import { TAGGER_MAX_FEATS, taggerFeatures, wordAtoms, type WordAtoms } from './features.js';
import { fillClusters, type ClusterMap } from './clusters.js';

// Pass 2 re-scores only words whose pass-1 margin (best minus runner-up score) is at most this:
// confident words keep their tag. Tuned on dev: same accuracy, ~10% faster tagging + parsing.
const SKIP_MARGIN = 30;

export interface TaggedSentence {
  words: string[];
  tags: Int32Array; // joint class ids
  /** wink-nlp's UPOS per word (wink-upos.ts), read as features. */
  hints?: string[];
}

export class Tagger {
  readonly classes: string[]; // 'UPOS\tXPOS'
  readonly upos: string[];
  readonly xpos: string[];
  /** UPOS inventory and, per joint class, its UPOS id (coarse tag for parser features). */
  readonly uposSet: string[];
  readonly coarse: Int32Array;
  /** UPOS -> the joint classes with that UPOS (a caller's UPOS leaves only these to choose from). */
  private readonly byUpos = new Map<string, Int32Array>();
  private readonly allClasses: Int32Array;
  readonly pass1: SparseModel;
  readonly pass2: SparseModel | null;
  /** Normalised-word hash -> ambiguity-class hash, for words frequent in training. */
  readonly lexicon: Map<number, number>;
  /** Normalised-word hash -> class, for frequent words that are (almost) always the same class: not scored. */
  readonly fixed: Map<number, number>;
  /** Word clusters (clusters.ts); null for a model trained without them. */
  readonly clusters: ClusterMap | null;
  /** Trained with wink-nlp's UPOS as features: callers should give them (wordAtoms(words, hints)). */
  readonly hinted: boolean;
  private keys = new Int32Array(TAGGER_MAX_FEATS);
  private scores: Float32Array;

  constructor(classes: string[], pass1: SparseModel, pass2: SparseModel | null, lexicon: Map<number, number>, fixed: Map<number, number>, clusters: ClusterMap | null = null, hinted = false) {
    this.classes = classes;
    this.clusters = clusters;
    this.hinted = hinted;
    this.lexicon = lexicon;
    this.fixed = fixed;
    this.upos = classes.map((c) => c.split('\t')[0]);
    this.xpos = classes.map((c) => c.split('\t')[1] ?? '_');
    this.uposSet = [...new Set(this.upos)].sort();
    this.coarse = Int32Array.from(this.upos, (u) => this.uposSet.indexOf(u));
    for (const u of this.uposSet) this.byUpos.set(u, Int32Array.from(this.classes.keys()).filter((c) => this.upos[c] === u));
    this.allClasses = Int32Array.from(this.classes.keys());
    this.pass1 = pass1;
    this.pass2 = pass2;
    this.scores = new Float32Array(classes.length);
  }

  /** Joint class ids per word. When `upos` is given, only classes with that UPOS are allowed. */
  predict(words: string[], atoms: WordAtoms = wordAtoms(words), upos?: string[]): Int32Array {
    fillAmbiguity(atoms, this.lexicon, this.fixed, this.clusters);
    const n = atoms.n;
    if (this.margin.length < n) this.margin = new Float32Array(n * 2);
    const first = this.runPass(this.pass1, atoms, null, upos, null);
    // With the parts of speech given, only the fine tag is chosen, among a few: one pass is enough.
    if (!this.pass2 || upos) return first;
    return this.runPass(this.pass2, atoms, first, upos, first);
  }

  /** Pass 1 scoring margin per word; pass 2 keeps pass-1 tags whose margin exceeds SKIP_MARGIN. */
  private margin = new Float32Array(256);

  private runPass(model: SparseModel, atoms: WordAtoms, next: Int32Array | null, upos: string[] | undefined, keep: Int32Array | null): Int32Array {
    const n = atoms.n;
    const out = new Int32Array(n);
    const margin = this.margin;
    const sc = this.scores;
    for (let i = 0; i < n; i++) {
      const want = upos ? upos[i] : undefined;
      // The classes to choose from: all, or those of the caller's UPOS (all again for a UPOS the model lacks).
      const allowed = want === undefined ? this.allClasses : (this.byUpos.get(want) ?? this.allClasses);
      const f = atoms.fixed[i];
      if (f >= 0 && (want === undefined || this.upos[f] === want)) {
        out[i] = f;
        margin[i] = Infinity;
        continue;
      }
      if (keep && margin[i] > SKIP_MARGIN) {
        out[i] = keep[i];
        continue;
      }
      const nf = taggerFeatures(atoms, i, out, next, this.keys);
      model.scoreKeys(this.keys, nf, sc);
      let best = allowed[0];
      let second = -Infinity;
      for (let j = 1; j < allowed.length; j++) {
        const c = allowed[j];
        if (sc[c] > sc[best]) {
          second = sc[best];
          best = c;
        } else if (sc[c] > second) second = sc[c];
      }
      out[i] = best;
      if (!keep) margin[i] = sc[best] - second;
    }
    return out;
  }
}

/** Fills the atoms the tagger's lexicons give: ambiguity class, fixed tag and word clusters. */
export function fillAmbiguity(atoms: WordAtoms, lexicon: Map<number, number>, fixed: Map<number, number>, clusters: ClusterMap | null = null): void {
  fillClusters(atoms, clusters);
  for (let i = 0; i < atoms.n; i++) {
    atoms.amb[i] = lexicon.get(atoms.norm[i]) ?? 0;
    atoms.fixed[i] = fixed.get(atoms.raw[i]) ?? -1;
  }
}

const FIXED_MIN = 20;
const FIXED_SHARE = 0.99;

/**
 * A regular past form (`-ed`) is as much a past tense as a participle whatever the treebank happened to show
 * (`arrested` is only ever VBN in EWT train, `police arrested dozens` is VBD): the joint classes of both, and the
 * hashes (normalised and exact) of the training words ending in `-ed`.
 */
export interface PastForms {
  vbd: number;
  vbn: number;
  norm: Set<number>;
  raw: Set<number>;
}

export function pastForms(classes: string[], data: TaggedSentence[], atoms: WordAtoms[]): PastForms | null {
  const vbd = classes.indexOf('VERB\tVBD');
  const vbn = classes.indexOf('VERB\tVBN');
  if (vbd < 0 || vbn < 0) return null;
  const norm = new Set<number>();
  const raw = new Set<number>();
  data.forEach((s, k) =>
    s.words.forEach((w, i) => {
      if (w.length > 3 && /[a-z]ed$/i.test(w)) {
        norm.add(atoms[k].norm[i]);
        raw.add(atoms[k].raw[i]);
      }
    }),
  );
  return { vbd, vbn, norm, raw };
}

/** Words seen >= 20 times with one class >= 99% of the time (keyed by exact form, so case counts); never a past form. */
export function buildFixed(data: TaggedSentence[], atoms: WordAtoms[], nClasses: number, past: PastForms | null = null): Map<number, number> {
  const counts = new Map<number, Int32Array>();
  for (let s = 0; s < data.length; s++) {
    const A = atoms[s];
    for (let i = 0; i < A.n; i++) {
      let c = counts.get(A.raw[i]);
      if (!c) counts.set(A.raw[i], (c = new Int32Array(nClasses)));
      c[data[s].tags[i]]++;
    }
  }
  const out = new Map<number, number>();
  for (const [w, c] of counts) {
    let total = 0;
    let best = 0;
    for (let k = 0; k < nClasses; k++) {
      total += c[k];
      if (c[k] > c[best]) best = k;
    }
    if (past && past.raw.has(w) && (best === past.vbd || best === past.vbn)) continue;
    if (total >= FIXED_MIN && c[best] >= FIXED_SHARE * total) out.set(w, best);
  }
  return out;
}

/** Ambiguity classes: for words seen at least `minCount` times, the set of tags with >= 5% share. */
export function buildLexicon(data: TaggedSentence[], atoms: WordAtoms[], nClasses: number, minCount = 3, past: PastForms | null = null): Map<number, number> {
  const counts = new Map<number, Int32Array>();
  for (let s = 0; s < data.length; s++) {
    const A = atoms[s];
    for (let i = 0; i < A.n; i++) {
      let c = counts.get(A.norm[i]);
      if (!c) counts.set(A.norm[i], (c = new Int32Array(nClasses)));
      c[data[s].tags[i]]++;
    }
  }
  const lex = new Map<number, number>();
  for (const [w, c] of counts) {
    let total = 0;
    for (let k = 0; k < nClasses; k++) total += c[k];
    if (total < minCount) continue;
    const seen = (k: number): boolean => c[k] >= 0.05 * total;
    // A regular past form seen as one of past tense and participle can be the other.
    const twin = past !== null && past.norm.has(w) && (seen(past.vbd) || seen(past.vbn));
    let h = 0x3c6ef372;
    for (let k = 0; k < nClasses; k++) if (seen(k) || (twin && (k === past.vbd || k === past.vbn))) h = mix(h, k);
    lex.set(w, fin(h));
  }
  return lex;
}

export interface TaggerTrainOptions {
  epochs: number;
  seed: number;
  secondPass: boolean;
  /** Averaged weights below this magnitude are dropped from the final model. */
  minAbs?: number;
  /** Word clusters read as features (clusters.ts). */
  clusters?: ClusterMap | null;
  log?: (msg: string) => void;
}

function trainPass(
  classes: number,
  data: TaggedSentence[],
  atoms: WordAtoms[],
  firstPass: Tagger | null,
  opts: TaggerTrainOptions,
  nextTags?: Int32Array[],
): SparseModel {
  const model = new Perceptron(classes, 1 << 18);
  const keys = new Int32Array(TAGGER_MAX_FEATS);
  const rows = new Int32Array(TAGGER_MAX_FEATS);
  const sc = new Float32Array(classes);
  const rand = rng(opts.seed);
  const order = data.map((_, i) => i);
  // Right-context tags for pass 2 come from the first pass (trained on the same data, so slightly
  // optimistic; acceptable because pass 2 mainly learns to trust them where they are reliable).
  const nexts = nextTags ?? (firstPass ? data.map((s, i) => firstPass.predict(s.words, atoms[i])) : null);
  for (let ep = 0; ep < opts.epochs; ep++) {
    shuffle(order, rand);
    let correct = 0;
    let total = 0;
    for (const si of order) {
      const s = data[si];
      const A = atoms[si];
      const pred = new Int32Array(A.n);
      const next = nexts ? nexts[si] : null;
      for (let i = 0; i < A.n; i++) {
        if (A.fixed[i] >= 0) {
          pred[i] = A.fixed[i];
          continue;
        }
        const nf = taggerFeatures(A, i, pred, next, keys);
        model.lookup(keys, nf, rows);
        model.score(rows, nf, sc);
        let best = 0;
        for (let c = 1; c < classes; c++) if (sc[c] > sc[best]) best = c;
        model.tick();
        const gold = s.tags[i];
        if (best !== gold) model.update(keys, nf, gold, best);
        else correct++;
        total++;
        pred[i] = best; // predicted history, as at test time
      }
    }
    opts.log?.(`  tagger ${firstPass ? 'pass2' : 'pass1'} epoch ${ep + 1}: train acc ${((100 * correct) / total).toFixed(2)}%`);
  }
  return SparseModel.fromPerceptron(model, opts.minAbs ?? 0);
}

/**
 * Trains pass 1 (and pass 2 when opts.secondPass). `heldOutTags` gives pass-1 tags of each training
 * sentence predicted by a tagger that did not see it (jackknifing), so pass 2 learns realistic right contexts.
 */
export function trainTagger(classes: string[], data: TaggedSentence[], opts: TaggerTrainOptions, heldOutTags?: Int32Array[]): Tagger {
  const atoms = data.map((s) => wordAtoms(s.words, s.hints));
  const hinted = data.some((s) => s.hints !== undefined);
  const past = pastForms(classes, data, atoms);
  const lex = buildLexicon(data, atoms, classes.length, 3, past);
  const fixed = buildFixed(data, atoms, classes.length, past);
  const clusters = opts.clusters ?? null;
  for (const A of atoms) fillAmbiguity(A, lex, fixed, clusters);
  const p1 = trainPass(classes.length, data, atoms, null, opts);
  const t1 = new Tagger(classes, p1, null, lex, fixed, clusters, hinted);
  if (!opts.secondPass) return t1;
  const p2 = trainPass(classes.length, data, atoms, t1, { ...opts, seed: opts.seed + 1 }, heldOutTags);
  return new Tagger(classes, p1, p2, lex, fixed, clusters, hinted);
}
