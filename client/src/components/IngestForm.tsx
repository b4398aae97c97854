/**
 * Paste an article, ingest it with the editor key from settings, and see what it created
 * and which existing items it corroborated. Nothing typed is lost on an error.
 */
import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { readApiKey } from '../app/settings';
import { errorMessage } from '../graphql/client';
import { type ArticleFormat, IngestArticleDocument, type IngestArticleMutation } from '../graphql/generated/graphql';
import { KIND_LABELS } from '../timeline/timeline-items';
import { ErrorState } from './states';

const MAX_TEXT = 2_000_000;

export function IngestForm({ onOpenSettings, onIngested }: { onOpenSettings(): void; onIngested(): void }) {
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [publisher, setPublisher] = useState('');
  const [published, setPublished] = useState('');
  const [format, setFormat] = useState<ArticleFormat | ''>('');
  const [outcome, setOutcome] = useState<IngestArticleMutation['ingestArticle'] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, ingest] = useMutation(IngestArticleDocument);
  const id = useId();
  const hasKey = Boolean(readApiKey());

  async function submit() {
    setProblem(null);
    setOutcome(null);
    if (!text.trim()) {
      setProblem('Paste the article text first.');
      return;
    }
    const result = await ingest({
      input: {
        text,
        ...(format ? { format } : {}),
        ...(url.trim() ? { url: url.trim() } : {}),
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(publisher.trim() ? { publisher: publisher.trim() } : {}),
        ...(published ? { publishedAt: published } : {}),
      },
    });
    if (result.error) {
      setProblem(errorMessage(result.error));
      return;
    }
    if (result.data) {
      setOutcome(result.data.ingestArticle);
      onIngested();
    }
  }

  return (
    <div className="ingest">
      {!hasKey && (
        <p className="notice">
          Adding articles needs an editor's API key.{' '}
          <button type="button" className="link-button" onClick={onOpenSettings}>
            Enter it in settings
          </button>
          .
        </p>
      )}
      <form
        className="ingest-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label htmlFor={`${id}-text`}>Article text (plain text, Markdown or HTML)</label>
        <textarea
          id={`${id}-text`}
          rows={10}
          required
          maxLength={MAX_TEXT}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <div className="ingest-meta">
          <div className="field">
            <label htmlFor={`${id}-url`}>URL</label>
            <input id={`${id}-url`} type="url" value={url} onChange={(event) => setUrl(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-title`}>Title</label>
            <input
              id={`${id}-title`}
              value={title}
              maxLength={500}
              onChange={(event) => setTitle(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-publisher`}>Publisher</label>
            <input
              id={`${id}-publisher`}
              value={publisher}
              maxLength={200}
              onChange={(event) => setPublisher(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-published`}>Published</label>
            <input
              id={`${id}-published`}
              type="date"
              value={published}
              onChange={(event) => setPublished(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-format`}>Format</label>
            <select
              id={`${id}-format`}
              value={format}
              onChange={(event) => setFormat(event.target.value as ArticleFormat | '')}
            >
              <option value="">Detect</option>
              <option value="TEXT">Plain text</option>
              <option value="MARKDOWN">Markdown</option>
              <option value="HTML">HTML</option>
            </select>
          </div>
        </div>
        <button type="submit" className="primary" disabled={fetching}>
          {fetching ? 'Ingesting…' : 'Ingest article'}
        </button>
      </form>
      {problem && <ErrorState message={problem} />}
      {outcome && <IngestOutcome outcome={outcome} />}
    </div>
  );
}

function IngestOutcome({ outcome }: { outcome: IngestArticleMutation['ingestArticle'] }) {
  return (
    <section className="ingest-outcome" aria-live="polite" aria-label="What the article added">
      <p>
        <strong>{outcome.source.title ?? 'The article'}</strong> was ingested: {outcome.created.length} new item
        {outcome.created.length === 1 ? '' : 's'}, {outcome.corroborated.length} existing item
        {outcome.corroborated.length === 1 ? '' : 's'} corroborated.
      </p>
      {outcome.warnings.map((warning) => (
        <p key={warning.code + warning.message} className="source-warning">
          <span className="badge badge-warning">{warning.code.replace(/_/g, ' ').toLowerCase()}</span> {warning.message}
        </p>
      ))}
      {[
        { label: 'Created', items: outcome.created },
        { label: 'Corroborated', items: outcome.corroborated },
      ].map(
        (group) =>
          group.items.length > 0 && (
            <div key={group.label}>
              <h3>{group.label}</h3>
              <ul>
                {group.items.map((item) => (
                  <li key={item.id}>
                    <a href={`/?item=${encodeURIComponent(item.id)}`}>{item.title}</a>{' '}
                    <span className="muted">
                      {KIND_LABELS[item.kind].one} · {item.date?.display ?? 'undated'}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ),
      )}
    </section>
  );
}
