// `dyad parse PATH...`: reads articles as `dyad code` does and prints the dependency tree of every sentence as
// CoNLL-U, so the trees behind `tree` rules can be read. A thin wrapper over readArticles and docToConllu.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArticles, DEFAULT_MAX_BYTES, validDate } from '../input/read-articles.js';
import { createWinkAnalyzer } from '../nlp/analyse.js';
import { findLayout } from '../nlp/layout.js';
import { loadParser, writeConllu } from '../nlp/parser/index.js';
import { docToConllu } from '../nlp/parse-doc.js';
import { defaultDataDir } from '../dictionaries/load.js';
import { UsageError } from '../model/errors.js';

interface ParseOptions {
  date?: string;
  maxSize: string;
  quiet?: boolean;
}

export function registerParse(program: Command, setStatus: (s: number) => void): void {
  program
    .command('parse')
    .description('print the dependency tree of every sentence of the articles as CoNLL-U (offsets in MISC)')
    .argument('<paths...>', 'article files, folders (read recursively), .jsonl files, or - for stdin')
    .option('--date <YYYY-MM-DD>', 'publication date for plain text files without a date line')
    .option('--max-size <MB>', 'refuse files larger than this many megabytes', String(DEFAULT_MAX_BYTES / 1024 / 1024))
    .option('-q, --quiet', 'no summary line on stderr')
    .action(async (paths: string[], opts: ParseOptions) => setStatus(await parseCommand(paths, opts)));
}

async function parseCommand(paths: string[], opts: ParseOptions): Promise<number> {
  if (opts.date && !validDate(opts.date)) throw new UsageError(`--date must be a date YYYY-MM-DD, got ${JSON.stringify(opts.date)}`);
  const maxMB = Number(opts.maxSize);
  if (!Number.isFinite(maxMB) || maxMB <= 0) throw new UsageError(`--max-size must be a positive number of megabytes`);
  const started = Date.now();
  const analyzer = createWinkAnalyzer();
  const parser = loadParser();
  const version = readFileSync(join(defaultDataDir(), 'VERSION'), 'utf8').trim();
  const out = process.stdout;
  let read = 0;
  let skipped = 0;
  let sentences = 0;
  for await (const item of readArticles(paths, { date: opts.date ?? null, maxBytes: maxMB * 1024 * 1024 })) {
    if ('error' in item) {
      skipped++;
      process.stderr.write(`dyad: warning: skipped ${item.error.message}\n`);
      continue;
    }
    read++;
    let text;
    try {
      const doc = analyzer.analyse(item.article, findLayout(item.article));
      const trees = docToConllu(doc, parser, version);
      sentences += trees.length;
      text = writeConllu(trees);
    } catch (e) {
      skipped++;
      process.stderr.write(`dyad: warning: skipped ${item.article.origin}: parsing failed: ${(e as Error).message}\n`);
      continue;
    }
    if (text && !out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
  }
  if (!opts.quiet) {
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`dyad: ${read} article${read === 1 ? '' : 's'} parsed, ${skipped} skipped, ${sentences} sentence${sentences === 1 ? '' : 's'} (${secs} s)\n`);
  }
  return skipped > 0 ? 1 : 0;
}
