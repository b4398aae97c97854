import { describe, expect, it } from 'vitest';
import { isPhotoCredit, readCredit } from '../../../../server/src/ingest/credits.js';
import { normalizeArticle } from '../../../../server/src/ingest/normalize-article.js';
import { paragraphsOf, textsOfKind } from './support.js';

const BODY_A = 'The defence ministers of the alliance met on Wednesday to discuss spending targets for next year.';
const BODY_B = 'Several members said they would raise their budgets, while others asked for more time to decide.';

describe('photo credits', () => {
  it.each([
    'Jane Roe / Example Agency',
    'Jane Roe/ Example Agency via Pool',
    'Jane Roe / Flickr (CC BY 2.0)',
    'AP Photo/Jane Roe',
    '(Jane Roe/Example)',
    'Getty Images',
    'AFP/Getty Images',
    'Photo: Jane Roe',
    'Image copyright AFP',
    'toggle caption Jane Roe/Getty Images Jane Roe/Getty Images',
  ])('recognises %j', (line) => {
    expect(isPhotoCredit(line)).toBe(true);
  });

  it.each([
    BODY_A,
    'The U.S./Mexico border talks resumed on Monday after a long pause.',
    '24/7 coverage continues',
    'https://example.com/a/b/c',
  ])('does not take %j for a credit', (line) => {
    expect(isPhotoCredit(line)).toBe(false);
  });
});

describe('contribution credits and bylines', () => {
  it.each([
    ['Reuters contributed reporting to this article.', 'CONTRIBUTION'],
    ['The Associated Press contributed to this report.', 'CONTRIBUTION'],
    ['This article contains material from the Associated Press and Reuters.', 'CONTRIBUTION'],
    ['Associated Press writer Jane Roe contributed.', 'CONTRIBUTION'],
    ['Roe reported from Paris. John Smith contributed from London.', 'CONTRIBUTION'],
    ['Contributing: John Smith', 'CONTRIBUTION'],
    ['(Reporting by Jane Roe; Editing by John Smith)', 'CONTRIBUTION'],
    ['\u2014Jane Roe and John Smith contributed to this article.', 'CONTRIBUTION'],
    ['Write to Jane Roe at jane.roe@example.com', 'CONTACT'],
    ['By Jane Roe', 'BYLINE'],
    ['By JANE ROE and John Smith, Example News', 'BYLINE'],
    ['Jane Roe, EXAMPLE TODAY', 'BYLINE'],
  ])('reads %j as a %s credit', (line, kind) => {
    expect(readCredit(line)?.kind).toBe(kind);
  });

  it.each([
    'By Thursday, the talks had collapsed.',
    'Russia contributed troops, officials said, and "we thank them," the minister added.',
    BODY_A,
  ])('does not take %j for a credit', (line) => {
    expect(readCredit(line)).toBeNull();
  });
});

describe('captions', () => {
  it('takes a dated description beside a photo credit for a caption, printed twice or not', () => {
    const caption =
      'The defence secretary arrives for a meeting at the alliance headquarters in the capital on March 3, 2020.';
    const text = [caption, 'Jane Roe / Example Agency', caption.replace("'", '\u2019'), '', BODY_A, '', BODY_B].join(
      '\n',
    );
    const article = normalizeArticle({ text });
    expect(paragraphsOf(article).map((p) => p.kind)).toEqual(['CAPTION', 'CREDIT', 'CAPTION', 'BODY', 'BODY']);
  });

  it('takes a credit-adjacent description ending "Place, Mon. D, YYYY." for a caption', () => {
    const caption = 'Two ministers take places for a group picture during a meeting in the capital, Feb. 15, 2017.';
    const article = normalizeArticle({
      text: ['A headline about the meeting', '', 'Jane Roe/ Example Agency', caption, '', BODY_A, '', BODY_B].join(
        '\n',
      ),
    });
    expect(textsOfKind(article, 'CAPTION')).toEqual([caption]);
  });

  it('does not take the story\u2019s first paragraph for a caption just because it follows a credit', () => {
    const first =
      'The alliance will keep talking to its neighbours even as it prepares its defences, its top official has said.';
    const article = normalizeArticle({ text: ['Jane Roe / Example Agency', '', first, '', BODY_A].join('\n') });
    expect(textsOfKind(article, 'BODY')).toEqual([first, BODY_A]);
  });

  it.each([
    'Image copyright Example Image caption The minister at the summit',
    'Media caption The minister explains the decision',
    'Hide caption Survivors walk through the debris. Previous Next Jane Roe/Example',
    'FILE - In this March 3, 2019, file photo, the minister speaks in the capital.',
    'The minister speaks in the capital on Sunday. (Photo: Jane Roe, Example/Getty Images)',
    'The minister speaks in the capital. (Jane Roe/Example)',
    'The minister in the capital. Photograph: Jane Roe/Example',
    'The minister at the summit, March 3, 2017. REUTERS/Jane Roe',
    'Play Video 1:23 Crowds celebrate in the capital \u2013 video',
  ])('recognises the marked caption %j', (line) => {
    const article = normalizeArticle({ text: [line, '', BODY_A, '', BODY_B].join('\n') });
    expect(textsOfKind(article, 'CAPTION')).toEqual([line]);
  });
});

