// Recode: codes the stored articles again with the current dictionaries (after a dictionary change), without
// reading any input file. Clusters stay; each batch replaces its articles' mentions in one transaction.
import type { Article } from '../model/types.js';
import type { ArticleRow, CorpusStore } from '../store/store.js';
import { createArticleCoder } from './pool.js';
import { actorMentionRows, mentionRows } from './rows.js';

export interface RecodeOptions {
  workers: number;
  dictDir?: string;
  /** Parse doubtful sentences (default true); false codes from patterns alone. */
  parse?: boolean;
  /** Recode every article, not only those coded with another dictionary version. */
  all?: boolean;
  batchSize?: number;
  onProgress?: (p: { done: number; events: number }) => void;
  onWarning?: (message: string) => void;
}

export interface RecodeSummary {
  recoded: number;
  failed: number;
  mentions: number;
  dictVersion: string;
}

const CHUNK = 8;

export async function recode(store: CorpusStore, options: RecodeOptions): Promise<RecodeSummary> {
  const batchSize = options.batchSize ?? 250;
  const coder = await createArticleCoder({ workers: options.workers, dictDir: options.dictDir, parse: options.parse });
  const summary: RecodeSummary = { recoded: 0, failed: 0, mentions: 0, dictVersion: coder.dictVersion };
  let afterSeq = -1;
  try {
    for (;;) {
      const rows = await store.articlesToRecode(coder.dictVersion, Boolean(options.all), afterSeq, batchSize);
      if (!rows.length) break;
      afterSeq = rows[rows.length - 1].seq;
      const chunks: Promise<Awaited<ReturnType<typeof coder.code>>>[] = [];
      for (let i = 0; i < rows.length; i += CHUNK) chunks.push(coder.code(rows.slice(i, i + CHUNK).map(articleOf)));
      const coded = (await Promise.all(chunks)).flat();
      const batch = { articleIds: [] as string[], dictVersion: coder.dictVersion, mentions: [] as ReturnType<typeof mentionRows>, actorMentions: [] as ReturnType<typeof actorMentionRows> };
      coded.forEach((c, i) => {
        const row = rows[i];
        if (c.error) {
          summary.failed++;
          options.onWarning?.(`${row.article_id}: coding failed, kept its earlier coding: ${c.error}`);
          return;
        }
        batch.articleIds.push(row.article_id);
        batch.mentions.push(...mentionRows(row.article_id, row.cluster_id, c.events));
        batch.actorMentions.push(...actorMentionRows(row.article_id, c.actors, coder.dictVersion));
      });
      await store.replaceCoding(batch);
      summary.recoded += batch.articleIds.length;
      summary.mentions += batch.mentions.length;
      options.onProgress?.({ done: summary.recoded + summary.failed, events: summary.mentions });
    }
  } finally {
    await coder.close();
  }
  return summary;
}

function articleOf(row: ArticleRow): Article {
  return { id: row.article_id, origin: row.origin, date: row.pub_date, title: row.title, url: row.url, text: row.text };
}
