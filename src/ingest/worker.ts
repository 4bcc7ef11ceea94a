// Worker thread entry: loads the dictionaries once, then codes the batches of articles the main thread sends.
// It never touches the database: the main thread alone writes.
import { parentPort, workerData } from 'node:worker_threads';
import { createCoderDeps } from '../coder/deps.js';
import type { Article } from '../model/types.js';
import { codeForStore } from './code-for-store.js';

interface Request {
  id: number;
  articles: Article[];
}

const port = parentPort;
if (!port) throw new Error('worker.ts must run as a worker thread');
const { dictDir, parse } = workerData as { dictDir?: string; parse?: boolean };
try {
  const deps = createCoderDeps({ dictDir, parse });
  port.postMessage({ ready: true, dictVersion: deps.dicts.version });
  port.on('message', (req: Request) => {
    const results = req.articles.map((a) => codeForStore(a, deps));
    port.postMessage({ id: req.id, results });
  });
} catch (e) {
  port.postMessage({ ready: false, error: (e as Error).message, code: (e as { code?: string }).code ?? null });
}
