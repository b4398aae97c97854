/**
 * Depth, alias and complexity limits, CORS, introspection, GET and persisted queries,
 * cache headers, batching: over real HTTP.
 */
import { createHash } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../../server/src/app.js';
import { createApiKey } from '../../../server/src/services/api-keys.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { graphql, startTestParley } from '../../support/parley.js';

describe('API limits and HTTP behaviour', () => {
  let database: TestDatabase;
  let parley: RunningParley;
  let closed: RunningParley;

  beforeAll(async () => {
    database = await createTestDatabase();
    parley = await startTestParley(database.url, {
      PARLEY_CORS_ORIGINS: 'https://news.example.com',
      PARLEY_MAX_QUERY_COMPLEXITY: '5000',
    });
    closed = await startTestParley(database.url, { PARLEY_INTROSPECTION: 'false', NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await parley?.stop();
    await closed?.stop();
    await database?.drop();
  });

  it('reports the computed cost in extensions', async () => {
    const { body } = await graphql<unknown>(parley.url, '{ timeline(first: 10) { nodes { title } } }');
    expect(body.errors).toBeUndefined();
    expect((body as { extensions?: { cost?: { requested: number; maximum: number } } }).extensions?.cost).toMatchObject(
      { maximum: 5000 },
    );
  });

  it('refuses deep nesting', async () => {
    const deep = `{ timeline(first: 1) { nodes { participants { actor { items(first: 1) { nodes { participants { actor { items(first: 1) { nodes { participants { actor { items(first: 1) { nodes { title } } } } } } } } } } } } } } }`;
    const { status, body } = await graphql(parley.url, deep);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors?.[0]?.extensions?.http).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/nested \d+ levels deep/);
  });

  it('leaves the standard introspection query (GraphiQL, codegen) out of the depth limit', async () => {
    const { body } = await graphql<{ __schema: { queryType: { name: string } } }>(parley.url, getIntrospectionQuery());
    expect(body.errors).toBeUndefined();
    expect(body.data?.__schema.queryType.name).toBe('Query');
  });

  it('refuses alias bombs', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: serverInfo { version }`).join(' ');
    const { body } = await graphql(parley.url, `{ ${aliases} }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors?.[0]?.message).toMatch(/40 aliases/);
  });

  it('refuses queries whose pages multiply beyond the budget', async () => {
    const { body } = await graphql(
      parley.url,
      '{ timeline(first: 200) { nodes { citations { source { citations { excerpt item { title } } } } } } actors(first: 200) { nodes { items(first: 200) { nodes { title } } } } }',
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors?.[0]?.extensions?.cost).toBeGreaterThan(5000);
  });

  it('refuses batched arrays of operations', async () => {
    const response = await fetch(`${parley.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ serverInfo { version } }' }, { query: '{ serverInfo { version } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('answers allowed origins with CORS headers, and others without', async () => {
    const preflight = await fetch(`${parley.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://news.example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://news.example.com');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await fetch(`${parley.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves GET queries with a public cache header, and private ones for keyed requests', async () => {
    const query = encodeURIComponent('{ timeline(first: 1) { totalCount } }');
    const anon = await fetch(`${parley.url}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(anon.status).toBe(200);
    expect(anon.headers.get('cache-control')).toMatch(/max-age=30, public/);
    const key = (await createApiKey(parley.db.prisma, { name: 'r', role: 'READER' })).key;
    const keyed = await fetch(`${parley.url}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${key}` },
    });
    expect(keyed.headers.get('cache-control') ?? '').not.toMatch(/public/);
  });

  it('accepts automatic persisted queries', async () => {
    const query = '{ timeline(first: 2) { totalCount } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const post = (body: unknown) =>
      fetch(`${parley.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ data?: unknown; errors?: Array<{ extensions?: { code?: string } }> }>);
    expect((await post({ extensions })).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post({ query, extensions })).data).toEqual({ timeline: { totalCount: 0 } });
    expect((await post({ extensions })).data).toEqual({ timeline: { totalCount: 0 } });
  });

  it('turns introspection off when configured, and hides internals in production', async () => {
    const { body } = await graphql(closed.url, '{ __schema { types { name } } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.js/);
  });
});
