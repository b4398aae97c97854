import { ArgsType, Field, Int } from 'type-graphql';
import { BucketUnit } from './enums.js';
import { TimelineFilter } from './timeline-filter.input.js';

@ArgsType()
export class TimelineArgs {
  @Field(() => TimelineFilter, { nullable: true })
  filter?: TimelineFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0 to 200 (default 50).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

@ArgsType()
export class TimelineBucketsArgs {
  @Field(() => TimelineFilter, { nullable: true })
  filter?: TimelineFilter | null;

  @Field(() => BucketUnit)
  unit!: BucketUnit;
}
