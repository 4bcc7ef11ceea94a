// Feature extraction for the tagger and the parser: word normalisation, per-word hashed atoms, and
// hashed template conjunctions written into an Int32Array. Must not touch weights or allocate per feature.
import { fin, hashString, mix } from './perceptron.js';
import type { ArcEagerState } from './transition.js';

/** Lowercase, digits to 0, typographic quotes/dashes folded so wink-nlp and UD tokens look alike. */
export function normWord(w: string): string {
  let s = w.toLowerCase();
  if (/[0-9]/.test(s)) s = s.replace(/[0-9]/g, '0');
  if (/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/.test(s)) s = s.replace(/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g, "'");
  if (/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/.test(s)) s = s.replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"');
  if (/[\u2013\u2014\u2015]/.test(s)) s = s.replace(/[\u2013\u2014\u2015]+/g, '--');
  if (s === "''" || s === '``') s = '"';
  return s;
}

/** Word shape: X/x/d per character class, other characters kept, runs longer than 2 collapsed. */
export function wordShape(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < w.length && i < 40; i++) {
    const c = w[i];
    let k: string;
    if (c >= 'A' && c <= 'Z') k = 'X';
    else if (c >= 'a' && c <= 'z') k = 'x';
    else if (c >= '0' && c <= '9') k = 'd';
    else if (c.toLowerCase() !== c.toUpperCase()) k = c === c.toUpperCase() ? 'X' : 'x';
    else k = c;
    if (k === last) {
      run++;
      if (run > 2) continue;
    } else {
      run = 1;
      last = k;
    }
    out += k;
  }
  return out;
}

/** Per-word hashed atoms shared by tagger and parser. */
export interface WordAtoms {
  n: number;
  norm: Int32Array;
  raw: Int32Array;
  shape: Int32Array;
  suf1: Int32Array;
  suf2: Int32Array;
  suf3: Int32Array;
  suf4: Int32Array;
  pre1: Int32Array;
  pre2: Int32Array;
  pre3: Int32Array;
  /** Ambiguity class (hash of the tag set seen in training) per word, filled in by the tagger; 0 = unknown. */
  amb: Int32Array;
  /** Tag of words unambiguous in training (frequent, one class >= 99%), filled in by the tagger; -1 = none. */
  fixed: Int32Array;
  /** Word-cluster atoms at path depths 1, 2 and 3 (clusters.ts), filled in by the tagger; -1 = no cluster. */
  cl1: Int32Array;
  cl2: Int32Array;
  cl3: Int32Array;
  /** Another tagger's UPOS per word (wink-nlp's, see wink-upos.ts) as an atom, read by the tagger as a feature; 0 = none. */
  hint: Int32Array;
}

const NONE = 0x2f6a1b3d | 0; // atom for "no word here"

export function wordAtoms(words: string[], hints?: readonly string[]): WordAtoms {
  const n = words.length;
  const a: WordAtoms = {
    n,
    norm: new Int32Array(n),
    raw: new Int32Array(n),
    shape: new Int32Array(n),
    suf1: new Int32Array(n),
    suf2: new Int32Array(n),
    suf3: new Int32Array(n),
    suf4: new Int32Array(n),
    pre1: new Int32Array(n),
    pre2: new Int32Array(n),
    pre3: new Int32Array(n),
    amb: new Int32Array(n),
    fixed: new Int32Array(n).fill(-1),
    cl1: new Int32Array(n).fill(-1),
    cl2: new Int32Array(n).fill(-1),
    cl3: new Int32Array(n).fill(-1),
    hint: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const s = normWord(w);
    a.norm[i] = hashString(s);
    a.raw[i] = hashString(w);
    a.shape[i] = hashString(wordShape(w));
    const L = s.length;
    a.suf1[i] = hashString(s.slice(Math.max(0, L - 1)));
    a.suf2[i] = hashString(s.slice(Math.max(0, L - 2)));
    a.suf3[i] = hashString(s.slice(Math.max(0, L - 3)));
    a.suf4[i] = hashString(s.slice(Math.max(0, L - 4)));
    a.pre1[i] = hashString(s.slice(0, 1));
    a.pre2[i] = hashString(s.slice(0, 2));
    a.pre3[i] = hashString(s.slice(0, 3));
    if (hints) a.hint[i] = hashString('\u0001' + hints[i]);
  }
  return a;
}

