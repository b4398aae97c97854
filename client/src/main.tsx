import 'vis-timeline/styles/vis-timeline-graph2d.css';
import './timeline/timeline.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { App } from './app/App';
import { readApiKey } from './app/settings';
import { createParleyClient } from './graphql/client';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from the page');
const client = createParleyClient({ apiKey: readApiKey });

createRoot(root).render(
  <StrictMode>
    <Provider value={client}>
      <App />
    </Provider>
  </StrictMode>,
);
