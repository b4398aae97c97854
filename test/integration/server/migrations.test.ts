import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsDir } from '../../../server/src/lib/database.js';
import { applyMigrations, MigrationError, sha256Hex } from '../../../server/src/lib/migrations.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('applyMigrations', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function emptyDatabase(): Promise<TestDatabase> {
    const database = await createTestDatabase({ migrated: false });
    cleanups.push(() => database.drop());
    return database;
  }

  it('records one finished row per migration directory, checksum = sha256 of migration.sql', async () => {
    const database = await emptyDatabase();
    const result = await applyMigrations(database.url, migrationsDir);
    const dirs = readdirSync(migrationsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(dirs.length).toBeGreaterThan(0);
    expect(result.applied).toEqual(dirs);

    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      database.url,
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(dirs);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.checksum).toBe(sha256Hex(readFileSync(join(migrationsDir, row.migration_name, 'migration.sql'))));
    }

    // A second run is a no-op.
    const again = await applyMigrations(database.url, migrationsDir);
    expect(again).toEqual({ applied: [], alreadyApplied: dirs.length });
  });

  it('refuses a migration edited after it was applied', async () => {
    const database = await emptyDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'parley-migrations-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, '20200101000000_first'));
    writeFileSync(join(dir, '20200101000000_first', 'migration.sql'), 'CREATE TABLE first_table (id int);');
    await applyMigrations(database.url, dir);
    writeFileSync(join(dir, '20200101000000_first', 'migration.sql'), 'CREATE TABLE first_table (id bigint);');
    await expect(applyMigrations(database.url, dir)).rejects.toThrow(/changed after it was applied/);
  });

  it('rolls back a failing migration completely and records nothing for it', async () => {
    const database = await emptyDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'parley-migrations-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, '20200101000000_good'));
    writeFileSync(join(dir, '20200101000000_good', 'migration.sql'), 'CREATE TABLE good_table (id int);');
    mkdirSync(join(dir, '20200102000000_bad'));
    writeFileSync(
      join(dir, '20200102000000_bad', 'migration.sql'),
      'CREATE TABLE half_table (id int);\nINSERT INTO no_such_table VALUES (1);',
    );
    const failure = applyMigrations(database.url, dir);
    await expect(failure).rejects.toBeInstanceOf(MigrationError);
    await expect(failure).rejects.toThrow(/20200102000000_bad failed and was rolled back/);

    const tables = await query<{ name: string | null }>(database.url, `SELECT to_regclass('half_table')::text AS name`);
    expect(tables[0]?.name).toBeNull();
    const rows = await query<{ migration_name: string }>(
      database.url,
      'SELECT migration_name FROM "_prisma_migrations"',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(['20200101000000_good']);
  });
});
