/**
 * Chooses the PostgreSQL Parley runs on: DATABASE_URL when set, otherwise an embedded
 * cluster in the data directory. Either way the database is migrated before use.
 */
import { join } from 'node:path';
import { type Config, redactDatabaseUrl, repoRoot } from '../config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import type { Logger } from './logger.js';
import { applyMigrations } from './migrations.js';

export const migrationsDir = join(repoRoot, 'prisma', 'migrations');

/** The database name used inside the embedded cluster. */
const EMBEDDED_DATABASE = 'parley';

export interface SelectedDatabase {
  url: string;
  /** Human description for logs: never contains the password. */
  description: string;
  embedded: boolean;
  /** Stops the embedded cluster; a no-op for an external database. */
  stop(): Promise<void>;
}

export async function selectDatabase(config: Config, logger: Logger): Promise<SelectedDatabase> {
  if (config.databaseUrl) {
    const description = `external PostgreSQL at ${redactDatabaseUrl(config.databaseUrl)}`;
    logger.info({ database: redactDatabaseUrl(config.databaseUrl) }, 'using external PostgreSQL (DATABASE_URL)');
    return { url: config.databaseUrl, description, embedded: false, stop: async () => undefined };
  }
  const started = Date.now();
  const cluster = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPostgresPort,
    logger,
  });
  await cluster.createDatabase(EMBEDDED_DATABASE);
  const url = cluster.urlFor(EMBEDDED_DATABASE);
  const description = `embedded PostgreSQL on 127.0.0.1:${config.embeddedPostgresPort}, data in ${config.dataDir}`;
  logger.info(
    { database: redactDatabaseUrl(url), dataDir: config.dataDir, ms: Date.now() - started },
    'using embedded PostgreSQL',
  );
  return { url, description, embedded: true, stop: () => cluster.stop() };
}

export async function migrate(url: string, logger: Logger): Promise<void> {
  const result = await applyMigrations(url, migrationsDir);
  if (result.applied.length > 0) logger.info({ applied: result.applied }, 'applied database migrations');
  else logger.debug({ alreadyApplied: result.alreadyApplied }, 'database schema is up to date');
}
