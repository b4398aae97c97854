/**
 * Quotation spans in the body paragraphs: curly and straight double quotes (single quotes
 * nest inside them), quotes that run over several paragraphs (a paragraph that ends inside
 * a quote continues in the next one, which opens with a quotation mark), and verbatim
 * speech set off by a colon without quotation marks.
 */
import type { Paragraph } from '../ingest/types.js';
import { partitionPoint } from './partition-point.js';

export interface QuoteSpan {
  /** Offset of the opening mark (or of the first word, for unmarked speech). */
  open: number;
  /** Offset just after the closing mark (or the last word). */
  close: number;
  /** The quoted words without the marks; paragraphs joined by a space. */
  text: string;
  /** Offsets of the quoted words in the article text, one range per paragraph. */
  parts: Array<{ start: number; end: number }>;
  unmarked: boolean;
}

const OPEN = '“';
const CLOSE = '”';

function isOpeningStraight(text: string, i: number, from: number): boolean {
  const prev = i > from ? (text[i - 1] as string) : ' ';
  return /[\s([—–-]/.test(prev) || i === from;
}

function cleanQuoted(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().replace(/,$/, '').trim();
}

/** Quote spans of one paragraph; `carry` is an unclosed quote from the previous paragraph. */
function scanParagraph(text: string, p: Paragraph): Array<{ start: number; end: number; closed: boolean }> {
  const spans: Array<{ start: number; end: number; closed: boolean }> = [];
  let openAt = -1;
  let straight = false;
  for (let i = p.start; i < p.end; i += 1) {
    let ch = text[i];
    // Typewriter and scraper variants: ``...'' and ``...″ (AP wire copy).
    if (ch === '`' && text[i + 1] === '`') {
      ch = OPEN;
      i += 1;
    } else if (ch === '″' || (ch === "'" && text[i + 1] === "'" && openAt >= 0 && !straight)) {
      ch = CLOSE;
    }
    if (ch === OPEN && openAt < 0) {
      openAt = i;
      straight = false;
    } else if (ch === CLOSE && openAt >= 0) {
      // Mixed marks ("...” or “...") close what they find open: scraped copy mixes them.
      spans.push({ start: openAt + 1, end: i, closed: true });
      openAt = -1;
    } else if (ch === CLOSE && /\s/.test(text[i - 1] ?? ' ') && /\p{L}/u.test(text[i + 1] ?? '')) {
      // A closing mark set where an opening one belongs (", ”who expressed ...").
      openAt = i;
      straight = false;
    } else if (ch === '"') {
      if (openAt < 0 && isOpeningStraight(text, i, p.start)) {
        openAt = i;
        straight = true;
      } else if (openAt >= 0) {
        spans.push({ start: openAt + 1, end: i, closed: true });
        openAt = -1;
      } else if (openAt < 0) {
        // A closing mark with no opening: treat as opening (unbalanced straight quotes).
        openAt = i;
        straight = true;
      }
    } else if (ch === CLOSE && openAt < 0) {
      // A stray closing mark: the paragraph began inside a quote with no opening mark.
    }
  }
  if (openAt >= 0) spans.push({ start: openAt + 1, end: p.end, closed: false });
  return spans;
}

/** Colon speech: "X responded: We are not ..." / "X told lawmakers: When we ...". */
const colonSpeech =
  /\b(?:said|says|responded|replied|answered|told [a-z]+(?: [a-z]+)?|added|wrote|declared|stated|explained|testified|tweeted|warned|continued)\s*:\s+(?=[\p{Lu}])/gu;

export function findQuotes(text: string, paragraphs: Paragraph[]): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  let carry: QuoteSpan | null = null;
  paragraphs.forEach((p, index) => {
    if (p.kind !== 'BODY') {
      carry = null;
      return;
    }
    const spans = scanParagraph(text, p);
    spans.forEach((span, spanIndex) => {
      const words = text.slice(span.start, span.end);
      const continuing =
        carry !== null &&
        spanIndex === 0 &&
        span.start === p.start + 1 &&
        /^[“"]/.test(text.slice(p.start, p.start + 1));
      if (continuing && carry) {
        carry.parts.push({ start: span.start, end: span.end });
        carry.text = cleanQuoted(`${carry.text} ${words}`);
        carry.close = span.closed ? span.end + 1 : span.end;
        if (span.closed) carry = null;
        return;
      }
      if (carry) carry = null;
      const quote: QuoteSpan = {
        open: span.start - 1,
        close: span.closed ? span.end + 1 : span.end,
        text: cleanQuoted(words),
        parts: [{ start: span.start, end: span.end }],
        unmarked: false,
      };
      quotes.push(quote);
      if (!span.closed && index + 1 < paragraphs.length) carry = quote;
    });
    if (spans.length === 0) carry = null;
    // Unmarked colon speech, outside any marked quote.
    const paragraphText = text.slice(p.start, p.end);
    for (const match of paragraphText.matchAll(colonSpeech)) {
      const start = p.start + (match.index ?? 0) + match[0].length;
      if (text[start] === '"' || text[start] === OPEN) continue;
      if (spans.some((s) => start >= s.start && start <= s.end)) continue;
      quotes.push({ open: start, close: start, text: '', parts: [{ start, end: start }], unmarked: true });
    }
  });
  return quotes.sort((a, b) => a.open - b.open);
}

/**
 * The quoted ranges of a quote list sorted by start, with the furthest end reached so far:
 * meetings and events ask about every trigger and mention, so a scan of every quote each
 * time would make an article with thousands of quotes cost their square. Built once per
 * list (findQuotes' result is not changed afterwards).
 */
interface QuotedRanges {
  starts: number[];
  furthestEnds: number[];
}
const quotedRanges = new WeakMap<readonly QuoteSpan[], QuotedRanges>();

function rangesOf(quotes: readonly QuoteSpan[]): QuotedRanges {
  const known = quotedRanges.get(quotes);
  if (known) return known;
  const parts = quotes.flatMap((q) => q.parts).sort((a, b) => a.start - b.start);
  const ranges: QuotedRanges = { starts: [], furthestEnds: [] };
  let furthest = -1;
  for (const part of parts) {
    furthest = Math.max(furthest, part.end);
    ranges.starts.push(part.start);
    ranges.furthestEnds.push(furthest);
  }
  quotedRanges.set(quotes, ranges);
  return ranges;
}

/** Whether `position` falls inside quoted words. */
export function insideQuote(quotes: readonly QuoteSpan[], position: number): boolean {
  const { starts, furthestEnds } = rangesOf(quotes);
  // Ranges starting at or before `position`; any of them may cover it.
  const started = partitionPoint(starts.length, (i) => (starts[i] as number) <= position);
  return started > 0 && (furthestEnds[started - 1] as number) > position;
}
