/**
 * Event rules one at a time (extract/events.ts, extract/event-types.ts): which verb
 * groups can head an event, whom the subject rules pick, which verb a date belongs to,
 * how titles end, and the sentences that must yield nothing.
 */
import { describe, expect, it } from 'vitest';
import { eventTypeOf } from '../../../../server/src/extract/event-types.js';
import { findPredicates } from '../../../../server/src/extract/events.js';
import { extractItems } from '../../../../server/src/extract/extract-items.js';
import { tagText } from '../../../../server/src/extract/language.js';
import type { EventDraft } from '../../../../server/src/extract/types.js';
import { normalizeArticle } from '../../../../server/src/ingest/normalize-article.js';

const published = new Date('2016-01-18T00:00:00Z'); // a Monday

function eventsOf(body: string): EventDraft[] {
  const article = normalizeArticle({ text: body, publishedAt: published });
  return extractItems(article).items.filter((i): i is EventDraft => i.kind === 'EVENT');
}

function predicatesOf(sentence: string): string[] {
  const [tagged] = tagText(sentence);
  if (!tagged) return [];
  return findPredicates(tagged.tokens).map((p) => {
    const verb = tagged.tokens[p.index]?.text ?? '?';
    return `${verb}${p.status === 'SCHEDULED' ? ':scheduled' : ''}${p.passive ? ':passive' : ''}`;
  });
}

describe('verb groups that can head an event', () => {
  it('takes past actions, perfect and passive groups, and scheduled ones', () => {
    expect(predicatesOf('Iran on Saturday released four prisoners.')).toEqual(['released']);
    expect(predicatesOf('Tehran has released four prisoners.')).toEqual(['released']);
    expect(predicatesOf('Hekmati was detained in August 2011.')).toEqual(['detained:passive']);
    expect(predicatesOf('Obama is scheduled to tour the Acropolis on Wednesday.')).toEqual(['tour:scheduled']);
    expect(predicatesOf('The minister will visit Paris on Friday.')).toEqual(['visit:scheduled']);
  });

  it('refuses speech, being and wanting, modals, negation and participles before nouns', () => {
    expect(predicatesOf('The senator said on Tuesday that he was tired.')).toEqual([]);
    expect(predicatesOf('She wanted a recount on Monday.')).toEqual([]);
    expect(predicatesOf('Iran could release the prisoners on Saturday.')).toEqual([]);
    expect(predicatesOf('Iran did not release the prisoners on Saturday.')).toEqual([]);
    expect(predicatesOf('The leaked memo surfaced.')).toEqual(['surfaced']);
    expect(predicatesOf('Iran releases prisoners every year.')).toEqual([]);
  });
});

describe('event types', () => {
  it('comes from the verb, or from the object of a light verb', () => {
    expect(eventTypeOf('sign', [])).toBe('SIGNING');
    expect(eventTypeOf('detain', [])).toBe('ARREST');
    expect(eventTypeOf('hold', ['vote'])).toBe('VOTE');
    expect(eventTypeOf('reach', ['agreement'])).toBe('DEAL');
    expect(eventTypeOf('travel', ['capital'])).toBe('OTHER');
  });
});

