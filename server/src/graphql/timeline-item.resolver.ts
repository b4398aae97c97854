import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { CitationRow, ParticipantRow, PlaceRow } from '../services/load-nodes.js';
import type { TimelineItemRow } from '../services/timeline-filter.js';
import { Citation } from './citation.type.js';
import type { GraphQLContext } from './context.js';
import { itemDate } from './fuzzy-date.js';
import { FuzzyDate } from './fuzzy-date.type.js';
import { itemTypeName, toGlobalId } from './global-id.js';
import { Participation } from './participation.type.js';
import { Place } from './place.type.js';
import { TimelineItem } from './timeline-item.type.js';

/** Declared on the interface, so Event, Meeting and Statement all resolve these fields here. */
@Resolver(() => TimelineItem)
export class TimelineItemResolver {
  @FieldResolver(() => ID)
  id(@Root() item: TimelineItemRow): string {
    return toGlobalId(itemTypeName(item.kind), item.id);
  }

  @FieldResolver(() => FuzzyDate, { nullable: true })
  date(@Root() item: TimelineItemRow): FuzzyDate | null {
    return itemDate(item.dateStart, item.dateEnd, item.datePrecision, item.dateBasis);
  }

  @FieldResolver(() => Place, { nullable: true })
  place(@Root() item: TimelineItemRow, @Ctx() { loaders }: GraphQLContext): Promise<PlaceRow | null> | null {
    return item.placeId ? loaders.places.load(item.placeId) : null;
  }

  @FieldResolver(() => [Participation])
  participants(@Root() item: TimelineItemRow, @Ctx() { loaders }: GraphQLContext): Promise<ParticipantRow[]> {
    return loaders.participantsByItem.load(item.id);
  }

  @FieldResolver(() => [Citation])
  citations(@Root() item: TimelineItemRow, @Ctx() { loaders }: GraphQLContext): Promise<CitationRow[]> {
    return loaders.citationsByItem.load(item.id);
  }
}
