import { describe, expect, it } from 'vitest';
import {
  type ArticleEvaluation,
  formatJsonReport,
  formatSummaryTable,
  formatTextReport,
} from '../../../../server/src/eval/report.js';
import { type GoldFile, scoreArticle, summarize } from '../../../../server/src/eval/score.js';

const gold: GoldFile = {
  article: '001_moscow_times.txt',
  publishedAt: '2018-06-07',
  statements: [
    {
      speaker: 'Jim Mattis',
      quote: 'NATO will never turn off dialogue with Russia',
      date: '2018-06-06',
      precision: 'DAY',
      partial: false,
      optional: false,
    },
    {
      speaker: 'Jim Mattis',
      quote: 'then NATO has to respond',
      date: '2018-06-06',
      precision: 'DAY',
      partial: false,
      optional: false,
    },
  ],
  meetings: [],
  events: [],
};

function evaluation(overrides: Partial<ArticleEvaluation> = {}): ArticleEvaluation {
  return {
    article: gold.article,
    sourceId: 'source-1',
    error: null,
    warnings: [{ code: 'UNDATED', message: 'no publication date' }],
    score: scoreArticle(gold, {
      statements: [
        {
          speakerName: 'James Mattis',
          speakerAliases: [],
          quote: 'NATO will never turn off dialogue with Russia',
          date: { start: '2018-06-07', precision: 'DAY' },
        },
        { speakerName: 'Jens Stoltenberg', speakerAliases: [], quote: 'we want dialogue with Russia', date: null },
      ],
      meetings: [],
      events: [],
    }),
    ...overrides,
  };
}

describe('formatSummaryTable', () => {
  it('shows P/R/F1/TP/FP/FN and date accuracy per kind, then overall', () => {
    const table = formatSummaryTable(summarize([evaluation().score]));
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^kind\s+P\s+R\s+F1\s+TP\s+FP\s+FN\s+date accuracy$/);
    expect(lines[1]).toMatch(/^statements\s+0\.500\s+0\.500\s+0\.500\s+1\s+1\s+1\s+0\.000 \(0\/1\)$/);
    expect(lines[2]).toMatch(/^meetings\s+n\/a\s+n\/a\s+n\/a\s+0\s+0\s+0\s+n\/a \(0\/0\)$/);
    expect(table).toContain('Overall date accuracy: 0.000 (0/1)');
  });
});

describe('formatTextReport', () => {
  it('keeps to the table unless verbose', () => {
    const articles = [evaluation()];
    const report = formatTextReport({ dir: 'devset', summary: summarize(articles.map((a) => a.score)), articles });
    expect(report).toMatch(/^Extraction evaluation: 1 articles in devset/);
    expect(report).not.toContain('missed');
  });

  it('with verbose lists misses, false positives, wrong dates and warnings per article', () => {
    const articles = [evaluation()];
    const report = formatTextReport({
      dir: 'devset',
      summary: summarize(articles.map((a) => a.score)),
      articles,
      verbose: true,
    });
    expect(report).toContain('== 001_moscow_times.txt: statements 1 TP / 1 FP / 1 FN');
    expect(report).toContain('warning UNDATED: no publication date');
    expect(report).toContain('missed      Jim Mattis: "then NATO has to respond" [2018-06-06 DAY]');
    expect(report).toContain('false pos.  Jens Stoltenberg: "we want dialogue with Russia" [undated]');
    expect(report).toContain(
      'wrong date  Jim Mattis: "NATO will never turn off dialogue with Russia" [2018-06-06 DAY] got 2018-06-07 DAY',
    );
  });

  it('names articles whose ingestion failed', () => {
    const failed = evaluation({
      sourceId: null,
      error: 'boom',
      warnings: [],
      score: scoreArticle(gold, { statements: [], meetings: [], events: [] }),
    });
    const report = formatTextReport({ dir: 'devset', summary: summarize([failed.score]), articles: [failed] });
    expect(report).toContain('1 article(s) failed to ingest');
    expect(report).toContain('001_moscow_times.txt: boom');
  });
});

describe('formatJsonReport', () => {
  it('is one JSON document with the summary and per-article counts', () => {
    const articles = [evaluation()];
    const summary = summarize(articles.map((a) => a.score));
    const doc = JSON.parse(formatJsonReport({ dir: 'devset', summary, articles }));
    expect(doc.summary).toEqual(summary);
    expect(doc.articles[0]).toMatchObject({
      article: '001_moscow_times.txt',
      sourceId: 'source-1',
      statements: { tp: 1, fp: 1, fn: 1, dateCorrect: 0, dateTotal: 1 },
    });
    expect(doc.articles[0].statements.misses).toBeUndefined();
  });

  it('adds misses, false positives and wrong dates with verbose', () => {
    const articles = [evaluation()];
    const doc = JSON.parse(
      formatJsonReport({ dir: 'devset', summary: summarize(articles.map((a) => a.score)), articles, verbose: true }),
    );
    expect(doc.articles[0].statements.misses).toHaveLength(1);
    expect(doc.articles[0].statements.falsePositives[0].speakerName).toBe('Jens Stoltenberg');
    expect(doc.articles[0].statements.wrongDates[0].extracted.date).toEqual({ start: '2018-06-07', precision: 'DAY' });
  });
});
