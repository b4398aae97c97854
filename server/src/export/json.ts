/**
 * JSON: `{ exportedAt, filter, items: [...] }`, one item per line so that a long export
 * streams and still diffs and greps well. Items carry the API's ids, dates, bases, labels and
 * display phrases.
 */
import type { ExportDate, ExportItem } from './export-item.js';
import type { ExportMeta, ExportWriter } from './writer.js';

function jsonDate(date: ExportDate | null) {
  return (
    date && {
      start: date.start.toISOString(),
      end: date.end.toISOString(),
      precision: date.precision,
      basis: date.basis,
      label: date.label,
      display: date.display,
    }
  );
}

/** The item as it appears in the file; keys in a fixed, documented order. */
export function jsonItem(item: ExportItem) {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    summary: item.summary,
    date: jsonDate(item.date),
    status: item.status,
    place: item.place && { name: item.place.name, country: item.place.country },
    participants: item.participants.map((p) => ({ name: p.name, role: p.role })),
    speaker: item.speaker,
    quote: item.quote,
    sourceCount: item.sourceCount,
    citations: item.citations.map((c) => ({
      source: {
        id: c.source.id,
        title: c.source.title,
        publisher: c.source.publisher,
        url: c.source.url,
        publishedAt: jsonDate(c.source.publishedAt),
      },
      excerpt: c.excerpt,
    })),
  };
}

export function createJsonWriter(meta: ExportMeta): ExportWriter {
  let count = 0;
  return {
    begin: () =>
      `{"exportedAt":${JSON.stringify(meta.exportedAt.toISOString())},"filter":${JSON.stringify(meta.filter)},"items":[`,
    item: (item) => `${count++ === 0 ? '\n' : ',\n'}${JSON.stringify(jsonItem(item))}`,
    end: () => `${count > 0 ? '\n' : ''}]}\n`,
  };
}
