// SQL for one event with its mentions, one article with its mentions and actor sightings, and a page of events:
// fixed SQL with `?` placeholders and the values to bind. Pure functions: no database, no user input in SQL text.
import { eventsQuery, type Sql } from './queries.js';
import type { EventFilter } from './store.js';

/** A page of `dyad events`: the same query and order, `offset` rows skipped. */
export function eventsPageQuery(filter: EventFilter, limit: number, offset: number): Sql {
  const q = eventsQuery(filter, limit);
  if (!offset) return q;
  return { sql: `${q.sql} OFFSET ?`, params: [...q.params, offset] };
}

export function eventByIdQuery(eventId: string): Sql {
  return {
    sql: `SELECT e.* EXCLUDE (date, first_seen), strftime(e.date, '%Y-%m-%d') AS date, strftime(e.first_seen, '%Y-%m-%d') AS first_seen
      FROM events e WHERE e.event_id = ?`,
    params: [eventId],
  };
}

/** Every stored mention of one event, with its article's date, title, url and outlet, in arrival order. */
export function mentionsOfEventQuery(eventId: string): Sql {
  return {
    sql: `SELECT m.* EXCLUDE (date), strftime(m.date, '%Y-%m-%d') AS date, strftime(a.pub_date, '%Y-%m-%d') AS pub_date,
        a.title, a.url, a.outlet
      FROM mentions m JOIN articles a ON a.article_id = m.article_id
      WHERE m.event_id = ?
      ORDER BY a.seq, m.evidence_start, m.mention_id`,
    params: [eventId],
  };
}

export function articleByIdQuery(articleId: string): Sql {
  return {
    sql: `SELECT a.article_id, a.seq, a.content_hash, a.origin, a.url, a.outlet, strftime(a.pub_date, '%Y-%m-%d') AS pub_date,
        a.title, a.text, a.cluster_id, a.similarity, a.dict_version, strftime(a.stored_at, '%Y-%m-%dT%H:%M:%S') AS stored_at
      FROM articles a WHERE a.article_id = ?`,
    params: [articleId],
  };
}

export function mentionsOfArticleQuery(articleId: string): Sql {
  return {
    sql: `SELECT m.* EXCLUDE (date), strftime(m.date, '%Y-%m-%d') AS date
      FROM mentions m WHERE m.article_id = ?
      ORDER BY m.evidence_start, m.trigger_start, m.mention_id`,
    params: [articleId],
  };
}

export function actorMentionsOfArticleQuery(articleId: string): Sql {
  return {
    sql: `SELECT am.n, am.code, am.name, am.kind, am.country, am.sector, am.rule, am.entry,
        am.start_offset AS "start", am.end_offset AS "end", am.text
      FROM actor_mentions am WHERE am.article_id = ?
      ORDER BY am.start_offset, am.n`,
    params: [articleId],
  };
}
