import { describe, expect, it } from 'vitest';
import {
  countParticipantMatches,
  type ExtractedEvent,
  type ExtractedMeeting,
  type ExtractedRecords,
  type ExtractedStatement,
  enoughParticipants,
  type GoldEvent,
  type GoldFile,
  type GoldMeeting,
  type GoldStatement,
  isDateCorrect,
  scoreArticle,
  summarize,
} from '../../../../server/src/eval/score.js';

// ---- builders: defaults for everything a case does not care about ----

const day = (date: string) => ({ date, precision: 'DAY' as const });

function goldStatement(speaker: string, quote: string, extra: Partial<GoldStatement> = {}): GoldStatement {
  return { speaker, quote, ...day('2018-06-06'), partial: false, optional: false, ...extra };
}
function goldMeeting(participants: string[], extra: Partial<GoldMeeting> = {}): GoldMeeting {
  return {
    participants,
    place: null,
    ...day('2018-06-08'),
    status: 'OCCURRED',
    evidence: `${participants.join(' and ')} met.`,
    optional: false,
    ...extra,
  };
}
function goldEvent(actors: string[], evidence: string, extra: Partial<GoldEvent> = {}): GoldEvent {
  return { actors, description: evidence, evidence, ...day('2018-06-06'), optional: false, ...extra };
}
function gold(items: Partial<Pick<GoldFile, 'statements' | 'meetings' | 'events'>>): GoldFile {
  return { article: 'a.txt', publishedAt: null, statements: [], meetings: [], events: [], notes: '', ...items };
}

function said(speakerName: string, quote: string, extra: Partial<ExtractedStatement> = {}): ExtractedStatement {
  return { speakerName, speakerAliases: [], quote, date: { start: '2018-06-06', precision: 'DAY' }, ...extra };
}
function met(participants: string[], extra: Partial<ExtractedMeeting> = {}): ExtractedMeeting {
  return {
    participantNames: participants.map((name) => [name]),
    place: null,
    date: { start: '2018-06-08', precision: 'DAY' },
    status: 'OCCURRED',
    ...extra,
  };
}
function happened(actors: string[], excerpt: string, extra: Partial<ExtractedEvent> = {}): ExtractedEvent {
  return {
    actorNames: actors.map((name) => [name]),
    excerpt,
    start: 0,
    end: excerpt.length,
    date: { start: '2018-06-06', precision: 'DAY' },
    ...extra,
  };
}
function records(items: Partial<ExtractedRecords>): ExtractedRecords {
  return { statements: [], meetings: [], events: [], ...items };
}
const counts = (s: { tp: number; fp: number; fn: number }) => [s.tp, s.fp, s.fn];

const QUOTE = 'NATO will never turn off dialogue with Russia';

