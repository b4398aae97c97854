/**
 * The embedded timeline: read-only, the same vis-timeline adapter and windowed loading as
 * the explorer, and a popover with the quote or summary, the date and links to the sources.
 * Everything from sources is rendered as text by (p)react, never as HTML.
 */
import { useEffect, useMemo, useState } from 'react';
import type { BucketUnit, TimelineFilter } from '../graphql/generated/graphql';
import { TimelineView } from '../timeline/TimelineView';
import { drawDensity, drawTimeline, KIND_LABELS, statusSuffix, type TimelineEntry } from '../timeline/timeline-items';
import { type TimelineLoaders, useTimelineWindow } from '../timeline/use-timeline-window';
import { extentOf, type TimeWindow } from '../timeline/window';
import { ApiError, query } from './api';
import {
  EmbedActorsDocument,
  EmbedDensityDocument,
  EmbedItemDocument,
  type EmbedItemQuery,
  EmbedTimelineDocument,
} from './generated/graphql';
import type { WidgetOptions } from './options';

const DAY_MS = 86_400_000;
const globalIdPattern = /^[A-Za-z0-9_-]{20,100}$/;

type ItemDetails = Extract<NonNullable<EmbedItemQuery['node']>, { kind: unknown }>;

function problem(error: unknown): string {
  return error instanceof ApiError ? error.message : 'The timeline could not be loaded.';
}

/** Actor options are names or ids; names are looked up, preferring an exact name or alias. */
async function resolveActors(api: string, actors: readonly string[], signal: AbortSignal): Promise<string[]> {
  return Promise.all(
    actors.map(async (actor) => {
      if (globalIdPattern.test(actor) && !/\s/.test(actor)) {
        try {
          const decoded = atob(actor.replace(/-/g, '+').replace(/_/g, '/'));
          if (decoded.startsWith('Actor:')) return actor;
        } catch {
          // not base64: a name after all
        }
      }
      const { actors: found } = await query(api, EmbedActorsDocument, { search: actor }, signal);
      const wanted = actor.toLowerCase();
      const exact = found.nodes.find(
        (node) => node.name.toLowerCase() === wanted || node.aliases.some((alias) => alias.toLowerCase() === wanted),
      );
      const match = exact ?? found.nodes[0];
      if (!match) throw new ApiError(`No actor named "${actor}" in this timeline.`);
      return match.id;
    }),
  );
}

function baseFilterOf(options: WidgetOptions, actorIds: string[]): TimelineFilter {
  const filter: TimelineFilter = {};
  if (options.from) filter.from = `${options.from}T00:00:00.000Z`;
  if (options.to) filter.to = new Date(Date.parse(`${options.to}T00:00:00.000Z`) + DAY_MS).toISOString();
  if (options.kinds.length > 0) filter.kinds = options.kinds;
  if (actorIds.length > 0) filter.actorIds = actorIds;
  if (options.text) filter.text = options.text;
  return filter;
}

