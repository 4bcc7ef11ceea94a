// `dyad code PATH...`: reads articles, codes them and prints event records; warns for each bad input and
// ends with a summary. A thin wrapper over eachArticle and codeArticle.
import type { Command } from 'commander';
import { DEFAULT_MAX_BYTES } from '../input/read-articles.js';
import { eachArticle, readOptions } from './batch.js';
import { codeArticle } from '../coder/code-article.js';
import { createCoderDeps } from '../coder/deps.js';
import { createWriter, FORMATS, type Format } from '../output/formats.js';
import { UsageError } from '../model/errors.js';

interface CodeOptions {
  format?: string;
  date?: string;
  explain?: boolean;
  maxSize: string;
  dict?: string;
  quiet?: boolean;
  parse: boolean;
  keepUntargeted?: boolean;
}

export function registerCode(program: Command, setStatus: (s: number) => void): void {
  program
    .command('code')
    .description('code articles (files, folders, JSONL, or - for stdin) into event records')
    .argument('<paths...>', 'article files, folders (read recursively), .jsonl files, or - for stdin')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')} (default: jsonl when piped, table on a terminal)`)
    .option('--date <YYYY-MM-DD>', 'publication date for plain text files without a date line')
    .option('--explain', 'show the dictionary entries and patterns behind each event (table format)')
    .option('--max-size <MB>', 'refuse files larger than this many megabytes', String(DEFAULT_MAX_BYTES / 1024 / 1024))
    .option('--dict <dir>', 'code with the dyad-format dictionaries in DIR (actors/, events/) instead of the built-in ones')
    .option('--no-parse', 'code from patterns alone, without the dependency parser (faster, less accurate)')
    .option('--keep-untargeted', 'also write events of dyadic CAMEO codes for which no target was found')
    .option('-q, --quiet', 'no summary line on stderr')
    .action(async (paths: string[], opts: CodeOptions) => setStatus(await codeCommand(paths, opts)));
}

async function codeCommand(paths: string[], opts: CodeOptions): Promise<number> {
  const format = (opts.format ?? (process.stdout.isTTY ? 'table' : 'jsonl')) as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format ${JSON.stringify(opts.format)}; one of ${FORMATS.join(', ')}`);
  const reading = readOptions(opts);
  const started = Date.now();
  const deps = createCoderDeps({ dictDir: opts.dict, parse: opts.parse, keepUntargeted: opts.keepUntargeted });
  const writer = createWriter(format, process.stdout.columns ?? 120);
  const header = writer.header();
  if (header) process.stdout.write(header);
  let events = 0;
  const { read, skipped } = await eachArticle(paths, reading, 'coding', (article) => {
    const coded = codeArticle(article, deps);
    let chunk = '';
    for (const r of coded.events) chunk += writer.record(r, Boolean(opts.explain));
    events += coded.events.length;
    return chunk;
  });
  if (!opts.quiet) {
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`dyad: ${read} article${read === 1 ? '' : 's'} coded, ${skipped} skipped, ${events} event${events === 1 ? '' : 's'} (${secs} s)\n`);
  }
  return skipped > 0 ? 1 : 0;
}
