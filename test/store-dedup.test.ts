// Ten copies of one article under other ids and outlets, and two lightly edited reprints (another headline, a
// dropped paragraph), are one near-duplicate cluster: each event is ONE event with num_articles from all of them.
// Runs the library in this process (one worker), so it needs no build; exports are read back with DuckDB's readers.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ingest } from '../src/ingest/ingest.js';
import { openDuckDbStore } from '../src/store/duckdb-store.js';
import type { CorpusStore } from '../src/store/store.js';

const root = join(import.meta.dirname, '..');
const devFile = join(root, '..', 'shared', 'eval', 'dev', 'dev-001.txt');
const otherFile = join(root, '..', 'shared', 'eval', 'dev', 'dev-002.txt');
let dir: string;
let corpus: string;
let store: CorpusStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-dedup-'));
  corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  const raw = readFileSync(devFile, 'utf8');
  const m = /^\s*date\s+(\d{4}-\d{2}-\d{2})[ \t]*(.*)\n/.exec(raw)!;
  const body = raw.slice(m[0].length);
  const outlets = ['reuters.com', 'apnews.com', 'bbc.co.uk', 'dw.com', 'france24.com', 'aljazeera.com', 'cnn.com', 'nytimes.com', 'theguardian.com', 'xinhua.net'];
  // The headline opens each text, so that a reprint under another headline differs in its text.
  const article = (id: string, title: string, text: string, url: string) => JSON.stringify({ id, date: m[1], title, text: `${title}\n\n${text}`, url });
  const copies = outlets.map((o, i) => article(`copy-${i}`, m[2], body, `https://www.${o}/world/${i}`));
  const paras = body.trim().split(/\n\s*\n/);
  const reprints = [
    article('reprint-headline', 'Havana visit: the view from the Palace of the Revolution', body, 'https://weekly.example.org/a'),
    article('reprint-shorter', m[2], paras.slice(0, -1).join('\n\n'), 'https://daily.example.org/b'),
  ];
  writeFileSync(join(corpus, 'copies.jsonl'), [...copies, ...reprints].join('\n') + '\n');
  writeFileSync(join(corpus, 'other.txt'), readFileSync(otherFile, 'utf8'));
  store = await openDuckDbStore(join(dir, 'dedup.duckdb'));
  await ingest(store, { paths: [corpus], workers: 1, batchSize: 4 });
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function sql(path: string, query: string, params: (string | number)[] = []): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    return (await c.runAndReadAll(query.replaceAll('$FILE', `'${path.replace(/'/g, "''")}'`), params)).getRowObjectsJS();
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

describe.runIf(existsSync(devFile) && existsSync(otherFile))('near-duplicate clusters', () => {
  it('puts the copies and the edited reprints in one cluster, and the other story in another', async () => {
    const counts = await store.counts();
    expect(counts.articles).toBe(13);
    expect(counts.clusters).toBe(2);
  });

  it('stores each event once with num_articles 10 from the copies, 12 with the reprints', async () => {
    const events = await store.events({}, 1000);
    const havana = events.filter((e) => e.first_article_id === 'copy-0');
    expect(havana.length).toBeGreaterThan(2);
    for (const e of havana) {
      expect(e.num_articles).toBeGreaterThanOrEqual(10);
      expect(e.num_sources).toBeGreaterThanOrEqual(10);
      expect(e.num_mentions).toBeGreaterThanOrEqual(e.num_articles as number);
    }
    // The events of the body are reported by both reprints.
    expect(havana.filter((e) => e.num_articles === 12).length).toBeGreaterThan(0);
    // No event of the reprints stands alone: all were matched to the copies' events.
    const alone = events.filter((e) => String(e.first_article_id).startsWith('reprint'));
    expect(alone.map((e) => `${e.first_article_id} ${e.source_code} ${e.cameo} ${e.target_code}: ${e.evidence_text}`)).toEqual([]);
  });

  it('filters by dyad in either direction, binding odd text safely', async () => {
    const one = await store.events({ dyad: { source: 'USA', target: 'CUB', both: false } }, 100);
    const both = await store.events({ dyad: { source: 'USA', target: 'CUB', both: true } }, 100);
    expect(one.length).toBeGreaterThan(0);
    expect(both.length).toBeGreaterThanOrEqual(one.length);
    expect(await store.events({ actor: "x' OR 1=1 --" }, 100)).toEqual([]);
    const monthly = await store.aggregate({ period: 'month', group: 'dyad' });
    expect(monthly.length).toBeGreaterThan(0);
    expect(Object.keys(monthly[0])).toEqual(expect.arrayContaining(['period', 'dyad', 'events', 'mean_goldstein', 'quad1_share']));
  });

  it('stores the topics of each event and filters by topic', async () => {
    const all = await store.events({}, 10000);
    const withTopics = all.filter((e) => (e.topics as string[]).length > 0);
    expect(withTopics.length).toBeGreaterThan(0);
    const topic = (withTopics[0].topics as string[])[0];
    const filtered = await store.events({ topic }, 10000);
    expect(filtered.map((e) => e.event_id).sort()).toEqual(all.filter((e) => (e.topics as string[]).includes(topic)).map((e) => e.event_id).sort());
    expect(await store.events({ topic: 'NO_SUCH_TOPIC' }, 100)).toEqual([]);
  });

  it('exports csv, jsonl and parquet that DuckDB reads back with the same rows', async () => {
    const stored = await store.events({}, 10000);
    const ids = stored.map((e) => e.event_id).sort();
    for (const format of ['csv', 'jsonl', 'parquet'] as const) {
      for (const profile of ['gdelt', 'plover'] as const) {
        const path = join(dir, `events-${profile}.${format}`);
        const n = await store.exportEvents({ profile, format, path });
        expect(n).toBe(stored.length);
        const reader = format === 'csv' ? `read_csv($FILE, all_varchar = true)` : format === 'jsonl' ? `read_json($FILE)` : `read_parquet($FILE)`;
        const idCol = profile === 'gdelt' ? 'GLOBALEVENTID' : 'id';
        const codeCol = profile === 'gdelt' ? 'EventCode' : 'cameo';
        const rows = await sql(path, `SELECT * FROM ${reader} ORDER BY ${idCol}`);
        expect(rows.map((r) => r[idCol])).toEqual(ids);
        const byId = new Map(stored.map((e) => [e.event_id, e]));
        for (const r of rows) {
          const e = byId.get(r[idCol] as string)!;
          expect(r[codeCol]).toBe(e.cameo);
          expect(typeof r[codeCol]).toBe('string');
          expect(Number(r[profile === 'gdelt' ? 'NumArticles' : 'num_articles'])).toBe(e.num_articles);
          // read_json and read_parquet see ISO dates as DATE values; the text is the same.
          const date = r[profile === 'gdelt' ? 'SQLDATE' : 'date'];
          expect(date instanceof Date ? date.toISOString().slice(0, 10) : date).toBe(e.date);
        }
      }
    }
  });

  it('adds nothing when the same folder is ingested again', async () => {
    const before = await store.counts();
    const again = await ingest(store, { paths: [corpus], workers: 1 });
    expect(again.stored).toBe(0);
    expect(await store.counts()).toEqual(before);
  });
});
