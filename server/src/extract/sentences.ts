/**
 * Sentence boundaries with offsets. News text is full of abbreviations ("Gen.", "U.S.",
 * "Feb.", initials) that end in a period without ending a sentence.
 */
import type { Paragraph } from '../ingest/types.js';

export interface Sentence {
  start: number;
  end: number;
  text: string;
  paragraphIndex: number;
}

export const abbreviations: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'sgt',
  'adm',
  'cmdr',
  'brig',
  'cpl',
  'pvt',
  'sen',
  'rep',
  'gov',
  'pres',
  'st',
  'jr',
  'sr',
  'no',
  'nos',
  'vs',
  'etc',
  'inc',
  'corp',
  'co',
  'ltd',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  'rev',
  'ft',
  'mt',
  'ave',
  'blvd',
  'dept',
  'est',
  'approx',
  'fig',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'a.m',
  'p.m',
  'i.e',
  'e.g',
  'ret',
  'gov',
  'atty',
  'supt',
  'msgr',
  'fr',
  'hon',
  'sec',
]);

/** True when the period at `dot` ends an abbreviation or an initial rather than a sentence. */
function isAbbreviationDot(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && /[\p{L}.]/u.test(text[i] as string)) i -= 1;
  const word = text.slice(i + 1, dot).toLowerCase();
  if (word.length === 1 && /\p{L}/u.test(word)) return true; // an initial: "N." or the "S." of "U. S."
  return abbreviations.has(word) || abbreviations.has(word.replace(/\.$/, ''));
}

const closers = new Set(['"', '”', '’', "'", ')', ']', '»']);

/**
 * No sentence is longer than this. Real ones stay under a few hundred characters; text
 * with no sentence ends at all (a pasted table, a run of quotation marks) would otherwise
 * make one sentence of a whole paragraph, and every quote in it would be read against all
 * of it: the cost of a paragraph would grow with the square of its length.
 */
export const MAX_SENTENCE_CHARS = 2_000;

/** Where to end an over-long sentence: its last space, or (one huge word) the limit itself. */
function forcedEnd(text: string, start: number, limit: number): number {
  for (let i = limit; i > start + MAX_SENTENCE_CHARS / 2; i -= 1) if (/\s/.test(text[i] as string)) return i;
  // Never between the two halves of a surrogate pair (an emoji).
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff && limit - 1 > start ? limit - 1 : limit;
}

/** Splits one stretch of text [from, to) into sentences. */
export function splitRange(text: string, from: number, to: number, paragraphIndex: number): Sentence[] {
  const sentences: Sentence[] = [];
  let start = from;
  while (start < to && /\s/.test(text[start] as string)) start += 1;
  for (let i = start; i < to; i += 1) {
    if (i - start >= MAX_SENTENCE_CHARS) {
      let end = forcedEnd(text, start, i);
      let next = end;
      while (end > start && /\s/.test(text[end - 1] as string)) end -= 1;
      while (next < to && /\s/.test(text[next] as string)) next += 1;
      sentences.push({ start, end, text: text.slice(start, end), paragraphIndex });
      start = next;
      i = next - 1;
      continue;
    }
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let end = i + 1;
    while (end < to && closers.has(text[end] as string)) end += 1;
    if (end >= to) break;
    if (!/\s/.test(text[end] as string)) continue;
    let next = end;
    while (next < to && /\s/.test(text[next] as string)) next += 1;
    if (next >= to) break;
    // A closing quotation mark set off by a space (`destabilizing. " Before`) ends this
    // sentence; it does not open the next one.
    if (text[next] === '"' && (next + 1 >= to || /\s/.test(text[next + 1] as string))) {
      end = next + 1;
      next += 1;
      while (next < to && /\s/.test(text[next] as string)) next += 1;
      if (next >= to) break;
    }
    const following = text[next] as string;
    if (!/[\p{Lu}\p{N}"“‘'([]/u.test(following)) continue;
    if (ch === '.' && isAbbreviationDot(text, i)) {
      // "U.S. officials said" keeps going; "in the U.S. The next" is rare enough to accept.
      continue;
    }
    sentences.push({ start, end, text: text.slice(start, end), paragraphIndex });
    start = next;
    i = next - 1;
  }
  let end = to;
  while (end > start && /\s/.test(text[end - 1] as string)) end -= 1;
  if (end > start) sentences.push({ start, end, text: text.slice(start, end), paragraphIndex });
  return sentences;
}

export function splitSentences(text: string, paragraphs: Paragraph[]): Sentence[] {
  const sentences: Sentence[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.kind !== 'BODY') return;
    // One by one: a long paragraph can hold more sentences than a call takes arguments.
    for (const sentence of splitRange(text, paragraph.start, paragraph.end, index)) sentences.push(sentence);
  });
  return sentences;
}
