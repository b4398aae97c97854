/**
 * The five seed articles: general properties each must show, not their full output.
 * (Their gold files describe extraction; ingest only has to get the text and metadata right.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeArticle } from '../../../../server/src/ingest/normalize-article.js';
import type { Article } from '../../../../server/src/ingest/types.js';
import { expectConsistentOffsets, isoDay, textsOfKind } from './support.js';

const SEED_DIR = new URL('../../../../prisma/seed/articles/', import.meta.url);

function seed(prefix: string): Article {
  const file = [
    '000_e2aef81c1bad83f6',
    '001_483ecaf622e9b3d2',
    '002_4853b4182f2867f2',
    '003_90086c1c869f7348',
    '004_2c6bc09ad78c7243',
  ].find((name) => name.startsWith(prefix));
  return normalizeArticle({ text: readFileSync(new URL(`${file}.txt`, SEED_DIR), 'utf8') });
}

const articles = Object.fromEntries(['000', '001', '002', '003', '004'].map((id) => [id, seed(id)])) as Record<
  string,
  Article
>;

describe('seed articles', () => {
  it.each(Object.keys(articles))('%s has consistent offsets and body text', (id) => {
    const article = articles[id]!;
    expectConsistentOffsets(article);
    expect(textsOfKind(article, 'BODY').length).toBeGreaterThan(0);
    expect(article.warnings.map((w) => w.code)).not.toContain('NO_BODY');
  });

  it('000 (hard-wrapped copy): no date, no URL, the related link recorded, wrapped lines joined', () => {
    const article = articles['000']!;
    expect(article.format).toBe('TEXT');
    expect(article.published).toBeNull();
    expect(article.url).toBeNull();
    expect(article.publisher).toBeNull();
    expect(article.title).toBeNull();
    expect(article.relatedLinks).toHaveLength(1);
    expect(article.relatedLinks[0]).toMatch(/\/2026\//);
    expect(article.warnings.map((w) => w.code)).toContain('UNDATED');
    expect(article.wireCredits).toEqual(['Reuters']);
    // Every body paragraph is one joined passage ending a sentence, not a wrapped line.
    for (const paragraph of textsOfKind(article, 'BODY')) expect(paragraph).toMatch(/[.\u201d]$/);
    expect(textsOfKind(article, 'RELATED')).toHaveLength(2);
  });

  it('001 (Markdown): title, date line, own URL and publisher', () => {
    const article = articles['001']!;
    expect(article.format).toBe('MARKDOWN');
    expect(article.title).toMatch(/^NATO Will Never Give Up/);
    expect(article.published).toMatchObject({ basis: 'EXPLICIT', precision: 'DAY' });
    expect(isoDay(article.published!.start)).toBe('2018-06-07');
    expect(article.url).toMatch(/^https:\/\/www\.themoscowtimes\.com\/2018\/06\/07\//);
    expect(article.publisher).toBe('The Moscow Times');
    expect(article.wireCredits).toEqual(['Reuters']);
    expect(textsOfKind(article, 'CREDIT')).toContain('James N. Mattis / Flickr (CC BY 2.0)');
    expect(article.text).not.toMatch(/\*\*|\]\(|Original url|themoscowtimes/);
  });

  it('002 (web page): skip link and empty stamps gone, captions around the credit, dated by caption', () => {
    const article = articles['002']!;
    expect(article.text).not.toMatch(/Skip to content|^Author$|PUBLISHED/m);
    expect(article.rawText).toContain('Skip to content');
    expect(textsOfKind(article, 'CAPTION')).toHaveLength(2);
    expect(textsOfKind(article, 'CREDIT')).toEqual(['Virginia Mayo / AFP/Getty Images']);
    expect(article.published).toMatchObject({ basis: 'CAPTION', precision: 'DAY' });
    expect(isoDay(article.published!.start)).toBe('2017-02-16');
    expect(article.title).toBeNull();
  });

  it('003 (one paragraph): undated, no title', () => {
    const article = articles['003']!;
    expect(article.published).toBeNull();
    expect(article.title).toBeNull();
    expect(article.paragraphs).toHaveLength(1);
    expect(article.warnings.map((w) => w.code)).toEqual(['UNDATED']);
  });

  it('004 (web page): title, caption after the credit, wire credits, paywall footer gone, dated by caption', () => {
    const article = articles['004']!;
    expect(article.title).toMatch(/^Mattis: US 'not in a position/);
    expect(article.text).not.toMatch(/free articles|Subscribe/);
    expect(textsOfKind(article, 'CAPTION')).toHaveLength(1);
    expect(article.wireCredits).toEqual(['Associated Press', 'Reuters']);
    expect(article.published).toMatchObject({ basis: 'CAPTION', precision: 'DAY' });
    expect(isoDay(article.published!.start)).toBe('2017-02-15');
    // The standfirst after the title is story text, not a caption.
    expect(textsOfKind(article, 'BODY')[0]).toMatch(/remarks may come as a blow/);
  });
});
