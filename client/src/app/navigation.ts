/**
 * A router of two routes does not need a library: the path picks the page, the query string
 * holds the state, and history entries are made only for what a reader would want Back to
 * undo (filters, opening an item), not for every pan.
 */
import { useSyncExternalStore } from 'react';

const NAVIGATE_EVENT = 'parley:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export function useLocation(): { pathname: string; search: string } {
  const href = useSyncExternalStore(subscribe, () => window.location.href);
  const url = new URL(href);
  return { pathname: url.pathname, search: url.search };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const next = new URL(to, window.location.href);
  if (next.href === window.location.href) return;
  if (options.replace) window.history.replaceState(null, '', next);
  else window.history.pushState(null, '', next);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
