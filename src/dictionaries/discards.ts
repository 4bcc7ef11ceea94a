// Discard phrases (data/events/discards.txt): sports, entertainment and the like, where event words mean nothing political.
// A line is `article | PHRASE`, `story | PHRASE` or `sentence | PHRASE`; phrases are matched like pattern words
// (lemma or lower case). `story` rules out the article at the phrase's first occurrence (PETRARCH's `+` discards).
import { existsSync, readFileSync } from 'node:fs';
import { DictionaryError } from '../model/errors.js';

export interface Discard {
  scope: 'article' | 'story' | 'sentence';
  words: string[][];
  phrase: string;
  id: string;
}

export interface Discards {
  all: Discard[];
  byFirst: Map<string, Discard[]>;
}

export function loadDiscards(file: string, problems?: { file: string; line: number; message: string }[]): Discards {
  const all: Discard[] = [];
  if (existsSync(file)) {
    readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      const m = /^(article|story|sentence)\s*\|\s*(.+)$/.exec(line);
      if (!m) {
        const message = 'expected `article | PHRASE`, `story | PHRASE` or `sentence | PHRASE`';
        if (problems) problems.push({ file, line: i + 1, message });
        else throw new DictionaryError(message, { where: `${file}:${i + 1}` });
        return;
      }
      const words = m[2].trim().split(/\s+/).map((w) => w.toLowerCase().split('/'));
      all.push({ scope: m[1] as Discard['scope'], words, phrase: m[2].trim(), id: `events/discards.txt:${i + 1}` });
    });
  }
  const byFirst = new Map<string, Discard[]>();
  for (const d of all) for (const w of d.words[0]) {
    let list = byFirst.get(w);
    if (!list) byFirst.set(w, (list = []));
    list.push(d);
  }
  return { all, byFirst };
}
