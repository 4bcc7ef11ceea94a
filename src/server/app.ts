// The HTTP API as a Hono app over a DyadService: routes, request validation, body limit, token check, one error
// handler and the OpenAPI document. Thin: no SQL, no store access and no listening socket here (see cli/serve.ts).
import { timingSafeEqual } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import { DyadError } from '../model/errors.js';
import type { GroupBy, Period } from '../store/store.js';
import { errorHandler } from './errors.js';
import * as S from './schemas.js';
import type { DyadService } from './service.js';

export interface AppOptions {
  /** Bearer token for POST /api/articles; without one, storing articles is off. */
  token?: string | null;
  /** Largest request body, in bytes (default 1 MB). */
  maxBodyBytes?: number;
  /** Where internal errors are reported (default: nowhere). */
  log?: (message: string) => void;
}

export const DEFAULT_MAX_BODY = 1024 * 1024;

const errors = {
  400: { description: 'bad parameters', content: { 'application/json': { schema: S.ErrorBody } } },
  500: { description: 'internal error', content: { 'application/json': { schema: S.ErrorBody } } },
  503: { description: 'the query took too long (QUERY_TIMEOUT)', content: { 'application/json': { schema: S.ErrorBody } } },
};
const notFound = { 404: { description: 'unknown id', content: { 'application/json': { schema: S.ErrorBody } } } };
const json = <T extends z.ZodType>(schema: T, description: string) => ({ 200: { description, content: { 'application/json': { schema } } } });

const eventsRoute = createRoute({
  method: 'get', path: '/api/events', summary: 'Events matching the filters, by date, a page at a time',
  request: { query: S.EventsQuery }, responses: { ...json(S.EventsPage, 'a page of events'), ...errors },
});
const eventRoute = createRoute({
  method: 'get', path: '/api/events/{id}', summary: 'One event with its mentions and evidence',
  request: { params: S.IdParam }, responses: { ...json(S.EventDetail, 'the event'), ...notFound, ...errors },
});
const aggregateRoute = createRoute({
  method: 'get', path: '/api/aggregate', summary: 'Counts, mentions, mean Goldstein and quad-class shares by period and group',
  request: { query: S.AggregateQuery }, responses: { ...json(S.AggregateResult, 'the aggregate rows'), ...errors },
});
const actorsRoute = createRoute({
  method: 'get', path: '/api/actors', summary: 'Actors seen in the corpus, most mentioned first',
  request: { query: S.ActorsQuery }, responses: { ...json(S.ActorsResult, 'the actors'), ...errors },
});
const articleRoute = createRoute({
  method: 'get', path: '/api/articles/{id}', summary: 'One article with its text, events and highlightable spans',
  request: { params: S.IdParam }, responses: { ...json(S.ArticleView, 'the article'), ...notFound, ...errors },
});
const countsRoute = createRoute({
  method: 'get', path: '/api/counts', summary: 'How many articles, clusters, events, mentions and actors are stored',
  responses: { ...json(S.Counts, 'the counts'), ...errors },
});
const postArticlesRoute = createRoute({
  method: 'post', path: '/api/articles', summary: 'Code and store articles (one or an array); needs the bearer token',
  security: [{ bearerAuth: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: S.ArticlesBody } } } },
  responses: {
    ...json(S.IngestResult, 'what was stored'),
    403: { description: 'missing or wrong token', content: { 'application/json': { schema: S.ErrorBody } } },
    405: { description: 'storing articles is off (no token configured)', content: { 'application/json': { schema: S.ErrorBody } } },
    413: { description: 'body too large', content: { 'application/json': { schema: S.ErrorBody } } },
    ...errors,
  },
});

const truthy = (v: string | undefined) => v === 'true' || v === '1';

export function createApp(service: DyadService, options: AppOptions = {}): OpenAPIHono {
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const app = new OpenAPIHono({
    // A request that fails its schema is a 400 in the one error format, naming the parameter.
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
        throw new DyadError('BAD_REQUEST', `${where}${issue?.message ?? 'invalid request'}`);
      }
    },
  });
  app.onError(errorHandler(options.log ?? (() => {})));
  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` } }, 404));

  app.post('/api/articles', tokenCheck(options.token ?? null));
  app.post(
    '/api/articles',
    bodyLimit({
      maxSize: maxBody,
      onError: () => {
        throw new DyadError('PAYLOAD_TOO_LARGE', `request body over ${maxBody} bytes; send fewer articles at a time`);
      },
    }),
  );

  app.openapi(eventsRoute, async (c) => {
    const q = c.req.valid('query');
    const page = await service.events({ ...q, both: truthy(q.both) });
    return c.json(page as z.infer<typeof S.EventsPage>, 200);
  });
  app.openapi(eventRoute, async (c) => c.json(await service.event(c.req.valid('param').id), 200));
  app.openapi(aggregateRoute, async (c) => {
    const q = c.req.valid('query');
    const result = await service.aggregate({ ...q, both: truthy(q.both), period: q.period as Period | undefined, group: q.group as GroupBy | undefined });
    return c.json(result, 200);
  });
  app.openapi(actorsRoute, async (c) => c.json({ actors: await service.actors(c.req.valid('query')) }, 200));
  app.openapi(articleRoute, async (c) => c.json(await service.article(c.req.valid('param').id), 200));
  app.openapi(countsRoute, async (c) => c.json(await service.counts(), 200));
  app.openapi(postArticlesRoute, async (c) => {
    const body = c.req.valid('json');
    const result = await service.addArticles(Array.isArray(body) ? body : [body]);
    return c.json(result, 200);
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  app.doc('/api/openapi.json', {
    openapi: '3.0.0',
    info: {
      title: 'dyad HTTP API',
      version: '1',
      description: 'Stored news events coded in CAMEO and PLOVER, with evidence spans. Every error is {"error": {"code", "message"}}.',
    },
  });
  return app;
}

/** POST /api/articles: off without a configured token (405 DISABLED); with one, `Authorization: Bearer` must match (403). */
function tokenCheck(token: string | null): MiddlewareHandler {
  return async (_c, next) => {
    if (!token) throw new DyadError('DISABLED', 'storing articles is off: start `dyad serve` with --token or DYAD_API_TOKEN to enable POST /api/articles');
    const given = /^Bearer\s+(.+)$/i.exec(_c.req.header('Authorization') ?? '')?.[1]?.trim() ?? '';
    if (!sameSecret(given, token)) throw new DyadError('FORBIDDEN', 'missing or wrong token: send Authorization: Bearer <token>');
    await next();
  };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
