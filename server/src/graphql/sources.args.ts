import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class SourcesArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 0 to 200 (default 50).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}
