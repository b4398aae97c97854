/**
 * Relation fields are typed with the services' rows (type-only imports): the value behind
 * them is a row, and decorator metadata then never names a class across an import cycle.
 */
import { Field, ID, ObjectType } from 'type-graphql';
import type { SourceRow } from '../services/find-sources.js';
import type { CitationRow } from '../services/load-nodes.js';
import { Citation } from './citation.type.js';
import { DateTimeScalar } from './date-time.scalar.js';
import { FuzzyDate } from './fuzzy-date.type.js';
import { Node } from './node.type.js';

@ObjectType('SourceWarning', { description: 'Something a reader of this source should know.' })
export class SourceWarning {
  @Field(() => String, { description: 'Stable machine code: NEAR_DUPLICATE, DATE_CONFLICT, UNDATED, ...' })
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType('Source', { implements: [Node], description: 'An ingested article.' })
export class Source {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => FuzzyDate, { nullable: true, description: 'When it was published, as precisely as known.' })
  publishedAt!: FuzzyDate | null;

  @Field(() => DateTimeScalar)
  ingestedAt!: Date;

  @Field(() => Source, { nullable: true, description: 'The original, when this source is a copy of it.' })
  duplicateOf!: SourceRow | null;

  @Field(() => [SourceWarning])
  warnings!: SourceWarning[];

  @Field(() => [Citation], { description: 'Every passage of this source cited by an item, in text order.' })
  citations!: CitationRow[];
}
