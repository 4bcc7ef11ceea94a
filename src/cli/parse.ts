// `dyad parse PATH...`: reads articles as `dyad code` does and prints the dependency tree of every sentence as
// CoNLL-U, so the trees behind `tree` rules can be read. A thin wrapper over eachArticle and docToConllu.
import type { Command } from 'commander';
import { DEFAULT_MAX_BYTES } from '../input/read-articles.js';
import { eachArticle, readOptions } from './batch.js';
import { createWinkAnalyzer } from '../nlp/analyse.js';
import { findLayout } from '../nlp/layout.js';
import { loadParser, writeConllu } from '../nlp/parser/index.js';
import { docToConllu } from '../nlp/parse-doc.js';
import { dataVersion } from '../dictionaries/load.js';

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
  const reading = readOptions(opts);
  const started = Date.now();
  const analyzer = createWinkAnalyzer();
  const parser = loadParser();
  const version = dataVersion();
  let sentences = 0;
  const { read, skipped } = await eachArticle(paths, reading, 'parsing', (article) => {
    const trees = docToConllu(analyzer.analyse(article, findLayout(article)), parser, version);
    sentences += trees.length;
    return writeConllu(trees);
  });
  if (!opts.quiet) {
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`dyad: ${read} article${read === 1 ? '' : 's'} parsed, ${skipped} skipped, ${sentences} sentence${sentences === 1 ? '' : 's'} (${secs} s)\n`);
  }
  return skipped > 0 ? 1 : 0;
}
