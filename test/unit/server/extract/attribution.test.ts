/**
 * Each attribution sieve on its own (extract/attribution.ts): a sentence only that sieve
 * can read, the speaker it must name, and the shapes it must refuse. Then the order:
 * statements end to end, with split quotes, continuations and pronouns.
 */
import { describe, expect, it } from 'vitest';
import {
  type AttributionInput,
  accordingTo,
  findAttribution,
  possessiveSpeech,
  statementOf,
  verbAfterQuote,
  verbBeforeQuote,
} from '../../../../server/src/extract/attribution.js';
import { ArticleContext } from '../../../../server/src/extract/context.js';
import { extractItems } from '../../../../server/src/extract/extract-items.js';
import { findQuotes } from '../../../../server/src/extract/quotes.js';
import { splitSentences } from '../../../../server/src/extract/sentences.js';
import type { StatementDraft } from '../../../../server/src/extract/types.js';
import { normalizeArticle } from '../../../../server/src/ingest/normalize-article.js';

/** The article's context and the attribution input for the quote that contains `quoted`. */
function setUp(body: string, quoted: string): { input: AttributionInput; nameOf: (key: string | undefined) => string } {
  const article = normalizeArticle({ text: body, publishedAt: new Date('2020-03-04T00:00:00Z') });
  const sentences = splitSentences(article.text, article.paragraphs);
  const context = new ArticleContext(article.text, sentences);
  const quote = findQuotes(article.text, article.paragraphs).find((q) => q.text.includes(quoted));
  if (!quote) throw new Error(`no quote with ${quoted}`);
  const at = (p: number) => sentences.findIndex((s) => p >= s.start && p < s.end);
  return {
    input: {
      context,
      text: article.text,
      sentences,
      quote,
      firstIndex: at(quote.open),
      lastIndex: at(Math.max(quote.open, quote.close - 1)),
    },
    nameOf: (key) => (key ? (context.actors.get(key)?.name ?? key) : 'nobody'),
  };
}

const INTRO =
  'Defense Secretary Jim Mattis and Senator Lindsey Graham spoke in Brussels. Pentagon spokeswoman Dana White was there too.';

describe('sieve 1: the speech verb after the quote', () => {
  it.each([
    ['“We will not give up on dialogue,” Mattis said.', 'Jim Mattis'],
    ['“We will not give up on dialogue,” said Mattis.', 'Jim Mattis'],
    ['“We will not give up on dialogue,” the defense secretary said.', 'Jim Mattis'],
    ['“We will not give up on dialogue,” Graham, who met him on Monday, told reporters.', 'Lindsey Graham'],
  ])('%s', (sentence, speaker) => {
    const { input, nameOf } = setUp(`${INTRO}\n\n${sentence}`, 'dialogue');
    const found = verbAfterQuote(input);
    expect(found?.sieve).toBe('VERB_AFTER');
    expect(nameOf(found?.speakerKey)).toBe(speaker);
  });

  it('reads an attribution that closes the sentence after a clause of the reporter’s', () => {
    const { input, nameOf } = setUp(
      `${INTRO}

“We will not give up on dialogue” when the talks stalled last year, said Graham.`,
      'dialogue',
    );
    expect(nameOf(verbAfterQuote(input)?.speakerKey)).toBe('Lindsey Graham');
  });

  it('reads past an exclamation that ended the sentence for the splitter only', () => {
    const { input, nameOf } = setUp(
      `${INTRO}

“We will not give up on dialogue!” Graham wrote on Twitter.`,
      'dialogue',
    );
    expect(nameOf(verbAfterQuote(input)?.speakerKey)).toBe('Lindsey Graham');
    // A question someone else introduced is not taken by the next sentence's speaker.
    const asked = setUp(
      `${INTRO}

A reporter asked the senator, “Will you give up on dialogue?” Graham said no.`,
      'dialogue',
    );
    expect(verbAfterQuote(asked.input)).toBeNull();
  });

  it('refuses a verb inside a subordinate clause after the quote', () => {
    const { input } = setUp(
      `${INTRO}\n\nMattis denied that he shared “intelligence sources or methods,” even though that was not what the Graham report alleged.`,
      'intelligence',
    );
    expect(verbAfterQuote(input)).toBeNull();
  });
});

