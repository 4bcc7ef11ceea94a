// Topics on events: phrases found in the event's sentence with offsets, inflections, acronyms, hyphenated words,
// longest phrase first, except phrases; contexts merged with the CAMEO code's; and every shipped phrase finds its topic.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDictionaries } from '../dictionaries/load.js';
import { EMPTY_TOPICS, loadTopics, scanTopics, type Topics } from '../dictionaries/topics.js';
import type { Article, Doc, EventRecord } from '../model/types.js';
import { createWinkAnalyzer } from '../nlp/analyse.js';
import { findLayout } from '../nlp/layout.js';
import { codeArticle } from './code-article.js';
import { createGazetteer } from './gazetteer.js';
import { attachTopics, sentenceTopics } from './topics.js';

const CONTEXTS = new Set(['economic', 'diplomatic', 'migration', 'asylum', 'health', 'military', 'environment', 'legal']);
const analyzer = createWinkAnalyzer();

function topicsFrom(yaml: string): Topics {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-topics-'));
  writeFileSync(join(dir, 'topics.yaml'), yaml);
  return loadTopics(dir, CONTEXTS);
}

const SMALL = topicsFrom(`- id: BRI
  label: Belt and Road Initiative
  contexts: [economic, diplomatic]
  phrases: [Belt and Road]
- id: TRADE
  label: Trade
  contexts: [economic]
  phrases: [trade, trade war]
- id: REFUGEES
  label: Refugees
  contexts: [migration]
  phrases: [refugee, asylum-seeker]
- id: HEALTH
  label: Health
  contexts: [health]
  phrases: [WHO, vaccine]
- id: CLIMATE
  label: Climate
  contexts: [environment]
  phrases: [climate]
  except: [climate of fear]
- id: WAR
  label: War
  contexts: [military]
  phrases: [war]
`);

function doc(text: string): Doc {
  const article: Article = { id: 't', origin: 't', date: '2024-04-26', title: null, url: null, text };
  return analyzer.analyse(article, findLayout(article));
}

/** `ID text` for every topic of every sentence. */
function found(text: string, topics = SMALL): string[] {
  const d = doc(text);
  return d.sentences.flatMap((s) => sentenceTopics(d, topics, s.index).map((t) => `${t.id} ${t.text}`));
}

describe('topic phrases', () => {
  it('finds a phrase with its offsets and the entry and phrase that marked it', () => {
    const d = doc('China and Kenya signed Belt and Road projects.');
    const [t] = sentenceTopics(d, SMALL, 0);
    expect(t).toEqual({ id: 'BRI', text: 'Belt and Road', start: 23, end: 36, rule: 'topics/topics.yaml:1 Belt and Road' });
    expect(d.article.text.slice(t.start, t.end)).toBe('Belt and Road');
  });

  it('ignores case and matches inflections through the lemma', () => {
    expect(found('The REFUGEES were housed in tents.')).toEqual(['REFUGEES REFUGEES']);
    expect(found('belt and road talks went on.')).toEqual(['BRI belt and road']);
  });

  it('matches a hyphenated word whether the tagger splits it or not', () => {
    expect(found('Asylum-seekers crossed the border.')).toEqual(['REFUGEES Asylum-seekers']);
  });

  it('matches a word written in capitals only in capitals', () => {
    expect(found('The WHO sent a team.')).toEqual(['HEALTH WHO']);
    expect(found('Officials who visited the site left.')).toEqual([]);
  });

  it('takes the longest phrase at a place and moves past it', () => {
    expect(found('The trade war deepened.')).toEqual(['TRADE trade war']);
    expect(found('The war hurt trade.')).toEqual(['WAR war', 'TRADE trade']);
  });

  it('marks nothing where an except phrase wins', () => {
    expect(found('A climate of fear spread.')).toEqual([]);
    expect(found('The climate summit opened.')).toEqual(['CLIMATE climate']);
  });

  it('lists a topic once a sentence, and reads each sentence apart', () => {
    expect(found('Trade rose. Trade and trade alone.')).toEqual(['TRADE Trade', 'TRADE Trade']);
    const d = doc('Trade rose. Vaccines arrived.');
    expect(sentenceTopics(d, SMALL, 1).map((t) => t.id)).toEqual(['HEALTH']);
  });

  it('finds nothing with an empty dictionary', () => {
    const d = doc('Trade rose.');
    expect(scanTopics(d.tokens, 0, d.tokens.text.length, EMPTY_TOPICS)).toEqual([]);
  });
});

describe('topics on events', () => {
  const record = (sentence: number, context: string[]): EventRecord =>
    ({ sentence, plover: { event: 'CONSULT', mode: null, context }, topics: [] }) as unknown as EventRecord;

  it('attaches the topics of the event sentence and merges their contexts with the CAMEO code\'s, sorted and unique', () => {
    const d = doc('Vaccines arrived. Kenya and China discussed trade and the Belt and Road.');
    const shared = ['diplomatic'];
    const events = [record(1, shared), record(0, [])];
    attachTopics(d, SMALL, events);
    expect(events[0].topics.map((t) => t.id)).toEqual(['TRADE', 'BRI']);
    expect(events[0].plover.context).toEqual(['diplomatic', 'economic']);
    expect(events[1].topics.map((t) => t.id)).toEqual(['HEALTH']);
    expect(events[1].plover.context).toEqual(['health']);
    // The ontology's array is shared by every event of the code: it is never changed.
    expect(shared).toEqual(['diplomatic']);
  });

  it('codes the same events with topics on them', () => {
    const dicts = loadDictionaries();
    const deps = { dicts, analyzer, gazetteer: createGazetteer() };
    const text = 'Chinese President Xi Jinping met Kenyan President William Ruto in Beijing to discuss Belt and Road cooperation and trade.';
    const { events } = codeArticle({ id: 't', origin: 't', date: '2024-04-26', title: null, url: null, text }, deps);
    expect(events.map((e) => `${e.source?.code} ${e.cameo} ${e.target?.code}`)).toEqual(['CHNGOV 040 KENGOV']);
    expect(events[0].topics.map((t) => [t.id, t.text])).toEqual([['BRI', 'Belt and Road'], ['TRADE', 'trade']]);
    expect(events[0].topics[0].rule).toMatch(/^topics\/topics.yaml:\d+ Belt and Road$/);
    expect(events[0].plover.context).toEqual(['diplomatic', 'economic']);
  });
});

describe('the shipped topic dictionary', () => {
  const { topics } = loadDictionaries();

  it('holds at least 30 topics', () => {
    expect(topics.all.length).toBeGreaterThanOrEqual(30);
  });

  it('finds every phrase as its topic in a sentence', () => {
    const misses: string[] = [];
    for (const t of topics.all) {
      for (const phrase of t.phrases) {
        const d = doc(`Officials discussed ${phrase} yesterday.`);
        const ids = d.sentences.flatMap((s) => sentenceTopics(d, topics, s.index).map((x) => x.id));
        if (!ids.includes(t.id)) misses.push(`${t.entry} ${t.id}: "${phrase}" -> ${ids.join(', ') || 'nothing'}`);
      }
    }
    expect(misses).toEqual([]);
  });
});
