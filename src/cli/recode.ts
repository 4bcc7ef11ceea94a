// `dyad recode`: codes the stored articles again after a dictionary change, without reading any input file.
// A thin wrapper over recode() in src/ingest/.
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { recode } from '../ingest/recode.js';
import { createProgress } from '../ingest/progress.js';
import { DEFAULT_DB, openDuckDbStore } from '../store/duckdb-store.js';
import { positiveInt } from './ingest.js';

interface RecodeCliOptions {
  db: string;
  workers?: string;
  dict?: string;
  parse: boolean;
  all?: boolean;
  quiet?: boolean;
}

export function registerRecode(program: Command, setStatus: (s: number) => void): void {
  program
    .command('recode')
    .description('code the stored articles again with the current dictionaries (those coded with another version, or --all)')
    .option('--db <file>', 'the database file', DEFAULT_DB)
    .option('--workers <n>', `worker threads (default: ${availableParallelism()}); 1 codes in the main thread`)
    .option('--no-parse', 'code from patterns alone, without the dependency parser (faster)')
    .option('--dict <dir>', 'code with the dyad-format dictionaries in DIR instead of the built-in ones')
    .option('--all', 'recode every article, even those already coded with this dictionary version')
    .option('-q, --quiet', 'no progress bar and no summary line')
    .action(async (opts: RecodeCliOptions) => setStatus(await recodeCommand(opts)));
}

async function recodeCommand(opts: RecodeCliOptions): Promise<number> {
  const workers = opts.workers === undefined ? availableParallelism() : positiveInt('--workers', opts.workers);
  const started = Date.now();
  const store = await openDuckDbStore(opts.db);
  const total = (await store.counts()).articles;
  const bar = createProgress(process.stderr, total, Boolean(opts.quiet));
  let summary;
  try {
    summary = await recode(store, {
      workers,
      dictDir: opts.dict,
      parse: opts.parse,
      all: opts.all,
      onProgress: (p) => bar.update(p.done, { events: p.events }),
      onWarning: (m) => process.stderr.write(`dyad: warning: ${m}\n`),
    });
  } finally {
    bar.stop();
    await store.close();
  }
  if (!opts.quiet) {
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`dyad: ${summary.recoded} article${summary.recoded === 1 ? '' : 's'} recoded with dictionaries ${summary.dictVersion}, ${summary.failed} failed, ${summary.mentions} event mentions (${secs} s)\n`);
  }
  return summary.failed > 0 ? 1 : 0;
}
