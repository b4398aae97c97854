/**
 * The grammar of temporal expressions in news prose: one precompiled regex per form, each
 * with a check of the words around it. Rules only propose candidates; the caller keeps the
 * longest of overlapping ones. Every pattern is linear: bounded whitespace, no nested
 * quantifiers, so a megabyte of hostile text costs one pass per rule.
 */
import { isValidDay } from './calendar.js';
import {
  AMBIGUOUS_MONTHS,
  CLOCK_SOURCE,
  COUNT_NOUN_SOURCE,
  countValue,
  isAbbreviatedMonth,
  MONTH_SOURCE,
  monthIndex,
  NUMBER_WORD_SOURCE,
  WEEKDAY_SOURCE,
  weekdayIndex,
} from './lexicon.js';
import type { DateSpec, MentionKind, Modifier } from './spec.js';

export interface Candidate {
  start: number;
  end: number;
  kind: MentionKind;
  spec: DateSpec;
}

/** Horizontal whitespace between the words of one expression; never a line break. */
const S = '[^\\S\\n]{1,3}';
const ORDINAL = '(?:st|nd|rd|th)?';
const DAY = `(\\d{1,2})${ORDINAL}`;
/** An optional second day of a range ("Feb. 15-16"); the first day dates the mention. */
const DAY_RANGE = `(?:[^\\S\\n]?[-–][^\\S\\n]?\\d{1,2}${ORDINAL})?`;
const YEAR = '((?:19|20)\\d\\d|2100)';
/** With a month's name a year cannot be a count or a code, so older years are read too: "April 1865". */
const NAMED_MONTH_YEAR = '(1[6-9]\\d\\d|20\\d\\d|21\\d\\d)';
const YEAR_END = '(?![\\p{L}\\p{N}]|[.,:]\\p{N})';
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}_])';

const ISO_DATE = new RegExp(`(?<![\\p{L}\\p{N}_/.-])${YEAR}([-/])([01]\\d)\\2([0-3]\\d)(?![\\p{N}]|[-/]\\p{N})`, 'gu');
const NUMERIC_DATE = new RegExp(
  `(?<![\\p{L}\\p{N}_/.,-])(\\d{1,2})([/.-])(\\d{1,2})\\2${YEAR}(?![\\p{L}\\p{N}]|[/.-]\\p{N})`,
  'gu',
);
const NINE_ELEVEN = /(?<![\p{L}\p{N}_/.-])9\/11(?![\p{N}]|\/\p{N})/gu;
const MONTH_DAY_YEAR = new RegExp(
  `${NOT_AFTER_WORD}(${MONTH_SOURCE})${S}${DAY}${DAY_RANGE}(?:[^\\S\\n]?,[^\\S\\n]?|${S})${NAMED_MONTH_YEAR}${YEAR_END}`,
  'gu',
);
const DAY_MONTH_YEAR = new RegExp(
  `(?<![\\p{L}\\p{N}_.,$€£])${DAY}${DAY_RANGE}${S}(?:of${S})?(${MONTH_SOURCE})(?:[^\\S\\n]?,[^\\S\\n]?|${S})${NAMED_MONTH_YEAR}${YEAR_END}`,
  'gu',
);
const MONTH_DAY = new RegExp(
  `${NOT_AFTER_WORD}(${MONTH_SOURCE})${S}${DAY}${DAY_RANGE}(?![\\p{L}\\p{N}]|[.,:]\\p{N})`,
  'gu',
);
const DAY_MONTH = new RegExp(`(?<![\\p{L}\\p{N}_.,$€£])${DAY}${DAY_RANGE}${S}(?:of${S})?(${MONTH_SOURCE})`, 'gu');
const MONTH_YEAR = new RegExp(
  `${NOT_AFTER_WORD}(${MONTH_SOURCE})(?:[^\\S\\n]?,[^\\S\\n]?|${S})(?:of${S})?${NAMED_MONTH_YEAR}${YEAR_END}`,
  'gu',
);
const MONTH_ALONE = new RegExp(`${NOT_AFTER_WORD}(${MONTH_SOURCE})(?!-\\p{L})`, 'gu');
const WEEKDAY = new RegExp(
  `${NOT_AFTER_WORD}(${WEEKDAY_SOURCE})(?:${S}(morning|afternoon|evening|night)(?![\\p{L}\\p{N}]))?`,
  'gu',
);
const RELATIVE_PERIOD = new RegExp(
  `${NOT_AFTER_WORD}(?:(earlier|later|early|late)${S})?(this(?:${S}(?:past|coming))?|last|next)${S}(week|weekend|month|year)(?![\\p{L}\\p{N}])`,
  'giu',
);
const RELATIVE_DAY = new RegExp(
  `${NOT_AFTER_WORD}(?:(earlier|later|early|late)${S})?(yesterday|today|tomorrow|tonight|last${S}night|this${S}(?:morning|afternoon|evening))(?![\\p{L}\\p{N}])`,
  'giu',
);
const AGO = new RegExp(
  // Not the tail of "2,000 years ago".
  `${NOT_AFTER_WORD}(?<!\\p{N}[,.])(\\d{1,3}|${NUMBER_WORD_SOURCE})${S}(days?|weeks?|months?|years?|decades?)${S}ago(?![\\p{L}\\p{N}])`,
  'giu',
);
// "a day earlier", "two weeks later", "the next day", "the day before", "that morning".
const NARRATIVE = new RegExp(
  `${NOT_AFTER_WORD}(?:(a|an|\\d{1,2}|${NUMBER_WORD_SOURCE})${S}(days?|weeks?)${S}(earlier|later|before|after)|the${S}(next|following|previous|same)${S}(day|week|morning|afternoon|evening|night)|the${S}day${S}(before|after)|that${S}(day|morning|afternoon|evening|night))(?![\\p{L}\\p{N}])`,
  'giu',
);
const YEAR_ALONE = new RegExp(`${NOT_AFTER_WORD}${YEAR}(?![\\p{N}_]|[.,:]\\p{N}|\\p{L})`, 'gu');

