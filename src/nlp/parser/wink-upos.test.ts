// wink-nlp's parts of speech aligned to given words, as the parser is trained and evaluated on the coding path.
import { describe, expect, it } from 'vitest';
import { winkUpos } from './wink-upos.js';

describe('winkUpos', () => {
  it('gives one wink tag per given word, also where wink splits or joins words differently', () => {
    const words = ['Kazakhstan', 'does', "n't", 'oppose', 'the', 'U.S.-led', 'talks', ',', 'officials', 'said', '.'];
    const tags = winkUpos(words);
    expect(tags).toHaveLength(words.length);
    expect(tags[0]).toBe('PROPN');
    expect(tags[3]).toBe('VERB');
    expect(tags[8]).toBe('NOUN');
    expect(tags[7]).toBe('PUNCT');
    expect(tags.every((t) => /^[A-Z]+$/.test(t))).toBe(true);
  });
  it('handles an empty sentence', () => {
    expect(winkUpos([])).toEqual([]);
  });
});
