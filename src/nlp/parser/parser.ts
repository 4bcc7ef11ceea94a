// Greedy arc-eager dependency parser: an averaged perceptron picks the transition, a second one the
// label of each new arc; trained with the dynamic oracle and exploration. Must not read files.
import { InlineModel, Perceptron, SparseModel, rng, shuffle } from './perceptron.js';
import { winkUpos } from './wink-upos.js';
import { PARSER_MAX_FEATS, labelKeys, parserFeatures, parserInput, wordAtoms, type ParserInput, type WordAtoms } from './features.js';
import { Tagger } from './tagger.js';
import { ArcEagerState, LA, N_ACTIONS, RA, RE, SH, actionCosts, actionCostsNM } from './transition.js';
import { Beam, BeamTrainer, beamDecode, type LabelFn, type ScoreFn } from './beam.js';

export interface ParseResult {
  upos: string[];
  xpos?: string[];
  head: number[];
  deprel: string[];
}

export interface DependencyParser {
  tag(words: string[], hints?: string[]): string[];
  /**
   * `upos` fixes the parts of speech (the tagger then chooses only fine tags); `hints` are another tagger's parts of
   * speech (wink-nlp's) for a model trained with them, computed here when not given.
   */
  parse(words: string[], upos?: string[], hints?: string[]): ParseResult;
}

export class ArcEagerParser implements DependencyParser {
  readonly tagger: Tagger;
  readonly labels: string[];
  readonly actions: SparseModel;
  readonly labeller: SparseModel;
  private readonly fastActions: InlineModel;
  private readonly rootLabel: number;
  private readonly fallbackLabel: number;
  private st = new ArcEagerState(128);
  private keys = new Int32Array(PARSER_MAX_FEATS);
  private lkeys = new Int32Array(PARSER_MAX_FEATS);
  private asc = new Float32Array(N_ACTIONS);
  private lsc: Float32Array;
  /** Joint tag id of each `UPOS\tXPOS` class, built on first use of `parse` with fine tags given. */
  private classIds?: Map<string, number>;

  /** True for the non-monotonic arc-eager variant with Unshift (see transition.ts). */
  readonly nonMono: boolean;

  /**
   * Right-Arc labels are provisional: when the dependent is reduced (its subtree complete), the
   * labeller (keys salted apart) chooses its label again from that configuration.
   */
  readonly relabel: boolean;

  /**
   * The labeller reads only the first this many action features (0 = all): the single words, pairs, distance,
   * valency, children and label sets, not the later conjunctions. Fewer lookups per arc, the same dev LAS.
   */
  readonly labelFeats: number;

  /**
   * Beam width for decoding (1 = greedy). A candidate joins the beam only within `beamMargin` of the best
   * score, so the beam widens only where the model is unsure. Relabelling at Reduce is not done in the beam.
   */
  beamWidth = 1;
  beamMargin = Infinity;
  /** A beam item branches only into moves scoring within this of its own best move. */
  beamBranch = Infinity;
  private beam: Beam | null = null;
  private readonly scoreFn: ScoreFn = (keys, nf, out) => this.fastActions.scoreKeys(keys, nf, out);
  private readonly labelFn: LabelFn = (st, keys, nf, a) => this.predictLabel(st, keys, nf, a);

  constructor(tagger: Tagger, labels: string[], actions: SparseModel, labeller: SparseModel, nonMono = false, relabel = false, labelFeats = 0) {
    this.tagger = tagger;
    this.labelFeats = labelFeats;
    this.nonMono = nonMono;
    this.relabel = relabel;
    this.st.nonMono = nonMono;
    this.labels = labels;
    this.actions = actions;
    this.labeller = labeller;
    this.fastActions = new InlineModel(actions);
    this.rootLabel = labels.indexOf('root');
    if (this.rootLabel < 0) throw new Error('parser.ts: label set lacks "root"');
    const dep = labels.indexOf('dep');
    this.fallbackLabel = dep >= 0 ? dep : 0;
    this.lsc = new Float32Array(labels.length);
  }

  get rootTag(): number {
    return this.tagger.classes.length + 1;
  }

