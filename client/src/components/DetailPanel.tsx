/**
 * Everything behind one item: what it is, when, who, where, and every source passage that
 * supports it, with the supported words highlighted. This is the part of Parley no other
 * timeline tool has, so it errs on the side of showing the evidence in full.
 */
import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { errorMessage } from '../graphql/client';
import { ItemDetailDocument, type ItemDetailQuery } from '../graphql/generated/graphql';
import { KIND_LABELS, STATUS_LABELS } from '../timeline/timeline-items';
import { highlight } from './highlight';
import { ErrorState, Loading } from './states';

type AnyNode = NonNullable<ItemDetailQuery['node']>;
export type ItemDetails = Extract<AnyNode, { kind: unknown }>;
type StatementDetails = Extract<AnyNode, { quote: string }>;
type CitationDetails = ItemDetails['citations'][number];

export interface DetailPanelViewProps {
  state:
    | { status: 'loading' }
    | { status: 'error'; message: string; retry?: () => void }
    | { status: 'missing' }
    | { status: 'ready'; item: ItemDetails };
  onClose(): void;
  onActor(actorId: string): void;
}

const roleLabels: Record<string, string> = { SPEAKER: 'speaker', PARTICIPANT: 'took part', MENTIONED: 'mentioned' };

/** The data side: one query per opened item (cached, so reopening is free). */
export function DetailPanel(props: { itemId: string; onClose(): void; onActor(actorId: string): void }) {
  const [result, reexecute] = useQuery({ query: ItemDetailDocument, variables: { id: props.itemId } });
  const node = result.data?.node;
  const state: DetailPanelViewProps['state'] = result.error
    ? {
        status: 'error',
        message: errorMessage(result.error),
        retry: () => reexecute({ requestPolicy: 'network-only' }),
      }
    : result.fetching || !result.data
      ? { status: 'loading' }
      : node && 'kind' in node
        ? { status: 'ready', item: node }
        : { status: 'missing' };
  return <DetailPanelView state={state} onClose={props.onClose} onActor={props.onActor} />;
}

export function DetailPanelView({ state, onClose, onActor }: DetailPanelViewProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const itemId = state.status === 'ready' ? state.item.id : null;
  // Move focus into the panel when an item opens, so keyboard and screen reader users land on it.
  useEffect(() => {
    if (itemId) heading.current?.focus();
  }, [itemId]);

  return (
    <aside className="detail-panel" aria-label="Item details">
      <div className="detail-bar">
        <button type="button" className="close-button" onClick={onClose} aria-label="Close details">
          ×
        </button>
      </div>
      {state.status === 'loading' && <Loading label="Loading the item…" />}
      {state.status === 'error' && <ErrorState message={state.message} onRetry={state.retry} />}
      {state.status === 'missing' && (
        <ErrorState message="This item no longer exists: it may have been merged or deleted." />
      )}
      {state.status === 'ready' && <ItemBody item={state.item} heading={heading} onActor={onActor} />}
    </aside>
  );
}

