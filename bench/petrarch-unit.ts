// Benchmark: imports PETRARCH's PETR.Validate.* dictionaries into a temporary folder, codes the petrarch-unit articles
// with them (`dyad code --dict`) and prints the scorer's lines. Reads ../shared at run time; copies nothing into the repo.
// Run: npx tsc -p tsconfig.build.json && node dist/bench/petrarch-unit.js [--verbose] [--keep] [--shared DIR]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPetrarch } from '../src/dictionaries/petrarch-import.js';

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bin', 'dyad'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('cannot find the dyad repository root');
}

function main(): number {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const keep = args.includes('--keep');
  const root = repoRoot();
  const sharedArg = args.indexOf('--shared');
  const shared = sharedArg >= 0 ? resolve(args[sharedArg + 1]) : join(root, '..', 'shared');
  const dictSrc = join(shared, 'data', 'petrarch2');
  const setDir = join(shared, 'eval', 'peer', 'petrarch-unit');
  if (!existsSync(dictSrc) || !existsSync(setDir)) {
    process.stderr.write(`petrarch-unit: cannot find ${dictSrc} and ${setDir} (use --shared DIR)\n`);
    return 2;
  }
  const files = readdirSync(dictSrc).filter((f) => /^PETR\.Validate\..*\.txt$/.test(f)).sort().map((f) => join(dictSrc, f));
  const work = mkdtempSync(join(tmpdir(), 'dyad-petrarch-unit-'));
  const dictDir = join(work, 'dict');
  try {
    const report = importPetrarch(files, dictDir);
    const lost = report.skipped.filter((s) => s.severity === 'skipped').length;
    process.stdout.write(`import: ${Object.entries(report.counts).map(([k, v]) => `${k} ${v}`).join(', ')} (${lost} lines not converted)\n`);
    const pred = join(work, 'pred.jsonl');
    // `dyad code` exits 1 when it skips an input (the set holds deliberately bad records): still scored.
    const coded = spawnSync(process.execPath, [join(root, 'bin', 'dyad'), 'code', '--format', 'jsonl', '--quiet', '--dict', dictDir, join(setDir, 'articles.jsonl')], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', verbose ? 'inherit' : 'ignore'],
    });
    if (coded.status !== 0 && coded.status !== 1) {
      process.stderr.write(`petrarch-unit: dyad code failed (status ${coded.status})\n`);
      return 3;
    }
    writeFileSync(pred, coded.stdout);
    const scoreArgs = [join(shared, 'eval', 'score.mjs'), '--gold', join(setDir, 'gold.jsonl'), '--pred', pred];
    if (verbose) scoreArgs.push('--level', 'actor+code', '--verbose');
    process.stdout.write(execFileSync(process.execPath, scoreArgs, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    if (keep) process.stdout.write(`kept ${work}\n`);
    return 0;
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = main();
