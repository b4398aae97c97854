/**
 * GraphiQL, bundled so /graphql works with no network (Apollo's default landing page loads
 * Sandbox from a CDN). GraphiQL 4 is used rather than 5: no Monaco or workers, a third of
 * the size.
 */
import 'graphiql/style.css';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultTabs, placeholderAuthorization } from './operations';

const endpoint = new URL('/graphql', window.location.href).toString();

const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  for (const [name, value] of Object.entries(options?.headers ?? {})) {
    // The prefilled hint is not a key: sending it would only earn "unknown key".
    if (name.toLowerCase() === 'authorization' && value === placeholderAuthorization) continue;
    headers[name] = String(value);
  }
  const response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify(params) });
  return response.json();
};

const root = document.getElementById('playground');
if (!root) throw new Error('#playground is missing from the page');
createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={defaultTabs}
      defaultHeaders={defaultTabs[0]?.headers}
      defaultEditorToolsVisibility="headers"
      shouldPersistHeaders={false}
    />
  </StrictMode>,
);
