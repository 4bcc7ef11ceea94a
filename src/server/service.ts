// The API's service over a CorpusStore: checks query values, pages, bounds query time, shapes events and article
// spans, and serialises writes. It knows nothing of HTTP (no requests, statuses or headers); it throws DyadErrors.
import { DyadError } from '../model/errors.js';
import type { Ontology } from '../dictionaries/ontology.js';
import { filterFromOptions, type FilterOptions } from '../store/filter-options.js';
import type { ActorQuery, CorpusStore, GroupBy, Period, ResultRow, StoreCounts } from '../store/store.js';
import type { ArticleInput, IngestArticlesResult } from '../ingest/ingest-articles.js';

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 100;
export const MAX_AGGREGATE_ROWS = 10000;

export interface ServiceOptions {
  /** A query that takes longer fails with QUERY_TIMEOUT (default 10 s). */
  timeoutMs?: number;
  /** Known CAMEO codes and PLOVER event types: other values are refused. Not checked when absent. */
  vocabulary?: Vocabulary;
  /** Codes and stores articles (POST /api/articles); absent when writing is off. */
  ingest?: (store: CorpusStore, articles: ArticleInput[]) => Promise<IngestArticlesResult>;
}

export interface Vocabulary {
  cameo: string[];
  plover: string[];
}

export function vocabularyFromOntology(ontology: Ontology): Vocabulary {
  const plover = new Set<string>();
  for (const e of ontology.values()) if (e.ploverEvent) plover.add(e.ploverEvent.toUpperCase());
  return { cameo: [...ontology.keys()], plover: [...plover] };
}

export interface EventsQuery extends FilterOptions {
  limit?: number;
  offset?: number;
}

export interface EventsPage {
  events: ResultRow[];
  limit: number;
  offset: number;
  /** The offset of the next page, or null on the last one. */
  next_offset: number | null;
}

export interface AggregateQuery extends FilterOptions {
  period?: Period;
  group?: GroupBy;
}

export interface AggregateResult {
  rows: ResultRow[];
  truncated: boolean;
}

/** A span of an article's text that a page highlights: `text.slice(start, end) === span.text`. */
export interface Span {
  kind: 'source' | 'target' | 'trigger' | 'date' | 'place' | 'evidence';
  start: number;
  end: number;
  text: string;
  event_id: string;
  mention_id: string;
  /** The actor or event code, place or date the span gave. */
  value: string | null;
  /** What produced it: the pattern, rules and dictionary entries (from the record's `why`). */
  why: unknown;
}

export interface ArticleView {
  article: ResultRow;
  events: ResultRow[];
  spans: Span[];
  actors: ResultRow[];
}

export interface DyadService {
  events(q: EventsQuery): Promise<EventsPage>;
  event(eventId: string): Promise<{ event: ResultRow; mentions: ResultRow[] }>;
  aggregate(q: AggregateQuery): Promise<AggregateResult>;
  actors(q: ActorQuery): Promise<ResultRow[]>;
  article(articleId: string): Promise<ArticleView>;
  counts(): Promise<StoreCounts>;
  /** True when addArticles is available. */
  readonly canWrite: boolean;
  addArticles(articles: ArticleInput[]): Promise<IngestArticlesResult>;
}

