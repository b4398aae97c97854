import { describe, expect, it } from 'vitest';
import { dateFromUrlPath } from '../../../../server/src/ingest/article-urls.js';
import { normalizeArticle } from '../../../../server/src/ingest/normalize-article.js';
import { publisherFromUrl, registrableDomain } from '../../../../server/src/ingest/publishers.js';
import { isoDay } from './support.js';

const BODY = 'The defence ministers met on Wednesday to discuss spending targets for next year, officials said.';
const MORE = 'Several members said they would raise their budgets, while others asked for more time.';

function article(...lines: string[]) {
  return normalizeArticle({ text: lines.join('\n') });
}

describe('title', () => {
  it('takes a short first line without a final period as the title', () => {
    expect(article('Allies agree on new spending targets', '', BODY, '', MORE).title).toBe(
      'Allies agree on new spending targets',
    );
  });

  it('accepts a final initialism and a question mark', () => {
    expect(article('Allies to meet at the U.N.', '', BODY).title).toBe('Allies to meet at the U.N.');
    expect(article('Will the allies agree on spending?', '', BODY).title).toBe('Will the allies agree on spending?');
  });

  it('is null when the article starts straight with body text', () => {
    expect(article(BODY, '', MORE).title).toBeNull();
  });

  it('skips credits, captions and furniture before the headline', () => {
    expect(
      article('Skip to content', 'Jane Roe / Example Agency', 'Allies agree on new spending targets', '', BODY).title,
    ).toBe('Allies agree on new spending targets');
  });
});

describe('url and publisher', () => {
  it.each([
    ['Original url:', '<https://www.themoscowtimes.com/2018/06/07/some-story-a1>'],
    ['Source:', 'https://www.themoscowtimes.com/2018/06/07/some-story-a1'],
    ['URL: https://www.themoscowtimes.com/2018/06/07/some-story-a1', ''],
    ['Canonical: <https://www.themoscowtimes.com/2018/06/07/some-story-a1>', ''],
  ])('reads the article URL from a labelled line (%s)', (label, next) => {
    const result = article(BODY, '', MORE, '', label, '', next);
    expect(result.url).toBe('https://www.themoscowtimes.com/2018/06/07/some-story-a1');
    expect(result.publisher).toBe('The Moscow Times');
    expect(result.text).not.toContain('themoscowtimes');
  });

  it('never takes an unlabelled URL or a related link for the article URL', () => {
    const result = article(
      BODY,
      '',
      'Related article: https://news.example.com/2030/01/01/x',
      '',
      'https://news.example.com/2031/02/02/y',
    );
    expect(result.url).toBeNull();
    expect(result.publisher).toBeNull();
    expect(result.relatedLinks).toEqual([
      'https://news.example.com/2030/01/01/x',
      'https://news.example.com/2031/02/02/y',
    ]);
  });

  it.each([
    ['https://www.csmonitor.com/World/2017/0215/story', 'The Christian Science Monitor'],
    ['https://www.reuters.com/article/us-story-idUSKCN1', 'Reuters'],
    ['https://apnews.com/abc', 'Associated Press'],
    ['https://www.bbc.co.uk/news/world-1', 'BBC News'],
    ['http://www.bbc.com/news/world-1', 'BBC News'],
    ['http://politicalticker.blogs.cnn.com/2012/10/17/x/', 'CNN'],
    ['https://www.theguardian.com/world/2017/nov/21/x', 'The Guardian'],
    ['https://news.example.co.uk/story', 'example.co.uk'],
    ['https://blog.example.org/story', 'example.org'],
  ])('names the publisher of %s', (url, name) => {
    expect(publisherFromUrl(url)).toBe(name);
  });

  it('computes registrable domains', () => {
    expect(registrableDomain('a.b.example.com')).toBe('example.com');
    expect(registrableDomain('www.example.com.au')).toBe('example.com.au');
    expect(registrableDomain('localhost')).toBe('localhost');
  });

  it.each([
    // Suffixes a hand-kept table of "co", "com", "org" ... misses: the Public Suffix List knows them.
    ['news.abc.net.au', 'abc.net.au'],
    ['www.lemonde.fr', 'lemonde.fr'],
    ['www3.nhk.or.jp', 'nhk.or.jp'],
    ['timesofindia.indiatimes.com', 'indiatimes.com'],
    ['www.stuff.co.nz', 'stuff.co.nz'],
    ['edition.cnn.com', 'cnn.com'],
    ['192.168.0.1', '192.168.0.1'],
  ])('takes the registrable domain of %s from the Public Suffix List', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });
});