describe('sieve 2: a statement issued in an organisation’s name', () => {
  it('names the organisation', () => {
    const { input, nameOf } = setUp(
      `${INTRO}\n\nA statement from the International Olympic Committee called the scheme “an unprecedented attack on the integrity of sport.”`,
      'unprecedented',
    );
    const found = statementOf(input);
    expect(found?.sieve).toBe('STATEMENT_OF');
    expect(nameOf(found?.speakerKey)).toBe('International Olympic Committee');
  });
});

describe('sieve 3: a possessor’s words', () => {
  it('gives “Graham’s question: …” to Graham', () => {
    const { input, nameOf } = setUp(
      `${INTRO}\n\nMattis smiled in response to Graham’s question: “When do we get to visit the front?”`,
      'visit the front',
    );
    expect(nameOf(possessiveSpeech(input)?.speakerKey)).toBe('Lindsey Graham');
  });

  it('passes when a plain verb of speech says whose words they are', () => {
    const { input } = setUp(
      `${INTRO}\n\nMattis said of Graham’s remark that it was “a fair point to make about the alliance.”`,
      'fair point',
    );
    expect(possessiveSpeech(input)).toBeNull();
  });
});

describe('sieve 4: according to', () => {
  it('names the person, not a news outlet', () => {
    const { input, nameOf } = setUp(
      `${INTRO}\n\nThe talks were “productive and frank on every point,” according to Graham.`,
      'productive',
    );
    expect(nameOf(accordingTo(input)?.speakerKey)).toBe('Lindsey Graham');
    const outlet = setUp(
      `${INTRO}\n\nThe talks were “productive and frank on every point,” according to the Washington Post.`,
      'productive',
    );
    expect(accordingTo(outlet.input)).toBeNull();
  });
});

describe('sieve 5: the speech verb before the quote', () => {
  it.each([
    ['Mattis said Thursday that Russia must “prove itself first and live up to its commitments.”', 'Jim Mattis'],
    // The subject is the one beside the verb, not the first person the sentence names.
    [
      'Without mentioning Graham by name, Mattis told the allies that a strong NATO would provide “significant continuity in hard times.”',
      'Jim Mattis',
    ],
    // A relative clause between the subject and the verb.
    [
      'Graham, who previously had said the allies should “pay their fair share of the costs,” left early.',
      'Lindsey Graham',
    ],
    // An appositive with a verb of its own is skipped over.
    [
      'Dana White, who serves as the Pentagon’s chief spokeswoman, also denied the story: “This story is false in every detail.”',
      'Dana White',
    ],
    // A participle takes the main clause's subject.
    ['Graham called the plan reckless, telling CNN: “It is not a burden on the taxpayer at all.”', 'Lindsey Graham'],
    // The outermost reporting clause is the source of reported speech.
    [
      'Graham tweeted that Mattis denied any knowledge of “whatever may have happened to the convoy.”',
      'Lindsey Graham',
    ],
  ])('%s', (sentence, speaker) => {
    const { input, nameOf } = setUp(`${INTRO}\n\n${sentence}`, sentence.split('“')[1]?.slice(0, 12) ?? '');
    const found = verbBeforeQuote(input);
    expect(found?.sieve).toBe('VERB_BEFORE');
    expect(nameOf(found?.speakerKey)).toBe(speaker);
  });

  it('takes nobody when no subject stands beside the verb', () => {
    const { input } = setUp(
      `${INTRO}\n\nIn Brussels, where Mattis arrived on Tuesday, many said the talks were “long overdue by any measure.”`,
      'overdue',
    );
    expect(verbBeforeQuote(input)).toBeNull();
  });
});

