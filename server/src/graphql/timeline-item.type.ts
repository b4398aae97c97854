/**
 * The TimelineItem interface. Events, meetings and statements share one table and one set
 * of field resolvers (timeline-item.resolver.ts, declared on the interface and inherited by
 * each type). Relation fields are typed with the services' rows: see source.type.ts.
 */
import { Field, ID, Int, InterfaceType } from 'type-graphql';
import type { CitationRow, ParticipantRow, PlaceRow } from '../services/load-nodes.js';
import type { TimelineItemRow } from '../services/timeline-filter.js';
import { Citation } from './citation.type.js';
import { ItemKind, ItemStatus } from './enums.js';
import { FuzzyDate } from './fuzzy-date.type.js';
import { itemTypeName } from './global-id.js';
import { Node } from './node.type.js';
import { Participation } from './participation.type.js';
import { Place } from './place.type.js';

@InterfaceType('TimelineItem', {
  implements: [Node],
  description: 'Something that happened or was said, with the sources that report it.',
  resolveType: (row: TimelineItemRow) => itemTypeName(row.kind),
})
export abstract class TimelineItem {
  @Field(() => ID)
  id!: string;

  @Field(() => ItemKind)
  kind!: ItemKind;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => FuzzyDate, { nullable: true, description: 'Null when no source dates it.' })
  date!: FuzzyDate | null;

  @Field(() => ItemStatus)
  status!: ItemStatus;

  @Field(() => Place, { nullable: true })
  place!: PlaceRow | null;

  @Field(() => [Participation], { description: 'Speaker first, then participants, then actors mentioned.' })
  participants!: ParticipantRow[];

  @Field(() => [Citation], { description: 'Every source passage that supports this item, oldest source first.' })
  citations!: CitationRow[];

  @Field(() => Int, { description: 'Distinct sources citing this item; copies of one article count once.' })
  sourceCount!: number;
}