// Words before and after a match, read from short slices of the text.
const DATE_MODIFIER_BEFORE = new RegExp(`(?<![\\p{L}])(this|next|last)${S}$`, 'iu');
const PREP_ON = new RegExp(`(?<![\\p{L}])(?:on|On|ON|since|Since|SINCE)${S}$`, 'u');
/** "on the 16th of February": the article belongs to the expression only before a day number. */
const PREP_ON_THE = new RegExp(`(?<![\\p{L}])(?:on|On|ON|since|Since|SINCE)${S}the${S}$`, 'u');
const WEEKDAY_BEFORE = new RegExp(
  `(?<![\\p{L}])(${WEEKDAY_SOURCE})(?:${S}(?:morning|afternoon|evening|night))?[^\\S\\n]?,?${S}(?:the${S})?$`,
  'u',
);
const WEEKDAY_PREFIX = new RegExp(
  `(?<![\\p{L}])(?:(on|since)${S})?(?:(last|next|this${S}past|this${S}coming|this|coming|early|late|earlier|later)${S}(?:on${S})?)?$`,
  'iu',
);
const MID_HYPHEN_BEFORE = /(?:^|[^\p{L}])[Mm]id-$/u;
const PERIOD_PREFIX = new RegExp(
  `(?<![\\p{L}])(?:(in|since|during)${S})?(?:(last|next|this|early|late|earlier|later)${S}|mid(?:-|${S})|the${S}(?:end|beginning|start|middle)${S}of${S})?$`,
  'iu',
);
/** Words that put a month name in a date context without being part of the expression. */
const MONTH_CONTEXT = new RegExp(`(?<![\\p{L}])(?:until|till|through|by|from|before|after|between|of)${S}$`, 'iu');
/** The contexts that make "May" a month even though Theresa May is often "backed by May". */
const STRONG_MONTH_CONTEXT = new RegExp(
  `(?<![\\p{L}])(?:until|till|through|(?:week|weekend|end|start|beginning|middle|half|part|rest|days)${S}of)${S}$`,
  'iu',
);
const MONTH_LIST_BEFORE = new RegExp(`(${MONTH_SOURCE})[^\\S\\n]?(?:,|and|or|to|through|[-–])?${S}$`, 'u');
const HONORIFIC_BEFORE = /(?<![\p{L}])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Rev|Prof|Sgt|Capt)\.?[^\S\n]{1,3}$/u;
/** Named days that are not a date: "Black Friday", "Super Tuesday", "Good Friday Agreement". */
const NAMED_DAY_BEFORE =
  /(?<![\p{L}])(?:Black|Good|Bloody|Super|Cyber|Ash|Easter|Palm|Holy|Maundy|Shrove|Fat|Blue|News|Giving|Whit|Low|Passion|Mad|Manic|Red|Dark|Small\s+Business)[^\S\n]{1,3}$/u;
