/**
 * The inputs of the editors' curation mutations (curation.resolver.ts), together because
 * each is a few ids. Ids are global ids; the services check everything else.
 */
import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from './date-time.scalar.js';
import { DatePrecision, ItemStatus, ReviewState } from './enums.js';

@InputType('FuzzyDateInput', { description: 'A date to some precision; start is widened to its whole period.' })
export class FuzzyDateInput {
  @Field(() => DateTimeScalar, { description: 'Any instant in the period (2018-04-17 with MONTH is April 2018).' })
  start!: Date;

  @Field(() => DatePrecision)
  precision!: DatePrecision;
}

@InputType('UpdateTimelineItemInput', {
  description: 'Fields left out are unchanged; null clears summary, date and place.',
})
export class UpdateTimelineItemInput {
  @Field(() => ID, { description: 'A Statement, Meeting or Event id.' })
  id!: string;

  @Field(() => String, { nullable: true, description: '1 to 300 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 5000 characters.' })
  summary?: string | null;

  @Field(() => FuzzyDateInput, { nullable: true, description: "The editor's date; null makes the item undated." })
  date?: FuzzyDateInput | null;

  @Field(() => ItemStatus, { nullable: true })
  status?: ItemStatus | null;

  @Field(() => ID, { nullable: true, description: 'A Place id.' })
  placeId?: string | null;

  @Field(() => ReviewState, { nullable: true })
  reviewState?: ReviewState | null;
}

@InputType('DeleteTimelineItemInput')
export class DeleteTimelineItemInput {
  @Field(() => ID, { description: 'A Statement, Meeting or Event id.' })
  id!: string;
}

@InputType('MergeTimelineItemsInput', { description: 'Items of one kind to fold into the target.' })
export class MergeTimelineItemsInput {
  @Field(() => ID)
  targetId!: string;

  @Field(() => [ID], { description: 'At most 100; each must be of the target kind and not the target.' })
  sourceIds!: string[];
}

@InputType('MergeActorsInput', { description: 'Actors that are the target under other names.' })
export class MergeActorsInput {
  @Field(() => ID)
  targetId!: string;

  @Field(() => [ID], { description: 'At most 100 Actor ids; they are deleted.' })
  sourceIds!: string[];
}

@InputType('AddActorAliasInput')
export class AddActorAliasInput {
  @Field(() => ID)
  actorId!: string;

  @Field(() => String, { description: 'A name the actor goes by (at most 500 characters).' })
  alias!: string;
}

@InputType('RemoveActorAliasInput')
export class RemoveActorAliasInput {
  @Field(() => ID)
  actorId!: string;

  @Field(() => String, { description: 'Matched by its normalized form (case, accents and titles aside).' })
  alias!: string;
}

@InputType('DeleteSourceInput')
export class DeleteSourceInput {
  @Field(() => ID, { description: 'A Source id.' })
  id!: string;
}