function ItemBody({
  item,
  heading,
  onActor,
}: {
  item: ItemDetails;
  heading: React.RefObject<HTMLHeadingElement | null>;
  onActor(actorId: string): void;
}) {
  const statement = 'quote' in item ? (item as StatementDetails) : null;
  const wordingFor = new Map(statement?.variants.map((variant) => [variant.citation.id, variant.text]) ?? []);
  const names = item.participants.map((participant) => participant.actor.name);
  const publishers = new Set(item.citations.map((citation) => citation.source.publisher ?? citation.source.id));
  const bySource = groupBySource(item.citations);

  return (
    <article className={`detail kind-${item.kind.toLowerCase()}`}>
      <p className="detail-kind">
        <span className={`legend-swatch kind-${item.kind.toLowerCase()}`} aria-hidden="true" />
        {KIND_LABELS[item.kind].one}
        {STATUS_LABELS[item.status] && (
          <span className={`badge badge-${item.status.toLowerCase()}`}>{STATUS_LABELS[item.status]}</span>
        )}
      </p>
      <h2 ref={heading} tabIndex={-1}>
        {item.title}
      </h2>
      <dl className="detail-facts">
        <dt>Date</dt>
        <dd>
          {item.date ? (
            <>
              {item.date.display} <span className="muted">({dateNote(item.date)})</span>
            </>
          ) : (
            'Undated'
          )}
        </dd>
        {item.place && (
          <>
            <dt>Place</dt>
            <dd>
              {item.place.name}
              {item.place.country && item.place.country !== item.place.name ? `, ${item.place.country}` : ''}
            </dd>
          </>
        )}
        <dt>Corroboration</dt>
        <dd>
          {item.sourceCount} source{item.sourceCount === 1 ? '' : 's'}
          {publishers.size > 1 ? ` from ${publishers.size} publishers` : ''}
        </dd>
      </dl>
      {item.summary && <p className="detail-summary">{item.summary}</p>}
      {statement && (
        <blockquote className="detail-quote">
          <p>{statement.quote}</p>
          <footer>
            — {statement.speaker.name}
            {statement.speaker.affiliation && (
              <span className="detail-affiliation">, for {statement.speaker.affiliation.name}</span>
            )}
          </footer>
        </blockquote>
      )}
      {item.participants.length > 0 && (
        <section aria-labelledby="participants-heading">
          <h3 id="participants-heading">People and parties</h3>
          <ul className="participants">
            {item.participants.map((participant) => (
              <li key={`${participant.actor.id}-${participant.role}`}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onActor(participant.actor.id)}
                  title={`Show ${participant.actor.name}'s timeline`}
                >
                  {participant.actor.name}
                </button>{' '}
                <span className="muted">{roleLabels[participant.role] ?? participant.role.toLowerCase()}</span>
                {participant.actor.description && <span className="muted">, {participant.actor.description}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="citations-heading">
        <h3 id="citations-heading">
          Sources <span className="count">{bySource.length}</span>
        </h3>
        <ol className="citations">
          {bySource.map(({ source, citations }) => (
            <SourceCard
              key={source.id}
              source={source}
              passages={citations.map((citation) => {
                const wording = statement ? (wordingFor.get(citation.id) ?? null) : null;
                return {
                  id: citation.id,
                  excerpt: citation.excerpt,
                  needles: statement ? [wording ?? statement.quote] : names,
                  wording,
                };
              })}
            />
          ))}
        </ol>
      </section>
    </article>
  );
}

/** What the reader should know about how good the date is. */
function dateNote(date: NonNullable<ItemDetails['date']>): string {
  // The publication date says when a source reported the item, not when it happened.
  if (date.basis === 'PUBLICATION') return 'no date in the text: when the source was published';
  return date.precision === 'DAY' ? 'exact day' : `known to the ${date.precision.toLowerCase()}`;
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

interface Passage {
  id: string;
  excerpt: string;
  needles: readonly string[];
  wording: string | null;
}

/** Citations grouped by their source, in the order the sources first appear. */
export function groupBySource(
  citations: readonly CitationDetails[],
): Array<{ source: CitationDetails['source']; citations: CitationDetails[] }> {
  const groups = new Map<string, { source: CitationDetails['source']; citations: CitationDetails[] }>();
  for (const citation of citations) {
    const group = groups.get(citation.source.id);
    if (group) group.citations.push(citation);
    else groups.set(citation.source.id, { source: citation.source, citations: [citation] });
  }
  return [...groups.values()];
}

function SourceCard({ source, passages }: { source: CitationDetails['source']; passages: readonly Passage[] }) {
  const href = safeUrl(source.url);
  const title = source.title ?? 'Untitled (the text gives no headline)';
  return (
    <li className="citation">
      <p className="citation-source">
        <strong>{source.publisher ?? 'Publisher unknown'}</strong>
        {source.publishedAt ? (
          <span className="muted"> · {source.publishedAt.label}</span>
        ) : (
          <span className="muted"> · undated</span>
        )}
        <br />
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer nofollow">
            {title}
          </a>
        ) : (
          <span>{title}</span>
        )}
      </p>
      {passages.map((passage) => (
        <div key={passage.id} className="passage">
          <blockquote className="excerpt">
            {highlight(passage.excerpt, passage.needles).map((segment, index) =>
              segment.highlighted ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity beyond their order
                <mark key={index}>{segment.text}</mark>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: as above
                <span key={index}>{segment.text}</span>
              ),
            )}
          </blockquote>
          {passage.wording && <p className="muted wording">This source's wording: “{passage.wording}”</p>}
        </div>
      ))}
      {source.duplicateOf && (
        <p className="source-warning">
          A copy of {source.duplicateOf.publisher ?? 'another source'}: “{source.duplicateOf.title ?? 'untitled'}”;
          counted once.
        </p>
      )}
      {source.warnings
        .filter((warning) => warning.code !== 'NEAR_DUPLICATE' || !source.duplicateOf)
        .map((warning) => (
          <p key={warning.code + warning.message} className="source-warning">
            <span className="badge badge-warning">{warning.code.replace(/_/g, ' ').toLowerCase()}</span>{' '}
            {warning.message}
          </p>
        ))}
    </li>
  );
}
