import { Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { findSources, type SourceRow } from '../services/find-sources.js';
import type { CitationRow } from '../services/load-nodes.js';
import { Citation } from './citation.type.js';
import { type ConnectionValue, SourceConnection, toConnection } from './connection.type.js';
import type { GraphQLContext } from './context.js';
import { publicationDate } from './fuzzy-date.js';
import { FuzzyDate } from './fuzzy-date.type.js';
import { toGlobalId } from './global-id.js';
import { Source, SourceWarning } from './source.type.js';
import { SourcesArgs } from './sources.args.js';

/** The stored warnings JSON, keeping only well-formed entries. */
function warningsOf(json: unknown): SourceWarning[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((w: unknown) => {
    if (typeof w !== 'object' || w === null) return [];
    const { code, message } = w as { code?: unknown; message?: unknown };
    return typeof code === 'string' && typeof message === 'string' ? [{ code, message }] : [];
  });
}

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => SourceConnection, { description: 'Sources in the order they were ingested.' })
  async sources(
    @Args(() => SourcesArgs) { first, after }: SourcesArgs,
    @Ctx() { prisma }: GraphQLContext,
  ): Promise<ConnectionValue<SourceRow>> {
    return toConnection(await findSources(prisma, { first, after }));
  }

  @FieldResolver(() => ID)
  id(@Root() source: SourceRow): string {
    return toGlobalId('Source', source.id);
  }

  @FieldResolver(() => FuzzyDate, { nullable: true })
  publishedAt(@Root() source: SourceRow): FuzzyDate | null {
    return publicationDate(source.publishedAt, source.publishedPrecision, source.publishedBasis);
  }

  @FieldResolver(() => Source, { nullable: true })
  duplicateOf(@Root() source: SourceRow, @Ctx() { loaders }: GraphQLContext): Promise<SourceRow | null> | null {
    return source.duplicateOfId ? loaders.sources.load(source.duplicateOfId) : null;
  }

  @FieldResolver(() => [SourceWarning])
  warnings(@Root() source: SourceRow): SourceWarning[] {
    return warningsOf(source.warnings);
  }

  @FieldResolver(() => [Citation])
  citations(@Root() source: SourceRow, @Ctx() { loaders }: GraphQLContext): Promise<CitationRow[]> {
    return loaders.citationsBySource.load(source.id);
  }
}
