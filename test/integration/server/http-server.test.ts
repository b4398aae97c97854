import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../../server/src/app.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { graphql, startTestParley } from '../../support/parley.js';

describe('HTTP server on a migrated database', () => {
  let database: TestDatabase;
  let parley: RunningParley;

  beforeAll(async () => {
    database = await createTestDatabase();
    parley = await startTestParley(database.url);
  });
  afterAll(async () => {
    await parley?.stop();
    await database?.drop();
  });

  it('answers /health and /ready', async () => {
    const health = await fetch(`${parley.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${parley.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, database: 'reachable', pendingMigrations: 0 });
  });

  it('answers a GraphQL query over HTTP', async () => {
    const { status, body } = await graphql<{ serverInfo: { version: string } }>(
      parley.url,
      '{ serverInfo { version extractorVersion } }',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.serverInfo.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('rejects a body over the size limit with 413 and a coded error', async () => {
    const huge = 'x'.repeat(9 * 1024 * 1024);
    const response = await fetch(`${parley.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ serverInfo { version } } # ${huge}` }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('rejects malformed JSON with 400 and a coded error', async () => {
    const response = await fetch(`${parley.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('blocks simple cross-site GET requests without a preflight header (CSRF prevention)', async () => {
    const response = await fetch(`${parley.url}/graphql?query=${encodeURIComponent('{ serverInfo { version } }')}`);
    expect(response.status).toBe(400);
    const ok = await fetch(`${parley.url}/graphql?query=${encodeURIComponent('{ serverInfo { version } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(ok.status).toBe(200);
  });

  it('returns 404 for unknown paths and refuses path traversal', async () => {
    expect((await fetch(`${parley.url}/nope.js`)).status).toBe(404);
    expect((await fetch(`${parley.url}/..%2f..%2fpackage.json`)).status).toBe(404);
  });
});

describe('readiness', () => {
  it('reports 503 while migrations are pending', async () => {
    const database = await createTestDatabase({ migrated: false });
    const { connectDb } = await import('../../../server/src/lib/db.js');
    const { checkReadiness } = await import('../../../server/src/http/readiness.js');
    const db = connectDb(database.url);
    try {
      const readiness = await checkReadiness(db);
      expect(readiness.ready).toBe(false);
      expect(readiness.database).toBe('reachable');
    } finally {
      await db.close();
      await database.drop();
    }
  });

  it('reports the database unreachable when nothing listens', async () => {
    const { connectDb } = await import('../../../server/src/lib/db.js');
    const { checkReadiness } = await import('../../../server/src/http/readiness.js');
    const { freePort } = await import('../../support/ports.js');
    const db = connectDb(`postgresql://postgres@127.0.0.1:${await freePort()}/nothing`);
    try {
      expect(await checkReadiness(db)).toMatchObject({ ready: false, database: 'unreachable' });
    } finally {
      await db.close();
    }
  });
});
