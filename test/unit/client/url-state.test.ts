import { describe, expect, it } from 'vitest';
import {
  type ExplorerState,
  emptyFilters,
  exportHref,
  parseDay,
  parseExplorerState,
  serializeExplorerState,
  toTimelineFilter,
} from '../../../client/src/app/url-state';

const DAY = 86_400_000;

describe('explorer URL state', () => {
  it('round-trips every field', () => {
    const state: ExplorerState = {
      filters: {
        from: '2017-01-01',
        to: '2018-06-30',
        kinds: ['STATEMENT', 'MEETING'],
        actorIds: ['QWN0b3I6YQ', 'QWN0b3I6Yg'],
        text: 'nato "common ground" -putin',
        minSources: 2,
      },
      group: 'actor',
      itemId: 'U3RhdGVtZW50OjE',
      window: { start: Date.UTC(2017, 1, 1), end: Date.UTC(2017, 2, 1) },
    };
    const search = serializeExplorerState(state);
    expect(search).toContain('kind=statement%2Cmeeting');
    expect(parseExplorerState(search)).toEqual(state);
  });

  it('gives the empty state for an empty query string, and an empty query string for it', () => {
    const state = parseExplorerState('');
    expect(state).toEqual({ filters: emptyFilters, group: 'kind', itemId: null, window: null });
    expect(serializeExplorerState(state)).toBe('');
  });

  it('drops what it cannot read instead of failing on a hostile or mangled link', () => {
    const hostile = new URLSearchParams({
      kind: 'bogus,STATEMENT,<script>',
      actor: `<img src=x onerror=alert(1)>,QWN0b3I6YQ,${'x'.repeat(200)}`,
      minSources: '-3',
      from: '2017-02-30',
      to: '2017-13-01',
      q: `  ${'a'.repeat(600)}  `,
      item: '../../etc/passwd',
      start: 'yesterday',
      end: '2018-01-01',
      group: 'everything',
    });
    const state = parseExplorerState(`?${hostile}`);
    expect(state.filters.kinds).toEqual(['STATEMENT']);
    expect(state.filters.actorIds).toEqual(['QWN0b3I6YQ']);
    expect(state.filters.minSources).toBeNull();
    expect(state.filters.from).toBeNull();
    expect(state.filters.to).toBeNull();
    expect(state.filters.text).toHaveLength(500);
    expect(state.itemId).toBeNull();
    expect(state.window).toBeNull();
    expect(state.group).toBe('kind');
  });

  it('rejects absurd minimum source counts and swaps a reversed date range', () => {
    expect(parseExplorerState('?minSources=1e9').filters.minSources).toBeNull();
    expect(parseExplorerState('?minSources=2.5').filters.minSources).toBeNull();
    const swapped = parseExplorerState('?from=2018-01-01&to=2017-01-01').filters;
    expect([swapped.from, swapped.to]).toEqual(['2017-01-01', '2018-01-01']);
  });

  it('keeps a window of at least one day', () => {
    const state = parseExplorerState('?start=2017-02-16&end=2017-02-16');
    expect(state.window).toEqual({ start: Date.UTC(2017, 1, 16), end: Date.UTC(2017, 1, 16) + DAY });
  });

  it('reads only real calendar days', () => {
    expect(parseDay('2016-02-29')).toBe('2016-02-29');
    expect(parseDay('2017-02-29')).toBeNull();
    expect(parseDay('2017-2-1')).toBeNull();
    expect(parseDay(' 2017-02-01 ')).toBe('2017-02-01');
  });
});

describe('toTimelineFilter', () => {
  it('makes the inclusive last day exclusive and leaves out "every kind"', () => {
    const filter = toTimelineFilter({
      ...emptyFilters,
      from: '2017-02-01',
      to: '2017-02-28',
      kinds: ['STATEMENT', 'MEETING', 'EVENT'],
    });
    expect(filter).toEqual({ from: '2017-02-01T00:00:00.000Z', to: '2017-03-01T00:00:00.000Z' });
  });
});

describe('exportHref', () => {
  it('carries the filters and the format, never the view state', () => {
    const href = exportHref('timelinejs', {
      ...emptyFilters,
      actorIds: ['QWN0b3I6YQ'],
      text: 'a&b=c',
    });
    const url = new URL(href, 'http://parley.test');
    expect(url.pathname).toBe('/export');
    expect(url.searchParams.get('format')).toBe('timelinejs');
    expect(url.searchParams.get('actor')).toBe('QWN0b3I6YQ');
    expect(url.searchParams.get('q')).toBe('a&b=c');
    expect([...url.searchParams.keys()].sort()).toEqual(['actor', 'format', 'q']);
  });

  it('makes the inclusive last day exclusive, as /export reads it', () => {
    const url = new URL(
      exportHref('csv', { ...emptyFilters, from: '2017-02-16', to: '2017-02-16' }),
      'http://parley.test',
    );
    expect(url.searchParams.get('from')).toBe('2017-02-16');
    expect(url.searchParams.get('to')).toBe('2017-02-17');
  });
});
