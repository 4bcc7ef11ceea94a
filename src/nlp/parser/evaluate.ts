// Shared training/evaluation helpers: treebank loading into parser inputs and CoNLL 2018-style
// UPOS/UAS/LAS scoring with gold tokens. Must not write files or change models.
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { readConlluFile, sentenceWords, type WordView } from './conllu.js';
import { parserInput, wordAtoms, type ParserInput } from './features.js';
import { fillAmbiguity, type Tagger } from './tagger.js';
import type { ArcEagerParser, ParseResult } from './parser.js';
import { repoRoot } from './index.js';

export function ewtDir(): string {
  const env = process.env.UD_EWT_DIR;
  if (env) return env;
  return join(repoRoot(), '..', 'shared', 'data', 'ud-english-ewt');
}

export function ewtFile(split: 'train' | 'dev' | 'test'): string {
  const p = join(ewtDir(), `en_ewt-ud-${split}.conllu`);
  if (!existsSync(p)) throw new Error(`evaluate.ts: treebank file not found: ${p} (set UD_EWT_DIR)`);
  return p;
}

export function loadWords(path: string): WordView[] {
  return readConlluFile(path).map(sentenceWords);
}

export interface Scores {
  words: number;
  upos: number; // %
  uas: number; // %
  las: number; // % full deprel (with subtypes)
  lasUniversal: number; // % universal part of deprel only
  secs: number; // tagging + parsing wall-clock time
  tokensPerSec: number;
  /** Throughput over this process's CPU time: steadier than wall clock on a shared machine. */
  tokensPerCpuSec: number;
}

/**
 * Tags and parses every sentence from its gold tokens and scores against the gold annotation. With `givenUpos` (one
 * array per sentence, as another tagger gave them) the parser is given those parts of speech, as `dyad code` gives
 * it wink-nlp's (a model trained with hints reads them as its hints too; without `givenUpos` it computes wink's
 * inside `parse`, within the timing).
 */
export function evaluate(parser: ArcEagerParser, data: WordView[], givenUpos?: string[][]): Scores {
  return timed(data, () => data.map((s, k) => parser.parse(s.form, givenUpos?.[k])));
}

/**
 * Parses every sentence from its gold tokens and gold UPOS and XPOS: UDPipe's "gold tokenization plus gold morphology"
 * setting, which isolates the parser from the tagger's errors. A gold UPOS/XPOS pair the model never saw in training
 * keeps the gold UPOS with the fine tag the tagger chooses within it.
 */
export function evaluateGoldTags(parser: ArcEagerParser, data: WordView[]): Scores {
  return timed(data, () => data.map((s) => parser.parse(s.form, s.upos, undefined, s.xpos)));
}

/** Runs `parseAll` under the clock and scores its output against the gold annotation. */
function timed(data: WordView[], parseAll: () => ParseResult[]): Scores {
  let words = 0;
  let upos = 0;
  let uas = 0;
  let las = 0;
  let lasU = 0;
  const univ = (l: string): string => {
    const i = l.indexOf(':');
    return i < 0 ? l : l.slice(0, i);
  };
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const results = parseAll();
  const c1 = process.cpuUsage(c0);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpuSecs = (c1.user + c1.system) / 1e6;
  for (let k = 0; k < data.length; k++) {
    const g = data[k];
    const r = results[k];
    for (let i = 0; i < g.form.length; i++) {
      words++;
      if (r.upos[i] === g.upos[i]) upos++;
      if (r.head[i] === g.head[i]) {
        uas++;
        if (r.deprel[i] === g.deprel[i]) las++;
        if (univ(r.deprel[i]) === univ(g.deprel[i])) lasU++;
      }
    }
  }
  const pct = (x: number): number => (100 * x) / Math.max(1, words);
  return { words, upos: pct(upos), uas: pct(uas), las: pct(las), lasUniversal: pct(lasU), secs, tokensPerSec: words / secs, tokensPerCpuSec: words / cpuSecs };
}

export function formatScores(s: Scores): string {
  return `UPOS ${s.upos.toFixed(2)}  UAS ${s.uas.toFixed(2)}  LAS ${s.las.toFixed(2)} (universal-label LAS ${s.lasUniversal.toFixed(2)})  ${s.words} words, ${Math.round(s.tokensPerSec)} tokens/s`;
}

/** Parser inputs built from given joint tag ids (used in training with jackknifed tags). */
export function inputFromTags(tagger: Tagger, words: string[], tags: Int32Array): ParserInput {
  const u = tagger.uposSet;
  const atoms = wordAtoms(words);
  fillAmbiguity(atoms, tagger.lexicon, tagger.fixed, tagger.clusters);
  return parserInput(atoms, tags, tagger.classes.length + 1, tagger.coarse, u.indexOf('PUNCT'), u.indexOf('VERB'));
}
