/**
 * Markdown -> candidate paragraphs: `marked` renders it to HTML and the HTML reader takes
 * over, so links, emphasis, headings and escapes follow the CommonMark/GFM rules rather
 * than a home-made approximation.
 */
import { Marked } from 'marked';
import { readHtml } from './html-blocks.js';
import type { SourceDocument } from './source-blocks.js';

/**
 * Line breaks inside a Markdown paragraph are kept (GFM breaks become <br>, then '\n') and
 * decided like plain-text line breaks: scraped Markdown puts a caption and its credit on
 * consecutive lines, while hand-wrapped Markdown breaks sentences anywhere.
 */
const markdown = new Marked({ gfm: true, breaks: true, async: false });

export function readMarkdown(source: string): SourceDocument {
  return readHtml(markdown.parse(source, { async: false }));
}
