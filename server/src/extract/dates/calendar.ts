/**
 * UTC calendar arithmetic for fuzzy dates. Everything works on whole UTC days so that a
 * date never shifts with the machine's time zone.
 */
import type { DatePrecision, FuzzyDate } from '../../ingest/types.js';
// Not Date.UTC, which reads the years 0..99 as 1900..1999: a caller may date an article that early.
import { FIRST_YEAR, LAST_YEAR, utcDay as utcMidnight } from '../../lib/utc-date.js';

const DAY_MS = 86_400_000;

/**
 * The dates Parley can keep (lib/utc-date.ts says why these years). A date worked out
 * beyond them ("last week" read in January of the year 1, "next year" read in 9999) is no
 * date at all.
 */
export const EARLIEST_DATE = utcMidnight(FIRST_YEAR, 0, 1);
/** The last millisecond of the last year: a day or year ending later cannot be stored. */
export const LATEST_DATE = new Date(utcMidnight(LAST_YEAR + 1, 0, 1).getTime() - 1);

export function isStorable(date: FuzzyDate): boolean {
  return date.start.getTime() >= EARLIEST_DATE.getTime() && date.end.getTime() <= LATEST_DATE.getTime();
}

/** UTC midnight of the day `date` falls on. */
export function utcDay(date: Date): Date {
  return utcMidnight(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** True when year-month-day exists (not 31 April, not 29 Feb 2017). */
export function isValidDay(year: number, monthIndex: number, day: number): boolean {
  if (monthIndex < 0 || monthIndex > 11 || day < 1) return false;
  const length = monthIndex === 1 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[monthIndex]!;
  return day <= length;
}

/** UTC midnight of year-month-day, or null when the day does not exist. */
export function makeDay(year: number, monthIndex: number, day: number): Date | null {
  return isValidDay(year, monthIndex, day) ? utcMidnight(year, monthIndex, day) : null;
}

/** The fuzzy date of a calendar day, month (day ignored) or year (month and day ignored). */
export function calendarDate(
  year: number,
  monthIndex: number,
  day: number,
  precision: Exclude<DatePrecision, 'WEEK'>,
): FuzzyDate {
  switch (precision) {
    case 'DAY':
      return {
        start: utcMidnight(year, monthIndex, day),
        end: utcMidnight(year, monthIndex, day + 1),
        precision,
      };
    case 'MONTH':
      return {
        start: utcMidnight(year, monthIndex, 1),
        end: utcMidnight(year, monthIndex + 1, 1),
        precision,
      };
    case 'YEAR':
      return { start: utcMidnight(year, 0, 1), end: utcMidnight(year + 1, 0, 1), precision };
  }
}

/** Monday-based weekday: 0 = Monday ... 6 = Sunday. */
export function isoWeekday(date: Date): number {
  return (date.getUTCDay() + 6) % 7;
}

/**
 * A fuzzy date of the given precision containing `start`: the start is normalized to the
 * beginning of its day, ISO week (Monday), month or year, and the end is the next one.
 */
export function fuzzyDate(start: Date, precision: DatePrecision): FuzzyDate {
  const day = utcDay(start);
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth();
  switch (precision) {
    case 'DAY':
      return { start: day, end: addDays(day, 1), precision };
    case 'WEEK': {
      const monday = addDays(day, -isoWeekday(day));
      return { start: monday, end: addDays(monday, 7), precision };
    }
    case 'MONTH':
      return { start: utcMidnight(year, month, 1), end: utcMidnight(year, month + 1, 1), precision };
    case 'YEAR':
      return { start: utcMidnight(year, 0, 1), end: utcMidnight(year + 1, 0, 1), precision };
  }
}

const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function formatDay(date: Date): string {
  return `${date.getUTCDate()} ${MONTH_ABBREVIATIONS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "16 Feb 2017", "week of 13 Feb 2017", "Apr 2018", "2014". */
export function formatFuzzyDate(date: FuzzyDate): string {
  const start = date.start;
  switch (date.precision) {
    case 'DAY':
      return formatDay(start);
    case 'WEEK':
      return `week of ${formatDay(start)}`;
    case 'MONTH':
      return `${MONTH_ABBREVIATIONS[start.getUTCMonth()]} ${start.getUTCFullYear()}`;
    case 'YEAR':
      return String(start.getUTCFullYear());
  }
}

/** Which occurrence of a weekday to pick relative to an anchor day. */
export type WeekdayChoice =
  | 'on-or-before' // the latest on or before the anchor (same day counts)
  | 'before' // the latest strictly before
  | 'on-or-after' // the next on or after (same day counts)
  | 'after' // the next strictly after
  | 'nearest'; // the one within -3..+3 days

/** The occurrence of `weekday` (0 = Monday) chosen relative to `anchor`. */
export function resolveWeekday(anchor: Date, weekday: number, choice: WeekdayChoice): Date {
  const forward = (weekday - isoWeekday(anchor) + 7) % 7; // 0..6 days ahead
  const back = (7 - forward) % 7; // 0..6 days behind
  switch (choice) {
    case 'on-or-before':
      return addDays(anchor, -back);
    case 'before':
      return addDays(anchor, back === 0 ? -7 : -back);
    case 'on-or-after':
      return addDays(anchor, forward);
    case 'after':
      return addDays(anchor, forward === 0 ? 7 : forward);
    case 'nearest':
      return addDays(anchor, forward <= 3 ? forward : -back);
  }
}

/** Month index offset helper: the first of the month `delta` months from `date`'s month. */
export function addMonths(date: Date, delta: number): Date {
  return utcMidnight(date.getUTCFullYear(), date.getUTCMonth() + delta, 1);
}
