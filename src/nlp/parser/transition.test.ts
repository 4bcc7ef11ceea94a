// Checks the arc-eager system: the static oracle rebuilds every projective EWT training tree and
// its moves cost nothing under the dynamic oracle. Reads the treebank from ../shared; never copies it.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readConlluFile, sentenceWords } from './conllu.js';
import { repoRoot } from './index.js';
import { ArcEagerState, N_ACTIONS, actionCosts, isProjective, staticOracle } from './transition.js';

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

  it('detects non-projective trees', () => {
    // 1 <- 3, 2 <- 4 (crossing), 4 root, 3 <- 4
    expect(isProjective(Int32Array.from([-1, 3, 4, 4, 0]), 4)).toBe(false);
    expect(isProjective(Int32Array.from([-1, 2, 0, 2]), 3)).toBe(true);
  });
});