const RECURRING_BEFORE = new RegExp(`(?<![\\p{L}])(?:every|each|on${S}alternate)${S}$`, 'iu');
const CAPITALIZED_WORD_BEFORE = /(?<![\p{L}])(\p{Lu}[\p{L}'’.-]*)[^\S\n]{1,3}$/u;
const CAPITALIZED_WORD_AFTER = /^(?:['’]s)?[^\S\n]{1,3}\p{Lu}/u;
const LOWERCASE_WORD_AFTER = /^[^\S\n]{1,3}\p{Ll}/u;
/** A determiner makes a following number a modifier ("the 2014 protesters"), not a count. */
const DETERMINER_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:the|a|an|this|that|these|those|its|his|her|their|our|last|next)${S}$|['’]s${S}$`,
  'iu',
);

const FUNCTION_WORD_AFTER =
  /^[^\S\n]{1,3}(?:and|or|but|nor|in|on|at|to|for|of|with|by|from|as|that|which|who|is|was|are|were|has|had|will)(?![\p{L}])/u;
const COUNT_NOUN_AFTER = new RegExp(`^[^\\S\\n]?(?:${COUNT_NOUN_SOURCE})(?![\\p{L}\\p{N}])`, 'iu');
const CLOCK_AFTER = new RegExp(`^[^\\S\\n]?${CLOCK_SOURCE}(?![\\p{L}])`, 'u');
/** "May" followed by a verb is Theresa May, not the month: "since May took office". */
const VERB_AFTER =
  /^(?:['’]s|[^\S\n]{1,3}(?:\p{Ll}+ed|said|says|told|tells|has|had|is|was|will|would|could|should|can|did|does|took|takes|met|meets|spoke|speaks|won|wins|lost|faces|urged|insisted|wants|wanted|made|makes)(?![\p{L}]))/u;
/** Things numbered by a four-digit number that is not a year: "Route 2014", "Resolution 2042". */
const NUMBERED_THING_BEFORE =
  /(?<![\p{L}])(?:no|nos|number|num|route|highway|interstate|hwy|flight|room|suite|resolution|article|section|chapter|page|pp?|para|paragraph|rule|lot|unit|apt|apartment|box|code|model|bus|building|gate|platform|ward|precinct|channel|track|exit|block|level|item|table|figure|fig|vol|volume|issue|episode|cell|terminal|pier|berth|hall|zone|sector|floor|hangar|seat|row|checkpoint|division|regiment|brigade|battalion|squadron|tel|phone|fax|ext|dial|extension|serial|version|type|mark|mk|size|score|altitude|elevation|depth|height)\.?[^\S\n]{0,3}#?[^\S\n]?$/iu;
/** A copyright line dates the page, not anything the article reports. */
const COPYRIGHT_BEFORE = /(?:©|\([cC]\)|(?<![\p{L}])[Cc]opyright)[^\S\n]{0,3}(?:©[^\S\n]{0,3})?$/u;
const CURRENCY_BEFORE = /(?:[$€£¥₹#№@]|(?<![\p{L}])Rs\.?)[^\S\n]?$/u;
const QUANTIFIER_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:some|about|around|roughly|approximately|approx|nearly|almost|over|under|more${S}than|less${S}than|fewer${S}than|at${S}least|at${S}most|up${S}to|as${S}many${S}as|as${S}much${S}as|an${S}estimated|estimated|total${S}of|only|just|another|additional|extra|killing|wounding|injuring|employs|employing|deployed|deploying)${S}$`,
  'iu',
);
/** After a quantifier, these words keep a four-digit number a year: "around 2014, when". */
const TEMPORAL_FOLLOWER =
  /^(?:[^\p{L}\p{N}]|[^\S\n]{1,3}(?:and|or|to|when|until|through|but|as|after|before|in|on|at|for|that|which|while|the|a|an)(?![\p{L}]))/u;
const TEMPORAL_PREP_BEFORE = new RegExp(`(?<![\\p{L}])(?:in|since|during|of|by|until|till|from|through)${S}$`, 'iu');
const DECADE_BEFORE = new RegExp(`(?<![\\p{L}])(?:the|early|late|mid)(?:${S}|-)$`, 'iu');
const HYPHEN_WORD_BEFORE = /(?<!\p{L})(\p{L}+)[-–]$/u;
/** Words that may be hyphened to a year: "mid-2014", "pre-2014 borders". */
const YEAR_HYPHEN_WORDS = new Set(['mid', 'pre', 'post', 'early', 'late', 'end', 'fiscal', 'fy']);
/** Characters that, written right before four digits, make them something other than a year. */
const NOT_BEFORE_YEAR = '$€£¥₹#№@©/.,:';
const DIGIT_BEFORE = /\p{N}[^\S\n]?[-–.)/]?[^\S\n]?$/u;
const YEAR_RANGE_BEFORE = /(?<![\p{N}])(?:19|20)\d\d[^\S\n]?(?:[-–—/]|to|and)[^\S\n]?$/u;
const YEAR_RANGE_AFTER = /^[^\S\n]?[-–—][^\S\n]?(\d+)/u;
const SEPT_11_AFTER =
  /^[^\S\n]{1,3}(?:attacks?|terror|terrorist|hijack(?:ers|ings?)?|commission|victims|era|memorial)(?![\p{L}])/iu;

const RELATIVE_YEAR_AFTER = new RegExp(
  `^(?:[^\\S\\n]?,)?${S}(?:of${S})?(this|last|next)${S}year(?![\\p{L}\\p{N}])`,
  'iu',
);
const RELATIVE_WEEK_AFTER = new RegExp(
  `^(?:[^\\S\\n]?,)?${S}(?:of${S})?(this|last|next)${S}week(?![\\p{L}\\p{N}])`,
  'iu',
);

/** -1, 0 or +1 for "last", "this", "next"; null when there is no such word. */
function offsetOf(word: string | undefined): number | null {
  if (word === undefined) return null;
  const lower = word.toLowerCase();
  return lower === 'last' ? -1 : lower === 'next' ? 1 : 0;
}

const LOOK = 32;

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\u00a0' || ch === '\t';
}

function before(text: string, start: number): string {
  return text.slice(Math.max(0, start - LOOK), start);
}

function after(text: string, end: number): string {
  return text.slice(end, end + LOOK);
}

function day(year: number, month: number, dayOfMonth: number): DateSpec | null {
  if (!isValidDay(year, month, dayOfMonth)) return null;
  return { type: 'fixed', precision: 'DAY', year, month, day: dayOfMonth };
}

/**
 * Extends a date's start over a leading weekday, "on"/"since" and, when asked, "this",
 * "next" or "last": "on Thursday, Feb. 16", "Next Monday, April 15", "this December 8".
 */
function extendDate(
  text: string,
  start: number,
  withModifier = false,
): { start: number; weekday: number | null; modifier: Modifier } {
  let weekday: number | null = null;
  let modifier: Modifier = null;
  if (!isSpace(text.charAt(start - 1))) return { start, weekday, modifier };
  const weekdayMatch = WEEKDAY_BEFORE.exec(before(text, start));
  if (weekdayMatch !== null) {
    start -= weekdayMatch[0].length;
    weekday = weekdayIndex(weekdayMatch[1]!);
  }
  // Only a date without a year takes one: in "In this Wednesday May 1, 2019 file photo"
  // "this" belongs to the photo.
  const modifierMatch = withModifier ? DATE_MODIFIER_BEFORE.exec(before(text, start)) : null;
  if (modifierMatch !== null) {
    start -= modifierMatch[0].length;
    modifier = periodModifier(modifierMatch[1]!.toLowerCase());
  }
  const previous = before(text, start);
  const prep = (/\d/.test(text.charAt(start)) ? PREP_ON_THE.exec(previous) : null) ?? PREP_ON.exec(previous);
  if (prep !== null) {
    start -= prep[0].length;
    if (modifier === null && /^since/i.test(prep[0])) modifier = 'since';
  }
  return { start, weekday, modifier };
}

/** Extends a month's or year's start over "in", "since", "last", "early", "mid-", "the end of". */
function extendPeriod(text: string, start: number): { start: number; preposition: string; modifier: string } {
  const charBefore = text.charAt(start - 1);
  if (charBefore === '-') {
    // Only "mid-" is hyphened to a month or year ("mid-March", "since mid-2014").
    if (!MID_HYPHEN_BEFORE.test(text.slice(Math.max(0, start - 5), start))) {
      return { start, preposition: '', modifier: '' };
    }
    const outer = extendPeriod(text, start - 4);
    return outer.start < start - 4 ? { ...outer, modifier: '' } : { start: start - 4, preposition: '', modifier: '' };
  }
  if (!isSpace(charBefore)) return { start, preposition: '', modifier: '' };
  const m = PERIOD_PREFIX.exec(before(text, start));
  if (m === null) return { start, preposition: '', modifier: '' };
  return { start: start - m[0].length, preposition: (m[1] ?? '').toLowerCase(), modifier: (m[2] ?? '').toLowerCase() };
}

function weekdayModifier(word: string, preposition: string | undefined): Modifier {
  if (word === 'last' || word === 'this past') return 'last';
  if (word === 'next' || word === 'this coming' || word === 'coming') return 'next';
  if (word === 'this') return 'this';
  return preposition?.toLowerCase() === 'since' ? 'since' : null;
}

function periodModifier(word: string): Modifier {
  if (word === 'last' || word === 'next' || word === 'this') return word;
  return null;
}

type Rule = (text: string, m: RegExpExecArray) => Candidate | null;

function isoDate(text: string, m: RegExpExecArray): Candidate | null {
  const spec = day(Number(m[1]), Number(m[3]) - 1, Number(m[4]));
  if (spec === null) return null;
  const { start } = extendDate(text, m.index);
  return { start, end: m.index + m[0].length, kind: 'date', spec };
}

function numericDate(text: string, m: RegExpExecArray): Candidate | null {
  const a = Number(m[1]);
  const b = Number(m[3]);
  const separator = m[2];
  // Slashes and hyphens are read month-first (US news); dots day-first (European). A first
  // number over 12 can only be a day, whatever the separator.
  const dayFirst = a > 12 || (separator === '.' && b <= 12);
  const spec = dayFirst ? day(Number(m[4]), b - 1, a) : day(Number(m[4]), a - 1, b);
  if (spec === null) return null;
  const { start } = extendDate(text, m.index);
  return { start, end: m.index + m[0].length, kind: 'date', spec };
}

function nineEleven(_text: string, m: RegExpExecArray): Candidate | null {
  const spec = day(2001, 8, 11)!;
  return { start: m.index, end: m.index + m[0].length, kind: 'date', spec };
}

function monthDayYear(text: string, m: RegExpExecArray): Candidate | null {
  const spec = day(Number(m[3]), monthIndex(m[1]!), Number(m[2]));
  if (spec === null) return null;
  const { start } = extendDate(text, m.index);
  return { start, end: m.index + m[0].length, kind: 'date', spec };
}

function dayMonthYear(text: string, m: RegExpExecArray): Candidate | null {
  const spec = day(Number(m[3]), monthIndex(m[2]!), Number(m[1]));
  if (spec === null) return null;
  const { start } = extendDate(text, m.index);
  return { start, end: m.index + m[0].length, kind: 'date', spec };
}

/** A month and day without a year; `dayText` is the day's digits. */
function monthDay(text: string, m: RegExpExecArray, month: number, dayText: string): Candidate | null {
  const dayOfMonth = Number(dayText);
  if (!isValidDay(2000, month, dayOfMonth)) return null; // 2000 is a leap year: allows 29 Feb
  const end = m.index + m[0].length;
  const following = after(text, end);
  const { start, weekday, modifier } = extendDate(text, m.index, true);
  if (month === 8 && dayOfMonth === 11 && SEPT_11_AFTER.test(following)) {
    return { start, end, kind: 'date', spec: day(2001, 8, 11)! }; // "the Sept. 11 attacks"
  }
  // "In March 30 people died" is a count; "the May 1 protesters" a date.
  if (COUNT_NOUN_AFTER.test(following) && !DETERMINER_BEFORE.test(before(text, start))) return null;
  const relativeYear = RELATIVE_YEAR_AFTER.exec(following); // "August 17 next year"
  return {
    start,
    end: end + (relativeYear?.[0].length ?? 0),
    kind: 'date',
    spec: { type: 'month-day', month, day: dayOfMonth, weekday, modifier, yearOffset: offsetOf(relativeYear?.[1]) },
  };
}

function monthYear(text: string, m: RegExpExecArray): Candidate | null {
  const end = m.index + m[0].length;
  const month = monthIndex(m[1]!);
  const { start } = extendPeriod(text, m.index);
  // "In May 2000 people marched" is a count; "the March 2014 protesters" a date.
  if (COUNT_NOUN_AFTER.test(after(text, end)) && !DETERMINER_BEFORE.test(before(text, start))) return null;
  return {
    start,
    end,
    kind: 'month',
    spec: { type: 'fixed', precision: 'MONTH', year: Number(m[2]), month, day: 1 },
  };
}

function monthAlone(text: string, m: RegExpExecArray): Candidate | null {
  const token = m[1]!;
  const month = monthIndex(token);
  const end = m.index + token.length;
  const extended = extendPeriod(text, m.index);
  const hasContext = extended.start < m.index;
  // Every context word is separated from the month by a space.
  const previous = isSpace(text.charAt(m.index - 1)) ? before(text, m.index) : '';
  const following = after(text, end);
  const listed = MONTH_LIST_BEFORE.test(previous); // "between March and May"
  const ambiguous = AMBIGUOUS_MONTHS.has(month) || isAbbreviatedMonth(token);
  if (ambiguous) {
    const context = month === 4 ? STRONG_MONTH_CONTEXT : MONTH_CONTEXT;
    // "a March statement", "the May deadline": a determiner and a lower-case noun, but not
    // "the Women's March and": a possessive or a function word after marks a name.
    const modifierOfNoun =
      DETERMINER_BEFORE.test(previous) &&
      !/['’]s[^\S\n]{1,3}$/u.test(previous) &&
      LOWERCASE_WORD_AFTER.test(following) &&
      !FUNCTION_WORD_AFTER.test(following);
    if (!hasContext && !listed && !modifierOfNoun && !context.test(previous)) return null;
    if (month === 4 && VERB_AFTER.test(following)) return null; // "since May took office": Theresa May
  } else if (!hasContext && !listed && !DETERMINER_BEFORE.test(previous)) {
    // A bare full name is a month unless it is part of a name: "April Ryan", "Rep. June
    // Smith". After a determiner it is a month again: "the November Paris attacks".
    if (CAPITALIZED_WORD_AFTER.test(following) && !/^['’]s/u.test(following)) return null;
    const word = CAPITALIZED_WORD_BEFORE.exec(previous)?.[1];
    if (word !== undefined && !isSentenceStartWord(text, m.index - previous.length + previous.lastIndexOf(word)))
      return null;
  }
  const relativeYear = RELATIVE_YEAR_AFTER.exec(following); // "in January of this year"
  return {
    start: extended.start,
    end: end + (relativeYear?.[0].length ?? 0),
    kind: 'month',
    spec: {
      type: 'month',
      month,
      modifier: periodModifier(extended.modifier) ?? (extended.preposition === 'since' ? 'since' : null),
      yearOffset: offsetOf(relativeYear?.[1]),
    },
  };
}

/** True when the word at `index` starts a sentence (so its capital says nothing about it). */
function isSentenceStartWord(text: string, index: number): boolean {
  const previous = before(text, index).replace(/[^\S\n]+$/u, '');
  return previous === '' || /[.!?:;"“”'‘’([\n—-]$/u.test(previous);
}

function weekday(text: string, m: RegExpExecArray): Candidate | null {
  const index = weekdayIndex(m[1]!);
  const end = m.index + m[0].length;
  // Every word that changes a weekday is separated from it by a space.
  const previous = isSpace(text.charAt(m.index - 1)) ? before(text, m.index) : '';
  const following = after(text, m.index + m[1]!.length);
  if (HONORIFIC_BEFORE.test(previous) || NAMED_DAY_BEFORE.test(previous) || RECURRING_BEFORE.test(previous)) {
    return null;
  }
  const prefix = WEEKDAY_PREFIX.exec(previous);
  const prefixLength = prefix?.[0].length ?? 0;
  // Without "on", "last" or the like, a capitalized word after makes the weekday part of a
  // name: "Sunday Times", "Monday Night Football". One before does not: "at the White House
  // Sunday", "President Trump Thursday signed"; named days were rejected above.
  if (prefixLength === 0 && CAPITALIZED_WORD_AFTER.test(following) && !/^['’]s/u.test(following)) return null;
  const modifier = weekdayModifier((prefix?.[2] ?? '').toLowerCase().replace(/\s+/g, ' '), prefix?.[1]);
  const relativeWeek = RELATIVE_WEEK_AFTER.exec(after(text, end)); // "Monday next week"
  return {
    start: m.index - prefixLength,
    end: end + (relativeWeek?.[0].length ?? 0),
    kind: 'weekday',
    spec: { type: 'weekday', weekday: index, modifier, weekOffset: offsetOf(relativeWeek?.[1]) },
  };
}

const ARTICLE_BEFORE = new RegExp(`(?<![\\p{L}])(?:the|a|an|its|their|his|her|our|each|every|for${S}the)${S}$`, 'iu');

function relativePeriod(text: string, m: RegExpExecArray): Candidate | null {
  // "the last week of May", "over the next year": a span, not a date.
  if (ARTICLE_BEFORE.test(before(text, m.index))) return null;
  // A capitalized unit mid-sentence is a title: ABC's “This Week”, “Last Week Tonight”.
  if (/^\p{Lu}\p{Ll}/u.test(m[3]!) && (!isSentenceStartWord(text, m.index) || /[“"‘]$/u.test(before(text, m.index)))) {
    return null;
  }
  const determiner = m[2]!.toLowerCase().replace(/\s+/g, ' ');
  const unit = m[3]!.toLowerCase();
  const amount = determiner === 'last' || determiner === 'this past' ? -1 : determiner === 'next' ? 1 : 0;
  const start = m.index;
  const end = m.index + m[0].length;
  if (unit === 'weekend') return { start, end, kind: 'relative-week', spec: { type: 'weekend', amount } };
  if (unit === 'week') return { start, end, kind: 'relative-week', spec: { type: 'offset', unit: 'WEEK', amount } };
  if (unit === 'month') return { start, end, kind: 'relative-month', spec: { type: 'offset', unit: 'MONTH', amount } };
  return { start, end, kind: 'relative-year', spec: { type: 'offset', unit: 'YEAR', amount } };
}

function relativeDay(text: string, m: RegExpExecArray): Candidate | null {
  const word = m[2]!;
  // Capitalized mid-sentence, it is a name: "USA Today", "USA TODAY", "Russia Today".
  if (m[1] === undefined && /^\p{Lu}/u.test(word) && !isSentenceStartWord(text, m.index)) return null;
  const lower = word.toLowerCase().replace(/\s+/g, ' ');
  const amount = lower === 'yesterday' || lower === 'last night' ? -1 : lower === 'tomorrow' ? 1 : 0;
  return {
    start: m.index,
    end: m.index + m[0].length,
    kind: 'relative-day',
    spec: { type: 'offset', unit: 'DAY', amount },
  };
}

function ago(text: string, m: RegExpExecArray): Candidate | null {
  const count = countValue(m[1]!);
  if (count === null) return null;
  // "half a year ago", "a year and a half ago" are not whole units.
  if (/(?<![\p{L}])half[^\S\n]{1,3}$/iu.test(before(text, m.index))) return null;
  const unit = m[2]!.toLowerCase().replace(/s$/, '');
  const start = m.index;
  const end = m.index + m[0].length;
  switch (unit) {
    case 'day':
      return { start, end, kind: 'relative-day', spec: { type: 'offset', unit: 'DAY', amount: -count } };
    case 'week':
      return { start, end, kind: 'relative-week', spec: { type: 'offset', unit: 'WEEK', amount: -count } };
    case 'month':
      return { start, end, kind: 'relative-month', spec: { type: 'offset', unit: 'MONTH', amount: -count } };
    case 'year':
      return { start, end, kind: 'relative-year', spec: { type: 'offset', unit: 'YEAR', amount: -count } };
    default:
      return { start, end, kind: 'relative-year', spec: { type: 'offset', unit: 'YEAR', amount: -10 * count } };
  }
}

/**
 * Counted from the day being narrated. "before" and "after" count only when nothing
 * follows them ("two days before, ..."): "a day after the vote" counts from the vote, a
 * day the text would have to name, so it is left undated rather than guessed.
 */
function narrative(text: string, m: RegExpExecArray): Candidate | null {
  const start = m.index;
  const end = m.index + m[0].length;
  const direction = (m[3] ?? m[6] ?? '').toLowerCase();
  if ((direction === 'before' || direction === 'after') && !/^\s*(?:[,.;:)]|$)/u.test(after(text, end))) return null;
  let unit: 'DAY' | 'WEEK' = 'DAY';
  let amount = 0;
  if (m[2] !== undefined) {
    const count = /^an?$/iu.test(m[1]!) ? 1 : countValue(m[1]!);
    if (count === null) return null;
    unit = /^week/iu.test(m[2]) ? 'WEEK' : 'DAY';
    amount = direction === 'earlier' || direction === 'before' ? -count : count;
  } else if (m[4] !== undefined) {
    const which = m[4].toLowerCase();
    unit = m[5]!.toLowerCase() === 'week' ? 'WEEK' : 'DAY';
    amount = which === 'next' || which === 'following' ? 1 : which === 'previous' ? -1 : 0;
  } else if (m[6] !== undefined) {
    amount = direction === 'before' ? -1 : 1;
  }
  return { start, end, kind: 'narrative', spec: { type: 'narrative', unit, amount } };
}

function year(text: string, m: RegExpExecArray): Candidate | null {
  const value = Number(m[1]);
  if (value < 1900 || value > 2100) return null;
  const end = m.index + m[0].length;
  const following = after(text, end);
  if (CLOCK_AFTER.test(following)) return null; // "at 2100 GMT"
  const range = YEAR_RANGE_AFTER.exec(following);
  if (range !== null && range[1]!.length > 2) {
    const next = Number(range[1]);
    if (range[1]!.length !== 4 || next < 1900 || next > 2100) return null; // "2014-5555"
  }
  // Most checks read the word before; the character before says which can apply.
  const charBefore = text.charAt(m.index - 1);
  const previous = before(text, m.index);
  if (charBefore === '-' || charBefore === '–') {
    const hyphenWord = HYPHEN_WORD_BEFORE.exec(previous)?.[1]?.toLowerCase();
    if (hyphenWord !== undefined && !YEAR_HYPHEN_WORDS.has(hyphenWord)) return null; // "F-2014", "Su-2000"
    if (hyphenWord === undefined && DIGIT_BEFORE.test(previous) && !YEAR_RANGE_BEFORE.test(previous)) return null;
  } else if (isSpace(charBefore)) {
    if (CURRENCY_BEFORE.test(previous) || NUMBERED_THING_BEFORE.test(previous) || COPYRIGHT_BEFORE.test(previous)) {
      return null;
    }
    if (DIGIT_BEFORE.test(previous) && !YEAR_RANGE_BEFORE.test(previous)) return null; // phone numbers, "1 2014"
    // "the 1990's" is a decade; "2010's election" a year.
    if (value % 10 === 0 && /^['’]s(?![\p{L}])/u.test(following) && DECADE_BEFORE.test(previous)) return null;
    if (!TEMPORAL_PREP_BEFORE.test(previous)) {
      if (COUNT_NOUN_AFTER.test(following) && !DETERMINER_BEFORE.test(previous)) return null; // "2000 troops"
      if (QUANTIFIER_BEFORE.test(previous) && !TEMPORAL_FOLLOWER.test(following)) return null; // "about 2000 people"
    }
  } else if (charBefore !== '' && NOT_BEFORE_YEAR.includes(charBefore)) {
    return null; // "$2014", "#2014", "©2019", "1/2014"
  } else if (COUNT_NOUN_AFTER.test(following)) {
    return null; // "(2000 troops)"
  }
  const extended = extendPeriod(text, m.index);
  const modifier = extended.modifier;
  // "last 2014" is not English; keep only the preposition in that case.
  const start = modifier === 'last' || modifier === 'next' || modifier === 'this' ? m.index : extended.start;
  const since = extended.preposition === 'since' && start === extended.start;
  return {
    start,
    end,
    kind: since ? 'since-year' : 'year',
    spec: { type: 'fixed', precision: 'YEAR', year: value, month: 0, day: 1 },
  };
}

const RULES: ReadonlyArray<readonly [RegExp, Rule]> = [
  [ISO_DATE, isoDate],
  [NUMERIC_DATE, numericDate],
  [NINE_ELEVEN, nineEleven],
  [MONTH_DAY_YEAR, monthDayYear],
  [DAY_MONTH_YEAR, dayMonthYear],
  [MONTH_DAY, (text, m) => monthDay(text, m, monthIndex(m[1]!), m[2]!)],
  [DAY_MONTH, (text, m) => monthDay(text, m, monthIndex(m[2]!), m[1]!)],
  [MONTH_YEAR, monthYear],
  [MONTH_ALONE, monthAlone],
  [WEEKDAY, weekday],
  [RELATIVE_PERIOD, relativePeriod],
  [RELATIVE_DAY, relativeDay],
  [AGO, ago],
  [NARRATIVE, narrative],
  [YEAR_ALONE, year],
];

/** Every candidate the rules propose, overlapping ones included. */
export function proposeCandidates(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const [pattern, rule] of RULES) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const candidate = rule(text, m);
      if (candidate !== null) candidates.push(candidate);
      // A rejected match may hide a shorter one starting inside it: retry one character on.
      else pattern.lastIndex = m.index + 1;
    }
  }
  return candidates;
}
