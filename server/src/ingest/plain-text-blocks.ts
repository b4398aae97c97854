/**
 * Lines -> candidate paragraphs. The hard part is hard wrapping: e-mail and copied text
 * break paragraphs into lines of similar length, while scraped web text puts each
 * paragraph (or caption, or credit) on a line of its own. Joining the first kind and
 * keeping the second apart decides whether a quote survives as one passage.
 *
 * Plain text goes through here whole; Markdown and HTML only for the line breaks inside one
 * of their paragraphs (a Markdown soft break, an HTML <br>).
 */
import { looksLikeHeadline } from './headlines.js';
import { type SourceBlock, textBlock } from './source-blocks.js';
import { cleanInline, decodeTextEntities } from './text-cleanup.js';

/** Fewer lines than this cannot show a wrap width. */
const MIN_LINES_FOR_WRAP = 4;
/** Wrapped text is wrapped for reading: wider than this, lines are paragraphs. */
const MAX_WRAP_WIDTH = 130;
const MIN_WRAP_WIDTH = 30;
/** A line at least this share of the wrap width was "full" when it was broken. */
const FULL_LINE_SHARE = 0.7;
/** Lines far longer than the wrap width were not wrapped (URLs, unwrapped paragraphs). */
const OVERLONG_LINE_SHARE = 1.2;
/** Share of lines that must be near the wrap width for the whole text to count as wrapped. */
const WRAPPED_LINE_QUORUM = 0.5;

/**
 * The width a text was hard-wrapped at, or null when its lines are not wrapped. A wrapped
 * text has most of its lines close to one width under ~120 characters: only the last line
 * of each paragraph is short.
 */
export function detectWrapWidth(lines: readonly string[]): number | null {
  const lengths = lines.map((line) => line.trim().length).filter((length) => length > 0);
  if (lengths.length < MIN_LINES_FOR_WRAP) return null;
  lengths.sort((a, b) => a - b);
  const width = lengths[Math.floor(0.9 * (lengths.length - 1))] ?? 0;
  if (width < MIN_WRAP_WIDTH || width > MAX_WRAP_WIDTH) return null;
  const nearWidth = lengths.filter((n) => n >= FULL_LINE_SHARE * width && n <= OVERLONG_LINE_SHARE * width).length;
  return nearWidth / lengths.length >= WRAPPED_LINE_QUORUM ? width : null;
}

/** How a document lays out its lines, measured once over the whole document. */
export interface LineLayout {
  /** The hard-wrap width, or null when lines are not wrapped. */
  wrapWidth: number | null;
  /** Paragraphs are separated by blank lines, so a single line break inside one is a wrap. */
  blankLineParagraphs: boolean;
}

export function measureLayout(lines: readonly string[]): LineLayout {
  const blankLineParagraphs = lines.some((line, i) => line.trim() === '' && i > 0 && lines[i - 1]?.trim() !== '');
  return { wrapWidth: detectWrapWidth(lines), blankLineParagraphs };
}

/** Lines that are each a paragraph, as in HTML <br>-separated lines. */
export const UNWRAPPED_LAYOUT: LineLayout = { wrapWidth: null, blankLineParagraphs: false };

/**
 * How a line stands on its own. FIXED: furniture, a label, a URL or a date line; never part
 * of a wrapped paragraph. SHAPED: looks like a credit or a caption, which the tail of a
 * wrapped paragraph can also look like ("Cohen/Reuters)"). PROSE: anything else.
 */
export type LineRole = 'FIXED' | 'SHAPED' | 'PROSE';
export type LineRoleOf = (line: string) => LineRole;

