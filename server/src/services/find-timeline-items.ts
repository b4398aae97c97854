/**
 * One page of the timeline: items in date order (start ascending, then id; undated last),
 * narrowed by a TimelineFilterOptions, with keyset cursors on (date_start, id) so that a
 * page costs the same wherever it is and the (date_start, id) index serves it.
 */
import { Prisma } from '../generated/prisma/client.js';
import type { PrismaClient } from '../lib/db.js';
import { type Page, pageSize, toPage } from './pagination.js';
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

export interface FindTimelineItemsOptions {
  filter?: TimelineFilterOptions | null;
  /** Page size: 0..200, default 50. */
  first?: number | null;
  /** A cursor from a previous page of the timeline. */
  after?: string | null;
}

export async function findTimelineItems(
  prisma: PrismaClient,
  options: FindTimelineItemsOptions,
): Promise<Page<TimelineItemRow>> {
  const size = pageSize(options.first);
  const query = toTimelineQuery(options.filter);
  const where = timelineConditions(query);
  const hasAfter = options.after !== null && options.after !== undefined;
  const after = hasAfter ? timelineAfter(options.after as string, query) : Prisma.sql`TRUE`;

  const fetched = await prisma.$queryRaw<TimelineItemRow[]>`
    SELECT ${timelineItemColumns}
    FROM timeline_item i
    WHERE ${where} AND ${after}
    ORDER BY ${timelineOrder}
    LIMIT ${size + 1}::int`;

  return toPage(fetched, size, timelineCursorOf, {
    after: hasAfter,
    totalCount: async () => {
      const [row] = await prisma.$queryRaw<Array<{ count: number }>>`
        SELECT count(*)::int AS count FROM timeline_item i WHERE ${where}`;
      return row?.count ?? 0;
    },
  });
}
