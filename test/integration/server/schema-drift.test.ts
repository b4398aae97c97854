/**
 * schema.prisma and prisma/migrations must describe the same database: the migrations
 * are replayed on a shadow database and diffed against the schema by Prisma's own
 * (WebAssembly) schema engine. Adding a field without a migration fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { schemaPath } from '../../../server/src/cli/db-migration.js';
import { migrationsDir } from '../../../server/src/lib/database.js';
import { diffMigrationsToSchema } from '../../../server/src/lib/schema-engine.js';

describe('schema drift', () => {
  it('the migrations produce exactly the database schema.prisma describes', async () => {
    const sql = await diffMigrationsToSchema(
      inject('adminDatabaseUrl'),
      migrationsDir,
      readFileSync(schemaPath, 'utf8'),
    );
    // A non-empty diff is the migration that is missing: print it so the fix is obvious.
    expect(sql, `schema.prisma has changes no migration covers; run \`npm run db:migration -- <name>\`:\n${sql}`).toBe(
      '',
    );
  });

  it('notices a field added to schema.prisma without a migration', async () => {
    const schema = readFileSync(schemaPath, 'utf8').replace(
      /model Place \{\n/,
      'model Place {\n  wikidataId String? @map("wikidata_id")\n',
    );
    const sql = await diffMigrationsToSchema(inject('adminDatabaseUrl'), migrationsDir, schema);
    expect(sql).toMatch(/ALTER TABLE "place" ADD COLUMN\s+"wikidata_id" TEXT/);
  });
});
