// Resolves the date of an event: a date expression in its sentence (chrono-node), read against the dateline
// and the publication date; a weekday alone never lands after the dateline unless the verb looks ahead.
import * as chrono from 'chrono-node';
import type { Doc, Sentence, Span } from '../model/types.js';

export interface DateResolution {
  date: string | null;
  span: Span | null;
  rule: string;
}

const FUTURE = /\b(will|shall|is due to|are due to|is set to|are set to|plans? to|is scheduled|are scheduled|next|is to|are to|is expected to|are expected to)\b/i;
const DAY = 86400000;

/**
 * Words without which chrono-node finds no date that dyad uses (a numeric date, a month or weekday name or
 * abbreviation, a casual word or a time unit, as chrono's English parsers list them; a bare number gives at most a
 * time or a year): a sentence with none of them is not handed to chrono.
 */
const DATE_WORDS =
  '\\d{1,4}[/.-]\\d{1,2}|\\b(?:now|today|tonight|tomorrow|overmorrow|tmr|tmrw|yesterday|noon|midday|midnight|morning|afternoon|evening|night|' +
  'ago|weekend|(?:sec|second|min|minute|hr|hour|day|week|fortnight|month|qtr|quarter|yr|year|decade)s?|' +
  'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|' +
  'nov|november|dec|december|sun|sunday|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|' +
  'sat|saturday)\\b';
export const MAY_HOLD_DATE = new RegExp(DATE_WORDS, 'i');
const DATE_WORDS_ALL = new RegExp(DATE_WORDS, 'gi');
/** Characters of context kept on each side of a date word: a date expression is local (`on Monday, April 8`). */
const WINDOW_PAD = 40;

/**
 * The stretches of a sentence around its date words, widened to whole words and merged where they touch: chrono reads
 * these instead of the whole sentence (a third of the time, the same dates on the benchmark articles).
 */