describe('the sieves in order', () => {
  it('prefers the verb after the quote to one before it', () => {
    const { input, nameOf } = setUp(
      `${INTRO}\n\nGraham said Mattis was blunt: “We will not give up on dialogue,” Mattis said.`,
      'dialogue',
    );
    const found = findAttribution(input);
    expect(found?.sieve).toBe('VERB_AFTER');
    expect(nameOf(found?.speakerKey)).toBe('Jim Mattis');
  });
});

function statements(body: string): Array<{ speaker: string; quote: string; draft: StatementDraft }> {
  const article = normalizeArticle({ text: body, publishedAt: new Date('2020-03-04T00:00:00Z') });
  const extraction = extractItems(article);
  const names = new Map(extraction.actors.map((a) => [a.key, a.name]));
  return extraction.items
    .filter((item): item is StatementDraft => item.kind === 'STATEMENT')
    .map((draft) => ({ speaker: names.get(draft.speakerKey) ?? draft.speakerKey, quote: draft.quote, draft }));
}

describe('references to an organisation named before', () => {
  it.each([
    [
      'Microsoft appealed. The company warned that it would be harmed “if it becomes the conduit for every request.”',
      'Microsoft',
    ],
    [
      'The Office of the Director of National Intelligence declined to comment. It stood by an assessment in which it said: “North Korea will be among the most volatile threats.”',
      'Office of the Director of National Intelligence',
    ],
    [
      'The Foreign Ministry was asked about the talks. “We will not negotiate under pressure,” the ministry said.',
      'Foreign Ministry',
    ],
  ])('%s', (body, speaker) => {
    expect(statements(body).map((s) => s.speaker)).toEqual([speaker]);
  });

  it('does not take a government body for “the company”', () => {
    const body =
      'The State Department approved the pipeline. “We believe in the value of the project,” the company said.';
    expect(statements(body)).toEqual([]);
  });
});

describe('embedded posts', () => {
  it('takes a pasted post as its author’s statement, dated by its signature', () => {
    const body =
      'Donald Trump has again criticised the players who kneel during the anthem, in a post on Saturday.\n\nTrump posted on Twitter:\n\nVery important that NFL players STAND tomorrow, and always, for the playing of our National Anthem. — Donald J. Trump (@realDonaldTrump) September 30, 2017\n\nThe players knelt anyway.';
    const found = extractItems(normalizeArticle({ text: body, publishedAt: new Date('2017-10-02T00:00:00Z') }));
    const post = found.items.find((i) => i.kind === 'STATEMENT') as StatementDraft | undefined;
    expect(post?.quote).toBe(
      'Very important that NFL players STAND tomorrow, and always, for the playing of our National Anthem.',
    );
    expect(found.actors.find((a) => a.key === post?.speakerKey)?.name).toBe('Donald Trump');
    expect(post?.date.date?.start.toISOString().slice(0, 10)).toBe('2017-09-30');
    expect(post?.date.date?.precision).toBe('DAY');
  });

  it('does not repeat a post the article also quotes in quotation marks', () => {
    const body =
      '“We are delighted to announce the deal today,” Jane Smith tweeted.\n\nWe are delighted to announce the deal today https://t.co/abc — Jane Smith (@janesmith) May 16, 2017';
    expect(statements(body)).toHaveLength(1);
  });

  it('ignores a signature with no words before it, and a dash that signs nothing', () => {
    expect(statements('— Jane Smith (@janesmith) May 16, 2017')).toEqual([]);
    expect(statements('The vote was close — Jane Smith said it was fair.')).toEqual([]);
  });
});

