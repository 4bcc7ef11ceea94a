// Averaged perceptron over hashed 32-bit feature keys (dense rows while training) and the compact
// inference tables built from it (sparse int16 rows; inline slots). Must not allocate per feature in hot loops.

/** murmur3-style mixing step: folds 32-bit value v into running hash h. */
export function mix(h: number, v: number): number {
  v = Math.imul(v, 0xcc9e2d51);
  v = (v << 15) | (v >>> 17);
  v = Math.imul(v, 0x1b873593);
  h ^= v;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Final avalanche; never returns 0 because 0 marks an empty slot in the table. */
export function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

/** FNV-1a over UTF-16 code units, finalised. */
export function hashString(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fin(h);
}

export class Perceptron {
  readonly nClasses: number;
  nRows = 0;
  /** Slot table, interleaved [key, row] per slot (key 0 = empty) so a probe touches one cache line. */
  private slots: Int32Array;
  private mask: number;
  /** Row-major weights, nClasses per row. */
  w: Float32Array;
  /** Averaging accumulators (training only): sum of time*delta, so average = w - u/time. */
  private u: Float64Array | null;
  /** Per-row update counts (training only), used to prune rare features when saving. */
  rowKey: Int32Array;
  time = 0;

  constructor(nClasses: number, capacity = 1 << 16, training = true) {
    this.nClasses = nClasses;
    let cap = 1024;
    while (cap < capacity * 2) cap <<= 1;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
    const rows = Math.max(1024, capacity);
    this.w = new Float32Array(rows * nClasses);
    this.u = training ? new Float64Array(rows * nClasses) : null;
    this.rowKey = new Int32Array(rows);
  }

  /** Row index of a feature key, or -1 when the feature has no weights. */
  find(key: number): number {
    return probe(this.slots, this.mask, key);
  }

  findOrAdd(key: number): number {
    const r = this.find(key);
    if (r >= 0) return r;
    if ((this.nRows + 1) * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
    if ((this.nRows + 1) * this.nClasses > this.w.length) this.growRows();
    const row = this.nRows++;
    this.insertSlot(key, row);
    this.rowKey[row] = key;
    return row;
  }

  private insertSlot(key: number, row: number): void {
    const mask = this.mask;
    let s = key & mask;
    while (this.slots[s << 1] !== 0) s = (s + 1) & mask;
    this.slots[s << 1] = key;
    this.slots[(s << 1) + 1] = row;
  }

  private rehash(cap: number): void {
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
    for (let r = 0; r < this.nRows; r++) this.insertSlot(this.rowKey[r], r);
  }

  private growRows(): void {
    const rows = (this.w.length / this.nClasses) * 2;
    const w = new Float32Array(rows * this.nClasses);
    w.set(this.w);
    this.w = w;
    if (this.u) {
      const u = new Float64Array(rows * this.nClasses);
      u.set(this.u);
      this.u = u;
    }
    const rk = new Int32Array(rows);
    rk.set(this.rowKey);
    this.rowKey = rk;
  }

  /** Resolves keys[0..n) to rows (-1 when absent) into `rows`. */
  lookup(keys: Int32Array, n: number, rows: Int32Array): void {
    for (let i = 0; i < n; i++) rows[i] = this.find(keys[i]);
  }

  /** out[c] = sum of weights of resolved rows. */
  score(rows: Int32Array, n: number, out: Float32Array): void {
    const C = this.nClasses;
    const w = this.w;
    out.fill(0, 0, C);
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      if (r < 0) continue;
      const base = r * C;
      for (let c = 0; c < C; c++) out[c] += w[base + c];
    }
  }

  /** Call once per training example before any update for it. */
  tick(): void {
    this.time++;
  }

  /** Standard perceptron update: +1 for gold, -1 for predicted, on every feature of the example. */
  update(keys: Int32Array, n: number, gold: number, pred: number): void {
    if (gold === pred) return;
    const C = this.nClasses;
    const t = this.time;
    for (let i = 0; i < n; i++) {
      const r = this.findOrAdd(keys[i]);
      const w = this.w;
      const u = this.u!;
      const base = r * C;
      w[base + gold] += 1;
      u[base + gold] += t;
      w[base + pred] -= 1;
      u[base + pred] -= t;
    }
  }

  /** Adds `delta` to class c of every feature (one side of a structured update over a whole sequence). */
  add(keys: Int32Array, n: number, c: number, delta: number): void {
    const C = this.nClasses;
    const t = this.time;
    for (let i = 0; i < n; i++) {
      const base = this.findOrAdd(keys[i]) * C;
      this.w[base + c] += delta;
      this.u![base + c] += t * delta;
    }
  }

  /** Averaged weights (a copy), for evaluation and saving; the training state is left intact. */
  averaged(): Float32Array {
    const n = this.nRows * this.nClasses;
    const out = new Float32Array(n);
    const t = Math.max(1, this.time);
    const w = this.w;
    const u = this.u;
    for (let i = 0; i < n; i++) out[i] = u ? w[i] - u[i] / t : w[i];
    return out;
  }

}

/** Deterministic PRNG (mulberry32) so training is reproducible from a seed. */
export function rng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(arr: T[], rand: () => number): void {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const x = arr[i];
    arr[i] = arr[j];
    arr[j] = x;
  }
}

