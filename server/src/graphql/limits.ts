/**
 * Cost limits for every operation, checked before anything runs: nesting depth, number
 * of aliases, number of selections once fragments are expanded, and a complexity estimate
 * where a list field costs its page size (`first`, default 50) times what is selected under
 * it. The computed cost is reported in the response's `extensions.cost`, as GitHub's API
 * reports rate-limit cost. The same hook refuses the operations nothing could run (a
 * subscription: the schema has none) and variables nested deeper than any input.
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
/**
 * Selections (fields, spreads, inline fragments) once fragments are expanded. The standard
 * introspection query expands to a few hundred; a fragment spread twice in each of 30
 * nested fragments expands to 2^30, which the complexity estimate would walk one by one.
 * Below graphql-query-complexity's own node limit (10,000), which throws an uncoded error.
 */
export const MAX_SELECTIONS = 5_000;
/** Variables nested deeper than this are refused: no input of the schema is more than 3 deep. */
export const MAX_VARIABLES_DEPTH = 32;

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

/** A request error (400) with one of the codes formatError passes on with their message. */
function badRequest(code: 'BAD_USER_INPUT' | 'GRAPHQL_VALIDATION_FAILED', message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

interface Measure {
  depth: number;
  aliases: number;
  selections: number;
}

/**
 * Depth, aliases and selections of an operation, fragments expanded. Each fragment is
 * measured once and its measure reused at every spread, so the work is linear in the
 * document however often fragments multiply (cycles are a validation error; skipped here).
 */
function measure(document: DocumentNode, operation: OperationDefinitionNode): Measure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const measured = new Map<string, Measure>();
  const active = new Set<string>();

  const ofFragment = (name: string): Measure => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || active.has(name)) return { depth: 0, aliases: 0, selections: 0 };
    active.add(name);
    const result = ofSet(fragment.selectionSet);
    active.delete(name);
    measured.set(name, result);
    return result;
  };

  const ofSet = (set: SelectionSetNode): Measure => {
    const total: Measure = { depth: 0, aliases: 0, selections: set.selections.length };
    const add = (inner: Measure, levels: number) => {
      total.depth = Math.max(total.depth, inner.depth + levels);
      total.aliases += inner.aliases;
      total.selections += inner.selections;
    };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) add(ofFragment(selection.name.value), 0);
      else if (selection.kind === Kind.INLINE_FRAGMENT) add(ofSet(selection.selectionSet), 0);
      else {
        if (selection.alias) total.aliases += 1;
        if (!selection.selectionSet) continue;
        const inner = ofSet(selection.selectionSet);
        // Introspection (__schema, __type) is bounded by the schema, gated by the
        // introspection setting and by graphql-js's MaxIntrospectionDepthRule; its standard
        // query (GraphiQL's, codegen's) nests type references 14 levels deep, so it is left
        // out of the depth count (not out of the alias and selection counts).
        const introspection = selection.name.value.startsWith('__');
        add(introspection ? { ...inner, depth: 0 } : inner, introspection ? 0 : 1);
      }
    }
    return total;
  };

  return ofSet(operation.selectionSet);
}

/** Whether `value` holds an object or array `max` levels down; iterative, so no depth overflows it. */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth >= max) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}

/**
 * What must hold before an operation is even measured. A subscription would reach graphql-js's
 * executor, whose "Schema is not configured" error carries no code (so it would be reported
 * as an internal error). Deeply nested variables, declared or not, would overflow the stack
 * of the response cache's JSON.stringify of its key (an HTTP 500).
 */
function checkRunnable(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: unknown): void {
  if (!schema.getRootType(operation.operation))
    throw badRequest('GRAPHQL_VALIDATION_FAILED', `This API has no ${operation.operation} operations.`);
  if (nestedDeeperThan(variables, MAX_VARIABLES_DEPTH))
    throw badRequest('BAD_USER_INPUT', `Variables may be nested at most ${MAX_VARIABLES_DEPTH} levels deep.`);
}

function checkShape(document: DocumentNode, operation: OperationDefinitionNode, limits: QueryLimits): void {
  const { depth, aliases, selections } = measure(document, operation);
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
  if (selections > MAX_SELECTIONS) {
    throw tooComplex(
      `The query selects ${selections} fields once its fragments are expanded; at most ${MAX_SELECTIONS} are allowed.`,
      { selections, maxSelections: MAX_SELECTIONS },
    );
  }
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
          checkRunnable(schema, operation, request.variables);
          checkShape(document, operation, limits);
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
            // surfaces here, uncoded, and must stay the client's error (400, as Apollo's own
            // coercion answers), not an internal one.
            if (error instanceof GraphQLError && error.extensions.code === undefined && !error.path)
              throw badRequest('BAD_USER_INPUT', error.message);
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
