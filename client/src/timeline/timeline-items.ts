/**
 * Query results -> what vis-timeline draws, as a pure function. Kind is told by shape and
 * colour (CSS classes), precision by the item type: a day is a point, a week, month or year
 * is a range with fuzzy edges, so "April 2018" never reads as 1 April. Text is escaped
 * here, because vis-timeline treats content and title strings as HTML.
 */

import type { GroupBy } from '../app/url-state';
import type { DateBasis, DatePrecision, ItemKind, ItemStatus } from '../graphql/generated/graphql';

/** The subset of TimelineEntryFragment this module reads. */
export interface TimelineEntry {
  id: string;
  kind: ItemKind;
  title: string;
  status: ItemStatus;
  sourceCount: number;
  /** `display` is the server's phrase for people ("reported on 7 Dec 2018"): show it, not `label`. */
  date: {
    start: string;
    end: string;
    precision: DatePrecision;
    basis: DateBasis | null;
    label: string;
    display: string;
  } | null;
  participants: ReadonlyArray<{ role: string; actor: { id: string; name: string } }>;
}

export interface DrawItem {
  id: string;
  /** The timeline item this drawing stands for (one item is drawn once per actor lane). */
  itemId: string;
  type: 'point' | 'range' | 'background';
  start: Date;
  end?: Date;
  content: string;
  title: string;
  className: string;
  group?: string;
  /** Density buckets only: bar height in tenths of the densest bucket's (1 to 10). */
  level?: number;
}

export interface DrawGroup {
  id: string;
  content: string;
  order: number;
  className?: string;
}

export const KIND_LABELS: Record<ItemKind, { one: string; many: string }> = {
  STATEMENT: { one: 'Statement', many: 'Statements' },
  MEETING: { one: 'Meeting', many: 'Meetings' },
  EVENT: { one: 'Event', many: 'Events' },
};
const kindOrder: Record<ItemKind, number> = { MEETING: 0, STATEMENT: 1, EVENT: 2 };

/** How a status reads next to an item; an item that occurred needs no word. */
export const STATUS_LABELS: Record<ItemStatus, string | null> = {
  OCCURRED: null,
  SCHEDULED: 'Scheduled',
  POSTPONED: 'Postponed',
  CANCELLED: 'Cancelled',
};

/** ", postponed" after an item's kind, or nothing for an item that occurred. */
export function statusSuffix(status: ItemStatus): string {
  const label = STATUS_LABELS[status];
  return label ? `, ${label.toLowerCase()}` : '';
}
/** Lanes beyond this many actors would be unreadable; the rest share "Others". */
export const MAX_ACTOR_LANES = 12;
export const OTHERS_GROUP = 'others';
const LANE_SEPARATOR = '~';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The item id behind a drawn item id (global ids never contain the separator). */
export function itemIdOf(drawId: string): string {
  const at = drawId.indexOf(LANE_SEPARATOR);
  return at < 0 ? drawId : drawId.slice(0, at);
}

export function itemClassName(entry: TimelineEntry): string {
  const precision = entry.date?.precision ?? 'DAY';
  // A day that is only the publication date is not the item's known day: never "exact".
  const reported = entry.date?.basis === 'PUBLICATION';
  return [
    'parley-item',
    `kind-${entry.kind.toLowerCase()}`,
    `precision-${precision.toLowerCase()}`,
    precision === 'DAY' && !reported ? 'exact' : 'fuzzy',
    ...(reported ? ['basis-publication'] : []),
    `status-${entry.status.toLowerCase()}`,
  ].join(' ');
}

export function itemTooltip(entry: TimelineEntry): string {
  const kind = KIND_LABELS[entry.kind].one;
  const statusLabel = STATUS_LABELS[entry.status];
  const status = statusLabel ? ` (${statusLabel.toLowerCase()})` : '';
  const sources = `${entry.sourceCount} source${entry.sourceCount === 1 ? '' : 's'}`;
  return `${escapeHtml(entry.date?.display ?? 'Undated')} · ${kind}${status} · ${sources}<br>${escapeHtml(entry.title)}`;
}

