// Every event pattern's example sentence, coded by the full pipeline, yields that pattern's CAMEO code.
import { describe, expect, it } from 'vitest';
import { loadDictionaries } from './load.js';
import { intentFor } from './intent.js';
import { BLOCK } from './event-patterns.js';
import { matchSentence } from '../coder/event-matcher.js';
import { codeArticle } from '../coder/code-article.js';
import { createWinkAnalyzer } from '../nlp/analyse.js';
import { createGazetteer } from '../coder/gazetteer.js';

const dicts = loadDictionaries();
// Patterns are tested without the parser and with untargeted events kept: the test is about each pattern.
const deps = { dicts, analyzer: createWinkAnalyzer(), gazetteer: createGazetteer(), options: { keepUntargeted: true } };
const files = [...new Set(dicts.events.all.map((p) => p.id.split(':')[0]))].sort();

describe('event pattern examples', () => {
  it('there are patterns for every CAMEO root', () => {
    const roots = new Set(dicts.events.all.map((p) => p.code.slice(0, 2)));
    const missing = [...Array(20).keys()].map((i) => String(i + 1).padStart(2, '0')).filter((r) => !roots.has(r));
    expect(missing).toEqual([]);
  });
  for (const file of files) {
    it(`${file}: each example codes its own CAMEO code`, () => {
      const failures: string[] = [];
      for (const p of dicts.events.all.filter((x) => x.id.startsWith(file + ':'))) {
        // An example that names its year (`recognized the independence of Kosovo in 2008`) is news of that year; read
        // from 2024 it would be history, which dyad does not code (history.ts).
        const year = /\b(1[89]\d\d|20\d\d)\b/.exec(p.example)?.[1];
        const article = { id: 'example', origin: p.id, date: year ? `${year}-12-31` : '2024-05-01', title: null, url: null, text: p.example };
        const { events, doc } = codeArticle(article, deps);
        if (p.code === BLOCK) {
          // A blocking pattern must match its example and leave its trigger uncoded.
          const block = doc.sentences.flatMap((sent) => matchSentence(doc, dicts.events, sent, () => false, dicts.verbs.light)).find((m) => m.pattern === p);
          const start = block ? doc.tokens.start[block.trigger] : -1;
          if (!block || events.some((e) => e.trigger.start === start)) failures.push(`${p.id} --- | ${p.text} | ${p.example}  -> ${block ? 'its trigger was coded' : 'no match'}`);
          continue;
        }
        // An announced act (`will visit`) is coded as intent (03x) by a documented rule: that counts too.
        const ok = events.some(
          (e) =>
            e.cameo === p.code ||
            (e.why.modality && e.why.pattern.startsWith(`${p.id} `) && e.cameo === intentFor(dicts.intent, p.code)) ||
            // A generic request (`urge {target} to`, 020) takes the code of what its example asks for.
            (e.why.modality && /^(appeal|demand|refusal)-of-/.test(e.why.modality.rule) && e.why.pattern.startsWith(`${p.id} `) && e.cameo.startsWith(p.code.slice(0, 2))),
        );
        if (!ok) {
          failures.push(`${p.id} ${p.code} | ${p.text} | ${p.example}  -> got ${events.map((e) => `${e.source?.code}-${e.cameo}-${e.target?.code ?? '∅'} (${e.why.pattern})`).join('; ') || 'nothing'}`);
        }
      }
      expect(failures, failures.join('\n')).toEqual([]);
    });
  }
});
