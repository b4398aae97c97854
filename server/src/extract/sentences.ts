/**
 * Sentence boundaries with offsets, from the language layer's sentence breaker (it knows
 * abbreviations and initials: "Gen.", "U.S.", "C.C. Wei"), mended where news text fools
 * it, and capped in length so no text costs more than linear time.
 */
import type { Paragraph } from '../ingest/types.js';
import { type TaggedSentence, type Token, tagText } from './language.js';

export interface Sentence {
  start: number;
  end: number;
  text: string;
  paragraphIndex: number;
  /** The sentence's words and punctuation with their part-of-speech tags (language.ts). */
  tokens: Token[];
}

/** Abbreviations that end in a period without ending a sentence (also read by dates/tense.ts). */
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

/**
 * The model ends a sentence at a quoted exclamation or question (`"Yes!" she replied.`)
 * and at an abbreviation before a lower-case word; news never starts a sentence in lower
 * case, so such a piece continues the sentence before it.
 */
function continuesPrevious(text: string, sentence: TaggedSentence): boolean {
  const first = text[sentence.start] as string;
  return /[\p{Ll},;:)\]}\u2014\u2013-]/u.test(first);
}

/**
 * A closing quotation mark set off by a space (`destabilizing. " Before`) belongs to the
 * sentence it closes; the model may read it as opening the next one.
 */
function detachedCloser(text: string, sentence: TaggedSentence): boolean {
  const first = sentence.tokens[0];
  if (!first || first.end - first.start !== 1 || (!closers.has(first.text) && first.text !== '"')) return false;
  const after = text[first.end];
  return sentence.tokens.length === 1 || after === undefined || /\s/.test(after);
}

function capped(text: string, start: number, end: number, tokens: Token[], paragraphIndex: number, out: Sentence[]) {
  while (end - start > MAX_SENTENCE_CHARS) {
    let cut = forcedEnd(text, start, start + MAX_SENTENCE_CHARS);
    let next = cut;
    while (cut > start && /\s/.test(text[cut - 1] as string)) cut -= 1;
    while (next < end && /\s/.test(text[next] as string)) next += 1;
    out.push({
      start,
      end: cut,
      text: text.slice(start, cut),
      paragraphIndex,
      tokens: tokens.filter((t) => t.start >= start && t.end <= cut),
    });
    tokens = tokens.filter((t) => t.start >= next);
    start = next;
  }
  if (end > start) out.push({ start, end, text: text.slice(start, end), paragraphIndex, tokens });
}

/** Splits one stretch of text [from, to) into sentences, with their tagged tokens. */
export function splitRange(text: string, from: number, to: number, paragraphIndex: number): Sentence[] {
  const pieces: TaggedSentence[] = [];
  for (const piece of tagText(text, from, to)) {
    const previous = pieces.at(-1);
    if (previous && (continuesPrevious(text, piece) || detachedCloser(text, piece))) {
      const closerOnly = detachedCloser(text, piece) && !continuesPrevious(text, piece);
      if (closerOnly && piece.tokens.length > 1) {
        // The closer joins the sentence before; the rest is a sentence of its own.
        const [closer, ...rest] = piece.tokens as [Token, ...Token[]];
        previous.tokens.push(closer);
        previous.end = closer.end;
        pieces.push({ start: (rest[0] as Token).start, end: piece.end, tokens: rest });
        continue;
      }
      for (const token of piece.tokens) previous.tokens.push(token);
      previous.end = piece.end;
      continue;
    }
    pieces.push(piece);
  }
  const sentences: Sentence[] = [];
  for (const piece of pieces) capped(text, piece.start, piece.end, piece.tokens, paragraphIndex, sentences);
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
