import { type ExplorerFilters, exportHref } from '../app/url-state';

/** Downloads of the items under the current filters, in formats other tools read. */
export function ExportMenu({ filters }: { filters: ExplorerFilters }) {
  return (
    <details className="export-menu">
      <summary>Export</summary>
      <ul>
        <li>
          <a href={exportHref('csv', filters)} download>
            CSV (spreadsheets)
          </a>
        </li>
        <li>
          <a href={exportHref('json', filters)} download>
            JSON (with every citation)
          </a>
        </li>
        <li>
          <a href={exportHref('timelinejs', filters)} download>
            TimelineJS
          </a>
        </li>
      </ul>
    </details>
  );
}