// Feature keys: template id and atoms mixed then finalised. Separate seeds keep tagger/parser apart.
// The template-id step of every key is constant, so it is precomputed once per template id.
const TSEED = new Int32Array(256);
for (let t = 0; t < 256; t++) TSEED[t] = mix(0x1234567, t);
function k1(t: number, a: number): number {
  return fin(mix(TSEED[t], a));
}
function k2(t: number, a: number, b: number): number {
  return fin(mix(mix(TSEED[t], a), b));
}
function k3(t: number, a: number, b: number, c: number): number {
  return fin(mix(mix(mix(TSEED[t], a), b), c));
}
function k4(t: number, a: number, b: number, c: number, d: number): number {
  return fin(mix(mix(mix(mix(TSEED[t], a), b), c), d));
}
function k5(t: number, a: number, b: number, c: number, d: number, e: number): number {
  return fin(mix(mix(mix(mix(mix(TSEED[t], a), b), c), d), e));
}

export const TAGGER_MAX_FEATS = 64;

/**
 * Tagger features for word i. `prev` holds the tags already predicted left of i (left-to-right);
 * `next` (optional) holds first-pass predicted tags for the right context. Tag -1 = none.
 */
export function taggerFeatures(A: WordAtoms, i: number, prev: Int32Array, next: Int32Array | null, out: Int32Array): number {
  const n = A.n;
  const w = A.norm[i];
  const wm1 = i > 0 ? A.norm[i - 1] : NONE;
  const wm2 = i > 1 ? A.norm[i - 2] : NONE;
  const wp1 = i + 1 < n ? A.norm[i + 1] : NONE;
  const wp2 = i + 2 < n ? A.norm[i + 2] : NONE;
  const p1 = i > 0 ? prev[i - 1] : -2;
  const p2 = i > 1 ? prev[i - 2] : -2;
  const s3 = A.suf3[i];
  let k = 0;
  out[k++] = k1(100, 0);
  out[k++] = k1(101, w);
  out[k++] = k1(102, A.suf1[i]);
  out[k++] = k1(103, A.suf2[i]);
  out[k++] = k1(104, s3);
  out[k++] = k1(105, A.suf4[i]);
  out[k++] = k1(106, A.pre1[i]);
  out[k++] = k1(107, A.pre2[i]);
  out[k++] = k1(108, A.pre3[i]);
  out[k++] = k1(109, A.shape[i]);
  out[k++] = k1(110, p1);
  out[k++] = k1(111, p2);
  out[k++] = k2(112, p1, p2);
  out[k++] = k2(113, p1, w);
  out[k++] = k1(114, wm1);
  out[k++] = k1(115, wm2);
  out[k++] = k1(116, wp1);
  out[k++] = k1(117, wp2);
  out[k++] = k1(118, i > 0 ? A.suf3[i - 1] : NONE);
  out[k++] = k1(119, i + 1 < n ? A.suf3[i + 1] : NONE);
  out[k++] = k2(120, wm1, w);
  out[k++] = k2(121, w, wp1);
  out[k++] = k2(122, p1, s3);
  out[k++] = k2(123, i === 0 ? 1 : 0, A.shape[i]);
  out[k++] = k1(124, i + 1 < n ? A.shape[i + 1] : NONE);
  out[k++] = k1(125, i > 0 ? A.shape[i - 1] : NONE);
  out[k++] = k2(126, wp1, wp2);
  out[k++] = k2(127, wm1, wp1);
  out[k++] = k1(128, A.raw[i]);
  out[k++] = k2(129, p1, wp1);
  out[k++] = k2(130, i + 1 < n ? A.suf2[i + 1] : NONE, s3);
  const amb = A.amb;
  const a0 = amb[i];
  const am1 = i > 0 ? amb[i - 1] : NONE;
  const ap1 = i + 1 < n ? amb[i + 1] : NONE;
  const ap2 = i + 2 < n ? amb[i + 2] : NONE;
  out[k++] = k1(131, a0);
  out[k++] = k2(132, a0, s3);
  out[k++] = k1(133, ap1);
  out[k++] = k2(134, a0, ap1);
  out[k++] = k2(135, p1, a0);
  out[k++] = k3(136, p1, a0, ap1);
  out[k++] = k2(137, ap1, ap2);
  out[k++] = k2(138, am1, a0);
  out[k++] = k2(139, w, ap1);
  out[k++] = k1(147, A.norm[i] !== 0 && i + 1 < n ? A.suf4[i + 1] : NONE);
  // Word clusters: words rare in the treebank tag like the frequent words of their cluster.
  const c2 = A.cl2[i];
  out[k++] = k1(150, A.cl1[i]);
  out[k++] = k1(151, c2);
  out[k++] = k1(152, A.cl3[i]);
  out[k++] = k2(153, p1, c2);
  out[k++] = k1(154, i > 0 ? A.cl2[i - 1] : NONE);
  out[k++] = k1(155, i + 1 < n ? A.cl2[i + 1] : NONE);
  out[k++] = k2(156, A.cl3[i], s3);
  // A second opinion: wink-nlp's part of speech, alone and with the word, its suffix and the neighbours' (the tagger
  // learns where wink is right and where its conventions differ from UD's).
  const h0 = A.hint[i];
  out[k++] = k1(157, h0);
  out[k++] = k2(158, h0, w);
  out[k++] = k2(159, h0, s3);
  out[k++] = k3(160, i > 0 ? A.hint[i - 1] : NONE, h0, i + 1 < n ? A.hint[i + 1] : NONE);
  out[k++] = k2(161, h0, a0);
  if (next) {
    const n1 = i + 1 < n ? next[i + 1] : -2;
    const n2 = i + 2 < n ? next[i + 2] : -2;
    out[k++] = k1(140, n1);
    out[k++] = k1(141, n2);
    out[k++] = k2(142, n1, n2);
    out[k++] = k2(143, n1, w);
    out[k++] = k2(144, p1, n1);
    out[k++] = k2(145, n1, s3);
    out[k++] = k3(146, p1, n1, w);
  }
  return k;
}

