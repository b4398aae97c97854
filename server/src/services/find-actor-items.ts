/**
 * The timelines of many actors at once (Actor.items under a list of actors): one query
 * gives every actor's page (a LATERAL subquery per actor, same order and cursors as the
 * timeline), and one grouped query every actor's count, run only if a count is asked for.
 */
import { Prisma } from '../generated/prisma/client.js';
import type { PrismaClient } from '../lib/db.js';
import { once, type Page, pageSize, toPage } from './pagination.js';
import {
  type TimelineFilterOptions,
  type TimelineItemRow,
  timelineAfter,
  timelineConditions,
  timelineCursorOf,
  timelineItemColumns,
  timelineOrder,
  toTimelineQuery,
} from './timeline-filter.js';

export interface FindActorItemsOptions {
  /** Row ids of the actors, as DataLoader hands them over; one page each, in this order. */
  actorIds: readonly string[];
  filter?: TimelineFilterOptions | null;
  /** Page size per actor: 0..200, default 50. */
  first?: number | null;
  after?: string | null;
}

export async function findActorItems(
  prisma: PrismaClient,
  options: FindActorItemsOptions,
): Promise<Array<Page<TimelineItemRow>>> {
  const size = pageSize(options.first);
  const query = toTimelineQuery(options.filter);
  const where = timelineConditions(query);
  const hasAfter = options.after !== null && options.after !== undefined;
  const after = hasAfter ? timelineAfter(options.after as string, query) : Prisma.sql`TRUE`;
  const actorIds = [...options.actorIds];

  const fetched = await prisma.$queryRaw<Array<TimelineItemRow & { actorId: string }>>`
    SELECT who.actor_id::text AS "actorId", t.*
    FROM unnest(${actorIds}::uuid[]) AS who(actor_id)
    CROSS JOIN LATERAL (
      SELECT ${timelineItemColumns}
      FROM timeline_item i
      WHERE ${where} AND ${after}
        AND i.id IN (SELECT p.item_id FROM participant p WHERE p.actor_id = who.actor_id)
      ORDER BY ${timelineOrder}
      LIMIT ${size + 1}::int
    ) t`;

  const countsByActor = once(async () => {
    // DISTINCT: an actor can take part in one item in several roles.
    const rows = await prisma.$queryRaw<Array<{ actorId: string; count: number }>>`
      SELECT p.actor_id::text AS "actorId", count(DISTINCT i.id)::int AS "count"
      FROM participant p JOIN timeline_item i ON i.id = p.item_id
      WHERE p.actor_id = ANY(${actorIds}::uuid[]) AND ${where}
      GROUP BY p.actor_id`;
    return new Map(rows.map((row) => [row.actorId, row.count]));
  });

  const rowsByActor = new Map<string, TimelineItemRow[]>(actorIds.map((id) => [id, []]));
  for (const { actorId, ...row } of fetched) rowsByActor.get(actorId)?.push(row);
  return actorIds.map((actorId) =>
    toPage(rowsByActor.get(actorId) ?? [], size, timelineCursorOf, {
      after: hasAfter,
      totalCount: async () => (await countsByActor()).get(actorId) ?? 0,
    }),
  );
}