/**
 * The value stored with `key` in an open-addressing table of [key, value] pairs (linear probing, key 0 = empty),
 * or -1 when the key is absent.
 */
function probe(slots: Int32Array, mask: number, key: number): number {
  let s = key & mask;
  for (;;) {
    const k = slots[s << 1];
    if (k === key) return slots[(s << 1) + 1];
    if (k === 0) return -1;
    s = (s + 1) & mask;
  }
}

/** Reusable scratch arrays for scoring (two at a time), grown as needed. */
const scratchBufs = [new Int32Array(256), new Int32Array(256)];
function scratch(n: number, which = 0): Int32Array {
  if (scratchBufs[which].length < n) scratchBufs[which] = new Int32Array(n * 2);
  return scratchBufs[which];
}

/**
 * Inference-only model with sparse, int16-quantised rows. Slots interleave [key, start<<8 | count]
 * and each entry packs (weight << 8 | class) in one int32, so a feature costs about two cache misses.
 */
export class SparseModel {
  readonly nClasses: number;
  readonly nRows: number;
  /** Serialisable form: key, entry count, classes and int16 weights per row; weight = q * scale. */
  readonly rowKeys: Int32Array;
  readonly counts: Uint8Array;
  readonly cls: Uint8Array;
  readonly q: Int16Array;
  readonly scale: number;
  // Built on first use: the transition model is only ever scored through its InlineModel copy.
  private slots: Int32Array | null = null;
  private entries: Int32Array | null = null;
  private mask = 0;

  constructor(nClasses: number, rowKeys: Int32Array, counts: Uint8Array, cls: Uint8Array, q: Int16Array, scale: number) {
    if (nClasses > 255) throw new Error('perceptron.ts: SparseModel holds at most 255 classes');
    this.nClasses = nClasses;
    this.nRows = rowKeys.length;
    this.rowKeys = rowKeys;
    this.counts = counts;
    this.cls = cls;
    this.q = q;
    this.scale = scale;
    if (q.length >= 1 << 23) throw new Error('perceptron.ts: SparseModel too large');
    let total = 0;
    for (let r = 0; r < counts.length; r++) total += counts[r];
    if (total !== q.length) throw new Error('perceptron.ts: SparseModel row counts do not add up');
  }

  private build(): Int32Array {
    const { q, cls, counts, rowKeys } = this;
    const entries = new Int32Array(q.length);
    for (let j = 0; j < q.length; j++) entries[j] = (q[j] << 8) | cls[j];
    let cap = 1024;
    // Load factor up to 0.75: a smaller table stays in cache better than shorter probe runs would gain.
    while (cap * 0.75 < this.nRows) cap <<= 1;
    const mask = cap - 1;
    const slots = new Int32Array(cap * 2);
    let start = 0;
    for (let r = 0; r < this.nRows; r++) {
      const key = rowKeys[r];
      let s = key & mask;
      while (slots[s << 1] !== 0) {
        if (slots[s << 1] === key) throw new Error('perceptron.ts: duplicate feature key in model');
        s = (s + 1) & mask;
      }
      slots[s << 1] = key;
      slots[(s << 1) + 1] = (start << 8) | counts[r];
      start += counts[r];
    }
    this.entries = entries;
    this.mask = mask;
    this.slots = slots;
    return slots;
  }

  /** Averaged weights of a trained perceptron, dropping |w| < minAbs and rows left empty. */
  static fromPerceptron(p: Perceptron, minAbs = 0): SparseModel {
    const w = p.averaged();
    const C = p.nClasses;
    let maxAbs = 0;
    for (let i = 0; i < w.length; i++) maxAbs = Math.max(maxAbs, Math.abs(w[i]));
    const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    const keys: number[] = [];
    const counts: number[] = [];
    const cls: number[] = [];
    const q: number[] = [];
    for (let r = 0; r < p.nRows; r++) {
      let cnt = 0;
      for (let c = 0; c < C; c++) {
        const v = w[r * C + c];
        if (v === 0 || Math.abs(v) < minAbs) continue;
        const x = Math.round(v / scale);
        if (x === 0) continue;
        cls.push(c);
        q.push(x);
        cnt++;
      }
      if (cnt > 0) {
        keys.push(p.rowKey[r]);
        counts.push(cnt);
      }
    }
    return new SparseModel(C, Int32Array.from(keys), Uint8Array.from(counts), Uint8Array.from(cls), Int16Array.from(q), scale);
  }

