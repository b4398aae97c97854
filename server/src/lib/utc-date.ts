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
