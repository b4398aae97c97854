/**
 * A fresh, migrated, empty database for one evaluation run, so earlier ingests never leak
 * into the scores: a throwaway database on the configured server, or an embedded cluster
 * in a temporary directory. `dispose()` drops or stops what was started, and only that.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { redactDatabaseUrl } from '../config.js';
import { migrationsDir } from '../lib/database.js';
import { startEmbeddedPostgres } from '../lib/embedded-postgres.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { applyMigrations } from '../lib/migrations.js';
import { freePort } from '../lib/ports.js';

export interface ScratchDatabase {
  url: string;
  /** For logs; never contains a password. */
  description: string;
  dispose(): Promise<void>;
}

export interface OpenScratchDatabaseOptions {
  /** A server where we may CREATE DATABASE; when absent, an embedded PostgreSQL is started. */
  serverUrl: string | undefined;
  logger: Logger;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onServer(serverUrl: string, logger: Logger): Promise<ScratchDatabase> {
  // Hex only, so the name needs no quoting.
  const name = `parley_eval_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch (error) {
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      `Cannot create the evaluation database ${name} on ${redactDatabaseUrl(serverUrl)} (${(error as Error).message}). ` +
        'The evaluation needs a user allowed to CREATE DATABASE, or unset DATABASE_URL to use an embedded PostgreSQL.',
      undefined,
      { cause: error },
    );
  }
  const url = withDatabase(serverUrl, name);
  logger.info({ database: redactDatabaseUrl(url) }, 'created evaluation database');
  return {
    url,
    description: `database ${name} on ${redactDatabaseUrl(serverUrl)}`,
    async dispose() {
      // FORCE (PostgreSQL 13+) ends connections a failed run may have left open.
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => admin(`DROP DATABASE IF EXISTS ${name}`));
      logger.info({ database: name }, 'dropped evaluation database');
    },
  };
}

async function embedded(logger: Logger): Promise<ScratchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-eval-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    // As root the cluster runs as the postgres user, which must be able to enter the directory.
    chmodSync(dataDir, 0o755);
    const port = await freePort();
    const cluster = await startEmbeddedPostgres({ dataDir, port, logger });
    try {
      await cluster.createDatabase('parley_eval');
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    logger.info({ dataDir, port }, 'started embedded PostgreSQL for the evaluation');
    return {
      url: cluster.urlFor('parley_eval'),
      description: `embedded PostgreSQL on 127.0.0.1:${port} in ${dataDir}`,
      async dispose() {
        try {
          await cluster.stop();
        } finally {
          removeDir();
        }
      },
    };
  } catch (error) {
    removeDir();
    throw error;
  }
}

/** Creates and migrates the database; on any failure, cleans up before rethrowing. */
export async function openScratchDatabase(options: OpenScratchDatabaseOptions): Promise<ScratchDatabase> {
  const database = options.serverUrl
    ? await onServer(options.serverUrl, options.logger)
    : await embedded(options.logger);
  try {
    await applyMigrations(database.url, migrationsDir);
    return database;
  } catch (error) {
    await database.dispose().catch((disposeError: unknown) => {
      options.logger.warn({ err: disposeError }, 'could not clean up the evaluation database');
    });
    throw error;
  }
}
