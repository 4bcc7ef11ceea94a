// `dyad actors`: the actors that appear most in the store, with code, role, country, how their code was found,
// and first and last seen. A thin wrapper over CorpusStore.actors.
import type { Command } from 'commander';
import { DEFAULT_DB, openDuckDbStore } from '../store/duckdb-store.js';
import { formatRows, ROW_FORMATS } from '../store/format-rows.js';
import { rowFormat } from './events.js';
import { positiveInt } from './ingest.js';

interface ActorsOptions {
  db: string;
  format?: string;
  kind?: string;
  country?: string;
  name?: string;
  limit: string;
}

export function registerActors(program: Command, setStatus: (s: number) => void): void {
  program
    .command('actors')
    .description('list the actors that appear most, with their roles')
    .option('--db <file>', 'the database file', DEFAULT_DB)
    .option('-f, --format <format>', `output: ${ROW_FORMATS.join(', ')} (default: table on a terminal, else json)`)
    .option('--kind <kind>', 'person, institution, organisation, government, country or role')
    .option('--country <ISO3>', 'actors of this country')
    .option('--name <text>', 'name or code containing this text')
    .option('--limit <n>', 'at most this many actors', '50')
    .action(async (opts: ActorsOptions) => setStatus(await actorsCommand(opts)));
}

async function actorsCommand(opts: ActorsOptions): Promise<number> {
  const format = rowFormat(opts.format);
  const limit = positiveInt('--limit', opts.limit);
  const store = await openDuckDbStore(opts.db, { readOnly: true });
  try {
    const rows = await store.actors({ kind: opts.kind, country: opts.country, text: opts.name, limit });
    process.stdout.write(formatRows(rows, format));
  } finally {
    await store.close();
  }
  return 0;
}
