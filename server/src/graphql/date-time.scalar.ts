/**
 * DateTime: an instant, always written as ISO-8601 in UTC with milliseconds
 * (2017-02-16T00:00:00.000Z). Accepted as input: a date-time with an explicit offset (Z or
 * +03:00) or a bare calendar date (2017-02-16, read as UTC midnight). A date-time with no
 * offset is refused: it would mean a different instant on every server. So is an instant
 * outside the years 1 to 9999 (UTC): year 0 and the years before it reach PostgreSQL as
 * ISO strings it cannot read ("-000001-12-31T23:00:00.000Z"), and after 9999 no other part
 * of Parley (cursors, exports, the editor's dates) can write them back.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isStorableYear } from '../lib/utc-date.js';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

function refuse(value: unknown): never {
  const shown = typeof value === 'string' ? `"${value.slice(0, 40)}"` : 'something that is not a string';
  throw new GraphQLError(
    `DateTime must be an ISO-8601 date-time with an offset (2017-02-16T00:00:00Z) or a date (2017-02-16); got ${shown}.`,
  );
}

/** The instant an ISO-8601 string names, or a GraphQLError for anything else. */
export function parseDateTime(text: string): Date {
  const m = DATE_TIME.exec(text);
  if (!m) return refuse(text);
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return refuse(text);
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 23 || om > 59) return refuse(text);
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day); // years 0..99 stay themselves, unlike Date.UTC
  if (utc.getUTCDate() !== day) return refuse(text); // 30 February, 31 April
  utc.setUTCHours(hour, minute, second, millis);
  const instant = new Date(utc.getTime() - offsetMinutes * 60_000);
  const utcYear = instant.getUTCFullYear();
  if (!isStorableYear(utcYear)) return refuse(text);
  return instant;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An instant in ISO-8601, always returned in UTC (2017-02-16T00:00:00.000Z). Input may carry any offset, or be a date (2017-02-16 = UTC midnight).',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    throw new GraphQLError('DateTime cannot represent a value that is not a valid Date.');
  },
  parseValue(value) {
    if (typeof value !== 'string') return refuse(value);
    return parseDateTime(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) return refuse(undefined);
    return parseDateTime(ast.value);
  },
});
