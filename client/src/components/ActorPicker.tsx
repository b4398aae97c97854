/**
 * Actor filter: chosen actors as removable chips, and a combobox that searches
 * `actors(search)` as you type (debounced; stale answers are dropped by urql's keying).
 */
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useQuery } from 'urql';
import { ActorCardDocument, ActorSearchDocument } from '../graphql/generated/graphql';

const DEBOUNCE_MS = 200;

export function ActorPicker({
  selected,
  onChange,
}: {
  selected: readonly string[];
  onChange(actorIds: string[]): void;
}) {
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputId = useId();

  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const [result] = useQuery({
    query: ActorSearchDocument,
    variables: { search },
    pause: search.length < 2,
  });
  const options = (result.data?.actors.nodes ?? []).filter((actor) => !selected.includes(actor.id));
  const expanded = open && search.length >= 2 && text.trim().length >= 2;

  function choose(actorId: string) {
    onChange([...selected, actorId]);
    setText('');
    setSearch('');
    setOpen(false);
    setActive(0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      setOpen(true);
      setActive((index) => Math.min(index + 1, Math.max(options.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter') {
      const option = options[active];
      if (expanded && option) choose(option.id);
    } else if (event.key === 'Escape') {
      // A closed list lets Escape through (it closes the details panel).
      if (!expanded) return;
      setOpen(false);
    } else {
      return;
    }
    event.preventDefault();
  }

  return (
    <div className="actor-picker">
      <label htmlFor={inputId}>Actors</label>
      {selected.length > 0 && (
        <ul className="chips" aria-label="Chosen actors">
          {selected.map((actorId) => (
            <ActorChip
              key={actorId}
              actorId={actorId}
              onRemove={() => onChange(selected.filter((id) => id !== actorId))}
            />
          ))}
        </ul>
      )}
      <div className="combobox">
        <input
          id={inputId}
          type="search"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && options[active] ? `${listId}-${active}` : undefined}
          placeholder="Add a person, organization or country"
          autoComplete="off"
          maxLength={200}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        <div id={listId} role="listbox" className="combobox-options" hidden={!expanded} aria-label="Matching actors">
          {expanded && result.fetching && options.length === 0 && <p className="muted">Searching…</p>}
          {expanded && !result.fetching && options.length === 0 && <p className="muted">No actor by that name</p>}
          {expanded &&
            options.map((actor, index) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys
              <div
                key={actor.id}
                id={`${listId}-${index}`}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                className={index === active ? 'active' : undefined}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(actor.id)}
              >
                {actor.name}
                <span className="muted"> · {actor.description ?? actor.kind.toLowerCase()}</span>
              </div>
            ))}
        </div>
      </div>
    </div>
  );
}

function ActorChip({ actorId, onRemove }: { actorId: string; onRemove(): void }) {
  const [result] = useQuery({ query: ActorCardDocument, variables: { id: actorId } });
  const node = result.data?.node;
  const name = node && 'name' in node ? node.name : result.fetching ? '…' : 'Unknown actor';
  return (
    <li className="chip">
      <span>{name}</span>
      <button type="button" onClick={onRemove} aria-label={`Remove ${name} from the filter`}>
        ×
      </button>
    </li>
  );
}
