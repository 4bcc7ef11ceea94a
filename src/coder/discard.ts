// Applies discard phrases: an article about sports or entertainment codes nothing, nor does a discarded sentence.
import type { Discard, Discards } from '../dictionaries/discards.js';
import type { Doc } from '../model/types.js';

/**
 * One pass over the article: the discard that rules out the whole article (twice in the text, or once in the
 * title; a `story` discard once anywhere), or null; and the sentences holding a sentence-level discard phrase.
 */
export function findDiscarded(doc: Doc, discards: Discards): { article: string | null; sentences: Set<number> } {
  const counts = new Map<Discard, number>();
  const sentences = new Set<number>();
  let article: string | null = null;
  for (const [d, t] of findDiscards(doc, discards, 0, doc.tokens.text.length)) {
    if (d.scope === 'sentence') {
      sentences.add(doc.tokens.sent[t]);
      continue;
    }
    const n = (counts.get(d) ?? 0) + 1;
    counts.set(d, n);
    const inTitle = doc.sentences[doc.tokens.sent[t]]?.segment === 'title';
    if (!article && (n >= 2 || inTitle || d.scope === 'story')) article = `${d.id} ${d.phrase}`;
  }
  return { article, sentences };
}

function* findDiscards(doc: Doc, discards: Discards, from: number, to: number): Generator<[Discard, number]> {
  const { tokens } = doc;
  for (let t = from; t < to; t++) {
    const a = discards.byFirst.get(tokens.lemma[t]) ?? [];
    const b = tokens.lower[t] !== tokens.lemma[t] ? discards.byFirst.get(tokens.lower[t]) ?? [] : [];
    for (const d of a.length && b.length ? [...a, ...b] : a.length ? a : b) {
      let ok = true;
      for (let k = 1; k < d.words.length; k++) {
        const j = t + k;
        if (j >= to || tokens.sent[j] !== tokens.sent[t] || !(d.words[k].includes(tokens.lemma[j]) || d.words[k].includes(tokens.lower[j]))) {
          ok = false;
          break;
        }
      }
      if (ok) yield [d, t];
    }
  }
}
