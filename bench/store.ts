// Store benchmark (`npm run bench:store`): generates 20,000 articles from the dev set by varying countries, dates,
// outlets and a closing line, ingests them on every core, and reports articles/s, peak memory, database size and
// the time of a monthly dyad aggregate. A script, not a test: it asserts nothing and prints figures.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/ingest/ingest.js';
import { openDuckDbStore } from '../src/store/duckdb-store.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ARTICLES = Number(process.env.DYAD_BENCH_ARTICLES ?? 20000);
const devDir = join(root, '..', 'shared', 'eval', 'dev');
const sourceDir = existsSync(devDir) ? devDir : join(root, 'examples');

const SWAPS: [string, string][] = [
  ['China', 'Japan'], ['Chinese', 'Japanese'], ['Russia', 'France'], ['Russian', 'French'], ['Cuba', 'Mexico'],
  ['Cuban', 'Mexican'], ['Kazakhstan', 'Uzbekistan'], ['Turkey', 'Greece'], ['Turkish', 'Greek'], ['India', 'Pakistan'],
  ['Indian', 'Pakistani'], ['Colombia', 'Peru'], ['Fiji', 'Samoa'], ['Australia', 'Canada'], ['Iran', 'Iraq'],
];
const OUTLETS = ['reuters.com', 'apnews.com', 'afp.com', 'xinhua.net', 'bbc.co.uk', 'aljazeera.com', 'dw.com', 'france24.com',
  'theguardian.com', 'nytimes.com', 'scmp.com', 'thehindu.com', 'abc.net.au', 'rferl.org', 'kyodonews.net', 'tass.com'];

/** A deterministic pseudo-random sequence, so every run of the bench ingests the same corpus. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return x / 2 ** 32;
  };
}

function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function generate(path: string, n: number): number {
  const bases = readdirSync(sourceDir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const raw = readFileSync(join(sourceDir, f), 'utf8');
    const m = /^\s*date\s+(\d{4}-\d{2}-\d{2})[ \t]*(.*)\n/.exec(raw);
    return { id: f.replace(/\.txt$/, ''), date: m?.[1] ?? '2020-01-01', title: m?.[2] ?? '', text: m ? raw.slice(m[0].length) : raw };
  });
  const rand = rng(42);
  const lines: string[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const base = bases[i % bases.length];
    let text = base.text;
    // Swap one or two country names (both ways), so actors and dyads vary.
    for (let k = 0; k < 2; k++) {
      const [a, b] = SWAPS[Math.floor(rand() * SWAPS.length)];
      if (rand() < 0.6) text = text.replace(new RegExp(`\\b(${a}|${b})\\b`, 'g'), (w) => (w === a ? b : a));
    }
    const date = shiftDate(base.date, Math.floor(rand() * 1460) - 730);
    const outlet = OUTLETS[Math.floor(rand() * OUTLETS.length)];
    text += `\n\nReporting by staff in bureau ${Math.floor(rand() * 1000)}; editing by desk ${i % 97}.`;
    const line = JSON.stringify({ id: `gen-${i}`, date, title: base.title, text, url: `https://www.${outlet}/news/${i}` });
    bytes += line.length;
    lines.push(line);
  }
  writeFileSync(path, lines.join('\n') + '\n');
  return bytes;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-store-'));
  try {
    const corpus = join(dir, 'corpus.jsonl');
    const bytes = generate(corpus, ARTICLES);
    const db = join(dir, 'bench.duckdb');
    const workers = Number(process.env.DYAD_BENCH_WORKERS ?? availableParallelism());
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
    const started = performance.now();
    const store = await openDuckDbStore(db);
    const summary = await ingest(store, { paths: [corpus], workers });
    await store.close();
    const secs = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
    const size = statSync(db).size + (existsSync(`${db}.wal`) ? statSync(`${db}.wal`).size : 0);

    const reader = await openDuckDbStore(db, { readOnly: true });
    const counts = await reader.counts();
    const times: number[] = [];
    let groups = 0;
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      groups = (await reader.aggregate({ period: 'month', group: 'dyad' })).length;
      times.push(performance.now() - t);
    }
    await reader.close();

    const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
    process.stdout.write(
      [
        `corpus        ${ARTICLES} articles generated from ${sourceDir} (${mb(bytes)} MB JSONL)`,
        `ingest        ${summary.stored} stored in ${secs.toFixed(1)} s on ${workers} workers: ${(summary.stored / secs).toFixed(0)} articles/s end to end`,
        `rows          ${counts.events} events, ${counts.mentions} mentions, ${counts.actors} actors, ${counts.clusters} clusters`,
        `peak memory   ${mb(peak)} MB RSS (main thread, workers and DuckDB)`,
        `database      ${mb(size)} MB`,
        `aggregate     monthly dyad aggregate (${groups} rows): ${times[0].toFixed(0)} ms first, ${Math.min(...times).toFixed(0)} ms best of 3`,
      ].join('\n') + '\n',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
