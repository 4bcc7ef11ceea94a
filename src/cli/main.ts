// Command-line entry: parses arguments with commander and dispatches to one file per command.
// Only the CLI prints errors and chooses exit codes.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { DyadError } from '../model/errors.js';
import { registerCode } from './code.js';
import { registerParse } from './parse.js';
import { registerDict } from './dict.js';
import { registerIngest } from './ingest.js';
import { registerRecode } from './recode.js';
import { registerEvents } from './events.js';
import { registerAggregate } from './aggregate.js';
import { registerActors } from './actors.js';
import { registerExport } from './export.js';
import { registerServe } from './serve.js';

export const EXIT = { ok: 0, inputFailed: 1, usage: 2, internal: 3, store: 4 } as const;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs dyad with `argv` (without node and script) and returns the exit status. */
export async function run(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name('dyad')
    .description('Code news articles into political event records (CAMEO and PLOVER), with evidence for every field.')
    .version(version())
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let status: number = EXIT.ok;
  registerCode(program, (s) => (status = s));
  registerParse(program, (s) => (status = s));
  registerDict(program, (s) => (status = s));
  registerIngest(program, (s) => (status = s));
  registerRecode(program, (s) => (status = s));
  registerEvents(program, (s) => (status = s));
  registerAggregate(program, (s) => (status = s));
  registerActors(program, (s) => (status = s));
  registerExport(program, (s) => (status = s));
  registerServe(program, (s) => (status = s));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return status;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof DyadError) {
      process.stderr.write(`dyad: error: ${e.message}\n`);
      if (e.code.startsWith('STORE')) return EXIT.store;
      return e.code === 'USAGE' || e.code.startsWith('DICT') ? EXIT.usage : EXIT.internal;
    }
    process.stderr.write(`dyad: internal error: ${(e as Error).stack ?? e}\n`);
    return EXIT.internal;
  }
}
