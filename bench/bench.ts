// `npm run bench`: codes the dev articles (or the bundled examples) repeated to at least 5 MB on one core,
// and prints articles/s, tokens/s, events and peak memory. Start-up (dictionaries, models) is timed apart.
// `npm run bench -- --no-parse` measures pattern-only coding.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../src/dictionaries/load.js';
import { codeArticle, type CoderDeps } from '../src/coder/code-article.js';
import { createCoderDeps } from '../src/coder/deps.js';
import { parseTextArticle } from '../src/input/read-articles.js';
import type { Article } from '../src/model/types.js';

const TARGET_BYTES = Number(process.env.BENCH_BYTES ?? 5 * 1024 * 1024);

function sourceArticles(): { articles: Article[]; from: string } {
  const root = join(defaultDataDir(), '..');
  const dev = join(root, '..', 'shared', 'eval', 'dev');
  const dir = existsSync(dev) ? dev : join(root, 'examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const articles = files.map((f) => parseTextArticle(readFileSync(join(dir, f), 'utf8'), f.replace(/\.txt$/, ''), join(dir, f), null));
  return { articles, from: dir };
}

function main(): void {
  const t0 = performance.now();
  const parse = !process.argv.includes('--no-parse');
  const deps: CoderDeps = createCoderDeps({ parse });
  // Warm up: the first article loads the gazetteer and compiles hot paths.
  const { articles, from } = sourceArticles();
  codeArticle(articles[0], deps);
  const startup = performance.now() - t0;

  const corpus: Article[] = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const a = articles[i % articles.length];
    corpus.push({ ...a, id: `${a.id}-${Math.floor(i / articles.length)}` });
    bytes += Buffer.byteLength(a.text);
  }
  let tokens = 0;
  let events = 0;
  const t1 = performance.now();
  for (const a of corpus) {
    const r = codeArticle(a, deps);
    tokens += r.doc.tokens.text.length;
    events += r.events.length;
  }
  const secs = (performance.now() - t1) / 1000;
  const peakMB = process.resourceUsage().maxRSS / 1024;
  const rows: [string, string][] = [
    ['source', `${articles.length} articles from ${from}`],
    ['corpus', `${corpus.length} articles, ${(bytes / 1024 / 1024).toFixed(1)} MB, ${tokens} tokens`],
    ['start-up', `${(startup / 1000).toFixed(2)} s (dictionaries, wink model, gazetteer)`],
    ['parser', parse ? 'on (sentences with a doubtful subject or negation)' : 'off (--no-parse)'],
    ['coding time', `${secs.toFixed(2)} s on one core`],
    ['articles/s', (corpus.length / secs).toFixed(0)],
    ['tokens/s', (tokens / secs).toFixed(0)],
    ['events', `${events} (${(events / corpus.length).toFixed(2)} per article)`],
    ['peak memory', `${peakMB.toFixed(0)} MB RSS`],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(12)} ${v}`);
}

main();
