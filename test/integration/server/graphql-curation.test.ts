/**
 * The editors' curation mutations over real HTTP: every Mutation field of the built schema
 * refuses callers without an EDITOR key (so a new mutation cannot ship unguarded), each
 * curation mutation's effect on the database, and hostile inputs.
 */
import {
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../../server/src/app.js';
import { toGlobalId } from '../../../server/src/graphql/global-id.js';
import { createSchema } from '../../../server/src/graphql/schema.js';
import { createApiKey, revokeApiKey } from '../../../server/src/services/api-keys.js';
import { ingestArticle } from '../../../server/src/services/ingest-article.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { graphql, startTestParley } from '../../support/parley.js';

const PLACEHOLDER_UUID = '01900000-0000-7000-8000-000000000000';

/** A value of `type` that passes GraphQL validation: required fields only, placeholders for scalars. */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [placeholder(type.ofType)];
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields()))
      if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = placeholder(field.type);
    return value;
  }
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return toGlobalId('Statement', PLACEHOLDER_UUID);
      case 'String':
        return 'placeholder';
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'DateTime':
        return '2020-01-01T00:00:00.000Z';
    }
  }
  throw new Error(`No placeholder for input type ${String(type)}`);
}

/** One operation calling `field` with every argument a variable, and its variables. */
function operationFor(field: GraphQLField<unknown, unknown>) {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const argumentsText: string[] = [];
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
    declarations.push(`$${arg.name}: ${String(arg.type)}`);
    argumentsText.push(`${arg.name}: $${arg.name}`);
    variables[arg.name] = placeholder(arg.type);
  }
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `mutation${declarations.length ? `(${declarations.join(', ')})` : ''} { ${field.name}${
    argumentsText.length ? `(${argumentsText.join(', ')})` : ''
  }${selection} }`;
  return { query, variables };
}

// The table below is generated from this: a mutation added later is checked without a test edit.
const mutations = Object.values((await createSchema()).getMutationType()?.getFields() ?? {});

const ARTICLE_ONE = {
  text: '“We will keep the border open for aid convoys,” Interior Minister Lena Marsh said on Tuesday.\n\nMarsh met Foreign Minister Omar Haddad in Geneva on Monday.',
  publishedAt: '2020-03-05T00:00:00.000Z',
  publisher: 'Example Gazette',
};
const ARTICLE_TWO = {
  text: '“The talks in Geneva were useful and will continue,” Foreign Minister Omar Haddad said on Wednesday.',
  publishedAt: '2020-03-06T00:00:00.000Z',
  publisher: 'Other Herald',
};

