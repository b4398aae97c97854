import { Field, ID, InterfaceType } from 'type-graphql';
import type { ItemKind } from './enums.js';
import { itemTypeName, type NodeTypeName } from './global-id.js';

/**
 * Which type a node row is. Resolvers hand GraphQL the services' rows as they are; each
 * kind of row has a column no other has (items: sourceCount, sources: ingestedAt, places:
 * latitude), and actors are what is left.
 */
export function nodeTypeOf(row: object): NodeTypeName {
  if ('sourceCount' in row && 'kind' in row) return itemTypeName(row.kind as ItemKind);
  if ('ingestedAt' in row) return 'Source';
  if ('latitude' in row) return 'Place';
  return 'Actor';
}

@InterfaceType('Node', {
  description: 'Anything with a global id that node(id) can fetch again.',
  resolveType: (row: object) => nodeTypeOf(row),
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id; pass it to node(id) or to filters.' })
  id!: string;
}
