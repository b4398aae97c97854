import { describe, expect, it } from 'vitest';
import {
  type DateAnchor,
  detectTense,
  findTemporalMentions,
  formatFuzzyDate,
  fuzzyDate,
  type Tense,
} from '../../../../server/src/extract/dates.js';

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** Thursday. */
const JUNE_7_2018: DateAnchor = { date: utc('2018-06-07'), basis: 'EXPLICIT' };
/** Friday. */
const FEB_17_2017: DateAnchor = { date: utc('2017-02-17'), basis: 'CALLER' };
/** Wednesday; a photo caption's date, so the article may be a day or two newer. */
const CAPTION_FEB_15_2017: DateAnchor = { date: utc('2017-02-15'), basis: 'CAPTION' };

/** Mentions as readable rows: [text as written, kind, basis, formatted date or null]. */
function rows(text: string, anchor: DateAnchor | null, tense?: Tense) {
  return findTemporalMentions(text, anchor, tense === undefined ? {} : { tense }).map((m) => [
    m.text,
    m.kind,
    m.basis,
    m.date === null ? null : formatFuzzyDate(m.date),
  ]);
}

/** The row of the only mention; fails when there is not exactly one. */
function only(text: string, anchor: DateAnchor | null, tense?: Tense) {
  const found = rows(text, anchor, tense);
  expect(found, `mentions in ${JSON.stringify(text)}`).toHaveLength(1);
  return found[0];
}

describe('fuzzyDate and formatFuzzyDate', () => {
  it.each([
    ['2017-02-16', 'DAY', '2017-02-16', '2017-02-17', '16 Feb 2017'],
    ['2017-02-16', 'WEEK', '2017-02-13', '2017-02-20', 'week of 13 Feb 2017'],
    ['2017-02-19', 'WEEK', '2017-02-13', '2017-02-20', 'week of 13 Feb 2017'],
    ['2018-04-30', 'MONTH', '2018-04-01', '2018-05-01', 'Apr 2018'],
    ['2018-12-31', 'MONTH', '2018-12-01', '2019-01-01', 'Dec 2018'],
    ['2014-07-04', 'YEAR', '2014-01-01', '2015-01-01', '2014'],
  ] as const)('%s at %s precision is [%s, %s): "%s"', (day, precision, start, end, formatted) => {
    const date = fuzzyDate(new Date(`${day}T15:30:00Z`), precision);
    expect(date).toEqual({ start: utc(start), end: utc(end), precision });
    expect(formatFuzzyDate(date)).toBe(formatted);
  });
});

describe('detectTense', () => {
  it.each([
    ['Trump is scheduled to meet Kim in Singapore', 'future'],
    ['Kim will travel to Beijing', 'future'],
    ['The summit is due to take place in Singapore', 'future'],
    ['Moon plans to visit Pyongyang', 'future'],
    ['The vote is expected to pass', 'future'],
    ['Talks are set to resume', 'future'],
    ['Leaders meet next week', 'future'],
    ['Putin won’t attend', 'future'],
    ['Trump said the talks went well', 'past'],
    ['The two leaders met in Helsinki', 'past'],
    ['Parliament held an emergency session', 'past'],
    ['The meeting was short', 'past'],
    ['Protesters stormed the embassy', 'past'],
    ['Officials say the talks continue', 'unknown'],
    ['', 'unknown'],
    // Nouns that look like cues are not cues.
    ['the will of the people', 'unknown'],
    ['a plan to free the girls', 'unknown'],
    ['the need for speed', 'unknown'],
  ] as const)('%j is %s', (clause, tense) => {
    expect(detectTense(clause)).toBe(tense);
  });
});

