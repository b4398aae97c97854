import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { countTimelineBuckets, type TimelineBucketRow } from '../services/count-timeline-buckets.js';
import { findTimelineItems } from '../services/find-timeline-items.js';
import type { TimelineItemRow } from '../services/timeline-filter.js';
import { type ConnectionValue, TimelineItemConnection, toConnection } from './connection.type.js';
import type { GraphQLContext } from './context.js';
import { TimelineArgs, TimelineBucketsArgs } from './timeline.args.js';
import { TimelineBucket } from './timeline-bucket.type.js';
import { toTimelineFilterOptions } from './timeline-filter.input.js';

@Resolver()
export class TimelineResolver {
  @Query(() => TimelineItemConnection, {
    description: 'Items in date order (start ascending, then id; undated items, when included, last).',
  })
  async timeline(
    @Args(() => TimelineArgs) { filter, first, after }: TimelineArgs,
    @Ctx() { prisma }: GraphQLContext,
  ): Promise<ConnectionValue<TimelineItemRow>> {
    return toConnection(await findTimelineItems(prisma, { filter: toTimelineFilterOptions(filter), first, after }));
  }

  @Query(() => [TimelineBucket], {
    description:
      'How many items start in each period, for overviews; empty periods are left out. At most 5000 buckets.',
  })
  timelineBuckets(
    @Args(() => TimelineBucketsArgs) { filter, unit }: TimelineBucketsArgs,
    @Ctx() { prisma }: GraphQLContext,
  ): Promise<TimelineBucketRow[]> {
    return countTimelineBuckets(prisma, { filter: toTimelineFilterOptions(filter), unit });
  }
}
