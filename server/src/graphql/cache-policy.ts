/**
 * How long a GraphQL answer may be reused, decided once per operation instead of per
 * field. Every type Parley serves has the same freshness, so Apollo's per-field
 * cache-control bookkeeping (a wrapper around every resolver call) would buy nothing and
 * costs a measurable share of a 200-item timeline page. Anonymous queries are public for
 * `maxAge` seconds (browsers, CDNs and the response cache may keep them); queries with a
 * key, mutations and answers with errors are never stored.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context.js';

export function cachePolicyPlugin(maxAge: number): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue, overallCachePolicy }) {
          const publicRead = operation?.operation === 'query' && !contextValue.viewer.role;
          overallCachePolicy.replace(publicRead ? { maxAge, scope: 'PUBLIC' } : { maxAge: 0 });
        },
        async willSendResponse({ response, overallCachePolicy }) {
          const failed = response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
          const policy = overallCachePolicy.policyIfCacheable();
          response.http.headers.set(
            'cache-control',
            policy && !failed ? `max-age=${policy.maxAge}, public` : 'no-store',
          );
        },
      };
    },
  };
}
