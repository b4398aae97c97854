/**
 * loadEvaluationRecords against a real database: rows inserted with plain Prisma calls
 * come back in the shape the extraction scorer compares with the gold files.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorKind, ParticipantRole } from '../../../server/src/generated/prisma/client.js';
import { connectDb, type DbHandle, type PrismaClient } from '../../../server/src/lib/db.js';
import { loadEvaluationRecords } from '../../../server/src/services/load-evaluation-records.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

let database: TestDatabase;
let db: DbHandle;
let prisma: PrismaClient;
const queries: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  db = connectDb(database.url, { onQuery: (sql) => queries.push(sql) });
  prisma = db.prisma;
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

const unique = (label: string) => `${label} ${randomBytes(4).toString('hex')}`;

async function createSource(text: string) {
  return prisma.source.create({
    data: {
      format: 'TEXT',
      rawText: text,
      text,
      contentHash: randomBytes(32).toString('hex'),
      fingerprint: 0n,
      fingerprintBands: [0, 0, 0, 0],
      extractorVersion: 'test',
    },
  });
}

async function createActor(name: string, aliases: string[], kind: ActorKind = 'PERSON') {
  return prisma.actor.create({
    data: {
      name,
      kind,
      aliases: { create: [name, ...aliases].map((alias) => ({ alias, normalized: alias.toLowerCase() })) },
    },
  });
}

const day = (iso: string) => ({
  dateStart: new Date(`${iso}T00:00:00Z`),
  dateEnd: new Date(new Date(`${iso}T00:00:00Z`).getTime() + 86_400_000),
  datePrecision: 'DAY' as const,
});

const involving = (...people: [string, ParticipantRole][]) => ({
  create: people.map(([actorId, role]) => ({ actorId, role })),
});

describe('loadEvaluationRecords', () => {
  it('gives each cited item once, with names, aliases, this source’s wording and the item’s date', async () => {
    const text =
      'NATO will never turn off dialogue, Mattis said. Dunford will meet Gerasimov in Helsinki. Russia annexed Crimea.';
    const source = await createSource(text);
    const otherSource = await createSource(`${text} (a copy)`);
    const mattis = await createActor(unique('James Mattis'), ['Jim Mattis', 'Mattis']);
    const dunford = await createActor(unique('Joseph Dunford'), ['Gen. Joseph Dunford']);
    const gerasimov = await createActor(unique('Valery Gerasimov'), []);
    const stoltenberg = await createActor(unique('Jens Stoltenberg'), []);
    const russia = await createActor(unique('Russia'), [], 'COUNTRY');
    const helsinki = await prisma.place.create({ data: { name: 'Helsinki' } });

    const statement = await prisma.timelineItem.create({
      data: {
        kind: 'STATEMENT',
        title: 'Mattis on NATO',
        speakerId: mattis.id,
        quote: 'NATO will never turn off dialogue with Russia',
        quoteMode: 'DIRECT',
        ...day('2018-06-06'),
        participants: involving([mattis.id, 'SPEAKER'], [stoltenberg.id, 'MENTIONED']),
      },
    });
    // Cited twice by the same source (headline and body): still one record.
    await prisma.citation.createMany({
      data: [
        {
          itemId: statement.id,
          sourceId: source.id,
          excerpt: 'NATO will never turn off dialogue, Mattis said.',
          start: 0,
          end: 47,
          quoteText: 'NATO will never turn off dialogue',
        },
        {
          itemId: statement.id,
          sourceId: source.id,
          excerpt: 'NATO will never turn off dialogue',
          start: 0,
          end: 33,
          quoteText: 'NATO will never turn off dialogue',
        },
        {
          itemId: statement.id,
          sourceId: otherSource.id,
          excerpt: 'another wording',
          start: 0,
          end: 15,
          quoteText: 'another wording entirely',
        },
      ],
    });

    const meeting = await prisma.timelineItem.create({
      data: {
        kind: 'MEETING',
        title: 'Dunford meets Gerasimov',
        status: 'SCHEDULED',
        meetingFormat: 'IN_PERSON',
        placeId: helsinki.id,
        ...day('2018-06-08'),
        participants: involving([dunford.id, 'PARTICIPANT'], [gerasimov.id, 'PARTICIPANT'], [mattis.id, 'MENTIONED']),
      },
    });
    await prisma.citation.create({
      data: {
        itemId: meeting.id,
        sourceId: source.id,
        excerpt: 'Dunford will meet Gerasimov in Helsinki.',
        start: 48,
        end: 88,
      },
    });

    const event = await prisma.timelineItem.create({
      data: {
        kind: 'EVENT',
        title: 'Russia annexes Crimea',
        action: 'annexed',
        participants: involving([russia.id, 'PARTICIPANT']),
      },
    });
    await prisma.citation.create({
      data: { itemId: event.id, sourceId: source.id, excerpt: 'Russia annexed Crimea.', start: 89, end: 111 },
    });

    // Cited only by the other source: not this source's record.
    const elsewhere = await prisma.timelineItem.create({
      data: { kind: 'EVENT', title: 'Elsewhere', participants: involving([russia.id, 'PARTICIPANT']) },
    });
    await prisma.citation.create({
      data: { itemId: elsewhere.id, sourceId: otherSource.id, excerpt: 'Something else.', start: 0, end: 15 },
    });

    const records = await loadEvaluationRecords(prisma, source.id);

    expect(records.statements).toEqual([
      {
        itemId: statement.id,
        speakerName: mattis.name,
        speakerAliases: ['Jim Mattis', 'Mattis'],
        quote: 'NATO will never turn off dialogue',
        date: { start: '2018-06-06', precision: 'DAY' },
      },
    ]);
    expect(records.meetings).toEqual([
      {
        itemId: meeting.id,
        participantNames: expect.arrayContaining([[dunford.name, 'Gen. Joseph Dunford'], [gerasimov.name]]),
        place: 'Helsinki',
        date: { start: '2018-06-08', precision: 'DAY' },
        status: 'SCHEDULED',
        excerpt: 'Dunford will meet Gerasimov in Helsinki.',
      },
    ]);
    expect(records.meetings[0]?.participantNames).toHaveLength(2);
    expect(records.events).toEqual([
      {
        itemId: event.id,
        actorNames: [[russia.name]],
        excerpt: 'Russia annexed Crimea.',
        start: 89,
        end: 111,
        date: null,
      },
    ]);

    const other = await loadEvaluationRecords(prisma, otherSource.id);
    expect(other.statements.map((s) => s.quote)).toEqual(['another wording entirely']);
    expect(other.events.map((e) => e.itemId)).toEqual([elsewhere.id]);
  });

  it('falls back to the item’s quote when the citation has no wording of its own', async () => {
    const source = await createSource('Kerry said something.');
    const kerry = await createActor(unique('John Kerry'), []);
    const item = await prisma.timelineItem.create({
      data: {
        kind: 'STATEMENT',
        title: 'Kerry',
        speakerId: kerry.id,
        quote: 'the item quote',
        participants: involving([kerry.id, 'SPEAKER']),
      },
    });
    await prisma.citation.create({ data: { itemId: item.id, sourceId: source.id, excerpt: 'Kerry said something.' } });
    const records = await loadEvaluationRecords(prisma, source.id);
    expect(records.statements).toEqual([
      { itemId: item.id, speakerName: kerry.name, speakerAliases: [], quote: 'the item quote', date: null },
    ]);
  });

  it('returns nothing for a source without citations, or an unknown source', async () => {
    const source = await createSource('Nothing happened.');
    const empty = { statements: [], meetings: [], events: [] };
    expect(await loadEvaluationRecords(prisma, source.id)).toEqual(empty);
    expect(await loadEvaluationRecords(prisma, '00000000-0000-7000-8000-000000000000')).toEqual(empty);
  });

  it('uses a fixed number of queries however many items a source cites', async () => {
    const countFor = async (items: number) => {
      const source = await createSource(unique('Many remarks.'));
      const speaker = await createActor(unique('Josh Earnest'), ['Earnest']);
      for (let i = 0; i < items; i += 1) {
        const item = await prisma.timelineItem.create({
          data: {
            kind: 'STATEMENT',
            title: `remark ${i}`,
            speakerId: speaker.id,
            quote: `remark number ${i}`,
            participants: involving([speaker.id, 'SPEAKER']),
          },
        });
        await prisma.citation.create({
          data: {
            itemId: item.id,
            sourceId: source.id,
            excerpt: `remark number ${i}`,
            quoteText: `remark number ${i}`,
          },
        });
      }
      queries.length = 0;
      const records = await loadEvaluationRecords(prisma, source.id);
      expect(records.statements).toHaveLength(items);
      return queries.length;
    };
    const few = await countFor(1);
    const many = await countFor(12);
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(8);
  });
});
