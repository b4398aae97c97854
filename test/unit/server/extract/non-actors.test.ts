/**
 * Phrases from real articles that are not actors, each in the sentence it came from
 * (from actors audits over the 5,000-article corpus and the examples), and the
 * real actors beside them that must survive. One row per rule in mentions.ts / context.ts.
 */
import { describe, expect, it } from 'vitest';
import { ArticleContext, oneEditApart } from '../../../../server/src/extract/context.js';
import { findMentions } from '../../../../server/src/extract/mentions.js';
import { splitSentences } from '../../../../server/src/extract/sentences.js';

function actorsIn(text: string): Array<{ name: string; kind: string }> {
  const sentences = splitSentences(text, [{ kind: 'BODY', start: 0, end: text.length }]);
  const context = new ArticleContext(text, sentences);
  const keys = new Set(context.mentions.flat().flatMap((m) => (m.actorKey ? [m.actorKey] : [])));
  return [...keys].map((key) => {
    const record = context.actors.get(key);
    return { name: record?.name ?? key, kind: record?.kind ?? '?' };
  });
}

function kindOf(sentence: string, phrase: string): string | undefined {
  const mentions = findMentions(sentence, 0);
  return mentions.find((m) => m.text.includes(phrase) || m.name === phrase)?.kind;
}

describe('not actors', () => {
  it.each([
    // a place, a party label, a job description
    ['He spoke in the Rose Garden on Monday.', 'Rose Garden'],
    ['The New York Democrat voted against the bill.', 'New York Democrat'],
    ['The South Carolina Republican did not answer.', 'South Carolina Republican'],
    // laws and instruments
    ['Congress passed the Public Health Service Act in 1944.', 'Public Health Service Act'],
    // headline and label words
    ['The Policy Statement was published last year.', 'Policy Statement'],
    ['Democrats blamed the Schumer Shutdown on the president.', 'Schumer Shutdown'],
    ['He was reading Reactionary Mind on the plane.', 'Reactionary Mind'],
    // modifiers
    ['An FBI-led task force made the arrests.', 'FBI-led'],
    // a phrase that runs on through "of"
    ['She wrote a Study of Islam for the institute.', 'Study of Islam'],
    // acronyms that are not organisations unless the article says so
    ['More students are choosing STEM subjects this year.', 'STEM'],
    ['The patient was moved to the ICU overnight.', 'ICU'],
    // nationalities together, and "the same source"
    ['The German Syrian was arrested in Berlin.', 'German Syrian'],
    // the field of an office, and a body's programme
    ['The Director of Research, Jane Smith, said the study was sound.', 'Research'],
    ['CNN Tonight host Don Lemon asked about it.', 'CNN Tonight'],
    // a given name alone that "speaks", with no one of that surname in the article
    ['“He was not ready for the debate,” Marco said.', 'Marco'],
  ])('%s -> "%s" is no actor', (sentence, phrase) => {
    const names = actorsIn(sentence).map((a) => a.name);
    expect(names.some((n) => n.includes(phrase) || phrase.includes(n))).toBe(false);
  });

  it('does not make a person of an ordinary word that "speaks" ("Business said")', () => {
    expect(actorsIn('“Sales are down again this quarter,” Business said in its report.')).toEqual([]);
    // unless the article only ever writes it as a name
    const named = 'The plan came from Trump on Sunday. Critics said Trump had gone too far. “It is fair,” Trump said.';
    expect(actorsIn(named)).toEqual([{ name: 'Trump', kind: 'PERSON' }]);
    expect(actorsIn('A business can trump a rival. Critics doubted Trump and Trump again. “No,” Trump said.')).toEqual(
      [],
    );
  });
});

