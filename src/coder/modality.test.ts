// Modality on hand-written sentences: announced acts, hypothetical acts and acts that have not happened.
import { describe, expect, it } from 'vitest';
import { createWinkAnalyzer } from '../nlp/analyse.js';
import { findLayout } from '../nlp/layout.js';
import { loadDictionaries } from '../dictionaries/load.js';
import { announcedBy, unrealizedBy } from './modality.js';

const analyzer = createWinkAnalyzer();
const dicts = loadDictionaries();

function at(text: string, word: string) {
  const article = { id: 't', origin: 't', date: '2024-05-01', title: null, url: null, text };
  const doc = analyzer.analyse(article, findLayout(article));
  const t = doc.tokens.lower.indexOf(word);
  return { doc, sent: doc.sentences[doc.tokens.sent[t]], t };
}

describe('announced acts', () => {
  it('reads a modal or an intent word before `to` as announcing the act', () => {
    const a = at('Japan will send aid to Ukraine.', 'send');
    expect(announcedBy(a.doc, a.sent, a.t, dicts.intent.intent.words)?.text).toBe('will');
    const b = at('Japan agreed to send aid to Ukraine.', 'send');
    expect(announcedBy(b.doc, b.sent, b.t, dicts.intent.intent.words)?.text).toBe('agreed');
  });
  it('reads an agreement in principle to a conflict act as its threat', () => {
    const a = at('The European Union agreed in principle to impose sanctions on Belarus.', 'impose');
    expect(announcedBy(a.doc, a.sent, a.t, dicts.intent.threat.words)?.text).toBe('agreed');
  });
  it('reads the verb that carries an event noun as announcing it, but not a participle modifier', () => {
    const a = at('Australia pledged relief supplies to Fiji.', 'relief');
    expect(announcedBy(a.doc, a.sent, a.t, dicts.intent.intent.words)?.text).toBe('pledged');
    const b = at('The minister went ahead with planned talks with Russia.', 'talks');
    expect(announcedBy(b.doc, b.sent, b.t, dicts.intent.intent.words)).toBeNull();
  });
  it('reads nothing into an act reported as done', () => {
    const a = at('Japan sent aid to Ukraine.', 'sent');
    expect(announcedBy(a.doc, a.sent, a.t, dicts.intent.intent.words)).toBeNull();
  });
});

describe('acts that have not happened', () => {
  it('finds the demand, refusal, obligation or proposal that governs the act', () => {
    const cases: [string, string, string][] = [
      ['China demanded that the United States cancel the sale.', 'cancel', 'demanded'],
      ['The EU urged Israel to ease restrictions.', 'ease', 'urged'],
      ['Pakistan refused to deploy troops.', 'deploy', 'refused'],
      ['Libya must hand over the suspects.', 'hand', 'must'],
      ['The judges told Israel to open the crossing.', 'open', 'told'],
      ['Bangladesh rejected a proposal for signing a trade deal.', 'signing', 'proposal'],
      ['Yoon accused the parliament of sympathising with North Korea.', 'sympathising', 'accused'],
      ['Police accused four Venezuelans of robbing a shopkeeper and stabbing him.', 'stabbing', 'accused'],
    ];
    for (const [text, word, by] of cases) {
      const a = at(text, word);
      expect(unrealizedBy(a.doc, a.sent, a.t, dicts.verbs)?.text, text).toBe(by);
    }
  });
  it('finds nothing for an act that happened or is only announced', () => {
    for (const [text, word] of [['Kenya sent troops to Haiti.', 'sent'], ['Japan offered to send aid.', 'send'], ['Egypt allowed Hamas to open the crossing.', 'open']]) {
      const a = at(text, word);
      expect(unrealizedBy(a.doc, a.sent, a.t, dicts.verbs), text).toBeNull();
    }
  });
});
