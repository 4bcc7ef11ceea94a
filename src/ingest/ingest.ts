// Ingest: reads a corpus, codes new articles on worker threads, groups reprints into near-duplicate clusters and
// writes batches to the store, one transaction each. Idempotent and resumable; it reports through callbacks, never prints.
import { readArticles } from '../input/read-articles.js';
import type { Article } from '../model/types.js';
import type { ArticleRow, CorpusStore, IngestBatch } from '../store/store.js';
import { contentHash, type CodedForStore } from './code-for-store.js';
import { NearDuplicateIndex } from './minhash.js';
import { createArticleCoder, type ArticleCoder } from './pool.js';
import { actorMentionRows, mentionRows, outletOf } from './rows.js';

export interface IngestOptions {
  paths: string[];
  /** Worker threads (1 codes in this thread); the stored rows are the same for any number. */
  workers: number;
  dictDir?: string;
  /** Parse doubtful sentences (default true); false codes from patterns alone. */
  parse?: boolean;
  /** Outlet of articles without a URL. */
  outlet?: string | null;
  /** Publication date for plain text without a date line. */
  date?: string | null;
  maxBytes?: number;
  /** Articles per transaction. */
  batchSize?: number;
  readStdin?: () => Promise<Buffer>;
  onProgress?: (p: IngestProgress) => void;
  onWarning?: (message: string) => void;
}

export interface IngestProgress {
  /** Inputs handled so far: stored, already stored, or skipped. */
  done: number;
  stored: number;
  events: number;
}

export interface IngestSummary {
  read: number;
  stored: number;
  alreadyStored: number;
  skipped: number;
  exactDuplicates: number;
  nearDuplicates: number;
  mentions: number;
  batches: number;
  dictVersion: string;
}

const CHUNK = 8;
export const DEFAULT_BATCH = 2000;

export async function ingest(store: CorpusStore, options: IngestOptions): Promise<IngestSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const warn = options.onWarning ?? (() => {});
  const summary: IngestSummary = {
    read: 0, stored: 0, alreadyStored: 0, skipped: 0, exactDuplicates: 0, nearDuplicates: 0, mentions: 0, batches: 0, dictVersion: '',
  };
  let done = 0;
  const progress = () => options.onProgress?.({ done, stored: summary.stored, events: summary.mentions });

  // What is stored already: ids to skip, hashes and signatures to find reprints of stored articles.
  const known = new Map<string, string>();
  const clusterOfHash = new Map<string, string>();
  const index = new NearDuplicateIndex();
  for (const a of await store.storedArticles()) {
    known.set(a.article_id, a.content_hash);
    if (!clusterOfHash.has(a.content_hash)) {
      clusterOfHash.set(a.content_hash, a.cluster_id);
      index.add(a.signature, a.cluster_id);
    }
  }
  let seq = await store.nextSeq();

  // Started at the first article to code, so a run over a corpus already stored loads no dictionaries.
  let coder: ArticleCoder | null = null;
  const inFlight: Promise<CodedForStore[]>[] = [];
  const maxInFlight = Math.max(2, options.workers * 8);
  let chunk: Article[] = [];
  let batch: IngestBatch = { articles: [], mentions: [], actorMentions: [] };

  // One write at a time runs in the background while the workers go on coding: awaiting each write before
  // sending more articles would leave the workers idle for the length of every transaction. Writes stay in order.
  let writing: Promise<void> = Promise.resolve();
  const flushBatch = async () => {
    if (!batch.articles.length) return;
    const full = batch;
    batch = { articles: [], mentions: [], actorMentions: [] };
    await writing;
    writing = store.writeBatch(full).then(() => {
      summary.batches++;
      progress();
    });
    // A failed write rejects `writing`; it is awaited before the next write and at the end, so it is never lost.
    writing.catch(() => {});
  };

  const take = async (results: CodedForStore[]) => {
    const dictVersion = coder!.dictVersion;
    for (const c of results) {
      done++;
      if (c.error) {
        summary.skipped++;
        warn(`skipped ${c.article.origin}: coding failed: ${c.error}`);
        continue;
      }
      let cluster = clusterOfHash.get(c.contentHash);
      let similarity = 1;
      if (cluster) summary.exactDuplicates++;
      else {
        const hit = index.assign(c.signature, c.article.id);
        cluster = hit.cluster;
        similarity = hit.similarity;
        if (cluster !== c.article.id) summary.nearDuplicates++;
        clusterOfHash.set(c.contentHash, cluster);
      }
      const row: ArticleRow = {
        article_id: c.article.id,
        seq: seq++,
        content_hash: c.contentHash,
        origin: c.article.origin,
        url: c.article.url,
        outlet: outletOf(c.article.url, options.outlet, c.agency),
        pub_date: c.article.date,
        title: c.article.title,
        text: c.article.text,
        cluster_id: cluster,
        similarity,
        signature: Array.from(c.signature),
        dict_version: dictVersion,
      };
      batch.articles.push(row);
      const mentions = mentionRows(row.article_id, cluster, c.events);
      batch.mentions.push(...mentions);
      batch.actorMentions.push(...actorMentionRows(row.article_id, c.actors, dictVersion));
      summary.stored++;
      summary.mentions += mentions.length;
      if (batch.articles.length >= batchSize) await flushBatch();
    }
    progress();
  };

  const dispatch = async () => {
    if (!chunk.length) return;
    if (!coder) {
      coder = await createArticleCoder({ workers: options.workers, dictDir: options.dictDir, parse: options.parse });
      summary.dictVersion = coder.dictVersion;
    }
    inFlight.push(coder.code(chunk));
    chunk = [];
    // Results are taken in the order sent, so clusters and rows do not depend on the number of workers.
    while (inFlight.length >= maxInFlight) await take(await inFlight.shift()!);
  };

  try {
    for await (const item of readArticles(options.paths, { date: options.date ?? null, maxBytes: options.maxBytes, readStdin: options.readStdin })) {
      if ('error' in item) {
        done++;
        summary.skipped++;
        warn(`skipped ${item.error.message}`);
        progress();
        continue;
      }
      summary.read++;
      const article = item.article;
      const hash = contentHash(article.text);
      const storedHash = known.get(article.id);
      if (storedHash !== undefined && storedHash !== hash) {
        // Another text under a stored id: stored under the id with its hash, so that both are kept.
        const alt = `${article.id}~${hash.slice(0, 8)}`;
        if (!known.has(alt)) warn(`${article.origin}: article id ${JSON.stringify(article.id)} is stored with another text; storing this one as ${JSON.stringify(alt)}`);
        article.id = alt;
      }
      if (known.get(article.id) === hash) {
        done++;
        summary.alreadyStored++;
        if (done % 64 === 0) progress();
        continue;
      }
      known.set(article.id, hash);
      chunk.push(article);
      if (chunk.length >= CHUNK) await dispatch();
    }
    await dispatch();
    while (inFlight.length) await take(await inFlight.shift()!);
    await flushBatch();
    await writing;
    progress();
  } finally {
    // Settle results still coming so no worker message is left unhandled, then stop the workers.
    await Promise.allSettled([...inFlight, writing]);
    await (coder as ArticleCoder | null)?.close();
  }
  return summary;
}