describe('speakers the lexicon alone does not know', () => {
  it('takes a capitalised common word that speaks and recurs for an organisation', () => {
    const body =
      'He worked for the French agency ACTED in Syria.\n\nACTED said it was “deeply stunned and horrified by the killing”.';
    expect(statements(body).map((s) => s.speaker)).toEqual(['ACTED']);
  });

  it('reads British spellings and -man compounds as people', () => {
    const neighbour = statements('“It is like looking at my own grandchildren,” said a neighbour in his 60s.');
    expect(neighbour.map((s) => s.speaker)).toEqual(['neighbour']);
    const gunman = statements('A video was released. “You will pay for this war,” the gunman said.');
    expect(gunman).toHaveLength(1);
  });

  it('takes a post’s signature for its author when no mention rule reads the name', () => {
    const body =
      'Student groups condemned the paper on Saturday.\n\nWe call on our peers to boycott the paper until it changes its policy. — Act on a Dream (@actonadream) October 19, 2019';
    expect(statements(body).map((s) => s.speaker)).toEqual(['Act on a Dream']);
  });

  it('does not continue the previous speaker into a quote attributed to someone unresolved', () => {
    const body =
      '“The policy is sound,” Kristine Guillaume wrote in the letter.\n\n“I doubt that this long-winded apology would be forthcoming,” said commenter “Nestor 33.”';
    expect(statements(body).map((s) => s.speaker)).toEqual(['Kristine Guillaume']);
  });
});

describe('spokespeople and whom they speak for', () => {
  const affiliations = (body: string) => {
    const extraction = extractItems(normalizeArticle({ text: body, publishedAt: new Date('2016-10-11T00:00:00Z') }));
    const names = new Map(extraction.actors.map((a) => [a.key, a.name]));
    return extraction.actors
      .filter((a) => a.affiliationKey)
      .map((a) => [a.name, names.get(a.affiliationKey as string)]);
  };
  const INTRO_RYAN = 'House Speaker Paul Ryan told donors on Monday that he would not campaign.\n\n';

  it.each([
    [`${INTRO_RYAN}“The speaker is focused on the majority,” Ryan spokesman Kevin Seifert said.`],
    [`${INTRO_RYAN}“The speaker is focused on the majority,” said Kevin Seifert, a spokesman for Paul Ryan.`],
    [`${INTRO_RYAN}“The speaker is focused on the majority,” said Kevin Seifert, Ryan’s spokesman, on Monday.`],
  ])('credits the spokesman and records his principal: %s', (body) => {
    expect(statements(body).map((s) => s.speaker)).toEqual(['Kevin Seifert']);
    expect(affiliations(body)).toEqual([['Kevin Seifert', 'Paul Ryan']]);
  });

  it('names an unnamed spokesperson by whom they speak for, and marks them unnamed', () => {
    const body =
      'The State Department denied the report on Monday.\n\n“We do not comment on leaks,” a spokesman for the State Department said.\n\n“We do not comment on that,” a White House spokeswoman said.';
    expect(affiliations(body)).toEqual([
      ['spokesman for State Department', 'State Department'],
      ['White House spokeswoman', 'White House'],
    ]);
    expect(statements(body).map((s) => s.speaker)).toEqual([
      'spokesman for State Department',
      'White House spokeswoman',
    ]);
  });

  it('records no principal for a plain job', () => {
    expect(affiliations(`${INTRO_RYAN}“It was a long day,” said Kevin Seifert, a reporter for the Times.`)).toEqual([]);
  });
});

describe('sieve 6: a quote after a sentence that reports the speaker', () => {
  it.each([
    [
      'Protesters filled the square.\n\nDirk Mirkow, who carried a toy gun, said he was there for many reasons. “For example because the summit ignores climate change.”',
      'Dirk Mirkow',
    ],
    [
      'Brandon Allen, 48, was buying groceries.\n\n“It’s surreal,” Allen said. “People around me I know are dying of it.”',
      'Brandon Allen',
    ],
    [
      'NPR’s Peter Kenyon says the airport has strict security protocols.\n\n“Ataturk airport has two layers of security, unlike Brussels.”',
      'Peter Kenyon',
    ],
  ])('%s', (body, speaker) => {
    expect(statements(body).map((s) => s.speaker)).toEqual([speaker]);
  });

  it('passes when the sentence before reports no one’s speech', () => {
    const body = 'Protesters filled the square on Friday.\n\n“For example because the summit ignores climate change.”';
    expect(statements(body)).toEqual([]);
  });

  it('does not continue an earlier speaker into a quote another paragraph introduces', () => {
    const body =
      '“The airport is well guarded,” Peter Kenyon said.\n\nAs the blog noted last night, there are videos of the attack online:\n\n“In an unusual occurrence, footage of the attack is being shared on Twitter.”';
    expect(statements(body).map((s) => s.quote)).toEqual(['The airport is well guarded']);
  });

  it('hears an embassy speak for its government', () => {
    const body =
      'In a statement, the Saudi Embassy said the king “affirmed that the attacker does not represent the Saudi people.”';
    expect(statements(body).map((s) => s.speaker)).toEqual(['Saudi Embassy']);
  });
});