describe('publisher from a wire dateline', () => {
  const body = (opening: string) =>
    `${opening} Ministers of the two countries agreed on Tuesday to reopen talks on the disputed border.\n\nThe talks will resume next month in Geneva, officials said.`;

  it.each([
    ['WASHINGTON (Reuters) -', 'Reuters'],
    ['MOSCOW (AP) —', 'Associated Press'],
    ['PARIS (AFP) -', 'Agence France-Presse'],
  ])('names the agency of "%s" when nothing else names a publisher', (dateline, agency) => {
    expect(normalizeArticle({ text: body(dateline) }).publisher).toBe(agency);
  });

  it('lets the URL and the caller win over the dateline', () => {
    expect(
      normalizeArticle({ text: body('WASHINGTON (Reuters) -'), url: 'https://www.themoscowtimes.com/x' }).publisher,
    ).toBe('The Moscow Times');
    expect(normalizeArticle({ text: body('WASHINGTON (Reuters) -'), publisher: 'Daily Planet' }).publisher).toBe(
      'Daily Planet',
    );
  });

  it('does not take a contribution credit or an agency quoted in the story for the publisher', () => {
    const text = `${body('WASHINGTON —')}\n\nThe Associated Press contributed to this report.`;
    expect(normalizeArticle({ text }).publisher).toBeNull();
    expect(normalizeArticle({ text: body('Officials told Reuters on Monday that') }).publisher).toBeNull();
  });
});

describe('publication date', () => {
  it.each([
    ['https://example.com/world/2018/06/07/story/', '2018-06-07'],
    ['https://example.com/news/2018/jun/07/story', '2018-06-07'],
    ['https://example.com/World/2014/0505/Story-title', '2014-05-05'],
    ['https://example.com/story-20180607', '2018-06-07'],
    ['https://example.com/2018-06-07/story', '2018-06-07'],
  ])('reads the date in the URL path %s', (url, day) => {
    const found = dateFromUrlPath(url);
    expect(found && `${found.year}-${String(found.month).padStart(2, '0')}-${String(found.day).padStart(2, '0')}`).toBe(
      day,
    );
  });

  it.each([
    'https://example.com/news/2020/01/story',
    'https://example.com/id/11547356133',
    'https://example.com/2018/13/45/x',
  ])('finds no day in %s', (url) => {
    expect(dateFromUrlPath(url)).toBeNull();
  });

  it('dates from a date line first, as EXPLICIT, DAY precision, UTC midnight to midnight', () => {
    const result = article(
      'Allies agree on targets',
      'June 07, 2018',
      '',
      BODY,
      '',
      'Original url: https://example.com/2018/06/09/x',
    );
    expect(result.published).toEqual({
      start: new Date('2018-06-07T00:00:00.000Z'),
      end: new Date('2018-06-08T00:00:00.000Z'),
      precision: 'DAY',
      basis: 'EXPLICIT',
    });
  });

  it('dates from a wire dateline only when it carries a full date', () => {
    const dated = article(
      'BRUSSELS, Feb. 16, 2017 (Reuters) - The defence ministers met on Wednesday to discuss spending.',
    );
    expect(dated.published?.basis).toBe('EXPLICIT');
    expect(isoDay(dated.published!.start)).toBe('2017-02-16');
    expect(dated.wireCredits).toEqual(['Reuters']);
    const undated = article('BRUSSELS, Feb 16 (Reuters) - The defence ministers met on Wednesday to discuss spending.');
    expect(undated.published).toBeNull();
    expect(undated.wireCredits).toEqual(['Reuters']);
  });

  it('falls back to the article URL (basis URL), then to the newest caption date (basis CAPTION)', () => {
    const fromUrl = article(BODY, '', 'Original url: https://example.com/2019/03/14/story');
    expect(fromUrl.published?.basis).toBe('URL');
    expect(isoDay(fromUrl.published!.start)).toBe('2019-03-14');

    const fromCaptions = article(
      'The ministers arrive for the meeting in the capital on March 2, 2020.',
      'Jane Roe / Example Agency',
      '',
      BODY,
      '',
      'Image caption The ministers at an earlier meeting in the capital on March 3, 2020',
    );
    expect(fromCaptions.published?.basis).toBe('CAPTION');
    expect(isoDay(fromCaptions.published!.start)).toBe('2020-03-03');
  });

  it('never dates from an archive ("FILE") photo caption', () => {
    expect(
      article('FILE - In this March 3, 2019, file photo, the minister speaks in the capital.', '', BODY).published,
    ).toBeNull();
  });

  it('never dates from a related link, and says relative dates stay unresolved', () => {
    const result = article(
      BODY,
      '',
      'Related article: Ministers clash',
      'https://example.com/2031/01/02/ministers-clash',
    );
    expect(result.published).toBeNull();
    expect(result.warnings).toContainEqual({ code: 'UNDATED', message: expect.stringMatching(/relative dates/i) });
  });
});