describe('findTemporalMentions: explicit dates need no anchor', () => {
  it.each([
    ['The letter is dated February 16, 2017.', 'February 16, 2017', '16 Feb 2017'],
    ['Filed Feb. 15, 2017 in Washington.', 'Feb. 15, 2017', '15 Feb 2017'],
    ['Filed Feb 15 2017 in Washington.', 'Feb 15 2017', '15 Feb 2017'],
    ['Signed 16 February 2017 in Munich.', '16 February 2017', '16 Feb 2017'],
    ['Signed on the 16th of February, 2017.', 'on the 16th of February, 2017', '16 Feb 2017'],
    ['Auschwitz was liberated on 27 January 1945.', 'on 27 January 1945', '27 Jan 1945'],
    ['Posted June 07, 2018.', 'June 07, 2018', '7 Jun 2018'],
    ['Posted 2017-02-16 at noon.', '2017-02-16', '16 Feb 2017'],
    ['Updated 2017-02-16T12:30:00Z.', '2017-02-16', '16 Feb 2017'],
    ['Posted 2/16/2017.', '2/16/2017', '16 Feb 2017'],
    ['Posted 16/02/2017.', '16/02/2017', '16 Feb 2017'],
    ['Posted 16.02.2017.', '16.02.2017', '16 Feb 2017'],
    ['The meeting on Thursday, Feb. 16, 2017 was short.', 'on Thursday, Feb. 16, 2017', '16 Feb 2017'],
    ['FILE - In this Wednesday May 1, 2019 file photo', 'Wednesday May 1, 2019', '1 May 2019'],
    ['Talks ran Feb. 15-16, 2017 in Bonn.', 'Feb. 15-16, 2017', '15 Feb 2017'],
    ['Talks ran 15-16 February 2017 in Bonn.', '15-16 February 2017', '15 Feb 2017'],
    ['He was arrested on January 2, 2016 , as he was about to board', 'on January 2, 2016', '2 Jan 2016'],
    ['It happened after 9/11, not before.', '9/11', '11 Sep 2001'],
    ['since the Sept. 11 attacks', 'Sept. 11', '11 Sep 2001'],
  ])('%j -> %j', (text, expression, formatted) => {
    expect(only(text, null)).toEqual([expression, 'date', 'EXPLICIT', formatted]);
  });

  it.each([
    ['Cited in April 2018 by the court.', 'in April 2018', 'Apr 2018'],
    ['An April 2018 report found', 'April 2018', 'Apr 2018'],
    ['It was signed in October of 2013.', 'in October of 2013', 'Oct 2013'],
    ['He was with his troops in April 1865 when it ended.', 'in April 1865', 'Apr 1865'],
    ['No talks have been held since December 2015.', 'since December 2015', 'Dec 2015'],
    ['By September, 2014, the plan had failed.', 'September, 2014', 'Sep 2014'],
  ])('%j -> the month %j', (text, expression, formatted) => {
    expect(only(text, null)).toEqual([expression, 'month', 'EXPLICIT', formatted]);
  });

  it.each([
    ['Russia annexed Crimea in 2014.', 'in 2014', 'year'],
    ['Sanctions have been in place since 2014.', 'since 2014', 'since-year'],
    ['Sanctions have been in place since early 2014.', 'since early 2014', 'since-year'],
    ['after the 2014 annexation of Crimea', '2014', 'year'],
    ["2014's annexation changed everything", '2014', 'year'],
    ['the 1987 Treaty on intermediate-range missiles', '1987', 'year'],
    ['The pair secured their freedom in late 2014.', 'in late 2014', 'year'],
    ['a truce reached in mid-2014', 'in mid-2014', 'year'],
    ['at the end of 2014', 'the end of 2014', 'year'],
    ['the pre-2014 borders', '2014', 'year'],
    ['the 2014-15 season', '2014', 'year'],
  ])('%j -> %j (%s)', (text, expression, kind) => {
    const year = expression.match(/\d{4}/)![0];
    expect(only(text, null)).toEqual([expression, kind, 'EXPLICIT', year]);
  });

  it('reads each year of a range', () => {
    expect(rows('the 1950-53 Korean War; the 2014–2016 crisis; between 1940 and 1945', null)).toEqual([
      ['1950', 'year', 'EXPLICIT', '1950'],
      ['2014', 'year', 'EXPLICIT', '2014'],
      ['2016', 'year', 'EXPLICIT', '2016'],
      ['1940', 'year', 'EXPLICIT', '1940'],
      ['1945', 'year', 'EXPLICIT', '1945'],
    ]);
  });
});

