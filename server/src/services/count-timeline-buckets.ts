/**
 * How many timeline items start in each day, week (ISO, Monday), month or year (UTC), for
 * zoomed-out views. Counted by PostgreSQL with the same filter as the timeline itself, so
 * the buckets of a filter add up to its totalCount (less undated items, which no period
 * holds). Periods with no item are omitted.
 *
 * At most 5000 buckets: a filter whose [from, to) spans more periods of the unit is refused
 * up front (DAY over 30 years is ~11,000), and a filter open on either side is refused when
 * it would give more than 5000 non-empty buckets. Refusing (BAD_USER_INPUT, naming the way
 * out) rather than truncating means a chart never silently misses its right-hand side.
 *
 * Two ways to count, same answer: a filter on dates and kinds only (the explorer's zoomed-out
 * view) reads the per-day counts in timeline_day_count for every whole UTC day inside the
 * range, and counts items one by one only at the edges (the partial first and last days, and
 * items that start before `from` but reach into it); any other filter counts matching items.
 */
import { Prisma } from '../generated/prisma/client.js';
import type { ItemKind } from '../generated/prisma/enums.js';
import type { PrismaClient } from '../lib/db.js';
import { AppError } from '../lib/errors.js';
import { utcDay } from '../lib/utc-date.js';
import {
  itemKinds,
  type TimelineFilterOptions,
  type TimelineQuery,
  timelineConditions,
  toTimelineQuery,
} from './timeline-filter.js';

export const bucketUnits = ['DAY', 'WEEK', 'MONTH', 'YEAR'] as const;
export type BucketUnit = (typeof bucketUnits)[number];

export const MAX_BUCKETS = 5_000;

export interface CountTimelineBucketsOptions {
  filter?: TimelineFilterOptions | null;
  unit: BucketUnit;
}

export interface TimelineBucketRow {
  start: Date;
  /** Exclusive: the start of the next period. */
  end: Date;
  count: number;
  /** One entry per item kind, in EVENT, MEETING, STATEMENT order, zeros included. */
  countsByKind: Array<{ kind: ItemKind; count: number }>;
}

/** The UTC start of the period containing `date`. */
function periodStart(date: Date, unit: BucketUnit): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  switch (unit) {
    case 'DAY':
      return utcDay(y, m, d);
    case 'WEEK':
      return utcDay(y, m, d - ((date.getUTCDay() + 6) % 7));
    case 'MONTH':
      return utcDay(y, m, 1);
    case 'YEAR':
      return utcDay(y, 0, 1);
  }
}

function nextPeriod(start: Date, unit: BucketUnit): Date {
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  const d = start.getUTCDate();
  switch (unit) {
    case 'DAY':
      return utcDay(y, m, d + 1);
    case 'WEEK':
      return utcDay(y, m, d + 7);
    case 'MONTH':
      return utcDay(y, m + 1, 1);
    case 'YEAR':
      return utcDay(y + 1, 0, 1);
  }
}

/** Periods of `unit` that [from, to) touches, counting no further than `cap + 1`. */
function periodsBetween(from: Date, to: Date, unit: BucketUnit, cap: number): number {
  let n = 0;
  for (let t = periodStart(from, unit); t < to && n <= cap; t = nextPeriod(t, unit)) n++;
  return n;
}

function tooMany(unit: BucketUnit): AppError {
  return new AppError(
    'BAD_USER_INPUT',
    `More than ${MAX_BUCKETS} ${unit} buckets: narrow filter.from/filter.to or use a coarser unit.`,
  );
}

type BucketQueryRow = { start: Date; count: number; EVENT: number; MEETING: number; STATEMENT: number };

