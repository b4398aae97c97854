import { Field, ID, InputType, Int } from 'type-graphql';
import type { TimelineFilterOptions } from '../services/timeline-filter.js';
import { DateTimeScalar } from './date-time.scalar.js';
import { ItemKind, ItemStatus } from './enums.js';
import { rowIdsOf } from './global-id.js';

@InputType('TimelineFilter', {
  description: 'Narrows the timeline; every field given must hold. An empty list matches nothing.',
})
export class TimelineFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Items whose date interval overlaps [from, to).' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  to?: Date | null;

  @Field(() => [ItemKind], { nullable: true })
  kinds?: ItemKind[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Items any of these actors speaks in, takes part in or is named in.',
  })
  actorIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  placeIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Items cited by any of these sources.' })
  sourceIds?: string[] | null;

  @Field(() => [ItemStatus], { nullable: true })
  status?: ItemStatus[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Web-search syntax over titles, quotes and summaries ("nato dialogue", "-russia", "\\"exact words\\""), or part of a participant\'s name. At most 500 characters.',
  })
  text?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only items cited by at least this many distinct sources.' })
  minSources?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Include items no source dates, after all dated ones (default false).',
  })
  includeUndated?: boolean | null;
}

/** The filter for the services: global ids decoded (BAD_USER_INPUT when not of the right type). */
export function toTimelineFilterOptions(filter: TimelineFilter | null | undefined): TimelineFilterOptions | undefined {
  if (!filter) return undefined;
  return {
    from: filter.from,
    to: filter.to,
    kinds: filter.kinds,
    actorIds: rowIdsOf('filter.actorIds', 'Actor', filter.actorIds),
    placeIds: rowIdsOf('filter.placeIds', 'Place', filter.placeIds),
    sourceIds: rowIdsOf('filter.sourceIds', 'Source', filter.sourceIds),
    status: filter.status,
    text: filter.text,
    minSources: filter.minSources,
    includeUndated: filter.includeUndated,
  };
}
