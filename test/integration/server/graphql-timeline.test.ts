/**
 * The read side of the API over real HTTP, on a small synthetic timeline whose every date,
 * source and participant is chosen here: each filter, pagination edges, node(id) round
 * trips, buckets per unit and hostile arguments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../../server/src/app.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { graphql, startTestParley } from '../../support/parley.js';
import { createActor, createItem, createPlace, createSource } from '../../support/timeline-records.js';

let database: TestDatabase;
let parley: RunningParley;

/** Row ids of the records below, by the names the tests use. */
const ids: Record<string, string> = {};

const globalId = (type: string, rowId: string) => Buffer.from(`${type}:${rowId}`).toString('base64url');
const actor = (name: string) => globalId('Actor', ids[name] as string);
const place = (name: string) => globalId('Place', ids[name] as string);
const source = (name: string) => globalId('Source', ids[name] as string);

type Body = Awaited<ReturnType<typeof graphql>>['body'];

async function query<T>(text: string, variables?: Record<string, unknown>): Promise<T> {
  const { status, body } = await graphql<T>(parley.url, text, variables);
  if (body.errors) throw new Error(`unexpected errors (HTTP ${status}): ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

async function failure(
  text: string,
  variables?: Record<string, unknown>,
): Promise<NonNullable<Body['errors']>[number]> {
  const { body } = await graphql(parley.url, text, variables);
  expect(body.errors, JSON.stringify(body)).toHaveLength(1);
  const [error] = body.errors ?? [];
  // Nothing but the code travels: no stack trace, no SQL.
  expect(Object.keys(error?.extensions ?? {})).toEqual(['code']);
  return error as NonNullable<Body['errors']>[number];
}

interface Page {
  totalCount: number;
  nodes: Array<{ title: string }>;
  edges: Array<{ cursor: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const PAGE = `totalCount nodes { title } edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

async function timeline(variables: { filter?: Record<string, unknown>; first?: number; after?: string } = {}) {
  const data = await query<{ timeline: Page }>(
    `query($filter: TimelineFilter, $first: Int, $after: String) {
      timeline(filter: $filter, first: $first, after: $after) { ${PAGE} } }`,
    variables,
  );
  return data.timeline;
}

/** The endCursor of an actor's first item (includeUndated). */
async function timelineCursorOfFirst(name: string): Promise<string> {
  const data = await query<{ node: { items: Page } }>(
    `query($id: ID!) { node(id: $id) { ... on Actor { items(first: 1, filter: {includeUndated: true}) { ${PAGE} } } } }`,
    { id: actor(name) },
  );
  return data.node.items.pageInfo.endCursor as string;
}

async function titles(filter: Record<string, unknown>): Promise<string[]> {
  const page = await timeline({ filter });
  expect(page.totalCount).toBe(page.nodes.length);
  return page.nodes.map((n) => n.title);
}

beforeAll(async () => {
  database = await createTestDatabase();
  parley = await startTestParley(database.url);
  const { prisma } = parley.db;

  ids.ada = await createActor(prisma, 'Ada Quillfeather', { aliases: ['Quillfeather'] });
  ids.boris = await createActor(prisma, 'Borislav Tremaine');
  ids.council = await createActor(prisma, 'Northwind Council', { kind: 'ORGANIZATION' });
  ids.elsmere = await createPlace(prisma, 'Port Elsmere');
  ids.valdoria = await createPlace(prisma, 'Valdoria');
  ids.gazette = await createSource(prisma, {
    title: 'Gazette report',
    publisher: 'Elsmere Gazette',
    published: '2020-03-11',
  });
  ids.herald = await createSource(prisma, {
    title: 'Herald report',
    publisher: 'Valdoria Herald',
    published: '2020-03-12',
  });
  ids.wire = await createSource(prisma, { title: 'Undated wire copy' });

  ids.harbour = await createItem(prisma, {
    kind: 'STATEMENT',
    title: 'Ada Quillfeather on the harbour treaty',
    date: '2020-03-10',
    speakerId: ids.ada,
    quote: 'The harbour treaty will hold through the winter.',
    citations: [
      { sourceId: ids.herald, quoteText: 'The harbour treaty will hold.' },
      { sourceId: ids.gazette, quoteText: 'The harbour treaty will hold through the winter.' },
    ],
  });
  ids.talks = await createItem(prisma, {
    kind: 'MEETING',
    title: 'Ada Quillfeather and Borislav Tremaine met in Port Elsmere',
    date: '2020-03-01',
    precision: 'MONTH',
    placeId: ids.elsmere,
    participants: [
      [ids.ada, 'PARTICIPANT'],
      [ids.boris, 'PARTICIPANT'],
    ],
    citations: [{ sourceId: ids.gazette }],
  });
  ids.floods = await createItem(prisma, {
    kind: 'EVENT',
    title: 'Floods in Valdoria',
    date: '2020-01-01',
    precision: 'YEAR',
    placeId: ids.valdoria,
    participants: [[ids.council, 'PARTICIPANT']],
    citations: [{ sourceId: ids.wire }],
  });
  ids.summit = await createItem(prisma, {
    kind: 'MEETING',
    title: 'Borislav Tremaine and Northwind Council to meet',
    date: '2020-04-02',
    status: 'SCHEDULED',
    participants: [
      [ids.boris, 'PARTICIPANT'],
      [ids.council, 'PARTICIPANT'],
    ],
    citations: [{ sourceId: ids.herald }, { sourceId: ids.wire }],
  });
  ids.lighthouse = await createItem(prisma, {
    kind: 'STATEMENT',
    title: 'Borislav Tremaine on lighthouses',
    speakerId: ids.boris,
    quote: 'Undated words about lighthouses and fog.',
    citations: [{ sourceId: ids.wire }],
  });
  ids.fireworks = await createItem(prisma, {
    kind: 'EVENT',
    title: 'Fireworks over Valdoria',
    summary: 'Crowds watched the New Year fireworks.',
    date: '2019-12-31',
    participants: [[ids.ada, 'MENTIONED']],
    citations: [{ sourceId: ids.herald }],
  });
}, 120_000);

afterAll(async () => {
  await parley?.stop();
  await database?.drop();
});

const DATED = [
  'Fireworks over Valdoria', // 31 Dec 2019
  'Floods in Valdoria', // 2020 (YEAR)
  'Ada Quillfeather and Borislav Tremaine met in Port Elsmere', // Mar 2020
  'Ada Quillfeather on the harbour treaty', // 10 Mar 2020
  'Borislav Tremaine and Northwind Council to meet', // 2 Apr 2020
];

describe('timeline order', () => {
  it('lists dated items by start date; undated items only when asked, and last', async () => {
    expect(await titles({})).toEqual(DATED);
    expect(await titles({ includeUndated: true })).toEqual([...DATED, 'Borislav Tremaine on lighthouses']);
  });

  it('breaks ties on the start date by id', async () => {
    const { prisma } = parley.db;
    const twins = [
      await createItem(prisma, { kind: 'EVENT', title: 'Twin A', date: '2031-05-05' }),
      await createItem(prisma, { kind: 'EVENT', title: 'Twin B', date: '2031-05-05' }),
    ];
    try {
      const page = await query<{ timeline: { nodes: Array<{ id: string }> } }>(
        '{ timeline(filter: {from: "2031-05-05", to: "2031-05-06"}) { nodes { id } } }',
      );
      expect(page.timeline.nodes.map((n) => n.id)).toEqual(twins.sort().map((id) => globalId('Event', id)));
    } finally {
      await prisma.timelineItem.deleteMany({ where: { id: { in: twins } } });
    }
  });
});

describe('timeline filters', () => {
  it('from/to: items whose fuzzy date overlaps [from, to)', async () => {
    // 15 Mar 2020 lies inside "2020" and "Mar 2020", not in "10 Mar 2020".
    expect(await titles({ from: '2020-03-15', to: '2020-03-16' })).toEqual([
      'Floods in Valdoria',
      'Ada Quillfeather and Borislav Tremaine met in Port Elsmere',
    ]);
    expect(await titles({ from: '2020-03-10T00:00:00Z', to: '2020-03-10T00:00:00.001Z' })).toEqual([
      'Floods in Valdoria',
      'Ada Quillfeather and Borislav Tremaine met in Port Elsmere',
      'Ada Quillfeather on the harbour treaty',
    ]);
    // The end is exclusive on both sides: 2020 starts exactly at `to`, 31 Dec 2019 ends exactly at `from`.
    expect(await titles({ to: '2020-01-01' })).toEqual(['Fireworks over Valdoria']);
    expect(await titles({ from: '2020-01-01' })).toEqual(DATED.slice(1));
    expect(await titles({ from: '2020-04-02' })).toEqual([
      'Floods in Valdoria',
      'Borislav Tremaine and Northwind Council to meet',
    ]);
    // Offsets are honoured: 01:00+02:00 on 1 Jan is still 31 Dec in UTC.
    expect(await titles({ from: '2020-01-01T01:00:00+02:00', to: '2020-01-01T01:30:00+02:00' })).toEqual([
      'Fireworks over Valdoria',
    ]);
  });

  it('includeUndated adds undated items after the dated ones, with or without a window', async () => {
    expect(await titles({ from: '2020-04-01', to: '2020-05-01', includeUndated: true })).toEqual([
      'Floods in Valdoria',
      'Borislav Tremaine and Northwind Council to meet',
      'Borislav Tremaine on lighthouses',
    ]);
    expect(await titles({ includeUndated: false, kinds: ['STATEMENT'] })).toEqual([
      'Ada Quillfeather on the harbour treaty',
    ]);
  });

  it('kinds and status', async () => {
    expect(await titles({ kinds: ['MEETING'] })).toEqual([
      'Ada Quillfeather and Borislav Tremaine met in Port Elsmere',
      'Borislav Tremaine and Northwind Council to meet',
    ]);
    expect(await titles({ kinds: ['EVENT', 'STATEMENT'], includeUndated: true })).toEqual([
      'Fireworks over Valdoria',
      'Floods in Valdoria',
      'Ada Quillfeather on the harbour treaty',
      'Borislav Tremaine on lighthouses',
    ]);
    expect(await titles({ kinds: [] })).toEqual([]);
    expect(await titles({ status: ['SCHEDULED'] })).toEqual(['Borislav Tremaine and Northwind Council to meet']);
    expect(await titles({ status: ['OCCURRED', 'SCHEDULED'] })).toEqual(DATED);
  });

  it('actorIds: items an actor speaks in, takes part in or is mentioned in', async () => {
    expect(await titles({ actorIds: [actor('ada')] })).toEqual([
      'Fireworks over Valdoria',
      'Ada Quillfeather and Borislav Tremaine met in Port Elsmere',
      'Ada Quillfeather on the harbour treaty',
    ]);
    expect(await titles({ actorIds: [actor('boris')], includeUndated: true })).toEqual([
      'Ada Quillfeather and Borislav Tremaine met in Port Elsmere',
      'Borislav Tremaine and Northwind Council to meet',
      'Borislav Tremaine on lighthouses',
    ]);
    expect(await titles({ actorIds: [actor('ada'), actor('council')] })).toEqual(DATED);
  });

  it('placeIds and sourceIds', async () => {
    expect(await titles({ placeIds: [place('elsmere')] })).toEqual([
      'Ada Quillfeather and Borislav Tremaine met in Port Elsmere',
    ]);
    expect(await titles({ placeIds: [place('elsmere'), place('valdoria')] })).toEqual([
      'Floods in Valdoria',
      'Ada Quillfeather and Borislav Tremaine met in Port Elsmere',
    ]);
    expect(await titles({ sourceIds: [source('wire')], includeUndated: true })).toEqual([
      'Floods in Valdoria',
      'Borislav Tremaine and Northwind Council to meet',
      'Borislav Tremaine on lighthouses',
    ]);
  });

  it('text: full-text search over title, quote and summary', async () => {
    expect(await titles({ text: 'harbour treaty' })).toEqual(['Ada Quillfeather on the harbour treaty']);
    expect(await titles({ text: 'winter' })).toEqual(['Ada Quillfeather on the harbour treaty']); // in the quote
    expect(await titles({ text: 'crowds watched' })).toEqual(['Fireworks over Valdoria']); // in the summary
    expect(await titles({ text: 'lighthouses', includeUndated: true })).toEqual(['Borislav Tremaine on lighthouses']);
    expect(await titles({ text: 'valdoria -floods' })).toEqual(['Fireworks over Valdoria']); // web-search syntax
  });

  it('text: part of a participant’s name, through the trigram index on aliases', async () => {
    const adas = [
      'Fireworks over Valdoria',
      'Ada Quillfeather and Borislav Tremaine met in Port Elsmere',
      'Ada Quillfeather on the harbour treaty',
    ];
    expect(await titles({ text: 'quillfeath' })).toEqual(adas);
    expect(await titles({ text: 'Quilfeather' })).toEqual(adas); // misspelt
    expect(await titles({ text: 'northwind' })).toEqual([
      'Floods in Valdoria',
      'Borislav Tremaine and Northwind Council to meet',
    ]);
  });

  it('minSources counts distinct sources', async () => {
    expect(await titles({ minSources: 2 })).toEqual([
      'Ada Quillfeather on the harbour treaty',
      'Borislav Tremaine and Northwind Council to meet',
    ]);
    expect(await titles({ minSources: 0 })).toEqual(DATED);
    expect(await titles({ minSources: 3 })).toEqual([]);
  });

  it('combines filters with AND', async () => {
    expect(
      await titles({ kinds: ['MEETING', 'STATEMENT'], actorIds: [actor('ada')], from: '2020-03-05', to: '2020-04-01' }),
    ).toEqual(['Ada Quillfeather and Borislav Tremaine met in Port Elsmere', 'Ada Quillfeather on the harbour treaty']);
  });

  it('Actor.items under a list of actors: each actor its own page and count, per set of arguments', async () => {
    const data = await query<{
      actors: {
        nodes: Array<{
          name: string;
          meetings: Page;
          firstOne: { totalCount: number; nodes: Array<{ title: string }>; pageInfo: { hasNextPage: boolean } };
        }>;
      };
    }>(`{ actors { nodes { name
          meetings: items(filter: {kinds: [MEETING]}) { ${PAGE} }
          firstOne: items(first: 1, filter: {includeUndated: true}) { totalCount nodes { title } pageInfo { hasNextPage } } } } }`);
    const byName = Object.fromEntries(data.actors.nodes.map((a) => [a.name, a]));
    expect(byName['Ada Quillfeather']?.meetings.nodes.map((n) => n.title)).toEqual([
      'Ada Quillfeather and Borislav Tremaine met in Port Elsmere',
    ]);
    expect(byName['Northwind Council']?.meetings.nodes.map((n) => n.title)).toEqual([
      'Borislav Tremaine and Northwind Council to meet',
    ]);
    expect(byName['Borislav Tremaine']?.firstOne).toEqual({
      totalCount: 3,
      nodes: [{ title: 'Ada Quillfeather and Borislav Tremaine met in Port Elsmere' }],
      pageInfo: { hasNextPage: true },
    });
    expect(byName['Ada Quillfeather']?.firstOne.totalCount).toBe(3);

    // A page of an actor's items continues from its own cursor.
    const next = await query<{ node: { items: Page } }>(
      `query($id: ID!, $after: String) { node(id: $id) { ... on Actor { items(first: 2, after: $after, filter: {includeUndated: true}) { ${PAGE} } } } }`,
      { id: actor('boris'), after: await timelineCursorOfFirst('boris') },
    );
    expect(next.node.items.nodes.map((n) => n.title)).toEqual([
      'Borislav Tremaine and Northwind Council to meet',
      'Borislav Tremaine on lighthouses',
    ]);
    expect(next.node.items.pageInfo.hasNextPage).toBe(false);
  });

  it('Actor.items with bad arguments gives one BAD_USER_INPUT, for the field that has them', async () => {
    const { body } = await graphql(
      parley.url,
      '{ actors(first: 1) { nodes { good: items(first: 1) { totalCount } bad: items(first: 500) { totalCount } } } }',
    );
    expect(body.errors?.map((e) => [(e as { path?: unknown }).path, e.extensions?.code])).toEqual([
      [['actors', 'nodes', 0, 'bad'], 'BAD_USER_INPUT'],
    ]);
  });

  it('Actor.items is the timeline of one actor, with the same filters', async () => {
    const data = await query<{ node: { name: string; items: Page } }>(
      `query($id: ID!) { node(id: $id) { ... on Actor { name items(filter: {kinds: [MEETING]}) { ${PAGE} } } } }`,
      { id: actor('boris') },
    );
    expect(data.node.name).toBe('Borislav Tremaine');
    expect(data.node.items.totalCount).toBe(2);
    expect(data.node.items.nodes.map((n) => n.title)).toEqual([
      'Ada Quillfeather and Borislav Tremaine met in Port Elsmere',
      'Borislav Tremaine and Northwind Council to meet',
    ]);
  });
});

describe('timeline pagination', () => {
  it('walks every item in order, two at a time, and ends with hasNextPage false', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let pageNo = 0; pageNo < 10; pageNo++) {
      const page = await timeline({ filter: { includeUndated: true }, first: 2, ...(after ? { after } : {}) });
      expect(page.totalCount).toBe(6);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== undefined);
      expect(page.edges.map((e) => e.cursor)).toEqual(
        [page.pageInfo.startCursor, page.pageInfo.endCursor].filter(
          (c, i, all) => i === 0 || c !== all[0] || page.edges.length > 1,
        ),
      );
      seen.push(...page.nodes.map((n) => n.title));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor as string;
    }
    expect(seen).toEqual([...DATED, 'Borislav Tremaine on lighthouses']);
  });

  it('continues past the last dated item into the undated ones, and past those to nothing', async () => {
    const dated = await timeline({ filter: { includeUndated: true }, first: 5 });
    expect(dated.pageInfo.hasNextPage).toBe(true);
    const undated = await timeline({
      filter: { includeUndated: true },
      first: 5,
      after: dated.pageInfo.endCursor as string,
    });
    expect(undated.nodes.map((n) => n.title)).toEqual(['Borislav Tremaine on lighthouses']);
    expect(undated.pageInfo.hasNextPage).toBe(false);
    const beyond = await timeline({ filter: { includeUndated: true }, after: undated.pageInfo.endCursor as string });
    expect(beyond.nodes).toEqual([]);
    expect(beyond.pageInfo).toMatchObject({ hasNextPage: false, startCursor: null, endCursor: null });
  });

  it('first: 0 gives no items but the count and whether there are any', async () => {
    const page = await timeline({ first: 0 });
    expect(page).toMatchObject({
      totalCount: 5,
      nodes: [],
      edges: [],
      pageInfo: { hasNextPage: true, endCursor: null },
    });
  });

  it('defaults to 50 and accepts 200', async () => {
    expect((await timeline()).nodes).toHaveLength(5);
    expect((await timeline({ first: 200 })).nodes).toHaveLength(5);
  });

  it.each([201, -1, 1_000_000])('refuses first: %s with BAD_USER_INPUT', async (first) => {
    const error = await failure('query($first: Int) { timeline(first: $first) { totalCount } }', { first });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/"first" must be between 0 and 200/);
  });

  it('refuses a first that is not an Int at all', async () => {
    const error = await failure('{ timeline(first: 2147483648) { totalCount } }');
    expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it.each([
    ['garbage', 'garbage'],
    ['empty', ''],
    [
      'a forged sort key',
      Buffer.from(JSON.stringify(['timeline', "2020-01-01' OR '1'='1", 'x'])).toString('base64url'),
    ],
    [
      'an impossible date',
      Buffer.from(
        JSON.stringify(['timeline', '2020-02-30T00:00:00.000Z', '0195f3a2-7c1e-7d3a-9b2f-1c2d3e4f5a6b']),
      ).toString('base64url'),
    ],
    ['a global id', Buffer.from('Statement:0195f3a2-7c1e-7d3a-9b2f-1c2d3e4f5a6b').toString('base64url')],
    ['not base64url', 'WyJ0aW1lbGluZSJd+/'],
  ])('refuses %s as a cursor with BAD_USER_INPUT', async (_label, after) => {
    const error = await failure('query($after: String) { timeline(after: $after) { totalCount } }', { after });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/"after" is not a cursor of this list/);
  });

  it('refuses a cursor from another list', async () => {
    const sources = await query<{ sources: { pageInfo: { endCursor: string } } }>(
      '{ sources(first: 1) { pageInfo { endCursor } } }',
    );
    const error = await failure('query($after: String) { timeline(after: $after) { totalCount } }', {
      after: sources.sources.pageInfo.endCursor,
    });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('node(id)', () => {
  it('fetches every item, actor, place and source again by the id it was given', async () => {
    const data = await query<{
      timeline: {
        nodes: Array<{
          __typename: string;
          id: string;
          title: string;
          place: { id: string; name: string } | null;
          participants: Array<{ actor: { id: string; name: string } }>;
          citations: Array<{ id: string; source: { id: string; title: string } }>;
        }>;
      };
    }>(`{ timeline(filter: {includeUndated: true}) { nodes { __typename id title
          place { id name } participants { actor { id name } } citations { id source { id title } } } } }`);
    for (const item of data.timeline.nodes) {
      const again = await query<{ node: { __typename: string; id: string; title: string } }>(
        'query($id: ID!) { node(id: $id) { __typename id ... on TimelineItem { title } } }',
        { id: item.id },
      );
      expect(again.node).toEqual({ __typename: item.__typename, id: item.id, title: item.title });
      for (const [id, field, expected] of [
        ...(item.place ? [[item.place.id, 'name', item.place.name] as const] : []),
        ...item.participants.map((p) => [p.actor.id, 'name', p.actor.name] as const),
        ...item.citations.map((c) => [c.source.id, 'title', c.source.title] as const),
      ]) {
        const node = await query<{ node: Record<string, string> }>(
          `query($id: ID!) { node(id: $id) { id ... on Actor { name } ... on Place { name } ... on Source { title } } }`,
          { id },
        );
        expect(node.node).toEqual({ id, [field]: expected });
      }
    }
  });

  it('is null for an id of the wrong type, an unknown row and a citation; BAD_USER_INPUT for a non-id', async () => {
    const harbourAsMeeting = globalId('Meeting', ids.harbour as string);
    const unknown = globalId('Actor', '0195f3a2-7c1e-7d3a-9b2f-1c2d3e4f5a6b');
    const { timeline: t } = await query<{ timeline: { nodes: Array<{ citations: Array<{ id: string }> }> } }>(
      '{ timeline(first: 1) { nodes { citations { id } } } }',
    );
    const citation = t.nodes[0]?.citations[0]?.id as string;
    for (const id of [harbourAsMeeting, unknown, citation]) {
      expect(await query('query($id: ID!) { node(id: $id) { id } }', { id })).toEqual({ node: null });
    }
    for (const id of ['abc', ids.harbour as string, globalId('Actor', "1' OR '1'='1"), 'x'.repeat(10_000)]) {
      const error = await failure('query($id: ID!) { node(id: $id) { id } }', { id });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('item fields', () => {
  it('gives statements their speaker, canonical quote and each source’s wording, oldest source first', async () => {
    const data = await query<{
      node: {
        quote: string;
        speaker: { name: string };
        sourceCount: number;
        date: { start: string; end: string; precision: string; label: string };
        variants: Array<{ text: string; citation: { source: { publisher: string } } }>;
        participants: Array<{ role: string; actor: { name: string } }>;
      };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Statement { quote sourceCount speaker { name }
          date { start end precision label } participants { role actor { name } }
          variants { text citation { source { publisher } } } } } }`,
      { id: globalId('Statement', ids.harbour as string) },
    );
    expect(data.node).toEqual({
      quote: 'The harbour treaty will hold through the winter.',
      speaker: { name: 'Ada Quillfeather' },
      sourceCount: 2,
      date: {
        start: '2020-03-10T00:00:00.000Z',
        end: '2020-03-11T00:00:00.000Z',
        precision: 'DAY',
        label: '10 Mar 2020',
      },
      participants: [{ role: 'SPEAKER', actor: { name: 'Ada Quillfeather' } }],
      variants: [
        {
          text: 'The harbour treaty will hold through the winter.',
          citation: { source: { publisher: 'Elsmere Gazette' } },
        },
        { text: 'The harbour treaty will hold.', citation: { source: { publisher: 'Valdoria Herald' } } },
      ],
    });
  });

  it('labels fuzzy dates at their precision and leaves undated items without a date', async () => {
    const data = await query<{
      timeline: { nodes: Array<{ title: string; date: { label: string; end: string } | null }> };
    }>(
      '{ timeline(filter: {includeUndated: true, kinds: [EVENT, STATEMENT]}) { nodes { title date { label end } } } }',
    );
    expect(data.timeline.nodes.map((n) => n.date?.label ?? null)).toEqual(['31 Dec 2019', '2020', '10 Mar 2020', null]);
    expect(data.timeline.nodes[1]?.date?.end).toBe('2021-01-01T00:00:00.000Z');
  });
});

describe('timelineBuckets', () => {
  type Bucket = { start: string; end: string; count: number; countsByKind: Array<{ kind: string; count: number }> };
  async function buckets(unit: string, filter: Record<string, unknown> = {}): Promise<Bucket[]> {
    const data = await query<{ timelineBuckets: Bucket[] }>(
      `query($unit: BucketUnit!, $filter: TimelineFilter) {
        timelineBuckets(unit: $unit, filter: $filter) { start end count countsByKind { kind count } } }`,
      { unit, filter },
    );
    return data.timelineBuckets;
  }
  const brief = (list: Bucket[]) => list.map((b) => `${b.start.slice(0, 10)}..${b.end.slice(0, 10)}=${b.count}`);

  it('counts by day, ISO week, month and year of the start date (UTC), omitting empty periods', async () => {
    expect(brief(await buckets('DAY'))).toEqual([
      '2019-12-31..2020-01-01=1',
      '2020-01-01..2020-01-02=1',
      '2020-03-01..2020-03-02=1',
      '2020-03-10..2020-03-11=1',
      '2020-04-02..2020-04-03=1',
    ]);
    expect(brief(await buckets('WEEK'))).toEqual([
      '2019-12-30..2020-01-06=2', // Tue 31 Dec and Wed 1 Jan share a Monday
      '2020-02-24..2020-03-02=1',
      '2020-03-09..2020-03-16=1',
      '2020-03-30..2020-04-06=1',
    ]);
    expect(brief(await buckets('MONTH'))).toEqual([
      '2019-12-01..2020-01-01=1',
      '2020-01-01..2020-02-01=1',
      '2020-03-01..2020-04-01=2',
      '2020-04-01..2020-05-01=1',
    ]);
    expect(brief(await buckets('YEAR'))).toEqual(['2019-01-01..2020-01-01=1', '2020-01-01..2021-01-01=4']);
  });

  it('splits counts by kind and applies the timeline filter', async () => {
    const [march] = (await buckets('MONTH')).filter((b) => b.start.startsWith('2020-03'));
    expect(march?.countsByKind).toEqual([
      { kind: 'EVENT', count: 0 },
      { kind: 'MEETING', count: 1 },
      { kind: 'STATEMENT', count: 1 },
    ]);
    expect(brief(await buckets('YEAR', { kinds: ['MEETING'] }))).toEqual(['2020-01-01..2021-01-01=2']);
    expect(brief(await buckets('YEAR', { actorIds: [actor('ada')], from: '2020-01-01' }))).toEqual([
      '2020-01-01..2021-01-01=2',
    ]);
    expect(await buckets('DAY', { kinds: [] })).toEqual([]);
  });

  it('adds up to the timeline’s totalCount for the same filter', async () => {
    for (const filter of [{}, { from: '2020-02-01', to: '2020-04-01' }, { minSources: 2 }, { text: 'quillfeather' }]) {
      const total = (await timeline({ filter, first: 0 })).totalCount;
      const sum = (await buckets('WEEK', filter)).reduce((n, b) => n + b.count, 0);
      expect(sum, JSON.stringify(filter)).toBe(total);
    }
  });

  it('refuses more than 5000 buckets, e.g. days over 30 years, but not weeks over the same range', async () => {
    const range = { from: '1990-01-01', to: '2020-01-01' };
    const error = await failure(
      'query($filter: TimelineFilter) { timelineBuckets(unit: DAY, filter: $filter) { count } }',
      { filter: range },
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/More than 5000 DAY buckets/);
    expect(brief(await buckets('WEEK', range))).toEqual(['2019-12-30..2020-01-06=1']);
  });
});

describe('actors and sources', () => {
  it('lists actors by name, pages through them and finds them by part of a name or alias', async () => {
    const first = await query<{
      actors: {
        totalCount: number;
        nodes: Array<{ name: string; aliases: string[] }>;
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    }>('{ actors(first: 2) { totalCount nodes { name aliases } pageInfo { endCursor hasNextPage } } }');
    expect(first.actors.totalCount).toBe(3);
    expect(first.actors.nodes).toEqual([
      { name: 'Ada Quillfeather', aliases: ['Quillfeather'] },
      { name: 'Borislav Tremaine', aliases: [] },
    ]);
    const rest = await query<{ actors: { nodes: Array<{ name: string }>; pageInfo: { hasNextPage: boolean } } }>(
      'query($after: String) { actors(first: 2, after: $after) { nodes { name } pageInfo { hasNextPage } } }',
      { after: first.actors.pageInfo.endCursor },
    );
    expect(rest.actors).toEqual({ nodes: [{ name: 'Northwind Council' }], pageInfo: { hasNextPage: false } });

    const find = async (args: string) =>
      (
        await query<{ actors: { nodes: Array<{ name: string }> } }>(`{ actors(${args}) { nodes { name } } }`)
      ).actors.nodes.map((n) => n.name);
    expect(await find('search: "quill"')).toEqual(['Ada Quillfeather']);
    expect(await find('search: "TREMAINE"')).toEqual(['Borislav Tremaine']);
    expect(await find('kind: ORGANIZATION')).toEqual(['Northwind Council']);
    expect(await find('search: "%"')).toEqual([]); // LIKE wildcards are literal
    expect(await find('search: "_"')).toEqual([]);
  });

  it('lists sources in ingestion order with publication date, warnings and citations', async () => {
    const data = await query<{
      sources: {
        totalCount: number;
        nodes: Array<{
          title: string;
          publisher: string | null;
          publishedAt: { label: string; precision: string; end: string } | null;
          warnings: Array<{ code: string }>;
          duplicateOf: { title: string } | null;
          citations: Array<{ item: { title: string } }>;
        }>;
      };
    }>(
      '{ sources { totalCount nodes { title publisher publishedAt { label precision end } warnings { code } duplicateOf { title } citations { item { title } } } } }',
    );
    expect(data.sources.totalCount).toBe(3);
    expect(data.sources.nodes.map((s) => s.title)).toEqual(['Gazette report', 'Herald report', 'Undated wire copy']);
    expect(data.sources.nodes[0]?.publishedAt).toEqual({
      label: '11 Mar 2020',
      precision: 'DAY',
      end: '2020-03-12T00:00:00.000Z',
    });
    expect(data.sources.nodes[2]).toMatchObject({
      publishedAt: null,
      warnings: [{ code: 'UNDATED' }],
      duplicateOf: null,
    });
    expect(data.sources.nodes[2]?.citations.map((c) => c.item.title).sort()).toEqual([
      'Borislav Tremaine and Northwind Council to meet',
      'Borislav Tremaine on lighthouses',
      'Floods in Valdoria',
    ]);
  });

  it('links a copy to its original', async () => {
    const copy = await createSource(parley.db.prisma, { title: 'Gazette report (copy)', duplicateOf: ids.gazette });
    try {
      const data = await query<{ node: { duplicateOf: { title: string } } }>(
        'query($id: ID!) { node(id: $id) { ... on Source { duplicateOf { title } } } }',
        { id: globalId('Source', copy) },
      );
      expect(data.node.duplicateOf.title).toBe('Gazette report');
    } finally {
      await parley.db.prisma.source.delete({ where: { id: copy } });
    }
  });
});

describe('hostile arguments', () => {
  const timelineWith = 'query($filter: TimelineFilter) { timeline(filter: $filter) { totalCount } }';

  it.each([
    ['text over 500 characters', { text: 'x'.repeat(501) }, /"filter.text" must be at most 500/],
    [
      '101 actor ids',
      { actorIds: Array(101).fill('QWN0b3I6MDE5NWYzYTItN2MxZS03ZDNhLTliMmYtMWMyZDNlNGY1YTZi') },
      /at most 100/,
    ],
    ['101 kinds', { kinds: Array(101).fill('EVENT') }, /at most 100/],
    [
      'a place id among actor ids',
      { actorIds: ['UGxhY2U6MDE5NWYzYTItN2MxZS03ZDNhLTliMmYtMWMyZDNlNGY1YTZi'] },
      /must list Actor ids/,
    ],
    ['an injection as an id', { sourceIds: ["'; DROP TABLE source; --"] }, /must list Source ids/],
    ['negative minSources', { minSources: -1 }, /minSources/],
    ['from after to', { from: '2020-02-01', to: '2020-01-01' }, /earlier than/],
    ['a NUL character in text', { text: 'harbour\u0000treaty' }, /NUL/],
  ])('refuses %s with BAD_USER_INPUT', async (_label, filter, message) => {
    const error = await failure(timelineWith, { filter });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(message);
  });

  it.each([
    ['a date-time without offset', { from: '2020-01-01T00:00:00' }],
    ['an impossible date', { to: '2020-02-30' }],
    ['an unknown kind', { kinds: ['WAR'] }],
  ])('refuses %s as a bad variable', async (_label, filter) => {
    const error = await failure(timelineWith, { filter });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('checks the arguments of actors, sources and timelineBuckets too', async () => {
    const nulName = Buffer.from(
      JSON.stringify(['actors', 'Ada\u0000', '0195f3a2-7c1e-7d3a-9b2f-1c2d3e4f5a6b']),
    ).toString('base64url');
    for (const [text, variables] of [
      ['query($s: String) { actors(search: $s) { totalCount } }', { s: 'x'.repeat(501) }],
      ['query($s: String) { actors(search: $s) { totalCount } }', { s: 'Ada\u0000' }],
      ['query($a: String) { actors(after: $a) { totalCount } }', { a: nulName }],
      ['query($a: String) { sources(after: $a) { totalCount } }', { a: nulName }],
      ['{ actors(first: 201) { totalCount } }', {}],
      ['{ sources(first: -5) { totalCount } }', {}],
      [
        'query($f: TimelineFilter) { timelineBuckets(unit: YEAR, filter: $f) { count } }',
        { f: { text: 'x'.repeat(501) } },
      ],
    ] as const) {
      const error = await failure(text, variables);
      expect(error.extensions?.code, text).toBe('BAD_USER_INPUT');
    }
  });

  it('reports an unexpected failure as INTERNAL_SERVER_ERROR, with no SQL, table name or stack', async () => {
    const { prisma } = parley.db;
    await prisma.$executeRaw`ALTER TABLE place RENAME TO place_gone`;
    try {
      const { status, body } = await graphql(parley.url, '{ timeline { nodes { title place { name } } } }');
      expect(status).toBe(200);
      expect(body.errors?.length).toBeGreaterThan(0);
      for (const error of body.errors ?? [])
        expect(error).toMatchObject({
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
      expect(JSON.stringify(body.errors)).not.toMatch(/place_gone|relation|select|prisma|stack|\.ts/i);
    } finally {
      await prisma.$executeRaw`ALTER TABLE place_gone RENAME TO place`;
    }
  });

  it('takes SQL and tsquery syntax in text as words, never as code', async () => {
    for (const text of ["'); DROP TABLE timeline_item; --", '!!:* & | ( ) <-> \\ "', '%_%', 'ünïcödé 中文 🙂']) {
      const { body } = await graphql<{ timeline: { totalCount: number } }>(parley.url, timelineWith, {
        filter: { text },
      });
      expect(body.errors, text).toBeUndefined();
    }
    expect((await timeline()).totalCount).toBe(5);
  });
});
