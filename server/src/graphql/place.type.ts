import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Node } from './node.type.js';

@ObjectType('Place', { implements: [Node], description: 'Where a meeting or event took place.' })
export class Place {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'The country the place is in, when known.' })
  country!: string | null;

  @Field(() => Float, { nullable: true })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  longitude!: number | null;
}