const ENDS_SENTENCE = /[.!?]["'\u201d\u2019)]?$/;
const ENDS_CLAUSE = /[.!?:;]["'\u201d\u2019)]?$/;
const STARTS_SENTENCE = /^["'\u201c\u2018(]?[\p{Lu}\p{N}]|^https?:/u;
const STARTS_LOWER = /^\p{Ll}/u;
const ENDS_WITH_WORD_HYPHEN = /\p{L}-$/u;

interface Neighbours {
  previous: string;
  next: string;
  /** `previous` is the first line of the whole document (often its headline). */
  previousIsDocumentStart: boolean;
}

function wasWrapped(
  { previous, next, previousIsDocumentStart }: Neighbours,
  roles: { previous: LineRole; next: LineRole },
  layout: LineLayout,
): boolean {
  const previousRole = roles.previous;
  const nextRole = roles.next;
  // A fixed line (a date line, a URL, a label) never continues a paragraph, unless it starts
  // in lower case: "from AC360 click here." is the tail of a wrapped promo.
  if (nextRole === 'FIXED' && STARTS_SENTENCE.test(next)) return false;
  // Evident at any width: a line stops mid-sentence and the next one goes on in lower case.
  if (!ENDS_CLAUSE.test(previous) && STARTS_LOWER.test(next)) return true;

  const width = layout.wrapWidth;
  if (width === null) return false;
  if (previous.length < FULL_LINE_SHARE * width || previous.length > OVERLONG_LINE_SHARE * width) return false;
  // Without blank lines, a document's first line is often its headline, as long as the
  // wrapped lines below it. (With blank lines, the blank line after it says so.)
  const headline = previousIsDocumentStart && !layout.blankLineParagraphs && looksLikeHeadline(previous);
  if (headline && STARTS_SENTENCE.test(next)) return false;
  if (ENDS_SENTENCE.test(previous)) {
    // A full line that ends a sentence may also end its paragraph: join only when prose
    // follows (a credit after a caption stays apart) and, without blank lines between
    // paragraphs, only when the next line does not start a sentence.
    if (previousRole === 'FIXED' || nextRole !== 'PROSE') return false;
    return layout.blankLineParagraphs || !STARTS_SENTENCE.test(next);
  }
  // A full line that stops mid-sentence was broken by the wrapper, whatever follows; after
  // a fixed line (a label, furniture) only a lower-case continuation is taken.
  return previousRole !== 'FIXED' || !STARTS_SENTENCE.test(next);
}

/**
 * Consecutive non-empty, cleaned lines -> paragraphs: wrapped lines are joined, every other
 * line stands alone. `startsDocument`: the first line is the document's first line.
 */
export function joinBrokenLines(
  lines: readonly string[],
  layout: LineLayout,
  roleOf: LineRoleOf,
  startsDocument = false,
): string[] {
  const paragraphs: string[] = [];
  // Parts are collected and joined once: a wrapped paragraph can run to megabytes.
  let parts: string[] = [];
  let previous: string | null = null;
  let previousRole: LineRole = 'PROSE';
  lines.forEach((line, i) => {
    const role = roleOf(line);
    const neighbours = { previous: previous ?? '', next: line, previousIsDocumentStart: startsDocument && i === 1 };
    if (previous !== null && wasWrapped(neighbours, { previous: previousRole, next: role }, layout)) {
      // "counter-\nterrorism": keep the hyphen, drop the break.
      const hyphenated = ENDS_WITH_WORD_HYPHEN.test(previous) && STARTS_LOWER.test(line);
      parts.push(hyphenated ? line : ` ${line}`);
    } else {
      if (parts.length > 0) paragraphs.push(parts.join(''));
      parts = [line];
    }
    previous = line;
    previousRole = role;
  });
  if (parts.length > 0) paragraphs.push(parts.join(''));
  return paragraphs;
}

/** Plain text -> candidate paragraphs: blank lines always separate, line breaks maybe. */
export function plainTextToBlocks(text: string, roleOf: LineRoleOf): SourceBlock[] {
  const lines = text.split('\n').map((line) => cleanInline(decodeTextEntities(line)));
  const layout = measureLayout(lines);
  const blocks: SourceBlock[] = [];
  let run: string[] = [];
  let documentStarted = false;
  const flush = () => {
    if (run.length === 0) return;
    for (const paragraph of joinBrokenLines(run, layout, roleOf, !documentStarted)) blocks.push(textBlock(paragraph));
    documentStarted = true;
    run = [];
  };
  for (const line of lines) {
    if (line === '') flush();
    else run.push(line);
  }
  flush();
  return blocks;
}

/**
 * Splits the hard line breaks inside Markdown/HTML paragraphs (soft breaks, <br>) the same
 * way: wrapped lines joined, a caption above its credit kept apart.
 */
export function splitLineBreaks(blocks: readonly SourceBlock[], layout: LineLayout, roleOf: LineRoleOf): SourceBlock[] {
  return blocks.flatMap((block) => {
    if (!block.text.includes('\n')) return [block];
    const lines = block.text
      .split('\n')
      .map(cleanInline)
      .filter((line) => line !== '');
    return joinBrokenLines(lines, layout, roleOf).map((text) => ({ ...block, text }));
  });
}
