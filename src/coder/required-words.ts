// The cheap first test of a pattern against a sentence: does every word the pattern requires occur in it (as a
// lemma or lower-case form)? Required words get integer ids once; a sentence stamps the ids of its words, so the test
// reads integers instead of looking strings up. Pure apart from its own caches.
import type { EventPattern, EventPatterns } from '../dictionaries/event-patterns.js';
import type { Doc, Sentence } from '../model/types.js';

/** Prepositions that may close a pattern before its final slot and be missing from the text (see event-matcher.ts). */
export const TRAILING_PREPOSITIONS = new Set(['with', 'to', 'against', 'on', 'between', 'from', 'at', 'in', 'for', 'toward', 'towards']);

/** The word alternatives of a pattern that must each have one occurrence in a sentence (its trigger aside). */
export function requiredWords(p: EventPattern): string[][] {
  const req: string[][] = [];
  for (let k = 1; k < p.elements.length; k++) {
    const e = p.elements[k];
    if (e.kind !== 'word' || e.optional) continue;
    // A closing preposition before a final slot may be missing (see tryMatch).
    const rest = p.elements.slice(k + 1);
    if (TRAILING_PREPOSITIONS.has(e.alts[0]) && rest.length === 1 && rest[0].kind === 'slot') continue;
    req.push(e.alts);
  }
  return req;
}

export class RequiredWords {
  private readonly ids = new Map<string, number>();
  /** Per list of patterns (one trigger word's), each pattern's required alternatives as ids. */
  private readonly byList = new Map<readonly EventPattern[], Int32Array[][]>();
  /** stamp[id] === turn: the word with that id is in the current sentence. */
  private stamp: Int32Array;
  private turn = 0;

  /** Every id is given here, before any sentence is stamped: a word given an id later would be missed. */
  constructor(patterns: EventPatterns) {
    for (const list of patterns.byTrigger.values()) {
      this.byList.set(list, list.map((p) => requiredWords(p).map((alts) => Int32Array.from(alts, (w) => this.idOf(w)))));
    }
    this.stamp = new Int32Array(this.ids.size);
  }

  /** Makes `sent` the sentence that `present` tests against. */
  sentence(doc: Doc, sent: Sentence): void {
    this.turn++;
    const { lemma, lower } = doc.tokens;
    for (let t = sent.tokenStart; t < sent.tokenEnd; t++) {
      const a = this.ids.get(lemma[t]);
      if (a !== undefined) this.stamp[a] = this.turn;
      const b = this.ids.get(lower[t]);
      if (b !== undefined) this.stamp[b] = this.turn;
    }
  }

  /** The required ids of each pattern of `list` (a trigger word's list in the pattern set), in its order. */
  of(list: readonly EventPattern[]): Int32Array[][] {
    const req = this.byList.get(list);
    if (!req) throw new Error('required-words.ts: a list of patterns not from this pattern set');
    return req;
  }

  /** Does every group of `groups` have a word in the current sentence? */
  present(groups: Int32Array[]): boolean {
    const { stamp, turn } = this;
    for (const alts of groups) {
      let any = false;
      for (let i = 0; i < alts.length; i++) {
        if (stamp[alts[i]] === turn) {
          any = true;
          break;
        }
      }
      if (!any) return false;
    }
    return true;
  }

  private idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) this.ids.set(word, (id = this.ids.size));
    return id;
  }
}

const indexes = new WeakMap<EventPatterns, RequiredWords>();

/** The required-word index of a pattern set, built on first use. */
export function requiredIndex(patterns: EventPatterns): RequiredWords {
  let r = indexes.get(patterns);
  if (!r) indexes.set(patterns, (r = new RequiredWords(patterns)));
  return r;
}
