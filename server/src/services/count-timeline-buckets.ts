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
 */
import type { ItemKind } from '../generated/prisma/enums.js';
import type { PrismaClient } from '../lib/db.js';
import { AppError } from '../lib/errors.js';
import { utcDay } from '../lib/utc-date.js';
import { itemKinds, type TimelineFilterOptions, timelineConditions, toTimelineQuery } from './timeline-filter.js';

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

export async function countTimelineBuckets(
  prisma: PrismaClient,
  options: CountTimelineBucketsOptions,
): Promise<TimelineBucketRow[]> {
  const { unit } = options;
  if (!bucketUnits.includes(unit)) throw new AppError('BAD_USER_INPUT', `Unknown bucket unit "${String(unit)}".`);
  const query = toTimelineQuery(options.filter);
  if (query.from && query.to && periodsBetween(query.from, query.to, unit, MAX_BUCKETS) > MAX_BUCKETS)
    throw tooMany(unit);

  const where = timelineConditions(query);
  const rows = await prisma.$queryRaw<
    Array<{ start: Date; count: number; EVENT: number; MEETING: number; STATEMENT: number }>
  >`
    SELECT date_trunc(${unit.toLowerCase()}::text, i.date_start, 'UTC') AS "start",
           count(*)::int AS "count",
           (count(*) FILTER (WHERE i.kind = 'EVENT'))::int AS "EVENT",
           (count(*) FILTER (WHERE i.kind = 'MEETING'))::int AS "MEETING",
           (count(*) FILTER (WHERE i.kind = 'STATEMENT'))::int AS "STATEMENT"
    FROM timeline_item i
    WHERE ${where} AND i.date_start IS NOT NULL
    GROUP BY 1
    ORDER BY 1
    LIMIT ${MAX_BUCKETS + 1}::int`;
  if (rows.length > MAX_BUCKETS) throw tooMany(unit);

  return rows.map((row) => ({
    start: row.start,
    end: nextPeriod(row.start, unit),
    count: row.count,
    countsByKind: itemKinds.map((kind) => ({ kind, count: row[kind] })),
  }));
}
