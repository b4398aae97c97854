/**
 * `parley actors-audit <corpus.jsonl[.gz]>`: reads a corpus of articles (one JSON object
 * per line with at least `text`; `title`, `url`, `publisher`, `published` when known),
 * runs each through the same normalisation and extraction as ingestion, and prints a
 * reproducible random sample of the distinct actors extraction would store, with their
 * kind and description, so a person can judge how many are not real people,
 * organisations or places. Nothing is written to any database: the sample is of what
 * extraction proposes, which is what ingestion stores (resolution only merges names).
 */
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extractItems } from '../extract/extract-items.js';
import { normalizeArticle } from '../ingest/normalize-article.js';
import type { ArticleInput } from '../ingest/types.js';
import { AppError } from '../lib/errors.js';

export interface ActorsAuditOptions {
  sample?: string;
  seed?: string;
  limit?: string;
  json?: boolean;
}

export interface AuditedActor {
  name: string;
  kind: string;
  description: string | null;
  /** How many articles name it. */
  articles: number;
  /** The first article that names it (its id or line number), to look it up. */
  example: string;
}

export interface ActorsAuditResult {
  articles: number;
  skippedLines: number;
  failedArticles: number;
  distinctActors: number;
  byKind: Record<string, number>;
  sample: AuditedActor[];
}

/** A corpus line longer than this is not an article (the ingest limit is far below it). */
const MAX_LINE_CHARS = 4_000_000;

function parseCount(flag: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,9}$/.test(text.trim()) || Number(text) < 1 || Number(text) > max) {
    throw new AppError(
      'BAD_USER_INPUT',
      `${flag} must be a whole number from 1 to ${max}, got "${text.slice(0, 40)}".`,
    );
  }
  return Number(text);
}

/** Deterministic PRNG (mulberry32): the same seed draws the same sample. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function articleOf(value: unknown): ArticleInput | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string' || record.text.trim() === '') return null;
  const input: ArticleInput = { text: record.text };
  if (typeof record.title === 'string' && record.title.trim()) input.title = record.title;
  if (typeof record.publisher === 'string' && record.publisher.trim()) input.publisher = record.publisher;
  if (typeof record.url === 'string' && /^https?:\/\//.test(record.url)) input.url = record.url;
  if (typeof record.published === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(record.published)) {
    const day = new Date(`${record.published}T00:00:00Z`);
    if (!Number.isNaN(day.getTime())) input.publishedAt = day;
  }
  return input;
}

export async function auditActors(path: string, options: ActorsAuditOptions): Promise<ActorsAuditResult> {
  const sampleSize = parseCount('--sample', options.sample, 300, 100_000);
  const seed = parseCount('--seed', options.seed, 1, 2 ** 31 - 1);
  const limit = parseCount('--limit', options.limit, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch (error) {
    throw new AppError('BAD_USER_INPUT', `Cannot read corpus ${path}: ${(error as Error).message}`);
  }
  const raw = createReadStream(path);
  const stream: Readable = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  const actors = new Map<string, AuditedActor>();
  let articles = 0;
  let skippedLines = 0;
  let failedArticles = 0;
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      if (articles >= limit) break;
      let input: ArticleInput | null = null;
      let id = `line ${lineNumber}`;
      if (line.length <= MAX_LINE_CHARS) {
        try {
          const value: unknown = JSON.parse(line);
          input = articleOf(value);
          const given = (value as { id?: unknown } | null)?.id;
          if (typeof given === 'string' && given.length <= 100) id = given;
        } catch {
          input = null;
        }
      }
      if (!input) {
        skippedLines += 1;
        continue;
      }
      articles += 1;
      let extracted: ReturnType<typeof extractItems>;
      try {
        extracted = extractItems(normalizeArticle(input));
      } catch {
        // A rejected article (too long, no words) is what ingestion would refuse too.
        failedArticles += 1;
        continue;
      }
      const seen = new Set<string>();
      for (const actor of extracted.actors) {
        const key = `${actor.kind}\u0000${actor.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const known = actors.get(key);
        if (known) known.articles += 1;
        else
          actors.set(key, {
            name: actor.name,
            kind: actor.kind,
            description: actor.description ?? null,
            articles: 1,
            example: id,
          });
      }
    }
  } catch (error) {
    throw new AppError('BAD_USER_INPUT', `Cannot read corpus ${path}: ${(error as Error).message}`);
  }
  const all = [...actors.values()].sort((a, b) => (a.kind + a.name < b.kind + b.name ? -1 : 1));
  const byKind: Record<string, number> = {};
  for (const actor of all) byKind[actor.kind] = (byKind[actor.kind] ?? 0) + 1;
  // A partial Fisher-Yates shuffle over the sorted list: the same corpus and seed give the same sample.
  const draw = random(seed);
  const pool = [...all];
  const take = Math.min(sampleSize, pool.length);
  for (let i = 0; i < take; i += 1) {
    const j = i + Math.floor(draw() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as AuditedActor, pool[i] as AuditedActor];
  }
  return { articles, skippedLines, failedArticles, distinctActors: all.length, byKind, sample: pool.slice(0, take) };
}

export function formatAudit(result: ActorsAuditResult): string {
  const lines = [
    `Actors audit: ${result.articles} articles (${result.skippedLines} lines skipped, ${result.failedArticles} articles refused), ${result.distinctActors} distinct actors`,
    `by kind: ${Object.entries(result.byKind)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ')}`,
    '',
    `Sample of ${result.sample.length} (judge each: a real person, organisation or place?):`,
    '',
  ];
  result.sample.forEach((actor, index) => {
    const description = actor.description ? ` — ${actor.description}` : '';
    lines.push(
      `${String(index + 1).padStart(4)}  ${actor.kind.padEnd(12)} ${actor.name}${description}  [${actor.articles} article(s), e.g. ${actor.example}]`,
    );
  });
  return `${lines.join('\n')}\n`;
}

export async function runActorsAudit(path: string, options: ActorsAuditOptions): Promise<number> {
  const result = await auditActors(path, options);
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatAudit(result));
  return 0;
}
