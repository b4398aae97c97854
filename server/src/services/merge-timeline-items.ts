/**
 * An editor folds timeline items of one kind into a target: citations, participants and
 * links move (merge-items.ts), then the target's date, source count, quote and title are
 * recomputed from all its citations.
 */
import type { PrismaClient } from '../lib/db.js';
import { AppError } from '../lib/errors.js';
import { mergeItemsInto } from './merge-items.js';
import { MAX_LIST_LENGTH } from './pagination.js';
import { recomputeItems } from './store-extraction.js';
import { type TimelineItemRow, timelineItemSelect } from './timeline-filter.js';

export interface MergeTimelineItemsOptions {
  targetId: string;
  sourceIds: string[];
}

export async function mergeTimelineItems(
  prisma: PrismaClient,
  options: MergeTimelineItemsOptions,
): Promise<TimelineItemRow> {
  const sourceIds = [...new Set(options.sourceIds)];
  if (sourceIds.length === 0) throw new AppError('BAD_USER_INPUT', '"sourceIds" must list at least one item.');
  if (sourceIds.length > MAX_LIST_LENGTH)
    throw new AppError('BAD_USER_INPUT', `"sourceIds" may list at most ${MAX_LIST_LENGTH} ids.`);
  if (sourceIds.includes(options.targetId))
    throw new AppError('BAD_USER_INPUT', 'An item cannot be merged into itself.');
  return prisma.$transaction(async (tx) => {
    const ids = [options.targetId, ...sourceIds];
    const items = await tx.timelineItem.findMany({ where: { id: { in: ids } }, select: { id: true, kind: true } });
    const target = items.find((item) => item.id === options.targetId);
    if (!target) throw new AppError('NOT_FOUND', 'No timeline item has the target id.');
    if (items.length !== ids.length) throw new AppError('NOT_FOUND', 'Some of "sourceIds" are not timeline items.');
    if (items.some((item) => item.kind !== target.kind))
      throw new AppError('BAD_USER_INPUT', `Only items of one kind can be merged; the target is a ${target.kind}.`);
    await mergeItemsInto(tx, target.id, sourceIds);
    await recomputeItems(tx, [target.id]);
    return (await tx.timelineItem.findUniqueOrThrow({
      where: { id: target.id },
      select: timelineItemSelect,
    })) as TimelineItemRow;
  });
}
