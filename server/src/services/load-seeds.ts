/**
 * The seed corpus: ingested into an empty database on first start, so a fresh install
 * has a timeline to explore.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../config.js';
import type { PrismaClient } from '../lib/db.js';
import type { Logger } from '../lib/logger.js';
import { ingestFiles } from './ingest-files.js';

export const seedArticlesDir = join(repoRoot, 'prisma', 'seed', 'articles');

export function seedArticleFiles(dir = seedArticlesDir): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(dir, name));
}

/** Ingests the seeds when no source is stored yet; returns how many were ingested. */
export async function loadSeedsIfEmpty(prisma: PrismaClient, logger: Logger): Promise<number> {
  if ((await prisma.source.count()) > 0) return 0;
  const files = seedArticleFiles();
  const results = await ingestFiles(prisma, { files, logger, baseDir: seedArticlesDir });
  const failed = results.filter((r) => !r.ok);
  for (const f of failed) logger.error({ file: f.file, error: f.error }, 'seed article failed to ingest');
  logger.info(
    { ingested: results.length - failed.length, items: results.reduce((n, r) => n + (r.created ?? 0), 0) },
    'loaded the seed corpus',
  );
  return results.length - failed.length;
}
