import { GraphQLError, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateTimeScalar, parseDateTime } from '../../../../server/src/graphql/date-time.scalar.js';

describe('DateTime', () => {
  it.each([
    ['2017-02-16', '2017-02-16T00:00:00.000Z'],
    ['2017-02-16T00:00:00Z', '2017-02-16T00:00:00.000Z'],
    ['2017-02-16T00:00:00.000Z', '2017-02-16T00:00:00.000Z'],
    ['2017-02-16T03:00+03:00', '2017-02-16T00:00:00.000Z'],
    ['2017-02-15T19:30:00.123456789-04:30', '2017-02-16T00:00:00.123Z'],
    ['2016-02-29T23:59:59Z', '2016-02-29T23:59:59.000Z'],
    ['0099-01-01', '0099-01-01T00:00:00.000Z'],
    ['0001-01-01T01:00:00+01:00', '0001-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDateTime(text).toISOString()).toBe(iso);
  });

  it.each([
    '2017-02-16T00:00:00', // no offset: a different instant on every server
    '2017-02-30',
    '2017-13-01',
    '2017-02-16T24:00:00Z',
    '2017-02-16T12:60:00Z',
    '17-02-16',
    'yesterday',
    '2017-02-16T00:00:00+25:00',
    '2017-02-16 00:00:00Z',
    '',
    '+275760-09-13T00:00:00Z',
    // Outside the years 1 to 9999 (UTC), which PostgreSQL and the cursors cannot take.
    '0000-06-15',
    '0001-01-01T00:00:00+00:01',
    '9999-12-31T23:59:59-00:01',
  ])('refuses %j', (text) => {
    expect(() => parseDateTime(text)).toThrow(GraphQLError);
  });

  it('writes instants in UTC with milliseconds and refuses non-dates', () => {
    expect(DateTimeScalar.serialize(new Date(Date.UTC(2018, 5, 8)))).toBe('2018-06-08T00:00:00.000Z');
    expect(() => DateTimeScalar.serialize(new Date(Number.NaN))).toThrow(GraphQLError);
    expect(() => DateTimeScalar.serialize('2018-06-08')).toThrow(GraphQLError);
  });

  it('refuses variables and literals that are not strings', () => {
    expect(() => DateTimeScalar.parseValue(1_497_000_000_000)).toThrow(GraphQLError);
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '1' })).toThrow(GraphQLError);
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2018-06-08' })).toEqual(
      new Date('2018-06-08T00:00:00Z'),
    );
  });
});
