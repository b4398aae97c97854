/**
 * The timeline filter as SQL, shared by find-timeline-items and count-timeline-buckets so
 * that a page, its count and its buckets always agree. Every value is a bound parameter
 * (Prisma.sql); no user input is ever spliced into the SQL text.
 */

import { normalizeAlias } from '../extract/names.js';
import { Prisma } from '../generated/prisma/client.js';
import type { DateBasis, DatePrecision, ItemKind, ItemStatus } from '../generated/prisma/enums.js';
import { AppError } from '../lib/errors.js';
import {
  cursorDate,
  cursorId,
  decodeCursor,
  encodeCursor,
  idListArgument,
  listArgument,
  MAX_MIN_SOURCES,
  textArgument,
} from './pagination.js';

export const itemKinds = ['EVENT', 'MEETING', 'STATEMENT'] as const satisfies readonly ItemKind[];
export const itemStatuses = [
  'OCCURRED',
  'SCHEDULED',
  'POSTPONED',
  'CANCELLED',
] as const satisfies readonly ItemStatus[];

/** What the timeline can be narrowed by; absent (or null) fields do not narrow it. */
export interface TimelineFilterOptions {
  /** Items whose fuzzy date [start, end) overlaps [from, to). */
  from?: Date | null;
  to?: Date | null;
  /** An empty list matches nothing, like every list below. */
  kinds?: readonly string[] | null;
  /** Items with any of these actors as speaker, participant or mention. */
  actorIds?: readonly string[] | null;
  placeIds?: readonly string[] | null;
  /** Items cited by any of these sources. */
  sourceIds?: readonly string[] | null;
  status?: readonly string[] | null;
  /** Full-text search over title, quote and summary, or a partial name of a participant. */
  text?: string | null;
  /** Items cited by at least this many distinct, non-duplicate sources. */
  minSources?: number | null;
  /** Undated items come after all dated ones; they are left out unless this is true. */
  includeUndated?: boolean | null;
}

/** A timeline item as the read side serves it (no search vector, no bookkeeping). */
export interface TimelineItemRow {
  id: string;
  kind: ItemKind;
  title: string;
  summary: string | null;
  dateStart: Date | null;
  dateEnd: Date | null;
  datePrecision: DatePrecision | null;
  dateBasis: DateBasis | null;
  status: ItemStatus;
  placeId: string | null;
  sourceCount: number;
  speakerId: string | null;
  quote: string | null;
}

/** The same columns for Prisma's query API (the loaders) ... */
export const timelineItemSelect = {
  id: true,
  kind: true,
  title: true,
  summary: true,
  dateStart: true,
  dateEnd: true,
  datePrecision: true,
  dateBasis: true,
  status: true,
  placeId: true,
  sourceCount: true,
  speakerId: true,
  quote: true,
} as const satisfies Record<keyof TimelineItemRow, true>;

/** ... and for raw SQL on `timeline_item i`, named like TimelineItemRow. */
export const timelineItemColumns = Prisma.sql`
  i.id::text AS "id", i.kind::text AS "kind", i.title AS "title", i.summary AS "summary",
  i.date_start AS "dateStart", i.date_end AS "dateEnd", i.date_precision::text AS "datePrecision",
  i.date_basis::text AS "dateBasis", i.status::text AS "status", i.place_id::text AS "placeId",
  i.source_count AS "sourceCount", i.speaker_id::text AS "speakerId", i.quote AS "quote"`;

/**
 * How far before `from` an item may start and still overlap it. Items never span more than
 * a year (YEAR precision; 366 days in a leap year), and saying so lets PostgreSQL scan the
 * (date_start, id) index over a short range instead of everything before `to`.
 */
const LONGEST_ITEM = Prisma.sql`interval '367 days'`;
/** Trigram matching on very short strings matches almost anything. */
const MIN_NAME_MATCH_LENGTH = 3;

/** The filter checked and normalized; BAD_USER_INPUT names the argument at fault. */
export interface TimelineQuery {
  from?: Date;
  to?: Date;
  kinds?: ItemKind[];
  actorIds?: string[];
  placeIds?: string[];
  sourceIds?: string[];
  status?: ItemStatus[];
  text?: string;
  minSources?: number;
  includeUndated: boolean;
}

function dateArgument(name: string, value: Date | null | undefined): Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (!(value instanceof Date) || Number.isNaN(value.getTime()))
    throw new AppError('BAD_USER_INPUT', `"filter.${name}" is not a valid date-time.`);
  return value;
}

