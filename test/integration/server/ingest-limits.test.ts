/**
 * The limits every ingest path shares: an article longer than MAX_ARTICLE_CHARS (what
 * GraphQL accepts), one that yields more than MAX_ITEM_DRAFTS timeline items, and a
 * publication date outside the years 1..9999 are refused with BAD_USER_INPUT and a message
 * that says what to do, and nothing is written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../../server/src/ingest/types.js';
import type { DbHandle } from '../../../server/src/lib/db.js';
import { AppError } from '../../../server/src/lib/errors.js';
import { ingestArticle, MAX_ARTICLE_CHARS, MAX_ITEM_DRAFTS } from '../../../server/src/services/ingest-article.js';
import { ingestFiles } from '../../../server/src/services/ingest-files.js';
import { openTestDb, rowCounts } from '../../support/database.js';

describe('ingest limits', () => {
  let db: DbHandle;
  let cleanup: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'parley-limits-'));

  beforeAll(async () => {
    ({ db, cleanup } = await openTestDb());
  });
  afterAll(async () => {
    await cleanup?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const counts = () => rowCounts(db.prisma);

  async function refusal(input: ArticleInput): Promise<AppError> {
    const before = await counts();
    const error = await ingestArticle(db.prisma, { input }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
    return error as AppError;
  }

  const paragraph = '“We will keep the crossing open,” Interior Minister Lena Marsh said on Tuesday.\n\n';

  /** A made-up surname per number, so that no two statements are one remark by one speaker. */
  const surname = (n: number) =>
    [...n.toString(14).padStart(3, '0')]
      .map((digit) => 'BDFGKLMNPRSTVZ'[Number.parseInt(digit, 14)])
      .join('a')
      .concat('ov');

  /** `count` statements, each by a different minister: as many items as statements. */
  const statements = (count: number) =>
    Array.from(
      { length: count },
      (_, i) => `“We will keep the crossing open,” Interior Minister Lena ${surname(i)} said on Tuesday.`,
    ).join('\n\n');

  it('refuses an article one character over the limit, whole', async () => {
    const text = paragraph.repeat(Math.ceil(MAX_ARTICLE_CHARS / paragraph.length)).slice(0, MAX_ARTICLE_CHARS + 1);
    const error = await refusal({ text });
    expect(error.message).toMatch(/2,000,001 characters long; articles longer than 2,000,000 characters are refused/);
    expect(error.message).toMatch(/Split it/);
  });

  it('refuses an over-long file the same way', async () => {
    const file = join(dir, 'long.txt');
    writeFileSync(file, paragraph.repeat(Math.ceil((MAX_ARTICLE_CHARS + 1) / paragraph.length)));
    const before = await counts();
    const [result] = await ingestFiles(db.prisma, { files: [file] });
    expect(result).toMatchObject({ ok: false });
    expect(result?.error).toMatch(/longer than 2,000,000 characters are refused/);
    expect(await counts()).toEqual(before);
  });

  it('refuses an article that yields more items than one article may store', async () => {
    const error = await refusal({
      text: statements(MAX_ITEM_DRAFTS + 20),
      publishedAt: new Date('2020-03-05T00:00:00Z'),
    });
    expect(error.message).toMatch(/yields 520 timeline items; one article may give at most 500/);
  });

  it.each([
    ['year 0', new Date('0000-06-01T00:00:00Z')],
    ['year 10000', new Date(Date.UTC(10_000, 0, 1))],
  ])('refuses a publication date in %s', async (_, publishedAt) => {
    const error = await refusal({ text: paragraph, publishedAt });
    expect(error.message).toMatch(/between the years 1 and 9999/);
  });

  it('stores an article that yields exactly as many items as one article may store', async () => {
    const input = { text: statements(MAX_ITEM_DRAFTS), publishedAt: new Date('2020-03-05T00:00:00Z') };
    const result = await ingestArticle(db.prisma, { input });
    expect(result.created.length).toBe(MAX_ITEM_DRAFTS);
  });
});