describe('caller metadata', () => {
  it('wins over everything found in the text', () => {
    const result = normalizeArticle({
      text: [
        'Allies agree on targets',
        'June 07, 2018',
        '',
        BODY,
        '',
        'Original url: https://www.reuters.com/2018/06/07/x',
      ].join('\n'),
      url: 'https://www.example.com/2020/01/01/given',
      title: 'The caller\u2019s title',
      publisher: 'Caller Press',
      publishedAt: new Date('2020-01-02T23:30:00Z'),
    });
    expect(result.url).toBe('https://www.example.com/2020/01/01/given');
    expect(result.title).toBe('The caller\u2019s title');
    expect(result.publisher).toBe('Caller Press');
    expect(result.published).toEqual({
      start: new Date('2020-01-02T00:00:00.000Z'),
      end: new Date('2020-01-03T00:00:00.000Z'),
      precision: 'DAY',
      basis: 'CALLER',
    });
    expect(result.warnings).toEqual([]);
  });

  it('derives the publisher and a URL date from the caller URL when that is all it gives', () => {
    const result = normalizeArticle({ text: BODY, url: 'https://www.nytimes.com/2016/11/09/us/story.html' });
    expect(result.publisher).toBe('The New York Times');
    expect(result.published?.basis).toBe('URL');
  });

  it('marks a paragraph repeating the caller title as TITLE', () => {
    const result = normalizeArticle({ text: `Allies agree on targets\n\n${BODY}`, title: 'Allies Agree On Targets' });
    expect(result.paragraphs[0]?.kind).toBe('TITLE');
  });
});

describe('wire credits and author', () => {
  it.each([
    ['Reuters contributed reporting to this article.', ['Reuters']],
    ['This article contains material from the Associated Press and Reuters.', ['Associated Press', 'Reuters']],
    ['Associated Press writer Jane Roe contributed.', ['Associated Press']],
    ['Example News\u2019 Jane Roe and The Associated Press contributed to this report.', ['Associated Press']],
    ['Additional reporting by Agence France-Presse.', ['Agence France-Presse']],
  ])('reads %j as %j, as a CREDIT paragraph', (line, credits) => {
    const result = article(BODY, '', line);
    expect(result.wireCredits).toEqual(credits);
    expect(result.paragraphs.at(-1)?.kind).toBe('CREDIT');
  });

  it('reads "(AP)" in the opening dateline', () => {
    expect(
      article('ATHENS, Greece (AP) \u2014 The minister arrived on Tuesday for two days of talks.').wireCredits,
    ).toEqual(['Associated Press']);
  });

  it('does not credit an agency merely quoted in the story', () => {
    expect(article('The talks failed, according to Reuters and the Associated Press.').wireCredits).toEqual([]);
  });

  it('reads the author from a byline', () => {
    expect(article('Allies agree on targets', 'By Jane Roe', '', BODY).author).toBe('Jane Roe');
    expect(article('Allies agree on targets', '', 'Jane Roe', '', 'USA TODAY', '', BODY).author).toBe('Jane Roe');
    expect(article(BODY).author).toBeNull();
  });
});
