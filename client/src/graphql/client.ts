/**
 * The GraphQL client. urql rather than a normalized-cache client: the explorer reads
 * windows of a timeline and the occasional detail, which a document cache serves well at a
 * tenth of the size. Reads go as GET (cacheable) with Apollo's CSRF preflight header.
 */
import { Client, cacheExchange, fetchExchange } from '@urql/core';

export interface ClientOptions {
  /** The API's URL; the explorer's own origin by default. */
  url?: string;
  /** Read at request time, so a key entered in settings applies at once. */
  apiKey?: () => string | null;
}

export function createParleyClient(options: ClientOptions = {}): Client {
  return new Client({
    url: options.url ?? new URL('/graphql', window.location.href).toString(),
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: 'within-url-limit',
    requestPolicy: 'cache-first',
    fetchOptions: () => {
      const headers: Record<string, string> = { 'apollo-require-preflight': 'true' };
      const key = options.apiKey?.();
      if (key) headers.authorization = `Bearer ${key}`;
      return { headers };
    },
  });
}

/** A friendly message for a failed operation: the server's own words when it gave any. */
export function errorMessage(error: {
  graphQLErrors?: ReadonlyArray<{ message: string }>;
  networkError?: Error | undefined;
  message: string;
}): string {
  const first = error.graphQLErrors?.[0];
  if (first) return first.message;
  if (error.networkError) return `The server could not be reached (${error.networkError.message}).`;
  return error.message;
}
