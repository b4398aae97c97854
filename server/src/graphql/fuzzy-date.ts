/**
 * Fuzzy dates as the API shows them: the stored interval plus a label for people. Kept free
 * of decorators so that the export formats (server/src/export) give every item exactly the
 * date and label the API gives it.
 */
import { formatFuzzyDate, fuzzyDate } from '../extract/dates.js';
import type { DatePrecision } from './enums.js';

export interface FuzzyDateValue {
  start: Date;
  end: Date;
  precision: DatePrecision;
  label: string;
}

/** An item's stored date (all three columns, or none). */
export function itemDate(start: Date | null, end: Date | null, precision: DatePrecision | null): FuzzyDateValue | null {
  if (!start || !end || !precision) return null;
  return { start, end, precision, label: formatFuzzyDate({ start, end, precision }) };
}

/** A source's publication date: its start and precision give the whole period. */
export function publicationDate(start: Date | null, precision: DatePrecision | null): FuzzyDateValue | null {
  if (!start || !precision) return null;
  const date = fuzzyDate(start, precision);
  return { ...date, label: formatFuzzyDate(date) };
}
