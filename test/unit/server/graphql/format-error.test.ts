import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Prisma } from '../../../../server/src/generated/prisma/client.js';
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  formatError,
  INTERNAL_ERROR_MESSAGE,
} from '../../../../server/src/graphql/format-error.js';
import { isDatabaseUnavailable } from '../../../../server/src/lib/db.js';
import { AppError } from '../../../../server/src/lib/errors.js';

/** What graphql-js hands Apollo when a resolver throws `original`. */
function fromResolver(original: Error): GraphQLError {
  return new GraphQLError(original.message, { path: ['timeline'], originalError: original });
}

function formatted(error: GraphQLError, code: string) {
  return { message: error.message, path: error.path, extensions: { code, stacktrace: ['at secret.ts:1'] } };
}

describe('formatError', () => {
  it('keeps an AppError’s code and message, and nothing else', () => {
    const error = fromResolver(new AppError('BAD_USER_INPUT', '"first" must be between 0 and 200 (got 201).'));
    expect(unwrapResolverError(error)).toBeInstanceOf(AppError);
    expect(formatError(formatted(error, 'INTERNAL_SERVER_ERROR'), error)).toEqual({
      message: '"first" must be between 0 and 200 (got 201).',
      path: ['timeline'],
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('hides any other resolver error: no message, SQL or stack', () => {
    const error = fromResolver(
      new Error('Invalid `prisma.$queryRaw()` invocation: SELECT secret FROM api_key WHERE key_hash = $1'),
    );
    const result = formatError(formatted(error, 'INTERNAL_SERVER_ERROR'), error);
    expect(result).toEqual({
      message: INTERNAL_ERROR_MESSAGE,
      path: ['timeline'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(result)).not.toMatch(/SELECT|prisma|stack/i);
  });

  it('hides a resolver error that claims a request-error code', () => {
    const error = fromResolver(
      new GraphQLError('column "x" does not exist', { extensions: { code: 'BAD_USER_INPUT' } }),
    );
    expect(formatError(formatted(error, 'BAD_USER_INPUT'), error).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
    });
  });

  it('keeps errors in the request itself (syntax, validation, variables), without their stack', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(
      formatError(
        {
          message: error.message,
          locations: [{ line: 1, column: 3 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['x'] },
        },
        error,
      ),
    ).toEqual({
      message: 'Cannot query field "nope" on type "Query".',
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('hides errors with no code at all', () => {
    const error = new GraphQLError('something odd');
    expect(formatError({ message: 'something odd' }, error)).toEqual({
      message: INTERNAL_ERROR_MESSAGE,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});

describe('formatError when the database is away', () => {
  /** The shapes seen with PostgreSQL stopped: Prisma over @prisma/adapter-pg, and node-postgres itself. */
  const adapterError = (cause: Record<string, unknown>) => ({
    driverAdapterError: { name: 'DriverAdapterError', cause },
  });
  const unavailable: Array<[string, Error]> = [
    [
      'Prisma P1001 (a model query, server down)',
      new Prisma.PrismaClientKnownRequestError("Can't reach database server at 127.0.0.1:5432", {
        code: 'P1001',
        clientVersion: '7',
        meta: adapterError({ kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }),
      }),
    ],
    [
      'Prisma P2010 (a raw query, server down)',
      new Prisma.PrismaClientKnownRequestError('Raw query failed. Code: `N/A`.', {
        code: 'P2010',
        clientVersion: '7',
        meta: adapterError({ kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }),
      }),
    ],
    [
      'Prisma P2010 with 57P01 (server shutting down mid-query)',
      new Prisma.PrismaClientKnownRequestError('Raw query failed. Code: `57P01`.', {
        code: 'P2010',
        clientVersion: '7',
        meta: adapterError({ kind: 'postgres', code: '57P01', originalCode: '57P01', severity: 'FATAL' }),
      }),
    ],
    [
      'node-postgres ECONNREFUSED',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
        code: 'ECONNREFUSED',
        syscall: 'connect',
        errno: -111,
      }),
    ],
    ['node-postgres dropped socket', new Error('Connection terminated unexpectedly')],
    [
      'PostgreSQL starting up (57P03)',
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    ],
  ];

  it.each(unavailable)('reports %s as DATABASE_UNAVAILABLE, with no detail', (_label, original) => {
    expect(isDatabaseUnavailable(original)).toBe(true);
    const error = fromResolver(original);
    const result = formatError(formatted(error, 'INTERNAL_SERVER_ERROR'), error);
    expect(result).toEqual({
      message: DATABASE_UNAVAILABLE_MESSAGE,
      path: ['timeline'],
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    });
    expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|5432|prisma|stack/i);
  });

  const notUnavailable: Array<[string, Error]> = [
    [
      'a unique violation (P2002)',
      new Prisma.PrismaClientKnownRequestError('Unique constraint failed', { code: 'P2002', clientVersion: '7' }),
    ],
    [
      'a bad query (42P01)',
      new Prisma.PrismaClientKnownRequestError('Raw query failed. Code: `42P01`.', {
        code: 'P2010',
        clientVersion: '7',
        meta: adapterError({ kind: 'postgres', code: '42P01', originalCode: '42P01', severity: 'ERROR' }),
      }),
    ],
    ['a bug', new TypeError('Cannot read properties of undefined')],
  ];

  it.each(notUnavailable)('still hides %s as INTERNAL_SERVER_ERROR', (_label, original) => {
    expect(isDatabaseUnavailable(original)).toBe(false);
    const error = fromResolver(original);
    expect(formatError(formatted(error, 'INTERNAL_SERVER_ERROR'), error).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
    });
  });
});
