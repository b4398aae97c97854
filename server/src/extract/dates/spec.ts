/**
 * What a temporal expression says before it meets an anchor, and how an anchor turns it
 * into a fuzzy date. Rules produce specs; resolution is the only place that reads the anchor.
 */
import type { DateBasis, FuzzyDate } from '../../ingest/types.js';
import {
  addDays,
  addMonths,
  calendarDate,
  fuzzyDate,
  isoWeekday,
  makeDay,
  resolveWeekday,
  type WeekdayChoice,
} from './calendar.js';
import type { Tense } from './tense.js';

export interface DateAnchor {
  /** UTC midnight of the publication day. */
  date: Date;
  basis: DateBasis;
}

export type MentionKind =
  | 'weekday'
  | 'date'
  | 'month'
  | 'year'
  | 'relative-day'
  | 'relative-week'
  | 'relative-month'
  | 'relative-year'
  | 'since-year';

/** "last", "next", "this past", "this coming", "this": words that fix which occurrence is meant. */
export type Modifier = 'last' | 'next' | 'this' | null;

export type DateSpec =
  /** A date that needs no anchor: "Feb. 15, 2017" (DAY), "April 2018" (MONTH), "2014" (YEAR). */
  | { type: 'fixed'; precision: 'DAY' | 'MONTH' | 'YEAR'; year: number; month: number; day: number }
  /** "Thursday", "last Tuesday", "this Friday"; "Monday next week" has a week offset. */
  | { type: 'weekday'; weekday: number; modifier: Modifier; weekOffset: number | null }
  /**
   * "Feb. 16", "12 June"; the weekday of "Thursday, Feb. 16" helps pick the year, and
   * "August 17 next year" names it relative to the anchor's.
   */
  | {
      type: 'month-day';
      month: number;
      day: number;
      weekday: number | null;
      /** "this December 8" and "next June 1" lie ahead, "last May 5" behind, whatever the tense. */
      modifier: Modifier;
      yearOffset: number | null;
    }
  /** "in April", "last April", "in January of this year". */
  | { type: 'month'; month: number; modifier: Modifier; yearOffset: number | null }
  /** "yesterday" (-1 day), "next week" (+1 week), "two years ago" (-2 years). */
  | { type: 'offset'; unit: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR'; amount: number }
  /** "this weekend", "last weekend". */
  | { type: 'weekend'; amount: number };

/** True when the spec's meaning depends on the tense of its clause. */
export function needsTense(spec: DateSpec): boolean {
  switch (spec.type) {
    case 'weekday':
    case 'month':
      return spec.modifier === null || spec.modifier === 'this';
    case 'month-day':
      return spec.yearOffset === null && spec.modifier === null;
    case 'weekend':
      return spec.amount === 0;
    default:
      return false;
  }
}

/** Slack for a past month-day: an article dated the 15th may report "Feb. 16" from a later edition. */
const MONTH_DAY_SLACK_DAYS = 2;

/** The fuzzy date `spec` names; `anchor.date` must be a UTC midnight. */
export function resolveSpec(spec: DateSpec, anchor: DateAnchor | null, tense: Tense): FuzzyDate | null {
  if (spec.type === 'fixed') return calendarDate(spec.year, spec.month, spec.day, spec.precision);
  if (anchor === null) return null;
  const day = anchor.date;
  switch (spec.type) {
    case 'weekday': {
      if (spec.weekOffset !== null) {
        const monday = fuzzyDate(addDays(day, 7 * spec.weekOffset), 'WEEK').start;
        return fuzzyDate(addDays(monday, spec.weekday), 'DAY');
      }
      return fuzzyDate(resolveWeekday(day, spec.weekday, weekdayChoice(spec.modifier, tense, anchor)), 'DAY');
    }
    case 'month-day': {
      if (spec.yearOffset !== null) {
        const date = makeDay(day.getUTCFullYear() + spec.yearOffset, spec.month, spec.day);
        return date === null ? null : fuzzyDate(date, 'DAY');
      }
      const forced: Tense | null = spec.modifier === null ? null : spec.modifier === 'last' ? 'past' : 'future';
      return resolveMonthDay(day, spec.month, spec.day, spec.weekday, forced ?? tense);
    }
    case 'month':
      if (spec.yearOffset !== null) {
        return fuzzyDate(new Date(Date.UTC(day.getUTCFullYear() + spec.yearOffset, spec.month, 1)), 'MONTH');
      }
      return fuzzyDate(resolveMonth(day, spec.month, spec.modifier, tense), 'MONTH');
    case 'offset':
      return resolveOffset(day, spec.unit, spec.amount);
    case 'weekend': {
      // "this weekend" in a past-tense sentence of a Monday or Tuesday article is the one just gone.
      const justGone = spec.amount === 0 && tense === 'past' && isoWeekday(day) <= 1;
      return fuzzyDate(addDays(day, 7 * (justGone ? -1 : spec.amount)), 'WEEK');
    }
  }
}

function weekdayChoice(modifier: Modifier, tense: Tense, anchor: DateAnchor): WeekdayChoice {
  if (modifier === 'last') return 'before';
  if (modifier === 'next') return 'after';
  if (modifier === 'this') return tense === 'past' ? 'on-or-before' : 'on-or-after';
  if (tense === 'future') return 'after';
  // A caption date is only a lower bound for publication, usually by a day or two.
  return anchor.basis === 'CAPTION' ? 'nearest' : 'on-or-before';
}

function resolveMonthDay(
  anchor: Date,
  month: number,
  day: number,
  weekday: number | null,
  tense: Tense,
): FuzzyDate | null {
  const year = anchor.getUTCFullYear();
  const candidates: Date[] = [];
  // 29 February needs up to four years either side; every other day one.
  const reach = month === 1 && day === 29 ? 4 : 1;
  for (let y = year - reach; y <= year + reach; y += 1) {
    const date = makeDay(y, month, day);
    if (date !== null) candidates.push(date);
  }
  let pick: Date | undefined;
  if (tense === 'future') {
    pick = candidates.find((d) => d.getTime() >= anchor.getTime());
  } else {
    const limit = addDays(anchor, MONTH_DAY_SLACK_DAYS).getTime();
    pick = candidates.filter((d) => d.getTime() <= limit).pop();
  }
  if (weekday !== null && (pick === undefined || isoWeekday(pick) !== weekday)) {
    // "Thursday, Feb. 16": the year in reach whose Feb. 16 is a Thursday, nearest the anchor.
    const matching = candidates
      .filter((d) => isoWeekday(d) === weekday)
      .sort((a, b) => Math.abs(a.getTime() - anchor.getTime()) - Math.abs(b.getTime() - anchor.getTime()));
    pick = matching[0] ?? pick;
  }
  return pick === undefined ? null : fuzzyDate(pick, 'DAY');
}

function resolveMonth(anchor: Date, month: number, modifier: Modifier, tense: Tense): Date {
  const year = anchor.getUTCFullYear();
  const anchorMonth = anchor.getUTCMonth();
  if (modifier === 'this') return new Date(Date.UTC(year, month, 1));
  const sameYear = new Date(Date.UTC(year, month, 1));
  const forward = modifier === 'next' || (modifier === null && tense === 'future');
  if (forward) {
    // Next on or after the anchor's month; "next April" is strictly after.
    const ok = modifier === 'next' ? month > anchorMonth : month >= anchorMonth;
    return ok ? sameYear : new Date(Date.UTC(year + 1, month, 1));
  }
  // Latest on or before the anchor's month; "last April" is strictly before.
  const ok = modifier === 'last' ? month < anchorMonth : month <= anchorMonth;
  return ok ? sameYear : new Date(Date.UTC(year - 1, month, 1));
}

function resolveOffset(anchor: Date, unit: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR', amount: number): FuzzyDate {
  switch (unit) {
    case 'DAY':
      return fuzzyDate(addDays(anchor, amount), 'DAY');
    case 'WEEK':
      return fuzzyDate(addDays(anchor, 7 * amount), 'WEEK');
    case 'MONTH':
      return fuzzyDate(addMonths(anchor, amount), 'MONTH');
    case 'YEAR':
      return fuzzyDate(new Date(Date.UTC(anchor.getUTCFullYear() + amount, 0, 1)), 'YEAR');
  }
}
