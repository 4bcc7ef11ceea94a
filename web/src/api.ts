// Typed calls to the dyad HTTP API on the same origin (/api/...). Fetching only: no DOM here.

export type Params = Record<string, string | number | boolean | null | undefined>;

export interface EventSummary {
  event_id: string;
  date: string | null;
  source_code: string | null;
  source_name: string | null;
  target_code: string | null;
  target_name: string | null;
  cameo: string;
  cameo_name: string;
  plover_event: string | null;
  goldstein: number | null;
  quad_class: number | null;
  location_name: string | null;
  location_country: string | null;
  lat: number | null;
  lon: number | null;
  topics: string[];
  num_mentions: number;
  num_articles: number;
  num_sources: number;
  first_article_id: string;
  evidence_text: string;
}

export interface EventsPage {
  events: EventSummary[];
  limit: number;
  offset: number;
  next_offset: number | null;
}

export interface AggregateRow {
  period: string;
  events: number;
  mentions: number;
  articles: number;
  mean_goldstein: number;
  quad1_share: number;
  quad2_share: number;
  quad3_share: number;
  quad4_share: number;
  [group: string]: string | number;
}

export type SpanKind = 'source' | 'target' | 'trigger' | 'date' | 'place' | 'evidence';

export interface Span {
  kind: SpanKind;
  start: number;
  end: number;
  text: string;
  event_id: string;
  mention_id: string;
  value: string | null;
  why: unknown;
}

export type Row = Record<string, unknown>;

export interface ArticleView {
  article: Row & { article_id: string; text: string; title: string | null; pub_date: string | null; url: string | null; outlet: string | null };
  events: Row[];
  spans: Span[];
  actors: Row[];
}

export interface Counts {
  articles: number;
  clusters: number;
  events: number;
  mentions: number;
  actors: number;
}

/** An error answer of the API, with its code (BAD_REQUEST, NOT_FOUND...) and message. */
export class ApiError extends Error {
  constructor(public code: string, message: string, public status: number) {
    super(message);
  }
}

export function query(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== false) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function get<T>(path: string, params: Params = {}): Promise<T> {
  const res = await fetch(`api/${path}${query(params)}`, { headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) throw new ApiError(body?.error?.code ?? 'HTTP', body?.error?.message ?? `HTTP ${res.status}`, res.status);
  return body as T;
}

export const api = {
  counts: () => get<Counts>('counts'),
  events: (p: Params) => get<EventsPage>('events', p),
  event: (id: string) => get<{ event: Row; mentions: Row[] }>(`events/${encodeURIComponent(id)}`),
  aggregate: (p: Params) => get<{ rows: AggregateRow[]; truncated: boolean }>('aggregate', p),
  actors: (p: Params) => get<{ actors: Row[] }>('actors', p),
  article: (id: string) => get<ArticleView>(`articles/${encodeURIComponent(id)}`),
};
