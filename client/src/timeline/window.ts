/**
 * Windowed loading, as pure arithmetic: which range to ask the API for, and in which unit
 * to count items when there are too many to draw.
 */

import type { BucketUnit, TimelineFilter } from '../graphql/generated/graphql';

/** A stretch of time in epoch milliseconds, [start, end). */
export interface TimeWindow {
  start: number;
  end: number;
}

/** Above this many items in the loaded range the timeline draws density instead of items. */
export const ITEM_LIMIT = 500;
/** The API's page size cap; at most ITEM_LIMIT / PAGE_SIZE + 1 pages per range. */
export const PAGE_SIZE = 200;

const DAY_MS = 86_400_000;
const units: ReadonlyArray<{ unit: BucketUnit; ms: number }> = [
  { unit: 'DAY', ms: DAY_MS },
  { unit: 'WEEK', ms: 7 * DAY_MS },
  { unit: 'MONTH', ms: 30.44 * DAY_MS },
  { unit: 'YEAR', ms: 365.25 * DAY_MS },
];

/** The finest unit that keeps a range to at most `maxBuckets` buckets. */
export function bucketUnitFor(range: TimeWindow, maxBuckets = 160): BucketUnit {
  const span = range.end - range.start;
  for (const { unit, ms } of units) if (span / ms <= maxBuckets) return unit;
  return 'YEAR';
}

/**
 * The visible window plus half its width on each side, snapped outward to a grid of a
 * quarter of the width. Snapping means small pans ask for the very same range again, which
 * the client cache answers without a request, and a pan by less than the margin needs no
 * new data at all (see covers).
 */
export function loadRangeFor(window: TimeWindow): TimeWindow {
  const span = Math.max(window.end - window.start, DAY_MS);
  const step = 2 ** Math.ceil(Math.log2(span / 4 / DAY_MS)) * DAY_MS;
  const start = Math.floor((window.start - span / 2) / step) * step;
  const end = Math.ceil((window.end + span / 2) / step) * step;
  return { start, end };
}

export function covers(outer: TimeWindow, inner: TimeWindow): boolean {
  return outer.start <= inner.start && outer.end >= inner.end;
}

/** The whole span of some buckets (the data's extent), padded so nothing sits on an edge. */
export function extentOf(buckets: ReadonlyArray<{ start: string; end: string }>): TimeWindow | null {
  if (buckets.length === 0) return null;
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  if (!first || !last) return null;
  const start = Date.parse(first.start);
  const end = Date.parse(last.end);
  const pad = Math.max((end - start) * 0.04, DAY_MS);
  return { start: start - pad, end: end + pad };
}

/** A filter further narrowed to a time range (never to a range that ends before it starts). */
export function narrowFilter(filter: TimelineFilter, range: TimeWindow): TimelineFilter {
  const from = Math.max(filter.from ? Date.parse(filter.from) : range.start, range.start);
  const to = Math.max(from, Math.min(filter.to ? Date.parse(filter.to) : range.end, range.end));
  return { ...filter, from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}
