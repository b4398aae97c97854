/**
 * One page of sources in the order they were ingested (then id), so that new ingests
 * append to the list and never shift pages already read. The article text is not loaded:
 * citations carry the passages that matter.
 */
import type { Prisma } from '../generated/prisma/client.js';
import type { PrismaClient } from '../lib/db.js';
import { cursorDate, cursorId, decodeCursor, encodeCursor, type Page, pageSize, toPage } from './pagination.js';

export interface FindSourcesOptions {
  first?: number | null;
  after?: string | null;
}

export const sourceSelect = {
  id: true,
  url: true,
  title: true,
  publisher: true,
  publishedAt: true,
  publishedPrecision: true,
  publishedBasis: true,
  ingestedAt: true,
  duplicateOfId: true,
  warnings: true,
} as const;
export type SourceRow = Prisma.SourceGetPayload<{ select: typeof sourceSelect }>;

const CURSOR_LIST = 'sources';

function cursorOf(row: SourceRow): string {
  return encodeCursor(CURSOR_LIST, [row.ingestedAt.toISOString(), row.id]);
}

function afterCondition(after: string): Prisma.SourceWhereInput {
  const [ingestedAt, id] = decodeCursor(CURSOR_LIST, after, 2);
  const at = cursorDate(ingestedAt ?? null);
  const afterId = cursorId(id ?? null);
  return { OR: [{ ingestedAt: { gt: at } }, { ingestedAt: at, id: { gt: afterId } }] };
}

export async function findSources(prisma: PrismaClient, options: FindSourcesOptions): Promise<Page<SourceRow>> {
  const size = pageSize(options.first);
  const hasAfter = options.after !== null && options.after !== undefined;
  const fetched = await prisma.source.findMany({
    where: hasAfter ? afterCondition(options.after as string) : {},
    orderBy: [{ ingestedAt: 'asc' }, { id: 'asc' }],
    take: size + 1,
    select: sourceSelect,
  });
  return toPage(fetched, size, cursorOf, { after: hasAfter, totalCount: () => prisma.source.count() });
}

export async function findSourceById(prisma: PrismaClient, id: string): Promise<SourceRow | null> {
  return prisma.source.findUnique({ where: { id }, select: sourceSelect });
}
