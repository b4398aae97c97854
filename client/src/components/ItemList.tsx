/**
 * The accessible twin of the timeline: the same items (or, zoomed out, the same density
 * buckets) as a listbox. Arrow keys move the selection, which the timeline follows; Enter
 * opens the details. vis-timeline's canvas alone cannot be read by a screen reader.
 */
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { KIND_LABELS, statusSuffix, type TimelineEntry } from '../timeline/timeline-items';

export interface BucketRow {
  start: number;
  end: number;
  label: string;
  count: number;
}

export interface ItemListProps {
  entries: readonly TimelineEntry[];
  selectedId: string | null;
  onSelect(itemId: string): void;
  onOpen(itemId: string): void;
}

function optionId(itemId: string): string {
  return `list-item-${itemId}`;
}

export function ItemList({ entries, selectedId, onSelect, onOpen }: ItemListProps) {
  const list = useRef<HTMLDivElement>(null);
  const selectedIndex = entries.findIndex((entry) => entry.id === selectedId);

  useEffect(() => {
    if (!selectedId) return;
    const element = list.current?.querySelector<HTMLElement>(`[id="${CSS.escape(optionId(selectedId))}"]`);
    element?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);

  function move(to: number) {
    const entry = entries[Math.max(0, Math.min(entries.length - 1, to))];
    if (entry) onSelect(entry.id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    switch (event.key) {
      case 'ArrowDown':
        move(selectedIndex < 0 ? 0 : selectedIndex + 1);
        break;
      case 'ArrowUp':
        move(selectedIndex < 0 ? 0 : selectedIndex - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(entries.length - 1);
        break;
      case 'PageDown':
        move(selectedIndex + 10);
        break;
      case 'PageUp':
        move(selectedIndex - 10);
        break;
      case 'Enter':
      case ' ':
        if (selectedId) onOpen(selectedId);
        else move(0);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  return (
    <div
      ref={list}
      className="item-list"
      role="listbox"
      aria-label="Timeline items in date order"
      tabIndex={0}
      aria-activedescendant={selectedId && selectedIndex >= 0 ? optionId(selectedId) : undefined}
      onKeyDown={onKeyDown}
    >
      {entries.map((entry) => {
        const speakerOrParticipants = entry.participants
          .filter((participant) => participant.role !== 'MENTIONED')
          .map((participant) => participant.actor.name)
          .join(', ');
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles the keys for all its options
          <div
            key={entry.id}
            id={optionId(entry.id)}
            role="option"
            tabIndex={-1}
            aria-selected={entry.id === selectedId}
            className={`item-row kind-${entry.kind.toLowerCase()}${entry.id === selectedId ? ' selected' : ''}`}
            onClick={() => {
              onSelect(entry.id);
              onOpen(entry.id);
            }}
          >
            <span className="item-date">{entry.date?.display ?? 'Undated'}</span>
            <span className="item-kind">
              <span className={`legend-swatch kind-${entry.kind.toLowerCase()}`} aria-hidden="true" />
              {KIND_LABELS[entry.kind].one}
              {statusSuffix(entry.status)}
            </span>
            <span className="item-title">{entry.title}</span>
            {speakerOrParticipants && <span className="item-actors muted">{speakerOrParticipants}</span>}
            <span className="item-sources muted">
              {entry.sourceCount} source{entry.sourceCount === 1 ? '' : 's'}
            </span>
          </div>
        );
      })}
    </div>
  );
}

/** Zoomed out, the list offers the buckets: each zooms the timeline to its period. */
export function BucketList({ buckets, onZoom }: { buckets: readonly BucketRow[]; onZoom(row: BucketRow): void }) {
  return (
    <ol className="bucket-list" aria-label="Items per period; choose one to zoom in">
      {buckets.map((bucket) => (
        <li key={bucket.start}>
          <button type="button" className="link-button" onClick={() => onZoom(bucket)}>
            {bucket.label}: {bucket.count.toLocaleString('en-US')} item{bucket.count === 1 ? '' : 's'}
          </button>
        </li>
      ))}
    </ol>
  );
}
