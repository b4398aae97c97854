/**
 * An item's date, recomputed from every citation's own claim so the result does not
 * depend on the order sources arrive in. The strongest basis wins, then the finest
 * precision, then the earliest start; claims that cannot both be true are a conflict.
 */
import type { DateBasis, DatePrecision } from '../ingest/types.js';

export interface CitationDateClaim {
  start: Date | null;
  end: Date | null;
  precision: DatePrecision | null;
  basis: DateBasis | null;
}

export interface ItemDate {
  start: Date;
  end: Date;
  precision: DatePrecision;
  basis: DateBasis;
}

const basisStrength: Record<DateBasis, number> = {
  CALLER: 7,
  EXPLICIT: 6,
  RELATIVE: 5,
  URL: 4,
  CORROBORATION: 4,
  // Inferred from the narration around it: better than the publication day, weaker than a cue of its own.
  CONTEXT: 3,
  PUBLICATION: 2,
  CAPTION: 1,
};
const precisionRank: Record<DatePrecision, number> = { DAY: 4, WEEK: 3, MONTH: 2, YEAR: 1 };

type Dated = CitationDateClaim & { start: Date; end: Date; precision: DatePrecision; basis: DateBasis };

const isDated = (c: CitationDateClaim): c is Dated =>
  c.start !== null && c.end !== null && c.precision !== null && c.basis !== null;

export function chooseItemDate(claims: CitationDateClaim[]): { date: ItemDate | null; conflict: boolean } {
  const dated = claims.filter(isDated);
  if (dated.length === 0) return { date: null, conflict: false };
  const sorted = [...dated].sort(
    (a, b) =>
      basisStrength[b.basis] - basisStrength[a.basis] ||
      precisionRank[b.precision] - precisionRank[a.precision] ||
      a.start.getTime() - b.start.getTime(),
  );
  const best = sorted[0] as Dated;
  // Only claims that read a date from the text can contradict each other; publication
  // and caption dates are defaults, not statements about the item.
  const strong = dated.filter((c) => basisStrength[c.basis] >= basisStrength.URL);
  const conflict = strong.some((a) =>
    strong.some((b) => a.start.getTime() >= b.end.getTime() || b.start.getTime() >= a.end.getTime()),
  );
  return { date: { start: best.start, end: best.end, precision: best.precision, basis: best.basis }, conflict };
}

/** Two fuzzy dates that could be the same moment (a missing date is compatible with all). */
export function datesCompatible(
  a: { start: Date | null; end: Date | null },
  b: { start: Date | null; end: Date | null },
  slackDays = 0,
): boolean {
  if (!a.start || !a.end || !b.start || !b.end) return true;
  const slack = slackDays * 86_400_000;
  return a.start.getTime() < b.end.getTime() + slack && b.start.getTime() < a.end.getTime() + slack;
}
