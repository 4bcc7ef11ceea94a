// The HTTP API end to end without a socket (app.request): every route's happy path over a store built from the seed
// article and examples/, bad parameters, SQL metacharacters, the token rule, body limit, timeouts and concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../dictionaries/load.js';
import { loadOntology } from '../dictionaries/ontology.js';
import { ingest } from '../ingest/ingest.js';
import { ingestArticles } from '../ingest/ingest-articles.js';
import { openDuckDbStore } from '../store/duckdb-store.js';
import type { CorpusStore } from '../store/store.js';
import { createApp } from './app.js';
import { createService, vocabularyFromOntology } from './service.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const seedId = '000_2f34f73e1548f7b8';
const seed = join(root, '..', 'shared', 'eval', 'seed', `${seedId}.txt`);
const haveSeed = existsSync(seed);
if (!haveSeed) console.warn(`skipping the HTTP API tests: the seed article ${seed} is absent`);

const TOKEN = 'test-token-123';
const vocabulary = vocabularyFromOntology(loadOntology(join(defaultDataDir(), 'ontology', 'cameo.tsv')));
let dir: string;
let store: CorpusStore;
let app: ReturnType<typeof createApp>;
let readOnlyApp: ReturnType<typeof createApp>;

type Json = Record<string, any>;
async function get(path: string, a = app): Promise<{ status: number; body: Json }> {
  const res = await a.request(path);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return { status: res.status, body: (await res.json()) as Json };
}
async function post(body: string, headers: Record<string, string> = {}, a = app): Promise<{ status: number; body: Json }> {
  const res = await a.request('/api/articles', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  return { status: res.status, body: (await res.json()) as Json };
}
function expectError(r: { status: number; body: Json }, status: number, code: string): void {
  expect(r.status).toBe(status);
  expect(r.body).toEqual({ error: { code, message: expect.any(String) } });
}

describe.skipIf(!haveSeed)('HTTP API', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dyad-server-'));
    store = await openDuckDbStore(join(dir, 'api.duckdb'));
    await ingest(store, { paths: [seed, join(root, 'examples')], workers: 1 });
    const service = createService(store, { vocabulary, ingest: (s, articles) => ingestArticles(s, articles) });
    app = createApp(service, { token: TOKEN });
    readOnlyApp = createApp(createService(store, { vocabulary }), {});
  });
  afterAll(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('GET /api/events: the CHN-KAZ dyad finds the seed events, either direction with both', async () => {
    const one = await get('/api/events?dyad=CHN:KAZ');
    expect(one.status).toBe(200);
    expect(one.body.events.length).toBeGreaterThan(0);
    for (const e of one.body.events) {
      expect(e.source_code.startsWith('CHN')).toBe(true);
      expect(e.target_code.startsWith('KAZ')).toBe(true);
      expect(e.first_article_id).toBe(seedId);
    }
    const both = await get('/api/events?dyad=CHN:KAZ&both=true');
    expect(both.body.events.length).toBeGreaterThan(one.body.events.length);
    expect(both.body.events.some((e: Json) => e.source_code.startsWith('KAZ'))).toBe(true);
    const dated = await get('/api/events?dyad=CHN:KAZ&both=1&from=2024-04-25&to=2024-04-25&cameo=04&quad=1');
    expect(dated.status).toBe(200);
    expect(dated.body.events.length).toBeGreaterThan(0);
    for (const e of dated.body.events) expect([e.date, e.cameo.slice(0, 2)]).toEqual(['2024-04-25', '04']);
    const plover = await get('/api/events?plover=consult&country=kaz&place=Beijing&text=talks&actor=Zhao');
    expect(plover.status).toBe(200);
    expect(plover.body.events.map((e: Json) => e.plover_event)).toContain('CONSULT');
  });

  it('GET /api/events pages with limit and offset; next_offset is null on the last page', async () => {
    const all = (await get('/api/events?limit=500')).body;
    expect(all.next_offset).toBeNull();
    const n = all.events.length;
    expect(n).toBeGreaterThan(4);
    const seen: string[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page: Json = (await get(`/api/events?limit=3&offset=${offset}`)).body;
      expect(page.events.length).toBeLessThanOrEqual(3);
      seen.push(...page.events.map((e: Json) => e.event_id));
      offset = page.next_offset;
    }
    expect(seen).toEqual(all.events.map((e: Json) => e.event_id));
  });

  it('GET /api/events refuses bad parameters with 400 naming them', async () => {
    for (const [q, word] of [
      ['from=2024-13-01', 'from'],
      ['to=yesterday', 'to'],
      ['from=2024-05-01&to=2024-04-01', 'after'],
      ['cameo=99', 'CAMEO'],
      ['cameo=4x', 'cameo'],
      ['plover=NOSUCH', 'PLOVER'],
      ['dyad=CHN-KAZ', 'dyad'],
      ['dyad=CHN:', 'dyad'],
      ['both=maybe', 'both'],
      ['quad=5', 'quad'],
      ['country=China', 'country'],
      ['limit=501', 'limit'],
      ['limit=100000000', 'limit'],
      ['limit=0', 'limit'],
      ['limit=ten', 'limit'],
      ['offset=-1', 'offset'],
    ]) {
      const r = await get(`/api/events?${q}`);
      expectError(r, 400, 'BAD_REQUEST');
      expect(r.body.error.message).toContain(word);
    }
  });

  it('SQL metacharacters in text and actor filters are values: no match, no effect', async () => {
    const before = (await get('/api/counts')).body;
    const evil = encodeURIComponent("'; DROP TABLE events; --");
    for (const q of [`text=${evil}`, `actor=${evil}`, `place=${evil}`, `text=%25`, `actor=_`]) {
      const r = await get(`/api/events?${q}`);
      expect(r.status).toBe(200);
      expect(r.body.events).toEqual([]);
    }
    expect((await get(`/api/actors?text=${evil}`)).body.actors).toEqual([]);
    expect((await get(`/api/aggregate?group=dyad&text=${evil}`)).status).toBe(200);
    expect((await get('/api/counts')).body).toEqual(before);
  });

  it('GET /api/events/{id}: one event with its mentions, evidence, trigger and why; 404 for an unknown id', async () => {
    const [first] = (await get('/api/events?dyad=CHN:KAZ&cameo=04')).body.events;
    const r = await get(`/api/events/${first.event_id}`);
    expect(r.status).toBe(200);
    expect(r.body.event.event_id).toBe(first.event_id);
    expect(r.body.mentions.length).toBeGreaterThan(0);
    const m = r.body.mentions[0];
    expect(m.article_id).toBe(seedId);
    expect(m.event_id).toBe(first.event_id);
    expect(typeof m.sentence).toBe('number');
    expect(m.evidence_text).toContain(m.trigger_text);
    expect(m.trigger_end).toBeGreaterThan(m.trigger_start);
    expect(m.why.pattern).toMatch(/^events\//);
    expectError(await get('/api/events/no-such-event'), 404, 'NOT_FOUND');
    expectError(await get(`/api/events/${encodeURIComponent("x' OR '1'='1")}`), 404, 'NOT_FOUND');
  });

  it('GET /api/articles/{id}: the seed text, and spans that slice it exactly; 404 for an unknown id', async () => {
    const r = await get(`/api/articles/${seedId}`);
    expect(r.status).toBe(200);
    const text: string = r.body.article.text;
    expect(text).toContain('Zhao Leji');
    expect(r.body.article.signature).toBeUndefined();
    expect(r.body.events.length).toBeGreaterThan(0);
    const kinds = new Set(r.body.spans.map((s: Json) => s.kind));
    for (const k of ['source', 'target', 'trigger', 'date', 'place', 'evidence']) expect(kinds).toContain(k);
    for (const s of r.body.spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    const trigger = r.body.spans.find((s: Json) => s.kind === 'trigger');
    expect(trigger.why.pattern).toMatch(/^events\//);
    const source = r.body.spans.find((s: Json) => s.kind === 'source' && Array.isArray(s.why) && s.why.some((w: Json) => w.entry));
    expect(source).toBeDefined();
    for (const a of r.body.actors) expect(text.slice(a.start, a.end)).toBe(a.text);
    expectError(await get('/api/articles/nope'), 404, 'NOT_FOUND');
  });

  it('GET /api/aggregate by month and dyad; bad period or group is a 400', async () => {
    const r = await get('/api/aggregate?period=month&group=dyad');
    expect(r.status).toBe(200);
    expect(r.body.truncated).toBe(false);
    const row = r.body.rows.find((x: Json) => x.period === '2024-04' && ['CHN:KAZ', 'KAZ:CHN'].includes(x.dyad));
    expect(row.events).toBeGreaterThan(0);
    const filtered = await get('/api/aggregate?group=root&dyad=CHN:KAZ&both=true');
    const total = filtered.body.rows.reduce((n: number, x: Json) => n + x.events, 0);
    expect(total).toBe((await get('/api/events?dyad=CHN:KAZ&both=true&limit=500')).body.events.length);
    expectError(await get('/api/aggregate?period=fortnight'), 400, 'BAD_REQUEST');
    expectError(await get('/api/aggregate?group=planet'), 400, 'BAD_REQUEST');
    expectError(await get('/api/aggregate?from=2024-02-30'), 400, 'BAD_REQUEST');
  });

  it('GET /api/actors and GET /api/counts', async () => {
    const r = await get('/api/actors?text=Zhao');
    expect(r.status).toBe(200);
    expect(r.body.actors.some((a: Json) => a.code === 'CHNLEG' && /Zhao/.test(a.name))).toBe(true);
    expect((await get('/api/actors?limit=2')).body.actors).toHaveLength(2);
    expectError(await get('/api/actors?limit=10000'), 400, 'BAD_REQUEST');
    const c = await get('/api/counts');
    expect(c.status).toBe(200);
    expect(c.body.articles).toBeGreaterThanOrEqual(4);
    expect(c.body.events).toBeGreaterThan(0);
  });

  it('GET /api/openapi.json documents every route; unknown routes are a 404 in the same format', async () => {
    const r = await get('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    expect(Object.keys(r.body.paths).sort()).toEqual(['/api/actors', '/api/aggregate', '/api/articles', '/api/articles/{id}', '/api/counts', '/api/events', '/api/events/{id}']);
    expect(r.body.paths['/api/events'].get.parameters.map((p: Json) => p.name)).toEqual(expect.arrayContaining(['dyad', 'from', 'limit', 'offset']));
    expectError(await get('/api/nothing'), 404, 'NOT_FOUND');
  });

  it('POST /api/articles: off without a token, 403 with a wrong one, stored and visible with the right one', async () => {
    const article = { id: 'api-post-1', date: '2024-05-06', title: 'Paris talks', text: 'PARIS, May 6 -- French President Emmanuel Macron held talks with German Chancellor Olaf Scholz in Paris on Monday.' };
    const off = await post(JSON.stringify(article), { Authorization: `Bearer ${TOKEN}` }, readOnlyApp);
    expectError(off, 405, 'DISABLED');
    expect(off.body.error.message).toMatch(/--token|DYAD_API_TOKEN/);
    expectError(await post(JSON.stringify(article)), 403, 'FORBIDDEN');
    expectError(await post(JSON.stringify(article), { Authorization: 'Bearer wrong' }), 403, 'FORBIDDEN');
    expectError(await post(JSON.stringify(article), { Authorization: `Bearer ${TOKEN}x` }), 403, 'FORBIDDEN');
    expectError(await post('{not json', { Authorization: `Bearer ${TOKEN}` }), 400, 'BAD_REQUEST');
    expectError(await post(JSON.stringify({ id: 'x', text: '' }), { Authorization: `Bearer ${TOKEN}` }), 400, 'BAD_REQUEST');
    expectError(await post(JSON.stringify({ ...article, date: '2024-5-6' }), { Authorization: `Bearer ${TOKEN}` }), 400, 'BAD_REQUEST');
    const before = (await get('/api/counts')).body;

    const ok = await post(JSON.stringify([article]), { Authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ stored: 1, skipped: 0, warnings: [] });
    expect(ok.body.mentions).toBeGreaterThan(0);
    const again = await post(JSON.stringify(article), { Authorization: `bearer ${TOKEN}` });
    expect(again.body).toMatchObject({ stored: 0, alreadyStored: 1 });
    expect((await get('/api/counts')).body.articles).toBe(before.articles + 1);
    const stored = await get('/api/articles/api-post-1');
    expect(stored.body.article.text).toBe(article.text);
    const events = (await get('/api/events?dyad=FRA:DEU&from=2024-05-06')).body.events;
    expect(events.map((e: Json) => e.first_article_id)).toContain('api-post-1');
  });

  it('POST /api/articles: a body over the limit is a 413, checked after the token', async () => {
    const big = JSON.stringify({ id: 'big', text: 'x'.repeat(1024 * 1024 + 10) });
    expectError(await post(big, { Authorization: `Bearer ${TOKEN}` }), 413, 'PAYLOAD_TOO_LARGE');
    expectError(await post(big, { Authorization: 'Bearer nope' }), 403, 'FORBIDDEN');
    const small = createApp(createService(store, { ingest: ingestArticles }), { token: TOKEN, maxBodyBytes: 100 });
    expectError(await post(JSON.stringify({ id: 'a', text: 'y'.repeat(200) }), { Authorization: `Bearer ${TOKEN}` }, small), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('50 parallel requests all answer 200 with the same results as one by one', async () => {
    const paths = [
      '/api/events?dyad=CHN:KAZ&both=true',
      '/api/aggregate?period=month&group=dyad',
      `/api/articles/${seedId}`,
      '/api/actors?limit=5',
      '/api/counts',
    ];
    const expected = await Promise.all(paths.map(async (p) => (await get(p)).body));
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => get(paths[i % paths.length])));
    results.forEach((r, i) => {
      expect(r.status).toBe(200);
      expect(r.body).toEqual(expected[i % paths.length]);
    });
  });

  it('a slow query is a 503 QUERY_TIMEOUT; an internal fault is a 500 without its detail', async () => {
    const slow = Object.create(store) as CorpusStore;
    slow.events = () => new Promise((resolve) => setTimeout(() => resolve([]), 300));
    slow.counts = () => Promise.reject(new Error('secret detail at /home/x/db.ts:12'));
    const logged: string[] = [];
    const a = createApp(createService(slow, { timeoutMs: 30 }), { log: (m) => logged.push(m) });
    expectError(await get('/api/events', a), 503, 'QUERY_TIMEOUT');
    const r = await get('/api/counts', a);
    expectError(r, 500, 'INTERNAL');
    expect(JSON.stringify(r.body)).not.toMatch(/secret|\.ts|at /);
    expect(logged.join('\n')).toContain('secret detail');
  });
});
