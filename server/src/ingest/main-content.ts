/**
 * The main content of an HTML page, found by Mozilla's Readability (the reader view of
 * Firefox) over a linkedom DOM: it scores the page's blocks by their prose and drops the
 * rest, so pages built from plain <div>s still lose their related-story cards, reader
 * comments, share bars and footers. Metadata (title, canonical URL, dates) is still read
 * from the whole page by htmlparser2 (html-blocks.ts); this only chooses the body.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/**
 * Readability walks the DOM several times; past this size a page is read whole by the
 * streaming parser instead (the article-length cap keeps it bounded either way).
 */
const MAX_READABILITY_CHARS = 1_500_000;
/** Fewer characters of prose than this and Readability found no article: keep the whole page. */
const MIN_CONTENT_CHARS = 140;

export interface MainContent {
  /** The article's HTML, as Readability kept it. */
  html: string;
  textLength: number;
}

export function findMainContent(html: string): MainContent | null {
  if (html.length > MAX_READABILITY_CHARS) return null;
  let parsed: ReturnType<Readability['parse']>;
  try {
    const { document } = parseHTML(html);
    // Readability changes the DOM it reads; this one is ours alone.
    parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      keepClasses: false,
    }).parse();
  } catch {
    return null;
  }
  if (!parsed?.content || (parsed.textContent ?? '').trim().length < MIN_CONTENT_CHARS) return null;
  return { html: parsed.content, textLength: (parsed.textContent ?? '').length };
}
