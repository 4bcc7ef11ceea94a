// Round-trip tests for the CoNLL-U reader/writer, including multiword tokens and empty nodes.
// Must stay self-contained (no treebank files).
import { describe, expect, it } from 'vitest';
import { readConllu, sentenceWords, writeConllu } from './conllu.js';

const SAMPLE = [
  '# newdoc id = doc1',
  '# sent_id = s1',
  '# text = I don\'t know.',
  '1\tI\tI\tPRON\tPRP\tCase=Nom|Number=Sing|Person=1|PronType=Prs\t4\tnsubj\t4:nsubj\t_',
  '2-3\tdon\'t\t_\t_\t_\t_\t_\t_\t_\t_',
  '2\tdo\tdo\tAUX\tVBP\tMood=Ind|Tense=Pres|VerbForm=Fin\t4\taux\t4:aux\t_',
  '3\tn\'t\tnot\tPART\tRB\tPolarity=Neg\t4\tadvmod\t4:advmod\t_',
  '4\tknow\tknow\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\tSpaceAfter=No',
  '5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_',
  '',
  '# sent_id = s2',
  '# text = Sue likes coffee and Bill tea',
  '1\tSue\tSue\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t2:nsubj|2.1:nsubj\t_',
  '2\tlikes\tlike\tVERB\tVBZ\tNumber=Sing|Person=3|Tense=Pres\t0\troot\t0:root\t_',
  '3\tcoffee\tcoffee\tNOUN\tNN\tNumber=Sing\t2\tobj\t2:obj\t_',
  '4\tand\tand\tCCONJ\tCC\t_\t5\tcc\t2.1:cc\t_',
  '5\tBill\tBill\tPROPN\tNNP\tNumber=Sing\t2\tconj\t2.1:nsubj\t_',
  '5.1\tlikes\tlike\tVERB\tVBZ\tNumber=Sing|Person=3|Tense=Pres\t_\t_\t2:conj:and\tCopyOf=2',
  '6\ttea\ttea\tNOUN\tNN\tNumber=Sing\t5\torphan\t2.1:obj\tSpaceAfter=No',
  '',
  '',
].join('\n');

describe('conllu', () => {
  it('reads comments, multiword tokens and empty nodes', () => {
    const s = readConllu(SAMPLE);
    expect(s).toHaveLength(2);
    expect(s[0].comments).toEqual([' newdoc id = doc1', ' sent_id = s1', " text = I don't know."]);
    expect(s[0].tokens.map((t) => t.id)).toEqual(['1', '2-3', '2', '3', '4', '5']);
    expect(s[1].tokens.some((t) => t.id === '5.1')).toBe(true);
    const w = sentenceWords(s[1]);
    expect(w.form).toEqual(['Sue', 'likes', 'coffee', 'and', 'Bill', 'tea']);
    expect(Array.from(w.head)).toEqual([2, 0, 2, 5, 2, 5]);
  });

  it('round-trips read -> write -> read', () => {
    const a = readConllu(SAMPLE);
    const text = writeConllu(a);
    expect(text).toBe(SAMPLE);
    expect(readConllu(text)).toEqual(a);
  });

  it('reports the line of malformed input', () => {
    expect(() => readConllu('1\tx\tx\tX\tX\t_\t0\troot\t_\n', 'bad.conllu')).toThrow(/bad\.conllu:1: expected 10/);
    expect(() => readConllu('1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n', 'bad.conllu')).toThrow(/bad\.conllu:2: word id 3 out of sequence/);
  });
});
