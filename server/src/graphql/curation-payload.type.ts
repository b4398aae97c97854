/** What the editors' curation mutations return (curation.resolver.ts). Rows as in ingest-result.type.ts. */
import { Field, ID, ObjectType } from 'type-graphql';
import type { ActorRow } from '../services/find-actors.js';
import type { TimelineItemRow } from '../services/timeline-filter.js';
import { Actor } from './actor.type.js';
import { TimelineItem } from './timeline-item.type.js';

@ObjectType('UpdateTimelineItemPayload')
export class UpdateTimelineItemPayload {
  @Field(() => TimelineItem)
  item!: TimelineItemRow;
}

@ObjectType('DeleteTimelineItemPayload')
export class DeleteTimelineItemPayload {
  @Field(() => ID)
  deletedId!: string;
}

@ObjectType('MergeTimelineItemsPayload')
export class MergeTimelineItemsPayload {
  @Field(() => TimelineItem, { description: 'The target, recomputed from all its citations.' })
  item!: TimelineItemRow;
}

@ObjectType('MergeActorsPayload')
export class MergeActorsPayload {
  @Field(() => Actor)
  actor!: ActorRow;
}

@ObjectType('AddActorAliasPayload')
export class AddActorAliasPayload {
  @Field(() => Actor)
  actor!: ActorRow;
}

@ObjectType('RemoveActorAliasPayload')
export class RemoveActorAliasPayload {
  @Field(() => Actor)
  actor!: ActorRow;
}

@ObjectType('DeleteSourcePayload')
export class DeleteSourcePayload {
  @Field(() => ID)
  deletedId!: string;

  @Field(() => [ID], { description: 'Items no other source cited, deleted with it.' })
  deletedItemIds!: string[];
}
