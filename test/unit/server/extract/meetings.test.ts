/**
 * Meeting rules one at a time (extract/meetings.ts): each way of reporting an encounter,
 * who takes part, the state (occurred, scheduled, postponed, cancelled), the format, and
 * the sentences that must yield nothing.
 */
import { describe, expect, it } from 'vitest';
import { extractItems } from '../../../../server/src/extract/extract-items.js';
import type { MeetingDraft } from '../../../../server/src/extract/types.js';
import { normalizeArticle } from '../../../../server/src/ingest/normalize-article.js';

const published = new Date('2019-03-15T00:00:00Z'); // a Friday

interface Seen {
  who: string[];
  status: MeetingDraft['status'];
  format: MeetingDraft['format'];
  day: string | null;
  basis: string | null;
}

function meetingsOf(body: string): Seen[] {
  const article = normalizeArticle({ text: body, publishedAt: published });
  const extraction = extractItems(article);
  const names = new Map(extraction.actors.map((a) => [a.key, a.name]));
  return extraction.items
    .filter((i): i is MeetingDraft => i.kind === 'MEETING')
    .map((m) => ({
      who: m.participantKeys.map((k) => names.get(k) ?? k).sort(),
      status: m.status,
      format: m.format,
      day: m.date.date ? m.date.date.start.toISOString().slice(0, 10) : null,
      basis: m.date.basis,
    }));
}

const whoMet = (body: string) => meetingsOf(body).map((m) => m.who.join(' + '));

describe('ways of reporting an encounter', () => {
  it('reads met, is meeting, sat down with and held talks', () => {
    expect(whoMet('Chancellor Olaf Brandt met Prime Minister Ana Duarte on Tuesday.')).toEqual([
      'Ana Duarte + Olaf Brandt',
    ]);
    expect(whoMet('Foreign Minister Lena Varga is meeting in Geneva with Foreign Minister Tomas Roth.')).toEqual([
      'Lena Varga + Tomas Roth',
    ]);
    expect(whoMet('Senator Mary Okafor sat down with Governor Paul Lindqvist on Monday.')).toEqual([
      'Mary Okafor + Paul Lindqvist',
    ]);
    expect(whoMet('President Ana Duarte held talks with President Olaf Brandt on Wednesday.')).toEqual([
      'Ana Duarte + Olaf Brandt',
    ]);
  });

  it('reads a conversation, a joint news conference and a hosted dinner', () => {
    expect(whoMet('Secretary Kirsten Hale also had a conversation with Mayor Dan Ortiz on Thursday.')).toEqual([
      'Dan Ortiz + Kirsten Hale',
    ]);
    expect(
      whoMet(
        'On Tuesday, Minister Rui Alves said at a joint news conference with Minister Ida Berg that talks went well.',
      ),
    ).toEqual(['Ida Berg + Rui Alves']);
    expect(
      whoMet('President Mark Vella was hosting an official dinner for Chancellor Olaf Brandt on Thursday.'),
    ).toEqual(['Mark Vella + Olaf Brandt']);
  });

  it('reads "their meeting" and "they met" from the people named before', () => {
    expect(
      whoMet(
        'President Ana Duarte and Premier Li Wen signed an accord after their historic meeting in Singapore on Tuesday.',
      ),
    ).toEqual(['Ana Duarte + Li Wen']);
    expect(whoMet('Ana Duarte first spoke to Olaf Brandt about trade when they met on Monday.')).toContain(
      'Ana Duarte + Olaf Brandt',
    );
  });

  it('keeps a counterpart the article describes but does not name', () => {
    expect(
      whoMet('Secretary of State Mike Pompeo said Saturday that he had just talked to the Saudi foreign minister.'),
    ).toEqual(['Mike Pompeo + Saudi foreign minister']);
    expect(whoMet('President Francois Hollande hosted a summit with African leaders on Saturday.')).toEqual([
      'African leaders + Francois Hollande',
    ]);
  });

  it('finds two meetings in one sentence, each with its own people', () => {
    expect(
      whoMet(
        'Spokeswoman Heather Nauert said President Ana Duarte called Minister Tomas Roth on Sunday and asked him to meet face-to-face with Saudi leaders.',
      ),
    ).toEqual(['Ana Duarte + Tomas Roth', 'Saudi leaders + Tomas Roth']);
  });
});

