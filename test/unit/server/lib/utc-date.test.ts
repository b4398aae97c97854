import { describe, expect, it } from 'vitest';
import { utcDay } from '../../../../server/src/lib/utc-date.js';

describe('utcDay', () => {
  it.each([
    [50, 5, 1, '0050-06-01T00:00:00.000Z'],
    [1, 0, 1, '0001-01-01T00:00:00.000Z'],
    [2020, 12, 1, '2021-01-01T00:00:00.000Z'],
    [2021, 2, 0, '2021-02-28T00:00:00.000Z'],
    [2020, 2, 0, '2020-02-29T00:00:00.000Z'],
    [99, 11, 32, '0100-01-01T00:00:00.000Z'],
  ])('utcDay(%i, %i, %i) is %s', (year, month, day, iso) => {
    expect(utcDay(year, month, day).toISOString()).toBe(iso);
  });
});
