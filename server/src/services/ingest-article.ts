/**
 * Ingests one article: normalize -> extract -> resolve against everything stored ->
 * write, in one transaction. Idempotent by content hash. Ingests are serialized by an
 * advisory lock so that two articles never race to create the same actor or item.
 */
import { createHash } from 'node:crypto';
import { extractItems } from '../extract/extract-items.js';
import type { Prisma } from '../generated/prisma/client.js';
import { MAX_TEXT_CHARS, normalizeArticle } from '../ingest/normalize-article.js';
import type { Article, ArticleInput, SourceWarning } from '../ingest/types.js';
import type { PrismaClient } from '../lib/db.js';
import { AppError, isAppError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import { fingerprintBands, jaccard, NEAR_DUPLICATE_JACCARD, shingles, simhash } from '../resolve/fingerprint.js';
import { EXTRACTOR_VERSION } from '../version.js';
import { storeExtraction } from './store-extraction.js';

/**
 * Arbitrary but fixed key for pg_advisory_xact_lock: one ingest writes at a time (and bulk
 * writers such as synthesize-timeline take it too).
 */
export const INGEST_LOCK = 7_270_851_337;

/**
 * The longest article accepted, in characters (UTF-16 code units, as String.length counts),
 * on every path (API, `parley ingest`, seeds): the length an article's text is capped at, so
 * nothing this service accepts is ever cut. Reading a longer text would take tens of seconds
 * under the ingest lock, and a cut article would look complete, so it is refused whole.
 */
export const MAX_ARTICLE_CHARS = MAX_TEXT_CHARS;
/**
 * The most timeline-item drafts one article may store. Each costs a few queries inside the
 * ingest transaction, so a text that yields thousands (one story pasted over and over)
 * would hold the ingest lock for minutes; real articles yield tens.
 */
export const MAX_ITEM_DRAFTS = 500;
/** How long the ingest transaction may wait for the lock, and then run. */
const TRANSACTION_LIMIT_MS = 120_000;

export interface IngestArticleOptions {
  input: ArticleInput;
  logger?: Logger;
  /** Test hook: called inside the transaction after the source row is written. */
  afterSourceWritten?: () => void | Promise<void>;
}

export interface IngestArticleResult {
  sourceId: string;
  duplicateOfId: string | null;
  alreadyIngested: boolean;
  created: string[];
  corroborated: string[];
  warnings: SourceWarning[];
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function bodyText(article: Article): string {
  return article.paragraphs
    .filter((p) => p.kind === 'BODY')
    .map((p) => article.text.slice(p.start, p.end))
    .join('\n');
}

/** Which of two copies is the original: the one that says more about itself. */
function copyRank(source: {
  publishedAt: Date | null;
  url: string | null;
  title: string | null;
  text: string;
  contentHash: string;
}): string {
  return [
    source.publishedAt ? '1' : '0',
    source.url ? '1' : '0',
    source.title ? '1' : '0',
    String(source.text.length).padStart(9, '0'),
    source.contentHash,
  ].join('|');
}

export async function ingestArticle(prisma: PrismaClient, options: IngestArticleOptions): Promise<IngestArticleResult> {
  const { input } = options;
  if (typeof input.text !== 'string') throw new AppError('BAD_USER_INPUT', 'The article text must be a string.');
  if (input.text.length > MAX_ARTICLE_CHARS) {
    throw new AppError(
      'BAD_USER_INPUT',
      `The article is ${input.text.length.toLocaleString('en-US')} characters long; articles longer than ${MAX_ARTICLE_CHARS.toLocaleString('en-US')} characters are refused. Split it into parts.`,
    );
  }
  const hash = contentHash(input.text);
  const existing = await prisma.source.findUnique({
    where: { contentHash: hash },
    select: { id: true, duplicateOfId: true, warnings: true },
  });
  if (existing) {
    return {
      sourceId: existing.id,
      duplicateOfId: existing.duplicateOfId,
      alreadyIngested: true,
      created: [],
      corroborated: [],
      warnings: existing.warnings as unknown as SourceWarning[],
    };
  }
  const article = normalizeArticle(input); // throws BAD_USER_INPUT for non-articles
  const body = bodyText(article) || article.text;
  const bodyShingles = shingles(body);
  const fingerprint = simhash(body);
  const bands = fingerprintBands(fingerprint);

  try {
    return await prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(${INGEST_LOCK}::bigint)::text AS locked`;
        // Another ingest of the same bytes may have committed while we waited for the lock.
        const raced = await tx.source.findUnique({
          where: { contentHash: hash },
          select: { id: true, duplicateOfId: true },
        });
        if (raced)
          return {
            sourceId: raced.id,
            duplicateOfId: raced.duplicateOfId,
            alreadyIngested: true,
            created: [],
            corroborated: [],
            warnings: [],
          };

        const warnings: SourceWarning[] = [...article.warnings];
        // Near-duplicates: candidates share a fingerprint band; shingle overlap decides.
        const candidates = await tx.$queryRaw<
          Array<{
            id: string;
            text: string;
            published_at: Date | null;
            url: string | null;
            title: string | null;
            content_hash: string;
            duplicate_of_id: string | null;
            published_precision: string | null;
          }>
        >`
          SELECT id, text, published_at, url, title, content_hash, duplicate_of_id, published_precision::text
          FROM source WHERE fingerprint_bands && ${bands}::int[] LIMIT 50`;
        const copies = candidates.filter((c) => jaccard(bodyShingles, shingles(c.text)) >= NEAR_DUPLICATE_JACCARD);

        // A copy with no date of its own is read against its original's date.
        let readArticle = article;
        const datedCopy = copies.find((c) => c.published_at);
        if (!article.published && datedCopy?.published_at) {
          const start = datedCopy.published_at;
          readArticle = {
            ...article,
            published: { start, end: new Date(start.getTime() + 86_400_000), precision: 'DAY', basis: 'CORROBORATION' },
            warnings: article.warnings.filter((w) => w.code !== 'UNDATED'),
          };
          const i = warnings.findIndex((w) => w.code === 'UNDATED');
          if (i >= 0) warnings.splice(i, 1);
        }
        if (article.published && datedCopy?.published_at) {
          const theirs = datedCopy.published_at.toISOString().slice(0, 10);
          const ours = article.published.start.toISOString().slice(0, 10);
          if (theirs !== ours) {
            warnings.push({
              code: 'DATE_CONFLICT',
              message: `This copy is dated ${ours}; the copy already stored is dated ${theirs}.`,
            });
          }
        }

        const source = await tx.source.create({
          data: {
            url: article.url,
            title: article.title,
            publisher: article.publisher,
            author: article.author,
            wireCredits: article.wireCredits,
            publishedAt: article.published?.start ?? null,
            publishedPrecision: article.published?.precision ?? null,
            publishedBasis: article.published?.basis ?? null,
            format: article.format,
            rawText: article.rawText,
            text: article.text,
            contentHash: hash,
            fingerprint,
            fingerprintBands: bands,
            warnings: [] as unknown as Prisma.InputJsonValue,
            extractorVersion: EXTRACTOR_VERSION,
          },
          select: { id: true },
        });
        await options.afterSourceWritten?.();

        // Link the copies: the best-described one is the original, whatever arrived first.
        let duplicateOfId: string | null = null;
        if (copies.length > 0) {
          const group = [
            ...copies.map((c) => ({
              id: c.id,
              publishedAt: c.published_at,
              url: c.url,
              title: c.title,
              text: c.text,
              contentHash: c.content_hash,
            })),
            {
              id: source.id,
              publishedAt: article.published?.start ?? null,
              url: article.url,
              title: article.title,
              text: article.text,
              contentHash: hash,
            },
          ];
          group.sort((a, b) => (copyRank(a) < copyRank(b) ? 1 : -1));
          const original = group[0] as (typeof group)[number];
          for (const member of group) {
            await tx.source.update({
              where: { id: member.id },
              data: { duplicateOfId: member.id === original.id ? null : original.id },
            });
          }
          duplicateOfId = original.id === source.id ? null : original.id;
          warnings.push({
            code: 'NEAR_DUPLICATE',
            message: duplicateOfId
              ? 'This article is a copy of one already stored; it adds no new items.'
              : 'An earlier copy of this article was stored; this fuller copy is now the original.',
          });
        }

        const extraction = extractItems(readArticle);
        if (extraction.items.length > MAX_ITEM_DRAFTS) {
          // Thrown inside the transaction: the source row above is rolled back with it.
          throw new AppError(
            'BAD_USER_INPUT',
            `The article yields ${extraction.items.length.toLocaleString('en-US')} timeline items; one article may give at most ${MAX_ITEM_DRAFTS}. Split it into smaller articles.`,
          );
        }
        warnings.push(...extraction.warnings);
        const resolution = await storeExtraction(tx, {
          sourceId: source.id,
          extraction,
          copySourceIds: copies.map((c) => c.id),
        });
        await tx.source.update({
          where: { id: source.id },
          data: { warnings: warnings as unknown as Prisma.InputJsonValue },
        });
        options.logger?.debug(
          { sourceId: source.id, created: resolution.created.length, corroborated: resolution.corroborated.length },
          'ingested article',
        );
        return {
          sourceId: source.id,
          duplicateOfId,
          alreadyIngested: false,
          created: resolution.created,
          corroborated: resolution.corroborated,
          warnings,
        };
      },
      { timeout: TRANSACTION_LIMIT_MS, maxWait: TRANSACTION_LIMIT_MS },
    );
  } catch (error) {
    if (isAppError(error)) throw error;
    // P2028: the lock was not free in time, or the work outlived the transaction; either way
    // PostgreSQL rolled everything back.
    if ((error as { code?: string }).code === 'P2028') {
      throw new AppError(
        'SERVICE_UNAVAILABLE',
        `The ingest did not finish within ${TRANSACTION_LIMIT_MS / 1000} s (the database was busy, or the article is very long) and was rolled back; nothing was stored. Try again, or split the article.`,
        undefined,
        { cause: error },
      );
    }
    // A concurrent ingest of the same bytes won the unique constraint: report it as done.
    if ((error as { code?: string }).code === 'P2002') {
      const winner = await prisma.source.findUnique({
        where: { contentHash: hash },
        select: { id: true, duplicateOfId: true },
      });
      if (winner)
        return {
          sourceId: winner.id,
          duplicateOfId: winner.duplicateOfId,
          alreadyIngested: true,
          created: [],
          corroborated: [],
          warnings: [],
        };
    }
    throw error;
  }
}