describe('calls', () => {
  it('takes a call to a person, named or as "him", as a phone meeting', () => {
    const [call] = meetingsOf('President Ana Duarte called Chancellor Olaf Brandt on Thursday to offer condolences.');
    expect(call).toMatchObject({ who: ['Ana Duarte', 'Olaf Brandt'], format: 'PHONE', day: '2019-03-14' });
    expect(
      whoMet("Hekmati's lawyer, Mahmoud Tabatabaei, said Amir Hekmati called him earlier Thursday from prison."),
    ).toEqual(['Amir Hekmati + Mahmoud Tabatabaei']);
    expect(meetingsOf('President Ana Duarte spoke by phone with Chancellor Olaf Brandt on Wednesday.')[0]?.format).toBe(
      'PHONE',
    );
  });

  it('leaves the format of a conversation open: it may have been a call', () => {
    expect(meetingsOf('Secretary Kirsten Hale had a conversation with Mayor Dan Ortiz on Thursday.')[0]?.format).toBe(
      'UNKNOWN',
    );
  });

  it('refuses name-calling and urging', () => {
    expect(whoMet('Senator Mary Okafor called Governor Paul Lindqvist a liar on Monday.')).toEqual([]);
    expect(whoMet('Senator Mary Okafor called Governor Paul Lindqvist “dangerous” on Monday.')).toEqual([]);
    expect(whoMet('Senator Mary Okafor called on Governor Paul Lindqvist to resign on Monday.')).toEqual([]);
  });
});

describe('what is not a meeting', () => {
  it('refuses negated encounters and talks with nobody in particular', () => {
    expect(whoMet('Kim Lee said he had not met President Ana Duarte before.')).toEqual([]);
    expect(whoMet('Both sides discussed a summit with neither Ana Duarte nor Olaf Brandt attending.')).toEqual([]);
    expect(
      whoMet('Speaking to reporters on a trip to Seoul, Minister Tomas Roth praised President Ana Duarte.'),
    ).toEqual([]);
  });

  it('refuses a refused meeting, a naming, a noun and a shouted table heading', () => {
    expect(whoMet('President Ana Duarte turned down a meeting with Chancellor Olaf Brandt on Monday.')).toEqual([]);
    expect(whoMet('We sat at the camp of the cartel called Los Viagras on Monday.')).toEqual([]);
    expect(
      whoMet('Appearing on the show with hosts Mary Okafor and Paul Lindqvist, Ana Duarte spoke on Monday.'),
    ).toEqual([]);
    expect(whoMet('Candidates MET THRESHOLD: Ana Duarte, Olaf Brandt, Mary Okafor.')).toEqual([]);
  });

  it('needs a party right after "with", and takes a title before a name as the name', () => {
    expect(whoMet('The night Ana Duarte won, Olaf Brandt was having dinner with his family.')).toEqual([]);
    expect(whoMet('On Monday, President Ana Duarte met Brexit Party leader Nigel Farage.')).toEqual([
      'Ana Duarte + Nigel Farage',
    ]);
    expect(
      whoMet('On Monday, General Joseph Dunford met with his Russian counterpart, General Valery Gerasimov.'),
    ).toEqual(['Joseph Dunford + Valery Gerasimov']);
  });

  it('does not count the person reporting a meeting as being at it', () => {
    expect(
      whoMet('Spokeswoman Heather Nauert said President Ana Duarte met Chancellor Olaf Brandt on Monday.'),
    ).toEqual(['Ana Duarte + Olaf Brandt']);
  });
});

describe('state and date', () => {
  it('tells scheduled, postponed and cancelled meetings apart', () => {
    expect(meetingsOf('President Ana Duarte will meet Chancellor Olaf Brandt next week.')[0]?.status).toBe('SCHEDULED');
    expect(
      meetingsOf('A planned meeting with Chancellor Olaf Brandt was postponed by President Ana Duarte on Monday.')[0]
        ?.status,
    ).toBe('POSTPONED');
    expect(
      meetingsOf('President Ana Duarte cancelled her meeting with Chancellor Olaf Brandt on Monday.')[0]?.status,
    ).toBe('CANCELLED');
  });

  it('dates an undated meeting by the sentence before it about one of its people, as CONTEXT', () => {
    const [first, second] = meetingsOf(
      'In El Paso on Wednesday, Secretary Kirsten Hale met Chief Ron Vega. Hale also had a conversation with Mayor Dan Ortiz.',
    );
    expect(first).toMatchObject({ day: '2019-03-13', basis: 'RELATIVE' });
    expect(second).toMatchObject({ who: ['Dan Ortiz', 'Kirsten Hale'], day: '2019-03-13', basis: 'CONTEXT' });
  });

  it('gives an undated reported meeting the publication day, and a scheduled one no day', () => {
    expect(meetingsOf('President Ana Duarte met Chancellor Olaf Brandt.')[0]).toMatchObject({
      day: '2019-03-15',
      basis: 'PUBLICATION',
    });
    expect(meetingsOf('President Ana Duarte will meet Chancellor Olaf Brandt.')[0]).toMatchObject({
      day: null,
      basis: null,
    });
  });
});
