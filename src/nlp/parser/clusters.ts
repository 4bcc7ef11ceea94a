// Word clusters for the tagger and parser: a hierarchical clustering of GloVe word vectors (built by
// scripts/build-clusters.ts), read from data/models/parser/clusters.tsv.gz, one `word<TAB>path` per line, the path
// one hex digit per level. Words absent from the treebank still get a class shared with words it has.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { hashString } from './perceptron.js';
import type { WordAtoms } from './features.js';

export const CLUSTER_FILE = 'clusters.tsv.gz';
export const CLUSTER_LEVELS = 3;
export const CLUSTER_BRANCH = 16;

/** Normalised-word hash -> cluster path as an integer (hex digits of the path); absent = no cluster. */
export type ClusterMap = Map<number, number>;

export function readClusters(path: string): ClusterMap {
  let text: string;
  try {
    text = gunzipSync(readFileSync(path)).toString('utf8');
  } catch (e) {
    throw new Error(`clusters.ts: cannot read word clusters ${path}: ${(e as Error).message}`);
  }
  const out: ClusterMap = new Map();
  let line = 0;
  for (const row of text.split('\n')) {
    line++;
    if (!row) continue;
    const tab = row.indexOf('\t');
    const p = tab > 0 ? row.slice(tab + 1) : '';
    if (p.length !== CLUSTER_LEVELS || !/^[0-9a-f]+$/.test(p)) throw new Error(`clusters.ts: ${path} line ${line}: expected word<TAB>${CLUSTER_LEVELS} hex digits, got ${JSON.stringify(row.slice(0, 60))}`);
    out.set(hashString(row.slice(0, tab)), parseInt(p, 16));
  }
  return out;
}

/** Cluster atoms at each depth: the path's first 1, 2 and 3 digits (distinct ranges), -1 for a word with no cluster. */
export function fillClusters(atoms: WordAtoms, clusters: ClusterMap | null): void {
  for (let i = 0; i < atoms.n; i++) {
    const c = clusters ? clusters.get(atoms.norm[i]) : undefined;
    if (c === undefined) {
      atoms.cl1[i] = atoms.cl2[i] = atoms.cl3[i] = -1;
    } else {
      atoms.cl1[i] = 0x10000 | (c >> 8);
      atoms.cl2[i] = 0x20000 | (c >> 4);
      atoms.cl3[i] = 0x30000 | c;
    }
  }
}