  /** Parser input from word atoms and joint tag ids. */
  input(atoms: WordAtoms, tags: Int32Array): ParserInput {
    const t = this.tagger;
    return parserInput(atoms, tags, this.rootTag, t.coarse, t.uposSet.indexOf('PUNCT'), t.uposSet.indexOf('VERB'));
  }

  tag(words: string[], hints?: string[]): string[] {
    if (words.length === 0) return [];
    const t = this.tagger.predict(words, wordAtoms(words, this.hintsFor(words, undefined, hints)));
    return Array.from(t, (c) => this.tagger.upos[c]);
  }

  /**
   * The hints the tagger reads, for a model trained with them: those given, else the caller's fixed UPOS (another
   * tagger's opinion too), else wink-nlp's computed here.
   */
  private hintsFor(words: string[], upos: string[] | undefined, hints: string[] | undefined): string[] | undefined {
    if (hints && hints.length !== words.length) throw new Error(`parser.ts: ${words.length} words but ${hints.length} hints`);
    if (hints || !this.tagger.hinted) return hints;
    return upos ?? winkUpos(words);
  }

  /**
   * `xpos` (with `upos`) fixes the fine tags too, where the model knows the pair (evaluation with gold tags); elsewhere
   * the tagger chooses the fine tag within the given UPOS.
   */
  parse(words: string[], upos?: string[], hints?: string[], xpos?: string[]): ParseResult {
    const n = words.length;
    if (n === 0) return { upos: [], xpos: [], head: [], deprel: [] };
    if (upos && upos.length !== n) throw new Error(`parser.ts: ${n} words but ${upos.length} UPOS tags`);
    if (xpos && (!upos || xpos.length !== n)) throw new Error(`parser.ts: ${n} words but ${xpos.length} XPOS tags, or XPOS without UPOS`);
    const atoms = wordAtoms(words, this.hintsFor(words, upos, hints));
    const tags = this.tagger.predict(words, atoms, upos);
    if (upos && xpos) {
      this.classIds ??= new Map(this.tagger.classes.map((c, i) => [c, i]));
      for (let i = 0; i < n; i++) tags[i] = this.classIds.get(`${upos[i]}\t${xpos[i]}`) ?? tags[i];
    }
    const inp = this.input(atoms, tags);
    const st = this.parseInput(inp);
    const head: number[] = new Array(n);
    const deprel: string[] = new Array(n);
    for (let i = 1; i <= n; i++) {
      head[i - 1] = st.head[i];
      deprel[i - 1] = this.labels[st.label[i]];
    }
    return {
      upos: upos ? upos.slice() : Array.from(tags, (c) => this.tagger.upos[c]),
      xpos: Array.from(tags, (c) => this.tagger.xpos[c]),
      head,
      deprel,
    };
  }

  /** Parses prepared input; the returned state is reused by the next call. */
  parseInput(inp: ParserInput): ArcEagerState {
    if (this.beamWidth > 1 && !this.relabel) {
      this.beam ??= new Beam(this.nonMono, false);
      const st = beamDecode(this.beam, inp, this.beamWidth, this.beamMargin, this.beamBranch, this.scoreFn, this.labelFn);
      st.finish(this.rootLabel, this.fallbackLabel);
      return st;
    }
    const st = this.st;
    st.init(inp.n);
    const keys = this.keys;
    while (!st.isTerminal()) {
      const nf = parserFeatures(st, inp, keys);
      this.fastActions.scoreKeys(keys, nf, this.asc);
      let best = -1;
      for (let a = 0; a < N_ACTIONS; a++) {
        if (!st.valid(a)) continue;
        if (best < 0 || this.asc[a] > this.asc[best]) best = a;
      }
      if (best < 0) break; // no valid move (cannot happen): finish() attaches what is left
      let l = -1;
      if (best === LA || best === RA) l = this.predictLabel(st, keys, nf, best);
      else if (best === RE && this.relabel) {
        const s0 = st.stack[st.sp - 1];
        if (st.head[s0] > 0) st.relabel(s0, this.predictLabel(st, keys, nf, RE));
      }
      st.apply(best, l);
    }
    if (this.relabel) {
      // Words left on the stack are reduced one by one, their labels chosen again as at Reduce.
      while (st.sp > 1) {
        const s0 = st.stack[st.sp - 1];
        if (st.head[s0] > 0) st.relabel(s0, this.predictLabel(st, keys, parserFeatures(st, inp, keys), RE));
        st.sp--;
      }
    }
    st.finish(this.rootLabel, this.fallbackLabel);
    return st;
  }