describe('scoreArticle: statements', () => {
  it.each<[string, GoldStatement, ExtractedStatement, number[]]>([
    ['same speaker, same words', goldStatement('Jim Mattis', QUOTE), said('Jim Mattis', QUOTE), [1, 0, 0]],
    [
      'speaker found through an alias, other punctuation',
      goldStatement('Jim Mattis', QUOTE),
      said('James N. Mattis', `“${QUOTE.toUpperCase()},”`, { speakerAliases: ['Mattis'] }),
      [1, 0, 0],
    ],
    [
      'speaker found only through an alias',
      goldStatement('Jim Mattis', QUOTE),
      said('the defense secretary', QUOTE, { speakerAliases: ['Defense Secretary Jim Mattis'] }),
      [1, 0, 0],
    ],
    ['another speaker', goldStatement('Jim Mattis', QUOTE), said('Jens Stoltenberg', QUOTE), [0, 1, 1]],
    [
      'truncated quote, overlap 1 by the shorter side',
      goldStatement('Jim Mattis', QUOTE),
      said('Mattis', 'NATO will never turn off dialogue'),
      [1, 0, 0],
    ],
    [
      'overlap 0.6 is enough',
      goldStatement('Jim Mattis', 'one two three four five'),
      said('Mattis', 'one two three six seven'),
      [1, 0, 0],
    ],
    [
      'overlap 0.4 is not',
      goldStatement('Jim Mattis', 'one two three four five'),
      said('Mattis', 'one two six seven eight'),
      [0, 1, 1],
    ],
    [
      'a one-word quote must match exactly',
      goldStatement('Saudi Arabia', 'baseless'),
      said('Saudi Arabia', 'the reports are baseless'),
      [0, 1, 1],
    ],
    [
      'one-word quotes that agree',
      goldStatement('Saudi Arabia', 'baseless'),
      said('Saudi Arabia', '“Baseless.”'),
      [1, 0, 0],
    ],
    ['an empty extracted quote', goldStatement('Jim Mattis', QUOTE), said('Jim Mattis', ''), [0, 1, 1]],
  ])('%s', (_label, goldItem, record, expected) => {
    const result = scoreArticle(gold({ statements: [goldItem] }), records({ statements: [record] }));
    expect(counts(result.statements)).toEqual(expected);
  });

  it('pairs one to one: a second copy of a found remark is a false positive', () => {
    const result = scoreArticle(
      gold({ statements: [goldStatement('Jim Mattis', QUOTE)] }),
      records({ statements: [said('Jim Mattis', QUOTE), said('Jim Mattis', QUOTE)] }),
    );
    expect(counts(result.statements)).toEqual([1, 1, 0]);
    expect(result.statements.falsePositives).toHaveLength(1);
  });

  it('takes the best pair first, so a fragment and the full remark each find their own gold', () => {
    const full = 'it sounded to me like maybe these could have been rogue killers';
    const result = scoreArticle(
      gold({
        statements: [
          goldStatement('Donald Trump', full),
          goldStatement('Donald Trump', 'rogue killers', { optional: true }),
        ],
      }),
      records({ statements: [said('Trump', 'rogue killers'), said('Trump', full)] }),
    );
    expect(counts(result.statements)).toEqual([1, 0, 0]);
    const pairs = result.statements.matches.map((m) => [m.gold.quote, m.extracted.quote]);
    expect(pairs).toEqual([
      [full, full],
      ['rogue killers', 'rogue killers'],
    ]);
  });

  it('on an exact tie serves the non-optional gold item first', () => {
    const result = scoreArticle(
      gold({
        statements: [
          goldStatement('Jim Mattis', QUOTE, { optional: true }),
          goldStatement('Jim Mattis', QUOTE, { optional: false }),
        ],
      }),
      records({ statements: [said('Jim Mattis', QUOTE)] }),
    );
    expect(counts(result.statements)).toEqual([1, 0, 0]);
    expect(result.statements.matches[0]?.gold.optional).toBe(false);
  });
});

describe('scoreArticle: optional gold items', () => {
  it('a match is neither TP nor FP; a miss is not a FN', () => {
    const result = scoreArticle(
      gold({
        statements: [
          goldStatement('Marco Rubio', 'completely revised', { optional: true }),
          goldStatement('Donald Trump', 'severe punishment', { optional: true }),
        ],
      }),
      records({ statements: [said('Rubio', 'completely revised')] }),
    );
    expect(counts(result.statements)).toEqual([0, 0, 0]);
    expect(result.statements.matches).toHaveLength(1);
    expect(result.statements.misses).toEqual([]);
    expect(result.statements.dateTotal).toBe(0);
  });
});

describe('scoreArticle: meetings', () => {
  it.each<[string, string[], string[], number[]]>([
    [
      'both participants, other spellings',
      ['Joseph Dunford Jr.', 'Valery Gerasimov'],
      ['Gen. Joseph Dunford', 'Valeriy Gerasimov'],
      [1, 0, 0],
    ],
    ['two of three', ['Barack Obama', 'Alexis Tsipras', 'Prokopis Pavlopoulos'], ['Obama', 'Tsipras'], [1, 0, 0]],
    ['only one of two', ['Donald Trump', 'Emmanuel Macron'], ['Donald Trump', 'Angela Merkel'], [0, 1, 1]],
    ['a one-participant side needs that one', ['Steven Mnuchin'], ['Steve Mnuchin', 'Mohammed bin Salman'], [1, 0, 0]],
    ['a one-participant side that differs', ['Steven Mnuchin'], ['Mike Pompeo', 'Mohammed bin Salman'], [0, 1, 1]],
    ['no participants extracted', ['Donald Trump', 'Emmanuel Macron'], [], [0, 1, 1]],
    [
      'one extracted actor cannot stand for two gold participants',
      ['Donald Trump', 'Donald Trump Jr.'],
      ['Trump', 'Angela Merkel'],
      [0, 1, 1],
    ],
  ])('%s', (_label, goldParticipants, extractedParticipants, expected) => {
    const result = scoreArticle(
      gold({ meetings: [goldMeeting(goldParticipants)] }),
      records({ meetings: [met(extractedParticipants)] }),
    );
    expect(counts(result.meetings)).toEqual(expected);
  });

  it('tells meetings of the same people apart by their evidence', () => {
    const call = goldMeeting(['Donald Trump', 'Mike Pompeo'], {
      evidence: 'Trump called Pompeo Sunday evening.',
      ...day('2018-10-14'),
    });
    const visit = goldMeeting(['Donald Trump', 'Mike Pompeo'], {
      evidence: 'Pompeo will brief Trump at the White House on his return.',
      status: 'SCHEDULED',
      date: null,
      precision: null,
    });
    const result = scoreArticle(
      gold({ meetings: [call, visit] }),
      records({
        meetings: [
          met(['Mike Pompeo', 'Donald Trump'], {
            excerpt: 'Pompeo will brief Trump at the White House on his return.',
            status: 'SCHEDULED',
            date: null,
          }),
          met(['Donald Trump', 'Mike Pompeo'], {
            excerpt: 'Trump called Pompeo Sunday evening.',
            date: { start: '2018-10-14', precision: 'DAY' },
          }),
        ],
      }),
    );
    expect(counts(result.meetings)).toEqual([2, 0, 0]);
    expect(result.meetings.dateCorrect).toBe(2);
  });
});

