import { type MouseEvent, useState } from 'react';
import { SettingsDialog } from '../components/SettingsDialog';
import { ExplorerPage } from './ExplorerPage';
import { navigate, useLocation } from './navigation';
import { SourcesPage } from './SourcesPage';

const appPaths = new Set(['/', '/sources']);

/** Same-origin links to the app's own pages navigate in place instead of reloading. */
function followInApp(event: MouseEvent<HTMLDivElement>) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const anchor = (event.target as Element).closest?.('a');
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin || !appPaths.has(url.pathname)) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

export function App() {
  const { pathname } = useLocation();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const page = pathname === '/sources' ? 'sources' : 'timeline';

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: delegates clicks on links, which are interactive themselves
    // biome-ignore lint/a11y/useKeyWithClickEvents: links already answer Enter with a click
    <div className="app" onClick={followInApp}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <a className="brand" href="/">
          Parley
        </a>
        <nav aria-label="Main">
          <a href="/" aria-current={page === 'timeline' ? 'page' : undefined}>
            Timeline
          </a>
          <a href="/sources" aria-current={page === 'sources' ? 'page' : undefined}>
            Sources
          </a>
          <a href="/graphql">API</a>
          <button type="button" className="link-button" onClick={() => setSettingsOpen(true)}>
            Settings
          </button>
        </nav>
      </header>
      <main id="main">
        {page === 'sources' ? <SourcesPage onOpenSettings={() => setSettingsOpen(true)} /> : <ExplorerPage />}
      </main>
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </div>
  );
}
