/**
 * The record every export format is written from: one timeline item with what the API
 * shows about it (same global id, same fuzzy date, basis, label and display phrase),
 * flattened to names and passages. Built from the read side's rows by `toExportItem`.
 */
import type { DateBasis, DatePrecision, ItemKind, ItemStatus, ParticipantRole } from '../generated/prisma/enums.js';
import { type FuzzyDateValue, itemDate, publicationDate } from '../graphql/fuzzy-date.js';
import { itemTypeName, toGlobalId } from '../graphql/global-id.js';
import type { ActorRow } from '../services/find-actors.js';
import type { CitationRow, ParticipantRow, PlaceRow } from '../services/load-nodes.js';
import type { TimelineItemRow } from '../services/timeline-filter.js';

export type ExportDate = FuzzyDateValue;

export interface ExportSource {
  /** The API's global Source id. */
  id: string;
  title: string | null;
  publisher: string | null;
  url: string | null;
  publishedAt: ExportDate | null;
}

export interface ExportCitation {
  source: ExportSource;
  excerpt: string;
}

export interface ExportItem {
  /** The API's global id (Statement:, Meeting: or Event: behind base64url). */
  id: string;
  kind: ItemKind;
  title: string;
  summary: string | null;
  date: ExportDate | null;
  status: ItemStatus;
  place: { name: string; country: string | null } | null;
  /** Speaker first, then participants, then actors mentioned (the API's order). */
  participants: Array<{ name: string; role: ParticipantRole }>;
  speaker: string | null;
  quote: string | null;
  sourceCount: number;
  /** Oldest source first (the API's order). */
  citations: ExportCitation[];
}

/** Everything the read side loaded about one item. */
export interface ExportItemRows {
  item: TimelineItemRow;
  place: PlaceRow | null;
  speaker: ActorRow | null;
  participants: readonly ParticipantRow[];
  citations: readonly CitationRow[];
}

export function toExportItem({ item, place, speaker, participants, citations }: ExportItemRows): ExportItem {
  return {
    id: toGlobalId(itemTypeName(item.kind), item.id),
    kind: item.kind,
    title: item.title,
    summary: item.summary,
    date: itemDate(item.dateStart, item.dateEnd, item.datePrecision, item.dateBasis),
    status: item.status,
    place: place ? { name: place.name, country: place.country } : null,
    participants: participants.map((p) => ({ name: p.actor.name, role: p.role })),
    speaker: speaker?.name ?? null,
    quote: item.quote,
    sourceCount: item.sourceCount,
    citations: citations.map((c) => ({
      source: {
        id: toGlobalId('Source', c.source.id),
        title: c.source.title,
        publisher: c.source.publisher,
        url: c.source.url,
        publishedAt: publicationDate(
          c.source.publishedAt,
          c.source.publishedPrecision as DatePrecision | null,
          c.source.publishedBasis as DateBasis | null,
        ),
      },
      excerpt: c.excerpt,
    })),
  };
}
