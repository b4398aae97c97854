import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { CitationRow } from '../services/load-nodes.js';
import type { TimelineItemRow } from '../services/timeline-filter.js';
import { Citation } from './citation.type.js';
import type { GraphQLContext } from './context.js';
import { toGlobalId } from './global-id.js';
import { TimelineItem } from './timeline-item.type.js';

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => ID)
  id(@Root() citation: CitationRow): string {
    return toGlobalId('Citation', citation.id);
  }

  @FieldResolver(() => TimelineItem)
  item(@Root() citation: CitationRow, @Ctx() { loaders }: GraphQLContext): Promise<TimelineItemRow | null> {
    return loaders.items.load(citation.itemId);
  }
}
