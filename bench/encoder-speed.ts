// How fast can a neural sentence encoder run in plain JavaScript on one core? Times the forward pass of a
// bidirectional LSTM, the encoder of the parsers that reach 88+ UAS on EWT, at a few sizes, with random weights
// (speed does not depend on them), over 20-word sentences of 100-dimensional word vectors (GloVe's size).
// `precomputed` leaves out the input projection, as if each word's were looked up from a table built in advance
// (100,000 words x 8H floats): the recurrent part alone, the least any LSTM must compute per word.
// Usage: node dist/bench/encoder-speed.js. Writes nothing; data/models/parser/EXPERIMENTS.md quotes it (run 19).
import { rng } from '../src/nlp/parser/perceptron.js';

const WORDS = 20;
const DIM = 100;
const random = rng(20261130);

function weights(n: number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = (random() - 0.5) * 0.1;
  return a;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Tokens/s of the forward pass of one BiLSTM layer of H units per direction. */
function time(h: number, precomputed: boolean): { tokensPerSec: number; macPerToken: number } {
  const gates = 4 * h;
  const inDim = precomputed ? h : DIM + h;
  const w = [weights(gates * inDim), weights(gates * inDim)];
  const words = weights(WORDS * DIM);
  // With the projection precomputed, each word brings its gate inputs ready-made.
  const projected = [weights(WORDS * gates), weights(WORDS * gates)];
  const g = new Float32Array(gates);
  const x = new Float32Array(inDim);
  const hs = new Float32Array(h);
  const cs = new Float32Array(h);
  const out = new Float32Array(WORDS * 2 * h);
  const direction = (d: number): void => {
    const wd = w[d];
    hs.fill(0);
    cs.fill(0);
    for (let k = 0; k < WORDS; k++) {
      const t = d === 0 ? k : WORDS - 1 - k;
      if (precomputed) x.set(hs, 0);
      else {
        x.set(words.subarray(t * DIM, t * DIM + DIM), 0);
        x.set(hs, DIM);
      }
      for (let r = 0; r < gates; r++) {
        let s = precomputed ? projected[d][t * gates + r] : 0;
        const o = r * inDim;
        for (let c = 0; c < inDim; c++) s += wd[o + c] * x[c];
        g[r] = s;
      }
      for (let j = 0; j < h; j++) {
        cs[j] = sigmoid(g[h + j]) * cs[j] + sigmoid(g[j]) * Math.tanh(g[2 * h + j]);
        hs[j] = sigmoid(g[3 * h + j]) * Math.tanh(cs[j]);
        out[t * 2 * h + d * h + j] = hs[j];
      }
    }
  };
  const sentence = (): void => {
    direction(0);
    direction(1);
  };
  for (let i = 0; i < 300; i++) sentence();
  const n = 3000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sentence();
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  return { tokensPerSec: (n * WORDS) / secs, macPerToken: 2 * gates * inDim };
}

console.log('one BiLSTM layer, forward pass only, one core (the parser itself, its tagger and scoring not included):');
for (const precomputed of [false, true]) {
  for (const h of [32, 64, 128]) {
    const r = time(h, precomputed);
    const what = precomputed ? 'input projection precomputed' : 'from 100-d word vectors';
    console.log(`  H=${String(h).padStart(3)} ${what.padEnd(29)} ${String(Math.round(r.tokensPerSec)).padStart(7)} tokens/s  (${r.macPerToken} multiply-adds per token)`);
  }
}
