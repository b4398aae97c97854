/**
 * TimelineJS3's JSON format (Knight Lab): a title slide and one event slide per item, to
 * load into a TimelineJS embed. Dates keep their precision: a YEAR item gives only its year,
 * a MONTH item its year and month, a WEEK item its first and last day with the API's label
 * as the display date, a DAY item the full date. A date that is only the source's
 * publication date (basis PUBLICATION) still sits at that date, but its `display_date` is
 * the API's display phrase ("reported on 7 Dec 2018"), which TimelineJS shows instead of
 * the bare date.
 *
 * TimelineJS renders headlines and texts as HTML, so every string from the data is escaped
 * here, and only http(s) URLs become links. Its autolink (which turns URL-looking text into
 * links) is switched off: the only links are the ones written here.
 *
 * Undated items are left out: TimelineJS needs a start date for every event, and inventing
 * one would put an item where no source puts it. The JSON and CSV exports keep them.
 */
import { formatFuzzyDate } from '../extract/dates.js';
import { itemTypeName } from '../graphql/global-id.js';
import type { ExportDate, ExportItem } from './export-item.js';
import type { AppliedExportFilter } from './export-parameters.js';
import { escapeHtml, webUrl } from './html.js';
import type { ExportMeta, ExportWriter } from './writer.js';

const DAY_MS = 86_400_000;

export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
}

export interface TimelineJsSlide {
  start_date?: TimelineJsDate;
  end_date?: TimelineJsDate;
  display_date?: string;
  text: { headline: string; text: string };
  group?: string;
  unique_id?: string;
  autolink: false;
}

function calendarDay(date: Date): TimelineJsDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The slide's dates for a fuzzy date, as precise as the date is and no more. */
export function timelineJsDates(date: ExportDate): Pick<TimelineJsSlide, 'start_date' | 'end_date' | 'display_date'> {
  const { start } = date;
  switch (date.precision) {
    case 'YEAR':
      return { start_date: { year: start.getUTCFullYear() } };
    case 'MONTH':
      return { start_date: { year: start.getUTCFullYear(), month: start.getUTCMonth() + 1 } };
    case 'WEEK':
      return {
        start_date: calendarDay(start),
        // The stored end is exclusive (the next Monday); TimelineJS's end is the last day shown.
        end_date: calendarDay(new Date(date.end.getTime() - DAY_MS)),
        display_date: date.label,
      };
    case 'DAY':
      return { start_date: calendarDay(start) };
  }
}

/** The slide's dates, with the display phrase whenever it says more than the calendar does. */
export function timelineJsSlideDates(
  date: ExportDate,
): Pick<TimelineJsSlide, 'start_date' | 'end_date' | 'display_date'> {
  const dates = timelineJsDates(date);
  return date.display === date.label ? dates : { ...dates, display_date: date.display };
}

function paragraph(label: string, text: string): string {
  return `<p><strong>${escapeHtml(label)}:</strong> ${escapeHtml(text)}</p>`;
}

/** One list entry per distinct source: a link when the source has a web URL, plain text otherwise. */
function sourcesHtml(item: ExportItem): string {
  const entries = new Map<string, string>();
  for (const { source } of item.citations) {
    const name = [source.publisher, source.title].filter((part) => part !== null && part !== '').join(' — ');
    const label = escapeHtml(name === '' ? 'Untitled source' : name);
    const href = webUrl(source.url);
    const link = href ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${label}</a>` : label;
    const published = source.publishedAt ? ` (${escapeHtml(source.publishedAt.label)})` : '';
    entries.set(source.id, `<li>${link}${published}</li>`);
  }
  const heading = `<p><strong>Sources (${item.sourceCount}):</strong></p>`;
  return entries.size === 0 ? heading : `${heading}<ul>${[...entries.values()].join('')}</ul>`;
}

/** What a slide says about an item's status; an item that occurred needs no note. */
const statusNotes: Record<ExportItem['status'], string | null> = {
  OCCURRED: null,
  SCHEDULED: 'scheduled (announced for this date)',
  POSTPONED: 'postponed (announced, then put off)',
  CANCELLED: 'cancelled (announced, then called off)',
};

export function timelineJsText(item: ExportItem): string {
  const parts: string[] = [];
  if (item.summary) parts.push(`<p>${escapeHtml(item.summary)}</p>`);
  if (item.quote !== null)
    parts.push(
      `<blockquote>“${escapeHtml(item.quote)}”</blockquote>${item.speaker ? `<p>— ${escapeHtml(item.speaker)}</p>` : ''}`,
    );
  const status = statusNotes[item.status];
  if (status) parts.push(paragraph('Status', status));
  if (item.place) parts.push(paragraph('Place', [item.place.name, item.place.country].filter(Boolean).join(', ')));
  const others = item.participants.filter((p) => p.role !== 'SPEAKER');
  if (others.length > 0)
    parts.push(
      paragraph(
        item.kind === 'STATEMENT' ? 'Mentions' : 'Participants',
        others
          .map((p) => (p.role === 'MENTIONED' && item.kind !== 'STATEMENT' ? `${p.name} (mentioned)` : p.name))
          .join(', '),
      ),
    );
  parts.push(sourcesHtml(item));
  return parts.join('');
}

/** The item's slide; null when it has no date (TimelineJS cannot place it). */
export function timelineJsSlide(item: ExportItem): TimelineJsSlide | null {
  if (!item.date) return null;
  return {
    ...timelineJsSlideDates(item.date),
    text: { headline: escapeHtml(item.title), text: timelineJsText(item) },
    group: itemTypeName(item.kind),
    unique_id: item.id,
    autolink: false,
  };
}

/** "16 Feb 2017", as the API labels a day. */
function dayLabel(date: Date): string {
  return formatFuzzyDate({ start: date, end: new Date(date.getTime() + DAY_MS), precision: 'DAY' });
}

function describeFilter(filter: AppliedExportFilter): string {
  const parts: string[] = [];
  if (filter.kinds) parts.push(`kinds ${filter.kinds.map((k) => itemTypeName(k).toLowerCase()).join(', ')}`);
  if (filter.from) parts.push(`from ${dayLabel(new Date(filter.from))}`);
  if (filter.to) parts.push(`before ${dayLabel(new Date(filter.to))}`);
  if (filter.actorIds) parts.push(`${filter.actorIds.length} actor${filter.actorIds.length > 1 ? 's' : ''}`);
  if (filter.text) parts.push(`matching “${filter.text}”`);
  if (filter.minSources) parts.push(`at least ${filter.minSources} sources`);
  if (filter.status) parts.push(`status ${filter.status.map((s) => s.toLowerCase()).join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : 'the whole timeline';
}

export function timelineJsTitle(meta: ExportMeta): TimelineJsSlide {
  return {
    text: {
      headline: 'Parley timeline',
      text:
        `<p>${escapeHtml(`Exported from Parley on ${dayLabel(meta.exportedAt)}: ${describeFilter(meta.filter)}.`)}</p>` +
        '<p>Items with no date are not shown.</p>',
    },
    autolink: false,
  };
}

export function createTimelineJsWriter(meta: ExportMeta): ExportWriter {
  let count = 0;
  return {
    begin: () => `{"title":${JSON.stringify(timelineJsTitle(meta))},"events":[`,
    item: (item) => {
      const slide = timelineJsSlide(item);
      if (!slide) return '';
      return `${count++ === 0 ? '\n' : ',\n'}${JSON.stringify(slide)}`;
    },
    end: () => `${count > 0 ? '\n' : ''}]}\n`,
  };
}
