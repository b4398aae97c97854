/**
 * The editors' curation mutations. Each needs an EDITOR key, turns global ids into row ids
 * (BAD_USER_INPUT for ids of the wrong type), refuses text PostgreSQL cannot store, and
 * calls one service, which runs one transaction and checks everything else.
 */
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { AppError } from '../lib/errors.js';
import { addActorAlias } from '../services/add-actor-alias.js';
import { deleteSource } from '../services/delete-source.js';
import { deleteTimelineItem } from '../services/delete-timeline-item.js';
import { mergeActors } from '../services/merge-actors.js';
import { mergeTimelineItems } from '../services/merge-timeline-items.js';
import { removeActorAlias } from '../services/remove-actor-alias.js';
import { type UpdateTimelineItemOptions, updateTimelineItem } from '../services/update-timeline-item.js';
import { type GraphQLContext, requireRole } from './context.js';
import {
  AddActorAliasInput,
  DeleteSourceInput,
  DeleteTimelineItemInput,
  MergeActorsInput,
  MergeTimelineItemsInput,
  RemoveActorAliasInput,
  UpdateTimelineItemInput,
} from './curation.input.js';
import {
  AddActorAliasPayload,
  DeleteSourcePayload,
  DeleteTimelineItemPayload,
  MergeActorsPayload,
  MergeTimelineItemsPayload,
  RemoveActorAliasPayload,
  UpdateTimelineItemPayload,
} from './curation-payload.type.js';
import { itemTypeName, itemTypeNamesList, rowIdOf, toGlobalId } from './global-id.js';

const ofItem = (argument: string, id: string) => rowIdOf(argument, itemTypeNamesList, id);
const ofActor = (argument: string, id: string) => rowIdOf(argument, ['Actor'], id);

/**
 * Text for a text column. PostgreSQL cannot store NUL; left to the database, one in a title
 * fails the whole statement, and the editor gets an internal error instead of this.
 */
function storableText(argument: string, value: string): string {
  if (value.includes('\u0000')) throw new AppError('BAD_USER_INPUT', `"${argument}" must not contain NUL characters.`);
  return value;
}

@Resolver()
export class CurationResolver {
  @Mutation(() => UpdateTimelineItemPayload, { description: "Corrects a timeline item's fields. Requires EDITOR." })
  async updateTimelineItem(
    @Arg('input', () => UpdateTimelineItemInput) input: UpdateTimelineItemInput,
    @Ctx() context: GraphQLContext,
  ): Promise<UpdateTimelineItemPayload> {
    requireRole(context, 'EDITOR');
    const options: UpdateTimelineItemOptions = { id: ofItem('id', input.id) };
    // Null for a column that cannot be empty means "unchanged", as leaving it out does.
    if (input.title != null) options.title = storableText('title', input.title);
    if (input.status != null) options.status = input.status;
    if (input.reviewState != null) options.reviewState = input.reviewState;
    if (input.summary !== undefined) options.summary = input.summary && storableText('summary', input.summary);
    if (input.date !== undefined)
      options.date = input.date && { start: input.date.start, precision: input.date.precision };
    if (input.placeId !== undefined) options.placeId = input.placeId && rowIdOf('placeId', ['Place'], input.placeId);
    return { item: await updateTimelineItem(context.prisma, options) };
  }

  @Mutation(() => DeleteTimelineItemPayload, { description: 'Deletes a timeline item. Requires EDITOR.' })
  async deleteTimelineItem(
    @Arg('input', () => DeleteTimelineItemInput) input: DeleteTimelineItemInput,
    @Ctx() context: GraphQLContext,
  ): Promise<DeleteTimelineItemPayload> {
    requireRole(context, 'EDITOR');
    const deleted = await deleteTimelineItem(context.prisma, { id: ofItem('id', input.id) });
    return { deletedId: toGlobalId(itemTypeName(deleted.kind), deleted.id) };
  }

  @Mutation(() => MergeTimelineItemsPayload, {
    description: 'Folds items of one kind into the target (citations, participants, links). Requires EDITOR.',
  })
  async mergeTimelineItems(
    @Arg('input', () => MergeTimelineItemsInput) input: MergeTimelineItemsInput,
    @Ctx() context: GraphQLContext,
  ): Promise<MergeTimelineItemsPayload> {
    requireRole(context, 'EDITOR');
    const item = await mergeTimelineItems(context.prisma, {
      targetId: ofItem('targetId', input.targetId),
      sourceIds: input.sourceIds.map((id) => ofItem('sourceIds', id)),
    });
    return { item };
  }

  @Mutation(() => MergeActorsPayload, {
    description: 'Folds actors into the target (participations, statements, aliases). Requires EDITOR.',
  })
  async mergeActors(
    @Arg('input', () => MergeActorsInput) input: MergeActorsInput,
    @Ctx() context: GraphQLContext,
  ): Promise<MergeActorsPayload> {
    requireRole(context, 'EDITOR');
    const actor = await mergeActors(context.prisma, {
      targetId: ofActor('targetId', input.targetId),
      sourceIds: input.sourceIds.map((id) => ofActor('sourceIds', id)),
    });
    return { actor };
  }

  @Mutation(() => AddActorAliasPayload, { description: 'Adds a name an actor goes by. Requires EDITOR.' })
  async addActorAlias(
    @Arg('input', () => AddActorAliasInput) input: AddActorAliasInput,
    @Ctx() context: GraphQLContext,
  ): Promise<AddActorAliasPayload> {
    requireRole(context, 'EDITOR');
    return {
      actor: await addActorAlias(context.prisma, {
        actorId: ofActor('actorId', input.actorId),
        alias: storableText('alias', input.alias),
      }),
    };
  }

  @Mutation(() => RemoveActorAliasPayload, {
    description: 'Removes a name from an actor (never its last). Requires EDITOR.',
  })
  async removeActorAlias(
    @Arg('input', () => RemoveActorAliasInput) input: RemoveActorAliasInput,
    @Ctx() context: GraphQLContext,
  ): Promise<RemoveActorAliasPayload> {
    requireRole(context, 'EDITOR');
    const actorId = ofActor('actorId', input.actorId);
    return { actor: await removeActorAlias(context.prisma, { actorId, alias: storableText('alias', input.alias) }) };
  }

  @Mutation(() => DeleteSourcePayload, {
    description: 'Deletes a source with its citations, and the items only it cited. Requires EDITOR.',
  })
  async deleteSource(
    @Arg('input', () => DeleteSourceInput) input: DeleteSourceInput,
    @Ctx() context: GraphQLContext,
  ): Promise<DeleteSourcePayload> {
    requireRole(context, 'EDITOR');
    const id = rowIdOf('id', ['Source'], input.id);
    const { deletedItems } = await deleteSource(context.prisma, { id });
    return {
      deletedId: toGlobalId('Source', id),
      deletedItemIds: deletedItems.map((item) => toGlobalId(itemTypeName(item.kind), item.id)),
    };
  }
}
