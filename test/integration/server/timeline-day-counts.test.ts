/**
 * timeline_day_count, the per-day tally behind timelineBuckets: the triggers keep it equal to
 * a count of the items through inserts (batch and COPY), date and kind changes, undating,
 * deletes and TRUNCATE; and buckets read from it equal buckets counted item by item, for
 * every unit and for ranges that start and end mid-day, at midnight, or not at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../server/src/lib/db.js';
import {
  type BucketUnit,
  canUseDayCounts,
  countTimelineBuckets,
  fromDayCounts,
  fromItems,
} from '../../../server/src/services/count-timeline-buckets.js';
import { synthesizeTimeline } from '../../../server/src/services/synthesize-timeline.js';
import { type TimelineFilterOptions, toTimelineQuery } from '../../../server/src/services/timeline-filter.js';
import { openTestDb } from '../../support/database.js';

let db: DbHandle;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const opened = await openTestDb();
  db = opened.db;
  cleanup = opened.cleanup;
  await synthesizeTimeline(db.prisma, {
    items: 3_000,
    seed: 'day-counts',
    from: new Date('2015-01-01T00:00:00Z'),
    to: new Date('2019-12-31T00:00:00Z'),
  });
}, 120_000);

afterAll(async () => {
  await cleanup?.();
});

/** The tally as stored (zero rows left out) and as counted from the items, as comparable lines. */
async function tallies(): Promise<{ stored: string[]; counted: string[] }> {
  const stored = await db.prisma.$queryRaw<Array<{ row: string }>>`
    SELECT day::text || ' ' || kind || ' ' || count AS row FROM timeline_day_count WHERE count <> 0 ORDER BY day, kind`;
  const counted = await db.prisma.$queryRaw<Array<{ row: string }>>`
    SELECT (date_start AT TIME ZONE 'UTC')::date::text || ' ' || kind || ' ' || count(*) AS row
    FROM timeline_item WHERE date_start IS NOT NULL
    GROUP BY (date_start AT TIME ZONE 'UTC')::date, kind
    ORDER BY (date_start AT TIME ZONE 'UTC')::date, kind`;
  return { stored: stored.map((r) => r.row), counted: counted.map((r) => r.row) };
}

async function expectTallyMatches(): Promise<void> {
  const { stored, counted } = await tallies();
  expect(stored.length).toBeGreaterThan(0);
  expect(stored).toEqual(counted);
}

describe('timeline_day_count', () => {
  it('holds, after a synthetic batch, exactly the per-day counts of the items', async () => {
    await expectTallyMatches();
  });

  it('follows items whose date or kind changes, that lose their date, or are deleted', async () => {
    await db.prisma.$transaction(async (tx) => {
      // A hundred items move 40 days later (start and end together, so the date stays valid).
      await tx.$executeRaw`
        UPDATE timeline_item SET date_start = date_start + interval '40 days', date_end = date_end + interval '40 days'
        WHERE id IN (SELECT id FROM timeline_item WHERE date_start IS NOT NULL ORDER BY id LIMIT 100)`;
      // Meetings become events.
      await tx.$executeRaw`
        UPDATE timeline_item SET kind = 'EVENT'
        WHERE id IN (SELECT id FROM timeline_item WHERE kind = 'MEETING' ORDER BY id DESC LIMIT 50)`;
      // Some lose their date.
      await tx.$executeRaw`
        UPDATE timeline_item SET date_start = NULL, date_end = NULL, date_precision = NULL
        WHERE id IN (SELECT id FROM timeline_item WHERE date_start IS NOT NULL AND kind = 'EVENT' ORDER BY title LIMIT 30)`;
      // An update that moves nothing writes nothing.
      await tx.$executeRaw`UPDATE timeline_item SET confidence = confidence`;
    });
    await expectTallyMatches();

    await db.prisma.$executeRaw`
      DELETE FROM timeline_item WHERE id IN (SELECT id FROM timeline_item ORDER BY title DESC LIMIT 200)`;
    await expectTallyMatches();
  });

  it('is untouched by a write that is rolled back', async () => {
    const before = await tallies();
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`DELETE FROM timeline_item WHERE id IN (SELECT id FROM timeline_item LIMIT 500)`;
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await tallies()).toEqual(before);
  });

  const ranges: Array<[string, TimelineFilterOptions]> = [
    ['no range', {}],
    ['mid-day to mid-day', { from: new Date('2016-03-14T15:09:26Z'), to: new Date('2018-07-02T08:00:00Z') }],
    ['midnight to midnight', { from: new Date('2016-03-14T00:00:00Z'), to: new Date('2018-07-02T00:00:00Z') }],
    ['from only', { from: new Date('2017-05-05T12:00:00Z') }],
    ['to only', { to: new Date('2016-11-30T23:59:59.999Z') }],
    ['within one day', { from: new Date('2017-06-10T06:00:00Z'), to: new Date('2017-06-10T18:00:00Z') }],
    ['one kind', { kinds: ['STATEMENT'], from: new Date('2015-06-01T10:00:00Z') }],
    ['no kinds', { kinds: [] }],
  ];
  const units: BucketUnit[] = ['DAY', 'WEEK', 'MONTH', 'YEAR'];

  it.each(ranges)('gives the same buckets as counting items: %s', async (_name, filter) => {
    const query = toTimelineQuery(filter);
    expect(canUseDayCounts(query)).toBe(true);
    let nonEmpty = 0;
    for (const unit of units) {
      const tallied = await fromDayCounts(db.prisma, query, unit);
      const counted = await fromItems(db.prisma, query, unit);
      expect(tallied, unit).toEqual(counted);
      nonEmpty += counted.length;
    }
    if (filter.kinds?.length === 0) expect(nonEmpty).toBe(0);
    else expect(nonEmpty).toBeGreaterThan(0);
  });

  it('is not used for filters it cannot answer, which still count correctly', async () => {
    const query = toTimelineQuery({ minSources: 2 });
    expect(canUseDayCounts(query)).toBe(false);
    const buckets = await countTimelineBuckets(db.prisma, { unit: 'YEAR', filter: { minSources: 2 } });
    const total = buckets.reduce((sum, b) => sum + b.count, 0);
    expect(total).toBe(
      await db.prisma.timelineItem.count({ where: { sourceCount: { gte: 2 }, dateStart: { not: null } } }),
    );
    expect(total).toBeLessThan(await db.prisma.timelineItem.count({ where: { dateStart: { not: null } } }));
  });

  it('is emptied by TRUNCATE', async () => {
    await db.prisma.$executeRawUnsafe('TRUNCATE timeline_item CASCADE');
    expect(await db.prisma.timelineDayCount.count()).toBe(0);
    expect(await countTimelineBuckets(db.prisma, { unit: 'YEAR' })).toEqual([]);
  });
});
