/**
 * The API's enums. Their values are the database's, spelled out here so the public
 * contract does not move when the Prisma schema does; BucketUnit is the API's own.
 */
import { registerEnumType } from 'type-graphql';

export const ItemKind = { EVENT: 'EVENT', MEETING: 'MEETING', STATEMENT: 'STATEMENT' } as const;
export type ItemKind = (typeof ItemKind)[keyof typeof ItemKind];

export const ItemStatus = { OCCURRED: 'OCCURRED', SCHEDULED: 'SCHEDULED' } as const;
export type ItemStatus = (typeof ItemStatus)[keyof typeof ItemStatus];

export const DatePrecision = { DAY: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH', YEAR: 'YEAR' } as const;
export type DatePrecision = (typeof DatePrecision)[keyof typeof DatePrecision];

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
  description: 'Whether an item happened or was announced.',
  valuesConfig: {
    OCCURRED: { description: 'It happened, or was reported as having happened.' },
    SCHEDULED: { description: 'Announced, at the time of the report, for a later date.' },
  },
});

registerEnumType(DatePrecision, { name: 'DatePrecision', description: 'How precisely a fuzzy date is known.' });

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
