import { describe, expect, it } from 'vitest';
import {
  drawDensity,
  drawTimeline,
  itemIdOf,
  MAX_ACTOR_LANES,
  OTHERS_GROUP,
  type TimelineEntry,
} from '../../../client/src/timeline/timeline-items';

let serial = 0;
function entry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  serial += 1;
  return {
    id: `item${serial}`,
    kind: 'STATEMENT',
    title: `Item ${serial}`,
    status: 'OCCURRED',
    sourceCount: 1,
    date: {
      start: '2017-02-16T00:00:00.000Z',
      end: '2017-02-17T00:00:00.000Z',
      precision: 'DAY',
      basis: 'EXPLICIT',
      label: '16 Feb 2017',
      display: '16 Feb 2017',
    },
    participants: [],
    ...overrides,
  };
}

const actor = (id: string, name = id) => ({ role: 'PARTICIPANT', actor: { id, name } });

describe('drawTimeline', () => {
  it('draws a day as a point and a month as a fuzzy range over the whole month', () => {
    const month = entry({
      date: {
        start: '2018-04-01T00:00:00.000Z',
        end: '2018-05-01T00:00:00.000Z',
        precision: 'MONTH',
        basis: 'EXPLICIT',
        label: 'Apr 2018',
        display: 'Apr 2018',
      },
    });
    const { items } = drawTimeline([entry(), month], 'kind');
    expect(items[0]).toMatchObject({ type: 'point', className: expect.stringContaining('exact') });
    expect(items[0]?.end).toBeUndefined();
    expect(items[1]).toMatchObject({
      type: 'range',
      start: new Date('2018-04-01T00:00:00.000Z'),
      end: new Date('2018-05-01T00:00:00.000Z'),
      className: expect.stringContaining('fuzzy'),
    });
    expect(items[1]?.className).toContain('precision-month');
  });

  it('marks scheduled items in class and text, and kinds by class', () => {
    const { items } = drawTimeline([entry({ kind: 'MEETING', status: 'SCHEDULED', title: 'Talks' })], 'kind');
    expect(items[0]?.className).toContain('status-scheduled');
    expect(items[0]?.className).toContain('kind-meeting');
    expect(items[0]?.content).toBe('Scheduled: Talks');
    expect(items[0]?.title).toContain('(scheduled)');
  });

  it.each([
    ['POSTPONED', 'Postponed: Talks', '(postponed)'],
    ['CANCELLED', 'Cancelled: Talks', '(cancelled)'],
  ] as const)('marks %s items in class and text', (status, content, tooltip) => {
    const { items } = drawTimeline([entry({ kind: 'MEETING', status, title: 'Talks' })], 'kind');
    expect(items[0]?.className).toContain(`status-${status.toLowerCase()}`);
    expect(items[0]?.content).toBe(content);
    expect(items[0]?.title).toContain(tooltip);
  });

  it('shows a publication-day date as "reported on" and never marks it exact', () => {
    const reported = entry({
      date: {
        start: '2018-12-07T00:00:00.000Z',
        end: '2018-12-08T00:00:00.000Z',
        precision: 'DAY',
        basis: 'PUBLICATION',
        label: '7 Dec 2018',
        display: 'reported on 7 Dec 2018',
      },
    });
    const { items } = drawTimeline([reported, entry()], 'kind');
    expect(items[0]?.title.startsWith('reported on 7 Dec 2018 · ')).toBe(true);
    expect(items[0]?.className.split(' ')).toEqual(expect.arrayContaining(['basis-publication', 'fuzzy']));
    expect(items[0]?.className.split(' ')).not.toContain('exact');
    // A date from the text keeps its calendar label and stays exact.
    expect(items[1]?.title.startsWith('16 Feb 2017 · ')).toBe(true);
    expect(items[1]?.className.split(' ')).toContain('exact');
    expect(items[1]?.className).not.toContain('basis-publication');
  });

  it('leaves undated items off the timeline', () => {
    expect(drawTimeline([entry({ date: null })], 'kind').items).toEqual([]);
  });

  it('escapes text, since vis-timeline reads content and titles as HTML', () => {
    const { items, groups } = drawTimeline(
      [entry({ title: '<img src=x onerror="alert(1)">', participants: [actor('a', '<b>Eve</b>')] })],
      'actor',
    );
    expect(items[0]?.content).not.toContain('<img');
    expect(items[0]?.content).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(items[0]?.title).not.toContain('<img');
    expect(groups[0]?.content).toBe('&lt;b&gt;Eve&lt;/b&gt;');
  });

  it('groups by kind with one lane per kind present', () => {
    const { groups } = drawTimeline([entry({ kind: 'EVENT' }), entry({ kind: 'MEETING' })], 'kind');
    expect(groups.map((group) => group.id)).toEqual(['MEETING', 'EVENT']);
  });

  it('groups by actor, drawing an item in the lane of each actor in it', () => {
    const meeting = entry({ kind: 'MEETING', participants: [actor('dunford'), actor('gerasimov')] });
    const { items, groups } = drawTimeline([meeting, entry({ participants: [actor('dunford')] })], 'actor');
    expect(groups.map((group) => group.id)).toEqual(['dunford', 'gerasimov']);
    const copies = items.filter((item) => item.itemId === meeting.id);
    expect(copies.map((item) => item.group).sort()).toEqual(['dunford', 'gerasimov']);
    expect(new Set(copies.map((item) => item.id)).size).toBe(2);
    for (const copy of copies) expect(itemIdOf(copy.id)).toBe(meeting.id);
  });

  it('puts items of actors beyond the busiest lanes, and items with no actor, under Others', () => {
    const entries = Array.from({ length: MAX_ACTOR_LANES + 3 }, (_, index) =>
      entry({ participants: [actor(`actor${String(index).padStart(2, '0')}`)] }),
    );
    entries.push(entry({ participants: [] }));
    const { groups, items } = drawTimeline(entries, 'actor');
    expect(groups).toHaveLength(MAX_ACTOR_LANES + 1);
    expect(groups.at(-1)?.id).toBe(OTHERS_GROUP);
    expect(items.filter((item) => item.group === OTHERS_GROUP)).toHaveLength(4);
  });
});

describe('drawDensity', () => {
  it('draws buckets as a histogram band, taller where denser', () => {
    const items = drawDensity([
      { start: '2017-01-01T00:00:00.000Z', end: '2017-02-01T00:00:00.000Z', count: 1 },
      { start: '2017-02-01T00:00:00.000Z', end: '2017-03-01T00:00:00.000Z', count: 1000 },
    ]);
    expect(items.every((item) => item.type === 'background')).toBe(true);
    expect(items[0]).toMatchObject({ level: 1, className: expect.stringContaining('density-1') });
    expect(items[1]).toMatchObject({ level: 10, className: expect.stringContaining('density-10') });
    expect(items[1]?.title).toContain('1,000 items');
  });
});