describe('findTemporalMentions: weekdays', () => {
  it.each([
    // Past or unknown tense: the latest such day on or before the anchor, the same day included.
    ['Trump said Thursday that talks would go on.', 'Thursday', '7 Jun 2018'],
    ['The two leaders met on Tuesday in Singapore.', 'on Tuesday', '5 Jun 2018'],
    ['The ministry said Friday it had no comment.', 'Friday', '1 Jun 2018'],
    ["Thursday's meeting ended early.", 'Thursday', '7 Jun 2018'],
    ['Officials met late Wednesday in Brussels.', 'late Wednesday', '6 Jun 2018'],
    ['On Monday night, rockets were fired.', 'On Monday night', '4 Jun 2018'],
    ['The embassy was closed Sunday.', 'Sunday', '3 Jun 2018'],
    ['the talks at the White House Sunday.', 'Sunday', '3 Jun 2018'],
    ['President Trump Tuesday signed the order.', 'Tuesday', '5 Jun 2018'],
    // Future tense: the next such day strictly after the anchor.
    ['Trump is scheduled to meet Kim on Friday.', 'on Friday', '8 Jun 2018'],
    ['Pompeo will travel on Monday to Seoul.', 'on Monday', '11 Jun 2018'],
    ['Pompeo will travel on Thursday to Seoul.', 'on Thursday', '14 Jun 2018'],
    ['The vote is due on Tuesday.', 'on Tuesday', '12 Jun 2018'],
    // Words that fix the occurrence whatever the tense.
    ['They spoke last Tuesday.', 'last Tuesday', '5 Jun 2018'],
    ['They spoke last Thursday.', 'last Thursday', '31 May 2018'],
    ['They will speak next Friday.', 'next Friday', '8 Jun 2018'],
    ['Talks resume this Friday.', 'this Friday', '8 Jun 2018'],
    ['They spoke this past Sunday.', 'this past Sunday', '3 Jun 2018'],
    ['Talks will have gone on since Monday.', 'since Monday', '4 Jun 2018'],
    ['The vote is on Wednesday next week.', 'on Wednesday next week', '13 Jun 2018'],
  ])('%j -> %j on %s', (text, expression, formatted) => {
    expect(only(text, JUNE_7_2018)).toEqual([expression, 'weekday', 'RELATIVE', formatted]);
  });

  it('keeps the second of two weekdays apart by tense: said (past) vs will (future)', () => {
    expect(rows('Trump said on Monday that he will meet Kim on Tuesday.', JUNE_7_2018)).toEqual([
      ['on Monday', 'weekday', 'RELATIVE', '4 Jun 2018'],
      ['on Tuesday', 'weekday', 'RELATIVE', '12 Jun 2018'],
    ]);
    expect(rows('The meeting, which is scheduled for Friday, was announced Tuesday.', JUNE_7_2018)).toEqual([
      ['Friday', 'weekday', 'RELATIVE', '8 Jun 2018'],
      ['Tuesday', 'weekday', 'RELATIVE', '5 Jun 2018'],
    ]);
  });

  it('takes the tense from the caller when given', () => {
    expect(only('on Friday', JUNE_7_2018, 'future')).toEqual(['on Friday', 'weekday', 'RELATIVE', '8 Jun 2018']);
    expect(only('on Friday', JUNE_7_2018, 'past')).toEqual(['on Friday', 'weekday', 'RELATIVE', '1 Jun 2018']);
    expect(only('will meet on Friday', JUNE_7_2018, 'unknown')).toEqual([
      'on Friday',
      'weekday',
      'RELATIVE',
      '1 Jun 2018',
    ]);
  });

  it.each([
    ['He said it on Thursday.', 'on Thursday', '16 Feb 2017'],
    ['On Tuesday, protesters gathered.', 'On Tuesday', '14 Feb 2017'],
    ['Wednesday was quiet.', 'Wednesday', '15 Feb 2017'],
    ['Troops left on Saturday.', 'on Saturday', '18 Feb 2017'],
    ['Troops arrived on Sunday.', 'on Sunday', '12 Feb 2017'],
    ['Troops arrived on Monday.', 'on Monday', '13 Feb 2017'],
    // A future weekday still lies after the caption's day.
    ['Troops will leave on Tuesday.', 'on Tuesday', '21 Feb 2017'],
  ])('with a caption anchor (Wed 15 Feb 2017), %j is the nearest: %s', (text, expression, formatted) => {
    expect(only(text, CAPTION_FEB_15_2017)).toEqual([expression, 'weekday', 'RELATIVE', formatted]);
  });

  it('reports weekdays without an anchor, undated', () => {
    expect(rows('Mr. Trump on Saturday said the claims were ridiculous.', null)).toEqual([
      ['on Saturday', 'weekday', 'RELATIVE', null],
    ]);
  });
});

