// Zod schemas of the HTTP API's requests and responses: they validate query strings and bodies and generate the
// OpenAPI document. Shapes only: no store access and no handlers here.
import { z } from '@hono/zod-openapi';
import { validDate } from '../input/read-articles.js';
import { GROUPS, PERIODS } from '../store/store.js';
import { MAX_PAGE } from './service.js';

const isoDate = z
  .string()
  .refine((s) => validDate(s), { message: 'must be a date YYYY-MM-DD' })
  .openapi({ example: '2024-04-25', format: 'date' });

const flag = z.enum(['true', 'false', '1', '0']);

/** The filters of `dyad events`, `aggregate` and `export`, as query parameters. */
export const FilterQuery = z.object({
  actor: z.string().min(1).max(200).optional().openapi({ description: 'actor code prefix (CHNGOV, CHN) or name, as source or target' }),
  country: z.string().regex(/^[A-Za-z]{3}$/, 'must be a three-letter country code (CHN)').optional().openapi({ example: 'CHN' }),
  dyad: z.string().regex(/^[A-Za-z]{3,}:[A-Za-z]{3,}$/, 'must be SOURCE:TARGET codes (CHN:KAZ)').optional().openapi({ example: 'CHN:KAZ' }),
  both: flag.optional().openapi({ description: 'with dyad: either direction' }),
  cameo: z.string().regex(/^\d{2,4}$/, 'must be a CAMEO code or root of 2 to 4 digits (04, 042)').optional().openapi({ example: '04' }),
  plover: z.string().regex(/^[A-Za-z-]{2,40}$/, 'must be a PLOVER event type (CONSULT)').optional().openapi({ example: 'CONSULT' }),
  quad: z.string().regex(/^[1-4](,[1-4])*$/, 'must be quad classes 1-4, comma-separated (1,2)').optional().openapi({ example: '1,2' }),
  from: isoDate.optional().openapi({ description: 'events on or after this date' }),
  to: isoDate.optional().openapi({ description: 'events on or before this date' }),
  place: z.string().min(1).max(200).optional().openapi({ description: 'place name or country of the event' }),
  text: z.string().min(1).max(500).optional().openapi({ description: 'words in the evidence sentence' }),
  topic: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/).max(60).optional().openapi({ description: 'a topic id of data/topics (TRADE, BRI)' }),
});

export const EventsQuery = FilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).optional().openapi({ description: `page size, 1-${MAX_PAGE} (default 100)`, type: 'integer' }),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional().openapi({ description: 'events to skip (next_offset of the previous page)', type: 'integer' }),
});

export const AggregateQuery = FilterQuery.extend({
  period: z.enum(PERIODS as [string, ...string[]]).optional(),
  group: z.enum(GROUPS as [string, ...string[]]).optional(),
});

export const ActorsQuery = z.object({
  kind: z.string().min(1).max(40).optional().openapi({ example: 'person' }),
  country: z.string().regex(/^[A-Za-z]{3}$/, 'must be a three-letter country code (CHN)').optional(),
  text: z.string().min(1).max(200).optional().openapi({ description: 'name or code, case-insensitive substring' }),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).optional().openapi({ type: 'integer', description: `1-${MAX_PAGE} (default 50)` }),
});

export const IdParam = z.object({ id: z.string().min(1).max(500).openapi({ param: { name: 'id', in: 'path' } }) });

/** One article as in the JSONL input. */
export const ArticleInput = z
  .object({
    id: z.union([z.string().min(1).max(500), z.number()]),
    text: z.string().min(1),
    date: isoDate.nullable().optional(),
    title: z.string().max(2000).nullable().optional(),
    url: z.string().max(4000).nullable().optional(),
  })
  .openapi('ArticleInput');

export const MAX_POST_ARTICLES = 100;
export const ArticlesBody = z.union([ArticleInput, z.array(ArticleInput).min(1).max(MAX_POST_ARTICLES)]);

const Row = z.record(z.string(), z.unknown());

export const EventSummary = z
  .object({
    event_id: z.string(),
    date: z.string().nullable(),
    source_code: z.string().nullable(),
    source_name: z.string().nullable(),
    target_code: z.string().nullable(),
    target_name: z.string().nullable(),
    cameo: z.string(),
    cameo_name: z.string(),
    plover_event: z.string().nullable(),
    goldstein: z.number().nullable(),
    quad_class: z.number().nullable(),
    location_name: z.string().nullable(),
    location_country: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    topics: z.array(z.string()),
    num_mentions: z.number(),
    num_articles: z.number(),
    num_sources: z.number(),
    first_article_id: z.string(),
    evidence_text: z.string(),
  })
  .openapi('EventSummary');

export const EventsPage = z
  .object({ events: z.array(EventSummary), limit: z.number(), offset: z.number(), next_offset: z.number().nullable() })
  .openapi('EventsPage');

export const EventDetail = z
  .object({
    event: Row.openapi({ description: 'the events row' }),
    mentions: z.array(Row).openapi({ description: 'mentions rows: article_id, sentence, evidence and trigger offsets and text, actor offsets, why' }),
  })
  .openapi('EventDetail');

export const AggregateResult = z.object({ rows: z.array(Row), truncated: z.boolean() }).openapi('AggregateResult');

export const ActorsResult = z.object({ actors: z.array(Row) }).openapi('ActorsResult');

export const Span = z
  .object({
    kind: z.enum(['source', 'target', 'trigger', 'date', 'place', 'evidence']),
    start: z.number().int(),
    end: z.number().int(),
    text: z.string(),
    event_id: z.string(),
    mention_id: z.string(),
    value: z.string().nullable(),
    why: z.unknown(),
  })
  .openapi('Span', { description: 'UTF-16 offsets into article.text, end exclusive: text.slice(start, end) is the span' });

export const ArticleView = z
  .object({
    article: Row.openapi({ description: 'the articles row with its text' }),
    events: z.array(Row).openapi({ description: "the article's mentions" }),
    spans: z.array(Span),
    actors: z.array(Row).openapi({ description: 'actor sightings with the rule and dictionary entry that coded them' }),
  })
  .openapi('ArticleView');

export const Counts = z
  .object({ articles: z.number(), clusters: z.number(), events: z.number(), mentions: z.number(), actors: z.number() })
  .openapi('Counts');

export const IngestResult = z
  .object({
    read: z.number(),
    stored: z.number(),
    alreadyStored: z.number(),
    skipped: z.number(),
    exactDuplicates: z.number(),
    nearDuplicates: z.number(),
    mentions: z.number(),
    batches: z.number(),
    dictVersion: z.string(),
    warnings: z.array(z.string()),
  })
  .openapi('IngestResult');

export const ErrorBody = z
  .object({ error: z.object({ code: z.string().openapi({ example: 'BAD_REQUEST' }), message: z.string() }) })
  .openapi('Error');
