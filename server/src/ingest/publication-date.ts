/**
 * The date an article was published, from the strongest evidence available. The order is
 * the order of trust: the caller; a date line or a machine-readable date the page states;
 * a dated wire dateline; a date in the article's own URL; last, the newest date in its
 * photo captions (weak: a photo can be older than the story). A date in a related link is
 * never evidence: that is another article.
 */

import { dateFromUrlPath } from './article-urls.js';
import { type CalendarDay, compareDays, dayFact, findFullDates, utcDayOf } from './calendar-dates.js';
import { isFilePhotoCaption } from './captions.js';
import type { ClassifiedParagraph } from './classify-paragraphs.js';
import { findOpeningDateline } from './datelines.js';
import type { DatedFact } from './types.js';

export interface PublicationEvidence {
  callerDate: Date | null;
  paragraphs: readonly ClassifiedParagraph[];
  /** A machine-readable date the document states (<meta property="article:published_time">). */
  statedDate: string | null;
  /** This article's own URL (the caller's or a labelled one); never a related link. */
  ownUrl: string | null;
}

/**
 * A date line counts where pages print the publication date: in the head of the article
 * or after its last paragraph. A date alone on a line mid-story is something else (the
 * date under an embedded tweet).
 */
const HEAD_PARAGRAPHS = 5;

function datelineDay(paragraphs: readonly ClassifiedParagraph[]): CalendarDay | null {
  const lastBody = paragraphs.findLastIndex((p) => p.kind === 'BODY');
  const datelines = paragraphs.flatMap((p, i) =>
    p.kind === 'DATELINE' && p.dateline && (i < HEAD_PARAGRAPHS || i > lastBody) ? [p.dateline] : [],
  );
  return (datelines.find((d) => !d.updatedOnly) ?? datelines[0])?.day ?? null;
}

function bodyDatelineDay(paragraphs: readonly ClassifiedParagraph[]): CalendarDay | null {
  return findOpeningDateline(paragraphs.filter((p) => p.kind === 'BODY').map((p) => p.text))?.day ?? null;
}

function latestCaptionDay(paragraphs: readonly ClassifiedParagraph[]): CalendarDay | null {
  let latest: CalendarDay | null = null;
  for (const paragraph of paragraphs) {
    if (paragraph.kind !== 'CAPTION' || isFilePhotoCaption(paragraph.text)) continue;
    for (const day of findFullDates(paragraph.text)) {
      if (latest === null || compareDays(day, latest) > 0) latest = day;
    }
  }
  return latest;
}

export function findPublicationDate(evidence: PublicationEvidence): DatedFact | null {
  if (evidence.callerDate !== null) return dayFact(utcDayOf(evidence.callerDate), 'CALLER');
  const explicit =
    datelineDay(evidence.paragraphs) ??
    (evidence.statedDate === null ? null : (findFullDates(evidence.statedDate)[0] ?? null)) ??
    bodyDatelineDay(evidence.paragraphs);
  if (explicit !== null) return dayFact(explicit, 'EXPLICIT');
  const fromUrl = evidence.ownUrl === null ? null : dateFromUrlPath(evidence.ownUrl);
  if (fromUrl !== null) return dayFact(fromUrl, 'URL');
  const fromCaptions = latestCaptionDay(evidence.paragraphs);
  return fromCaptions === null ? null : dayFact(fromCaptions, 'CAPTION');
}
