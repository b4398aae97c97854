import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvColumns, csvField } from '../../../../server/src/export/csv.js';
import { exportChunks, exportText } from '../../../../server/src/export/formats.js';
import { parseCsv } from '../../../support/csv.js';
import { exportItem, meta } from './support.js';

/** Rows as objects keyed by the header, after checking the file's framing. */
function records(text: string): Array<Record<string, string>> {
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(CSV_BOM.length));
  expect(header).toEqual([...csvColumns]);
  for (const row of rows) expect(row).toHaveLength(csvColumns.length);
  return rows.map((row) => Object.fromEntries(csvColumns.map((column, i) => [column, row[i] as string])));
}

describe('CSV fields', () => {
  it.each([
    ['plain text', 'Mattis met Gerasimov', 'Mattis met Gerasimov'],
    ['empty', '', ''],
    ['a comma', 'Baku, Azerbaijan', '"Baku, Azerbaijan"'],
    ['double quotes', 'the "reset" policy', '"the ""reset"" policy"'],
    ['only a quote', '"', '""""'],
    ['LF', 'one\ntwo', '"one\ntwo"'],
    ['CR', 'one\rtwo', '"one\rtwo"'],
    ['CRLF', 'one\r\ntwo', '"one\r\ntwo"'],
    ['curly quotes (not special)', '“We will talk”', '“We will talk”'],
    ['leading and trailing spaces (kept)', '  padded  ', '  padded  '],
  ])('quotes %s only when RFC 4180 needs it', (_label, value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it.each([
    ['=', '=HYPERLINK("http://evil.example","click")'],
    ['+', '+1+2'],
    ['-', '-2+3'],
    ['@', '@SUM(A1:A2)'],
    ['TAB', '\t=1+1'],
    ['CR', '\r=1+1'],
  ])('defuses a cell starting with %s (formula injection) with a leading apostrophe', (_label, value) => {
    const [[cell]] = parseCsv(csvField(value)) as [[string]];
    expect(cell).toBe(`'${value}`);
  });

  it('leaves text that merely contains formula characters alone', () => {
    expect(csvField('a=b, c+d')).toBe('"a=b, c+d"');
    expect(csvField('email@example.com')).toBe('email@example.com');
    expect(csvField(' =1+1')).toBe(' =1+1');
  });
});

describe('CSV export', () => {
  it('writes a BOM, a header row and one CRLF-terminated row per item', () => {
    const text = exportText('csv', [exportItem(), exportItem({ title: 'Second' })], meta);
    expect(text.startsWith(`${CSV_BOM}id,kind,title,`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(records(text).map((r) => r.title)).toEqual([
      'Joseph Dunford Jr. and Valeriy Gerasimov met in Baku',
      'Second',
    ]);
  });

  it('round-trips values with quotes, commas and newlines through a CSV parser', () => {
    const hostile = 'He said "no", then,\r\nafter a pause,\n"yes" — “maybe”';
    const item = exportItem({
      kind: 'STATEMENT',
      title: hostile,
      summary: 'line one\nline two',
      speaker: 'Sergey Shoigu',
      quote: hostile,
      participants: [
        ['Sergey Shoigu', 'SPEAKER'],
        ['NATO, the "alliance"', 'MENTIONED'],
      ],
      place: { name: 'Washington, D.C.', country: 'United States' },
      sources: [{ publisher: 'The "Times"', title: 'A, B and C', url: 'https://example.com/a?b=1,2' }],
    });
    const [row] = records(exportText('csv', [item], meta));
    expect(row).toMatchObject({
      id: item.id,
      kind: 'STATEMENT',
      title: hostile,
      summary: 'line one\nline two',
      speaker: 'Sergey Shoigu',
      quote: hostile,
      place: 'Washington, D.C., United States',
      participants: 'Sergey Shoigu (SPEAKER); NATO, the "alliance" (MENTIONED)',
      source_count: '1',
      sources: 'The "Times" — A, B and C — https://example.com/a?b=1,2',
    });
  });

  it('writes the fuzzy date as days (end exclusive), its precision and the API label', () => {
    const rows = records(
      exportText(
        'csv',
        [
          exportItem({ date: '2017-02-16', precision: 'DAY' }),
          exportItem({ date: '2017-02-16', precision: 'WEEK' }),
          exportItem({ date: '2018-04-20', precision: 'MONTH' }),
          exportItem({ date: '2014-06-01', precision: 'YEAR' }),
          exportItem({ date: null }),
        ],
        meta,
      ),
    );
    expect(rows.map((r) => [r.date_start, r.date_end, r.date_precision, r.date_basis, r.date_label])).toEqual([
      ['2017-02-16', '2017-02-17', 'DAY', 'EXPLICIT', '16 Feb 2017'],
      ['2017-02-13', '2017-02-20', 'WEEK', 'EXPLICIT', 'week of 13 Feb 2017'],
      ['2018-04-01', '2018-05-01', 'MONTH', 'EXPLICIT', 'Apr 2018'],
      ['2014-01-01', '2015-01-01', 'YEAR', 'EXPLICIT', '2014'],
      ['', '', '', '', ''],
    ]);
  });

  it('writes the date basis, and the display phrase for a date that is only the publication date', () => {
    const rows = records(
      exportText(
        'csv',
        [
          exportItem({ date: '2018-12-07', precision: 'DAY', basis: 'PUBLICATION' }),
          exportItem({ date: '2018-12-07', precision: 'YEAR', basis: 'PUBLICATION' }),
          exportItem({ date: '2018-12-07', precision: 'DAY', basis: 'RELATIVE' }),
          exportItem({ date: '2018-12-07', precision: 'DAY', basis: null }),
        ],
        meta,
      ),
    );
    expect(rows.map((r) => [r.date_start, r.date_precision, r.date_basis, r.date_label])).toEqual([
      ['2018-12-07', 'DAY', 'PUBLICATION', 'reported on 7 Dec 2018'],
      ['2018-01-01', 'YEAR', 'PUBLICATION', 'reported by 2018'],
      ['2018-12-07', 'DAY', 'RELATIVE', '7 Dec 2018'],
      ['2018-12-07', 'DAY', '', '7 Dec 2018'],
    ]);
  });

  it.each(['POSTPONED', 'CANCELLED'] as const)('writes the status %s', (status) => {
    const [row] = records(exportText('csv', [exportItem({ status })], meta));
    expect(row?.status).toBe(status);
  });

  it('lists each source once, untitled ones too, in citation order', () => {
    const item = exportItem({
      sources: [
        { publisher: 'Reuters', title: 'Talks', url: null },
        { publisher: null, title: null, url: null },
        { publisher: 'AP', title: null, url: 'https://apnews.example/x' },
      ],
    });
    const [row] = records(exportText('csv', [item], meta));
    expect(row?.sources).toBe('Reuters — Talks | Untitled source | AP — https://apnews.example/x');
  });

  it('defuses formulas in every column, the quote and the title included', () => {
    const item = exportItem({ kind: 'STATEMENT', title: '=cmd|"/c calc"!A1', quote: '@SUM(1,2)', speaker: '+Eve' });
    const [row] = records(exportText('csv', [item], meta));
    expect([row?.title, row?.quote, row?.speaker]).toEqual(['\'=cmd|"/c calc"!A1', "'@SUM(1,2)", "'+Eve"]);
  });

  it('streams the same text it writes at once, in chunks', async () => {
    const items = Array.from({ length: 300 }, (_, i) => exportItem({ title: `Item ${i} ${'x'.repeat(300)}` }));
    async function* slowly() {
      for (const item of items) yield item;
    }
    const chunks: string[] = [];
    for await (const chunk of exportChunks('csv', slowly(), meta)) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(exportText('csv', items, meta));
  });
});
