/**
 * Which reader an article needs when the caller did not say: HTML, Markdown or plain text.
 * Plain text is the default; the others need positive evidence, because reading plain
 * text as Markdown mangles asterisks and brackets, and reading it as HTML loses anything
 * between angle brackets.
 */
import type { ArticleFormat } from './types.js';

/** Formats are recognisable from the start of a document; long inputs are sampled. */
const SAMPLE_CHARS = 200_000;
/** Markdown patterns scan ahead up to a few hundred characters per bracket or asterisk. */
const MARKDOWN_SAMPLE_CHARS = 50_000;

const HTML_DOCUMENT_START =
  /^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]{0,200}>\s*<html[\s>]|<head[\s>]|<body[\s>])/i;
const TAG = /<\/?([a-z][a-z0-9]{0,15})(?=[\s/>])[^<>]{0,2000}>/gi;
/** Tags that mean markup; an unknown word in angle brackets (<sic>) does not. */
const HTML_TAG_NAMES = new Set([
  'a',
  'abbr',
  'article',
  'aside',
  'b',
  'blockquote',
  'body',
  'br',
  'div',
  'em',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hr',
  'html',
  'i',
  'iframe',
  'img',
  'li',
  'link',
  'main',
  'meta',
  'nav',
  'noscript',
  'ol',
  'p',
  'picture',
  'section',
  'small',
  'span',
  'strong',
  'script',
  'style',
  'table',
  'td',
  'time',
  'title',
  'tr',
  'u',
  'ul',
]);
const MIN_HTML_TAGS = 2;

/** Markdown constructs that plain text practically never contains, with their weight. */
const MARKDOWN_SIGNALS: ReadonlyArray<{ pattern: RegExp; weight: number }> = [
  { pattern: /^ {0,3}#{1,6}[ \t]+\S/gm, weight: 2 }, // # Heading
  { pattern: /\*\*[^*\n]{1,300}\*\*/g, weight: 1 }, // **bold**
  { pattern: /(?:^|[\s(])__[^_\n]{1,300}__(?=$|[\s).,;:!?])/gm, weight: 1 }, // __bold__
  { pattern: /!?\[[^\]\n]{0,300}\]\([^()\s]{0,2000}(?:\s+"[^"\n]{0,300}")?\)/g, weight: 1 }, // [text](url)
  { pattern: /<https?:\/\/[^\s<>]{1,2000}>/g, weight: 1 }, // <https://autolink>
  { pattern: /^ {0,3}\[[^\]\n]{1,200}\]:[ \t]+\S/gm, weight: 1 }, // [ref]: url
  { pattern: /^ {0,3}(?:```|~~~)/gm, weight: 1 }, // fenced code
];
const MIN_MARKDOWN_SCORE = 2;
/** Each signal counts at most this many times, so one repeated construct cannot dominate. */
const MAX_COUNT_PER_SIGNAL = 10;

function countMatches(pattern: RegExp, text: string, cap: number): number {
  let count = 0;
  for (const _ of text.matchAll(pattern)) {
    count += 1;
    if (count >= cap) break;
  }
  return count;
}

export function detectFormat(text: string): ArticleFormat {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (HTML_DOCUMENT_START.test(sample)) return 'HTML';

  let htmlTags = 0;
  for (const match of sample.matchAll(TAG)) {
    if (HTML_TAG_NAMES.has((match[1] ?? '').toLowerCase())) htmlTags += 1;
    if (htmlTags >= 50) break;
  }
  const markdownSample = sample.slice(0, MARKDOWN_SAMPLE_CHARS);
  let markdownScore = 0;
  for (const { pattern, weight } of MARKDOWN_SIGNALS) {
    markdownScore += weight * countMatches(pattern, markdownSample, MAX_COUNT_PER_SIGNAL);
  }

  if (htmlTags >= MIN_HTML_TAGS && htmlTags >= markdownScore) return 'HTML';
  if (markdownScore >= MIN_MARKDOWN_SCORE) return 'MARKDOWN';
  return 'TEXT';
}
