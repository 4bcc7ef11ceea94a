// `dyad serve`: opens the store, starts the HTTP API on 127.0.0.1 (by default), prints the URL, and closes the store
// on SIGINT/SIGTERM. A thin wrapper over createApp and createService in src/server/.
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { Command } from 'commander';
import { defaultDataDir } from '../dictionaries/load.js';
import { loadOntology } from '../dictionaries/ontology.js';
import { ingestArticles } from '../ingest/ingest-articles.js';
import { UsageError } from '../model/errors.js';
import { createApp } from '../server/app.js';
import { createService, vocabularyFromOntology } from '../server/service.js';
import { mountExplorer } from '../server/static.js';
import { DEFAULT_DB, openDuckDbStore } from '../store/duckdb-store.js';
import { positiveInt } from './ingest.js';

interface ServeOptions {
  db: string;
  port: string;
  host: string;
  token?: string;
  dict?: string;
  timeout: string;
}

export function registerServe(program: Command, setStatus: (s: number) => void): void {
  program
    .command('serve')
    .description('serve the stored events over HTTP (JSON API; the OpenAPI document is at /api/openapi.json)')
    .option('--db <file>', 'the database file', DEFAULT_DB)
    .option('--port <n>', 'port to listen on', '8787')
    .option('--host <host>', 'address to listen on (127.0.0.1: this machine only)', '127.0.0.1')
    .option('--token <token>', 'enable POST /api/articles with this bearer token (or set DYAD_API_TOKEN)')
    .option('--dict <dir>', 'code posted articles with the dyad-format dictionaries in DIR')
    .option('--timeout <ms>', 'longest a query may take before a 503 QUERY_TIMEOUT', '10000')
    .action(async (opts: ServeOptions) => setStatus(await serveCommand(opts)));
}

async function serveCommand(opts: ServeOptions): Promise<number> {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number 0-65535, got ${JSON.stringify(opts.port)}`);
  const timeoutMs = positiveInt('--timeout', opts.timeout);
  const token = opts.token ?? process.env.DYAD_API_TOKEN ?? null;
  // Read-only unless articles may be posted, so `dyad events` and other readers can share the file.
  const store = await openDuckDbStore(opts.db, { readOnly: !token });
  const service = createService(store, {
    timeoutMs,
    vocabulary: vocabularyFromOntology(loadOntology(join(defaultDataDir(), 'ontology', 'cameo.tsv'))),
    ingest: token ? (s, articles) => ingestArticles(s, articles, { dictDir: opts.dict }) : undefined,
  });
  const app = mountExplorer(createApp(service, { token, log: (m) => process.stderr.write(`dyad: error: ${m}\n`) }));

  let server: ServerType;
  await new Promise<void>((resolve, reject) => {
    server = serve({ fetch: app.fetch, hostname: opts.host, port }, (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      process.stderr.write(`dyad: serving ${opts.db} at http://${host}:${info.port}/ (explorer; API under /api/, POST /api/articles ${token ? 'on' : 'off'}); Ctrl-C stops\n`);
      resolve();
    });
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' || e.code === 'EACCES' || e.code === 'EADDRNOTAVAIL'
        ? new UsageError(`cannot listen on ${opts.host}:${port}: ${e.code}; choose another --port or --host`)
        : e));
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => resolve());
      // Keep-alive connections would hold close() open; the API has no long requests worth waiting for.
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await store.close();
  process.stderr.write('dyad: server stopped\n');
  return 0;
}
