import { migrationsDir } from '../lib/database.js';
import type { DbHandle } from '../lib/db.js';
import { readMigrations } from '../lib/migrations.js';

export interface Readiness {
  ready: boolean;
  database: 'reachable' | 'unreachable';
  pendingMigrations: number;
  reason?: string;
}

const expectedMigrations = readMigrations(migrationsDir).map((m) => m.name);

/** Ready means: the database answers and every migration on disk is applied. */
export async function checkReadiness(db: DbHandle): Promise<Readiness> {
  try {
    const history = await db.pool.query<{ present: boolean }>(
      `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
    );
    const rows = history.rows[0]?.present
      ? (
          await db.pool.query<{ migration_name: string }>(
            'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
          )
        ).rows
      : [];
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = expectedMigrations.filter((name) => !applied.has(name)).length;
    return pending === 0
      ? { ready: true, database: 'reachable', pendingMigrations: 0 }
      : { ready: false, database: 'reachable', pendingMigrations: pending, reason: 'migrations pending' };
  } catch {
    return {
      ready: false,
      database: 'unreachable',
      pendingMigrations: expectedMigrations.length,
      reason: 'database unreachable',
    };
  }
}