describe('countParticipantMatches / enoughParticipants', () => {
  it('counts a one-to-one pairing, not every name that matches', () => {
    expect(countParticipantMatches([['Trump'], ['Donald Trump']], [['Donald Trump']])).toBe(1);
    expect(countParticipantMatches([['Trump'], ['Macron']], [['Emmanuel Macron'], ['Donald Trump']])).toBe(2);
  });

  it.each([
    [2, 2, 2, true],
    [3, 2, 2, true],
    [3, 3, 1, false],
    [1, 3, 1, true],
    [1, 1, 0, false],
    [0, 2, 0, false],
  ])('gold %i, extracted %i, matched %i: %s', (goldCount, extractedCount, matched, expected) => {
    expect(enoughParticipants(goldCount, extractedCount, matched)).toBe(expected);
  });
});

describe('scoreArticle: events', () => {
  const crimea =
    'the bloc wants to maintain dialogue with Russia despite suspending all practical military and civilian cooperation after the 2014 annexation of the Crimean peninsula from Ukraine.';

  it.each<[string, GoldEvent, ExtractedEvent, number[]]>([
    ['same sentence, matching actor', goldEvent(['Russia'], crimea), happened(['Russia'], crimea), [1, 0, 0]],
    [
      'a clause of the sentence',
      goldEvent(['Russia'], crimea),
      happened(['Russia'], 'the 2014 annexation of the Crimean peninsula'),
      [1, 0, 0],
    ],
    ['no actors extracted: the excerpt decides', goldEvent(['Russia'], crimea), happened([], crimea), [1, 0, 0]],
    ['actors that differ', goldEvent(['Russia'], crimea), happened(['Ukraine'], crimea), [0, 1, 1]],
    [
      'overlap 0.5 is enough',
      goldEvent(['Iran'], 'alpha beta gamma delta'),
      happened(['Iran'], 'alpha beta epsilon zeta'),
      [1, 0, 0],
    ],
    [
      'overlap below 0.5 is not',
      goldEvent(['Iran'], 'alpha beta gamma delta epsilon'),
      happened(['Iran'], 'alpha beta zeta eta theta'),
      [0, 1, 1],
    ],
  ])('%s', (_label, goldItem, record, expected) => {
    const result = scoreArticle(gold({ events: [goldItem] }), records({ events: [record] }));
    expect(counts(result.events)).toEqual(expected);
  });

  it('uses the actors to tell apart two gold events sharing one sentence', () => {
    const result = scoreArticle(
      gold({
        events: [
          goldEvent(['NATO'], crimea, { optional: true }),
          goldEvent(['Russia'], crimea, { date: '2014-01-01', precision: 'YEAR' }),
        ],
      }),
      records({ events: [happened(['Russia'], crimea, { date: { start: '2014-01-01', precision: 'YEAR' } })] }),
    );
    expect(counts(result.events)).toEqual([1, 0, 0]);
    expect(result.events.matches[0]?.gold.actors).toEqual(['Russia']);
    expect(result.events.dateCorrect).toBe(1);
  });
});

