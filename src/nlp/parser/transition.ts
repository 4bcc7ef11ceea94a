// Arc-eager transition system (Nivre 2003) with root token 0 at the stack bottom, a single-root
// constraint, a static oracle and the Goldberg & Nivre (2012) dynamic-oracle costs. No scoring here.

export const SH = 0;
export const RE = 1;
export const LA = 2;
export const RA = 3;
export const N_ACTIONS = 4;
export const ACTION_NAMES = ['SH', 'RE', 'LA', 'RA'];

/** Parser configuration over words 1..n (0 = artificial root). All per-word arrays have n+1 cells. */
export class ArcEagerState {
  n = 0;
  stack: Int32Array;
  sp = 0; // stack size
  b = 1; // next buffer word (buffer = b..n)
  head: Int32Array; // -1 = no head yet
  label: Int32Array; // -1 = none
  lc1: Int32Array; // leftmost child
  lc2: Int32Array; // second leftmost child
  rc1: Int32Array; // rightmost child
  rc2: Int32Array; // second rightmost child
  nl: Int32Array; // number of left children
  nr: Int32Array; // number of right children
  lsetLo: Int32Array; // bitset of labels of left children (labels 0..31)
  lsetHi: Int32Array; // ... labels 32..63
  rsetLo: Int32Array;
  rsetHi: Int32Array;

  constructor(capacity = 256) {
    const c = capacity + 1;
    this.stack = new Int32Array(c);
    this.head = new Int32Array(c);
    this.label = new Int32Array(c);
    this.lc1 = new Int32Array(c);
    this.lc2 = new Int32Array(c);
    this.rc1 = new Int32Array(c);
    this.rc2 = new Int32Array(c);
    this.nl = new Int32Array(c);
    this.nr = new Int32Array(c);
    this.lsetLo = new Int32Array(c);
    this.lsetHi = new Int32Array(c);
    this.rsetLo = new Int32Array(c);
    this.rsetHi = new Int32Array(c);
  }

  init(n: number): void {
    if (n + 1 > this.head.length) {
      const fresh = new ArcEagerState(Math.max(n, this.head.length * 2));
      Object.assign(this, fresh);
    }
    this.n = n;
    const m = n + 1;
    this.head.fill(-1, 0, m);
    this.label.fill(-1, 0, m);
    this.lc1.fill(-1, 0, m);
    this.lc2.fill(-1, 0, m);
    this.rc1.fill(-1, 0, m);
    this.rc2.fill(-1, 0, m);
    this.nl.fill(0, 0, m);
    this.nr.fill(0, 0, m);
    this.lsetLo.fill(0, 0, m);
    this.lsetHi.fill(0, 0, m);
    this.rsetLo.fill(0, 0, m);
    this.rsetHi.fill(0, 0, m);
    this.stack[0] = 0;
    this.sp = 1;
    this.b = 1;
  }

  isTerminal(): boolean {
    return this.b > this.n;
  }

  s0(): number {
    return this.sp > 0 ? this.stack[this.sp - 1] : -1;
  }

  valid(a: number): boolean {
    if (this.b > this.n) return false;
    const s0 = this.stack[this.sp - 1];
    switch (a) {
      case SH:
        return true;
      case RE:
        return this.sp > 1 && this.head[s0] >= 0;
      case LA:
        return s0 !== 0 && this.head[s0] < 0;
      case RA:
        // Single root: the artificial root takes exactly one dependent.
        return s0 !== 0 || this.nr[0] === 0;
      default:
        return false;
    }
  }

  private addArc(h: number, d: number, l: number): void {
    this.head[d] = h;
    this.label[d] = l;
    const bit = 1 << (l & 31);
    if (d < h) {
      this.nl[h]++;
      if (this.lc1[h] < 0 || d < this.lc1[h]) {
        this.lc2[h] = this.lc1[h];
        this.lc1[h] = d;
      } else if (this.lc2[h] < 0 || d < this.lc2[h]) this.lc2[h] = d;
      if (l < 32) this.lsetLo[h] |= bit;
      else this.lsetHi[h] |= bit;
    } else {
      this.nr[h]++;
      if (this.rc1[h] < 0 || d > this.rc1[h]) {
        this.rc2[h] = this.rc1[h];
        this.rc1[h] = d;
      } else if (this.rc2[h] < 0 || d > this.rc2[h]) this.rc2[h] = d;
      if (l < 32) this.rsetLo[h] |= bit;
      else this.rsetHi[h] |= bit;
    }
  }

