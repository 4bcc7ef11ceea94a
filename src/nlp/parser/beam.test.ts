// Checks beam search: a copied state continues exactly like its original, a beam of one item
// parses like the greedy parser, and a wide beam gives every word a head. Uses the shipped model.
import { describe, expect, it } from 'vitest';
import { loadParser } from './index.js';
import { ArcEagerState, LA, RA, SH } from './transition.js';
import { Beam, beamDecode } from './beam.js';
import { wordAtoms } from './features.js';
import type { ArcEagerParser } from './parser.js';

const WORDS = ['The', 'minister', 'said', 'on', 'Monday', 'that', 'talks', 'with', 'the', 'rebels', 'would', 'resume', '.'];

describe('beam search', () => {
  it('a copied state continues like the original', () => {
    const a = new ArcEagerState(8);
    a.nonMono = true;
    a.init(4);
    a.apply(SH, -1);
    a.apply(LA, 3);
    a.apply(SH, -1);
    const b = new ArcEagerState(2);
    b.copyFrom(a);
    for (const s of [a, b]) s.apply(RA, 5);
    expect(Array.from(b.head.subarray(0, 5))).toEqual(Array.from(a.head.subarray(0, 5)));
    expect(b.sp).toBe(a.sp);
    expect(b.b0()).toBe(a.b0());
  });

  it('a beam of one is the greedy parse', () => {
    const parser = loadParser() as ArcEagerParser;
    const atoms = wordAtoms(WORDS);
    const inp = parser.input(atoms, parser.tagger.predict(WORDS, atoms));
    const saved = parser.beamWidth;
    parser.beamWidth = 1;
    const greedy = parser.parseInput(inp);
    const gh = Array.from(greedy.head.subarray(1, WORDS.length + 1));
    const gl = Array.from(greedy.label.subarray(1, WORDS.length + 1));
    parser.beamWidth = saved;
    const st = beamDecode(new Beam(parser.nonMono, false), inp, 1, Infinity, Infinity,
      (keys, nf, out) => parser.actions.scoreKeys(keys, nf, out),
      (s, keys, nf, a) => parser.predictLabel(s, keys, nf, a));
    st.finish(parser.labels.indexOf('root'), parser.labels.indexOf('dep'));
    expect(Array.from(st.head.subarray(1, WORDS.length + 1))).toEqual(gh);
    expect(Array.from(st.label.subarray(1, WORDS.length + 1))).toEqual(gl);
  });

  it('a wide beam gives every word a head and one root', () => {
    const parser = loadParser() as ArcEagerParser;
    const saved = [parser.beamWidth, parser.beamMargin];
    try {
      parser.beamWidth = 4;
      parser.beamMargin = Infinity;
      const r = parser.parse(WORDS);
      expect(r.head).toHaveLength(WORDS.length);
      expect(r.head.every((h) => h >= 0 && h <= WORDS.length)).toBe(true);
      expect(r.head.filter((h) => h === 0)).toHaveLength(1);
    } finally {
      [parser.beamWidth, parser.beamMargin] = saved;
    }
  });
});
