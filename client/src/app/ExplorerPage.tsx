/**
 * The explorer: filters, the timeline, its accessible list, and the detail panel, all
 * driven by the URL. Data flows one way: URL -> state -> queries -> drawing.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { ActorHeader } from '../components/ActorHeader';
import { DetailPanel } from '../components/DetailPanel';
import { EmbedDialog } from '../components/EmbedDialog';
import { ExportMenu } from '../components/ExportMenu';
import { FilterBar } from '../components/FilterBar';
import { BucketList, type BucketRow, ItemList } from '../components/ItemList';
import { Legend } from '../components/Legend';
import { Empty, ErrorState, Loading } from '../components/states';
import { errorMessage } from '../graphql/client';
import { type BucketUnit, TimelineDensityDocument, TimelineTotalDocument } from '../graphql/generated/graphql';
import { TimelineView } from '../timeline/TimelineView';
import { drawDensity, drawTimeline, type TimelineEntry } from '../timeline/timeline-items';
import { useTimelineWindow } from '../timeline/use-timeline-window';
import { extentOf } from '../timeline/window';
import { useTimelineLoaders } from './timeline-loaders';
import { type ExplorerFilters, emptyFilters, hasFilters, type TimeWindow, toTimelineFilter } from './url-state';
import { useExplorerState } from './use-explorer-state';

const numberFormat = new Intl.NumberFormat('en-US');
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

function bucketLabel(start: number, unit: BucketUnit): string {
  switch (unit) {
    case 'YEAR':
      return String(new Date(start).getUTCFullYear());
    case 'MONTH':
      return monthFormat.format(start);
    case 'WEEK':
      return `Week of ${dayFormat.format(start)}`;
    default:
      return dayFormat.format(start);
  }
}

function overlaps(entry: TimelineEntry, window: TimeWindow): boolean {
  if (!entry.date) return false;
  return Date.parse(entry.date.start) < window.end && Date.parse(entry.date.end) > window.start;
}

export function ExplorerPage() {
  const [state, update] = useExplorerState();
  const { filters } = state;
  const filterKey = JSON.stringify(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for filters' contents
  const baseFilter = useMemo(() => toTimelineFilter(filters), [filterKey]);
  const [extentResult, retryExtent] = useQuery({
    query: TimelineDensityDocument,
    variables: { filter: baseFilter, unit: 'MONTH' },
  });
  const [totalResult] = useQuery({ query: TimelineTotalDocument, variables: { filter: baseFilter } });
  const extent = useMemo(() => extentOf(extentResult.data?.timelineBuckets ?? []), [extentResult.data]);
  const window = state.window ?? extent;
  const timelineData = useTimelineWindow(baseFilter, window, useTimelineLoaders());
  const [selectedId, setSelectedId] = useState<string | null>(state.itemId);
  const [embedOpen, setEmbedOpen] = useState(false);

  const data = timelineData.data;
  const visibleEntries = useMemo(
    () => (data?.view === 'items' && window ? data.entries.filter((entry) => overlaps(entry, window)) : []),
    [data, window],
  );
  const drawn = useMemo(() => {
    if (!data) return { items: [], groups: null };
    if (data.view === 'density') return { items: drawDensity(data.buckets), groups: null };
    return drawTimeline(data.entries, state.group);
  }, [data, state.group]);
  const visibleBuckets = useMemo<BucketRow[]>(() => {
    if (data?.view !== 'density' || !window) return [];
    return data.buckets
      .map((bucket) => ({
        start: Date.parse(bucket.start),
        end: Date.parse(bucket.end),
        count: bucket.count,
        label: bucketLabel(Date.parse(bucket.start), data.unit),
      }))
      .filter((bucket) => bucket.start < window.end && bucket.end > window.start);
  }, [data, window]);

  const setFilters = useCallback(
    (next: ExplorerFilters) => update({ filters: next, window: null, itemId: null }),
    [update],
  );
  // Where focus was when details opened, to return it there when they close.
  const returnFocus = useRef<HTMLElement | null>(null);
  const open = useCallback(
    (itemId: string) => {
      if (document.activeElement instanceof HTMLElement) returnFocus.current = document.activeElement;
      setSelectedId(itemId);
      update({ itemId });
    },
    [update],
  );
  const close = useCallback(() => {
    update({ itemId: null });
    const target = returnFocus.current;
    returnFocus.current = null;
    requestAnimationFrame(() => {
      if (target?.isConnected) target.focus();
    });
  }, [update]);
  const showActor = useCallback(
    (actorId: string) => update({ filters: { ...emptyFilters, actorIds: [actorId] }, window: null, itemId: null }),
    [update],
  );
  const step = useCallback(
    (direction: 1 | -1) => {
      if (visibleEntries.length === 0) return;
      const at = visibleEntries.findIndex((entry) => entry.id === selectedId);
      const next =
        at < 0
          ? visibleEntries[direction === 1 ? 0 : visibleEntries.length - 1]
          : visibleEntries[Math.max(0, Math.min(visibleEntries.length - 1, at + direction))];
      if (next) setSelectedId(next.id);
    },
    [visibleEntries, selectedId],
  );

  const total = totalResult.data?.timeline.totalCount;
  const inView =
    data?.view === 'density' ? visibleBuckets.reduce((sum, bucket) => sum + bucket.count, 0) : visibleEntries.length;

  let timelineBody: React.ReactNode;
  if (extentResult.error) {
    timelineBody = (
      <ErrorState
        message={errorMessage(extentResult.error)}
        onRetry={() => retryExtent({ requestPolicy: 'network-only' })}
      />
    );
  } else if (!window) {
    timelineBody =
      extentResult.fetching || !extentResult.data ? (
        <Loading label="Loading the timeline…" />
      ) : (
        <Empty>
          {hasFilters(filters) ? (
            <>
              <p>No dated items match these filters.</p>
              <button type="button" onClick={() => setFilters(emptyFilters)}>
                Clear filters
              </button>
            </>
          ) : (
            <p>
              No items yet. <a href="/sources">Add an article</a> to start the timeline.
            </p>
          )}
        </Empty>
      );
  } else {
    timelineBody = (
      <TimelineView
        label={`Timeline of ${numberFormat.format(inView)} items. Arrow keys move between items, Enter opens one, plus and minus zoom.`}
        items={drawn.items}
        groups={drawn.groups}
        window={window}
        selectedId={selectedId}
        onWindowChange={(next) => update({ window: next }, { replace: true })}
        onSelect={setSelectedId}
        onOpen={open}
        onStep={step}
        onFit={() => update({ window: extent }, { replace: true })}
      />
    );
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the details from anywhere in the explorer
    <div
      className={`explorer${state.itemId ? ' detail-open' : ''}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && state.itemId && !event.defaultPrevented) {
          event.preventDefault();
          close();
        }
      }}
    >
      <FilterBar
        filters={filters}
        group={state.group}
        onFilters={setFilters}
        onGroup={(group) => update({ group }, { replace: true })}
      />
      {filters.actorIds.length === 1 && filters.actorIds[0] && <ActorHeader actorId={filters.actorIds[0]} />}
      <div className="explorer-body">
        <div className="explorer-main">
          <section className="timeline-section" aria-label="Timeline">
            <div className="status-bar">
              <p className="status-text" aria-live="polite">
                {data?.view === 'density' ? (
                  <>
                    <strong>{numberFormat.format(inView)}</strong> items in view: too many to draw one by one, so the
                    band shows where they are. Zoom in to see them.
                  </>
                ) : window ? (
                  <>
                    <strong>{numberFormat.format(inView)}</strong> item{inView === 1 ? '' : 's'} in view
                  </>
                ) : null}
                {total !== undefined && window && <span className="muted"> · {numberFormat.format(total)} match</span>}
                {timelineData.loading && window && <span className="spinner" role="img" aria-label="Loading" />}
              </p>
              <Legend density={data?.view === 'density'} />
              <ExportMenu filters={filters} />
              <button type="button" className="link-button" onClick={() => setEmbedOpen(true)}>
                Embed
              </button>
            </div>
            {timelineData.error && window && <ErrorState message={timelineData.error} onRetry={timelineData.retry} />}
            <div className="timeline-host">{timelineBody}</div>
          </section>
          {window && (
            <section className="list-section" aria-labelledby="list-heading">
              <h2 id="list-heading">{data?.view === 'density' ? 'Periods in view' : 'Items in view'}</h2>
              {data?.view === 'density' ? (
                <BucketList
                  buckets={visibleBuckets}
                  onZoom={(bucket) => update({ window: { start: bucket.start, end: bucket.end } }, { replace: true })}
                />
              ) : data && visibleEntries.length === 0 ? (
                <p className="muted">Nothing in this stretch of time. Zoom out or pan to find items.</p>
              ) : (
                <ItemList entries={visibleEntries} selectedId={selectedId} onSelect={setSelectedId} onOpen={open} />
              )}
            </section>
          )}
        </div>
        {state.itemId && <DetailPanel itemId={state.itemId} onClose={close} onActor={showActor} />}
        <EmbedDialog open={embedOpen} filters={filters} onClose={() => setEmbedOpen(false)} />
      </div>
    </div>
  );
}
