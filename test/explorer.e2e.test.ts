// The web explorer end to end in headless Chromium (playwright-core, Debian's /usr/bin/chromium): a store built from
// the seed article and examples/, served by createApp + the static files; screenshots go to test-artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { defaultDataDir } from '../src/dictionaries/load.js';
import { loadOntology } from '../src/dictionaries/ontology.js';
import { ingest } from '../src/ingest/ingest.js';
import { createApp } from '../src/server/app.js';
import { createService, vocabularyFromOntology } from '../src/server/service.js';
import { defaultWebDir, mountExplorer } from '../src/server/static.js';
import { openDuckDbStore } from '../src/store/duckdb-store.js';
import type { CorpusStore } from '../src/store/store.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seedId = '000_2f34f73e1548f7b8';
const seed = join(root, '..', 'shared', 'eval', 'seed', `${seedId}.txt`);
const CHROMIUM = '/usr/bin/chromium';
const artifacts = join(root, 'test-artifacts');
const skipReason = !existsSync(CHROMIUM)
  ? `${CHROMIUM} is absent (apt-get install chromium; .ci/run installs it)`
  : !existsSync(seed) ? `the seed article ${seed} is absent` : null;
if (skipReason) console.warn(`skipping the explorer end-to-end tests: ${skipReason}`);

let dir: string;
let store: CorpusStore;
let server: ServerType;
let base: string;
let browser: BrowserContext;
let page: Page;
let expected: { both: number; one: number; beijing: number };
const offsite: string[] = [];
const pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** Opens a hash route and waits until its view has finished rendering. */
async function open(hash: string): Promise<void> {
  const before = await page.evaluate(() => document.getElementById('main')?.dataset.ready ?? '');
  await page.evaluate((h) => (location.hash = h), hash);
  await page.waitForFunction((b) => {
    const main = document.getElementById('main');
    return !!main && main.dataset.ready !== b && main.getAttribute('aria-busy') === 'false';
  }, before);
}