function drawEntry(entry: TimelineEntry, group: string | undefined, lane: string | null): DrawItem | null {
  if (!entry.date) return null;
  const fuzzy = entry.date.precision !== 'DAY';
  const statusLabel = STATUS_LABELS[entry.status];
  const label = statusLabel ? `${statusLabel}: ${entry.title}` : entry.title;
  return {
    id: lane ? `${entry.id}${LANE_SEPARATOR}${lane}` : entry.id,
    itemId: entry.id,
    type: fuzzy ? 'range' : 'point',
    start: new Date(entry.date.start),
    ...(fuzzy ? { end: new Date(entry.date.end) } : {}),
    content: escapeHtml(label),
    title: itemTooltip(entry),
    className: itemClassName(entry),
    ...(group ? { group } : {}),
  };
}

/** Actors by how many of these items involve them, most first (ties by name). */
export function rankActors(entries: readonly TimelineEntry[]): Array<{ id: string; name: string; count: number }> {
  const counts = new Map<string, { id: string; name: string; count: number }>();
  for (const entry of entries) {
    const seen = new Set<string>();
    for (const { actor } of entry.participants) {
      if (seen.has(actor.id)) continue;
      seen.add(actor.id);
      const known = counts.get(actor.id);
      if (known) known.count += 1;
      else counts.set(actor.id, { id: actor.id, name: actor.name, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export interface DrawnTimeline {
  items: DrawItem[];
  groups: DrawGroup[];
}

export function drawTimeline(entries: readonly TimelineEntry[], groupBy: GroupBy): DrawnTimeline {
  if (groupBy === 'kind') {
    const kinds = [...new Set(entries.map((entry) => entry.kind))].sort((a, b) => kindOrder[a] - kindOrder[b]);
    return {
      groups: kinds.map((kind) => ({
        id: kind,
        content: KIND_LABELS[kind].many,
        order: kindOrder[kind],
        className: `group-kind-${kind.toLowerCase()}`,
      })),
      items: entries.map((entry) => drawEntry(entry, entry.kind, null)).filter((item) => item !== null),
    };
  }

  const lanes = rankActors(entries).slice(0, MAX_ACTOR_LANES);
  const laneIds = new Set(lanes.map((lane) => lane.id));
  const items: DrawItem[] = [];
  let othersUsed = false;
  for (const entry of entries) {
    const own = [...new Set(entry.participants.map((p) => p.actor.id))].filter((id) => laneIds.has(id));
    if (own.length === 0) {
      const item = drawEntry(entry, OTHERS_GROUP, OTHERS_GROUP);
      if (item) {
        items.push(item);
        othersUsed = true;
      }
      continue;
    }
    for (const actorId of own) {
      const item = drawEntry(entry, actorId, actorId);
      if (item) items.push(item);
    }
  }
  const groups: DrawGroup[] = lanes.map((lane, order) => ({ id: lane.id, content: escapeHtml(lane.name), order }));
  if (othersUsed) groups.push({ id: OTHERS_GROUP, content: 'Others', order: lanes.length });
  return { items, groups };
}

const numberFormat = new Intl.NumberFormat('en-US');

/**
 * Buckets as a histogram behind the lanes: each bar's height is its count relative to the
 * densest bucket's, in tenths, and never zero (a bucket exists only when it has items).
 */
export function drawDensity(buckets: ReadonlyArray<{ start: string; end: string; count: number }>): DrawItem[] {
  const max = Math.max(1, ...buckets.map((bucket) => bucket.count));
  return buckets.map((bucket) => {
    const level = Math.max(1, Math.ceil((bucket.count / max) * 10));
    const id = `density:${bucket.start}`;
    const count = numberFormat.format(bucket.count);
    return {
      id,
      itemId: id,
      type: 'background',
      start: new Date(bucket.start),
      end: new Date(bucket.end),
      content: '',
      title: `${count} item${bucket.count === 1 ? '' : 's'}: zoom in to see them`,
      className: `parley-density density-${level}`,
      level,
    };
  });
}