export function toTimelineQuery(filter: TimelineFilterOptions | null | undefined): TimelineQuery {
  const f = filter ?? {};
  const query: TimelineQuery = {
    from: dateArgument('from', f.from),
    to: dateArgument('to', f.to),
    kinds: listArgument('filter.kinds', f.kinds, itemKinds),
    actorIds: idListArgument('filter.actorIds', f.actorIds),
    placeIds: idListArgument('filter.placeIds', f.placeIds),
    sourceIds: idListArgument('filter.sourceIds', f.sourceIds),
    status: listArgument('filter.status', f.status, itemStatuses),
    text: textArgument('filter.text', f.text),
    includeUndated: f.includeUndated === true,
  };
  if (query.from && query.to && query.from.getTime() >= query.to.getTime())
    throw new AppError('BAD_USER_INPUT', '"filter.from" must be earlier than "filter.to".');
  if (f.minSources !== null && f.minSources !== undefined) {
    if (!Number.isInteger(f.minSources) || f.minSources < 0 || f.minSources > MAX_MIN_SOURCES)
      throw new AppError('BAD_USER_INPUT', `"filter.minSources" must be between 0 and ${MAX_MIN_SOURCES}.`);
    query.minSources = f.minSources;
  }
  return query;
}

/** `i.<column> = ANY(<list>)` with the list cast to the column's type; false for []. */
function anyOf(column: Prisma.Sql, values: readonly string[], type: Prisma.Sql): Prisma.Sql {
  if (values.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`${column} = ANY(${values}::${type}[])`;
}

/** The WHERE conditions of a timeline query on `timeline_item i`, joined by AND. */
export function timelineConditions(query: TimelineQuery): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];

  if (query.from || query.to) {
    const overlap: Prisma.Sql[] = [];
    if (query.from)
      overlap.push(
        Prisma.sql`i.date_end > ${query.from}::timestamptz`,
        Prisma.sql`i.date_start > ${query.from}::timestamptz - ${LONGEST_ITEM}`,
      );
    if (query.to) overlap.push(Prisma.sql`i.date_start < ${query.to}::timestamptz`);
    const dated = Prisma.join(overlap, ' AND ');
    conditions.push(query.includeUndated ? Prisma.sql`((${dated}) OR i.date_start IS NULL)` : dated);
  } else if (!query.includeUndated) {
    conditions.push(Prisma.sql`i.date_start IS NOT NULL`);
  }

  if (query.kinds) conditions.push(anyOf(Prisma.sql`i.kind`, query.kinds, Prisma.sql`"ItemKind"`));
  if (query.status) conditions.push(anyOf(Prisma.sql`i.status`, query.status, Prisma.sql`"ItemStatus"`));
  if (query.placeIds) conditions.push(anyOf(Prisma.sql`i.place_id`, query.placeIds, Prisma.sql`uuid`));
  if (query.actorIds)
    conditions.push(
      query.actorIds.length === 0
        ? Prisma.sql`FALSE`
        : Prisma.sql`i.id IN (SELECT p.item_id FROM participant p WHERE p.actor_id = ANY(${query.actorIds}::uuid[]))`,
    );
  if (query.sourceIds)
    conditions.push(
      query.sourceIds.length === 0
        ? Prisma.sql`FALSE`
        : Prisma.sql`i.id IN (SELECT c.item_id FROM citation c WHERE c.source_id = ANY(${query.sourceIds}::uuid[]))`,
    );
  if (query.minSources !== undefined) conditions.push(Prisma.sql`i.source_count >= ${query.minSources}::int`);

  if (query.text !== undefined) {
    const words = Prisma.sql`i.search @@ websearch_to_tsquery('english', ${query.text}::text)`;
    // Partial or misspelt names ("gerasim", "Shoygu") through the aliases of participants:
    // `<%` is pg_trgm's word similarity, served by the trigram index on actor_alias.
    const name = normalizeAlias(query.text);
    conditions.push(
      name.length >= MIN_NAME_MATCH_LENGTH
        ? Prisma.sql`(${words} OR i.id IN (
            SELECT p.item_id FROM actor_alias a JOIN participant p ON p.actor_id = a.actor_id
            WHERE ${name}::text <% a.normalized))`
        : words,
    );
  }

  return conditions.length > 0 ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`;
}

/** Timeline order: start date ascending, then id; undated items last. */
export const timelineOrder = Prisma.sql`i.date_start ASC NULLS LAST, i.id ASC`;

const CURSOR_LIST = 'timeline';

export function timelineCursorOf(row: TimelineItemRow): string {
  return encodeCursor(CURSOR_LIST, [row.dateStart?.toISOString() ?? null, row.id]);
}

/** Rows strictly after a timeline cursor, in timelineOrder; BAD_USER_INPUT for anything else. */
export function timelineAfter(after: string, query: TimelineQuery): Prisma.Sql {
  const [date, id] = decodeCursor(CURSOR_LIST, after, 2);
  const afterId = cursorId(id ?? null);
  if (date === null) return Prisma.sql`(i.date_start IS NULL AND i.id > ${afterId}::uuid)`;
  const start = cursorDate(date ?? null);
  // A row comparison keeps the (date_start, id) index usable as a range.
  const dated = Prisma.sql`(i.date_start, i.id) > (${start}::timestamptz, ${afterId}::uuid)`;
  return query.includeUndated ? Prisma.sql`(${dated} OR i.date_start IS NULL)` : dated;
}
