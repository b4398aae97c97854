/**
 * Fuzzy dates as the API shows them: the stored interval plus a label for people. Kept free
 * of decorators so that the export formats (server/src/export) give every item exactly the
 * date, label and display phrase the API gives it.
 */
import { formatFuzzyDate, fuzzyDate } from '../extract/dates.js';
import { displayDate } from '../lib/date-display.js';
import type { DateBasis, DatePrecision } from './enums.js';

export interface FuzzyDateValue {
  start: Date;
  end: Date;
  precision: DatePrecision;
  /** What the date was determined from; null for rows stored without one. */
  basis: DateBasis | null;
  /** The calendar label ("7 Dec 2018"), whatever the basis. */
  label: string;
  /** The label as people should read it: "reported on 7 Dec 2018" for a PUBLICATION basis. */
  display: string;
}

function withBasis(date: { start: Date; end: Date; precision: DatePrecision }, basis: DateBasis | null) {
  const label = formatFuzzyDate(date);
  return { ...date, basis, label, display: displayDate(label, date.precision, basis) };
}

/** An item's stored date (all three columns, or none) and its basis. */
export function itemDate(
  start: Date | null,
  end: Date | null,
  precision: DatePrecision | null,
  basis: DateBasis | null,
): FuzzyDateValue | null {
  if (!start || !end || !precision) return null;
  return withBasis({ start, end, precision }, basis);
}

/** A source's publication date: its start and precision give the whole period. */
export function publicationDate(
  start: Date | null,
  precision: DatePrecision | null,
  basis: DateBasis | null,
): FuzzyDateValue | null {
  if (!start || !precision) return null;
  return withBasis(fuzzyDate(start, precision), basis);
}
