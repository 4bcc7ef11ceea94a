// MinHash signatures over word shingles and an LSH index that finds near-duplicate articles (wire reprints).
// Pure computation: no I/O, no database. The same text always gives the same signature on every machine.

/** Words per shingle: five words make a reprint with a changed headline or a dropped paragraph still match. */
export const SHINGLE_WORDS = 5;
/** Hash functions per signature; split into BANDS bands of ROWS rows for locality-sensitive hashing. */
export const NUM_HASHES = 128;
export const BANDS = 32;
export const ROWS = NUM_HASHES / BANDS;
/** Estimated Jaccard similarity of shingle sets at or above which two articles are one story. */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;

const SEEDS = (() => {
  const seeds = new Uint32Array(NUM_HASHES);
  let x = 0x9e3779b9;
  for (let i = 0; i < NUM_HASHES; i++) {
    x = fmix32(x + 0x6d2b79f5 + i);
    seeds[i] = x;
  }
  return seeds;
})();

/** MurmurHash3's finaliser: a fast, well-mixed 32-bit permutation. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over a string's UTF-16 units. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Lower-cased words of letters and digits: punctuation, case and spacing do not change a story. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Hashes of every run of SHINGLE_WORDS words (the whole text as one shingle when it is shorter). */
export function shingleHashes(text: string): Uint32Array {
  const w = words(text);
  const n = Math.max(1, w.length - SHINGLE_WORDS + 1);
  const set = new Set<number>();
  for (let i = 0; i < n; i++) set.add(hashString(w.slice(i, i + SHINGLE_WORDS).join(' ')));
  return Uint32Array.from(set);
}

/** The MinHash signature: for each seeded hash function, the least hash over all shingles. */
export function minhashSignature(text: string): Uint32Array {
  const shingles = shingleHashes(text);
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (let k = 0; k < shingles.length; k++) {
    const s = shingles[k];
    for (let i = 0; i < NUM_HASHES; i++) {
      const h = fmix32(s ^ SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** Share of equal positions: an unbiased estimate of the Jaccard similarity of the two shingle sets. */
export function estimateSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}

function bandKey(sig: ArrayLike<number>, band: number): string {
  let key = `${band}:`;
  for (let r = 0; r < ROWS; r++) key += sig[band * ROWS + r].toString(36) + '.';
  return key;
}

/**
 * Assigns each article to a cluster of near-duplicates: the cluster of the most similar earlier article at or
 * over the threshold (the earliest on a tie), else a new cluster named by the article itself. Adding articles in
 * the same order always gives the same clusters.
 */
export class NearDuplicateIndex {
  private readonly buckets = new Map<string, number[]>();
  private readonly sigs: ArrayLike<number>[] = [];
  private readonly clusters: string[] = [];

  constructor(private readonly threshold = NEAR_DUPLICATE_THRESHOLD) {}

  get size(): number {
    return this.sigs.length;
  }

  /** The cluster an article with this signature belongs to, or null when it starts a new one. */
  find(sig: ArrayLike<number>): { cluster: string; similarity: number } | null {
    const seen = new Set<number>();
    let best = -1;
    let bestSim = 0;
    for (let b = 0; b < BANDS; b++) {
      const list = this.buckets.get(bandKey(sig, b));
      if (!list) continue;
      for (const i of list) {
        if (seen.has(i)) continue;
        seen.add(i);
        const sim = estimateSimilarity(sig, this.sigs[i]);
        if (sim >= this.threshold && (sim > bestSim || (sim === bestSim && i < best))) {
          best = i;
          bestSim = sim;
        }
      }
    }
    return best < 0 ? null : { cluster: this.clusters[best], similarity: bestSim };
  }

  /** Records an article already assigned to `cluster`. */
  add(sig: ArrayLike<number>, cluster: string): void {
    const i = this.sigs.length;
    this.sigs.push(sig);
    this.clusters.push(cluster);
    for (let b = 0; b < BANDS; b++) {
      const key = bandKey(sig, b);
      const list = this.buckets.get(key);
      if (list) list.push(i);
      else this.buckets.set(key, [i]);
    }
  }

  /** Finds the article's cluster (or makes `ownId` a new one) and records it. */
  assign(sig: ArrayLike<number>, ownId: string): { cluster: string; similarity: number } {
    const hit = this.find(sig);
    const cluster = hit ? hit.cluster : ownId;
    this.add(sig, cluster);
    return { cluster, similarity: hit ? hit.similarity : 1 };
  }
}