  predictLabel(st: ArcEagerState, keys: Int32Array, nf: number, action: number): number {
    if (action === RA && st.stack[st.sp - 1] === 0) return this.rootLabel;
    const nl = labelKeys(keys, nf, action === LA ? 0 : action === RA ? 1 : 2, this.lkeys, this.labelFeats);
    this.labeller.scoreKeys(this.lkeys, nl, this.lsc);
    let best = -1;
    for (let c = 0; c < this.labels.length; c++) {
      if (c === this.rootLabel) continue;
      if (best < 0 || this.lsc[c] > this.lsc[best]) best = c;
    }
    return best;
  }
}

export interface ParserTrainSentence {
  inp: ParserInput; // predicted (jackknifed) tags
  gold: Int32Array; // 1-based gold heads, gold[0] = -1
  glabel: Int32Array; // 1-based gold label ids
}

export interface ParserTrainOptions {
  epochs: number;
  seed: number;
  exploreFrom: number; // first epoch (0-based) with exploration
  exploreProb: number; // probability of following the model's (possibly wrong) prediction
  minAbsActions?: number; // averaged weights below this are dropped (smaller, faster model)
  minAbsLabels?: number;
  /** Train the non-monotonic arc-eager variant (transition.ts). */
  nonMono?: boolean;
  /** Choose Right-Arc labels again when the dependent is reduced (ArcEagerParser.relabel). */
  relabel?: boolean;
  /** The labeller reads only the first this many action features (ArcEagerParser.labelFeats; 0 = all). */
  labelFeats?: number;
  /** Beam width for global (max-violation) training from epoch `beamFrom` on; 1 or absent = greedy training only. */
  beam?: number;
  beamFrom?: number;
  /** Decoding beam margin of the parsers handed to `evaluate` (ArcEagerParser.beamMargin). */
  beamMargin?: number;
  log?: (msg: string) => void;
  /** Called after each epoch with a frozen, averaged parser; return a score to keep the best epoch. */
  evaluate?: (p: ArcEagerParser, epoch: number) => number;
}

