// The corpus store interface: what ingest, recode and the query commands need from a database, and the row types.
// No implementation and no SQL here, so that a PostgreSQL store can follow the DuckDB one (duckdb-store.ts).

/** An article as stored: `articles` table. */
export interface ArticleRow {
  article_id: string;
  /** Order of arrival over the store's life; the first article of a cluster names it. */
  seq: number;
  content_hash: string;
  origin: string;
  url: string | null;
  outlet: string | null;
  pub_date: string | null;
  title: string | null;
  text: string;
  /** The near-duplicate cluster: the article_id of its first article. */
  cluster_id: string;
  /** Estimated Jaccard similarity to the cluster (1 for the article that starts it). */
  similarity: number;
  /** MinHash signature, kept so that a later ingest finds reprints of stored articles. */
  signature: number[];
  dict_version: string;
}

/** One article's report of an event: `mentions` table. `event_id` is the corpus-wide event. */
export interface MentionRow {
  article_id: string;
  /** The coder's per-article event id (EventRecord.event_id). */
  mention_id: string;
  event_id: string;
  cluster_id: string;
  date: string | null;
  source_code: string | null;
  source_country: string | null;
  source_sector: string | null;
  source_name: string | null;
  source_text: string | null;
  source_start: number | null;
  source_end: number | null;
  target_code: string | null;
  target_country: string | null;
  target_sector: string | null;
  target_name: string | null;
  target_text: string | null;
  target_start: number | null;
  target_end: number | null;
  cameo: string;
  cameo_name: string;
  plover_event: string | null;
  plover_mode: string | null;
  plover_context: string[];
  /** Null for a code outside CAMEO that an imported dictionary declares without them. */
  goldstein: number | null;
  quad_class: number | null;
  location_text: string | null;
  location_name: string | null;
  location_country: string | null;
  lat: number | null;
  lon: number | null;
  location_start: number | null;
  location_end: number | null;
  sentence: number;
  evidence_start: number;
  evidence_end: number;
  evidence_text: string;
  trigger_start: number;
  trigger_end: number;
  trigger_text: string;
  confidence: number;
  /** Times the article reports it (headline, caption, body). */
  repeats: number;
  /** The record's `why` provenance as JSON text. */
  why: string;
  dict_version: string;
  /** Topic ids of the event's sentence, and the topics with their spans and rules as JSON text. */
  topics: string[];
  topic_spans: string;
}

/** One actor seen in one article: `actor_mentions` table. */
export interface ActorMentionRow {
  article_id: string;
  n: number;
  code: string;
  name: string | null;
  kind: string;
  country: string | null;
  sector: string | null;
  rule: string | null;
  entry: string | null;
  start: number;
  end: number;
  text: string;
  dict_version: string;
}

/** What one ingest batch writes, in one transaction. */
export interface IngestBatch {
  articles: ArticleRow[];
  mentions: MentionRow[];
  actorMentions: ActorMentionRow[];
}

/** The new coding of stored articles (recode), replacing their mentions in one transaction. */
export interface RecodeBatch {
  articleIds: string[];
  dictVersion: string;
  mentions: MentionRow[];
  actorMentions: ActorMentionRow[];
}

/** What ingest needs to know of stored articles to skip them and to find reprints of them. */
export interface StoredArticleKey {
  article_id: string;
  content_hash: string;
  cluster_id: string;
  signature: number[];
}

export type QuadClass = 1 | 2 | 3 | 4;

