/**
 * Pages built from plain <div>s, with no <article>, <main>, <aside> or <footer> to say
 * which part is the story: Readability (main-content.ts) must keep the story and drop the
 * related-story cards, the reader comments and the site footer around it.
 */
import { describe, expect, it } from 'vitest';
import { findMainContent } from '../../../../server/src/ingest/main-content.js';
import { normalizeArticle } from '../../../../server/src/ingest/normalize-article.js';

const STORY = [
  'The city council voted 7-2 on Monday to close the Riverside shelter by the end of the year, ending a decade of disputes over its funding and its place in the neighbourhood.',
  '“We owe the residents a plan, not another year of delays,” council member Dana Whitfield said after the vote, adding that the money would go to two smaller shelters.',
  'Opponents said the council had not consulted the people who use the shelter, and a group of them promised to challenge the decision in court before the closure takes effect.',
  'The mayor, Luis Ortega, is expected to sign the measure on Thursday. His office said he supported the plan but wanted the council to publish a timetable first.',
];

function divSoup(): string {
  const cards = Array.from(
    { length: 6 },
    (_, i) =>
      `<div class="card"><a href="/news/${i}"><div class="card-title">More from the Tribune: story number ${i} about something else</div></a><div class="card-meta">3 min read</div></div>`,
  ).join('');
  const comments = Array.from(
    { length: 5 },
    (_, i) =>
      `<div class="c"><div class="c-user">reader${i}</div><div class="c-body">I have lived here for thirty years and this comment number ${i} is my opinion of the council, which nobody asked for.</div><div class="c-actions">Reply · Like</div></div>`,
  ).join('');
  return `<!DOCTYPE html><html><head><title>Council votes to close Riverside shelter - The Tribune</title></head><body>
    <div class="top"><div class="logo">The Tribune</div><div class="menu"><a href="/">Home</a> <a href="/city">City</a> <a href="/sports">Sports</a></div></div>
    <div class="wrap"><div class="col">
      <div class="headline">Council votes to close Riverside shelter</div>
      <div class="byline">By Sam Kerr</div>
      <div class="body">${STORY.map((p) => `<div class="para">${p}</div>`).join('')}</div>
      <div class="share">Share on Facebook · Share on X · Email</div>
    </div>
    <div class="rail"><div class="rail-title">More from the Tribune</div>${cards}</div></div>
    <div class="comments"><div class="comments-title">Comments (5)</div>${comments}</div>
    <div class="bottom">© 2024 The Tribune. All rights reserved. <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></div>
  </body></html>`;
}

describe('main content of div-soup pages', () => {
  it('keeps every paragraph of the story and none of the cards, comments or footer', () => {
    const article = normalizeArticle({ text: divSoup(), format: 'HTML' });
    for (const paragraph of STORY) expect(article.text).toContain(paragraph);
    expect(article.text).not.toMatch(/More from the Tribune: story number/);
    expect(article.text).not.toMatch(/comment number/);
    expect(article.text).not.toMatch(/All rights reserved/);
    expect(article.text).not.toMatch(/Share on Facebook/);
  });

  it('keeps the citation offsets exact after choosing the body', () => {
    const article = normalizeArticle({ text: divSoup(), format: 'HTML' });
    for (const p of article.paragraphs) expect(article.text.slice(p.start, p.end).trim()).not.toBe('');
    const quote = article.text.indexOf('“We owe the residents a plan');
    expect(quote).toBeGreaterThanOrEqual(0);
  });

  it('finds nothing in a page with no prose, so the whole page is read instead', () => {
    expect(findMainContent('<html><body><div>Home</div><div>About</div></body></html>')).toBeNull();
    const article = normalizeArticle({
      text: '<html><body><div>The board met on Tuesday and approved the budget.</div></body></html>',
      format: 'HTML',
    });
    expect(article.text).toContain('The board met on Tuesday and approved the budget.');
  });

  it('survives hostile markup: unclosed tags, deep nesting and a script that looks like text', () => {
    const hostile = `<div>${'<div><span>'.repeat(3_000)}${STORY.join(' ')}<script>document.write("<p>not text</p>")</script>`;
    const article = normalizeArticle({ text: hostile, format: 'HTML' });
    expect(article.text).toContain(STORY[0]);
    expect(article.text).not.toContain('not text');
  });
});
