/**
 * GET /export over real HTTP, on the seed corpus (ingested as articles arrive) plus one item
 * with hostile text: every format against what the API's timeline gives, the explorer's
 * parameters, hostile parameters, keys, CORS, HEAD, and a database that fails mid-stream.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningParley } from '../../../server/src/app.js';
import { CSV_BOM, csvColumns } from '../../../server/src/export/csv.js';
import { createSchema } from '../../../server/src/graphql/schema.js';
import { startHttpServer } from '../../../server/src/http/server.js';
import { connectDb } from '../../../server/src/lib/db.js';
import { createApiKey } from '../../../server/src/services/api-keys.js';
import { ingestArticle } from '../../../server/src/services/ingest-article.js';
import { seedArticleFiles } from '../../../server/src/services/load-seeds.js';
import { synthesizeTimeline } from '../../../server/src/services/synthesize-timeline.js';
import { parseCsv } from '../../support/csv.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { graphql, startTestParley } from '../../support/parley.js';
import { createActor, createItem, createSource } from '../../support/timeline-records.js';

let database: TestDatabase;
let parley: RunningParley;

/** A title that needs every kind of CSV quoting (and would be a formula without the guard). */
const HOSTILE_TITLE = '=Mattis said "no", then,\r\nafter a pause, "yes" (Quillfeather)';

beforeAll(async () => {
  database = await createTestDatabase();
  parley = await startTestParley(database.url);
  const { prisma } = parley.db;
  for (const file of seedArticleFiles()) await ingestArticle(prisma, { input: { text: readFileSync(file, 'utf8') } });
  const speaker = await createActor(prisma, 'Ada Quillfeather');
  const source = await createSource(prisma, {
    title: 'A "quoted", title',
    publisher: 'Gazette, The',
    published: '2019-05-01',
  });
  await createItem(prisma, {
    kind: 'STATEMENT',
    title: HOSTILE_TITLE,
    date: '2019-05-01',
    speakerId: speaker,
    quote: 'Line one,\nline "two"',
    citations: [{ sourceId: source, excerpt: 'She said: "Line one,\nline two"' }],
  });
}, 120_000);

afterAll(async () => {
  await parley?.stop();
  await database?.drop();
});

const exportUrl = (query: string) => `${parley.url}/export?${query}`;

interface ApiNode {
  id: string;
  title: string;
  date: { basis: string | null; label: string; display: string } | null;
}

