/** Export records for the format tests, built the way the service builds them (toExportItem). */

import { type ExportItem, toExportItem } from '../../../../server/src/export/export-item.js';
import type { ExportMeta } from '../../../../server/src/export/writer.js';
import { fuzzyDate } from '../../../../server/src/extract/dates.js';
import type { ActorRow } from '../../../../server/src/services/find-actors.js';
import type { CitationRow, ParticipantRow, PlaceRow } from '../../../../server/src/services/load-nodes.js';
import type { TimelineItemRow } from '../../../../server/src/services/timeline-filter.js';

type Precision = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
type Basis = NonNullable<TimelineItemRow['dateBasis']>;
let counter = 0;
const uuid = () => `0195f3a2-7c1e-7d3a-9b2f-${(++counter).toString(16).padStart(12, '0')}`;

export interface SourceSpec {
  title?: string | null;
  publisher?: string | null;
  url?: string | null;
  published?: string | null;
  excerpt?: string;
}

export interface ItemSpec {
  kind?: 'STATEMENT' | 'MEETING' | 'EVENT';
  title?: string;
  summary?: string | null;
  /** Any day inside the period; null for an undated item. */
  date?: string | null;
  precision?: Precision;
  /** What the date was read from; EXPLICIT unless given (null: stored without a basis). */
  basis?: Basis | null;
  status?: TimelineItemRow['status'];
  place?: { name: string; country: string | null } | null;
  speaker?: string | null;
  quote?: string | null;
  participants?: Array<[name: string, role: 'SPEAKER' | 'PARTICIPANT' | 'MENTIONED']>;
  sources?: SourceSpec[];
}

const actor = (name: string): ActorRow => ({
  id: uuid(),
  name,
  kind: 'PERSON',
  description: null,
  affiliationId: null,
});

export function exportItem(spec: ItemSpec = {}): ExportItem {
  const date = spec.date === null ? null : fuzzyDate(new Date(spec.date ?? '2017-02-16'), spec.precision ?? 'DAY');
  const kind = spec.kind ?? 'MEETING';
  const place: PlaceRow | null = spec.place ? { id: uuid(), ...spec.place, latitude: null, longitude: null } : null;
  const speaker = spec.speaker ? actor(spec.speaker) : null;
  const item: TimelineItemRow = {
    id: uuid(),
    kind,
    title: spec.title ?? 'Joseph Dunford Jr. and Valeriy Gerasimov met in Baku',
    summary: spec.summary ?? null,
    dateStart: date?.start ?? null,
    dateEnd: date?.end ?? null,
    datePrecision: date?.precision ?? null,
    dateBasis: date ? (spec.basis === undefined ? 'EXPLICIT' : spec.basis) : null,
    status: spec.status ?? 'OCCURRED',
    placeId: place?.id ?? null,
    sourceCount: (spec.sources ?? []).length,
    speakerId: speaker?.id ?? null,
    quote: spec.quote ?? null,
  };
  const participants: ParticipantRow[] = (spec.participants ?? []).map(([name, role]) => {
    const a = actor(name);
    return { itemId: item.id, actorId: a.id, role, actor: a };
  });
  const citations: CitationRow[] = (spec.sources ?? []).map((s, i) => ({
    id: uuid(),
    itemId: item.id,
    sourceId: uuid(),
    excerpt: s.excerpt ?? `passage ${i + 1}`,
    start: null,
    end: null,
    quoteText: null,
    source: {
      id: uuid(),
      url: s.url ?? null,
      title: s.title === undefined ? `Source ${i + 1}` : s.title,
      publisher: s.publisher ?? null,
      publishedAt: s.published ? new Date(s.published) : null,
      publishedPrecision: s.published ? 'DAY' : null,
      publishedBasis: s.published ? 'EXPLICIT' : null,
      ingestedAt: new Date('2020-01-01T00:00:00Z'),
      duplicateOfId: null,
      warnings: [],
    },
  }));
  return toExportItem({ item, place, speaker, participants, citations });
}

export const meta: ExportMeta = {
  exportedAt: new Date('2025-01-02T10:20:30.000Z'),
  filter: { includeUndated: false, kinds: ['MEETING'] },
};
