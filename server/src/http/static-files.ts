/**
 * Serves the built client (client/dist) under `/`. Paths are resolved inside the root
 * only; unknown paths without an extension fall back to index.html for client routing.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { compressorFor } from './compression.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Content-Security-Policy for the pages we serve: only our own scripts, no inline script,
 * no plugins, API calls to this origin only. It backs up the rule that source text reaches
 * the DOM as text: even a slip could not run an injected script. vis-timeline positions
 * items with inline styles, hence 'unsafe-inline' for styles only. The explorer may be
 * framed by itself only; the /embed page exists to be framed by any host.
 */
function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}
const explorerPolicy = contentSecurityPolicy("'self'");
const framePolicy = contentSecurityPolicy('*');

export function createStaticHandler(root: string) {
  const framePage = join(root, 'embed', 'index.html');
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  return function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (!existsSync(root)) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return false;
    }
    if (decoded.includes('\0')) return false;
    let file = normalize(join(root, decoded));
    if (file !== root && !file.startsWith(rootWithSep)) return false;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      if (extname(decoded) !== '') return false;
      file = join(root, 'index.html');
      if (!existsSync(file)) return false;
    }
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    const hashed = /\/assets\//.test(file);
    res.setHeader('content-type', type);
    res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.setHeader('x-content-type-options', 'nosniff');
    if (type.startsWith('text/html')) {
      res.setHeader('content-security-policy', file === framePage ? framePolicy : explorerPolicy);
      res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
    }
    // The explorer's and the embed's scripts shrink three- to fourfold.
    const compressor = compressorFor(req, res, type);
    res.writeHead(200);
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    if (compressor) createReadStream(file).pipe(compressor).pipe(res);
    else createReadStream(file).pipe(res);
    return true;
  };
}
