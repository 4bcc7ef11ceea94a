// `dyad dict check|lookup|import`: validates dictionary folders, explains what a phrase codes to, and imports
// PETRARCH/TABARI dictionaries. A thin wrapper: the work is in src/dictionaries/; only this file prints.
import type { Command } from 'commander';
import { isAbsolute, relative, resolve } from 'node:path';
import { checkDictionaries } from '../dictionaries/check.js';
import { loadDictionaries } from '../dictionaries/load.js';
import { formatLookup, lookupPhrase } from '../dictionaries/lookup.js';
import { importPetrarch, PETRARCH_KINDS, type PetrarchKind } from '../dictionaries/petrarch-import.js';
import { UsageError } from '../model/errors.js';

/** A path as the user would type it: relative to the working folder when inside it. */
function show(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

export function registerDict(program: Command, setStatus: (s: number) => void): void {
  const dict = program.command('dict').description('check, look up and import dictionaries');

  dict
    .command('check')
    .description('validate every dictionary file (exit 1 when there are errors; warnings are allowed)')
    .option('--dict <dir>', 'check the dyad-format dictionary folder DIR (actors/, events/) instead of the built-in data/')
    .option('-q, --quiet', 'print errors only')
    .action((opts: { dict?: string; quiet?: boolean }) => {
      const result = checkDictionaries({ dictDir: opts.dict ? resolve(opts.dict) : undefined });
      for (const m of result.messages) {
        if (opts.quiet && m.severity === 'warning') continue;
        process.stdout.write(`${show(m.file)}:${m.line}: ${m.severity}: ${m.message}\n`);
      }
      const what = Object.entries(result.counts).map(([k, v]) => `${v} ${k}`).join(', ');
      process.stderr.write(`dyad: checked ${what}: ${result.errors} error${result.errors === 1 ? '' : 's'}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'}\n`);
      setStatus(result.errors ? 1 : 0);
    });

  dict
    .command('lookup')
    .description('show what a phrase codes to and why: names, role words, event patterns and topics')
    .argument('<phrase>', 'a name, role word or event phrase')
    .option('--date <YYYY-MM-DD>', 'the date people\'s roles are read on (default: today)')
    .option('--dict <dir>', 'look up in the dyad-format dictionary folder DIR instead of the built-in one')
    .action((phrase: string, opts: { date?: string; dict?: string }) => {
      if (opts.date && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new UsageError(`--date must be a date YYYY-MM-DD, got ${JSON.stringify(opts.date)}`);
      const date = opts.date ?? new Date().toISOString().slice(0, 10);
      const dicts = loadDictionaries({ dictDir: opts.dict ? resolve(opts.dict) : undefined });
      const result = lookupPhrase(dicts, phrase, date);
      process.stdout.write(formatLookup(result));
      setStatus(result.found ? 0 : 1);
    });

  dict
    .command('import')
    .description('convert PETRARCH/TABARI dictionaries (verbs, actors, agents, issues, discards) into a dyad dictionary folder')
    .argument('<files...>', 'PETRARCH dictionary files')
    .requiredOption('--out <dir>', 'folder to write (actors/, events/, issues.yaml)')
    .option('--format <format>', 'source format (only petrarch)', 'petrarch')
    .option('--kind <kind>', `treat every FILE as this kind: ${PETRARCH_KINDS.join(', ')} (default: decided by name and content)`)
    .option('-q, --quiet', 'print counts only, not every line that could not be converted')
    .action((files: string[], opts: { out: string; format: string; kind?: string; quiet?: boolean }) => {
      if (opts.format !== 'petrarch') throw new UsageError(`unknown --format ${JSON.stringify(opts.format)}; only petrarch`);
      if (opts.kind && !PETRARCH_KINDS.includes(opts.kind as PetrarchKind)) {
        throw new UsageError(`unknown --kind ${JSON.stringify(opts.kind)}; one of ${PETRARCH_KINDS.join(', ')}`);
      }
      const report = importPetrarch(files.map((f) => resolve(f)), resolve(opts.out), { kind: opts.kind as PetrarchKind | undefined });
      for (const f of report.files) process.stderr.write(`dyad: ${show(f.file)}: read as ${f.kind}\n`);
      if (!opts.quiet) {
        for (const s of report.skipped) process.stdout.write(`${show(s.file)}:${s.line}: ${s.severity}: ${s.message}\n`);
      }
      for (const [k, v] of Object.entries(report.counts)) process.stderr.write(`dyad: ${k}: ${v}\n`);
      const notConverted = report.skipped.filter((s) => s.severity === 'skipped').length;
      const partial = report.skipped.length - notConverted;
      process.stderr.write(`dyad: wrote ${show(resolve(opts.out))}; ${notConverted} line${notConverted === 1 ? '' : 's'} not converted, ${partial} converted with a loss (listed above)\n`);
      setStatus(0);
    });
}
