/**
 * The GraphiQL playground at /graphql (built by the client into client/dist/playground).
 * A browser opening /graphql gets the page; everything else (POSTs, GETs with a `query`,
 * clients that prefer JSON) falls through to the API. Its files live under
 * /graphql/assets/ so that turning the playground off removes all of it.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';

const pagePath = '/graphql';
const assetsPrefix = '/graphql/assets/';

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** The q-value an Accept header gives `type` (by its most specific matching range). */
function quality(accept: string, type: string): number {
  const [major] = type.split('/');
  let best = { specificity: -1, q: 0 };
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const specificity = range === type ? 2 : range === `${major}/*` ? 1 : range === '*/*' ? 0 : -1;
    if (specificity <= best.specificity) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    best = { specificity, q: Number.isFinite(q) ? q : 0 };
  }
  return best.q;
}

/** True when the client would rather have HTML than JSON: a browser, not fetch or curl. */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = quality(accept, 'text/html');
  return html > 0 && html > quality(accept, 'application/json');
}

function sendFile(res: ServerResponse, file: string, type: string, cacheControl: string, head: boolean): void {
  res.writeHead(200, {
    'content-type': type,
    'content-length': statSync(file).size,
    'cache-control': cacheControl,
    'x-content-type-options': 'nosniff',
  });
  if (head) {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

/**
 * Serves the playground page or one of its files and returns true; returns false for
 * anything else (or when `enabled` is false, or the playground was not built) so the
 * caller carries on with the API.
 */
export function servePlayground(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  clientDir: string,
  enabled = true,
): boolean {
  if (!enabled) return false;
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') return false;
  const root = join(clientDir, 'playground');

  if (url.pathname === pagePath) {
    if (url.searchParams.has('query') || !prefersHtml(req.headers.accept)) return false;
    const page = join(root, 'index.html');
    if (!existsSync(page)) return false;
    // The same URL answers JSON to API clients: caches must key on Accept.
    res.setHeader('vary', 'Accept');
    sendFile(res, page, 'text/html; charset=utf-8', 'no-cache', method === 'HEAD');
    return true;
  }

  if (url.pathname.startsWith(assetsPrefix)) {
    const name = url.pathname.slice(assetsPrefix.length);
    // Vite's hashed file names only: no slashes, no dot-segments, nothing to escape root.
    const type = contentTypes[extname(name)];
    if (!/^[\w-]+(\.[\w-]+)*$/.test(name) || !type) return false;
    const file = join(root, 'assets', name);
    if (!existsSync(file)) return false;
    sendFile(res, file, type, 'public, max-age=31536000, immutable', method === 'HEAD');
    return true;
  }
  return false;
}
