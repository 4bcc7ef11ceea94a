// Codes articles on a pool of worker threads (or in this thread for one worker) and hands results back in the
// order they were sent, so that any number of workers gives the same stored rows. No database access here.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createCoderDeps } from '../coder/deps.js';
import type { Article } from '../model/types.js';
import { DyadError } from '../model/errors.js';
import { codeForStore, type CodedForStore } from './code-for-store.js';

export interface ArticleCoder {
  /** The dictionary version the articles are coded with. */
  readonly dictVersion: string;
  /** Codes a chunk of articles; results come back in the same order. */
  code(articles: Article[]): Promise<CodedForStore[]>;
  close(): Promise<void>;
}

export interface CoderOptions {
  /** Worker threads; 1 (or less) codes in the calling thread. */
  workers: number;
  dictDir?: string;
  /** Parse doubtful sentences with the dependency parser, as `dyad code` does (default true). */
  parse?: boolean;
}

/**
 * The compiled worker script. From dist/ it sits beside this module; when this module runs from TypeScript
 * sources (vitest), the compiled copy in dist/src/ingest/ is used, so multi-worker runs need `npm run build`.
 */
export function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  const beside = join(dirname(here), 'worker.js');
  if (here.endsWith('.js') && existsSync(beside)) return beside;
  let dir = dirname(here);
  for (let i = 0; i < 5; i++) {
    const built = join(dir, 'dist', 'src', 'ingest', 'worker.js');
    if (existsSync(built)) return built;
    dir = dirname(dir);
  }
  throw new DyadError('INTERNAL', 'the worker script is not built; run `npm run build` (or use --workers 1)');
}

export async function createArticleCoder(options: CoderOptions): Promise<ArticleCoder> {
  if (options.workers <= 1) {
    const deps = createCoderDeps({ dictDir: options.dictDir, parse: options.parse });
    return {
      dictVersion: deps.dicts.version,
      code: async (articles) => articles.map((a) => codeForStore(a, deps)),
      close: async () => {},
    };
  }
  return createWorkerPool(options.workers, options.dictDir, options.parse !== false);
}

interface Slot {
  worker: Worker;
  busy: number;
}

async function createWorkerPool(size: number, dictDir: string | undefined, parse: boolean): Promise<ArticleCoder> {
  const script = workerScript();
  const pending = new Map<number, { resolve: (r: CodedForStore[]) => void; reject: (e: Error) => void; slot: Slot }>();
  let nextId = 0;
  let failure: Error | null = null;
  const fail = (e: Error) => {
    failure ??= e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  const slots: Slot[] = [];
  let dictVersion = '';
  await Promise.all(
    Array.from({ length: size }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(script, { workerData: { dictDir, parse } });
        const slot: Slot = { worker, busy: 0 };
        slots.push(slot);
        worker.once('message', (msg: { ready: boolean; dictVersion?: string; error?: string; code?: string }) => {
          if (!msg.ready) {
            const code = msg.code === 'DICT_INVALID' || msg.code === 'DICT_MISSING' ? msg.code : 'INTERNAL';
            reject(new DyadError(code, `worker could not start: ${msg.error}`));
            return;
          }
          dictVersion = msg.dictVersion ?? '';
          worker.on('message', (res: { id: number; results: CodedForStore[] }) => {
            const p = pending.get(res.id);
            if (!p) return;
            pending.delete(res.id);
            p.slot.busy--;
            p.resolve(res.results);
          });
          resolve();
        });
        worker.on('error', (e) => {
          reject(e);
          fail(new DyadError('INTERNAL', `worker thread failed: ${e.message}`, { cause: e }));
        });
        worker.on('exit', (code) => {
          if (code !== 0) fail(new DyadError('INTERNAL', `worker thread exited with status ${code}`));
        });
      }),
    ),
  ).catch(async (e) => {
    await Promise.all(slots.map((s) => s.worker.terminate()));
    throw e;
  });
  return {
    dictVersion,
    code(articles) {
      if (failure) return Promise.reject(failure);
      const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      slot.busy++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, slot });
        slot.worker.postMessage({ id, articles });
      });
    },
    async close() {
      for (const s of slots) s.worker.removeAllListeners('exit');
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
