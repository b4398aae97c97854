import { Field, ObjectType } from 'type-graphql';
import type { SourceRow } from '../services/find-sources.js';
import type { TimelineItemRow } from '../services/timeline-filter.js';
import { Source, SourceWarning } from './source.type.js';
import { TimelineItem } from './timeline-item.type.js';

/**
 * Declared for Mutation.ingestArticle (not wired yet; see schema.ts). Return rows: a
 * SourceRow (find-sources.ts select) and TimelineItemRows (the loaders' items.loadMany).
 */
@ObjectType('IngestResult', { description: 'What ingesting one article did.' })
export class IngestResult {
  @Field(() => Source)
  source!: SourceRow;

  @Field(() => [TimelineItem], { description: 'Items this article created.' })
  created!: TimelineItemRow[];

  @Field(() => [TimelineItem], { description: 'Existing items this article added a citation to.' })
  corroborated!: TimelineItemRow[];

  @Field(() => [SourceWarning])
  warnings!: SourceWarning[];
}