describe('relatives, documents and set phrases', () => {
  it.each([
    [
      'Roger Stone was sentenced on Tuesday.\n\nIn November, Stone’s wife, Nydia, told the Guardian: “No one supported the campaign more strongly than Roger Stone.”',
      'Nydia Stone',
    ],
    [
      'Donald Trump spoke on Monday about his critics.\n\nAs his wife, Melania, recently put it, when you attack her husband, “he will punch back ten times harder.”',
      'Melania Trump',
    ],
    [
      'David Haines was killed in Syria.\n\nIn a statement, Mr Haines’s brother Mike remembered a man who was “most alive and enthusiastic in his humanitarian roles”.',
      'Mike Haines',
    ],
  ])('names a relative by the family name: %s', (body, speaker) => {
    expect(statements(body).map((s) => s.speaker)).toEqual([speaker]);
  });

  it('reads a participle that introduces the quote without a comma before it', () => {
    const body =
      'San Juan Mayor Carmen Yulin Cruz spoke on Friday.\n\nIn a scathing reaction, Cruz appeared on CNN declaring, “This is not a good news story.”';
    expect(statements(body).map((s) => s.speaker)).toEqual(['Carmen Yulin Cruz']);
  });

  it('does not make a speaker of “the same source”', () => {
    const body = 'A Pentagon official described the plan on Monday.\n\n“It is not ready yet,” the same source said.';
    expect(statements(body).map((s) => s.speaker)).not.toContain('same source');
  });

  it('does not continue a speaker into a document’s words (“it read”)', () => {
    const body =
      '“No one supported the campaign more strongly,” said Roger Stone on Monday.\n\n“I appeal to the president to pardon me,” it read, “because the courts are corrupt.”';
    expect(statements(body).map((s) => s.quote)).toEqual(['No one supported the campaign more strongly']);
  });
});

describe('participles and quoted modifiers', () => {
  it('gives a participle to the subject of the clause it closes', () => {
    const body =
      'Education Secretary Arne Duncan spoke on Friday.\n\nThe “white suburban moms” remark was first reported by Politico, which later reported that Duncan backpedaled, saying that he “didn’t say it perfectly at all.”';
    expect(statements(body).map((s) => s.speaker)).toEqual(['Arne Duncan']);
  });
});

describe('subjects and roles', () => {
  it('does not take the object of a preposition in an appositive for the subject', () => {
    const body =
      'William Darity Jr., a professor of public policy at Duke University, said police behavior “seems to be the primary source” of riots.';
    expect(statements(body).map((s) => s.speaker)).toEqual(['William Darity Jr.']);
  });

  it('resolves “the governor” to the person an abbreviated title named', () => {
    const body =
      'Gov. Andrew Cuomo promised more ventilators on Saturday.\n\n“That is good news for the whole state,” the governor said.';
    expect(statements(body).map((s) => s.speaker)).toEqual(['Andrew Cuomo']);
  });
});

describe('pronouns after reported speech', () => {
  it('takes the speaker, not a subject inside what he reported', () => {
    const body =
      'Matthew Corrigan, a political scientist, said Mr. Obama has the advantage while Mr. Romney has momentum. “It’s conceivable for the president to lose Florida,” he said.';
    expect(statements(body).map((s) => s.speaker)).toEqual(['Matthew Corrigan']);
  });
});

