import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from './date-time.scalar.js';
import { DatePrecision } from './enums.js';

@ObjectType('FuzzyDate', {
  description:
    'A date known to some precision, as the half-open interval [start, end): April 2018 is 2018-04-01 to 2018-05-01, precision MONTH.',
})
export class FuzzyDate {
  @Field(() => DateTimeScalar, { description: 'First instant of the interval (UTC midnight).' })
  start!: Date;

  @Field(() => DateTimeScalar, { description: 'First instant after the interval (exclusive).' })
  end!: Date;

  @Field(() => DatePrecision)
  precision!: DatePrecision;

  @Field(() => String, { description: 'For people: "16 Feb 2017", "week of 13 Feb 2017", "Apr 2018", "2014".' })
  label!: string;
}
