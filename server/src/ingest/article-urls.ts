/**
 * URLs in article text: finding them, telling whether a paragraph is nothing but a URL or a
 * label announcing this article's own URL ("Original url:"), and reading a publication date
 * from a URL's path.
 */
import { type CalendarDay, isValidDay, monthFromName } from './calendar-dates.js';

// No nested quantifiers: a URL ends at whitespace, an angle bracket or a quote.
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`\u201c\u201d]{1,2000}/gi;
/** Trailing punctuation that belongs to the sentence, not the URL. */
const URL_TRAILING_PUNCTUATION = /[).,;:!?\]}\u2019]+$/;

/** Absolute http(s) URL in canonical form, or null when it does not parse. */
export function canonicalHttpUrl(candidate: string): string | null {
  try {
    const url = new URL(candidate.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.hostname === '' || !url.hostname.includes('.')) return null;
    return url.href;
  } catch {
    return null;
  }
}

export function findUrls(text: string): string[] {
  const urls: string[] = [];
  for (const [match] of text.matchAll(URL_IN_TEXT)) {
    const url = canonicalHttpUrl(match.replace(URL_TRAILING_PUNCTUATION, ''));
    if (url !== null) urls.push(url);
  }
  return urls;
}

/** A paragraph that is only a URL, possibly in <angle brackets>. */
export function bareUrl(text: string): string | null {
  if (text.length > 2100 || /\s/.test(text)) return null;
  const unwrapped = text.replace(/^<(.*)>$/, '$1');
  return /^https?:\/\//i.test(unwrapped) ? canonicalHttpUrl(unwrapped) : null;
}

/**
 * Labels under which a page states its own address. Deliberately narrow: a URL anywhere
 * else in the text (related stories, sources, tweets) is some other page's.
 */
const OWN_URL_LABEL =
  /^(?:original (?:url|link|article)|source url|source|url|canonical(?: url| link)?|permalink)\s*:\s*(.*)$/i;

/**
 * The value after an own-URL label ("Original url: <value>"), '' when the URL is on the
 * next line, or null when the paragraph is not such a label.
 */
export function ownUrlLabelValue(text: string): string | null {
  if (text.length > 2100) return null;
  const match = OWN_URL_LABEL.exec(text);
  return match === null ? null : (match[1] ?? '').trim();
}

const URL_PATH_DATES: ReadonlyArray<{ pattern: RegExp; read: (m: RegExpExecArray) => CalendarDay | null }> = [
  // /2018/06/07/
  { pattern: /\/(\d{4})\/(\d{1,2})\/(\d{1,2})(?=[/_.-]|$)/, read: (m) => numericDay(m[1], m[2], m[3]) },
  // /2018/jun/07/ (The Guardian, The Washington Times)
  {
    pattern: /\/(\d{4})\/([a-z]{3,9})\/(\d{1,2})(?=[/_.-]|$)/i,
    read: (m) => {
      const month = monthFromName(m[2] ?? '');
      return month === null ? null : numericDay(m[1], String(month), m[3]);
    },
  },
  // /2014/0505/ (The Christian Science Monitor)
  { pattern: /\/(\d{4})\/(\d{2})(\d{2})(?=[/_.-]|$)/, read: (m) => numericDay(m[1], m[2], m[3]) },
  // /2018-06-07/
  { pattern: /\/(\d{4})-(\d{2})-(\d{2})(?=[/_.-]|$)/, read: (m) => numericDay(m[1], m[2], m[3]) },
  // /20180607 or -20180607-
  { pattern: /[/_-](\d{4})(\d{2})(\d{2})(?=[/_.-]|$)/, read: (m) => numericDay(m[1], m[2], m[3]) },
];

function numericDay(year = '', month = '', day = ''): CalendarDay | null {
  const parsed = { year: Number(year), month: Number(month), day: Number(day) };
  return isValidDay(parsed.year, parsed.month, parsed.day) ? parsed : null;
}

/** The day a news URL's path encodes, the way most outlets file their stories. */
export function dateFromUrlPath(url: string): CalendarDay | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  for (const { pattern, read } of URL_PATH_DATES) {
    const match = pattern.exec(path);
    const day = match === null ? null : read(match);
    if (day !== null) return day;
  }
  return null;
}
