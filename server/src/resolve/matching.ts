/**
 * Pure decisions of resolution: whether a drafted item is an item already stored.
 */
import type { ItemStatus, MeetingFormat } from '../extract/types.js';
import { datesCompatible } from './item-date.js';
import { quoteOverlap, quoteTokens } from './quote-similarity.js';

export interface StoredStatement {
  id: string;
  quote: string;
  variants: string[];
  dateStart: Date | null;
  dateEnd: Date | null;
}

/**
 * Every stored statement a new wording belongs to, best first. More than one means the
 * new wording bridges statements that are one remark (a fragment and the full quote).
 */
export function matchStatements(
  quote: string,
  date: { start: Date | null; end: Date | null },
  candidates: StoredStatement[],
): StoredStatement[] {
  const size = quoteTokens(quote).length;
  const scored: Array<{ candidate: StoredStatement; score: number }> = [];
  for (const candidate of candidates) {
    if (!datesCompatible(date, { start: candidate.dateStart, end: candidate.dateEnd }, 1)) continue;
    let best = 0;
    for (const wording of [candidate.quote, ...candidate.variants]) {
      const { overlap, shared } = quoteOverlap(quote, wording);
      if (overlap < 0.7 || shared < 3) continue;
      // Containment decides whether it matches; coverage of the longer wording ranks.
      const score = overlap + shared / Math.max(size, quoteTokens(wording).length);
      best = Math.max(best, score);
    }
    if (best > 0) scored.push({ candidate, score: best });
  }
  return scored.sort((a, b) => b.score - a.score || (a.candidate.id < b.candidate.id ? -1 : 1)).map((s) => s.candidate);
}

export function matchStatement(
  quote: string,
  date: { start: Date | null; end: Date | null },
  candidates: StoredStatement[],
): StoredStatement | null {
  return matchStatements(quote, date, candidates)[0] ?? null;
}

export interface StoredMeeting {
  id: string;
  participantIds: string[];
  placeId: string | null;
  dateStart: Date | null;
  dateEnd: Date | null;
  status: ItemStatus;
  /** How it was held, when known; a phone call and a sit-down of the same people are two meetings. */
  format?: MeetingFormat | null;
}

/** Two known formats that differ ("PHONE" and "IN_PERSON") are two encounters, not one. */
function formatsDiffer(a: MeetingFormat | null | undefined, b: MeetingFormat | null | undefined): boolean {
  return Boolean(a && b && a !== 'UNKNOWN' && b !== 'UNKNOWN' && a !== b);
}

/** Same participants (one set containing the other, two or more shared), compatible date and place. */
export function matchMeeting(
  participantIds: string[],
  placeId: string | null,
  date: { start: Date | null; end: Date | null },
  candidates: StoredMeeting[],
  status: ItemStatus = 'OCCURRED',
  format: MeetingFormat | null = null,
): StoredMeeting | null {
  return matchMeetings(participantIds, placeId, date, candidates, status, format)[0] ?? null;
}

export function matchMeetings(
  participantIds: string[],
  placeId: string | null,
  date: { start: Date | null; end: Date | null },
  candidates: StoredMeeting[],
  status: ItemStatus = 'OCCURRED',
  format: MeetingFormat | null = null,
): StoredMeeting[] {
  const mine = new Set(participantIds);
  const found: StoredMeeting[] = [];
  for (const candidate of [...candidates].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const theirs = new Set(candidate.participantIds);
    const shared = [...mine].filter((id) => theirs.has(id)).length;
    const contained = shared === Math.min(mine.size, theirs.size);
    if (shared < 2 || !contained) continue;
    if (placeId && candidate.placeId && placeId !== candidate.placeId) continue;
    if (formatsDiffer(format, candidate.format)) continue;
    // Without dates on both sides, an announced meeting and a reported one are not
    // known to be the same.
    if ((!date.start || !candidate.dateStart) && status !== candidate.status) continue;
    if (!datesCompatible(date, { start: candidate.dateStart, end: candidate.dateEnd }, 1)) continue;
    found.push(candidate);
  }
  return found;
}