describe('findTemporalMentions: a month and day without a year', () => {
  it.each([
    ['He was arrested on April 11.', JUNE_7_2018, undefined, 'on April 11', '11 Apr 2018'],
    ['It opened on June 8.', JUNE_7_2018, undefined, 'on June 8', '8 Jun 2018'], // within two days' slack
    ['It opened on June 10.', JUNE_7_2018, undefined, 'on June 10', '10 Jun 2017'],
    ['The June 12 summit is due to take place in Singapore.', JUNE_7_2018, undefined, 'June 12', '12 Jun 2018'],
    ['The 12 June summit is due to take place in Singapore.', JUNE_7_2018, undefined, '12 June', '12 Jun 2018'],
    ['Elections are set for May 4.', JUNE_7_2018, 'future', 'May 4', '4 May 2019'],
    ['On Feb. 16, Trump said so.', FEB_17_2017, undefined, 'On Feb. 16', '16 Feb 2017'],
    ['On Feb. 19, Trump said so.', FEB_17_2017, undefined, 'On Feb. 19', '19 Feb 2017'],
    ['On Feb. 20, Trump said so.', FEB_17_2017, undefined, 'On Feb. 20', '20 Feb 2016'],
    ['Trump spoke on Thursday, Feb. 16.', FEB_17_2017, undefined, 'on Thursday, Feb. 16', '16 Feb 2017'],
    ['He met her on the 2nd of June.', JUNE_7_2018, undefined, 'on the 2nd of June', '2 Jun 2018'],
    ['before August 17 next year', JUNE_7_2018, undefined, 'August 17 next year', '17 Aug 2019'],
    ['the Jubilee year beginning this December 8', JUNE_7_2018, undefined, 'this December 8', '8 Dec 2018'],
    ['They met last May 5.', JUNE_7_2018, undefined, 'last May 5', '5 May 2018'],
    ['Next Monday, April 15, is the anniversary.', FEB_17_2017, undefined, 'Next Monday, April 15', '15 Apr 2017'],
    // No tense cue: the nearest such day.
    ['The signature deadline is May 21.', JUNE_7_2018, undefined, 'May 21', '21 May 2018'],
    ['The signature deadline is August 21.', JUNE_7_2018, undefined, 'August 21', '21 Aug 2018'],
    ['The signature deadline is Feb. 1.', JUNE_7_2018, undefined, 'Feb. 1', '1 Feb 2018'],
    ['Polls have tightened since Dec. 21.', JUNE_7_2018, undefined, 'since Dec. 21', '21 Dec 2017'],
  ] as const)('%j -> %j on %s', (text, anchor, tense, expression, formatted) => {
    expect(only(text, anchor, tense)).toEqual([expression, 'date', 'RELATIVE', formatted]);
  });

  it('is undated without an anchor, and is no day when the day does not exist', () => {
    expect(rows('The sides set a 30 June deadline.', null)).toEqual([['30 June', 'date', 'RELATIVE', null]]);
    // Not a day: what is left is the month.
    expect(rows('On February 30 nothing happened.', JUNE_7_2018)).toEqual([
      ['February', 'month', 'RELATIVE', 'Feb 2018'],
    ]);
    expect(only('It happened on Feb. 29.', JUNE_7_2018)).toEqual(['on Feb. 29', 'date', 'RELATIVE', '29 Feb 2016']);
  });
});

