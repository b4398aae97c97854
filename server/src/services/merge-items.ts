/**
 * Folds timeline items into one: citations, participants and links move to the survivor,
 * the others are deleted. Used when one new wording reveals that two stored statements
 * are the same remark (so the result does not depend on arrival order), and by editors.
 */
import type { Prisma } from '../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

export async function mergeItemsInto(tx: Tx, survivorId: string, otherIds: string[]): Promise<void> {
  const others = otherIds.filter((id) => id !== survivorId);
  if (others.length === 0) return;
  await tx.citation.updateMany({ where: { itemId: { in: others } }, data: { itemId: survivorId } });
  const participants = await tx.participant.findMany({
    where: { itemId: { in: others } },
    select: { actorId: true, role: true },
  });
  if (participants.length > 0) {
    await tx.participant.createMany({
      data: participants.map((p) => ({ ...p, itemId: survivorId })),
      skipDuplicates: true,
    });
  }
  const links = await tx.itemLink.findMany({
    where: { OR: [{ fromItemId: { in: others } }, { toItemId: { in: others } }] },
  });
  const moved = links
    .map((l) => ({
      fromItemId: others.includes(l.fromItemId) ? survivorId : l.fromItemId,
      toItemId: others.includes(l.toItemId) ? survivorId : l.toItemId,
      kind: l.kind,
    }))
    .filter((l) => l.fromItemId !== l.toItemId);
  // Deleting the others cascades to their participants and links.
  await tx.timelineItem.deleteMany({ where: { id: { in: others } } });
  if (moved.length > 0) await tx.itemLink.createMany({ data: moved, skipDuplicates: true });
}
