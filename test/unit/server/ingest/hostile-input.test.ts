import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS, normalizeArticle } from '../../../../server/src/ingest/normalize-article.js';
import type { ArticleInput } from '../../../../server/src/ingest/types.js';
import { AppError } from '../../../../server/src/lib/errors.js';
import { expectConsistentOffsets, paragraphsOf, textsOfKind } from './support.js';

function refusal(input: ArticleInput): AppError {
  try {
    normalizeArticle(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected normalizeArticle to refuse the input');
}

describe('input that is not an article', () => {
  it.each([
    ['empty text', { text: '' }, /empty/],
    ['whitespace only', { text: ' \n\t\u00a0\r\n ' }, /empty/],
    ['NUL bytes', { text: 'Talks resumed\u0000\u0000 on Monday.' }, /binary/],
    ['control characters', { text: '\u0001\u0002\u0003\u0004abc\u0005\u0006\u0007\u0008'.repeat(100) }, /binary/],
    ['replacement characters', { text: `${'\ufffd'.repeat(300)} some words` }, /binary/],
    ['no letters', { text: '12345 67890 !!! --- 2020-01-01' }, /no letters/],
    ['a bad format', { text: 'Talks resumed.', format: 'PDF' as never }, /format/],
    ['a relative URL', { text: 'Talks resumed.', url: '/world/story' }, /URL/],
    ['an invalid date', { text: 'Talks resumed.', publishedAt: new Date('nope') }, /date/],
    [
      'a date in the year 0',
      { text: 'Talks resumed.', publishedAt: new Date('0000-12-31T00:00:00Z') },
      /years 1 and 9999/,
    ],
    ['a date past 9999', { text: 'Talks resumed.', publishedAt: new Date(8.64e15) }, /years 1 and 9999/],
  ])('refuses %s with BAD_USER_INPUT and a clear message', (_, input, message) => {
    const error = refusal(input as ArticleInput);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(message);
  });

  it('refuses random binary data decoded as text', () => {
    let seed = 7;
    const bytes = Buffer.from(
      Array.from({ length: 20_000 }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % 256;
      }),
    );
    expect(refusal({ text: bytes.toString('latin1') }).code).toBe('BAD_USER_INPUT');
    expect(refusal({ text: bytes.toString('utf8') }).code).toBe('BAD_USER_INPUT');
  });
});

describe('messy but real text', () => {
  it('caps a 5 MB text at the maximum size, quickly, with TRUNCATED', () => {
    const paragraph =
      'The ministers met again on Thursday and agreed to keep talking about the border dispute. '.repeat(6);
    const text = `${paragraph.trim()}\n\n`.repeat(Math.ceil(5_000_000 / (paragraph.length + 2)));
    const article = normalizeArticle({ text });
    expect(article.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(article.text.length).toBeGreaterThan(MAX_TEXT_CHARS * 0.9);
    expect(article.rawText).toBe(text);
    expect(article.warnings.map((w) => w.code)).toContain('TRUNCATED');
    expectConsistentOffsets(article);
  });

  it('caps a 5 MB single line without line breaks', () => {
    const article = normalizeArticle({ text: 'word '.repeat(1_000_000) });
    expect(article.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(article.text.endsWith('word')).toBe(true);
    expect(article.warnings.map((w) => w.code)).toContain('TRUNCATED');
  });

  it('handles 5 MB of hard-wrapped text in linear time', () => {
    const text = 'The ministers met again on Thursday and agreed to keep on talking about\n'.repeat(70_000);
    const article = normalizeArticle({ text });
    expect(article.paragraphs.length).toBeLessThan(5);
  });

  it.each([
    ['brackets', '['.repeat(1_000_000)],
    ['asterisks and underscores', `${'*'.repeat(500_000)} x ${'_'.repeat(500_000)}`],
    ['angle brackets', '<a '.repeat(300_000)],
    ['dates', 'June 1, 2019 '.repeat(100_000)],
  ])('stays fast on a megabyte of %s', (_, text) => {
    normalizeArticle({ text: `${text} words` });
  });

  it('extracts the text of an HTML page full of scripts', () => {
    const script = `<script>${'var x = "<p>fake paragraph</p>"; '.repeat(2_000)}</script>`;
    const html = `<html><head>${script}</head><body>${script}<p>The only real paragraph.</p>${script}<style>p{}</style></body></html>`;
    const article = normalizeArticle({ text: html });
    expect(paragraphsOf(article)).toEqual([{ kind: 'BODY', text: 'The only real paragraph.' }]);
  });

  it('gives an empty article with warnings for HTML with no visible text', () => {
    const article = normalizeArticle({ text: '<html><body><script>var a = "text";</script></body></html>' });
    expect(article.text).toBe('');
    expect(article.warnings.map((w) => w.code).sort()).toEqual(['NO_BODY', 'UNDATED']);
  });

  it('keeps right-to-left text and its direction marks intact', () => {
    const arabic = 'قال وزير الخارجية يوم الثلاثاء إن المحادثات ستستأنف الشهر المقبل.';
    const hebrew = '\u200fהשרים נפגשו ביום שלישי בבירה.';
    const article = normalizeArticle({ text: `${arabic}\n\n${hebrew}` });
    expect(textsOfKind(article, 'BODY')).toEqual([arabic, hebrew]);
    expectConsistentOffsets(article);
  });

  it('keeps emoji, including joined sequences, and counts offsets in the same units as String.slice', () => {
    const line = 'Crowds cheered 🎉🇺🇦 as the minister 👩🏽‍💼 arrived on Tuesday.';
    const article = normalizeArticle({ text: `${line}\n\n${line}` });
    expect(textsOfKind(article, 'BODY')).toEqual([line, line]);
    expectConsistentOffsets(article);
  });

  it('strips stray control characters but keeps the words', () => {
    const article = normalizeArticle({ text: 'The talks\u0007 resumed\u0008 on Monday.\u001b' });
    expect(article.text).toBe('The talks resumed on Monday.');
  });
});
