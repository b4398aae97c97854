/**
 * Mutation.ingestArticle over real HTTP: the role checks (no key, READER, revoked key,
 * EDITOR) and PARLEY_PUBLIC_READ=false for reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../../server/src/app.js';
import { createApiKey, revokeApiKey } from '../../../server/src/services/api-keys.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { graphql, startTestParley } from '../../support/parley.js';

const INGEST = `mutation Ingest($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    source { id publisher publishedAt { label precision } }
    created { kind title }
    corroborated { title }
    warnings { code }
  }
}`;
const article = {
  text: '“We will keep the border open for aid convoys,” Interior Minister Lena Marsh said on Tuesday.\n\nMarsh met Foreign Minister Omar Haddad in Geneva on Monday.',
  publishedAt: '2020-03-05T00:00:00.000Z',
  publisher: 'Example Gazette',
};

describe('ingestArticle and keys over HTTP', () => {
  let database: TestDatabase;
  let parley: RunningParley;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    parley = await startTestParley(database.url);
    for (const role of ['READER', 'EDITOR', 'ADMIN'])
      keys[role] = (await createApiKey(parley.db.prisma, { name: role, role })).key;
    const revoked = await createApiKey(parley.db.prisma, { name: 'old', role: 'ADMIN' });
    await revokeApiKey(parley.db.prisma, revoked.id);
    keys.REVOKED = revoked.key;
  });
  afterAll(async () => {
    await parley?.stop();
    await database?.drop();
  });

  const ingest = (headers: Record<string, string>) =>
    graphql<{ ingestArticle: { created: Array<{ kind: string }> } }>(parley.url, INGEST, { input: article }, headers);

  // Keys are created in beforeAll, so the table names them and the test looks them up.
  it.each([
    ['no key', null, 'UNAUTHENTICATED'],
    ['a READER key', 'Bearer {READER}', 'FORBIDDEN'],
    ['a revoked key', 'Bearer {REVOKED}', 'UNAUTHENTICATED'],
    ['a forged key', 'Bearer pk_notarealkeyatall', 'UNAUTHENTICATED'],
    ['a malformed header', 'Basic dXNlcjpwYXNz', 'UNAUTHENTICATED'],
  ])('refuses %s with %s and writes nothing', async (_label, header, code) => {
    const headers: Record<string, string> = header
      ? { authorization: header.replace(/\{(\w+)\}/, (_m, role: string) => keys[role] as string) }
      : {};
    const { body } = await ingest(headers);
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    expect(await parley.db.prisma.source.count()).toBe(0);
  });

  it('ingests with an EDITOR key and reports what it created; the same text again creates nothing', async () => {
    const first = await ingest({ authorization: `Bearer ${keys.EDITOR}` });
    expect(first.body.errors).toBeUndefined();
    const kinds = first.body.data?.ingestArticle.created.map((i) => i.kind).sort();
    expect(kinds).toEqual(['MEETING', 'STATEMENT']);
    const again = await ingest({ authorization: `Bearer ${keys.ADMIN}` });
    expect(again.body.data?.ingestArticle.created).toEqual([]);
    expect(await parley.db.prisma.source.count()).toBe(1);
  });

  it('refuses a hostile article with a coded error', async () => {
    const { body } = await graphql(
      parley.url,
      INGEST,
      { input: { text: '\u0000\u0001\u0002'.repeat(100) } },
      { authorization: `Bearer ${keys.EDITOR}` },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('PARLEY_PUBLIC_READ=false', () => {
  let database: TestDatabase;
  let parley: RunningParley;
  let reader: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    parley = await startTestParley(database.url, { PARLEY_PUBLIC_READ: 'false' });
    reader = (await createApiKey(parley.db.prisma, { name: 'reader', role: 'READER' })).key;
  });
  afterAll(async () => {
    await parley?.stop();
    await database?.drop();
  });

  it('needs a key to read', async () => {
    const anonymousRead = await graphql(parley.url, '{ timeline(first: 1) { totalCount } }');
    expect(anonymousRead.status).toBe(401);
    expect(anonymousRead.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const keyed = await graphql<{ timeline: { totalCount: number } }>(
      parley.url,
      '{ timeline(first: 1) { totalCount } }',
      undefined,
      { authorization: `Bearer ${reader}` },
    );
    expect(keyed.body.data?.timeline.totalCount).toBe(0);
  });
});
