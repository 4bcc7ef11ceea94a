// Hash routes: `#/view/arg/arg?key=value`. Parsing and navigation only; main.ts maps routes to views.

export interface Route {
  parts: string[];
  params: URLSearchParams;
}
export type Cleanup = (() => void) | void;
export type View = (main: HTMLElement, route: Route) => Promise<Cleanup> | Cleanup;

export function parseHash(hash: string): Route {
  const [path, q = ''] = hash.replace(/^#\/?/, '').split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(q) };
}

/** The hash for a view and its parameters (empty ones left out). */
export function href(parts: string[], params: Record<string, string | undefined | null> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return `#/${parts.map(encodeURIComponent).join('/')}${s ? `?${s}` : ''}`;
}

export function go(parts: string[], params: Record<string, string | undefined | null> = {}): void {
  location.hash = href(parts, params);
}
