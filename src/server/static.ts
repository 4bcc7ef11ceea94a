// Serves the built web explorer (dist/web, made by `npm run build`) next to the API: index.html at `/`, hashed
// assets with their content types. Read-only file serving only: no API routes and no building here.
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono, MiddlewareHandler } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

// Everything the page needs is served from here: no CDN, no tile server (the page must work offline).
const CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'";

/** dist/web of this package, found from this file whether it runs from src/ (tests) or dist/src/ (the CLI). */
export function defaultWebDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'web');
}

/** Middleware answering GET/HEAD for files under `webDir` (and `/` with index.html); other paths go on to the API. */
export function explorerFiles(webDir: string): MiddlewareHandler {
  const root = resolve(webDir);
  return async (c, next) => {
    const method = c.req.method;
    const path = c.req.path;
    if ((method !== 'GET' && method !== 'HEAD') || path.startsWith('/api/') || path === '/api') return next();
    let rel: string;
    try {
      rel = decodeURIComponent(path === '/' ? '/index.html' : path);
    } catch {
      return next();
    }
    const file = resolve(join(root, rel));
    // No way out of webDir (`/../`, encoded or not), and no dotfiles.
    if (!file.startsWith(root + sep) || rel.split('/').some((part) => part.startsWith('.'))) return next();
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (path === '/') {
        return c.text('The web explorer is not built: run `npm run build` (it writes dist/web), then reload.\n', 404);
      }
      return next();
    }
    const body = await readFile(file);
    const hashed = rel.startsWith('/assets/');
    const headers = {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(body.length),
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      ...(extname(file) === '.html' ? { 'Content-Security-Policy': CSP } : {}),
    };
    return method === 'HEAD' ? c.body(null, 200, headers) : c.body(new Uint8Array(body), 200, headers);
  };
}

/** Adds the explorer's files to an app made by createApp; the API's routes and its JSON 404 are unchanged. */
export function mountExplorer<A extends Hono<any, any, any>>(app: A, webDir: string = defaultWebDir()): A {
  app.use('*', explorerFiles(webDir));
  return app;
}
