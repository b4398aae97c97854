/**
 * Windowed loading. The timeline asks only for the visible range plus a margin; when that
 * range holds more than ITEM_LIMIT items it gets density buckets instead of items. Window
 * changes are debounced and a newer range cancels the request for an older one, so panning
 * never fires a request per frame; a pan that stays inside what is loaded fires none.
 *
 * The hook knows nothing of the GraphQL client: the explorer passes urql-backed loaders,
 * the embed plain fetch ones.
 */
import { useEffect, useRef, useState } from 'react';
import type { BucketUnit, TimelineFilter } from '../graphql/generated/graphql';
import type { TimelineEntry } from './timeline-items';
import { bucketUnitFor, covers, ITEM_LIMIT, loadRangeFor, narrowFilter, PAGE_SIZE, type TimeWindow } from './window';

export const WINDOW_DEBOUNCE_MS = 250;

export interface Bucket {
  start: string;
  end: string;
  count: number;
}

export interface TimelinePage<Entry> {
  nodes: Entry[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** How the hook reaches the API; each call must honour the signal. */
export interface TimelineLoaders<Entry extends TimelineEntry> {
  density(filter: TimelineFilter, unit: BucketUnit, signal: AbortSignal): Promise<Bucket[]>;
  page(filter: TimelineFilter, first: number, after: string | null, signal: AbortSignal): Promise<TimelinePage<Entry>>;
}

export type TimelineData<Entry extends TimelineEntry> =
  | { view: 'items'; range: TimeWindow; entries: Entry[] }
  | { view: 'density'; range: TimeWindow; unit: BucketUnit; buckets: Bucket[] };

export interface TimelineDataState<Entry extends TimelineEntry> {
  data: TimelineData<Entry> | null;
  loading: boolean;
  error: string | null;
  retry(): void;
}

async function loadRange<Entry extends TimelineEntry>(
  loaders: TimelineLoaders<Entry>,
  baseFilter: TimelineFilter,
  range: TimeWindow,
  signal: AbortSignal,
): Promise<TimelineData<Entry>> {
  const filter = narrowFilter(baseFilter, range);
  const unit = bucketUnitFor(range);
  const buckets = await loaders.density(filter, unit, signal);
  const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  if (total > ITEM_LIMIT) return { view: 'density', range, unit, buckets };

  const entries: Entry[] = [];
  let after: string | null = null;
  for (let page = 0; page <= ITEM_LIMIT / PAGE_SIZE; page += 1) {
    const result: TimelinePage<Entry> = await loaders.page(filter, PAGE_SIZE, after, signal);
    entries.push(...result.nodes);
    if (!result.hasNextPage) break;
    after = result.endCursor;
  }
  return { view: 'items', range, entries };
}

interface Request {
  key: string;
  range: TimeWindow;
  controller: AbortController;
}

export function useTimelineWindow<Entry extends TimelineEntry>(
  baseFilter: TimelineFilter,
  window: TimeWindow | null,
  loaders: TimelineLoaders<Entry>,
): TimelineDataState<Entry> {
  const [state, setState] = useState<{ data: TimelineData<Entry> | null; loading: boolean; error: string | null }>({
    data: null,
    loading: true,
    error: null,
  });
  // Bumped when a load settles or on retry, so the window is checked against the new data.
  const [version, setVersion] = useState(0);
  const loaded = useRef<{ key: string; data: TimelineData<Entry> } | null>(null);
  const inflight = useRef<Request | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latestLoaders = useRef(loaders);
  latestLoaders.current = loaders;
  const filterKey = JSON.stringify(baseFilter);

  useEffect(() => {
    void version;
    if (!window) return;
    const wantedUnit = bucketUnitFor(loadRangeFor(window));
    const current = loaded.current;
    if (current && current.key === filterKey && covers(current.data.range, window)) {
      // Items already cover the window; density does too unless zooming asks for a finer unit.
      if (current.data.view === 'items' || current.data.unit === wantedUnit) {
        clearTimeout(timer.current);
        return;
      }
    }
    const pending = inflight.current;
    if (pending && pending.key === filterKey && covers(pending.range, window)) {
      // What is on its way covers this window; when it lands, this effect runs again.
      clearTimeout(timer.current);
      return;
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      inflight.current?.controller.abort();
      const request: Request = { key: filterKey, range: loadRangeFor(window), controller: new AbortController() };
      inflight.current = request;
      setState((previous) => ({ ...previous, loading: true, error: null }));
      const filter = JSON.parse(filterKey) as TimelineFilter;
      loadRange(latestLoaders.current, filter, request.range, request.controller.signal).then(
        (data) => {
          if (request.controller.signal.aborted) return;
          inflight.current = null;
          loaded.current = { key: filterKey, data };
          setState({ data, loading: false, error: null });
          setVersion((n) => n + 1);
        },
        (error: unknown) => {
          if (request.controller.signal.aborted) return;
          inflight.current = null;
          setState((previous) => ({
            ...previous,
            loading: false,
            error: error instanceof Error ? error.message : String(error),
          }));
        },
      );
    }, WINDOW_DEBOUNCE_MS);
  }, [filterKey, window, version]);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      inflight.current?.controller.abort();
    },
    [],
  );

  // Results for other filters must not be shown under new ones.
  const data = loaded.current?.key === filterKey ? state.data : null;
  return {
    data,
    loading: state.loading || (window !== null && data === null && state.error === null),
    error: state.error,
    retry: () => {
      loaded.current = null;
      setState((previous) => ({ ...previous, error: null }));
      setVersion((n) => n + 1);
    },
  };
}
