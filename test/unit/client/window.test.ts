import { describe, expect, it } from 'vitest';
import { bucketUnitFor, covers, extentOf, loadRangeFor, narrowFilter } from '../../../client/src/timeline/window';

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('windowed loading arithmetic', () => {
  it('counts in the finest unit that keeps the buckets few', () => {
    expect(bucketUnitFor({ start: at('2017-01-01'), end: at('2017-03-01') })).toBe('DAY');
    expect(bucketUnitFor({ start: at('2017-01-01'), end: at('2018-01-01') })).toBe('WEEK');
    expect(bucketUnitFor({ start: at('2010-01-01'), end: at('2018-01-01') })).toBe('MONTH');
    expect(bucketUnitFor({ start: at('1990-01-01'), end: at('2020-01-01') })).toBe('YEAR');
  });

  it('loads the window plus a margin on both sides', () => {
    const window = { start: at('2017-02-01'), end: at('2017-03-01') };
    const range = loadRangeFor(window);
    expect(covers(range, window)).toBe(true);
    const span = window.end - window.start;
    expect(range.start).toBeLessThanOrEqual(window.start - span / 2);
    expect(range.end).toBeGreaterThanOrEqual(window.end + span / 2);
    expect(range.end - range.start).toBeLessThan(span * 4);
  });

  it('asks for the same range after a small pan, so the cache answers it', () => {
    const window = { start: at('2017-02-03'), end: at('2017-03-03') };
    const panned = { start: window.start + DAY, end: window.end + DAY };
    expect(loadRangeFor(panned)).toEqual(loadRangeFor(window));
  });

  it('knows when a loaded range already covers a window', () => {
    const loaded = { start: 0, end: 100 };
    expect(covers(loaded, { start: 10, end: 90 })).toBe(true);
    expect(covers(loaded, { start: 10, end: 101 })).toBe(false);
  });

  it('pads the data extent so no item sits on the edge', () => {
    expect(extentOf([])).toBeNull();
    const extent = extentOf([
      { start: '2017-01-01T00:00:00.000Z', end: '2017-02-01T00:00:00.000Z' },
      { start: '2018-06-01T00:00:00.000Z', end: '2018-07-01T00:00:00.000Z' },
    ]);
    expect(extent?.start).toBeLessThan(at('2017-01-01'));
    expect(extent?.end).toBeGreaterThan(at('2018-07-01'));
  });

  it('narrows a filter to a range, and never to a range that ends before it starts', () => {
    const range = { start: at('2017-01-01'), end: at('2017-06-01') };
    expect(narrowFilter({ from: '2017-02-10T00:00:00.000Z', kinds: ['MEETING'] }, range)).toEqual({
      from: '2017-02-10T00:00:00.000Z',
      to: '2017-06-01T00:00:00.000Z',
      kinds: ['MEETING'],
    });
    const disjoint = narrowFilter({ to: '2016-01-01T00:00:00.000Z' }, range);
    expect(disjoint.from).toBe(disjoint.to);
  });
});
