/**
 * Embedded posts: a social-media embed pasted as text is the post's words followed by its
 * signature line, "— Donald J. Trump (@realDonaldTrump) September 30, 2017". The words are
 * the author's, said on that date, though no quotation mark sets them off.
 */
import type { Paragraph } from '../ingest/types.js';

export interface EmbeddedPost {
  /** The post's own words, without the signature or trailing links. */
  words: { start: number; end: number };
  /** The author's display name in the signature. */
  author: { start: number; end: number; name: string };
  handle: string;
  /** The signature's date as written ("September 30, 2017"). */
  date: { start: number; end: number; text: string };
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/**
 * The signature at the end of a paragraph: a dash, a display name (no brackets or dashes),
 * the handle in brackets and the date. Handles are 1-15 letters, digits or underscores.
 */
const signature = new RegExp(
  `(?:^|\\s)(?:—|–|--)\\s*([^()—–\\n]{1,80}?)\\s*\\(@([A-Za-z0-9_]{1,15})\\)\\s*(${MONTH}\\s+\\d{1,2},\\s+\\d{4})\\s*$`,
  'u',
);
/** Links an embed leaves after the words ("pic.twitter.com/abc", "https://t.co/abc"). */
const trailingLinks = /(?:\s*(?:https?:\/\/\S+|pic\.twitter\.com\/\S+))+\s*$/u;
/** Fewer words than this are a reaction ("Wow!") or a link, not a statement. */
const MIN_WORDS = 3;

export function findEmbeddedPosts(text: string, paragraphs: readonly Paragraph[]): EmbeddedPost[] {
  const posts: EmbeddedPost[] = [];
  for (const p of paragraphs) {
    if (p.kind !== 'BODY') continue;
    const body = text.slice(p.start, p.end);
    const match = signature.exec(body);
    if (!match) continue;
    const signatureAt = match.index + match[0].search(/[—–-]/);
    let words = body.slice(0, signatureAt).replace(trailingLinks, '');
    const trimmedEnd = words.trimEnd().length;
    const leading = words.length - words.trimStart().length;
    words = words.trim();
    if (words.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length < MIN_WORDS) continue;
    const name = (match[1] as string).trim();
    const nameAt = p.start + match.index + match[0].indexOf(name, match[0].search(/[—–-]/) + 1);
    const dateText = match[3] as string;
    const dateAt = p.start + match.index + match[0].lastIndexOf(dateText);
    posts.push({
      words: { start: p.start + leading, end: p.start + trimmedEnd },
      author: { start: nameAt, end: nameAt + name.length, name },
      handle: match[2] as string,
      date: { start: dateAt, end: dateAt + dateText.length, text: dateText },
    });
  }
  return posts;
}
