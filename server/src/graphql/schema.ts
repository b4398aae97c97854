import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ServerInfoResolver } from './server-info.resolver.js';

/** Builds the executable schema from the type-graphql resolvers (no glob wiring). */
export async function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [ServerInfoResolver],
    validate: false,
  });
}
