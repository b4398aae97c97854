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
