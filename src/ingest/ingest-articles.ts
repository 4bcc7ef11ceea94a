// Codes and stores a small batch of articles given as objects (the HTTP API's POST /api/articles), in this thread.
// It goes through ingest() itself, as JSONL on a stand-in stdin, so ids, dedup and clusters are those of `dyad ingest`.
import { ingest, type IngestSummary } from './ingest.js';
import type { CorpusStore } from '../store/store.js';

/** One article as in the JSONL input: `id`, `text`, and optionally `date`, `title`, `url`. */
export interface ArticleInput {
  id: string | number;
  text: string;
  date?: string | null;
  title?: string | null;
  url?: string | null;
}

export interface IngestArticlesResult extends IngestSummary {
  /** One line per article that was not stored (bad field, coding failure) or stored under another id. */
  warnings: string[];
}

export async function ingestArticles(
  store: CorpusStore,
  articles: ArticleInput[],
  options: { dictDir?: string } = {},
): Promise<IngestArticlesResult> {
  const jsonl = articles.map((a) => JSON.stringify(a)).join('\n') + '\n';
  const warnings: string[] = [];
  const summary = await ingest(store, {
    paths: ['-'],
    workers: 1,
    dictDir: options.dictDir,
    readStdin: async () => Buffer.from(jsonl, 'utf8'),
    onWarning: (m) => warnings.push(m),
  });
  return { ...summary, warnings };
}
