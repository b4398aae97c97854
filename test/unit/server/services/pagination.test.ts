import { describe, expect, it } from 'vitest';
import {
  cursorDate,
  cursorId,
  decodeCursor,
  encodeCursor,
  idListArgument,
  listArgument,
  once,
  pageSize,
  textArgument,
  toPage,
} from '../../../../server/src/services/pagination.js';

const uuid = '0195f3a2-7c1e-7d3a-9b2f-1c2d3e4f5a6b';

describe('pageSize', () => {
  it('defaults to 50 and accepts 0..200', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(null)).toBe(50);
    expect(pageSize(0)).toBe(0);
    expect(pageSize(200)).toBe(200);
  });

  it.each([-1, 201, 1.5, Number.NaN, 2 ** 31])('refuses %s with BAD_USER_INPUT', (first) => {
    expect(() => pageSize(first)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});

describe('cursors', () => {
  it('round-trip as base64url of the sort key, tagged with their list', () => {
    const cursor = encodeCursor('timeline', ['2017-02-16T00:00:00.000Z', uuid]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const [date, id] = decodeCursor('timeline', cursor, 2);
    expect(cursorDate(date ?? null).toISOString()).toBe('2017-02-16T00:00:00.000Z');
    expect(cursorId(id ?? null)).toBe(uuid);
  });

  it.each([
    ['another list', encodeCursor('sources', ['2017-02-16T00:00:00.000Z', uuid])],
    ['garbage', 'garbage'],
    ['not base64url', 'a+b/c='],
    ['JSON that is not an array', Buffer.from('{"a":1}').toString('base64url')],
    ['too many parts', encodeCursor('timeline', ['2017-02-16T00:00:00.000Z', uuid, 'x'])],
    ['a number part', Buffer.from(JSON.stringify(['timeline', 5, uuid])).toString('base64url')],
    ['empty', ''],
    ['huge', 'A'.repeat(10_000)],
  ])('refuse %s', (_label, cursor) => {
    expect(() => decodeCursor('timeline', cursor, 2)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('refuse parts that are not what we write', () => {
    expect(() => cursorDate('2017-02-16')).toThrow(/cursor/);
    expect(() => cursorDate("2017-02-16T00:00:00.000Z' OR 1=1 --")).toThrow(/cursor/);
    expect(() => cursorDate('2017-02-30T00:00:00.000Z')).toThrow(/cursor/);
    expect(() => cursorDate(null)).toThrow(/cursor/);
    expect(() => cursorId('1; DROP TABLE source')).toThrow(/cursor/);
  });
});

describe('arguments', () => {
  it('limit text to 500 characters and treat blank as absent', () => {
    expect(textArgument('text', '  nato  ')).toBe('nato');
    expect(textArgument('text', '   ')).toBeUndefined();
    expect(textArgument('text', 'x'.repeat(500))).toHaveLength(500);
    expect(() => textArgument('text', 'x'.repeat(501))).toThrow(/at most 500/);
  });

  it('limit lists to 100 entries of known values', () => {
    expect(listArgument('kinds', ['EVENT', 'EVENT'], ['EVENT', 'MEETING'])).toEqual(['EVENT']);
    expect(() => listArgument('kinds', ['WAR'], ['EVENT'])).toThrow(/unknown value/);
    expect(() => listArgument('kinds', Array(101).fill('EVENT'))).toThrow(/at most 100/);
    expect(() => idListArgument('ids', ['x'])).toThrow(/not a Parley id/);
    expect(idListArgument('ids', [uuid.toUpperCase()])).toEqual([uuid]);
  });
});

describe('pages', () => {
  it('use the extra row only to tell whether there is a next page', async () => {
    let counted = 0;
    const page = toPage([1, 2, 3], 2, String, {
      after: false,
      totalCount: async () => {
        counted++;
        return 3;
      },
    });
    expect(page.rows).toEqual([1, 2]);
    expect(page.cursors).toEqual(['1', '2']);
    expect(page.hasNextPage).toBe(true);
    expect(counted).toBe(0);
    expect(await page.totalCount()).toBe(3);
    expect(await page.totalCount()).toBe(3);
    expect(counted).toBe(1);
    expect(toPage([1], 2, String, { after: true, totalCount: once(async () => 1) }).hasNextPage).toBe(false);
  });
});
