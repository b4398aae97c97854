/**
 * Photo and video captions. They describe a picture, often one taken days or years before
 * the story, so extraction must not read them as reporting; their dates are weak evidence
 * of when the article was published (basis CAPTION). Two ways to recognise one: a marker
 * the page puts on it ("Image caption", "Hide caption", "(Photo: ...)"), or its place and
 * shape: next to a photo credit, describing a scene, often ending with a place and a date,
 * often printed twice.
 */
import { findFullDates } from './calendar-dates.js';

/** Captions are a sentence or two; a long paragraph next to a credit is the story. */
const MAX_CAPTION_LENGTH = 600;
/** A caption label is unambiguous even when a feed glued the story's opening to it. */
const MAX_LABELLED_CAPTION_LENGTH = 1500;
export const MAX_CONTEXT_CAPTION_LENGTH = 400;

/** Labels a page puts before a caption. */
const LEADING_CAPTION_MARKERS: readonly RegExp[] = [
  /^(?:image|media|video|photo) caption\b/i, // BBC
  /^image copyright\b.{0,80}\bimage caption\b/i, // BBC: credit and caption on one line
  /^hide caption\b/i, // NPR galleries
  /^caption:/i,
  /^FILE(?: PHOTO)? ?[-\u2013\u2014:] /, // AP/Reuters archive pictures
  /^CLOSE \p{Lu}/u, // a video player's close button glued to the video's caption
  /^play video \d{1,2}:\d{2}\b/i, // The Guardian
];
/** Credits or player controls a page puts after a caption. */
const TRAILING_CAPTION_MARKERS: readonly RegExp[] = [
  /\blisten ?· ?\d{1,2}:\d{2}\b/i, // NPR audio clips
  /\((?:photo|photograph|image|picture|credit|AP Photo)\b[^()]{0,100}\)\.?$/i, // "... (Photo: Saul Loeb, AFP/Getty Images)"
  /\bphotograph: [^.]{1,80}$/i, // The Guardian: "... Photograph: Tsvangirayi Mukwazhi/AP"
  /\(\p{Lu}[\p{L}.'\u2019-]*(?: \p{Lu}[\p{L}.'\u2019-]*){0,3} ?\/ ?\p{Lu}[^()]{1,50}\)\.?$/u, // "... (Amir Cohen/Reuters)"
  /[.)] \p{Lu}{2,}(?: \p{Lu}{2,})?\/\p{Lu}[\p{L}.'\u2019-]*(?: \p{Lu}[\p{L}.'\u2019-]*){0,3}$/u, // "... 2017. REUTERS/Kevin Lamarque"
];

export function hasCaptionMarker(text: string): boolean {
  if (text.length <= MAX_LABELLED_CAPTION_LENGTH && LEADING_CAPTION_MARKERS.some((pattern) => pattern.test(text))) {
    return true;
  }
  return text.length <= MAX_CAPTION_LENGTH && TRAILING_CAPTION_MARKERS.some((pattern) => pattern.test(text));
}

/** AP and Reuters label archive pictures "FILE - ...": their dates are the photo's, not the story's. */
export function isFilePhotoCaption(text: string): boolean {
  return /^FILE\b/.test(text) || /\bfile (?:photo|picture|image)\b/i.test(text);
}

/** "... in Brussels on February 16, 2017." / "... headquarters in Brussels, Feb. 15, 2017." */
export function endsWithFullDate(text: string): boolean {
  const last = findFullDates(text.slice(-40)).at(-1);
  return (
    last !== undefined &&
    text
      .slice(-40)
      .slice(last.end)
      .replace(/[\s.)\]]/g, '') === ''
  );
}

/**
 * Verbs of a photographed scene, in the present tense captions use. Only forms that are
 * rarely nouns: "talks", "meets", "march" would make a short news paragraph a caption.
 */
const SCENE_VERB =
  /\b(?:arrives|speaks|walks|stands|looks on|look on|waves to|gestures|gesture|poses? (?:for|with)|attends|listens|shakes hands|shake hands|sits|takes part|take part|take places|reacts|react|greets|salutes|(?:is|are) (?:seen|pictured|shown|displayed)|pictured)\b/i;
const REPORTING_VERB = /\b(?:said|says|told|tells|according to|announced)\b/i;
const QUOTE_MARK = /["\u201c\u201d]/;

/**
 * Whether a paragraph next to a photo credit is that photo's caption rather than the
 * story's first paragraph: it must read like one (no quotes, no "said") and either end
 * with a date, be printed twice, or describe a scene in one sentence.
 */
export function readsLikeCaption(text: string, printedTwice: boolean): boolean {
  if (text.length > MAX_CONTEXT_CAPTION_LENGTH || QUOTE_MARK.test(text) || REPORTING_VERB.test(text)) return false;
  if (endsWithFullDate(text)) return true;
  // A caption is a sentence; a repeated line without a period is a repeated headline.
  return /\.$/.test(text) && (printedTwice || SCENE_VERB.test(text));
}
