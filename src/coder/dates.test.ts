// The prefilter of sentenceDates must never hide a date from chrono-node: every sentence in which chrono finds
// a date passes it, on hand-written sentences and on every sentence of the shared benchmark articles.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { MAY_HOLD_DATE } from './dates.js';

const ref = new Date('2024-04-25T12:00:00Z');
const dated = (s: string) => chrono.parse(s, { instant: ref, timezone: 0 }, { forwardDate: false }).length > 0;

describe('MAY_HOLD_DATE', () => {
  it('lets through sentences chrono dates, in many forms', () => {
    for (const s of [
      'The ministers met on Thursday.',
      'Talks resumed last week in Geneva.',
      'The envoy arrived yesterday.',
      'Troops withdrew three days ago.',
      'The accord was signed in March.',
      'Elections are due next year.',
      'Parliament voted on 12/05/2023.',
      'The summit opens this morning.',
      'Protests continued into the night.',
    ]) {
      expect(dated(s), s).toBe(true);
      expect(MAY_HOLD_DATE.test(s), s).toBe(true);
    }
  });

  it('stops sentences with no date word', () => {
    expect(MAY_HOLD_DATE.test('The foreign minister condemned the attack on the embassy.')).toBe(false);
    expect(MAY_HOLD_DATE.test('Officials in the market said prices were stable.')).toBe(false);
  });

  const shared = join(import.meta.dirname, '..', '..', '..', 'shared', 'eval');
  it.runIf(existsSync(shared))('lets through every sentence of the benchmark articles that chrono dates', () => {
    const texts: string[] = [];
    for (const f of readdirSync(join(shared, 'dev'))) texts.push(readFileSync(join(shared, 'dev', f), 'utf8'));
    for (const peer of ['plover-gsr', 'petrarch-unit']) {
      const file = join(shared, 'peer', peer, 'articles.jsonl');
      if (!existsSync(file)) continue;
      for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
    }
    const missed: string[] = [];
    for (const t of texts) for (const s of t.split(/(?<=[.!?])\s+|\n+/)) if (s.trim() && !MAY_HOLD_DATE.test(s) && dated(s)) missed.push(s);
    expect(missed).toEqual([]);
  });
});
