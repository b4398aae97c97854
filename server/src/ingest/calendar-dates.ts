/**
 * Full calendar dates (day, month and year all written out) found in short strings, and the
 * DAY-precision facts built from them. Ingest only ever dates an article to the day from a
 * date that names its year: "Thursday" or "Feb 16" need a reference date, which is exactly
 * what ingest is trying to find, so they are left to extraction.
 */
import { utcDay } from '../lib/utc-date.js';
import type { DateBasis, DatedFact } from './types.js';

export interface CalendarDay {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

export interface DateMatch extends CalendarDay {
  /** Offset of the match in the searched string, and its end (exclusive). */
  index: number;
  end: number;
}

const MONTH_BY_PREFIX: ReadonlyMap<string, number> = new Map([
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['may', 5],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
]);

const MONTH_NAME = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;

// Bounded quantifiers only: these run on every caption and date line of every article.
const MONTH_DAY_YEAR = new RegExp(
  String.raw`\b${MONTH_NAME}\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(\d{4})(?!\d)`,
  'gi',
);
const DAY_MONTH_YEAR = new RegExp(
  String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s{1,3}(?:of\s{1,3})?${MONTH_NAME}\.?,?\s{1,3}(\d{4})(?!\d)`,
  'gi',
);
const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
const YEAR_MONTH_DAY_SLASHED = /\b(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d/])/g;

/** Years a news article can plausibly be dated to; anything else is an id or a typo. */
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2100;

export function monthFromName(name: string): number | null {
  return MONTH_BY_PREFIX.get(name.slice(0, 3).toLowerCase()) ?? null;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < EARLIEST_YEAR || year > LATEST_YEAR) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth;
}

/** A month name written in lower case ("may 5, 2019") is a verb far more often than a date. */
function isCapitalized(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

/** Every full date in `text`, in order of appearance, overlapping matches removed. */
export function findFullDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  const add = (index: number, length: number, year: number, month: number | null, day: number) => {
    if (month !== null && isValidDay(year, month, day)) found.push({ year, month, day, index, end: index + length });
  };
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    const [whole, monthName = '', day = '', year = ''] = m;
    if (isCapitalized(monthName)) add(m.index, whole.length, Number(year), monthFromName(monthName), Number(day));
  }
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    const [whole, day = '', monthName = '', year = ''] = m;
    if (isCapitalized(monthName)) add(m.index, whole.length, Number(year), monthFromName(monthName), Number(day));
  }
  for (const pattern of [ISO_DAY, YEAR_MONTH_DAY_SLASHED]) {
    for (const m of text.matchAll(pattern)) {
      const [whole, year = '', month = '', day = ''] = m;
      add(m.index, whole.length, Number(year), Number(month), Number(day));
    }
  }
  found.sort((a, b) => a.index - b.index);
  const kept: DateMatch[] = [];
  for (const match of found) {
    const last = kept.at(-1);
    if (!last || match.index >= last.end) kept.push(match);
  }
  return kept;
}

export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The day as a half-open UTC interval, midnight to midnight. */
export function dayFact(day: CalendarDay, basis: DateBasis): DatedFact {
  // utcDay, not Date.UTC: a caller may date an article in the years 1..99.
  const start = utcDay(day.year, day.month - 1, day.day);
  return { start, end: new Date(start.getTime() + DAY_MS), precision: 'DAY', basis };
}

/** The UTC calendar day a caller's Date falls on. */
export function utcDayOf(date: Date): CalendarDay {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
