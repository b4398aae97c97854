/**
 * Ingest's entry point: an article as handed to Parley (text in some format, plus what the
 * caller knows) -> a normalized Article that extraction reads and citations point into.
 * Pure: no I/O, no clock, same input -> same output.
 */
import { checkArticleInput } from './article-input.js';
import { assembleText } from './assemble-text.js';
import { type ClassifiedParagraph, classifyParagraphs, lineRole } from './classify-paragraphs.js';
import { findOpeningDateline } from './datelines.js';
import { detectFormat } from './detect-format.js';
import { readHtml } from './html-blocks.js';
import { readMarkdown } from './markdown-blocks.js';
import { measureLayout, plainTextToBlocks, splitLineBreaks, UNWRAPPED_LAYOUT } from './plain-text-blocks.js';
import { findPublicationDate } from './publication-date.js';
import { publisherFromUrl } from './publishers.js';
import { NO_HINTS, type SourceDocument } from './source-blocks.js';
import { cleanInline, normalizeLineBreaks } from './text-cleanup.js';
import type { Article, ArticleFormat, ArticleInput, SourceWarning } from './types.js';
import { wireServicesIn } from './wire-services.js';

export { detectFormat } from './detect-format.js';

/** Article.text never grows past this; the rest of an over-long input is dropped. */
export const MAX_TEXT_CHARS = 2_000_000;
/**
 * How much raw input is read at all, so a huge input costs bounded time. Text and Markdown
 * shrink little on the way to Article.text; HTML can be mostly markup.
 */
const MAX_INPUT_CHARS: Readonly<Record<ArticleFormat, number>> = {
  TEXT: MAX_TEXT_CHARS + 100_000,
  MARKDOWN: MAX_TEXT_CHARS + 200_000,
  HTML: 4 * MAX_TEXT_CHARS,
};

function capInput(text: string, format: ArticleFormat): { text: string; cut: boolean } {
  const limit = MAX_INPUT_CHARS[format];
  if (text.length <= limit) return { text, cut: false };
  // End on a line break when there is one nearby, so the last paragraph is whole.
  const lineEnd = text.lastIndexOf('\n', limit);
  return { text: text.slice(0, lineEnd > limit - 10_000 ? lineEnd : limit), cut: true };
}

function readDocument(text: string, format: ArticleFormat): SourceDocument {
  switch (format) {
    case 'HTML': {
      const document = readHtml(text, { mainContent: true });
      return { ...document, blocks: splitLineBreaks(document.blocks, UNWRAPPED_LAYOUT, lineRole) };
    }
    case 'MARKDOWN': {
      // Wrapping is measured on the Markdown source, where the author's line breaks are.
      const document = readMarkdown(text);
      return { ...document, blocks: splitLineBreaks(document.blocks, measureLayout(text.split('\n')), lineRole) };
    }
    case 'TEXT':
      return { blocks: plainTextToBlocks(text, lineRole), hints: NO_HINTS };
  }
}

/** Agencies credited in the opening wire dateline and in credit lines, each once. */
function findWireCredits(paragraphs: readonly ClassifiedParagraph[]): string[] {
  const body = paragraphs.filter((p) => p.kind === 'BODY').map((p) => p.text);
  const credits = new Set<string>(findOpeningDateline(body)?.wireServices ?? []);
  for (const paragraph of paragraphs) {
    // A photo credit names who took a picture, not who reported the story.
    if (paragraph.kind === 'CREDIT' && paragraph.credit?.kind !== 'PHOTO') {
      for (const name of wireServicesIn(paragraph.text)) credits.add(name);
    }
  }
  return [...credits];
}

function nonEmpty(value: string | undefined | null): string | null {
  const cleaned = value == null ? '' : cleanInline(value);
  return cleaned === '' ? null : cleaned;
}

export function normalizeArticle(input: ArticleInput): Article {
  checkArticleInput(input);
  const rawText = input.text;
  const format = input.format ?? detectFormat(rawText);
  const capped = capInput(normalizeLineBreaks(rawText), format);
  const document = readDocument(capped.text, format);

  const callerTitle = nonEmpty(input.title);
  const classification = classifyParagraphs(document.blocks, { callerTitle });
  const assembled = assembleText(classification.paragraphs, MAX_TEXT_CHARS);
  const paragraphs = assembled.kept;

  // The caller's URL is kept as given (checkArticleInput made sure it parses).
  const url = nonEmpty(input.url) ?? classification.ownUrl ?? document.hints.url;
  const relatedLinks = classification.relatedLinks.filter((link) => link !== url);
  const published = findPublicationDate({
    callerDate: input.publishedAt ?? null,
    paragraphs,
    statedDate: document.hints.publishedAt,
    ownUrl: url,
  });

  const warnings: SourceWarning[] = [];
  if (published === null) {
    warnings.push({
      code: 'UNDATED',
      message:
        'No publication date found (no date line, dated dateline, dated URL or dated caption); relative dates such as "Thursday" stay unresolved.',
    });
  }
  if (capped.cut || assembled.truncated) {
    warnings.push({
      code: 'TRUNCATED',
      message: `The article was longer than ${MAX_TEXT_CHARS.toLocaleString('en-US')} characters of text; the rest was left out.`,
    });
  }
  if (!paragraphs.some((p) => p.kind === 'BODY')) {
    warnings.push({
      code: 'NO_BODY',
      message: 'No body paragraph remained after removing boilerplate, captions and credits.',
    });
  }

  return {
    format,
    rawText,
    text: assembled.text,
    paragraphs: assembled.paragraphs,
    title: callerTitle ?? paragraphs.find((p) => p.kind === 'TITLE')?.text ?? document.hints.title,
    url,
    // A wire story's own dateline ("WASHINGTON (Reuters) -") names its publisher when
    // nothing else does; a contribution credit ("AP contributed") does not.
    publisher:
      nonEmpty(input.publisher) ??
      (url === null ? null : publisherFromUrl(url)) ??
      nonEmpty(document.hints.siteName) ??
      findOpeningDateline(paragraphs.filter((p) => p.kind === 'BODY').map((p) => p.text))?.wireServices[0] ??
      null,
    author:
      paragraphs.find((p) => p.credit?.kind === 'BYLINE' && p.credit.author)?.credit?.author ??
      nonEmpty(document.hints.author),
    wireCredits: findWireCredits(paragraphs),
    published,
    relatedLinks,
    warnings,
  };
}