describe('pronouns after an opening participle', () => {
  it('does not take the participle’s object for the subject', () => {
    const body =
      'Prime Minister David Cameron spoke on Sunday. Describing Mr Haines as a hero, he said the killers were “not Muslims, they are monsters and criminals”.';
    expect(statements(body).map((s) => s.speaker)).toEqual(['David Cameron']);
  });
});

describe('statements end to end', () => {
  it('keeps the parts of a split quote apart, each with its own offsets', () => {
    const body = `${INTRO}\n\n“We will not give up on dialogue,” Mattis said, “but we will negotiate from strength.”`;
    const [only, ...rest] = statements(body);
    expect(rest).toEqual([]);
    expect(only?.quote).toBe('We will not give up on dialogue … but we will negotiate from strength.');
    const text = normalizeArticle({ text: body }).text;
    expect(only?.draft.quoteParts.map((p) => text.slice(p.start, p.end))).toEqual([
      'We will not give up on dialogue,',
      'but we will negotiate from strength.',
    ]);
  });

  it('does not join a quote that a new sentence attributes to someone else', () => {
    const body = `${INTRO}\n\n“The talks went well for everyone,” Mattis said as he left the building. Graham said he did not “see it that way at all.”`;
    expect(statements(body).map((s) => s.speaker)).toEqual(['Jim Mattis', 'Lindsey Graham']);
  });

  it('continues a speaker into the next paragraph that is nothing but a quote', () => {
    const body = `${INTRO}\n\n“We will not give up on dialogue,” Mattis said.\n\n“Russia must prove itself first.”`;
    const found = statements(body);
    expect(found).toHaveLength(1);
    expect(found[0]?.quote).toBe('We will not give up on dialogue … Russia must prove itself first.');
  });

  it('resolves she to the woman, not the nearest man', () => {
    const body =
      'Angela Merkel arrived in Washington on Monday. Trade minister Brigitte Zypries said Germany may sue if Donald Trump goes ahead with the tax. “It would not be the first time he lost in court,” she told a broadcaster.';
    expect(statements(body).map((s) => s.speaker)).toEqual(['Brigitte Zypries']);
  });

  it('does not take a name inside the quote for the pronoun’s antecedent', () => {
    const body =
      'Michael Bröning, a political analyst, has followed both leaders. “Merkel and Trump really are the polar opposite of each other,” he said.';
    expect(statements(body).map((s) => s.speaker)).toEqual(['Michael Bröning']);
  });

  it('names an unnamed speaker by the article’s description of them, and marks it unnamed', () => {
    const body =
      'A Nigerian soldier spoke to Sky News about the army. “They give us just two magazines to go into the bush,” the soldier said.';
    const article = normalizeArticle({ text: body, publishedAt: new Date('2020-03-04T00:00:00Z') });
    const extraction = extractItems(article);
    const speaker = extraction.actors.find((a) => a.key.startsWith('described:'));
    expect(speaker?.name).toBe('Nigerian soldier');
    expect(speaker?.description).toBe('unnamed: Nigerian soldier');
    expect(statements(body).map((s) => s.speaker)).toEqual(['Nigerian soldier']);
  });

  it('prefers the name to an appositive description, and never credits a reporter’s question', () => {
    const named = 'Kyung Bok-cho, a Bloomberg journalist, said he “would not sound out of place in Seoul at all.”';
    expect(statements(named).map((s) => s.speaker)).toEqual(['Kyung Bok-cho']);
    const question = '“What does Russia need to stop doing?” a reporter asked.';
    expect(statements(question)).toEqual([]);
  });

  it('pairs mixed quotation marks', () => {
    const body = `${INTRO}\n\n“We are grateful to the members of Congress on both sides," said Graham.`;
    expect(statements(body).map((s) => s.speaker)).toEqual(['Lindsey Graham']);
  });
});
