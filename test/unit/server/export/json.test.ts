import { describe, expect, it } from 'vitest';
import { exportContentTypes, exportFileName, exportText } from '../../../../server/src/export/formats.js';
import { itemDate } from '../../../../server/src/graphql/fuzzy-date.js';
import { parseGlobalId } from '../../../../server/src/graphql/global-id.js';
import { exportItem, meta } from './support.js';

describe('JSON export', () => {
  it('says when it was made and with which filter, then lists the items', () => {
    const parsed = JSON.parse(exportText('json', [exportItem(), exportItem()], meta));
    expect(parsed.exportedAt).toBe('2025-01-02T10:20:30.000Z');
    expect(parsed.filter).toEqual({ includeUndated: false, kinds: ['MEETING'] });
    expect(parsed.items).toHaveLength(2);
  });

  it('is valid JSON with no items', () => {
    expect(JSON.parse(exportText('json', [], meta)).items).toEqual([]);
  });

  it('gives each item the API global id, its date with the API label, and its sources', () => {
    const item = exportItem({
      kind: 'STATEMENT',
      title: 'James Mattis: “We are not in a position…”',
      date: '2017-02-13',
      precision: 'WEEK',
      speaker: 'James Mattis',
      quote: 'We are not in a position right now to collaborate on a military level',
      participants: [
        ['James Mattis', 'SPEAKER'],
        ['Russia', 'MENTIONED'],
      ],
      sources: [
        { publisher: 'Reuters', title: 'Mattis on Russia', url: 'https://example.com/m', published: '2017-02-16' },
      ],
    });
    const [written] = JSON.parse(exportText('json', [item], meta)).items;
    expect(parseGlobalId(written.id)?.type).toBe('Statement');
    expect(written).toEqual({
      id: item.id,
      kind: 'STATEMENT',
      title: 'James Mattis: “We are not in a position…”',
      summary: null,
      date: {
        start: '2017-02-13T00:00:00.000Z',
        end: '2017-02-20T00:00:00.000Z',
        precision: 'WEEK',
        basis: 'EXPLICIT',
        label: 'week of 13 Feb 2017',
        display: 'week of 13 Feb 2017',
      },
      status: 'OCCURRED',
      place: null,
      participants: [
        { name: 'James Mattis', role: 'SPEAKER' },
        { name: 'Russia', role: 'MENTIONED' },
      ],
      speaker: 'James Mattis',
      quote: 'We are not in a position right now to collaborate on a military level',
      sourceCount: 1,
      citations: [
        {
          source: {
            id: item.citations[0]?.source.id,
            title: 'Mattis on Russia',
            publisher: 'Reuters',
            url: 'https://example.com/m',
            publishedAt: {
              start: '2017-02-16T00:00:00.000Z',
              end: '2017-02-17T00:00:00.000Z',
              precision: 'DAY',
              basis: 'EXPLICIT',
              label: '16 Feb 2017',
              display: '16 Feb 2017',
            },
          },
          excerpt: 'passage 1',
        },
      ],
    });
    // The label is the API's own (FuzzyDate.label), not a second implementation.
    expect(written.date.label).toBe(
      itemDate(item.date?.start ?? null, item.date?.end ?? null, 'WEEK', 'EXPLICIT')?.label,
    );
  });

  it('says a publication-day date was reported then, and keeps the calendar label beside it', () => {
    const [day, month, unknown] = JSON.parse(
      exportText(
        'json',
        [
          exportItem({ date: '2018-12-07', precision: 'DAY', basis: 'PUBLICATION' }),
          exportItem({ date: '2018-12-07', precision: 'MONTH', basis: 'PUBLICATION' }),
          exportItem({ date: '2018-12-07', precision: 'DAY', basis: null }),
        ],
        meta,
      ),
    ).items;
    expect(day.date).toMatchObject({ basis: 'PUBLICATION', label: '7 Dec 2018', display: 'reported on 7 Dec 2018' });
    expect(month.date).toMatchObject({ basis: 'PUBLICATION', label: 'Dec 2018', display: 'reported by Dec 2018' });
    // Rows stored without a basis: null, and the label as it is.
    expect(unknown.date).toMatchObject({ basis: null, label: '7 Dec 2018', display: '7 Dec 2018' });
  });

  it.each(['POSTPONED', 'CANCELLED'] as const)('writes the status %s as the API names it', (status) => {
    const [written] = JSON.parse(exportText('json', [exportItem({ status })], meta)).items;
    expect(written.status).toBe(status);
  });

  it('keeps undated items, with a null date', () => {
    const [written] = JSON.parse(exportText('json', [exportItem({ date: null })], meta)).items;
    expect(written.date).toBeNull();
  });

  it('keeps hostile text exactly (JSON escaping is enough)', () => {
    const title = '</script><script>alert(1)</script>\u2028"\\';
    const [written] = JSON.parse(exportText('json', [exportItem({ title })], meta)).items;
    expect(written.title).toBe(title);
  });
});

describe('export files', () => {
  it('are named for the day of the export', () => {
    const at = new Date('2025-01-02T23:59:59.000Z');
    expect(exportFileName('csv', at)).toBe('parley-timeline-20250102.csv');
    expect(exportFileName('json', at)).toBe('parley-timeline-20250102.json');
    expect(exportFileName('timelinejs', at)).toBe('parley-timeline-20250102-timelinejs.json');
  });

  it('have UTF-8 media types', () => {
    expect(exportContentTypes).toEqual({
      csv: 'text/csv; charset=utf-8',
      json: 'application/json; charset=utf-8',
      timelinejs: 'application/json; charset=utf-8',
    });
  });
});
