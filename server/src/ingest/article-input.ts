/**
 * The boundary check: what is not an article is refused with BAD_USER_INPUT before any
 * parsing, with a message a person can act on. Everything else is accepted, however
 * messy: mess is ingest's job.
 */
import { AppError } from '../lib/errors.js';
import { FIRST_YEAR, isStorableYear, LAST_YEAR } from '../lib/utc-date.js';
import { canonicalHttpUrl } from './article-urls.js';
import type { ArticleFormat, ArticleInput } from './types.js';

const FORMATS: readonly ArticleFormat[] = ['TEXT', 'MARKDOWN', 'HTML'];
/** Binary data is obvious from its start; scanning megabytes to be sure buys nothing. */
const SCAN_CHARS = 1_000_000;
/** Share of control or replacement characters above which text is binary garbage. */
const MAX_GARBAGE_SHARE = 0.1;

function refuse(message: string): never {
  throw new AppError('BAD_USER_INPUT', message);
}

/** Control characters other than whitespace, and U+FFFD (what undecodable bytes become). */
function isGarbageCode(code: number): boolean {
  if (code === 0xfffd) return true;
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d;
  return code === 0x7f || (code >= 0x80 && code <= 0x9f);
}

function garbageShare(text: string): number {
  const length = Math.min(text.length, SCAN_CHARS);
  let garbage = 0;
  for (let i = 0; i < length; i += 1) {
    if (isGarbageCode(text.charCodeAt(i))) garbage += 1;
  }
  return length === 0 ? 0 : garbage / length;
}

export function checkArticleInput(input: ArticleInput): void {
  if (typeof input !== 'object' || input === null) refuse('An article needs a text field.');
  const { text } = input;
  if (typeof text !== 'string') refuse('The article text must be a string.');
  if (text.trim() === '') refuse('The article text is empty.');
  if (text.includes('\u0000')) refuse('The article text contains NUL bytes: it looks like binary data, not text.');
  if (garbageShare(text) > MAX_GARBAGE_SHARE) {
    refuse('The article text is mostly control or undecodable characters: it looks like binary data, not text.');
  }
  if (!/\p{L}/u.test(text)) refuse('The article text contains no letters.');
  if (input.format !== undefined && !FORMATS.includes(input.format)) {
    refuse(`Unknown article format "${String(input.format)}"; expected TEXT, MARKDOWN or HTML.`);
  }
  if (input.url !== undefined && canonicalHttpUrl(input.url) === null) {
    refuse(`The article URL "${String(input.url).slice(0, 200)}" is not an absolute http(s) URL.`);
  }
  if (input.publishedAt !== undefined) checkPublicationDate(input.publishedAt);
}

function checkPublicationDate(date: unknown): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) refuse('The publication date is not a valid date.');
  // Dates worked out from it ("last year", "next week") then stay storable too, mostly.
  const year = date.getUTCFullYear();
  if (!isStorableYear(year)) {
    refuse(
      `The publication date is in the year ${year}; it must fall between the years ${FIRST_YEAR} and ${LAST_YEAR}.`,
    );
  }
}
