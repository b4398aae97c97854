/**
 * The explorer's data components in each of their states (loading, error, missing, ready),
 * and the list view's keyboard contract, rendered in happy-dom.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DetailPanelView, type ItemDetails } from '../../../client/src/components/DetailPanel';
import { ItemList } from '../../../client/src/components/ItemList';
import type { TimelineEntry } from '../../../client/src/timeline/timeline-items';

afterEach(cleanup);

function source(id: string, overrides: Partial<ItemDetails['citations'][number]['source']> = {}) {
  return {
    __typename: 'Source' as const,
    id,
    title: `Article ${id}`,
    publisher: `Publisher ${id}`,
    url: `https://news.example/${id}`,
    publishedAt: { __typename: 'FuzzyDate' as const, label: '16 Feb 2017' },
    duplicateOf: null,
    warnings: [],
    ...overrides,
  };
}

function statement(): ItemDetails {
  const citations = [
    { id: 'c1', excerpt: '“We are not in a position right now,” Mattis said.', source: source('s1') },
    {
      id: 'c2',
      excerpt: 'Mattis: we are not in a position right now to collaborate.',
      source: source('s2', {
        url: 'javascript:alert(1)',
        warnings: [{ __typename: 'SourceWarning', code: 'DATE_CONFLICT', message: 'Says 15 Feb; others say 16 Feb.' }],
      }),
    },
    { id: 'c3', excerpt: 'A second passage from the same article.', source: source('s1') },
  ].map((citation) => ({ __typename: 'Citation' as const, ...citation }));
  return {
    __typename: 'Statement',
    id: 'st1',
    kind: 'STATEMENT',
    title: 'James Mattis: “We are not in a position right now”',
    summary: null,
    status: 'OCCURRED',
    sourceCount: 2,
    date: {
      __typename: 'FuzzyDate',
      start: '2017-02-16T00:00:00.000Z',
      end: '2017-02-17T00:00:00.000Z',
      precision: 'DAY',
      basis: 'EXPLICIT',
      label: '16 Feb 2017',
      display: '16 Feb 2017',
    },
    place: null,
    participants: [
      {
        __typename: 'Participation',
        role: 'SPEAKER',
        actor: {
          __typename: 'Actor',
          id: 'mattis',
          name: 'James Mattis',
          kind: 'PERSON',
          description: 'Defense Secretary',
        },
      },
    ],
    citations,
    quote: 'We are not in a position right now to collaborate on a military level.',
    speaker: { __typename: 'Actor', id: 'mattis', name: 'James Mattis', affiliation: null },
    variants: [
      {
        __typename: 'QuoteVariant',
        text: 'We are not in a position right now',
        citation: { __typename: 'Citation', id: 'c1' },
      },
      {
        __typename: 'QuoteVariant',
        text: 'we are not in a position right now to collaborate',
        citation: { __typename: 'Citation', id: 'c2' },
      },
    ],
  } as ItemDetails;
}

describe('DetailPanelView', () => {
  const handlers = () => ({ onClose: vi.fn(), onActor: vi.fn() });

  it('says it is loading', () => {
    render(<DetailPanelView state={{ status: 'loading' }} {...handlers()} />);
    expect(screen.getByRole('status').textContent).toMatch(/Loading/);
  });

  it('shows an error with a way to try again', () => {
    const retry = vi.fn();
    render(
      <DetailPanelView
        state={{ status: 'error', message: 'The server could not be reached.', retry }}
        {...handlers()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('could not be reached');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('says so when the item is gone', () => {
    render(<DetailPanelView state={{ status: 'missing' }} {...handlers()} />);
    expect(screen.getByRole('alert').textContent).toMatch(/no longer exists/);
  });

  it('shows the quote, one card per source with each passage highlighted, and warnings', () => {
    const { onClose, onActor } = handlers();
    render(<DetailPanelView state={{ status: 'ready', item: statement() }} onClose={onClose} onActor={onActor} />);
    const panel = screen.getByRole('complementary', { name: 'Item details' });
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toContain('Mattis');
    const cards = panel.querySelectorAll('.citations > li');
    expect(cards).toHaveLength(2);
    expect(cards[0]?.querySelectorAll('.excerpt')).toHaveLength(2);
    expect(cards[0]?.querySelector('mark')?.textContent).toBe('We are not in a position right now');
    expect(cards[1]?.querySelector('mark')?.textContent).toBe('we are not in a position right now to collaborate');
    // Only http(s) URLs become links.
    expect(
      within(cards[0] as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe('https://news.example/s1');
    expect(within(cards[1] as HTMLElement).queryByRole('link')).toBeNull();
    expect(cards[1]?.textContent).toContain('Says 15 Feb; others say 16 Feb.');

    fireEvent.click(within(panel).getByRole('button', { name: 'James Mattis' }));
    expect(onActor).toHaveBeenCalledWith('mattis');
    fireEvent.click(within(panel).getByRole('button', { name: 'Close details' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('says whom a spokesperson speaks for beside their name', () => {
    const item = statement();
    if (item.__typename === 'Statement')
      item.speaker = {
        __typename: 'Actor',
        id: 'seifert',
        name: 'Kevin Seifert',
        affiliation: { __typename: 'Actor', id: 'ryan', name: 'Paul Ryan' },
      };
    render(<DetailPanelView state={{ status: 'ready', item }} {...handlers()} />);
    const quote = screen.getByRole('complementary', { name: 'Item details' }).querySelector('.detail-quote footer');
    expect(quote?.textContent).toBe('— Kevin Seifert, for Paul Ryan');
  });

  it('renders hostile text as text', () => {
    const item = statement();
    item.title = '<img src=x onerror="window.__pwned = true">';
    render(<DetailPanelView state={{ status: 'ready', item }} {...handlers()} />);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(item.title);
  });

  const dateFact = () =>
    screen.getByRole('complementary', { name: 'Item details' }).querySelector('.detail-facts dd')?.textContent;

  it('shows a date known from the text as an exact day', () => {
    render(<DetailPanelView state={{ status: 'ready', item: statement() }} {...handlers()} />);
    expect(dateFact()).toBe('16 Feb 2017 (exact day)');
  });

  it('shows a date that is only the publication day as "reported on", never as an exact day', () => {
    const item = statement();
    if (item.date) Object.assign(item.date, { basis: 'PUBLICATION', display: 'reported on 16 Feb 2017' });
    render(<DetailPanelView state={{ status: 'ready', item }} {...handlers()} />);
    expect(dateFact()).toBe('reported on 16 Feb 2017 (no date in the text: when the source was published)');
    expect(dateFact()).not.toContain('exact day');
  });

  it.each([
    ['POSTPONED', 'Postponed'],
    ['CANCELLED', 'Cancelled'],
    ['SCHEDULED', 'Scheduled'],
  ] as const)('badges a %s item', (status, badge) => {
    const item = statement();
    item.status = status;
    render(<DetailPanelView state={{ status: 'ready', item }} {...handlers()} />);
    expect(document.querySelector(`.detail-kind .badge-${status.toLowerCase()}`)?.textContent).toBe(badge);
  });

  it('badges nothing for an item that occurred', () => {
    render(<DetailPanelView state={{ status: 'ready', item: statement() }} {...handlers()} />);
    expect(document.querySelector('.detail-kind .badge')).toBeNull();
  });
});

describe('ItemList', () => {
  const entries: TimelineEntry[] = ['a', 'b', 'c'].map((id, index) => ({
    id,
    kind: 'MEETING',
    title: `Meeting ${id}`,
    status: index === 2 ? 'SCHEDULED' : index === 1 ? 'CANCELLED' : 'OCCURRED',
    sourceCount: index + 1,
    date: {
      start: '2017-02-16T00:00:00.000Z',
      end: '2017-02-17T00:00:00.000Z',
      precision: 'DAY',
      basis: index === 0 ? 'PUBLICATION' : 'EXPLICIT',
      label: '16 Feb 2017',
      display: index === 0 ? 'reported on 16 Feb 2017' : '16 Feb 2017',
    },
    participants: [{ role: 'PARTICIPANT', actor: { id: 'x', name: 'Joseph Dunford' } }],
  }));

  it('moves the selection with the arrow keys and opens it with Enter', () => {
    const onSelect = vi.fn();
    const onOpen = vi.fn();
    const { rerender } = render(<ItemList entries={entries} selectedId={null} onSelect={onSelect} onOpen={onOpen} />);
    const list = screen.getByRole('listbox');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(onSelect).toHaveBeenLastCalledWith('a');

    rerender(<ItemList entries={entries} selectedId="a" onSelect={onSelect} onOpen={onOpen} />);
    expect(list.getAttribute('aria-activedescendant')).toBe('list-item-a');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(onSelect).toHaveBeenLastCalledWith('b');
    fireEvent.keyDown(list, { key: 'End' });
    expect(onSelect).toHaveBeenLastCalledWith('c');
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(onSelect).toHaveBeenLastCalledWith('a');
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith('a');
  });

  it('says what each item is, in words', () => {
    render(<ItemList entries={entries} selectedId="b" onSelect={vi.fn()} onOpen={vi.fn()} />);
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(3);
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    expect(options[2]?.textContent).toContain('Meeting, scheduled');
    expect(options[1]?.textContent).toContain('Meeting, cancelled');
    expect(options[0]?.textContent).not.toMatch(/Meeting,/);
    // The server's display phrase, not the calendar label.
    expect(options[0]?.querySelector('.item-date')?.textContent).toBe('reported on 16 Feb 2017');
    expect(options[1]?.querySelector('.item-date')?.textContent).toBe('16 Feb 2017');
    expect(options[2]?.textContent).toContain('3 sources');
    expect(options[0]?.textContent).toContain('1 source');
  });
});