describe('date accuracy', () => {
  it.each<[string, Pick<GoldStatement, 'date' | 'precision'>, ExtractedStatement['date'], boolean]>([
    ['same day and precision', day('2018-06-06'), { start: '2018-06-06', precision: 'DAY' }, true],
    ['same start, other precision', day('2018-06-04'), { start: '2018-06-04', precision: 'WEEK' }, false],
    ['another day', day('2018-06-06'), { start: '2018-06-07', precision: 'DAY' }, false],
    ['dated gold, undated record', day('2018-06-06'), null, false],
    ['undated gold, undated record', { date: null, precision: null }, null, true],
    ['undated gold, dated record', { date: null, precision: null }, { start: '2018-06-06', precision: 'DAY' }, false],
  ])('%s', (_label, goldDate, extractedDate, expected) => {
    expect(isDateCorrect({ ...goldDate, optional: false }, extractedDate)).toBe(expected);
    const result = scoreArticle(
      gold({ statements: [goldStatement('Jim Mattis', QUOTE, goldDate)] }),
      records({ statements: [said('Jim Mattis', QUOTE, { date: extractedDate })] }),
    );
    expect([result.statements.dateCorrect, result.statements.dateTotal]).toEqual([expected ? 1 : 0, 1]);
  });

  it('counts only matched, non-optional items', () => {
    const result = scoreArticle(
      gold({
        statements: [
          goldStatement('Jim Mattis', QUOTE),
          goldStatement('Jim Mattis', 'an optional remark nobody found', { optional: true }),
          goldStatement('Jens Stoltenberg', 'a remark that was missed entirely'),
        ],
      }),
      records({ statements: [said('Jim Mattis', QUOTE, { date: null })] }),
    );
    expect([result.statements.dateCorrect, result.statements.dateTotal]).toEqual([0, 1]);
  });
});

describe('empty inputs', () => {
  it('scores nothing against nothing as zeros with undefined ratios', () => {
    const summary = summarize([scoreArticle(gold({}), records({}))]);
    expect(summary.statements).toEqual({
      tp: 0,
      fp: 0,
      fn: 0,
      precision: null,
      recall: null,
      f1: null,
      dateCorrect: 0,
      dateTotal: 0,
      dateAccuracy: null,
    });
    expect(summarize([]).articles).toBe(0);
    expect(summarize([]).overall.f1).toBeNull();
  });

  it('extracting nothing gives recall 0 and an undefined precision', () => {
    const summary = summarize([scoreArticle(gold({ statements: [goldStatement('Jim Mattis', QUOTE)] }), records({}))]);
    expect(summary.statements).toMatchObject({ tp: 0, fp: 0, fn: 1, precision: null, recall: 0, f1: 0 });
  });

  it('an unannotated article makes every record a false positive', () => {
    const summary = summarize([scoreArticle(gold({}), records({ statements: [said('Jim Mattis', QUOTE)] }))]);
    expect(summary.statements).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0, recall: null, f1: 0 });
  });
});

describe('summarize', () => {
  it('sums counts over articles and kinds before taking ratios', () => {
    const first = scoreArticle(
      gold({
        statements: [
          goldStatement('Jim Mattis', QUOTE),
          goldStatement('Jim Mattis', 'a remark that was missed entirely'),
        ],
        meetings: [goldMeeting(['Joseph Dunford', 'Valery Gerasimov'])],
      }),
      records({
        statements: [said('Jim Mattis', QUOTE), said('Jens Stoltenberg', 'something else entirely said here')],
        meetings: [met(['Dunford', 'Gerasimov'], { date: null })],
      }),
    );
    const second = scoreArticle(
      gold({ events: [goldEvent(['Russia'], 'Russia annexed Crimea in 2014')] }),
      records({ events: [happened(['Russia'], 'Russia annexed Crimea in 2014')] }),
    );
    const summary = summarize([first, second]);
    expect(summary.articles).toBe(2);
    expect(summary.statements).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(summary.meetings).toMatchObject({ tp: 1, fp: 0, fn: 0, dateCorrect: 0, dateTotal: 1, dateAccuracy: 0 });
    expect(summary.events).toMatchObject({ tp: 1, fp: 0, fn: 0, dateAccuracy: 1 });
    expect(summary.overall).toMatchObject({ tp: 3, fp: 1, fn: 1, dateCorrect: 2, dateTotal: 3 });
    expect(summary.overall.dateAccuracy).toBeCloseTo(2 / 3);
    expect(summary.overall.f1).toBeCloseTo(6 / 8);
  });
});
