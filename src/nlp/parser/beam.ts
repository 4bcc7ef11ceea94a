// Beam search over arc-eager transitions. Decoding keeps a small beam but lets a candidate in only
// when its score is within `margin` of the best one, so the beam branches only where the model is
// unsure and costs little more than greedy parsing elsewhere. Training is global: a max-violation
// structured perceptron (Huang, Fayong & Guo 2012) against the best-scoring derivation made of
// dynamic-oracle-optimal moves. Scoring and labelling are passed in; no files, no model formats.
import { Perceptron } from './perceptron.js';
import { PARSER_MAX_FEATS, labelKeys, parserFeatures, type ParserInput } from './features.js';
import { ArcEagerState, LA, N_ACTIONS, RA, actionCosts, actionCostsNM } from './transition.js';

export type ScoreFn = (keys: Int32Array, nf: number, out: Float32Array) => void;
export type LabelFn = (st: ArcEagerState, keys: Int32Array, nf: number, action: number) => number;

/** One derivation in the beam: its state, score, features at the state and (training) its history. */
class Item {
  st: ArcEagerState;
  keys = new Int32Array(PARSER_MAX_FEATS);
  nf = 0;
  asc = new Float32Array(N_ACTIONS);
  cost = new Float64Array(N_ACTIONS);
  score = 0;
  /** Moves so far, each `action | (label + 1) << 3`. */
  hist = new Int32Array(64);
  len = 0;
  /** Every move so far was one of the dynamic oracle's cheapest (training only). */
  correct = true;

  constructor(nonMono: boolean) {
    this.st = new ArcEagerState(128);
    this.st.nonMono = nonMono;
  }

  copyFrom(o: Item, withHist: boolean): void {
    this.st.copyFrom(o.st);
    this.score = o.score;
    this.correct = o.correct;
    this.len = o.len;
    if (withHist) {
      if (this.hist.length < o.hist.length) this.hist = new Int32Array(o.hist.length);
      this.hist.set(o.hist.subarray(0, o.len));
    }
  }

  push(a: number, l: number): void {
    if (this.len === this.hist.length) {
      const h = new Int32Array(this.hist.length * 2);
      h.set(this.hist);
      this.hist = h;
    }
    this.hist[this.len++] = a | ((l + 1) << 3);
  }
}

const MAX_CAND = 64;

export class Beam {
  items: Item[] = [];
  private pool: Item[] = [];
  private readonly nonMono: boolean;
  private readonly withHist: boolean;
  // Candidates of the current step: parent item, action (-1 = a finished item carried over), score, correctness.
  readonly cParent = new Int32Array(MAX_CAND);
  readonly cAct = new Int32Array(MAX_CAND);
  readonly cScore = new Float64Array(MAX_CAND);
  readonly cCorrect = new Uint8Array(MAX_CAND);
  nC = 0;
  private sel = new Int32Array(MAX_CAND);
  private nSel = 0;
  private claimed = new Uint8Array(MAX_CAND);
  private pendItem: Item[] = [];
  private pendLabel = new Int32Array(MAX_CAND);

  constructor(nonMono: boolean, withHist: boolean) {
    this.nonMono = nonMono;
    this.withHist = withHist;
  }

  take(): Item {
    return this.pool.pop() ?? new Item(this.nonMono);
  }

  reset(n: number): void {
    for (const it of this.items) this.pool.push(it);
    const it = this.take();
    it.st.init(n);
    it.score = 0;
    it.len = 0;
    it.correct = true;
    this.items = [it];
  }

  private add(parent: number, a: number, score: number, correct: boolean): void {
    if (this.nC === MAX_CAND) return;
    this.cParent[this.nC] = parent;
    this.cAct[this.nC] = a;
    this.cScore[this.nC] = score;
    this.cCorrect[this.nC] = correct ? 1 : 0;
    this.nC++;
  }

  /**
   * Scores every live item's valid moves into the candidate list; with `gold`, a move is marked correct
   * when its item is and the move is among the cheapest. Returns true while some item can still move.
   */
  expand(inp: ParserInput, score: ScoreFn, gold: Int32Array | null = null, branch = Infinity): boolean {
    this.nC = 0;
    let live = false;
    const costs = this.nonMono ? actionCostsNM : actionCosts;
    for (let i = 0; i < this.items.length; i++) {
      const it = this.items[i];
      const st = it.st;
      if (st.isTerminal()) {
        this.add(i, -1, it.score, it.correct);
        continue;
      }
      it.nf = parserFeatures(st, inp, it.keys);
      score(it.keys, it.nf, it.asc);
      const minCost = gold && it.correct ? cheapest(st, gold, it.cost, costs) : NaN;
      // An item branches only into moves within `branch` of its own best move.
      let top = -Infinity;
      for (let a = 0; a < N_ACTIONS; a++) if (it.asc[a] > top && st.valid(a)) top = it.asc[a];
      for (let a = 0; a < N_ACTIONS; a++) {
        if (!st.valid(a) || it.asc[a] < top - branch) continue;
        this.add(i, a, it.score + it.asc[a], gold !== null && it.correct && it.cost[a] === minCost);
        live = true;
      }
    }
    return live;
  }

