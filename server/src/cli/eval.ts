/**
 * `parley eval <dir>`: how well extraction does on hand-annotated articles. Every
 * `<name>.txt` in the directory that has a `<name>.gold.json` beside it is ingested into a
 * fresh, empty database, then what the pipeline stored for each source is scored against
 * its gold file (see server/src/eval/README.md).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { loadGoldFile } from '../eval/gold-file.js';
import { type ArticleEvaluation, formatJsonReport, formatTextReport } from '../eval/report.js';
import { type EvaluationSummary, type ExtractedRecords, scoreArticle, summarize } from '../eval/score.js';
import { openScratchDatabase } from '../eval/scratch-database.js';
import { connectDb } from '../lib/db.js';
import { AppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { ingestArticle } from '../services/ingest-article.js';
import { loadEvaluationRecords } from '../services/load-evaluation-records.js';

export interface RunEvaluationOptions {
  /** Directory holding `<name>.txt` articles with `<name>.gold.json` beside them. */
  dir: string;
  /** Report as one JSON document instead of a table. */
  json?: boolean;
  /** Add each article's misses, false positives and wrong dates. */
  verbose?: boolean;
  logger: Logger;
  /**
   * PostgreSQL server to create the throwaway `parley_eval_<random>` database on. Omitted:
   * the configured DATABASE_URL (loadConfig). Null, or nothing configured: an embedded
   * PostgreSQL in a temporary directory.
   */
  databaseUrl?: string | null;
}

export interface RunEvaluationResult {
  /** The table (or JSON document) to print. */
  report: string;
  summary: EvaluationSummary;
  articles: ArticleEvaluation[];
}

const NOTHING_EXTRACTED: ExtractedRecords = { statements: [], meetings: [], events: [] };

/** Articles with a gold file beside them, in name order. */
export function listAnnotatedArticles(dir: string): { article: string; textPath: string; goldPath: string }[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new AppError('BAD_USER_INPUT', `${dir} is not a directory.`);
  }
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((article) => ({
      article,
      textPath: join(dir, article),
      goldPath: join(dir, `${article.slice(0, -'.txt'.length)}.gold.json`),
    }))
    .filter((entry) => existsSync(entry.goldPath));
}

export async function runEvaluation(options: RunEvaluationOptions): Promise<RunEvaluationResult> {
  const { logger } = options;
  const dir = resolve(options.dir);
  const entries = listAnnotatedArticles(dir);
  if (entries.length === 0) {
    throw new AppError(
      'BAD_USER_INPUT',
      `No article in ${dir} has a gold file beside it (<name>.txt + <name>.gold.json).`,
    );
  }
  // Every gold file is checked before anything is started: a typo fails in a second.
  const articles = entries.map((entry) => {
    const gold = loadGoldFile(entry.goldPath);
    if (gold.article !== entry.article) {
      throw new AppError(
        'BAD_USER_INPUT',
        `${entry.goldPath} annotates "${gold.article}" but sits beside ${basename(entry.textPath)}.`,
      );
    }
    return { ...entry, gold, text: readFileSync(entry.textPath, 'utf8') };
  });

  const serverUrl = options.databaseUrl === undefined ? loadConfig().databaseUrl : (options.databaseUrl ?? undefined);
  const database = await openScratchDatabase({ serverUrl, logger });
  const evaluations: ArticleEvaluation[] = [];
  try {
    const db = connectDb(database.url);
    try {
      // Everything is ingested before anything is scored: a later article may date,
      // corroborate or merge an earlier article's items.
      const ingested: { sourceId: string | null; error: string | null; warnings: ArticleEvaluation['warnings'] }[] = [];
      for (const article of articles) {
        const articleLogger = logger.child({ article: article.article });
        try {
          const result = await ingestArticle(db.prisma, { input: { text: article.text }, logger: articleLogger });
          articleLogger.info(
            { sourceId: result.sourceId, created: result.created.length, corroborated: result.corroborated.length },
            'ingested',
          );
          ingested.push({ sourceId: result.sourceId, error: null, warnings: result.warnings });
        } catch (error) {
          // One bad article never aborts the batch: it scores as extracting nothing.
          articleLogger.error({ err: error }, 'ingestion failed');
          ingested.push({ sourceId: null, error: (error as Error).message, warnings: [] });
        }
      }
      for (const [index, article] of articles.entries()) {
        const { sourceId, error, warnings } = ingested[index]!;
        const records = sourceId ? await loadEvaluationRecords(db.prisma, sourceId) : NOTHING_EXTRACTED;
        evaluations.push({
          article: article.article,
          sourceId,
          error,
          warnings,
          score: scoreArticle(article.gold, records),
        });
      }
    } finally {
      await db.close();
    }
  } finally {
    await database.dispose().catch((error: unknown) => {
      logger.warn({ err: error, database: database.description }, 'could not clean up the evaluation database');
    });
  }

  const summary = summarize(evaluations.map((evaluation) => evaluation.score));
  const input = { dir: options.dir, summary, articles: evaluations, verbose: options.verbose ?? false };
  const report = options.json ? formatJsonReport(input) : formatTextReport(input);
  return { report, summary, articles: evaluations };
}