export function trainParser(
  tagger: Tagger,
  labels: string[],
  data: ParserTrainSentence[],
  opts: ParserTrainOptions,
): ArcEagerParser {
  const actions = new Perceptron(N_ACTIONS, 1 << 20);
  const labeller = new Perceptron(labels.length, 1 << 18);
  const rootLabel = labels.indexOf('root');
  const st = new ArcEagerState(256);
  const keys = new Int32Array(PARSER_MAX_FEATS);
  const lkeys = new Int32Array(PARSER_MAX_FEATS);
  const rows = new Int32Array(PARSER_MAX_FEATS);
  const asc = new Float32Array(N_ACTIONS);
  const lsc = new Float32Array(labels.length);
  const cost = new Float64Array(N_ACTIONS);
  const rand = rng(opts.seed);
  const order = data.map((_, i) => i);
  const nonMono = opts.nonMono ?? false;
  st.nonMono = nonMono;
  const costs = nonMono ? actionCostsNM : actionCosts;
  const beamWidth = opts.beam ?? 1;
  // Relabelling at Reduce is a greedy-only refinement: the beam keeps the first label of each arc.
  const relabel = (opts.relabel ?? false) && beamWidth <= 1;
  const labelFeats = opts.labelFeats ?? 0;
  const beamTrainer = beamWidth > 1 ? new BeamTrainer({ actions, labeller, labels: labels.length, rootLabel, labelFeats, nonMono }) : null;
  /** Predicts (and, for a gold arc, learns) the label of h -> d; returns the label to apply. */
  const trainLabel = (keys: Int32Array, nf: number, dir: number, h: number, d: number, gold: Int32Array, glabel: Int32Array, explore: boolean): number => {
    const nl = labelKeys(keys, nf, dir, lkeys, labelFeats);
    labeller.lookup(lkeys, nl, rows);
    labeller.score(rows, nl, lsc);
    let lp = -1;
    for (let c = 0; c < labels.length; c++) {
      if (c === rootLabel) continue;
      if (lp < 0 || lsc[c] > lsc[lp]) lp = c;
    }
    if (gold[d] !== h) return lp;
    labeller.tick();
    const gl = glabel[d];
    if (gl !== lp) labeller.update(lkeys, nl, gl, lp);
    return explore ? lp : gl;
  };
  let best: ArcEagerParser | null = null;
  let bestScore = -Infinity;
  for (let ep = 0; ep < opts.epochs; ep++) {
    const t0 = Date.now();
    shuffle(order, rand);
    const explore = ep >= opts.exploreFrom;
    let steps = 0;
    let errs = 0;
    const global = beamTrainer !== null && ep >= (opts.beamFrom ?? 0);
    for (const si of order) {
      const { inp, gold, glabel } = data[si];
      if (global) {
        steps++;
        if (beamTrainer.train(inp, gold, glabel, beamWidth)) errs++;
        continue;
      }
      st.init(inp.n);
      while (!st.isTerminal()) {
        const nf = parserFeatures(st, inp, keys);
        actions.lookup(keys, nf, rows);
        actions.score(rows, nf, asc);
        costs(st, gold, cost);
        let minCost = Infinity;
        for (let a = 0; a < N_ACTIONS; a++) if (cost[a] < minCost) minCost = cost[a];
        if (minCost === Infinity) break;
        let pred = -1;
        let goldBest = -1;
        for (let a = 0; a < N_ACTIONS; a++) {
          if (cost[a] === Infinity) continue;
          if (pred < 0 || asc[a] > asc[pred]) pred = a;
          if (cost[a] === minCost && (goldBest < 0 || asc[a] > asc[goldBest])) goldBest = a;
        }
        actions.tick();
        steps++;
        if (cost[pred] > cost[goldBest]) {
          errs++;
          actions.update(keys, nf, goldBest, pred);
        }
        const next = explore && cost[pred] > cost[goldBest] && rand() < opts.exploreProb ? pred : goldBest;
        let l = -1;
        if (next === LA || next === RA) {
          const s0 = st.stack[st.sp - 1];
          const b0 = st.b0();
          const h = next === LA ? b0 : s0;
          const d = next === LA ? s0 : b0;
          l = h === 0 ? rootLabel : trainLabel(keys, nf, next === LA ? 0 : 1, h, d, gold, glabel, explore);
        } else if (next === RE && relabel) {
          const s0 = st.stack[st.sp - 1];
          const h = st.head[s0];
          if (h > 0) st.relabel(s0, trainLabel(keys, nf, 2, h, s0, gold, glabel, explore));
        }
        st.apply(next, l);
      }
      if (relabel) {
        while (st.sp > 1) {
          const s0 = st.stack[st.sp - 1];
          const h = st.head[s0];
          if (h > 0) {
            const nf = parserFeatures(st, inp, keys);
            st.relabel(s0, trainLabel(keys, nf, 2, h, s0, gold, glabel, explore));
          }
          st.sp--;
        }
      }
    }
    const secs = (Date.now() - t0) / 1000;
    const unit = global ? 'sentences' : 'transitions';
    let msg = `  parser epoch ${ep + 1}/${opts.epochs}: ${steps} ${unit}, ${((100 * errs) / steps).toFixed(2)}% ${global ? 'updated' : 'costly'}, ${secs.toFixed(1)}s, ${actions.nRows} action rows, ${labeller.nRows} label rows`;
    const frozen = new ArcEagerParser(
      tagger,
      labels,
      SparseModel.fromPerceptron(actions, opts.minAbsActions ?? 0),
      SparseModel.fromPerceptron(labeller, opts.minAbsLabels ?? 0),
      nonMono,
      relabel,
      labelFeats,
    );
    if (beamWidth > 1) {
      frozen.beamWidth = beamWidth;
      frozen.beamMargin = opts.beamMargin ?? Infinity;
    }
    if (opts.evaluate) {
      const score = opts.evaluate(frozen, ep);
      if (score > bestScore) {
        bestScore = score;
        best = frozen;
        msg += ' (best so far)';
      }
    } else best = frozen;
    opts.log?.(msg);
  }
  return best!;
}

export { SH, RE, LA, RA };