  /** Applies a valid action; `l` is the label id for LA/RA. */
  apply(a: number, l: number): void {
    const s0 = this.stack[this.sp - 1];
    const b0 = this.b;
    switch (a) {
      case SH:
        this.stack[this.sp++] = b0;
        this.b++;
        break;
      case RE:
        this.sp--;
        break;
      case LA:
        this.addArc(b0, s0, l);
        this.sp--;
        break;
      case RA:
        this.addArc(s0, b0, l);
        this.stack[this.sp++] = b0;
        this.b++;
        break;
      default:
        throw new Error(`transition.ts: unknown action ${a}`);
    }
  }

  /**
   * After the buffer empties, words still without a head are attached: to the root's dependent
   * when there is one (keeping a single root), else the first becomes the root.
   */
  finish(rootLabel: number, fallbackLabel: number): void {
    let root = this.rc1[0];
    for (let i = 1; i <= this.n; i++) {
      if (this.head[i] >= 0) continue;
      if (root < 0) {
        this.addArc(0, i, rootLabel);
        root = i;
      } else this.addArc(root, i, fallbackLabel);
    }
  }
}

/**
 * Dynamic-oracle cost (number of reachable gold arcs lost, unlabelled) of each action, written into
 * `cost` (Infinity when invalid). `gold` is the 1-based gold head array indexed by word (gold[0] unused).
 */
export function actionCosts(st: ArcEagerState, gold: Int32Array, cost: Float64Array): void {
  const n = st.n;
  const b0 = st.b;
  const s0 = st.stack[st.sp - 1];
  const head = st.head;
  for (let a = 0; a < N_ACTIONS; a++) cost[a] = st.valid(a) ? 0 : Infinity;
  // Relations between b0 and the stack.
  let b0HeadInStack = 0; // gold head of b0 is on the stack (any position)
  let b0HeadInStackBelow = 0; // ... excluding s0
  let stackDepsOfB0 = 0; // headless stack words whose gold head is b0
  const gb = gold[b0];
  for (let i = 0; i < st.sp; i++) {
    const k = st.stack[i];
    if (gb === k) {
      b0HeadInStack = 1;
      if (k !== s0) b0HeadInStackBelow = 1;
    }
    if (k !== 0 && head[k] < 0 && gold[k] === b0) stackDepsOfB0++;
  }
  // Dependents of s0 in the buffer (b0..n).
  let s0DepsInBuffer = 0;
  for (let k = b0; k <= n; k++) if (gold[k] === s0) s0DepsInBuffer++;
  if (cost[SH] === 0) cost[SH] = b0HeadInStack + stackDepsOfB0;
  if (cost[RE] === 0) cost[RE] = s0DepsInBuffer;
  if (cost[LA] === 0) {
    const gs = gold[s0];
    cost[LA] = s0DepsInBuffer + (gs > b0 ? 1 : 0);
  }
  if (cost[RA] === 0) {
    const headLost = gb !== s0 && (b0HeadInStackBelow === 1 || gb > b0) ? 1 : 0;
    cost[RA] = headLost + stackDepsOfB0;
  }
}

/** Static oracle for projective trees: LA, RA, RE (when s0 is complete), else SH. */
export function staticOracle(st: ArcEagerState, gold: Int32Array): number {
  const s0 = st.stack[st.sp - 1];
  const b0 = st.b;
  if (s0 !== 0 && st.head[s0] < 0 && gold[s0] === b0) return LA;
  if (gold[b0] === s0 && st.valid(RA)) return RA;
  if (st.valid(RE)) {
    let pending = false;
    for (let k = b0; k <= st.n; k++) if (gold[k] === s0) { pending = true; break; }
    if (!pending) return RE;
  }
  return SH;
}

/** True when the tree (1-based heads, 0 = root) has no crossing arcs. */
export function isProjective(gold: Int32Array, n: number): boolean {
  for (let d = 1; d <= n; d++) {
    const h = gold[d];
    const lo = Math.min(h, d);
    const hi = Math.max(h, d);
    for (let k = lo + 1; k < hi; k++) {
      // every word strictly between must be dominated by h
      let a = k;
      let steps = 0;
      while (a !== h && a !== 0 && steps++ <= n) a = gold[a];
      if (a !== h) return false;
    }
  }
  return true;
}
