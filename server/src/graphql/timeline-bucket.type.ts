import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from './date-time.scalar.js';
import { ItemKind } from './enums.js';

@ObjectType('KindCount')
export class KindCount {
  @Field(() => ItemKind)
  kind!: ItemKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType('TimelineBucket', { description: 'How many items start in one period (UTC).' })
export class TimelineBucket {
  @Field(() => DateTimeScalar)
  start!: Date;

  @Field(() => DateTimeScalar, { description: 'Start of the next period (exclusive).' })
  end!: Date;

  @Field(() => Int)
  count!: number;

  @Field(() => [KindCount], { description: 'Every kind, in EVENT, MEETING, STATEMENT order, zeros included.' })
  countsByKind!: KindCount[];
}
