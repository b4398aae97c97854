import { describe, expect, it } from 'vitest';
import { normalizeArticle } from '../../../../server/src/ingest/normalize-article.js';
import { expectConsistentOffsets, isoDay, paragraphsOf } from './support.js';

const MARKDOWN = `# Ministers agree to resume border talks

March 04, 2020

**Jane Roe / Example Agency**

The foreign ministers agreed on *Tuesday* to reopen talks on the **disputed** border, the
[foreign ministry](https://example.gov/statement) said in a statement.

**Related article:** [Earlier talks collapsed](https://www.example-daily.com/2019/01/02/earlier-talks)

> "We chose dialogue," one of the ministers said.

*Reuters contributed reporting to this article.*

Original url:

<https://www.example-daily.com/2020/03/04/ministers-resume-talks>
`;

describe('Markdown input', () => {
  const article = normalizeArticle({ text: MARKDOWN });

  it('renders headings, emphasis and links to plain text and joins soft-wrapped lines', () => {
    expect(article.format).toBe('MARKDOWN');
    expect(paragraphsOf(article)).toEqual([
      { kind: 'TITLE', text: 'Ministers agree to resume border talks' },
      { kind: 'DATELINE', text: 'March 04, 2020' },
      { kind: 'CREDIT', text: 'Jane Roe / Example Agency' },
      {
        kind: 'BODY',
        text: 'The foreign ministers agreed on Tuesday to reopen talks on the disputed border, the foreign ministry said in a statement.',
      },
      { kind: 'RELATED', text: 'Related article: Earlier talks collapsed' },
      { kind: 'BODY', text: '"We chose dialogue," one of the ministers said.' },
      { kind: 'CREDIT', text: 'Reuters contributed reporting to this article.' },
    ]);
    expectConsistentOffsets(article);
  });

  it('reads the labelled autolink as the article URL and the related link as another article', () => {
    expect(article.url).toBe('https://www.example-daily.com/2020/03/04/ministers-resume-talks');
    expect(article.relatedLinks).toEqual(['https://www.example-daily.com/2019/01/02/earlier-talks']);
    expect(article.title).toBe('Ministers agree to resume border talks');
    expect(article.wireCredits).toEqual(['Reuters']);
    expect(article.published?.basis).toBe('EXPLICIT');
    expect(isoDay(article.published!.start)).toBe('2020-03-04');
  });

  it('keeps a caption and its credit apart when scraped Markdown puts them on consecutive lines', () => {
    const text =
      '## Talks resume\n\nThe ministers arrive for talks in the capital on March 3, 2020.\nJane Roe / Example Agency\n\nBoth **sides** agreed to meet again.';
    expect(paragraphsOf(normalizeArticle({ text, format: 'MARKDOWN' }))).toEqual([
      { kind: 'TITLE', text: 'Talks resume' },
      { kind: 'CAPTION', text: 'The ministers arrive for talks in the capital on March 3, 2020.' },
      { kind: 'CREDIT', text: 'Jane Roe / Example Agency' },
      { kind: 'BODY', text: 'Both sides agreed to meet again.' },
    ]);
  });

  it('lets raw HTML in Markdown through the same cleaning', () => {
    const text = '# Title of the story\n\nBody text of the story.<script>alert("x")</script>\n\n<div>More text.</div>';
    const cleaned = normalizeArticle({ text, format: 'MARKDOWN' });
    expect(cleaned.text).not.toContain('alert');
    expect(cleaned.text).toContain('More text.');
  });
});
