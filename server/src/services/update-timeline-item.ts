/**
 * An editor's correction of one timeline item: title, summary, date, status, place and
 * review state. Only the fields given change; a date given here is the caller's
 * (basis CALLER) and normalized to its precision's whole period.
 */
import { fuzzyDate } from '../extract/dates.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { DatePrecision, ItemStatus, ReviewState } from '../generated/prisma/enums.js';
import type { PrismaClient } from '../lib/db.js';
import { AppError } from '../lib/errors.js';
import { FIRST_YEAR, isStorableYear, LAST_YEAR } from '../lib/utc-date.js';
import { type TimelineItemRow, timelineItemSelect } from './timeline-filter.js';

export const MAX_TITLE_LENGTH = 300;
export const MAX_SUMMARY_LENGTH = 5000;
const datePrecisions: readonly string[] = ['DAY', 'WEEK', 'MONTH', 'YEAR'] satisfies DatePrecision[];
const itemStatuses: readonly string[] = ['OCCURRED', 'SCHEDULED', 'POSTPONED', 'CANCELLED'] satisfies ItemStatus[];
const reviewStates: readonly string[] = ['UNREVIEWED', 'CONFIRMED', 'DISPUTED', 'REJECTED'] satisfies ReviewState[];

export interface UpdateTimelineItemOptions {
  id: string;
  /** Absent: unchanged. */
  title?: string | undefined;
  /** Absent: unchanged; null clears. */
  summary?: string | null | undefined;
  /** Absent: unchanged; null makes the item undated. */
  date?: { start: Date; precision: DatePrecision } | null | undefined;
  status?: ItemStatus | undefined;
  /** Absent: unchanged; null clears. */
  placeId?: string | null | undefined;
  reviewState?: ReviewState | undefined;
}

function checkTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_TITLE_LENGTH)
    throw new AppError('BAD_USER_INPUT', `"title" must be 1 to ${MAX_TITLE_LENGTH} characters.`);
  return trimmed;
}

function checkSummary(summary: string | null): string | null {
  if (summary === null) return null;
  const trimmed = summary.trim();
  if (trimmed.length > MAX_SUMMARY_LENGTH)
    throw new AppError('BAD_USER_INPUT', `"summary" must be at most ${MAX_SUMMARY_LENGTH} characters.`);
  return trimmed.length === 0 ? null : trimmed;
}

function checkDate(date: { start: Date; precision: DatePrecision }) {
  if (!datePrecisions.includes(date.precision))
    throw new AppError('BAD_USER_INPUT', `"date.precision" must be one of ${datePrecisions.join(', ')}.`);
  const year = date.start.getUTCFullYear();
  if (Number.isNaN(date.start.getTime()) || !isStorableYear(year))
    throw new AppError(
      'BAD_USER_INPUT',
      `"date.start" must be a date between the years ${FIRST_YEAR} and ${LAST_YEAR}.`,
    );
  return fuzzyDate(date.start, date.precision);
}

export async function updateTimelineItem(
  prisma: PrismaClient,
  options: UpdateTimelineItemOptions,
): Promise<TimelineItemRow> {
  const data: Prisma.TimelineItemUncheckedUpdateInput = {};
  if (options.title !== undefined) data.title = checkTitle(options.title);
  if (options.summary !== undefined) data.summary = checkSummary(options.summary);
  if (options.date === null) {
    Object.assign(data, { dateStart: null, dateEnd: null, datePrecision: null, dateBasis: null, dateConflict: false });
  } else if (options.date !== undefined) {
    const { start, end, precision } = checkDate(options.date);
    Object.assign(data, { dateStart: start, dateEnd: end, datePrecision: precision, dateBasis: 'CALLER' });
    data.dateConflict = false;
  }
  if (options.status !== undefined) {
    if (!itemStatuses.includes(options.status))
      throw new AppError('BAD_USER_INPUT', `"status" must be one of ${itemStatuses.join(', ')}.`);
    data.status = options.status;
  }
  if (options.reviewState !== undefined) {
    if (!reviewStates.includes(options.reviewState))
      throw new AppError('BAD_USER_INPUT', `"reviewState" must be one of ${reviewStates.join(', ')}.`);
    data.reviewState = options.reviewState;
  }
  return prisma.$transaction(async (tx) => {
    const item = await tx.timelineItem.findUnique({ where: { id: options.id }, select: { id: true } });
    if (!item) throw new AppError('NOT_FOUND', 'No timeline item has this id.');
    if (options.placeId !== undefined) {
      if (options.placeId !== null) {
        const place = await tx.place.findUnique({ where: { id: options.placeId }, select: { id: true } });
        if (!place) throw new AppError('NOT_FOUND', 'No place has this id.');
      }
      data.placeId = options.placeId;
    }
    return (await tx.timelineItem.update({
      where: { id: options.id },
      data,
      select: timelineItemSelect,
    })) as TimelineItemRow;
  });
}