interface TimelinePage {
  timeline: { nodes: ApiNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

type TimelineResponse = Awaited<ReturnType<typeof graphql<TimelinePage>>>;

/** Every node of timeline(filter), as a client pages through it. */
async function apiTimeline(filter: Record<string, unknown> = {}): Promise<ApiNode[]> {
  const nodes: ApiNode[] = [];
  let after: string | null = null;
  for (;;) {
    const { body }: TimelineResponse = await graphql<TimelinePage>(
      parley.url,
      `query($filter: TimelineFilter, $after: String) { timeline(filter: $filter, first: 200, after: $after) {
        nodes { id title date { basis label display } } pageInfo { hasNextPage endCursor } } }`,
      { filter, after },
    );
    expect(body.errors).toBeUndefined();
    const page: TimelinePage['timeline'] | undefined = body.data?.timeline;
    nodes.push(...(page?.nodes ?? []));
    if (!page?.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

async function actorId(search: string): Promise<string> {
  const { body } = await graphql<{ actors: { nodes: Array<{ id: string; name: string }> } }>(
    parley.url,
    'query($search: String) { actors(search: $search, first: 5) { nodes { id name } } }',
    { search },
  );
  const [actor, ...others] = body.data?.actors.nodes ?? [];
  expect(others).toEqual([]);
  return actor?.id as string;
}

/** The rows of a CSV response, after checking its bytes start with the UTF-8 BOM (fetch's text() would drop it). */
async function csvRecords(response: Response): Promise<Array<Record<string, string>>> {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(CSV_BOM.length));
  expect(header).toEqual([...csvColumns]);
  return rows.map((row) => Object.fromEntries(csvColumns.map((c, i) => [c, row[i] as string])));
}

describe('GET /export', () => {
  it('serves CSV with the API’s items, ids and order, as a dated attachment', async () => {
    const response = await fetch(exportUrl('format=csv'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="parley-timeline-\d{8}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const rows = await csvRecords(response);
    const api = await apiTimeline();
    expect(api.length).toBeGreaterThan(20);
    // Cells that spreadsheets would run as formulas carry a leading apostrophe.
    const unguarded = (cell: string | undefined) => cell?.replace(/^'(?=[=+\-@\t\r])/, '');
    // The human date column is the API's display phrase, next to the API's basis.
    expect(rows.map((r) => [r.id, unguarded(r.title), r.date_basis, r.date_label])).toEqual(
      api.map((n) => [n.id, n.title, n.date?.basis ?? '', n.date?.display]),
    );
  });

  it('serves JSON with the filter it applied and undated items when asked', async () => {
    const response = await fetch(exportUrl('format=json&undated=1&kind=statement,meeting'));
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/filename="parley-timeline-\d{8}\.json"/);
    const body = (await response.json()) as { exportedAt: string; filter: unknown; items: ApiNode[] };
    expect(Date.now() - Date.parse(body.exportedAt)).toBeLessThan(60_000);
    expect(body.filter).toEqual({ includeUndated: true, kinds: ['STATEMENT', 'MEETING'] });
    const api = await apiTimeline({ includeUndated: true, kinds: ['STATEMENT', 'MEETING'] });
    expect(body.items.map((i) => [i.id, i.title, i.date ?? null])).toEqual(
      api.map((n) => [n.id, n.title, n.date ? expect.objectContaining(n.date) : null]),
    );
  });

  it('serves TimelineJS with one event per dated item, undated ones left out', async () => {
    const response = await fetch(exportUrl('format=timelinejs&undated=1'));
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/filename="parley-timeline-\d{8}-timelinejs\.json"/);
    const body = (await response.json()) as {
      title: unknown;
      events: Array<{ unique_id: string; text: { headline: string } }>;
    };
    const dated = (await apiTimeline({ includeUndated: true })).filter((n) => n.date !== null);
    expect(body.events.map((e) => e.unique_id)).toEqual(dated.map((n) => n.id));
    expect(body.title).toBeTruthy();
  });

  it('filters by actor: Valery Gerasimov gives exactly the two Dunford–Gerasimov meetings', async () => {
    const gerasimov = await actorId('Valery Gerasimov');
    const response = await fetch(exportUrl(`format=json&actor=${gerasimov}`));
    const body = (await response.json()) as { items: Array<{ kind: string; title: string; place: { name: string } }> };
    expect(body.items.map((i) => [i.kind, i.place.name])).toEqual([
      ['MEETING', 'Baku'],
      ['MEETING', 'Helsinki'],
    ]);
    for (const item of body.items) expect(item.title).toMatch(/Dunford.*Gerasimov/);
  });

  it('takes the explorer’s query string as it is, view state included', async () => {
    const gerasimov = await actorId('Gerasimov');
    const query = `view=timeline&item=abc&group=kind&start=2017-01-01&end=2019-01-01&format=csv&kind=MEETING&actor=${gerasimov}&status=scheduled&from=2018-01-01`;
    const rows = await csvRecords(await fetch(exportUrl(query)));
    expect(rows.map((r) => [r.title, r.status, r.place])).toEqual([
      ['Joseph Dunford Jr. and Valeriy Gerasimov to meet in Helsinki', 'SCHEDULED', 'Helsinki, Finland'],
    ]);
  });

  it('round-trips a title and a quote with quotes, commas and newlines through a CSV parser', async () => {
    const rows = await csvRecords(await fetch(exportUrl('format=csv&q=Quillfeather')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      title: `'${HOSTILE_TITLE}`,
      quote: 'Line one,\nline "two"',
      speaker: 'Ada Quillfeather',
      sources: 'Gazette, The — A "quoted", title',
    });
  });

  it('answers HEAD with the same headers and no body', async () => {
    const response = await fetch(exportUrl('format=timelinejs'), { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/-timelinejs\.json"$/);
    expect(await response.text()).toBe('');
    expect((await fetch(exportUrl('format=nope'), { method: 'HEAD' })).status).toBe(400);
  });

  it('allows other origins like /graphql does, and lets them read the file name', async () => {
    const preflight = await fetch(exportUrl('format=csv'), {
      method: 'OPTIONS',
      headers: { origin: 'https://news.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const response = await fetch(exportUrl('format=csv'), { headers: { origin: 'https://news.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')?.split(', ')).toContain('content-disposition');
    await response.arrayBuffer();
  });

  it('refuses other methods', async () => {
    const response = await fetch(exportUrl('format=csv'), { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  const hostile: Array<[string, () => Promise<string> | string, string, RegExp]> = [
    ['no format', () => 'kind=event', 'format', /required/],
    ['a bad format', () => 'format=pdf', 'format', /must be one of csv, json, timelinejs/],
    ['an impossible date', () => 'format=csv&from=2017-13-45', 'from', /must be a date/],
    ['a negative minSources', () => 'format=csv&minSources=-1', 'minSources', /from 1 to 1000000/],
    ['minSources=1e9', () => 'format=csv&minSources=1e9', 'minSources', /whole number/],
    ['a garbage actor', () => 'format=csv&actor=garbage', 'actor', /Actor ids/],
    [
      'a Source id as actor',
      async () => {
        const { body } = await graphql<{ sources: { nodes: Array<{ id: string }> } }>(
          parley.url,
          '{ sources(first: 1) { nodes { id } } }',
        );
        return `format=csv&actor=${body.data?.sources.nodes[0]?.id}`;
      },
      'actor',
      /is the id of a Source/,
    ],
    ['a 600-character q', () => `format=csv&q=${'a'.repeat(600)}`, 'q', /at most 500 characters/],
    ['a repeated format', () => 'format=csv&format=json', 'format', /given 2 times/],
    ['a repeated actor', async () => `format=csv&actor=${await actorId('Shoigu')}&actor=x`, 'actor', /given 2 times/],
    ['a bad kind', () => 'format=csv&kind=tweet', 'kind', /statement, meeting, event/],
    ['a bad status', () => 'format=csv&status=maybe', 'status', /occurred, scheduled/],
  ];

  it.each(hostile)('answers 400 naming the parameter for %s', async (_label, query, parameter, message) => {
    const response = await fetch(exportUrl(await query()));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await response.json()) as { error: string; problems: Array<{ parameter: string; message: string }> };
    expect(body.error).toBe('Invalid export parameters.');
    const problem = body.problems.find((p) => p.parameter === parameter);
    expect(problem?.message).toMatch(message);
    expect(JSON.stringify(body)).not.toMatch(/SELECT|prisma|at .*\.ts/i);
  });

  it('follows PARLEY_PUBLIC_READ like /graphql: a valid key is needed when it is off', async () => {
    const closed = await startTestParley(database.url, { PARLEY_PUBLIC_READ: 'false' });
    try {
      const reader = await createApiKey(closed.db.prisma, { name: 'export reader', role: 'READER' });
      const anonymous = await fetch(`${closed.url}/export?format=csv`);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { error: string }).error).toMatch(/needs an API key/);
      const wrong = await fetch(`${closed.url}/export?format=csv`, { headers: { authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
      await wrong.arrayBuffer();
      const keyed = await fetch(`${closed.url}/export?format=csv`, {
        headers: { authorization: `Bearer ${reader.key}` },
      });
      expect(keyed.status).toBe(200);
      expect((await csvRecords(keyed)).length).toBeGreaterThan(20);
    } finally {
      await closed.stop();
    }
  });
});

describe('GET /export when the database fails', () => {
  it('destroys the connection mid-stream instead of ending a truncated file, and logs it', async () => {
    const broken = await createTestDatabase();
    const db = connectDb(broken.url);
    const logged: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => logged.push(line) });
    const admin = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
    await admin.connect();
    const http = await (async () => {
      await synthesizeTimeline(db.prisma, { items: 2_000, seed: 'broken' });
      // One item per query: the export takes thousands of queries, so it is mid-stream when the database goes.
      return startHttpServer(
        { schema: await createSchema(), db, logger, exportPageSize: 1 },
        { host: '127.0.0.1', port: 0 },
      );
    })();
    try {
      const response = await fetch(`${http.url}/export?format=json`);
      expect(response.status).toBe(200);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);

      await admin.query(`ALTER DATABASE ${broken.name} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [broken.name]);

      let received = new TextDecoder().decode(first.value);
      const rest = (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return 'ended cleanly';
          received += new TextDecoder().decode(value);
        }
      })();
      await expect(rest).rejects.toThrow();
      expect(() => JSON.parse(received)).toThrow();
      await expect.poll(() => logged.join('\n')).toMatch(/export failed while streaming; connection closed/);

      // With the database still away, a new export fails before it starts: a plain 500.
      const again = await fetch(`${http.url}/export?format=csv`);
      expect(again.status).toBe(500);
      expect(await again.json()).toEqual({ error: 'Internal server error' });
    } finally {
      await http.close();
      await db.close();
      await admin.end();
      await broken.drop();
    }
  });
});
