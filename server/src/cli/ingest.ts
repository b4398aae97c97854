/**
 * `parley ingest <files|dirs...>`: one result per article (source id, items created and
 * corroborated, warnings); a progress bar on a terminal; `--json` prints one JSON
 * document and nothing else on stdout. Exit code 1 when any file failed.
 *
 * Safe to interrupt (even kill -9): every article is stored whole or not at all, and the
 * same command again skips the stored ones (counted as "already stored") and does the rest.
 */
import { SingleBar } from 'cli-progress';
import type { Config } from '../config.js';
import type { ArticleFormat, ArticleInput } from '../ingest/types.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { type FileIngestResult, ingestFiles, listArticleFiles } from '../services/ingest-files.js';
import { withDatabase } from './database.js';

export interface IngestCommandOptions {
  url?: string;
  title?: string;
  publisher?: string;
  published?: string;
  format?: string;
  json?: boolean;
}

export function parseIngestMetadata(options: IngestCommandOptions): Omit<ArticleInput, 'text'> {
  const metadata: Omit<ArticleInput, 'text'> = {};
  if (options.url !== undefined) {
    try {
      const u = new URL(options.url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
    } catch {
      throw new AppError('BAD_USER_INPUT', `--url must be an http(s) URL, got "${options.url}"`);
    }
    metadata.url = options.url;
  }
  if (options.title !== undefined) {
    if (!options.title.trim() || options.title.length > 1000)
      throw new AppError('BAD_USER_INPUT', '--title must be 1 to 1000 characters');
    metadata.title = options.title.trim();
  }
  if (options.publisher !== undefined) {
    if (!options.publisher.trim() || options.publisher.length > 200)
      throw new AppError('BAD_USER_INPUT', '--publisher must be 1 to 200 characters');
    metadata.publisher = options.publisher.trim();
  }
  if (options.published !== undefined) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.published.trim());
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== options.published.trim()) {
      throw new AppError('BAD_USER_INPUT', `--published must be a date like 2018-06-07, got "${options.published}"`);
    }
    metadata.publishedAt = date;
  }
  if (options.format !== undefined) {
    const format = options.format.toUpperCase();
    if (format !== 'TEXT' && format !== 'MARKDOWN' && format !== 'HTML')
      throw new AppError('BAD_USER_INPUT', '--format must be text, markdown or html');
    metadata.format = format as ArticleFormat;
  }
  return metadata;
}

function describe(result: FileIngestResult): string {
  if (!result.ok) return `✗ ${result.file}: ${result.error}`;
  const parts = [
    result.alreadyIngested ? 'already stored' : `${result.created} created, ${result.corroborated} corroborated`,
    result.duplicateOfId ? `copy of ${result.duplicateOfId}` : null,
    result.warnings?.length ? `warnings: ${result.warnings.map((w) => w.code).join(', ')}` : null,
  ].filter(Boolean);
  return `✓ ${result.file} → source ${result.sourceId} (${parts.join('; ')})`;
}

/** `ingested` counts every article now stored, `alreadyStored` those of them stored before this run. */
function countResults(results: FileIngestResult[]): { ingested: number; alreadyStored: number; failed: number } {
  const ok = results.filter((r) => r.ok);
  return {
    ingested: ok.length,
    alreadyStored: ok.filter((r) => r.alreadyIngested).length,
    failed: results.length - ok.length,
  };
}

export async function runIngest(
  paths: string[],
  options: IngestCommandOptions,
  config: Config,
  logger: Logger,
): Promise<number> {
  const metadata = parseIngestMetadata(options);
  const { files, missing } = listArticleFiles(paths);
  const missingResults: FileIngestResult[] = missing.map((file) => ({
    file,
    ok: false,
    error: 'no such file or directory',
  }));
  if (files.length === 0 && missing.length === 0)
    throw new AppError('BAD_USER_INPUT', 'No article files found (.txt, .md, .html).');
  const interactive = !options.json && process.stderr.isTTY === true && files.length > 1;
  const bar = interactive
    ? new SingleBar({
        format: 'ingesting [{bar}] {value}/{total} | {rate} articles/s | ETA {eta_formatted}',
        stream: process.stderr,
        clearOnComplete: true,
        hideCursor: true,
      })
    : null;
  const started = Date.now();
  bar?.start(files.length, 0, { rate: '0.0' });
  const results = await withDatabase(config, logger, (db) =>
    ingestFiles(db.prisma, {
      files,
      metadata,
      logger,
      onResult: (result, index) => {
        const rate = ((index + 1) / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
        bar?.update(index + 1, { rate });
        if (!options.json && !bar) process.stdout.write(`${describe(result)}\n`);
      },
    }),
  );
  bar?.stop();
  const all = [...missingResults, ...results];
  const counts = countResults(all);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ results: all, ...counts }, null, 2)}\n`);
  } else {
    if (bar) for (const r of results) process.stdout.write(`${describe(r)}\n`);
    for (const r of missingResults) process.stdout.write(`${describe(r)}\n`);
    const already = counts.alreadyStored > 0 ? ` (${counts.alreadyStored} already stored)` : '';
    process.stdout.write(
      `${counts.ingested} ingested${already}, ${counts.failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
  return all.some((r) => !r.ok) ? 1 : 0;
}
