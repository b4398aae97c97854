/**
 * How a fuzzy date reads for people once its basis is known. A date taken from the
 * source's publication date (basis PUBLICATION) says when the item was reported, not when
 * it happened: showing "7 Dec 2018" would claim a day no source gives, so it reads
 * "reported on 7 Dec 2018" (or "reported by Dec 2018" when the publication date itself is
 * only known to the month or year). Every other basis reads as the calendar label.
 *
 * Pure and dependency-free: the API (FuzzyDate.display) and every export format use this
 * one function, so a date reads the same wherever it is shown.
 */
import type { DateBasis, DatePrecision } from '../generated/prisma/enums.js';

export function displayDate(label: string, precision: DatePrecision, basis: DateBasis | null): string {
  if (basis !== 'PUBLICATION') return label;
  return precision === 'DAY' ? `reported on ${label}` : `reported by ${label}`;
}
