/**
 * An event nobody is named in ("The virus killed 15 more people") is stored with its
 * citation and no participants, and a second article reporting it adds a second item
 * rather than being merged with it on nothing in common.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../server/src/lib/db.js';
import { ingestArticle } from '../../../server/src/services/ingest-article.js';
import { openTestDb } from '../../support/database.js';

describe('events without a named actor', () => {
  let db: DbHandle;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ db, cleanup } = await openTestDb());
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it('keeps the event, its passage and its date, with nobody attached', async () => {
    const text = 'Flu season worsens\n\nThe virus killed at least 15 more people in the city on Saturday.\n';
    const result = await ingestArticle(db.prisma, { input: { text, publishedAt: new Date('2020-03-22T00:00:00Z') } });
    const events = await db.prisma.timelineItem.findMany({
      where: { id: { in: result.created }, kind: 'EVENT' },
      include: { participants: true, citations: true },
    });
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.title).toBe('The virus killed at least 15 more people in the city');
    expect(event?.participants).toEqual([]);
    expect(event?.citations).toHaveLength(1);
    expect(event?.dateStart?.toISOString().slice(0, 10)).toBe('2020-03-21');

    const other = 'City update\n\nThe virus killed at least 15 more people in the city on Saturday, officials said.\n';
    const second = await ingestArticle(db.prisma, {
      input: { text: other, publishedAt: new Date('2020-03-22T00:00:00Z') },
    });
    const again = await db.prisma.timelineItem.count({ where: { id: { in: second.created }, kind: 'EVENT' } });
    expect(again).toBe(1);
  });
});
