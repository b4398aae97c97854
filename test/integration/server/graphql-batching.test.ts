/**
 * Cost of the read side on a large synthetic timeline (20,000 items over 34 years, each
 * with participants and two citations): a page's SQL statement count does not grow with
 * the page size (no N+1), a one-month window is served by the (date_start, id) index,
 * and open-ended DAY buckets beyond 5000 are refused.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../../server/src/app.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { graphql, startTestParley } from '../../support/parley.js';

let database: TestDatabase;
let parley: RunningParley;

const ITEMS = 20_000;

/**
 * Every statement any client of `pool` sends, Prisma's and raw SQL alike: each client is
 * wrapped the first time the pool hands it out (pool.query checks one out as well).
 */
function recordStatements(pool: pg.Pool): Array<{ text: string; values: unknown[] }> {
  const statements: Array<{ text: string; values: unknown[] }> = [];
  const wrapped = new WeakSet<pg.PoolClient>();
  pool.on('acquire', (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
      statements.push(
        typeof first === 'string'
          ? { text: first, values: second ?? [] }
          : { text: first.text, values: first.values ?? [] },
      );
      return query(...args);
    };
  });
  return statements;
}

let statements: Array<{ text: string; values: unknown[] }>;

beforeAll(async () => {
  database = await createTestDatabase();
  parley = await startTestParley(database.url);
  const { prisma } = parley.db;
  // Synthetic bulk data in a few statements; nothing here comes from outside the test.
  await prisma.$executeRaw`
    INSERT INTO actor (id, name, kind, updated_at)
    SELECT gen_random_uuid(), 'Bulk speaker ' || g, 'PERSON'::"ActorKind", now() FROM generate_series(1, 5) g
    UNION ALL
    SELECT gen_random_uuid(), 'Bulk participant ' || g, 'ORGANIZATION'::"ActorKind", now() FROM generate_series(1, 10) g`;
  await prisma.$executeRaw`
    INSERT INTO source (id, title, publisher, published_at, published_precision, format, raw_text, text,
                        content_hash, fingerprint, fingerprint_bands, extractor_version)
    SELECT gen_random_uuid(), 'Bulk source ' || g, 'Bulk Press ' || g, timestamptz '2000-01-01 UTC' + g * interval '1 day',
           'DAY'::"DatePrecision", 'TEXT'::"ArticleFormat", 'bulk', 'bulk', md5('bulk' || g) || md5('source' || g), 0, '{}', 'bulk'
    FROM generate_series(1, 10) g`;
  await prisma.$executeRaw`
    WITH speakers AS (SELECT array_agg(id ORDER BY name) AS ids FROM actor WHERE name LIKE 'Bulk speaker %')
    INSERT INTO timeline_item (id, kind, title, quote, speaker_id, date_start, date_end, date_precision, source_count, updated_at)
    SELECT gen_random_uuid(),
           (CASE WHEN g % 3 = 0 THEN 'STATEMENT' WHEN g % 3 = 1 THEN 'MEETING' ELSE 'EVENT' END)::"ItemKind",
           'Bulk item ' || g,
           CASE WHEN g % 3 = 0 THEN 'Bulk words ' || g END,
           CASE WHEN g % 3 = 0 THEN speakers.ids[1 + g % 5] END,
           timestamptz '1990-01-01 UTC' + ((g * 31) / 50) * interval '1 day',
           timestamptz '1990-01-01 UTC' + ((g * 31) / 50 + 1) * interval '1 day',
           'DAY'::"DatePrecision", 2, now()
    FROM generate_series(1, ${ITEMS}::int) g, speakers`;
  await prisma.$executeRaw`
    WITH items AS (SELECT id, kind, speaker_id, row_number() OVER (ORDER BY id) AS n FROM timeline_item),
         people AS (SELECT array_agg(id ORDER BY name) AS ids FROM actor WHERE name LIKE 'Bulk participant %')
    INSERT INTO participant (item_id, actor_id, role)
    SELECT items.id, people.ids[1 + items.n % 10], 'PARTICIPANT'::"ParticipantRole" FROM items, people
    UNION ALL SELECT items.id, people.ids[1 + (items.n + 3) % 10], 'MENTIONED'::"ParticipantRole" FROM items, people
    UNION ALL SELECT items.id, items.speaker_id, 'SPEAKER'::"ParticipantRole" FROM items WHERE items.speaker_id IS NOT NULL`;
  await prisma.$executeRaw`
    WITH items AS (SELECT id, kind, quote, row_number() OVER (ORDER BY id) AS n FROM timeline_item),
         sources AS (SELECT array_agg(id ORDER BY title) AS ids FROM source)
    INSERT INTO citation (id, item_id, source_id, excerpt, quote_text)
    SELECT gen_random_uuid(), items.id, sources.ids[1 + (items.n + k) % 10], 'Bulk passage ' || k,
           CASE WHEN items.kind = 'STATEMENT' THEN items.quote || ' (' || k || ')' END
    FROM items, sources, generate_series(0, 1) k`;
  await prisma.$executeRaw`ANALYZE`;
  statements = recordStatements(parley.db.pool);
}, 180_000);

