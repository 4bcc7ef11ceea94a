// `dyad aggregate`: event counts, mentions, mean Goldstein and quad-class shares by day/week/month/year and by
// country, dyad or event type. A thin wrapper over CorpusStore.aggregate.
import type { Command } from 'commander';
import { UsageError } from '../model/errors.js';
import { DEFAULT_DB, openDuckDbStore } from '../store/duckdb-store.js';
import { filterFromOptions, type FilterOptions } from '../store/filter-options.js';
import { formatRows, ROW_FORMATS } from '../store/format-rows.js';
import { GROUPS, PERIODS, type GroupBy, type Period } from '../store/store.js';
import { addFilterOptions, rowFormat } from './events.js';

interface AggregateOptions extends FilterOptions {
  db: string;
  format?: string;
  by?: string;
  group?: string;
}

export function registerAggregate(program: Command, setStatus: (s: number) => void): void {
  const cmd = program
    .command('aggregate')
    .description('count events, mentions, mean Goldstein and quad-class shares by period and/or group')
    .option('--db <file>', 'the database file', DEFAULT_DB)
    .option('-f, --format <format>', `output: ${ROW_FORMATS.join(', ')} (default: table on a terminal, else json)`)
    .option('--by <period>', `time period: ${PERIODS.join(', ')}`)
    .option('--group <key>', `group: ${GROUPS.join(', ')} (country = source country; place = where it happened)`);
  addFilterOptions(cmd).action(async (opts: AggregateOptions) => setStatus(await aggregateCommand(opts)));
}

async function aggregateCommand(opts: AggregateOptions): Promise<number> {
  const format = rowFormat(opts.format);
  if (opts.by && !PERIODS.includes(opts.by as Period)) throw new UsageError(`unknown --by ${JSON.stringify(opts.by)}; one of ${PERIODS.join(', ')}`);
  if (opts.group && !GROUPS.includes(opts.group as GroupBy)) throw new UsageError(`unknown --group ${JSON.stringify(opts.group)}; one of ${GROUPS.join(', ')}`);
  const filter = filterFromOptions(opts);
  const store = await openDuckDbStore(opts.db, { readOnly: true });
  try {
    const rows = await store.aggregate({ period: opts.by as Period | undefined, group: opts.group as GroupBy | undefined, filter });
    process.stdout.write(formatRows(rows, format));
  } finally {
    await store.close();
  }
  return 0;
}
