/**
 * synthesizeTimeline and `parley synth`: the API counts exactly the items made, every row
 * keeps the invariants the pipeline keeps (aligned fuzzy dates, passages that stand in their
 * source's text, source counts, speakers), a seed repeats its timeline, and hostile flags
 * are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../../server/src/app.js';
import { fuzzyDate } from '../../../server/src/extract/dates.js';
import { connectDb } from '../../../server/src/lib/db.js';
import {
  SYNTHETIC_PUBLISHER,
  type SynthesizeTimelineResult,
  synthesizeTimeline,
} from '../../../server/src/services/synthesize-timeline.js';
import { parley as runParley } from '../../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { graphql, startTestParley } from '../../support/parley.js';

const ITEMS = 2_345;

let database: TestDatabase;
let parley: RunningParley;
let result: SynthesizeTimelineResult;

beforeAll(async () => {
  database = await createTestDatabase();
  parley = await startTestParley(database.url);
  result = await synthesizeTimeline(parley.db.prisma, { items: ITEMS, seed: 'invariants' });
}, 120_000);

afterAll(async () => {
  await parley?.stop();
  await database?.drop();
});

async function query<T>(text: string, variables?: Record<string, unknown>): Promise<T> {
  const { body } = await graphql<T>(parley.url, text, variables);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

/** Titles in timeline order, for comparing runs. */
async function titlesIn(url: string): Promise<string[]> {
  const db = connectDb(url);
  try {
    const rows = await db.prisma.timelineItem.findMany({
      orderBy: [{ dateStart: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
      select: { title: true },
    });
    return rows.map((r) => r.title);
  } finally {
    await db.close();
  }
}

describe('synthesizeTimeline', () => {
  it('makes the number of items asked for, a realistic mix of them, and says so', () => {
    expect(result.items).toBe(ITEMS);
    expect(result.statements + result.meetings + result.events).toBe(ITEMS);
    for (const kind of [result.statements, result.meetings, result.events]) expect(kind).toBeGreaterThan(ITEMS / 6);
    expect(result.scheduled).toBeGreaterThan(0);
    expect(result.undated).toBe(Math.floor(ITEMS / 100));
    expect(result.sources).toBeGreaterThan(ITEMS / 5);
    expect(result.sources).toBeLessThan(ITEMS / 3);
    expect(result.citations).toBeGreaterThanOrEqual(ITEMS);
    expect(result.citations).toBeLessThanOrEqual(3 * ITEMS);
    expect(result.actors).toBeGreaterThan(100);
  });

  it('agrees with the API: timeline and timelineBuckets count what was made', async () => {
    const data = await query<{
      all: { totalCount: number };
      dated: { totalCount: number };
      statements: { totalCount: number };
      scheduled: { totalCount: number };
      years: Array<{ count: number; countsByKind: Array<{ kind: string; count: number }> }>;
    }>(`{
      all: timeline(first: 0, filter: { includeUndated: true }) { totalCount }
      dated: timeline(first: 0) { totalCount }
      statements: timeline(first: 0, filter: { includeUndated: true, kinds: [STATEMENT] }) { totalCount }
      scheduled: timeline(first: 0, filter: { status: [SCHEDULED] }) { totalCount }
      years: timelineBuckets(unit: YEAR) { count countsByKind { kind count } }
    }`);
    expect(data.all.totalCount).toBe(ITEMS);
    expect(data.dated.totalCount).toBe(ITEMS - result.undated);
    expect(data.statements.totalCount).toBe(result.statements);
    expect(data.scheduled.totalCount).toBe(result.scheduled);
    expect(data.years.reduce((n, b) => n + b.count, 0)).toBe(ITEMS - result.undated);
    // The default span: 1996 to 2025.
    expect(data.years.length).toBeGreaterThan(25);
    expect(data.years.length).toBeLessThanOrEqual(30);
  });

  it('keeps every invariant the pipeline keeps', async () => {
    const { prisma } = parley.db;
    const items = await prisma.timelineItem.findMany({
      include: {
        participants: true,
        citations: { include: { source: { select: { id: true, text: true, duplicateOfId: true } } } },
      },
    });
    expect(items).toHaveLength(ITEMS);
    const names = new Map(
      (await prisma.actor.findMany({ select: { id: true, name: true } })).map((a) => [a.id, a.name]),
    );
    const precisions = new Map<string, number>();
    for (const item of items) {
      // Fuzzy dates are aligned to their day, ISO week, month or year, as the pipeline stores them.
      if (item.datePrecision) {
        precisions.set(item.datePrecision, (precisions.get(item.datePrecision) ?? 0) + 1);
        const aligned = fuzzyDate(item.dateStart as Date, item.datePrecision);
        expect([item.dateStart, item.dateEnd]).toEqual([aligned.start, aligned.end]);
        expect(item.dateStart?.getTime()).toBeGreaterThanOrEqual(Date.UTC(1996, 0, 1));
        expect(item.dateEnd?.getTime()).toBeLessThanOrEqual(Date.UTC(2026, 0, 1));
      } else {
        expect([item.dateStart, item.dateEnd, item.status]).toEqual([null, null, 'OCCURRED']);
      }
      // Source counts are distinct originals, as recomputeItems counts them.
      expect(item.sourceCount).toBe(new Set(item.citations.map((c) => c.source.duplicateOfId ?? c.source.id)).size);
      expect(item.citations.length).toBeGreaterThanOrEqual(1);
      expect(item.citations.length).toBeLessThanOrEqual(3);
      for (const citation of item.citations) {
        expect(citation.source.text.slice(citation.start as number, citation.end as number)).toBe(citation.excerpt);
        expect([citation.dateStart, citation.dateEnd, citation.datePrecision]).toEqual([
          item.dateStart,
          item.dateEnd,
          item.datePrecision,
        ]);
      }
      const roles = item.participants.map((p) => p.role);
      if (item.kind === 'STATEMENT') {
        expect(item.speakerId && item.quote).toBeTruthy();
        expect(item.participants).toContainEqual(expect.objectContaining({ actorId: item.speakerId, role: 'SPEAKER' }));
        expect(item.title.startsWith(`${names.get(item.speakerId as string)}: “`)).toBe(true);
        for (const citation of item.citations) expect(citation.quoteText).toBe(item.quote);
      } else if (item.kind === 'MEETING') {
        expect(roles.filter((r) => r === 'PARTICIPANT').length).toBeGreaterThanOrEqual(2);
        expect(roles.filter((r) => r === 'PARTICIPANT').length).toBeLessThanOrEqual(4);
        if (item.dateStart) expect(item.summary).toMatch(/\(.+\)\.$/);
      } else {
        expect(roles).toContain('PARTICIPANT');
        expect(item.action).toBeTruthy();
      }
    }
    expect([...precisions.keys()].sort()).toEqual(['DAY', 'MONTH', 'WEEK', 'YEAR']);
    expect(precisions.get('DAY')).toBeGreaterThan(ITEMS / 2);
  });

  it('marks every source as synthetic, with no URL or one that cannot resolve', async () => {
    const sources = await parley.db.prisma.source.findMany({
      select: { publisher: true, url: true, text: true, warnings: true, publishedAt: true },
    });
    expect(sources).toHaveLength(result.sources);
    for (const source of sources) {
      expect(source.publisher).toBe(SYNTHETIC_PUBLISHER);
      if (source.url !== null) expect(new URL(source.url).hostname.endsWith('.example.invalid')).toBe(true);
      expect(source.text).toMatch(/synthetic data made by Parley/);
      expect(source.warnings).toContainEqual(expect.objectContaining({ code: 'SYNTHETIC' }));
    }
    expect(sources.some((s) => s.publishedAt === null)).toBe(true);
  });

  it('gives actors aliases the resolver can find them by', async () => {
    const { actors } = await query<{ actors: { nodes: Array<{ name: string; aliases: string[] }> } }>(
      '{ actors(first: 200, kind: PERSON) { nodes { name aliases } } }',
    );
    expect(actors.nodes.length).toBeGreaterThan(50);
    expect(actors.nodes.some((a) => a.aliases.length > 1)).toBe(true);
  });

  it('repeats its timeline for the same seed, and not for another', async () => {
    const [same, other] = [await createTestDatabase(), await createTestDatabase()];
    try {
      for (const [db, seed] of [
        [same, 'invariants'],
        [other, 'something else'],
      ] as const) {
        const handle = connectDb(db.url);
        await synthesizeTimeline(handle.prisma, { items: ITEMS, seed }).finally(() => handle.close());
      }
      const titles = await titlesIn(database.url);
      expect(await titlesIn(same.url)).toEqual(titles);
      expect(await titlesIn(other.url)).not.toEqual(titles);
    } finally {
      await same.drop();
      await other.drop();
    }
  });

  it('adds to an existing timeline, reusing its actors and places', async () => {
    const extra = await createTestDatabase();
    const handle = connectDb(extra.url);
    try {
      const first = await synthesizeTimeline(handle.prisma, { items: 300, seed: 'twice' });
      const second = await synthesizeTimeline(handle.prisma, { items: 300, seed: 'twice' });
      expect(first.actors).toBeGreaterThan(0);
      expect([second.actors, second.places]).toEqual([0, 0]);
      expect(await handle.prisma.timelineItem.count()).toBe(600);
      expect(await handle.prisma.actor.count()).toBe(first.actors);
    } finally {
      await handle.close();
      await extra.drop();
    }
  });

  it('keeps items inside a span it is given', async () => {
    const extra = await createTestDatabase();
    const handle = connectDb(extra.url);
    try {
      await synthesizeTimeline(handle.prisma, {
        items: 500,
        seed: 'span',
        from: new Date('2020-02-01'),
        to: new Date('2020-02-29'),
      });
      const range = await handle.prisma.timelineItem.aggregate({ _min: { dateStart: true }, _max: { dateEnd: true } });
      expect(range._min.dateStart?.getTime()).toBeGreaterThanOrEqual(Date.UTC(2020, 1, 1));
      expect(range._max.dateEnd?.getTime()).toBeLessThanOrEqual(Date.UTC(2020, 2, 1));
    } finally {
      await handle.close();
      await extra.drop();
    }
  });

  it.each([
    ['no items', { items: 0 }],
    ['a negative count', { items: -5 }],
    ['a fraction', { items: 1.5 }],
    ['too many', { items: 5_000_001 }],
    ['an empty seed', { items: 10, seed: '' }],
    ['from after to', { items: 10, from: new Date('2021-01-01'), to: new Date('2020-01-01') }],
    ['an invalid date', { items: 10, from: new Date('nope') }],
  ])('refuses %s, writing nothing', async (_label, options) => {
    const before = await parley.db.prisma.timelineItem.count();
    await expect(synthesizeTimeline(parley.db.prisma, options)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await parley.db.prisma.timelineItem.count()).toBe(before);
  });
});

describe('parley synth', () => {
  let cliDatabase: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    cliDatabase = await createTestDatabase();
    env = { DATABASE_URL: cliDatabase.url };
  });
  afterAll(async () => {
    await cliDatabase?.drop();
  });

  it('creates the items and says what it made and how fast', async () => {
    const { code, stdout, stderr } = await runParley(['synth', '--items', '1000', '--seed', '42'], env);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(
      /^Created 1,000 synthetic items \(\d+ statements, \d+ meetings, \d+ events; \d+ scheduled, 10 undated\), [\d,]+ sources, [\d,]+ citations, [\d,]+ participations, \d+ new actors \(\d+ aliases\) and \d+ new places in \d+\.\d s \([\d,]+ items\/s; seed "42"\)\.\n$/,
    );
    const db = connectDb(cliDatabase.url);
    try {
      expect(await db.prisma.timelineItem.count()).toBe(1000);
    } finally {
      await db.close();
    }
  });

  it.each([
    ['zero', ['--items', '0']],
    ['a negative number', ['--items=-5']],
    ['a fraction', ['--items', '2.5']],
    ['an exponent', ['--items', '1e3']],
    ['more than five million', ['--items', '5000001']],
    ['words', ['--items', 'lots']],
    ['nothing', []],
  ])('refuses %s as the item count', async (_label, flags) => {
    const { code, stdout, stderr } = await runParley(['synth', ...flags], env);
    expect(code).toBe(1);
    expect(stdout + stderr).toMatch(/--items must be a whole number from 1 to 5,000,000/);
  });

  it.each([
    ['an impossible day', ['--items', '10', '--from', '2020-02-30'], /--from must be a day like 2018-06-07/],
    ['words for a day', ['--items', '10', '--to', 'soon'], /--to must be a day like/],
    ['from after to', ['--items', '10', '--from', '2021-01-01', '--to', '2020-01-01'], /--from must not be after --to/],
    ['a 101-character seed', ['--items', '10', '--seed', 'x'.repeat(101)], /--seed must be 1 to 100 characters/],
    ['an unknown flag', ['--items', '10', '--bogus'], /unknown option '--bogus'/],
  ])('refuses %s', async (_label, flags, message) => {
    const { code, stdout, stderr } = await runParley(['synth', ...flags], env);
    expect(code).toBe(1);
    expect(stdout + stderr).toMatch(message);
  });
});
