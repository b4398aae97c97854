import { Field, ID, ObjectType } from 'type-graphql';
import { ActorKind } from './enums.js';
import { Node } from './node.type.js';

@ObjectType('Actor', {
  implements: [Node],
  description: 'A person, organization or country that speaks, meets or acts.',
})
export class Actor {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The fullest name sources give.' })
  name!: string;

  @Field(() => ActorKind)
  kind!: ActorKind;

  @Field(() => [String], { description: 'Other names sources use for this actor.' })
  aliases!: string[];

  @Field(() => String, { nullable: true, description: 'Role or title as sources give it.' })
  description!: string | null;

  @Field(() => Actor, {
    nullable: true,
    description:
      'Whom this actor speaks for, when sources say so: the principal of a spokesperson, aide or lawyer ("Kevin Seifert, spokesman for Paul Ryan").',
  })
  affiliation!: Actor | null;
}
