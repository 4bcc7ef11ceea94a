// `dyad events`: lists stored events matching filters (actor, country, dyad, CAMEO, PLOVER, quad class, dates,
// place, text) as a table, CSV or JSON. A thin wrapper over CorpusStore.events.
import type { Command } from 'commander';
import { UsageError } from '../model/errors.js';
import { DEFAULT_DB, openDuckDbStore } from '../store/duckdb-store.js';
import { filterFromOptions, type FilterOptions } from '../store/filter-options.js';
import { formatRows, ROW_FORMATS, type RowFormat } from '../store/format-rows.js';
import { positiveInt } from './ingest.js';

/** The filter options shared by events, aggregate and export. */
export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--actor <code|name>', 'actor code prefix (CHNGOV, CHN) or name, as source or target')
    .option('--country <ISO3>', 'country of the source or the target')
    .option('--dyad <SRC:TGT>', 'source and target code prefixes, e.g. CHN:KAZ')
    .option('--both', 'with --dyad: either direction')
    .option('--cameo <code>', 'CAMEO code or root (04, 042)')
    .option('--plover <type>', 'PLOVER event type (CONSULT)')
    .option('--quad <classes>', 'quad classes, comma-separated (1,2)')
    .option('--from <YYYY-MM-DD>', 'events on or after this date')
    .option('--to <YYYY-MM-DD>', 'events on or before this date')
    .option('--place <name|ISO3>', 'place name or country of the event')
    .option('--text <words>', 'words in the evidence sentence')
    .option('--topic <id>', 'events whose sentence names this topic (TRADE, BRI: data/topics/)');
}

export function rowFormat(format: string | undefined): RowFormat {
  const f = (format ?? (process.stdout.isTTY ? 'table' : 'json')) as RowFormat;
  if (!ROW_FORMATS.includes(f)) throw new UsageError(`unknown --format ${JSON.stringify(format)}; one of ${ROW_FORMATS.join(', ')}`);
  return f;
}

interface EventsOptions extends FilterOptions {
  db: string;
  format?: string;
  limit: string;
}

export function registerEvents(program: Command, setStatus: (s: number) => void): void {
  const cmd = program
    .command('events')
    .description('list stored events, one per event with its mention, article and source counts')
    .option('--db <file>', 'the database file', DEFAULT_DB)
    .option('-f, --format <format>', `output: ${ROW_FORMATS.join(', ')} (default: table on a terminal, else json)`)
    .option('--limit <n>', 'at most this many events', '100');
  addFilterOptions(cmd).action(async (opts: EventsOptions) => setStatus(await eventsCommand(opts)));
}

async function eventsCommand(opts: EventsOptions): Promise<number> {
  const format = rowFormat(opts.format);
  const filter = filterFromOptions(opts);
  const limit = positiveInt('--limit', opts.limit);
  const store = await openDuckDbStore(opts.db, { readOnly: true });
  try {
    const rows = await store.events(filter, limit);
    process.stdout.write(formatRows(rows, format));
  } finally {
    await store.close();
  }
  return 0;
}
