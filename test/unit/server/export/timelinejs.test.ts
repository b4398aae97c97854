import { describe, expect, it } from 'vitest';
import { exportText } from '../../../../server/src/export/formats.js';
import { escapeHtml, webUrl } from '../../../../server/src/export/html.js';
import type { TimelineJsSlide } from '../../../../server/src/export/timelinejs.js';
import { exportItem, meta } from './support.js';

interface TimelineJs {
  title: TimelineJsSlide;
  events: TimelineJsSlide[];
}

function timeline(...items: ReturnType<typeof exportItem>[]): TimelineJs {
  return JSON.parse(exportText('timelinejs', items, meta)) as TimelineJs;
}

/** Every tag and every attribute in a piece of HTML, to check that nothing active slipped in. */
function markup(html: string) {
  const tags = [...html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)].map((m) => ({ name: m[1], attributes: m[2] ?? '' }));
  return {
    names: new Set(tags.map((t) => t.name?.toLowerCase())),
    attributes: tags.flatMap((t) => [...t.attributes.matchAll(/\s([a-zA-Z-]+)=/g)].map((m) => m[1]?.toLowerCase())),
  };
}

describe('TimelineJS export', () => {
  it('keeps each precision: year only, year and month, a week as its days, a full day', () => {
    const { events } = timeline(
      exportItem({ title: 'year', date: '2014-06-01', precision: 'YEAR' }),
      exportItem({ title: 'month', date: '2018-04-20', precision: 'MONTH' }),
      exportItem({ title: 'week', date: '2017-02-16', precision: 'WEEK' }),
      exportItem({ title: 'day', date: '2017-02-16', precision: 'DAY' }),
    );
    const dates = events.map(({ start_date, end_date, display_date }) => ({ start_date, end_date, display_date }));
    expect(dates).toEqual([
      { start_date: { year: 2014 } },
      { start_date: { year: 2018, month: 4 } },
      {
        start_date: { year: 2017, month: 2, day: 13 },
        end_date: { year: 2017, month: 2, day: 19 },
        display_date: 'week of 13 Feb 2017',
      },
      { start_date: { year: 2017, month: 2, day: 16 } },
    ]);
  });

  it('shows a publication-day date as "reported on" in display_date, still placed on that day', () => {
    const { events } = timeline(
      exportItem({ title: 'day', date: '2018-12-07', precision: 'DAY', basis: 'PUBLICATION' }),
      exportItem({ title: 'month', date: '2018-12-07', precision: 'MONTH', basis: 'PUBLICATION' }),
      exportItem({ title: 'week', date: '2018-12-07', precision: 'WEEK', basis: 'PUBLICATION' }),
      exportItem({ title: 'explicit', date: '2018-12-07', precision: 'DAY', basis: 'EXPLICIT' }),
    );
    const dates = events.map(({ start_date, end_date, display_date }) => ({ start_date, end_date, display_date }));
    expect(dates).toEqual([
      { start_date: { year: 2018, month: 12, day: 7 }, display_date: 'reported on 7 Dec 2018' },
      { start_date: { year: 2018, month: 12 }, display_date: 'reported by Dec 2018' },
      {
        start_date: { year: 2018, month: 12, day: 3 },
        end_date: { year: 2018, month: 12, day: 9 },
        display_date: 'reported by week of 3 Dec 2018',
      },
      // A date from the text needs no display date: TimelineJS shows the day itself.
      { start_date: { year: 2018, month: 12, day: 7 } },
    ]);
  });

  it.each([
    ['SCHEDULED', 'scheduled (announced for this date)'],
    ['POSTPONED', 'postponed (announced, then put off)'],
    ['CANCELLED', 'cancelled (announced, then called off)'],
  ] as const)('says in the slide that an item is %s', (status, note) => {
    const [slide] = timeline(exportItem({ status })).events;
    expect(slide?.text.text).toContain(`<p><strong>Status:</strong> ${note}</p>`);
  });

  it('adds no status note to an item that occurred', () => {
    const [slide] = timeline(exportItem({ status: 'OCCURRED' })).events;
    expect(slide?.text.text).not.toContain('Status:');
  });

  it('ends a week that crosses a year on its last day', () => {
    const [slide] = timeline(exportItem({ date: '2020-12-31', precision: 'WEEK' })).events;
    expect(slide?.start_date).toEqual({ year: 2020, month: 12, day: 28 });
    expect(slide?.end_date).toEqual({ year: 2021, month: 1, day: 3 });
  });

  it('leaves undated items out (TimelineJS needs a date)', () => {
    const { events } = timeline(exportItem({ title: 'dated' }), exportItem({ title: 'undated', date: null }));
    expect(events.map((e) => e.text.headline)).toEqual(['dated']);
    expect(JSON.parse(exportText('timelinejs', [exportItem({ date: null })], meta)).events).toEqual([]);
  });

  it('groups by kind, keeps the API id and turns autolink off', () => {
    const item = exportItem({ kind: 'EVENT', title: 'Russia annexed Crimea' });
    const [slide] = timeline(item).events;
    expect(slide).toMatchObject({ group: 'Event', unique_id: item.id, autolink: false });
  });

  it('shows a statement’s quote and speaker, and its sources as links', () => {
    const [slide] = timeline(
      exportItem({
        kind: 'STATEMENT',
        title: 'James Mattis: “NATO will never turn off dialogue…”',
        speaker: 'James Mattis',
        quote: 'NATO will never turn off dialogue with Russia',
        participants: [
          ['James Mattis', 'SPEAKER'],
          ['Russia', 'MENTIONED'],
        ],
        sources: [
          {
            publisher: 'The Moscow Times',
            title: 'NATO & Russia',
            url: 'https://example.com/a?x=1&y=2',
            published: '2018-06-07',
          },
        ],
      }),
    ).events;
    expect(slide?.text.text).toBe(
      '<blockquote>“NATO will never turn off dialogue with Russia”</blockquote><p>— James Mattis</p>' +
        '<p><strong>Mentions:</strong> Russia</p>' +
        '<p><strong>Sources (1):</strong></p><ul><li><a href="https://example.com/a?x=1&amp;y=2" target="_blank" rel="noopener noreferrer">The Moscow Times — NATO &amp; Russia</a> (7 Jun 2018)</li></ul>',
    );
  });

  const hostile = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '&lt;already escaped&gt;',
  ];

  it.each(hostile)('escapes %s everywhere it can appear', (evil) => {
    const [slide] = timeline(
      exportItem({
        kind: 'STATEMENT',
        title: evil,
        summary: evil,
        speaker: evil,
        quote: evil,
        place: { name: evil, country: evil },
        status: 'SCHEDULED',
        participants: [
          [evil, 'SPEAKER'],
          [evil, 'MENTIONED'],
        ],
        sources: [{ publisher: evil, title: evil, url: `https://example.com/?q=${evil}` }],
      }),
    ).events;
    expect(slide?.text.headline).toBe(escapeHtml(evil));
    const html = slide?.text.text ?? '';
    const { names, attributes } = markup(html);
    expect([...names].every((n) => ['p', 'strong', 'blockquote', 'ul', 'li', 'a'].includes(n ?? ''))).toBe(true);
    expect(attributes.every((a) => ['href', 'target', 'rel'].includes(a ?? ''))).toBe(true);
    expect(html).not.toMatch(/<(script|img|svg)\b/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toHaveLength(1);
    expect(hrefs[0]).toMatch(/^https:\/\/example\.com\/\?q=[^"<>]*$/);
    expect(html).toContain(escapeHtml(evil));
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '/relative/path',
    'not a url',
  ])('never links %j', (url) => {
    const [slide] = timeline(exportItem({ sources: [{ publisher: 'Evil', title: 'Link', url }] })).events;
    const html = slide?.text.text ?? '';
    expect(html).not.toContain('<a ');
    expect(html).toContain('<li>Evil — Link</li>');
  });

  it('links only http and https URLs, normalized', () => {
    expect(webUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(webUrl('http://example.com/"><x>')).toBe('http://example.com/%22%3E%3Cx%3E');
    expect(webUrl('ftp://example.com/')).toBeNull();
    expect(webUrl(null)).toBeNull();
  });

  it('opens with a title slide saying what was exported, escaped', () => {
    const { title } = JSON.parse(
      exportText('timelinejs', [], {
        exportedAt: new Date('2025-01-02T10:00:00Z'),
        filter: { includeUndated: false, text: '<b>gerasim</b>', from: '2017-01-01T00:00:00.000Z' },
      }),
    ) as TimelineJs;
    expect(title.text.headline).toBe('Parley timeline');
    expect(title.text.text).toContain(
      'Exported from Parley on 2 Jan 2025: from 1 Jan 2017; matching “&lt;b&gt;gerasim&lt;/b&gt;”.',
    );
    expect(title.start_date).toBeUndefined();
  });
});
