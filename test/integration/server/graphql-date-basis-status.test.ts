/**
 * Date bases and the POSTPONED / CANCELLED statuses over real HTTP and a real database:
 * FuzzyDate.basis, .label and .display for items dated from the text, from the publication
 * date only, and stored without a basis; the new statuses through the curation mutation, the
 * timeline filter and the CSV export; and unknown enum values refused by GraphQL validation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningParley } from '../../../server/src/app.js';
import { CSV_BOM, csvColumns } from '../../../server/src/export/csv.js';
import {
  DateBasis as PrismaDateBasis,
  ItemStatus as PrismaItemStatus,
} from '../../../server/src/generated/prisma/enums.js';
import { toGlobalId } from '../../../server/src/graphql/global-id.js';
import { createApiKey } from '../../../server/src/services/api-keys.js';
import { parseCsv } from '../../support/csv.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { graphql, startTestParley } from '../../support/parley.js';
import { createActor, createItem, createSource, type ItemSpec } from '../../support/timeline-records.js';

let database: TestDatabase;
let parley: RunningParley;
let editorKey: string;
/** Row ids by the names the tests use. */
const ids: Record<string, string> = {};

type Body = Awaited<ReturnType<typeof graphql>>['body'];

async function query<T>(text: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const { status, body } = await graphql<T>(parley.url, text, variables, headers);
  if (body.errors) throw new Error(`unexpected errors (HTTP ${status}): ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

interface DateFields {
  precision: string;
  basis: string | null;
  label: string;
  display: string;
}
interface Node {
  title: string;
  status: string;
  date: DateFields | null;
}

const NODE = 'title status date { precision basis label display }';

async function timeline(filter: Record<string, unknown> = {}): Promise<Node[]> {
  const data = await query<{ timeline: { nodes: Node[] } }>(
    `query($filter: TimelineFilter) { timeline(filter: $filter, first: 200) { nodes { ${NODE} } } }`,
    { filter: { includeUndated: true, ...filter } },
  );
  return data.timeline.nodes;
}

const byTitle = async (title: string) => {
  const node = (await timeline()).find((n) => n.title === title);
  if (!node) throw new Error(`no item titled ${title}`);
  return node;
};

beforeAll(async () => {
  database = await createTestDatabase();
  parley = await startTestParley(database.url);
  const { prisma } = parley.db;
  editorKey = (await createApiKey(prisma, { name: 'editor', role: 'EDITOR' })).key;

  const ada = await createActor(prisma, 'Ada Quillfeather');
  const boris = await createActor(prisma, 'Borislav Tremaine');
  const gazette = await createSource(prisma, { title: 'Gazette report', published: '2018-12-07' });
  const meeting = (title: string, extra: Partial<ItemSpec>) =>
    createItem(prisma, {
      kind: 'MEETING',
      title,
      participants: [
        [ada, 'PARTICIPANT'],
        [boris, 'PARTICIPANT'],
      ],
      citations: [{ sourceId: gazette }],
      ...extra,
    });
  ids.reported = await meeting('Talks dated by the gazette only', { date: '2018-12-07', basis: 'PUBLICATION' });
  ids.reportedMonth = await meeting('Talks known only to the month of publication', {
    date: '2018-12-07',
    precision: 'MONTH',
    basis: 'PUBLICATION',
  });
  ids.explicit = await meeting('Talks dated in the text', { date: '2018-12-05', basis: 'EXPLICIT' });
  ids.legacy = await meeting('Talks stored before bases', { date: '2018-12-04', basis: null });
  ids.announced = await meeting('Summit to be postponed', { date: '2019-01-15', status: 'SCHEDULED' });
  ids.cancelled = await meeting('Summit called off', { date: '2019-02-01', status: 'CANCELLED' });
});

afterAll(async () => {
  await parley?.stop();
  await database?.drop();
});

describe('FuzzyDate.basis and display', () => {
  it('shows a publication-day date as "reported on", keeping the calendar label as it was', async () => {
    expect((await byTitle('Talks dated by the gazette only')).date).toEqual({
      precision: 'DAY',
      basis: 'PUBLICATION',
      label: '7 Dec 2018',
      display: 'reported on 7 Dec 2018',
    });
  });

  it('shows a coarser publication date as "reported by"', async () => {
    expect((await byTitle('Talks known only to the month of publication')).date).toEqual({
      precision: 'MONTH',
      basis: 'PUBLICATION',
      label: 'Dec 2018',
      display: 'reported by Dec 2018',
    });
  });

  it('shows a date written in the text as its label', async () => {
    expect((await byTitle('Talks dated in the text')).date).toEqual({
      precision: 'DAY',
      basis: 'EXPLICIT',
      label: '5 Dec 2018',
      display: '5 Dec 2018',
    });
  });

  it('gives null for a row stored without a basis, and the label as display', async () => {
    expect((await byTitle('Talks stored before bases')).date).toEqual({
      precision: 'DAY',
      basis: null,
      label: '4 Dec 2018',
      display: '4 Dec 2018',
    });
  });

  it('serves the same date through node(id)', async () => {
    const data = await query<{ node: Node }>(`query($id: ID!) { node(id: $id) { ... on TimelineItem { ${NODE} } } }`, {
      id: toGlobalId('Meeting', ids.reported as string),
    });
    expect(data.node.date?.display).toBe('reported on 7 Dec 2018');
  });

  it('dates an ingested statement with no date of its own from the publication date, end to end', async () => {
    const auth = { authorization: `Bearer ${editorKey}` };
    const data = await query<{
      ingestArticle: {
        source: { publishedAt: DateFields | null };
        created: Array<{ kind: string; date: DateFields | null }>;
      };
    }>(
      `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
        source { publishedAt { precision basis label display } }
        created { kind date { precision basis label display } } } }`,
      {
        input: {
          text: '“We will keep the border open for aid convoys,” Interior Minister Lena Marsh said.',
          publisher: 'Example Gazette',
          publishedAt: '2020-03-05T00:00:00.000Z',
        },
      },
      auth,
    );
    const statement = data.ingestArticle.created.find((item) => item.kind === 'STATEMENT');
    expect(statement?.date).toEqual({
      precision: 'DAY',
      basis: 'PUBLICATION',
      label: '5 Mar 2020',
      display: 'reported on 5 Mar 2020',
    });
    // The source's own date was given by the caller: it is the publication date itself.
    expect(data.ingestArticle.source.publishedAt).toEqual({
      precision: 'DAY',
      basis: 'CALLER',
      label: '5 Mar 2020',
      display: '5 Mar 2020',
    });
  });

  it('publishes every basis the database knows, each with a description', async () => {
    const data = await query<{ __type: { enumValues: Array<{ name: string; description: string | null }> } }>(
      '{ __type(name: "DateBasis") { enumValues { name description } } }',
    );
    expect(data.__type.enumValues.map((v) => v.name).sort()).toEqual(Object.values(PrismaDateBasis).sort());
    for (const value of data.__type.enumValues) expect(value.description?.length ?? 0).toBeGreaterThan(10);
  });
});

describe('POSTPONED and CANCELLED', () => {
  const UPDATE = `mutation($input: UpdateTimelineItemInput!) { updateTimelineItem(input: $input) { item { ${NODE} } } }`;

  it('an editor can mark a scheduled meeting POSTPONED, and it reads back as such', async () => {
    const data = await query<{ updateTimelineItem: { item: Node } }>(
      UPDATE,
      { input: { id: toGlobalId('Meeting', ids.announced as string), status: 'POSTPONED' } },
      { authorization: `Bearer ${editorKey}` },
    );
    expect(data.updateTimelineItem.item.status).toBe('POSTPONED');
    expect((await byTitle('Summit to be postponed')).status).toBe('POSTPONED');
    const row = await parley.db.prisma.timelineItem.findUniqueOrThrow({ where: { id: ids.announced as string } });
    expect(row.status).toBe('POSTPONED');
  });

  it('filters the timeline by the new statuses', async () => {
    const titles = async (status: string[]) => (await timeline({ status })).map((n) => [n.title, n.status]);
    expect(await titles(['POSTPONED'])).toEqual([['Summit to be postponed', 'POSTPONED']]);
    expect(await titles(['CANCELLED'])).toEqual([['Summit called off', 'CANCELLED']]);
    expect(await titles(['POSTPONED', 'CANCELLED'])).toEqual([
      ['Summit to be postponed', 'POSTPONED'],
      ['Summit called off', 'CANCELLED'],
    ]);
    // Neither counts as having happened.
    const occurred = await titles(['OCCURRED']);
    expect(occurred.length).toBeGreaterThan(0);
    expect(new Set(occurred.map(([, status]) => status))).toEqual(new Set(['OCCURRED']));
  });

  it('exports the statuses and the date basis in CSV over HTTP', async () => {
    const response = await fetch(`${parley.url}/export?format=csv&status=postponed,cancelled,occurred`);
    expect(response.status).toBe(200);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(CSV_BOM.length));
    expect(header).toEqual([...csvColumns]);
    const column = (name: (typeof csvColumns)[number]) => csvColumns.indexOf(name);
    const cells = rows.map((row) => [
      row[column('title')],
      row[column('status')],
      row[column('date_basis')],
      row[column('date_label')],
    ]);
    expect(cells).toEqual(
      expect.arrayContaining([
        ['Talks dated by the gazette only', 'OCCURRED', 'PUBLICATION', 'reported on 7 Dec 2018'],
        ['Talks dated in the text', 'OCCURRED', 'EXPLICIT', '5 Dec 2018'],
        ['Talks stored before bases', 'OCCURRED', '', '4 Dec 2018'],
        ['Summit to be postponed', 'POSTPONED', 'EXPLICIT', '15 Jan 2019'],
        ['Summit called off', 'CANCELLED', 'EXPLICIT', '1 Feb 2019'],
      ]),
    );
  });

  it('publishes the statuses the database knows, each with a description', async () => {
    const data = await query<{ __type: { enumValues: Array<{ name: string; description: string | null }> } }>(
      '{ __type(name: "ItemStatus") { enumValues { name description } } }',
    );
    expect(data.__type.enumValues.map((v) => v.name).sort()).toEqual(Object.values(PrismaItemStatus).sort());
    for (const value of data.__type.enumValues) expect(value.description?.length ?? 0).toBeGreaterThan(10);
  });
});

describe('unknown enum values', () => {
  const only = (body: Body) => {
    expect(body.errors, JSON.stringify(body)).toHaveLength(1);
    expect(body.data ?? null).toBeNull();
    // Nothing but the code travels: no stack trace, no SQL.
    const [error] = body.errors ?? [];
    expect(Object.keys(error?.extensions ?? {})).toEqual(['code']);
    return error as NonNullable<Body['errors']>[number];
  };

  it('refuses an unknown status written in the query, naming the value and the enum', async () => {
    const { status, body } = await graphql(parley.url, '{ timeline(filter: { status: [DELAYED] }) { totalCount } }');
    const error = only(body);
    expect(status).toBe(400);
    expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toMatch(/Value "DELAYED" does not exist in "ItemStatus" enum/);
  });

  it.each([
    ['an unknown value', 'DELAYED'],
    ['a lower-case spelling', 'postponed'],
    ['a basis where a status goes', 'PUBLICATION'],
  ])('refuses %s as a status variable', async (_label, value) => {
    const { status, body } = await graphql(
      parley.url,
      'query($filter: TimelineFilter) { timeline(filter: $filter) { totalCount } }',
      { filter: { status: [value] } },
    );
    const error = only(body);
    expect(status).toBe(400);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(`Value "${value}" does not exist in "ItemStatus" enum`);
  });

  it('refuses an unknown status in the curation mutation and changes nothing', async () => {
    const before = await parley.db.prisma.timelineItem.findUniqueOrThrow({ where: { id: ids.cancelled as string } });
    const { body } = await graphql(
      parley.url,
      'mutation($input: UpdateTimelineItemInput!) { updateTimelineItem(input: $input) { item { status } } }',
      { input: { id: toGlobalId('Meeting', ids.cancelled as string), status: 'ABANDONED' } },
      { authorization: `Bearer ${editorKey}` },
    );
    expect(only(body).message).toContain('Value "ABANDONED" does not exist in "ItemStatus" enum');
    const after = await parley.db.prisma.timelineItem.findUniqueOrThrow({ where: { id: ids.cancelled as string } });
    expect(after.status).toBe('CANCELLED');
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it('refuses selecting basis on a type that has none', async () => {
    const { body } = await graphql(parley.url, '{ timeline { nodes { basis } } }');
    expect(only(body).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
