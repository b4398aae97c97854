/** An editor removes one timeline item; its citations, participants and links go with it. */
import type { ItemKind } from '../generated/prisma/enums.js';
import type { PrismaClient } from '../lib/db.js';
import { AppError } from '../lib/errors.js';

export interface DeleteTimelineItemOptions {
  id: string;
}

/** The deleted item's kind (its global id depends on it). */
export async function deleteTimelineItem(
  prisma: PrismaClient,
  options: DeleteTimelineItemOptions,
): Promise<{ id: string; kind: ItemKind }> {
  return prisma.$transaction(async (tx) => {
    const item = await tx.timelineItem.findUnique({ where: { id: options.id }, select: { id: true, kind: true } });
    if (!item) throw new AppError('NOT_FOUND', 'No timeline item has this id.');
    await tx.timelineItem.delete({ where: { id: item.id } });
    return item;
  });
}
