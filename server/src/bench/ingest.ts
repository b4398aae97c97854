/**
 * The ingestion row: generated seed-like articles (cli/bench-corpus.ts) through the whole
 * pipeline into the same database the queries ran on, one at a time, as `parley ingest`
 * does. In the runner's own process: ingestion is not served over HTTP in normal use.
 */
import { generateArticles } from '../cli/bench-corpus.js';
import type { DbHandle } from '../lib/db.js';
import { ingestArticle } from '../services/ingest-article.js';
import type { IngestResult } from './results.js';
import { summarize } from './stats.js';

export async function measureIngestion(db: DbHandle, articles: number): Promise<IngestResult> {
  const inputs = generateArticles(articles);
  const timings: number[] = [];
  let failed = 0;
  let itemsCreated = 0;
  const started = performance.now();
  for (const input of inputs) {
    const t = performance.now();
    try {
      const result = await ingestArticle(db.prisma, { input });
      itemsCreated += result.created.length;
    } catch {
      failed += 1;
    }
    timings.push(performance.now() - t);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    articles,
    failed,
    seconds,
    articlesPerSecond: articles / seconds,
    latency: summarize(timings),
    itemsCreated,
  };
}
