import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDb } from '../../../server/src/lib/db.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { graphql, startTestParley } from '../../support/parley.js';

describe('seed corpus on first start', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  const sources = async () => {
    const db = connectDb(database.url);
    try {
      return await db.prisma.source.count();
    } finally {
      await db.close();
    }
  };

  it('starts empty with PARLEY_LOAD_SEEDS=false', async () => {
    const parley = await startTestParley(database.url, { PARLEY_LOAD_SEEDS: 'false' });
    await parley.stop();
    expect(await sources()).toBe(0);
  });

  it('ingests the seeds into an empty database once, and never again', async () => {
    const first = await startTestParley(database.url, { PARLEY_LOAD_SEEDS: 'true' });
    const { body } = await graphql<{ serverInfo: { version: string } }>(first.url, '{ serverInfo { version } }');
    expect(body.data?.serverInfo.version).toBeTruthy();
    await first.stop();
    expect(await sources()).toBe(5);
    const second = await startTestParley(database.url, { PARLEY_LOAD_SEEDS: 'true' });
    await second.stop();
    expect(await sources()).toBe(5);
  }, 60_000);
});
