// The corpus store in an embedded DuckDB file: schema migrations, batch writes in transactions, derived event and
// actor rows, queries and exports. Every value is bound as a parameter; it never prints and never exits.
import { appendRows, tableColumns, type TableColumn } from './appender.js';
import { existsSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { StoreError } from '../model/errors.js';
import { COPY_OPTIONS, profileColumns } from './export-profiles.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.js';
import {
  actorMentionsOfArticleQuery, articleByIdQuery, eventByIdQuery, eventsPageQuery, mentionsOfArticleQuery, mentionsOfEventQuery,
} from './detail-queries.js';
import { actorsQuery, aggregateQuery, whereEvents, type Sql } from './queries.js';
import { classifyDuckDbError } from './store-errors.js';
import type {
  ActorMentionRow, ActorQuery, AggregateSpec, ArticleDetail, ArticleRow, CorpusStore, EventDetail, EventFilter, ExportOptions,
  IngestBatch, MentionRow, RecodeBatch, ResultRow, StoreCounts, StoredArticleKey,
} from './store.js';

export const DEFAULT_DB = 'dyad.duckdb';

export interface OpenOptions {
  /** Open for reading only: the file must exist, and other readers may share it. */
  readOnly?: boolean;
}

/** Opens (creating and migrating when writable) the DuckDB store at `path`. */
export async function openDuckDbStore(path: string, options: OpenOptions = {}): Promise<CorpusStore> {
  if (options.readOnly && !existsSync(path)) {
    throw new StoreError('STORE_OPEN', 'no such database; create it with `dyad ingest`', { where: path });
  }
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  try {
    instance = await DuckDBInstance.create(path, options.readOnly ? { access_mode: 'READ_ONLY' } : {});
    conn = await instance.connect();
  } catch (e) {
    throw classifyDuckDbError(e, path, 'open');
  }
  const store = new DuckDbStore(path, instance, conn, Boolean(options.readOnly));
  try {
    await store.migrate();
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

const KEY_LIST = `(SELECT unnest(from_json(CAST(? AS JSON), '["VARCHAR"]')))`;

const EVENT_COLUMNS = `event_id, cluster_id, date, source_code, source_country, source_sector, source_name,
  target_code, target_country, target_sector, target_name, cameo, cameo_root, cameo_name, plover_event, plover_mode,
  plover_context, goldstein, quad_class, location_name, location_country, lat, lon, first_article_id, first_mention_id,
  source_url, evidence_text, sentence, evidence_start, evidence_end, confidence, num_mentions, num_articles, num_sources,
  first_seen, dict_version, topics`;

/** Rebuilds the events of the given ids from their mentions; the earliest stored mention gives the fields. */
const REFRESH_EVENTS = `INSERT INTO events (${EVENT_COLUMNS})
  WITH m AS (
    SELECT m.*, a.seq, a.outlet, a.url, a.pub_date FROM mentions m JOIN articles a ON a.article_id = m.article_id
    WHERE m.event_id IN ${KEY_LIST}
  ), c AS (
    SELECT event_id, CAST(sum(repeats) AS INTEGER) AS num_mentions, CAST(count(DISTINCT article_id) AS INTEGER) AS num_articles,
      CAST(count(DISTINCT coalesce(outlet, '')) AS INTEGER) AS num_sources, min(pub_date) AS first_seen
    FROM m GROUP BY event_id
  ), f AS (
    SELECT * FROM m QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY seq, evidence_start, mention_id) = 1
  )
  SELECT f.event_id, f.cluster_id, f.date, f.source_code, f.source_country, f.source_sector, f.source_name,
    f.target_code, f.target_country, f.target_sector, f.target_name, f.cameo, substr(f.cameo, 1, 2), f.cameo_name,
    f.plover_event, f.plover_mode, f.plover_context, f.goldstein, f.quad_class, f.location_name, f.location_country,
    f.lat, f.lon, f.article_id, f.mention_id, f.url, f.evidence_text, f.sentence, f.evidence_start, f.evidence_end,
    f.confidence, c.num_mentions, c.num_articles, c.num_sources, c.first_seen, f.dict_version, f.topics
  FROM f JOIN c ON c.event_id = f.event_id`;

/** Rebuilds the actors of the given keys from their sightings. */
const REFRESH_ACTORS = `INSERT INTO actors (actor_key, code, name, kind, role, sector, country, learned_by, entry,
    first_seen, last_seen, num_mentions, num_articles, dict_version)
  WITH s AS (
    SELECT am.*, a.pub_date, a.seq * 100000 + am.n AS ord FROM actor_mentions am JOIN articles a ON a.article_id = am.article_id
    WHERE am.actor_key IN ${KEY_LIST}
  )
  SELECT actor_key, arg_min(code, ord), arg_min(name, ord), arg_min(kind, ord), nullif(substr(arg_min(code, ord), 4), ''),
    arg_min(sector, ord), arg_min(country, ord), arg_min(rule, ord), arg_min(entry, ord), min(pub_date), max(pub_date),
    CAST(count(*) AS INTEGER), CAST(count(DISTINCT article_id) AS INTEGER), arg_max(dict_version, ord)
  FROM s GROUP BY actor_key`;

class DuckDbStore implements CorpusStore {
  private closed = false;
  /** Column order and types of the tables rows are appended to, read once. */
  private readonly columns = new Map<string, TableColumn[]>();

  constructor(
    readonly location: string,
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    private readonly readOnly: boolean,
  ) {}

  private async rows(q: Sql | string, action = 'query'): Promise<ResultRow[]> {
    const { sql, params } = typeof q === 'string' ? { sql: q, params: [] } : q;
    try {
      const reader = await this.conn.runAndReadAll(sql, params as DuckDBValue[]);
      return reader.getRowObjectsJS().map(plain);
    } catch (e) {
      throw classifyDuckDbError(e, this.location, action);
    }
  }

  private async exec(sql: string, params: DuckDBValue[] = [], action = 'write'): Promise<number> {
    try {
      const r = await this.conn.run(sql, params);
      return r.rowsChanged;
    } catch (e) {
      throw classifyDuckDbError(e, this.location, action);
    }
  }

  /** Appends rows to a table within the open transaction (DuckDB's appender, columns in the table's order). */
  private async append(table: string, rows: Record<string, unknown>[]): Promise<void> {
    if (!rows.length) return;
    try {
      let columns = this.columns.get(table);
      if (!columns) this.columns.set(table, (columns = await tableColumns(this.conn, table)));
      await appendRows(this.conn, table, columns, rows);
    } catch (e) {
      throw classifyDuckDbError(e, this.location, 'write');
    }
  }

  /** Runs `body` in one transaction: committed whole or rolled back whole. */
  private async transaction(body: () => Promise<void>): Promise<void> {
    await this.exec('BEGIN TRANSACTION');
    try {
      await body();
      await this.exec('COMMIT');
    } catch (e) {
      try {
        await this.conn.run('ROLLBACK');
      } catch {
        // The transaction is already aborted; the error that aborted it is the one to report.
      }
      throw e;
    }
  }

  async migrate(): Promise<void> {
    const tables = (await this.rows(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'`, 'open')).map(
      (r) => String(r.table_name),
    );
    let current = 0;
    if (tables.includes('schema_version')) {
      const rows = await this.rows(`SELECT max(version) AS v FROM schema_version`, 'open');
      current = Number(rows[0]?.v ?? 0);
    } else if (tables.length) {
      throw new StoreError('STORE_FOREIGN', `not a dyad database (it has tables ${tables.slice(0, 5).join(', ')} but no schema_version); use another --db`, { where: this.location });
    }
    if (current > LATEST_SCHEMA_VERSION) {
      throw new StoreError('STORE_VERSION', `database schema version ${current} is newer than this dyad knows (${LATEST_SCHEMA_VERSION}); upgrade dyad`, { where: this.location });
    }
    if (current === LATEST_SCHEMA_VERSION) return;
    if (this.readOnly) {
      throw new StoreError('STORE_VERSION', `database schema version ${current} is older than ${LATEST_SCHEMA_VERSION}; run \`dyad ingest\` on it once to upgrade`, { where: this.location });
    }
    if (!tables.includes('schema_version')) {
      await this.exec(`CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`, [], 'migrate');
    }
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      await this.transaction(async () => {
        for (const sql of m.statements) await this.exec(sql, [], 'migrate');
        await this.exec(`INSERT INTO schema_version (version, description) VALUES (?, ?)`, [m.version, m.description], 'migrate');
      });
    }
  }

  async schemaVersion(): Promise<number> {
    const rows = await this.rows(`SELECT max(version) AS v FROM schema_version`);
    return Number(rows[0]?.v ?? 0);
  }

  async storedArticles(): Promise<StoredArticleKey[]> {
    const rows = await this.rows(`SELECT article_id, content_hash, cluster_id, signature FROM articles ORDER BY seq`);
    return rows as unknown as StoredArticleKey[];
  }

  async nextSeq(): Promise<number> {
    const rows = await this.rows(`SELECT coalesce(max(seq), -1) + 1 AS s FROM articles`);
    return Number(rows[0].s);
  }

  async writeBatch(batch: IngestBatch): Promise<void> {
    if (!batch.articles.length) return;
    const eventIds = [...new Set(batch.mentions.map((m) => m.event_id))];
    const actorKeys = [...new Set(batch.actorMentions.map(actorKey))];
    await this.transaction(async () => {
      await this.append('articles', batch.articles as unknown as Record<string, unknown>[]);
      await this.append('mentions', batch.mentions as unknown as Record<string, unknown>[]);
      await this.append('actor_mentions', batch.actorMentions.map(actorMentionRecord));
      await this.refresh(eventIds, actorKeys);
    });
  }

  private async refresh(eventIds: string[], actorKeys: string[]): Promise<void> {
    if (eventIds.length) {
      const ids = JSON.stringify(eventIds);
      await this.exec(`DELETE FROM events WHERE event_id IN ${KEY_LIST}`, [ids]);
      await this.exec(REFRESH_EVENTS, [ids]);
    }
    if (actorKeys.length) {
      const keys = JSON.stringify(actorKeys);
      await this.exec(`DELETE FROM actors WHERE actor_key IN ${KEY_LIST}`, [keys]);
      await this.exec(REFRESH_ACTORS, [keys]);
    }
  }

  async articlesToRecode(dictVersion: string, all: boolean, afterSeq: number, limit: number): Promise<ArticleRow[]> {
    const rows = await this.rows({
      sql: `SELECT article_id, seq, content_hash, origin, url, outlet, strftime(pub_date, '%Y-%m-%d') AS pub_date, title, text,
          cluster_id, similarity, dict_version
        FROM articles WHERE (? OR dict_version <> ?) AND seq > ? ORDER BY seq LIMIT ?`,
      params: [all, dictVersion, afterSeq, limit],
    });
    return rows.map((r) => ({ ...r, signature: [] })) as unknown as ArticleRow[];
  }

  async replaceCoding(batch: RecodeBatch): Promise<void> {
    if (!batch.articleIds.length) return;
    const ids = JSON.stringify(batch.articleIds);
    await this.transaction(async () => {
      const oldEvents = await this.rows({ sql: `SELECT DISTINCT event_id FROM mentions WHERE article_id IN ${KEY_LIST}`, params: [ids] });
      const oldActors = await this.rows({ sql: `SELECT DISTINCT actor_key FROM actor_mentions WHERE article_id IN ${KEY_LIST}`, params: [ids] });
      await this.exec(`DELETE FROM mentions WHERE article_id IN ${KEY_LIST}`, [ids]);
      await this.exec(`DELETE FROM actor_mentions WHERE article_id IN ${KEY_LIST}`, [ids]);
      await this.append('mentions', batch.mentions as unknown as Record<string, unknown>[]);
      await this.append('actor_mentions', batch.actorMentions.map(actorMentionRecord));
      await this.exec(`UPDATE articles SET dict_version = ? WHERE article_id IN ${KEY_LIST}`, [batch.dictVersion, ids]);
      const eventIds = new Set([...oldEvents.map((r) => String(r.event_id)), ...batch.mentions.map((m) => m.event_id)]);
      const actorKeys = new Set([...oldActors.map((r) => String(r.actor_key)), ...batch.actorMentions.map(actorKey)]);
      await this.refresh([...eventIds], [...actorKeys]);
    });
  }

  events(filter: EventFilter, limit: number, offset = 0): Promise<ResultRow[]> {
    return this.rows(eventsPageQuery(filter, limit, offset));
  }

  async eventDetail(eventId: string): Promise<EventDetail | null> {
    const [event] = await this.rows(eventByIdQuery(eventId));
    if (!event) return null;
    return { event, mentions: await this.rows(mentionsOfEventQuery(eventId)) };
  }

  async articleDetail(articleId: string): Promise<ArticleDetail | null> {
    const [article] = await this.rows(articleByIdQuery(articleId));
    if (!article) return null;
    const [mentions, actors] = await Promise.all([this.rows(mentionsOfArticleQuery(articleId)), this.rows(actorMentionsOfArticleQuery(articleId))]);
    return { article, mentions, actors };
  }

  aggregate(spec: AggregateSpec): Promise<ResultRow[]> {
    return this.rows(aggregateQuery(spec));
  }

  actors(query: ActorQuery): Promise<ResultRow[]> {
    return this.rows(actorsQuery(query));
  }

  async exportEvents(options: ExportOptions): Promise<number> {
    const where = whereEvents(options.filter);
    // COPY takes no parameter for its file name: the path is the one literal, quoted with its quotes doubled.
    const target = `'${options.path.replace(/'/g, "''")}'`;
    const sql = `COPY (SELECT ${profileColumns(options.profile, options.format)}
        FROM events e LEFT JOIN articles a ON a.article_id = e.first_article_id
        ${where.sql} ORDER BY e.date NULLS LAST, e.event_id) TO ${target} ${COPY_OPTIONS[options.format]}`;
    return this.exec(sql, where.params, 'export');
  }

  async counts(): Promise<StoreCounts> {
    const rows = await this.rows(`SELECT
        (SELECT count(*) FROM articles) AS articles,
        (SELECT count(DISTINCT cluster_id) FROM articles) AS clusters,
        (SELECT count(*) FROM events) AS events,
        (SELECT count(*) FROM mentions) AS mentions,
        (SELECT count(*) FROM actors) AS actors`);
    return rows[0] as unknown as StoreCounts;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      this.conn.closeSync();
      this.instance.closeSync();
    } catch (e) {
      throw classifyDuckDbError(e, this.location, 'close');
    }
  }
}

function actorKey(m: ActorMentionRow): string {
  return `${m.code}|${m.name ?? ''}`;
}

function actorMentionRecord(m: ActorMentionRow): Record<string, unknown> {
  const { start, end, ...rest } = m;
  return { ...rest, actor_key: actorKey(m), start_offset: start, end_offset: end };
}

/** BIGINTs become numbers and dates ISO strings, so rows are plain JSON. */
function plain(row: Record<string, unknown>): ResultRow {
  const out: ResultRow = {};
  for (const [k, v] of Object.entries(row)) out[k] = plainValue(v);
  return out;
}

function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map(plainValue);
  return v;
}

export type { MentionRow };
