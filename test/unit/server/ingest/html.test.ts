import { describe, expect, it } from 'vitest';
import { normalizeArticle } from '../../../../server/src/ingest/normalize-article.js';
import { expectConsistentOffsets, isoDay, paragraphsOf, textsOfKind } from './support.js';

const PAGE = `<!DOCTYPE html>
<html lang="en"><head>
  <title>Ministers agree to resume talks | Example Daily</title>
  <meta property="og:site_name" content="Example Daily">
  <link rel="canonical" href="https://www.example-daily.com/world/2020/03/04/ministers-resume-talks">
  <script>window.dataLayer = ["<p>not article text</p>"];</script>
  <style>p { color: red }</style>
</head>
<body>
  <a href="#main">Skip to content</a>
  <header class="site"><nav><a href="/">Home</a><a href="/world">World</a></nav><p>Example Daily</p></header>
  <main><article>
    <header><h1>Ministers agree to resume border talks</h1><p>By Jane Roe</p></header>
    <figure><img src="a.jpg" alt=""><figcaption>The ministers arrive for the talks on March 3, 2020.</figcaption></figure>
    <p>The foreign ministers of the two countries agreed on Tuesday to
       reopen talks on the disputed border, ending a year&#8209;long freeze.</p>
    <p>&ldquo;We chose dialogue,&rdquo; one of them said&nbsp;&nbsp;after the meeting &amp; a lunch.</p>
    <aside><p>Most read: something else entirely</p></aside>
    <form><label>Sign up</label><input type="email"></form>
    <noscript>Please enable JavaScript.</noscript>
    <p>Related article: <a href="https://www.example-daily.com/world/2019/01/02/earlier-talks">Earlier talks</a></p>
    <p>Advertisement</p>
  </article></main>
  <footer><p>Copyright Example Daily</p></footer>
</body></html>`;

describe('HTML input', () => {
  const article = normalizeArticle({ text: PAGE });

  it('keeps the article paragraphs, in order, with entities decoded and spaces collapsed', () => {
    expect(article.format).toBe('HTML');
    expect(textsOfKind(article, 'BODY')).toEqual([
      'The foreign ministers of the two countries agreed on Tuesday to reopen talks on the disputed border, ending a year\u2011long freeze.',
      '\u201cWe chose dialogue,\u201d one of them said after the meeting & a lunch.',
    ]);
    expectConsistentOffsets(article);
  });

  it('drops scripts, styles, navigation, the page header and footer, asides, forms and noscript', () => {
    for (const gone of [
      'dataLayer',
      'color: red',
      'Home',
      'Most read',
      'Sign up',
      'JavaScript',
      'Copyright',
      'Skip to content',
      'Advertisement',
    ]) {
      expect(article.text).not.toContain(gone);
    }
  });

  it('reads the headline, byline, figure caption and related link', () => {
    expect(article.title).toBe('Ministers agree to resume border talks');
    expect(article.author).toBe('Jane Roe');
    expect(textsOfKind(article, 'CAPTION')).toEqual(['The ministers arrive for the talks on March 3, 2020.']);
    expect(article.relatedLinks).toEqual(['https://www.example-daily.com/world/2019/01/02/earlier-talks']);
  });

  it('takes the canonical URL as its own, and dates the article from it rather than the related link', () => {
    expect(article.url).toBe('https://www.example-daily.com/world/2020/03/04/ministers-resume-talks');
    expect(article.publisher).toBe('example-daily.com');
    expect(article.published?.basis).toBe('URL');
    expect(isoDay(article.published!.start)).toBe('2020-03-04');
  });

  it('prefers the publication time the page states in its metadata', () => {
    const page = PAGE.replace(
      '<head>',
      '<head><meta property="article:published_time" content="2020-03-05T09:30:00+01:00">',
    );
    const dated = normalizeArticle({ text: page });
    expect(dated.published).toMatchObject({ basis: 'EXPLICIT', precision: 'DAY' });
    expect(isoDay(dated.published!.start)).toBe('2020-03-05');
  });

  it('treats a list of links as related stories, not as story text', () => {
    const page = `<article><h1>Talks resume between the two ministers</h1><p>Both sides agreed on Monday to resume talks.</p>
      <ul><li><a href="https://example.com/2019/01/01/a">Earlier talks collapsed in acrimony</a></li>
      <li><a href="/relative/b">Who are the negotiators?</a></li></ul></article>`;
    const article = normalizeArticle({ text: page });
    expect(textsOfKind(article, 'RELATED')).toEqual([
      'Earlier talks collapsed in acrimony',
      'Who are the negotiators?',
    ]);
    expect(article.relatedLinks).toEqual(['https://example.com/2019/01/01/a']);
    expect(textsOfKind(article, 'BODY')).toEqual(['Both sides agreed on Monday to resume talks.']);
  });

  it('falls back to the page title, without the site name, when the body has no headline', () => {
    const page = PAGE.replace(/<h1>.*?<\/h1>/, '');
    expect(normalizeArticle({ text: page }).title).toBe('Ministers agree to resume talks');
  });

  it('survives unclosed tags, stray closers and an unclosed script', () => {
    const broken = normalizeArticle({
      text: '<div><p>First paragraph of the story.<p>Second <b>bold <i>and</div></span> paragraph.</p><script>var a = 1;',
      format: 'HTML',
    });
    // As in a browser, "</div>" closes the open paragraph: what follows is a new block.
    expect(paragraphsOf(broken).map((p) => p.text)).toEqual([
      'First paragraph of the story.',
      'Second bold and',
      'paragraph.',
    ]);
    expect(broken.text).not.toContain('var a');
  });

  it('reads a page whose article sits inside an unclosed <header>', () => {
    const page =
      '<html><body><header><h1>Talks resume</h1><p>Both sides agreed on Monday to resume talks.</p></body></html>';
    expect(normalizeArticle({ text: page }).text).toContain('Both sides agreed on Monday to resume talks.');
  });

  it('splits <br>-separated lines into paragraphs but joins a line broken mid-sentence', () => {
    const page =
      '<p>The ministers pose for a photo in the capital on March 3, 2020.<br>Jane Roe / Example Agency</p><p>Talks went on,<br>and ended late.</p>';
    expect(paragraphsOf(normalizeArticle({ text: page }))).toEqual([
      { kind: 'CAPTION', text: 'The ministers pose for a photo in the capital on March 3, 2020.' },
      { kind: 'CREDIT', text: 'Jane Roe / Example Agency' },
      { kind: 'BODY', text: 'Talks went on, and ended late.' },
    ]);
  });

  it('flattens absurdly deep nesting instead of taking quadratic time', () => {
    const deep = `${'<div>'.repeat(50_000)}<p>Deep text survives.</p>${'</div>'.repeat(50_000)}`;
    expect(normalizeArticle({ text: deep }).text).toBe('Deep text survives.');
  });
});
