/**
 * Per-file test databases cloned from the migrated template (see global-postgres.ts).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectDb, type DbHandle, type PrismaClient } from '../../server/src/lib/db.js';

export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database (terminating connections left open). */
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database. `migrated: false` skips the template (for migration tests). */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  // The template's owner process id keeps names unique across concurrent runs.
  const template = inject('templateDatabase');
  const runId = template.replace('parley_template_', '');
  const name = `parley_test_${runId}_${randomBytes(4).toString('hex')}`;
  await admin((client) =>
    client.query(
      options.migrated === false ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${template}`,
    ),
  );
  const url = withDatabase(inject('adminDatabaseUrl'), name);
  return {
    name,
    url,
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A migrated database with a Prisma client on it; close and drop it in afterAll. */
export async function openTestDb(): Promise<{ database: TestDatabase; db: DbHandle; cleanup(): Promise<void> }> {
  const database = await createTestDatabase();
  const db = connectDb(database.url);
  return {
    database,
    db,
    async cleanup() {
      await db.close();
      await database.drop();
    },
  };
}

/**
 * Rows in every table an ingest writes: compare before and after to prove that a refused
 * or failed write left nothing behind.
 */
export async function rowCounts(prisma: PrismaClient) {
  const [sources, items, citations, participants, actors, actorAliases, places] = await Promise.all([
    prisma.source.count(),
    prisma.timelineItem.count(),
    prisma.citation.count(),
    prisma.participant.count(),
    prisma.actor.count(),
    prisma.actorAlias.count(),
    prisma.place.count(),
  ]);
  return { sources, items, citations, participants, actors, actorAliases, places };
}
