import { describe, expect, it } from 'vitest';
import { BOILERPLATE, isBoilerplateParagraph, stripBoilerplate } from '../../../../server/src/ingest/boilerplate.js';
import { normalizeArticle } from '../../../../server/src/ingest/normalize-article.js';
import { textsOfKind } from './support.js';

const STORY = 'Both governments said on Monday that the talks would resume next month in the capital.';

describe('boilerplate table', () => {
  it.each([
    'Skip to content',
    'Skip to main content',
    'Advertisement',
    'ADVERTISEMENT',
    'Story continues below advertisement',
    'Author',
    'PUBLISHED: | UPDATED:',
    'Updated at 10:30 a.m. ET',
    'Updated: 2:15 p.m.',
    "You've read  of  free articles. Subscribe to continue.",
    'You\u2019ve read 3 of 5 free articles this month. Subscribe to continue.',
    'Subscribe to continue reading.',
    'Media playback is unsupported on your device',
    'Share this article',
    'Facebook Twitter Email',
    'Sign up for Daily Newsletters Manage Newsletters',
    'Subscribe to our morning briefing newsletter',
    'CLICK HERE TO GET THE EXAMPLE NEWS APP',
    'For the latest news from our team click here.',
    'Follow @exampledesk',
    'We use cookies to improve your experience. By continuing you accept our cookie policy.',
    'Copyright \u00a9 2019 Example Times, LLC. Click here for reprint permission.',
    '7 years ago',
    'This article is more than 1 year old',
    'Slideshow (7 Images)',
    '[pullquote]',
    'Loading...',
    'Listen to this article',
    'All rights reserved.',
    'Our Standards: The Example Trust Principles.',
  ])('drops %j', (line) => {
    expect(stripBoilerplate(line)).toBeNull();
  });

  it.each([
    STORY,
    'Advertisement revenue fell sharply, the company said.',
    'Share prices rose on Tuesday.',
    'The author of the report, a former diplomat, declined to comment.',
    'Updated figures show 40 people were killed.',
    'Follow-up talks are planned for May.',
    'Facebook and Twitter removed the accounts on Monday.',
  ])('keeps the story line %j', (line) => {
    expect(stripBoilerplate(line)).toBe(line);
  });

  it('cuts furniture glued before a caption and keeps the caption', () => {
    expect(stripBoilerplate('Media playback is unsupported on your device Media caption The minister speaks')).toBe(
      'Media caption The minister speaks',
    );
    expect(stripBoilerplate('Facebook Twitter Pinterest The minister arrives. Photograph: Jane Roe/Example')).toBe(
      'The minister arrives. Photograph: Jane Roe/Example',
    );
  });

  it('is one table of named, anchored rules, never applied to long prose', () => {
    expect(BOILERPLATE.length).toBeGreaterThan(10);
    for (const rule of BOILERPLATE) {
      expect(rule.name).not.toBe('');
      expect(rule.pattern.source.startsWith('^')).toBe(true);
    }
    expect(isBoilerplateParagraph(`Advertisement ${'x'.repeat(500)}`)).toBe(false);
  });
});

describe('boilerplate in an article', () => {
  it('leaves furniture out of Article.text but keeps it in rawText', () => {
    const text = [
      'Skip to content',
      'Author',
      'PUBLISHED: | UPDATED:',
      '',
      STORY,
      '',
      'Advertisement',
      '',
      STORY.replace('Monday', 'Tuesday'),
      '',
      'You\u2019ve read  of  free articles. Subscribe to continue.',
    ].join('\n');
    const article = normalizeArticle({ text });
    expect(textsOfKind(article, 'BODY')).toEqual([STORY, STORY.replace('Monday', 'Tuesday')]);
    expect(article.text).not.toMatch(/Skip to content|Author|PUBLISHED|Advertisement|free articles/);
    expect(article.rawText).toBe(text);
  });

  it('turns a furniture-only text into an empty article with NO_BODY rather than an error', () => {
    const article = normalizeArticle({ text: 'Skip to content\nAdvertisement\n' });
    expect(article.text).toBe('');
    expect(article.paragraphs).toEqual([]);
    expect(article.warnings.map((w) => w.code)).toContain('NO_BODY');
  });
});
