import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'About this Parley server.' })
export class ServerInfo {
  @Field(() => String, { description: 'Parley version.' })
  version!: string;

  @Field(() => String, { description: 'Version of the extraction pipeline new sources are ingested with.' })
  extractorVersion!: string;
}