export function dateWindows(text: string): [number, number][] {
  const out: [number, number][] = [];
  DATE_WORDS_ALL.lastIndex = 0;
  for (let m = DATE_WORDS_ALL.exec(text); m; m = DATE_WORDS_ALL.exec(text)) {
    let a = Math.max(0, m.index - WINDOW_PAD);
    let b = Math.min(text.length, m.index + m[0].length + WINDOW_PAD);
    while (a > 0 && !/\s/.test(text[a - 1])) a--;
    while (b < text.length && !/\s/.test(text[b])) b++;
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** A number of time units: chrono counts it from the reference date, but in news it rarely is. */
const TIME_UNITS = /\b(?:sec|second|min|minute|hr|hour|day|week|fortnight|month|qtr|quarter|yr|year|decade)s?\b/i;

/** `a day after`, `two days before`: units counted from the date of another event, which the sentence may name. */
const COUNTED = /\b(?:after|before)$/i;

/**
 * A chrono result dyad can date an event by: a weekday, or a day with its month; not a span of time units, which chrono
 * counts from the reference date: a duration (`martial law for 30 days`, `the past two weeks`), a deadline (`within 48
 * hours`, `in two weeks`), a day counted from another event (`a day after`, `three days later`, `the next day`) or a
 * week ahead (`next week`). Units counted back from the reference (`two days ago`, `last week`) are kept.
 */
export function usableDate(c: chrono.ParsedComponents, text: string): boolean {
  if (TIME_UNITS.test(text) && !/\bago\b|^last week$/i.test(text)) return false;
  return (c.isCertain('weekday') && !c.isCertain('day')) || (c.isCertain('day') && c.isCertain('month'));
}

/** Date expressions of a sentence, each resolved; cached per sentence by the caller if needed. */
export function sentenceDates(doc: Doc, sent: Sentence, reference: string | null): { date: string; span: Span; rule: string }[] {
  if (!reference) return [];
  const text = doc.article.text.slice(sent.start, sent.end);
  const ref = new Date(`${reference}T12:00:00Z`);
  const results: { index: number; text: string; start: chrono.ParsedComponents }[] = [];
  for (const [a, b] of dateWindows(text)) {
    for (const r of chrono.parse(text.slice(a, b), { instant: ref, timezone: 0 }, { forwardDate: false })) results.push({ index: a + r.index, text: r.text, start: r.start });
  }
  const out: { date: string; span: Span; rule: string }[] = [];
  const counted: { span: Span; days: number }[] = [];
  for (const r of results) {
    const start = sent.start + r.index;
    const span = { start, end: start + r.text.length, text: r.text };
    const c = r.start;
    if (TIME_UNITS.test(r.text) && COUNTED.test(r.text)) counted.push({ span, days: Math.round((c.date().getTime() - ref.getTime()) / DAY) });
    if (!usableDate(c, r.text)) continue;
    // `sat down` is no Saturday: a weekday is written with a capital.
    if (c.isCertain('weekday') && !c.isCertain('day') && !/\p{Lu}/u.test(r.text)) continue;
    if (c.isCertain('weekday') && !c.isCertain('day')) {
      const weekday = c.get('weekday') ?? 0;
      const future = FUTURE.test(text);
      out.push({ date: weekdayNear(ref, weekday, future), span, rule: future ? 'weekday-next-after-dateline' : 'weekday-on-or-before-dateline' });
    } else if (c.isCertain('day') && c.isCertain('month')) {
      let d = c.date();
      // A month and day without a year belong to the year that keeps them near the reference (Dec. 30 in January).
      if (!c.isCertain('year') && d.getTime() - ref.getTime() > 7 * DAY) d = new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate()));
      out.push({ date: iso(d), span, rule: 'date-expression' });
    }
  }
  // `on Monday, a day after Russian forces seized ...`: what follows `a day after` happened the day before Monday.
  // chrono counts the units from the reference date; they are counted from the sentence's nearest date instead.
  if (counted.length && out.length) {
    const absolute = out.slice();
    for (const k of counted) {
      let anchor = absolute[0];
      for (const d of absolute) if (Math.abs(d.span.start - k.span.start) < Math.abs(anchor.span.start - k.span.start)) anchor = d;
      const d = new Date(Date.parse(`${anchor.date}T12:00:00Z`) - k.days * DAY);
      out.push({ date: iso(d), span: k.span, rule: `counted-from-${anchor.rule}` });
    }
    out.sort((a, b) => a.span.start - b.span.start);
  }
  return out;
}

/** The event date for a trigger: the expression nearest the trigger, else the last one of an earlier body
 * sentence, else the dateline, else the publication date. */
export function resolveEventDate(
  doc: Doc,
  triggerStart: number,
  dates: { date: string; span: Span; rule: string }[],
  datelineDate: string | null,
  published: string | null,
  earlier: { date: string; span: Span; rule: string } | null = null,
): DateResolution {
  if (dates.length) {
    let best = dates[0];
    for (const d of dates) if (Math.abs(d.span.start - triggerStart) < Math.abs(best.span.start - triggerStart)) best = d;
    return { date: best.date, span: best.span, rule: best.rule };
  }
  // Wire copy dates its lead (`on Sunday`) and not each later sentence about the same events.
  if (earlier) return { date: earlier.date, span: earlier.span, rule: `earlier-sentence:${earlier.rule}` };
  if (datelineDate) return { date: datelineDate, span: doc.dateline?.span ?? null, rule: 'dateline-date' };
  if (published) return { date: published, span: null, rule: 'publication-date' };
  return { date: null, span: null, rule: 'no-date' };
}

function weekdayNear(ref: Date, weekday: number, future: boolean): string {
  const refDay = ref.getUTCDay();
  const back = (refDay - weekday + 7) % 7;
  if (!future) return iso(new Date(ref.getTime() - back * DAY));
  const ahead = (weekday - refDay + 7) % 7 || 7;
  return iso(new Date(ref.getTime() + ahead * DAY));
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
