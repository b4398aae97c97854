import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../server/src/ingest/normalize-article.js';

describe('detectFormat', () => {
  it.each([
    ['a full HTML document', '<!DOCTYPE html><html><body><p>Talks resumed.</p></body></html>'],
    ['an HTML fragment', '<div><p>Talks resumed on Monday.</p><p>Both sides agreed.</p></div>'],
    ['HTML with attributes and entities', '<p class="lead">Talks&nbsp;resumed</p>\n<p>Again.</p>'],
  ])('recognises %s as HTML', (_, text) => {
    expect(detectFormat(text)).toBe('HTML');
  });

  it.each([
    ['a heading', '# Talks resume\n\nBoth sides agreed on Monday.'],
    ['bold and links', 'Both **sides** agreed, [officials said](https://example.org/a).'],
    ['autolinks and emphasis', '**Source:** <https://example.org/story>\n\nBoth sides agreed.'],
  ])('recognises Markdown by %s', (_, text) => {
    expect(detectFormat(text)).toBe('MARKDOWN');
  });

  it.each([
    ['plain prose', 'Both sides agreed on Monday to resume talks.\n\nOfficials welcomed the news.'],
    ['prose with stray symbols', 'Prices rose 5% * 2 [sic] and a < b > c; #1 priority, said the minister.'],
    ['a single tag-like word', 'He wrote <sic> in the margin, then left.'],
    ['one emphasis mark only', 'It was *very* late when the talks ended.'],
  ])('treats %s as TEXT', (_, text) => {
    expect(detectFormat(text)).toBe('TEXT');
  });
});
