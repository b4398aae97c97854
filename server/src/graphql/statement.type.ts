import { Field, ObjectType } from 'type-graphql';
import type { ActorRow } from '../services/find-actors.js';
import { Actor } from './actor.type.js';
import { Node } from './node.type.js';
import { QuoteVariant } from './quote-variant.type.js';
import { TimelineItem } from './timeline-item.type.js';

@ObjectType('Statement', { implements: [Node, TimelineItem], description: 'Words an actor said, as reported.' })
export class Statement {
  @Field(() => Actor)
  speaker!: ActorRow;

  @Field(() => String, { description: 'The canonical wording: the most complete one any source gives.' })
  quote!: string;

  @Field(() => [QuoteVariant], { description: "Each source's own wording, oldest source first." })
  variants!: QuoteVariant[];
}
