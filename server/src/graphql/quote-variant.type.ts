import { Field, ObjectType } from 'type-graphql';
import type { CitationRow } from '../services/load-nodes.js';
import { Citation } from './citation.type.js';

@ObjectType('QuoteVariant', { description: "One source's wording of a statement." })
export class QuoteVariant {
  @Field(() => String)
  text!: string;

  @Field(() => Citation)
  citation!: CitationRow;
}
