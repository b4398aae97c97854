/**
 * Every timeline item matching a filter, as export records, read in keyset pages so that an
 * export of any size streams in constant memory. The filter, order and page boundaries are
 * the ones `find-timeline-items.ts` uses (timeline-filter.ts), so an export holds exactly
 * what the API's `timeline(filter)` pages through, in the same order; each page's places,
 * speakers, participants and citations with their sources are read by the API's own
 * loaders, one query per kind of record per page.
 *
 * Pages are separate queries, not one snapshot: an item changed while a long export runs
 * may show its old or its new state, but keyset paging never repeats or skips an item
 * whose date did not change.
 */

import { type ExportItem, toExportItem } from '../export/export-item.js';
import { Prisma } from '../generated/prisma/client.js';
import type { PrismaClient } from '../lib/db.js';
import { AppError } from '../lib/errors.js';
import { createNodeLoaders } from './load-nodes.js';
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

export interface StreamTimelineItemsOptions {
  filter?: TimelineFilterOptions | null;
  /** Items read per query: 1..5000, default 500. */
  pageSize?: number;
}

export const DEFAULT_STREAM_PAGE_SIZE = 500;
const MAX_STREAM_PAGE_SIZE = 5_000;

function orThrow<Row>(rows: Array<Row | Error>): Row[] {
  for (const row of rows) if (row instanceof Error) throw row;
  return rows as Row[];
}

/** The page's items with everything an export shows about them, in page order. */
async function loadPage(prisma: PrismaClient, rows: TimelineItemRow[]): Promise<ExportItem[]> {
  // Fresh loaders per page: they cache what they read, and the cache must not grow with the export.
  const loaders = createNodeLoaders(prisma);
  const ids = rows.map((row) => row.id);
  const placeIds = [...new Set(rows.flatMap((row) => (row.placeId ? [row.placeId] : [])))];
  const speakerIds = [...new Set(rows.flatMap((row) => (row.speakerId ? [row.speakerId] : [])))];
  const [participants, citations, places, speakers] = await Promise.all([
    loaders.participantsByItem.loadMany(ids).then(orThrow),
    loaders.citationsByItem.loadMany(ids).then(orThrow),
    loaders.places.loadMany(placeIds).then(orThrow),
    loaders.actors.loadMany(speakerIds).then(orThrow),
  ]);
  const placeById = new Map(places.flatMap((place) => (place ? [[place.id, place] as const] : [])));
  const speakerById = new Map(speakers.flatMap((actor) => (actor ? [[actor.id, actor] as const] : [])));
  return rows.map((item, i) =>
    toExportItem({
      item,
      place: item.placeId ? (placeById.get(item.placeId) ?? null) : null,
      speaker: item.speakerId ? (speakerById.get(item.speakerId) ?? null) : null,
      participants: participants[i] ?? [],
      citations: citations[i] ?? [],
    }),
  );
}

export async function* streamTimelineItems(
  prisma: PrismaClient,
  options: StreamTimelineItemsOptions = {},
): AsyncGenerator<ExportItem, void, undefined> {
  const size = options.pageSize ?? DEFAULT_STREAM_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_STREAM_PAGE_SIZE)
    throw new AppError('BAD_USER_INPUT', `The page size must be between 1 and ${MAX_STREAM_PAGE_SIZE}.`);
  const query = toTimelineQuery(options.filter);
  const where = timelineConditions(query);
  let after = Prisma.sql`TRUE`;
  for (;;) {
    const rows = await prisma.$queryRaw<TimelineItemRow[]>`
      SELECT ${timelineItemColumns}
      FROM timeline_item i
      WHERE ${where} AND ${after}
      ORDER BY ${timelineOrder}
      LIMIT ${size}::int`;
    const last = rows.at(-1);
    if (!last) return;
    yield* await loadPage(prisma, rows);
    if (rows.length < size) return;
    after = timelineAfter(timelineCursorOf(last), query);
  }
}