describe('findTemporalMentions: months', () => {
  it.each([
    ['They met in April.', undefined, 'in April', 'Apr 2018'],
    ['They met in June.', undefined, 'in June', 'Jun 2018'],
    ['They met in July.', undefined, 'in July', 'Jul 2017'],
    ['They will meet in July.', undefined, 'in July', 'Jul 2018'],
    ['They will meet in May.', undefined, 'in May', 'May 2019'],
    ['They met in January.', undefined, 'in January', 'Jan 2018'],
    ['They met last April.', undefined, 'last April', 'Apr 2018'],
    ['They met last June.', undefined, 'last June', 'Jun 2017'],
    ['They meet next June.', undefined, 'next June', 'Jun 2019'],
    ['Unrest began last November.', undefined, 'last November', 'Nov 2017'],
    ['In March, the Monitor reported on mass graves.', undefined, 'In March', 'Mar 2018'],
    ['Attacks have continued since mid-March.', undefined, 'since mid-March', 'Mar 2018'],
    ['In China in late December, they met.', undefined, 'in late December', 'Dec 2017'],
    ['Mr. Kerry said in a March statement', undefined, 'March', 'Mar 2018'],
    ['It came four days after the November Paris attacks', undefined, 'November', 'Nov 2017'],
    ['He stood down in January of this year.', undefined, 'in January of this year', 'Jan 2018'],
    ['The case expires in August next year.', undefined, 'in August next year', 'Aug 2019'],
    ['They met in April.', 'future', 'in April', 'Apr 2019'],
    ['Polls have tightened since December.', undefined, 'since December', 'Dec 2017'],
    // No tense cue: the nearest such month, ties going back.
    ['Turnout in the November election', undefined, 'November', 'Nov 2018'],
    ['Turnout in the December election', undefined, 'December', 'Dec 2017'],
    ['Turnout in the January election', undefined, 'January', 'Jan 2018'],
  ] as const)('%j -> %j in %s', (text, tense, expression, formatted) => {
    expect(only(text, JUNE_7_2018, tense)).toEqual([expression, 'month', 'RELATIVE', formatted]);
  });

  it('lists months joined by "and"', () => {
    expect(rows('attacks in Istanbul in January and February', JUNE_7_2018)).toEqual([
      ['in January', 'month', 'RELATIVE', 'Jan 2018'],
      ['February', 'month', 'RELATIVE', 'Feb 2018'],
    ]);
  });
});

describe('findTemporalMentions: expressions relative to the anchor', () => {
  it.each([
    ['They met last week.', 'last week', 'relative-week', 'week of 28 May 2018'],
    ['They meet this week.', 'this week', 'relative-week', 'week of 4 Jun 2018'],
    ['They meet next week.', 'next week', 'relative-week', 'week of 11 Jun 2018'],
    ['It happened earlier this week.', 'earlier this week', 'relative-week', 'week of 4 Jun 2018'],
    ['They met last weekend.', 'last weekend', 'relative-week', 'week of 28 May 2018'],
    ['It happened yesterday.', 'yesterday', 'relative-day', '6 Jun 2018'],
    ['It happens today.', 'today', 'relative-day', '7 Jun 2018'],
    ['It happens tomorrow.', 'tomorrow', 'relative-day', '8 Jun 2018'],
    ['He speaks tonight.', 'tonight', 'relative-day', '7 Jun 2018'],
    ['He spoke last night.', 'last night', 'relative-day', '6 Jun 2018'],
    ['He tweeted this morning.', 'this morning', 'relative-day', '7 Jun 2018'],
    ['It happened two days ago.', 'two days ago', 'relative-day', '5 Jun 2018'],
    ['It happened 3 days ago.', '3 days ago', 'relative-day', '4 Jun 2018'],
    ['It happened three weeks ago.', 'three weeks ago', 'relative-week', 'week of 14 May 2018'],
    ['It happened a week ago.', 'a week ago', 'relative-week', 'week of 28 May 2018'],
    ['They met last month.', 'last month', 'relative-month', 'May 2018'],
    ['They meet this month.', 'this month', 'relative-month', 'Jun 2018'],
    ['They meet next month.', 'next month', 'relative-month', 'Jul 2018'],
    ['They met earlier this month.', 'earlier this month', 'relative-month', 'Jun 2018'],
    ['It happened 18 months ago.', '18 months ago', 'relative-month', 'Dec 2016'],
    ['They met last year.', 'last year', 'relative-year', '2017'],
    ['They meet this year.', 'this year', 'relative-year', '2018'],
    ['They meet next year.', 'next year', 'relative-year', '2019'],
    ['They met earlier this year.', 'earlier this year', 'relative-year', '2018'],
    ['It happened a year ago.', 'a year ago', 'relative-year', '2017'],
    ['It happened two years ago.', 'two years ago', 'relative-year', '2016'],
    ['It happened a decade ago.', 'a decade ago', 'relative-year', '2008'],
  ])('%j -> %j (%s) = %s', (text, expression, kind, formatted) => {
    expect(only(text, JUNE_7_2018)).toEqual([expression, kind, 'RELATIVE', formatted]);
  });

  it('reports them undated without an anchor', () => {
    expect(rows('last week, in April, yesterday, two years ago', null)).toEqual([
      ['last week', 'relative-week', 'RELATIVE', null],
      ['in April', 'month', 'RELATIVE', null],
      ['yesterday', 'relative-day', 'RELATIVE', null],
      ['two years ago', 'relative-year', 'RELATIVE', null],
    ]);
  });

  it('does not take spans for dates', () => {
    expect(rows('over the next year, in the last week of May, for the past year', JUNE_7_2018)).toEqual([
      ['May', 'month', 'RELATIVE', 'May 2018'],
    ]);
  });
});