describe.skipIf(!!skipReason)('web explorer', () => {
  beforeAll(async () => {
    const webDir = defaultWebDir();
    if (!existsSync(join(webDir, 'index.html'))) {
      // A developer who only ran tsc: build the page once (npm ci / npm run build normally does it).
      const built = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: root, encoding: 'utf8' });
      if (built.status !== 0) throw new Error(`vite build failed:\n${built.stderr}`);
    }
    mkdirSync(artifacts, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'dyad-explorer-'));
    store = await openDuckDbStore(join(dir, 'explorer.duckdb'));
    await ingest(store, { paths: [seed, join(root, 'examples')], workers: 1 });
    const vocabulary = vocabularyFromOntology(loadOntology(join(defaultDataDir(), 'ontology', 'cameo.tsv')));
    const app = mountExplorer(createApp(createService(store, { vocabulary })), webDir);
    base = await new Promise<string>((resolve) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve(`http://127.0.0.1:${info.port}/`));
    });
    // A fresh profile in the temp folder; without the background-networking flags Chromium tries Google's hosts.
    browser = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    // The page must work offline: anything not from our server is refused and recorded.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) return route.continue();
      offsite.push(url);
      return route.abort();
    });
    // The counts the pages must show, as the API gives them for the coded seed.
    const count = async (query: string) => ((await (await fetch(`${base}api/events?limit=500&${query}`)).json()) as { events: unknown[] }).events.length;
    expected = { both: await count('dyad=CHN:KAZ&both=true'), one: await count('dyad=CHN:KAZ'), beijing: await count('place=Beijing') };
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      // The one 400 is the bad filter the event-table test sends on purpose.
      if (m.type() === 'error' && !/status of 400/.test(m.text())) pageErrors.push(m.text());
    });
    await page.goto(base);
    await page.waitForSelector('main[aria-busy="false"] [data-count="events"]');
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page at / with content types, leaves the API and its JSON 404 alone, and keeps out of other folders', async () => {
    const index = await fetch(base);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await index.text();
    const js = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(js).toBeTruthy();
    expect((await fetch(base + js)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${base}api/counts`)).headers.get('content-type')).toMatch(/application\/json/);
    for (const path of ['api/nope', '%2e%2e/package.json', 'assets/%2e%2e/%2e%2e/package.json', 'nope.js']) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    }
    expect(await page.locator('[data-count="articles"]').textContent()).toBe('5');
    await shot('home');
  });

  it('dyad time line: picking CHN and KAZ shows the seed events in 2024-04 on the chart and in its table', async () => {
    await open('#/dyad/USA/CUB');
    await page.getByLabel('Actor or country A').fill('CHN');
    await page.getByLabel('Actor or country B').fill('KAZ');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/dyad/CHN/KAZ') && document.querySelector('#dyad-table tr[data-period]'));
    const row = page.locator('#dyad-table tr[data-period="2024-04"]');
    expect(expected.one).toBeGreaterThan(0);
    expect(expected.both).toBeGreaterThan(expected.one);
    // The seed's events between them, both directions by default.
    expect(await row.getAttribute('data-events')).toBe(String(expected.both));
    expect(await page.locator('.chart canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('.chart').getAttribute('data-total')).toBe(String(expected.both));
    await shot('dyad-CHN-KAZ');
    await page.getByLabel('both directions').uncheck();
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForFunction(() => location.hash.includes('both=0') && document.querySelector('#dyad-table tr[data-period]'));
    expect(await page.locator('#dyad-table tr[data-period="2024-04"]').getAttribute('data-events')).toBe(String(expected.one));
  });

  it('article view: the seed article with source, target, trigger, date and place highlighted, and why on click', async () => {
    await open(`#/article/${seedId}`);
    const mark = (kind: string, text: string) => page.locator(`#article-text mark[data-kinds~="${kind}"]`, { hasText: new RegExp(`^${text}$`) }).first();
    const source = mark('source', 'Zhao Leji');
    expect(await source.textContent()).toBe('Zhao Leji');
    expect(await mark('trigger', 'held talks with').textContent()).toBe('held talks with');
    expect(await mark('target', 'Yerlan Koshanov').textContent()).toBe('Yerlan Koshanov');
    expect(await mark('place', 'Beijing').textContent()).toBe('Beijing');
    expect(await mark('date', 'on Thursday').textContent()).toBe('on Thursday');
    expect(await page.locator('#article-text .evidence').count()).toBeGreaterThan(0);
    await source.click();
    const why = page.locator('section.why');
    await expect.poll(() => why.textContent()).toContain('people/asia.yaml');
    expect(await why.textContent()).toContain('CHNLEG');
    await mark('trigger', 'held talks with').focus();
    await expect.poll(() => why.textContent()).toContain('events/04-consult.txt');
    await shot('article-seed');
    // Picking an event brings its spans forward.
    await page.locator('.event-list button').first().click();
    expect(await page.locator('#article-text mark.on').count()).toBeGreaterThan(2);
    await shot('article-seed-event');
  });

  it('event table: filters, paging and a link to the article', async () => {
    await open('#/events?dyad=CHN:KAZ&both=true&limit=20');
    const rows = page.locator('#events-table tbody tr');
    expect(await rows.count()).toBe(expected.both);
    await shot('events-CHN-KAZ');
    await open('#/events?limit=5');
    const firstPage = await page.locator('#events-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event')));
    expect(firstPage).toHaveLength(5);
    await page.getByRole('link', { name: 'next →' }).click();
    // Wait for the second page itself, not only the hash: the old rows stay until the new ones are drawn.
    await page.waitForFunction(
      (first) =>
        location.hash.includes('offset=5') &&
        document.getElementById('main')?.getAttribute('aria-busy') === 'false' &&
        document.querySelector('#events-table tbody tr')?.getAttribute('data-event') !== first,
      firstPage[0],
    );
    const secondPage = await page.locator('#events-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event')));
    expect(secondPage).toHaveLength(5);
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
    expect(await page.getByRole('link', { name: '← previous' }).count()).toBe(1);
    await open('#/events?limit=20&quad=4');
    for (const q of await page.locator('#events-table tbody tr td:nth-child(5)').allTextContents()) expect(q).toBe('4');
    await open('#/events?cameo=99x');
    expect(await page.locator('.status.error').textContent()).toContain('BAD_REQUEST');
    await open('#/events?limit=20');
    const unfiltered = await page.locator('#events-table tbody tr').count();
    await page.getByLabel('Dyad', { exact: true }).fill('KAZ:CHN');
    await page.getByRole('button', { name: 'Filter' }).click();
    // The filtered table has fewer rows than the unfiltered one: wait for it, not only for the address.
    await page.waitForFunction(
      (n) =>
        location.hash.includes('dyad=KAZ%3ACHN') &&
        document.getElementById('main')?.getAttribute('aria-busy') === 'false' &&
        document.querySelectorAll('#events-table tbody tr').length < n,
      unfiltered,
    );
    await page.locator('#events-table tbody tr').first().locator('td:last-child a').click();
    await page.waitForSelector('#article-text mark');
    expect(page.url()).toContain(`#/article/${seedId}`);
  });

  it('network and map: CHN and KAZ linked, Beijing on the map', async () => {
    await open('#/network?from=2024-01-01&to=2024-12-31');
    expect(await page.locator('#network-table tr[data-edge="CHN:KAZ"]').getAttribute('data-events')).toBe(String(expected.one));
    expect(await page.locator('#network-graph canvas').count()).toBeGreaterThan(0);
    await shot('network-2024');
    await open('#/network?level=actor&colour=quad');
    expect(await page.locator('#network-table tr[data-edge="CHNLEG:KAZLEG"]').count()).toBe(1);
    await open('#/map');
    expect(await page.locator('#map-table tr[data-place="Beijing"]').getAttribute('data-events')).toBe(String(expected.beijing));
    expect(Number(await page.locator('#map-chart').getAttribute('data-points'))).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    await shot('map');
    expect(offsite).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
