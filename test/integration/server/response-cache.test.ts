/**
 * The response cache for public reads over real HTTP: anonymous queries are answered from
 * it (the `age` header says so), keyed ones never; any write, through this server or
 * straight into the database by another process, retires what was cached; and large
 * answers are compressed for clients that accept it.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../../server/src/app.js';
import { createApiKey } from '../../../server/src/services/api-keys.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { graphql, startTestParley } from '../../support/parley.js';

const TOTAL = '{ timeline(first: 0) { totalCount } }';
const TITLES = '{ timeline(first: 200) { nodes { id title } } }';

async function get(baseUrl: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/graphql?query=${encodeURIComponent(query)}`, {
    headers: { 'apollo-require-preflight': 'true', ...headers },
  });
  return { response, body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
}

describe('response cache', () => {
  let database: TestDatabase;
  let parley: RunningParley;
  let editorKey: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    parley = await startTestParley(database.url, { PARLEY_LOAD_SEEDS: 'true' });
    editorKey = (await createApiKey(parley.db.prisma, { name: 'cache test', role: 'editor' })).key;
  });

  afterAll(async () => {
    await parley?.stop();
    await database?.drop();
  });

  it('answers a repeated anonymous query from the cache, and says so', async () => {
    const first = await get(parley.url, '{ actors(first: 5) { totalCount } }');
    expect(first.response.headers.get('age')).toBeNull();
    expect(first.response.headers.get('cache-control')).toBe('max-age=30, public');
    const second = await get(parley.url, '{ actors(first: 5) { totalCount } }');
    expect(second.response.headers.get('age')).not.toBeNull();
    expect(second.body).toEqual(first.body);
  });

  it('never caches for a key holder, nor answers one from the cache', async () => {
    await get(parley.url, '{ sources(first: 1) { totalCount } }');
    await get(parley.url, '{ sources(first: 1) { totalCount } }');
    const keyed = await get(parley.url, '{ sources(first: 1) { totalCount } }', {
      authorization: `Bearer ${editorKey}`,
    });
    expect(keyed.response.headers.get('age')).toBeNull();
    expect(keyed.response.headers.get('cache-control')).toBe('no-store');
  });

  it('never caches an answer with errors', async () => {
    const bad = '{ timeline(filter: { minSources: -1 }) { totalCount } }';
    await get(parley.url, bad);
    const again = await get(parley.url, bad);
    expect(again.body.errors).toBeDefined();
    expect(again.response.headers.get('age')).toBeNull();
    expect(again.response.headers.get('cache-control')).toBe('no-store');
  });

  it('retires cached answers as soon as a mutation through this server commits', async () => {
    const before = await get(parley.url, TOTAL);
    await get(parley.url, TOTAL); // cached now
    const ingested = await graphql<{ ingestArticle: { created: unknown[] } }>(
      parley.url,
      'mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { created { id } } }',
      {
        input: {
          text: 'Ministers meet\n\nBERLIN, May 4, 2017 - German Foreign Minister Sigmar Gabriel met Russian Foreign Minister Sergei Lavrov in Berlin on Thursday.',
          format: 'TEXT',
          publishedAt: '2017-05-04',
        },
      },
      { authorization: `Bearer ${editorKey}` },
    );
    const created = ingested.body.data?.ingestArticle.created.length ?? 0;
    expect(created).toBeGreaterThan(0);
    const after = await get(parley.url, TOTAL);
    expect(after.response.headers.get('age')).toBeNull();
    const count = (body: typeof before.body) =>
      (body.data as { timeline?: { totalCount: number } })?.timeline?.totalCount;
    expect(count(after.body)).toBe((count(before.body) ?? 0) + created);
  });

  it('retires cached answers when another process writes to the database', async () => {
    const cached = await get(parley.url, TITLES);
    await get(parley.url, TITLES);
    const nodes = (cached.body.data as { timeline: { nodes: Array<{ id: string; title: string }> } }).timeline.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    // A write that bypasses this server entirely, as the CLI or another server would make.
    const client = new pg.Client({ connectionString: parley.databaseUrl });
    await client.connect();
    try {
      await client.query(
        `UPDATE timeline_item SET title = title || ' (edited elsewhere)' WHERE id = (SELECT id FROM timeline_item ORDER BY date_start NULLS LAST, id LIMIT 1)`,
      );
    } finally {
      await client.end();
    }
    await expect
      .poll(async () => {
        const { body } = await get(parley.url, TITLES);
        return (body.data as { timeline: { nodes: Array<{ title: string }> } }).timeline.nodes.some((node) =>
          node.title.endsWith('(edited elsewhere)'),
        );
      })
      .toBe(true);
  });

  it('compresses large answers for clients that accept it', async () => {
    const plain = await fetch(`${parley.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'identity' },
      body: JSON.stringify({ query: TITLES }),
    });
    const text = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(text.length).toBeGreaterThan(1024);
    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      // node's fetch decodes by itself; a raw request shows what was on the wire.
      const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        const url = new URL(`${parley.url}/graphql`);
        import('node:http').then(({ request }) => {
          const req = request(
            {
              host: url.hostname,
              port: url.port,
              path: '/graphql',
              method: 'POST',
              headers: { 'content-type': 'application/json', 'accept-encoding': encoding },
            },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (chunk: Buffer) => chunks.push(chunk));
              res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
            },
          );
          req.on('error', reject);
          req.end(JSON.stringify({ query: TITLES }));
        }, reject);
      });
      expect(raw.headers['content-encoding']).toBe(encoding);
      expect(String(raw.headers.vary)).toMatch(/Accept-Encoding/i);
      expect(raw.body.length).toBeLessThan(text.length / 2);
      expect(JSON.parse(decode(raw.body).toString('utf8'))).toEqual(JSON.parse(text));
    }
  });
});
