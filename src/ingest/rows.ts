// Turns a coded article into store rows: the corpus-wide event id of each event, mention rows and actor rows.
// Event identity: the same source code, target code, CAMEO code and date within one near-duplicate cluster.
import { createHash } from 'node:crypto';
import type { ActorMentionRow, MentionRow } from '../store/store.js';
import type { EventRecord } from '../model/types.js';
import type { ActorSighting } from './code-for-store.js';

/** The stable id of an event across the articles of one cluster (16 hex digits). */
export function corpusEventId(cluster: string, r: Pick<EventRecord, 'source' | 'target' | 'cameo' | 'date'>): string {
  return createHash('sha1')
    .update([cluster, r.source?.code ?? '', r.target?.code ?? '', r.cameo, r.date ?? ''].join('\u0001'))
    .digest('hex')
    .slice(0, 16);
}

export function mentionRows(articleId: string, cluster: string, events: EventRecord[]): MentionRow[] {
  return events.map((r) => ({
    article_id: articleId,
    mention_id: r.event_id,
    event_id: corpusEventId(cluster, r),
    cluster_id: cluster,
    date: r.date,
    source_code: r.source?.code ?? null,
    source_country: r.source?.country ?? null,
    source_sector: r.source?.sector ?? null,
    source_name: r.source?.name ?? null,
    source_text: r.source?.text ?? null,
    source_start: r.source?.start ?? null,
    source_end: r.source?.end ?? null,
    target_code: r.target?.code ?? null,
    target_country: r.target?.country ?? null,
    target_sector: r.target?.sector ?? null,
    target_name: r.target?.name ?? null,
    target_text: r.target?.text ?? null,
    target_start: r.target?.start ?? null,
    target_end: r.target?.end ?? null,
    cameo: r.cameo,
    cameo_name: r.cameo_name,
    plover_event: r.plover.event,
    plover_mode: r.plover.mode,
    plover_context: r.plover.context,
    goldstein: r.goldstein,
    quad_class: r.quad_class,
    location_text: r.location?.text ?? null,
    location_name: r.location?.name ?? null,
    location_country: r.location?.country ?? null,
    lat: r.location?.lat ?? null,
    lon: r.location?.lon ?? null,
    location_start: r.location?.start ?? null,
    location_end: r.location?.end ?? null,
    sentence: r.sentence,
    evidence_start: r.evidence.start,
    evidence_end: r.evidence.end,
    evidence_text: r.evidence.text,
    trigger_start: r.trigger.start,
    trigger_end: r.trigger.end,
    trigger_text: r.trigger.text,
    confidence: r.confidence,
    repeats: r.mentions,
    why: JSON.stringify(r.why),
    dict_version: r.dict_version,
    topics: (r.topics ?? []).map((t) => t.id),
    topic_spans: JSON.stringify(r.topics ?? []),
  }));
}

export function actorMentionRows(articleId: string, actors: ActorSighting[], dictVersion: string): ActorMentionRow[] {
  return actors.map((a, n) => ({ article_id: articleId, n, ...a, dict_version: dictVersion }));
}

/** The outlet of an article: its URL's host, else the --outlet option, else the byline or dateline agency. */
export function outletOf(url: string | null, option: string | null | undefined, agency: string | null): string | null {
  if (url) {
    try {
      const host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
      if (host) return host;
    } catch {
      // Not a URL: fall through to the other sources.
    }
  }
  return option || agency || null;
}