/** The select list and grouping shared by both ways, over rows `t(ts, kind, n)`. */
function bucketSelect(unit: BucketUnit, rows: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT date_trunc(${unit.toLowerCase()}::text, t.ts, 'UTC') AS "start",
           sum(t.n)::int AS "count",
           (coalesce(sum(t.n) FILTER (WHERE t.kind = 'EVENT'), 0))::int AS "EVENT",
           (coalesce(sum(t.n) FILTER (WHERE t.kind = 'MEETING'), 0))::int AS "MEETING",
           (coalesce(sum(t.n) FILTER (WHERE t.kind = 'STATEMENT'), 0))::int AS "STATEMENT"
    FROM (${rows}) AS t
    GROUP BY 1
    HAVING sum(t.n) > 0
    ORDER BY 1
    LIMIT ${MAX_BUCKETS + 1}::int`;
}

/** Whether timeline_day_count can answer: the filter is on dates and kinds only. */
export function canUseDayCounts(query: TimelineQuery): boolean {
  return (
    query.status === undefined &&
    query.placeIds === undefined &&
    query.actorIds === undefined &&
    query.sourceIds === undefined &&
    query.text === undefined &&
    query.minSources === undefined
  );
}

/** Counts every matching item: right for any filter, and slow over millions of items. */
export function fromItems(prisma: PrismaClient, query: TimelineQuery, unit: BucketUnit): Promise<BucketQueryRow[]> {
  const where = timelineConditions(query);
  return prisma.$queryRaw<BucketQueryRow[]>(
    bucketSelect(
      unit,
      Prisma.sql`SELECT i.date_start AS ts, i.kind, 1 AS n FROM timeline_item i WHERE ${where} AND i.date_start IS NOT NULL`,
    ),
  );
}

/** `YYYY-MM-DD` of a UTC day, as PostgreSQL reads a date; '-infinity'/'infinity' for open ends. */
function dayLiteral(day: Date | null, open: '-infinity' | 'infinity'): string {
  // Years are 1 to 9999 (DateTime's range), which toISOString writes with four digits.
  return day === null ? open : day.toISOString().slice(0, 10);
}

/**
 * Whole UTC days in [from, to) from timeline_day_count, the rest from the items. Every item
 * that starts on a whole day inside the range overlaps it (an item ends after it starts), so
 * the day counts are exact there; the items counted one by one are those starting before the
 * first whole day (which the date filter limits to a year before `from`) or on the last,
 * partial day.
 */
export function fromDayCounts(prisma: PrismaClient, query: TimelineQuery, unit: BucketUnit): Promise<BucketQueryRow[]> {
  const firstDay = query.from ? utcDayCeiling(query.from) : null;
  const endDay = query.to ? utcDay(query.to.getUTCFullYear(), query.to.getUTCMonth(), query.to.getUTCDate()) : null;
  const low = dayLiteral(firstDay, '-infinity');
  const high = dayLiteral(endDay, 'infinity');
  const kinds = query.kinds ? Prisma.sql`d.kind = ANY(${query.kinds}::"ItemKind"[])` : Prisma.sql`TRUE`;
  const days = Prisma.sql`
    SELECT (d.day::timestamp AT TIME ZONE 'UTC') AS ts, d.kind, d.count AS n
    FROM timeline_day_count d
    WHERE d.count <> 0 AND d.day >= ${low}::date AND d.day < ${high}::date AND ${kinds}`;
  if (firstDay === null && endDay === null) return prisma.$queryRaw<BucketQueryRow[]>(bucketSelect(unit, days));
  const where = timelineConditions(query);
  const edges = Prisma.sql`
    SELECT i.date_start AS ts, i.kind, 1 AS n
    FROM timeline_item i
    WHERE ${where} AND i.date_start IS NOT NULL
      AND (i.date_start < (${low}::date::timestamp AT TIME ZONE 'UTC')
           OR i.date_start >= (${high}::date::timestamp AT TIME ZONE 'UTC'))`;
  return prisma.$queryRaw<BucketQueryRow[]>(bucketSelect(unit, Prisma.sql`${days} UNION ALL ${edges}`));
}

/** The first UTC midnight at or after `date`. */
function utcDayCeiling(date: Date): Date {
  const day = utcDay(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return day.getTime() === date.getTime()
    ? day
    : utcDay(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
}

export async function countTimelineBuckets(
  prisma: PrismaClient,
  options: CountTimelineBucketsOptions,
): Promise<TimelineBucketRow[]> {
  const { unit } = options;
  if (!bucketUnits.includes(unit)) throw new AppError('BAD_USER_INPUT', `Unknown bucket unit "${String(unit)}".`);
  const query = toTimelineQuery(options.filter);
  if (query.from && query.to && periodsBetween(query.from, query.to, unit, MAX_BUCKETS) > MAX_BUCKETS)
    throw tooMany(unit);

  const rows = canUseDayCounts(query) ? await fromDayCounts(prisma, query, unit) : await fromItems(prisma, query, unit);
  if (rows.length > MAX_BUCKETS) throw tooMany(unit);

  return rows.map((row) => ({
    start: row.start,
    end: nextPeriod(row.start, unit),
    count: row.count,
    countsByKind: itemKinds.map((kind) => ({ kind, count: row[kind] })),
  }));
}
