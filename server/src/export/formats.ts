/**
 * The export formats behind one interface: a writer per format, its media type and file
 * name, and the text of a whole export as a stream of chunks (for HTTP and the CLI) or as
 * one string (for small exports and tests).
 */
import { createCsvWriter } from './csv.js';
import type { ExportItem } from './export-item.js';
import type { ExportFormat } from './export-parameters.js';
import { createJsonWriter } from './json.js';
import { createTimelineJsWriter } from './timelinejs.js';
import type { ExportMeta, ExportWriter } from './writer.js';

export function createExportWriter(format: ExportFormat, meta: ExportMeta): ExportWriter {
  switch (format) {
    case 'csv':
      return createCsvWriter();
    case 'json':
      return createJsonWriter(meta);
    case 'timelinejs':
      return createTimelineJsWriter(meta);
  }
}

export const exportContentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  timelinejs: 'application/json; charset=utf-8',
};

/** parley-timeline-20250102.csv, .json, or -timelinejs.json (the export's UTC day). */
export function exportFileName(format: ExportFormat, exportedAt: Date): string {
  const day = exportedAt.toISOString().slice(0, 10).replaceAll('-', '');
  const suffix = format === 'csv' ? '.csv' : format === 'json' ? '.json' : '-timelinejs.json';
  return `parley-timeline-${day}${suffix}`;
}

/** Chunks are gathered to about this many characters: one write per item would be slow. */
const CHUNK_CHARS = 64 * 1024;

/** The export's text, in chunks, while `items` are still being read. */
export async function* exportChunks(
  format: ExportFormat,
  items: AsyncIterable<ExportItem> | Iterable<ExportItem>,
  meta: ExportMeta,
): AsyncGenerator<string, void, undefined> {
  const writer = createExportWriter(format, meta);
  let chunk = writer.begin();
  for await (const item of items) {
    chunk += writer.item(item);
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  chunk += writer.end();
  if (chunk !== '') yield chunk;
}

/** A whole export as one string. */
export function exportText(format: ExportFormat, items: Iterable<ExportItem>, meta: ExportMeta): string {
  const writer = createExportWriter(format, meta);
  let text = writer.begin();
  for (const item of items) text += writer.item(item);
  return text + writer.end();
}
