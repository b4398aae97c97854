/**
 * The seed corpus, ingested in three orders, must give the same timeline: one Mattis
 * remark with three citations, 000/001 linked as copies, no 2026 dates, one actor per
 * person whatever the spelling, and both Dunford-Gerasimov meetings.
 */

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../server/src/lib/db.js';
import { ingestArticle } from '../../../server/src/services/ingest-article.js';
import { seedArticleFiles } from '../../../server/src/services/load-seeds.js';
import { openTestDb } from '../../support/database.js';

const files = seedArticleFiles();
const byPrefix = (prefix: string) => files.find((f) => basename(f).startsWith(prefix)) as string;
const orders: Array<[string, string[]]> = [
  ['as numbered', ['000', '001', '002', '003', '004']],
  ['reversed', ['004', '003', '002', '001', '000']],
  ['shuffled', ['003', '000', '004', '002', '001']],
];

async function snapshot(db: DbHandle) {
  const items = await db.prisma.timelineItem.findMany({
    select: {
      kind: true,
      quote: true,
      status: true,
      dateStart: true,
      datePrecision: true,
      sourceCount: true,
      participants: { select: { role: true, actor: { select: { name: true } } } },
      citations: { select: { source: { select: { contentHash: true } } } },
    },
  });
  return items
    .map((i) =>
      JSON.stringify({
        kind: i.kind,
        quote: i.quote,
        status: i.status,
        date: i.dateStart?.toISOString() ?? null,
        precision: i.datePrecision,
        sourceCount: i.sourceCount,
        participants: i.participants.map((p) => `${p.role}:${p.actor.name}`).sort(),
        sources: i.citations.map((c) => c.source.contentHash.slice(0, 8)).sort(),
      }),
    )
    .sort();
}

const snapshots: string[][] = [];

describe.each(orders)('seed corpus ingested %s', (_label, order) => {
  let db: DbHandle;
  let cleanup: () => Promise<void>;
  const sourceIds = new Map<string, string>();

  beforeAll(async () => {
    ({ db, cleanup } = await openTestDb());
    for (const prefix of order) {
      const result = await ingestArticle(db.prisma, { input: { text: readFileSync(byPrefix(prefix), 'utf8') } });
      sourceIds.set(prefix, result.sourceId);
    }
  }, 120_000);
  afterAll(async () => {
    await cleanup?.();
  });

  it('has the Mattis remark as ONE statement dated 16 Feb 2017 with citations from the three articles reporting it', async () => {
    const statements = await db.prisma.timelineItem.findMany({
      where: {
        kind: 'STATEMENT',
        quote: { contains: 'not in a position right now to collaborate on a military level' },
      },
      include: { speaker: true, citations: { select: { sourceId: true, excerpt: true } } },
    });
    expect(statements).toHaveLength(1);
    const [statement] = statements;
    expect(statement?.speaker?.name).toMatch(/Mattis/);
    expect(statement?.dateStart?.toISOString()).toBe('2017-02-16T00:00:00.000Z');
    expect(statement?.datePrecision).toBe('DAY');
    const citedSources = new Set(statement?.citations.map((c) => c.sourceId));
    expect(citedSources).toEqual(new Set([sourceIds.get('002'), sourceIds.get('003'), sourceIds.get('004')]));
    expect(statement?.sourceCount).toBe(3);
  });

  it('links 000 and 001 as copies that add no duplicate items', async () => {
    const copies = await db.prisma.source.findMany({
      where: { id: { in: [sourceIds.get('000') as string, sourceIds.get('001') as string] } },
    });
    const linked = copies.filter((s) => s.duplicateOfId !== null);
    expect(linked).toHaveLength(1);
    expect(copies.map((s) => s.id)).toContain(linked[0]?.duplicateOfId);
    const dialogue = await db.prisma.timelineItem.findMany({
      where: { kind: 'STATEMENT', quote: { contains: 'NATO will never turn off dialogue' } },
    });
    expect(dialogue).toHaveLength(1);
    expect(dialogue[0]?.sourceCount).toBe(1);
    const helsinki = await db.prisma.timelineItem.findMany({ where: { kind: 'MEETING', place: { name: 'Helsinki' } } });
    expect(helsinki).toHaveLength(1);
    expect(helsinki[0]?.sourceCount).toBe(1);
  });

  it('dates nothing in 2026', async () => {
    const from = new Date('2026-01-01T00:00:00Z');
    expect(await db.prisma.timelineItem.count({ where: { dateEnd: { gt: from } } })).toBe(0);
    expect(await db.prisma.source.count({ where: { publishedAt: { gte: from } } })).toBe(0);
    expect(await db.prisma.citation.count({ where: { dateEnd: { gt: from } } })).toBe(0);
  });

  it('knows Valery/Valeriy Gerasimov, Sergei/Sergey Shoigu and Jim/James Mattis as one actor each', async () => {
    for (const surname of ['Gerasimov', 'Shoigu', 'Mattis', 'Dunford']) {
      const actors = await db.prisma.actor.findMany({
        where: { aliases: { some: { normalized: { endsWith: surname.toLowerCase() } } } },
      });
      expect(
        actors.map((a) => a.name),
        surname,
      ).toHaveLength(1);
    }
  });

  it('has the Baku (16 Feb 2017, occurred) and Helsinki (8 Jun 2018, scheduled) meetings with both participants', async () => {
    const meetings = await db.prisma.timelineItem.findMany({
      where: { kind: 'MEETING', participants: { some: { actor: { name: { contains: 'Gerasimov' } } } } },
      include: { place: true, participants: { include: { actor: true } } },
    });
    const describe = meetings.map((m) => ({
      place: m.place?.name,
      date: m.dateStart?.toISOString().slice(0, 10),
      precision: m.datePrecision,
      status: m.status,
      people: m.participants
        .map((p) =>
          p.actor.name
            .split(' ')
            .filter((w) => !/^(Jr\.?|Gen\.)$/.test(w))
            .at(-1),
        )
        .sort(),
    }));
    expect(describe).toContainEqual({
      place: 'Baku',
      date: '2017-02-16',
      precision: 'DAY',
      status: 'OCCURRED',
      people: ['Dunford', 'Gerasimov'],
    });
    expect(describe).toContainEqual({
      place: 'Helsinki',
      date: '2018-06-08',
      precision: 'DAY',
      status: 'SCHEDULED',
      people: ['Dunford', 'Gerasimov'],
    });
  });

  it('starts every item UNREVIEWED with a confidence and records the extractor version', async () => {
    expect(await db.prisma.timelineItem.count({ where: { reviewState: { not: 'UNREVIEWED' } } })).toBe(0);
    expect(
      await db.prisma.timelineItem.count({ where: { OR: [{ confidence: { lte: 0 } }, { confidence: { gt: 1 } }] } }),
    ).toBe(0);
    expect(await db.prisma.source.count({ where: { extractorVersion: '' } })).toBe(0);
  });

  it('gives the same timeline as every other order', async () => {
    snapshots.push(await snapshot(db));
    for (const other of snapshots) expect(other).toEqual(snapshots[0]);
  });
});