export function createService(store: CorpusStore, options: ServiceOptions = {}): DyadService {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const lock = new ReadWriteLock();
  const cameoCodes = options.vocabulary?.cameo;
  const plover = options.vocabulary ? new Set(options.vocabulary.plover) : null;

  const read = <T>(what: string, run: () => Promise<T>): Promise<T> => lock.read(run, (p) => withTimeout(p, timeoutMs, what));

  const filterOf = (q: FilterOptions) => {
    const filter = filterFromOptions(q);
    if (filter.from && filter.to && filter.from > filter.to) {
      throw new DyadError('BAD_REQUEST', `from (${filter.from}) is after to (${filter.to})`);
    }
    if (filter.cameo && cameoCodes && !cameoCodes.some((c) => c.startsWith(filter.cameo!))) {
      throw new DyadError('BAD_REQUEST', `unknown CAMEO code ${JSON.stringify(filter.cameo)}: no code of the ontology starts with it`);
    }
    if (filter.plover && plover && !plover.has(filter.plover)) {
      throw new DyadError('BAD_REQUEST', `unknown PLOVER event type ${JSON.stringify(filter.plover)}; one of ${[...plover].sort().join(', ')}`);
    }
    return filter;
  };

  return {
    canWrite: Boolean(options.ingest),

    async events(q) {
      const filter = filterOf(q);
      const limit = Math.min(Math.max(1, Math.trunc(q.limit ?? DEFAULT_PAGE)), MAX_PAGE);
      const offset = Math.max(0, Math.trunc(q.offset ?? 0));
      // One row more than asked says whether there is a next page, without counting every match.
      const rows = await read('events', () => store.events(filter, limit + 1, offset));
      const more = rows.length > limit;
      return { events: rows.slice(0, limit), limit, offset, next_offset: more ? offset + limit : null };
    },

    async event(eventId) {
      const detail = await read('event', () => store.eventDetail(eventId));
      if (!detail) throw new DyadError('NOT_FOUND', `no event ${JSON.stringify(eventId)}`);
      return { event: detail.event, mentions: detail.mentions.map(parseWhy) };
    },

    async aggregate(q) {
      const filter = filterOf(q);
      const rows = await read('aggregate', () => store.aggregate({ period: q.period, group: q.group, filter }));
      return { rows: rows.slice(0, MAX_AGGREGATE_ROWS), truncated: rows.length > MAX_AGGREGATE_ROWS };
    },

    actors(q) {
      const limit = Math.min(Math.max(1, Math.trunc(q.limit ?? 50)), MAX_PAGE);
      return read('actors', () => store.actors({ ...q, limit }));
    },

    async article(articleId) {
      const detail = await read('article', () => store.articleDetail(articleId));
      if (!detail) throw new DyadError('NOT_FOUND', `no article ${JSON.stringify(articleId)}`);
      const mentions = detail.mentions.map(parseWhy);
      return { article: detail.article, events: mentions, spans: mentions.flatMap(spansOf), actors: detail.actors };
    },

    counts() {
      return read('counts', () => store.counts());
    },

    addArticles(articles) {
      const ingest = options.ingest;
      if (!ingest) throw new DyadError('DISABLED', 'storing articles is off');
      // One writer at a time, and no reader inside its transaction: ingest reads the stored keys, then writes.
      return lock.write(() => ingest(store, articles));
    },
  };
}

function parseWhy(row: ResultRow): ResultRow {
  if (typeof row.why !== 'string') return row;
  try {
    return { ...row, why: JSON.parse(row.why) as unknown };
  } catch {
    return row;
  }
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The highlightable spans of one mention: actors, trigger, date phrase, place and evidence sentence. */
function spansOf(m: ResultRow): Span[] {
  const why = (m.why ?? {}) as Record<string, unknown>;
  const base = { event_id: String(m.event_id), mention_id: String(m.mention_id) };
  const out: Span[] = [];
  const add = (kind: Span['kind'], start: unknown, end: unknown, text: unknown, value: unknown, w: unknown) => {
    const s = num(start);
    const e = num(end);
    if (s === null || e === null) return;
    out.push({ kind, start: s, end: e, text: String(text ?? ''), ...base, value: value == null ? null : String(value), why: w ?? null });
  };
  add('source', m.source_start, m.source_end, m.source_text, m.source_code, why.source);
  add('target', m.target_start, m.target_end, m.target_text, m.target_code, why.target);
  add('trigger', m.trigger_start, m.trigger_end, m.trigger_text, m.cameo, why.pattern !== undefined ? { pattern: why.pattern } : null);
  const date = why.date as { rule?: unknown; span?: { start?: unknown; end?: unknown; text?: unknown } } | undefined;
  if (date?.span) add('date', date.span.start, date.span.end, date.span.text, m.date, { rule: date.rule ?? null });
  add('place', m.location_start, m.location_end, m.location_text, m.location_name, why.location);
  add('evidence', m.evidence_start, m.evidence_end, m.evidence_text, null, null);
  return out;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DyadError('QUERY_TIMEOUT', `the ${what} query took longer than ${ms} ms; narrow the filters`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Readers share the store; a writer waits for running readers and holds new ones back until it is done. */
class ReadWriteLock {
  private writeTail: Promise<unknown> = Promise.resolve();
  private writing: Promise<void> | null = null;
  private readonly active = new Set<Promise<unknown>>();

  /** `bound` limits the wait for the result; a writer still waits for the query itself to end. */
  async read<T>(run: () => Promise<T>, bound: (p: Promise<T>) => Promise<T>): Promise<T> {
    while (this.writing) await this.writing;
    const p = run();
    const settled = p.then(() => {}, () => {});
    this.active.add(settled);
    void settled.then(() => this.active.delete(settled));
    return bound(p);
  }

  write<T>(run: () => Promise<T>): Promise<T> {
    const result = this.writeTail.then(async () => {
      let release!: () => void;
      this.writing = new Promise<void>((r) => (release = r));
      try {
        await Promise.all([...this.active]);
        return await run();
      } finally {
        this.writing = null;
        release();
      }
    });
    this.writeTail = result.then(() => {}, () => {});
    return result;
  }
}
