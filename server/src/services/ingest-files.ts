/**
 * Ingests files and directories of articles one by one: one bad file never stops the
 * batch, and each file gets its own result. Used by `parley ingest` and the seed loader.
 *
 * Each article is its own transaction (ingest-article.ts), so a batch killed at any point
 * leaves whole articles only, and running the same batch again skips what is stored (by
 * content hash) and completes the rest. A database that goes away is not a bad file: the
 * batch stops there, and the files not reached say so, rather than fail one by one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { ArticleFormat, ArticleInput, SourceWarning } from '../ingest/types.js';
import { isDatabaseUnavailable, type PrismaClient } from '../lib/db.js';
import { AppError, isAppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { ingestArticle, MAX_ARTICLE_CHARS } from './ingest-article.js';

/**
 * Largest file read as an article; bigger ones are refused rather than read whole. UTF-8
 * spends at most 3 bytes per UTF-16 code unit, so no larger file can fit the character limit.
 */
export const MAX_ARTICLE_BYTES = 3 * MAX_ARTICLE_CHARS + 3;
const articleExtensions = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm']);

export interface FileIngestResult {
  file: string;
  ok: boolean;
  sourceId?: string;
  duplicateOfId?: string | null;
  alreadyIngested?: boolean;
  created?: number;
  corroborated?: number;
  warnings?: SourceWarning[];
  error?: string;
}

/** Expands directories (recursively, sorted) into article files. */
export function listArticleFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (path: string, explicit: boolean) => {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      missing.push(path);
      return;
    }
    if (stat.isDirectory()) {
      // Hidden files and a folder's own documentation are not articles.
      for (const entry of readdirSync(path).sort()) {
        if (!entry.startsWith('.') && !/^(readme|license|licence|changelog|provenance)(\.|$)/i.test(entry))
          walk(join(path, entry), false);
      }
    } else if (explicit || articleExtensions.has(extname(path).toLowerCase())) {
      files.push(path);
    }
  };
  for (const p of paths) walk(p, true);
  return { files, missing };
}

function formatFromExtension(file: string): ArticleFormat | undefined {
  const ext = extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'MARKDOWN';
  if (ext === '.html' || ext === '.htm') return 'HTML';
  return undefined;
}

export function readArticleFile(file: string): string {
  const size = statSync(file).size;
  if (size > MAX_ARTICLE_BYTES) {
    throw new AppError(
      'BAD_USER_INPUT',
      `${file} is ${(size / 1048576).toFixed(1)} MB; articles larger than ${MAX_ARTICLE_BYTES / 1048576} MB are refused.`,
    );
  }
  return readFileSync(file, 'utf8');
}

export interface IngestFilesOptions {
  files: string[];
  metadata?: Omit<ArticleInput, 'text'>;
  logger?: Logger;
  onResult?: (result: FileIngestResult, index: number) => void;
  baseDir?: string;
}

export const DATABASE_UNAVAILABLE_ERROR = 'the database is unavailable; run the same batch again to complete it';
export const NOT_ATTEMPTED_ERROR = 'not attempted: the database became unavailable';

async function ingestFile(
  prisma: PrismaClient,
  file: string,
  name: string,
  options: IngestFilesOptions,
): Promise<FileIngestResult> {
  try {
    const text = readArticleFile(file);
    const format = options.metadata?.format ?? formatFromExtension(file);
    const outcome = await ingestArticle(prisma, {
      input: { ...options.metadata, ...(format ? { format } : {}), text },
      ...(options.logger ? { logger: options.logger } : {}),
    });
    return {
      file: name,
      ok: true,
      sourceId: outcome.sourceId,
      duplicateOfId: outcome.duplicateOfId,
      alreadyIngested: outcome.alreadyIngested,
      created: outcome.created.length,
      corroborated: outcome.corroborated.length,
      warnings: outcome.warnings,
    };
  } catch (error) {
    options.logger?.warn({ file: name, err: error }, 'article not ingested');
    if (isAppError(error)) return { file: name, ok: false, error: error.message };
    if (isDatabaseUnavailable(error)) return { file: name, ok: false, error: DATABASE_UNAVAILABLE_ERROR };
    return { file: name, ok: false, error: `unexpected error: ${(error as Error).message}` };
  }
}

export async function ingestFiles(prisma: PrismaClient, options: IngestFilesOptions): Promise<FileIngestResult[]> {
  const results: FileIngestResult[] = [];
  let databaseLost = false;
  for (const [index, file] of options.files.entries()) {
    const name = options.baseDir ? relative(options.baseDir, file) || file : file;
    // Every later article would fail the same way: say they were not tried.
    const result: FileIngestResult = databaseLost
      ? { file: name, ok: false, error: NOT_ATTEMPTED_ERROR }
      : await ingestFile(prisma, file, name, options);
    databaseLost ||= result.error === DATABASE_UNAVAILABLE_ERROR;
    results.push(result);
    options.onResult?.(result, index);
  }
  return results;
}
