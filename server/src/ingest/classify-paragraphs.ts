/**
 * Candidate paragraphs -> kept paragraphs with a kind (TITLE, DATELINE, BODY, CAPTION,
 * CREDIT, RELATED), boilerplate dropped. Two passes: each paragraph on its own (markers,
 * credit shapes, date lines), then in context (a caption sits next to a photo credit, the
 * title comes before the story, a name line sits above an outlet line).
 */
import { bareUrl, findUrls, ownUrlLabelValue } from './article-urls.js';
import { stripBoilerplate } from './boilerplate.js';
import { endsWithFullDate, hasCaptionMarker, MAX_CONTEXT_CAPTION_LENGTH, readsLikeCaption } from './captions.js';
import { type CreditReading, isOutletLine, isPersonNameLine, isPhotoCredit, readCredit } from './credits.js';
import { type DatelineReading, readDatelineParagraph } from './datelines.js';
import { looksLikeHeadline } from './headlines.js';
import type { LineRole } from './plain-text-blocks.js';
import { isCapitalizedTeaser, isRelatedLine, isUsableLink, startsWithRelatedLabel } from './related-links.js';
import { type SourceBlock, textBlock } from './source-blocks.js';
import { cleanInline, comparisonKey } from './text-cleanup.js';
import type { ParagraphKind } from './types.js';

export interface ClassifiedParagraph {
  text: string;
  kind: ParagraphKind;
  headingLevel: number;
  credit: CreditReading | null;
  dateline: DatelineReading | null;
}

export interface ParagraphClassification {
  paragraphs: ClassifiedParagraph[];
  /** This article's URL, from a labelled line ("Original url:"). */
  ownUrl: string | null;
  /** URLs of RELATED paragraphs, in order, each once. */
  relatedLinks: string[];
}

type LoneReading =
  | { kind: 'DROP' }
  | { kind: 'OWN_URL_LABEL'; url: string | null }
  | { kind: ParagraphKind; credit?: CreditReading; dateline?: DatelineReading };

/** What a paragraph is when nothing around it is known. Order matters: labels before shapes. */
function readAlone(text: string, block: SourceBlock): LoneReading {
  const labelValue = ownUrlLabelValue(text);
  if (labelValue !== null) {
    const url = labelValue === '' ? null : (bareUrl(labelValue) ?? block.links.find(isUsableLink) ?? null);
    // "Source: Reuters" has a value that is no URL: a credit, read below.
    if (labelValue === '' || url !== null) return { kind: 'OWN_URL_LABEL', url };
  }
  if (isRelatedLine(text) || bareUrl(text) !== null) return { kind: 'RELATED' };
  const dateline = readDatelineParagraph(text);
  if (dateline !== null) return { kind: 'DATELINE', dateline };
  // Separators ("___", "* * *") and stray ids: nothing a reader could quote.
  if (!/\p{L}/u.test(text)) return { kind: 'DROP' };
  if (hasCaptionMarker(text) && !isPhotoCredit(text)) return { kind: 'CAPTION' };
  const credit = readCredit(text);
  if (credit !== null) return { kind: 'CREDIT', credit };
  if (isCapitalizedTeaser(text)) return { kind: 'RELATED' };
  if (block.figureCaption) return { kind: 'CAPTION' };
  // A paragraph that is nothing but a link points elsewhere; a linked headline is still one.
  if (block.linkOnly && block.headingLevel === 0) return { kind: 'RELATED' };
  return { kind: 'BODY' };
}

/** What a line of plain text is on its own, for deciding whether a line break was a wrap. */
export function lineRole(line: string): LineRole {
  const text = stripBoilerplate(line);
  if (text === null) return 'FIXED';
  const reading = readAlone(text, textBlock(text));
  switch (reading.kind) {
    case 'BODY':
    case 'TITLE':
      return 'PROSE';
    case 'OWN_URL_LABEL':
    case 'DATELINE':
      return 'FIXED';
    case 'RELATED':
      // A leading label or a URL is fixed; a teaser recognised by its shape ("... Read more",
      // capitals) may be the first line of a wrapped one.
      return startsWithRelatedLabel(text) || bareUrl(text) !== null ? 'FIXED' : 'SHAPED';
    default:
      return 'SHAPED';
  }
}

function linksOf(text: string, block: SourceBlock): string[] {
  return [...block.links.filter(isUsableLink).map((href) => href.trim()), ...findUrls(text)];
}

export interface ClassifyOptions {
  /** The caller's title: a paragraph repeating it is the TITLE whatever its shape. */
  callerTitle?: string | null;
}

export function classifyParagraphs(
  blocks: readonly SourceBlock[],
  options: ClassifyOptions = {},
): ParagraphClassification {
  const paragraphs: ClassifiedParagraph[] = [];
  const related = new Set<string>();
  let ownUrl: string | null = null;
  let awaitingOwnUrl = false;

  for (const block of blocks) {
    const cleaned = cleanInline(block.text);
    const text = cleaned === '' ? null : stripBoilerplate(cleaned);
    if (text === null) continue;

    if (awaitingOwnUrl) {
      awaitingOwnUrl = false;
      const url = bareUrl(text);
      if (url !== null) {
        ownUrl ??= url;
        continue;
      }
    }
    const reading = readAlone(text, block);
    if (reading.kind === 'DROP') continue;
    if (reading.kind === 'OWN_URL_LABEL') {
      if (reading.url === null) awaitingOwnUrl = true;
      else ownUrl ??= reading.url;
      continue;
    }
    if (reading.kind === 'RELATED') {
      for (const link of linksOf(text, block)) related.add(link);
    }
    paragraphs.push({
      text,
      kind: reading.kind,
      headingLevel: block.headingLevel,
      credit: 'credit' in reading ? (reading.credit ?? null) : null,
      dateline: 'dateline' in reading ? (reading.dateline ?? null) : null,
    });
  }

  const keyOf = memoizedComparisonKey();
  markCaptionsByContext(paragraphs, keyOf);
  markBylinePairs(paragraphs);
  markTitle(paragraphs, options.callerTitle ?? null, keyOf);
  return { paragraphs, ownUrl, relatedLinks: [...related] };
}

