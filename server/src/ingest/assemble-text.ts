/**
 * Kept paragraphs -> Article.text and paragraph offsets. Paragraphs are joined by exactly
 * one blank line, so text.slice(start, end) is a paragraph and nothing else, and citations
 * can point into the text with plain offsets.
 */
import type { ClassifiedParagraph } from './classify-paragraphs.js';
import type { Paragraph } from './types.js';

export const PARAGRAPH_SEPARATOR = '\n\n';

export interface AssembledText {
  text: string;
  paragraphs: Paragraph[];
  /** The kept paragraphs that fit (the last one possibly cut), parallel to `paragraphs`. */
  kept: ClassifiedParagraph[];
  truncated: boolean;
}

export function assembleText(classified: readonly ClassifiedParagraph[], maxChars: number): AssembledText {
  const pieces: string[] = [];
  const paragraphs: Paragraph[] = [];
  const kept: ClassifiedParagraph[] = [];
  let length = 0;
  let truncated = false;
  for (const paragraph of classified) {
    const start = pieces.length === 0 ? 0 : length + PARAGRAPH_SEPARATOR.length;
    let text = paragraph.text;
    if (start + text.length > maxChars) {
      truncated = true;
      // Cut the overflowing paragraph at a space so the text does not end mid-word.
      const room = maxChars - start;
      const cut = text.lastIndexOf(' ', room);
      text = room <= 0 ? '' : text.slice(0, cut > 0 ? cut : room).trimEnd();
      if (text === '') break;
    }
    if (pieces.length > 0) pieces.push(PARAGRAPH_SEPARATOR);
    pieces.push(text);
    paragraphs.push({ kind: paragraph.kind, start, end: start + text.length });
    kept.push(text === paragraph.text ? paragraph : { ...paragraph, text });
    length = start + text.length;
    if (truncated) break;
  }
  return { text: pieces.join(''), paragraphs, kept, truncated };
}
