import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { ArticleInput } from '../ingest/types.js';
import { AppError } from '../lib/errors.js';
import { findSourceById } from '../services/find-sources.js';
import { ingestArticle } from '../services/ingest-article.js';
import { type GraphQLContext, requireRole } from './context.js';
import { IngestArticleInput } from './ingest-article.input.js';
import { IngestResult } from './ingest-result.type.js';

@Resolver(() => IngestResult)
export class IngestResolver {
  @Mutation(() => IngestResult, {
    description:
      'Runs the extraction pipeline on one article. Requires an EDITOR key. Idempotent: the same text twice yields the same source.',
  })
  async ingestArticle(
    @Arg('input', () => IngestArticleInput) input: IngestArticleInput,
    @Ctx() context: GraphQLContext,
  ): Promise<IngestResult> {
    requireRole(context, 'EDITOR');
    // Length, format and date limits are the service's, shared with the CLI and seed loader.
    const article: ArticleInput = { text: input.text };
    if (input.format) article.format = input.format;
    if (input.url) article.url = input.url;
    if (input.title) article.title = input.title;
    if (input.publisher) article.publisher = input.publisher;
    if (input.publishedAt) article.publishedAt = input.publishedAt;
    const result = await ingestArticle(context.prisma, { input: article, logger: context.logger });
    const source = await findSourceById(context.prisma, result.sourceId);
    if (!source) throw new AppError('INTERNAL_SERVER_ERROR', 'The ingested source could not be read back.');
    const load = async (ids: string[]) =>
      (await context.loaders.items.loadMany(ids)).filter(
        (row): row is Exclude<typeof row, Error | null | undefined> => Boolean(row) && !(row instanceof Error),
      );
    return {
      source,
      created: await load(result.created),
      corroborated: await load(result.corroborated),
      warnings: result.warnings,
    };
  }
}