/** Filters of `dyad events`, `aggregate` and `export`; every value is bound as a parameter. */
export interface EventFilter {
  /** Actor code prefix (`CHNGOV`, `CHN`) or a name (case-insensitive substring), on either side. */
  actor?: string;
  /** Country of the source or the target actor. */
  country?: string;
  /** Country or actor-code prefixes of source and target; `both` also matches target -> source. */
  dyad?: { source: string; target: string; both: boolean };
  /** CAMEO code or root: a prefix (`04` matches 040-046, `042` matches 042 and 0421). */
  cameo?: string;
  plover?: string;
  quadClass?: number[];
  /** Event dates, inclusive, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Place name (substring) or location country code. */
  place?: string;
  /** Words in the evidence sentence (case-insensitive substring). */
  text?: string;
  /** A topic id of data/topics (`TRADE`, `BRI`): events whose sentence names it. */
  topic?: string;
}

export type Period = 'day' | 'week' | 'month' | 'year';
export type GroupBy = 'country' | 'target-country' | 'place' | 'dyad' | 'pair' | 'cameo' | 'root' | 'plover' | 'quad';
export const PERIODS: Period[] = ['day', 'week', 'month', 'year'];
export const GROUPS: GroupBy[] = ['country', 'target-country', 'place', 'dyad', 'pair', 'cameo', 'root', 'plover', 'quad'];

export interface AggregateSpec {
  period?: Period;
  group?: GroupBy;
  filter?: EventFilter;
}

export interface ActorQuery {
  kind?: string;
  country?: string;
  /** Name or code, case-insensitive substring. */
  text?: string;
  limit?: number;
}

export type ExportProfile = 'gdelt' | 'plover';
export type ExportFormat = 'csv' | 'jsonl' | 'parquet';
export const EXPORT_PROFILES: ExportProfile[] = ['gdelt', 'plover'];
export const EXPORT_FORMATS: ExportFormat[] = ['csv', 'jsonl', 'parquet'];

export interface ExportOptions {
  profile: ExportProfile;
  format: ExportFormat;
  /** File to write; it is replaced. */
  path: string;
  filter?: EventFilter;
}

export interface StoreCounts {
  articles: number;
  clusters: number;
  events: number;
  mentions: number;
  actors: number;
}

/** A row of a query result: plain JSON values (numbers, strings, null, arrays). */
export type ResultRow = Record<string, unknown>;

/** One event (`events` row) with every stored mention of it (`mentions` rows with their article's date and title). */
export interface EventDetail {
  event: ResultRow;
  mentions: ResultRow[];
}

/** One article (`articles` row without the signature) with its mentions and actor sightings. */
export interface ArticleDetail {
  article: ResultRow;
  mentions: ResultRow[];
  actors: ResultRow[];
}

export interface CorpusStore {
  /** The database file (or connection name) for messages. */
  readonly location: string;
  schemaVersion(): Promise<number>;
  /** Every stored article's key, in arrival order. */
  storedArticles(): Promise<StoredArticleKey[]>;
  /** The seq the next stored article gets. */
  nextSeq(): Promise<number>;
  /** Writes one batch and refreshes the events and actors it touches, all or nothing. */
  writeBatch(batch: IngestBatch): Promise<void>;
  /** Stored articles not coded with `dictVersion` (all of them with `all`), in arrival order, after `afterSeq`. */
  articlesToRecode(dictVersion: string, all: boolean, afterSeq: number, limit: number): Promise<ArticleRow[]>;
  /** Replaces the coding of some stored articles, all or nothing. */
  replaceCoding(batch: RecodeBatch): Promise<void>;
  /** Events matching the filter, by date then id; `offset` skips that many (paging). */
  events(filter: EventFilter, limit: number, offset?: number): Promise<ResultRow[]>;
  /** One event with its mentions, or null for an unknown id. */
  eventDetail(eventId: string): Promise<EventDetail | null>;
  /** One article with its text, mentions and actor sightings, or null for an unknown id. */
  articleDetail(articleId: string): Promise<ArticleDetail | null>;
  aggregate(spec: AggregateSpec): Promise<ResultRow[]>;
  actors(query: ActorQuery): Promise<ResultRow[]>;
  /** Writes the events matching the filter to a file; returns the number of rows. */
  exportEvents(options: ExportOptions): Promise<number>;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}
