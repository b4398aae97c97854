/**
 * CSV as RFC 4180 writes it: CRLF line ends, a header row, fields quoted when they hold a
 * double quote, comma, CR or LF (quotes inside doubled). UTF-8 with a byte-order mark:
 * without it Excel reads UTF-8 as a legacy code page and mangles the curly quotes every
 * statement has; CSV libraries skip it (or can be told to).
 */
import type { ExportItem } from './export-item.js';
import type { ExportWriter } from './writer.js';

export const CSV_BOM = '\uFEFF';

export const csvColumns = [
  'id',
  'kind',
  'title',
  'summary',
  'date_start',
  'date_end',
  'date_precision',
  'date_basis',
  'date_label',
  'status',
  'place',
  'participants',
  'speaker',
  'quote',
  'source_count',
  'sources',
] as const;

/**
 * Spreadsheets may run a cell that starts with = + - or @ as a formula: `=HYPERLINK(...)` in a
 * quote would be live for whoever opens the file. Following OWASP's advice on CSV injection,
 * a cell starting with one of those, a TAB or a CR gets a leading apostrophe, which
 * spreadsheets read as "this is text" and do not show. The cost, accepted because this format
 * is for spreadsheets: other tools see the apostrophe (a quote starting with "-" is written
 * '-...). The JSON export keeps every text exactly as stored.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvRow(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** YYYY-MM-DD: fuzzy dates are whole UTC days. */
function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "publisher — title — url" per distinct source, in citation order. */
function sourcesCell(item: ExportItem): string {
  const labels = new Map<string, string>();
  for (const { source } of item.citations) {
    const parts = [source.publisher, source.title, source.url].filter((part) => part !== null && part !== '');
    labels.set(source.id, parts.length > 0 ? parts.join(' — ') : 'Untitled source');
  }
  return [...labels.values()].join(' | ');
}

export function csvValues(item: ExportItem): string[] {
  const { date, place } = item;
  return [
    item.id,
    item.kind,
    item.title,
    item.summary ?? '',
    date ? day(date.start) : '',
    date ? day(date.end) : '',
    date?.precision ?? '',
    date?.basis ?? '',
    // The display phrase (the API's FuzzyDate.display): a spreadsheet reader sees "reported
    // on 7 Dec 2018" for a date that is only the publication day, never a bare day.
    date?.display ?? '',
    item.status,
    place ? [place.name, place.country].filter(Boolean).join(', ') : '',
    item.participants.map((p) => `${p.name} (${p.role})`).join('; '),
    item.speaker ?? '',
    item.quote ?? '',
    String(item.sourceCount),
    sourcesCell(item),
  ];
}

export function createCsvWriter(): ExportWriter {
  return {
    begin: () => `${CSV_BOM}${csvRow(csvColumns)}`,
    item: (item) => csvRow(csvValues(item)),
    end: () => '',
  };
}
