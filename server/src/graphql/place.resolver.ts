import { FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { PlaceRow } from '../services/load-nodes.js';
import { toGlobalId } from './global-id.js';
import { Place } from './place.type.js';

@Resolver(() => Place)
export class PlaceResolver {
  @FieldResolver(() => ID)
  id(@Root() place: PlaceRow): string {
    return toGlobalId('Place', place.id);
  }
}
