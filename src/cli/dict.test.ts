// The `dyad dict` commands through the CLI entry: exit statuses and the lines they print.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerDict } from './dict.js';

/** Runs `dyad ARGS` with only the dict commands registered (main.ts reads package.json from dist/ only). */
async function run(argv: string[]): Promise<number> {
  let status = 0;
  const program = new Command().exitOverride();
  registerDict(program, (s) => (status = s));
  await program.parseAsync(argv, { from: 'user' });
  return status;
}

function capture() {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return () => out;
}

function folder(pattern: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-cli-dict-'));
  mkdirSync(join(dir, 'actors'), { recursive: true });
  mkdirSync(join(dir, 'events'), { recursive: true });
  writeFileSync(join(dir, 'actors', 'countries.yaml'), '- code: KAZ\n  iso2: KZ\n  name: Kazakhstan\n');
  writeFileSync(join(dir, 'events', '04.txt'), pattern);
  return dir;
}

afterEach(() => vi.restoreAllMocks());

describe('dyad dict', () => {
  it('check exits 0 on a clean folder and 1 with errors, naming file:line', async () => {
    let out = capture();
    expect(await run(['dict', 'check', '--dict', folder('040 | meet {target} | Kazakhstan met China.\n')])).toBe(0);
    expect(out()).toBe('');
    vi.restoreAllMocks();
    out = capture();
    expect(await run(['dict', 'check', '--dict', folder('040 | meet {target} | x\n999 | meet with {target} | x\n')])).toBe(1);
    expect(out()).toMatch(/04.txt:2: error: unknown CAMEO code "999"/);
  });

  it('lookup prints what a name codes to on a date', async () => {
    const out = capture();
    expect(await run(['dict', 'lookup', 'Kazakhstan', '--date', '2024-01-01', '--dict', folder('040 | meet {target} | x\n')])).toBe(0);
    expect(out()).toMatch(/^Kazakhstan: country \(actors\/countries.yaml:1\) -> KAZ/);
  });

  it('import refuses an unknown format or kind', async () => {
    capture();
    await expect(run(['dict', 'import', '--format', 'tabari', '--out', '/tmp/x', 'f.txt'])).rejects.toThrow(/unknown --format "tabari"/);
    await expect(run(['dict', 'import', '--kind', 'nouns', '--out', '/tmp/x', 'f.txt'])).rejects.toThrow(/unknown --kind "nouns"/);
  });

  it('import writes a folder and lists what it could not convert', async () => {
    const src = join(mkdtempSync(join(tmpdir(), 'dyad-cli-dict-')), 'x.verbs.txt');
    writeFileSync(src, '--- MEET [031] ---\nMEET\n- * TALKS [999]\n- * THE FULL [xyz]\n');
    const out = capture();
    const dir = mkdtempSync(join(tmpdir(), 'dyad-cli-dict-'));
    expect(await run(['dict', 'import', '--out', dir, src])).toBe(0);
    expect(out()).toMatch(/x.verbs.txt:4: skipped: pattern "- \* THE FULL": code xyz is neither a CAMEO code/);
    // A code of digits outside CAMEO is the dictionary's own: declared, and its pattern written with it.
    expect(readFileSync(join(dir, 'events', 'codes.tsv'), 'utf8')).toMatch(/^999\tPETRARCH code 999\t/m);
    expect(readFileSync(join(dir, 'events', 'x-verbs.txt'), 'utf8')).toMatch(/^999 \| meet talks \{target\+place\}/m);
    vi.restoreAllMocks();
    capture();
    expect(await run(['dict', 'check', '--dict', dir])).toBe(0);
  });
});
