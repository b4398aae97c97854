/**
 * An editor removes a source: its citations go with it, items no other source cites are
 * deleted, the rest are recomputed. Copies of it (duplicateOfId) become sources of their
 * own, so the items they cite are recomputed too (their source counts change).
 */
import type { ItemKind } from '../generated/prisma/enums.js';
import type { PrismaClient } from '../lib/db.js';
import { AppError } from '../lib/errors.js';
import { recomputeItems } from './store-extraction.js';

export interface DeleteSourceOptions {
  id: string;
}

export interface DeleteSourceResult {
  deletedItems: Array<{ id: string; kind: ItemKind }>;
}

export async function deleteSource(prisma: PrismaClient, options: DeleteSourceOptions): Promise<DeleteSourceResult> {
  return prisma.$transaction(async (tx) => {
    const source = await tx.source.findUnique({ where: { id: options.id }, select: { id: true } });
    if (!source) throw new AppError('NOT_FOUND', 'No source has this id.');
    const cited = await tx.citation.findMany({ where: { sourceId: source.id }, select: { itemId: true } });
    const copies = await tx.source.findMany({ where: { duplicateOfId: source.id }, select: { id: true } });
    const citedByCopies = await tx.citation.findMany({
      where: { sourceId: { in: copies.map((c) => c.id) } },
      select: { itemId: true },
    });
    await tx.source.updateMany({ where: { duplicateOfId: source.id }, data: { duplicateOfId: null } });
    await tx.source.delete({ where: { id: source.id } }); // cascades to its citations
    const touched = [...new Set([...cited, ...citedByCopies].map((c) => c.itemId))];
    const orphans = await tx.timelineItem.findMany({
      where: { id: { in: touched }, citations: { none: {} } },
      select: { id: true, kind: true },
    });
    await tx.timelineItem.deleteMany({ where: { id: { in: orphans.map((o) => o.id) } } });
    const orphanIds = new Set(orphans.map((o) => o.id));
    await recomputeItems(
      tx,
      touched.filter((id) => !orphanIds.has(id)),
    );
    return { deletedItems: orphans };
  });
}