describe('curation mutations over HTTP', () => {
  let database: TestDatabase;
  let parley: RunningParley;
  const keys: Record<string, string> = {};
  const prisma = () => parley.db.prisma;

  beforeAll(async () => {
    database = await createTestDatabase();
    parley = await startTestParley(database.url);
    for (const role of ['READER', 'EDITOR']) keys[role] = (await createApiKey(prisma(), { name: role, role })).key;
    const revoked = await createApiKey(prisma(), { name: 'old', role: 'ADMIN' });
    await revokeApiKey(prisma(), revoked.id);
    keys.REVOKED = revoked.key;
  });
  afterAll(async () => {
    await parley?.stop();
    await database?.drop();
  });
  beforeEach(async () => {
    await prisma().$executeRawUnsafe('TRUNCATE source, timeline_item, actor, place CASCADE');
  });

  const asEditor = <T>(query: string, variables: Record<string, unknown>) =>
    graphql<T>(parley.url, query, variables, { authorization: `Bearer ${keys.EDITOR}` });
  const seed = async () => {
    const one = await ingestArticle(prisma(), {
      input: { ...ARTICLE_ONE, publishedAt: new Date(ARTICLE_ONE.publishedAt) },
    });
    const two = await ingestArticle(prisma(), {
      input: { ...ARTICLE_TWO, publishedAt: new Date(ARTICLE_TWO.publishedAt) },
    });
    return { one: one.sourceId, two: two.sourceId };
  };
  const itemNamed = async (kind: 'STATEMENT' | 'MEETING' | 'EVENT', titleContains: string) =>
    prisma().timelineItem.findFirstOrThrow({ where: { kind, title: { contains: titleContains } } });
  const actorNamed = (name: string) => prisma().actor.findFirstOrThrow({ where: { name }, include: { aliases: true } });
  const itemId = (item: { id: string; kind: string }) =>
    toGlobalId(item.kind === 'STATEMENT' ? 'Statement' : item.kind === 'MEETING' ? 'Meeting' : 'Event', item.id);
  const counts = async () => ({
    sources: await prisma().source.count(),
    items: await prisma().timelineItem.count(),
    actors: await prisma().actor.count(),
    aliases: await prisma().actorAlias.count(),
  });

  describe('every mutation in the schema needs an EDITOR key', () => {
    it('covers the curation mutations (the table is not empty)', () => {
      expect(mutations.map((m) => m.name)).toEqual(
        expect.arrayContaining([
          'updateTimelineItem',
          'deleteTimelineItem',
          'mergeTimelineItems',
          'mergeActors',
          'addActorAlias',
          'removeActorAlias',
          'deleteSource',
        ]),
      );
    });

    const callers = [
      ['no key', null, 'UNAUTHENTICATED'],
      ['a READER key', 'READER', 'FORBIDDEN'],
      ['a revoked key', 'REVOKED', 'UNAUTHENTICATED'],
    ] as const;
    const table = mutations.flatMap((field) =>
      callers.map(([label, key, code]) => [field.name, label, key, code, field] as const),
    );
    it.each(table)('%s refuses %s', async (_name, _label, key, code, field) => {
      await seed();
      const before = await counts();
      const { query, variables } = operationFor(field);
      const { body } = await graphql(parley.url, query, variables, key ? { authorization: `Bearer ${keys[key]}` } : {});
      expect(body.errors?.[0]?.extensions?.code).toBe(code);
      expect(body.data ?? null).toBeNull();
      expect(await counts()).toEqual(before);
    });

    it.each(mutations.map((field) => [field.name, field] as const))(
      '%s lets an EDITOR key past the guard (placeholders are well-formed)',
      async (_name, field) => {
        const { query, variables } = operationFor(field);
        const { body } = await asEditor(query, variables);
        // Placeholder ids name no row: a coded refusal of the input, or success; never the guard.
        expect([undefined, 'BAD_USER_INPUT', 'NOT_FOUND']).toContain(body.errors?.[0]?.extensions?.code);
      },
    );
  });

  const UPDATE = `mutation($input: UpdateTimelineItemInput!) {
    updateTimelineItem(input: $input) { item { id title summary status date { start end precision } place { name } } }
  }`;

  it('updateTimelineItem changes the fields given and leaves the others', async () => {
    await seed();
    const meeting = await itemNamed('MEETING', 'met');
    const statement = await itemNamed('STATEMENT', 'Marsh');
    const place = await prisma().place.create({ data: { name: 'Lausanne', country: 'CH' } });
    const { body } = await asEditor<{ updateTimelineItem: { item: Record<string, unknown> } }>(UPDATE, {
      input: {
        id: itemId(meeting),
        title: '  Marsh and Haddad met on aid corridors  ',
        summary: 'Checked against the ministry readout.',
        date: { start: '2020-03-18T15:00:00Z', precision: 'WEEK' },
        status: 'SCHEDULED',
        placeId: toGlobalId('Place', place.id),
        reviewState: 'CONFIRMED',
      },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.updateTimelineItem.item).toEqual({
      id: itemId(meeting),
      title: 'Marsh and Haddad met on aid corridors',
      summary: 'Checked against the ministry readout.',
      status: 'SCHEDULED',
      // Wednesday 18 March 2020 is in the ISO week starting Monday 16 March.
      date: { start: '2020-03-16T00:00:00.000Z', end: '2020-03-23T00:00:00.000Z', precision: 'WEEK' },
      place: { name: 'Lausanne' },
    });
    const row = await prisma().timelineItem.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(row).toMatchObject({ reviewState: 'CONFIRMED', dateBasis: 'CALLER', placeId: place.id });

    // Only the title given: the rest stays; null clears the date, summary and place.
    const cleared = await asEditor<{ updateTimelineItem: { item: Record<string, unknown> } }>(UPDATE, {
      input: { id: itemId(meeting), date: null, summary: null, placeId: null },
    });
    expect(cleared.body.data?.updateTimelineItem.item).toMatchObject({
      title: 'Marsh and Haddad met on aid corridors',
      status: 'SCHEDULED',
      summary: null,
      date: null,
      place: null,
    });
    expect(await prisma().timelineItem.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({
      dateStart: null,
      datePrecision: null,
      reviewState: 'CONFIRMED',
    });
    // The other item is untouched.
    expect(await prisma().timelineItem.findUniqueOrThrow({ where: { id: statement.id } })).toEqual(statement);
  });

  it('deleteTimelineItem deletes the item with its citations and participants', async () => {
    await seed();
    const meeting = await itemNamed('MEETING', 'met');
    const { body } = await asEditor<{ deleteTimelineItem: { deletedId: string } }>(
      'mutation($input: DeleteTimelineItemInput!) { deleteTimelineItem(input: $input) { deletedId } }',
      { input: { id: itemId(meeting) } },
    );
    expect(body.data?.deleteTimelineItem.deletedId).toBe(itemId(meeting));
    expect(await prisma().timelineItem.findUnique({ where: { id: meeting.id } })).toBeNull();
    expect(await prisma().citation.count({ where: { itemId: meeting.id } })).toBe(0);
    expect(await prisma().participant.count({ where: { itemId: meeting.id } })).toBe(0);
    expect(await prisma().timelineItem.count()).toBeGreaterThan(0);
  });

  const MERGE_ITEMS = `mutation($input: MergeTimelineItemsInput!) {
    mergeTimelineItems(input: $input) { item { id title sourceCount citations { excerpt } } }
  }`;

  it('mergeTimelineItems folds statements into the target and recomputes it', async () => {
    await seed();
    const marsh = await itemNamed('STATEMENT', 'Marsh');
    const haddad = await itemNamed('STATEMENT', 'Haddad');
    const { body } = await asEditor<{
      mergeTimelineItems: { item: { id: string; sourceCount: number; citations: unknown[] } };
    }>(MERGE_ITEMS, { input: { targetId: itemId(marsh), sourceIds: [itemId(haddad)] } });
    expect(body.errors).toBeUndefined();
    expect(body.data?.mergeTimelineItems.item).toMatchObject({ id: itemId(marsh), sourceCount: 2 });
    expect(body.data?.mergeTimelineItems.item.citations).toHaveLength(2);
    expect(await prisma().timelineItem.findUnique({ where: { id: haddad.id } })).toBeNull();
    const target = await prisma().timelineItem.findUniqueOrThrow({ where: { id: marsh.id } });
    expect(target.sourceCount).toBe(2);
    // The canonical quote is the longest wording of all citations, and the title follows it.
    expect(target.quote).toBe('The talks in Geneva were useful and will continue');
    expect(target.title).toBe('Lena Marsh: “The talks in Geneva were useful and will continue”');
  });

  it('mergeTimelineItems refuses items of different kinds, itself, and unknown items', async () => {
    await seed();
    const statement = await itemNamed('STATEMENT', 'Marsh');
    const meeting = await itemNamed('MEETING', 'met');
    const before = await counts();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ targetId: itemId(statement), sourceIds: [itemId(meeting)] }, 'BAD_USER_INPUT'],
      [{ targetId: itemId(statement), sourceIds: [itemId(statement)] }, 'BAD_USER_INPUT'],
      [{ targetId: itemId(statement), sourceIds: [] }, 'BAD_USER_INPUT'],
      [{ targetId: itemId(statement), sourceIds: [toGlobalId('Statement', PLACEHOLDER_UUID)] }, 'NOT_FOUND'],
      [{ targetId: toGlobalId('Statement', PLACEHOLDER_UUID), sourceIds: [itemId(statement)] }, 'NOT_FOUND'],
      [{ targetId: itemId(statement), sourceIds: [toGlobalId('Actor', PLACEHOLDER_UUID)] }, 'BAD_USER_INPUT'],
      [{ targetId: itemId(statement), sourceIds: Array(101).fill(itemId(meeting)) }, 'BAD_USER_INPUT'],
    ];
    for (const [input, code] of cases) {
      const { body } = await asEditor(MERGE_ITEMS, { input });
      expect(body.errors?.[0]?.extensions?.code, JSON.stringify(input).slice(0, 200)).toBe(code);
    }
    expect(await counts()).toEqual(before);
  });

  const ACTOR_FIELDS = 'actor { id name aliases }';

  it('mergeActors moves speakers, participations and aliases and retitles the items', async () => {
    await seed();
    const marsh = await actorNamed('Lena Marsh');
    const haddad = await actorNamed('Omar Haddad');
    // An alias both have: the target keeps its own, the duplicate is skipped.
    await prisma().actorAlias.create({ data: { actorId: haddad.id, alias: 'Marsh', normalized: 'marsh' } });
    const meeting = await itemNamed('MEETING', 'met');
    const { body } = await asEditor<{ mergeActors: { actor: { id: string; name: string; aliases: string[] } } }>(
      `mutation($input: MergeActorsInput!) { mergeActors(input: $input) { ${ACTOR_FIELDS} } }`,
      { input: { targetId: toGlobalId('Actor', marsh.id), sourceIds: [toGlobalId('Actor', haddad.id)] } },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.mergeActors.actor).toMatchObject({ id: toGlobalId('Actor', marsh.id), name: 'Lena Marsh' });
    expect(body.data?.mergeActors.actor.aliases).toContain('Omar Haddad');
    expect(await prisma().actor.findUnique({ where: { id: haddad.id } })).toBeNull();
    const aliases = await prisma().actorAlias.findMany({ where: { actorId: marsh.id } });
    const normalized = aliases.map((a) => a.normalized);
    expect(new Set(normalized).size).toBe(normalized.length);
    expect(normalized).toEqual(expect.arrayContaining(['lena marsh', 'omar haddad']));
    // Haddad's statement is now spoken by the target, and its title says so.
    const statements = await prisma().timelineItem.findMany({ where: { kind: 'STATEMENT' } });
    expect(statements.every((s) => s.speakerId === marsh.id)).toBe(true);
    expect(statements.map((s) => s.title).every((t) => t.startsWith('Lena Marsh:'))).toBe(true);
    // The meeting's two participants are one now.
    expect(await prisma().participant.findMany({ where: { itemId: meeting.id, role: 'PARTICIPANT' } })).toEqual([
      { itemId: meeting.id, actorId: marsh.id, role: 'PARTICIPANT' },
    ]);
    expect((await prisma().timelineItem.findUniqueOrThrow({ where: { id: meeting.id } })).title).toMatch(
      /^Lena Marsh met/,
    );
  });

  it('mergeActors refuses itself, unknown actors and item ids', async () => {
    await seed();
    const marsh = await actorNamed('Lena Marsh');
    const statement = await itemNamed('STATEMENT', 'Marsh');
    const query = `mutation($input: MergeActorsInput!) { mergeActors(input: $input) { ${ACTOR_FIELDS} } }`;
    const id = toGlobalId('Actor', marsh.id);
    const before = await counts();
    for (const [input, code] of [
      [{ targetId: id, sourceIds: [id] }, 'BAD_USER_INPUT'],
      [{ targetId: id, sourceIds: [toGlobalId('Actor', PLACEHOLDER_UUID)] }, 'NOT_FOUND'],
      [{ targetId: id, sourceIds: [itemId(statement)] }, 'BAD_USER_INPUT'],
      [{ targetId: 'not-an-id', sourceIds: [id] }, 'BAD_USER_INPUT'],
    ] as const) {
      const { body } = await asEditor(query, { input });
      expect(body.errors?.[0]?.extensions?.code).toBe(code);
    }
    expect(await counts()).toEqual(before);
  });

  it('addActorAlias and removeActorAlias normalize, skip duplicates and keep the last alias', async () => {
    await seed();
    const haddad = await actorNamed('Omar Haddad');
    const actorId = toGlobalId('Actor', haddad.id);
    const add = (alias: string) =>
      asEditor<{ addActorAlias: { actor: { aliases: string[] } } }>(
        `mutation($input: AddActorAliasInput!) { addActorAlias(input: $input) { ${ACTOR_FIELDS} } }`,
        { input: { actorId, alias } },
      );
    const remove = (alias: string) =>
      asEditor<{ removeActorAlias: { actor: { aliases: string[] } } }>(
        `mutation($input: RemoveActorAliasInput!) { removeActorAlias(input: $input) { ${ACTOR_FIELDS} } }`,
        { input: { actorId, alias } },
      );

    const added = await add('  Omar Al-Haddád ');
    expect(added.body.errors).toBeUndefined();
    expect(added.body.data?.addActorAlias.actor.aliases).toContain('Omar Al-Haddád');
    const row = await prisma().actorAlias.findFirstOrThrow({ where: { actorId: haddad.id, alias: 'Omar Al-Haddád' } });
    expect(row.normalized).not.toMatch(/[A-ZÁá]/);
    const aliasCount = await prisma().actorAlias.count({ where: { actorId: haddad.id } });
    expect((await add('OMAR AL-HADDAD')).body.errors).toBeUndefined(); // same normalized form: nothing new
    expect(await prisma().actorAlias.count({ where: { actorId: haddad.id } })).toBe(aliasCount);

    expect((await add('  ')).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await add('x'.repeat(501))).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await remove('Nobody Atall')).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Removal matches by normalized form; every alias but the last can go.
    expect((await remove('omar al-haddad')).body.errors).toBeUndefined();
    expect(await prisma().actorAlias.count({ where: { actorId: haddad.id, alias: 'Omar Al-Haddád' } })).toBe(0);
    const left = await prisma().actorAlias.findMany({ where: { actorId: haddad.id } });
    for (const alias of left.slice(1)) expect((await remove(alias.alias)).body.errors).toBeUndefined();
    const last = await remove((left[0] as { alias: string }).alias);
    expect(last.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await prisma().actorAlias.count({ where: { actorId: haddad.id } })).toBe(1);

    const unknown = await asEditor(
      `mutation($input: AddActorAliasInput!) { addActorAlias(input: $input) { ${ACTOR_FIELDS} } }`,
      { input: { actorId: toGlobalId('Actor', PLACEHOLDER_UUID), alias: 'Someone' } },
    );
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  const DELETE_SOURCE = `mutation($input: DeleteSourceInput!) { deleteSource(input: $input) { deletedId deletedItemIds } }`;

  it('deleteSource deletes its citations and orphaned items, recomputes the rest and unlinks its copies', async () => {
    const { one, two } = await seed();
    // Source two cites the Haddad statement only; make it also cite the meeting, and make it a copy of one.
    const meeting = await itemNamed('MEETING', 'met');
    const marshStatement = await itemNamed('STATEMENT', 'Marsh');
    const haddadStatement = await itemNamed('STATEMENT', 'Haddad');
    await prisma().citation.create({ data: { itemId: meeting.id, sourceId: two, excerpt: 'Geneva talks' } });
    await prisma().source.update({ where: { id: two }, data: { duplicateOfId: one } });
    // Stale counts, to see which items are recomputed.
    await prisma().timelineItem.updateMany({ data: { sourceCount: 99 } });

    const { body } = await asEditor<{ deleteSource: { deletedId: string; deletedItemIds: string[] } }>(DELETE_SOURCE, {
      input: { id: toGlobalId('Source', one) },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.deleteSource.deletedId).toBe(toGlobalId('Source', one));
    expect(body.data?.deleteSource.deletedItemIds).toEqual([itemId(marshStatement)]);
    expect(await prisma().source.findUnique({ where: { id: one } })).toBeNull();
    expect(await prisma().citation.count({ where: { sourceId: one } })).toBe(0);
    expect(await prisma().timelineItem.findUnique({ where: { id: marshStatement.id } })).toBeNull();
    // The meeting survives on the copy's citation; the copy stands alone now.
    expect(await prisma().timelineItem.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({
      sourceCount: 1,
    });
    expect((await prisma().source.findUniqueOrThrow({ where: { id: two } })).duplicateOfId).toBeNull();
    // Cited only by the former copy: recomputed too.
    expect(await prisma().timelineItem.findUniqueOrThrow({ where: { id: haddadStatement.id } })).toMatchObject({
      sourceCount: 1,
    });

    const again = await asEditor(DELETE_SOURCE, { input: { id: toGlobalId('Source', one) } });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses hostile inputs with coded errors and writes nothing', async () => {
    await seed();
    const meeting = await itemNamed('MEETING', 'met');
    const before = await prisma().timelineItem.findUniqueOrThrow({ where: { id: meeting.id } });
    const id = itemId(meeting);
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['a source id for an item', { id: toGlobalId('Source', meeting.id) }, 'BAD_USER_INPUT'],
      ['garbage', { id: '💥; DROP TABLE source' }, 'BAD_USER_INPUT'],
      ['an unknown item', { id: toGlobalId('Meeting', PLACEHOLDER_UUID), title: 'x' }, 'NOT_FOUND'],
      ['an empty title', { id, title: '' }, 'BAD_USER_INPUT'],
      ['a blank title', { id, title: '   ' }, 'BAD_USER_INPUT'],
      ['a huge title', { id, title: 'x'.repeat(301) }, 'BAD_USER_INPUT'],
      ['a huge summary', { id, summary: 'x'.repeat(5001) }, 'BAD_USER_INPUT'],
      ['an unknown place', { id, placeId: toGlobalId('Place', PLACEHOLDER_UUID) }, 'NOT_FOUND'],
      ['an actor id for a place', { id, placeId: toGlobalId('Actor', PLACEHOLDER_UUID) }, 'BAD_USER_INPUT'],
      ['an unknown precision', { id, date: { start: '2020-01-01', precision: 'DECADE' } }, 'BAD_USER_INPUT'],
      ['a date that is not one', { id, date: { start: 'yesterday', precision: 'DAY' } }, 'BAD_USER_INPUT'],
    ];
    for (const [label, input, code] of cases) {
      const { body } = await asEditor(UPDATE, { input });
      expect(body.errors?.[0]?.extensions?.code, label).toBe(code);
    }
    expect(await prisma().timelineItem.findUniqueOrThrow({ where: { id: meeting.id } })).toEqual(before);

    const wrongType = await asEditor(DELETE_SOURCE, { input: { id } });
    expect(wrongType.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const deleteUnknown = await asEditor(
      'mutation($input: DeleteTimelineItemInput!) { deleteTimelineItem(input: $input) { deletedId } }',
      { input: { id: toGlobalId('Event', PLACEHOLDER_UUID) } },
    );
    expect(deleteUnknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