/** A sentence, or too long for a headline: the story has started. */
function isStoryText(text: string): boolean {
  return text.length > 200 || /[.!?]["'\u201d\u2019)]?$/.test(text);
}

/** Captions are short, so only those are compared; long repeated text is a scraper glitch. */
const MIN_REPEATED_CAPTION_LENGTH = 30;

/** Comparison keys are compared across passes; each paragraph's is computed once. */
function memoizedComparisonKey(): (text: string) => string {
  const keys = new Map<string, string>();
  return (text) => {
    let key = keys.get(text);
    if (key === undefined) {
      key = comparisonKey(text);
      keys.set(text, key);
    }
    return key;
  };
}

function markCaptionsByContext(paragraphs: ClassifiedParagraph[], keyOf: (text: string) => string): void {
  const seen = new Map<string, number>();
  for (const { text } of paragraphs) {
    if (text.length >= MIN_REPEATED_CAPTION_LENGTH && text.length <= MAX_CONTEXT_CAPTION_LENGTH) {
      const key = keyOf(text);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  const printedTwice = (text: string) => (seen.get(keyOf(text)) ?? 0) > 1;
  const isPhotoCreditParagraph = (p: ClassifiedParagraph | undefined) => p?.credit?.kind === 'PHOTO';

  paragraphs.forEach((paragraph, i) => {
    if (paragraph.kind !== 'BODY' || paragraph.headingLevel > 0 || paragraph.text.length > MAX_CONTEXT_CAPTION_LENGTH)
      return;
    const { text } = paragraph;
    const twice = printedTwice(text);
    const besideCredit = isPhotoCreditParagraph(paragraphs[i - 1]) || isPhotoCreditParagraph(paragraphs[i + 1]);
    // Without a credit beside it, only a dated description printed twice is clearly a caption.
    const captionBesideCredit = besideCredit && readsLikeCaption(text, twice);
    const repeatedDatedCaption = twice && endsWithFullDate(text) && readsLikeCaption(text, true);
    if (captionBesideCredit || repeatedDatedCaption) paragraph.kind = 'CAPTION';
  });
}

/** "John Bacon" over "USA TODAY": a byline split over two lines. */
function markBylinePairs(paragraphs: ClassifiedParagraph[]): void {
  paragraphs.forEach((paragraph, i) => {
    const next = paragraphs[i + 1];
    if (paragraph.kind !== 'BODY' || next === undefined || next.kind !== 'BODY') return;
    if (isPersonNameLine(paragraph.text) && isOutletLine(next.text)) {
      paragraph.kind = 'CREDIT';
      paragraph.credit = { kind: 'BYLINE', author: paragraph.text };
      next.kind = 'CREDIT';
      next.credit = { kind: 'BYLINE', author: null };
    }
  });
}

/**
 * The headline is the first <h1>/"#" heading, or else the first heading or headline-shaped
 * line, among the paragraphs before the story starts (the first sentence-like paragraph);
 * short labels before it ("World", "Opinion") are passed over. Some body text must follow
 * it, or it is the story itself. Repeats of the headline (pages often print it twice) are
 * TITLE too.
 */
function markTitle(
  paragraphs: ClassifiedParagraph[],
  callerTitle: string | null,
  keyOf: (text: string) => string,
): void {
  let firstTopHeading: ClassifiedParagraph | undefined;
  let firstCandidate: ClassifiedParagraph | undefined;
  for (const paragraph of paragraphs) {
    if (paragraph.kind !== 'BODY') continue;
    if (paragraph.headingLevel === 1) firstTopHeading ??= paragraph;
    else if (paragraph.headingLevel > 1 || looksLikeHeadline(paragraph.text)) firstCandidate ??= paragraph;
    else if (isStoryText(paragraph.text)) break;
  }
  const title = firstTopHeading ?? firstCandidate;
  const hasStory =
    title !== undefined && paragraphs.slice(paragraphs.indexOf(title) + 1).some((p) => p.kind === 'BODY');
  const titleKeys = new Set<string>();
  if (title !== undefined && hasStory) titleKeys.add(keyOf(title.text));
  if (callerTitle) titleKeys.add(keyOf(callerTitle));
  titleKeys.delete('');
  if (titleKeys.size === 0) return;
  // Only paragraphs about as long as a title can repeat it; keys are costly on long text.
  const longestKey = Math.max(...[...titleKeys].map((key) => key.length));
  for (const paragraph of paragraphs) {
    if (paragraph.kind !== 'BODY' || paragraph.text.length > 3 * longestKey + 20) continue;
    if (titleKeys.has(keyOf(paragraph.text))) paragraph.kind = 'TITLE';
  }
}
