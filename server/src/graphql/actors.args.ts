import { ArgsType, Field, Int } from 'type-graphql';
import { ActorKind } from './enums.js';

@ArgsType()
export class ActorsArgs {
  @Field(() => String, { nullable: true, description: 'Part of a name or alias, at most 500 characters.' })
  search?: string | null;

  @Field(() => ActorKind, { nullable: true })
  kind?: ActorKind | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0 to 200 (default 50).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}
