/**
 * The embed generator: the current filters as the three embed snippets (script + div,
 * custom element, iframe), with theme and height, and a live preview of the iframe one.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ExplorerFilters } from '../app/url-state';
import { DEFAULT_HEIGHT, embedSnippets, frameUrl, type Theme, type WidgetOptions } from '../embed/options';

export function EmbedDialog({ open, filters, onClose }: { open: boolean; filters: ExplorerFilters; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [theme, setTheme] = useState<Theme>('auto');
  const [height, setHeight] = useState(DEFAULT_HEIGHT);
  const [copied, setCopied] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    else if (!open && element.open) element.close();
  }, [open]);

  const options: WidgetOptions = {
    actors: filters.actorIds,
    kinds: filters.kinds,
    from: filters.from,
    to: filters.to,
    text: filters.text,
    height,
    theme,
    api: null,
  };
  const origin = window.location.origin;
  const snippets = embedSnippets(origin, options);
  const kinds = [
    { key: 'script', label: 'Script and div', text: snippets.script },
    { key: 'element', label: 'Custom element', text: snippets.element },
    { key: 'iframe', label: 'Iframe (no third-party script)', text: snippets.iframe },
  ];

  async function copy(key: string, text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(key);
    } catch {
      setCopied(null);
    }
  }

  return (
    <dialog ref={dialog} className="embed-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <div className="embed-dialog-head">
        <h2 id={`${id}-title`}>Embed this timeline</h2>
        <button type="button" className="close-button" onClick={onClose} aria-label="Close">
          ×
        </button>
      </div>
      <p className="muted">
        The widget shows the items under the current filters, read-only, and keeps its own style on any page.
      </p>
      <div className="embed-options">
        <div className="field">
          <label htmlFor={`${id}-theme`}>Theme</label>
          <select id={`${id}-theme`} value={theme} onChange={(event) => setTheme(event.target.value as Theme)}>
            <option value="auto">Follow the reader's setting</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-height`}>Height (px)</label>
          <input
            id={`${id}-height`}
            type="number"
            min={160}
            max={2000}
            step={20}
            value={height}
            onChange={(event) => {
              const value = Number(event.target.value);
              if (Number.isFinite(value)) setHeight(Math.min(2000, Math.max(160, value)));
            }}
          />
        </div>
      </div>
      {kinds.map((kind) => (
        <div key={kind.key} className="snippet">
          <label htmlFor={`${id}-${kind.key}`}>{kind.label}</label>
          <textarea id={`${id}-${kind.key}`} readOnly rows={kind.key === 'iframe' ? 11 : 3} value={kind.text} />
          <button type="button" onClick={() => copy(kind.key, kind.text)}>
            {copied === kind.key ? 'Copied' : 'Copy'}
          </button>
        </div>
      ))}
      <h3>Preview</h3>
      {open && (
        <iframe
          className="embed-preview"
          title="Preview of the embedded timeline"
          src={frameUrl(origin, options)}
          style={{ height: `${height + 2}px` }}
        />
      )}
    </dialog>
  );
}
