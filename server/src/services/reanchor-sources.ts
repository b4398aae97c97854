/**
 * Undated sources get their dates from other sources. An article with no publication
 * date of its own ("on Thursday", "in January", and no date line) cannot resolve its
 * relative dates. Once other sources date the items it shares with them (or a dated copy
 * of it arrives), the article is read again against that date and its citations' date
 * claims are updated. Runs after every ingest, so the result does not depend on which
 * source arrived first; a source is read again only when the date it is read against changes
 * (source.anchored_at).
 */

import { extractItems } from '../extract/extract-items.js';
import type { Prisma } from '../generated/prisma/client.js';
import { normalizeArticle } from '../ingest/normalize-article.js';
import type { ArticleFormat, DatedFact } from '../ingest/types.js';

type Tx = Prisma.TransactionClient;
const DAY = 86_400_000;

/** The date an undated source is read against: its dated original's, or the latest day its shared items are dated to by others. */
async function inferAnchor(tx: Tx, sourceId: string, duplicateOfId: string | null): Promise<Date | null> {
  if (duplicateOfId) {
    const original = await tx.source.findUnique({ where: { id: duplicateOfId }, select: { publishedAt: true } });
    if (original?.publishedAt) return original.publishedAt;
  }
  const rows = await tx.$queryRaw<Array<{ latest: Date | null }>>`
    SELECT max(other.date_start) AS latest
    FROM citation mine
    JOIN citation other ON other.item_id = mine.item_id AND other.source_id <> mine.source_id
    WHERE mine.source_id = ${sourceId}::uuid
      AND other.date_precision = 'DAY'
      AND other.date_basis IN ('CALLER', 'EXPLICIT', 'RELATIVE')`;
  return rows[0]?.latest ?? null;
}

/** Re-reads undated sources that cite any of `itemIds`; returns the items whose claims changed. */
export async function reanchorUndatedSources(tx: Tx, itemIds: string[]): Promise<string[]> {
  if (itemIds.length === 0) return [];
  const sources = await tx.source.findMany({
    where: { publishedAt: null, citations: { some: { itemId: { in: itemIds } } } },
    select: {
      id: true,
      rawText: true,
      format: true,
      url: true,
      title: true,
      publisher: true,
      duplicateOfId: true,
      anchoredAt: true,
    },
  });
  const changed = new Set<string>();
  for (const source of sources) {
    const anchor = await inferAnchor(tx, source.id, source.duplicateOfId);
    // Read against this day before: its citations already say what a re-read would. Without
    // this, every ingest re-read every undated article on the same story, and ingesting got
    // slower with each one.
    if (!anchor || source.anchoredAt?.getTime() === anchor.getTime()) continue;
    await tx.source.update({ where: { id: source.id }, data: { anchoredAt: anchor } });
    const article = normalizeArticle({
      text: source.rawText,
      format: source.format as ArticleFormat,
      ...(source.url ? { url: source.url } : {}),
      ...(source.title ? { title: source.title } : {}),
      ...(source.publisher ? { publisher: source.publisher } : {}),
    });
    const published: DatedFact = {
      start: anchor,
      end: new Date(anchor.getTime() + DAY),
      precision: 'DAY',
      basis: 'CORROBORATION',
    };
    const extraction = extractItems({ ...article, published });
    const citations = await tx.citation.findMany({
      where: { sourceId: source.id },
      select: {
        id: true,
        itemId: true,
        start: true,
        dateStart: true,
        datePrecision: true,
        dateBasis: true,
        item: { select: { kind: true } },
      },
    });
    for (const draft of extraction.items) {
      const citation = citations.find((c) => c.start === draft.evidence.start && c.item.kind === draft.kind);
      if (!citation) continue;
      const next = draft.date.date;
      const basis = draft.date.basis === 'PUBLICATION' ? 'CORROBORATION' : draft.date.basis;
      if (
        !next ||
        (citation.dateStart?.getTime() === next.start.getTime() && citation.datePrecision === next.precision)
      )
        continue;
      await tx.citation.update({
        where: { id: citation.id },
        data: { dateStart: next.start, dateEnd: next.end, datePrecision: next.precision, dateBasis: basis },
      });
      changed.add(citation.itemId);
    }
  }
  return [...changed];
}
