/**
 * An undated article takes its dates from the sources it shares items with, whichever
 * arrives first: ingesting the seed corpus with the undated article first or last ends with
 * the same dates on its citations. Once read against a day it records that day, and later
 * ingests that do not change the day leave it alone.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../server/src/lib/db.js';
import { ingestArticle } from '../../../server/src/services/ingest-article.js';
import { ingestFiles } from '../../../server/src/services/ingest-files.js';
import { seedArticleFiles, seedArticlesDir } from '../../../server/src/services/load-seeds.js';
import { openTestDb } from '../../support/database.js';

const files = seedArticleFiles();
const undatedFile = files.find((file) => file.includes('003_'));
if (!undatedFile) throw new Error('the seed corpus has lost its undated article (003)');

interface Opened {
  db: DbHandle;
  cleanup(): Promise<void>;
}
const opened: Opened[] = [];

async function ingestInOrder(order: string[]): Promise<DbHandle> {
  const handle = await openTestDb();
  opened.push(handle);
  const results = await ingestFiles(handle.db.prisma, { files: order, baseDir: seedArticlesDir });
  expect(results.filter((r) => !r.ok)).toEqual([]);
  return handle.db;
}

/** The undated source's citations as comparable lines: offset, claimed date, precision, basis. */
async function undatedClaims(db: DbHandle): Promise<{ anchoredAt: Date | null; claims: string[] }> {
  const text = readFileSync(undatedFile as string, 'utf8');
  const source = await db.prisma.source.findFirstOrThrow({
    where: { rawText: text },
    select: {
      anchoredAt: true,
      citations: {
        select: { start: true, dateStart: true, datePrecision: true, dateBasis: true },
        orderBy: [{ start: 'asc' }],
      },
    },
  });
  return {
    anchoredAt: source.anchoredAt,
    // Sorted as text: two citations may share an offset (two items read from one passage).
    claims: source.citations
      .map((c) => `${c.start} ${c.dateStart?.toISOString() ?? '-'} ${c.datePrecision ?? '-'} ${c.dateBasis ?? '-'}`)
      .sort(),
  };
}

let first: DbHandle;
let last: DbHandle;

beforeAll(async () => {
  const others = files.filter((file) => file !== undatedFile);
  first = await ingestInOrder([undatedFile, ...others]);
  last = await ingestInOrder([...others, undatedFile]);
}, 120_000);

afterAll(async () => {
  for (const handle of opened) await handle.cleanup();
});

describe('undated sources', () => {
  it('end with the same dates whether they arrive before or after the sources that date them', async () => {
    const a = await undatedClaims(first);
    const b = await undatedClaims(last);
    expect(a.claims.length).toBeGreaterThan(0);
    expect(a.claims.some((line) => line.endsWith(' DAY CORROBORATION') || / DAY (RELATIVE|EXPLICIT)$/.test(line))).toBe(
      true,
    );
    expect(a.claims).toEqual(b.claims);
    expect(a.anchoredAt).not.toBeNull();
    expect(a.anchoredAt).toEqual(b.anchoredAt);
  });

  it('are not read again by an ingest that leaves their day as it was', async () => {
    const before = await undatedClaims(first);
    // Mark the stored claims so a re-read (which would write them back) would show.
    const source = await first.prisma.source.findFirstOrThrow({
      where: { rawText: readFileSync(undatedFile as string, 'utf8') },
      select: { id: true },
    });
    const marked = await first.prisma.citation.updateMany({
      where: { sourceId: source.id, datePrecision: 'DAY' },
      data: { datePrecision: 'MONTH' },
    });
    expect(marked.count).toBeGreaterThan(0);
    // Revised copies of the dated articles: they cite the items the undated one shares, so
    // they send it to be re-read, but they date those items to the same days.
    for (const file of files.filter((f) => f !== undatedFile)) {
      await ingestArticle(first.prisma, {
        input: { text: `${readFileSync(file, 'utf8').trimEnd()}\n\nThis article has been updated.\n` },
      });
    }
    const after = await undatedClaims(first);
    expect(after.anchoredAt).toEqual(before.anchoredAt);
    expect(after.claims.filter((line) => line.includes(' MONTH '))).toHaveLength(
      before.claims.filter((line) => line.includes(' MONTH ')).length + marked.count,
    );
  });
});
