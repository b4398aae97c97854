import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { SourceRow } from '../services/find-sources.js';
import type { TimelineItemRow } from '../services/timeline-filter.js';
import { Source } from './source.type.js';
import { TimelineItem } from './timeline-item.type.js';

@ObjectType('Citation', { description: 'A passage of a source that supports an item.' })
export class Citation {
  @Field(() => ID, { description: 'Opaque id (citations are not nodes).' })
  id!: string;

  @Field(() => Source)
  source!: SourceRow;

  @Field(() => TimelineItem)
  item!: TimelineItemRow;

  @Field(() => String, { description: "The supporting passage, as it stands in the source's text." })
  excerpt!: string;

  @Field(() => Int, { nullable: true, description: "Offset of the excerpt's first character in the source's text." })
  start!: number | null;

  @Field(() => Int, { nullable: true, description: 'Offset just after its last character.' })
  end!: number | null;
}
