// What the commands that read articles share: their input options checked, and the loop over the articles that warns
// once for every input skipped (unreadable, or failing in `each`), writes each article's output with back-pressure,
// and counts what was read and skipped for the closing summary.
import { readArticles, validDate, type ReadOptions } from '../input/read-articles.js';
import { UsageError } from '../model/errors.js';
import type { Article } from '../model/types.js';

export interface InputFlags {
  date?: string;
  maxSize: string;
}

/** The reading options of `--date` and `--max-size`; a UsageError for a bad value. */
export function readOptions(flags: InputFlags): ReadOptions {
  if (flags.date && !validDate(flags.date)) throw new UsageError(`--date must be a date YYYY-MM-DD, got ${JSON.stringify(flags.date)}`);
  const maxMB = Number(flags.maxSize);
  if (!Number.isFinite(maxMB) || maxMB <= 0) throw new UsageError(`--max-size must be a positive number of megabytes`);
  return { date: flags.date ?? null, maxBytes: maxMB * 1024 * 1024 };
}

export interface BatchCounts {
  read: number;
  skipped: number;
}

/**
 * Runs `each` on every article read from `paths` and writes what it returns to stdout. An input that cannot be read,
 * or whose `each` throws (`what` names the step: `coding`), is skipped with a warning on stderr and counted.
 */
export async function eachArticle(paths: string[], options: ReadOptions, what: string, each: (article: Article) => string): Promise<BatchCounts> {
  const out = process.stdout;
  const counts: BatchCounts = { read: 0, skipped: 0 };
  for await (const item of readArticles(paths, options)) {
    if ('error' in item) {
      counts.skipped++;
      process.stderr.write(`dyad: warning: skipped ${item.error.message}\n`);
      continue;
    }
    counts.read++;
    let text: string;
    try {
      text = each(item.article);
    } catch (e) {
      counts.skipped++;
      process.stderr.write(`dyad: warning: skipped ${item.article.origin}: ${what} failed: ${(e as Error).message}\n`);
      continue;
    }
    if (text && !out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
  }
  return counts;
}
