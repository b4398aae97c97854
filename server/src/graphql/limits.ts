/**
 * Cost limits for every operation, checked before anything runs: nesting depth, number
 * of aliases, and a complexity estimate where a list field costs its page size (`first`,
 * default 50) times what is selected under it. The computed cost is reported in the
 * response's `extensions.cost`, as GitHub's API reports rate-limit cost.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { type ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { GraphQLContext } from './context.js';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxComplexity: number;
}

export const defaultQueryLimits: QueryLimits = { maxDepth: 12, maxAliases: 30, maxComplexity: 50_000 };
const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

/** Lists cost their page size times their contents. */
const pagedEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((a) => a.name === 'first')) return undefined;
  // Out-of-range sizes are the resolver's to refuse (BAD_USER_INPUT); count them at the cap.
  const first = typeof args.first === 'number' && args.first >= 0 ? Math.min(args.first, MAX_PAGE) : DEFAULT_PAGE;
  return 1 + Math.max(1, first) * Math.max(1, childComplexity);
};

function tooComplex(message: string, extra: Record<string, unknown>): GraphQLError {
  // 400: the request is at fault, not the server.
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', ...extra, http: { status: 400 } } });
}

/** Depth and alias count of an operation, fragments expanded (cycles are a validation error anyway). */
function measure(document: DocumentNode, operation: OperationDefinitionNode): { depth: number; aliases: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  let aliases = 0;
  const walk = (set: SelectionSetNode, depth: number, seen: Set<string>): number => {
    let deepest = depth;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases += 1;
        // Introspection (__schema, __type) is bounded by the schema and gated by the
        // introspection setting; its standard query (GraphiQL's, codegen's) nests type
        // references 14 levels deep, so it is left out of the depth count.
        const introspection = selection.name.value.startsWith('__');
        if (selection.selectionSet && !introspection)
          deepest = Math.max(deepest, walk(selection.selectionSet, depth + 1, seen));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, walk(selection.selectionSet, depth, seen));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        deepest = Math.max(deepest, walk(fragment.selectionSet, depth, new Set([...seen, name])));
      }
    }
    return deepest;
  };
  const depth = walk(operation.selectionSet, 0, new Set());
  return { depth, aliases };
}

export function queryLimitsPlugin(
  schema: GraphQLSchema,
  limits: QueryLimits = defaultQueryLimits,
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      let cost: number | null = null;
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const { depth, aliases } = measure(document, operation);
          if (depth > limits.maxDepth) {
            throw tooComplex(`The query is nested ${depth} levels deep; at most ${limits.maxDepth} are allowed.`, {
              depth,
              maxDepth: limits.maxDepth,
            });
          }
          if (aliases > limits.maxAliases) {
            throw tooComplex(`The query uses ${aliases} aliases; at most ${limits.maxAliases} are allowed.`, {
              aliases,
              maxAliases: limits.maxAliases,
            });
          }
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              ...(request.operationName ? { operationName: request.operationName } : {}),
              estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // It coerces the variables before Apollo does: a bad value ("DECADE" for an enum)
            // surfaces here, uncoded, and must stay the client's error, not an internal one.
            if (error instanceof GraphQLError && error.extensions.code === undefined && !error.path)
              throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
            throw error;
          }
          if (cost > limits.maxComplexity) {
            throw tooComplex(
              `The query's estimated cost is ${cost}; at most ${limits.maxComplexity} is allowed. Ask for smaller pages or fewer fields.`,
              {
                cost,
                maxComplexity: limits.maxComplexity,
              },
            );
          }
        },
        async willSendResponse({ response }) {
          if (cost === null || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { requested: cost, maximum: limits.maxComplexity } };
        },
      };
    },
  };
}
