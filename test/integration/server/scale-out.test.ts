/**
 * Parley is stateless: two server processes on one PostgreSQL give the same answers, and a
 * write through either retires what both have cached. With Redis (REDIS_URL, or one on
 * 127.0.0.1:6379; required under CI) the two share one response cache as well.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDb } from '../../../server/src/lib/db.js';
import { createApiKey } from '../../../server/src/services/api-keys.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { graphql } from '../../support/parley.js';
import { freePort } from '../../support/ports.js';
import { type ServerProcess, spawnServer, waitForReady } from '../../support/process.js';

const LOCAL_REDIS = 'redis://127.0.0.1:6379';

function answers(url: string): Promise<boolean> {
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

const redisUrl = process.env.REDIS_URL ?? ((await answers(LOCAL_REDIS)) ? LOCAL_REDIS : undefined);
if (!redisUrl && process.env.CI)
  throw new Error(`No Redis at ${LOCAL_REDIS} and no REDIS_URL: CI must test the shared cache.`);

async function get(baseUrl: string, query: string) {
  const response = await fetch(`${baseUrl}/graphql?query=${encodeURIComponent(query)}`, {
    headers: { 'apollo-require-preflight': 'true' },
  });
  return { age: response.headers.get('age'), body: (await response.json()) as { data?: unknown } };
}

const TOTAL = '{ timeline(first: 0) { totalCount } }';
const totalOf = (body: { data?: unknown }) => (body.data as { timeline: { totalCount: number } }).timeline.totalCount;

for (const shared of redisUrl ? [false, true] : [false]) {
  describe(`two servers on one database, ${shared ? `sharing a Redis response cache (${redisUrl})` : 'each caching in memory'}`, () => {
    let database: TestDatabase;
    const servers: Array<{ url: string; process: ServerProcess }> = [];
    let key: string;

    beforeAll(async () => {
      database = await createTestDatabase();
      const db = connectDb(database.url);
      key = (await createApiKey(db.prisma, { name: 'scale-out', role: 'editor' })).key;
      await db.close();
      for (const seeds of ['true', 'false']) {
        const port = await freePort();
        const process = spawnServer({
          DATABASE_URL: database.url,
          PORT: String(port),
          PARLEY_LOAD_SEEDS: seeds,
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          // A fresh key space per run: a shared Redis must not mix databases.
          ...(shared && redisUrl ? { REDIS_URL: redisUrl } : {}),
        });
        const url = `http://127.0.0.1:${port}`;
        servers.push({ url, process });
        await waitForReady(url, process);
      }
    }, 120_000);

    afterAll(async () => {
      for (const { process } of servers) {
        process.child.kill('SIGTERM');
        await process.exited;
      }
      await database?.drop();
    });

    it('answers the same from both', async () => {
      const [a, b] = servers;
      if (!a || !b) throw new Error('servers did not start');
      const query = '{ timeline(first: 50) { totalCount nodes { id title sourceCount } } }';
      const fromA = await get(a.url, query);
      const fromB = await get(b.url, query);
      expect(totalOf(fromA.body)).toBeGreaterThan(0);
      expect(fromB.body).toEqual(fromA.body);
      if (shared) {
        // B never ran this query: its answer came from what A put in Redis.
        expect(fromB.age).not.toBeNull();
      }
    });

    it('retires both servers\u2019 cached answers after an ingest through one of them', async () => {
      const [a, b] = servers;
      if (!a || !b) throw new Error('servers did not start');
      const before = totalOf((await get(a.url, TOTAL)).body);
      await get(b.url, TOTAL);
      await get(b.url, TOTAL); // cached on B (or in Redis)
      const ingested = await graphql<{ ingestArticle: { created: unknown[] } }>(
        a.url,
        'mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { created { id } } }',
        {
          input: {
            text: `Envoys meet\n\nGENEVA, June ${shared ? 6 : 5}, 2017 - U.S. envoy Kurt Volker met Russian envoy Vladislav Surkov in Geneva on Monday to discuss Ukraine.`,
            format: 'TEXT',
            publishedAt: `2017-06-0${shared ? 6 : 5}`,
          },
        },
        { authorization: `Bearer ${key}` },
      );
      const created = ingested.body.data?.ingestArticle.created.length ?? 0;
      expect(created).toBeGreaterThan(0);
      expect(totalOf((await get(a.url, TOTAL)).body)).toBe(before + created);
      // B hears of the write from PostgreSQL (NOTIFY at commit), within moments.
      await expect.poll(async () => totalOf((await get(b.url, TOTAL)).body), { timeout: 5000 }).toBe(before + created);
    });
  });
}
