// HTTP API benchmark (`npm run bench:serve`): ingests a few hundred articles generated from the dev set into a temp
// database, serves it on 127.0.0.1 (a free port), and loads two routes with autocannon. Prints figures; asserts nothing.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { serve, type ServerType } from '@hono/node-server';
import { defaultDataDir } from '../src/dictionaries/load.js';
import { loadOntology } from '../src/dictionaries/ontology.js';
import { ingest } from '../src/ingest/ingest.js';
import { createApp } from '../src/server/app.js';
import { createService, vocabularyFromOntology } from '../src/server/service.js';
import { openDuckDbStore } from '../src/store/duckdb-store.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ARTICLES = Number(process.env.DYAD_BENCH_ARTICLES ?? 400);
const SECONDS = Number(process.env.DYAD_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.DYAD_BENCH_CONNECTIONS ?? 10);
const devDir = join(root, '..', 'shared', 'eval', 'dev');
const sourceDir = existsSync(devDir) ? devDir : join(root, 'examples');

// A smaller copy of bench/store.ts's generator (that file runs its benchmark on import): country swaps and dates.
const SWAPS: [string, string][] = [
  ['China', 'Japan'], ['Chinese', 'Japanese'], ['Russia', 'France'], ['Russian', 'French'], ['Cuba', 'Mexico'],
  ['Kazakhstan', 'Uzbekistan'], ['Turkey', 'Greece'], ['India', 'Pakistan'], ['Iran', 'Iraq'],
];

function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return x / 2 ** 32;
  };
}

function generate(path: string, n: number): void {
  const bases = readdirSync(sourceDir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const raw = readFileSync(join(sourceDir, f), 'utf8');
    const m = /^\s*date\s+(\d{4}-\d{2}-\d{2})[ \t]*(.*)\n/.exec(raw);
    return { date: m?.[1] ?? '2020-01-01', title: m?.[2] ?? '', text: m ? raw.slice(m[0].length) : raw };
  });
  const rand = rng(7);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = bases[i % bases.length];
    let text = base.text;
    const [a, b] = SWAPS[Math.floor(rand() * SWAPS.length)];
    if (rand() < 0.6) text = text.replace(new RegExp(`\\b(${a}|${b})\\b`, 'g'), (w) => (w === a ? b : a));
    const d = new Date(`${base.date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + Math.floor(rand() * 1460) - 730);
    text += `\n\nReporting by staff in bureau ${Math.floor(rand() * 1000)}; editing by desk ${i % 97}.`;
    lines.push(JSON.stringify({ id: `gen-${i}`, date: d.toISOString().slice(0, 10), title: base.title, text, url: `https://news${i % 16}.example/${i}` }));
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

async function load(url: string): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-serve-'));
  let server: ServerType | undefined;
  try {
    const corpus = join(dir, 'corpus.jsonl');
    generate(corpus, ARTICLES);
    const db = join(dir, 'bench.duckdb');
    const writer = await openDuckDbStore(db);
    const summary = await ingest(writer, { paths: [corpus], workers: availableParallelism() });
    await writer.close();

    const store = await openDuckDbStore(db, { readOnly: true });
    const counts = await store.counts();
    // The busiest dyad, so the events route returns a full page.
    const top = (await store.aggregate({ group: 'dyad' })).sort((x, y) => Number(y.events) - Number(x.events))[0];
    const dyad = String(top?.dyad ?? 'CHN:KAZ').replace(/-$/, 'XXX');
    const service = createService(store, { vocabulary: vocabularyFromOntology(loadOntology(join(defaultDataDir(), 'ontology', 'cameo.tsv'))) });
    const app = createApp(service);
    const srv = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    server = srv;
    await new Promise<void>((resolve) => (srv.listening ? resolve() : srv.once('listening', () => resolve())));
    const { port } = srv.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;

    const routes = [`/api/events?dyad=${dyad}&both=true&limit=100`, '/api/aggregate?period=month&group=dyad'];
    const lines = [
      `database      ${summary.stored} articles generated from ${sourceDir}: ${counts.events} events, ${counts.mentions} mentions`,
      `load          ${CONNECTIONS} connections, ${SECONDS} s per route, loopback only`,
    ];
    for (const route of routes) {
      const r = await load(base + route);
      lines.push(
        `GET ${route.padEnd(44)} ${r.requests.average.toFixed(0).padStart(6)} requests/s, p99 ${r.latency.p99} ms, ` +
          `mean ${r.latency.average.toFixed(1)} ms (${r['2xx']} 2xx, ${r.non2xx} other, ${r.errors} errors, ${r.timeouts} timeouts)`,
      );
    }
    process.stdout.write(lines.join('\n') + '\n');
    await new Promise<void>((resolve) => srv.close(() => resolve()));
    server = undefined;
    await store.close();
  } finally {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