describe('actors that must survive beside them', () => {
  it.each([
    ['The Food and Drug Administration approved the drug on Monday.', 'Food and Drug Administration', 'ORGANIZATION'],
    [
      'The House Oversight and Reform Committee met on Tuesday.',
      'House Oversight and Reform Committee',
      'ORGANIZATION',
    ],
    ['The International Olympic Committee barred Russia.', 'International Olympic Committee', 'ORGANIZATION'],
    ['Billionaire Tom Steyer paid for the advertisements.', 'Tom Steyer', 'PERSON'],
    ['Governor Gary Herbert Saturday signed the bill.', 'Gary Herbert', 'PERSON'],
    ['Robert Kelly of Pusan National University said it was a start.', 'Robert Kelly', 'PERSON'],
    ['Democratic Sen. Chuck Schumer spoke first.', 'Chuck Schumer', 'PERSON'],
    ['Appropriations Committee Chairwoman Nita Lowey spoke first.', 'Nita Lowey', 'PERSON'],
    ['Moon Jae-in met Kim Jong-un at the border.', 'Moon Jae-in', 'PERSON'],
    ['The White House said the talks would go on.', 'White House', 'ORGANIZATION'],
    ['The Justice Department said it would appeal.', 'Justice Department', 'ORGANIZATION'],
    ['Justice Barry Ostrager of the New York State Supreme Court said the case failed.', 'Barry Ostrager', 'PERSON'],
    [
      'The Office of Information and Regulatory Affairs reviewed the rule.',
      'Office of Information and Regulatory Affairs',
      'ORGANIZATION',
    ],
    // "for", "on" and "&" inside a body's name; a person's name after its officer's title.
    [
      'The Robert F. Kennedy Center for Justice & Human Rights praised him.',
      'Robert F. Kennedy Center for Justice & Human Rights',
      'ORGANIZATION',
    ],
    ['The Council on Foreign Relations published the study.', 'Council on Foreign Relations', 'ORGANIZATION'],
    ['He studied at the University of Notre Dame last year.', 'University of Notre Dame', 'ORGANIZATION'],
    ['The St. Louis Post-Dispatch reported the figures.', 'St. Louis Post-Dispatch', 'ORGANIZATION'],
    ['The Minneapolis Star-Tribune reported the figures.', 'Minneapolis Star-Tribune', 'ORGANIZATION'],
    [
      'It is amnesty, Center for Immigration Studies Policy Director Jessica Vaughan says.',
      'Jessica Vaughan',
      'PERSON',
    ],
    // a body, its officer's title, the officer: the officer is the mention
    ['University of Oklahoma President David Boren said it would.', 'David Boren', 'PERSON'],
    ['Food and Drug Administration Commissioner Scott Gottlieb said it would.', 'Scott Gottlieb', 'PERSON'],
    // a title after "of" is the body's remit; a plural head runs on through "for"
    ['The Office of Special Counsel opened a case.', 'Office of Special Counsel', 'ORGANIZATION'],
    [
      'The Centers for Medicare and Medicaid Services approved it.',
      'Centers for Medicare and Medicaid Services',
      'ORGANIZATION',
    ],
    // an acronym stands on its own before "and"
    ['RT and Sputnik News reported the claim.', 'Sputnik News', 'ORGANIZATION'],
    // After a middle initial comes the surname, even when it is also a word or a given name.
    ['Donald J. Trump spoke at the rally.', 'Donald J. Trump', 'PERSON'],
    ['George W. Bush spoke at the rally.', 'George W. Bush', 'PERSON'],
    ['John F. Kelly spoke at the rally.', 'John F. Kelly', 'PERSON'],
    // A full name the lexicon does not know, in the speaker's place.
    ['“It was unfair,” said Raj Shah, principal deputy press secretary.', 'Raj Shah', 'PERSON'],
  ])('%s -> %s (%s)', (sentence, name, kind) => {
    expect(actorsIn(sentence)).toContainEqual({ name, kind });
  });

  it('counts an acronym the article spells out or keeps using as an organisation', () => {
    const spelled = 'The Kurdistan Workers’ Party (PKK) denied it. The PKK has fought since 1984.';
    expect(actorsIn(spelled).map((a) => a.name)).toContain('PKK');
    const recurring = 'The IOC met on Monday. The IOC said it would decide. Critics of the IOC were not convinced.';
    expect(actorsIn(recurring)).toContainEqual({ name: 'IOC', kind: 'ORGANIZATION' });
  });

  it('reads a speaking surname that is also a place as the person the article named', () => {
    const text = 'Policy director Jessica Vaughan spoke on the radio. “It is an amnesty,” Vaughan said.';
    expect(actorsIn(text)).toEqual([{ name: 'Jessica Vaughan', kind: 'PERSON' }]);
    // With no such person, the place stays out of the actors.
    expect(actorsIn('“It is an amnesty,” Vaughan said.')).toEqual([]);
  });

  it('reads a surname misspelt by one letter as the person named in full', () => {
    const text = 'Justice Barry Ostrager ruled on Tuesday. Ostranger wrote that the case failed.';
    expect(actorsIn(text)).toEqual([{ name: 'Barry Ostrager', kind: 'PERSON' }]);
    // Short surnames one letter apart are different people.
    expect(actorsIn('Ben Nelson spoke. Ann Wilson spoke. Bob Nelsen said no.').map((a) => a.name)).toContain(
      'Bob Nelsen',
    );
    expect(oneEditApart('ostrager', 'ostranger')).toBe(true);
    expect(oneEditApart('ostrager', 'ostrager')).toBe(false);
    expect(oneEditApart('nelson', 'wilson')).toBe(false);
  });

  it('takes initials for the first words of an organisation named before as that organisation', () => {
    const text = 'The Robert F. Kennedy Center for Justice & Human Rights praised him. The RFK Center said he had led.';
    expect(actorsIn(text)).toEqual([
      { name: 'Robert F. Kennedy Center for Justice & Human Rights', kind: 'ORGANIZATION' },
    ]);
  });

  it('takes one organisation written with and without a space as one', () => {
    const text = 'Exxon Mobil won the case. ExxonMobil said the ruling was fair.';
    expect(actorsIn(text)).toEqual([{ name: 'Exxon Mobil', kind: 'ORGANIZATION' }]);
  });

  it('reads a surname before a link that repeats the full name as the surname alone', () => {
    const text =
      'President Trump Donald John TrumpTrump faces high stakes in meeting MORE and French President Emmanuel Macron Emmanuel Jean-Michel MacronNATO is not brain dead held lunch.';
    expect(findMentions(text, 0).map((m) => m.name)).toEqual(['Trump', 'Emmanuel Macron']);
  });

  it('keeps what the page glued to a name out of it', () => {
    expect(kindOf('Cory Booker Cory Booker spoke.', 'Cory Booker')).toBe('PERSON');
    expect(findMentions('Cory Booker Cory Booker spoke.', 0)[0]?.name).toBe('Cory Booker');
    expect(findMentions('Reporters asked Fox News Monday about it.', 0).map((m) => m.name)).toContain('Fox News');
  });
});