export const PARSER_MAX_FEATS = 160;

/** Parser inputs per position 0..n (0 = root): word hash, tag id+1 (0 = none), UPOS id+1, suffix. */
export interface ParserInput {
  n: number;
  W: Int32Array;
  P: Int32Array;
  U: Int32Array;
  S: Int32Array; // suffix-3 hash, generalises over unknown words
  A: Int32Array; // ambiguity class from the tagger's lexicon: robust to tagging errors
  /** Word-cluster atoms at depths 2 and 3 (clusters.ts): generalise over words rare in the treebank. */
  C2: Int32Array;
  C3: Int32Array;
  /** Prefix counts over words 1..i of punctuation and verbs, for "in between" features. */
  punct: Int32Array;
  verbs: Int32Array;
}

export const ROOT_WORD = hashString('<ROOT>');

/** `coarse[c]` is the UPOS id of joint class c; `punctU`/`verbU` the UPOS ids of PUNCT and VERB. */
export function parserInput(atoms: WordAtoms, tags: Int32Array, rootTag: number, coarse: Int32Array, punctU: number, verbU: number): ParserInput {
  const n = atoms.n;
  const W = new Int32Array(n + 1);
  const P = new Int32Array(n + 1);
  const U = new Int32Array(n + 1);
  const S = new Int32Array(n + 1);
  const A = new Int32Array(n + 1);
  const C2 = new Int32Array(n + 1);
  const C3 = new Int32Array(n + 1);
  const punct = new Int32Array(n + 1);
  const verbs = new Int32Array(n + 1);
  W[0] = ROOT_WORD;
  P[0] = rootTag;
  U[0] = 99;
  S[0] = ROOT_WORD;
  A[0] = ROOT_WORD;
  C2[0] = ROOT_WORD;
  C3[0] = ROOT_WORD;
  for (let i = 0; i < n; i++) {
    W[i + 1] = atoms.norm[i];
    P[i + 1] = tags[i] + 1;
    const u = coarse[tags[i]];
    U[i + 1] = u + 1;
    S[i + 1] = atoms.suf3[i];
    A[i + 1] = atoms.amb[i];
    C2[i + 1] = atoms.cl2[i];
    C3[i + 1] = atoms.cl3[i];
    punct[i + 1] = punct[i] + (u === punctU ? 1 : 0);
    verbs[i + 1] = verbs[i] + (u === verbU ? 1 : 0);
  }
  return { n, W, P, U, S, A, C2, C3, punct, verbs };
}

