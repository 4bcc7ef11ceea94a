// The prefilter of sentenceDates must never hide a date from chrono-node: every sentence in which chrono finds
// a date passes it, and chrono finds the same dates in the date windows as in the whole sentence, on hand-written
// sentences and on every sentence of the shared benchmark articles.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { MAY_HOLD_DATE, dateWindows, usableDate } from './dates.js';

const ref = new Date('2024-04-25T12:00:00Z');
// Only the results dyad uses (a weekday, or a day with its month) are compared.
const parse = (s: string) => chrono.parse(s, { instant: ref, timezone: 0 }, { forwardDate: false }).filter((r) => usableDate(r.start, r.text));
const dated = (s: string) => parse(s).length > 0;
const show = (index: number, r: chrono.ParsedResult) => `${index}|${r.text}|${r.start.date().toISOString()}`;
const whole = (s: string) => parse(s).map((r) => show(r.index, r)).join(';');
const windowed = (s: string) => dateWindows(s).flatMap(([a, b]) => parse(s.slice(a, b)).map((r) => show(a + r.index, r))).join(';');

describe('MAY_HOLD_DATE', () => {
  it('lets through sentences with a date expression, in many forms', () => {
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
      expect(MAY_HOLD_DATE.test(s), s).toBe(true);
    }
  });

  it('gives chrono the stretches around date words, merged, with the same dates as the whole sentence', () => {
    const s = 'Officials met in the capital on Monday, April 8, and the talks, which had stalled for years after the border war, resume at midday.';
    const w = dateWindows(s);
    expect(w.length).toBeGreaterThan(0);
    for (const [a, b] of w) expect(a === 0 || /\s/.test(s[a - 1])).toBe(true);
    expect(windowed(s)).toBe(whole(s));
    expect(dateWindows('No date here at all.')).toEqual([]);
  });

  it('dates events by days and weekdays, not by spans of time units counted from the reference', () => {
    for (const s of ['Troops withdrew two days ago.', 'Talks resumed last week in Geneva.', 'The ministers met on Thursday.', 'The accord was signed on Nov. 3.', 'The envoy arrived yesterday.']) expect(dated(s), s).toBe(true);
    for (const s of [
      'Parliament approved martial law for 30 days.',
      'Protests have gone on for the past two weeks.',
      'The rebels must withdraw within 48 hours.',
      'Elections will be held in two weeks.',
      'A truce was agreed three days later.',
      'Talks resumed a week after the vote.',
      'The envoy left the next day.',
      'Talks will resume next week in Geneva.',
    ])
      expect(dated(s), s).toBe(false);
    // The duration does not hide the weekday beside it.
    expect(parse('He placed the country under martial law for 30 days by decree on Monday.').map((r) => r.text)).toEqual(['on Monday']);
  });

  it('stops sentences with no date word', () => {
    expect(MAY_HOLD_DATE.test('The foreign minister condemned the attack on the embassy.')).toBe(false);
    expect(MAY_HOLD_DATE.test('Officials in the market said prices were stable.')).toBe(false);
    // A bare number gives chrono at most a time or a year, which date no event.
    expect(MAY_HOLD_DATE.test('Police said 37 people were hurt in 2019 clashes.')).toBe(false);
    expect(dated('Police said 37 people were hurt in 2019 clashes.')).toBe(false);
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
    const differ: string[] = [];
    for (const t of texts) {
      for (const s of t.split(/(?<=[.!?])\s+|\n+/)) {
        if (!s.trim()) continue;
        if (!MAY_HOLD_DATE.test(s)) {
          if (dated(s)) missed.push(s);
          continue;
        }
        if (windowed(s) !== whole(s)) differ.push(s);
      }
    }
    expect(missed).toEqual([]);
    expect(differ).toEqual([]);
  });
});
