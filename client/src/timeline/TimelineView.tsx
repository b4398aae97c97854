/**
 * The vis-timeline adapter: the Timeline is created once per mount and fed through
 * DataSets (add/update/remove), never rebuilt when data changes. Everything else is props.
 * Its CSS (vis-timeline's and timeline.css) is loaded by the page that uses it: the explorer
 * links it into the document, the embed puts it inside its shadow root.
 */
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { DataSet } from 'vis-data/esnext';
import { Timeline, type TimelineOptions } from 'vis-timeline/esnext';
import type { TimeWindow } from '../app/url-state';
import { type DrawGroup, type DrawItem, itemIdOf } from './timeline-items';

export interface TimelineViewProps {
  items: readonly DrawItem[];
  /** Null draws one lane (the density band spans it). */
  groups: readonly DrawGroup[] | null;
  window: TimeWindow;
  selectedId: string | null;
  /** After a pan or zoom settles (by the user or by us). */
  onWindowChange(window: TimeWindow): void;
  onSelect(itemId: string | null): void;
  onOpen(itemId: string): void;
  /** Arrow keys: the next (+1) or previous (-1) item in date order. */
  onStep(direction: 1 | -1): void;
  /** Show the whole of the data. */
  onFit(): void;
  label: string;
}

const DAY_MS = 86_400_000;
const options: TimelineOptions = {
  height: '100%',
  stack: true,
  selectable: true,
  multiselect: false,
  showCurrentTime: false,
  orientation: { axis: 'top', item: 'top' },
  zoomMin: DAY_MS * 2,
  zoomMax: DAY_MS * 365 * 200,
  groupOrder: 'order',
  verticalScroll: true,
  horizontalScroll: false,
  margin: { item: { horizontal: 4, vertical: 6 } },
  tooltip: { followMouse: true, overflowMethod: 'cap', delay: 200 },
  // Content is escaped by timeline-items; vis-timeline's own filter stays on as well.
  xss: { disabled: false },
};

type VisItem = Omit<DrawItem, 'itemId' | 'level' | 'content'> & { content: string | HTMLElement };

function toVis({ itemId: _itemId, level, ...item }: DrawItem): VisItem {
  if (level === undefined) return item;
  // A density bar is an element rather than HTML, so it needs no pass through the XSS filter.
  const bar = document.createElement('span');
  bar.className = `density-bar level-${level}`;
  return { ...item, content: bar };
}

