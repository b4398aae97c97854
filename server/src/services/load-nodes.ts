/**
 * Batched lookups by id for one request (one DataLoader each): everything a page of items
 * refers to (speakers, participants, places, citations, their sources) is read with one
 * query per kind of record, however many items the page has. Create a fresh set per
 * request: the loaders cache what they read, and a cache must not outlive a request.
 */
import DataLoader from 'dataloader';
import { Prisma } from '../generated/prisma/client.js';
import type { ParticipantRole } from '../generated/prisma/enums.js';
import type { PrismaClient } from '../lib/db.js';
import { findActorItems } from './find-actor-items.js';
import { type ActorRow, actorSelect } from './find-actors.js';
import { type SourceRow, sourceSelect } from './find-sources.js';
import type { Page } from './pagination.js';
import { type TimelineFilterOptions, type TimelineItemRow, timelineItemSelect } from './timeline-filter.js';

export interface PlaceRow {
  id: string;
  name: string;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface ParticipantRow {
  itemId: string;
  actorId: string;
  role: ParticipantRole;
  actor: ActorRow;
}

export interface CitationRow {
  id: string;
  itemId: string;
  sourceId: string;
  excerpt: string;
  start: number | null;
  end: number | null;
  /** For statements: this source's own wording. */
  quoteText: string | null;
  source: SourceRow;
}

/** One actor's page of Actor.items; keys with the same arguments are fetched together. */
export interface ActorItemsKey {
  actorId: string;
  filter?: TimelineFilterOptions | null;
  first?: number | null;
  after?: string | null;
}

export interface NodeLoaders {
  items: DataLoader<string, TimelineItemRow | null>;
  actors: DataLoader<string, ActorRow | null>;
  places: DataLoader<string, PlaceRow | null>;
  sources: DataLoader<string, SourceRow | null>;
  /** Display aliases of each actor, alphabetical. */
  aliasesByActor: DataLoader<string, string[]>;
  /** Speaker first, then participants, then mentions; by name within a role. */
  participantsByItem: DataLoader<string, ParticipantRow[]>;
  /** Oldest source first (publication date, undated sources last, then ingestion). */
  citationsByItem: DataLoader<string, CitationRow[]>;
  /** In the order the passages stand in the source's text. */
  citationsBySource: DataLoader<string, CitationRow[]>;
  /** Timeline pages of many actors in one query (and their counts in one more). */
  actorItems: DataLoader<ActorItemsKey, Page<TimelineItemRow>, string>;
}

// Participants come with their actor and citations with their source, read in the same
// batch: a page then needs no further round trip before it can ask for aliases or show
// publishers, which keeps the number of statements per page fixed.
const citationSelect = {
  id: true,
  itemId: true,
  sourceId: true,
  excerpt: true,
  start: true,
  end: true,
  quoteText: true,
  source: { select: sourceSelect },
} as const;

/** A citation and its source as one flat row (see citationColumns). */
type CitationSourceRow = Omit<CitationRow, 'source'> & {
  sourceUrl: string | null;
  sourceTitle: string | null;
  sourcePublisher: string | null;
  sourcePublishedAt: Date | null;
  sourcePublishedPrecision: SourceRow['publishedPrecision'];
  sourcePublishedBasis: SourceRow['publishedBasis'];
  sourceIngestedAt: Date;
  sourceDuplicateOfId: string | null;
  sourceWarnings: SourceRow['warnings'];
};

const citationColumns = Prisma.sql`
  c.id, c.item_id AS "itemId", c.source_id AS "sourceId", c.excerpt, c.start, c."end",
  c.quote_text AS "quoteText", s.url AS "sourceUrl", s.title AS "sourceTitle",
  s.publisher AS "sourcePublisher", s.published_at AS "sourcePublishedAt",
  s.published_precision::text AS "sourcePublishedPrecision",
  s.published_basis::text AS "sourcePublishedBasis", s.ingested_at AS "sourceIngestedAt",
  s.duplicate_of_id AS "sourceDuplicateOfId", s.warnings AS "sourceWarnings"`;

function toCitationRow(row: CitationSourceRow): CitationRow {
  return {
    id: row.id,
    itemId: row.itemId,
    sourceId: row.sourceId,
    excerpt: row.excerpt,
    start: row.start,
    end: row.end,
    quoteText: row.quoteText,
    source: {
      id: row.sourceId,
      url: row.sourceUrl,
      title: row.sourceTitle,
      publisher: row.sourcePublisher,
      publishedAt: row.sourcePublishedAt,
      publishedPrecision: row.sourcePublishedPrecision,
      publishedBasis: row.sourcePublishedBasis,
      ingestedAt: row.sourceIngestedAt,
      duplicateOfId: row.sourceDuplicateOfId,
      warnings: row.sourceWarnings,
    },
  };
}

const placeSelect = { id: true, name: true, country: true, latitude: true, longitude: true } as const;

/** Keeps DataLoader's promise: one result per key, in key order. */
function byId<Row extends { id: string }>(keys: readonly string[], rows: Row[]): Array<Row | null> {
  const found = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => found.get(key) ?? null);
}

