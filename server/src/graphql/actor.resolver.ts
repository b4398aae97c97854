import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { type ActorRow, findActors } from '../services/find-actors.js';
import type { TimelineItemRow } from '../services/timeline-filter.js';
import { Actor } from './actor.type.js';
import { ActorsArgs } from './actors.args.js';
import { ActorConnection, type ConnectionValue, TimelineItemConnection, toConnection } from './connection.type.js';
import type { GraphQLContext } from './context.js';
import { toGlobalId } from './global-id.js';
import { TimelineArgs } from './timeline.args.js';
import { toTimelineFilterOptions } from './timeline-filter.input.js';

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => ActorConnection, { description: 'Actors in name order, optionally by kind and part of a name.' })
  async actors(
    @Args(() => ActorsArgs) { search, kind, first, after }: ActorsArgs,
    @Ctx() { prisma }: GraphQLContext,
  ): Promise<ConnectionValue<ActorRow>> {
    return toConnection(await findActors(prisma, { search, kind, first, after }));
  }

  @FieldResolver(() => ID)
  id(@Root() actor: ActorRow): string {
    return toGlobalId('Actor', actor.id);
  }

  @FieldResolver(() => Actor, { nullable: true })
  async affiliation(@Root() actor: ActorRow, @Ctx() { loaders }: GraphQLContext): Promise<ActorRow | null> {
    // Through the node loader: a page of spokespeople asks for their principals at once.
    return actor.affiliationId ? loaders.actors.load(actor.affiliationId) : null;
  }

  @FieldResolver(() => [String])
  async aliases(@Root() actor: ActorRow, @Ctx() { loaders }: GraphQLContext): Promise<string[]> {
    return (await loaders.aliasesByActor.load(actor.id)).filter((alias) => alias !== actor.name);
  }

  @FieldResolver(() => TimelineItemConnection, {
    description: 'Items this actor speaks in, takes part in or is named in, in timeline order.',
  })
  async items(
    @Root() actor: ActorRow,
    @Args(() => TimelineArgs) { filter, first, after }: TimelineArgs,
    @Ctx() { loaders }: GraphQLContext,
  ): Promise<ConnectionValue<TimelineItemRow>> {
    // Through a loader: a list of actors asks for all their pages in one query.
    return toConnection(
      await loaders.actorItems.load({ actorId: actor.id, filter: toTimelineFilterOptions(filter), first, after }),
    );
  }
}
