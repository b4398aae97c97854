/**
 * What the article fuzz suite found in extraction: text shapes that cost the square of
 * their length, arrays too long to spread into a call, and dates in the years 1..99.
 * Extraction must stay total on them and give what it gives on ordinary text.
 */
import { describe, expect, it } from 'vitest';
import { EARLIEST_DATE, LATEST_DATE } from '../../../../server/src/extract/dates.js';
import { extractItems } from '../../../../server/src/extract/extract-items.js';
import { findQuotes, insideQuote, type QuoteSpan } from '../../../../server/src/extract/quotes.js';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../../../server/src/extract/sentences.js';
import { normalizeArticle } from '../../../../server/src/ingest/normalize-article.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('sentences', () => {
  it('leaves ordinary sentences alone', () => {
    const text = 'Gen. Joseph Dunford met Gen. Valery Gerasimov in Baku. The U.S. side said little.';
    const sentences = splitSentences(text, [{ kind: 'BODY', start: 0, end: text.length }]);
    expect(sentences.map((s) => s.text)).toEqual([
      'Gen. Joseph Dunford met Gen. Valery Gerasimov in Baku.',
      'The U.S. side said little.',
    ]);
  });

  it('ends a sentence that never ends at a space within the limit, and covers all its words', () => {
    const text = `${'and the talks went on '.repeat(1_000)}until dawn`;
    const sentences = splitSentences(text, [{ kind: 'BODY', start: 0, end: text.length }]);
    expect(sentences.length).toBeGreaterThan(1);
    for (const sentence of sentences) {
      expect(sentence.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(sentence.text).toBe(text.slice(sentence.start, sentence.end));
      expect(sentence.text).toBe(sentence.text.trim());
    }
    expect(sentences.map((s) => s.text).join(' ')).toBe(text);
  });

  it('cuts a single huge word at the limit, never inside an emoji', () => {
    const text = '👍'.repeat(5_000);
    const sentences = splitSentences(text, [{ kind: 'BODY', start: 0, end: text.length }]);
    expect(sentences.map((s) => s.text).join('')).toBe(text);
    for (const sentence of sentences) expect(sentence.text).not.toMatch(LONE_SURROGATE);
  });

  it('splits a paragraph of 400,000 sentences (more than a call takes arguments)', () => {
    const text = 'Yes. '.repeat(400_000).trim();
    expect(splitSentences(text, [{ kind: 'BODY', start: 0, end: text.length }])).toHaveLength(400_000);
  });
});

describe('quotes', () => {
  it('finds a position inside quoted words exactly when a scan of every quote does', () => {
    const text = '“One two three,” he said. “Four five” and «six» and "seven eight nine" and “ten';
    const quotes = findQuotes(text, [{ kind: 'BODY', start: 0, end: text.length }]);
    const scan = (position: number) =>
      quotes.some((q: QuoteSpan) => q.parts.some((p) => position >= p.start && position < p.end));
    for (let position = -1; position <= text.length + 1; position += 1) {
      expect(insideQuote(quotes, position)).toBe(scan(position));
    }
  });
});

describe('extraction on degenerate text', () => {
  // Each of these took seconds to minutes before (a regex retried from every start of a
  // megabyte-long word, every pronoun scanning every earlier mention, every quote read
  // against a whole paragraph); the test timeout is the hang guard.
  it.each([
    [
      'a huge word inside a quote',
      `“I spoke with the king. They are ${'Xenophontical'.repeat(20_000)} devastated,” Trump said Saturday.`,
    ],
    ['thousands of short quotes in one paragraph', '"a b c," Smith said, '.repeat(10_000)],
    ['a storm of bare quotation marks', `Minister Anna Lindqvist said ${'“”«»„‘’"'.repeat(50_000)} on Monday.`],
    ['thousands of pronouns', 'Smith met Jones in Paris on Monday. He said. '.repeat(20_000)],
  ])('stays total on %s', (_, text) => {
    const extraction = extractItems(normalizeArticle({ text, publishedAt: new Date('2019-06-07T00:00:00Z') }));
    expect(extraction.warnings.filter((w) => w.code === 'EXTRACTION_FAILED')).toEqual([]);
  });
});

describe('dates at the ends of the calendar', () => {
  const datedItems = (publishedAt: Date) =>
    extractItems(
      normalizeArticle({
        text: '“We will hold the line,” Governor Marcus Varro said on Monday.\n\nVarro met Senator Lucia Tullia in Rome last week.\n\nVarro will meet Senator Gaius Maro in Ostia next week.',
        publishedAt,
      }),
    ).items;

  it('keeps relative dates in the year of a year-1 publication date (Date.UTC would say 1901)', () => {
    const [statement] = datedItems(new Date('0001-03-10T00:00:00Z'));
    expect(statement?.date.date?.start.toISOString()).toBe('0001-03-05T00:00:00.000Z');
  });

  it.each([
    ['before the year 1', new Date('0001-01-02T00:00:00Z')],
    ['after the year 9999', new Date('9999-12-31T00:00:00Z')],
  ])('leaves undated what would fall %s, keeping the expression', (_, publishedAt) => {
    const items = datedItems(publishedAt);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      if (!item.date.date) continue;
      expect(item.date.date.start.getTime()).toBeGreaterThanOrEqual(EARLIEST_DATE.getTime());
      expect(item.date.date.end.getTime()).toBeLessThanOrEqual(LATEST_DATE.getTime());
    }
    expect(items.some((item) => item.date.date === null && item.date.expression !== null)).toBe(true);
  });
});