describe('events from articles', () => {
  it('names the subject, dates the event by its own cue and generates a whole title', () => {
    const [event, ...rest] = eventsOf('In March 2018, Vladimir Putin signed a decree on the border.');
    expect(rest).toEqual([]);
    expect(event?.title).toBe('Vladimir Putin signed a decree on the border');
    expect(event?.date.date?.precision).toBe('MONTH');
    expect(event?.date.basis).toBe('EXPLICIT');
    expect(event?.eventType).toBe('SIGNING');
  });

  it('resolves "on Saturday" against the article for a past action', () => {
    const [event] = eventsOf('Iran on Saturday freed the journalist Jason Rezaian.');
    expect(event?.date.date?.start.toISOString().slice(0, 10)).toBe('2016-01-16');
    expect(event?.date.basis).toBe('RELATIVE');
  });

  it('keeps a passive subject as the one it was done to, with no doer unless "by" names one', () => {
    const [event] = eventsOf('Amir Hekmati, of Flint, Michigan, was detained in August 2011 on espionage charges.');
    expect(event?.actorKeys).toEqual([]);
    expect(event?.patientKeys).toHaveLength(1);
    expect(event?.title).toMatch(/^Amir Hekmati was detained/);
  });

  it('gives the date to the verb it belongs to, not to a saying next to it', () => {
    // "Monday" dates the saying; the spending has no date of its own.
    expect(eventsOf('Donald Trump said Monday he had spent 20 minutes on the phone.')).toEqual([]);
  });

  it('needs a date cue: an undated action is background', () => {
    expect(eventsOf('Robert Levinson disappeared in Iran while working for the CIA.')).toEqual([]);
    const [dated] = eventsOf('Robert Levinson disappeared in Iran in 2007 while working for the CIA.');
    expect(dated?.title).toBe('Robert Levinson disappeared in Iran');
    expect(dated?.date.date?.precision).toBe('YEAR');
  });

  it('dates "the next day" from the day the sentence before narrates', () => {
    const events = eventsOf(
      'Iran detained Jason Rezaian on Monday, January 4. The next day, Iran freed Jason Rezaian.',
    );
    expect(events.map((e) => e.date.date?.start.toISOString().slice(0, 10))).toEqual(['2016-01-04', '2016-01-05']);
    expect(events[1]?.date.basis).toBe('RELATIVE');
  });

  it('never takes an event from quoted speech', () => {
    expect(eventsOf('“Iran released four prisoners on Saturday,” the minister said.')).toEqual([]);
  });

  it('coordinated subjects and "who" after a name', () => {
    const [event] = eventsOf(
      'The decision was criticized by Sen. John McCain of Arizona and Sen. Lindsey Graham of South Carolina, who traveled to Egypt in August 2013.',
    );
    expect(event?.actorKeys).toHaveLength(2);
    expect(event?.title).toBe('John McCain and Lindsey Graham traveled to Egypt');
  });

  it('takes a subject the article describes but does not name, with no actor', () => {
    const [event] = eventsOf('On Saturday, federal prosecutors arrested two men at the border.');
    expect(event?.actorKeys).toEqual([]);
    expect(event?.title).toBe('Federal prosecutors arrested two men at the border');
    expect(event?.eventType).toBe('ARREST');
    const [killed] = eventsOf('The virus killed at least 15 more people in the city on Saturday.');
    expect(killed?.title).toBe('The virus killed at least 15 more people in the city');
  });

  it('refuses a described subject inside a clause, a bare pronoun, or an untyped action with a vague date', () => {
    expect(eventsOf('He said that federal prosecutors arrested two men on Saturday.')).toEqual([]);
    expect(eventsOf('They arrested two men on Saturday.')).toEqual([]);
    expect(eventsOf('On Saturday, the crowd stretched in all directions.')).toEqual([]);
  });
});

describe('events named by a noun', () => {
  it('takes a happening noun whose own phrase carries the date', () => {
    const [annexation] = eventsOf('Ties froze after the 2014 annexation of the Crimean peninsula from Ukraine.');
    expect(annexation?.title).toBe('Annexation of the Crimean peninsula from Ukraine');
    expect(annexation?.date.date?.precision).toBe('YEAR');
    const [crackdown] = eventsOf("Officials spoke about Saturday's military crackdown against protests in Cairo.");
    expect(crackdown?.title).toBe('Military crackdown against protests in Cairo');
    expect(crackdown?.date.date?.start.toISOString().slice(0, 10)).toBe('2016-01-16');
    expect(crackdown?.status).toBe('OCCURRED');
  });

  it('names the doer from a possessive and the others from the object', () => {
    const [event] = eventsOf("Officials recalled Iran's 2011 arrest of Amir Hekmati in Tehran.");
    expect(event?.eventType).toBe('ARREST');
    expect(event?.actorKeys).toHaveLength(1);
    expect(event?.patientKeys).toHaveLength(1);
  });

  it('refuses a bare or ambiguous noun, a noun without its own date, and first-person words', () => {
    expect(eventsOf('Much changed after the 2016 election.')).toEqual([]);
    expect(eventsOf('Ties froze after the annexation of Crimea, officials said in 2014.')).toEqual([]);
    expect(eventsOf("Officials read Saturday's statement on the border.")).toEqual([]);
    expect(eventsOf("She recalled Saturday's vote on my nomination.")).toEqual([]);
  });
});
