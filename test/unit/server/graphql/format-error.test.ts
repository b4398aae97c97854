import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatError, INTERNAL_ERROR_MESSAGE } from '../../../../server/src/graphql/format-error.js';
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