describe('findTemporalMentions: counted from the narrated day', () => {
  const narrated = (text: string, day: string | null) =>
    findTemporalMentions(text, JUNE_7_2018, { tense: 'past', narration: () => (day ? utc(day) : null) }).map((m) => [
      m.text,
      m.kind,
      m.date === null ? null : formatFuzzyDate(m.date),
    ]);

  it('counts "a day earlier", "the next day" and "two weeks later" from the narration, not publication', () => {
    expect(narrated('He left a day earlier.', '2018-06-01')).toEqual([['a day earlier', 'narrative', '31 May 2018']]);
    expect(narrated('He left the next day.', '2018-06-01')).toEqual([['the next day', 'narrative', '2 Jun 2018']]);
    expect(narrated('Two weeks later, he left.', '2018-05-02')).toEqual([
      ['Two weeks later', 'narrative', 'week of 14 May 2018'],
    ]);
    expect(narrated('He spoke that morning.', '2018-06-01')).toEqual([['that morning', 'narrative', '1 Jun 2018']]);
  });

  it('prefers a day named earlier in the same text to the one before it', () => {
    expect(narrated('He arrived on Monday, and a day later he left.', '2018-05-01')).toEqual([
      ['on Monday', 'weekday', '4 Jun 2018'],
      ['a day later', 'narrative', '5 Jun 2018'],
    ]);
  });

  it("says nothing when no day is being narrated, or when the day is another event's", () => {
    expect(narrated('He left the next day.', null)).toEqual([]);
    expect(findTemporalMentions('He left the next day.', JUNE_7_2018)).toEqual([]);
    expect(narrated('He left a day after the vote.', '2018-06-01')).toEqual([]);
    expect(narrated('He left two days before, officials said.', '2018-06-01')).toEqual([
      ['two days before', 'narrative', '30 May 2018'],
    ]);
  });
});

describe('findTemporalMentions: what is not a date', () => {
  it.each([
    'Officials may meet again.',
    'Theresa May said she would stay.',
    'Prime Minister May met Macron.',
    'since May took office',
    'Clifford May tells this story.',
    'March organizers said the route was set.',
    'Protesters march on the capital.',
    'The Sunday Times reported the story.',
    'Mr. Friday declined to comment.',
    'Black Friday sales were strong.',
    'the Good Friday Agreement',
    'said on “Fox News Sunday” that he would',
    'Monday Night Football',
    'They meet every Thursday.',
    'in an interview with USA Today.',
    'Calum MacLeod, USA TODAY',
    'told Russia Today that',
    'April Ryan asked a question.',
    'Jan Egeland said aid was blocked.',
    'at Mar-a-Lago',
    '2,014 people were evacuated.',
    'It cost $2014 in fees.',
    'No. 1 on the list.',
    'The clock read 20:14.',
    'Take Route 2014 north.',
    'Call 555-2014 for details.',
    'under UN Resolution 2042',
    'in the 1990s and 2000s',
    'in the 1990’s',
    'in the mid-1990s',
    'About 2000 troops were deployed.',
    'some 1900 people',
    'The strike began at 2100 GMT.',
    'Copyright © 2019 The Washington Times, LLC.',
    'Then 30 people died.',
    'the F-2014 prototype',
    'including the Women’s March and the rally',
    'Mr. Carson told ABC’s “This Week.”',
    'People 2,000 years ago understood',
    'half a year ago',
    '',
  ])('%j has no temporal mention', (text) => {
    expect(rows(text, JUNE_7_2018)).toEqual([]);
  });

  it('takes "In March 30 people died" as the month, not 30 March', () => {
    expect(rows('In March 30 people died.', JUNE_7_2018)).toEqual([['In March', 'month', 'RELATIVE', 'Mar 2018']]);
  });

  it('ignores dates inside links and e-mail addresses', () => {
    const text =
      'See https://example.com/2017/02/16/story.html or www.example.org/news/2014 and reuters.com/world/2016-05-01/x, mail 2014@example.com.';
    expect(rows(text, JUNE_7_2018)).toEqual([]);
  });
});

