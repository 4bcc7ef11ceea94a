// Topics of events: finds the topic phrases (data/topics/) in each event's sentence and attaches them to the event,
// adding their PLOVER contexts to the CAMEO code's. Must not change which events are found, nor their codes.
import type { Topics } from '../dictionaries/topics.js';
import { scanTopics } from '../dictionaries/topics.js';
import type { Doc, EventRecord, TopicOut } from '../model/types.js';

/** The topics named in sentence `index`, each topic once (its first phrase), in text order. */
export function sentenceTopics(doc: Doc, topics: Topics, index: number): TopicOut[] {
  const sent = doc.sentences[index];
  if (!sent) return [];
  const out: TopicOut[] = [];
  const seen = new Set<string>();
  for (const h of scanTopics(doc.tokens, sent.tokenStart, sent.tokenEnd, topics)) {
    const id = h.phrase.topic.id;
    if (seen.has(id)) continue;
    seen.add(id);
    const start = doc.tokens.start[h.tokenStart];
    const end = doc.tokens.end[h.tokenEnd - 1];
    out.push({ id, text: doc.article.text.slice(start, end), start, end, rule: h.phrase.rule });
  }
  return out;
}

/**
 * Sets `topics` on every event from its sentence (each sentence scanned once) and makes `plover.context` the sorted
 * union of the contexts it had (from the CAMEO code) and those of its topics. A new array: the ontology's is shared.
 */
export function attachTopics(doc: Doc, topics: Topics, events: EventRecord[]): void {
  const bySentence = new Map<number, TopicOut[]>();
  for (const e of events) {
    let found = bySentence.get(e.sentence);
    if (!found) bySentence.set(e.sentence, (found = sentenceTopics(doc, topics, e.sentence)));
    if (!found.length && e.plover.context.length < 2) continue;
    e.topics = found.map((t) => ({ ...t }));
    const contexts = new Set(e.plover.context);
    for (const t of found) for (const c of topics.byId.get(t.id)?.contexts ?? []) contexts.add(c);
    e.plover = { ...e.plover, context: [...contexts].sort() };
  }
}
