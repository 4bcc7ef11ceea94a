// Checks the arc-eager system: the static oracle rebuilds every projective EWT training tree and
// its moves cost nothing under the dynamic oracle. Reads the treebank from ../shared; never copies it.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readConlluFile, sentenceWords } from './conllu.js';
import { repoRoot } from './index.js';
import { ArcEagerState, N_ACTIONS, actionCosts, actionCostsNM, isProjective, staticOracle } from './transition.js';

const TRAIN = join(repoRoot(), '..', 'shared', 'data', 'ud-english-ewt', 'en_ewt-ud-train.conllu');
const haveTrain = existsSync(TRAIN);
if (!haveTrain) console.warn(`transition.test.ts: skipping oracle test, treebank not found at ${TRAIN}`);

describe('arc-eager transition system', () => {
  it.skipIf(!haveTrain)('static oracle reproduces every projective training tree', () => {
    const sents = readConlluFile(TRAIN).map(sentenceWords);
    const st = new ArcEagerState(64);
    const cost = new Float64Array(N_ACTIONS);
    let projective = 0;
    for (const s of sents) {
      const n = s.form.length;
      const gold = new Int32Array(n + 1);
      gold[0] = -1;
      for (let i = 0; i < n; i++) gold[i + 1] = s.head[i];
      if (!isProjective(gold, n)) continue;
      projective++;
      st.init(n);
      while (!st.isTerminal()) {
        const a = staticOracle(st, gold);
        expect(st.valid(a)).toBe(true);
        actionCosts(st, gold, cost);
        if (cost[a] !== 0) throw new Error(`oracle move ${a} has cost ${cost[a]} in "${s.form.join(' ')}"`);
        st.apply(a, 0);
      }
      st.finish(0, 0);
      for (let i = 1; i <= n; i++) {
        if (st.head[i] !== gold[i]) throw new Error(`word ${i} of "${s.form.join(' ')}": head ${st.head[i]}, gold ${gold[i]}`);
      }
    }
    expect(projective).toBeGreaterThan(0.9 * sents.length);
  });

  it.skipIf(!haveTrain)('non-monotonic variant: cheapest moves rebuild projective trees and every parse ends', () => {
    const sents = readConlluFile(TRAIN).map(sentenceWords).slice(0, 3000);
    const st = new ArcEagerState(64);
    st.nonMono = true;
    const cost = new Float64Array(N_ACTIONS);
    let seed = 7;
    const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    for (const noisy of [false, true]) {
      for (const s of sents) {
        const n = s.form.length;
        const gold = new Int32Array(n + 1);
        gold[0] = -1;
        for (let i = 0; i < n; i++) gold[i + 1] = s.head[i];
        st.init(n);
        let steps = 0;
        while (!st.isTerminal()) {
          actionCostsNM(st, gold, cost);
          let a = -1;
          for (let x = 0; x < N_ACTIONS; x++) if (cost[x] !== Infinity && (a < 0 || cost[x] < cost[a])) a = x;
          expect(a).toBeGreaterThanOrEqual(0);
          if (noisy && rand() < 0.3) {
            const ok = [0, 1, 2, 3].filter((x) => cost[x] !== Infinity);
            a = ok[Math.floor(rand() * ok.length)];
          }
          st.apply(a, 0);
          if (++steps > 4 * n + 4) throw new Error(`no termination in "${s.form.join(' ')}"`);
        }
        for (let i = 1; i <= n; i++) {
          expect(st.head[i]).toBeGreaterThanOrEqual(0);
          if (!noisy && isProjective(gold, n) && st.head[i] !== gold[i]) throw new Error(`word ${i} of "${s.form.join(' ')}"`);
        }
      }
    }
  });

  it('detects non-projective trees', () => {
    // 1 <- 3, 2 <- 4 (crossing), 4 root, 3 <- 4
    expect(isProjective(Int32Array.from([-1, 3, 4, 4, 0]), 4)).toBe(false);
    expect(isProjective(Int32Array.from([-1, 2, 0, 2]), 3)).toBe(true);
  });
});
