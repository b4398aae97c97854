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
  | 'since-year'
  /** "a day earlier", "the next day": counted from the day the narration is at, not publication. */
  | 'narrative';

/**
 * Words that fix which occurrence is meant whatever the tense: "last" (strictly before),
 * "next" (strictly after), "this", and "since" (on or before: "since Monday", "since May").
 */
export type Modifier = 'last' | 'next' | 'this' | 'since' | null;

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
  | { type: 'weekend'; amount: number }
  /** "a day earlier" (-1 day), "the next day" (+1), "two weeks later" (+2 weeks), from the narrated day. */
  | { type: 'narrative'; unit: 'DAY' | 'WEEK'; amount: number };

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
export function resolveSpec(
  spec: DateSpec,
  anchor: DateAnchor | null,
  tense: Tense,
  narration: Date | null = null,
): FuzzyDate | null {
  if (spec.type === 'fixed') return calendarDate(spec.year, spec.month, spec.day, spec.precision);
  // Counted from the narrated day; with none known it names no day (never the publication's).
  if (spec.type === 'narrative') {
    if (narration === null) return null;
    return fuzzyDate(addDays(narration, spec.amount * (spec.unit === 'WEEK' ? 7 : 1)), spec.unit);
  }
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
      return resolveMonthDay(day, spec, forcedTense(spec.modifier) ?? tense);
    }
    case 'month':
      if (spec.yearOffset !== null) {
        return calendarDate(day.getUTCFullYear() + spec.yearOffset, spec.month, 1, 'MONTH');
      }
      return resolveMonth(day, spec.month, spec.modifier, tense);
    case 'offset':
      return resolveOffset(day, spec.unit, spec.amount);
    case 'weekend': {
      // "this weekend" in a past-tense sentence of a Monday or Tuesday article is the one just gone.
      const justGone = spec.amount === 0 && tense === 'past' && isoWeekday(day) <= 1;
      return fuzzyDate(addDays(day, 7 * (justGone ? -1 : spec.amount)), 'WEEK');
    }
  }
}

function forcedTense(modifier: Modifier): Tense | null {
  if (modifier === 'last' || modifier === 'since') return 'past';
  if (modifier === 'next' || modifier === 'this') return 'future';
  return null;
}

function weekdayChoice(modifier: Modifier, tense: Tense, anchor: DateAnchor): WeekdayChoice {
  if (modifier === 'last') return 'before';
  if (modifier === 'next') return 'after';
  if (modifier === 'this') return tense === 'past' ? 'on-or-before' : 'on-or-after';
  if (tense === 'future' && modifier !== 'since') return 'after';
  // A caption date is only a lower bound for publication, usually by a day or two.
  return anchor.basis === 'CAPTION' ? 'nearest' : 'on-or-before';
}

/**
 * A month and day in the year that fits the tense: future, the next on or after the anchor;
 * past, the latest on or before it (plus slack); unknown, the nearest (news speaks of the
 * coming months as often as the past ones). A written weekday overrides when it agrees
 * with another year in reach.
 */
function resolveMonthDay(
  anchor: Date,
  spec: { month: number; day: number; weekday: number | null },
  tense: Tense,
): FuzzyDate | null {
  const year = anchor.getUTCFullYear();
  const candidates: Date[] = [];
  // 29 February needs up to four years either side; every other day one.
  const reach = spec.month === 1 && spec.day === 29 ? 4 : 1;
  for (let y = year - reach; y <= year + reach; y += 1) {
    const date = makeDay(y, spec.month, spec.day);
    if (date !== null) candidates.push(date);
  }
  const at = anchor.getTime();
  let pick: Date | undefined;
  if (tense === 'future') {
    pick = candidates.find((d) => d.getTime() >= at);
  } else if (tense === 'past') {
    const limit = addDays(anchor, MONTH_DAY_SLACK_DAYS).getTime();
    pick = candidates.filter((d) => d.getTime() <= limit).pop();
  } else {
    pick = nearest(candidates, at);
  }
  if (spec.weekday !== null && (pick === undefined || isoWeekday(pick) !== spec.weekday)) {
    // "Thursday, Feb. 16": the year in reach whose Feb. 16 is a Thursday, nearest the anchor.
    pick =
      nearest(
        candidates.filter((d) => isoWeekday(d) === spec.weekday),
        at,
      ) ?? pick;
  }
  return pick === undefined ? null : fuzzyDate(pick, 'DAY');
}

/** The date nearest `at`; on a tie the earlier one, as news reports more than it previews. */
function nearest(dates: Date[], at: number): Date | undefined {
  let best: Date | undefined;
  for (const d of dates) {
    if (best === undefined || Math.abs(d.getTime() - at) < Math.abs(best.getTime() - at)) best = d;
  }
  return best;
}

/**
 * "in April": past, the latest April on or before the anchor's month; future, the next on
 * or after it; unknown, the nearest (ties go back). "last April" is strictly before, "next
 * April" strictly after, "this April" in the anchor's year, "since April" on or before.
 */
function resolveMonth(anchor: Date, month: number, modifier: Modifier, tense: Tense): FuzzyDate {
  const year = anchor.getUTCFullYear();
  const anchorMonth = anchor.getUTCMonth();
  let target: number;
  if (modifier === 'this') target = year;
  else if (modifier === 'last') target = month < anchorMonth ? year : year - 1;
  else if (modifier === 'next') target = month > anchorMonth ? year : year + 1;
  else if (modifier === 'since' || tense === 'past') target = month <= anchorMonth ? year : year - 1;
  else if (tense === 'future') target = month >= anchorMonth ? year : year + 1;
  else {
    const back = (anchorMonth - month + 12) % 12; // months back to the latest on or before
    target = back <= 6 ? (month <= anchorMonth ? year : year - 1) : month >= anchorMonth ? year : year + 1;
  }
  return calendarDate(target, month, 1, 'MONTH');
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
      return calendarDate(anchor.getUTCFullYear() + amount, 0, 1, 'YEAR');
  }
}