function groupBy<Row>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string): Row[][] {
  const groups = new Map<string, Row[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** The arguments of an ActorItemsKey, as a string (dates become ISO strings). */
function argumentsKey({ filter, first, after }: ActorItemsKey): string {
  return JSON.stringify([filter ?? null, first ?? null, after ?? null]);
}

/** Pages for every key: one findActorItems per distinct set of arguments. */
async function loadActorItems(
  prisma: PrismaClient,
  keys: readonly ActorItemsKey[],
): Promise<Array<Page<TimelineItemRow> | Error>> {
  const groups = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const group = argumentsKey(key);
    groups.set(group, [...(groups.get(group) ?? []), i]);
  });
  const results: Array<Page<TimelineItemRow> | Error> = new Array(keys.length);
  for (const positions of groups.values()) {
    const { filter, first, after } = keys[positions[0] as number] as ActorItemsKey;
    try {
      const pages = await findActorItems(prisma, {
        actorIds: positions.map((i) => (keys[i] as ActorItemsKey).actorId),
        filter,
        first,
        after,
      });
      positions.forEach((i, n) => {
        results[i] = pages[n] as Page<TimelineItemRow>;
      });
    } catch (error) {
      // Bad arguments fail the fields that gave them, not every Actor.items of the request.
      for (const i of positions) results[i] = error as Error;
    }
  }
  return results;
}

export function createNodeLoaders(prisma: PrismaClient): NodeLoaders {
  return {
    items: new DataLoader(async (ids) =>
      byId(ids, await prisma.timelineItem.findMany({ where: { id: { in: [...ids] } }, select: timelineItemSelect })),
    ),
    actors: new DataLoader(async (ids) =>
      byId(ids, await prisma.actor.findMany({ where: { id: { in: [...ids] } }, select: actorSelect })),
    ),
    places: new DataLoader(async (ids) =>
      byId(ids, await prisma.place.findMany({ where: { id: { in: [...ids] } }, select: placeSelect })),
    ),
    sources: new DataLoader(async (ids) =>
      byId(ids, await prisma.source.findMany({ where: { id: { in: [...ids] } }, select: sourceSelect })),
    ),
    aliasesByActor: new DataLoader(async (actorIds) => {
      const rows = await prisma.actorAlias.findMany({
        where: { actorId: { in: [...actorIds] } },
        orderBy: [{ alias: 'asc' }, { id: 'asc' }],
        select: { actorId: true, alias: true },
      });
      return groupBy(actorIds, rows, (row) => row.actorId).map((group) => [...new Set(group.map((r) => r.alias))]);
    }),
    // The two loaders every timeline page needs are plain SQL joins: Prisma's relation
    // loading would read the related rows in a second query and join them in JavaScript,
    // which is most of a page's time at 200 items.
    participantsByItem: new DataLoader(async (itemIds) => {
      const rows = await prisma.$queryRaw<Array<Omit<ParticipantRow, 'actor'> & Omit<ActorRow, 'id'>>>`
        SELECT p.item_id AS "itemId", p.actor_id AS "actorId", p.role::text AS role,
               a.name, a.kind::text AS kind, a.description, a.affiliation_id AS "affiliationId"
        FROM participant p JOIN actor a ON a.id = p.actor_id
        WHERE p.item_id = ANY(${[...itemIds]}::uuid[])
        ORDER BY p.role, a.name, p.actor_id`;
      const participants = rows.map(({ itemId, actorId, role, name, kind, description, affiliationId }) => ({
        itemId,
        actorId,
        role,
        actor: { id: actorId, name, kind, description, affiliationId },
      }));
      return groupBy(itemIds, participants, (row) => row.itemId);
    }),
    citationsByItem: new DataLoader(async (itemIds) => {
      const rows = await prisma.$queryRaw<CitationSourceRow[]>`
        SELECT ${citationColumns}
        FROM citation c JOIN source s ON s.id = c.source_id
        WHERE c.item_id = ANY(${[...itemIds]}::uuid[])
        ORDER BY s.published_at ASC NULLS LAST, s.ingested_at ASC, c.created_at ASC, c.id ASC`;
      return groupBy(itemIds, rows.map(toCitationRow), (row) => row.itemId);
    }),
    citationsBySource: new DataLoader(async (sourceIds) => {
      const rows = await prisma.citation.findMany({
        where: { sourceId: { in: [...sourceIds] } },
        orderBy: [{ start: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
        select: citationSelect,
      });
      return groupBy(sourceIds, rows, (row) => row.sourceId);
    }),
    actorItems: new DataLoader((keys) => loadActorItems(prisma, keys), {
      cacheKeyFn: (key) => `${key.actorId} ${argumentsKey(key)}`,
    }),
  };
}
