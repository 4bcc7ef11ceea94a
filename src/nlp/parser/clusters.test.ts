// Word-cluster file reading and the atoms the tagger and parser read from it.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CLUSTER_FILE, fillClusters, readClusters } from './clusters.js';
import { wordAtoms } from './features.js';
import { defaultModelDir, MODEL_FILE } from './index.js';
import { loadModel, saveModel } from './model-io.js';

function write(text: string): string {
  const p = join(mkdtempSync(join(tmpdir(), 'dyad-clusters-')), CLUSTER_FILE);
  writeFileSync(p, gzipSync(text));
  return p;
}

describe('word clusters', () => {
  it('gives words of one cluster the same atoms at every depth, and shares prefixes', () => {
    const map = readClusters(write('kazakhstan\t93b\nuzbekistan\t93b\nturkey\t93a\ntalks\t925\n'));
    const a = wordAtoms(['Kazakhstan', 'and', 'Uzbekistan', 'Turkey', 'held', 'talks']);
    fillClusters(a, map);
    expect(a.cl3[0]).toBe(a.cl3[2]);
    expect(a.cl3[0]).not.toBe(a.cl3[3]);
    expect(a.cl2[0]).toBe(a.cl2[3]); // 93x
    expect(a.cl2[0]).not.toBe(a.cl2[5]); // 92x
    expect(a.cl1[0]).toBe(a.cl1[5]); // 9xx
    expect(a.cl1[1]).toBe(-1); // not in the file
    // Depths never collide: a depth-1 atom is not a depth-2 or depth-3 atom.
    expect(new Set([a.cl1[0], a.cl2[0], a.cl3[0]]).size).toBe(3);
  });

  it('names the file and line of a malformed row', () => {
    const p = write('kazakhstan\t93b\nuzbekistan 93b\n');
    expect(() => readClusters(p)).toThrow(/clusters.tsv.gz line 2/);
    expect(() => readClusters(write('turkey\t9z1\n'))).toThrow(/line 1/);
    expect(() => readClusters(join(tmpdir(), 'no-such-dir', CLUSTER_FILE))).toThrow(/cannot read word clusters/);
  });

  it('ships a cluster file for the model, with the news vocabulary in it', () => {
    const map = readClusters(join(defaultModelDir(), CLUSTER_FILE));
    expect(map.size).toBeGreaterThan(50000);
    const a = wordAtoms(['Kazakhstan', 'Uzbekistan', 'Koshanov']);
    fillClusters(a, map);
    expect(a.cl1[0]).toBeGreaterThan(0);
    expect(a.cl1[0]).toBe(a.cl1[1]);
  });
});

describe('a model and its cluster file', () => {
  it('loads with the cluster file it was trained with, and names the mismatch otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dyad-model-'));
    const shipped = loadModel(join(defaultModelDir(), MODEL_FILE));
    expect(shipped.tagger.clusters?.size).toBeGreaterThan(50000);
    saveModel(join(dir, MODEL_FILE), shipped);
    copyFileSync(join(defaultModelDir(), CLUSTER_FILE), join(dir, CLUSTER_FILE));
    const again = loadModel(join(dir, MODEL_FILE));
    const words = ['Kazakhstan', 'supports', 'China', "'s", 'core', 'interests', '.'];
    expect(again.parse(words)).toEqual(shipped.parse(words));
    writeFileSync(join(dir, CLUSTER_FILE), gzipSync('kazakhstan\t93b\n'));
    expect(() => loadModel(join(dir, MODEL_FILE))).toThrow(/trained with \d+ clustered words, clusters.tsv.gz beside it has 1/);
  });
});
