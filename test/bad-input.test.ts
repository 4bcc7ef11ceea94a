// End to end: a folder with the seed and bad files codes (and parses) the seed, warns once for each other file,
// and exits with status 1 (some input skipped).
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const seedFile = join(root, '..', 'shared', 'eval', 'seed', '000_2f34f73e1548f7b8.txt');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-bad-'));
  copyFileSync(seedFile, join(dir, 'seed.txt'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Le pr\xe9sident a parl\xe9.', 'latin1'));
  // A sparse 60 MB file: refused by the 50 MB default limit before it is read.
  const fd = openSync(join(dir, 'huge.txt'), 'w');
  ftruncateSync(fd, 60 * 1024 * 1024);
  closeSync(fd);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(existsSync(seedFile))('bad input in a batch', () => {
  it('codes the seed, warns once per bad file, and exits 1', () => {
    const r = spawnSync(join(root, 'bin', 'dyad'), ['code', '--format', 'jsonl', dir], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('dyad: warning:'));
    expect(warnings).toHaveLength(4);
    expect(warnings.join('\n')).toMatch(/empty\.txt: file is empty/);
    expect(warnings.join('\n')).toMatch(/image\.png: binary file/);
    expect(warnings.join('\n')).toMatch(/latin1\.txt: not valid UTF-8/);
    expect(warnings.join('\n')).toMatch(/huge\.txt: file is 60\.0 MB, over the limit of 50\.0 MB/);
    expect(r.stderr).toMatch(/dyad: 1 article coded, 4 skipped, \d+ events/);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(events.some((e) => e.source.code === 'CHNLEG' && e.cameo === '040' && e.target.code === 'KAZLEG')).toBe(true);
  });
  it('parses the seed into CoNLL-U, and warns once per bad file', () => {
    const r = spawnSync(join(root, 'bin', 'dyad'), ['parse', dir], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('dyad: warning:'))).toHaveLength(4);
    expect(r.stderr).toMatch(/dyad: 1 article parsed, 4 skipped, \d+ sentences/);
    const sentences = r.stdout.trim().split('\n\n');
    expect(sentences[0]).toMatch(/^# newdoc id = /);
    for (const s of sentences) expect(s.split('\n').filter((l) => /^\d+\t[^\t]+\t[^\t]+\t[A-Z]+\t[^\t]+\t_\t0\troot\t/.test(l))).toHaveLength(1);
  });
  it('exits 2 on a usage error', () => {
    const r = spawnSync(join(root, 'bin', 'dyad'), ['code', '--format', 'xml', dir], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown --format "xml"/);
  });
});
