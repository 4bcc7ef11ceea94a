// The DuckDB schema as ordered, versioned migration steps; `schema_version` records the steps applied.
// Steps are only ever appended: a step once released is never edited, so every database can be brought forward.

export interface Migration {
  version: number;
  description: string;
  statements: string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'articles, mentions, events, actor mentions and actors',
    statements: [
      `CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY,
        seq BIGINT NOT NULL,
        content_hash VARCHAR NOT NULL,
        origin VARCHAR NOT NULL,
        url VARCHAR,
        outlet VARCHAR,
        pub_date DATE,
        title VARCHAR,
        text VARCHAR NOT NULL,
        cluster_id VARCHAR NOT NULL,
        similarity DOUBLE NOT NULL,
        signature UINTEGER[] NOT NULL,
        dict_version VARCHAR NOT NULL,
        stored_at TIMESTAMP NOT NULL DEFAULT current_timestamp
      )`,
      `CREATE TABLE mentions (
        article_id VARCHAR NOT NULL,
        mention_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        cluster_id VARCHAR NOT NULL,
        date DATE,
        source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_name VARCHAR, source_text VARCHAR,
        source_start INTEGER, source_end INTEGER,
        target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_name VARCHAR, target_text VARCHAR,
        target_start INTEGER, target_end INTEGER,
        cameo VARCHAR NOT NULL,
        cameo_name VARCHAR NOT NULL,
        plover_event VARCHAR,
        plover_mode VARCHAR,
        plover_context VARCHAR[] NOT NULL,
        goldstein DOUBLE NOT NULL,
        quad_class TINYINT NOT NULL,
        location_text VARCHAR, location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
        location_start INTEGER, location_end INTEGER,
        sentence INTEGER NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        evidence_text VARCHAR NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        trigger_text VARCHAR NOT NULL,
        confidence DOUBLE NOT NULL,
        repeats INTEGER NOT NULL,
        why VARCHAR NOT NULL,
        dict_version VARCHAR NOT NULL,
        PRIMARY KEY (article_id, mention_id)
      )`,
      // One row per corpus-wide event; derived from mentions by refreshEvents (duckdb-store.ts).
      `CREATE TABLE events (
        event_id VARCHAR PRIMARY KEY,
        cluster_id VARCHAR NOT NULL,
        date DATE,
        source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_name VARCHAR,
        target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_name VARCHAR,
        cameo VARCHAR NOT NULL,
        cameo_root VARCHAR NOT NULL,
        cameo_name VARCHAR NOT NULL,
        plover_event VARCHAR,
        plover_mode VARCHAR,
        plover_context VARCHAR[] NOT NULL,
        goldstein DOUBLE NOT NULL,
        quad_class TINYINT NOT NULL,
        location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
        first_article_id VARCHAR NOT NULL,
        first_mention_id VARCHAR NOT NULL,
        source_url VARCHAR,
        evidence_text VARCHAR NOT NULL,
        sentence INTEGER NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        confidence DOUBLE NOT NULL,
        num_mentions INTEGER NOT NULL,
        num_articles INTEGER NOT NULL,
        num_sources INTEGER NOT NULL,
        first_seen DATE,
        dict_version VARCHAR NOT NULL
      )`,
      `CREATE TABLE actor_mentions (
        article_id VARCHAR NOT NULL,
        n INTEGER NOT NULL,
        actor_key VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        name VARCHAR,
        kind VARCHAR NOT NULL,
        country VARCHAR,
        sector VARCHAR,
        rule VARCHAR,
        entry VARCHAR,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        dict_version VARCHAR NOT NULL,
        PRIMARY KEY (article_id, n)
      )`,
      // One row per actor (code and name); people learned from titles and appositives keep their rule.
      `CREATE TABLE actors (
        actor_key VARCHAR PRIMARY KEY,
        code VARCHAR NOT NULL,
        name VARCHAR,
        kind VARCHAR NOT NULL,
        role VARCHAR,
        sector VARCHAR,
        country VARCHAR,
        learned_by VARCHAR,
        entry VARCHAR,
        first_seen DATE,
        last_seen DATE,
        num_mentions INTEGER NOT NULL,
        num_articles INTEGER NOT NULL,
        dict_version VARCHAR NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    description: 'topics of mentions and events; Goldstein value and quad class may be unknown (codes outside CAMEO)',
    statements: [
      `ALTER TABLE mentions ADD COLUMN topics VARCHAR[] DEFAULT CAST([] AS VARCHAR[])`,
      // Each topic of a mention with its span and the dictionary line that found it, as JSON.
      `ALTER TABLE mentions ADD COLUMN topic_spans VARCHAR DEFAULT '[]'`,
      `ALTER TABLE events ADD COLUMN topics VARCHAR[] DEFAULT CAST([] AS VARCHAR[])`,
      `ALTER TABLE mentions ALTER COLUMN goldstein DROP NOT NULL`,
      `ALTER TABLE mentions ALTER COLUMN quad_class DROP NOT NULL`,
      `ALTER TABLE events ALTER COLUMN goldstein DROP NOT NULL`,
      `ALTER TABLE events ALTER COLUMN quad_class DROP NOT NULL`,
    ],
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
