/**
 * Every filter the timeline has. Changes go straight to the URL (one history entry each);
 * the text box commits on Enter or after a pause, not on every keystroke.
 */
import { useEffect, useId, useState } from 'react';
import { type ExplorerFilters, emptyFilters, type GroupBy, hasFilters, ITEM_KINDS, parseDay } from '../app/url-state';
import { KIND_LABELS } from '../timeline/timeline-items';
import { ActorPicker } from './ActorPicker';

const TEXT_DEBOUNCE_MS = 500;

export interface FilterBarProps {
  filters: ExplorerFilters;
  group: GroupBy;
  onFilters(filters: ExplorerFilters): void;
  onGroup(group: GroupBy): void;
}

export function FilterBar({ filters, group, onFilters, onGroup }: FilterBarProps) {
  const [text, setText] = useState(filters.text);
  const ids = { text: useId(), from: useId(), to: useId(), min: useId() };

  // A new URL (back/forward, a cleared filter) resets the box.
  useEffect(() => setText(filters.text), [filters.text]);
  useEffect(() => {
    if (text.trim() === filters.text) return;
    const timer = setTimeout(() => onFilters({ ...filters, text: text.trim() }), TEXT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onFilters]);

  const kinds = filters.kinds.length === 0 ? [...ITEM_KINDS] : filters.kinds;
  function toggleKind(kind: (typeof ITEM_KINDS)[number]) {
    const next = kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind];
    // No kind at all would show nothing; treat it as "every kind".
    onFilters({ ...filters, kinds: next.length === ITEM_KINDS.length ? [] : next });
  }

  return (
    <form
      className="filter-bar"
      aria-label="Filters"
      onSubmit={(event) => {
        event.preventDefault();
        onFilters({ ...filters, text: text.trim() });
      }}
    >
      <div className="field field-text">
        <label htmlFor={ids.text}>Search</label>
        <input
          id={ids.text}
          type="search"
          value={text}
          maxLength={500}
          placeholder={'Words, "exact phrase", -exclude'}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <ActorPicker selected={filters.actorIds} onChange={(actorIds) => onFilters({ ...filters, actorIds })} />
      <fieldset className="field kinds">
        <legend>Kinds</legend>
        {ITEM_KINDS.map((kind) => (
          <label key={kind} className="toggle">
            <input
              type="checkbox"
              checked={kinds.includes(kind)}
              disabled={kinds.length === 1 && kinds.includes(kind)}
              onChange={() => toggleKind(kind)}
            />
            <span className={`legend-swatch kind-${kind.toLowerCase()}`} aria-hidden="true" />
            {KIND_LABELS[kind].many}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={ids.from}>From</label>
        <input
          id={ids.from}
          type="date"
          value={filters.from ?? ''}
          max={filters.to ?? undefined}
          onChange={(event) => onFilters({ ...filters, from: parseDay(event.target.value) })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.to}>To</label>
        <input
          id={ids.to}
          type="date"
          value={filters.to ?? ''}
          min={filters.from ?? undefined}
          onChange={(event) => onFilters({ ...filters, to: parseDay(event.target.value) })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.min}>Sources</label>
        <select
          id={ids.min}
          value={filters.minSources ?? 1}
          onChange={(event) => {
            const value = Number(event.target.value);
            onFilters({ ...filters, minSources: value > 1 ? value : null });
          }}
        >
          <option value={1}>Any number</option>
          <option value={2}>2 or more</option>
          <option value={3}>3 or more</option>
          <option value={5}>5 or more</option>
        </select>
      </div>
      <fieldset className="field group-by">
        <legend>Lanes</legend>
        {(['kind', 'actor'] as const).map((value) => (
          <label key={value} className="toggle">
            <input type="radio" name="group" checked={group === value} onChange={() => onGroup(value)} />
            By {value}
          </label>
        ))}
      </fieldset>
      {hasFilters(filters) && (
        <button type="button" className="clear-button" onClick={() => onFilters(emptyFilters)}>
          Clear filters
        </button>
      )}
    </form>
  );
}
