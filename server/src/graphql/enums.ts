/**
 * The API's enums. Their values are the database's, spelled out here so the public
 * contract does not move when the Prisma schema does; BucketUnit is the API's own.
 */
import { registerEnumType } from 'type-graphql';

export const ItemKind = { EVENT: 'EVENT', MEETING: 'MEETING', STATEMENT: 'STATEMENT' } as const;
export type ItemKind = (typeof ItemKind)[keyof typeof ItemKind];

export const ItemStatus = {
  OCCURRED: 'OCCURRED',
  SCHEDULED: 'SCHEDULED',
  POSTPONED: 'POSTPONED',
  CANCELLED: 'CANCELLED',
} as const;
export type ItemStatus = (typeof ItemStatus)[keyof typeof ItemStatus];

export const DatePrecision = { DAY: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH', YEAR: 'YEAR' } as const;
export type DatePrecision = (typeof DatePrecision)[keyof typeof DatePrecision];

export const DateBasis = {
  CALLER: 'CALLER',
  EXPLICIT: 'EXPLICIT',
  URL: 'URL',
  RELATIVE: 'RELATIVE',
  CONTEXT: 'CONTEXT',
  PUBLICATION: 'PUBLICATION',
  CAPTION: 'CAPTION',
  CORROBORATION: 'CORROBORATION',
} as const;
export type DateBasis = (typeof DateBasis)[keyof typeof DateBasis];

export const ActorKind = { PERSON: 'PERSON', ORGANIZATION: 'ORGANIZATION', COUNTRY: 'COUNTRY' } as const;
export type ActorKind = (typeof ActorKind)[keyof typeof ActorKind];

export const ParticipantRole = { SPEAKER: 'SPEAKER', PARTICIPANT: 'PARTICIPANT', MENTIONED: 'MENTIONED' } as const;
export type ParticipantRole = (typeof ParticipantRole)[keyof typeof ParticipantRole];

export const BucketUnit = { DAY: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH', YEAR: 'YEAR' } as const;
export type BucketUnit = (typeof BucketUnit)[keyof typeof BucketUnit];

export const ArticleFormat = { TEXT: 'TEXT', MARKDOWN: 'MARKDOWN', HTML: 'HTML' } as const;
export type ArticleFormat = (typeof ArticleFormat)[keyof typeof ArticleFormat];

registerEnumType(ItemKind, { name: 'ItemKind', description: 'What a timeline item is.' });

registerEnumType(ItemStatus, {
  name: 'ItemStatus',
  description: 'Whether an item happened, was announced, or was put off or called off.',
  valuesConfig: {
    OCCURRED: { description: 'It happened, or was reported as having happened.' },
    SCHEDULED: { description: 'Announced, at the time of the report, for a later date.' },
    POSTPONED: { description: 'Was scheduled, then put off to a later date (known or not).' },
    CANCELLED: { description: 'Was scheduled, then called off: it did not take place.' },
  },
});

registerEnumType(DatePrecision, { name: 'DatePrecision', description: 'How precisely a fuzzy date is known.' });

registerEnumType(DateBasis, {
  name: 'DateBasis',
  description: "What an item's date was determined from, strongest evidence first.",
  valuesConfig: {
    CALLER: { description: 'Given by whoever ingested or edited it.' },
    EXPLICIT: { description: 'A full date written in the text ("June 7, 2018", a dateline).' },
    URL: { description: "A date in the article's own URL." },
    RELATIVE: {
      description: 'A relative expression ("on Thursday", "last month") resolved against the publication date.',
    },
    CONTEXT: {
      description: 'No date expression of its own: the date of the happening the surrounding sentences narrate.',
    },
    PUBLICATION: {
      description:
        'No date expression of its own: the publication date of the source, which says when the item was reported, not when it happened (display reads "reported on ...").',
    },
    CAPTION: { description: 'A date in a photo caption (weak evidence: the photo may predate the article).' },
    CORROBORATION: { description: 'Taken from another source reporting the same item or a copy of the same article.' },
  },
});

registerEnumType(ActorKind, { name: 'ActorKind', description: 'What kind of party an actor is.' });

registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: 'How an actor takes part in an item.',
  valuesConfig: {
    SPEAKER: { description: 'Said the words of a statement.' },
    PARTICIPANT: { description: 'Took part in a meeting or event.' },
    MENTIONED: { description: 'Named in the item without taking part.' },
  },
});

registerEnumType(BucketUnit, { name: 'BucketUnit', description: 'The period timeline buckets count over (UTC).' });

registerEnumType(ArticleFormat, { name: 'ArticleFormat', description: 'How an article to ingest is written.' });

export const ReviewState = {
  UNREVIEWED: 'UNREVIEWED',
  CONFIRMED: 'CONFIRMED',
  DISPUTED: 'DISPUTED',
  REJECTED: 'REJECTED',
} as const;
export type ReviewState = (typeof ReviewState)[keyof typeof ReviewState];

registerEnumType(ReviewState, {
  name: 'ReviewState',
  description: "An editor's verdict on a timeline item.",
  valuesConfig: {
    UNREVIEWED: { description: 'No editor has looked at it yet.' },
    CONFIRMED: { description: 'An editor checked it against its sources.' },
    DISPUTED: { description: 'An editor doubts it; it stays on the timeline.' },
    REJECTED: { description: 'An editor judged it wrong (a misreading of its sources).' },
  },
});
