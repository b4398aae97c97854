/**
 * An editor declares that several actors are one: participations, statements spoken and
 * aliases move to the target (an alias the target already has is skipped), the others are
 * deleted, and every item they touched is recomputed (titles carry names).
 */
import type { PrismaClient } from '../lib/db.js';
import { AppError } from '../lib/errors.js';
import { type ActorRow, actorSelect } from './find-actors.js';
import { MAX_LIST_LENGTH } from './pagination.js';
import { recomputeItems } from './store-extraction.js';

export interface MergeActorsOptions {
  targetId: string;
  sourceIds: string[];
}

export async function mergeActors(prisma: PrismaClient, options: MergeActorsOptions): Promise<ActorRow> {
  const sourceIds = [...new Set(options.sourceIds)];
  if (sourceIds.length === 0) throw new AppError('BAD_USER_INPUT', '"sourceIds" must list at least one actor.');
  if (sourceIds.length > MAX_LIST_LENGTH)
    throw new AppError('BAD_USER_INPUT', `"sourceIds" may list at most ${MAX_LIST_LENGTH} ids.`);
  if (sourceIds.includes(options.targetId))
    throw new AppError('BAD_USER_INPUT', 'An actor cannot be merged into itself.');
  return prisma.$transaction(async (tx) => {
    const ids = [options.targetId, ...sourceIds];
    const found = await tx.actor.count({ where: { id: { in: ids } } });
    if (!(await tx.actor.findUnique({ where: { id: options.targetId }, select: { id: true } })))
      throw new AppError('NOT_FOUND', 'No actor has the target id.');
    if (found !== ids.length) throw new AppError('NOT_FOUND', 'Some of "sourceIds" are not actors.');

    const participants = await tx.participant.findMany({
      where: { actorId: { in: sourceIds } },
      select: { itemId: true, role: true },
    });
    const spoken = await tx.timelineItem.findMany({ where: { speakerId: { in: sourceIds } }, select: { id: true } });
    if (participants.length > 0)
      await tx.participant.createMany({
        data: participants.map((p) => ({ ...p, actorId: options.targetId })),
        skipDuplicates: true,
      });
    await tx.timelineItem.updateMany({
      where: { speakerId: { in: sourceIds } },
      data: { speakerId: options.targetId },
    });
    const aliases = await tx.actorAlias.findMany({
      where: { actorId: { in: sourceIds } },
      select: { alias: true, normalized: true },
      orderBy: { id: 'asc' },
    });
    // The unique (actor, normalized) index decides which duplicates are skipped.
    if (aliases.length > 0)
      await tx.actorAlias.createMany({
        data: aliases.map((a) => ({ ...a, actorId: options.targetId })),
        skipDuplicates: true,
      });
    // Whoever spoke for a merged actor speaks for the target; the target keeps its own
    // principal, or takes the first merged actor's, but never becomes its own.
    await tx.actor.updateMany({
      where: { affiliationId: { in: sourceIds }, id: { not: options.targetId } },
      data: { affiliationId: options.targetId },
    });
    const target = await tx.actor.findUniqueOrThrow({
      where: { id: options.targetId },
      select: { affiliationId: true },
    });
    if (!target.affiliationId || sourceIds.includes(target.affiliationId)) {
      const inherited = await tx.actor.findFirst({
        where: { id: { in: sourceIds }, affiliationId: { notIn: ids } },
        select: { affiliationId: true },
        orderBy: { id: 'asc' },
      });
      await tx.actor.update({
        where: { id: options.targetId },
        data: { affiliationId: inherited?.affiliationId ?? null },
      });
    }
    // Cascades to the sources' participations and aliases (moved above).
    await tx.actor.deleteMany({ where: { id: { in: sourceIds } } });
    const touched = new Set([...participants.map((p) => p.itemId), ...spoken.map((s) => s.id)]);
    await recomputeItems(tx, [...touched]);
    return tx.actor.findUniqueOrThrow({ where: { id: options.targetId }, select: actorSelect });
  });
}
