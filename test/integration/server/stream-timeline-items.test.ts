/**
 * streamTimelineItems over the seed corpus (ingested as articles really arrive): the export
 * holds exactly what the API's timeline(filter) pages through, in the same order, with the
 * API's ids, dates, participants and citations, at a fixed number of queries per page.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../../server/src/app.js';
import type { ExportItem } from '../../../server/src/export/export-item.js';
import { connectDb, type DbHandle } from '../../../server/src/lib/db.js';
import { ingestArticle } from '../../../server/src/services/ingest-article.js';
import { seedArticleFiles } from '../../../server/src/services/load-seeds.js';
import { streamTimelineItems } from '../../../server/src/services/stream-timeline-items.js';
import type { TimelineFilterOptions } from '../../../server/src/services/timeline-filter.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { graphql, startTestParley } from '../../support/parley.js';

let database: TestDatabase;
let parley: RunningParley;
let counted: DbHandle;
const queries: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  parley = await startTestParley(database.url);
  for (const file of seedArticleFiles())
    await ingestArticle(parley.db.prisma, { input: { text: readFileSync(file, 'utf8') } });
  counted = connectDb(database.url, { onQuery: (sql) => queries.push(sql) });
}, 120_000);

afterAll(async () => {
  await counted?.close();
  await parley?.stop();
  await database?.drop();
});

async function collect(filter: TimelineFilterOptions, pageSize?: number): Promise<ExportItem[]> {
  const items: ExportItem[] = [];
  for await (const item of streamTimelineItems(parley.db.prisma, { filter, pageSize })) items.push(item);
  return items;
}

interface ApiNode {
  id: string;
  kind: string;
  title: string;
  summary: string | null;
  date: { start: string; end: string; precision: string; label: string } | null;
  status: string;
  sourceCount: number;
  place: { name: string; country: string | null } | null;
  participants: Array<{ role: string; actor: { name: string } }>;
  citations: Array<{
    excerpt: string;
    source: {
      id: string;
      title: string | null;
      publisher: string | null;
      url: string | null;
      publishedAt: { label: string } | null;
    };
  }>;
  speaker?: { name: string };
  quote?: string;
}

const NODE = `id kind title summary date { start end precision label } status sourceCount place { name country }
  participants { role actor { name } }
  citations { excerpt source { id title publisher url publishedAt { label } } }
  ... on Statement { speaker { name } quote }`;

interface TimelinePage {
  timeline: { nodes: ApiNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

type TimelineResponse = Awaited<ReturnType<typeof graphql<TimelinePage>>>;

/** Every node of timeline(filter), page by page, as a client reads it. */
async function apiTimeline(filter: Record<string, unknown>): Promise<ApiNode[]> {
  const nodes: ApiNode[] = [];
  let after: string | null = null;
  for (;;) {
    const { body }: TimelineResponse = await graphql<TimelinePage>(
      parley.url,
      `query($filter: TimelineFilter, $after: String) { timeline(filter: $filter, first: 7, after: $after) {
        nodes { ${NODE} } pageInfo { hasNextPage endCursor } } }`,
      { filter, after },
    );
    expect(body.errors).toBeUndefined();
    const page: TimelinePage['timeline'] | undefined = body.data?.timeline;
    nodes.push(...(page?.nodes ?? []));
    if (!page?.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

/** An export record in the API's shape, to compare field by field. */
function asApiNode(item: ExportItem): ApiNode {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    summary: item.summary,
    date: item.date && {
      start: item.date.start.toISOString(),
      end: item.date.end.toISOString(),
      precision: item.date.precision,
      label: item.date.label,
    },
    status: item.status,
    sourceCount: item.sourceCount,
    place: item.place,
    participants: item.participants.map((p) => ({ role: p.role, actor: { name: p.name } })),
    citations: item.citations.map((c) => ({
      excerpt: c.excerpt,
      source: {
        id: c.source.id,
        title: c.source.title,
        publisher: c.source.publisher,
        url: c.source.url,
        publishedAt: c.source.publishedAt && { label: c.source.publishedAt.label },
      },
    })),
    ...(item.kind === 'STATEMENT' ? { speaker: { name: item.speaker ?? '' }, quote: item.quote ?? '' } : {}),
  };
}

describe('streamTimelineItems', () => {
  it.each([
    ['the whole timeline', {}, {}],
    ['undated items too', { includeUndated: true }, { includeUndated: true }],
    ['statements', { kinds: ['STATEMENT'] }, { kinds: ['STATEMENT'] }],
    [
      'a window',
      { from: new Date('2017-02-16'), to: new Date('2018-06-07') },
      { from: '2017-02-16', to: '2018-06-07' },
    ],
    ['text and sources', { text: 'russia', minSources: 2 }, { text: 'russia', minSources: 2 }],
  ])('holds exactly what timeline(filter) pages through, in order: %s', async (_label, filter, apiFilter) => {
    const api = await apiTimeline(apiFilter);
    expect(api.length).toBeGreaterThan(0);
    // Pages of 4 rows, so the keyset crosses many page boundaries.
    const streamed = await collect(filter as TimelineFilterOptions, 4);
    expect(streamed.map(asApiNode)).toEqual(api);
  });

  it('reads a page with the same few queries however many items it holds', async () => {
    const run = async (pageSize: number) => {
      queries.length = 0;
      let n = 0;
      for await (const _ of streamTimelineItems(counted.prisma, { filter: { includeUndated: true }, pageSize })) n += 1;
      return { n, queries: queries.length };
    };
    const one = await run(5_000);
    const paged = await run(5);
    expect(one.n).toBeGreaterThan(20);
    expect(paged.n).toBe(one.n);
    // One page: the items, then participants, citations, sources, places, speakers: a handful,
    // however many items (an N+1 would make it grow with them).
    expect(one.queries).toBeLessThanOrEqual(8);
    // A last page that comes back full costs one more (empty) query.
    expect(paged.queries).toBeLessThanOrEqual(Math.ceil(one.n / 5) * one.queries + 1);
  });

  it('refuses a bad filter before reading anything', async () => {
    await expect(collect({ minSources: -1 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(collect({ actorIds: ['not-a-uuid'] })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(collect({}, 0)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('gives nothing for a filter nothing matches', async () => {
    expect(await collect({ text: 'zzzqqqxxx' })).toEqual([]);
  });
});
