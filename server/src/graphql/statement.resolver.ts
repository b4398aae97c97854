import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ActorRow } from '../services/find-actors.js';
import type { TimelineItemRow } from '../services/timeline-filter.js';
import { Actor } from './actor.type.js';
import type { GraphQLContext } from './context.js';
import { QuoteVariant } from './quote-variant.type.js';
import { Statement } from './statement.type.js';

@Resolver(() => Statement)
export class StatementResolver {
  @FieldResolver(() => Actor)
  speaker(@Root() item: TimelineItemRow, @Ctx() { loaders }: GraphQLContext): Promise<ActorRow | null> {
    // Every statement has a speaker (a database trigger insists).
    return loaders.actors.load(item.speakerId as string);
  }

  @FieldResolver(() => [QuoteVariant])
  async variants(@Root() item: TimelineItemRow, @Ctx() { loaders }: GraphQLContext): Promise<QuoteVariant[]> {
    const citations = await loaders.citationsByItem.load(item.id);
    const seen = new Set<string>();
    const variants: QuoteVariant[] = [];
    for (const citation of citations) {
      // One source repeating the same words twice is one wording.
      const key = `${citation.sourceId}\n${citation.quoteText}`;
      if (!citation.quoteText || seen.has(key)) continue;
      seen.add(key);
      variants.push({ text: citation.quoteText, citation });
    }
    return variants;
  }
}
