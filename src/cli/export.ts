// `dyad export`: writes the stored events to CSV, JSON lines or Parquet with GDELT 2.0 or PLOVER column names.
// A thin wrapper over CorpusStore.exportEvents (DuckDB's own COPY writes the file).
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../model/errors.js';
import { DEFAULT_DB, openDuckDbStore } from '../store/duckdb-store.js';
import { filterFromOptions, type FilterOptions } from '../store/filter-options.js';
import { EXPORT_FORMATS, EXPORT_PROFILES, type ExportFormat, type ExportProfile } from '../store/store.js';
import { addFilterOptions } from './events.js';

interface ExportCliOptions extends FilterOptions {
  db: string;
  format: string;
  profile: string;
  output?: string;
  quiet?: boolean;
}

export function registerExport(program: Command, setStatus: (s: number) => void): void {
  const cmd = program
    .command('export')
    .description('export stored events as csv, jsonl or parquet with GDELT or PLOVER column names')
    .option('--db <file>', 'the database file', DEFAULT_DB)
    .option('--format <format>', `file format: ${EXPORT_FORMATS.join(', ')}`, 'csv')
    .option('--profile <profile>', `column names: ${EXPORT_PROFILES.join(', ')}`, 'gdelt')
    .option('-o, --output <file>', 'file to write (default: standard output for csv and jsonl)')
    .option('-q, --quiet', 'no summary line on stderr');
  addFilterOptions(cmd).action(async (opts: ExportCliOptions) => setStatus(await exportCommand(opts)));
}

async function exportCommand(opts: ExportCliOptions): Promise<number> {
  const format = opts.format as ExportFormat;
  const profile = opts.profile as ExportProfile;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`unknown --format ${JSON.stringify(opts.format)}; one of ${EXPORT_FORMATS.join(', ')}`);
  if (!EXPORT_PROFILES.includes(profile)) throw new UsageError(`unknown --profile ${JSON.stringify(opts.profile)}; one of ${EXPORT_PROFILES.join(', ')}`);
  if (!opts.output && format === 'parquet') throw new UsageError('--format parquet needs -o FILE');
  const filter = filterFromOptions(opts);
  const path = opts.output && opts.output !== '-' ? resolve(opts.output) : '/dev/stdout';
  const store = await openDuckDbStore(opts.db, { readOnly: true });
  let n;
  try {
    n = await store.exportEvents({ profile, format, path, filter });
  } finally {
    await store.close();
  }
  if (!opts.quiet) process.stderr.write(`dyad: ${n} event${n === 1 ? '' : 's'} exported (${profile}, ${format})${path === '/dev/stdout' ? '' : ` -> ${opts.output}`}\n`);
  return 0;
}
