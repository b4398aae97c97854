/**
 * Temporal expressions in news prose ("said Thursday", "on Feb. 16", "in April", "since
 * 2014", "last week") found with their offsets and resolved against the article's
 * publication date. Pure and total: any string in, mentions out, no I/O.
 *
 * Relative expressions resolve against the anchor by the tense of their clause: a weekday
 * in a past-tense or cue-less sentence is the latest on or before the anchor, under a future
 * cue ("is scheduled to meet on Friday") the next after it. A month, or a month and day,
 * with no cue at all is the occurrence nearest the anchor: news speaks of the coming months
 * as often as of the past ones. Explicit dates and years need no anchor.
 */
import type { FuzzyDate } from '../ingest/types.js';
import { fuzzyDate } from './dates/calendar.js';
import { type Candidate, proposeCandidates } from './dates/rules.js';
import { type DateAnchor, type MentionKind, needsTense, resolveSpec } from './dates/spec.js';
import { type Tense, TenseIndex } from './dates/tense.js';

export { EARLIEST_DATE, formatFuzzyDate, fuzzyDate, isStorable, LATEST_DATE } from './dates/calendar.js';
export type { DateAnchor, MentionKind } from './dates/spec.js';
export { detectTense, type Tense } from './dates/tense.js';

export interface TemporalMention {
  /** Offsets into the text passed in (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** The expression as written: "on Thursday", "in April", "Feb. 15, 2017". */
  text: string;
  /** Null when the expression needs an anchor and there is none, or names no real day. */
  date: FuzzyDate | null;
  /** EXPLICIT: a full date, a month and year, or a year. RELATIVE: resolved against the anchor. */
  basis: 'EXPLICIT' | 'RELATIVE';
  kind: MentionKind;
}

export interface FindTemporalMentionsOptions {
  /**
   * The tense of the text's clause when the caller knows it. Left out, each mention takes
   * the tense of the nearest cue in its own sentence.
   */
  tense?: Tense;
  /**
   * The day the narration is at before the text, for "a day earlier" and "the next day";
   * read only when the text holds such an expression. A day named earlier in the text
   * itself comes first.
   */
  narration?: () => Date | null;
}

/** Links and e-mail addresses: dates inside them ("/2017/02/16/") are not mentions. */
const LINK =
  /:\/\/|^\(?www\.|@[\p{L}\p{N}-]+\.\p{L}|^\(?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|gov|edu|int|mil|info|io|co|uk|ru|de|fr|cn|in|eu|us|ca|au)\//u;

/**
 * Marks every whitespace-delimited token that is or holds a link. Only tokens around a "/"
 * or "@" are read, each once, so prose without links costs two indexOf scans.
 */
function markLinks(text: string, taken: Uint8Array): void {
  for (const mark of ['/', '@']) {
    let at = text.indexOf(mark);
    while (at !== -1) {
      let start = at;
      while (start > 0 && !isWhitespace(text.charCodeAt(start - 1))) start -= 1;
      let end = at + 1;
      while (end < text.length && !isWhitespace(text.charCodeAt(end))) end += 1;
      if (LINK.test(text.slice(start, end))) taken.fill(1, start, end);
      at = text.indexOf(mark, end);
    }
  }
}

function isWhitespace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029;
}

/**
 * Every temporal expression in `text`, in order, none overlapping: where expressions
 * overlap the longest wins ("Thursday, Feb. 16, 2017" is one mention, not three).
 */
export function findTemporalMentions(
  text: string,
  anchor: DateAnchor | null,
  options: FindTemporalMentionsOptions = {},
): TemporalMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const taken = new Uint8Array(text.length);
  markLinks(text, taken);
  const chosen = chooseLongest(proposeCandidates(text), taken);
  // An anchor that is no date (new Date('')) dates nothing, like no anchor.
  const valid = anchor !== null && anchor.date instanceof Date && !Number.isNaN(anchor.date.getTime());
  const day: DateAnchor | null = valid ? { date: fuzzyDate(anchor.date, 'DAY').start, basis: anchor.basis } : null;
  let tenses: TenseIndex | null = null;
  let narrated: Date | null | undefined; // the last day named so far in the text
  const mentions = chosen.map((c): TemporalMention => {
    let tense: Tense = options.tense ?? 'unknown';
    if (options.tense === undefined && day !== null && needsTense(c.spec)) {
      tenses ??= new TenseIndex(text);
      tense = tenses.tenseAt(c.start, c.end);
    }
    let narration: Date | null = null;
    if (c.spec.type === 'narrative') narration = narrated ?? options.narration?.() ?? null;
    const date = resolveSpec(c.spec, day, tense, narration);
    if (date?.precision === 'DAY') narrated = date.start;
    return {
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      date,
      basis: c.spec.type === 'fixed' ? 'EXPLICIT' : 'RELATIVE',
      kind: c.kind,
    };
  });
  // "the next day" after no known day says nothing a reader could place: not a mention.
  return mentions.filter((m) => m.kind !== 'narrative' || m.date !== null);
}

/** The longest candidates that overlap neither each other nor a link; earlier first on ties. */
function chooseLongest(candidates: Candidate[], taken: Uint8Array): Candidate[] {
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    if (overlaps(taken, c.start, c.end)) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

function overlaps(taken: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) if (taken[i] === 1) return true;
  return false;
}
