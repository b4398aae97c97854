/** Helpers shared by the ingest tests: readable views of an Article and its invariants. */
import { expect } from 'vitest';
import type { Article, ParagraphKind } from '../../../../server/src/ingest/types.js';

export interface ParagraphView {
  kind: ParagraphKind;
  text: string;
}

/** Each paragraph as its kind and the exact text its offsets select. */
export function paragraphsOf(article: Article): ParagraphView[] {
  return article.paragraphs.map(({ kind, start, end }) => ({ kind, text: article.text.slice(start, end) }));
}

export function textsOfKind(article: Article, kind: ParagraphKind): string[] {
  return paragraphsOf(article)
    .filter((paragraph) => paragraph.kind === kind)
    .map((paragraph) => paragraph.text);
}

/** The text is its paragraphs joined by exactly one blank line, with single spaces inside. */
export function expectConsistentOffsets(article: Article): void {
  const views = paragraphsOf(article);
  expect(views.map((view) => view.text).join('\n\n')).toBe(article.text);
  let previousEnd = -2;
  for (const { start, end } of article.paragraphs) {
    expect(start).toBe(previousEnd + 2);
    expect(end).toBeGreaterThan(start);
    previousEnd = end;
  }
  for (const { text } of views) {
    expect(text).not.toMatch(/\n|\s{2}|^\s|\s$|\u00a0/);
  }
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Re-wraps text at `width` columns, keeping blank lines, as an e-mail client would. */
export function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const lines: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current !== '' && `${current} ${word}`.length > width) {
          lines.push(current);
          current = word;
        } else {
          current = current === '' ? word : `${current} ${word}`;
        }
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}
