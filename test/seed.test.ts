// End to end: `bin/dyad code` on the seed article yields every required gold event, field by field.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const seedDir = join(root, '..', 'shared', 'eval', 'seed');
const seedFile = join(seedDir, '000_2f34f73e1548f7b8.txt');

interface Gold { source: string; target: string | null; cameo: string; alt_cameo?: string[]; plover: string | null; symmetric?: boolean; date: string | null; location: string | null; optional: boolean }

describe.runIf(existsSync(seedFile))('seed article', () => {
  const out = execFileSync(join(root, 'bin', 'dyad'), ['code', '--format', 'jsonl', seedFile], { encoding: 'utf8' });
  const events = out.trim().split('\n').map((l) => JSON.parse(l));
  const gold = JSON.parse(readFileSync(join(seedDir, 'gold.jsonl'), 'utf8').trim().split('\n')[0]).events as Gold[];
  const text = readFileSync(seedFile, 'utf8');

  for (const g of gold.filter((x) => !x.optional)) {
    it(`codes ${g.source} ${g.cameo} ${g.target}`, () => {
      const codes = [g.cameo, ...(g.alt_cameo ?? [])];
      const match = events.find((e) => {
        const direct = e.source.code.startsWith(g.source) && (e.target?.code ?? '').startsWith(g.target ?? '');
        const reverse = g.symmetric && e.target && e.target.code.startsWith(g.source) && e.source.code.startsWith(g.target ?? '');
        return (direct || reverse) && codes.includes(e.cameo);
      });
      expect(match, `no event ${g.source} ${g.cameo} ${g.target}`).toBeDefined();
      expect(match.plover.event).toBe(g.plover);
      expect(match.date).toBe(g.date);
      if (g.location) expect(match.location.country).toBe(g.location);
      expect(text.slice(match.evidence.start, match.evidence.end)).toBe(match.evidence.text);
      expect(match.event_id).toMatch(/^[0-9a-f]{16}$/);
    });
  }

  it('codes no event twice and gives stable ids', () => {
    const again = execFileSync(join(root, 'bin', 'dyad'), ['code', '--format', 'jsonl', seedFile], { encoding: 'utf8' });
    expect(again).toBe(out);
    const keys = events.map((e) => `${e.source.code}|${e.target?.code}|${e.cameo}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
