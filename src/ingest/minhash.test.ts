// MinHash and the near-duplicate index on hand-written texts: reprints match, other stories do not.
import { describe, expect, it } from 'vitest';
import { estimateSimilarity, minhashSignature, NearDuplicateIndex } from './minhash.js';

const paragraphs = [
  'Chinese President Xi Jinping held talks with Kazakh President Kassym-Jomart Tokayev in Astana on Tuesday, the two sides agreeing to expand trade and energy links.',
  'The leaders signed a dozen agreements on transport corridors, agriculture and customs, and pledged to double bilateral trade by the end of the decade.',
  'Tokayev said Kazakhstan welcomed Chinese investment in its railways and would keep its borders open to freight, according to a statement from his office.',
  'Xi invited Tokayev to attend a regional summit in Xian next year, and the two men watched a display of folk dancing after the talks ended.',
  'Analysts said the visit underlined Beijing’s growing weight in Central Asia as Russia remains absorbed by the war in Ukraine.',
];
const story = paragraphs.join('\n\n');

describe('MinHash near duplicates', () => {
  it('gives identical texts similarity 1 and changes nothing for case or spacing', () => {
    expect(estimateSimilarity(minhashSignature(story), minhashSignature(story))).toBe(1);
    expect(estimateSimilarity(minhashSignature(story), minhashSignature(story.toUpperCase().replace(/\n\n/g, '\n')))).toBe(1);
  });

  it('matches a reprint with another headline or a dropped paragraph, not another story', () => {
    const index = new NearDuplicateIndex();
    expect(index.assign(minhashSignature(`Xi and Tokayev sign deals\n\n${story}`), 'a').cluster).toBe('a');
    expect(index.assign(minhashSignature(`China, Kazakhstan expand ties (Reuters)\n\n${story}`), 'b').cluster).toBe('a');
    expect(index.assign(minhashSignature(paragraphs.slice(0, 4).join('\n\n')), 'c').cluster).toBe('a');
    const other = 'Brazilian farmers blocked highways in three states on Monday to protest against a new tax on diesel fuel, police said, and truck drivers joined them.';
    expect(index.assign(minhashSignature(other), 'd').cluster).toBe('d');
    expect(index.size).toBe(4);
  });
});