  /** Keeps the best `width` candidates (ties: earlier first), dropping those more than `margin` below the best. */
  select(width: number, margin: number): void {
    const sel = this.sel;
    let m = 0;
    for (let c = 0; c < this.nC; c++) {
      const s = this.cScore[c];
      if (m === width && s <= this.cScore[sel[m - 1]]) continue;
      let j = m < width ? m++ : m - 1;
      while (j > 0 && this.cScore[sel[j - 1]] < s) {
        sel[j] = sel[j - 1];
        j--;
      }
      sel[j] = c;
    }
    const floor = this.cScore[sel[0]] - margin;
    while (m > 1 && this.cScore[sel[m - 1]] < floor) m--;
    this.nSel = m;
  }

  /** Applies the selected candidates; items are reused in place where one parent has one successor. */
  advance(label: LabelFn): void {
    const items = this.items;
    const claimed = this.claimed;
    claimed.fill(0, 0, items.length);
    const pend = this.pendItem;
    pend.length = 0;
    // Labels and copies first, from the parents' unchanged states; moves are applied afterwards.
    for (let s = 0; s < this.nSel; s++) {
      const c = this.sel[s];
      const pi = this.cParent[c];
      const p = items[pi];
      const a = this.cAct[c];
      this.pendLabel[s] = a === LA || a === RA ? label(p.st, p.keys, p.nf, a) : -1;
      let ni: Item;
      if (!claimed[pi]) {
        claimed[pi] = 1;
        ni = p;
      } else {
        ni = this.take();
        ni.copyFrom(p, this.withHist);
      }
      pend.push(ni);
    }
    for (let i = 0; i < items.length; i++) if (!claimed[i]) this.pool.push(items[i]);
    for (let s = 0; s < this.nSel; s++) {
      const c = this.sel[s];
      const ni = pend[s];
      const a = this.cAct[c];
      if (a >= 0) {
        ni.st.apply(a, this.pendLabel[s]);
        if (this.withHist) ni.push(a, this.pendLabel[s]);
      }
      ni.score = this.cScore[c];
      ni.correct = this.cCorrect[c] === 1;
    }
    // The selection is sorted, so items[0] is the best derivation. The two item arrays swap roles.
    this.pendItem = items;
    this.items = pend;
  }

  /** A spare item for the trainer's gold derivation. */
  spare(): Item {
    return this.take();
  }
}

function cheapest(st: ArcEagerState, gold: Int32Array, cost: Float64Array, costs: typeof actionCosts): number {
  costs(st, gold, cost);
  let min = Infinity;
  for (let a = 0; a < N_ACTIONS; a++) if (cost[a] < min) min = cost[a];
  return min;
}

/** Beam decoding: the best finished derivation's state (owned by the beam, reused by the next call). */
export function beamDecode(beam: Beam, inp: ParserInput, width: number, margin: number, branch: number, score: ScoreFn, label: LabelFn): ArcEagerState {
  beam.reset(inp.n);
  while (beam.expand(inp, score, null, branch)) {
    beam.select(width, margin);
    beam.advance(label);
  }
  return beam.items[0].st;
}

export interface BeamTrainContext {
  actions: Perceptron;
  labeller: Perceptron;
  labels: number;
  rootLabel: number;
  labelFeats: number;
  nonMono: boolean;
}

/**
 * Global training on one sentence: beam search with the current weights beside the best correct
 * derivation; at the step where the beam's best wrong derivation leads the correct one by most, both
 * prefixes are replayed and the transition weights moved towards the correct one. The labeller is
 * trained locally on the correct derivation's arcs. Returns true when an update was made.
 */
export class BeamTrainer {
  private readonly cx: BeamTrainContext;
  private readonly beam: Beam;
  private readonly gold: Item;
  private readonly rows = new Int32Array(PARSER_MAX_FEATS);
  private readonly lkeys = new Int32Array(PARSER_MAX_FEATS);
  private readonly lsc: Float32Array;
  private readonly replaySt: ArcEagerState;
  private readonly rkeys = new Int32Array(PARSER_MAX_FEATS);
  private bestHist = new Int32Array(64);
  private goldHist = new Int32Array(64);
  readonly score: ScoreFn;
  readonly label: LabelFn;

  constructor(cx: BeamTrainContext) {
    this.cx = cx;
    this.beam = new Beam(cx.nonMono, true);
    this.gold = this.beam.spare();
    this.lsc = new Float32Array(cx.labels);
    this.replaySt = new ArcEagerState(128);
    this.replaySt.nonMono = cx.nonMono;
    this.score = (keys, nf, out) => {
      cx.actions.lookup(keys, nf, this.rows);
      cx.actions.score(this.rows, nf, out);
    };
    this.label = (st, keys, nf, action) => this.predictLabel(st, keys, nf, action);
  }

