// `dyad ingest PATH...`: codes a corpus into the DuckDB store with a progress bar on stderr; warns for each bad
// input and ends with a summary. A thin wrapper over ingest() in src/ingest/.
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { DEFAULT_MAX_BYTES } from '../input/read-articles.js';
import { readOptions } from './batch.js';
import { ingest, DEFAULT_BATCH } from '../ingest/ingest.js';
import { countInputs, createProgress } from '../ingest/progress.js';
import { UsageError } from '../model/errors.js';
import { DEFAULT_DB, openDuckDbStore } from '../store/duckdb-store.js';

interface IngestCliOptions {
  db: string;
  workers?: string;
  outlet?: string;
  date?: string;
  maxSize: string;
  dict?: string;
  parse: boolean;
  batchSize: string;
  quiet?: boolean;
}

/** Parses a positive whole number option. */
export function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a whole number of at least 1, got ${JSON.stringify(value)}`);
  return n;
}

export function registerIngest(program: Command, setStatus: (s: number) => void): void {
  program
    .command('ingest')
    .description('code articles and store them, their events and actors in a DuckDB database (idempotent, resumable)')
    .argument('<paths...>', 'article files, folders (read recursively), .jsonl files, or - for stdin')
    .option('--db <file>', 'the database file', DEFAULT_DB)
    .option('--workers <n>', `worker threads coding articles (default: ${availableParallelism()}, the cores); 1 codes in the main thread`)
    .option('--outlet <name>', 'outlet of articles without a url (else the dateline agency)')
    .option('--date <YYYY-MM-DD>', 'publication date for plain text files without a date line')
    .option('--max-size <MB>', 'refuse files larger than this many megabytes', String(DEFAULT_MAX_BYTES / 1024 / 1024))
    .option('--no-parse', 'code from patterns alone, without the dependency parser (faster)')
    .option('--dict <dir>', 'code with the dyad-format dictionaries in DIR instead of the built-in ones')
    .option('--batch-size <n>', 'articles written per transaction', String(DEFAULT_BATCH))
    .option('-q, --quiet', 'no progress bar and no summary line')
    .action(async (paths: string[], opts: IngestCliOptions) => setStatus(await ingestCommand(paths, opts)));
}

async function ingestCommand(paths: string[], opts: IngestCliOptions): Promise<number> {
  const reading = readOptions(opts);
  const workers = opts.workers === undefined ? availableParallelism() : positiveInt('--workers', opts.workers);
  const batchSize = positiveInt('--batch-size', opts.batchSize);
  const started = Date.now();
  const store = await openDuckDbStore(opts.db);
  const showBar = !opts.quiet && Boolean(process.stderr.isTTY);
  const bar = createProgress(process.stderr, showBar ? await countInputs(paths) : null, !showBar);
  let summary;
  try {
    summary = await ingest(store, {
      paths,
      workers,
      dictDir: opts.dict,
      parse: opts.parse,
      outlet: opts.outlet ?? null,
      date: reading.date ?? null,
      maxBytes: reading.maxBytes,
      batchSize,
      onProgress: (p) => bar.update(p.done, { events: p.events }),
      onWarning: (m) => process.stderr.write(`${showBar ? '\n' : ''}dyad: warning: ${m}\n`),
    });
  } finally {
    bar.stop();
    await store.close();
  }
  if (!opts.quiet) {
    const secs = (Date.now() - started) / 1000;
    const s = summary;
    process.stderr.write(
      `dyad: ${s.stored} article${s.stored === 1 ? '' : 's'} stored (${s.exactDuplicates} exact and ${s.nearDuplicates} near duplicates), ` +
        `${s.alreadyStored} already stored, ${s.skipped} skipped, ${s.mentions} event mentions ` +
        `(${secs.toFixed(1)} s, ${(s.stored / Math.max(secs, 0.001)).toFixed(0)} articles/s) -> ${opts.db}\n`,
    );
  }
  return summary.skipped > 0 ? 1 : 0;
}
