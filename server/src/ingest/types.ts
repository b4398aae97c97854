/**
 * Plain data passed between the pipeline stages: ingest -> extract -> resolve -> store.
 * No Prisma types here, so each stage can be tested alone.
 */

export type ArticleFormat = 'TEXT' | 'MARKDOWN' | 'HTML';
export type DatePrecision = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
/** What a date was determined from; mirrors the DateBasis enum in schema.prisma. */
export type DateBasis =
  | 'CALLER'
  | 'EXPLICIT'
  | 'URL'
  | 'RELATIVE'
  | 'CONTEXT'
  | 'PUBLICATION'
  | 'CAPTION'
  | 'CORROBORATION';

/**
 * A date known to some precision: the half-open UTC interval [start, end).
 * DAY: one day; WEEK: Monday to next Monday; MONTH: 1st to 1st; YEAR: 1 Jan to 1 Jan.
 */
export interface FuzzyDate {
  start: Date;
  end: Date;
  precision: DatePrecision;
}

export interface DatedFact extends FuzzyDate {
  basis: DateBasis;
}

export interface SourceWarning {
  /** Stable machine code: NEAR_DUPLICATE, DATE_CONFLICT, UNDATED, TRUNCATED, ... */
  code: string;
  message: string;
}

/** An article as handed to Parley: raw text plus whatever metadata the caller knows. */
export interface ArticleInput {
  text: string;
  format?: ArticleFormat;
  url?: string;
  title?: string;
  publisher?: string;
  publishedAt?: Date;
}

export type ParagraphKind = 'TITLE' | 'DATELINE' | 'BODY' | 'CAPTION' | 'CREDIT' | 'RELATED';

/** A paragraph of the normalized text; offsets are into Article.text, end exclusive. */
export interface Paragraph {
  kind: ParagraphKind;
  start: number;
  end: number;
}

/** An article after ingest: normalized text that citation offsets point into, and metadata. */
export interface Article {
  format: ArticleFormat;
  rawText: string;
  /** Normalized text: paragraphs separated by one blank line ("\n\n"), single spaces inside. */
  text: string;
  paragraphs: Paragraph[];
  title: string | null;
  url: string | null;
  publisher: string | null;
  author: string | null;
  /** Wire services credited ("Reuters contributed reporting" -> "Reuters"). */
  wireCredits: string[];
  /**
   * The publication date relative expressions are resolved against, with its basis:
   * CALLER (given), EXPLICIT (a date line or dateline), URL (a date in the article's own
   * URL), or CAPTION (only photo captions date it: weak, the photo may be older). Null when
   * nothing dates the article.
   */
  published: DatedFact | null;
  /** URLs of other articles linked from this one ("Related article: ..."): never this one's. */
  relatedLinks: string[];
  warnings: SourceWarning[];
}