  private predictLabel(st: ArcEagerState, keys: Int32Array, nf: number, action: number): number {
    if (action === RA && st.stack[st.sp - 1] === 0) return this.cx.rootLabel;
    const nl = labelKeys(keys, nf, action === LA ? 0 : 1, this.lkeys, this.cx.labelFeats);
    this.cx.labeller.lookup(this.lkeys, nl, this.rows);
    this.cx.labeller.score(this.rows, nl, this.lsc);
    let best = -1;
    for (let c = 0; c < this.cx.labels; c++) {
      if (c === this.cx.rootLabel) continue;
      if (best < 0 || this.lsc[c] > this.lsc[best]) best = c;
    }
    return best;
  }

  /** Label of the correct derivation's new arc h -> d: predicted, and learnt when the arc is gold. */
  private goldLabel(st: ArcEagerState, keys: Int32Array, nf: number, a: number, gold: Int32Array, glabel: Int32Array): number {
    const s0 = st.stack[st.sp - 1];
    const b0 = st.b0();
    const h = a === LA ? b0 : s0;
    const d = a === LA ? s0 : b0;
    const lp = this.predictLabel(st, keys, nf, a);
    if (h === 0 || gold[d] !== h) return lp;
    this.cx.labeller.tick();
    const gl = glabel[d];
    if (gl !== lp) {
      const nl = labelKeys(keys, nf, a === LA ? 0 : 1, this.lkeys, this.cx.labelFeats);
      this.cx.labeller.update(this.lkeys, nl, gl, lp);
    }
    return lp;
  }

  /** The correct derivation's next move: the best-scoring cheapest move of itself or of a correct beam item. */
  private stepGold(inp: ParserInput, gold: Int32Array, glabel: Int32Array): void {
    const g = this.gold;
    const beam = this.beam;
    let ga = -1;
    let gScore = g.score;
    if (!g.st.isTerminal()) {
      g.nf = parserFeatures(g.st, inp, g.keys);
      this.score(g.keys, g.nf, g.asc);
      const min = cheapest(g.st, gold, g.cost, this.cx.nonMono ? actionCostsNM : actionCosts);
      for (let a = 0; a < N_ACTIONS; a++) {
        if (g.cost[a] !== min || !g.st.valid(a)) continue;
        if (ga < 0 || g.score + g.asc[a] > gScore) {
          ga = a;
          gScore = g.score + g.asc[a];
        }
      }
    }
    let bc = -1;
    for (let c = 0; c < beam.nC; c++) if (beam.cCorrect[c] && beam.cScore[c] > gScore && (bc < 0 || beam.cScore[c] > beam.cScore[bc])) bc = c;
    if (bc >= 0) {
      // A correct derivation in the beam scores higher: it becomes the reference.
      const p = beam.items[beam.cParent[bc]];
      g.copyFrom(p, true);
      g.keys.set(p.keys.subarray(0, p.nf));
      g.nf = p.nf;
      ga = beam.cAct[bc];
      gScore = beam.cScore[bc];
    }
    if (ga >= 0) {
      const l = ga === LA || ga === RA ? this.goldLabel(g.st, g.keys, g.nf, ga, gold, glabel) : -1;
      g.st.apply(ga, l);
      g.push(ga, l);
    }
    g.score = gScore;
  }

  train(inp: ParserInput, gold: Int32Array, glabel: Int32Array, width: number): boolean {
    const beam = this.beam;
    const g = this.gold;
    beam.reset(inp.n);
    g.st.init(inp.n);
    g.score = 0;
    g.len = 0;
    g.correct = true;
    // Ties count as violations (all weights start at zero).
    let maxV = -1;
    let bLen = 0;
    let gLen = 0;
    for (let guard = 0; guard < 6 * inp.n + 16; guard++) {
      const live = beam.expand(inp, this.score, gold);
      if (!live && g.st.isTerminal()) break;
      beam.select(width, Infinity);
      this.stepGold(inp, gold, glabel);
      beam.advance(this.label);
      const top = beam.items[0];
      const v = top.score - g.score;
      if (!top.correct && v >= 0 && v > maxV) {
        maxV = v;
        bLen = top.len;
        gLen = g.len;
        if (this.bestHist.length < bLen) this.bestHist = new Int32Array(bLen * 2);
        if (this.goldHist.length < gLen) this.goldHist = new Int32Array(gLen * 2);
        this.bestHist.set(top.hist.subarray(0, bLen));
        this.goldHist.set(g.hist.subarray(0, gLen));
      }
    }
    this.cx.actions.tick();
    if (maxV < 0) return false;
    let div = 0;
    while (div < bLen && div < gLen && this.bestHist[div] === this.goldHist[div]) div++;
    this.replay(inp, this.goldHist, gLen, div, 1);
    this.replay(inp, this.bestHist, bLen, div, -1);
    return true;
  }

  /** Replays moves from the start, adding `delta` to each move's features from step `from` on. */
  private replay(inp: ParserInput, hist: Int32Array, len: number, from: number, delta: number): void {
    const st = this.replaySt;
    st.init(inp.n);
    for (let j = 0; j < len; j++) {
      const a = hist[j] & 7;
      const l = (hist[j] >> 3) - 1;
      if (j >= from) {
        const nf = parserFeatures(st, inp, this.rkeys);
        this.cx.actions.add(this.rkeys, nf, a, delta);
      }
      st.apply(a, l);
    }
  }
}
