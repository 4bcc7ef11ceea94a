// Scoring with the shipped model on hand-written trees: the tagger-free setting (gold UPOS and XPOS given) and the
// counting of UPOS, UAS and LAS. Must not read the treebank files.
import { describe, expect, it } from 'vitest';
import { readConllu, sentenceWords } from './conllu.js';
import { evaluate, evaluateGoldTags } from './evaluate.js';
import { loadParser } from './index.js';
import type { ArcEagerParser } from './parser.js';

const row = (id: number, form: string, upos: string, xpos: string, head: number, rel: string): string =>
  [id, form, '_', upos, xpos, '_', head, rel, '_', '_'].join('\t');

const TREEBANK = [
  row(1, 'Police', 'NOUN', 'NNS', 2, 'nsubj'),
  row(2, 'arrested', 'VERB', 'VBD', 0, 'root'),
  row(3, 'dozens', 'NOUN', 'NNS', 2, 'obj'),
  row(4, 'of', 'ADP', 'IN', 5, 'case'),
  row(5, 'protesters', 'NOUN', 'NNS', 3, 'nmod'),
  row(6, '.', 'PUNCT', '.', 2, 'punct'),
  '',
  row(1, 'Russia', 'PROPN', 'NNP', 2, 'nsubj'),
  row(2, 'condemned', 'VERB', 'VBD', 0, 'root'),
  row(3, 'the', 'DET', 'DT', 4, 'det'),
  // A fine tag the model never saw with this UPOS: the gold UPOS stays, the tagger chooses the fine tag.
  row(4, 'strikes', 'NOUN', 'XYZ', 2, 'obj'),
  row(5, '.', 'PUNCT', '.', 2, 'punct'),
  '',
].join('\n');

describe('parser evaluation', () => {
  const parser = loadParser() as ArcEagerParser;
  const data = readConllu(TREEBANK).map(sentenceWords);

  it('gives the parser the gold parts of speech, an unseen fine tag included', () => {
    const s = evaluateGoldTags(parser, data);
    expect(s.words).toBe(11);
    expect(s.upos).toBe(100);
    // Plain news sentences: with the right tags every head and label is found.
    expect(s.uas).toBe(100);
    expect(s.las).toBe(100);
    expect(s.tokensPerSec).toBeGreaterThan(0);
  });

  it('scores heads and labels against the gold tree', () => {
    // The same sentences with a wrong gold head and a wrong gold label: one word of 11 loses UAS, two lose LAS.
    const wrong = readConllu(TREEBANK.replace(row(5, 'protesters', 'NOUN', 'NNS', 3, 'nmod'), row(5, 'protesters', 'NOUN', 'NNS', 2, 'nmod')).replace(row(3, 'the', 'DET', 'DT', 4, 'det'), row(3, 'the', 'DET', 'DT', 4, 'amod'))).map(sentenceWords);
    const s = evaluateGoldTags(parser, wrong);
    expect(s.uas).toBeCloseTo((100 * 10) / 11, 5);
    expect(s.las).toBeCloseTo((100 * 9) / 11, 5);
    expect(s.lasUniversal).toBeCloseTo((100 * 9) / 11, 5);
    // The tagger's own path scores the same words.
    expect(evaluate(parser, data).words).toBe(11);
  });
});
