import { describe, expect, it } from 'vitest';
import { fingerprintBands, jaccard, shingles, simhash } from '../../../../server/src/resolve/fingerprint.js';
import { chooseItemDate } from '../../../../server/src/resolve/item-date.js';
import { matchMeeting, matchStatement } from '../../../../server/src/resolve/matching.js';
import { sameRemark } from '../../../../server/src/resolve/quote-similarity.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const day = (iso: string) => ({ start: d(iso), end: new Date(d(iso).getTime() + 86_400_000) });

describe('near-duplicate fingerprints', () => {
  const body =
    'The North Atlantic military alliance will maintain dialogue with Russia even as it gears up against possible aggression, the top U.S. defense chief has said. Despite rising tensions, generals held a rare meeting.';
  it('finds the same body in other formatting', () => {
    const wrapped = body.replace(/ (?=\S{5})/g, (m, i: number) => (i % 90 < 6 ? '\n' : m));
    expect(jaccard(shingles(body), shingles(`# Title\n\n**${wrapped}**`))).toBeGreaterThan(0.8);
    const a = fingerprintBands(simhash(body));
    const b = fingerprintBands(simhash(wrapped));
    expect(a.some((band) => b.includes(band))).toBe(true);
  });
  it('tells different articles apart', () => {
    expect(
      jaccard(
        shingles(body),
        shingles('Stocks fell sharply on Monday as investors weighed new data on inflation and jobs.'),
      ),
    ).toBeLessThan(0.1);
  });
  it('fits PostgreSQL bigint and int', () => {
    const h = simhash(body);
    expect(h >= -(2n ** 63n) && h < 2n ** 63n).toBe(true);
    for (const band of fingerprintBands(h)) expect(band).toBeLessThan(2 ** 31);
  });
});

describe('item dates from citations', () => {
  it('prefers the strongest basis, then the finest precision', () => {
    const { date, conflict } = chooseItemDate([
      { ...day('2017-02-15'), precision: 'DAY', basis: 'PUBLICATION' },
      { ...day('2017-02-16'), precision: 'DAY', basis: 'RELATIVE' },
      { start: null, end: null, precision: null, basis: null },
    ]);
    expect(date?.start).toEqual(d('2017-02-16'));
    expect(conflict).toBe(false);
  });
  it('gives the same answer whatever the order', () => {
    const claims = [
      { start: d('2018-04-01'), end: d('2018-05-01'), precision: 'MONTH' as const, basis: 'RELATIVE' as const },
      { ...day('2018-04-12'), precision: 'DAY' as const, basis: 'RELATIVE' as const },
    ];
    expect(chooseItemDate(claims).date).toEqual(chooseItemDate([...claims].reverse()).date);
    expect(chooseItemDate(claims).date?.precision).toBe('DAY');
  });
  it('flags dates read from texts that cannot both be right', () => {
    expect(
      chooseItemDate([
        { ...day('2017-02-16'), precision: 'DAY', basis: 'EXPLICIT' },
        { ...day('2017-03-02'), precision: 'DAY', basis: 'RELATIVE' },
      ]).conflict,
    ).toBe(true);
  });
  it('is undated with no dated claim', () => {
    expect(chooseItemDate([])).toEqual({ date: null, conflict: false });
  });
});

describe('matching', () => {
  it('recognises a remark reported in other wordings', () => {
    const full =
      'We are not in a position right now to collaborate on a military level, but our political leaders will engage and try to find common ground';
    expect(
      sameRemark(
        full,
        'We are not in a position right now to collaborate on a military level. But our political leaders will engage',
      ),
    ).toBe(true);
    expect(sameRemark(full, 'We will write our own headlines as a unified alliance')).toBe(false);
    const candidate = { id: 's1', quote: full, variants: [], dateStart: null, dateEnd: null };
    expect(
      matchStatement('not in a position right now to collaborate', { start: null, end: null }, [candidate])?.id,
    ).toBe('s1');
    expect(
      matchStatement(full, day('2017-02-16'), [{ ...candidate, dateStart: d('2019-01-01'), dateEnd: d('2019-01-02') }]),
    ).toBeNull();
  });
  it('merges meetings with the same participants and compatible date and place', () => {
    const stored = {
      id: 'm1',
      participantIds: ['a', 'b'],
      placeId: 'baku',
      dateStart: d('2017-02-16'),
      dateEnd: d('2017-02-17'),
      status: 'OCCURRED' as const,
    };
    expect(matchMeeting(['b', 'a'], null, day('2017-02-16'), [stored])?.id).toBe('m1');
    expect(matchMeeting(['a', 'b'], 'helsinki', day('2017-02-16'), [stored])).toBeNull();
    expect(matchMeeting(['a', 'b'], null, day('2018-06-08'), [stored])).toBeNull();
    expect(matchMeeting(['a', 'c'], null, day('2017-02-16'), [stored])).toBeNull();
  });

  it('keeps a phone call and a sit-down of the same people on the same day apart', () => {
    const stored = {
      id: 'm1',
      participantIds: ['a', 'b'],
      placeId: null,
      dateStart: d('2016-01-16'),
      dateEnd: d('2016-01-17'),
      status: 'OCCURRED' as const,
      format: 'IN_PERSON' as const,
    };
    expect(matchMeeting(['a', 'b'], null, day('2016-01-16'), [stored], 'OCCURRED', 'PHONE')).toBeNull();
    expect(matchMeeting(['a', 'b'], null, day('2016-01-16'), [stored], 'OCCURRED', 'IN_PERSON')?.id).toBe('m1');
    // Not knowing how one of them was held is no reason to keep them apart.
    expect(matchMeeting(['a', 'b'], null, day('2016-01-16'), [stored], 'OCCURRED', 'UNKNOWN')?.id).toBe('m1');
    expect(
      matchMeeting(['a', 'b'], null, day('2016-01-16'), [{ ...stored, format: null }], 'OCCURRED', 'PHONE')?.id,
    ).toBe('m1');
  });
});
