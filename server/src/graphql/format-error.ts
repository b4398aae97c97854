/**
 * The one place errors become responses. An AppError keeps its code and message (services
 * write those for clients); GraphQL's own request errors (syntax, validation, bad variable
 * values) keep theirs; a database that cannot be reached is DATABASE_UNAVAILABLE (HTTP 503:
 * the same request will work once PostgreSQL is back); everything else — a failed query, a
 * bug — is reported as INTERNAL_SERVER_ERROR with a fixed message, so no stack, SQL,
 * connection string or row data ever leaves the server. Hidden in every environment, not
 * only production: the server receives no config here, and the details are in the server
 * log (see errorResponses).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../lib/db.js';
import { isAppError } from '../lib/errors.js';
import type { GraphQLContext } from './context.js';

/** Codes Apollo and graphql-js give to errors in the request itself; their messages are safe. */
const requestErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_COMPLEX',
]);

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';
export const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE';
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is unavailable right now; try again shortly.';
/** Seconds a client is asked to wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Apollo refuses a few requests with a 4xx status and no code ("provided sha does not match
 * query", "Unsupported persisted query version"): the request's fault, in Apollo's words.
 */
function isUncodedRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.path !== undefined || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** graphql-js repeats invalid input back in its messages; a megabyte in must not become four out. */
const MAX_MESSAGE_CHARS = 1000;
const capped = (message: string) =>
  message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}… (message shortened)` : message;

function isUnexpected(formatted: GraphQLFormattedError, error: unknown): boolean {
  if (isAppError(unwrapResolverError(error))) return false;
  if (isUncodedRequestError(error)) return false;
  const code = formatted.extensions?.code;
  // A resolver's own failure is never a request error, whatever code it claims.
  const fromResolver = formatted.path !== undefined;
  return fromResolver || typeof code !== 'string' || !requestErrorCodes.has(code);
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const where = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  const original = unwrapResolverError(error);
  if (isAppError(original)) return { message: original.message, ...where, extensions: { code: original.code } };
  if (isDatabaseUnavailable(original))
    return { message: DATABASE_UNAVAILABLE_MESSAGE, ...where, extensions: { code: DATABASE_UNAVAILABLE } };
  if (isUnexpected(formatted, error))
    return { message: INTERNAL_ERROR_MESSAGE, ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  // Cost limits say what was measured, so a client can shrink its query.
  const code = isUncodedRequestError(error) ? 'BAD_REQUEST' : formatted.extensions?.code;
  const extensions = code === 'QUERY_TOO_COMPLEX' ? { ...formatted.extensions } : { code };
  return { message: capped(formatted.message), ...where, extensions };
}

/**
 * Logs, with the request's logger, every error formatError hides from the client, and
 * makes a response that failed for want of the database an HTTP 503 with Retry-After, so
 * load balancers and clients retry instead of reporting a bug. The status is set here, in
 * didEncounterErrors, because Apollo takes it from the errors before formatError runs and
 * ignores what formatError returns under `extensions.http`.
 */
export const errorResponses: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ contextValue, errors, response }) {
        let databaseUnavailable = false;
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (isAppError(original) || isUncodedRequestError(error)) continue;
          if (typeof error.extensions?.code === 'string' && requestErrorCodes.has(error.extensions.code) && !error.path)
            continue;
          if (isDatabaseUnavailable(original)) {
            databaseUnavailable = true;
            continue;
          }
          contextValue.logger.error({ err: original, path: error.path }, 'unexpected error in a GraphQL request');
        }
        if (!databaseUnavailable) return;
        // One line per request, not a stack per field: an outage is not a bug.
        contextValue.logger.warn('GraphQL request failed: the database is unavailable');
        response.http.status = 503;
        response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      },
    };
  },
};
