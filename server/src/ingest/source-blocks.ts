/**
 * What each format reader (plain text, Markdown, HTML) hands to the shared paragraph
 * classifier: candidate paragraphs in reading order, plus whatever metadata the format
 * itself labels (HTML <meta> tags). Nothing here is classified yet.
 */

export interface SourceBlock {
  /** The paragraph's text, not yet whitespace-normalized. */
  text: string;
  /** 1..6 for a Markdown or HTML heading, 0 otherwise. */
  headingLevel: number;
  /** Link targets inside the paragraph (href of <a>, Markdown links and autolinks). */
  links: string[];
  /** The format marks it as a figure caption (HTML <figcaption>). */
  figureCaption: boolean;
  /** All its text is link text: an item of a list of links (related stories, tags). */
  linkOnly: boolean;
}

/** Metadata the document states in its own markup, as opposed to metadata guessed from text. */
export interface DocumentHints {
  title: string | null;
  url: string | null;
  /** A machine-readable publication date as written (ISO 8601 in practice). */
  publishedAt: string | null;
  siteName: string | null;
  author: string | null;
}

export interface SourceDocument {
  blocks: SourceBlock[];
  hints: DocumentHints;
}

export const NO_HINTS: DocumentHints = {
  title: null,
  url: null,
  publishedAt: null,
  siteName: null,
  author: null,
};

export function textBlock(text: string): SourceBlock {
  return { text, headingLevel: 0, links: [], figureCaption: false, linkOnly: false };
}
