/**
 * Character-level cleanup shared by every input format: line breaks, odd spaces, invisible
 * characters and stray control codes. Citation offsets point into the cleaned text, so this
 * is the one place that decides what a "space" is.
 */
import { decodeHTMLStrict } from 'entities';

/** CRLF, lone CR, Unicode line/paragraph separators, NEL, form and vertical feeds -> LF. */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029\u0085\f\v]/g, '\n');
}

/**
 * Zero-width space, word joiner, soft hyphen and byte-order mark carry no text. Zero-width
 * joiners (U+200C/U+200D) are kept: emoji sequences and Persian words need them.
 */
const INVISIBLE = /[\u200B\u2060\u00AD\uFEFF]/g;
// C0 controls except tab/LF/VT/FF/CR, DEL and C1 controls: scraper debris, never text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
/** Every Unicode space (NBSP, thin, ideographic, tab ...) and any leftover line break. */
const ANY_SPACE_RUN = /\s+/g;

/** Anything cleanInline would change; most lines of most articles have none of it. */
const NEEDS_CLEANING =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u001F\u007F-\u00A0\u00AD\u1680\u2000-\u200B\u2028-\u202F\u205F\u2060\u3000\uFEFF]| {2}|^ | $/;

/** One paragraph or line: single spaces inside, none at the ends. */
export function cleanInline(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.replace(INVISIBLE, '').replace(CONTROL, '').replace(ANY_SPACE_RUN, ' ').trim();
}

/**
 * Scraped plain text often keeps "&amp;" or "&#8217;". Only complete references (with the
 * semicolon) are decoded, so "AT&T" or "R&D" stay as they are.
 */
export function decodeTextEntities(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}

/** Quote marks and apostrophes folded to ASCII, for comparing texts that differ only there. */
export function foldQuotes(text: string): string {
  return text.replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"');
}

/** Spaces, quote marks and common punctuation: what two printings of one line differ in. */
const KEY_NOISE = /[\s"'`.,:;!?()[\]\-\u2010-\u2015\u2018-\u201f\u2026]+/g;

/** A comparison key: lower case, without spaces, quote marks or punctuation. */
export function comparisonKey(text: string): string {
  return text.toLowerCase().replace(KEY_NOISE, '');
}
