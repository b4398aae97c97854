/**
 * Where an article says when it was published: a line that is nothing but a date
 * ("June 07, 2018", "Published: Feb. 16, 2017 at 9:00 am | Updated: ..."), or the wire-style
 * dateline opening the first paragraph ("BRUSSELS, Feb 16, 2017 (Reuters) -"). Only dates
 * with a year count; "Feb 16 (Reuters)" needs the very reference date we are looking for.
 */
import { type CalendarDay, findFullDates } from './calendar-dates.js';
import { wireServicesIn } from './wire-services.js';

/** A date line is short; a sentence that happens to contain a date is not one. */
const MAX_DATELINE_LENGTH = 160;

export interface DatelineReading {
  /** The publication day, or the update day when the line gives only that. */
  day: CalendarDay;
  /** The line only says when the article was updated (later than published). */
  updatedOnly: boolean;
}

const ISO_TIME = /T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?/g;
// "9:00 am", "10.30 BST", "4 p.m."
const CLOCK_TIME = /\b\d{1,2}(?:[:.]\d{2}){1,2}(?: ?[ap]\.? ?m\.?)?|\b\d{1,2} ?[ap]\.? ?m\.?/gi;
const DATELINE_WORDS =
  /\b(?:first|last|originally|published|posted|updated|modified|created|date|dated|on|at|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|utc|gmt|z|et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt|bst|cet|cest|eet|eest|msk|ist|jst|aest|aedt)\b/gi;
/** Reuters prints "JUNE 7, 2018 / 3:12 PM / 3 YEARS AGO": the age is the scrape's, not the story's. */
const RELATIVE_AGE = /\b\d{1,3} (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago\b/gi;
const UPDATED_LABEL = /\b(?:updated|modified)\b/i;
const PUBLISHED_LABEL = /\b(?:published|posted|first published|created)\b/i;

/** A paragraph that is only a date, possibly labelled and timed. Null for anything else. */
export function readDatelineParagraph(text: string): DatelineReading | null {
  if (text.length > MAX_DATELINE_LENGTH) return null;
  const dates = findFullDates(text);
  const first = dates[0];
  if (first === undefined) return null;

  let rest = '';
  let cursor = 0;
  for (const date of dates) {
    rest += `${text.slice(cursor, date.index)} `;
    cursor = date.end;
  }
  rest += text.slice(cursor);
  rest = rest.replace(ISO_TIME, ' ').replace(RELATIVE_AGE, ' ').replace(CLOCK_TIME, ' ').replace(DATELINE_WORDS, ' ');
  if (/[\p{L}\p{N}]/u.test(rest)) return null;

  // "Published: A | Updated: B" -> A. "Updated: B" alone -> B, marked as an update.
  const updated = UPDATED_LABEL.exec(text);
  if (updated === null || first.index < updated.index || PUBLISHED_LABEL.test(text.slice(0, first.index))) {
    return { day: first, updatedOnly: false };
  }
  return { day: first, updatedOnly: true };
}

export interface BodyDateline {
  day: CalendarDay | null;
  /** Wire services the dateline credits: "ATHENS, Greece (AP) -" -> Associated Press. */
  wireServices: string[];
}

/** The dateline ends at the first dash: "WASHINGTON\u2014", "BRUSSELS (Reuters) -", "(CNN) --". */
const DATELINE_END = /\s?[\u2014\u2013]\s?|\s--?\s/;
const MAX_DATELINE_PREFIX = 100;

/**
 * The dateline that opens a wire-style first paragraph. It starts with a place in capitals
 * (or an agency in parentheses, or the date itself) and ends at the first dash.
 */
export function readBodyDateline(text: string): BodyDateline | null {
  const head = text.slice(0, MAX_DATELINE_PREFIX + 5);
  const end = DATELINE_END.exec(head);
  if (end === null || end.index === 0 || end.index > MAX_DATELINE_PREFIX) return null;
  const prefix = head.slice(0, end.index).trim();
  const firstWord = prefix.split(/[\s,]/)[0] ?? '';
  const placeInCapitals = /^\(?\p{Lu}[\p{Lu}\p{N}./'-]+\)?$/u.test(firstWord);
  const dates = findFullDates(prefix);
  const onlyADate = dates.length > 0 && !/[\p{L}\p{N}]/u.test(prefix.slice(0, dates[0]?.index ?? 0));
  if (!placeInCapitals && !onlyADate) return null;
  const agencies = /\(([^()]{1,40})\)/.exec(prefix);
  return { day: dates[0] ?? null, wireServices: agencies === null ? [] : wireServicesIn(agencies[1] ?? '') };
}

/** Wire datelines open the story, though story highlights or a deck may come first. */
const PARAGRAPHS_THAT_MAY_OPEN_THE_STORY = 3;

/** The dateline of the first of the opening body paragraphs that has one. */
export function findOpeningDateline(bodyParagraphs: readonly string[]): BodyDateline | null {
  for (const text of bodyParagraphs.slice(0, PARAGRAPHS_THAT_MAY_OPEN_THE_STORY)) {
    const dateline = readBodyDateline(text);
    if (dateline !== null) return dateline;
  }
  return null;
}
