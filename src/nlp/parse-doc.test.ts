// The trees of an analysed article as CoNLL-U: one sentence per sentence, offsets that point back into the text.
import { describe, expect, it } from 'vitest';
import { createWinkAnalyzer } from './analyse.js';
import { findLayout } from './layout.js';
import { loadParser, readConllu, writeConllu } from './parser/index.js';
import { docToConllu } from './parse-doc.js';

const article = {
  id: 'a1',
  origin: 'a1.txt',
  date: '2024-04-26',
  title: null,
  url: null,
  text: 'BEIJING, April 25 (Xinhua) -- Zhao Leji held talks with Yerlan Koshanov in Beijing on Thursday.\nKazakhstan supports China.',
};

describe('docToConllu', () => {
  const doc = createWinkAnalyzer().analyse(article, findLayout(article));
  const trees = docToConllu(doc, loadParser(), '9.9.9');
  it('writes one tree per sentence, each word pointing back at its characters', () => {
    expect(trees).toHaveLength(doc.sentences.length);
    expect(trees[0].comments).toEqual(expect.arrayContaining([' newdoc id = a1', ' models = 9.9.9', ' sent_id = a1-1']));
    for (const s of trees) {
      for (const t of s.tokens) {
        const [from, to] = t.misc.replace('TokenRange=', '').split(':').map(Number);
        expect(article.text.slice(from, to)).toBe(t.form);
      }
    }
  });
  it('gives every sentence a well-formed tree: one root, heads within the sentence', () => {
    for (const s of trees) {
      const heads = s.tokens.map((t) => Number(t.head));
      expect(heads.filter((h) => h === 0)).toHaveLength(1);
      expect(heads.every((h) => h >= 0 && h <= s.tokens.length)).toBe(true);
    }
    const talks = trees[0].tokens.find((t) => t.form === 'held');
    expect(talks?.deprel).toBe('root');
  });
  it('round-trips through the CoNLL-U reader', () => {
    const text = writeConllu(trees);
    expect(writeConllu(readConllu(text))).toBe(text);
  });
});
