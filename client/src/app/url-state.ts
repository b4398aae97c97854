/**
 * The explorer's whole state lives in the URL, so a link shows what its sender saw and
 * reload, back and forward just work. Parsing is lenient on purpose: a hand-edited or
 * truncated link drops the values it cannot read instead of breaking the page.
 *
 * The filter parameters (from, to, kind, actor, q, minSources) are the same ones the
 * server's /export endpoint reads, so an export link is this query string with a format.
 */
import type { ItemKind, TimelineFilter } from '../graphql/generated/graphql';
import type { TimeWindow } from '../timeline/window';

export type { TimeWindow };

export const ITEM_KINDS = ['STATEMENT', 'MEETING', 'EVENT'] as const satisfies readonly ItemKind[];
export type GroupBy = 'kind' | 'actor';

export interface ExplorerFilters {
  /** Inclusive first day, YYYY-MM-DD. */
  from: string | null;
  /** Inclusive last day, YYYY-MM-DD. */
  to: string | null;
  /** Empty means every kind. */
  kinds: ItemKind[];
  actorIds: string[];
  text: string;
  minSources: number | null;
}

export interface ExplorerState {
  filters: ExplorerFilters;
  group: GroupBy;
  /** The item whose details are open. */
  itemId: string | null;
  window: TimeWindow | null;
}

export const emptyFilters: ExplorerFilters = {
  from: null,
  to: null,
  kinds: [],
  actorIds: [],
  text: '',
  minSources: null,
};

const DAY_MS = 86_400_000;
const MAX_TEXT = 500;
const MAX_ACTORS = 20;
const MAX_MIN_SOURCES = 1000;
const globalIdPattern = /^[A-Za-z0-9_-]{1,100}$/;
const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day as YYYY-MM-DD, or null. */
export function parseDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = dayPattern.exec(value.trim());
  if (!match) return null;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const date = new Date(time);
  return date.getUTCFullYear() === Number(match[1]) &&
    date.getUTCMonth() === Number(match[2]) - 1 &&
    date.getUTCDate() === Number(match[3])
    ? match[0]
    : null;
}

function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

export function formatDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function list(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export function parseExplorerState(search: string): ExplorerState {
  const params = new URLSearchParams(search);
  const kinds = list(params.get('kind'))
    .map((kind) => kind.toUpperCase())
    .filter((kind): kind is ItemKind => (ITEM_KINDS as readonly string[]).includes(kind));
  const actorIds = list(params.get('actor')).filter((id) => globalIdPattern.test(id));
  const minSources = Number(params.get('minSources'));
  let from = parseDay(params.get('from'));
  let to = parseDay(params.get('to'));
  if (from && to && from > to) [from, to] = [to, from];

  return {
    filters: {
      from,
      to,
      kinds: ITEM_KINDS.filter((kind) => kinds.includes(kind)),
      actorIds: [...new Set(actorIds)].slice(0, MAX_ACTORS),
      text: (params.get('q') ?? '').trim().slice(0, MAX_TEXT),
      minSources: Number.isInteger(minSources) && minSources > 1 && minSources <= MAX_MIN_SOURCES ? minSources : null,
    },
    group: params.get('group') === 'actor' ? 'actor' : 'kind',
    itemId: globalIdPattern.test(params.get('item') ?? '') ? params.get('item') : null,
    window: parseWindow(params.get('start'), params.get('end')),
  };
}

function parseWindow(start: string | null, end: string | null): TimeWindow | null {
  const startDay = parseDay(start);
  const endDay = parseDay(end);
  if (!startDay || !endDay) return null;
  const window = { start: dayStart(startDay), end: dayStart(endDay) };
  // The URL keeps whole days; a window narrower than one still shows that day.
  if (window.end <= window.start) window.end = window.start + DAY_MS;
  return window;
}

/** Filter parameters only, in a fixed order: what /export reads too. */
export function filterParams(filters: ExplorerFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.kinds.length > 0 && filters.kinds.length < ITEM_KINDS.length) {
    params.set('kind', filters.kinds.map((kind) => kind.toLowerCase()).join(','));
  }
  if (filters.actorIds.length > 0) params.set('actor', filters.actorIds.join(','));
  if (filters.text) params.set('q', filters.text);
  if (filters.minSources) params.set('minSources', String(filters.minSources));
  return params;
}

export function serializeExplorerState(state: ExplorerState): string {
  const params = filterParams(state.filters);
  if (state.group !== 'kind') params.set('group', state.group);
  if (state.window) {
    params.set('start', formatDay(Math.floor(state.window.start / DAY_MS) * DAY_MS));
    params.set('end', formatDay(Math.ceil(state.window.end / DAY_MS) * DAY_MS));
  }
  if (state.itemId) params.set('item', state.itemId);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function hasFilters(filters: ExplorerFilters): boolean {
  return filterParams(filters).toString() !== '';
}

/**
 * The GraphQL filter for these filters. The `to` day is inclusive in the UI, the API's `to`
 * is exclusive: hence the day added.
 */
export function toTimelineFilter(filters: ExplorerFilters): TimelineFilter {
  const filter: TimelineFilter = {};
  if (filters.from) filter.from = new Date(dayStart(filters.from)).toISOString();
  if (filters.to) filter.to = new Date(dayStart(filters.to) + DAY_MS).toISOString();
  if (filters.kinds.length > 0 && filters.kinds.length < ITEM_KINDS.length) filter.kinds = filters.kinds;
  if (filters.actorIds.length > 0) filter.actorIds = filters.actorIds;
  if (filters.text) filter.text = filters.text;
  if (filters.minSources) filter.minSources = filters.minSources;
  return filter;
}

export type ExportFormat = 'csv' | 'json' | 'timelinejs';

export function exportHref(format: ExportFormat, filters: ExplorerFilters): string {
  const params = filterParams(filters);
  // /export reads `to` as the API does, exclusive; the explorer's last day is inclusive.
  if (filters.to) params.set('to', formatDay(dayStart(filters.to) + DAY_MS));
  params.set('format', format);
  return `/export?${params.toString()}`;
}
