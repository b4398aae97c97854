/**
 * The years a date in Parley may fall in. PostgreSQL has no year 0 (JavaScript's year 0 is
 * its 1 BC, which the database driver cannot write), the driver cannot read a five-digit
 * year back, and ISO 8601, the API, cursors and exports write four digits.
 */
export const FIRST_YEAR = 1;
export const LAST_YEAR = 9999;

export function isStorableYear(year: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/**
 * Midnight UTC of a calendar day. Date.UTC reads the years 0-99 as 1900-1999 (a legacy of
 * two-digit years); editors and the API accept years 1-9999, so the date is set through
 * setUTCFullYear, which takes the year as given. Months and days out of range roll over,
 * as with Date.UTC.
 */
export function utcDay(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date;
}
