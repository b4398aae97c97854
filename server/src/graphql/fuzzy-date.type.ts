import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from './date-time.scalar.js';
import { DateBasis, DatePrecision } from './enums.js';

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

  @Field(() => DateBasis, {
    nullable: true,
    description: 'What the date was determined from; null for dates stored without a basis.',
  })
  basis!: DateBasis | null;

  @Field(() => String, {
    description:
      'The calendar date for people: "16 Feb 2017", "week of 13 Feb 2017", "Apr 2018", "2014". For a date taken from the publication date (basis PUBLICATION) prefer `display`.',
  })
  label!: string;

  @Field(() => String, {
    description:
      'The date as it should be shown: `label`, except for basis PUBLICATION, which says only when the item was reported: "reported on 7 Dec 2018" (DAY) or "reported by Dec 2018" (coarser).',
  })
  display!: string;
}
