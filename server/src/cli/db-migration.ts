/**
 * `parley db migration <name>`: writes the next Prisma migration from the change in
 * schema.prisma, like `prisma migrate dev --create-only`, without the native engine.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, repoRoot } from '../config.js';
import { migrationsDir, selectDatabase } from '../lib/database.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { diffMigrationsToSchema, MIGRATION_LOCK_TOML } from '../lib/schema-engine.js';

export const schemaPath = join(repoRoot, 'prisma', 'schema.prisma');

/** Prisma's folder names: UTC yyyyMMddHHmmss, an underscore, a snake_case name. */
export function migrationFolderName(name: string, now = new Date()): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!slug)
    throw new AppError('BAD_USER_INPUT', 'A migration needs a name made of letters or digits, e.g. "add_item_links".');
  if (slug.length > 200) throw new AppError('BAD_USER_INPUT', 'A migration name must be at most 200 characters.');
  const stamp = now
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, '');
  return `${stamp}_${slug}`;
}

export interface CreateMigrationResult {
  folder: string | null;
  sql: string;
}

export async function createMigration(name: string, config: Config, logger: Logger): Promise<CreateMigrationResult> {
  const folder = migrationFolderName(name);
  const database = await selectDatabase(config, logger);
  try {
    const sql = await diffMigrationsToSchema(database.url, migrationsDir, readFileSync(schemaPath, 'utf8'));
    if (sql === '') return { folder: null, sql };
    mkdirSync(join(migrationsDir, folder), { recursive: true });
    writeFileSync(join(migrationsDir, folder, 'migration.sql'), sql);
    const lock = join(migrationsDir, 'migration_lock.toml');
    if (!existsSync(lock)) writeFileSync(lock, MIGRATION_LOCK_TOML);
    return { folder, sql };
  } finally {
    await database.stop();
  }
}
