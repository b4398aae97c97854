/**
 * The HTTP front door: /health, /ready, /graphql (Apollo Server), /export and the client.
 * Apollo is mounted through its framework-neutral executeHTTPGraphQLRequest, on a plain
 * Node HTTP server, which keeps the request path short and every limit in one place.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import type { GraphQLSchema } from 'graphql';
import { repoRoot } from '../config.js';
import { cachePolicyPlugin } from '../graphql/cache-policy.js';
import { anonymous, createContext, type GraphQLContext, type Viewer } from '../graphql/context.js';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE,
  DATABASE_UNAVAILABLE_MESSAGE,
  errorResponses,
  formatError,
} from '../graphql/format-error.js';
import { type QueryLimits, queryLimitsPlugin } from '../graphql/limits.js';
import type { DataVersion } from '../lib/data-version.js';
import { type DbHandle, isDatabaseUnavailable } from '../lib/db.js';
import type { Logger } from '../lib/logger.js';
import type { ResponseCacheStore } from '../lib/response-cache.js';
import { verifyApiKey } from '../services/api-keys.js';
import { sendBody } from './compression.js';
import { handleExport } from './export.js';
import { servePlayground } from './playground.js';
import { applyRateLimitHeaders, createRateLimiter, type RateLimitSettings } from './rate-limit.js';
import { checkReadiness } from './readiness.js';
import { createStaticHandler } from './static-files.js';

export interface HttpServerOptions {
  schema: GraphQLSchema;
  db: DbHandle;
  logger: Logger;
  /** Anonymous reads allowed (PARLEY_PUBLIC_READ); otherwise every request needs a key. */
  publicRead?: boolean;
  /** Serve the GraphiQL playground to browsers at /graphql (PARLEY_PLAYGROUND). */
  playground?: boolean;
  /** Origins allowed by CORS; '*' (the default) for any. */
  corsOrigins?: string[] | '*';
  introspection?: boolean;
  limits?: QueryLimits;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  clientDir?: string;
  /** Items per database query in /export (default 500). */
  exportPageSize?: number;
  /**
   * Cached answers to public queries, keyed by the data version; both or neither. Without
   * them every query runs.
   */
  responseCache?: { store: ResponseCacheStore; dataVersion: DataVersion };
  /** Seconds public answers may be reused by browsers, CDNs and the response cache. */
  publicMaxAge?: number;
  /** Compress responses larger than this many bytes for clients that accept it (default 1024; 0 = off). */
  compressAbove?: number;
  /** Per-key and per-address request budgets for /graphql and /export; none without it. */
  rateLimit?: RateLimitSettings;
  /** Where rate-limit counters are shared between servers; unset keeps them in this process. */
  redisUrl?: string;
}

/** CORS for browser clients on other origins (the embed widget): reads are open by default. */
function applyCors(req: IncomingMessage, res: ServerResponse, allowed: string[] | '*'): void {
  const origin = req.headers.origin;
  if (!origin) return;
  if (allowed !== '*' && !allowed.includes(origin)) return;
  res.setHeader('access-control-allow-origin', allowed === '*' ? '*' : origin);
  res.setHeader('vary', 'Origin');
  // Lets a script on another origin read the file name of an /export download.
  // and the rate-limit fields, so a widget can pace itself.
  res.setHeader(
    'access-control-expose-headers',
    'content-disposition, ratelimit-limit, ratelimit-remaining, ratelimit-reset, ratelimit-policy, retry-after',
  );
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader(
    'access-control-allow-headers',
    'content-type, authorization, apollo-require-preflight, x-apollo-operation-name',
  );
  res.setHeader('access-control-max-age', '600');
}

export interface RunningHttpServer {
  server: Server;
  url: string;
  /** Stops accepting connections, lets in-flight requests finish, then stops Apollo. */
  close(): Promise<void>;
}

class BodyTooLargeError extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLargeError());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function graphqlError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

