import { describe, expect, it } from 'vitest';
import { parseGlobalId, rowIdsOf, toGlobalId } from '../../../../server/src/graphql/global-id.js';

const uuid = '0195f3a2-7c1e-7d3a-9b2f-1c2d3e4f5a6b';

describe('global ids', () => {
  it('are base64url("Type:uuid") and decode back', () => {
    const id = toGlobalId('Statement', uuid);
    expect(Buffer.from(id, 'base64url').toString()).toBe(`Statement:${uuid}`);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseGlobalId(id)).toEqual({ type: 'Statement', id: uuid });
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'U3RhdGVtZW50+/=='],
    ['unknown type', Buffer.from(`Widget:${uuid}`).toString('base64url')],
    ['not a uuid', Buffer.from('Actor:1 OR 1=1').toString('base64url')],
    ['no colon', Buffer.from(`Actor${uuid}`).toString('base64url')],
    ['a raw uuid', uuid],
    ['too long', 'A'.repeat(5_000)],
  ])('are null when %s', (_label, id) => {
    expect(parseGlobalId(id)).toBeNull();
  });

  it('must be of the type a filter asks for', () => {
    expect(rowIdsOf('filter.actorIds', 'Actor', [toGlobalId('Actor', uuid)])).toEqual([uuid]);
    expect(rowIdsOf('filter.actorIds', 'Actor', undefined)).toBeUndefined();
    expect(() => rowIdsOf('filter.actorIds', 'Actor', [toGlobalId('Place', uuid)])).toThrow(/Actor ids/);
    expect(() => rowIdsOf('filter.actorIds', 'Actor', Array(101).fill(toGlobalId('Actor', uuid)))).toThrow(
      /at most 100/,
    );
    expect(() => rowIdsOf('filter.placeIds', 'Place', ['nope'])).toThrow(
      expect.objectContaining({ name: 'AppError', code: 'BAD_USER_INPUT' }),
    );
  });
});
