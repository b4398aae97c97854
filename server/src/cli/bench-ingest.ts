/**
 * `npm run bench:ingest -- <file.jsonl[.gz] | dir> [--limit N]`: ingests a corpus into a
 * throwaway database (embedded, or on DATABASE_URL's server) and prints articles per
 * second, latency percentiles and the slowest article. A benchmark, never a test.
 * JSONL lines carry {text, url?, title?, publisher?, published?: "YYYY-MM-DD"}.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { invocationDir, loadConfig } from '../config.js';
import { openScratchDatabase } from '../eval/scratch-database.js';
import type { ArticleInput } from '../ingest/types.js';
import { connectDb } from '../lib/db.js';
import { createLogger } from '../lib/logger.js';
import { ingestArticle } from '../services/ingest-article.js';
import { listArticleFiles, readArticleFile } from '../services/ingest-files.js';
import { generateArticles, preloadStatements } from './bench-corpus.js';

interface CorpusArticle {
  label: string;
  input: ArticleInput;
}

function loadCorpus(path: string, limit: number): CorpusArticle[] {
  if (statSync(path).isDirectory()) {
    return listArticleFiles([path])
      .files.slice(0, limit)
      .map((file) => ({ label: file, input: { text: readArticleFile(file) } }));
  }
  const raw = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const articles: CorpusArticle[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim() || articles.length >= limit) continue;
    const row = JSON.parse(line) as {
      id?: string;
      text: string;
      url?: string;
      title?: string;
      publisher?: string;
      published?: string;
    };
    const input: ArticleInput = { text: row.text };
    if (row.url) input.url = row.url;
    if (row.title) input.title = row.title;
    if (row.publisher) input.publisher = row.publisher;
    if (row.published && /^\d{4}-\d{2}-\d{2}$/.test(row.published))
      input.publishedAt = new Date(`${row.published}T00:00:00Z`);
    articles.push({ label: row.id ?? `line ${index + 1}`, input });
  }
  return articles;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const generate = option('--generate');
  const preload = Number(option('--preload-statements') ?? 0);
  const limit = Number(option('--limit') ?? Number.POSITIVE_INFINITY);
  const path = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!path && !generate) {
    process.stderr.write(
      'usage: npm run bench:ingest -- <corpus.jsonl[.gz] | dir> [--limit N]\n       npm run bench:ingest -- --generate N [--preload-statements M]\n',
    );
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const logger = createLogger('warn', 'bench-ingest');
  const corpus = generate
    ? generateArticles(Number(generate)).map((input, i) => ({ label: `generated #${i + 1}`, input }))
    : // Relative to where npm was run, as for every other command (npm runs scripts in server/).
      loadCorpus(resolve(invocationDir(), path as string), limit);
  const scratch = await openScratchDatabase({ serverUrl: config.databaseUrl, logger });
  const db = connectDb(scratch.url);
  const timings: Array<{ label: string; ms: number; chars: number }> = [];
  let failed = 0;
  let items = 0;
  try {
    if (preload > 0) {
      const t = performance.now();
      await preloadStatements(db.pool, preload);
      process.stdout.write(`preloaded ${preload} statements in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
    }
    const started = performance.now();
    for (const [index, article] of corpus.entries()) {
      const t = performance.now();
      try {
        const result = await ingestArticle(db.prisma, { input: article.input });
        items += result.created.length;
      } catch {
        failed += 1;
      }
      timings.push({ label: article.label, ms: performance.now() - t, chars: article.input.text.length });
      if (process.stderr.isTTY && index % 50 === 0) process.stderr.write(`\r${index + 1}/${corpus.length}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
    const slowest = [...timings].sort((a, b) => b.ms - a.ms)[0];
    const counts = await db.prisma.$queryRaw<
      Array<{ kind: string; n: bigint }>
    >`SELECT kind::text, count(*) AS n FROM timeline_item GROUP BY kind ORDER BY kind`;
    process.stdout.write(
      [
        '',
        `corpus            ${generate ? `${generate} generated seed-like articles` : path} (${corpus.length} articles, ${failed} rejected)`,
        `preloaded         ${preload} statements`,
        `database          ${scratch.description}`,
        `throughput        ${(corpus.length / seconds).toFixed(1)} articles/s (${seconds.toFixed(1)} s)`,
        `latency           p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`,
        `slowest article   ${slowest?.label} (${slowest?.ms.toFixed(0)} ms, ${slowest?.chars} chars)`,
        `items created     ${items} (${counts.map((c) => `${c.kind} ${c.n}`).join(', ')})`,
        '',
      ].join('\n'),
    );
  } finally {
    await db.close();
    await scratch.dispose();
  }
}

await main();
