// Checks the filter options of the question commands (strings from the command line) and builds an EventFilter.
// Throws UsageError naming the option; no SQL here (queries.ts binds every value).
import { UsageError } from '../model/errors.js';
import type { EventFilter } from './store.js';

export interface FilterOptions {
  actor?: string;
  country?: string;
  dyad?: string;
  both?: boolean;
  cameo?: string;
  plover?: string;
  quad?: string;
  from?: string;
  to?: string;
  place?: string;
  text?: string;
  topic?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function filterFromOptions(o: FilterOptions): EventFilter {
  const f: EventFilter = {};
  if (o.actor) f.actor = o.actor;
  if (o.country) {
    if (!/^[A-Za-z]{3}$/.test(o.country)) throw new UsageError(`--country must be a three-letter code (CHN), got ${JSON.stringify(o.country)}`);
    f.country = o.country.toUpperCase();
  }
  if (o.dyad) {
    const m = /^([A-Za-z]{3,}):([A-Za-z]{3,})$/.exec(o.dyad);
    if (!m) throw new UsageError(`--dyad must be SOURCE:TARGET codes (CHN:KAZ), got ${JSON.stringify(o.dyad)}`);
    f.dyad = { source: m[1].toUpperCase(), target: m[2].toUpperCase(), both: Boolean(o.both) };
  } else if (o.both) throw new UsageError('--both needs --dyad');
  if (o.cameo) {
    if (!/^\d{2,4}$/.test(o.cameo)) throw new UsageError(`--cameo must be a CAMEO code or root of 2 to 4 digits (04, 042), got ${JSON.stringify(o.cameo)}`);
    f.cameo = o.cameo;
  }
  if (o.plover) f.plover = o.plover.toUpperCase();
  if (o.quad) {
    const q = o.quad.split(',').map((s) => Number(s.trim()));
    if (!q.every((n) => Number.isInteger(n) && n >= 1 && n <= 4)) throw new UsageError(`--quad must be quad classes 1-4, comma-separated, got ${JSON.stringify(o.quad)}`);
    f.quadClass = q;
  }
  for (const k of ['from', 'to'] as const) {
    const v = o[k];
    if (v === undefined) continue;
    if (!DATE.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError(`--${k} must be a date YYYY-MM-DD, got ${JSON.stringify(v)}`);
    f[k] = v;
  }
  if (o.place) f.place = o.place;
  if (o.text) f.text = o.text;
  if (o.topic) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(o.topic)) throw new UsageError(`--topic must be a topic id (TRADE, BRI), got ${JSON.stringify(o.topic)}`);
    f.topic = o.topic.toUpperCase();
  }
  return f;
}
