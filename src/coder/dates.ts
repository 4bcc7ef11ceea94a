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

/** Date expressions of a sentence, each resolved; cached per sentence by the caller if needed. */
/**
 * Words without which chrono-node finds no date (a digit, a month or weekday name or abbreviation, a casual word or
 * a time unit): a sentence with none of them is not handed to chrono, the costliest step of date resolution.
 */
export const MAY_HOLD_DATE = new RegExp(
  '\\d|\\b(?:now|today|tonight|tomorrow|tmrw?|yesterday|noon|midnight|morning|afternoon|evening|night|ago|weekend|' +
    '(?:sec|second|min|minute|hr|hour|day|week|fortnight|month|qtr|quarter|yr|year|decade)s?|' +
    'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|' +
    'nov|november|dec|december|sun|sunday|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|' +
    'sat|saturday)\\b',
  'i',
);

export function sentenceDates(doc: Doc, sent: Sentence, reference: string | null): { date: string; span: Span; rule: string }[] {
  if (!reference) return [];
  const text = doc.article.text.slice(sent.start, sent.end);
  if (!MAY_HOLD_DATE.test(text)) return [];
  const ref = new Date(`${reference}T12:00:00Z`);
  const results = chrono.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false });
  const out: { date: string; span: Span; rule: string }[] = [];
  for (const r of results) {
    const start = sent.start + r.index;
    const span = { start, end: start + r.text.length, text: r.text };
    const c = r.start;
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