export function TimelineView(props: TimelineViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const timeline = useRef<Timeline | null>(null);
  const itemSet = useRef(new DataSet<VisItem>());
  const groupSet = useRef(new DataSet<DrawGroup>());
  // Events fire from vis-timeline, outside React; they read the latest props from here.
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const created = new Timeline(element, itemSet.current as never, groupSet.current as never, {
      ...options,
      start: new Date(latest.current.window.start),
      end: new Date(latest.current.window.end),
    });
    created.on('rangechanged', (properties?: { start: Date; end: Date }) => {
      if (!properties) return;
      latest.current.onWindowChange({ start: properties.start.getTime(), end: properties.end.getTime() });
    });
    created.on('select', (properties?: { items: Array<string | number> }) => {
      // vis-timeline fires this for clicks and taps only: one opens the item, like a link.
      const first = properties?.items[0];
      if (first === undefined || String(first).startsWith('density:')) {
        latest.current.onSelect(null);
        return;
      }
      latest.current.onSelect(itemIdOf(String(first)));
      latest.current.onOpen(itemIdOf(String(first)));
    });
    // The browser reports a click after a drag too (press and release on one element): only a
    // press that did not move the window counts as a click on the band.
    let windowAtPress = 0;
    created.on('mouseDown', () => {
      windowAtPress = created.getWindow().start.getTime();
    });
    created.on('click', (properties?: { what: string | null; time: Date }) => {
      if (created.getWindow().start.getTime() !== windowAtPress) return;
      // A click on the density band zooms in around that moment.
      if (properties?.what === 'background' && itemSet.current.length > 0) {
        const first = itemSet.current.get()[0];
        if (first?.type === 'background') {
          const window = created.getWindow();
          const span = (window.end.getTime() - window.start.getTime()) / 6;
          const time = properties.time.getTime();
          created.setWindow(new Date(time - span), new Date(time + span));
        }
      }
    });
    timeline.current = created;
    return () => {
      created.destroy();
      timeline.current = null;
    };
  }, []);

  // Items: update what changed, remove what left; the DataSet diffs the DOM.
  useEffect(() => {
    const next = props.items.map(toVis);
    const keep = new Set(next.map((item) => item.id));
    const gone = itemSet.current.getIds().filter((id) => !keep.has(String(id)));
    if (gone.length > 0) itemSet.current.remove(gone);
    itemSet.current.update(next);
  }, [props.items]);

  useEffect(() => {
    const current = timeline.current;
    if (!current) return;
    if (props.groups === null) {
      current.setGroups(null as never);
      return;
    }
    const keep = new Set(props.groups.map((group) => group.id));
    groupSet.current.remove(groupSet.current.getIds().filter((id) => !keep.has(String(id))));
    groupSet.current.update([...props.groups]);
    current.setGroups(groupSet.current as never);
  }, [props.groups]);

  // A window set from outside (a link, back/forward, the list) moves the timeline.
  useEffect(() => {
    const current = timeline.current;
    if (!current) return;
    const shown = current.getWindow();
    const tolerance = (props.window.end - props.window.start) / 200;
    if (
      Math.abs(shown.start.getTime() - props.window.start) > tolerance ||
      Math.abs(shown.end.getTime() - props.window.end) > tolerance
    ) {
      current.setWindow(new Date(props.window.start), new Date(props.window.end), { animation: false });
    }
  }, [props.window]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: new items need the selection drawn on them again
  useEffect(() => {
    const current = timeline.current;
    if (!current) return;
    const ids = props.selectedId
      ? itemSet.current.getIds().filter((id) => itemIdOf(String(id)) === props.selectedId)
      : [];
    current.setSelection(ids);
    const first = ids[0];
    if (first === undefined) return;
    // Bring the selection into view without zooming, only when it is off screen.
    const item = itemSet.current.get(first);
    const shown = current.getWindow();
    if (item && (item.start.getTime() < shown.start.getTime() || item.start.getTime() > shown.end.getTime())) {
      current.moveTo(item.start, { animation: false });
    }
    // A lane below the fold is not drawn: scroll the timeline down to it (focus is the only
    // vis-timeline call that scrolls vertically; without zoom it keeps the scale).
    // The timeline draws on its own schedule, so look again a little later before giving up.
    const timers = [0, 200, 600].map((delay) =>
      setTimeout(() => {
        if (!container.current?.querySelector('.vis-item.vis-selected')) {
          current.focus(first, { zoom: false, animation: false });
        }
      }, delay),
    );
    return () => {
      for (const timer of timers) clearTimeout(timer);
    };
  }, [props.selectedId, props.items]);

  function zoom(factor: number) {
    const current = timeline.current;
    if (!current) return;
    if (factor < 1) current.zoomIn(1 - factor, { animation: false });
    else current.zoomOut(1 - 1 / factor, { animation: false });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return;
    switch (event.key) {
      case 'ArrowRight':
        props.onStep(1);
        break;
      case 'ArrowLeft':
        props.onStep(-1);
        break;
      case 'Enter':
        if (props.selectedId) props.onOpen(props.selectedId);
        break;
      case '+':
      case '=':
        zoom(0.5);
        break;
      case '-':
        zoom(2);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  return (
    <div className="timeline-frame">
      <div className="timeline-toolbar">
        <button type="button" onClick={() => zoom(0.5)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoom(2)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={() => props.onFit()}>
          Fit
        </button>
      </div>
      <div
        ref={container}
        className="timeline-canvas"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes arrow keys; the list view is the accessible equivalent
        tabIndex={0}
        role="application"
        aria-label={props.label}
        aria-roledescription="timeline"
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
