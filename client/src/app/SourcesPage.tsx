/**
 * The sources behind the timeline, newest last as ingested, with their warnings and copies;
 * and a form that ingests a pasted article with an editor's key.
 */
import { useState } from 'react';
import { useQuery } from 'urql';
import { IngestForm } from '../components/IngestForm';
import { Empty, ErrorState, Loading } from '../components/states';
import { errorMessage } from '../graphql/client';
import { type SourceSummaryFragment, SourcesDocument } from '../graphql/generated/graphql';

const PAGE_SIZE = 50;

export function SourcesPage({ onOpenSettings }: { onOpenSettings(): void }) {
  const [pages, setPages] = useState<Array<string | null>>([null]);
  const [refresh, setRefresh] = useState(0);

  return (
    <div className="sources-page">
      <section aria-labelledby="ingest-heading" className="ingest-section">
        <h2 id="ingest-heading">Add an article</h2>
        <IngestForm
          onOpenSettings={onOpenSettings}
          onIngested={() => {
            setPages([null]);
            setRefresh((n) => n + 1);
          }}
        />
      </section>
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        <ol className="source-list">
          {pages.map((after, index) => (
            <SourcePage
              key={`${refresh}-${after ?? 'first'}`}
              after={after}
              refresh={refresh}
              isLast={index === pages.length - 1}
              onMore={(cursor) => setPages((current) => [...current, cursor])}
            />
          ))}
        </ol>
      </section>
    </div>
  );
}

function SourcePage({
  after,
  refresh,
  isLast,
  onMore,
}: {
  after: string | null;
  refresh: number;
  isLast: boolean;
  onMore(cursor: string): void;
}) {
  const [result, reexecute] = useQuery({
    query: SourcesDocument,
    variables: { first: PAGE_SIZE, after },
    requestPolicy: refresh > 0 ? 'cache-and-network' : 'cache-first',
  });
  if (result.error) {
    return (
      <li>
        <ErrorState message={errorMessage(result.error)} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </li>
    );
  }
  if (!result.data) {
    return (
      <li>
        <Loading label="Loading sources…" />
      </li>
    );
  }
  const { nodes, pageInfo, totalCount } = result.data.sources;
  if (after === null && totalCount === 0) {
    return (
      <li>
        <Empty>
          <p>No sources yet: paste an article above.</p>
        </Empty>
      </li>
    );
  }
  return (
    <>
      {nodes.map((source) => (
        <SourceRow key={source.id} source={source} />
      ))}
      {isLast && pageInfo.hasNextPage && pageInfo.endCursor && (
        <li className="more">
          <button type="button" onClick={() => pageInfo.endCursor && onMore(pageInfo.endCursor)}>
            Show more sources ({totalCount} in all)
          </button>
        </li>
      )}
    </>
  );
}

function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function SourceRow({ source }: { source: SourceSummaryFragment }) {
  const href = safeUrl(source.url);
  return (
    <li className="source-row" id={`source-${source.id}`}>
      <p className="source-title">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer nofollow">
            {source.title ?? 'Untitled'}
          </a>
        ) : (
          <strong>{source.title ?? 'Untitled'}</strong>
        )}
      </p>
      <p className="muted">
        {source.publisher ?? 'Unknown publisher'}
        {source.publishedAt ? ` · ${source.publishedAt.label}` : ' · undated'} · {source.citations.length} passage
        {source.citations.length === 1 ? '' : 's'} cited
      </p>
      {source.duplicateOf && (
        <p className="source-warning">
          Copy of <a href={`#source-${source.duplicateOf.id}`}>{source.duplicateOf.title ?? 'another source'}</a>
          {source.duplicateOf.publisher ? ` (${source.duplicateOf.publisher})` : ''}: its items count it once.
        </p>
      )}
      {source.warnings.map((warning) => (
        <p key={warning.code + warning.message} className="source-warning">
          <span className="badge badge-warning">{warning.code.replace(/_/g, ' ').toLowerCase()}</span> {warning.message}
        </p>
      ))}
    </li>
  );
}
