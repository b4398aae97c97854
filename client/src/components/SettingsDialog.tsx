import { useEffect, useId, useRef, useState } from 'react';
import { readApiKey, writeApiKey } from '../app/settings';

/** Where an editor enters the API key that writes (ingesting articles) need. */
export function SettingsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [key, setKey] = useState('');
  const id = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setKey(readApiKey() ?? '');
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  return (
    <dialog ref={dialog} className="settings-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={() => {
          writeApiKey(key.trim() || null);
        }}
      >
        <h2 id={`${id}-title`}>Settings</h2>
        <label htmlFor={`${id}-key`}>API key (editors only)</label>
        <input
          id={`${id}-key`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          value={key}
          onChange={(event) => setKey(event.target.value)}
        />
        <p className="muted">
          Reading needs no key. An EDITOR key (from <code>parley keys create --role editor</code>) lets you add
          articles. It stays in this browser.
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}