function dist(d: number): number {
  if (d < 0) return 0;
  if (d <= 5) return d;
  if (d <= 9) return 6;
  return 7;
}

/** Zhang & Nivre (2011) arc-eager feature set plus s1 and extra context features. */
export function parserFeatures(st: ArcEagerState, inp: ParserInput, out: Int32Array): number {
  const W = inp.W;
  const P = inp.P;
  const n = st.n;
  const head = st.head;
  const label = st.label;
  const s0 = st.sp > 0 ? st.stack[st.sp - 1] : -1;
  const s1 = st.sp > 1 ? st.stack[st.sp - 2] : -1;
  let n0: number, n1: number, n2: number, n3: number;
  if (st.usp === 0) {
    n0 = st.b <= n ? st.b : -1;
    n1 = st.b + 1 <= n ? st.b + 1 : -1;
    n2 = st.b + 2 <= n ? st.b + 2 : -1;
    n3 = st.b + 3 <= n ? st.b + 3 : -1;
  } else {
    n0 = st.bufAt(0);
    n1 = st.bufAt(1);
    n2 = st.bufAt(2);
    n3 = st.bufAt(3);
  }

  const S0w = (s0 < 0 ? NONE : W[s0]), S0p = (s0 < 0 ? -1 : P[s0]);
  const N0w = (n0 < 0 ? NONE : W[n0]), N0p = (n0 < 0 ? -1 : P[n0]);
  const N1w = (n1 < 0 ? NONE : W[n1]), N1p = (n1 < 0 ? -1 : P[n1]);
  const N2w = (n2 < 0 ? NONE : W[n2]), N2p = (n2 < 0 ? -1 : P[n2]);
  const S1w = (s1 < 0 ? NONE : W[s1]), S1p = (s1 < 0 ? -1 : P[s1]);
  const s0h = s0 >= 0 ? head[s0] : -1;
  const s0h2 = s0h >= 0 ? head[s0h] : -1;
  const s0l = s0 >= 0 ? st.lc1[s0] : -1;
  const s0l2 = s0 >= 0 ? st.lc2[s0] : -1;
  const s0r = s0 >= 0 ? st.rc1[s0] : -1;
  const s0r2 = s0 >= 0 ? st.rc2[s0] : -1;
  const n0l = n0 >= 0 ? st.lc1[n0] : -1;
  const n0l2 = n0 >= 0 ? st.lc2[n0] : -1;
  const d = s0 >= 0 && n0 >= 0 ? dist(n0 - s0) : -1;
  const S0vl = s0 >= 0 ? st.nl[s0] : -1;
  const S0vr = s0 >= 0 ? st.nr[s0] : -1;
  const N0vl = n0 >= 0 ? st.nl[n0] : -1;
  const S0sl = s0 >= 0 ? mix(st.lsetLo[s0], st.lsetHi[s0]) : -1;
  const S0sr = s0 >= 0 ? mix(st.rsetLo[s0], st.rsetHi[s0]) : -1;
  const N0sl = n0 >= 0 ? mix(st.lsetLo[n0], st.lsetHi[n0]) : -1;
  const S0hp = (s0h < 0 ? -1 : P[s0h]), S0lp = (s0l < 0 ? -1 : P[s0l]), S0rp = (s0r < 0 ? -1 : P[s0r]), N0lp = (n0l < 0 ? -1 : P[n0l]);

  let k = 0;
  out[k++] = k1(0, 0); // bias
  // single words
  out[k++] = k2(1, S0w, S0p);
  out[k++] = k1(2, S0w);
  out[k++] = k1(3, S0p);
  out[k++] = k2(4, N0w, N0p);
  out[k++] = k1(5, N0w);
  out[k++] = k1(6, N0p);
  out[k++] = k2(7, N1w, N1p);
  out[k++] = k1(8, N1w);
  out[k++] = k1(9, N1p);
  out[k++] = k2(10, N2w, N2p);
  out[k++] = k1(11, N2w);
  out[k++] = k1(12, N2p);
  // word pairs
  out[k++] = k4(13, S0w, S0p, N0w, N0p);
  out[k++] = k3(14, S0w, S0p, N0w);
  out[k++] = k3(15, S0w, N0w, N0p);
  out[k++] = k3(16, S0w, S0p, N0p);
  out[k++] = k3(17, S0p, N0w, N0p);
  out[k++] = k2(18, S0w, N0w);
  out[k++] = k2(19, S0p, N0p);
  out[k++] = k2(20, N0p, N1p);
  // three words
  out[k++] = k3(21, N0p, N1p, N2p);
  out[k++] = k3(22, S0p, N0p, N1p);
  out[k++] = k3(23, S0hp, S0p, N0p);
  out[k++] = k3(24, S0p, S0lp, N0p);
  out[k++] = k3(25, S0p, S0rp, N0p);
  out[k++] = k3(26, S0p, N0p, N0lp);
  // distance
  out[k++] = k2(27, S0w, d);
  out[k++] = k2(28, S0p, d);
  out[k++] = k2(29, N0w, d);
  out[k++] = k2(30, N0p, d);
  out[k++] = k3(31, S0w, N0w, d);
  out[k++] = k3(32, S0p, N0p, d);
  // valency
  out[k++] = k2(33, S0w, S0vr);
  out[k++] = k2(34, S0p, S0vr);
  out[k++] = k2(35, S0w, S0vl);
  out[k++] = k2(36, S0p, S0vl);
  out[k++] = k2(37, N0w, N0vl);
  out[k++] = k2(38, N0p, N0vl);
  // unigrams of structural neighbours
  out[k++] = k1(39, (s0h < 0 ? NONE : W[s0h]));
  out[k++] = k1(40, S0hp);
  out[k++] = k1(41, (s0 < 0 ? -2 : label[s0]));
  out[k++] = k1(42, (s0l < 0 ? NONE : W[s0l]));
  out[k++] = k1(43, S0lp);
  out[k++] = k1(44, (s0l < 0 ? -2 : label[s0l]));
  out[k++] = k1(45, (s0r < 0 ? NONE : W[s0r]));
  out[k++] = k1(46, S0rp);
  out[k++] = k1(47, (s0r < 0 ? -2 : label[s0r]));
  out[k++] = k1(48, (n0l < 0 ? NONE : W[n0l]));
  out[k++] = k1(49, N0lp);
  out[k++] = k1(50, (n0l < 0 ? -2 : label[n0l]));
  // third order
  out[k++] = k1(51, (s0h2 < 0 ? NONE : W[s0h2]));
  out[k++] = k1(52, (s0h2 < 0 ? -1 : P[s0h2]));
  out[k++] = k1(53, (s0h < 0 ? -2 : label[s0h]));
  out[k++] = k1(54, (s0l2 < 0 ? NONE : W[s0l2]));
  out[k++] = k1(55, (s0l2 < 0 ? -1 : P[s0l2]));
  out[k++] = k1(56, (s0l2 < 0 ? -2 : label[s0l2]));
  out[k++] = k1(57, (s0r2 < 0 ? NONE : W[s0r2]));
  out[k++] = k1(58, (s0r2 < 0 ? -1 : P[s0r2]));
  out[k++] = k1(59, (s0r2 < 0 ? -2 : label[s0r2]));
  out[k++] = k1(60, (n0l2 < 0 ? NONE : W[n0l2]));
  out[k++] = k1(61, (n0l2 < 0 ? -1 : P[n0l2]));
  out[k++] = k1(62, (n0l2 < 0 ? -2 : label[n0l2]));
  out[k++] = k3(63, S0p, S0lp, (s0l2 < 0 ? -1 : P[s0l2]));
  out[k++] = k3(64, S0p, S0rp, (s0r2 < 0 ? -1 : P[s0r2]));
  out[k++] = k3(65, S0p, S0hp, (s0h2 < 0 ? -1 : P[s0h2]));
  out[k++] = k3(66, N0p, N0lp, (n0l2 < 0 ? -1 : P[n0l2]));
  // label sets
  out[k++] = k2(67, S0w, S0sr);
  out[k++] = k2(68, S0p, S0sr);
  out[k++] = k2(69, S0w, S0sl);
  out[k++] = k2(70, S0p, S0sl);
  out[k++] = k2(71, N0w, N0sl);
  out[k++] = k2(72, N0p, N0sl);
  // extras: second stack word, wider lookahead, label-aware conjunctions
  out[k++] = k2(73, S1w, S1p);
  out[k++] = k1(74, S1p);
  out[k++] = k3(75, S1p, S0p, N0p);
  out[k++] = k2(76, S1w, N0w);
  out[k++] = k3(77, S0p, (s0 < 0 ? -2 : label[s0]), N0p);
  out[k++] = k4(78, S0p, (s0 < 0 ? -2 : label[s0]), (s0r < 0 ? -2 : label[s0r]), N0p);
  out[k++] = k3(79, N1p, N2p, (n3 < 0 ? -1 : P[n3]));
  out[k++] = k2(80, S0w, N1w);
  out[k++] = k3(81, S0p, N0w, N1p);
  out[k++] = k3(82, S0w, N0p, N1p);
  out[k++] = k4(83, S0p, N0p, N1p, N2p);
  out[k++] = k3(84, s0 > 1 ? W[s0 - 1] : NONE, S0p, N0p);
  out[k++] = k3(85, S0p, n0 > 0 ? P[n0 - 1] : -1, N0p);
  out[k++] = k4(86, S0p, N0p, S0vl, N0vl);
  out[k++] = k2(87, (s0 < 0 ? -2 : label[s0]), N0p);
  out[k++] = k5(88, S0w, S0p, N0w, N0p, d);
  {
    // Coarse (UPOS) conjunctions, in-between punctuation/verb counts and suffixes generalise better
    // than the fine joint tags alone (+0.2 UAS on dev).
    const U = inp.U;
    const S0u = (s0 < 0 ? -1 : U[s0]), N0u = (n0 < 0 ? -1 : U[n0]);
    const pb = s0 >= 0 && n0 >= 0 ? Math.min(3, inp.punct[n0 - 1] - inp.punct[s0]) : -1;
    const vb = s0 >= 0 && n0 >= 0 ? Math.min(3, inp.verbs[n0 - 1] - inp.verbs[s0]) : -1;
    out[k++] = k3(90, S0u, N0u, d);
    out[k++] = k2(91, S0u, N0u);
    out[k++] = k3(92, S0u, N0u, (n1 < 0 ? -1 : U[n1]));
    out[k++] = k3(93, (s1 < 0 ? -1 : U[s1]), S0u, N0u);
    out[k++] = k3(94, S0p, N0p, pb);
    out[k++] = k3(95, S0p, N0p, vb);
    out[k++] = k4(96, S0u, N0u, pb, vb);
    out[k++] = k2(97, s0 >= 0 ? inp.S[s0] : NONE, S0u);
    out[k++] = k2(98, n0 >= 0 ? inp.S[n0] : NONE, N0u);
    out[k++] = k3(99, S0u, (s0 < 0 ? -2 : label[s0]), N0u);
    out[k++] = k2(100, (s0h < 0 ? NONE : W[s0h]), N0w);
    out[k++] = k3(101, S0hp, (s0 < 0 ? -2 : label[s0]), N0p);
    const A = inp.A;
    const As0 = s0 < 0 ? NONE : A[s0];
    const An0 = n0 < 0 ? NONE : A[n0];
    out[k++] = k2(102, As0, An0);
    out[k++] = k2(103, S0p, An0);
    out[k++] = k2(104, As0, N0p);
    out[k++] = k3(105, S0u, An0, n1 < 0 ? NONE : A[n1]);
    if (st.nonMono) {
      // Unshifted front word / s0 with a head that Left-Arc may replace.
      const uf = st.usp > 0 ? 1 : 0;
      const hh = s0 > 0 && head[s0] >= 0 ? 1 : 0;
      out[k++] = k4(117, uf, hh, S0p, N0p);
      out[k++] = k4(118, uf, hh, S0w, N0p);
      out[k++] = k4(119, uf, hh, S0p, N0w);
    }
    {
      // Buffer bigrams, s1 label, s0's rightmost child with n0's word, stack depth, distance to the
      // sentence end, s1 word and s0's child labels (+0.1 UAS, +0.1 LAS on dev).
      const S0l = s0 < 0 ? -2 : label[s0];
      out[k++] = k2(106, N0w, N1w);
      out[k++] = k3(107, N0w, N0p, N1p);
      out[k++] = k3(108, N0p, N1w, N1p);
      out[k++] = k4(109, S1p, s1 < 0 ? -2 : label[s1], S0p, N0p);
      out[k++] = k3(110, S0rp, S0p, N0w);
      out[k++] = k3(111, S0w, S0l, N0p);
      out[k++] = k3(112, Math.min(st.sp, 6), S0p, N0p);
      out[k++] = k3(113, S0u, N0w, pb);
      out[k++] = k3(114, N0p, n0 >= 0 ? dist(n - n0) : -1, S0u);
      out[k++] = k3(115, (s1 < 0 ? NONE : W[s1]), S0p, N0p);
      out[k++] = k4(116, S0p, (s0l < 0 ? -2 : label[s0l]), (s0r < 0 ? -2 : label[s0r]), N0p);
    }
    {
      // Word clusters in place of words (Koo, Carreras & Collins 2008): attachments learnt for frequent words carry
      // over to rare words of the same cluster.
      const C2 = inp.C2;
      const C3 = inp.C3;
      const S0c = s0 < 0 ? NONE : C3[s0];
      const N0c = n0 < 0 ? NONE : C3[n0];
      const S0c2 = s0 < 0 ? NONE : C2[s0];
      const N0c2 = n0 < 0 ? NONE : C2[n0];
      const N1c2 = n1 < 0 ? NONE : C2[n1];
      out[k++] = k2(120, S0c, S0p);
      out[k++] = k2(121, N0c, N0p);
      out[k++] = k2(122, N1c2, N1p);
      out[k++] = k2(123, S0c, N0p);
      out[k++] = k2(124, S0p, N0c);
      out[k++] = k2(125, S0c2, N0c2);
      out[k++] = k3(126, S0c2, N0c2, d);
      out[k++] = k3(127, S0c2, N0p, N1p);
      out[k++] = k2(128, s0h < 0 ? NONE : C2[s0h], N0c2);
      out[k++] = k3(129, S0p, N0c2, N1c2);
    }
  }
  return k;
}

/**
 * Keys for the label classifier: the first `limit` action features (all when 0) salted by arc direction (2 = relabel
 * at Reduce). Returns their number.
 */
export function labelKeys(keys: Int32Array, n: number, dir: number, out: Int32Array, limit = 0): number {
  const salt = dir === 0 ? 0x51ed270b : dir === 1 ? 0x2545f491 : 0x6a09e667;
  const m = limit > 0 ? Math.min(n, limit) : n;
  for (let i = 0; i < m; i++) out[i] = fin(mix(salt, keys[i]));
  return m;
}
