/**
 * Spokespeople and their principals, end to end: an article says whom a spokesperson
 * speaks for, the statement stays the spokesperson's, the principal is stored as the
 * actor's affiliation and served as Actor.affiliation over real HTTP. A later article
 * never overwrites an affiliation already recorded, and a merge keeps it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../../server/src/app.js';
import { toGlobalId } from '../../../server/src/graphql/global-id.js';
import { createApiKey } from '../../../server/src/services/api-keys.js';
import { ingestArticle } from '../../../server/src/services/ingest-article.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { graphql, startTestParley } from '../../support/parley.js';

const SPOKESMAN = {
  text: 'House Speaker Paul Ryan told donors on Monday that he would not campaign for the nominee.\n\n“The speaker is focused on keeping the majority,” said Kevin Seifert, a spokesman for Paul Ryan.',
  publishedAt: new Date('2016-10-11T00:00:00Z'),
};
const LATER = {
  text: 'Senator Ben Sasse spoke on Wednesday about the race.\n\n“We have nothing to add tonight,” said Kevin Seifert, a spokesman for Ben Sasse.',
  publishedAt: new Date('2016-10-12T00:00:00Z'),
};

const ACTORS = `query { actors(search: "Seifert", first: 5) { nodes { name affiliation { name kind } } } }`;

describe('Actor.affiliation', () => {
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

  it('credits the spokesman with his words and records whom he speaks for', async () => {
    await ingestArticle(parley.db.prisma, { input: SPOKESMAN });
    const statement = await parley.db.prisma.timelineItem.findFirstOrThrow({
      where: { kind: 'STATEMENT' },
      select: { speaker: { select: { name: true } } },
    });
    expect(statement.speaker?.name).toBe('Kevin Seifert');
    const { body } = await graphql<{ actors: { nodes: Array<{ name: string; affiliation: unknown }> } }>(
      parley.url,
      ACTORS,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.actors.nodes).toEqual([
      { name: 'Kevin Seifert', affiliation: { name: 'Paul Ryan', kind: 'PERSON' } },
    ]);
  });

  it('keeps the affiliation already recorded when a later article gives another', async () => {
    await ingestArticle(parley.db.prisma, { input: LATER });
    const { body } = await graphql<{ actors: { nodes: Array<{ name: string; affiliation: { name: string } }> } }>(
      parley.url,
      ACTORS,
    );
    expect(body.data?.actors.nodes.map((a) => a.affiliation?.name)).toEqual(['Paul Ryan']);
  });

  it('points spokespeople of a merged-away principal at the merge target', async () => {
    const { key } = await createApiKey(parley.db.prisma, { name: 'editor', role: 'EDITOR' });
    const ryan = await parley.db.prisma.actor.findFirstOrThrow({ where: { name: 'Paul Ryan' } });
    const sasse = await parley.db.prisma.actor.findFirstOrThrow({ where: { name: 'Ben Sasse' } });
    const { body } = await graphql(
      parley.url,
      `mutation($input: MergeActorsInput!) { mergeActors(input: $input) { actor { name } } }`,
      { input: { targetId: toGlobalId('Actor', sasse.id), sourceIds: [toGlobalId('Actor', ryan.id)] } },
      { authorization: `Bearer ${key}` },
    );
    expect(body.errors).toBeUndefined();
    const seifert = await parley.db.prisma.actor.findFirstOrThrow({ where: { name: 'Kevin Seifert' } });
    expect(seifert.affiliationId).toBe(sasse.id);
  });
});