afterAll(async () => {
  await parley?.stop();
  await database?.drop();
});

const PAGE_QUERY = `query($first: Int) {
  timeline(first: $first, filter: {from: "2000-01-01", to: "2001-01-01"}) {
    totalCount
    nodes {
      id title date { label }
      participants { role actor { name aliases } }
      citations { excerpt source { publisher publishedAt { label } } }
      ... on Statement { speaker { name } variants { text citation { source { title } } } }
    }
  }
}`;

async function statementsFor(query: string, variables: Record<string, unknown>, list = 'timeline') {
  statements.length = 0;
  const { body } = await graphql<Record<string, { nodes: unknown[] }>>(parley.url, query, variables);
  expect(body.errors).toBeUndefined();
  return { count: statements.length, sql: statements.map((s) => s.text), nodes: body.data?.[list]?.nodes.length };
}

describe('a page of the timeline', () => {
  it('costs the same number of SQL statements for 20 and 200 items (no N+1)', async () => {
    const small = await statementsFor(PAGE_QUERY, { first: 20 });
    const large = await statementsFor(PAGE_QUERY, { first: 200 });
    expect(small.nodes).toBe(20);
    expect(large.nodes).toBe(200);
    expect(large.count).toBe(small.count);
    // page, count, participants + their actors, citations + their sources, speakers, aliases
    expect(large.count, large.sql.join('\n---\n')).toBeLessThanOrEqual(8);
  });

  it('reads every actor’s items in one query, and their counts in one more', async () => {
    const query = `query($first: Int) { actors(first: $first) { nodes { name
      items(first: 5, filter: {from: "2000-01-01"}) { totalCount nodes { title participants { actor { name } } } } } } }`;
    const few = await statementsFor(query, { first: 3 }, 'actors');
    const all = await statementsFor(query, { first: 15 }, 'actors');
    expect(few.nodes).toBe(3);
    expect(all.nodes).toBe(15);
    expect(all.count).toBe(few.count);
    // actors page, items pages, items counts, participants + their actors
    expect(all.count, all.sql.join('\n---\n')).toBeLessThanOrEqual(5);
  });

  it('does not run the count when totalCount is not asked for', async () => {
    const withCount = await statementsFor('{ timeline(first: 5) { totalCount nodes { id } } }', {});
    const without = await statementsFor('{ timeline(first: 5) { nodes { id } } }', {});
    expect(withCount.count).toBe(2);
    expect(without.count).toBe(1);
  });

  it('serves a one-month window from the (date_start, id) index', async () => {
    await statementsFor('{ timeline(first: 50, filter: {from: "2010-03-01", to: "2010-04-01"}) { nodes { id } } }', {});
    const page = statements.find((s) => /ORDER BY i\.date_start/.test(s.text));
    expect(page).toBeDefined();
    const client = await parley.db.pool.connect();
    try {
      const { rows } = await client.query<{ 'QUERY PLAN': unknown }>(
        `EXPLAIN (FORMAT JSON) ${page?.text}`,
        page?.values as unknown[],
      );
      const plan = JSON.stringify(rows[0]?.['QUERY PLAN']);
      expect(plan).toContain('timeline_item_date_start_id_idx');
      expect(plan).not.toMatch(/"Seq Scan"[^}]*"Relation Name":"timeline_item"/);
    } finally {
      client.release();
    }
  });
});

describe('timelineBuckets at scale', () => {
  it('counts months over the whole range', async () => {
    const { body } = await graphql<{ timelineBuckets: Array<{ count: number }> }>(
      parley.url,
      '{ timelineBuckets(unit: MONTH) { count } }',
    );
    expect(body.errors).toBeUndefined();
    const buckets = body.data?.timelineBuckets ?? [];
    expect(buckets.length).toBeGreaterThan(400);
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(ITEMS);
  });

  it('refuses open-ended DAY buckets when more than 5000 days have items', async () => {
    const { body } = await graphql(parley.url, '{ timelineBuckets(unit: DAY) { count } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/More than 5000 DAY buckets/);
  });
});
