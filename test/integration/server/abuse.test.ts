/**
 * Abuse of the public API over real HTTP: rate limits per address and per key with the
 * RateLimit header fields (shared between servers through Redis when there is one),
 * spoofed forwarding headers, oversized requests, and production defaults that hide
 * introspection and the playground.
 */
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../../server/src/app.js';
import { createApiKey } from '../../../server/src/services/api-keys.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { startTestParley } from '../../support/parley.js';

const QUERY = '{ timeline(first: 1) { totalCount } }';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
const redisUrl = process.env.REDIS_URL ?? ((await redisAnswers(LOCAL_REDIS)) ? LOCAL_REDIS : undefined);
if (!redisUrl && process.env.CI)
  throw new Error(`No Redis at ${LOCAL_REDIS} and no REDIS_URL: CI must test shared rate limits.`);

async function post(baseUrl: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
  return { status: response.status, headers: response.headers, body };
}

describe('rate limits', () => {
  let database: TestDatabase;
  let limited: RunningParley;
  let behindProxy: RunningParley;
  const keys: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    limited = await startTestParley(database.url, { PARLEY_RATE_LIMIT: '4', PARLEY_RATE_LIMIT_KEY: '3' });
    behindProxy = await startTestParley(database.url, { PARLEY_RATE_LIMIT: '2', PARLEY_TRUST_PROXY: 'true' });
    for (const name of ['one', 'two']) keys.push((await createApiKey(limited.db.prisma, { name, role: 'READER' })).key);
  });
  afterAll(async () => {
    await limited?.stop();
    await behindProxy?.stop();
    await database?.drop();
  });

  it('counts an address down with RateLimit fields, then refuses with 429, a coded error and Retry-After', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const answer = await post(limited.url);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBe('4');
      expect(answer.headers.get('ratelimit-policy')).toBe('4;w=60');
      remaining.push(answer.headers.get('ratelimit-remaining') ?? '');
    }
    expect(remaining).toEqual(['3', '2', '1', '0']);
    const refused = await post(limited.url);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.body.data).toBeUndefined();
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    // The export endpoint draws on the same budget.
    const exported = await fetch(`${limited.url}/export?format=json`);
    expect(exported.status).toBe(429);
  });

  it('gives each key its own budget, separate from its address', async () => {
    const [one, two] = keys.map((key) => ({ authorization: `Bearer ${key}` }));
    for (let i = 0; i < 3; i += 1) expect((await post(limited.url, one)).status).toBe(200);
    const spent = await post(limited.url, one);
    expect(spent.status).toBe(429);
    expect(spent.headers.get('ratelimit-limit')).toBe('3');
    const other = await post(limited.url, two);
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit-remaining')).toBe('2');
  });

  it('charges a wrong key to the address, so inventing keys does not buy requests', async () => {
    const answer = await post(limited.url, { authorization: 'Bearer parley_made_up_key' });
    expect(answer.status).toBe(429);
  });

  it('ignores X-Forwarded-For unless told to trust a proxy', async () => {
    // `limited` trusts no proxy: a forged header does not reset the spent address budget.
    expect((await post(limited.url, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
    // Behind a proxy, each forwarded client has its own budget.
    const a = { 'x-forwarded-for': '203.0.113.1, 10.0.0.1' };
    const b = { 'x-forwarded-for': '203.0.113.2' };
    expect((await post(behindProxy.url, a)).status).toBe(200);
    expect((await post(behindProxy.url, a)).status).toBe(200);
    expect((await post(behindProxy.url, a)).status).toBe(429);
    expect((await post(behindProxy.url, b)).status).toBe(200);
  });

  it('leaves /health and /ready outside the budget', async () => {
    expect((await fetch(`${limited.url}/health`)).status).toBe(200);
    expect((await fetch(`${limited.url}/ready`)).status).toBe(200);
  });
});

describe.runIf(redisUrl)(`rate limits shared between two servers through Redis (${redisUrl})`, () => {
  let database: TestDatabase;
  const servers: RunningParley[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i += 1)
      servers.push(
        await startTestParley(database.url, {
          REDIS_URL: redisUrl as string,
          // Each run of this test needs a clean budget: a per-run key makes its own counter.
          PARLEY_RATE_LIMIT: '0',
          PARLEY_RATE_LIMIT_KEY: '4',
        }),
      );
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await database?.drop();
  });

  it('spends one budget across both servers', async () => {
    const [first, second] = servers as [RunningParley, RunningParley];
    const { key } = await createApiKey(first.db.prisma, { name: 'shared', role: 'READER' });
    const auth = { authorization: `Bearer ${key}` };
    expect((await post(first.url, auth)).status).toBe(200);
    expect((await post(second.url, auth)).status).toBe(200);
    expect((await post(first.url, auth)).status).toBe(200);
    const last = await post(second.url, auth);
    expect(last.status).toBe(200);
    expect(last.headers.get('ratelimit-remaining')).toBe('0');
    expect((await post(first.url, auth)).status).toBe(429);
  });
});

describe('request size and production defaults', () => {
  let database: TestDatabase;
  let production: RunningParley;
  let development: RunningParley;
  const playgroundPage = fileURLToPath(new URL('../../../client/dist/playground/index.html', import.meta.url));

  beforeAll(async () => {
    database = await createTestDatabase();
    production = await startTestParley(database.url, { NODE_ENV: 'production' });
    development = await startTestParley(database.url, { NODE_ENV: 'development' });
  });
  afterAll(async () => {
    await production?.stop();
    await development?.stop();
    await database?.drop();
  });

  it('refuses a request line or headers beyond the limit without reaching GraphQL', async () => {
    const huge = `{ timeline(q: "${'x'.repeat(40_000)}") { totalCount } }`;
    const response = await fetch(`${production.url}/graphql?query=${encodeURIComponent(huge)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(431);
    // The server is unharmed.
    expect((await post(production.url)).status).toBe(200);
  });

  it('serves its pages with a Content-Security-Policy: no inline or foreign script; only /embed may be framed by others', async () => {
    const explorer = await fetch(`${production.url}/`);
    expect(explorer.headers.get('content-type')).toMatch(/text\/html/);
    const policy = explorer.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).toContain("object-src 'none'");
    const frame = await fetch(`${production.url}/embed`);
    expect(frame.headers.get('content-security-policy')).toContain('frame-ancestors *');
    // Scripts themselves carry no page policy; the widget runs under its host's.
    const script = await fetch(`${production.url}/embed.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-security-policy')).toBeNull();
  });

  it('turns introspection and the playground off in production, and on in development', async () => {
    expect(existsSync(playgroundPage), 'build the client first (npm run build)').toBe(true);
    const introspect = async (url: string) =>
      (
        await (
          await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
          })
        ).json()
      ).data;
    expect(await introspect(production.url)).toBeUndefined();
    expect(await introspect(development.url)).toEqual({ __schema: { queryType: { name: 'Query' } } });

    const page = (url: string) => fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    const prod = await page(production.url);
    expect(prod.headers.get('content-type')).not.toMatch(/text\/html/);
    const dev = await page(development.url);
    expect(dev.headers.get('content-type')).toMatch(/text\/html/);
  });
});
