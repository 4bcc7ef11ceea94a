// Column profiles for `dyad export`: GDELT 2.0 event column names where they apply, and PLOVER JSON field names.
// SELECT lists over the events table `e` (joined to its first article `a`); codes stay strings, dates ISO.
import type { ExportFormat, ExportProfile } from './store.js';

const GDELT = `
  e.event_id AS GLOBALEVENTID,
  strftime(e.date, '%Y-%m-%d') AS SQLDATE,
  strftime(e.date, '%Y-%m') AS MonthYear,
  CAST(year(e.date) AS VARCHAR) AS Year,
  e.source_code AS Actor1Code,
  e.source_name AS Actor1Name,
  e.source_country AS Actor1CountryCode,
  e.source_sector AS Actor1Type1Code,
  e.target_code AS Actor2Code,
  e.target_name AS Actor2Name,
  e.target_country AS Actor2CountryCode,
  e.target_sector AS Actor2Type1Code,
  CASE WHEN e.sentence <= 1 THEN 1 ELSE 0 END AS IsRootEvent,
  e.cameo AS EventCode,
  substr(e.cameo, 1, 3) AS EventBaseCode,
  e.cameo_root AS EventRootCode,
  e.quad_class AS QuadClass,
  e.goldstein AS GoldsteinScale,
  e.num_mentions AS NumMentions,
  e.num_sources AS NumSources,
  e.num_articles AS NumArticles,
  e.location_name AS ActionGeo_FullName,
  e.location_country AS ActionGeo_CountryCode,
  e.lat AS ActionGeo_Lat,
  e.lon AS ActionGeo_Long,
  strftime(a.stored_at, '%Y-%m-%dT%H:%M:%S') AS DATEADDED,
  e.source_url AS SOURCEURL,
  e.first_article_id AS dyad_article_id,
  e.plover_event AS dyad_plover_event,
  e.evidence_text AS dyad_evidence,
  e.dict_version AS dyad_dict_version,
  array_to_string(e.topics, ';') AS dyad_topics`;

const ACTOR = (side: 'source' | 'target') =>
  `{'code': substr(e.${side}_code, 1, 3), 'sector': nullif(substr(e.${side}_code, 4), ''), 'entity_text': e.${side}_name, 'actor_code': e.${side}_code}`;

/** Nested PLOVER records (JSON lines, Parquet). */
const PLOVER_NESTED = `
  e.event_id AS id,
  strftime(e.date, '%Y-%m-%d') AS date,
  [${ACTOR('source')}] AS actor,
  CASE WHEN e.target_code IS NULL THEN [] ELSE [${ACTOR('target')}] END AS recipient,
  CASE WHEN e.plover_event IS NULL THEN []::VARCHAR[] ELSE [e.plover_event] END AS event,
  CASE WHEN e.plover_mode IS NULL THEN []::VARCHAR[] ELSE [e.plover_mode] END AS mode,
  e.plover_context AS context,
  CASE WHEN e.location_name IS NULL THEN NULL ELSE
    {'resolved_place': e.location_name, 'country_code': e.location_country, 'lat': e.lat, 'lon': e.lon} END AS event_loc,
  [e.evidence_text] AS event_text,
  e.quad_class AS quad_code,
  e.goldstein AS event_scale,
  {'sequence': e.sentence, 'start': e.evidence_start, 'end': e.evidence_end} AS text_info,
  {'url': e.source_url, 'publication': a.outlet, 'title': a.title, 'coder': 'dyad', 'version': e.dict_version} AS cite_info,
  e.cameo AS cameo,
  e.num_mentions AS num_mentions,
  e.num_articles AS num_articles,
  e.num_sources AS num_sources,
  e.topics AS topics`;

/** The same PLOVER fields flattened with dotted names for CSV; lists joined by `;`. */
const PLOVER_FLAT = `
  e.event_id AS id,
  strftime(e.date, '%Y-%m-%d') AS date,
  substr(e.source_code, 1, 3) AS "actor.code",
  nullif(substr(e.source_code, 4), '') AS "actor.sector",
  e.source_name AS "actor.entity_text",
  substr(e.target_code, 1, 3) AS "recipient.code",
  nullif(substr(e.target_code, 4), '') AS "recipient.sector",
  e.target_name AS "recipient.entity_text",
  e.plover_event AS event,
  e.plover_mode AS mode,
  array_to_string(e.plover_context, ';') AS context,
  e.location_name AS "event_loc.resolved_place",
  e.location_country AS "event_loc.country_code",
  e.lat AS "event_loc.lat",
  e.lon AS "event_loc.lon",
  e.evidence_text AS event_text,
  e.quad_class AS quad_code,
  e.goldstein AS event_scale,
  e.sentence AS "text_info.sequence",
  e.evidence_start AS "text_info.start",
  e.evidence_end AS "text_info.end",
  e.source_url AS "cite_info.url",
  a.outlet AS "cite_info.publication",
  e.dict_version AS "cite_info.version",
  e.cameo AS cameo,
  e.num_mentions AS num_mentions,
  e.num_articles AS num_articles,
  e.num_sources AS num_sources,
  array_to_string(e.topics, ';') AS topics`;

export function profileColumns(profile: ExportProfile, format: ExportFormat): string {
  if (profile === 'gdelt') return GDELT;
  return format === 'csv' ? PLOVER_FLAT : PLOVER_NESTED;
}

/** DuckDB COPY options for each format. */
export const COPY_OPTIONS: Record<ExportFormat, string> = {
  csv: `(FORMAT csv, HEADER true)`,
  jsonl: `(FORMAT json)`,
  parquet: `(FORMAT parquet, COMPRESSION zstd)`,
};
