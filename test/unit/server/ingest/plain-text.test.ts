import { describe, expect, it } from 'vitest';
import { normalizeArticle } from '../../../../server/src/ingest/normalize-article.js';
import { detectWrapWidth } from '../../../../server/src/ingest/plain-text-blocks.js';
import { expectConsistentOffsets, hardWrap, paragraphsOf } from './support.js';

const FIRST =
  'The foreign ministers of the two countries agreed on Tuesday to reopen talks on the disputed border, ending a year-long freeze that had worried their neighbours.';
const SECOND =
  '"We have chosen dialogue over confrontation, and we intend to keep that promise," the senior of the two ministers told reporters after the meeting in the capital.';
const THIRD =
  'Negotiators are expected to meet again next month, officials said, although neither side has published an agenda or named its delegation for the next round.';

describe('plain text: paragraphs and spacing', () => {
  it('keeps blank-line paragraphs and separates them by exactly one blank line', () => {
    const article = normalizeArticle({ text: `${FIRST}\n\n\n\n${SECOND}\n \n${THIRD}\n` });
    expect(paragraphsOf(article).map((p) => p.text)).toEqual([FIRST, SECOND, THIRD]);
    expect(article.text).toBe(`${FIRST}\n\n${SECOND}\n\n${THIRD}`);
    expectConsistentOffsets(article);
  });

  it('normalizes CRLF, NBSP, odd spaces, tabs and zero-width characters', () => {
    const text =
      'Officials\u00a0met  in\tthe\u2009capital\u200b on Monday.\r\n\r\nThey  agreed\u3000to talk again.\r\n';
    const article = normalizeArticle({ text });
    expect(article.text).toBe('Officials met in the capital on Monday.\n\nThey agreed to talk again.');
    expect(article.rawText).toBe(text);
    expectConsistentOffsets(article);
  });

  it('keeps each line as a paragraph when an unwrapped text has no blank lines', () => {
    const article = normalizeArticle({ text: [FIRST, SECOND, THIRD].join('\n') });
    expect(paragraphsOf(article).map((p) => p.text)).toEqual([FIRST, SECOND, THIRD]);
    expectConsistentOffsets(article);
  });

  it('decodes complete HTML entities left in scraped text, and leaves "AT&T" alone', () => {
    const article = normalizeArticle({ text: 'AT&T and R&D teams met &quot;in person&quot; on Monday&#8217;s call.' });
    expect(article.text).toBe('AT&T and R&D teams met "in person" on Monday\u2019s call.');
  });
});

describe('plain text: hard-wrapped lines', () => {
  it('detects the wrap width of a wrapped text and none for unwrapped paragraphs', () => {
    const wrapped = hardWrap([FIRST, SECOND, THIRD].join('\n\n'), 72).split('\n');
    expect(detectWrapWidth(wrapped)).toBeGreaterThanOrEqual(60);
    expect(detectWrapWidth(wrapped)).toBeLessThanOrEqual(72);
    expect(detectWrapWidth([FIRST, SECOND, THIRD, FIRST])).toBeNull();
  });

  it.each([48, 64, 72, 90])('joins lines wrapped at %i columns back into paragraphs, offsets exact', (width) => {
    const article = normalizeArticle({ text: hardWrap([FIRST, SECOND, THIRD].join('\n\n'), width) });
    expect(paragraphsOf(article)).toEqual([
      { kind: 'BODY', text: FIRST },
      { kind: 'BODY', text: SECOND },
      { kind: 'BODY', text: THIRD },
    ]);
    expectConsistentOffsets(article);
  });

  it('does not glue a caption, its photo credit and a byline together in a wrapped text', () => {
    const caption = 'The two ministers shake hands before their talks in the capital on March 3, 2020.';
    const text = [
      hardWrap(FIRST, 70),
      '',
      caption,
      'Jane Roe / Example Agency',
      'By John Smith',
      '',
      hardWrap(SECOND, 70),
      '',
      hardWrap(THIRD, 70),
    ].join('\n');
    const paragraphs = paragraphsOf(normalizeArticle({ text }));
    expect(paragraphs).toContainEqual({ kind: 'CAPTION', text: caption });
    expect(paragraphs).toContainEqual({ kind: 'CREDIT', text: 'Jane Roe / Example Agency' });
    expect(paragraphs).toContainEqual({ kind: 'CREDIT', text: 'By John Smith' });
    expect(paragraphs.filter((p) => p.kind === 'BODY').map((p) => p.text)).toEqual([FIRST, SECOND, THIRD]);
  });

  it('keeps a wrapped line that ends a paragraph apart when paragraphs are not separated by blank lines', () => {
    const text = hardWrap(`${FIRST}\n${SECOND}\n${THIRD}`, 70);
    const paragraphs = paragraphsOf(normalizeArticle({ text })).map((p) => p.text);
    // Each paragraph ends with a short last line or a sentence end followed by a new sentence.
    expect(paragraphs).toEqual([FIRST, SECOND, THIRD]);
  });

  it('joins a word hyphenated at the line end without a space', () => {
    const text = hardWrap(
      'The agreement covers trade, energy and counter-terrorism cooperation between the two governments for the next decade.',
      40,
    )
      .replace('counter-terrorism', 'counter-\nterrorism')
      .replace(/\n+/g, '\n');
    const article = normalizeArticle({ text: `${text}\n\n${FIRST}\n\n${SECOND}` });
    expect(article.text).toContain('counter-terrorism cooperation');
  });

  it('joins a line that stops mid-sentence with a lower-case continuation, at any width', () => {
    const article = normalizeArticle({ text: 'The ministers met on Tuesday,\nand agreed to meet again in May.' });
    expect(article.text).toBe('The ministers met on Tuesday, and agreed to meet again in May.');
  });
});