function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function ParleyWidget({ options, api }: { options: WidgetOptions; api: string }) {
  const [setup, setSetup] = useState<
    | { status: 'loading' }
    | { status: 'error'; message: string }
    | { status: 'ready'; filter: TimelineFilter; extent: TimeWindow | null }
  >({ status: 'loading' });
  const [window, setWindow] = useState<TimeWindow | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const optionsKey = JSON.stringify(options);

  // biome-ignore lint/correctness/useExhaustiveDependencies: optionsKey stands for the options' contents
  useEffect(() => {
    const controller = new AbortController();
    setSetup({ status: 'loading' });
    (async () => {
      const actorIds = await resolveActors(api, options.actors, controller.signal);
      const filter = baseFilterOf(options, actorIds);
      const { timelineBuckets } = await query(api, EmbedDensityDocument, { filter, unit: 'MONTH' }, controller.signal);
      const extent = extentOf(timelineBuckets);
      setWindow(extent);
      setSetup({ status: 'ready', filter, extent });
    })().catch((error: unknown) => {
      if (!controller.signal.aborted) setSetup({ status: 'error', message: problem(error) });
    });
    return () => controller.abort();
  }, [api, optionsKey]);

  const loaders = useMemo<TimelineLoaders<TimelineEntry>>(
    () => ({
      density: async (filter, unit: BucketUnit, signal) =>
        (await query(api, EmbedDensityDocument, { filter, unit }, signal)).timelineBuckets,
      page: async (filter, first, after, signal) => {
        const { timeline } = await query(api, EmbedTimelineDocument, { filter, first, after }, signal);
        return {
          nodes: timeline.nodes,
          hasNextPage: timeline.pageInfo.hasNextPage,
          endCursor: timeline.pageInfo.endCursor,
        };
      },
    }),
    [api],
  );
  const ready = setup.status === 'ready' ? setup : null;
  const data = useTimelineWindow(ready?.filter ?? {}, ready ? window : null, loaders);
  const drawn = useMemo(() => {
    if (!data.data) return { items: [], groups: null };
    if (data.data.view === 'density') return { items: drawDensity(data.data.buckets), groups: null };
    return drawTimeline(data.data.entries, 'kind');
  }, [data.data]);
  const entries = data.data?.view === 'items' ? data.data.entries : [];

  function step(direction: 1 | -1) {
    const at = entries.findIndex((entry) => entry.id === selectedId);
    const next = entries[at < 0 ? 0 : Math.max(0, Math.min(entries.length - 1, at + direction))];
    if (next) setSelectedId(next.id);
  }

  const explorer = new URL('/', api);
  return (
    <div className="parley-widget" style={{ height: `${options.height}px` }}>
      {setup.status === 'loading' && (
        <p className="parley-state" role="status">
          Loading the timeline…
        </p>
      )}
      {setup.status === 'error' && (
        <p className="parley-state" role="alert">
          {setup.message}
        </p>
      )}
      {ready && !ready.extent && <p className="parley-state">Nothing on this timeline yet.</p>}
      {ready && window && (
        <div className="parley-stage">
          <TimelineView
            label="Timeline. Arrow keys move between items, Enter opens one."
            items={drawn.items}
            groups={drawn.groups}
            window={window}
            selectedId={selectedId}
            onWindowChange={setWindow}
            onSelect={setSelectedId}
            onOpen={setOpenId}
            onStep={step}
            onFit={() => ready.extent && setWindow(ready.extent)}
          />
          {data.data?.view === 'density' && <p className="parley-hint">Zoom in to see individual items.</p>}
          {data.error && (
            <p className="parley-hint" role="alert">
              {data.error}
            </p>
          )}
          {openId && <Popover api={api} itemId={openId} onClose={() => setOpenId(null)} />}
        </div>
      )}
      <p className="parley-credit">
        <a href={explorer.href} target="_blank" rel="noopener">
          Parley
        </a>{' '}
        · sourced timeline
      </p>
    </div>
  );
}

function Popover({ api, itemId, onClose }: { api: string; itemId: string; onClose(): void }) {
  const [state, setState] = useState<{ item: ItemDetails | null; error: string | null }>({ item: null, error: null });
  useEffect(() => {
    const controller = new AbortController();
    setState({ item: null, error: null });
    query(api, EmbedItemDocument, { id: itemId }, controller.signal).then(
      ({ node }) => setState({ item: node && 'kind' in node ? node : null, error: node ? null : 'This item is gone.' }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ item: null, error: problem(error) });
      },
    );
    return () => controller.abort();
  }, [api, itemId]);

  const item = state.item;
  const sources = item
    ? [...new Map(item.citations.map((citation) => [citation.source.id, citation.source])).values()]
    : [];
  const explorer = new URL(`/?item=${encodeURIComponent(itemId)}`, api);
  return (
    <div
      className="parley-popover"
      role="dialog"
      aria-label="Item"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <button type="button" className="parley-close" onClick={onClose} aria-label="Close">
        ×
      </button>
      {!item && !state.error && <p role="status">Loading…</p>}
      {state.error && <p role="alert">{state.error}</p>}
      {item && (
        <>
          <p className="parley-kind">
            {KIND_LABELS[item.kind].one}
            {statusSuffix(item.status)} · {item.date?.display ?? 'undated'}
          </p>
          <p className="parley-title">{item.title}</p>
          {'quote' in item ? (
            <blockquote className="parley-quote">
              {item.quote}
              <span className="parley-speaker"> — {item.speaker.name}</span>
            </blockquote>
          ) : (
            item.summary && <p>{item.summary}</p>
          )}
          <p className="parley-sources-label">
            {item.sourceCount} source{item.sourceCount === 1 ? '' : 's'}
          </p>
          <ul className="parley-sources">
            {sources.map((source) => {
              const href = safeUrl(source.url);
              const label = `${source.publisher ?? 'Source'}${source.title ? `: ${source.title}` : ''}`;
              return (
                <li key={source.id}>
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                      {label}
                    </a>
                  ) : (
                    label
                  )}
                </li>
              );
            })}
          </ul>
          <a className="parley-more" href={explorer.href} target="_blank" rel="noopener">
            Every source passage in Parley
          </a>
        </>
      )}
    </div>
  );
}