describe('findTemporalMentions: offsets and overlaps', () => {
  const paragraph =
    'WASHINGTON — Trump said on Thursday, Feb. 16, 2017 that he met Putin in April 2018 and last week, ' +
    'two days ago, since 2014. He will travel on Friday.';

  it('gives offsets into the text, in order, without overlaps', () => {
    const mentions = findTemporalMentions(paragraph, FEB_17_2017);
    expect(mentions.map((m) => m.text)).toEqual([
      'on Thursday, Feb. 16, 2017',
      'in April 2018',
      'last week',
      'two days ago',
      'since 2014',
      'on Friday',
    ]);
    let previousEnd = 0;
    for (const m of mentions) {
      expect(paragraph.slice(m.start, m.end)).toBe(m.text);
      expect(m.start).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = m.end;
    }
    expect(formatFuzzyDate(mentions[5]!.date!)).toBe('24 Feb 2017');
  });

  it('counts offsets in UTF-16 code units through emoji and right-to-left text', () => {
    const text = '😀 🇺🇸 on Thursday في عام 2014 يوم الخميس';
    const mentions = findTemporalMentions(text, JUNE_7_2018);
    expect(mentions.map((m) => [m.text, text.slice(m.start, m.end)])).toEqual([
      ['on Thursday', 'on Thursday'],
      ['2014', '2014'],
    ]);
    expect(mentions[0]!.start).toBe(8);
  });

  it('does not join a date across a line break', () => {
    expect(rows('in May\n2018 was a year', JUNE_7_2018)).toEqual([
      ['in May', 'month', 'RELATIVE', 'May 2018'],
      ['2018', 'year', 'EXPLICIT', '2018'],
    ]);
  });

  it('treats an invalid anchor date as no anchor, and a non-string as no text', () => {
    expect(rows('on Thursday in 2014', { date: new Date(''), basis: 'CALLER' })).toEqual([
      ['on Thursday', 'weekday', 'RELATIVE', null],
      ['in 2014', 'year', 'EXPLICIT', '2014'],
    ]);
    expect(findTemporalMentions(undefined as unknown as string, JUNE_7_2018)).toEqual([]);
  });

  it('normalizes an anchor given with a time of day', () => {
    const anchor: DateAnchor = { date: new Date('2018-06-07T23:59:00Z'), basis: 'URL' };
    expect(only('He said Thursday.', anchor)).toEqual(['Thursday', 'weekday', 'RELATIVE', '7 Jun 2018']);
  });
});

describe('findTemporalMentions: hostile input', () => {
  const megabyte = 1_000_000;
  const sentence =
    'Mr. Trump on Saturday said he will meet Putin on Feb. 16, 2017, in April, since 2014 and last week. ';

  it.each([
    ['prose dense with dates', sentence.repeat(Math.ceil(megabyte / sentence.length))],
    ['one long run of digits', '2'.repeat(megabyte)],
    ['one long word', 'Thursday'.repeat(megabyte / 8)],
    ['spaces', ' '.repeat(megabyte)],
    ['year ranges', '2014-'.repeat(megabyte / 5)],
    ['emoji and right-to-left text', '😀 الخميس 2014 🇺🇸 '.repeat(megabyte / 20)],
    ['periods', '.'.repeat(megabyte)],
  ])('handles a megabyte of %s with ordered, non-overlapping mentions', (_name, text) => {
    const input = text.slice(0, megabyte);
    const mentions = findTemporalMentions(input, JUNE_7_2018);
    expect(mentions.every((m, i) => i === 0 || m.start >= mentions[i - 1]!.end)).toBe(true);
  });
});
