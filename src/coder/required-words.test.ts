// The required-word test: a pattern passes only when each of its required word groups has a word in the sentence.
import { describe, expect, it } from 'vitest';
import { compilePatterns, parsePatternLine } from '../dictionaries/event-patterns.js';
import { createWinkAnalyzer } from '../nlp/analyse.js';
import { findLayout } from '../nlp/layout.js';
import { requiredIndex, requiredWords } from './required-words.js';

const codes = new Set(['040', '036', '111']);
const patterns = compilePatterns([
  parsePatternLine('040 | hold talk/talks with {target} | Russia held talks with Ukraine.', 't:1', codes),
  parsePatternLine('036 | hold out hope of meeting {target} | Russia held out hope of meeting Ukraine.', 't:2', codes),
  parsePatternLine('111 | condemn {target} | Russia condemned Ukraine.', 't:3', codes),
]);
const analyzer = createWinkAnalyzer();
const sentence = (text: string) => {
  const article = { id: 't', origin: 't', date: '2024-04-26', title: null, url: null, text };
  const doc = analyzer.analyse(article, findLayout(article));
  return { doc, sent: doc.sentences[0] };
};

describe('required words', () => {
  it('leaves out the trigger, optional words and a closing preposition before a final slot', () => {
    expect(requiredWords(patterns.all[0])).toEqual([['talk', 'talks']]);
    expect(requiredWords(patterns.all[1])).toEqual([['out'], ['hope'], ['of'], ['meeting']]);
    expect(requiredWords(patterns.all[2])).toEqual([]);
  });
  it('passes a pattern only when every group has a word (a lemma or a form) in the sentence', () => {
    const index = requiredIndex(patterns);
    const hold = patterns.byTrigger.get('hold')!;
    const passing = () => hold.filter((_, j) => index.present(index.of(hold)[j])).map((p) => p.id);
    const { doc, sent } = sentence('Russia held talks with Ukraine.');
    index.sentence(doc, sent);
    expect(passing()).toEqual(['t:1']);
    // The next sentence replaces the last: its words alone count.
    const next = sentence('Russia held out hope of meeting Ukraine.');
    index.sentence(next.doc, next.sent);
    expect(passing()).toEqual(['t:2']);
    expect(index.present(index.of(patterns.byTrigger.get('condemn')!)[0])).toBe(true);
  });
});
