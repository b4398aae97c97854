/**
 * The display phrase: a date that is only the source's publication date says it was
 * reported then, at every precision; every other basis reads as the calendar label.
 */
import { describe, expect, it } from 'vitest';
import { formatFuzzyDate, fuzzyDate } from '../../../../server/src/extract/dates.js';
import type { DateBasis, DatePrecision } from '../../../../server/src/generated/prisma/enums.js';
import { itemDate, publicationDate } from '../../../../server/src/graphql/fuzzy-date.js';
import { displayDate } from '../../../../server/src/lib/date-display.js';

const DAY = new Date('2018-12-07T15:30:00Z');

function display(precision: DatePrecision, basis: DateBasis | null): string {
  return displayDate(formatFuzzyDate(fuzzyDate(DAY, precision)), precision, basis);
}

describe('displayDate', () => {
  it.each([
    ['DAY', 'reported on 7 Dec 2018'],
    ['WEEK', 'reported by week of 3 Dec 2018'],
    ['MONTH', 'reported by Dec 2018'],
    ['YEAR', 'reported by 2018'],
  ] as const)('says a PUBLICATION date at %s precision was reported: %s', (precision, phrase) => {
    expect(display(precision, 'PUBLICATION')).toBe(phrase);
  });

  const otherBases = ['CALLER', 'EXPLICIT', 'URL', 'RELATIVE', 'CONTEXT', 'CAPTION', 'CORROBORATION', null] as const;
  it.each(otherBases)('leaves the label as it is for basis %s', (basis) => {
    expect(display('DAY', basis)).toBe('7 Dec 2018');
    expect(display('MONTH', basis)).toBe('Dec 2018');
  });
});

describe('FuzzyDate values', () => {
  it('an item date carries its basis, the unchanged label and the display phrase', () => {
    const { start, end } = fuzzyDate(DAY, 'DAY');
    expect(itemDate(start, end, 'DAY', 'PUBLICATION')).toEqual({
      start,
      end,
      precision: 'DAY',
      basis: 'PUBLICATION',
      label: '7 Dec 2018',
      display: 'reported on 7 Dec 2018',
    });
    expect(itemDate(start, end, 'DAY', null)).toMatchObject({
      basis: null,
      label: '7 Dec 2018',
      display: '7 Dec 2018',
    });
    expect(itemDate(null, null, null, 'PUBLICATION')).toBeNull();
  });

  it("a source's publication date carries the source's own basis", () => {
    expect(publicationDate(DAY, 'MONTH', 'URL')).toMatchObject({
      basis: 'URL',
      label: 'Dec 2018',
      display: 'Dec 2018',
    });
  });
});