  /** Weight entries of the row with this key: [start, count] packed, or -1. */
  find(key: number): number {
    return probe(this.slots ?? this.build(), this.mask, key);
  }

  /** out[c] = sum over present keys of their weights. */
  scoreKeys(keys: Int32Array, n: number, out: Float32Array): void {
    const C = this.nClasses;
    out.fill(0, 0, C);
    if (!this.slots) this.build();
    const entries = this.entries!;
    const found = scratch(n);
    // Each key's home slot is read first in a loop with no branch (many cache misses in flight at once); the few
    // keys whose home slot holds another key are then probed further.
    const slots = this.slots!;
    const mask = this.mask;
    const home = scratch(n, 1);
    for (let i = 0; i < n; i++) home[i] = slots[(keys[i] & mask) << 1];
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      const k = home[i];
      if (k === key) found[i] = slots[((key & mask) << 1) + 1];
      else found[i] = k === 0 ? -1 : this.find(key);
    }
    // Likewise each row's first entry is read before the rows are summed (a key that is absent reads entry 0).
    for (let i = 0; i < n; i++) {
      const f = found[i];
      home[i] = entries[(f >>> 8) & ~(f >> 31)];
    }
    for (let i = 0; i < n; i++) {
      const f = found[i];
      if (f < 0) continue;
      const j0 = f >>> 8;
      const e = j0 + (f & 255);
      // Integer sums stay exact in float32 (|sum| < 2^24 for < 512 features).
      for (let j = j0; j < e; j++) {
        const x = entries[j];
        out[x & 255] += x >> 8;
      }
    }
    const sc = this.scale;
    for (let c = 0; c < C; c++) out[c] *= sc;
  }
}

/**
 * Inference-only table for the transition classifier (at most 6 classes): each 16-byte slot holds
 * the key and its int16 weights together, so scoring a feature costs one cache miss.
 */
export class InlineModel {
  readonly nClasses: number;
  private readonly mask: number;
  private readonly i32: Int32Array;
  private readonly i16: Int16Array;
  private readonly scale: number;

  constructor(p: SparseModel) {
    if (p.nClasses > 6) throw new Error('perceptron.ts: InlineModel holds at most 6 classes');
    this.nClasses = p.nClasses;
    this.scale = p.scale;
    let cap = 1024;
    // Load factor up to 0.75 keeps the table small enough to stay mostly in cache.
    while (cap * 0.75 < p.nRows) cap <<= 1;
    this.mask = cap - 1;
    const buf = new ArrayBuffer(cap * 16);
    this.i32 = new Int32Array(buf);
    this.i16 = new Int16Array(buf);
    let j = 0;
    for (let r = 0; r < p.nRows; r++) {
      const key = p.rowKeys[r];
      let s = key & this.mask;
      while (this.i32[s << 2] !== 0) s = (s + 1) & this.mask;
      this.i32[s << 2] = key;
      for (let e = 0; e < p.counts[r]; e++, j++) this.i16[(s << 3) + 2 + p.cls[j]] = p.q[j];
    }
  }

  /** out[c] = sum over present keys of their weights. */
  scoreKeys(keys: Int32Array, n: number, out: Float32Array): void {
    const C = this.nClasses;
    const i32 = this.i32;
    const i16 = this.i16;
    const mask = this.mask;
    out.fill(0, 0, C);
    const found = scratch(n);
    // First a loop with no branch that reads each key's home slot, so the CPU keeps many cache misses in flight;
    // then the rare keys whose home slot holds another key are probed further.
    const home = scratch(n, 1);
    for (let i = 0; i < n; i++) home[i] = i32[(keys[i] & mask) << 2];
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      let s = key & mask;
      let k = home[i];
      let hit = -1;
      for (;;) {
        if (k === key) {
          hit = s;
          break;
        }
        if (k === 0) break;
        s = (s + 1) & mask;
        k = i32[s << 2];
      }
      found[i] = hit;
    }
    for (let i = 0; i < n; i++) {
      const s = found[i];
      if (s < 0) continue;
      const base = (s << 3) + 2;
      for (let c = 0; c < C; c++) out[c] += i16[base + c];
    }
    const sc = this.scale;
    for (let c = 0; c < C; c++) out[c] *= sc;
  }
}