/**
 * Apollo's response cache for anonymous queries, keyed by the data version. A mutation
 * served here moves this process's version on at once (the database's announcement
 * follows and reaches the other servers).
 */
function responseCachePlugins({
  store,
  dataVersion,
}: NonNullable<HttpServerOptions['responseCache']>): ApolloServerPlugin<GraphQLContext>[] {
  const anonymousWhileWatching = async ({ contextValue }: { contextValue: GraphQLContext }) =>
    !contextValue.viewer.role && dataVersion.current() !== null;
  const cachePlugin = ApolloServerPluginResponseCache<GraphQLContext>({
    cache: store.cache,
    extraCacheKeyData: async () => dataVersion.current(),
    shouldReadFromCache: anonymousWhileWatching,
    shouldWriteToCache: anonymousWhileWatching,
  });
  const bumpAfterWrites: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') dataVersion.bump();
        },
      };
    },
  };
  return [cachePlugin, bumpAfterWrites];
}

export async function startHttpServer(
  options: HttpServerOptions,
  listen: { host: string; port: number },
): Promise<RunningHttpServer> {
  const { schema, db, logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 8 * 1024 * 1024;
  const clientDir = options.clientDir ?? join(repoRoot, 'client', 'dist');
  const serveStatic = createStaticHandler(clientDir);
  const responseCache = options.responseCache;

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    csrfPrevention: true,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection ?? true,
    // Batched arrays of operations are refused: one operation per request keeps the cost
    // limits meaningful.
    allowBatchedHttpRequests: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      errorResponses,
      queryLimitsPlugin(schema, options.limits),
      // Public reads may be cached by browsers and CDNs for a short while (GET and APQ
      // requests make that possible); anything done with a key, and every mutation, is not.
      ApolloServerPluginCacheControlDisabled(),
      cachePolicyPlugin(options.publicMaxAge ?? 30),
      ...(responseCache ? responseCachePlugins(responseCache) : []),
    ],
  });
  await apollo.start();
  const rateLimiter = options.rateLimit ? await createRateLimiter(options.rateLimit, options.redisUrl, logger) : null;
  if (rateLimiter) logger.info({ rateLimit: rateLimiter.description }, 'rate limits');

  let draining = false;
  const publicRead = options.publicRead ?? true;

  /** The key in `Authorization: Bearer <key>`, checked; anonymous without one. */
  async function viewerFor(header: string | undefined): Promise<Viewer> {
    if (!header) return anonymous;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) return { ...anonymous, rejectedKey: true };
    // A database that cannot be reached says nothing about the key: that becomes a 503
    // (below), not "unknown or revoked", which would tell a client to throw its key away.
    const verified = await verifyApiKey(db.prisma, match[1] as string).catch((error: unknown) => {
      if (isDatabaseUnavailable(error)) throw error;
      return null;
    });
    return verified
      ? { keyId: verified.id, role: verified.role, rejectedKey: false }
      : { ...anonymous, rejectedKey: true };
  }

  /** Why this viewer may not read (PARLEY_PUBLIC_READ off and no valid key), or null. */
  function readRefusal(viewer: Viewer): string | null {
    if (publicRead || viewer.role) return null;
    return viewer.rejectedKey
      ? 'The API key is unknown or revoked.'
      : 'This server needs an API key: Authorization: Bearer <key>.';
  }

  /**
   * Spends one request of the caller's budget (its key's, else its address's) and sets the
   * RateLimit fields; false, with a 429 already sent, when the budget is spent.
   */
  async function withinRateLimit(req: IncomingMessage, res: ServerResponse, viewer: Viewer): Promise<boolean> {
    const limit = await rateLimiter?.consume(req, viewer.role ? viewer.keyId : null);
    if (!limit) return true;
    applyRateLimitHeaders(res, limit);
    if (limit.allowed) return true;
    req.resume();
    graphqlError(
      res,
      429,
      'RATE_LIMITED',
      `Too many requests: the limit is ${limit.limit} per minute; try again in ${limit.resetSeconds} s.`,
    );
    return false;
  }

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    // Who is asking decides the budget, so the key is checked before the body is read.
    const viewer = await viewerFor(req.headers.authorization);
    if (!(await withinRateLimit(req, res, viewer))) return;
    let body: unknown;
    if (req.method === 'POST') {
      let raw: string;
      try {
        raw = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          graphqlError(res, 413, 'BAD_USER_INPUT', `Request body is larger than ${maxBodyBytes} bytes.`);
          return;
        }
        throw error;
      }
      const type = req.headers['content-type'] ?? '';
      if (type.includes('application/json')) {
        try {
          body = raw === '' ? undefined : JSON.parse(raw);
        } catch {
          graphqlError(res, 400, 'BAD_USER_INPUT', 'Request body is not valid JSON.');
          return;
        }
      } else {
        body = raw;
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      headers,
      search: url.search,
      body,
    };
    const requestId = randomUUID();
    const refusal = readRefusal(viewer);
    if (refusal !== null) {
      graphqlError(res, 401, 'UNAUTHENTICATED', refusal);
      return;
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => createContext({ prisma: db.prisma, logger: logger.child({ requestId }), requestId, viewer }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      await sendBody(req, res, response.body.string, options.compressAbove ?? 1024);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function handleRateLimitedExport(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const viewer = await viewerFor(req.headers.authorization);
    if (!(await withinRateLimit(req, res, viewer))) return;
    await handleExport(req, res, url, {
      prisma: db.prisma,
      logger,
      readRefusal: async () => readRefusal(viewer),
      pageSize: options.exportPageSize,
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (draining) res.setHeader('connection', 'close');
    // Browsers asking for /graphql as a page get GraphiQL; API requests go on.
    if (servePlayground(req, res, url, clientDir, options.playground ?? true)) return;
    switch (url.pathname) {
      case '/health':
        sendJson(res, 200, { status: 'ok' });
        return;
      case '/ready': {
        const readiness = await checkReadiness(db);
        sendJson(
          res,
          readiness.ready && !draining ? 200 : 503,
          draining ? { ...readiness, ready: false, reason: 'shutting down' } : readiness,
        );
        return;
      }
      case '/graphql':
        applyCors(req, res, options.corsOrigins ?? '*');
        if (req.method === 'OPTIONS') {
          res.writeHead(204);
          res.end();
          return;
        }
        await handleGraphQL(req, res, url);
        return;
      case '/export':
        applyCors(req, res, options.corsOrigins ?? '*');
        if (req.method === 'OPTIONS') {
          res.writeHead(204);
          res.end();
          return;
        }
        await handleRateLimitedExport(req, res, url);
        return;
      default:
        if (serveStatic(req, res, url.pathname)) return;
        sendJson(res, 404, { error: 'Not found' });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const unavailable = isDatabaseUnavailable(error);
      if (unavailable) logger.warn({ path: req.url }, 'request failed: the database is unavailable');
      else logger.error({ err: error, path: req.url }, 'request failed');
      if (res.headersSent) {
        res.destroy();
      } else if (unavailable) {
        res.setHeader('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
        graphqlError(res, 503, DATABASE_UNAVAILABLE, DATABASE_UNAVAILABLE_MESSAGE);
      } else {
        sendJson(res, 500, {
          errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
      }
    });
  });
  server.keepAliveTimeout = 5_000;
  // Slow clients may not hold connections open: headers within 20 s, the whole request
  // (an article of 8 MB at most) within 2 minutes. Responses, such as a long export, may
  // take as long as they need.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    server,
    url,
    close() {
      closing ??= (async () => {
        draining = true;
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await apollo.stop();
        await rateLimiter?.close();
      })();
      return closing;
    },
  };
}
