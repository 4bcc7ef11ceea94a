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
  /**
   * Non-monotonic variant (Honnibal, Goldberg & Johnson 2013; Honnibal & Johnson 2015): Left-Arc may
   * replace a head given by Right-Arc, and Reduce on a headless s0 unshifts it back to the buffer front,
   * where it can no longer be shifted (only attached by Right-Arc or take stack words by Left-Arc).
   */
  nonMono = false;
  /** Word location: 0 = buffer, 1 = stack, 2 = popped (reduced), 3 = unshifted (buffer front). */
  loc: Int8Array;
  /** Unshifted words, top (= buffer front) last. */
  ubuf: Int32Array;
  usp = 0;
  /** Words on the stack without a head (the root excluded). */
  nHeadless = 0;

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
    this.loc = new Int8Array(c);
    this.ubuf = new Int32Array(c);
  }

  init(n: number): void {
    if (n + 1 > this.head.length) {
      const nm = this.nonMono;
      const fresh = new ArcEagerState(Math.max(n, this.head.length * 2));
      Object.assign(this, fresh);
      this.nonMono = nm;
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
    this.loc.fill(0, 0, m);
    this.loc[0] = 1;
    this.stack[0] = 0;
    this.sp = 1;
    this.b = 1;
    this.usp = 0;
    this.nHeadless = 0;
  }

  /** Makes this state a copy of `o` (for beam search); one loop over the per-word arrays, no allocation. */
  copyFrom(o: ArcEagerState): void {
    if (o.n + 1 > this.head.length) this.init(o.n);
    this.nonMono = o.nonMono;
    this.n = o.n;
    this.sp = o.sp;
    this.b = o.b;
    this.usp = o.usp;
    this.nHeadless = o.nHeadless;
    for (let i = 0; i < o.sp; i++) this.stack[i] = o.stack[i];
    for (let i = 0; i < o.usp; i++) this.ubuf[i] = o.ubuf[i];
    for (let i = 0; i <= o.n; i++) {
      this.head[i] = o.head[i];
      this.label[i] = o.label[i];
      this.lc1[i] = o.lc1[i];
      this.lc2[i] = o.lc2[i];
      this.rc1[i] = o.rc1[i];
      this.rc2[i] = o.rc2[i];
      this.nl[i] = o.nl[i];
      this.nr[i] = o.nr[i];
      this.lsetLo[i] = o.lsetLo[i];
      this.lsetHi[i] = o.lsetHi[i];
      this.rsetLo[i] = o.rsetLo[i];
      this.rsetHi[i] = o.rsetHi[i];
      this.loc[i] = o.loc[i];
    }
  }

  isTerminal(): boolean {
    if (!this.nonMono) return this.b > this.n;
    return this.b > this.n && this.usp === 0 && this.nHeadless === 0;
  }

  /** Front of the buffer (an unshifted word first), or n+1 when the buffer is empty. */
  b0(): number {
    return this.usp > 0 ? this.ubuf[this.usp - 1] : this.b;
  }

  /** i-th buffer word (0 = front), or -1. */
  bufAt(i: number): number {
    if (i < this.usp) return this.ubuf[this.usp - 1 - i];
    const k = this.b + i - this.usp;
    return k <= this.n ? k : -1;
  }

  s0(): number {
    return this.sp > 0 ? this.stack[this.sp - 1] : -1;
  }

  valid(a: number): boolean {
    if (this.nonMono) return this.validNM(a);
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

  private validNM(a: number): boolean {
    const bufEmpty = this.usp === 0 && this.b > this.n;
    const s0 = this.stack[this.sp - 1];
    switch (a) {
      case SH:
        return this.usp === 0 && this.b <= this.n;
      case RE:
        if (this.sp <= 1) return false;
        // The root's dependent stays on the stack until the buffer is empty (no dead ends).
        if (this.head[s0] === 0) return bufEmpty;
        return true;
      case LA:
        return !bufEmpty && s0 !== 0;
      case RA:
        return !bufEmpty && (s0 !== 0 || this.nr[0] === 0);
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

  /** Removes the arc into d, which is its head's rightmost child (a Right-Arc arc, d still on the stack). */
  private removeArc(d: number): void {
    const h = this.head[d];
    this.head[d] = -1;
    this.label[d] = -1;
    this.nr[h]--;
    let r1 = -1;
    let r2 = -1;
    let lo = 0;
    let hi = 0;
    for (let c = this.n; c > h; c--) {
      if (this.head[c] !== h) continue;
      if (r1 < 0) r1 = c;
      else if (r2 < 0) r2 = c;
      const l = this.label[c];
      if (l < 32) lo |= 1 << (l & 31);
      else hi |= 1 << (l & 31);
    }
    this.rc1[h] = r1;
    this.rc2[h] = r2;
    this.rsetLo[h] = lo;
    this.rsetHi[h] = hi;
  }

  /** Changes the label of d, a right dependent of its head, keeping the head's right label set exact. */
  relabel(d: number, l: number): void {
    const h = this.head[d];
    this.label[d] = l;
    let lo = 0;
    let hi = 0;
    for (let c = h + 1; c <= this.n; c++) {
      if (this.head[c] !== h) continue;
      const x = this.label[c];
      if (x < 32) lo |= 1 << (x & 31);
      else hi |= 1 << (x & 31);
    }
    this.rsetLo[h] = lo;
    this.rsetHi[h] = hi;
  }

  /** Applies a valid action; `l` is the label id for LA/RA. */
  apply(a: number, l: number): void {
    if (this.nonMono) {
      this.applyNM(a, l);
      return;
    }
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

  private popBuffer(): number {
    if (this.usp > 0) return this.ubuf[--this.usp];
    return this.b++;
  }

  private applyNM(a: number, l: number): void {
    const s0 = this.stack[this.sp - 1];
    const loc = this.loc;
    switch (a) {
      case SH: {
        const b0 = this.popBuffer();
        this.stack[this.sp++] = b0;
        loc[b0] = 1;
        this.nHeadless++;
        break;
      }
      case RE:
        this.sp--;
        if (this.head[s0] >= 0) loc[s0] = 2;
        else {
          // Unshift: back to the buffer front, never to be shifted again.
          this.ubuf[this.usp++] = s0;
          loc[s0] = 3;
          this.nHeadless--;
        }
        break;
      case LA: {
        const b0 = this.b0();
        if (this.head[s0] >= 0) this.removeArc(s0);
        else this.nHeadless--;
        this.addArc(b0, s0, l);
        this.sp--;
        loc[s0] = 2;
        break;
      }
      case RA: {
        const b0 = this.popBuffer();
        this.addArc(s0, b0, l);
        this.stack[this.sp++] = b0;
        loc[b0] = 1;
        break;
      }
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

/**
 * Costs for the non-monotonic system, from per-arc reachability (conservative like Honnibal & Johnson
 * 2015: a wrong Right-Arc or a Shift past its head counts as lost even though a later repair may undo it;
 * a repair scores as a gain, so costs can be negative and training takes the cheapest moves as correct).
 */
export function actionCostsNM(st: ArcEagerState, gold: Int32Array, cost: Float64Array): void {
  const n = st.n;
  const loc = st.loc;
  const head = st.head;
  const s0 = st.stack[st.sp - 1];
  const b0 = st.b0();
  for (let a = 0; a < N_ACTIONS; a++) cost[a] = st.valid(a) ? 0 : Infinity;
  const inBuf = (x: number): boolean => x >= 0 && x <= n && (loc[x] === 0 || loc[x] === 3);
  const inStk = (x: number): boolean => x >= 0 && loc[x] === 1;
  const reach = (d: number): number => {
    const g = gold[d];
    if (head[d] === g) return 1;
    switch (loc[d]) {
      case 1:
        return inBuf(g) ? 1 : 0;
      case 0:
        return inStk(g) || inBuf(g) ? 1 : 0;
      case 3:
        return inStk(g) ? 1 : 0;
      default:
        return 0;
    }
  };
  let cSbuf = 0;
  let cSubuf = 0;
  let cSstk = 0;
  let cBstk = 0;
  const haveB = b0 <= n;
  for (let k = 1; k <= n; k++) {
    const g = gold[k];
    const lk = loc[k];
    if (g === s0 && s0 !== 0) {
      if (lk === 0 || lk === 3) cSbuf++;
      if (lk === 3) cSubuf++;
      if (lk === 1) cSstk++;
    }
    if (haveB && g === b0 && lk === 1) cBstk++;
  }
  if (cost[SH] !== Infinity) cost[SH] = (inStk(gold[b0]) ? 1 : 0) + cBstk;
  if (cost[RA] !== Infinity) cost[RA] = reach(b0) - (gold[b0] === s0 ? 1 : 0) + cBstk;
  if (cost[LA] !== Infinity) cost[LA] = reach(s0) - (gold[s0] === b0 ? 1 : 0) + cSbuf;
  if (cost[RE] !== Infinity) {
    if (head[s0] >= 0) cost[RE] = reach(s0) - (head[s0] === gold[s0] ? 1 : 0) + cSbuf;
    else {
      const g = gold[s0];
      cost[RE] = (inBuf(g) ? 1 : 0) - (inStk(g) ? 1 : 0) - cSstk + cSubuf;
    }
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
