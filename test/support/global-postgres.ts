/**
 * One PostgreSQL for the whole integration run: TEST_DATABASE_URL when set (any server
 * where we may CREATE DATABASE), else an embedded cluster in a temporary directory that
 * is stopped and removed at the end. A template database is migrated once; each test
 * file clones it (CREATE DATABASE ... TEMPLATE), which takes a fraction of a second.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrationsDir } from '../../server/src/lib/database.js';
import { startEmbeddedPostgres } from '../../server/src/lib/embedded-postgres.js';
import { createLogger } from '../../server/src/lib/logger.js';
import { applyMigrations } from '../../server/src/lib/migrations.js';
import { freePort } from './ports.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a maintenance database on the test server (for CREATE/DROP DATABASE). */
    adminDatabaseUrl: string;
    /** Name of the migrated template database each test file clones. */
    templateDatabase: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn', 'test-postgres');
  let adminUrl: string;
  let stop: () => Promise<void> = async () => undefined;

  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-test-'));
    // The cluster may run as the postgres user (when tests run as root): let it in.
    chmodSync(dataDir, 0o755);
    const cluster = await startEmbeddedPostgres({ dataDir, port: await freePort(), logger });
    adminUrl = cluster.urlFor('postgres');
    stop = async () => {
      await cluster.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }

  const templateDatabase = `parley_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
  await admin.query(`CREATE DATABASE ${templateDatabase}`);
  await admin.end();
  await applyMigrations(withDatabase(adminUrl, templateDatabase), migrationsDir);

  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    // Test databases left by a crashed file are removed with the template.
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [`parley_test_${process.pid}_%`, templateDatabase],
    );
    for (const row of rows)
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(row.datname)} WITH (FORCE)`);
    await client.end();
    await stop();
  };
}
