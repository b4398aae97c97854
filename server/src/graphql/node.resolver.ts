import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { AppError } from '../lib/errors.js';
import type { NodeLoaders } from '../services/load-nodes.js';
import type { GraphQLContext } from './context.js';
import { itemTypeName, parseGlobalId } from './global-id.js';
import { Node } from './node.type.js';

/** The row behind a global id: null when nothing has it, BAD_USER_INPUT when it is not an id. */
async function loadNode(loaders: NodeLoaders, globalId: string): Promise<object | null> {
  const ref = parseGlobalId(globalId);
  if (!ref) throw new AppError('BAD_USER_INPUT', '"id" is not a Parley id.');
  switch (ref.type) {
    case 'Statement':
    case 'Meeting':
    case 'Event': {
      const item = await loaders.items.load(ref.id);
      // A Meeting id must not fetch a statement that happens to share its uuid.
      return item && itemTypeName(item.kind) === ref.type ? item : null;
    }
    case 'Actor':
      return loaders.actors.load(ref.id);
    case 'Place':
      return loaders.places.load(ref.id);
    case 'Source':
      return loaders.sources.load(ref.id);
    case 'Citation':
      return null; // citations are reached through their item or source, not node(id)
  }
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Fetches anything by its global id; null when nothing has it.' })
  node(@Arg('id', () => ID) id: string, @Ctx() { loaders }: GraphQLContext): Promise<object | null> {
    return loadNode(loaders, id);
  }
}
