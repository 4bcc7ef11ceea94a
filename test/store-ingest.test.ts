// End to end: `bin/dyad ingest` (the compiled CLI in dist/, so run `npm run build` first) is idempotent and
// resumable: a second run adds nothing, a run killed with SIGKILL after some batches and run again ends with
// exactly the rows of an uninterrupted run, so does a run stopped by a full disk, and one worker gives the same
// rows as two.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openDuckDbStore } from '../src/store/duckdb-store.js';

const root = join(import.meta.dirname, '..');
const dyad = join(root, 'bin', 'dyad');
const devDir = join(root, '..', 'shared', 'eval', 'dev');
const sourceDir = existsSync(devDir) ? devDir : join(root, 'examples');
const COPIES = 6;
let dir: string;
let corpus: string;

/** The dev articles, each in COPIES versions (other outlet, every third without its last paragraph). */
function writeCorpus(path: string): number {
  const files = readdirSync(sourceDir).filter((f) => f.endsWith('.txt')).sort();
  const outlets = ['reuters.com', 'apnews.com', 'xinhua.net', 'bbc.co.uk', 'aljazeera.com', 'dw.com'];
  const lines: string[] = [];
  for (let copy = 0; copy < COPIES; copy++) {
    for (const f of files) {
      const raw = readFileSync(join(sourceDir, f), 'utf8');
      const m = /^\s*date\s+(\d{4}-\d{2}-\d{2})[ \t]*(.*)\n/.exec(raw);
      let text = m ? raw.slice(m[0].length) : raw;
      if (copy % 3 === 2) {
        const paras = text.trim().split(/\n\s*\n/);
        if (paras.length > 3) text = paras.slice(0, -1).join('\n\n');
      }
      const id = `${f.replace(/\.txt$/, '')}-c${copy}`;
      lines.push(JSON.stringify({ id, date: m?.[1] ?? '2020-01-01', title: m?.[2] ?? null, text, url: `https://www.${outlets[copy % outlets.length]}/story/${id}` }));
    }
  }
  writeFileSync(path, lines.join('\n') + '\n');
  return lines.length;
}

interface Snapshot {
  articles: number;
  mentions: number;
  events: number;
  actors: number;
  eventIds: string[];
  eventCounts: string[];
}

async function snapshot(db: string): Promise<Snapshot> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const c = await instance.connect();
  const one = async (sql: string) => Number((await c.runAndReadAll(sql)).getRowsJS()[0][0]);
  const list = async (sql: string) => (await c.runAndReadAll(sql)).getRowsJS().map((r) => r.join('|'));
  const s: Snapshot = {
    articles: await one('SELECT count(*) FROM articles'),
    mentions: await one('SELECT count(*) FROM mentions'),
    events: await one('SELECT count(*) FROM events'),
    actors: await one('SELECT count(*) FROM actors'),
    eventIds: await list('SELECT event_id FROM events ORDER BY event_id'),
    eventCounts: await list('SELECT event_id, num_mentions, num_articles, num_sources, first_article_id FROM events ORDER BY event_id'),
  };
  c.closeSync();
  instance.closeSync();
  return s;
}

function ingest(db: string, ...extra: string[]) {
  const r = spawnSync(dyad, ['ingest', '--db', db, '--batch-size', '10', ...extra, corpus], { encoding: 'utf8' });
  expect(r.stderr).not.toMatch(/error/);
  expect(r.status).toBe(0);
  return r;
}

let total = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-store-'));
  corpus = join(dir, 'corpus.jsonl');
  total = writeCorpus(corpus);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(existsSync(join(root, 'dist', 'src', 'cli', 'main.js')))('dyad ingest', () => {
  let full: Snapshot;

  /** A stopped run kept some whole batches of 10, no more; run again, it ends with the rows of an uninterrupted run. */
  async function expectWholeBatchesThenResume(db: string): Promise<void> {
    const partial = await snapshot(db);
    expect(partial.articles).toBeGreaterThan(0);
    expect(partial.articles).toBeLessThan(total);
    expect(partial.articles % 10).toBe(0);
    ingest(db, '--workers', '2', '-q');
    expect(await snapshot(db)).toEqual(full);
  }

  it('stores every article once and adds nothing on a second run', async () => {
    const db = join(dir, 'full.duckdb');
    const first = ingest(db, '--workers', '2');
    expect(first.stderr).toMatch(new RegExp(`dyad: ${total} articles stored`));
    full = await snapshot(db);
    expect(full.articles).toBe(total);
    expect(full.events).toBeGreaterThan(50);
    expect(full.mentions).toBeGreaterThan(full.events);
    const second = ingest(db, '--workers', '2');
    expect(second.stderr).toMatch(new RegExp(`dyad: 0 articles stored .* ${total} already stored`));
    expect(await snapshot(db)).toEqual(full);
  });

  it('ends with the same rows after a SIGKILL mid-run and a rerun', async () => {
    const db = join(dir, 'killed.duckdb');
    // The schema is made first (and checkpointed on close), so that the log grows only with committed batches.
    await (await openDuckDbStore(db)).close();
    expect(existsSync(`${db}.wal`)).toBe(false);
    const child = spawn(dyad, ['ingest', '--db', db, '--batch-size', '10', '--workers', '2', '-q', corpus], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Each committed batch appends to the write-ahead log: kill once it has grown three times.
    let growths = 0;
    let last = 0;
    let finished = false;
    void exited.then(() => (finished = true));
    while (!finished && growths < 3) {
      await new Promise((r) => setTimeout(r, 15));
      const size = existsSync(`${db}.wal`) ? statSync(`${db}.wal`).size : 0;
      if (size > last) {
        growths++;
        last = size;
      }
    }
    expect(finished).toBe(false);
    child.kill('SIGKILL');
    await exited;
    await expectWholeBatchesThenResume(db);
    ingest(db, '--workers', '2', '-q');
    expect(await snapshot(db)).toEqual(full);
  });

  // A full disk, simulated by a file size limit (writes past it fail with EFBIG once SIGXFSZ is ignored, as they
  // fail with ENOSPC on a full disk): the run stops with a clear message and exit 4, keeps what it committed, and
  // a rerun without the limit ends with the rows of an uninterrupted run.
  it.runIf(process.platform === 'linux' && existsSync('/bin/bash'))('stops cleanly on a full disk and resumes to the same rows', async () => {
    const db = join(dir, 'limited.duckdb');
    await (await openDuckDbStore(db)).close();
    const blocks = Math.ceil((statSync(db).size + 400_000) / 1024);
    const limited = spawnSync(
      '/bin/bash',
      ['-c', `trap '' XFSZ; ulimit -f ${blocks}; exec "$0" "$@"`, dyad, 'ingest', '--db', db, '--batch-size', '10', '--workers', '2', '-q', corpus],
      { encoding: 'utf8' },
    );
    expect(limited.status).toBe(4);
    expect(limited.stderr).toMatch(/limited\.duckdb: the database file reached the file size limit .* everything committed before it is kept/);
    await expectWholeBatchesThenResume(db);
  });

  it('recodes every stored article to the same rows with the same dictionaries', async () => {
    const db = join(dir, 'recode.duckdb');
    ingest(db, '--workers', '2', '-q');
    const r = spawnSync(dyad, ['recode', '--all', '--db', db, '--workers', '2'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`dyad: ${total} articles recoded`));
    expect(await snapshot(db)).toEqual(full);
  });

  it('gives the same rows with one worker', async () => {
    const db = join(dir, 'one.duckdb');
    ingest(db, '--workers', '1', '-q');
    expect(await snapshot(db)).toEqual(full);
  });
});
