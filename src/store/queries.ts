// SQL text for the question commands (events, aggregate, actors): fixed SQL with `?` placeholders and the
// values to bind, in order. User input never becomes SQL text. Pure functions: no database here.
import type { ActorQuery, AggregateSpec, EventFilter, GroupBy, Period } from './store.js';

export interface Sql {
  sql: string;
  params: (string | number | boolean)[];
}

/** `WHERE ...` over the events table aliased `e` (empty when nothing filters). */
export function whereEvents(filter: EventFilter = {}): Sql {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.actor) {
    clauses.push(`(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?) OR e.source_name ILIKE ? OR e.target_name ILIKE ?)`);
    const like = `%${escapeLike(filter.actor)}%`;
    params.push(filter.actor.toUpperCase(), filter.actor.toUpperCase(), like, like);
  }
  if (filter.country) {
    clauses.push(`(e.source_country = ? OR e.target_country = ?)`);
    params.push(filter.country.toUpperCase(), filter.country.toUpperCase());
  }
  if (filter.dyad) {
    const s = filter.dyad.source.toUpperCase();
    const t = filter.dyad.target.toUpperCase();
    const one = `(starts_with(e.source_code, ?) AND starts_with(e.target_code, ?))`;
    if (filter.dyad.both) {
      clauses.push(`(${one} OR ${one})`);
      params.push(s, t, t, s);
    } else {
      clauses.push(one);
      params.push(s, t);
    }
  }
  if (filter.cameo) {
    clauses.push(`starts_with(e.cameo, ?)`);
    params.push(filter.cameo);
  }
  if (filter.plover) {
    clauses.push(`e.plover_event = ?`);
    params.push(filter.plover.toUpperCase());
  }
  if (filter.quadClass?.length) {
    clauses.push(`e.quad_class IN (${filter.quadClass.map(() => '?').join(', ')})`);
    params.push(...filter.quadClass);
  }
  if (filter.from) {
    clauses.push(`e.date >= CAST(? AS DATE)`);
    params.push(filter.from);
  }
  if (filter.to) {
    clauses.push(`e.date <= CAST(? AS DATE)`);
    params.push(filter.to);
  }
  if (filter.place) {
    clauses.push(`(e.location_name ILIKE ? OR e.location_country = ?)`);
    params.push(`%${escapeLike(filter.place)}%`, filter.place.toUpperCase());
  }
  if (filter.topic) {
    clauses.push(`list_contains(e.topics, ?)`);
    params.push(filter.topic.toUpperCase());
  }
  if (filter.text) {
    clauses.push(`e.evidence_text ILIKE ?`);
    params.push(`%${escapeLike(filter.text)}%`);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** `%` and `_` in user text match themselves (ILIKE's default escape is the backslash). */
function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function eventsQuery(filter: EventFilter, limit: number): Sql {
  const where = whereEvents(filter);
  return {
    sql: `SELECT e.event_id, strftime(e.date, '%Y-%m-%d') AS date, e.source_code, e.source_name, e.target_code, e.target_name,
        e.cameo, e.cameo_name, e.plover_event, e.goldstein, e.quad_class, e.location_name, e.location_country, e.lat, e.lon,
        e.topics, e.num_mentions, e.num_articles, e.num_sources, e.first_article_id, e.evidence_text
      FROM events e ${where.sql}
      ORDER BY e.date NULLS LAST, e.event_id
      LIMIT ?`,
    params: [...where.params, limit],
  };
}

const PERIOD_SQL: Record<Period, string> = {
  day: `strftime(e.date, '%Y-%m-%d')`,
  week: `strftime(e.date, '%G-W%V')`,
  month: `strftime(e.date, '%Y-%m')`,
  year: `strftime(e.date, '%Y')`,
};

const GROUP_SQL: Record<GroupBy, string> = {
  country: `e.source_country`,
  'target-country': `e.target_country`,
  place: `e.location_country`,
  dyad: `coalesce(e.source_country, substr(e.source_code, 1, 3)) || ':' || coalesce(e.target_country, substr(e.target_code, 1, 3), '-')`,
  pair: `least(coalesce(e.source_country, substr(e.source_code, 1, 3)), coalesce(e.target_country, substr(e.target_code, 1, 3), '-')) || ':' ||
    greatest(coalesce(e.source_country, substr(e.source_code, 1, 3)), coalesce(e.target_country, substr(e.target_code, 1, 3), '-'))`,
  cameo: `e.cameo`,
  root: `e.cameo_root`,
  plover: `e.plover_event`,
  quad: `CAST(e.quad_class AS VARCHAR)`,
};

/** Counts, mentions, mean Goldstein and quad-class shares per period and/or group. */
export function aggregateQuery(spec: AggregateSpec): Sql {
  const where = whereEvents(spec.filter);
  const keys: string[] = [];
  if (spec.period) keys.push(`${PERIOD_SQL[spec.period]} AS period`);
  if (spec.group) keys.push(`${GROUP_SQL[spec.group]} AS "${spec.group}"`);
  const names = [spec.period ? 'period' : null, spec.group ? `"${spec.group}"` : null].filter(Boolean) as string[];
  const dateFilter = spec.period ? (where.sql ? ' AND e.date IS NOT NULL' : 'WHERE e.date IS NOT NULL') : '';
  return {
    sql: `SELECT ${keys.length ? keys.join(', ') + ',' : ''}
        count(*) AS events,
        sum(e.num_mentions) AS mentions,
        sum(e.num_articles) AS articles,
        round(avg(e.goldstein), 3) AS mean_goldstein,
        round(avg(CASE WHEN e.quad_class = 1 THEN 1 ELSE 0 END), 3) AS quad1_share,
        round(avg(CASE WHEN e.quad_class = 2 THEN 1 ELSE 0 END), 3) AS quad2_share,
        round(avg(CASE WHEN e.quad_class = 3 THEN 1 ELSE 0 END), 3) AS quad3_share,
        round(avg(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END), 3) AS quad4_share
      FROM events e ${where.sql}${dateFilter}
      ${names.length ? `GROUP BY ALL ORDER BY ${names.map((n) => `${n} NULLS LAST`).join(', ')}` : ''}`,
    params: where.params,
  };
}

export function actorsQuery(q: ActorQuery): Sql {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (q.kind) {
    clauses.push(`a.kind = ?`);
    params.push(q.kind);
  }
  if (q.country) {
    clauses.push(`a.country = ?`);
    params.push(q.country.toUpperCase());
  }
  if (q.text) {
    clauses.push(`(a.name ILIKE ? OR starts_with(a.code, ?))`);
    params.push(`%${escapeLike(q.text)}%`, q.text.toUpperCase());
  }
  params.push(q.limit ?? 50);
  return {
    sql: `SELECT a.code, a.name, a.kind, a.role, a.country, a.learned_by, a.num_mentions, a.num_articles,
        strftime(a.first_seen, '%Y-%m-%d') AS first_seen, strftime(a.last_seen, '%Y-%m-%d') AS last_seen
      FROM actors a ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
      ORDER BY a.num_mentions DESC, a.num_articles DESC, a.code, a.name NULLS FIRST
      LIMIT ?`,
    params,
  };
}
