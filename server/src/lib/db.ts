/**
 * The one Prisma client, on node-postgres through @prisma/adapter-pg (no native query
 * engine). The pool is shared with the few hot paths that speak SQL directly.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';

export type { PrismaClient };
export type Db = PrismaClient;

export interface DbHandle {
  prisma: PrismaClient;
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface DbOptions {
  /** Called with each SQL statement Prisma sends; used by tests that count queries. */
  onQuery?: (sql: string) => void;
  maxConnections?: number;
}

/** Prisma's codes for "the database cannot be reached": can't reach, timed out, closed, pool timeout. */
const unavailablePrismaCodes = new Set(['P1001', 'P1002', 'P1017', 'P2024']);
/** What @prisma/adapter-pg calls a lost or refused connection. */
const unavailableAdapterKinds = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
/** Socket errors of a server that is down, restarting or unroutable. */
const unavailableSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
]);
/**
 * SQLSTATEs of a server that is going away or not there yet: class 08 (connection
 * exception), 57P01-57P03 (admin shutdown, crash shutdown, cannot connect now: starting or
 * stopping), 53300 (too many connections).
 */
const unavailableSqlState = /^(08...|57P0[123]|53300)$/;
/** node-postgres reports a dropped socket or a connect timeout with a bare message, no code. */
const unavailableMessage =
  /^(Connection terminated( unexpectedly| due to connection timeout)?|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable)$/;

function isUnavailableLink(error: Record<string, unknown>): boolean {
  const code = typeof error.code === 'string' ? error.code : undefined;
  if (code && (unavailablePrismaCodes.has(code) || unavailableSocketCodes.has(code) || unavailableSqlState.test(code)))
    return true;
  if (typeof error.originalCode === 'string' && unavailableSqlState.test(error.originalCode)) return true;
  if (typeof error.kind === 'string' && unavailableAdapterKinds.has(error.kind)) return true;
  return typeof error.message === 'string' && unavailableMessage.test(error.message);
}

/**
 * True when an error means PostgreSQL is unreachable (down, restarting, refusing
 * connections), not that the query or the data is wrong: callers answer "try again later"
 * (HTTP 503) instead of reporting a bug. Follows the chain of wrapped errors Prisma, the
 * adapter and GraphQL build (`cause`, `originalError`, `meta.driverAdapterError`).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const link = current as Record<string, unknown>;
    if (isUnavailableLink(link)) return true;
    const meta = link.meta as Record<string, unknown> | undefined;
    pending.push(link.cause, link.originalError, meta?.driverAdapterError);
  }
  return false;
}

export function connectDb(connectionString: string, options: DbOptions = {}): DbHandle {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    // Fail fast when PostgreSQL is away instead of queueing requests forever.
    connectionTimeoutMillis: 5_000,
  });
  // A pool client that loses its server (PostgreSQL restarted) must not crash the process;
  // the next query gets a fresh connection.
  pool.on('error', () => undefined);
  const adapter = new PrismaPg(pool);
  const prisma = new PrismaClient({
    adapter,
    log: options.onQuery ? [{ emit: 'event', level: 'query' }] : [],
  });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (prisma as unknown as { $on(event: 'query', cb: (e: { query: string }) => void): void }).$on('query', (e) =>
      onQuery(e.query),
    );
  }
  let closed = false;
  return {
    prisma,
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}
