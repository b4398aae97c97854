/**
 * What an editor corrects survives later ingests: a date they set and the title of an
 * item they reviewed are not recomputed away when another source corroborates the item.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../server/src/lib/db.js';
import { ingestArticle } from '../../../server/src/services/ingest-article.js';
import { seedArticleFiles } from '../../../server/src/services/load-seeds.js';
import { updateTimelineItem } from '../../../server/src/services/update-timeline-item.js';
import { openTestDb } from '../../support/database.js';

describe('editor corrections', () => {
  let db: DbHandle;
  let cleanup: () => Promise<void>;
  const seeds = seedArticleFiles();
  beforeAll(async () => {
    ({ db, cleanup } = await openTestDb());
    await ingestArticle(db.prisma, { input: { text: readFileSync(seeds[2] as string, 'utf8') } });
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it('keeps an edited date and a reviewed title when another source cites the item', async () => {
    const remark = await db.prisma.timelineItem.findFirstOrThrow({
      where: { kind: 'STATEMENT', quote: { contains: 'not in a position right now to collaborate' } },
    });
    await updateTimelineItem(db.prisma, {
      id: remark.id,
      title: 'Mattis: no military cooperation with Russia for now',
      date: { start: new Date('2017-02-16T00:00:00Z'), precision: 'WEEK' },
      reviewState: 'CONFIRMED',
    });
    await ingestArticle(db.prisma, { input: { text: readFileSync(seeds[4] as string, 'utf8') } });
    const after = await db.prisma.timelineItem.findUniqueOrThrow({ where: { id: remark.id } });
    expect(after.sourceCount).toBe(2);
    expect(after.title).toBe('Mattis: no military cooperation with Russia for now');
    expect(after.datePrecision).toBe('WEEK');
    expect(after.dateStart?.toISOString()).toBe('2017-02-13T00:00:00.000Z');
  });
});
