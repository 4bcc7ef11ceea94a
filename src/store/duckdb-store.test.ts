// The DuckDB store's faults: a foreign database, a file that is not a database, a lock held by another process,
// a schema newer than this dyad; and migrations that record their version. Each error names the file.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { StoreError } from '../model/errors.js';
import { openDuckDbStore } from './duckdb-store.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations.js';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'dyad-db-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function openError(path: string, readOnly = false): Promise<StoreError> {
  try {
    const s = await openDuckDbStore(path, { readOnly });
    await s.close();
  } catch (e) {
    expect(e).toBeInstanceOf(StoreError);
    return e as StoreError;
  }
  throw new Error('expected the store not to open');
}

describe('DuckDB store', () => {
  it('creates the schema and records its version; reopening changes nothing', async () => {
    const path = join(dir, 'new.duckdb');
    const store = await openDuckDbStore(path);
    expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(await store.counts()).toEqual({ articles: 0, clusters: 0, events: 0, mentions: 0, actors: 0 });
    await store.close();
    const again = await openDuckDbStore(path, { readOnly: true });
    expect(await again.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    await again.close();
  });

  it('refuses a missing file for reading, a foreign database, a non-database file and a newer schema', async () => {
    expect((await openError(join(dir, 'missing.duckdb'), true)).code).toBe('STORE_OPEN');
    const foreign = join(dir, 'foreign.duckdb');
    const inst = await DuckDBInstance.create(foreign);
    const c = await inst.connect();
    await c.run('CREATE TABLE sales (id INTEGER)');
    c.closeSync();
    inst.closeSync();
    const f = await openError(foreign);
    expect(f.code).toBe('STORE_FOREIGN');
    expect(f.message).toContain(foreign);
    const junk = join(dir, 'junk.duckdb');
    writeFileSync(junk, 'not a database '.repeat(500));
    const j = await openError(junk);
    expect(j.code).toBe('STORE_CORRUPT');
    expect(j.message).toContain(junk);
    const newer = join(dir, 'newer.duckdb');
    await (await openDuckDbStore(newer)).close();
    const inst2 = await DuckDBInstance.create(newer);
    const c2 = await inst2.connect();
    await c2.run(`INSERT INTO schema_version (version, description) VALUES (999, 'from the future')`);
    c2.closeSync();
    inst2.closeSync();
    expect((await openError(newer)).code).toBe('STORE_VERSION');
  });

  it('brings a database of an older schema forward, keeping its rows, and asks read-only users to upgrade it', async () => {
    const path = join(dir, 'v1.duckdb');
    const inst = await DuckDBInstance.create(path);
    const c = await inst.connect();
    await c.run(`CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`);
    for (const sql of MIGRATIONS[0].statements) await c.run(sql);
    await c.run(`INSERT INTO schema_version (version, description) VALUES (1, 'v1')`);
    await c.run(`INSERT INTO actors (actor_key, code, kind, num_mentions, num_articles, dict_version) VALUES ('k', 'CHN', 'country', 1, 1, '0.1.0')`);
    c.closeSync();
    inst.closeSync();
    const old = await openError(path, true);
    expect(old.code).toBe('STORE_VERSION');
    expect(old.message).toMatch(/older than .*run `dyad ingest` on it once/);
    const store = await openDuckDbStore(path);
    expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect((await store.counts()).actors).toBe(1);
    await store.close();
  });

  it('names the process that holds the lock', async () => {
    const path = join(dir, 'locked.duckdb');
    await (await openDuckDbStore(path)).close();
    const holder = spawn(process.execPath, ['--input-type=module', '-e',
      `import { DuckDBInstance } from '@duckdb/node-api'; const i = await DuckDBInstance.create(${JSON.stringify(path)}); console.log('held'); setTimeout(() => {}, 20000);`],
      { cwd: join(import.meta.dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      const e = await openError(path);
      expect(e.code).toBe('STORE_LOCKED');
      expect(e.message).toContain(path);
      expect(e.message).toContain(`PID ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