describe('related links', () => {
  it('marks "Related article" lines and the bare URL after them as RELATED and records the URL', () => {
    const text = [
      BODY_A,
      '',
      'Related article: Ministers Clash Over Budget Targets',
      '',
      'https://news.example.com/2031/01/02/ministers-clash',
      '',
      BODY_B,
    ].join('\n');
    const article = normalizeArticle({ text });
    expect(textsOfKind(article, 'RELATED')).toEqual([
      'Related article: Ministers Clash Over Budget Targets',
      'https://news.example.com/2031/01/02/ministers-clash',
    ]);
    expect(article.relatedLinks).toEqual(['https://news.example.com/2031/01/02/ministers-clash']);
    expect(article.url).toBeNull();
    expect(article.published).toBeNull();
  });

  it.each([
    'Read more: Ministers clash over budget targets',
    'SEE ALSO: Ministers clash over budget targets',
    'READ: Ministers clash over budget targets',
    'WATCH: Ministers clash over budget targets',
    'More:Ministers clash over budget targets',
    'See also',
    'Related Articles',
    '(Click here for related updates.)',
    'Ministers clash over budget targets Read more',
    'FLASHBACK: MINISTERS CLASH OVER BUDGET TARGETS AT SUMMIT',
  ])('marks %j as RELATED', (line) => {
    const article = normalizeArticle({ text: [BODY_A, '', line, '', BODY_B].join('\n') });
    expect(textsOfKind(article, 'RELATED')).toEqual([line]);
  });

  it('keeps short subheads in capitals as body text', () => {
    const article = normalizeArticle({ text: [BODY_A, '', 'BUDGET FIGHT', '', BODY_B].join('\n') });
    expect(textsOfKind(article, 'RELATED')).toEqual([]);
  });
});

describe('title and dateline paragraphs', () => {
  it('marks the headline, a date line and a repeated headline', () => {
    const article = normalizeArticle({
      text: [
        'Allies agree on new spending targets',
        '2020-03-04',
        '',
        'Allies agree on new spending targets',
        '',
        BODY_A,
        '',
        BODY_B,
      ].join('\n'),
    });
    expect(paragraphsOf(article).map((p) => p.kind)).toEqual(['TITLE', 'DATELINE', 'TITLE', 'BODY', 'BODY']);
    expect(article.title).toBe('Allies agree on new spending targets');
  });

  it.each([
    ['June 07, 2018', '2018-06-07'],
    ['Published: Feb. 16, 2017 at 9:00 a.m. | Updated: Feb. 17, 2017', '2017-02-16'],
    ['Wednesday 1 May 2019 10.30 BST', '2019-05-01'],
    ['Posted on 2016-03-22T10:00:00Z', '2016-03-22'],
    ['JUNE 7, 2018 / 3:12 PM / 3 YEARS AGO', '2018-06-07'],
    ['Updated 11:05 AM ET, Thu June 7, 2018', '2018-06-07'],
    ['7th June 2018', '2018-06-07'],
  ])('reads the date line %j', (line, day) => {
    const article = normalizeArticle({ text: [line, '', BODY_A].join('\n') });
    expect(paragraphsOf(article)[0]?.kind).toBe('DATELINE');
    expect(article.published?.start.toISOString().slice(0, 10)).toBe(day);
  });

  it('keeps a sentence that contains a date as body text', () => {
    const line = 'The ministers met on June 7, 2018 in the capital.';
    expect(textsOfKind(normalizeArticle({ text: line }), 'BODY')).toEqual([line]);
  });
});
