// Codes one article into what the store keeps: events, actor sightings, content hash, MinHash signature, agency.
// Runs in worker threads and in the main thread alike; no database, no printing. The result is structured-cloneable.
import { createHash } from 'node:crypto';
import { codeArticle, type CoderDeps } from '../coder/code-article.js';
import type { ActorMention, Article, EventRecord } from '../model/types.js';
import { minhashSignature } from './minhash.js';
import type { ActorMentionRow } from '../store/store.js';

/** One actor seen in an article: a row of `actor_mentions` before it knows its article, place and version.
 * `rule` is the first rule that gave the code (`title-with-country`: learned from a title or appositive). */
export type ActorSighting = Omit<ActorMentionRow, 'article_id' | 'n' | 'dict_version'>;

export interface CodedForStore {
  article: Article;
  contentHash: string;
  signature: Uint32Array;
  /** The news agency of the byline or dateline (`Xinhua`), or null. */
  agency: string | null;
  events: EventRecord[];
  actors: ActorSighting[];
  /** Set when coding failed: the article is reported and not stored. */
  error: string | null;
}

/** Kinds that name an actor themselves; pronouns and `his counterpart` only refer back to one. */
const NAMING_KINDS = new Set(['person', 'institution', 'organisation', 'government', 'country', 'role', 'group']);

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

export function codeForStore(article: Article, deps: CoderDeps): CodedForStore {
  const hash = contentHash(article.text);
  const signature = minhashSignature(article.text);
  try {
    const coded = codeArticle(article, deps);
    const actors: ActorSighting[] = [];
    const visit = (m: ActorMention) => {
      if (m.members?.length) {
        for (const member of m.members) visit(member);
        return;
      }
      if (!NAMING_KINDS.has(m.kind)) return;
      actors.push({
        code: m.code,
        name: m.name,
        kind: m.kind,
        country: m.country,
        sector: m.sector,
        rule: m.why[0]?.rule ?? null,
        entry: m.why[0]?.entry ?? null,
        start: m.start,
        end: m.end,
        text: m.text,
      });
    };
    for (const m of coded.mentions) visit(m);
    return { article, contentHash: hash, signature, agency: coded.doc.dateline?.agency ?? null, events: coded.events, actors, error: null };
  } catch (e) {
    return { article, contentHash: hash, signature, agency: null, events: [], actors: [], error: (e as Error).message };
  }
}
