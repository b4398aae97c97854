import { Field, ObjectType } from 'type-graphql';
import type { ActorRow } from '../services/find-actors.js';
import { Actor } from './actor.type.js';
import { ParticipantRole } from './enums.js';

@ObjectType('Participation', { description: 'An actor taking part in an item, and how.' })
export class Participation {
  @Field(() => Actor)
  actor!: ActorRow;

  @Field(() => ParticipantRole)
  role!: ParticipantRole;
}
